"""Truth table of palabre.permissions.announcements: for each kind of audience and each
kind of person, the rule on one announcement in memory (the banner's), the queryset
(pages, API, newsletter) and the people an e-mail goes to agree."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.utils import timezone

from conftest import ensure_thesaurus, make_person
from palabre.announcements.models import Announcement, Audience, Campaign
from palabre.discussions.models import Subscription
from palabre.permissions import announcements as rules
from palabre.themes.models import Theme

NOW = timezone.now()


def _make(audience, *, organisations=(), themes=(), roles=(), organisation=None, author=None):
    a = Announcement.objects.create(
        title=f"{audience} {len(organisations)} {'-'.join(roles)}",
        starts_at=NOW - timedelta(days=1),
        ends_at=NOW + timedelta(days=1),
        audience=audience,
        organisation=organisation,
        author=author,
        **{f"for_{r}": True for r in roles},
    )
    a.organisations.set(organisations)
    a.themes.set(themes)
    return a


@pytest.fixture
def cast(
    org_a, org_b, author, volunteer, org_admin, outsider, outsider_admin, facilitator, network_admin
):
    ensure_thesaurus()
    water, other = Theme.objects.order_by("pk")[:2]
    follower = make_person("follower@ate.example", "Fatou Follower", organisation=org_b)
    Subscription.objects.create(user=follower, kind="theme", theme=water)
    skilled = make_person("skilled@adb.example", "Sami Skilled", organisation=org_a)
    skilled.skills_offered = f"cuisine, {water.name_fr.upper()}"
    skilled.save()
    loner = make_person("loner@palabre.example", "Lola Loner")
    people = {
        "anonymous": AnonymousUser(),
        "author (member A)": author,
        "volunteer A": volunteer,
        "org admin A": org_admin,
        "outsider (member B)": outsider,
        "org admin B": outsider_admin,
        "facilitator": facilitator,
        "network admin": network_admin,
        "follower of the theme (B)": follower,
        "skilled in the theme (A)": skilled,
        "no organisation": loner,
    }
    announcements = {
        "everyone": _make(Audience.EVERYONE, author=facilitator),
        "org A": _make(
            Audience.ORGANISATIONS, organisations=[org_a], organisation=org_a, author=org_admin
        ),
        "org B": _make(Audience.ORGANISATIONS, organisations=[org_b], organisation=org_b),
        "facilitators": _make(Audience.ROLES, roles=["facilitator"]),
        "admins and volunteers": _make(Audience.ROLES, roles=["admin", "volunteer"]),
        "org admins of A": _make(
            Audience.ROLES, roles=["org_admin"], organisations=[org_a], organisation=org_a
        ),
        "members anywhere": _make(Audience.ROLES, roles=["member"]),
        "theme": _make(Audience.THEMES, themes=[water]),
        "theme in A": _make(Audience.THEMES, themes=[water], organisations=[org_a]),
        "other theme": _make(Audience.THEMES, themes=[other]),
    }
    return people, announcements


EXPECTED = {
    "everyone": {
        "author (member A)",
        "volunteer A",
        "org admin A",
        "outsider (member B)",
        "org admin B",
        "facilitator",
        "network admin",
        "follower of the theme (B)",
        "skilled in the theme (A)",
        "no organisation",
    },
    "org A": {"author (member A)", "volunteer A", "org admin A", "skilled in the theme (A)"},
    "org B": {"outsider (member B)", "org admin B", "follower of the theme (B)"},
    "facilitators": {"facilitator"},
    "admins and volunteers": {"network admin", "volunteer A"},
    "org admins of A": {"org admin A"},
    "members anywhere": {
        "author (member A)",
        "outsider (member B)",
        "follower of the theme (B)",
        "skilled in the theme (A)",
    },
    "theme": {"follower of the theme (B)", "skilled in the theme (A)"},
    "theme in A": {"skilled in the theme (A)"},
    "other theme": set(),
}


def test_the_rule_the_queryset_and_the_email_audience_agree(cast):
    people, announcements = cast
    for label, announcement in announcements.items():
        emailed = set(rules.audience_of(announcement).values_list("pk", flat=True))
        for name, person in people.items():
            visible = rules.announcements_visible_to(person).filter(pk=announcement.pk).exists()
            in_memory = rules.in_audience(
                rules.reader_of(person),
                audience=announcement.audience,
                organisation_ids=[o.pk for o in announcement.organisations.all()],
                theme_ids=[t.pk for t in announcement.themes.all()],
                roles=announcement.roles,
            )
            expected = name in EXPECTED[label]
            assert (visible, in_memory) == (expected, expected), (label, name)
            assert (person.pk in emailed) == expected, (label, name)


def test_anonymous_visitors_receive_none_and_open_none(cast):
    _people, announcements = cast
    assert not rules.announcements_visible_to(AnonymousUser()).exists()
    with pytest.raises(Http404):
        rules.announcement_for(AnonymousUser(), announcements["everyone"].pk)


def test_a_member_of_b_cannot_fetch_an_announcement_for_a(cast):
    people, announcements = cast
    with pytest.raises(Http404):
        rules.announcement_for(people["outsider (member B)"], announcements["org A"].pk)
    assert rules.announcement_for(people["author (member A)"], announcements["org A"].pk)


def test_who_may_address_whom(cast, org_a, org_b):
    people, _announcements = cast
    table = {
        # person: (everyone, org A, org B, org A by network role, org A by org role)
        "facilitator": (True, True, True, True, True),
        "org admin A": (False, True, False, False, True),
        "org admin B": (False, False, True, False, False),
        "author (member A)": (False, False, False, False, False),
        "anonymous": (False, False, False, False, False),
    }
    for name, expected in table.items():
        p = people[name]
        got = (
            rules.can_address(p, audience="everyone", organisation_ids=[], roles=[]),
            rules.can_address(p, audience="organisations", organisation_ids=[org_a.pk], roles=[]),
            rules.can_address(p, audience="organisations", organisation_ids=[org_b.pk], roles=[]),
            rules.can_address(
                p, audience="roles", organisation_ids=[org_a.pk], roles=["facilitator"]
            ),
            rules.can_address(p, audience="roles", organisation_ids=[org_a.pk], roles=["member"]),
        )
        assert got == expected, name


def test_who_manages_what_and_the_querysets_agree(cast):
    people, announcements = cast
    campaign_a = Campaign.objects.create(
        title="A", organisation=announcements["org A"].organisation
    )
    for name, person in people.items():
        managed = set(rules.announcements_managed_by(person).values_list("pk", flat=True))
        campaigns = set(rules.campaigns_managed_by(person).values_list("pk", flat=True))
        for announcement in announcements.values():
            assert (announcement.pk in managed) == rules.can_manage(person, announcement), name
            if not rules.can_manage(person, announcement):
                with pytest.raises(Http404):
                    rules.announcement_managed_for(person, announcement.pk)
        assert (campaign_a.pk in campaigns) == rules.can_manage_campaign(person, campaign_a)
    assert rules.can_manage(people["org admin A"], announcements["org A"])
    assert not rules.can_manage(people["org admin B"], announcements["org A"])
    assert not rules.can_manage(people["author (member A)"], announcements["org A"])
    assert rules.can_manage(people["facilitator"], announcements["org B"])
    assert rules.can_publish(people["org admin A"]) and rules.can_publish(people["facilitator"])
    assert not rules.can_publish(people["author (member A)"])
    assert not rules.can_publish(people["anonymous"])
