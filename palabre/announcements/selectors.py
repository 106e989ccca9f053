"""Reads of announcements: what runs now for a person, the management lists, the reach
of a campaign (counts only)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from palabre.announcements.models import Announcement, Campaign, Mark
from palabre.permissions import announcements as rules
from palabre.permissions import is_member


def running(queryset: QuerySet[Announcement], at: datetime | None = None) -> QuerySet[Announcement]:
    at = at or timezone.now()
    return queryset.filter(starts_at__lte=at, ends_at__gt=at)


def current_for(user: Any, *, at: datetime | None = None) -> QuerySet[Announcement]:
    """The announcements addressed to the person that run now (or at ``at``) and that the
    person has not dismissed."""
    qs = running(rules.announcements_visible_to(user), at)
    if not is_member(user):
        return qs
    dismissed = Mark.objects.filter(user=user, dismissed_at__isnull=False).values("announcement_id")
    return qs.exclude(pk__in=dismissed).order_by("-starts_at", "-pk")


def managed(user: Any) -> QuerySet[Announcement]:
    return (
        rules.announcements_managed_by(user)
        .select_related("campaign", "organisation")
        .order_by("-starts_at", "-pk")
    )


def with_reach(queryset: QuerySet[Announcement]) -> QuerySet[Announcement]:
    """Each announcement with how many people saw it and how many dismissed it."""
    return queryset.annotate(
        seen_count=Count("marks"),
        dismissed_count=Count("marks", filter=Q(marks__dismissed_at__isnull=False)),
    )


def campaign_reach(campaign: Campaign) -> list[Announcement]:
    return list(
        with_reach(campaign.announcements.all())
        .select_related("organisation")
        .order_by("starts_at", "pk")
    )
