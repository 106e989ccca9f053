"""Sends one queued e-mail, once: what the background task does with the outbox."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.utils import timezone

from palabre.core.models import OutgoingEmail


def email_deliver(*, email_id: int) -> bool:
    """Send one queued message once. Returns True when this call sent it.

    Safe to run twice: the message is claimed atomically, and a claim left by a
    crashed worker expires after TASK_STALE_AFTER_SECONDS.
    """
    now = timezone.now()
    stale = now - timedelta(seconds=settings.TASK_STALE_AFTER_SECONDS)
    claimable = OutgoingEmail.objects.filter(pk=email_id).filter(
        Q(status=OutgoingEmail.Status.QUEUED)
        | Q(status=OutgoingEmail.Status.SENDING, claimed_at__lt=stale)
    )
    if not claimable.update(status=OutgoingEmail.Status.SENDING, claimed_at=now):
        return False
    email = OutgoingEmail.objects.get(pk=email_id)
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to],
        headers=email.headers,
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    try:
        message.send()
    except Exception as exc:
        OutgoingEmail.objects.filter(pk=email.pk).update(
            status=OutgoingEmail.Status.QUEUED,
            attempts=email.attempts + 1,
            last_error=str(exc)[:2000],
        )
        raise
    update = {
        "status": OutgoingEmail.Status.SENT,
        "sent_at": timezone.now(),
        "attempts": email.attempts + 1,
    }
    if email.sensitive:
        update.update(body_text="", body_html="")
    OutgoingEmail.objects.filter(pk=email.pk).update(**update)
    return True
