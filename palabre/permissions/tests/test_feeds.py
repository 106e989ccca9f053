"""Who reads which feed: the truth tables of palabre/permissions/feeds.py.

- Public feeds: for every status × visibility of practices and workshops, the public
  querysets hold exactly what an anonymous visitor may see, whoever asks.
- Private addresses: for every state of the owner's account and of the address, the
  address answers (``feed_owner_for``) exactly when the rule below says so, and whoever
  holds it (anonymous or logged in as anyone) gets the same answer.
- My agenda: for every registration status × workshop status × visibility, a workshop is
  in it exactly when the person is confirmed and may see it.
"""

from __future__ import annotations

from datetime import timedelta
from itertools import product

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.utils import timezone

from conftest import make_person
from palabre.feeds.models import FeedToken, new_nonce
from palabre.lib.visibility import Visibility
from palabre.permissions import feeds as rules
from palabre.permissions import practices as practice_rules
from palabre.permissions import workshops as workshop_rules
from palabre.practices.models import Practice
from palabre.workshops.models import Registration, Workshop

pytestmark = pytest.mark.django_db


def feed_token_renew(*, person) -> FeedToken:
    """What palabre.feeds' service does (a layer above this package): a new nonce, the
    digest of the secret it makes."""
    token = FeedToken.objects.filter(person=person).first() or FeedToken(person=person)
    token.nonce = new_nonce()
    token.refresh_digest()
    token.save()
    return token


def make_workshop(facilitator, organisation, *, title, visibility, status="published"):
    today = timezone.localdate()
    workshop = Workshop.objects.create(
        title=title,
        objectives="Partager",
        start_date=today + timedelta(days=10),
        end_date=today + timedelta(days=10),
        status=status,
        visibility=visibility,
        created_by=facilitator,
    )
    workshop.organisers.set([organisation])
    return workshop


def register(workshop, person, organisation, status):
    Registration.objects.create(
        workshop=workshop, person=person, organisation=organisation, status=status
    )


def test_public_practices_are_what_an_anonymous_visitor_may_read(author, make_practice):
    made = {
        (status, visibility): make_practice(
            author, status=status, visibility=visibility, title=f"{status}/{visibility}"
        )
        for status, visibility in product(Practice.Status.values, Visibility.values)
    }
    public = set(rules.public_practices().values_list("pk", flat=True))
    for (status, visibility), practice in made.items():
        expected = status == Practice.Status.PUBLISHED and visibility == Visibility.PUBLIC
        assert (practice.pk in public) is expected, (status, visibility)
        assert practice_rules.can_view(AnonymousUser(), practice) is expected


def test_public_workshops_are_what_an_anonymous_visitor_may_see(org_a, facilitator):
    made = {
        (status, visibility): make_workshop(
            facilitator, org_a, title=f"{status}/{visibility}", visibility=visibility, status=status
        )
        for status, visibility in product(Workshop.Status.values, Visibility.values)
    }
    public = set(rules.public_workshops().values_list("pk", flat=True))
    for (status, visibility), workshop in made.items():
        expected = status != Workshop.Status.DRAFT and visibility == Visibility.PUBLIC
        assert (workshop.pk in public) is expected, (status, visibility)
        assert workshop_rules.can_view_workshop(AnonymousUser(), workshop) is expected
        if expected:
            assert rules.public_workshop_for(workshop.pk) == workshop
        else:
            with pytest.raises(Http404):
                rules.public_workshop_for(workshop.pk)


# Private addresses ------------------------------------------------------------------

ACCOUNTS = ("active", "deactivated", "erased")
ADDRESSES = ("current", "renewed", "unknown", "malformed")


def expected_owner(account: str, address: str) -> bool:
    return account == "active" and address == "current"


@pytest.mark.parametrize(("account", "address"), list(product(ACCOUNTS, ADDRESSES)))
def test_a_private_address_answers_for_an_active_owner_and_its_current_secret(
    org_a, outsider, account, address
):
    owner = make_person("owner@adb.example", "Olivia Owner", organisation=org_a)
    first = feed_token_renew(person=owner).secret
    secret = {
        "current": first,
        "renewed": first,
        "unknown": "0" * 40,
        "malformed": "../" + first,
    }[address]
    if address == "renewed":
        feed_token_renew(person=owner)
    if account == "deactivated":
        owner.is_active = False
        owner.save()
    elif account == "erased":
        owner.email = f"erased-{owner.pk}@erased.invalid"
        owner.save()
    for holder in (AnonymousUser(), outsider, owner):
        assert rules.can_read_private_feed(holder, secret) is expected_owner(account, address)
    if expected_owner(account, address):
        assert rules.feed_owner_for(secret) == owner
    else:
        with pytest.raises(Http404):
            rules.feed_owner_for(secret)


def test_only_members_have_private_addresses(author, org_a):
    assert rules.can_have_feeds(author)
    assert not rules.can_have_feeds(AnonymousUser())
    assert rules.feed_token_of(AnonymousUser()) is None
    assert rules.feed_token_of(author) is None
    token = feed_token_renew(person=author)
    assert rules.feed_token_of(author) == token
    author.is_active = False
    assert not rules.can_have_feeds(author)
    assert rules.feed_token_of(author) is None


def test_the_secret_is_stored_hashed(author):
    token = feed_token_renew(person=author)
    stored = FeedToken.objects.filter(pk=token.pk).values()[0]
    assert token.secret not in {str(value) for value in stored.values()}


def test_a_token_made_under_another_site_key_answers_404(author, settings):
    secret = feed_token_renew(person=author).secret
    settings.SECRET_KEY = "another-key-for-this-test-only-0123456789abcdefghijklmnopqrstuv"
    with pytest.raises(Http404):
        rules.feed_owner_for(secret)
    assert rules.feed_token_of(author) is None


# My agenda ----------------------------------------------------------------------------


def test_my_agenda_is_what_i_registered_for_and_may_see(org_a, org_b, outsider, facilitator):
    for status, visibility, registration, organiser in product(
        Workshop.Status.values,
        Visibility.values,
        [*Registration.Status.values, None],
        ("A", "B"),
    ):
        workshop = make_workshop(
            facilitator,
            org_a if organiser == "A" else org_b,
            title=f"{status}/{visibility}/{registration}/{organiser}",
            visibility=visibility,
            status=status,
        )
        if registration is not None:
            register(workshop, outsider, org_b, status=registration)
    agenda = {w.title for w in rules.agenda_workshops_of(outsider)}
    visible = set(workshop_rules.workshops_visible_to(outsider).values_list("title", flat=True))
    for workshop in Workshop.objects.all():
        status, visibility, registration, organiser = workshop.title.split("/")
        sees = status != "draft" and (visibility != "organisation" or organiser == "B")
        expected = registration == Registration.Status.CONFIRMED and sees
        assert (workshop.title in agenda) is expected, workshop.title
        assert sees is (workshop.title in visible)
    assert not rules.agenda_workshops_of(AnonymousUser()).exists()
