"""In a real browser, on a phone: a facilitator composes an issue from the period's activity
(reorders it, adds a word of their own, previews it) and sends it; a member of another
organisation then reads it in the archive, with their own organisation's practice and
without the first organisation's. Screenshots: var/screenshots/newsletter-*.png."""

import re
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect

from conftest import fits_the_phone, log_in, log_out
from palabre.newsletter.models import Delivery, Issue

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[3] / "var" / "screenshots"


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"newsletter-{name}.png"), full_page=True)


def test_a_facilitator_composes_and_sends_and_a_member_reads_it(
    phone, scene, facilitator, outsider, author, run_tasks
):
    page = phone
    log_in(page, facilitator.email)
    page.wait_for_url(re.compile(r"/$"))
    page.goto("/newsletter/")
    page.get_by_role("link", name="Nouveau numéro").click()
    page.get_by_label("Titre").fill("Lettre de décembre")
    shot(page, "1-new")
    fits_the_phone(page)
    page.get_by_role("button", name="Préparer le brouillon").click()
    page.wait_for_url(re.compile(r"/newsletter/\d+/edit/$"))
    expect(page.get_by_text("Secret de Moundou")).to_be_visible()
    first_row = page.locator(".newsletter-row").first
    first_title = first_row.locator("strong").inner_text()
    first_row.get_by_role("button", name="Descendre").click()
    expect(page.locator(".newsletter-row").nth(1).locator("strong")).to_have_text(first_title)
    page.get_by_label("Ajouter votre propre texte").fill(
        "Bonne fin d'année à **toutes et à tous** !"
    )
    page.get_by_role("button", name="Ajouter ce texte").click()
    expect(page.get_by_text("Bonne fin d'année à")).to_be_visible()
    shot(page, "2-compose")
    fits_the_phone(page)
    page.get_by_role("link", name="En e-mail (texte brut)").click()
    page.wait_for_url(re.compile(r"/preview/$"))
    expect(page.get_by_text("Lettre d'information de Palabre : Lettre de décembre")).to_be_visible()
    shot(page, "3-preview")
    fits_the_phone(page)
    page.get_by_role("link", name="En e-mail (HTML)").click()
    page.wait_for_url(re.compile(r"format=html$"))
    expect(page.get_by_role("link", name="Arrêter la lettre d'information")).to_be_visible()
    shot(page, "3b-email-html")
    fits_the_phone(page)
    page.go_back()
    page.go_back()
    page.get_by_role("link", name="Envoyer…").click()
    page.wait_for_url(re.compile(r"/send/$"))
    expect(page.get_by_role("button", name="Envoyer maintenant")).to_be_visible()
    shot(page, "4-send")
    fits_the_phone(page)
    page.get_by_role("button", name="Envoyer maintenant").click()
    expect(page.get_by_text("Le numéro est en cours d'envoi")).to_be_visible()
    issue = Issue.objects.get()
    while run_tasks():
        pass
    assert Delivery.objects.filter(issue=issue).count() == len(mail.outbox) >= 3
    log_out(page)

    log_in(page, outsider.email)
    page.wait_for_url(re.compile(r"/$"))
    page.goto("/newsletter/")
    shot(page, "5-archive")
    fits_the_phone(page)
    page.get_by_role("link", name="Lettre de décembre").click()
    expect(page.get_by_role("heading", name="Lettre de décembre")).to_be_visible()
    expect(page.get_by_text("Secret de Moundou")).to_be_visible()
    expect(page.get_by_text("toutes et à tous")).to_be_visible()
    assert "Secret de Bafut" not in page.content()
    assert "Atelier réservé à l'ADB" not in page.content()
    shot(page, "6-issue")
    fits_the_phone(page)
