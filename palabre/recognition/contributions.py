"""What a person contributed, kind by kind, as another person may see it.

Each kind of contribution is registered once with a function that lists a person's
contributions of that kind over an optional period, **as seen by a viewer** (each item
follows its own visibility rule), so contributor pages, organisation pages, the
directory and attestations count the same things. Apps above this one (trainings,
resources…) register their own kinds in their ``AppConfig.ready()``::

    contributions.register("trainings_given", label=_("Trainings given"), collect=…)

With ``private=False`` a collector leaves out everything that is for one organisation
only, whoever looks: what an attestation states, since anyone may open its
verification address.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from palabre.adoptions.models import FeedbackReport
from palabre.lib.visibility import Visibility
from palabre.permissions import adoptions as adoption_rules
from palabre.permissions import discussions as discussion_rules
from palabre.permissions import practices as practice_rules
from palabre.permissions import workshops as workshop_rules
from palabre.workshops.models import Attendance, Restitution, Session, Workshop


@dataclass(frozen=True)
class Contribution:
    title: str
    url: str
    day: date | None
    detail: str = ""


@dataclass(frozen=True)
class Period:
    """From ``start`` to ``end`` included; either may be open."""

    start: date | None = None
    end: date | None = None

    def q(self, field: str) -> Q:
        rule = Q()
        if self.start:
            rule &= Q(**{f"{field}__gte": self.start})
        if self.end:
            rule &= Q(**{f"{field}__lte": self.end})
        return rule

    def q_datetime(self, field: str) -> Q:
        """The same for a date-time field, in the site's time zone."""
        rule = Q()
        if self.start:
            rule &= Q(**{f"{field}__date__gte": self.start})
        if self.end:
            rule &= Q(**{f"{field}__date__lte": self.end})
        return rule


Collector = Callable[..., list[Contribution]]


@dataclass(frozen=True)
class Kind:
    key: str
    label: Any
    collect: Collector
    order: int


_kinds: dict[str, Kind] = {}


def register(key: str, *, label: Any, collect: Collector, order: int = 50) -> Kind:
    """``collect(person, *, viewer, period, private)`` lists the person's contributions."""
    kind = Kind(key=key, label=label, collect=collect, order=order)
    _kinds[key] = kind
    return kind


def registered() -> list[Kind]:
    return sorted(_kinds.values(), key=lambda kind: kind.order)


def collect_all(
    person: Any, *, viewer: Any, period: Period | None = None, private: bool = True
) -> list[tuple[Kind, list[Contribution]]]:
    """Every registered kind with the person's contributions of that kind."""
    period = period or Period()
    return [
        (kind, kind.collect(person, viewer=viewer, period=period, private=private))
        for kind in registered()
    ]


def _day(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return timezone.localdate(value)
    return value


# The kinds the network knows today -------------------------------------------------


def practices_shared(
    person: Any, *, viewer: Any, period: Period, private: bool
) -> list[Contribution]:
    """Published practices the person wrote (first published in the period)."""
    practices = practice_rules.practices_visible_to(viewer).filter(
        Q(pk__in=practice_rules.practices_authored_by(person)),
        period.q_datetime("published_at"),
    )
    if not private:
        practices = practices.exclude(visibility=Visibility.ORGANISATION)
    return [
        Contribution(title=p.title, url=p.get_absolute_url(), day=_day(p.published_at))
        for p in practices.order_by("-published_at", "-pk").only("pk", "title", "published_at")
    ]


def _workshops(viewer: Any, private: bool) -> Any:
    workshops = workshop_rules.workshops_visible_to(viewer).exclude(
        status=Workshop.Status.CANCELLED
    )
    if not private:
        workshops = workshops.exclude(visibility=Visibility.ORGANISATION)
    return workshops


def presentations_given(
    person: Any, *, viewer: Any, period: Period, private: bool
) -> list[Contribution]:
    """Experience presentations the person gave at workshops."""
    sessions = (
        Session.objects.filter(
            kind=Session.Kind.PRESENTATION,
            presenter=person,
            workshop__in=_workshops(viewer, private),
            starts_at__lte=timezone.now(),
        )
        .filter(period.q_datetime("starts_at"))
        .select_related("workshop")
        .order_by("-starts_at", "-pk")
    )
    return [
        Contribution(
            title=session.title,
            url=session.get_absolute_url(),
            day=_day(session.starts_at),
            detail=session.workshop.title,
        )
        for session in sessions
    ]


def answers_accepted(
    person: Any, *, viewer: Any, period: Period, private: bool
) -> list[Contribution]:
    """Answers of the person that an asker (or a facilitator) marked as the one that helped."""
    answers = (
        discussion_rules.answers_visible_to(viewer)
        .filter(author=person, hidden_at__isnull=True, thread__accepted_answer=F("pk"))
        .filter(period.q_datetime("created_at"))
        .select_related("thread__space__practice")
        .order_by("-created_at", "-pk")
    )
    found = []
    for answer in answers:
        practice = answer.thread.space.practice
        if not private and practice is not None and practice.visibility == Visibility.ORGANISATION:
            continue
        if not private and answer.thread.space.kind == answer.thread.space.Kind.WORKSHOP:
            workshop = answer.thread.space.subject
            if workshop is None or workshop.visibility == Visibility.ORGANISATION:
                continue
        found.append(
            Contribution(
                title=answer.thread.title,
                url=answer.thread.get_absolute_url(),
                day=_day(answer.created_at),
            )
        )
    return found


def restitutions_written(
    person: Any, *, viewer: Any, period: Period, private: bool
) -> list[Contribution]:
    """Final restitutions the person wrote for a workshop's group."""
    restitutions = (
        Restitution.objects.filter(
            Q(written_by=person) | Q(written_by__isnull=True, session__rapporteur=person),
            status=Restitution.Status.FINAL,
            session__workshop__in=_workshops(viewer, private),
        )
        .filter(period.q_datetime("session__starts_at"))
        .select_related("session__workshop")
        .order_by("-session__starts_at", "-pk")
    )
    return [
        Contribution(
            title=r.session.title,
            url=r.get_absolute_url(),
            day=_day(r.session.starts_at),
            detail=r.session.workshop.title,
        )
        for r in restitutions
    ]


def workshops_attended(
    person: Any, *, viewer: Any, period: Period, private: bool
) -> list[Contribution]:
    """Exchange workshops where the person was marked present at least once (training
    sessions count as trainings followed, registered by internal training)."""
    attended = Attendance.objects.filter(person=person, present=True).values("session__workshop_id")
    workshops = (
        _workshops(viewer, private)
        .filter(pk__in=attended, kind=Workshop.Kind.EXCHANGE)
        .filter(period.q("start_date"))
        .order_by("-start_date", "-pk")
    )
    return [
        Contribution(title=w.title, url=w.get_absolute_url(), day=w.start_date, detail=w.city)
        for w in workshops
    ]


def feedback_reported(
    person: Any, *, viewer: Any, period: Period, private: bool
) -> list[Contribution]:
    """Feedback reports the person wrote on a practice their organisation adopted."""
    reports = (
        adoption_rules.feedback_visible_to(viewer)
        .filter(created_by=person)
        .filter(period.q("reported_on"))
        .select_related("adoption__practice")
        .order_by("-reported_on", "-pk")
    )
    if not private:
        reports = reports.exclude(visibility=FeedbackReport.Visibility.ORGANISATION).exclude(
            adoption__practice__visibility=Visibility.ORGANISATION
        )
    return [
        Contribution(title=r.adoption.practice.title, url=r.get_absolute_url(), day=r.reported_on)
        for r in reports
    ]


register("practices", label=_("Practices shared"), collect=practices_shared, order=10)
register("presentations", label=_("Presentations given"), collect=presentations_given, order=20)
register("answers", label=_("Answers that helped"), collect=answers_accepted, order=30)
register("restitutions", label=_("Restitutions written"), collect=restitutions_written, order=40)
register("feedback", label=_("Feedback reports written"), collect=feedback_reported, order=50)
register("workshops", label=_("Workshops attended"), collect=workshops_attended, order=60)
