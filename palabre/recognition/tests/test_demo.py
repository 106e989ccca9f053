"""The demo network gives every recognition page something real to show: thanks with their
messages across organisations, featured items with their reasons, two attestations."""

import html

import pytest
from django.core.management import call_command

from palabre.accounts.models import User
from palabre.core.models import OutgoingEmail
from palabre.notifications.models import Notification
from palabre.permissions import recognition as rules
from palabre.recognition import kinds
from palabre.recognition.demo import demo_file
from palabre.recognition.models import Attestation, ContributorSettings, Feature, Thanks


def text(response) -> str:
    return html.unescape(response.content.decode())


def _counts():
    return {
        "thanks": Thanks.objects.count(),
        "features": Feature.objects.count(),
        "attestations": Attestation.objects.count(),
        "settings": ContributorSettings.objects.count(),
        "notifications": Notification.objects.filter(kind__startswith="recognition.").count(),
        "emails": OutgoingEmail.objects.count(),
    }


@pytest.fixture
def demo(db):
    call_command("demo", verbosity=0)


def test_the_demo_loads_every_line_once_and_covers_every_kind(demo):
    first = _counts()
    call_command("demo", verbosity=0)
    assert _counts() == first

    # Every line of the data files reached the demo (a wrong key would be left out).
    assert first["thanks"] == len(demo_file("thanks"))
    assert first["features"] == len(demo_file("features"))
    assert first["attestations"] == len(demo_file("attestations"))
    assert set(Thanks.objects.values_list("kind", flat=True)) == set(Thanks.Kind.values)
    assert Thanks.objects.exclude(message="").count() >= 20
    givers = {
        slug
        for thanks in Thanks.objects.select_related("giver")
        for slug in thanks.giver.memberships.values_list("organisation__slug", flat=True)
    }
    assert len(givers) >= 8

    current = [f for f in Feature.objects.all() if f.is_current()]
    assert {f.kind for f in current} == set(Feature.Kind.values)
    assert 3 <= len(current) <= 4
    assert Feature.objects.count() - len(current) == 2

    for attestation in Attestation.objects.all():
        assert attestation.is_valid
        assert attestation.pdf.read(5) == b"%PDF-"
        assert attestation.statement["person"] == attestation.person.display_name

    # The people thanked and featured were told in the app; no e-mail went out for it.
    thanked = Notification.objects.filter(kind=kinds.THANKED)
    assert thanked.filter(recipient__email="awa.bello@fal.example").exists()
    assert Notification.objects.filter(
        kind=kinds.FEATURED, recipient__email="awa.bello@fal.example"
    ).exists()
    assert not OutgoingEmail.objects.filter(
        kind__in=[f"notification:{kinds.THANKED}", f"notification:{kinds.FEATURED}"]
    ).exists()


def test_a_visitor_sees_what_is_featured_and_why_and_checks_an_attestation(demo, client):
    home = text(client.get("/", HTTP_ACCEPT_LANGUAGE="en"))
    water = Feature.objects.get(practice__external_id="demo:comites-points-eau-adecob")
    assert water.practice.title in home and water.reason in home
    awa = Feature.objects.get(person__email="awa.bello@fal.example")
    assert awa.reason in home  # her contributor page is public
    atea = Feature.objects.get(organisation__slug="atea")
    assert atea.reason not in home  # organisations are featured for members
    past = Feature.objects.get(practice__external_id="demo:warrantage-ropa")
    assert past.reason not in home
    history = text(client.get("/featured/", HTTP_ACCEPT_LANGUAGE="en"))
    assert past.reason in history

    attestation = Attestation.objects.get(person__email="awa.bello@fal.example")
    response = client.get(attestation.verification_path(), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    page = text(response)
    assert "Awa Bello" in page
    assert "Des AVEC pour les fumeuses de poisson de Youpwe et Mouanko" in page


def test_the_demo_logins_find_thanks_on_their_contributor_pages(demo, client, client_for):
    for email in (
        "awa.bello@fal.example",
        "fotso@adecob.example",
        "animatrice@palabre.example",
        "etoundi@adecob.example",
    ):
        person = User.objects.get(email=email)
        received = Thanks.objects.filter(
            pk__in=[t.pk for t in Thanks.objects.exclude(message="") if _thanks_person(t, person)]
        )
        assert received.exists(), email
        page = text(client_for(person).get(f"/contributors/{person.pk}/"))
        assert received.first().message in page, email

    awa = User.objects.get(email="awa.bello@fal.example")
    assert awa.contributor_settings.page_visibility == "public"
    public = text(client.get(f"/contributors/{awa.pk}/"))
    assert "Awa Bello" in public


def _thanks_person(thanks, person) -> bool:
    item = rules.THANKED_MODELS[thanks.kind]._default_manager.get(pk=thanks.object_id)
    return person.pk in rules.thanked_people_ids(thanks.kind, item)
