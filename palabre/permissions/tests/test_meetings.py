"""Who sees and organises which exchange meeting, date and proposal: every visibility ×
kind of person (× proposal status), the per-object answers agreeing with the querysets
and with the rule restated here as ``expected``."""

from __future__ import annotations

from datetime import time, timedelta
from itertools import product

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.utils import timezone

from conftest import make_person
from palabre import permissions
from palabre.lib.visibility import Visibility
from palabre.meetings.models import Meeting, Occurrence, Proposal
from palabre.permissions import meetings as rules
from palabre.workshops.models import Workshop

pytestmark = pytest.mark.django_db

PEOPLE = {
    "anonymous": None,
    "volunteer_of_A": ("A", "volunteer"),
    "member_of_A": ("A", "member"),
    "org_admin_of_A": ("A", "org_admin"),
    "member_of_B": ("B", "member"),
    "org_admin_of_B": ("B", "org_admin"),
    "member_without_organisation": None,
    "facilitator": None,
    "network_admin": None,
}
POWER = ("facilitator", "network_admin")


def expected_view(visibility: str, person: str) -> bool:
    if visibility == Visibility.PUBLIC or person in POWER:
        return True
    if person == "anonymous":
        return False
    if visibility == Visibility.NETWORK:
        return True
    spec = PEOPLE[person]
    return spec is not None and spec[0] == "A"


def expected_organise(person: str) -> bool:
    return person in POWER or person == "org_admin_of_A"


def _person(kind: str, orgs):
    if kind == "anonymous":
        return AnonymousUser()
    if kind in POWER:
        role = "facilitator" if kind == "facilitator" else "admin"
        return make_person(f"{kind}@palabre.example", kind, network_role=role)
    spec = PEOPLE[kind]
    organisation, role = (orgs[spec[0]], spec[1]) if spec else (None, "member")
    return make_person(f"{kind}@example.org", kind, organisation=organisation, role=role)


def _meeting(org, visibility, creator) -> tuple[Meeting, Occurrence]:
    """A meeting of ``org`` and its next date (a published workshop of the kind
    "exchange meeting"), written directly: the rules are tested, not the services."""
    first = timezone.localdate() + timedelta(days=10)
    meeting = Meeting.objects.create(
        title="Café",
        organisation=org,
        visibility=visibility,
        first_date=first,
        starts_at=time(16),
        online_url="https://meet.example.org/x",
        created_by=creator,
    )
    workshop = Workshop.objects.create(
        kind=Workshop.Kind.MEETING,
        title="Café",
        objectives="Café",
        start_date=first,
        end_date=first,
        online_url="https://meet.example.org/x",
        visibility=visibility,
        status=Workshop.Status.PUBLISHED,
        created_by=creator,
    )
    workshop.organisers.set([org])
    starts = timezone.now() + timedelta(days=10)
    occurrence = Occurrence.objects.create(
        meeting=meeting,
        workshop=workshop,
        date=first,
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
    )
    return meeting, occurrence


def _found(fetch, *args) -> bool:
    try:
        fetch(*args)
    except Http404:
        return False
    return True


@pytest.mark.parametrize(
    ("visibility", "person"),
    [pytest.param(v, p, id=f"{v}-{p}") for v, p in product(list(Visibility), PEOPLE)],
)
def test_truth_table_meetings_and_dates(org_a, org_b, visibility, person):
    creator = make_person("creator@palabre.example", "Creator", network_role="facilitator")
    meeting, occurrence = _meeting(org_a, visibility, creator)
    user = _person(person, {"A": org_a, "B": org_b})
    seen = rules.meetings_visible_to(user).filter(pk=meeting.pk).exists()
    dated = rules.occurrences_visible_to(user).filter(pk=occurrence.pk).exists()
    fresh = Meeting.objects.get(pk=meeting.pk)
    assert seen == expected_view(visibility, person)
    assert rules.can_view_meeting(user, fresh) == seen
    assert permissions.can_view(user, fresh) == seen
    assert _found(rules.meeting_for, user, meeting.pk) == seen
    assert dated == seen
    assert _found(rules.occurrence_for, user, occurrence.pk) == seen
    assert rules.can_view_occurrence(user, Occurrence.objects.get(pk=occurrence.pk)) == seen
    assert rules.can_organise(user, fresh) == expected_organise(person)
    assert _found(rules.occurrence_organised_by, user, occurrence.pk) == (
        seen and expected_organise(person)
    )
    assert rules.can_propose(user, occurrence) == (seen and person != "anonymous")


@pytest.mark.parametrize(
    ("status", "person"),
    [
        pytest.param(s, p, id=f"{s}-{p}")
        for s, p in product(list(Proposal.Status), [*PEOPLE, "presenter"])
    ],
)
def test_truth_table_proposals_of_a_network_meeting(org_a, org_b, status, person):
    creator = make_person("creator@palabre.example", "Creator", network_role="facilitator")
    _unused, occurrence = _meeting(org_a, Visibility.NETWORK, creator)
    presenter = make_person("presenter@example.org", "Presenter", organisation=org_b)
    proposal = Proposal.objects.create(
        occurrence=occurrence, person=presenter, title="Exposé", status=status
    )
    user = presenter if person == "presenter" else _person(person, {"A": org_a, "B": org_b})
    listed = rules.proposals_visible_to(user, occurrence).filter(pk=proposal.pk).exists()
    fresh = Proposal.objects.get(pk=proposal.pk)
    want = person != "anonymous" and (
        status == Proposal.Status.ACCEPTED or person == "presenter" or expected_organise(person)
    )
    # Anonymous visitors do not see a network meeting, nor its agenda.
    assert listed == want
    assert rules.can_view_proposal(user, fresh) == want
    assert _found(rules.proposal_for, user, proposal.pk) == want
    assert rules.can_answer_invitation(user, fresh) == (
        person == "presenter" and status == Proposal.Status.INVITED
    )
    assert rules.my_proposals(user).filter(pk=proposal.pk).exists() == (person == "presenter")


def test_proposals_of_an_organisation_only_meeting_stay_inside(org_a, org_b, org_admin):
    _unused, occurrence = _meeting(org_a, Visibility.ORGANISATION, org_admin)
    member = make_person("m@adb.example", "M", organisation=org_a)
    proposal = Proposal.objects.create(
        occurrence=occurrence, person=member, title="Exposé", status=Proposal.Status.ACCEPTED
    )
    for outsider in (AnonymousUser(), make_person("o@ate.example", "O", organisation=org_b)):
        assert not _found(rules.proposal_for, outsider, proposal.pk)
        assert not _found(rules.occurrence_for, outsider, occurrence.pk)


def test_a_date_is_hidden_when_its_workshop_is_a_draft(org_a, facilitator, author):
    _unused, occurrence = _meeting(org_a, Visibility.PUBLIC, facilitator)
    occurrence.workshop.status = "draft"
    occurrence.workshop.save()
    assert not _found(rules.occurrence_for, author, occurrence.pk)
    assert not rules.occurrences_visible_to(author).exists()
    assert _found(rules.occurrence_for, facilitator, occurrence.pk)


def test_who_sets_up_meetings_and_for_whom(author, org_admin, facilitator, org_a, org_b):
    assert not rules.can_create_meeting(author)
    assert not rules.can_create_meeting(AnonymousUser())
    assert rules.can_create_meeting(org_admin)
    assert list(rules.organisations_for_new_meeting(org_admin)) == [org_a]
    assert rules.visibilities_for_new_meeting(org_admin) == [Visibility.ORGANISATION]
    assert set(rules.organisations_for_new_meeting(facilitator)) == {org_a, org_b}
    assert len(rules.visibilities_for_new_meeting(facilitator)) == 3
