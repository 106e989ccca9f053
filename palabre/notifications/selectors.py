"""Reads about notifications: a person's list, checked again against what they may see now."""

from __future__ import annotations

import importlib
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.apps import apps

from palabre import permissions
from palabre.notifications.models import Notification


def _visible_pks(user: Any, label: str, pks: set[str]) -> set[str]:
    app_label, _dot, model_name = label.partition(".")
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return set()
    try:
        rules = importlib.import_module(f"palabre.permissions.{app_label}")
    except ModuleNotFoundError:
        rules = None
    bulk = getattr(rules, "visible_pks", None)
    if bulk is not None:
        return {str(pk) for pk in bulk(user, model, pks)}
    objects = model._default_manager.filter(pk__in=pks)
    return {str(obj.pk) for obj in objects if permissions.can_view(user, obj)}


def visible_target_keys(user: Any, notifications: Iterable[Notification]) -> set[tuple[str, str]]:
    """The (type, id) of the targets this person may still see, a few queries per kind of target."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for notification in notifications:
        if notification.target_type:
            wanted[notification.target_type].add(notification.target_id)
    visible: set[tuple[str, str]] = set()
    for label, pks in wanted.items():
        visible |= {(label, pk) for pk in _visible_pks(user, label, pks)}
    return visible


def mark_visible(user: Any, notifications: list[Notification]) -> list[Notification]:
    """Set ``.visible`` on each: False when its subject was hidden from this person since."""
    keys = visible_target_keys(user, notifications)
    for notification in notifications:
        notification.visible = not notification.target_type or notification.target_key in keys
    return notifications


def notifications_for(user: Any, *, unread_only: bool = False):
    qs = Notification.objects.filter(recipient=user).select_related("actor")
    return qs.unread() if unread_only else qs


def unread_count(user: Any) -> int:
    return Notification.objects.filter(recipient=user).unread().count()
