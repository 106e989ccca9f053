"""`palabre run`: migrate, collect static files, optionally load the demo, serve with gunicorn.

Each step is numbered on the terminal with what it does and how long it took, and is
skipped when already done: migrations only when some are not applied, static files only
when their sources changed, the demo only into an empty database. A first start takes
about half a minute on a quiet machine, later ones a few seconds.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, OutputWrapper
from django.db import connections

from palabre.core.management.commands.demo import demo_load
from palabre.core.supervisor import STOP_TIMEOUT
from palabre.organisations.demo import DEMO_LOGINS, DEMO_PASSWORD
from palabre.organisations.models import Organisation

# Where the demo's e-mails are written (one file per sending), under the data folder.
DEMO_EMAILS_FOLDER = "demo-emails"


class Step:
    """One numbered step as it runs: ``progress`` updates its line on a terminal, ``done``
    says how it ended (e.g. "up to date" when there was nothing to do)."""

    def __init__(self, out: OutputWrapper, label: str, interactive: bool):
        self.out = out
        self.label = label
        self.interactive = interactive
        self.outcome = "fait / done"
        self.started = time.monotonic()
        self._shown = ""

    def progress(self, text: str) -> None:
        if self.interactive and text != self._shown:
            self._shown = text
            self.out.write(f"\r{self.label} {text}\x1b[K", ending="")
            self.out.flush()

    def done(self, outcome: str) -> None:
        self.outcome = outcome


class Steps:
    """Numbered steps on the terminal: ``[2/4] What happens… done (3.1 s)``."""

    def __init__(self, out: OutputWrapper, total: int):
        self.out = out
        self.total = total
        self.number = 0
        self.interactive = out.isatty()

    @contextlib.contextmanager
    def step(self, label: str) -> Iterator[Step]:
        current = self.begin(label)
        token = _current_step.set(current)
        try:
            yield current
        finally:
            _current_step.reset(token)
        self.finish(current)

    def begin(self, label: str) -> Step:
        self.number += 1
        line = f"[{self.number}/{self.total}] {label}"
        current = Step(self.out, line, self.interactive)
        self.out.write(line, ending="" if self.interactive else "\n")
        self.out.flush()
        current.started = time.monotonic()
        return current

    def finish(self, current: Step) -> None:
        elapsed = time.monotonic() - current.started
        if self.interactive:
            self.out.write(f"\r{current.label} {current.outcome} ({elapsed:.1f} s)\x1b[K")
        else:
            self.out.write(f"      {current.outcome} ({elapsed:.1f} s)")
        self.out.flush()


_current_step: ContextVar[Step | None] = ContextVar("palabre_run_step", default=None)


class _LineCounter:
    """A stream for a command's output that counts the lines starting with ``marks``."""

    def __init__(self, marks: tuple[str, ...], on_count):
        self.marks = marks
        self.on_count = on_count
        self.count = 0

    def write(self, text: str) -> int:
        for line in text.splitlines():
            if line.strip().startswith(self.marks):
                self.count += 1
                self.on_count(self.count)
        return len(text)

    def flush(self) -> None:
        pass


class Command(BaseCommand):
    help = "Prepare the database and serve Palabre with gunicorn (and a background worker)."
    # Checked as the first numbered step, so that a newcomer sees something at once.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("PALABRE_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("WEB_CONCURRENCY", str((os.cpu_count() or 1) * 2 + 1))),
        )
        parser.add_argument(
            "--demo",
            action="store_true",
            help="Load the demo network when the database holds no organisation yet.",
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Do not start a background worker beside the web server.",
        )
        parser.add_argument("--timeout", type=int, default=60)

    def handle(self, *args, host, port, workers, demo, no_worker, timeout, **options):

        shown_host = "localhost" if host in ("127.0.0.1", "0.0.0.0") else host  # noqa: S104
        address = f"http://{shown_host}:{port}/"
        # Links in e-mails (the demo's included) point to where Palabre is served.
        if "SITE_URL" not in os.environ:
            settings.SITE_URL = address.rstrip("/")
            os.environ["SITE_URL"] = settings.SITE_URL
        emails_folder = demo_emails_to_folder() if demo else None

        self.stdout.write(f"Palabre se prépare / is getting ready ({settings.DATA_DIR})")
        steps = Steps(self.stdout, 5 if demo else 4)
        with steps.step("Vérification de la configuration / Checking the set-up…"):
            if not options.get("skip_checks"):
                self.check()
        with steps.step("Base de données / Database…"):
            migrate_if_needed()
        with steps.step("Fichiers statiques / Static files…"):
            collect_static_if_changed()
        if demo:
            with steps.step("Réseau de démonstration / Demo network…"):
                load_demo_once()

        # The web workers are forked from this process: none may inherit its database
        # connection (two processes on one PostgreSQL connection mix their answers).
        connections.close_all()
        starting = steps.begin(
            "Serveur web et tâches de fond / Web server and background worker…"
            if not no_worker
            else "Serveur web / Web server…"
        )
        supervisor = None if no_worker else worker_supervisor_start()

        def ready() -> None:  # gunicorn listens: the last thing printed is what to do next
            starting.done("prêt / ready")
            steps.finish(starting)
            self._announce(address, demo, emails_folder)

        try:
            serve(
                host=host,
                port=port,
                workers=workers,
                timeout=timeout,
                on_stop=lambda: worker_supervisor_signal(supervisor),
                on_ready=ready,
                quiet=demo,
            )
        finally:
            if supervisor is not None:
                worker_supervisor_stop(supervisor)

    def _announce(self, address: str, demo: bool, emails_folder: str | None) -> None:

        self.stdout.write("")
        if emails_folder:
            self.stdout.write(
                "E-mails de la démo / Demo e-mails: "
                f"{address}demo/emails/ (fichiers / files: {emails_folder})"
            )
        self.stdout.write(self.style.SUCCESS(f"Palabre : {address}"))
        if demo:
            self.stdout.write(
                f"Comptes de démonstration / Demo logins (mot de passe / password: {DEMO_PASSWORD})"
            )
            for email, role in DEMO_LOGINS:
                self.stdout.write(f"  {email:<34} {role}")
        self.stdout.write("Ctrl+C pour arrêter / to stop.")
        self.stdout.write("")
        self.stdout.flush()


def demo_emails_to_folder() -> str | None:
    """For the demo, write e-mails as files in the data folder (listed at /demo/emails/)
    instead of printing them over the address and the logins; unless EMAIL_URL names
    where e-mails go. The worker, started later, reads the same from its environment."""
    os.environ["PALABRE_DEMO"] = "true"
    settings.DEMO = True
    if os.environ.get("EMAIL_URL"):
        return None
    folder = settings.DATA_DIR / DEMO_EMAILS_FOLDER
    os.environ["EMAIL_URL"] = f"file://{folder}"
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(folder)
    return str(folder)


def _step() -> Step:
    """The step being run (a silent one outside ``Steps``)."""
    step = _current_step.get()
    return step if step is not None else Step(OutputWrapper(io.StringIO()), "", False)


def migrate_if_needed() -> None:
    """Apply the migrations not applied yet, counting them; nothing to do on later starts."""
    step = _step()
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if not plan:
        step.done("à jour / up to date")
        return
    total = len(plan)
    counter = _LineCounter(("Applying",), lambda n: step.progress(f"{n}/{total}"))
    call_command("migrate", interactive=False, verbosity=1, stdout=counter)
    step.done(f"{total} migrations")


def static_sources_digest() -> tuple[str, int]:
    """A fingerprint of every static source file (name, size, time of change), and their
    number: reading it takes a fraction of a second, collecting them much longer."""
    import hashlib

    from django.contrib.staticfiles.finders import get_finders

    digest = hashlib.sha256()
    sources = 0
    for finder in get_finders():
        for path, storage in finder.list([]):
            stat = os.stat(storage.path(path))
            digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode())
            sources += 1
    return digest.hexdigest(), sources


def collect_static_if_changed() -> None:
    """Collect (and compress) static files only when they changed: it takes a while."""
    fingerprint, sources = static_sources_digest()
    stamp = settings.STATIC_ROOT / ".collected"
    step = _step()
    if stamp.exists() and stamp.read_text() == fingerprint:
        step.done("inchangés / unchanged")
        return
    # Copied, then hashed and compressed: each file is counted once per stage.
    counter = _LineCounter(
        ("Copying", "Skipping", "Post-processed"),
        lambda count: step.progress(f"{min(count, 2 * sources) * 50 // max(sources, 1)} %"),
    )
    call_command("collectstatic", interactive=False, verbosity=2, stdout=counter)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(fingerprint)
    step.done(f"{sources} fichiers / files")


def load_demo_once() -> None:
    """Load the demo network into a database that holds no organisation yet."""
    step = _step()
    if Organisation.objects.exists():
        step.done("déjà chargé / already loaded")
        return

    def progress(done: int, total: int, name: Any) -> None:
        step.progress(f"{done}/{total} ({name})")

    demo_load(progress)


def worker_supervisor_start() -> subprocess.Popen:
    """Start the background worker under its supervisor (palabre/core/supervisor.py),
    which restarts it when it dies. Both run in a session of their own, so Ctrl+C in the
    terminal reaches only this process, which then stops them in order."""
    worker = [sys.executable, "-m", "palabre", "worker", "--verbosity", "0"]
    return subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "palabre.core.supervisor", "--", *worker],
        env=os.environ.copy(),
        start_new_session=True,
    )


def worker_supervisor_signal(supervisor: subprocess.Popen | None) -> None:
    """Ask the supervisor to stop its worker (called when the server is told to stop)."""
    if supervisor is not None and supervisor.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(supervisor.pid, signal.SIGTERM)


def worker_supervisor_stop(supervisor: subprocess.Popen) -> None:
    """Stop the supervisor, which lets the worker finish its task; kill what lingers."""
    worker_supervisor_signal(supervisor)
    try:
        supervisor.wait(timeout=STOP_TIMEOUT + 5)
    except subprocess.TimeoutExpired:
        supervisor.kill()
        supervisor.wait()


def serve(
    *,
    host: str,
    port: int,
    workers: int,
    timeout: int,
    on_stop=None,
    on_ready=None,
    quiet: bool = False,
) -> None:
    """Serve with gunicorn; ``on_ready`` once it listens. ``quiet`` (the demo) keeps the
    terminal for what a newcomer reads: gunicorn's warnings only, no request log unless
    ACCESS_LOG says where."""
    from gunicorn.app.base import BaseApplication
    from gunicorn.arbiter import Arbiter

    # lazy: the WSGI application is loaded only when serving, after the database is ready
    from palabre.wsgi import application

    class Server(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("timeout", timeout)
            self.cfg.set("accesslog", os.environ.get("ACCESS_LOG", "" if quiet else "-") or None)
            if quiet:
                self.cfg.set("loglevel", "warning")
            if on_ready is not None:
                self.cfg.set("when_ready", lambda server: on_ready())
            self.cfg.set("forwarded_allow_ips", os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"))

        def load(self):
            return application

        def run(self):
            try:
                StoppingArbiter(self).run()
            except RuntimeError as error:
                sys.exit(f"Error: {error}")

    class StoppingArbiter(Arbiter):
        # Stop the background worker as soon as the server is told to stop, while
        # gunicorn lets its own workers finish their requests.
        def signal(self, sig, frame):
            if on_stop is not None and sig in (signal.SIGTERM, signal.SIGINT, signal.SIGQUIT):
                on_stop()
            super().signal(sig, frame)

    Server().run()
