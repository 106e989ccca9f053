"""In a real browser, on a phone and a desktop: a practice and its translation listed
once with a link to the other language, the review queue's dates inside their items, and
the demo's e-mails page; axe finds no violation on them (issue 16)."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from conftest import ensure_thesaurus, log_in
from palabre.core.models import OutgoingEmail
from palabre.core.tests.test_browser_axe import axe_source, axe_violations
from palabre.practices.tests.test_translations_listed_once import translate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def no_violation(page, source):
    violations = axe_violations(page, source)
    assert violations == [], (page.url, violations)


@pytest.mark.parametrize("width", [360, 1280])
def test_lists_review_queue_and_demo_emails_in_a_browser(
    browser, live_server, screenshot, settings, width, author, facilitator, make_practice
):
    ensure_thesaurus()
    settings.DEMO = True
    source = axe_source()
    original = make_practice(author, title="Le warrantage à Ngaoundéré", visibility="public")
    translate(original, title="Warehouse receipts in Ngaoundéré")
    for title in ("Les greniers de Mopti", "La tontine de Bafut"):
        make_practice(author, title=title, status="submitted", submitted_at=timezone.now())
    OutgoingEmail.objects.create(
        to=facilitator.email,
        subject="Une pratique attend votre relecture",
        body_text="Bonjour,\nLa tontine de Bafut attend : http://localhost:8000/practices/3/",
        kind="review_requested",
        status=OutgoingEmail.Status.SENT,
    )
    context = browser.new_context(
        viewport={"width": width, "height": 740}, locale="fr-FR", base_url=live_server.url
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    log_in(page, facilitator.email)

    page.goto("/practices/")
    cards = page.locator("li.practice-card")
    assert cards.count() == 1
    assert "Le warrantage à Ngaoundéré" in cards.first.inner_text()
    no_violation(page, source)
    screenshot(page, f"practices-{width}")
    page.get_by_role("link", name=re.compile("^Read in English")).click()
    assert page.get_by_role("heading", level=1).inner_text() == "Warehouse receipts in Ngaoundéré"

    page.goto("/practices/review/")
    items = page.locator("ul.list-plain.card > li")
    assert items.count() == 2
    assert all("soumise il y a" in items.nth(n).inner_text() for n in range(2))
    no_violation(page, source)
    screenshot(page, f"review-{width}")

    page.goto("/demo/emails/")
    page.locator("article details > summary").first.click()  # "Lire le message"
    assert page.get_by_role("link", name="http://localhost:8000/practices/3/").is_visible()
    no_violation(page, source)
    screenshot(page, f"demo-emails-{width}")
    if width == 360:
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()
