"""What the tests of e-mail delivery and the worker share: a clock that moves only when
told, a queued message, and the misbehaving mail servers of broken_backend.py."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from palabre.core.tests import broken_backend

BACKENDS = "palabre.core.tests.broken_backend."


class Clock:
    def __init__(self, monkeypatch):
        self.now = timezone.now().replace(microsecond=0)
        monkeypatch.setattr(timezone, "now", lambda: self.now)

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    """Freezes django.utils.timezone.now (the code, the database defaults and the task
    queue all read it); ``clock.advance(minutes=5)`` moves it on."""
    return Clock(monkeypatch)


@pytest.fixture
def flaky(settings):
    """The mail server fails ``flaky.failures`` times with ``flaky.error``, then works."""
    settings.EMAIL_BACKEND = BACKENDS + "FlakyBackend"
    broken_backend.FlakyBackend.failures = 0
    broken_backend.FlakyBackend.tries = 0
    broken_backend.FlakyBackend.error = ConnectionError("SMTP server down")
    yield broken_backend.FlakyBackend
    broken_backend.FlakyBackend.failures = 0


@pytest.fixture
def fake_smtp(settings):
    settings.EMAIL_BACKEND = BACKENDS + "FakeSmtpBackend"
    broken_backend.FakeSMTP.fail_at = None
    broken_backend.FakeSMTP.accepted = []
    yield broken_backend.FakeSMTP
    broken_backend.FakeSMTP.fail_at = None


@pytest.fixture
def queue_email(db):
    from palabre.core.mail import email_queue

    def queue(*, to="awa@adb.example", sensitive=False):
        return email_queue(
            to=to,
            template="accounts/email/password_reset",
            context={"user": {"display_name": "Awa"}, "link": "http://x/reset/secret-token/"},
            language="fr",
            kind="password_reset",
            sensitive=sensitive,
        )

    return queue
