"""Who may see and act on the platform's own machinery: e-mails that could not be delivered.

Network admins only, who can send such a message again; for everyone else these pages do
not exist (404). Even they see no address in full (only its domain), and no message body.

Access: ``undelivered_email_for(user, pk)`` and ``outgoing_email_for(user, pk)`` fetch one
or raise 404;
``undelivered_emails_visible_to(user)`` and ``outgoing_emails_visible_to(user)`` are the
querysets.

While the demo runs (``settings.DEMO``, set by ``palabre run --demo``) its e-mails are
written to files, not sent, and /demo/emails/ lists them: ``demo_emails_visible_to(user)``
and ``can_view_demo_email(user, email)``. Facilitators and network admins see every one
but those carrying a private link (a password reset, an invitation), which only their
addressee sees; other members see those addressed to them; outside the demo, nobody.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet

from palabre.core.models import OutgoingEmail
from palabre.permissions import is_facilitator, is_member, is_network_admin, object_or_404

# Messages waiting for a person's decision: given up, or perhaps never delivered.
RETRYABLE = (OutgoingEmail.Status.FAILED, OutgoingEmail.Status.UNCERTAIN)


def can_manage_email_delivery(user: Any) -> bool:
    return is_network_admin(user)


def can_retry_email(user: Any, email: OutgoingEmail) -> bool:
    return can_manage_email_delivery(user) and email.status in RETRYABLE


def can_view(user: Any, obj: Any) -> bool:
    return can_manage_email_delivery(user)


def outgoing_emails_visible_to(user: Any) -> QuerySet[OutgoingEmail]:
    if not can_manage_email_delivery(user):
        return OutgoingEmail.objects.none()
    return OutgoingEmail.objects.all()


def undelivered_emails_visible_to(user: Any) -> QuerySet[OutgoingEmail]:
    return outgoing_emails_visible_to(user).filter(status__in=RETRYABLE)


def undelivered_email_for(user: Any, pk: Any) -> OutgoingEmail:
    return object_or_404(undelivered_emails_visible_to(user), pk)


def outgoing_email_for(user: Any, pk: Any) -> OutgoingEmail:
    """Any message, for a network admin (who is then told when it is not waiting for a
    decision any more); 404 for everyone else."""
    return object_or_404(outgoing_emails_visible_to(user), pk)


def can_view_demo_emails(user: Any) -> bool:
    """Whether the page of the demo's e-mails exists for this person."""
    return bool(getattr(settings, "DEMO", False)) and is_member(user)


def demo_emails_visible_to(user: Any) -> QuerySet[OutgoingEmail]:
    if not can_view_demo_emails(user):
        return OutgoingEmail.objects.none()
    own = Q(to__iexact=user.email)
    if is_facilitator(user) or is_network_admin(user):
        return OutgoingEmail.objects.filter(own | Q(sensitive=False))
    return OutgoingEmail.objects.filter(own)


def can_view_demo_email(user: Any, email: OutgoingEmail) -> bool:
    if not can_view_demo_emails(user):
        return False
    if email.to.lower() == user.email.lower():
        return True
    return (is_facilitator(user) or is_network_admin(user)) and not email.sensitive
