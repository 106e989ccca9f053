"""Featured items as a person may see them: what is featured now, and what was, and why.

``current_features(viewer=…)`` is what the home page shows and what a newsletter (digest)
composes from: call it with the recipient as ``viewer`` so each person gets only what they
may see (a practice by its own rule, a person by their contributor page's choice, an
organisation for members of the network).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from palabre.permissions import recognition as rules
from palabre.practices.models import Practice
from palabre.recognition.models import Feature

HOME_LIMIT = 6


def _loaded() -> QuerySet[Feature]:
    return Feature.objects.select_related(
        "practice__lead_organisation", "person", "organisation", "featured_by"
    )


def _still_shown() -> Q:
    """A practice withdrawn since (archived…) or a closed account is featured no more."""
    return (Q(practice__isnull=True) | Q(practice__status=Practice.Status.PUBLISHED)) & (
        Q(person__isnull=True) | Q(person__is_active=True)
    )


def current_features(
    *, viewer: Any, today: date | None = None, limit: int | None = HOME_LIMIT
) -> list[Feature]:
    """What is featured on ``today`` (the local date by default) that ``viewer`` may see,
    the most recently started first: not ended early, within its period, its practice still
    published. For a newsletter, pass each recipient as ``viewer`` (anonymous: public items
    only) and ``limit=None`` for all of them. One query."""
    today = today or timezone.localdate()
    qs = (
        rules.features_visible_to(viewer, _loaded())
        .filter(ended_at__isnull=True, starts_on__lte=today, ends_on__gte=today)
        .filter(_still_shown())
        .order_by("-starts_on", "-pk")
    )
    return list(qs[:limit] if limit else qs)


def feature_history(*, viewer: Any, today: date | None = None) -> QuerySet[Feature]:
    """What was featured, and why, newest first. Facilitators see every row (those planned
    for later included); others see those that have started and that they may see."""
    qs = rules.features_visible_to(viewer, _loaded())
    if not rules.can_feature(viewer):
        qs = qs.filter(starts_on__lte=today or timezone.localdate())
    return qs.order_by("-starts_on", "-pk")


def person_url(person: Any) -> str:
    """Where a person's name leads here: their contributor page (what they shared), which
    visitors may open too when the person chose so."""
    return reverse("recognition:contributor", args=[person.pk])


def item_url(feature: Feature) -> str:
    if feature.kind == Feature.Kind.PERSON:
        return person_url(feature.person)
    item = feature.item
    return str(item.get_absolute_url()) if item is not None else ""  # type: ignore[attr-defined]


def feature_status(feature: Feature, today: date | None = None) -> str:
    """``current``, ``planned``, ``ended`` (early) or ``past``."""
    today = today or timezone.localdate()
    if feature.ended_at is not None:
        return "ended"
    if feature.starts_on > today:
        return "planned"
    if feature.ends_on < today:
        return "past"
    return "current"
