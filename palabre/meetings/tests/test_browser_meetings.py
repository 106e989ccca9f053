"""In a real browser, on a phone: a facilitator sets up a monthly meeting with the short
form, a member proposes a presentation for its first date, the facilitator accepts it and
it shows on the date's agenda. Screenshots land in var/screenshots/meetings-*.png."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import fits_the_phone, log_out
from conftest import log_in as shared_log_in
from palabre.meetings import services
from palabre.meetings.models import Meeting, Proposal
from palabre.meetings.tests.conftest import past_date

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[3] / "var" / "screenshots"


def log_in(page, email):
    shared_log_in(page, email)
    page.wait_for_url(re.compile(r"/$"))


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"meetings-{name}.png"), full_page=True)


def test_set_up_a_monthly_meeting_propose_and_accept(phone, facilitator, author, org_a):
    facilitator.memberships.create(organisation=org_a, role="member")
    page = phone
    first = timezone.localdate() + timedelta(days=9)

    # The facilitator sets the meeting up: as quick as an invitation.
    log_in(page, facilitator.email)
    page.goto("/meetings/")
    page.get_by_role("link", name="Créer une rencontre").click()
    page.get_by_label("Titre").fill("Café Palabre")
    page.get_by_label("Première date").fill(first.isoformat())
    page.get_by_label("Heure de début").fill("16:00")
    page.get_by_label("Heure de fin").fill("17:00")
    page.get_by_label("Lien en ligne").fill("https://visio.example.org/cafe")
    shot(page, "setup")
    fits_the_phone(page)
    page.get_by_role("button", name="Créer la rencontre").click()
    expect(page.get_by_role("heading", name="Café Palabre")).to_be_visible()
    expect(page.get_by_text(re.compile("Chaque mois, le"))).to_be_visible()
    meeting = Meeting.objects.get()
    assert meeting.occurrences.get().date == first
    page.goto("/meetings/")
    expect(page.get_by_role("link", name="Café Palabre")).to_be_visible()
    shot(page, "list")
    fits_the_phone(page)
    log_out(page)

    # A member proposes a presentation for the next date.
    log_in(page, author.email)
    page.goto(meeting.get_absolute_url())
    page.get_by_role("button", name="Je viens").click()
    expect(page.get_by_text("Vous venez").first).to_be_visible()
    page.get_by_role("link", name="Proposer une présentation").click()
    expect(page.get_by_role("heading", name="Proposer une présentation")).to_be_visible()
    page.get_by_label("Titre de votre présentation").fill("Nos tontines, deux ans après")
    page.get_by_label("En quelques lignes").fill("Ce qui a marché, ce qui a coincé.")
    shot(page, "propose")
    fits_the_phone(page)
    page.get_by_role("button", name="Envoyer ma proposition").click()
    expect(page.get_by_text("Nos tontines, deux ans après")).to_be_visible()
    expect(page.get_by_text("proposée")).to_be_visible()
    shot(page, "date-member")
    fits_the_phone(page)
    log_out(page)

    # The organiser accepts it: it is on the agenda.
    log_in(page, facilitator.email)
    page.goto(meeting.get_absolute_url())
    shot(page, "meeting")
    fits_the_phone(page)
    page.get_by_role("link", name="Choisir le programme").first.click()
    expect(page.get_by_role("heading", name="Choisir le programme")).to_be_visible()
    expect(page.get_by_text("Nos tontines, deux ans après")).to_be_visible()
    shot(page, "agenda")
    fits_the_phone(page)
    page.get_by_role("button", name="Accepter").click()
    expect(page.get_by_role("heading", name="Au programme")).to_be_visible()
    assert Proposal.objects.get().status == Proposal.Status.ACCEPTED
    page.goto(meeting.occurrences.get().get_absolute_url())
    expect(
        page.get_by_role("listitem").filter(has_text="Nos tontines, deux ans après")
    ).to_be_visible()
    shot(page, "date-organiser")
    fits_the_phone(page)

    # After a date: the minutes, and the buttons that turn them into a discussion or a draft.
    held = past_date(meeting, by=facilitator)
    services.minutes_save(
        occurrence=held,
        by=facilitator,
        minutes="## Présentations\n\n1. **Tontines** : 38 groupes tiennent encore.\n\n"
        "## À essayer\n\n- Un fonds d'entretien des fours.",
    )
    page.goto(meeting.get_absolute_url())
    expect(page.get_by_text("38 groupes tiennent encore")).to_be_visible()
    page.goto(held.get_absolute_url())
    expect(page.get_by_role("heading", name="Compte rendu")).to_be_visible()
    shot(page, "minutes")
    fits_the_phone(page)
    page.get_by_role("button", name="Faire du compte rendu un brouillon de pratique").click()
    expect(page.get_by_text("Un brouillon de pratique est écrit")).to_be_visible()
