"""In a real browser, on a phone with a weak signal (issue 16): a member keeps a practice
for reading offline and reads it without a connection; an answer typed without a
connection is kept on the phone and sent once when the connection returns; logging out
forgets all of it (a shared phone)."""

import re

import pytest
from playwright.sync_api import Error, expect

from conftest import fits_the_phone, log_in, log_out
from palabre.discussions.models import Answer
from palabre.discussions.services import space_for, thread_create
from palabre.practices.models import Practice

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

KEPT_PDF = "caches.match(%r).then(r => r ? r.headers.get('Content-Type') : null)"


def test_a_member_reads_a_saved_practice_offline_and_an_answer_typed_offline_is_sent_once(
    phone, screenshot, make_practice, author, colleague
):
    practice = make_practice(author, title="Le warrantage à Ngaoundéré")
    other = make_practice(author, title="Les comités de points d'eau")
    thread = thread_create(
        space=space_for(practice),
        by=author,
        title="Qui choisit les gérants du magasin ?",
        body="Chez nous, les gérants changent chaque année.",
    )
    context = phone.context

    log_in(phone, colleague.email)
    phone.goto(practice.get_absolute_url())
    phone.get_by_role("button", name="Garder pour plus tard").click()
    kept = phone.get_by_role("link", name="Disponible hors connexion (avec son PDF)")
    expect(kept).to_be_visible(timeout=30_000)
    screenshot(phone, "1-kept")
    fits_the_phone(phone)
    phone.goto(thread.get_absolute_url())  # read online, answered without a connection

    context.set_offline(True)
    assert phone.evaluate("navigator.onLine") is False
    answer = phone.get_by_label(re.compile("^Votre réponse"))
    answer.fill("Chez nous, c'est l'assemblée du groupement qui les élit.")
    phone.get_by_role("button", name="Publier ma réponse").click()
    expect(phone.get_by_role("status").filter(has_text="Pas encore envoyé")).to_be_visible()
    assert answer.input_value() == "Chez nous, c'est l'assemblée du groupement qui les élit."
    screenshot(phone, "2-not-sent-yet")
    fits_the_phone(phone)
    assert Answer.objects.count() == 0

    reading = phone.context.new_page()  # the same phone, still without a connection
    response = reading.goto(practice.get_absolute_url())
    assert response.from_service_worker
    expect(reading.get_by_role("heading", level=1)).to_have_text("Le warrantage à Ngaoundéré")
    assert reading.evaluate(KEPT_PDF % f"/practices/{practice.pk}/pdf/") == "application/pdf"
    screenshot(reading, "3-practice-offline")
    fits_the_phone(reading)
    reading.goto("/offline/")
    kept_list = reading.locator("[data-offline-list]")
    expect(kept_list.get_by_role("link", name="Le warrantage à Ngaoundéré")).to_be_visible()
    expect(kept_list.get_by_role("link", name="PDF")).to_have_attribute(
        "href", f"/practices/{practice.pk}/pdf/"
    )
    screenshot(reading, "4-offline-page")
    fits_the_phone(reading)
    reading.set_viewport_size({"width": 1280, "height": 800})
    screenshot(reading, "4-offline-page-desktop")
    reading.set_viewport_size({"width": 360, "height": 740})
    reading.goto(other.get_absolute_url())  # not saved: not kept, the offline page says so
    expect(reading.get_by_text("cette page n'est pas gardée sur ce téléphone")).to_be_visible()
    expect(reading.locator("[data-offline-list]")).to_contain_text("Le warrantage")
    screenshot(reading, "5-not-kept")
    reading.close()

    context.set_offline(False)
    expect(phone.get_by_role("status").filter(has_text=re.compile(r"^Envoyé"))).to_be_visible()
    expect(phone.locator("#answers .post-body")).to_have_text(re.compile("l'assemblée"))
    screenshot(phone, "6-sent")
    assert Answer.objects.filter(author=colleague, thread=thread).count() == 1
    assert answer.input_value() == ""
    context.set_offline(True)  # the connection comes and goes: nothing is sent again
    context.set_offline(False)
    phone.reload()
    expect(phone.locator(".post-body", has_text="l'assemblée du groupement")).to_have_count(1)
    assert Answer.objects.count() == 1
    assert phone.evaluate("Object.keys(localStorage).filter(k => k.startsWith('palabre:'))") == []

    log_out(phone)  # a shared phone: nothing of this person stays on it
    phone.wait_for_load_state()
    assert phone.evaluate("caches.keys()") == []
    context.set_offline(True)
    try:
        phone.goto(practice.get_absolute_url())
    except Error:  # no page at all without a connection: nothing was kept
        pass
    else:
        expect(phone.get_by_role("heading", level=1)).not_to_have_text(practice.title)
    context.set_offline(False)


def test_text_typed_in_the_editor_without_a_connection_is_saved_when_it_returns(
    phone, screenshot, make_practice, author
):
    practice = make_practice(author, status="draft", lessons="", difficulties="")
    version = practice.version
    context = phone.context
    log_in(phone, author.email)
    phone.goto(f"/practices/{practice.pk}/edit/lessons/")

    context.set_offline(True)
    phone.get_by_label(re.compile("^Leçons apprises")).fill("Écrit dans le bus, sans réseau")
    status = phone.locator("#save-status")
    expect(status).to_have_text(re.compile("^Pas encore envoyé"))
    phone.wait_for_timeout(3_500)  # the autosave tried, and failed: still waiting
    expect(status).to_have_text(re.compile("^Pas encore envoyé"))
    screenshot(phone, "1-not-sent-yet")
    fits_the_phone(phone)
    assert Practice.objects.get().lessons == ""

    context.set_offline(False)
    expect(status).to_have_text(re.compile("^Envoyé. Enregistré automatiquement"))
    screenshot(phone, "2-sent")
    practice.refresh_from_db()
    assert practice.lessons == "Écrit dans le bus, sans réseau"
    assert practice.version == version + 1  # saved once, no conflict with itself

    # The connection drops, the page is closed: the text waits on the phone for the next visit.
    phone.goto(f"/practices/{practice.pk}/edit/difficulties/")
    context.set_offline(True)
    phone.get_by_label(re.compile("^Difficultés")).fill("La pluie, les routes coupées")
    expect(phone.locator("#save-status")).to_have_text(re.compile("^Pas encore envoyé"))
    phone.close()
    context.set_offline(False)
    later = context.new_page()
    later.goto(f"/practices/{practice.pk}/edit/difficulties/")
    expect(later.get_by_label(re.compile("^Difficultés"))).to_have_value(
        "La pluie, les routes coupées"
    )
    expect(later.locator("#save-status")).to_have_text(re.compile("^Envoyé"))
    practice.refresh_from_db()
    assert practice.difficulties == "La pluie, les routes coupées"
    assert practice.version == version + 2
    later.reload()  # sent: nothing waits on the phone any more
    expect(later.locator("#save-status")).not_to_have_text(re.compile("Envoyé|Pas encore"))
    assert later.evaluate("Object.keys(localStorage).filter(k => k.startsWith('palabre:'))") == []
