"""Who reads, composes and receives which newsletter issue: every status × audience (the
network, organisation A, organisation B) × kind of person.

For each cell the per-object answers (``can_view_issue``, the generic ``can_view``,
``issue_for``, ``can_edit``, ``issue_editable_for``, ``can_send``) agree with the querysets
(``issues_visible_to``, ``issues_openable_by``, ``issue_audience``) and with the rule of
palabre/permissions/newsletter.py, restated here as ``expected_*``.
"""

from __future__ import annotations

from itertools import product
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.utils import timezone

from conftest import make_person
from palabre import permissions
from palabre.newsletter.models import Delivery, Issue
from palabre.organisations.models import Organisation
from palabre.permissions import newsletter as rules

STATUSES = list(Issue.Status)
AUDIENCES = ("network", "A", "B")
PEOPLE = {
    "anonymous": None,
    "volunteer_of_A": "A",
    "member_of_A": "A",
    "org_admin_of_A": "A",
    "member_of_B": "B",
    "member_without_organisation": None,
    "facilitator": None,
    "network_admin": None,
}


def expected_reader(status: str, audience: str, person: str) -> bool:
    """Reads it: sent, and a member of the network (network issue) or of its organisation;
    facilitators read every sent one; a draft only by those who compose it."""
    if status == Issue.Status.DRAFT:
        return expected_composer(audience, person)
    if person == "anonymous":
        return False
    if person in ("facilitator", "network_admin"):
        return True
    return audience == "network" or PEOPLE[person] == audience


def expected_composer(audience: str, person: str) -> bool:
    if audience == "network":
        return person in ("facilitator", "network_admin")
    return person == "org_admin_of_A" and audience == "A"


def expected_recipient(audience: str, person: str) -> bool:
    if person == "anonymous":
        return False
    return audience == "network" or PEOPLE[person] == audience


def _person(kind: str, orgs: dict[str, Any]):
    if kind == "anonymous":
        return AnonymousUser()
    if kind == "facilitator":
        return make_person("f@palabre.example", "Fanta", network_role="facilitator")
    if kind == "network_admin":
        return make_person("n@palabre.example", "Nadia", network_role="admin")
    role = {"volunteer_of_A": "volunteer", "org_admin_of_A": "org_admin"}.get(kind, "member")
    home = PEOPLE[kind]
    return make_person(
        f"{kind}@example.org", kind, organisation=orgs[home] if home else None, role=role
    )


@pytest.fixture
def cast(db):
    orgs = {
        "A": Organisation.objects.create(name="Org A", acronym="A", slug="a", kind="ngo"),
        "B": Organisation.objects.create(name="Org B", acronym="B", slug="b", kind="ngo"),
    }
    people = {kind: _person(kind, orgs) for kind in PEOPLE}
    today = timezone.localdate()
    issues = {}
    for status, audience in product(STATUSES, AUDIENCES):
        issues[(status, audience)] = Issue.objects.create(
            title=f"{status} {audience}",
            organisation=None if audience == "network" else orgs[audience],
            status=status,
            period_start=today,
            period_end=today,
            sent_at=None if status == Issue.Status.DRAFT else timezone.now(),
        )
    return people, issues


@pytest.mark.django_db
def test_every_person_against_every_issue(cast):
    people, issues = cast
    checked = 0
    for kind, person in people.items():
        visible = set(rules.issues_visible_to(person).values_list("pk", flat=True))
        openable = set(rules.issues_openable_by(person).values_list("pk", flat=True))
        for (status, audience), issue in issues.items():
            reads = expected_reader(status, audience, kind)
            cell = f"{kind} × {status} {audience}"
            assert rules.can_view_issue(person, issue) is reads, cell
            assert permissions.can_view(person, issue) is reads, cell
            assert (issue.pk in openable) is reads, cell
            assert (issue.pk in visible) is (reads and status != Issue.Status.DRAFT), cell
            if reads:
                assert rules.issue_for(person, issue.pk) == issue
            else:
                with pytest.raises(Http404):
                    rules.issue_for(person, issue.pk)
            composes = expected_composer(audience, kind)
            assert rules.can_send(person, issue) is composes, cell
            assert rules.can_manage(person, issue) is composes, cell
            edits = composes and status == Issue.Status.DRAFT
            assert rules.can_edit(person, issue) is edits, cell
            if edits:
                assert rules.issue_editable_for(person, issue.pk) == issue
            else:
                with pytest.raises(Http404):
                    rules.issue_editable_for(person, issue.pk)
            checked += 1
    assert checked == len(PEOPLE) * len(STATUSES) * len(AUDIENCES)


@pytest.mark.django_db
def test_each_issue_goes_to_exactly_those_who_may_read_it_once_sent(cast):
    people, issues = cast
    for audience in AUDIENCES:
        issue = issues[(Issue.Status.SENT, audience)]
        audience_ids = set(rules.issue_audience(issue).values_list("pk", flat=True))
        for kind, person in people.items():
            receives = person.pk in audience_ids if person.pk else False
            assert receives is expected_recipient(audience, kind), f"{kind} × {audience}"
            if receives:
                assert rules.can_view_issue(person, issue)


@pytest.mark.django_db
def test_who_may_compose(cast):
    people, _issues = cast
    composers = {kind for kind, person in people.items() if rules.can_compose(person)}
    assert composers == {"facilitator", "network_admin", "org_admin_of_A"}
    assert list(rules.organisations_to_compose_for(people["org_admin_of_A"])) == [
        Organisation.objects.get(slug="a")
    ]
    assert not rules.organisations_to_compose_for(people["facilitator"]).exists()


@pytest.mark.django_db
def test_a_delivery_is_its_persons_only(cast):
    people, issues = cast
    issue = issues[(Issue.Status.SENT, "network")]
    mine = Delivery.objects.create(issue=issue, person=people["member_of_A"], status="queued")
    for kind, person in people.items():
        sees = kind == "member_of_A"
        assert permissions.can_view(person, mine) is sees, kind
        assert rules.deliveries_visible_to(person).filter(pk=mine.pk).exists() is sees, kind


@pytest.mark.django_db
def test_a_key_that_cannot_be_an_issue_answers_404(cast):
    people, _issues = cast
    for key in ("x", 0, -1, 2**63, None):
        with pytest.raises(Http404):
            rules.issue_for(people["facilitator"], key)
