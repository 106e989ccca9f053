"""In a real browser, on a phone: the parts of a practice page that refresh by themselves
(follow, keep for later, similar practices) do so through the site's own script — no htmx on
the page, no reload — and once each. (Here rather than in practices: following is ours.)"""

import pytest
from playwright.sync_api import expect

from conftest import log_in
from palabre.discussions.models import Subscription
from palabre.practices.models import SavedPractice


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_member_follows_and_keeps_a_practice_and_sees_similar_ones_without_a_reload(
    phone, make_practice, author, colleague, screenshot
):
    practice = make_practice(author, title="Les greniers de soudure de Maroua", visibility="public")
    make_practice(author, title="Un grenier de soudure à Mokolo", visibility="public")
    log_in(phone, colleague.email)
    phone.goto(practice.get_absolute_url())
    assert phone.locator("script[src*='htmx']").count() == 0
    phone.evaluate("window.stayedOnThePage = true")

    phone.get_by_role("button", name="Suivre").click()
    expect(phone.get_by_role("button", name="Suivi ✓")).to_be_visible()
    phone.get_by_role("button", name="Garder pour plus tard").click()
    expect(phone.get_by_role("button", name="Gardée ✓")).to_be_visible()

    # Scrolled to, the similar practices come in place of their link.
    phone.locator("#similar").scroll_into_view_if_needed()
    expect(
        phone.locator("#similar").get_by_role("link", name="Un grenier de soudure à Mokolo")
    ).to_be_visible()
    screenshot(phone, "practice-parts")

    assert phone.evaluate("window.stayedOnThePage") is True  # never reloaded
    assert Subscription.objects.filter(user=colleague, practice=practice).count() == 1
    assert SavedPractice.objects.filter(user=colleague, practice=practice).count() == 1
