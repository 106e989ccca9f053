"""Truth table of the audit log rule: the network's whole log is for network admins only,
and a row links to its object only when the person may open that object, exactly as the
object's own access function answers."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from conftest import make_person
from palabre.audit.models import AuditEvent
from palabre.permissions import audit as rules
from palabre.permissions import organisations as organisation_rules
from palabre.permissions import practices as practice_rules
from palabre.permissions import workshops as workshop_rules


def audit_record(*, action, actor, target, organisation=None):
    """An event about ``target``, as palabre.audit.services records it (this package
    reads models only)."""
    return AuditEvent.objects.create(
        action=action,
        actor=actor,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_repr=str(target),
        organisation=organisation,
    )


# person: sees the network's audit log
PEOPLE = {
    "anonymous": False,
    "volunteer_of_a": False,
    "member_of_a": False,
    "admin_of_a": False,
    "member_of_b": False,
    "member_without_organisation": False,
    "facilitator": False,
    "network_admin": True,
    "deactivated_network_admin": False,
}


@pytest.fixture
def people(org_a, org_b):
    gone = make_person("gone@palabre.example", "Gaston", network_role="admin")
    gone.is_active = False
    gone.save()
    return {
        "anonymous": AnonymousUser(),
        "volunteer_of_a": make_person(
            "v@adb.example", "Vera", organisation=org_a, role="volunteer"
        ),
        "member_of_a": make_person("m@adb.example", "Colin", organisation=org_a),
        "admin_of_a": make_person("a@adb.example", "Odile", organisation=org_a, role="org_admin"),
        "member_of_b": make_person("m@ate.example", "Oscar", organisation=org_b),
        "member_without_organisation": make_person("solo@example.org", "Solo"),
        "facilitator": make_person("f@palabre.example", "Fanta", network_role="facilitator"),
        "network_admin": make_person("n@palabre.example", "Nadia", network_role="admin"),
        "deactivated_network_admin": gone,
    }


@pytest.mark.parametrize("person", list(PEOPLE))
def test_audit_log_rule_truth_table(people, org_a, person):
    user = people[person]
    audit_record(action="organisation.updated", actor=None, target=org_a, organisation=org_a)
    sees = PEOPLE[person]

    assert rules.can_see_audit_log(user) is sees
    assert rules.audit_events_visible_to(user).count() == (1 if sees else 0)
    if sees:
        assert list(rules.audit_events_for(user)) == list(AuditEvent.objects.all())
    else:
        with pytest.raises(Http404):
            rules.audit_events_for(user)


@pytest.fixture
def objects(people, org_a, org_b, make_practice):
    from palabre.workshops.models import Workshop

    author = people["member_of_a"]
    gone = make_person("left@adb.example", "Lea Left", organisation=org_a)
    gone.is_active = False
    gone.save()

    def workshop(status, visibility):
        from datetime import date

        made = Workshop.objects.create(
            title=f"Atelier {status} {visibility}",
            start_date=date(2030, 1, 1),
            end_date=date(2030, 1, 2),
            status=status,
            visibility=visibility,
            created_by=people["facilitator"],
        )
        made.organisers.set([org_a])
        return made

    return {
        "practice draft": make_practice(author, status="draft"),
        "practice network": make_practice(author, visibility="network"),
        "practice organisation": make_practice(author, visibility="organisation"),
        "practice public": make_practice(author, visibility="public"),
        "workshop draft": workshop("draft", "network"),
        "workshop network": workshop("published", "network"),
        "workshop organisation": workshop("published", "organisation"),
        "organisation": org_b,
        "active person": people["member_of_b"],
        "deactivated person": gone,
    }


def _opens(user, name, obj):
    """What the object's own access function answers."""
    fetch = {
        "practice": lambda: practice_rules.practice_for(user, obj.pk),
        "workshop": lambda: workshop_rules.workshop_for(user, obj.pk),
        "organisation": lambda: organisation_rules.organisation_for(user, obj.slug),
        "active": lambda: organisation_rules.person_for(user, obj.pk),
        "deactivated": lambda: organisation_rules.person_for(user, obj.pk),
    }[name.split()[0]]
    try:
        return fetch() == obj
    except Http404:
        return False


@pytest.mark.parametrize("person", list(PEOPLE))
def test_rows_link_to_what_the_object_access_function_opens(people, objects, person):
    user = people[person]
    events = [
        audit_record(action="thing.changed", actor=None, target=obj) for obj in objects.values()
    ]
    openable = rules.audit_targets_openable(user, events)

    for (name, obj), event in zip(objects.items(), events, strict=True):
        linked = (event.target_type, event.target_id) in openable
        assert linked is _opens(user, name, obj), (person, name)
        if linked:
            assert openable[(event.target_type, event.target_id)] == obj


def test_a_gone_or_unknown_object_is_never_linked(people, org_a):
    admin = people["network_admin"]
    event = audit_record(action="organisation.updated", actor=None, target=org_a)
    deleted = AuditEvent.objects.create(
        action="practice.deleted",
        target_type="practices.practice",
        target_id="999999",
        target_repr="Gone",
    )
    unknown = AuditEvent.objects.create(
        action="old.thing", target_type="old.thing", target_id="1", target_repr="Old"
    )
    huge = AuditEvent.objects.create(
        action="practice.x",
        target_type="practices.practice",
        target_id=str(2**64),
        target_repr="Huge",
    )

    openable = rules.audit_targets_openable(admin, [event, deleted, unknown, huge])

    assert list(openable) == [("organisations.organisation", str(org_a.pk))]


def test_links_cost_one_query_per_kind_whatever_the_number_of_events(
    people, org_a, org_b, django_assert_num_queries
):
    admin = people["network_admin"]
    events = [
        audit_record(action="organisation.updated", actor=None, target=org)
        for org in (org_a, org_b) * 10
    ] + [
        audit_record(action="person.updated", actor=None, target=people[name])
        for name in ("member_of_a", "member_of_b", "facilitator")
    ]
    with django_assert_num_queries(2):
        openable = rules.audit_targets_openable(admin, events)
    assert len(openable) == 5


@pytest.mark.parametrize("kind", sorted(rules.OPENABLE))
@pytest.mark.parametrize("person", ["anonymous", "member_of_a", "network_admin"])
def test_every_linked_kind_has_a_working_rule_for_its_own_model(people, kind, person):
    openable = rules.OPENABLE[kind](people[person])
    assert openable.model._meta.label_lower == kind
    list(openable.filter(pk__in=[1, 2]))  # the database accepts the rule's query
