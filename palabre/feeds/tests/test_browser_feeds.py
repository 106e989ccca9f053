"""In a real browser, on a phone: a member opens "Mes fils et agenda" from their profile,
makes their private addresses, then renews them (confirming first); the old agenda
address answers 404 and the new one is a calendar."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from conftest import fits_the_phone, log_in, make_person
from palabre.feeds.models import FeedToken
from palabre.organisations.models import Organisation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(settings.BASE_DIR).parent / "var" / "screenshots"


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"feeds-{name}.png"), full_page=True)


def test_a_member_makes_and_renews_their_addresses_on_a_phone(phone, live_server):
    organisation = Organisation.objects.create(name="Association de Bafut", slug="adb")
    person = make_person("awa@adb.example", "Awa Author", organisation=organisation)
    page = phone
    log_in(page, person.email)
    page.goto(person.get_absolute_url())
    page.get_by_role("link", name="Mes fils et agenda").click()
    expect(page.get_by_role("heading", name="Mes fils et agenda", level=1)).to_be_visible()
    page.get_by_role("button", name="Créer mes adresses").click()
    expect(page.get_by_text("Vos adresses privées sont prêtes.")).to_be_visible()
    agenda = page.get_by_label("Mon agenda (calendrier)")
    first = agenda.input_value()
    assert first.startswith("webcal://")
    fits_the_phone(page)
    shot(page, "addresses")

    page.get_by_text("Renouveler les adresses", exact=True).first.click()
    page.get_by_role("button", name="Renouveler les adresses").click()
    # The box is required: nothing happens until it is ticked.
    assert FeedToken.objects.get(person=person).secret in first
    page.get_by_label("Je comprends que les anciennes adresses ne marcheront plus.").check()
    shot(page, "renew")
    page.get_by_role("button", name="Renouveler les adresses").click()
    expect(
        page.get_by_text("Nouvelles adresses créées : les anciennes ne marchent plus.")
    ).to_be_visible()
    second = page.get_by_label("Mon agenda (calendrier)").input_value()
    assert second != first
    fits_the_phone(page)
    shot(page, "renewed")

    old = page.request.get(live_server.url + "/" + first.split("/", 3)[3])
    assert old.status == 404
    new = page.request.get(live_server.url + "/" + second.split("/", 3)[3])
    assert new.status == 200
    assert new.headers["content-type"].startswith("text/calendar")
