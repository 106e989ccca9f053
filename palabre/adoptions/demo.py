"""Demo adoptions: demo practices put to work across the network, a year of feedback, indicators.

The adoptions, reports, indicators and texts are in demo_data/ (see its README); this
module loads them. Dates are counted back from today, so the dashboards always show a
living year: reports at 3 and 12 months, some feedback overdue, a practice revised from
a report, maturity from innovation to institutionalised. Safe to run again.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from django.db.models import Count
from django.utils import timezone

from palabre.adoptions import selectors
from palabre.adoptions.models import Adoption, FeedbackReport, Indicator, Measurement, add_months
from palabre.organisations.models import Membership
from palabre.practices.models import Practice
from palabre.practices.search import touch_practice

DATA = Path(__file__).parent / "demo_data"
S = Adoption.Status
# Milestones at which the demo reports answer a reminder.
MILESTONES = (3, 12)


@cache
def demo_file(name: str) -> Any:
    """One of the JSON files of demo_data/."""
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def _at(today: date, months_ago: int, day_shift: int = 0) -> date:
    return add_months(today, -months_ago) + timedelta(days=day_shift)


def load(context) -> None:
    rng = context.random
    today = timezone.localdate()
    texts = demo_file("texts")
    practices: dict[str, Practice] = context["practices"]
    organisations = context["organisations"]
    members: dict[int, list] = {}
    for membership in Membership.objects.select_related("user").order_by("pk"):
        members.setdefault(membership.organisation_id, []).append(membership.user)
    adoptions: dict[str, Adoption] = {}
    for index, item in enumerate(demo_file("adoptions")):
        key, team, reports = item["key"], item["team"], item["reports"]
        status = S(item["status"])
        practice = practices[item["practice"]]
        organisation = organisations[item["organisation"]]
        people = members.get(organisation.pk, [])
        person = people[index % len(people)] if people else None
        started = _at(today, item["started_months_ago"], rng.randint(-10, 10))
        if status == S.PLANNED:
            started = _at(today, item["started_months_ago"])
        dates = [
            min(
                add_months(started, report["months_after_start"])
                + timedelta(days=rng.randint(0, 12)),
                today,
            )
            for report in reports
        ]
        ended = None
        if status in (S.COMPLETED, S.ABANDONED):
            ended = dates[-1] if dates else min(add_months(started, 6), today)
        context_text = texts["context"].format(
            organisation=organisation.short_name, team=team or texts["context_team_default"]
        )
        adoption, _created = Adoption.objects.update_or_create(
            external_id=f"demo:{key}",
            defaults={
                "practice": practice,
                "organisation": organisation,
                "revision": practice.revisions.order_by("-number").first(),
                "team": team,
                "started_on": started,
                "ended_on": ended,
                "status": status,
                "country": organisation.country,
                "region": item["region"] or organisation.region,
                "context": context_text,
                "adaptations": texts["adaptations"] if index % 3 == 0 else "",
                "abandon_reason": item["abandon_reason"],
                "contact": person,
                "created_by": person,
            },
        )
        adoptions[key] = adoption
        for number, report in enumerate(reports):
            last = number == len(reports) - 1
            pick = (index + number) % len(texts["results"])
            score = report["effectiveness"]
            after = report["months_after_start"]
            FeedbackReport.objects.update_or_create(
                external_id=f"demo:{key}:{number}",
                defaults={
                    "adoption": adoption,
                    "reported_on": dates[number],
                    "effectiveness": score,
                    "would_recommend": report["would_recommend"],
                    "results": texts["results"][pick] if score >= 3 else "",
                    "difficulties": texts["difficulties"][pick],
                    "suggestions": texts["suggestions"][pick],
                    "status_at_report": status if last else S.IN_PROGRESS,
                    "visibility": FeedbackReport.Visibility.ORGANISATION
                    if report["organisation_only"]
                    else FeedbackReport.Visibility.NETWORK,
                    "milestone_months": after if after in MILESTONES else None,
                    "created_by": person,
                },
            )
    _answers(practices)
    _indicators(today, organisations, adoptions, members)
    for practice in Practice.objects.filter(adoptions__isnull=False).annotate(
        n=Count("adoptions", distinct=True)
    ):
        level = selectors.maturity_evidence(practice).level
        Practice.objects.filter(pk=practice.pk).update(maturity=level, adoption_count=practice.n)
        touch_practice(practice.pk)
    context["adoptions"] = adoptions


def _answers(practices: dict[str, Practice]) -> None:
    """The authors answered the first reports, and revised the fiche from one."""
    answers = demo_file("answers")
    practice = practices[answers["practice"]]
    author = practice.authors.first()
    revisions = list(practice.revisions.order_by("number"))
    for key in answers["answered"]:
        report = FeedbackReport.objects.filter(external_id=f"demo:{key}:0").first()
        if report is None:
            continue
        report.answer = answers["answer"]
        report.answered_by = author
        report.answered_at = timezone.now()
        if len(revisions) > 1 and key == answers["revised_from"]:
            report.revision_started_at = timezone.now()
            report.revision_started_by = author
            report.addressed_in = revisions[-1]
        report.save()


def _indicators(today, organisations, adoptions, members) -> None:
    texts = demo_file("texts")
    for item in demo_file("indicators"):
        organisation = organisations[item["organisation"]]
        people = members.get(organisation.pk, [])
        baseline_date = _at(today, item["baseline_months_ago"])
        indicator, _created = Indicator.objects.update_or_create(
            external_id=f"demo:{item['key']}",
            defaults={
                "organisation": organisation,
                "name": item["name"],
                "description": texts["indicator_description"],
                "unit": item["unit"],
                "value_type": item["value_type"],
                "direction": item["direction"],
                "baseline_value": Decimal(item["baseline"]),
                "baseline_date": baseline_date,
                "target_value": Decimal(item["target"]),
                "target_date": add_months(baseline_date, 24),
                "created_by": people[0] if people else None,
            },
        )
        indicator.adoptions.set([adoptions[k] for k in item["adoptions"]])
        for month, value in enumerate(item["monthly_values"], 1):
            measured_on = add_months(baseline_date, month)
            if measured_on > today:
                break
            Measurement.objects.update_or_create(
                indicator=indicator,
                measured_on=measured_on,
                defaults={
                    "value": Decimal(value),
                    "source": texts["measurement_source_monthly"]
                    if month % 3
                    else texts["measurement_source_quarterly"],
                    "entered_by": people[month % len(people)] if people else None,
                },
            )
