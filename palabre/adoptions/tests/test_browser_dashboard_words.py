"""On a phone, the network dashboard shows each chart, its table one tap away."""

import re

import pytest

from conftest import TEST_PASSWORD, fits_the_phone, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_dashboard_tables_wait_behind_a_disclosure_on_a_phone(
    phone, screenshot, practice, org_b, adopt, facilitator
):
    adopt(practice, org_b, status="completed")
    log_in(phone, facilitator.email)
    phone.goto("/adoptions/network/")
    tables = phone.locator("table.data")
    assert tables.count() >= 3
    assert all(not tables.nth(i).is_visible() for i in range(tables.count()))
    assert "1\nterminée · 0 abandonnée" in phone.locator("ul.figures").inner_text()
    screenshot(phone, "1-closed")
    fits_the_phone(phone)
    first = phone.locator("details.chart-table").first
    first.locator("summary").click()
    assert first.locator("table").is_visible()
    screenshot(phone, "2-open")
    fits_the_phone(phone)


def test_dashboard_tables_on_a_desktop_in_english(
    browser, live_server, screenshot, practice, org_b, adopt, facilitator
):
    adopt(practice, org_b, status="completed")
    adopt(practice, org_b, status="abandoned")
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="en-GB", base_url=live_server.url
    )
    page = context.new_page()
    facilitator.language = "en"
    facilitator.save(update_fields=["language"])
    page.goto("/login/")
    page.get_by_label("E-mail address").fill(facilitator.email)
    page.get_by_label(re.compile("^Password")).fill(TEST_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto("/adoptions/network/")
    assert "1\ncompleted · 1 abandoned" in page.locator("ul.figures").inner_text()
    page.locator("details.chart-table summary").first.click()
    assert page.locator("details.chart-table table").first.is_visible()
    screenshot(page, "desktop-en")
    context.close()
