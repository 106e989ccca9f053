"""Reads for the audit log viewer: filtering events, the filters' choices, short details."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext

from palabre.audit.forms import FAMILY
from palabre.audit.models import AuditEvent

# How much of an event's details the list shows (the export has them all).
DETAILS_SHOWN = 4
DETAIL_LENGTH = 80


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def audit_events_filtered(
    events: QuerySet[AuditEvent],
    *,
    person: str = "",
    actor: int | None = None,
    organisation: int | None = None,
    kind: str = "",
    object: str = "",
    action: str = "",
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[AuditEvent]:
    """``events`` narrowed by the filters, newest first, with who and which organisation."""
    if person:
        events = events.filter(
            Q(actor__display_name__icontains=person) | Q(actor__email__icontains=person)
        )
    if actor:
        events = events.filter(actor_id=actor)
    if organisation:
        # Events recorded for the organisation, and those about the organisation itself.
        events = events.filter(
            Q(organisation_id=organisation)
            | Q(target_type="organisations.organisation", target_id=str(organisation))
        )
    if kind:
        events = events.filter(target_type=kind)
    if object:
        if object.isdigit():
            events = events.filter(target_id=str(int(object)))
        else:
            events = events.filter(target_repr__icontains=object)
    if action.endswith(FAMILY):
        events = events.filter(action__startswith=action[: -len(FAMILY)] + ".")
    elif action:
        events = events.filter(action=action)
    if since:
        events = events.filter(created_at__gte=_start_of(since))
    if until:
        events = events.filter(created_at__lt=_start_of(until + timedelta(days=1)))
    return events.select_related("actor", "organisation").order_by("-created_at", "-pk")


def kind_label(target_type: str) -> str:
    """A kind of object as people call it ("Practice"), or its code when unknown."""
    try:
        model = apps.get_model(target_type)
    except (LookupError, ValueError):
        return target_type
    return capfirst(str(model._meta.verbose_name))


def audit_kinds() -> list[tuple[str, str]]:
    """The kinds of object the log names, as (code, label), by label."""
    codes = AuditEvent.objects.order_by().values_list("target_type", flat=True).distinct()
    return sorted(((code, kind_label(code)) for code in codes), key=lambda pair: pair[1])


def audit_actions() -> list[str]:
    """Every action the log has recorded, in alphabetical order."""
    return list(AuditEvent.objects.order_by("action").values_list("action", flat=True).distinct())


def audit_organisations() -> QuerySet[Any]:
    """The organisations to filter by, by name."""
    organisation = AuditEvent._meta.get_field("organisation").related_model
    return organisation._default_manager.order_by("name").only("pk", "name")  # type: ignore[union-attr]


def person_name(pk: int) -> str:
    """The name of the person an "only what they did" filter names (their number if gone)."""
    person = get_user_model().objects.filter(pk=pk).only("display_name", "email").first()
    if person is None:
        return gettext("no. %(number)s") % {"number": pk}
    return person.display_name or person.email


def _short(value: Any) -> str:
    if isinstance(value, list | tuple):
        text = ", ".join(str(item) for item in value)
    elif isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False, default=str)
    else:
        text = str(value)
    return Truncator(text).chars(DETAIL_LENGTH)


def details_summary(data: Any) -> tuple[list[tuple[str, str]], int]:
    """The first details of an event as (name, short value), by name (PostgreSQL keeps a
    JSON object's keys in an order of its own), and how many more there are."""
    if not isinstance(data, dict):
        return ([("", _short(data))] if data else []), 0
    items = sorted(data.items())
    shown = [(str(key), _short(value)) for key, value in items[:DETAILS_SHOWN]]
    return shown, max(len(items) - DETAILS_SHOWN, 0)


def details_text(data: Any) -> str:
    """Every detail of an event, as JSON (for exports)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, default=str) if data else ""
