"""Sends one queued e-mail: what the background task does with the outbox.

A message is sent at most once automatically. Its life (``OutgoingEmail.status``)::

    queued ─claim─▶ sending ─▶ sent
                       ├─▶ queued     a failure worth another try: next_attempt_at later
                       ├─▶ failed     a permanent refusal, or EMAIL_MAX_ATTEMPTS tries
                       └─▶ uncertain  the exchange broke off after the server may have
                                      taken the message, or the worker died meanwhile
    failed, uncertain ─(a network admin's retry)─▶ queued

The claim (``sending``, ``claimed_at``, one more try) is committed before the mail server
is asked anything, so a message found ``sending`` long after its claim (the worker was
killed during the exchange) is never sent again by itself: nobody can know whether the
server took it. ``emails_reconcile`` moves it to ``uncertain`` for a person to decide.
Every message keeps one Message-ID on every try, so a duplicate can be recognised.
"""

from __future__ import annotations

import logging
import smtplib
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import OperationalError
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from palabre.core.models import OutgoingEmail, email_domain

logger = logging.getLogger(__name__)

Status = OutgoingEmail.Status

# Pauses between tries of writing what became of a message when the database is busy
# (SQLite's own busy timeout already waits inside each try).
WRITE_PAUSES = (0.5, 2.0, 5.0)
_sleep = time.sleep  # replaced in tests


def failure_is_transient(exc: BaseException) -> bool:
    """Whether trying again later may succeed: an unreachable server, a timeout, a lost
    connection, a busy database, a "try later" (4xx) reply, or our own credentials being
    refused (the operator fixes those, not the message). A 5xx reply about the message or
    its recipient, or a message that cannot be built, will fail the same way again."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _reply in exc.recipients.values()]
        return not codes or any(400 <= code < 500 for code in codes)
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return True
    if isinstance(exc, smtplib.SMTPResponseException):
        return not 500 <= exc.smtp_code < 600
    return not isinstance(exc, ValueError | TypeError)  # UnicodeError is a ValueError


def retry_delay(attempts: int) -> timedelta:
    """The pause after the ``attempts``-th failed try: doubling, capped."""
    doublings = min(max(attempts - 1, 0), 30)
    seconds = settings.EMAIL_RETRY_FIRST_DELAY_SECONDS * 2**doublings
    return timedelta(seconds=min(seconds, settings.EMAIL_RETRY_MAX_DELAY_SECONDS))


def describe_error(exc: BaseException, *, to: str) -> str:
    """The error as an operator reads it, without the recipient's full address."""
    text = f"{type(exc).__name__}: {exc}"
    return text.replace(to, f"…@{email_domain(to)}")[:2000]


@dataclass
class _Exchange:
    """How far the exchange with the mail server got, to know what a failure means."""

    asked: bool = False  # the backend was given the message
    observed: bool = False  # we can tell the SMTP phases apart (Django's SMTP backend)
    in_data: bool = False  # the server was receiving the message itself (DATA)


def _watch_data_phase(connection: Any, exchange: _Exchange) -> None:
    """Note when Django's SMTP backend starts sending the message itself.

    Before DATA, a lost connection means the server has not taken the message, so it may
    be tried again; during DATA it may have taken it, so the message becomes uncertain.
    A reply with a code (4xx, 5xx) is an answer either way."""
    smtp = getattr(connection, "connection", None)
    if not isinstance(smtp, smtplib.SMTP):
        return
    exchange.observed = True
    send_data = smtp.data

    def data(msg: Any) -> Any:
        exchange.in_data = True
        return send_data(msg)

    smtp.data = data  # type: ignore[method-assign]


def _message(email: OutgoingEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to],
        headers={**email.headers, "Message-ID": email.message_id},
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    return message


def _write(claim: QuerySet[OutgoingEmail], **fields: Any) -> int:
    """Record what became of a claimed message, trying again while the database is busy.

    If it still cannot be written, the row stays "sending" and becomes "uncertain" once
    its claim is stale: never sent twice, never forgotten."""
    for pause in WRITE_PAUSES:
        try:
            return claim.update(**fields)
        except OperationalError:
            logger.warning("could not record an e-mail's delivery yet; trying again")
            _sleep(pause)
    return claim.update(**fields)


def _after_failure(
    email: OutgoingEmail, claim: QuerySet[OutgoingEmail], exc: BaseException, exchange: _Exchange
) -> None:
    error = describe_error(exc, to=email.to)
    definite_reply = isinstance(exc, smtplib.SMTPResponseException)
    if exchange.asked and not definite_reply:
        # The message was handed over and no reply says it was refused: was it taken?
        may_have_left = exchange.in_data if exchange.observed else not isinstance(exc, Exception)
        if may_have_left:
            logger.error("e-mail %s may or may not have been delivered: %s", email.pk, error)
            _write(claim, status=Status.UNCERTAIN, last_error=error)
            return
    if not isinstance(exc, Exception):  # interrupted before anything left: try again
        _write(claim, status=Status.QUEUED, next_attempt_at=None, last_error=error)
        return
    if failure_is_transient(exc) and email.attempts < settings.EMAIL_MAX_ATTEMPTS:
        when = timezone.now() + retry_delay(email.attempts)
        logger.warning(
            "e-mail %s not sent (try %s), next try at %s: %s", email.pk, email.attempts, when, error
        )
        _write(claim, status=Status.QUEUED, next_attempt_at=when, last_error=error)
        return
    logger.error("e-mail %s not delivered after %s tries: %s", email.pk, email.attempts, error)
    _write(claim, status=Status.FAILED, last_error=error)


def email_deliver(*, email_id: int) -> bool:
    """Try to send one queued message, if it is due. Returns True when this call sent it.

    Call it outside any transaction, as the worker does: the claim must be committed
    before the mail server is asked. Running it twice, or for a message another worker
    holds, does nothing. Every way out after the claim leaves a defined state (sent,
    queued for a later try, failed, uncertain); if even that cannot be written, the
    stale claim is turned into "uncertain" later.
    """
    now = timezone.now()
    claimed = (
        OutgoingEmail.objects.filter(pk=email_id, status=Status.QUEUED)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .update(status=Status.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    )
    if not claimed:
        emails_reconcile(ids=[email_id])
        return False
    email = OutgoingEmail.objects.get(pk=email_id)
    # Later writes apply only to this claim: a network admin may have queued it again.
    claim = OutgoingEmail.objects.filter(
        pk=email.pk, claimed_at=email.claimed_at, status__in=[Status.SENDING, Status.UNCERTAIN]
    )
    exchange = _Exchange()
    connection = None
    try:
        message = _message(email)
        connection = get_connection()
        connection.open()
        _watch_data_phase(connection, exchange)
        exchange.asked = True
        connection.send_messages([message])
    except BaseException as exc:
        _after_failure(email, claim, exc, exchange)
        if not isinstance(exc, Exception):
            raise
        return False
    finally:
        if connection is not None:
            _close_quietly(connection)
    done: dict[str, Any] = {
        "status": Status.SENT,
        "sent_at": timezone.now(),
        "next_attempt_at": None,
        "last_error": "",
    }
    if email.sensitive:
        done.update(body_text="", body_html="")
    _write(claim, **done)
    return True


def _close_quietly(connection: Any) -> None:
    # The message is already with the server (or not): a failed QUIT changes nothing.
    try:
        connection.close()
    except Exception:
        logger.info("closing the mail server connection failed", exc_info=True)


def emails_reconcile(*, ids: list[int] | None = None, now: datetime | None = None) -> int:
    """Mark "uncertain" the messages a stopped worker left "sending" (claim older than
    TASK_STALE_AFTER_SECONDS): they may have left, so they are not sent again by
    themselves. Returns how many."""
    now = now or timezone.now()
    stale = now - timedelta(seconds=settings.TASK_STALE_AFTER_SECONDS)
    rows = OutgoingEmail.objects.filter(status=Status.SENDING, claimed_at__lt=stale)
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    found = list(rows.values_list("pk", flat=True))
    if not found:
        return 0
    count = rows.filter(pk__in=found).update(status=Status.UNCERTAIN)
    logger.error(
        "%s e-mail(s) left 'sending' by a stopped worker may or may not have been "
        "delivered; a network admin can send them again: %s",
        count,
        found,
    )
    return count
