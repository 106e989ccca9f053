"""Who sees which workshop: every status × visibility × organisers × kind of person.

For each cell, the per-object answers (``can_view_workshop``, the generic ``can_view``,
``workshop_for``) agree with the queryset (``workshops_visible_to``) and with the rule
of docs/architecture.md ("Who sees what"), restated here as ``expected``. Then one test per access
function: what a person may not see answers 404, like what does not exist.
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
from palabre import permissions
from palabre.lib.visibility import Visibility
from palabre.permissions import workshops as rules
from palabre.workshops.models import (
    CollectiveAction,
    FacilitationTool,
    Registration,
    Restitution,
    RestitutionPhoto,
    Session,
    Workshop,
)

STATUSES = list(Workshop.Status)
VISIBILITIES = list(Visibility)
# Who organises the workshop: organisation A, organisation B, or both together.
ORGANISERS = {"by_A": ("A",), "by_B": ("B",), "by_A_and_B": ("A", "B")}
# Each kind of person, and the organisation they belong to.
PEOPLE = {
    "anonymous": None,
    "volunteer_of_A": "A",
    "member_of_A": "A",
    "org_admin_of_A": "A",
    "member_of_B": "B",
    "member_without_organisation": None,
    "facilitator": None,
    "network_admin": None,
    # Registered to the workshop (directly, whatever the rules said): registering does
    # not open a workshop the person could not see.
    "participant_from_B": "B",
}


def expected(status: str, visibility: str, organisers: tuple[str, ...], person: str) -> bool:
    """The rule, written independently of the code under test."""
    if person in ("facilitator", "network_admin"):
        return True
    if status == Workshop.Status.DRAFT:
        return False
    if visibility == Visibility.PUBLIC:
        return True
    if person == "anonymous":
        return False
    if visibility == Visibility.NETWORK:
        return True
    return PEOPLE[person] in organisers


def _person(kind: str, orgs: dict[str, Any]):
    if kind == "anonymous":
        return AnonymousUser()
    if kind == "facilitator":
        return make_person("f@palabre.example", "Fanta", network_role="facilitator")
    if kind == "network_admin":
        return make_person("n@palabre.example", "Nadia", network_role="admin")
    role = {"volunteer_of_A": "volunteer", "org_admin_of_A": "org_admin"}.get(kind, "member")
    home = PEOPLE[kind]
    organisation = orgs[home] if home else None
    return make_person(f"{kind}@example.org", kind, organisation=organisation, role=role)


def _workshop(*, status: str, visibility: str, organisers, created_by) -> Workshop:
    today = timezone.localdate()
    workshop = Workshop.objects.create(
        title="Atelier d'échanges",
        objectives="- Partager",
        start_date=today + timedelta(days=10),
        end_date=today + timedelta(days=11),
        venue="Salle paroissiale",
        status=status,
        visibility=visibility,
        created_by=created_by,
    )
    workshop.organisers.set(organisers)
    return workshop


CELLS = [
    pytest.param(status, visibility, shape, person, id=f"{status}-{visibility}-{shape}-{person}")
    for status, visibility, shape, person in product(STATUSES, VISIBILITIES, ORGANISERS, PEOPLE)
]


@pytest.mark.parametrize(("status", "visibility", "shape", "person"), CELLS)
def test_truth_table(org_a, org_b, status, visibility, shape, person):
    orgs = {"A": org_a, "B": org_b}
    user = _person(person, orgs)
    creator = make_person("creator@palabre.example", "Creator", network_role="facilitator")
    workshop = _workshop(
        status=status,
        visibility=visibility,
        organisers=[orgs[name] for name in ORGANISERS[shape]],
        created_by=creator,
    )
    if person == "participant_from_B":
        Registration.objects.create(
            workshop=workshop, person=user, organisation=org_b, registered_by=user
        )

    in_queryset = rules.workshops_visible_to(user).filter(pk=workshop.pk).exists()
    fresh = Workshop.objects.get(pk=workshop.pk)
    try:
        rules.workshop_for(user, workshop.pk)
        fetched = True
    except Http404:
        fetched = False

    assert rules.can_view_workshop(user, fresh) == in_queryset
    assert permissions.can_view(user, Workshop.objects.get(pk=workshop.pk)) == in_queryset
    assert fetched == in_queryset
    assert in_queryset == expected(status, visibility, ORGANISERS[shape], person)


# A few cells by name ------------------------------------------------------------------


def _cell(status, visibility, shape, person) -> bool:
    return expected(status, visibility, ORGANISERS[shape], person)


def test_anonymous_visitors_see_only_public_workshops_that_are_not_drafts():
    for status, visibility, shape in product(STATUSES, VISIBILITIES, ORGANISERS):
        seen = _cell(status, visibility, shape, "anonymous")
        public = visibility == Visibility.PUBLIC and status != Workshop.Status.DRAFT
        assert seen == public, (status, visibility, shape)
    assert _cell(Workshop.Status.PUBLISHED, Visibility.PUBLIC, "by_B", "anonymous")


def test_another_organisations_member_never_sees_an_organisation_only_workshop():
    for status in STATUSES:
        for person in ("member_of_B", "participant_from_B"):
            assert not _cell(status, Visibility.ORGANISATION, "by_A", person)
        assert not _cell(status, Visibility.ORGANISATION, "by_B", "member_of_A")


def test_every_organiser_shares_an_organisation_only_workshop_with_its_members():
    for person in ("volunteer_of_A", "member_of_A", "org_admin_of_A", "member_of_B"):
        assert _cell(Workshop.Status.PUBLISHED, Visibility.ORGANISATION, "by_A_and_B", person)
    assert not _cell(
        Workshop.Status.PUBLISHED, Visibility.ORGANISATION, "by_A", "member_without_organisation"
    )


def test_drafts_are_for_facilitators_and_network_admins_only():
    for visibility, shape, person in product(VISIBILITIES, ORGANISERS, PEOPLE):
        seen = _cell(Workshop.Status.DRAFT, visibility, shape, person)
        assert seen == (person in ("facilitator", "network_admin")), (visibility, shape, person)


def test_a_cancelled_workshop_stays_visible_to_whoever_saw_it():
    for visibility, shape, person in product(VISIBILITIES, ORGANISERS, PEOPLE):
        assert _cell(Workshop.Status.CANCELLED, visibility, shape, person) == _cell(
            Workshop.Status.PUBLISHED, visibility, shape, person
        )


# The other access functions -----------------------------------------------------------


@pytest.fixture
def hidden(org_a, facilitator):
    """An organisation-only workshop of A, with one of everything hanging from it."""
    workshop = _workshop(
        status=Workshop.Status.PUBLISHED,
        visibility=Visibility.ORGANISATION,
        organisers=[org_a],
        created_by=facilitator,
    )
    return _contents(workshop, facilitator)


@pytest.fixture
def shown(org_b, facilitator):
    """A network workshop, to check a pk of one workshop is not found through another."""
    workshop = _workshop(
        status=Workshop.Status.PUBLISHED,
        visibility=Visibility.NETWORK,
        organisers=[org_b],
        created_by=facilitator,
    )
    return _contents(workshop, facilitator)


def _contents(workshop, facilitator) -> dict[str, Any]:
    start = timezone.now() + timedelta(days=10)
    session = Session.objects.create(
        workshop=workshop,
        kind=Session.Kind.GROUP_WORK,
        title="Carrefour",
        starts_at=start,
        ends_at=start + timedelta(hours=1),
    )
    restitution = Restitution.objects.create(session=session, key_learnings="Épargner d'abord")
    photo = RestitutionPhoto.objects.create(
        restitution=restitution,
        file="workshops/tableau.jpg",
        original_name="tableau.jpg",
        content_type="image/jpeg",
        size=1,
    )
    registration = Registration.objects.create(
        workshop=workshop, person=facilitator, registered_by=facilitator
    )
    action = CollectiveAction.objects.create(
        workshop=workshop,
        title="Visiter le magasin",
        due_date=workshop.end_date,
        created_by=facilitator,
    )
    return {
        "workshop": workshop,
        "session": session,
        "restitution": restitution,
        "photo": photo,
        "registration": registration,
        "action": action,
    }


def test_a_hidden_workshop_answers_404(hidden, outsider):
    with pytest.raises(Http404):
        rules.workshop_for(outsider, hidden["workshop"].pk)


@pytest.mark.parametrize("key", ["0", "-1", "abc", str(2**70), None])
def test_a_key_that_cannot_exist_answers_404(shown, outsider, key):
    with pytest.raises(Http404):
        rules.workshop_for(outsider, key)


def test_session_for_answers_404_for_a_hidden_workshop_and_for_another_workshops_session(
    hidden, shown, outsider, author
):
    with pytest.raises(Http404):
        rules.session_for(outsider, hidden["workshop"], hidden["session"].pk)
    with pytest.raises(Http404):
        rules.session_for(author, shown["workshop"], hidden["session"].pk)
    assert rules.session_for(author, hidden["workshop"], hidden["session"].pk) == hidden["session"]


def test_registration_for_answers_404_to_those_who_may_not_change_it(hidden, shown, author):
    with pytest.raises(Http404):
        rules.registration_for(author, hidden["workshop"], hidden["registration"].pk)
    with pytest.raises(Http404):
        rules.registration_for(author, shown["workshop"], hidden["registration"].pk)
    mine = Registration.objects.create(
        workshop=hidden["workshop"], person=author, registered_by=author
    )
    assert rules.registration_for(author, hidden["workshop"], mine.pk) == mine


def test_action_for_answers_404_for_a_hidden_workshop_and_to_anonymous_visitors(
    hidden, shown, outsider, author
):
    with pytest.raises(Http404):
        rules.action_for(outsider, hidden["workshop"], hidden["action"].pk)
    with pytest.raises(Http404):
        rules.action_for(AnonymousUser(), shown["workshop"], shown["action"].pk)
    with pytest.raises(Http404):
        rules.action_for(author, shown["workshop"], hidden["action"].pk)
    assert rules.action_for(author, hidden["workshop"], hidden["action"].pk) == hidden["action"]


def test_photo_for_answers_404_until_the_restitution_is_final(hidden, shown, author, outsider):
    session, photo = hidden["session"], hidden["photo"]
    with pytest.raises(Http404):
        rules.photo_for(author, session, photo.pk)
    with pytest.raises(Http404):
        rules.photo_for(outsider, session, photo.pk)
    with pytest.raises(Http404):
        rules.photo_for(outsider, shown["session"], photo.pk)
    Restitution.objects.filter(pk=hidden["restitution"].pk).update(status=Restitution.Status.FINAL)
    session = Session.objects.get(pk=session.pk)
    assert rules.photo_for(author, session, photo.pk) == photo
    with pytest.raises(Http404):
        rules.photo_for(outsider, session, photo.pk)


def test_tool_for_answers_404_to_anonymous_visitors_and_for_an_unknown_tool(db, author):
    tool = FacilitationTool.objects.create(
        slug="arbre-test",
        name_fr="Arbre",
        name_en="Tree",
        purpose_fr="Comprendre",
        when_fr="Au début",
        steps_fr="Dessiner",
        duration_min=10,
        duration_max=20,
        group_min=2,
        group_max=10,
    )
    with pytest.raises(Http404):
        rules.tool_for(AnonymousUser(), tool.slug)
    with pytest.raises(Http404):
        rules.tool_for(author, "no-such-tool")
    assert rules.tool_for(author, tool.slug) == tool
