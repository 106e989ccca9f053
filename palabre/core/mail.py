"""Queue e-mails in the recipient's language; a background task sends them.

Nothing is ever sent inside a request: ``email_queue`` writes the message in the
current transaction and enqueues delivery once that transaction commits.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from palabre.core.delivery import email_deliver
from palabre.core.models import OutgoingEmail
from palabre.core.tasks import deliver_email

__all__ = ["email_deliver", "email_queue"]


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
