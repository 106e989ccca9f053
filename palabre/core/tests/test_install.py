"""The console script, production settings and demo, as an operator uses them."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from palabre.lib.env import email_settings, env_bool

ROOT = Path(__file__).resolve().parents[3]


def palabre(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "palabre", *args],
        capture_output=True,
        text=True,
        env={
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            **(env or {}),
        },
        cwd=ROOT,
        timeout=120,
    )


def test_help_lists_the_project_commands():
    out = palabre("--help").stdout
    for command in ("run", "demo", "worker"):
        assert f"    {command}\n" in out


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = palabre(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "PALABRE_HTTPS": "true",
            "SECRET_KEY": "k" * 20 + "-Zy8#pQ2!vR7@xW4$tL9%mN3^bH6&jD1*",
            "ALLOWED_HOSTS": "palabre.example.org",
            "PALABRE_DATA_DIR": str(tmp_path),
            "DEBUG": "false",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_secret_key_is_generated_once_and_kept(tmp_path):
    from palabre.lib.env import secret_key

    first = secret_key(tmp_path, "")
    assert len(first) >= 50
    assert secret_key(tmp_path, "") == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_boolean_settings_are_strict(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured):
        env_bool("DEBUG", False)


def test_email_url_parsing():
    smtp = email_settings("smtp://user%40x:p%2Fw@mail.example.org:587?tls=true")
    assert smtp["EMAIL_HOST"] == "mail.example.org" and smtp["EMAIL_PORT"] == 587
    assert smtp["EMAIL_HOST_USER"] == "user@x" and smtp["EMAIL_HOST_PASSWORD"] == "p/w"
    assert smtp["EMAIL_USE_TLS"] is True
    assert email_settings("console:")["EMAIL_BACKEND"].endswith("console.EmailBackend")


def test_demo_is_a_believable_network_and_idempotent(db):
    from palabre.accounts.models import User
    from palabre.organisations.models import Membership, Organisation

    call_command("demo", verbosity=0)
    call_command("demo", verbosity=0)
    organisations = Organisation.objects.all()
    assert organisations.count() >= 8
    assert len({o.kind for o in organisations}) == len(Organisation.Kind.choices)
    assert {o.country.code for o in organisations} >= {"CM", "TD", "CG", "GA"}
    assert len({o.region for o in organisations if o.country.code == "CM"}) >= 6
    assert User.objects.count() >= 20
    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == {"volunteer", "member", "org_admin"}
    assert User.objects.filter(network_role="facilitator").exists()
    assert User.objects.filter(network_role="admin").exists()


def test_demo_logins_work(client, db):
    from palabre.organisations.demo import DEMO_LOGINS, DEMO_PASSWORD

    call_command("demo", verbosity=0)
    for email, _role in DEMO_LOGINS:
        response = client.post("/login/", {"username": email, "password": DEMO_PASSWORD})
        assert response.status_code == 302, email
        client.logout()


def test_run_forks_web_workers_without_a_shared_database_connection(db, monkeypatch):
    """gunicorn forks its workers from `palabre run`: an open connection would be shared."""
    import io
    from types import SimpleNamespace

    from palabre.core.management.commands import run

    events = []
    monkeypatch.setattr(
        run, "connections", SimpleNamespace(close_all=lambda: events.append("closed"))
    )
    monkeypatch.setattr(run, "serve", lambda **options: events.append(("serve", options["port"])))
    monkeypatch.setattr(run, "collect_static_if_changed", lambda: None)
    # A configured address is kept: the command must not rewrite this process's settings.
    monkeypatch.setenv("SITE_URL", "http://testserver")
    call_command("run", "--no-worker", "--port", "8123", stdout=io.StringIO())
    assert events == ["closed", ("serve", 8123)]
    assert settings.SITE_URL == "http://testserver"
