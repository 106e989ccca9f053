"""The demo network has two sent issues in the archive, and no e-mail left the demo."""

import html

import pytest
from django.core.management import call_command

from palabre.accounts.models import User
from palabre.core.models import OutgoingEmail
from palabre.newsletter.models import Delivery, Issue

pytestmark = pytest.mark.django_db


def test_the_demo_has_two_sent_issues_and_sends_nothing(client_for):
    call_command("demo", verbosity=0)
    counts = (Issue.objects.count(), Delivery.objects.count())
    call_command("demo", verbosity=0)
    assert (Issue.objects.count(), Delivery.objects.count()) == counts

    network, organisation = Issue.objects.order_by("sent_at")
    assert network.status == organisation.status == Issue.Status.SENT
    assert network.organisation is None and organisation.organisation.slug == "adecob"
    assert network.items.count() >= 3 and organisation.items.count() >= 2
    assert not OutgoingEmail.objects.filter(kind__startswith="newsletter").exists()
    assert (
        Delivery.objects.filter(issue=network).count()
        > Delivery.objects.filter(issue=organisation).count()
        > 0
    )

    member = User.objects.get(email="fotso@adecob.example")
    page = html.unescape(client_for(member).get("/newsletter/").content.decode())
    assert network.title in page and organisation.title in page
    outsider = (
        User.objects.filter(memberships__isnull=False)
        .exclude(memberships__organisation=organisation.organisation)
        .exclude(network_role__in=["facilitator", "admin"])
        .first()
    )
    page = html.unescape(client_for(outsider).get("/newsletter/").content.decode())
    assert network.title in page and organisation.title not in page
