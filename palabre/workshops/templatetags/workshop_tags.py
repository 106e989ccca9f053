"""Template helpers for workshop pages: badges, durations."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _

register = template.Library()

KIND_BADGES = {
    "plenary": "",
    "presentation": "blue",
    "group_work": "green",
    "restitution": "ochre",
    "evaluation": "ochre",
    "break": "",
}
STATUS_BADGES = {
    "planned": "",
    "in_progress": "blue",
    "done": "green",
    "dropped": "",
    "confirmed": "green",
    "waitlisted": "ochre",
    "cancelled": "red",
    "draft": "ochre",
    "published": "green",
    "final": "green",
}


@register.filter
def kind_badge(kind: str) -> str:
    return KIND_BADGES.get(kind, "")


@register.filter
def status_badge(status: str) -> str:
    return STATUS_BADGES.get(status, "")


@register.filter
def minutes(value) -> str:
    """90 → 1 h 30."""
    try:
        total = int(value)
    except (TypeError, ValueError):
        return ""
    hours, rest = divmod(total, 60)
    if not hours:
        return _("%(m)s min") % {"m": rest}
    if not rest:
        return _("%(h)s h") % {"h": hours}
    return _("%(h)s h %(m)02d") % {"h": hours, "m": rest}


@register.filter
def duration(session) -> str:
    return minutes(int((session.ends_at - session.starts_at).total_seconds() // 60))


@register.filter
def stars(value) -> str:
    try:
        number = round(float(value))
    except (TypeError, ValueError):
        return ""
    return "★" * number + "☆" * (5 - number)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
