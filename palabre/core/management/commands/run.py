"""`palabre run`: migrate, collect static files, optionally load the demo, serve with gunicorn."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections

from palabre.core.supervisor import STOP_TIMEOUT
from palabre.organisations.demo import DEMO_LOGINS, DEMO_PASSWORD
from palabre.organisations.models import Organisation


class Command(BaseCommand):
    help = "Prepare the database and serve Palabre with gunicorn (and a background worker)."

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

        call_command("migrate", interactive=False, verbosity=0)
        collect_static_if_changed()
        if demo and not Organisation.objects.exists():
            self.stdout.write("Chargement du réseau de démonstration… / Loading the demo network…")
            call_command("demo", verbosity=0)
        self._announce(address, demo)

        # The web workers are forked from this process: none may inherit its database
        # connection (two processes on one PostgreSQL connection mix their answers).
        connections.close_all()
        supervisor = None if no_worker else worker_supervisor_start()
        try:
            serve(
                host=host,
                port=port,
                workers=workers,
                timeout=timeout,
                on_stop=lambda: worker_supervisor_signal(supervisor),
            )
        finally:
            if supervisor is not None:
                worker_supervisor_stop(supervisor)

    def _announce(self, address: str, demo: bool) -> None:

        self.stdout.write("")
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


def collect_static_if_changed() -> None:
    """Collect (and compress) static files only when they changed: it takes a while."""
    import hashlib

    from django.contrib.staticfiles.finders import get_finders

    digest = hashlib.sha256()
    for finder in get_finders():
        for path, storage in finder.list([]):
            stat = os.stat(storage.path(path))
            digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    stamp = settings.STATIC_ROOT / ".collected"
    if stamp.exists() and stamp.read_text() == digest.hexdigest():
        return
    call_command("collectstatic", interactive=False, verbosity=0)
    stamp.write_text(digest.hexdigest())


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


def serve(*, host: str, port: int, workers: int, timeout: int, on_stop=None) -> None:
    from gunicorn.app.base import BaseApplication
    from gunicorn.arbiter import Arbiter

    # lazy: the WSGI application is loaded only when serving, after the database is ready
    from palabre.wsgi import application

    class Server(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("timeout", timeout)
            self.cfg.set("accesslog", os.environ.get("ACCESS_LOG", "-") or None)
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
