"""In a real browser, on a phone: a facilitator publishes an announcement in a campaign; a
member sees it at the top of a page and hides it (with the site's script: only the banner
changes); it stays hidden on the next pages, and the campaign counts one seen, one hidden."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from conftest import fits_the_phone, log_in, log_out
from palabre.announcements.models import Announcement, Campaign, Mark

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(settings.BASE_DIR).parent / "var" / "screenshots"
TITLE = "Pourquoi partager ce qui n'a pas marché ?"


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"announcements-{name}.png"), full_page=True)


def test_an_announcement_shows_on_a_phone_and_is_hidden(phone, facilitator, author):
    page = phone
    Campaign.objects.create(title="Pourquoi partager ?", created_by=facilitator)
    log_in(page, facilitator.email)
    page.wait_for_url(re.compile(r"/$"))
    page.goto("/announcements/new/")
    page.get_by_label("Titre").fill(TITLE)
    page.get_by_label("Texte").fill("Une **leçon apprise** évite à d'autres la même erreur.")
    now = timezone.localtime()
    page.get_by_label("Début").fill((now - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Fin").fill((now + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("tous les membres du réseau").check()
    page.get_by_label("Campagne").select_option(label="Pourquoi partager ?")
    fits_the_phone(page)
    shot(page, "form")
    page.get_by_role("button", name="Publier").click()
    expect(page.get_by_text("L'annonce est publiée.")).to_be_visible()
    fits_the_phone(page)
    shot(page, "manage")
    log_out(page)

    log_in(page, author.email)
    page.wait_for_url(re.compile(r"/$"))
    home = page.locator("#home-announcements-title")
    expect(home).to_be_visible()
    page.goto("/practices/")
    banner = page.locator("section.announcements")
    expect(banner.locator("strong", has_text=TITLE)).to_be_visible()
    expect(banner.locator("strong", has_text="leçon apprise")).to_be_visible()
    fits_the_phone(page)
    shot(page, "banner")
    banner.get_by_role("button", name=re.compile("^Masquer")).click()
    expect(page.get_by_text(re.compile("est masquée. Retrouvez-la"))).to_be_visible()
    assert page.url.endswith("/practices/")  # swapped in place, no new page
    shot(page, "hidden")
    page.goto("/practices/")
    expect(page.locator("strong", has_text=TITLE)).to_have_count(0)
    announcement = Announcement.objects.get()
    mark = Mark.objects.get(user=author, announcement=announcement)
    assert mark.dismissed_at is not None
    log_out(page)

    log_in(page, facilitator.email)
    page.wait_for_url(re.compile(r"/$"))
    page.goto(Campaign.objects.get().get_absolute_url())
    row = page.locator("tr", has_text=TITLE)
    expect(row.locator("td").nth(2)).to_have_text("2")  # the author, and the facilitator
    expect(row.locator("td").nth(3)).to_have_text("1")
    fits_the_phone(page)
    shot(page, "campaign")
