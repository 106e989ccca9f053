"""Reads of the resource library: the library page with its search and filters, the
resources linked to a practice or a workshop, those of an organisation. Every read starts
from the permission module's querysets."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet

from palabre.permissions import resources as rules
from palabre.resources.models import Resource, ResourcePractice, ResourceWorkshop
from palabre.resources.search import matching, snippets
from palabre.search.query import parse

FILTERS = ("kind", "theme", "language", "organisation")


def filtered(
    user: Any, *, q: str = "", filters: dict[str, str] | None = None
) -> QuerySet[Resource]:
    """The resources this person may see matching the words and filters (best first when
    there are words; featured, then the latest, otherwise)."""
    filters = filters or {}
    qs = rules.resources_visible_to(user)
    for name in FILTERS:
        value = (filters.get(name) or "").strip()
        if not value:
            continue
        if name == "theme":
            qs = qs.filter(themes__slug=value)
        elif name == "organisation":
            qs = qs.filter(organisation__slug=value)
        else:
            qs = qs.filter(**{name: value})
    parsed = parse(q)
    if q.strip() and not parsed.is_empty:
        return matching(qs, parsed)
    return qs.order_by("-featured", "-updated_at", "-pk")


def facet_counts(queryset: QuerySet[Resource]) -> dict[str, list[tuple[str, int]]]:
    """How many of these resources there are by kind, language and organisation."""
    base = queryset.order_by()
    out = {}
    for name, column in (
        ("kind", "kind"),
        ("language", "language"),
        ("organisation", "organisation__slug"),
    ):
        rows = base.values(column).annotate(n=Count("pk", distinct=True)).order_by("-n", column)
        out[name] = [(row[column], row["n"]) for row in rows]
    return out


def page_snippets(resources: list[Resource], q: str) -> dict[int, Any]:
    parsed = parse(q)
    if parsed.is_empty:
        return {}
    return snippets(resources, parsed)


def resources_of_practice(*, user: Any, practice: Any) -> QuerySet[Resource]:
    linked = ResourcePractice.objects.filter(practice=practice).values("resource_id")
    return (
        rules.resources_visible_to(user)
        .filter(pk__in=linked)
        .select_related("organisation", "current")
        .order_by("-featured", "title", "pk")
    )


def resources_of_workshop(*, user: Any, workshop: Any) -> QuerySet[Resource]:
    linked = ResourceWorkshop.objects.filter(workshop=workshop).values("resource_id")
    return (
        rules.resources_visible_to(user)
        .filter(pk__in=linked)
        .select_related("organisation", "current")
        .order_by("-featured", "title", "pk")
    )


def resources_of_organisation(*, user: Any, organisation: Any) -> QuerySet[Resource]:
    return (
        rules.resources_visible_to(user)
        .filter(organisation=organisation)
        .select_related("current")
        .order_by("-featured", "-updated_at", "-pk")
    )
