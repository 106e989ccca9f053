"""Who may see and run exchange meetings, their dates, proposals and minutes.

- A meeting follows the shared visibility rule; "organisation" means the members of its
  organising organisation. Facilitators and network admins see every meeting.
- A date of a meeting is seen while its meeting and its workshop (of the kind "exchange
  meeting") both are; registration ("I'll come") and attendance follow the workshops'
  rules on that workshop.
- Organisers: facilitators (any meeting, any audience) and the org admins of the
  meeting's organisation (for their organisation's members only: they set up
  organisation-only meetings).
- Members who see a date propose a presentation for it while it is to come. A proposal
  is seen by its presenter and the organisers; once on the agenda (accepted), by
  everyone who sees the date. An invitation is answered by the person invited only.
- Minutes are read by whoever sees the date; organisers write and convert them.

Access: ``meeting_for(user, pk)``, ``occurrence_for(user, pk)``, ``proposal_for(user, pk)``
fetch for a person or raise 404; ``meetings_visible_to``, ``occurrences_visible_to``,
``proposals_visible_to`` are the querysets (tests/test_meetings.py checks they agree).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from palabre.lib.visibility import Visibility
from palabre.meetings.models import Meeting, Occurrence, Proposal
from palabre.organisations.models import Organisation
from palabre.permissions import (
    admin_org_ids,
    can_see,
    is_facilitator,
    is_member,
    object_or_404,
    or_404,
    org_ids,
)
from palabre.permissions import workshops as workshop_rules
from palabre.workshops.models import Registration

# Meetings -----------------------------------------------------------------------


def meetings_visible_to(user: Any, queryset: QuerySet[Meeting] | None = None) -> QuerySet[Meeting]:
    """Meetings this person may see: lists, the API, feeds."""
    qs = queryset if queryset is not None else Meeting.objects.all()
    if is_facilitator(user):
        return qs
    if not is_member(user):
        return qs.filter(visibility=Visibility.PUBLIC)
    return qs.filter(
        Q(visibility__in=[Visibility.PUBLIC, Visibility.NETWORK])
        | Q(organisation__in=org_ids(user))
    )


def can_view_meeting(user: Any, meeting: Meeting) -> bool:
    return can_see(user, visibility=meeting.visibility, organisation_ids={meeting.organisation_id})


def meeting_for(user: Any, pk: Any) -> Meeting:
    meeting = object_or_404(Meeting.objects.select_related("organisation"), pk)
    return or_404(meeting, can_view_meeting(user, meeting))


def can_create_meeting(user: Any) -> bool:
    """Facilitators, and org admins (for their own organisation)."""
    return is_facilitator(user) or bool(admin_org_ids(user))


def organisations_for_new_meeting(user: Any) -> Any:
    """The organisations this person may set up a meeting for."""
    if is_facilitator(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(pk__in=admin_org_ids(user))


def visibilities_for_new_meeting(user: Any) -> list[str]:
    """Org admins set up meetings for their organisation's members; facilitators for any
    audience."""
    if is_facilitator(user):
        return [Visibility.ORGANISATION, Visibility.NETWORK, Visibility.PUBLIC]
    return [Visibility.ORGANISATION]


def can_organise(user: Any, meeting: Meeting) -> bool:
    """Pick the agenda, invite presenters, write and convert minutes, plan dates."""
    if not is_member(user):
        return False
    return is_facilitator(user) or meeting.organisation_id in admin_org_ids(user)


def meeting_organised_by(user: Any, pk: Any) -> Meeting:
    meeting = meeting_for(user, pk)
    return or_404(meeting, can_organise(user, meeting))


# Dates --------------------------------------------------------------------------


def occurrences_visible_to(
    user: Any, queryset: QuerySet[Occurrence] | None = None
) -> QuerySet[Occurrence]:
    qs = queryset if queryset is not None else Occurrence.objects.all()
    return qs.filter(
        meeting__in=meetings_visible_to(user).values("pk"),
        workshop__in=workshop_rules.workshops_visible_to(user).values("pk"),
    )


def can_view_occurrence(user: Any, occurrence: Occurrence) -> bool:
    return can_view_meeting(user, occurrence.meeting) and workshop_rules.can_view_workshop(
        user, occurrence.workshop
    )


def occurrence_for(user: Any, pk: Any) -> Occurrence:
    occurrence = object_or_404(
        Occurrence.objects.select_related("meeting__organisation", "workshop"), pk
    )
    return or_404(occurrence, can_view_occurrence(user, occurrence))


def occurrence_organised_by(user: Any, pk: Any) -> Occurrence:
    occurrence = occurrence_for(user, pk)
    return or_404(occurrence, can_organise(user, occurrence.meeting))


def online_link_shown(user: Any, workshop_ids: list[int]) -> set[int]:
    """Of these dates' workshops, those whose online link this person may have: the same
    answer as ``workshops.can_see_online_link`` (those who run it, those who come), for a
    whole list in one query."""
    if not is_member(user):
        return set()
    if is_facilitator(user):
        return set(workshop_ids)
    return set(
        Registration.objects.filter(
            person=user, workshop_id__in=workshop_ids, status=Registration.Status.CONFIRMED
        ).values_list("workshop_id", flat=True)
    )


def is_to_come(occurrence: Occurrence) -> bool:
    return occurrence.workshop.is_published and not occurrence.workshop.has_started


def can_propose(user: Any, occurrence: Occurrence) -> bool:
    """Members who see a date propose a presentation for it, while it is to come."""
    return is_member(user) and can_view_occurrence(user, occurrence) and is_to_come(occurrence)


def can_write_minutes(user: Any, occurrence: Occurrence) -> bool:
    return can_organise(user, occurrence.meeting)


# Proposals ----------------------------------------------------------------------


def proposals_visible_to(user: Any, occurrence: Occurrence) -> QuerySet[Proposal]:
    """A date's proposals as this person may read them: all for its organisers; the
    accepted ones and their own for the others."""
    qs = Proposal.objects.filter(occurrence=occurrence)
    if not can_view_occurrence(user, occurrence):
        return qs.none()
    if can_organise(user, occurrence.meeting):
        return qs
    rule = Q(status=Proposal.Status.ACCEPTED)
    if is_member(user):
        rule |= Q(person=user)
    return qs.filter(rule)


def can_view_proposal(user: Any, proposal: Proposal) -> bool:
    if not can_view_occurrence(user, proposal.occurrence):
        return False
    if proposal.status == Proposal.Status.ACCEPTED:
        return True
    if not is_member(user):
        return False
    return proposal.person_id == user.pk or can_organise(user, proposal.occurrence.meeting)


def proposal_for(user: Any, pk: Any) -> Proposal:
    proposal = object_or_404(
        Proposal.objects.select_related(
            "occurrence__meeting__organisation", "occurrence__workshop", "person"
        ),
        pk,
    )
    return or_404(proposal, can_view_proposal(user, proposal))


def can_decide(user: Any, proposal: Proposal) -> bool:
    """Accept, decline, move on the agenda: the meeting's organisers."""
    return can_organise(user, proposal.occurrence.meeting)


def can_answer_invitation(user: Any, proposal: Proposal) -> bool:
    return (
        is_member(user)
        and proposal.person_id == user.pk
        and proposal.status == Proposal.Status.INVITED
    )


def my_proposals(user: Any) -> QuerySet[Proposal]:
    """A person's own proposals and invitations, on dates they may still see."""
    if not is_member(user):
        return Proposal.objects.none()
    return Proposal.objects.filter(
        person=user, occurrence__in=occurrences_visible_to(user).values("pk")
    )


def can_view(user: Any, obj: Any) -> bool:
    """The generic answer for this app's objects (notifications ask it)."""
    if isinstance(obj, Meeting):
        return can_view_meeting(user, obj)
    if isinstance(obj, Occurrence):
        return can_view_occurrence(user, obj)
    if isinstance(obj, Proposal):
        return can_view_proposal(user, obj)
    return is_member(user)
