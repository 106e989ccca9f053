"""Truth table of the rule for the platform's own machinery: e-mails that could not be
delivered are seen, and sent again, by network admins only; for everyone else they do
not exist. Only those given up or uncertain wait for a decision."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from conftest import make_person
from palabre.core.models import OutgoingEmail
from palabre.permissions import core as rules

Status = OutgoingEmail.Status

# person: manages e-mail delivery
PEOPLE = {
    "anonymous": False,
    "volunteer_of_a": False,
    "member_of_a": False,
    "admin_of_a": False,
    "facilitator": False,
    "network_admin": True,
    "deactivated_network_admin": False,
}
# status: waits for a person's decision
STATUSES = {
    Status.QUEUED: False,
    Status.SENDING: False,
    Status.SENT: False,
    Status.FAILED: True,
    Status.UNCERTAIN: True,
}


@pytest.fixture
def people(org_a):
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
        "facilitator": make_person("f@palabre.example", "Fanta", network_role="facilitator"),
        "network_admin": make_person("n@palabre.example", "Nadia", network_role="admin"),
        "deactivated_network_admin": gone,
    }


@pytest.mark.parametrize("person", list(PEOPLE))
@pytest.mark.parametrize("status", list(STATUSES))
def test_undelivered_email_rule_truth_table(people, person, status):
    user = people[person]
    email = OutgoingEmail.objects.create(
        to="awa@adb.example", subject="s", body_text="b", kind="test", status=status
    )
    manages = PEOPLE[person]
    waits = STATUSES[status]

    assert rules.can_manage_email_delivery(user) is manages
    assert rules.can_view(user, email) is manages
    assert rules.can_retry_email(user, email) is (manages and waits)
    assert list(rules.outgoing_emails_visible_to(user)) == ([email] if manages else [])
    assert list(rules.undelivered_emails_visible_to(user)) == ([email] if manages and waits else [])
    if manages and waits:
        assert rules.undelivered_email_for(user, email.pk) == email
    else:
        with pytest.raises(Http404):
            rules.undelivered_email_for(user, email.pk)
    if manages:
        assert rules.outgoing_email_for(user, email.pk) == email
    else:
        with pytest.raises(Http404):
            rules.outgoing_email_for(user, email.pk)
    with pytest.raises(Http404):
        rules.outgoing_email_for(user, 2**64)
