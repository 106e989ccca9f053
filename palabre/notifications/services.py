"""Tell people what concerns them, never about what they may not see."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import translation

from palabre import permissions
from palabre.core.mail import email_queue
from palabre.notifications.models import Notification


def notify(
    *,
    recipient: Any,
    kind: str,
    title: Any,
    params: dict[str, Any] | None = None,
    url: str = "",
    body: Any = "",
    actor: Any = None,
    target: models.Model | None = None,
    email: bool = True,
) -> Notification | None:
    """Record a notification and queue its e-mail, in the recipient's language.

    ``title`` and ``body`` are (lazy) translatable strings with %(name)s
    placeholders filled from ``params``. Nothing is sent when the recipient is
    inactive, is the actor, or may not see ``target``.
    """
    if not recipient.is_active or (actor is not None and actor.pk == recipient.pk):
        return None
    if target is not None and not permissions.can_view(recipient, target):
        return None
    params = params or {}
    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        title_text = str(title) % params if params else str(title)
        body_text = (str(body) % params if params else str(body)) if body else ""
    notification = Notification.objects.create(
        recipient=recipient,
        kind=kind,
        title=title_text[:300],
        body=body_text,
        url=url,
        actor=actor,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
    )
    if email:
        email_queue(
            to=recipient.email,
            template="notifications/email/notification",
            context={"notification": notification, "recipient": recipient},
            language=recipient.language or settings.LANGUAGE_CODE,
            kind=f"notification:{kind}",
        )
    return notification


def notifications_mark_read(*, user: Any, ids: list[int] | None = None) -> int:
    from django.utils import timezone

    qs = Notification.objects.filter(recipient=user).unread()
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    return qs.update(read_at=timezone.now())
