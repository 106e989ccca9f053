"""In a real browser, on a phone: a member logs in and their home, “Mon Palabre”, shows
first what needs them — a practice sent back with changes requested, a question they could
answer, the workshop they registered for — then what is new in what they follow.

The home's new words may still be in English until their French is merged into the
catalogues: they are matched in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import fits_the_phone, log_in
from palabre.core.tests.test_home import FOLLOWED_THEME, make_workshop
from palabre.discussions import services as discussions
from palabre.discussions.models import Subscription
from palabre.themes.models import Theme
from palabre.workshops.models import Registration

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[3] / "var" / "screenshots"


def words(*texts: str) -> re.Pattern:
    return re.compile("|".join(re.escape(t) for t in texts))


def test_a_members_home_shows_what_needs_them_on_a_phone(
    phone, browser, live_server, author, outsider, org_a, org_b, make_practice
):
    make_practice(author, status="changes_requested", title="Le grenier de soudure")
    make_practice(author, status="draft", title="Les tontines des femmes de Bafut")
    published = make_practice(author, title="Le warrantage à Ngaoundéré")
    discussions.thread_create(
        space=discussions.space_for(published),
        by=outsider,
        title="Quel taux d'intérêt pratiquez-vous ?",
        body="Nous hésitons entre 2 et 3 %.",
    )
    workshop = make_workshop("Atelier régional de Moundou", org_b)
    Registration.objects.create(workshop=workshop, person=author, organisation=org_a)
    followed = Theme.objects.get(slug=FOLLOWED_THEME)
    Subscription.objects.create(user=author, kind="theme", theme=followed)
    news = make_practice(outsider, title="Les comités de veille de Moundou")
    news.themes.set([followed])

    log_in(phone, author.email)
    phone.wait_for_url(re.compile(r"/$"))
    expect(phone.get_by_role("heading", level=1)).to_have_text("Bienvenue, Awa Author")

    needs = phone.locator("section.home-needs")
    expect(needs.get_by_role("heading", level=2)).to_have_text(
        words("Ce qui vous attend", "What needs you now")
    )
    sent_back = needs.locator("li", has_text="Le grenier de soudure")
    expect(sent_back).to_contain_text("modifications demandées")
    expect(needs).to_contain_text("2 pratiques en cours")
    question = needs.get_by_role("link", name="Quel taux d'intérêt pratiquez-vous ?")
    expect(question).to_be_visible()
    expect(needs.get_by_role("link", name="Atelier régional de Moundou")).to_be_visible()

    news_part = phone.locator("section.home-news")
    expect(news_part.get_by_role("link", name="Les comités de veille de Moundou")).to_be_visible()
    # What needs the member comes before what is new, on the first screens of the phone.
    assert needs.bounding_box()["y"] < news_part.bounding_box()["y"]
    fits_the_phone(phone)
    SHOTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=str(SHOTS / "home-phone.png"), full_page=True)

    # The question is one tap away, and the page works without JavaScript: a plain link.
    question.click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(
        "Quel taux d'intérêt pratiquez-vous ?"
    )

    laptop = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="fr-FR", base_url=live_server.url
    )
    page = laptop.new_page()
    log_in(page, author.email)
    page.wait_for_url(re.compile(r"/$"))
    expect(page.locator("section.home-needs")).to_contain_text("Le grenier de soudure")
    page.screenshot(path=str(SHOTS / "home-laptop.png"), full_page=True)
    laptop.close()


def test_a_new_members_home_says_what_to_do_on_a_phone(phone, colleague):
    log_in(phone, colleague.email)
    phone.wait_for_url(re.compile(r"/$"))
    needs = phone.locator("section.home-needs")
    expect(
        needs.get_by_role("link", name=words("Écrire une pratique", "Write a practice"))
    ).to_be_visible()
    expect(phone.locator("section.home-news")).to_contain_text(
        words("Vous ne suivez encore rien", "You follow nothing yet")
    )
    fits_the_phone(phone)
    SHOTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=str(SHOTS / "home-phone-new-member.png"), full_page=True)
