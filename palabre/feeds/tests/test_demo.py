"""The demo gives its listed people private addresses, once (a second run keeps them)."""

from __future__ import annotations

import pytest

from conftest import make_person
from palabre.feeds import demo
from palabre.feeds.models import FeedToken

pytestmark = pytest.mark.django_db


def test_demo_makes_addresses_once():
    person = make_person("animatrice@palabre.example", "Mireille", network_role="facilitator")
    context = {"people": {person.email: person}}
    demo.load(context)
    secret = FeedToken.objects.get(person=person).secret
    demo.load(context)
    assert FeedToken.objects.get(person=person).secret == secret
    assert context["feed_addresses"] == [person]
