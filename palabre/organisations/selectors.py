"""Reads for the organisation directory and pages."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from palabre.organisations.models import Organisation


def organisation_directory(
    *, q: str = "", kind: str = "", country: str = "", region: str = ""
) -> QuerySet[Organisation]:
    qs = Organisation.objects.annotate(member_count=Count("memberships"))
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(acronym__icontains=q))
    if kind:
        qs = qs.filter(kind=kind)
    if country:
        qs = qs.filter(country=country)
    if region:
        qs = qs.filter(region__iexact=region)
    return qs.order_by("name")


def directory_countries() -> list[str]:
    return list(
        Organisation.objects.order_by("country").values_list("country", flat=True).distinct()
    )


def directory_regions() -> list[str]:
    return list(
        Organisation.objects.exclude(region="")
        .order_by("region")
        .values_list("region", flat=True)
        .distinct()
    )
