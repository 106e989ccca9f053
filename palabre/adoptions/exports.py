"""Exports of adoptions, feedback and measurements (CSV and XLSX), limited to what the reader may see.

A text cell that starts with = + - @ (or a tab or carriage return) is prefixed
with an apostrophe, so that no spreadsheet runs it as a formula. Numbers and
dates stay numbers and dates.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Avg, Count
from django.utils.translation import gettext as _

from palabre.permissions import adoptions as rules


def _url(path: str) -> str:
    return settings.SITE_URL + path


def adoption_rows(*, user: Any, organisation=None, practice=None) -> tuple[list[str], list[list]]:
    qs = (
        rules.adoptions_visible_to(user)
        .select_related("practice", "organisation", "contact")
        .annotate(report_count=Count("reports"), average=Avg("reports__effectiveness"))
    )
    if organisation is not None:
        qs = qs.filter(organisation=organisation)
    if practice is not None:
        qs = qs.filter(practice=practice)
    header = [
        _("id"), _("practice"), _("practice id"), _("organisation"), _("team"), _("project"),
        _("status"), _("start date"), _("end date"), _("country"), _("region"), _("context"),
        _("adaptations made"), _("why it was abandoned"), _("contact person"),
        _("feedback reports"), _("average effectiveness"), _("address"),
    ]  # fmt: skip
    rows = [
        [
            a.pk,
            a.practice.title,
            a.practice_id,
            a.organisation.name,
            a.team,
            a.project_name,
            a.get_status_display(),
            a.started_on,
            a.ended_on,
            str(a.country.name or ""),
            a.region,
            a.context,
            a.adaptations,
            a.abandon_reason,
            str(a.contact or ""),
            a.report_count,
            round(Decimal(a.average), 2) if a.average is not None else None,
            _url(a.get_absolute_url()),
        ]
        for a in qs.order_by("-started_on", "-pk")
    ]
    return header, rows


def feedback_rows(*, user: Any, organisation=None, practice=None) -> tuple[list[str], list[list]]:
    qs = rules.feedback_visible_to(user).select_related(
        "adoption__practice", "adoption__organisation", "addressed_in"
    )
    if organisation is not None:
        qs = qs.filter(adoption__organisation=organisation)
    if practice is not None:
        qs = qs.filter(adoption__practice=practice)
    header = [
        _("id"), _("adoption id"), _("practice"), _("organisation"), _("date of the report"),
        _("status at the time of the report"), _("effectiveness"), _("would recommend it"),
        _("results observed"), _("difficulties"), _("what should change in the practice"),
        _("who can read the texts"), _("the authors' answer"), _("addressed in version"),
        _("address"),
    ]  # fmt: skip
    rows = [
        [
            r.pk,
            r.adoption_id,
            r.adoption.practice.title,
            r.adoption.organisation.name,
            r.reported_on,
            r.get_status_at_report_display(),
            r.effectiveness,
            r.would_recommend,
            r.results,
            r.difficulties,
            r.suggestions,
            r.get_visibility_display(),
            r.answer,
            r.addressed_in.number if r.addressed_in else None,
            _url(r.get_absolute_url()),
        ]
        for r in qs.order_by("-reported_on", "-pk")
    ]
    return header, rows


def measurement_rows(
    *, user: Any, organisation=None, practice=None
) -> tuple[list[str], list[list]]:
    qs = rules.measurements_visible_to(user).select_related("indicator__organisation")
    if organisation is not None:
        qs = qs.filter(indicator__organisation=organisation)
    if practice is not None:
        qs = qs.filter(indicator__adoptions__practice=practice).distinct()
    header = [
        _("organisation"), _("indicator"), _("unit"), _("date"), _("value"), _("source"),
        _("comment"), _("baseline value"), _("baseline date"), _("target value"),
        _("target date"), _("direction"),
    ]  # fmt: skip
    rows = [
        [
            m.indicator.organisation.name,
            m.indicator.name,
            m.indicator.unit,
            m.measured_on,
            m.value.normalize(),
            m.source,
            m.comment,
            m.indicator.baseline_value.normalize(),
            m.indicator.baseline_date,
            m.indicator.target_value.normalize(),
            m.indicator.target_date,
            m.indicator.get_direction_display(),
        ]
        for m in qs.order_by("indicator__organisation__name", "indicator__name", "measured_on")
    ]
    return header, rows
