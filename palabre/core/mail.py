"""Queue e-mails in the recipient's language; a background task sends them.

Nothing is ever sent inside a request: ``email_queue`` writes the message in the
current transaction and enqueues delivery once that transaction commits.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation

from palabre.core.models import OutgoingEmail


def email_queue(
    *,
    to: str,
    template: str,
    context: dict,
    language: str,
    kind: str,
    sensitive: bool = False,
    headers: dict[str, str] | None = None,
) -> OutgoingEmail:
    """Render ``template``_subject.txt/.txt/.html in ``language`` and queue the message."""
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        subject = " ".join(subject.split())
        text = render_to_string(f"{template}.txt", context)
        try:
            html = render_to_string(f"{template}.html", context)
        except TemplateDoesNotExist:  # a text-only message is fine
            html = ""
    email = OutgoingEmail.objects.create(
        to=to,
        subject=subject[:255],
        body_text=text,
        body_html=html,
        headers=headers or {},
        kind=kind,
        sensitive=sensitive,
    )
    # lazy: core.tasks imports this module for the delivery itself
    from palabre.core.tasks import deliver_email

    transaction.on_commit(lambda: deliver_email.enqueue(email.pk))
    return email


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
