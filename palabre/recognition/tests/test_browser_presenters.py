"""In a real browser, on a phone: a facilitator opens an upcoming workshop, sees the people
Palabre suggests with their reasons and invites the first one in one click; she is told,
opens her invitation and accepts; the facilitator sees the answer and the agenda slot has
its presenter. Screenshots: var/screenshots/presenters-*.png."""

import re
from datetime import time, timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import fits_the_phone, log_in
from palabre.recognition.models import PresenterInvitation
from palabre.recognition.tests import presenters_world
from palabre.workshops.models import Session, Workshop

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

SCREENSHOTS = Path(__file__).resolve().parents[3] / "var" / "screenshots"


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"presenters-{name}.png"), full_page=True)


def test_a_facilitator_invites_a_suggested_person_who_accepts(
    phone, make_practice, author, colleague, outsider, org_a, org_b, facilitator
):
    from palabre.accounts.models import User

    world = presenters_world.build(
        make_practice, author=author, colleague=colleague, outsider=outsider, org_a=org_a,
        org_b=org_b,
    )  # fmt: skip
    # The pages in English (the French catalogue of these new words is compiled by the lead).
    User.objects.update(language="en")
    today = timezone.localdate()
    workshop = Workshop.objects.create(
        title="Atelier eau de Bafut",
        objectives="Partager",
        start_date=today + timedelta(days=10),
        end_date=today + timedelta(days=10),
        venue="Salle paroissiale",
        status="published",
        visibility="network",
        created_by=facilitator,
    )
    workshop.organisers.set([org_a])
    start = workshop.at(workshop.start_date, time(10, 0))
    slot = Session.objects.create(
        workshop=workshop,
        kind=Session.Kind.PRESENTATION,
        title="Exposé sur l'eau",
        starts_at=start,
        ends_at=start + timedelta(minutes=30),
        theme=world["water"],
    )

    # The facilitator sees the suggestions, with their reasons, and invites the first.
    log_in(phone, facilitator.email)
    phone.goto(workshop.get_absolute_url() + "#presenters")
    panel = phone.locator("#presenters")
    expect(panel.get_by_role("heading", name="Suggested presenters")).to_be_visible()
    first = panel.locator("li.suggestion").first
    expect(first).to_contain_text("Awa Author")
    expect(first).to_contain_text("rated 4.5/5 in the last 18 months")
    shot(phone, "1-suggestions")
    fits_the_phone(phone)
    first.get_by_label("Slot").select_option(label="Exposé sur l'eau")
    first.get_by_role("button", name="Invite to present").click()
    expect(phone.locator(".messages")).to_contain_text("Awa Author is invited to present")
    expect(panel.locator("li.invitation")).to_contain_text("waiting for an answer")
    shot(phone, "2-invited")
    fits_the_phone(phone)
    invitation = PresenterInvitation.objects.get()
    assert (invitation.person, invitation.status, invitation.session) == (author, "pending", slot)

    # Awa is told (the bell), opens the invitation and accepts.
    phone.context.clear_cookies()
    log_in(phone, author.email)
    expect(phone.locator(".bell .count")).to_have_text("1")
    phone.goto("/invitations-to-present/")
    phone.get_by_role("link", name="Atelier eau de Bafut").click()
    expect(phone.get_by_role("heading", name=re.compile("Invitation to present"))).to_be_visible()
    expect(phone.get_by_text(re.compile("Why you:"))).to_be_visible()
    shot(phone, "3-invitation")
    fits_the_phone(phone)
    phone.get_by_label(re.compile("A word for the organisers")).fill("Avec plaisir !")
    phone.get_by_role("button", name="Accept").click()
    expect(phone.locator(".messages")).to_contain_text("You are now among the presenters")
    shot(phone, "4-accepted")
    fits_the_phone(phone)
    slot.refresh_from_db()
    assert slot.presenter == author

    # The facilitator sees the answer on the workshop page.
    phone.context.clear_cookies()
    log_in(phone, facilitator.email)
    phone.goto(workshop.get_absolute_url() + "#presenters")
    expect(phone.locator("#presenters li.invitation")).to_contain_text("answered on")
    expect(phone.locator("#presenters li.invitation")).to_contain_text("Avec plaisir !")
    shot(phone, "5-facilitator-sees")
    fits_the_phone(phone)


def test_a_facilitator_starts_a_launch_workshop_from_the_template(phone, facilitator, org_a):
    from conftest import ensure_thesaurus
    from palabre.accounts.models import User

    ensure_thesaurus()
    User.objects.update(language="en")
    log_in(phone, facilitator.email)
    phone.goto("/workshops/new/")
    phone.get_by_label("a launch workshop").check()
    phone.get_by_role("button", name="Use it").click()
    expect(phone.get_by_label("Title")).to_have_value("Launching the sharing of our practices")
    expect(phone.get_by_text("Themes of the workshop")).to_be_visible()
    shot(phone, "6-launch-template")
    fits_the_phone(phone)
