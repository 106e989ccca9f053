"""Truth table of the directory rule: organisations and people are seen by members of the
network only; an organisation's members are managed by its org admins and network admins."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from conftest import make_person
from palabre.organisations.models import Membership
from palabre.permissions import organisations as rules

PEOPLE = {
    # person: (sees the directory, manages org A's members)
    "anonymous": (False, False),
    "volunteer_of_a": (True, False),
    "member_of_a": (True, False),
    "admin_of_a": (True, True),
    "admin_of_b": (True, False),
    "member_without_organisation": (True, False),
    "facilitator": (True, False),
    "network_admin": (True, True),
    "deactivated_member_of_a": (False, False),
}


@pytest.fixture
def people(org_a, org_b):
    deactivated = make_person("gone@adb.example", "Gaston", organisation=org_a)
    deactivated.is_active = False
    deactivated.save()
    return {
        "anonymous": AnonymousUser(),
        "volunteer_of_a": make_person(
            "v@adb.example", "Vera", organisation=org_a, role="volunteer"
        ),
        "member_of_a": make_person("m@adb.example", "Colin", organisation=org_a),
        "admin_of_a": make_person("a@adb.example", "Odile", organisation=org_a, role="org_admin"),
        "admin_of_b": make_person("a@ate.example", "Olga", organisation=org_b, role="org_admin"),
        "member_without_organisation": make_person("solo@example.org", "Solo"),
        "facilitator": make_person("f@palabre.example", "Fanta", network_role="facilitator"),
        "network_admin": make_person("n@palabre.example", "Nadia", network_role="admin"),
        "deactivated_member_of_a": deactivated,
    }


@pytest.mark.parametrize("person", list(PEOPLE))
def test_directory_rule_truth_table(people, org_a, person):
    user = people[person]
    sees, manages = PEOPLE[person]
    colleague = people["member_of_a"]
    membership = Membership.objects.get(user=colleague, organisation=org_a)

    assert rules.can_see_directory(user) is sees
    assert rules.can_manage_members(user, org_a) is manages
    if sees:
        assert rules.organisation_for(user, org_a.slug) == org_a
        assert rules.person_for(user, colleague.pk) == colleague
    else:
        with pytest.raises(Http404):
            rules.organisation_for(user, org_a.slug)
        with pytest.raises(Http404):
            rules.person_for(user, colleague.pk)
    if manages:
        assert rules.managed_organisation_for(user, org_a.slug) == org_a
        assert rules.membership_for(user, org_a, membership.pk) == membership
    else:
        with pytest.raises(Http404):
            rules.managed_organisation_for(user, org_a.slug)
        with pytest.raises(Http404):
            rules.membership_for(user, org_a, membership.pk)


def test_a_deactivated_person_has_no_page_but_admins_can_still_reach_the_account(people):
    gone = people["deactivated_member_of_a"]
    with pytest.raises(Http404):
        rules.person_for(people["member_of_a"], gone.pk)
    assert rules.person_for(people["network_admin"], gone.pk, active_only=False) == gone


def test_a_membership_of_another_organisation_answers_404(people, org_a, org_b):
    other = Membership.objects.get(user=people["admin_of_b"], organisation=org_b)
    with pytest.raises(Http404):
        rules.membership_for(people["admin_of_a"], org_a, other.pk)
