"""Tell people what concerns them, never about what they may not see.

Every notification is shown in the app. Whether it is also e-mailed, right
away or in the next daily summary, is each person's choice per kind (see
``kinds``). Every e-mail carries a link that stops it without logging in, and
the List-Unsubscribe headers mail programs use for their own button.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise

from palabre import permissions
from palabre.core.mail import email_queue
from palabre.lib.errors import ServiceError
from palabre.notifications import kinds
from palabre.notifications.kinds import Delivery
from palabre.notifications.models import Notification, NotificationPreference
from palabre.notifications.selectors import visible_target_keys

UNSUBSCRIBE_SALT = "palabre.notifications.unsubscribe"
# What an unsubscribe link stops: one kind, the daily summary, or every e-mail.
SCOPE_ALL = "*"
SCOPE_DAILY = "daily"


def _language(user: Any) -> str:
    return getattr(user, "language", "") or settings.LANGUAGE_CODE


def _msgid(value: Any) -> list[str] | None:
    """[context, msgid] of a lazy gettext/pgettext string, None for anything else."""
    if not isinstance(value, Promise):
        return None
    try:
        func, args, kwargs = value.__reduce__()[1][:3]
    except (TypeError, ValueError, IndexError):
        return None
    name = getattr(func, "__name__", "")
    if kwargs or not all(isinstance(a, str) for a in args):
        return None
    if name == "gettext" and len(args) == 1:
        return ["", args[0]]
    if name == "pgettext" and len(args) == 2:
        return [args[0], args[1]]
    return None


def _param(value: Any) -> Any:
    found = _msgid(value)
    if found:
        return {"context": found[0], "msgid": found[1]}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def message_of(
    *, title: Any, body: Any = "", params: dict[str, Any] | None = None, excerpt: str = ""
) -> dict[str, Any]:
    """What a notification needs to be written again in its reader's language.

    Only lazy translatable strings can be: a title given as plain text is
    shown as written (an empty message).
    """
    title_id = _msgid(title)
    if title_id is None:
        return {}
    message: dict[str, Any] = {"title": title_id}
    if params:
        message["params"] = {key: _param(value) for key, value in params.items()}
    body_id = _msgid(body) if body else None
    if body_id is not None:
        message["body"] = body_id
        if excerpt:
            message["excerpt"] = excerpt
    return message


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
    excerpt: str = "",
) -> Notification | None:
    """Record a notification and e-mail it as its recipient chose, in their language.

    ``title`` and ``body`` are (lazy) translatable strings with %(name)s
    placeholders filled from ``params``; ``excerpt`` is people's own words
    (a question, an answer), added as they are. Nothing is recorded when the
    recipient is inactive, is the actor, or may not see ``target``.
    """
    if not recipient.is_active or (actor is not None and actor.pk == recipient.pk):
        return None
    if target is not None and not permissions.can_view(recipient, target):
        return None
    params = params or {}
    with translation.override(_language(recipient)):
        title_text = str(title) % params if params else str(title)
        body_text = (str(body) % params if params else str(body)) if body else ""
    if excerpt:
        body_text = f"{body_text}\n\n{excerpt}".strip()
    state = Notification.EmailState.NONE
    if email and recipient.email:
        delivery = delivery_for(recipient, kind)
        if delivery == Delivery.IMMEDIATE:
            state = Notification.EmailState.SENT
        elif delivery == Delivery.DAILY:
            state = Notification.EmailState.PENDING
    notification = Notification.objects.create(
        recipient=recipient,
        kind=kind,
        title=title_text[:300],
        body=body_text,
        url=url,
        actor=actor,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        email_state=state,
        message=message_of(title=title, body=body, params=params, excerpt=excerpt),
    )
    if state == Notification.EmailState.SENT:
        _email_now(notification)
    return notification


def _email_now(notification: Notification) -> None:
    recipient = notification.recipient
    link = unsubscribe_url(recipient, notification.kind)
    email_queue(
        to=recipient.email,
        template="notifications/email/notification",
        context={
            "notification": notification,
            "recipient": recipient,
            "kind": kinds.get(notification.kind),
            "unsubscribe_url": link,
            "settings_url": settings.SITE_URL + reverse("notifications:settings"),
        },
        language=_language(recipient),
        kind=f"notification:{notification.kind}"[:50],
        headers=unsubscribe_headers(link),
    )


# Preferences -----------------------------------------------------------------


def delivery_for(user: Any, kind: str) -> str:
    """How this person wants to be e-mailed about this kind."""
    rows = dict(
        NotificationPreference.objects.filter(
            user=user, kind__in=[kind, NotificationPreference.ALL_KINDS]
        ).values_list("kind", "delivery")
    )
    return rows.get(kind) or rows.get(NotificationPreference.ALL_KINDS) or kinds.get(kind).default


def preferences_for(user: Any) -> list[tuple[kinds.Kind, str]]:
    """Every kind this person may receive, with their current choice."""
    rows = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "delivery"))
    fallback = rows.get(NotificationPreference.ALL_KINDS)
    facilitator = permissions.is_facilitator(user)
    return [
        (k, rows.get(k.key) or fallback or k.default)
        for k in kinds.registered()
        if facilitator or not k.facilitators
    ]


@transaction.atomic
def preferences_set(*, user: Any, choices: dict[str, str]) -> int:
    """Save this person's choices (kind → delivery). Returns how many changed."""
    known = {k.key for k, _delivery in preferences_for(user)}
    unknown = sorted(set(choices) - known)
    if unknown:
        raise ServiceError(
            translation.gettext("Unknown kinds of notification: %(kinds)s.")
            % {"kinds": ", ".join(unknown)},
            field="kind",
        )
    invalid = sorted(k for k, v in choices.items() if v not in Delivery.values)
    if invalid:
        raise ServiceError(
            translation.gettext("Choose immediately, daily or never for: %(kinds)s.")
            % {"kinds": ", ".join(invalid)},
            field="delivery",
        )
    current = {k.key: delivery for k, delivery in preferences_for(user)}
    changed = 0
    for kind, delivery in choices.items():
        if current.get(kind) == delivery:
            continue
        NotificationPreference.objects.update_or_create(
            user=user, kind=kind, defaults={"delivery": delivery}
        )
        changed += 1
    return changed


# Unsubscribing without logging in --------------------------------------------


def unsubscribe_token(user: Any, scope: str) -> str:
    return signing.dumps({"u": user.pk, "s": scope}, salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_url(user: Any, scope: str) -> str:
    token = unsubscribe_token(user, scope)
    return settings.SITE_URL + reverse("notifications:unsubscribe", args=[token])


def unsubscribe_headers(url: str) -> dict[str, str]:
    # RFC 2369 and RFC 8058: mail programs show their own button, which POSTs to the link.
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def unsubscribe_read(token: str) -> tuple[Any, str]:
    """The person and scope a link was made for; a forged or damaged link answers 404."""
    from django.contrib.auth import get_user_model

    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        user = get_user_model().objects.get(pk=int(data["u"]))
        scope = str(data["s"])
    except (signing.BadSignature, KeyError, TypeError, ValueError, get_user_model().DoesNotExist):
        raise ServiceError(
            translation.gettext("This link is not valid. Open Palabre to change your e-mails."),
            status=404,
        ) from None
    return user, scope


@transaction.atomic
def unsubscribe(*, user: Any, scope: str) -> list[str]:
    """Stop e-mails of one kind, of the daily summary, or all. Returns the kinds stopped."""
    never = Delivery.NEVER
    stopped: list[str] = []
    if scope == SCOPE_ALL:
        NotificationPreference.objects.update_or_create(
            user=user, kind=NotificationPreference.ALL_KINDS, defaults={"delivery": never}
        )
        stopped = [k.key for k, d in preferences_for(user) if d != never]
        NotificationPreference.objects.filter(user=user).update(delivery=never)
    elif scope == SCOPE_DAILY:
        stopped = [k.key for k, d in preferences_for(user) if d == Delivery.DAILY]
        for key in stopped:
            NotificationPreference.objects.update_or_create(
                user=user, kind=key, defaults={"delivery": never}
            )
        NotificationPreference.objects.filter(
            user=user, kind=NotificationPreference.ALL_KINDS, delivery=Delivery.DAILY
        ).update(delivery=never)
    else:
        if delivery_for(user, scope) != never:
            stopped = [scope]
        NotificationPreference.objects.update_or_create(
            user=user, kind=scope, defaults={"delivery": never}
        )
    # What was waiting for the next summary is not sent any more either.
    waiting = Notification.objects.filter(
        recipient=user, email_state=Notification.EmailState.PENDING
    )
    if scope != SCOPE_ALL:
        waiting = waiting.filter(kind__in=stopped)
    waiting.update(email_state=Notification.EmailState.DROPPED)
    return stopped


# Reading ---------------------------------------------------------------------


def notifications_mark_read(*, user: Any, ids: list[int] | None = None) -> int:
    qs = Notification.objects.filter(recipient=user).unread()
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    return qs.update(read_at=timezone.now())


# The daily summary -----------------------------------------------------------


def notifications_send_daily_summaries(*, now: datetime | None = None) -> int:
    """One e-mail per person with what waited for their daily summary. Returns e-mails queued.

    Each item is checked again: what was read in the app meanwhile is left out,
    and so is anything its recipient may no longer see.
    """

    now = now or timezone.now()
    recipients = (
        Notification.objects.filter(
            email_state=Notification.EmailState.PENDING, created_at__lte=now
        )
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    sent = 0
    for recipient_id in list(recipients):
        with transaction.atomic():
            pending = list(
                Notification.objects.select_for_update()
                .filter(
                    recipient_id=recipient_id,
                    email_state=Notification.EmailState.PENDING,
                    created_at__lte=now,
                )
                .select_related("recipient")
                .order_by("created_at", "pk")
            )
            if not pending:
                continue
            recipient = pending[0].recipient
            visible = visible_target_keys(recipient, pending)
            items = [
                n
                for n in pending
                if n.read_at is None and (not n.target_type or n.target_key in visible)
            ]
            keep = {n.pk for n in items}
            Notification.objects.filter(pk__in=[n.pk for n in pending if n.pk not in keep]).update(
                email_state=Notification.EmailState.DROPPED
            )
            if not items or not recipient.is_active or not recipient.email:
                Notification.objects.filter(pk__in=keep).update(
                    email_state=Notification.EmailState.DROPPED
                )
                continue
            link = unsubscribe_url(recipient, SCOPE_DAILY)
            email_queue(
                to=recipient.email,
                template="notifications/email/summary",
                context={
                    "items": items,
                    "recipient": recipient,
                    "unsubscribe_url": link,
                    "settings_url": settings.SITE_URL + reverse("notifications:settings"),
                },
                language=_language(recipient),
                kind="notification:daily_summary",
                headers=unsubscribe_headers(link),
            )
            Notification.objects.filter(pk__in=keep).update(
                email_state=Notification.EmailState.SUMMARISED
            )
            sent += 1
    return sent
