"""`palabre run --demo`, as a newcomer sees it: numbered steps saying what happens and how
long it took, nothing redone that is already done, and the address and the demo logins
as the last lines, the demo's e-mails written to a folder and listed on a page instead of
printed over them (issue 16)."""

from __future__ import annotations

import io
import os
import re

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from palabre.core.delivery import email_deliver
from palabre.core.management.commands import run
from palabre.core.models import OutgoingEmail
from palabre.lib.env import email_settings
from palabre.organisations.demo import DEMO_LOGINS


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def started(db, monkeypatch, settings, tmp_path):
    """`palabre run` with everything but the server: returns what it printed and did."""
    settings.DEMO = False
    settings.STATIC_ROOT = tmp_path / "static"
    settings.DATA_DIR = tmp_path
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.EMAIL_FILE_PATH = ""
    for name in ("EMAIL_URL", "PALABRE_DEMO"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SITE_URL", "http://testserver")
    done = []
    monkeypatch.setattr(run, "connections", type("C", (), {"close_all": staticmethod(list)}))
    monkeypatch.setattr(run, "worker_supervisor_start", lambda: None)
    monkeypatch.setattr(
        run, "call_command", lambda name, *args, **options: done.append(name) or None
    )

    def serve(**options):
        done.append("serve")
        options["on_ready"]()  # gunicorn listens

    monkeypatch.setattr(run, "serve", serve)

    def start(*arguments):
        out = io.StringIO()
        call_command("run", *arguments, "--port", "8123", stdout=out)
        return out.getvalue(), done

    return start


def test_a_start_shows_numbered_steps_and_ends_with_the_address_and_the_logins(
    started, org_a, settings, tmp_path
):
    output, done = started("--demo", "--no-worker")
    lines = output.splitlines()
    steps = [line for line in lines if re.match(r"\[\d/5\] ", line)]
    assert [line.split("] ")[1].split(" / ")[0] for line in steps] == [
        "Vérification de la configuration",
        "Base de données",
        "Fichiers statiques",
        "Réseau de démonstration",
        "Serveur web",
    ]
    # Each step says how it ended and how long it took, on the line after it.
    endings = [lines[lines.index(step) + 1].strip() for step in steps]
    assert all(re.fullmatch(r".+ \(\d+\.\d s\)", ending) for ending in endings), endings
    assert endings[1].startswith("à jour / up to date")  # the test database is migrated
    assert re.fullmatch(r"\d+ fichiers / files \(\d+\.\d s\)", endings[2])  # collected
    assert endings[3].startswith("déjà chargé / already loaded")  # an organisation exists
    assert endings[4].startswith("prêt / ready")
    assert done == ["collectstatic", "serve"]  # no migrate, no demo: nothing to do there

    # Where e-mails go is said once, before the address; the logins and how to stop close.
    tail = [line for line in lines if line.strip()]
    assert tail[-1] == "Ctrl+C pour arrêter / to stop."
    assert [line.split()[0] for line in tail[-1 - len(DEMO_LOGINS) : -1]] == [
        email for email, _role in DEMO_LOGINS
    ]
    assert tail[-len(DEMO_LOGINS) - 3] == "Palabre : http://localhost:8123/"
    folder = tmp_path / "demo-emails"
    assert tail[-len(DEMO_LOGINS) - 4] == (
        "E-mails de la démo / Demo e-mails: http://localhost:8123/demo/emails/"
        f" (fichiers / files: {folder})"
    )
    assert output.count("demo/emails/") == 1
    assert settings.DEMO is True
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.filebased.EmailBackend"
    assert str(folder) == settings.EMAIL_FILE_PATH
    assert os.environ["EMAIL_URL"] == f"file://{folder}"  # what the worker reads
    assert os.environ["PALABRE_DEMO"] == "true"


def test_a_later_start_redoes_nothing_and_a_changed_static_file_is_collected_again(
    started, org_a, settings
):
    fingerprint, _count = run.static_sources_digest()
    settings.STATIC_ROOT.mkdir(parents=True)
    (settings.STATIC_ROOT / ".collected").write_text(fingerprint)
    output, done = started("--no-worker")
    assert "inchangés / unchanged" in output
    assert "[4/4] Serveur web / Web server" in output
    assert done == ["serve"]
    assert "demo/emails" not in output and settings.DEMO is False

    (settings.STATIC_ROOT / ".collected").write_text("what an older version left")
    output, done = started("--no-worker")
    assert done[-2:] == ["collectstatic", "serve"]
    assert (settings.STATIC_ROOT / ".collected").read_text() == fingerprint


def test_an_empty_database_gets_the_demo_with_its_progress_shown(started, monkeypatch):
    loaded = []

    def demo_load(progress):
        for done, name in enumerate(("Organisations", "Pratiques"), start=1):
            progress(done, 2, name)
        loaded.append(True)

    monkeypatch.setattr(run, "demo_load", demo_load)
    output, _done = started("--demo", "--no-worker")
    assert loaded == [True]
    assert re.search(r"\[4/5\] Réseau de démonstration / Demo network…\n +fait / done", output)


def test_a_configured_mail_server_is_kept_for_the_demo(started, monkeypatch, settings):
    monkeypatch.setenv("EMAIL_URL", "smtp://mail.example:25")
    output, _done = started("--demo", "--no-worker")
    assert "Demo e-mails" not in output
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.locmem.EmailBackend"


def test_on_a_terminal_a_step_shows_its_progress_in_place():
    terminal = Terminal()
    steps = run.Steps(run.OutputWrapper(terminal), 2)
    with steps.step("Base de données / Database…") as step:
        counter = run._LineCounter(("Applying",), lambda n: step.progress(f"{n}/3"))
        counter.write("Operations to perform:\n  Applying a.0001_initial...")
        counter.write(" OK\n  Applying a.0002_more... OK\n")
        step.done("3 migrations")
    shown = terminal.getvalue()
    assert "\r[1/2] Base de données / Database… 1/3" in shown
    assert "\r[1/2] Base de données / Database… 2/3" in shown
    assert re.search(r"\r\[1/2\] Base de données / Database… 3 migrations \(\d+\.\d s\)", shown)


def test_email_url_may_name_a_folder_for_the_messages():
    assert email_settings("file:///var/lib/palabre/demo-emails") == {
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": "/var/lib/palabre/demo-emails",
    }
    with pytest.raises(ImproperlyConfigured, match="full path"):
        email_settings("file:demo-emails")


def test_a_demo_email_is_written_to_the_folder_not_to_the_terminal(db, settings, tmp_path, capsys):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path / "demo-emails")
    email = OutgoingEmail.objects.create(
        to="awa.bello@fal.example",
        subject="Invitation à l'atelier de Bertoua",
        body_text="Bonjour Awa, voici le lien : http://localhost:8000/workshops/1/",
        kind="workshop_invitation",
    )
    assert email_deliver(email_id=email.pk) is True
    written = list((tmp_path / "demo-emails").iterdir())
    assert len(written) == 1
    assert "Bonjour Awa" in written[0].read_text()
    assert "Bonjour Awa" not in capsys.readouterr().out
