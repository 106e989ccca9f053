"""What the personal data pages show, read through the permission module."""

from __future__ import annotations

from typing import Any

from django.db.models import Case, IntegerField, QuerySet, Value, When

from palabre.discussions.models import Answer, Thread
from palabre.organisations.models import Membership
from palabre.permissions import practices as practice_rules
from palabre.permissions import privacy as rules
from palabre.practices.models import Practice
from palabre.privacy.models import DataExport, ErasureRequest


def exports_of(user: Any) -> list[DataExport]:
    return list(rules.data_exports_visible_to(user)[:10])


def own_requests(user: Any) -> QuerySet[ErasureRequest]:
    return rules.erasure_requests_visible_to(user).filter(person_id=user.pk)


def requests_to_handle(user: Any) -> QuerySet[ErasureRequest]:
    """Waiting requests first (oldest first), then the decided ones (latest first)."""
    waiting_first = Case(
        When(status=ErasureRequest.Status.PENDING, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return (
        rules.erasure_requests_visible_to(user)
        .select_related("person", "decided_by")
        .order_by(waiting_first, "-decided_at", "created_at", "pk")
    )


def erasure_preview(person: Any) -> dict[str, Any]:
    """What erasing this account would remove, and what would stay (for the administrator
    who decides)."""
    authored = Practice.objects.filter(pk__in=practice_rules.practices_authored_by(person))
    unpublished = authored.filter(published_at__isnull=True).exclude(
        status__in=[Practice.Status.PUBLISHED, Practice.Status.ARCHIVED]
    )
    return {
        "published_practices": authored.exclude(pk__in=unpublished.values("pk")).count(),
        "unpublished_practices": unpublished.count(),
        "messages": Thread.objects.filter(author=person).count()
        + Answer.objects.filter(author=person).count(),
        "memberships": list(Membership.objects.filter(user=person).select_related("organisation")),
    }
