"""Truth table of the resource rule: for every kind of person, status and visibility, the
per-object answers, the access function and the querysets say the same thing, and that
thing is the rule written in palabre/permissions/resources.py."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from conftest import make_person
from palabre.organisations.models import Organisation
from palabre.permissions import resources as rules
from palabre.resources.models import Resource

STATUSES = ["active", "archived"]
VISIBILITIES = ["organisation", "network", "public"]
PEOPLE = [
    "anonymous",
    "author",
    "creator",
    "member_of_org",
    "volunteer_of_org",
    "admin_of_org",
    "member_elsewhere",
    "admin_elsewhere",
    "member_without_organisation",
    "facilitator",
    "network_admin",
]
# Network admins are facilitators too (palabre.permissions.is_facilitator).
EDITORS = ("author", "creator", "admin_of_org", "facilitator", "network_admin")


def expected_view(person: str, status: str, visibility: str) -> bool:
    """The rule, written plainly, independent of the code under test."""
    if person in ("facilitator", "network_admin"):
        return True
    if status == "active":
        if visibility == "public":
            return True
        if person == "anonymous":
            return False
        if visibility == "network":
            return True
        return person in ("author", "creator", "member_of_org", "volunteer_of_org", "admin_of_org")
    return person in EDITORS


@pytest.fixture
def cast(db):
    org = Organisation.objects.create(name="Org A", slug="org-a", kind="ngo")
    other = Organisation.objects.create(name="Org B", slug="org-b", kind="ngo")
    people = {
        "anonymous": AnonymousUser(),
        "author": make_person("author@a.example", "Author", organisation=org),
        "creator": make_person("creator@a.example", "Creator", organisation=org),
        "member_of_org": make_person("member@a.example", "Member", organisation=org),
        "volunteer_of_org": make_person(
            "vol@a.example", "Volunteer", organisation=org, role="volunteer"
        ),
        "admin_of_org": make_person("admin@a.example", "Admin", organisation=org, role="org_admin"),
        "member_elsewhere": make_person("member@b.example", "Other", organisation=other),
        "admin_elsewhere": make_person(
            "admin@b.example", "Other admin", organisation=other, role="org_admin"
        ),
        "member_without_organisation": make_person("alone@x.example", "Alone"),
        "facilitator": make_person("f@x.example", "Facilitator", network_role="facilitator"),
        "network_admin": make_person("n@x.example", "Network admin", network_role="admin"),
    }
    resources = {}
    for status in STATUSES:
        for visibility in VISIBILITIES:
            resource = Resource.objects.create(
                title=f"{status} {visibility}",
                organisation=org,
                status=status,
                visibility=visibility,
                created_by=people["creator"],
                link="https://example.org/",
            )
            resource.authors.set([people["author"]])
            resources[(status, visibility)] = resource
    return people, resources


def test_the_resource_rule_everywhere(cast):
    people, resources = cast
    for person, user in people.items():
        visible = set(rules.resources_visible_to(user).values_list("pk", flat=True))
        openable = set(rules.resources_openable_by(user).values_list("pk", flat=True))
        edited = set(rules.resources_edited_by(user).values_list("pk", flat=True))
        for (status, visibility), resource in resources.items():
            case = (person, status, visibility)
            view = expected_view(person, status, visibility)
            assert rules.can_view(user, resource) is view, case
            assert (resource.pk in openable) is view, case
            assert (resource.pk in visible) is (view and status == "active"), case
            assert rules.can_edit(user, resource) is (person in EDITORS), case
            assert (resource.pk in edited) is (person in EDITORS), case
            assert rules.can_see_text_status(user, resource) is (person in EDITORS), case
            assert rules.can_curate(user, resource) is (
                person in ("facilitator", "network_admin")
            ), case
            if view:
                assert rules.resource_for(user, resource.pk) == resource
            else:
                with pytest.raises(Http404):
                    rules.resource_for(user, resource.pk)
            if person in EDITORS:
                assert rules.resource_editable_for(user, resource.pk) == resource
            else:
                with pytest.raises(Http404):
                    rules.resource_editable_for(user, resource.pk)


def test_who_may_add_resources_and_for_which_organisations(cast):
    people, _resources = cast
    may = {p for p, user in people.items() if rules.can_create(user)}
    assert may == {
        "author", "creator", "member_of_org", "volunteer_of_org", "admin_of_org",
        "member_elsewhere", "admin_elsewhere", "facilitator", "network_admin",
    }  # fmt: skip
    assert set(
        rules.organisation_choices(people["member_of_org"]).values_list("slug", flat=True)
    ) == {"org-a"}
    assert rules.organisation_choices(people["facilitator"]).count() == 2


def test_a_key_that_cannot_be_a_resource_is_404(cast):
    people, _resources = cast
    for key in ("abc", "0", "-1", str(2**63), None):
        with pytest.raises(Http404):
            rules.resource_for(people["facilitator"], key)
