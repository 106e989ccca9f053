"""In a real browser, on a phone: a member of one organisation asks the authors of another's
practice; the author is told, answers; the asker marks the answer that helped."""

import re

import pytest
from playwright.sync_api import expect

from conftest import fits_the_phone, log_in, log_out
from palabre.discussions.models import Answer, Thread
from palabre.notifications.models import Notification

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_a_member_asks_another_organisations_practice_and_accepts_the_answer(
    phone, screenshot, make_practice, author, outsider
):
    practice = make_practice(author, visibility="network")

    log_in(phone, outsider.email)
    phone.goto(practice.get_absolute_url())
    panel = phone.locator("#questions")
    panel.get_by_label(re.compile("^Titre")).fill("Comment avez-vous choisi les gérants ?")
    panel.get_by_label(re.compile("^Votre message")).fill(
        "Chez nous, les gérants changent chaque année. Qui les choisit chez vous ?"
    )
    screenshot(phone, "1-ask")
    fits_the_phone(phone)
    panel.get_by_role("button", name="Envoyer ma question").click()
    phone.wait_for_url(re.compile(r"/discussions/threads/\d+/$"))
    expect(phone.locator(".messages")).to_contain_text("Votre question est publiée")
    screenshot(phone, "2-asked")
    fits_the_phone(phone)
    log_out(phone)

    log_in(phone, author.email)
    expect(phone.locator(".bell .count")).to_have_text("1")
    phone.locator(".bell").click()
    screenshot(phone, "3-notified")
    fits_the_phone(phone)
    phone.get_by_role("button", name=re.compile("Oscar Outsider pose une question")).click()
    phone.wait_for_url(re.compile(r"/discussions/threads/\d+/$"))
    phone.get_by_label(re.compile("^Votre réponse")).fill(
        "C'est l'assemblée du groupement qui les **élit**, pour deux campagnes."
    )
    phone.get_by_role("button", name="Publier ma réponse").click()
    expect(phone.locator(".messages")).to_contain_text("Votre réponse est publiée")
    screenshot(phone, "4-answered")
    fits_the_phone(phone)
    log_out(phone)

    log_in(phone, outsider.email)
    phone.locator(".bell").click()
    phone.get_by_role("button", name=re.compile("Awa Author a répondu à votre question")).click()
    phone.get_by_role("button", name="Cette réponse m'a aidé·e").click()
    expect(phone.locator(".messages")).to_contain_text("la réponse qui a aidé")
    expect(phone.get_by_text("✓ La réponse qui a aidé")).to_be_visible()
    screenshot(phone, "5-accepted")
    fits_the_phone(phone)

    thread = Thread.objects.get()
    assert thread.accepted_answer == Answer.objects.get(author=author)
    assert Notification.objects.filter(recipient=author, kind="discussions.accepted").exists()
