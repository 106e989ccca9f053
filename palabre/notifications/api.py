"""API routes for one's notifications: the list, the unread count, marking as read, e-mail choices."""

from __future__ import annotations

from datetime import datetime

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from palabre import permissions
from palabre.lib.api import ErrorOut, Id, InputSchema, Offset, example
from palabre.notifications import selectors, services
from palabre.notifications.kinds import Delivery
from palabre.notifications.models import Notification

router = Router(tags=["notifications"])


class NotificationOut(Schema):
    id: int
    kind: str
    title: str
    body: str
    url: str
    actor: str | None
    created_at: datetime
    read_at: datetime | None
    visible: bool = Field(description="False when its subject was hidden from you since")


class NotificationMeta(Schema):
    count: int
    unread: int
    limit: int
    offset: int


class NotificationPage(Schema):
    meta: NotificationMeta
    results: list[NotificationOut]


class UnreadOut(Schema):
    unread: int


class MarkReadIn(InputSchema):
    model_config = example({"ids": [101, 102]})

    ids: list[Id] | None = Field(None, max_length=1000, description="Leave out to mark all as read")


class MarkedOut(Schema):
    marked: int


class PreferenceOut(Schema):
    kind: str
    label: str
    group: str
    delivery: Delivery


class PreferencesIn(InputSchema):
    model_config = example(
        {"choices": {"practice.changes_requested": "immediate", "practice.published": "daily"}}
    )

    choices: dict[str, Delivery] = Field(description="Kind → immediate, daily or never")


def _member(request):
    if not permissions.is_member(request.auth):
        return Status(401, {"detail": _("Log in (send a token) to read your notifications.")})
    return None


def _out(n: Notification) -> dict:
    visible = getattr(n, "visible", True)
    return {
        "id": n.pk,
        "kind": n.kind,
        "title": n.shown_title if visible else _("Something you can no longer see"),
        "body": n.shown_body if visible else "",
        "url": n.url if visible else "",
        "actor": str(n.actor) if n.actor_id and visible else None,
        "created_at": n.created_at,
        "read_at": n.read_at,
        "visible": visible,
    }


@router.get(
    "", response={200: NotificationPage, 401: ErrorOut}, summary="Your notifications, newest first"
)
def list_notifications(
    request,
    unread: bool = False,
    limit: int = Query(30, ge=1, le=100),
    offset: Offset = 0,
):
    if (refused := _member(request)) is not None:
        return refused
    qs = selectors.notifications_for(request.auth, unread_only=unread)
    page = selectors.mark_visible(request.auth, list(qs[offset : offset + limit]))
    return {
        "meta": {
            "count": qs.count(),
            "unread": selectors.unread_count(request.auth),
            "limit": limit,
            "offset": offset,
        },
        "results": [_out(n) for n in page],
    }


@router.get("/unread", response={200: UnreadOut, 401: ErrorOut}, summary="How many are unread")
def unread_count(request):
    if (refused := _member(request)) is not None:
        return refused
    return {"unread": selectors.unread_count(request.auth)}


@router.post("/read", response={200: MarkedOut, 401: ErrorOut}, summary="Mark as read")
def mark_read(request, payload: MarkReadIn):
    if (refused := _member(request)) is not None:
        return refused
    return {"marked": services.notifications_mark_read(user=request.auth, ids=payload.ids)}


@router.post(
    "/{notification_id}/read",
    response={200: NotificationOut, 401: ErrorOut, 404: ErrorOut},
    summary="Mark one as read",
)
def mark_one_read(request, notification_id: Id):
    if (refused := _member(request)) is not None:
        return refused
    notification = get_object_or_404(Notification, pk=notification_id, recipient=request.auth)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return _out(selectors.mark_visible(request.auth, [notification])[0])


def _preferences(user) -> list[dict]:
    return [
        {"kind": k.key, "label": str(k.label), "group": str(k.group), "delivery": d}
        for k, d in services.preferences_for(user)
    ]


@router.get(
    "/preferences",
    response={200: list[PreferenceOut], 401: ErrorOut},
    summary="How you are e-mailed, per kind",
)
def read_preferences(request):
    if (refused := _member(request)) is not None:
        return refused
    return _preferences(request.auth)


@router.put(
    "/preferences",
    response={200: list[PreferenceOut], 400: ErrorOut, 401: ErrorOut},
    summary="Choose how you are e-mailed, per kind",
)
def write_preferences(request, payload: PreferencesIn):
    if (refused := _member(request)) is not None:
        return refused
    services.preferences_set(
        user=request.auth, choices={k: str(v) for k, v in payload.choices.items()}
    )
    return _preferences(request.auth)


routers = {"/notifications": router}
