"""Reads about workshops: lists, the agenda and its overlaps, groups, evaluation results, report."""

from __future__ import annotations

import math
import unicodedata
from collections import Counter, defaultdict
from datetime import date, datetime
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from palabre.lib.dates import day
from palabre.organisations.models import Organisation
from palabre.permissions import admin_org_ids, is_member, org_ids
from palabre.permissions import practices as practice_rules
from palabre.permissions import workshops as rules
from palabre.workshops.models import (
    Attendance,
    CollectiveAction,
    Evaluation,
    FacilitationTool,
    Registration,
    Restitution,
    Session,
    SessionRating,
    Workshop,
)

# Lists --------------------------------------------------------------------------------


def workshop_list(
    *,
    user: Any,
    when: str = "upcoming",
    today: date | None = None,
    kind: str | None = Workshop.Kind.EXCHANGE,
) -> QuerySet:
    """The workshops index: exchange workshops by default (training sessions are listed
    with their training; ``kind=None`` lists every kind)."""
    today = today or timezone.localdate()
    qs = rules.workshops_visible_to(user).prefetch_related("organisers")
    if kind is not None:
        qs = qs.filter(kind=kind)
    qs = qs.annotate(
        confirmed_count=Count(
            "registrations",
            filter=Q(registrations__status=Registration.Status.CONFIRMED)
            & ~Q(registrations__role=Registration.Role.FACILITATOR),
        )
    )
    if when == "past":
        return qs.past(today).order_by("-start_date", "-pk")
    return qs.upcoming(today).order_by("start_date", "pk")


def my_registrations(*, user: Any) -> QuerySet:
    if not is_member(user):
        return Registration.objects.none()
    return (
        Registration.objects.filter(person=user)
        .active()
        .filter(workshop__in=rules.workshops_visible_to(user))
        .select_related("workshop")
        .order_by("-workshop__start_date")
    )


def actions_of(*, user: Any) -> QuerySet:
    """Open actions in this person's hands, or their organisations'."""
    if not is_member(user):
        return CollectiveAction.objects.none()
    return (
        CollectiveAction.objects.open()
        .filter(Q(owner_person=user) | Q(owner_organisation__in=org_ids(user)))
        .filter(workshop__in=rules.workshops_visible_to(user))
        .select_related("workshop", "owner_person", "owner_organisation")
        .order_by("due_date", "pk")
    )


# The agenda ---------------------------------------------------------------------------


def agenda_sessions(workshop: Workshop) -> QuerySet:
    return workshop.sessions.select_related(
        "theme", "facilitator", "tool", "presented_practice", "presenter", "rapporteur"
    ).prefetch_related("members", Prefetch("restitution", queryset=Restitution.objects.all()))


def by_day(workshop: Workshop, sessions) -> list[tuple[date, list[Session]]]:
    days: dict[date, list[Session]] = {day: [] for day in workshop.days}
    for session in sessions:
        days.setdefault(session.starts_at.astimezone(workshop.tz).date(), []).append(session)
    return [(day, items) for day, items in sorted(days.items())]


def _people(session: Session) -> dict[int, Any]:
    people = {p.pk: p for p in session.members.all()}
    for person in (session.facilitator, session.presenter, session.rapporteur):
        if person is not None:
            people[person.pk] = person
    return people


def session_conflicts(sessions) -> dict[int, list[str]]:
    """Sessions at the same time in the same room, or expecting the same person twice."""
    items = [s for s in sessions if s.kind != Session.Kind.BREAK]
    people = {s.pk: _people(s) for s in items}
    found: dict[int, list[str]] = defaultdict(list)
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            if not (a.starts_at < b.ends_at and b.starts_at < a.ends_at):
                continue
            if a.room.strip() and a.room.strip().casefold() == b.room.strip().casefold():
                for one, other in ((a, b), (b, a)):
                    found[one.pk].append(
                        _("Room %(room)s is also used by “%(other)s” at the same time.")
                        % {"room": one.room.strip(), "other": other.title}
                    )
            for pk in sorted(set(people[a.pk]) & set(people[b.pk])):
                for one, other in ((a, b), (b, a)):
                    found[one.pk].append(
                        _("%(person)s is also expected at “%(other)s” at the same time.")
                        % {"person": people[a.pk][pk], "other": other.title}
                    )
    return dict(found)


def concerns(session: Session, user: Any) -> bool:
    """Is this session in this person's own agenda?"""
    if session.kind != Session.Kind.GROUP_WORK:
        return True
    return user.pk in _people(session)


def person_sessions(workshop: Workshop, user: Any) -> list[Session]:
    return [s for s in agenda_sessions(workshop) if concerns(s, user)]


def group_slots(sessions) -> list[tuple[datetime, list[Session]]]:
    """Group-work sessions that run in parallel (same start), slot by slot."""
    slots: dict[datetime, list[Session]] = defaultdict(list)
    for session in sessions:
        if session.is_group:
            slots[session.starts_at].append(session)
    return sorted(slots.items())


# Participants -------------------------------------------------------------------------


def participants(workshop: Workshop) -> QuerySet:
    return (
        workshop.registrations.confirmed()
        .select_related("person", "organisation", "practice", "first_choice", "second_choice")
        .order_by("organisation__name", "person__display_name")
    )


def participants_by_organisation(workshop: Workshop) -> list[tuple[Any, list[Registration]]]:
    groups: dict[Any, list[Registration]] = defaultdict(list)
    for registration in participants(workshop):
        groups[registration.organisation].append(registration)
    return sorted(
        groups.items(), key=lambda item: (item[0] is None, item[0].name if item[0] else "")
    )


def expected_people(session: Session) -> list[Any]:
    """Who should be there: the group's members, or everyone registered."""
    if session.is_group:
        people = _people(session)
        if session.members.exists():
            return sorted(people.values(), key=lambda p: p.display_name.casefold())
    return [r.person for r in participants(session.workshop).order_by("person__display_name")]


def attendance_of(session: Session) -> dict[int, bool]:
    return dict(Attendance.objects.filter(session=session).values_list("person_id", "present"))


def attendance_table(workshop: Workshop) -> dict[tuple[int, int], bool]:
    """(person, session) → present, for the whole workshop in one query."""
    return {
        (person, session): present
        for person, session, present in Attendance.objects.filter(
            session__workshop=workshop
        ).values_list("person_id", "session_id", "present")
    }


# Splitting people into groups ---------------------------------------------------------


def group_split_proposal(
    *, registrations: list[Registration], sessions: list[Session]
) -> dict[int, int]:
    """A split of people into parallel groups that follows first choices and mixes organisations.

    Groups stay close in size (at most ⌈people / groups⌉ each). People are placed in their
    first choice when it has room; among those who chose the same theme, the ones whose
    organisation is least represented there go first. Everyone else goes to their second
    choice if it has room, otherwise to the group with the fewest people of their
    organisation, then the smallest. The result is the same every time for the same input.
    """
    if not sessions:
        return {}
    people = sorted(registrations, key=lambda r: (r.created_at, r.pk))
    cap = math.ceil(len(people) / len(sessions)) if people else 0
    by_theme: dict[int, list[Session]] = defaultdict(list)
    for session in sessions:
        if session.theme_id:
            by_theme[session.theme_id].append(session)
    members: dict[int, list[Registration]] = {s.pk: [] for s in sessions}
    org_count: dict[int, Counter] = {s.pk: Counter() for s in sessions}
    placed: dict[int, int] = {}

    def put(registration: Registration, session: Session) -> None:
        members[session.pk].append(registration)
        org_count[session.pk][registration.organisation_id] += 1
        placed[registration.person_id] = session.pk

    def room(session: Session) -> bool:
        return len(members[session.pk]) < cap

    def least_crowded(candidates: list[Session], registration: Registration) -> Session:
        return min(
            candidates,
            key=lambda s: (
                org_count[s.pk][registration.organisation_id],
                len(members[s.pk]),
                s.pk,
            ),
        )

    # 1. First choices, one round per organisation so that a full group stays mixed.
    wanting: dict[int, list[Registration]] = defaultdict(list)
    for registration in people:
        if registration.first_choice_id in by_theme:
            wanting[registration.first_choice_id].append(registration)
    for theme_id, candidates in wanting.items():
        rounds: dict[Any, list[Registration]] = defaultdict(list)
        for registration in candidates:
            rounds[registration.organisation_id].append(registration)
        ordered = []
        while any(rounds.values()):
            for key in list(rounds):
                if rounds[key]:
                    ordered.append(rounds[key].pop(0))
        for registration in ordered:
            open_groups = [s for s in by_theme[theme_id] if room(s)]
            if open_groups:
                put(registration, least_crowded(open_groups, registration))
    # 2. Everyone else: second choice if it has room, then where their organisation is rarest.
    for registration in people:
        if registration.person_id in placed:
            continue
        second = [s for s in by_theme.get(registration.second_choice_id, []) if room(s)]
        candidates = second or [s for s in sessions if room(s)] or list(sessions)
        put(registration, least_crowded(candidates, registration))
    return placed


def split_participants(workshop: Workshop) -> list[Registration]:
    """Who is split into groups: everyone confirmed except the workshop's facilitators."""
    return list(
        participants(workshop)
        .exclude(role=Registration.Role.FACILITATOR)
        .order_by("organisation__name", "person__display_name")
    )


# Evaluation ---------------------------------------------------------------------------


def _distribution(values: list[int]) -> list[tuple[int, int]]:
    counts = Counter(values)
    return [(n, counts.get(n, 0)) for n in range(1, 6)]


def _average(values: list[int]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def evaluation_results(workshop: Workshop) -> dict[str, Any]:
    evaluations = list(Evaluation.objects.filter(workshop=workshop).order_by("pk"))
    overall = [e.overall for e in evaluations]
    ratings: dict[int, list[int]] = defaultdict(list)
    for session_id, rating in SessionRating.objects.filter(
        evaluation__workshop=workshop
    ).values_list("session_id", "rating"):
        ratings[session_id].append(rating)
    sessions = [
        {
            "session": session,
            "average": _average(ratings.get(session.pk, [])),
            "count": len(ratings.get(session.pk, [])),
            "distribution": _distribution(ratings.get(session.pk, [])),
        }
        for session in workshop.sessions.all()
        if session.is_rated
    ]
    return {
        "count": len(evaluations),
        "expected": workshop.registrations.confirmed().count(),
        "overall_average": _average(overall),
        "overall_distribution": _distribution(overall),
        "sessions": sessions,
        "most_useful": [e.most_useful for e in evaluations if e.most_useful.strip()],
        "to_improve": [e.to_improve for e in evaluations if e.to_improve.strip()],
    }


# The report ---------------------------------------------------------------------------


def visible_practice(user: Any, practice: Any) -> Any:
    """The practice if this person may open it, else None (its title alone may show)."""
    if practice is None:
        return None
    return practice if practice_rules.can_view(user, practice) else None


def report_data(workshop: Workshop, user: Any) -> dict[str, Any]:
    sessions = list(agenda_sessions(workshop))
    presentations = [s for s in sessions if s.kind == Session.Kind.PRESENTATION]
    groups = [s for s in sessions if s.is_group]
    restitutions = {
        r.session_id: r
        for r in Restitution.objects.filter(session__workshop=workshop, status="final")
        .select_related("practice")
        .prefetch_related("photos")
    }
    by_org = participants_by_organisation(workshop)
    actions = list(
        workshop.actions.select_related("owner_person", "owner_organisation", "session")
        .prefetch_related("updates")
        .order_by("due_date", "pk")
    )
    return {
        "workshop": workshop,
        "organisers": list(workshop.organisers.all()),
        "days": by_day(workshop, sessions),
        "participants_by_organisation": by_org,
        "participant_count": sum(len(regs) for _org, regs in by_org),
        "organisation_count": len([org for org, _regs in by_org if org is not None]),
        "presentations": [
            {
                "session": s,
                "practice": visible_practice(user, s.presented_practice),
                "restitution": restitutions.get(s.pk),
            }
            for s in presentations
        ],
        "groups": [{"session": s, "restitution": restitutions.get(s.pk)} for s in groups],
        "actions": actions,
        "evaluation": evaluation_results(workshop),
        "attendance": _attendance_summary(workshop, sessions),
    }


def _attendance_summary(workshop: Workshop, sessions: list[Session]) -> dict[int, int]:
    rows = (
        Attendance.objects.filter(session__workshop=workshop, present=True)
        .values("session_id")
        .annotate(n=Count("pk"))
    )
    return {row["session_id"]: row["n"] for row in rows}


# The toolbox --------------------------------------------------------------------------

SEARCHED = ("name", "purpose", "when", "steps", "materials", "tips")


def _fold(text: str) -> str:
    """Lower case without accents: « cafe » finds « Café »."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _matches(tool: FacilitationTool, words: list[str]) -> bool:
    haystack = _fold(
        " ".join(getattr(tool, f"{name}_{lang}") for name in SEARCHED for lang in ("fr", "en"))
        + " "
        + tool.slug
    )
    return all(word in haystack for word in words)


def search_tools(*, q: str = "", people: int | None = None, minutes: int | None = None):
    tools = list(FacilitationTool.objects.ordered())
    words = _fold(q).split()
    if words:
        tools = [t for t in tools if _matches(t, words)]
    if people:
        tools = [t for t in tools if t.group_min <= people <= t.group_max]
    if minutes:
        tools = [t for t in tools if t.duration_min <= minutes]
    return tools


# Places, registering others, practice drafts ------------------------------------------


def counted_registrations(workshop: Workshop) -> QuerySet:
    """Registrations that take a place: facilitators of the workshop are not counted."""
    return workshop.registrations.confirmed().exclude(role=Registration.Role.FACILITATOR)


def places_left(workshop: Workshop) -> int | None:
    if workshop.capacity is None:
        return None
    return max(workshop.capacity - counted_registrations(workshop).count(), 0)


def admin_organisations(user: Any) -> QuerySet:
    """Organisations whose members this person may register."""
    return Organisation.objects.filter(pk__in=admin_org_ids(user))


def practice_draft_origin(session: Session) -> str:
    """The sentence that says which session of which workshop a practice draft comes from."""
    workshop = session.workshop
    dates = day(workshop.start_date)
    if workshop.end_date != workshop.start_date:
        dates = f"{dates} – {day(workshop.end_date)}"
    if session.is_group:
        text = _(
            "Written from the restitution of the group “%(session)s” at the workshop “%(workshop)s” (%(dates)s)."
        )
    else:
        text = _(
            "Written from the experience presentation “%(session)s” at the workshop “%(workshop)s” (%(dates)s)."
        )
    return text % {"session": session.title, "workshop": workshop.title, "dates": dates}
