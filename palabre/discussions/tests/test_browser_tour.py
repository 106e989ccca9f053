"""On a phone, with the demo network: the discussion pages, moderation, e-mail settings and
unsubscribing without logging in all fit the screen and work."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from conftest import ensure_thesaurus, fits_the_phone
from conftest import log_in as shared_log_in
from palabre.discussions.models import Thread
from palabre.notifications.services import delivery_for, unsubscribe_token
from palabre.organisations.demo import DEMO_PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def log_in(page, email):
    shared_log_in(page, email, DEMO_PASSWORD)


def test_a_tour_of_discussions_on_a_phone(phone, screenshot):
    ensure_thesaurus()
    call_command("demo", verbosity=0)
    log_in(phone, "awa.bello@fal.example")
    phone.goto("/")
    expect(phone.get_by_role("heading", name="Questions en attente de réponse")).to_be_visible()
    screenshot(phone, "1-home")
    fits_the_phone(phone)
    phone.goto("/discussions/")
    phone.get_by_label("Afficher").select_option("question")
    phone.get_by_role("button", name="Filtrer").click()
    phone.wait_for_load_state()
    expect(phone.get_by_text("Comment avez-vous négocié le taux")).to_be_visible()
    expect(phone.get_by_text("Vos expériences avec les fondations")).to_have_count(0)
    screenshot(phone, "2-discussions")
    fits_the_phone(phone)
    phone.goto("/themes/suivi-evaluation/")
    expect(phone.get_by_role("heading", name=re.compile("^Espace de discussion"))).to_be_visible()
    screenshot(phone, "3-theme")
    fits_the_phone(phone)
    phone.goto("/notifications/settings/")
    phone.get_by_role(
        "radiogroup", name="Une nouvelle pratique dans un thème ou d'une organisation que je suis"
    ).get_by_label("jamais par e-mail").check()
    phone.get_by_role("button", name="Enregistrer mes choix").click()
    expect(phone.locator(".messages")).to_contain_text("Vos choix sont enregistrés.")
    screenshot(phone, "4-settings")
    fits_the_phone(phone)
    phone.goto("/discussions/following/")
    screenshot(phone, "5-following")
    fits_the_phone(phone)


def test_a_facilitator_hides_an_answer_with_a_reason(phone, screenshot):
    ensure_thesaurus()
    call_command("demo", verbosity=0)
    thread = Thread.objects.get(title__startswith="Vos expériences avec les fondations")
    log_in(phone, "animatrice@palabre.example")
    phone.goto(thread.get_absolute_url())
    phone.locator("article[id^=answer-]").first.get_by_role("link", name="Masquer").click()
    phone.get_by_label(re.compile("^Pourquoi le masquer")).fill("Mauvais fil")
    screenshot(phone, "1-reason")
    fits_the_phone(phone)
    phone.get_by_role("button", name="Le masquer").click()
    expect(phone.get_by_text("Masqué par un animateur")).to_be_visible()
    expect(phone.get_by_text("Mauvais fil")).to_be_visible()
    screenshot(phone, "2-hidden")
    fits_the_phone(phone)


def test_unsubscribing_from_an_email_link_without_logging_in(phone, screenshot):
    ensure_thesaurus()
    call_command("demo", verbosity=0)
    from palabre.accounts.models import User

    awa = User.objects.get(email="awa.bello@fal.example")
    phone.goto(f"/notifications/unsubscribe/{unsubscribe_token(awa, 'discussions.answer')}/")
    screenshot(phone, "1-confirm")
    fits_the_phone(phone)
    phone.get_by_role("button", name=re.compile("Arrêter les e-mails pour")).click()
    expect(phone.get_by_text("Vous ne recevrez plus d'e-mails")).to_be_visible()
    screenshot(phone, "2-done")
    assert delivery_for(awa, "discussions.answer") == "never"
