"""Reads of exchange meetings: the list of next dates, a meeting's page, a date's agenda,
the organiser's agenda page with suggested presenters. Every read starts from the
permission module's querysets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from palabre.lib.visibility import Visibility
from palabre.meetings.models import Meeting, Occurrence, Proposal
from palabre.organisations.models import Membership
from palabre.permissions import discussions as discussion_rules
from palabre.permissions import meetings as rules
from palabre.permissions import practices as practice_rules
from palabre.permissions import workshops as workshop_rules
from palabre.recognition import presenters
from palabre.workshops.models import Registration, Workshop

SUGGESTED = 5


def upcoming_occurrences(*, user: Any, today: date | None = None) -> QuerySet[Occurrence]:
    """The next dates of the meetings this person may see, soonest first."""
    today = today or timezone.localdate()
    return (
        rules.occurrences_visible_to(user)
        .filter(date__gte=today, workshop__status=Workshop.Status.PUBLISHED)
        .select_related("meeting__organisation", "workshop")
        .order_by("starts_at", "pk")
    )


def meetings_for_list(*, user: Any) -> QuerySet[Meeting]:
    return rules.meetings_visible_to(user).select_related("organisation").order_by("title", "pk")


@dataclass
class MeetingPage:
    meeting: Meeting
    next: Occurrence | None
    later: list[Occurrence]
    past: list[Occurrence]
    proposals: list[Proposal] = field(default_factory=list)
    can_organise: bool = False
    can_propose: bool = False
    registration: Registration | None = None


def meeting_page(meeting: Meeting, user: Any, *, today: date | None = None) -> MeetingPage:
    """A meeting: its next date (with the agenda so far), later dates, past dates."""
    today = today or timezone.localdate()
    dates = list(
        rules.occurrences_visible_to(user, meeting.occurrences.all())
        .select_related("workshop")
        .order_by("starts_at", "pk")
    )
    for occurrence in dates:
        occurrence.meeting = meeting  # one meeting: no query per date
    coming = [o for o in dates if o.date >= today and o.workshop.is_published]
    past = [o for o in reversed(dates) if o.date < today]
    page = MeetingPage(
        meeting=meeting,
        next=coming[0] if coming else None,
        later=coming[1:],
        past=past,
        can_organise=rules.can_organise(user, meeting),
    )
    if page.next is not None:
        page.proposals = list(
            rules.proposals_visible_to(user, page.next).select_related("person", "practice")
        )
        page.can_propose = rules.can_propose(user, page.next)
        page.registration = workshop_rules.registration_of(user, page.next.workshop)
    return page


def agenda_of(occurrence: Occurrence, user: Any) -> list[Proposal]:
    """The presentations on a date's agenda, in order (what everyone who sees it reads)."""
    return list(
        Proposal.objects.filter(occurrence=occurrence)
        .accepted()
        .select_related("person", "practice")
        .order_by("position", "pk")
    )


def own_proposals(occurrence: Occurrence, user: Any) -> list[Proposal]:
    if not rules.is_member(user):
        return []
    return list(
        Proposal.objects.filter(occurrence=occurrence, person=user)
        .exclude(status=Proposal.Status.ACCEPTED)
        .order_by("pk")
    )


def attendance_count(occurrence: Occurrence) -> int:
    return (
        occurrence.workshop.sessions.filter(attendance__present=True)
        .values("attendance__person")
        .distinct()
        .count()
    )


@dataclass
class AgendaPage:
    occurrence: Occurrence
    accepted: list[Proposal]
    waiting: list[Proposal]
    invited: list[Proposal]
    closed: list[Proposal]
    suggestions: list[Any]


def _may_see(occurrence: Occurrence, people: list[Any]) -> list[Any]:
    """Of the people suggested, those who may see this date (an organisation-only meeting:
    its organisation's members)."""
    meeting = occurrence.meeting
    if meeting.visibility != Visibility.ORGANISATION:
        return people
    members = set(
        Membership.objects.filter(
            organisation_id=meeting.organisation_id, user__in=[p.pk for p in people]
        ).values_list("user_id", flat=True)
    )
    return [p for p in people if p.pk in members or p.is_facilitator]


def agenda_page(occurrence: Occurrence, user: Any, *, suggest: bool = True) -> AgendaPage:
    """The organiser's agenda: every proposal by state, and people worth inviting."""
    proposals = list(
        Proposal.objects.filter(occurrence=occurrence)
        .select_related("person", "practice")
        .order_by("position", "created_at", "pk")
    )
    by_status: dict[str, list[Proposal]] = {}
    for proposal in proposals:
        by_status.setdefault(proposal.status, []).append(proposal)
    suggestions: list[Any] = []
    if suggest and rules.is_to_come(occurrence):
        taken = {p.person_id for p in proposals if p.status != Proposal.Status.DECLINED}
        found = presenters.suggest(
            themes=list(occurrence.meeting.themes.all()),
            viewer=user,
            limit=SUGGESTED * 2,
            exclude_ids=taken | {user.pk},
        )
        allowed = {p.pk for p in _may_see(occurrence, [s.person for s in found])}
        suggestions = [s for s in found if s.person.pk in allowed][:SUGGESTED]
    return AgendaPage(
        occurrence=occurrence,
        accepted=by_status.get(Proposal.Status.ACCEPTED, []),
        waiting=by_status.get(Proposal.Status.PROPOSED, []),
        invited=by_status.get(Proposal.Status.INVITED, []),
        closed=by_status.get(Proposal.Status.DECLINED, [])
        + by_status.get(Proposal.Status.REFUSED, []),
        suggestions=suggestions,
    )


def practices_to_present(user: Any) -> QuerySet:
    """The practices a person may point their presentation to: those they authored and
    may see, most recent first."""
    return (
        practice_rules.practices_visible_to(user)
        .filter(authors=user)
        .order_by("-published_at", "-pk")
        .only("pk", "title")
    )


def prefetched_meetings(queryset: QuerySet[Meeting]) -> QuerySet[Meeting]:
    return queryset.prefetch_related(
        "themes",
        Prefetch("occurrences", queryset=Occurrence.objects.order_by("starts_at")),
    )


def conversions(occurrence: Occurrence, user: Any) -> dict[str, Any]:
    """What the minutes became, each only if this person may open it."""
    found: dict[str, Any] = {"discussion": None, "practice": None}
    if occurrence.discussion_id:
        thread = (
            discussion_rules.discussions_visible_to(user)
            .filter(pk=occurrence.discussion_id)
            .first()
        )
        found["discussion"] = thread
    if occurrence.practice_id:
        practice = occurrence.practice
        if practice is not None and practice_rules.can_view(user, practice):
            found["practice"] = practice
    return found
