"""E-mail delivery: tried again with growing pauses when the server fails for a passing
reason, given up after EMAIL_MAX_ATTEMPTS tries, never left "sending", and never sent
twice by itself — not even after the worker is killed in the middle of the exchange."""

from __future__ import annotations

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.db import OperationalError, connection
from django.db.models.query import QuerySet
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from palabre.core import delivery
from palabre.core.delivery import email_deliver, failure_is_transient, retry_delay
from palabre.core.management.commands import worker
from palabre.core.management.commands.worker import housekeeping
from palabre.core.models import OutgoingEmail
from palabre.core.tasks import deliver_email, emails_sweep, tasks_requeue_stale

Status = OutgoingEmail.Status


def state(email):
    email.refresh_from_db()
    return email.status


def sent_message_ids():
    return [message.extra_headers["Message-ID"] for message in mail.outbox]


def test_each_message_has_its_own_message_id_and_keeps_it(queue_email):
    first, second = queue_email(), queue_email()
    assert first.message_id != second.message_id
    assert first.message_id.startswith("<") and first.message_id.endswith("@localhost>")
    assert email_deliver(email_id=first.pk) is True
    assert sent_message_ids() == [first.message_id]
    assert f"Message-ID: {first.message_id}" in mail.outbox[0].message().as_string()


def test_pauses_double_up_to_the_longest(settings):
    settings.EMAIL_RETRY_FIRST_DELAY_SECONDS = 60
    settings.EMAIL_RETRY_MAX_DELAY_SECONDS = 4 * 3600
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 4)] == [60, 120, 240, 480]
    assert retry_delay(9).total_seconds() == 4 * 3600
    assert retry_delay(500).total_seconds() == 4 * 3600


@pytest.mark.parametrize(
    ("error", "transient"),
    [
        (ConnectionRefusedError("refused"), True),
        (TimeoutError("timed out"), True),
        (smtplib.SMTPServerDisconnected("gone"), True),
        (OperationalError("database is locked"), True),
        (smtplib.SMTPResponseException(421, b"try later"), True),
        (smtplib.SMTPRecipientsRefused({"a@b.example": (452, b"mailbox full")}), True),
        (smtplib.SMTPAuthenticationError(535, b"bad credentials"), True),
        (smtplib.SMTPRecipientsRefused({"a@b.example": (550, b"no such user")}), False),
        (smtplib.SMTPDataError(554, b"rejected as spam"), False),
        (ValueError("header contains a newline"), False),
    ],
)
def test_which_failures_are_worth_another_try(error, transient):
    assert failure_is_transient(error) is transient


def test_smtp_down_is_tried_again_later_with_backoff_then_sent_once(
    queue_email, flaky, clock, run_tasks, django_capture_on_commit_callbacks
):
    flaky.failures = 2
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_email()
    assert run_tasks() == 1
    email.refresh_from_db()
    assert (email.status, email.attempts) == (Status.QUEUED, 1)
    assert email.next_attempt_at == clock.now + timedelta(seconds=60)
    assert "SMTP server down" in email.last_error
    # The task itself did its job: it is not left FAILED for someone to wonder about.
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL

    # Not due yet: the sweep queues nothing, a stray task sends nothing.
    clock.advance(seconds=59)
    assert emails_sweep()["queued"] == 0
    assert email_deliver(email_id=email.pk) is False
    assert state(email) == Status.QUEUED and flaky.tries == 1

    clock.advance(seconds=1)
    assert emails_sweep()["queued"] == 1
    assert emails_sweep()["queued"] == 0  # its task is waiting: no second one
    run_tasks()
    email.refresh_from_db()
    assert (email.status, email.attempts) == (Status.QUEUED, 2)
    assert email.next_attempt_at == clock.now + timedelta(seconds=120)  # twice as long

    clock.advance(seconds=120)
    emails_sweep()
    run_tasks()
    email.refresh_from_db()
    assert (email.status, email.attempts, email.last_error) == (Status.SENT, 3, "")
    assert sent_message_ids() == [email.message_id]

    clock.advance(hours=1)
    emails_sweep()
    assert run_tasks() == 0
    assert len(mail.outbox) == 1


def test_after_the_last_try_the_message_waits_for_a_network_admin(
    queue_email, flaky, clock, settings
):
    settings.EMAIL_MAX_ATTEMPTS = 3
    flaky.failures = 10
    email = queue_email()
    for _try in range(3):
        email_deliver(email_id=email.pk)
        clock.advance(hours=5)
    email.refresh_from_db()
    assert (email.status, email.attempts) == (Status.FAILED, 3)
    assert "SMTP server down" in email.last_error
    assert emails_sweep()["queued"] == 0
    assert email_deliver(email_id=email.pk) is False
    assert flaky.tries == 3 and mail.outbox == []


def test_a_permanent_refusal_is_not_tried_again(queue_email, settings):
    settings.EMAIL_BACKEND = "palabre.core.tests.broken_backend.RefusingBackend"
    email = queue_email(to="nobody@ate.example")
    assert email_deliver(email_id=email.pk) is False
    email.refresh_from_db()
    assert (email.status, email.attempts) == (Status.FAILED, 1)
    assert "mailbox unknown" in email.last_error
    # The error is kept for the admin, without the person's full address.
    assert "nobody@" not in email.last_error and "…@ate.example" in email.last_error


def test_a_locked_database_while_sending_is_a_passing_failure(queue_email, settings, clock):
    settings.EMAIL_BACKEND = "palabre.core.tests.broken_backend.LockedBackend"
    email = queue_email()
    email_deliver(email_id=email.pk)
    email.refresh_from_db()
    assert email.status == Status.QUEUED and email.next_attempt_at > clock.now


def test_recording_the_outcome_waits_for_a_busy_database(queue_email, monkeypatch):
    pauses = []
    monkeypatch.setattr(delivery, "_sleep", pauses.append)
    update = QuerySet.update
    busy = {"left": 2}

    def sometimes_locked(self, **fields):
        if fields.get("status") == Status.SENT and busy["left"]:
            busy["left"] -= 1
            raise OperationalError("database is locked")
        return update(self, **fields)

    monkeypatch.setattr(QuerySet, "update", sometimes_locked)
    email = queue_email()
    assert email_deliver(email_id=email.pk) is True
    assert state(email) == Status.SENT
    assert pauses == [0.5, 2.0] and len(mail.outbox) == 1


def test_a_stopped_worker_leaves_no_message_sending(queue_email, monkeypatch, settings, clock):
    """Sent, but the database stayed locked: the row is left "sending", and once its claim
    is stale it becomes "uncertain" — not queued, since it did leave."""
    monkeypatch.setattr(delivery, "_sleep", lambda seconds: None)
    update = QuerySet.update

    def locked_for_good(self, **fields):
        if fields.get("status") == Status.SENT:
            raise OperationalError("database is locked")
        return update(self, **fields)

    monkeypatch.setattr(QuerySet, "update", locked_for_good)
    email = queue_email()
    with pytest.raises(OperationalError):
        email_deliver(email_id=email.pk)
    monkeypatch.setattr(QuerySet, "update", update)
    assert state(email) == Status.SENDING
    clock.advance(seconds=settings.TASK_STALE_AFTER_SECONDS - 1)
    assert emails_sweep()["uncertain"] == 0
    clock.advance(seconds=2)
    assert emails_sweep() == {"uncertain": 1, "queued": 0}
    assert state(email) == Status.UNCERTAIN
    assert len(mail.outbox) == 1


def test_worker_killed_during_the_smtp_exchange_does_not_send_again(
    queue_email, run_tasks, settings, clock, monkeypatch
):
    """Finding 4 of issue 15: after `kill -9` one e-mail was sent twice."""
    # The worker closes its connection after housekeeping; here it is the test's own.
    monkeypatch.setattr(worker, "close_old_connections", lambda: None)
    email = queue_email()
    task = DBTaskResult.objects.get(pk=deliver_email.enqueue(email.pk).id)
    task.claim("killed-worker")
    # What the killed worker had committed before talking to the server:
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=Status.SENDING, claimed_at=clock.now, attempts=1
    )
    clock.advance(seconds=settings.TASK_STALE_AFTER_SECONDS + 5)

    housekeeping(worker_id="new-worker", started_at=clock.now)  # what a new worker does
    assert tasks_requeue_stale() == 0  # housekeeping already put the task back
    run_tasks()

    assert mail.outbox == []
    email.refresh_from_db()
    assert (email.status, email.attempts) == (Status.UNCERTAIN, 1)
    clock.advance(days=1)
    emails_sweep()
    assert run_tasks() == 0 and mail.outbox == []


def test_the_claim_is_committed_before_the_server_is_asked(
    transactional_db, queue_email, monkeypatch
):
    seen = {}
    send = mail.backends.locmem.EmailBackend.send_messages

    def spy(self, messages):
        row = OutgoingEmail.objects.get()
        seen.update(
            status=row.status,
            attempts=row.attempts,
            in_transaction=connection.in_atomic_block,
            autocommit=connection.get_autocommit(),
        )
        return send(self, messages)

    monkeypatch.setattr(mail.backends.locmem.EmailBackend, "send_messages", spy)
    email = queue_email()
    assert email_deliver(email_id=email.pk) is True
    assert seen == {
        "status": Status.SENDING,
        "attempts": 1,
        "in_transaction": False,
        "autocommit": True,
    }


def test_connection_lost_before_the_message_is_tried_again(queue_email, fake_smtp):
    fake_smtp.fail_at = "rcpt"
    email = queue_email()
    assert email_deliver(email_id=email.pk) is False
    email.refresh_from_db()
    assert email.status == Status.QUEUED and "SMTPServerDisconnected" in email.last_error


def test_connection_lost_while_the_server_receives_the_message_is_uncertain(
    queue_email, fake_smtp, clock
):
    fake_smtp.fail_at = "data"
    email = queue_email()
    assert email_deliver(email_id=email.pk) is False
    email.refresh_from_db()
    assert email.status == Status.UNCERTAIN and "SMTPServerDisconnected" in email.last_error
    clock.advance(days=1)
    assert emails_sweep()["queued"] == 0


def test_django_smtp_backend_delivers_with_our_message_id(queue_email, fake_smtp):
    email = queue_email()
    assert email_deliver(email_id=email.pk) is True
    assert state(email) == Status.SENT
    assert f"Message-ID: {email.message_id}".encode() in fake_smtp.accepted[0]


def test_worker_stopped_while_handing_the_message_over_is_uncertain(queue_email, settings):
    settings.EMAIL_BACKEND = "palabre.core.tests.broken_backend.InterruptedBackend"
    email = queue_email()
    with pytest.raises(KeyboardInterrupt):
        email_deliver(email_id=email.pk)
    assert state(email) == Status.UNCERTAIN


def test_sensitive_bodies_are_wiped_once_sent_and_kept_for_a_retry(queue_email, flaky):
    flaky.failures = 1
    email = queue_email(sensitive=True)
    email_deliver(email_id=email.pk)
    email.refresh_from_db()
    assert "secret-token" in email.body_text  # still needed to send it later
    OutgoingEmail.objects.filter(pk=email.pk).update(next_attempt_at=None)
    email_deliver(email_id=email.pk)
    email.refresh_from_db()
    assert email.status == Status.SENT and email.body_text == "" and email.body_html == ""


def test_a_message_whose_task_was_lost_is_picked_up(queue_email, clock, run_tasks):
    email = queue_email()  # its task is queued on commit, which never comes here
    assert emails_sweep()["queued"] == 0  # just written: its task may be on its way
    clock.advance(minutes=2)
    assert emails_sweep()["queued"] == 1
    run_tasks()
    assert state(email) == Status.SENT and len(mail.outbox) == 1
