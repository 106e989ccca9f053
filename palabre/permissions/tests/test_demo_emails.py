"""Truth table of the rule for the demo's e-mails (/demo/emails/): outside the demo nobody
sees them; in it, facilitators and network admins see every one but those carrying a
private link, which only their addressee sees, and other members only their own."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from conftest import make_person
from palabre.core.models import OutgoingEmail
from palabre.permissions import core as rules

# person: (sees others' e-mails, sees others' private-link e-mails)
PEOPLE = {
    "anonymous": (False, False),
    "volunteer_of_a": (False, False),
    "member_of_a": (False, False),
    "admin_of_a": (False, False),
    "facilitator": (True, False),
    "network_admin": (True, False),
    "deactivated_network_admin": (False, False),
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


def emails_of(person_email):
    """For each kind: an e-mail to this person, and one to someone else."""
    made = {}
    for sensitive in (False, True):
        for to in (person_email, "someone.else@fal.example"):
            made[(to == person_email, sensitive)] = OutgoingEmail.objects.create(
                to=to.upper() if to == person_email else to,  # addresses ignore case
                subject="Sujet",
                body_text="Texte",
                kind="password_reset" if sensitive else "notification",
                sensitive=sensitive,
            )
    return made


@pytest.mark.parametrize("demo", [True, False])
@pytest.mark.parametrize("who", list(PEOPLE))
def test_who_sees_which_demo_email(settings, people, who, demo):
    settings.DEMO = demo
    user = people[who]
    sees_others, sees_others_private = PEOPLE[who]
    is_someone = who not in ("anonymous", "deactivated_network_admin")
    emails = emails_of(getattr(user, "email", "") or "nobody@palabre.example")
    visible = set(rules.demo_emails_visible_to(user))
    for (own, sensitive), email in emails.items():
        if not demo:
            expected = False
        elif own:
            expected = is_someone
        else:
            expected = sees_others_private if sensitive else sees_others
        assert rules.can_view_demo_email(user, email) is expected, (own, sensitive)
        assert (email in visible) is expected, (own, sensitive)
    assert rules.can_view_demo_emails(user) is (demo and is_someone)
