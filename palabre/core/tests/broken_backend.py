"""E-mail backends whose server misbehaves in a chosen way, for tests."""

import smtplib

from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend
from django.db import OperationalError


class BrokenBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionError("SMTP server down")


class FlakyBackend(BaseEmailBackend):
    """Fails with ``FlakyBackend.error`` ``FlakyBackend.failures`` times, then delivers
    into ``mail.outbox`` like the test backend."""

    failures = 0
    error: BaseException = ConnectionError("SMTP server down")
    tries = 0

    def send_messages(self, email_messages):
        FlakyBackend.tries += 1
        if FlakyBackend.failures > 0:
            FlakyBackend.failures -= 1
            raise FlakyBackend.error
        for message in email_messages:
            message.message()  # build it, as a real server would receive it
            mail.outbox.append(message)
        return len(email_messages)


class RefusingBackend(BaseEmailBackend):
    """The server refuses the recipient for good (550)."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPRecipientsRefused(
            {message.to[0]: (550, b"5.1.1 mailbox unknown") for message in email_messages}
        )


class LockedBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise OperationalError("database is locked")


class InterruptedBackend(BaseEmailBackend):
    """The worker is stopped (second Ctrl+C) while the message is being handed over."""

    def send_messages(self, email_messages):
        raise KeyboardInterrupt


class FakeSMTP(smtplib.SMTP):
    """An SMTP session that talks to no one: ``FakeSMTP.fail_at`` names the command that
    loses the connection ("rcpt" or "data"), or None for a server that accepts."""

    fail_at: str | None = None
    accepted: list[bytes] = []

    def __init__(self):
        super().__init__()  # no host: no connection

    def ehlo_or_helo_if_needed(self):
        pass

    def has_extn(self, opt):
        return False

    def mail(self, sender, options=()):
        return (250, b"ok")

    def rcpt(self, recip, options=()):
        if FakeSMTP.fail_at == "rcpt":
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return (250, b"ok")

    def data(self, msg):
        if FakeSMTP.fail_at == "data":
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        FakeSMTP.accepted.append(msg)
        return (250, b"queued")

    def rset(self):
        return (250, b"ok")

    def quit(self):
        return (221, b"bye")

    def close(self):
        pass


class FakeSmtpBackend(SmtpBackend):
    """Django's own SMTP backend, over ``FakeSMTP``."""

    def open(self):
        if self.connection:
            return False
        self.connection = FakeSMTP()
        return True
