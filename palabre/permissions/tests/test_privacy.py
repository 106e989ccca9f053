"""Truth table of the personal data rule: an archive is its person's alone (network admins
included out); a person sees and withdraws their own erasure request; network
administrators see every request and decide those of others while they wait."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from conftest import make_person
from palabre.permissions import privacy as rules
from palabre.privacy.models import DataExport, ErasureRequest

PEOPLE = {
    # person: (opens the owner's archive, sees the owner's request, handles requests)
    "anonymous": (False, False, False),
    "owner": (True, True, False),
    "colleague_of_owner": (False, False, False),
    "admin_of_owner_org": (False, False, False),
    "member_of_other_org": (False, False, False),
    "facilitator": (False, False, False),
    "network_admin": (False, True, True),
    "deactivated_network_admin": (False, False, False),
}
STATUSES = list(ErasureRequest.Status.values)


@pytest.fixture
def people(org_a, org_b):
    gone = make_person("gone@palabre.example", "Gaston", network_role="admin")
    gone.is_active = False
    gone.save()
    return {
        "anonymous": AnonymousUser(),
        "owner": make_person("owner@adb.example", "Awa", organisation=org_a),
        "colleague_of_owner": make_person("c@adb.example", "Colin", organisation=org_a),
        "admin_of_owner_org": make_person(
            "a@adb.example", "Odile", organisation=org_a, role="org_admin"
        ),
        "member_of_other_org": make_person("m@ate.example", "Oscar", organisation=org_b),
        "facilitator": make_person("f@palabre.example", "Fanta", network_role="facilitator"),
        "network_admin": make_person("n@palabre.example", "Nadia", network_role="admin"),
        "deactivated_network_admin": gone,
    }


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("person", list(PEOPLE))
def test_privacy_rule_truth_table(people, person, status):
    user = people[person]
    opens_archive, sees_request, handles = PEOPLE[person]
    owner = people["owner"]
    export = DataExport.objects.create(person=owner, language="fr")
    request = ErasureRequest.objects.create(person=owner, status=status)

    # Archives: the per-object answer, the fetch and the queryset agree.
    assert rules.can_view(user, export) is opens_archive
    assert rules.data_exports_visible_to(user).filter(pk=export.pk).exists() is opens_archive
    if opens_archive:
        assert rules.data_export_for(user, export.pk) == export
    else:
        with pytest.raises(Http404):
            rules.data_export_for(user, export.pk)

    # Erasure requests.
    assert rules.can_handle_erasure_requests(user) is handles
    assert rules.can_view(user, request) is sees_request
    assert rules.erasure_requests_visible_to(user).filter(pk=request.pk).exists() is sees_request
    if sees_request:
        assert rules.erasure_request_for(user, request.pk) == request
    else:
        with pytest.raises(Http404):
            rules.erasure_request_for(user, request.pk)
    if handles:
        assert rules.handled_erasure_request_for(user, request.pk) == request
    else:
        with pytest.raises(Http404):
            rules.handled_erasure_request_for(user, request.pk)
    waiting = status == ErasureRequest.Status.PENDING
    assert rules.can_decide(user, request) is (handles and waiting)
    assert rules.can_withdraw(user, request) is (person == "owner" and waiting)


def test_an_administrator_sees_their_own_request_but_does_not_decide_it(people):
    admin = people["network_admin"]
    own = ErasureRequest.objects.create(person=admin)
    assert rules.erasure_request_for(admin, own.pk) == own
    assert rules.can_withdraw(admin, own)
    assert not rules.can_decide(admin, own)
    other_admin = make_person("n2@palabre.example", "Nora", network_role="admin")
    assert rules.can_decide(other_admin, own)


@pytest.mark.parametrize("key", ["0", "-1", "abc", str(2**63), ""])
def test_keys_that_cannot_be_a_row_answer_404(people, key):
    for fetch in (rules.data_export_for, rules.erasure_request_for):
        with pytest.raises(Http404):
            fetch(people["owner"], key)
    with pytest.raises(Http404):
        rules.handled_erasure_request_for(people["network_admin"], key)
