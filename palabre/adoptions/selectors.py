"""Reads about adoptions: outcomes, maturity evidence, feedback due, indicator progress, dashboards.

Every figure is computed by the database in a fixed number of queries, the same
on SQLite and PostgreSQL. Functions that list rows take the person reading and
apply palabre.permissions.adoptions; aggregate figures count every adoption and
report of what the reader may already see (a practice, an organisation).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import (
    Avg,
    Count,
    F,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from palabre.adoptions.models import (
    Adoption,
    FeedbackReport,
    Indicator,
    Measurement,
    add_months,
)
from palabre.organisations.models import Organisation, Role
from palabre.permissions import adoptions as rules
from palabre.permissions import org_ids, related_ids
from palabre.practices.models import Practice
from palabre.themes.models import Theme

Status = Adoption.Status


def rounded(value: Any, places: int = 1) -> float | None:
    if value is None:
        return None
    return round(float(value), places)


# Outcomes of one practice ---------------------------------------------------------


@dataclass
class Outcomes:
    by_status: dict[str, int]
    total: int
    reports: int
    average_effectiveness: float | None
    recommend_yes: int
    effectiveness_counts: dict[int, int]
    by_country: list[dict[str, Any]] = field(default_factory=list)

    @property
    def recommend_share(self) -> float | None:
        """Percent of reports that would recommend the practice."""
        if not self.reports:
            return None
        return round(self.recommend_yes / self.reports * 100, 1)

    @property
    def status_rows(self) -> list[tuple[str, str, int]]:
        return [(value, label, self.by_status.get(value, 0)) for value, label in Status.choices]


def practice_outcomes(practice: Any) -> Outcomes:
    """Adoptions by status, average effectiveness (with how many reports), would-recommend share.

    Three queries when the practice has adoptions, one when it has none.
    """
    by_status = dict(
        Adoption.objects.filter(practice=practice)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    total = sum(by_status.values())
    counts: dict[int, int] = {}
    yes = 0
    places: list[dict[str, Any]] = []
    if total:
        rows = (
            FeedbackReport.objects.filter(adoption__practice=practice)
            .values("effectiveness")
            .annotate(n=Count("pk"), yes=Count("pk", filter=Q(would_recommend=True)))
            .order_by()
        )
        for row in rows:
            counts[row["effectiveness"]] = row["n"]
            yes += row["yes"]
        places = adoption_places(practice)
    reports = sum(counts.values())
    average = sum(score * n for score, n in counts.items()) / reports if reports else None
    return Outcomes(
        by_status={value: by_status.get(value, 0) for value in Status.values},
        total=total,
        reports=reports,
        average_effectiveness=rounded(average, 2),
        recommend_yes=yes,
        effectiveness_counts={score: counts.get(score, 0) for score in range(1, 6)},
        by_country=places,
    )


def adoption_places(practice: Any) -> list[dict[str, Any]]:
    """How many adoptions per country, and per region inside it (most first)."""
    rows = (
        Adoption.objects.filter(practice=practice)
        .values("country", "region")
        .annotate(n=Count("pk"), completed=Count("pk", filter=Q(status=Status.COMPLETED)))
        .order_by("country", "region")
    )
    countries: dict[str, dict[str, Any]] = {}
    from django_countries import countries as country_names

    for row in rows:
        code = row["country"] or ""
        entry = countries.setdefault(
            code,
            {"code": code, "name": country_names.name(code) if code else "", "n": 0, "regions": []},
        )
        entry["n"] += row["n"]
        entry["regions"].append(
            {"name": row["region"], "n": row["n"], "completed": row["completed"]}
        )
    for entry in countries.values():
        entry["regions"].sort(key=lambda r: (-r["n"], r["name"]))
    return sorted(countries.values(), key=lambda c: (-c["n"], c["name"]))


def practice_adopters(practice: Any, *, user: Any) -> QuerySet[Adoption]:
    """The adoptions of a practice this person may see, with their feedback figures."""
    return (
        rules.adoptions_visible_to(user)
        .filter(practice=practice)
        .select_related("organisation")
        .annotate(
            report_count=Count("reports"),
            average_effectiveness=Avg("reports__effectiveness"),
            recommend_yes=Count("reports", filter=Q(reports__would_recommend=True)),
            last_report_on=Max("reports__reported_on"),
        )
        .order_by("-started_on", "-pk")
    )


def practice_feedback(practice: Any, *, user: Any) -> QuerySet[FeedbackReport]:
    """Reports on a practice whose texts this person may read, newest first."""
    return (
        rules.feedback_visible_to(user)
        .filter(adoption__practice=practice)
        .select_related(
            "adoption__organisation", "addressed_in", "answered_by", "adoption__practice"
        )
        .order_by("-reported_on", "-pk")
    )


def grouped_feedback(reports: list[FeedbackReport]) -> dict[str, list[FeedbackReport]]:
    """The feedback texts as successes (results), shortcomings (difficulties) and suggestions."""
    return {
        "successes": [r for r in reports if r.results.strip()],
        "shortcomings": [r for r in reports if r.difficulties.strip()],
        "suggestions": [r for r in reports if r.suggestions.strip()],
    }


# Maturity --------------------------------------------------------------------------


@dataclass
class Evidence:
    adoptions: int  # completed, with a positive latest report, by other organisations
    organisations: int
    countries: int
    ended_with_report: int  # completed or abandoned, with a report
    level: str
    next_level: str | None
    missing: dict[str, float]  # what the next level still needs
    next_needs: dict[str, float] = field(default_factory=dict)  # its thresholds

    @property
    def positive_share(self) -> float:
        if not self.ended_with_report:
            return 0.0
        return self.adoptions / self.ended_with_report

    @property
    def ladder(self) -> list[dict[str, Any]]:
        """The four levels in order, with the ones reached and the current one marked."""
        values = [value for value, _label in Practice.Maturity.choices]
        current = values.index(self.level)
        return [
            {"value": value, "label": label, "reached": i <= current, "current": i == current}
            for i, (value, label) in enumerate(Practice.Maturity.choices)
        ]

    @property
    def next_level_label(self) -> str:
        return Practice.Maturity(self.next_level).label if self.next_level else ""

    def missing_phrases(self) -> list[str]:
        """What the next level still needs, in words, with where the practice stands now."""
        phrases = []
        need = self.next_needs
        if "adoptions" in self.missing:
            count = int(need["adoptions"])
            phrases.append(
                ngettext(
                    "%(count)s completed adoption with positive feedback (now %(now)s)",
                    "%(count)s completed adoptions with positive feedback (now %(now)s)",
                    count,
                )
                % {"count": count, "now": self.adoptions}
            )
        # One organisation or country is implied by any adoption: only say it when it is more.
        if "organisations" in self.missing and need["organisations"] > 1:
            count = int(need["organisations"])
            phrases.append(
                ngettext(
                    "in %(count)s different organisation (now %(now)s)",
                    "in %(count)s different organisations (now %(now)s)",
                    count,
                )
                % {"count": count, "now": self.organisations}
            )
        if "countries" in self.missing and need["countries"] > 1:
            count = int(need["countries"])
            phrases.append(
                ngettext(
                    "in %(count)s different country (now %(now)s)",
                    "in %(count)s different countries (now %(now)s)",
                    count,
                )
                % {"count": count, "now": self.countries}
            )
        if "positive_share" in self.missing:
            phrases.append(
                gettext("positive feedback in at least %(share)s out of 10 ended adoptions")
                % {"share": round(self.missing["positive_share"] * 10)}
            )
        return phrases


LEVELS = ("promising", "proven", "institutionalised")


def _latest_effectiveness() -> Subquery:
    latest = FeedbackReport.objects.filter(adoption=OuterRef("pk")).order_by("-reported_on", "-pk")
    return Subquery(latest.values("effectiveness")[:1])


def maturity_evidence(practice: Any, *, has_adoptions: bool = True) -> Evidence:
    """The evidence behind a practice's maturity (see docs/maturity.md).

    ``has_adoptions=False`` (the caller already knows there is none) saves the queries.
    """
    threshold = settings.ADOPTIONS_POSITIVE_EFFECTIVENESS
    rows = []
    if has_adoptions:
        # The partners the practice page already read, when it did.
        own = {practice.lead_organisation_id, *related_ids(practice, "partners")}
        rows = list(
            Adoption.objects.filter(
                practice=practice, status__in=[Status.COMPLETED, Status.ABANDONED]
            )
            .exclude(organisation__in=own)
            .annotate(latest=_latest_effectiveness())
            .filter(latest__isnull=False)
            .values("status", "latest", "organisation_id", "country", "organisation__country")
        )
    positive = [r for r in rows if r["status"] == Status.COMPLETED and r["latest"] >= threshold]
    counts = {
        "adoptions": len(positive),
        "organisations": len({r["organisation_id"] for r in positive}),
        "countries": len({r["country"] or r["organisation__country"] for r in positive}),
    }
    share = len(positive) / len(rows) if rows else 0.0
    thresholds = settings.ADOPTIONS_MATURITY_THRESHOLDS

    def reached(level: str) -> bool:
        need = thresholds[level]
        return all(counts[key] >= need[key] for key in counts) and share >= need["positive_share"]

    level = "innovation"
    for candidate in LEVELS:
        if reached(candidate):
            level = candidate
    position = LEVELS.index(level) + 1 if level in LEVELS else 0
    next_level = LEVELS[position] if position < len(LEVELS) else None
    missing: dict[str, float] = {}
    need: dict[str, float] = {}
    if next_level:
        need = thresholds[next_level]
        missing = {key: need[key] - counts[key] for key in counts if counts[key] < need[key]}
        if share < need["positive_share"]:
            missing["positive_share"] = need["positive_share"]
    return Evidence(
        adoptions=counts["adoptions"],
        organisations=counts["organisations"],
        countries=counts["countries"],
        ended_with_report=len(rows),
        level=level,
        next_level=next_level,
        missing=missing,
        next_needs=need,
    )


# Feedback due ----------------------------------------------------------------------


@dataclass
class Due:
    adoption: Adoption
    milestone_months: int | None  # None: a final report for an adoption that ended
    due_on: date

    @property
    def days_late(self) -> int:
        return (timezone.localdate() - self.due_on).days


def feedback_due_for(adoption: Adoption, last_report_on: date | None, today: date) -> Due | None:
    """The feedback an adoption owes today, if any.

    An open adoption owes a report for its latest milestone passed (3 and 12 months
    after the start by default), unless a report was written from a month before it.
    An adoption that ended owes a final report if none was written since it ended.
    """
    window = timedelta(days=settings.ADOPTIONS_REPORT_WINDOW_DAYS)
    if adoption.has_ended:
        since = adoption.ended_on or adoption.started_on
        if last_report_on is None or last_report_on < since - window:
            return Due(adoption=adoption, milestone_months=None, due_on=since)
        return None
    passed = [(m, d) for m, d in adoption.milestone_dates() if d <= today]
    if not passed:
        return None
    months, due_on = passed[-1]
    if last_report_on is not None and last_report_on >= due_on - window:
        return None
    return Due(adoption=adoption, milestone_months=months, due_on=due_on)


def feedback_due(adoptions: QuerySet[Adoption], *, today: date | None = None) -> list[Due]:
    """Every report owed by these adoptions, oldest first."""
    today = today or timezone.localdate()
    rows = adoptions.annotate(last_report_on=Max("reports__reported_on")).select_related(
        "practice", "organisation"
    )
    due = [feedback_due_for(a, a.last_report_on, today) for a in rows]
    return sorted((d for d in due if d), key=lambda d: (d.due_on, d.adoption.pk))


def adoption_feedback_due(adoption: Adoption, *, today: date | None = None) -> Due | None:
    """The report one adoption owes today, if any."""
    due = feedback_due(Adoption.objects.filter(pk=adoption.pk), today=today)
    return due[0] if due else None


def milestone_answered(adoption: Adoption, reported_on: date) -> int | None:
    """The latest milestone (in months) a report written on this date answers, if any."""
    window = settings.ADOPTIONS_REPORT_WINDOW_DAYS
    answered = None
    for months, due_on in adoption.milestone_dates():
        if (reported_on - due_on).days >= -window:
            answered = months
    return answered


def reminder_recipients(adoption: Adoption) -> list[Any]:
    """Who is asked for the adoption's feedback: its contact (or whoever recorded it) while
    still in the organisation, otherwise the organisation's administrators."""
    people = [p for p in (adoption.contact, adoption.created_by) if p is not None and p.is_active]
    people = [p for p in people if adoption.organisation_id in org_ids(p)]
    if people:
        return people[:1]
    return list(
        get_user_model().objects.filter(
            is_active=True,
            memberships__organisation=adoption.organisation,
            memberships__role=Role.ORG_ADMIN,
        )
    )


def feedback_reporters(report: FeedbackReport) -> list[Any]:
    """Who hears about what becomes of a report: its writer and the adoption's contact."""
    people = {}
    for person in (report.created_by, report.adoption.contact):
        if person is not None:
            people[person.pk] = person
    return list(people.values())


# Indicators ------------------------------------------------------------------------


def indicators_with_progress(indicators: QuerySet[Indicator]) -> list[Indicator]:
    """Indicators with their latest measurement (value, date) and progress to target."""
    latest = Measurement.objects.filter(indicator=OuterRef("pk")).order_by("-measured_on", "-pk")
    rows = list(
        indicators.annotate(
            latest_value=Subquery(latest.values("value")[:1]),
            latest_on=Subquery(latest.values("measured_on")[:1]),
            measurement_count=Count("measurements", distinct=True),
        ).select_related("organisation")
    )
    for indicator in rows:
        indicator.latest_progress = indicator.progress(indicator.latest_value)
    return rows


def indicator_series(indicator: Indicator) -> list[tuple[date, Decimal]]:
    return list(indicator.measurements.order_by("measured_on").values_list("measured_on", "value"))


# Dashboards ------------------------------------------------------------------------


def status_counts(adoptions: QuerySet[Adoption]) -> dict[str, int]:
    counts = dict(adoptions.values_list("status").annotate(n=Count("pk")).order_by())
    return {value: counts.get(value, 0) for value in Status.values}


def status_rows(counts: dict[str, int]) -> list[tuple[str, str, int]]:
    return [(value, label, counts.get(value, 0)) for value, label in Status.choices]


def organisation_dashboard(organisation: Any, *, user: Any, today: date | None = None) -> dict:
    """What an organisation's dashboard shows: its adoptions, indicators and feedback due."""
    adoptions = Adoption.objects.filter(organisation=organisation)
    rows = (
        adoptions.select_related("practice")
        .annotate(
            report_count=Count("reports"),
            average_effectiveness=Avg("reports__effectiveness"),
            last_report_on=Max("reports__reported_on"),
        )
        .order_by("-started_on", "-pk")
    )
    reports = FeedbackReport.objects.filter(adoption__organisation=organisation).aggregate(
        n=Count("pk"), average=Avg("effectiveness")
    )
    own_practices = Adoption.objects.filter(practice__lead_organisation=organisation).exclude(
        organisation=organisation
    )
    counts = status_counts(adoptions)
    return {
        "adoptions": rows,
        "status_counts": counts,
        "status_rows": status_rows(counts),
        "report_count": reports["n"],
        "average_effectiveness": rounded(reports["average"], 2),
        "indicators": indicators_with_progress(
            rules.indicators_visible_to(user).filter(organisation=organisation)
        ),
        "due": feedback_due(adoptions, today=today),
        "adopted_elsewhere": rules.adoptions_visible_to(user, own_practices)
        .select_related("practice", "organisation")
        .order_by("-started_on", "-pk")[:20],
        "adopted_elsewhere_count": own_practices.count(),
    }


def adoptions_by_month(adoptions: QuerySet[Adoption], *, months: int = 12, today=None) -> list:
    """How many adoptions started each month, over the last ``months`` months (zeros kept)."""
    today = today or timezone.localdate()
    first = add_months(today.replace(day=1), -(months - 1))
    counts = {
        row["month"]: row["n"]
        for row in adoptions.filter(started_on__gte=first, started_on__lte=today)
        .annotate(month=TruncMonth("started_on"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by()
    }
    normalised = {(m.year, m.month): n for m, n in counts.items()}
    series = []
    for i in range(months):
        month = add_months(first, i)
        series.append((month, normalised.get((month.year, month.month), 0)))
    return series


def network_dashboard(*, limit: int = 10) -> dict:
    """The facilitators' view of the whole network."""
    minimum = settings.ADOPTIONS_MIN_REPORTS_FOR_RANKING
    most_adopted = (
        Practice.objects.annotate(
            adoptions_total=Count("adoptions", distinct=True),
            organisation_count=Count("adoptions__organisation", distinct=True),
        )
        .filter(adoptions_total__gt=0)
        .select_related("lead_organisation")
        .order_by("-adoptions_total", "-organisation_count", "title")[:limit]
    )
    rated = (
        Practice.objects.annotate(
            report_count=Count("adoptions__reports"),
            average_effectiveness=Avg("adoptions__reports__effectiveness"),
            recommend_yes=Count(
                "adoptions__reports", filter=Q(adoptions__reports__would_recommend=True)
            ),
        )
        .filter(report_count__gte=minimum)
        .select_related("lead_organisation")
    )
    ranked = list(rated.order_by("-average_effectiveness", "-report_count", "title"))
    # With few rated practices, each appears once: the better half, then the worse half.
    half = min(limit, (len(ranked) + 1) // 2)
    best = ranked[:half]
    worst = list(reversed(ranked[max(half, len(ranked) - limit) :]))
    started = ~Q(practices__adoptions__status=Status.PLANNED)
    themes = list(
        Theme.objects.annotate(
            adoption_count=Count("practices__adoptions", filter=started, distinct=True),
            abandoned=Count(
                "practices__adoptions",
                filter=Q(practices__adoptions__status=Status.ABANDONED),
                distinct=True,
            ),
            average_effectiveness=Avg("practices__adoptions__reports__effectiveness"),
        )
        .filter(adoption_count__gt=0)
        .select_related("parent")
    )
    for theme in themes:
        theme.failure_rate = round(theme.abandoned / theme.adoption_count * 100, 1)
    themes.sort(
        key=lambda t: (-t.failure_rate, t.average_effectiveness or 0, -t.adoption_count, t.name)
    )
    shared = dict(
        Practice.objects.published()
        .values_list("lead_organisation")
        .annotate(n=Count("pk"))
        .order_by()
    )
    adopting = dict(Adoption.objects.values_list("organisation").annotate(n=Count("pk")).order_by())
    adopted_elsewhere = dict(
        Adoption.objects.exclude(organisation=F("practice__lead_organisation"))
        .values_list("practice__lead_organisation")
        .annotate(n=Count("pk"))
        .order_by()
    )
    organisations = []
    for organisation in Organisation.objects.filter(
        pk__in=set(shared) | set(adopting) | set(adopted_elsewhere)
    ):
        organisation.shared = shared.get(organisation.pk, 0)
        organisation.adopted = adopting.get(organisation.pk, 0)
        organisation.adopted_elsewhere = adopted_elsewhere.get(organisation.pk, 0)
        organisations.append(organisation)
    organisations.sort(
        key=lambda o: (-(o.shared + o.adopted + o.adopted_elsewhere), o.short_name.lower())
    )
    all_adoptions = Adoption.objects.all()
    totals = FeedbackReport.objects.aggregate(
        n=Count("pk"),
        average=Avg("effectiveness"),
        yes=Count("pk", filter=Q(would_recommend=True)),
    )
    counts = status_counts(all_adoptions)
    return {
        "status_counts": counts,
        "status_rows": status_rows(counts),
        "adoption_total": all_adoptions.count(),
        "organisation_total": all_adoptions.values("organisation").distinct().count(),
        "country_total": all_adoptions.exclude(country="").values("country").distinct().count(),
        "report_total": totals["n"],
        "average_effectiveness": rounded(totals["average"], 2),
        "recommend_share": round(totals["yes"] / totals["n"] * 100, 1) if totals["n"] else None,
        "most_adopted": list(most_adopted),
        "best": best,
        "worst": worst,
        "minimum_reports": minimum,
        "themes": themes[:limit],
        "organisations": organisations,
        "by_month": adoptions_by_month(all_adoptions),
    }
