"""Truth table of the projects rule: for every kind of person and visibility, the
per-object answers, the access functions and the querysets say the same thing, and that
thing is the rule written in palabre/permissions/projects.py. Then the same for exchanges
between two projects."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.utils import timezone

from conftest import make_person
from palabre.organisations.models import Organisation
from palabre.permissions import projects as rules
from palabre.projects.models import Exchange, Project, ProjectMember

VISIBILITIES = ["organisation", "network", "public"]
PEOPLE = [
    "anonymous",
    "member_of_org",
    "volunteer_of_org",
    "admin_of_org",
    "team_member_elsewhere",
    "invited_elsewhere",
    "member_elsewhere",
    "member_without_organisation",
    "facilitator",
    "network_admin",
]
INSIDE = ("member_of_org", "volunteer_of_org", "admin_of_org", "team_member_elsewhere")


def expected_view(person: str, visibility: str) -> bool:
    if person in ("facilitator", "network_admin") or visibility == "public":
        return True
    if person == "anonymous":
        return False
    if visibility == "network":
        return True
    return person in INSIDE


def expected_edit(person: str) -> bool:
    return person in (*INSIDE, "facilitator", "network_admin")


@pytest.fixture
def cast(db):
    org = Organisation.objects.create(name="Org A", slug="org-a", kind="ngo")
    other = Organisation.objects.create(name="Org B", slug="org-b", kind="ngo")
    people = {
        "anonymous": AnonymousUser(),
        "member_of_org": make_person("member@a.example", "Member", organisation=org),
        "volunteer_of_org": make_person(
            "vol@a.example", "Volunteer", organisation=org, role="volunteer"
        ),
        "admin_of_org": make_person("admin@a.example", "Admin", organisation=org, role="org_admin"),
        "team_member_elsewhere": make_person("team@b.example", "Team", organisation=other),
        "invited_elsewhere": make_person("invited@b.example", "Invited", organisation=other),
        "member_elsewhere": make_person("member@b.example", "Other", organisation=other),
        "member_without_organisation": make_person("alone@x.example", "Alone"),
        "facilitator": make_person("f@x.example", "Facilitator", network_role="facilitator"),
        "network_admin": make_person("n@x.example", "Network admin", network_role="admin"),
    }
    projects = {}
    for visibility in VISIBILITIES:
        project = Project.objects.create(
            organisation=org, name=f"P {visibility}", visibility=visibility
        )
        ProjectMember.objects.create(
            project=project,
            person=people["team_member_elsewhere"],
            role="conseil",
            accepted_at=timezone.now(),
        )
        ProjectMember.objects.create(
            project=project, person=people["invited_elsewhere"], role="conseil"
        )
        projects[visibility] = project
    return people, projects


@pytest.mark.parametrize("person", PEOPLE)
def test_project_truth_table(cast, person):
    people, projects = cast
    user = people[person]
    visible = set(rules.projects_visible_to(user).values_list("pk", flat=True))
    for visibility, project in projects.items():
        allowed = expected_view(person, visibility)
        assert rules.can_view_project(user, project) is allowed, (person, visibility)
        assert (project.pk in visible) is allowed, (person, visibility)
        if allowed:
            assert rules.project_for(user, project.pk) == project
        else:
            with pytest.raises(Http404):
                rules.project_for(user, project.pk)
        editable = allowed and expected_edit(person)
        assert rules.can_edit(user, project) is editable, (person, visibility)
        assert rules.can_link(user, project) is editable
        if editable:
            assert rules.project_editable_for(user, project.pk) == project
        else:
            with pytest.raises(Http404):
                rules.project_editable_for(user, project.pk)


@pytest.mark.parametrize("person", PEOPLE)
def test_exchange_truth_table(cast, person):
    """An exchange is seen by both teams, its proposer and facilitators only."""
    people, projects = cast
    other = Organisation.objects.get(slug="org-b")
    theirs = Project.objects.create(organisation=other, name="Q", visibility="network")
    proposer = make_person("proposer@b.example", "Proposer", organisation=other)
    exchange = Exchange.objects.create(
        from_project=theirs,
        to_project=projects["network"],
        kind="call",
        subject="S",
        proposed_by=proposer,
    )
    user = people[person]
    allowed = person in ("team_member_elsewhere", "facilitator", "network_admin")
    assert rules.can_view_exchange(user, exchange) is allowed
    assert rules.exchanges_visible_to(user).filter(pk=exchange.pk).exists() is allowed
    if allowed:
        assert rules.exchange_for(user, exchange.pk) == exchange
    else:
        with pytest.raises(Http404):
            rules.exchange_for(user, exchange.pk)
    assert rules.can_view_exchange(proposer, exchange)


def test_garbage_keys_are_not_found(cast):
    people, _projects = cast
    for key in ("abc", "0", "-1", str(2**64)):
        with pytest.raises(Http404):
            rules.project_for(people["facilitator"], key)
