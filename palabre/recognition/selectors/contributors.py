"""What a person (or an organisation) shared and what happened next, as a viewer may see it.

Impact, not points: every figure is counted from the records, nothing is scored or ranked.

- The contributions come from the registry (``palabre.recognition.contributions``): each
  item follows its own visibility rule for the viewer, so an organisation-only record is
  neither shown nor counted for someone outside the organisation.
- For each published practice the viewer may read: the adoptions by *other*
  organisations than its lead one ("what happened next" elsewhere), their countries, and
  the feedback reports on those adoptions (how many, average effectiveness). These follow
  the practice page's rule (palabre/permissions/adoptions.py, palabre/adoptions/panels.py):
  whoever may read the practice sees the figures (counts, average, countries), which count
  every adoption and report because they reveal no text and no one; only members
  (``can_see_adopters``) see which organisations adopted it, and only the adoptions
  ``adoptions_visible_to`` them.
- Readers and saves over the last 12 months are a practice's statistics: shown only to
  those ``permissions.practices.can_see_statistics`` allows (its authors, its lead
  organisation's administrators, facilitators), practice by practice.

A fixed number of queries, whatever the number of practices: one per kind of record.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Avg, Count, F, Q, QuerySet, Sum
from django.urls import reverse
from django.utils import timezone
from django_countries import countries as country_names

from palabre.adoptions.models import Adoption, FeedbackReport, add_months
from palabre.organisations.models import Membership
from palabre.permissions import adoptions as adoption_rules
from palabre.permissions import discussions as discussion_rules
from palabre.permissions import practices as practice_rules
from palabre.permissions import workshops as workshop_rules
from palabre.practices.models import DailyCount, Practice, SavedPractice
from palabre.recognition import contributions
from palabre.recognition.contributions import Contribution, Period
from palabre.recognition.selectors import thanks as thanks_selectors
from palabre.workshops.models import Restitution, Session, Workshop

STATISTICS_MONTHS = 12


@dataclass
class Adopter:
    name: str
    url: str


@dataclass
class Place:
    code: str
    name: str
    adoptions: int


@dataclass
class PracticeImpact:
    """One published practice and what happened next, as the viewer may see it."""

    practice: Practice
    adoptions: int = 0
    # Adopting organisations (other than the lead one): counted for everyone who may read
    # the practice, named (``adopters``) only for members.
    organisation_ids: set[int] = field(default_factory=set)
    adopters: list[Adopter] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    reports: int = 0
    average_effectiveness: float | None = None
    # None: the viewer may not see this practice's statistics.
    readers: int | None = None
    saves: int | None = None

    @property
    def organisations(self) -> int:
        return len(self.organisation_ids)

    @property
    def title(self) -> str:
        return self.practice.title

    @property
    def url(self) -> str:
        return self.practice.get_absolute_url()

    @property
    def day(self) -> date | None:
        value = self.practice.published_at
        return timezone.localdate(value) if value else None

    @property
    def has_statistics(self) -> bool:
        return self.readers is not None


@dataclass
class Section:
    """One kind of contribution: its label and the items the viewer may see."""

    key: str
    label: Any
    items: list[Contribution]

    @property
    def count(self) -> int:
        return len(self.items)


@dataclass
class ReceivedThanks:
    thanks: Any
    title: str
    url: str


@dataclass
class Summary:
    """A contributor's (or an organisation's) page, as one viewer may see it."""

    practices: list[PracticeImpact]
    sections: list[Section]
    thanks: list[ReceivedThanks] = field(default_factory=list)
    show_adopters: bool = False
    show_thanks: bool = True

    @property
    def adoptions(self) -> int:
        """Adoptions of these practices by other organisations."""
        return sum(p.adoptions for p in self.practices)

    @property
    def organisations(self) -> int:
        """Different organisations (other than each practice's lead) that adopted one."""
        return len(set().union(*(p.organisation_ids for p in self.practices)))

    @property
    def countries(self) -> int:
        return len({place.code for p in self.practices for place in p.places if place.code})

    @property
    def reports(self) -> int:
        return sum(p.reports for p in self.practices)

    @property
    def adopted_practices(self) -> list[PracticeImpact]:
        return [p for p in self.practices if p.adoptions]

    @property
    def has_other_contributions(self) -> bool:
        """Anything besides practices: presentations, answers, restitutions, thanks…"""
        return any(s.items for s in self.sections) or bool(self.thanks)

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)


def statistics_since(today: date | None = None) -> date:
    """The first day counted in "the last 12 months"."""
    return add_months(today or timezone.localdate(), -STATISTICS_MONTHS)


def _practice_impacts(practices: list[Practice], *, viewer: Any) -> list[PracticeImpact]:
    """Adoptions elsewhere, feedback figures and (for those allowed) statistics of these
    practices, in at most five queries whatever their number."""
    impacts = {p.pk: PracticeImpact(practice=p) for p in practices}
    if not impacts:
        return []
    pks = list(impacts)
    elsewhere = Adoption.objects.filter(practice__in=pks).exclude(
        organisation_id=F("practice__lead_organisation_id")
    )

    # Adoptions: counted for whoever may read the practice (figures reveal no one).
    places: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    rows = elsewhere.values_list(
        "practice_id", "organisation_id", "country", "organisation__country"
    )
    for practice_id, organisation_id, country, organisation_country in rows.order_by():
        impact = impacts[practice_id]
        impact.adoptions += 1
        impact.organisation_ids.add(organisation_id)
        places[practice_id][str(country or organisation_country or "")] += 1
    for practice_id, counts in places.items():
        impacts[practice_id].places = sorted(
            (
                Place(code=code, name=str(country_names.name(code)) if code else "", adoptions=n)
                for code, n in counts.items()
            ),
            key=lambda place: (not place.code, place.name),
        )

    # Who adopted it: names for members, of the adoptions they may see.
    if adoption_rules.can_see_adopters(viewer):
        named: dict[int, dict[int, Adopter]] = defaultdict(dict)
        visible = adoption_rules.adoptions_visible_to(viewer, elsewhere).values_list(
            "practice_id", "organisation_id", "organisation__name", "organisation__slug"
        )
        for practice_id, organisation_id, name, slug in visible.order_by():
            named[practice_id][organisation_id] = Adopter(
                name=name, url=reverse("organisations:detail", args=[slug])
            )
        for practice_id, adopters in named.items():
            impacts[practice_id].adopters = sorted(adopters.values(), key=lambda a: a.name)

    # Feedback on those adoptions: how many, and the average effectiveness.
    feedback = (
        FeedbackReport.objects.filter(adoption__in=elsewhere.values("pk"))
        .values("adoption__practice_id")
        .annotate(n=Count("pk"), average=Avg("effectiveness"))
        .order_by()
    )
    for row in feedback:
        impact = impacts[row["adoption__practice_id"]]
        impact.reports = row["n"]
        average = row["average"]
        impact.average_effectiveness = round(float(average), 1) if average is not None else None

    # Readers and saves over the last 12 months: the practice's own statistics.
    with_statistics = [
        pk for pk, impact in impacts.items()
        if practice_rules.can_see_statistics(viewer, impact.practice)
    ]  # fmt: skip
    if with_statistics:
        since = statistics_since()
        for pk in with_statistics:
            impacts[pk].readers = 0
            impacts[pk].saves = 0
        reads = (
            DailyCount.objects.filter(
                practice__in=with_statistics, event=DailyCount.Event.VIEW, day__gte=since
            )
            .values("practice_id")
            .annotate(n=Sum("count"))
            .order_by()
        )
        for row in reads:
            impacts[row["practice_id"]].readers = row["n"] or 0
        saves = (
            SavedPractice.objects.filter(practice__in=with_statistics, created_at__date__gte=since)
            .values("practice_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for row in saves:
            impacts[row["practice_id"]].saves = row["n"]
    return [impacts[p.pk] for p in practices]


def _practices(queryset: QuerySet[Practice]) -> list[Practice]:
    return list(
        queryset.select_related("lead_organisation")
        .prefetch_related("authors")
        .only("pk", "title", "published_at", "visibility", "status", "lead_organisation")
        .order_by("-published_at", "-pk")
    )


def contributor_summary(person: Any, *, viewer: Any) -> Summary:
    """What ``person`` shared and what happened next, as ``viewer`` may see it."""
    practices = _practices(
        practice_rules.practices_visible_to(viewer).filter(
            pk__in=practice_rules.practices_authored_by(person)
        )
    )
    sections = []
    for kind in contributions.registered():
        if kind.key == "practices":
            continue  # the same rule as the collector, read above with what followed
        items = kind.collect(person, viewer=viewer, period=Period(), private=True)
        sections.append(Section(key=kind.key, label=kind.label, items=items))
    received = thanks_selectors.thanks_received(person, viewer=viewer, period=None, private=True)
    return Summary(
        practices=_practice_impacts(practices, viewer=viewer),
        sections=sections,
        thanks=[ReceivedThanks(thanks=t, title=title, url=url) for t, title, url in received],
        show_adopters=adoption_rules.can_see_adopters(viewer),
    )


# An organisation as a whole --------------------------------------------------------


def _visible_workshops(viewer: Any) -> QuerySet[Workshop]:
    return workshop_rules.workshops_visible_to(viewer).exclude(status=Workshop.Status.CANCELLED)


def _day(value: Any) -> date | None:
    return timezone.localdate(value) if value else None


def organisation_summary(organisation: Any, *, viewer: Any) -> Summary:
    """What an organisation shared and what happened next, as ``viewer`` may see it: the
    practices it leads (and their adoptions elsewhere), and the presentations, accepted
    answers and final restitutions of its members (by the contributions' own rules)."""
    members = Membership.objects.filter(organisation=organisation).values("user_id")
    practices = _practices(
        practice_rules.practices_visible_to(viewer).filter(lead_organisation=organisation)
    )

    sessions = (
        Session.objects.filter(
            kind=Session.Kind.PRESENTATION,
            presenter__in=members,
            workshop__in=_visible_workshops(viewer),
            starts_at__lte=timezone.now(),
        )
        .select_related("workshop")
        .order_by("-starts_at", "-pk")
    )
    presentations = [
        Contribution(
            title=s.title, url=s.get_absolute_url(), day=_day(s.starts_at), detail=s.workshop.title
        )
        for s in sessions
    ]

    answers = (
        discussion_rules.answers_visible_to(viewer)
        .filter(author__in=members, hidden_at__isnull=True, thread__accepted_answer=F("pk"))
        .select_related("thread")
        .order_by("-created_at", "-pk")
    )
    accepted = [
        Contribution(title=a.thread.title, url=a.thread.get_absolute_url(), day=_day(a.created_at))
        for a in answers
    ]

    restitutions = (
        Restitution.objects.filter(
            Q(written_by__in=members) | Q(written_by__isnull=True, session__rapporteur__in=members),
            status=Restitution.Status.FINAL,
            session__workshop__in=_visible_workshops(viewer),
        )
        .select_related("session__workshop")
        .order_by("-session__starts_at", "-pk")
    )
    written = [
        Contribution(
            title=r.session.title,
            url=r.get_absolute_url(),
            day=_day(r.session.starts_at),
            detail=r.session.workshop.title,
        )
        for r in restitutions
    ]

    labels = {kind.key: kind.label for kind in contributions.registered()}
    return Summary(
        practices=_practice_impacts(practices, viewer=viewer),
        sections=[
            Section(key="presentations", label=labels["presentations"], items=presentations),
            Section(key="answers", label=labels["answers"], items=accepted),
            Section(key="restitutions", label=labels["restitutions"], items=written),
        ],
        show_adopters=adoption_rules.can_see_adopters(viewer),
        show_thanks=False,
    )


__all__ = [
    "PracticeImpact",
    "Section",
    "Summary",
    "contributor_summary",
    "organisation_summary",
    "statistics_since",
]
