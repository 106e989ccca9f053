"""Suggested presenters and invitations to present: who sees the suggestions, who invites,
who sees and answers an invitation, who creates a launch workshop's drafts — for every
workshop status × visibility × moment and every kind of person.

``expected_*`` restate the rule (palabre/permissions/recognition.py, "suggested presenters
and launch workshops") independently of the code; each cell checks the per-object answers
agree with it and with the queryset and the access functions (404 for the rest).
"""

from __future__ import annotations

from datetime import timedelta
from itertools import product
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.utils import timezone

from conftest import make_person
from palabre.lib.visibility import Visibility
from palabre.permissions import recognition as rules
from palabre.recognition.models import PresenterInvitation, WorkshopLaunch
from palabre.workshops.models import Registration, Workshop

STATUSES = list(Workshop.Status)
VISIBILITIES = [Visibility.ORGANISATION, Visibility.NETWORK, Visibility.PUBLIC]
MOMENTS = ("upcoming", "past")
INVITATION_STATES = list(PresenterInvitation.Status)
PEOPLE = (
    "anonymous",
    "invited_member_of_A",  # the person invited (organisation A organises the workshop)
    "member_of_A",
    "member_of_B",
    "facilitator_of_the_workshop_from_B",  # registered as the workshop's facilitator
    "participant_from_A",
    "facilitator",
    "network_admin",
)


def sees_workshop(status: str, visibility: str, person: str) -> bool:
    if person in ("facilitator", "network_admin"):
        return True
    if status == Workshop.Status.DRAFT or person == "anonymous":
        return visibility == Visibility.PUBLIC and status != Workshop.Status.DRAFT
    if visibility != Visibility.ORGANISATION:
        return True
    return person in ("invited_member_of_A", "member_of_A", "participant_from_A")


def expected_runs(status: str, visibility: str, person: str) -> bool:
    """Sees the suggestions and the workshop's invitations: those who run the workshop."""
    if person in ("facilitator", "network_admin"):
        return True
    return person == "facilitator_of_the_workshop_from_B" and sees_workshop(
        status, visibility, person
    )


def expected_invites(status: str, visibility: str, moment: str, person: str) -> bool:
    return (
        expected_runs(status, visibility, person)
        and status != Workshop.Status.CANCELLED
        and moment == "upcoming"
    )


def expected_sees_invitation(status: str, visibility: str, state: str, person: str) -> bool:
    if expected_runs(status, visibility, person):
        return True
    return (
        person == "invited_member_of_A"
        and state != PresenterInvitation.Status.PROPOSED
        and sees_workshop(status, visibility, person)
    )


def expected_answers(status: str, visibility: str, moment: str, state: str, person: str) -> bool:
    return (
        person == "invited_member_of_A"
        and state in (PresenterInvitation.Status.PENDING, PresenterInvitation.Status.ACCEPTED)
        and status == Workshop.Status.PUBLISHED
        and moment == "upcoming"
    )


def expected_creates_drafts(status: str, visibility: str, person: str) -> bool:
    return status == Workshop.Status.PUBLISHED and expected_runs(status, visibility, person)


@pytest.fixture
def cast(org_a, org_b) -> dict[str, Any]:
    people: dict[str, Any] = {"anonymous": AnonymousUser()}
    for kind in PEOPLE[1:]:
        if kind in ("facilitator", "network_admin"):
            role = "facilitator" if kind == "facilitator" else "admin"
            people[kind] = make_person(f"{kind}@palabre.example", kind, network_role=role)
        else:
            home = org_b if kind.endswith("_B") else org_a
            people[kind] = make_person(f"{kind}@example.org", kind, organisation=home)
    return people


def _workshop(status: str, visibility: str, moment: str, org_a, cast) -> Workshop:
    today = timezone.localdate()
    start = today + timedelta(days=10) if moment == "upcoming" else today - timedelta(days=10)
    workshop = Workshop.objects.create(
        title="Atelier",
        objectives="Partager",
        start_date=start,
        end_date=start,
        venue="Bafut",
        status=status,
        visibility=visibility,
    )
    workshop.organisers.set([org_a])
    Registration.objects.create(
        workshop=workshop,
        person=cast["facilitator_of_the_workshop_from_B"],
        role=Registration.Role.FACILITATOR,
    )
    Registration.objects.create(workshop=workshop, person=cast["participant_from_A"])
    return workshop


def test_the_truth_table(org_a, cast):
    checked = 0
    invited = cast["invited_member_of_A"]
    for k, (status, visibility, moment) in enumerate(product(STATUSES, VISIBILITIES, MOMENTS)):
        workshop = _workshop(status, visibility, moment, org_a, cast)
        launch = WorkshopLaunch.objects.create(workshop=workshop)
        # One invitation in each state; the invited person's own is in a state that turns
        # from one workshop to the next, the others are other people's.
        own_state = INVITATION_STATES[k % len(INVITATION_STATES)]
        invitations = [
            PresenterInvitation.objects.create(
                workshop=workshop,
                person=invited
                if state == own_state
                else make_person(f"other{k}-{state}@example.org", "Other", organisation=org_a),
                status=state,
            )
            for state in INVITATION_STATES
        ]
        for person_kind in PEOPLE:
            user = cast[person_kind]
            workshop = Workshop.objects.get(pk=workshop.pk)  # no cached answers
            cell = (status, visibility, moment, person_kind)
            runs = expected_runs(status, visibility, person_kind)
            assert rules.can_see_presenter_suggestions(user, workshop) is runs, cell
            assert rules.can_invite_presenters(user, workshop) is expected_invites(
                status, visibility, moment, person_kind
            ), cell
            assert rules.can_create_launch_drafts(
                user, WorkshopLaunch.objects.get(pk=launch.pk)
            ) is expected_creates_drafts(status, visibility, person_kind), cell
            if runs:
                assert rules.workshop_launch_for(user, workshop) == launch
            else:
                with pytest.raises(Http404):
                    rules.workshop_launch_for(user, workshop)
            visible = set(rules.presenter_invitations_visible_to(user).values_list("pk", flat=True))
            for invitation in invitations:
                invitation = PresenterInvitation.objects.get(pk=invitation.pk)
                state = invitation.status
                mine = person_kind == "invited_member_of_A" and invitation.person_id == invited.pk
                if mine:
                    sees = expected_sees_invitation(status, visibility, state, person_kind)
                else:
                    sees = runs
                assert rules.can_view_invitation(user, invitation) is sees, (*cell, state)
                assert (invitation.pk in visible) is sees, (*cell, state)
                if sees:
                    assert rules.presenter_invitation_for(user, invitation.pk) == invitation
                else:
                    with pytest.raises(Http404):
                        rules.presenter_invitation_for(user, invitation.pk)
                answers = mine and expected_answers(status, visibility, moment, state, person_kind)
                assert rules.can_answer_invitation(user, invitation) is answers, (*cell, state)
                checked += 1
    assert checked == len(STATUSES) * len(VISIBILITIES) * len(MOMENTS) * len(PEOPLE) * len(
        INVITATION_STATES
    )


def test_the_invited_persons_own_invitation_in_every_state(org_a, cast):
    """The invited person, for an invitation of each state on a published workshop."""
    person = cast["invited_member_of_A"]
    for state in INVITATION_STATES:
        workshop = _workshop("published", "network", "upcoming", org_a, cast)
        invitation = PresenterInvitation.objects.create(
            workshop=workshop, person=person, status=state
        )
        sees = expected_sees_invitation("published", "network", state, "invited_member_of_A")
        assert rules.can_view_invitation(person, invitation) is sees, state
        assert (
            rules.presenter_invitations_visible_to(person).filter(pk=invitation.pk).exists() is sees
        )
        assert rules.can_answer_invitation(person, invitation) is expected_answers(
            "published", "network", "upcoming", state, "invited_member_of_A"
        ), state
        # Nobody else who does not run the workshop sees it.
        assert not rules.can_view_invitation(cast["member_of_A"], invitation)
        assert not rules.can_view_invitation(cast["member_of_B"], invitation)
