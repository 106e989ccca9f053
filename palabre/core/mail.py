"""Queue e-mails in the recipient's language; a background task sends them.

Nothing is ever sent inside a request: ``email_queue`` writes the message in the
current transaction and enqueues delivery once that transaction commits. How a message
is then sent, tried again or given up is in ``palabre.core.delivery``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from palabre.core.delivery import email_deliver
from palabre.core.models import OutgoingEmail
from palabre.core.signals import email_retried
from palabre.core.tasks import deliver_email
from palabre.lib.errors import refuse
from palabre.permissions import core as rules

__all__ = ["email_deliver", "email_queue", "email_retry"]


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
    transaction.on_commit(lambda: deliver_email.enqueue(email.pk))
    return email


@transaction.atomic
def email_retry(*, email: OutgoingEmail, by: Any) -> OutgoingEmail:
    """Queue again a message that was not delivered, or may not have been, with the same
    Message-ID and a fresh count of tries. A network admin's decision, audited."""
    if not rules.can_manage_email_delivery(by):
        refuse(_("Only network administrators can send an e-mail again."), status=403)
    locked = OutgoingEmail.objects.select_for_update().get(pk=email.pk)
    if not rules.can_retry_email(by, locked):
        refuse(_("This e-mail is no longer waiting to be sent again."), status=409)
    previous = locked.status
    locked.status = OutgoingEmail.Status.QUEUED
    locked.attempts = 0
    locked.next_attempt_at = None
    locked.claimed_at = None
    locked.save(update_fields=["status", "attempts", "next_attempt_at", "claimed_at"])
    email_retried.send(sender=OutgoingEmail, email=locked, by=by, previous_status=previous)
    transaction.on_commit(lambda: deliver_email.enqueue(locked.pk))
    return locked
