"""Background tasks: e-mails sent once even if a task runs twice; crashed tasks picked up again."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from palabre.core.mail import email_deliver, email_queue
from palabre.core.models import OutgoingEmail
from palabre.core.tasks import deliver_email, tasks_requeue_stale


def queue_one():
    return email_queue(
        to="someone@example.org",
        template="accounts/email/password_reset",
        context={"user": {"display_name": "Awa"}, "link": "http://x/"},
        language="fr",
        kind="test",
    )


def test_delivering_twice_sends_once(db):
    email = queue_one()
    assert email_deliver(email_id=email.pk) is True
    assert email_deliver(email_id=email.pk) is False
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Palabre : choisir un nouveau mot de passe"


def test_claim_left_by_a_crashed_worker_is_not_sent_again(db, settings):
    # The crashed worker may have handed the message over already: a person decides.
    email = queue_one()
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status="sending",
        claimed_at=timezone.now() - timedelta(seconds=settings.TASK_STALE_AFTER_SECONDS + 1),
    )
    assert email_deliver(email_id=email.pk) is False
    assert mail.outbox == []
    email.refresh_from_db()
    assert email.status == "uncertain"


def test_fresh_claim_is_respected(db):
    email = queue_one()
    OutgoingEmail.objects.filter(pk=email.pk).update(status="sending", claimed_at=timezone.now())
    assert email_deliver(email_id=email.pk) is False
    assert mail.outbox == []


def test_task_left_running_by_a_crashed_worker_is_run_again(db, run_tasks, settings):
    email = queue_one()
    result = deliver_email.enqueue(email.pk)
    row = DBTaskResult.objects.get(pk=result.id)
    row.claim("crashed-worker")
    DBTaskResult.objects.filter(pk=row.pk).update(
        started_at=timezone.now() - timedelta(seconds=settings.TASK_STALE_AFTER_SECONDS + 5)
    )
    assert run_tasks() == 0  # still "running" for the queue
    assert tasks_requeue_stale() == 1
    assert run_tasks() == 1
    assert DBTaskResult.objects.get(pk=row.pk).status == TaskResultStatus.SUCCESSFUL
    assert len(mail.outbox) == 1


def test_recent_running_task_is_left_alone(db):
    result = deliver_email.enqueue(1)
    DBTaskResult.objects.get(pk=result.id).claim("busy-worker")
    assert tasks_requeue_stale() == 0


def test_failed_smtp_keeps_the_message_for_a_later_try(db, settings):
    settings.EMAIL_BACKEND = "palabre.core.tests.broken_backend.BrokenBackend"
    email = queue_one()
    assert email_deliver(email_id=email.pk) is False
    email.refresh_from_db()
    assert email.status == "queued" and email.attempts == 1 and "down" in email.last_error
    assert email.next_attempt_at > timezone.now()


def test_plain_text_mails_are_not_html_escaped(db):
    from types import SimpleNamespace

    email = email_queue(
        to="someone@example.org",
        template="organisations/email/invitation",
        context={
            "invitation": SimpleNamespace(message="Venez à l'atelier & restez"),
            "organisation": SimpleNamespace(name="Association Tchadienne pour l'Eau"),
            "inviter": SimpleNamespace(display_name="Odile"),
            "link": "http://x/",
            "role": "membre",
            "valid_days": 7,
        },
        language="fr",
        kind="test",
    )
    assert email.subject == "Invitation à rejoindre Association Tchadienne pour l'Eau sur Palabre"
    assert "Venez à l'atelier & restez" in email.body_text
    assert "l&#x27;" not in email.body_text
    assert "l&#x27;Eau" in email.body_html or "l'Eau" in email.body_html
