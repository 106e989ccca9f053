"""Truth table of the practice rule: for every kind of person, status and visibility, the
per-object answer, the access function and the querysets say the same thing, and that
thing is the rule written in palabre/permissions/practices.py."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from conftest import make_person
from palabre.organisations.models import Organisation
from palabre.permissions import practices as rules
from palabre.practices.models import Practice

STATUSES = [choice for choice, _ in Practice.Status.choices]
VISIBILITIES = ["organisation", "network", "public"]

# Who is looking, as seen from the practice: written by "author" for org A, with org C
# as a partner; org B has nothing to do with it.
PEOPLE = [
    "anonymous",
    "author",
    "volunteer_of_lead",
    "member_of_lead",
    "admin_of_lead",
    "member_of_partner",
    "admin_of_partner",
    "member_elsewhere",
    "admin_elsewhere",
    "member_without_organisation",
    "facilitator",
    "network_admin",
]


def expected(person: str, status: str, visibility: str) -> bool:
    """The rule, written plainly, independent of the code under test."""
    if person in ("facilitator", "network_admin"):
        return True
    if status == "published":
        if visibility == "public":
            return True
        if person == "anonymous":
            return False
        if visibility == "network":
            return True
        return person in (
            "author",
            "volunteer_of_lead",
            "member_of_lead",
            "admin_of_lead",
            "member_of_partner",
            "admin_of_partner",
        )
    # Work in progress and archived practices: their editors only.
    return person in ("author", "admin_of_lead")


@pytest.fixture
def cast(org_a, org_b):
    org_c = Organisation.objects.create(
        name="Coopérative des Femmes de Dschang", slug="cfd", kind="ngo", country="CM"
    )
    people = {
        "anonymous": AnonymousUser(),
        "author": make_person("author@adb.example", "Awa", organisation=org_a),
        "volunteer_of_lead": make_person(
            "vol@adb.example", "Vera", organisation=org_a, role="volunteer"
        ),
        "member_of_lead": make_person("member@adb.example", "Colin", organisation=org_a),
        "admin_of_lead": make_person(
            "admin@adb.example", "Odile", organisation=org_a, role="org_admin"
        ),
        "member_of_partner": make_person("member@cfd.example", "Paul", organisation=org_c),
        "admin_of_partner": make_person(
            "admin@cfd.example", "Pia", organisation=org_c, role="org_admin"
        ),
        "member_elsewhere": make_person("member@ate.example", "Oscar", organisation=org_b),
        "admin_elsewhere": make_person(
            "admin@ate.example", "Olga", organisation=org_b, role="org_admin"
        ),
        "member_without_organisation": make_person("alone@example.org", "Solo"),
        "facilitator": make_person(
            "facilitator@palabre.example", "Fanta", network_role="facilitator"
        ),
        "network_admin": make_person("netadmin@palabre.example", "Nadia", network_role="admin"),
    }
    return people, org_c


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("person", PEOPLE)
def test_practice_rule_truth_table(cast, make_practice, person, status):
    people, partner = cast
    user = people[person]
    for visibility in VISIBILITIES:
        practice = make_practice(people["author"], status=status, visibility=visibility)
        practice.partners.set([partner])
        fresh = Practice.objects.get(pk=practice.pk)
        cell = f"{person} / {status} / {visibility}"
        want = expected(person, status, visibility)

        assert rules.can_view(user, fresh) is want, cell
        assert rules.practices_openable_by(user).filter(pk=fresh.pk).exists() is want, cell
        if want:
            assert rules.practice_for(user, fresh.pk).pk == fresh.pk, cell
        else:
            with pytest.raises(Http404):
                rules.practice_for(user, fresh.pk)
        # Lists, search, feeds and exports show published practices only.
        listed = rules.practices_visible_to(user).filter(pk=fresh.pk).exists()
        assert listed is (want and status == "published"), cell
        # A bulk check (notifications) answers the same as one by one.
        assert (fresh.pk in rules.visible_pks(user, Practice, [fresh.pk])) is want, cell


def test_editing_follows_the_same_editors(cast, make_practice):
    people, _ = cast
    draft = make_practice(people["author"], status="draft")
    editors = {name for name, user in people.items() if rules.can_edit(user, draft)}
    assert editors == {"author", "admin_of_lead", "facilitator", "network_admin"}
    for name, user in people.items():
        if name in editors:
            assert rules.practice_editable_for(user, draft.pk).pk == draft.pk
        else:
            with pytest.raises(Http404):
                rules.practice_editable_for(user, draft.pk)


@pytest.mark.parametrize("key", ["abc", "", None, -1, 0, 2**63, "9" * 40])
def test_a_key_that_cannot_exist_answers_404(facilitator, key):
    with pytest.raises(Http404):
        rules.practice_for(facilitator, key)


def test_attachments_and_revisions_belong_to_their_practice(cast, make_practice):
    people, _ = cast
    first = make_practice(people["author"], visibility="public")
    second = make_practice(people["author"], visibility="public")
    revision = second.revisions.create(number=1, data={}, published_at=second.published_at)
    with pytest.raises(Http404):
        rules.revision_for(people["anonymous"], first, revision.number)
    assert rules.revision_for(people["anonymous"], second, 1).pk == revision.pk
    with pytest.raises(Http404):
        rules.attachment_for(people["anonymous"], first, 1)
