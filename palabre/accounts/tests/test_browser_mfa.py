"""In a real browser, on a phone: a facilitator must set up two-step login at the next
login, then logs in with a code from the app, then with a recovery code."""

import re
import time

import pytest

from conftest import fits_the_phone, log_in, log_out
from palabre.accounts import mfa
from palabre.accounts.tests.totp import totp_code

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def assert_logged_in(page) -> None:
    page.wait_for_url(re.compile(r"/$"))
    assert page.locator(".user-link").first.inner_text() == "Fanta Facilitator"


def submit(page) -> None:
    page.locator("main form button[type=submit]").first.click()


def test_a_facilitator_sets_up_two_step_login_then_uses_a_code_and_a_recovery_code(
    phone, screenshot, facilitator, settings
):
    settings.MFA_REQUIRED_FOR_POWER = True

    # At the next login, the facilitator is sent to set it up before anything else.
    log_in(phone, facilitator.email)
    phone.wait_for_url(re.compile(r"/security/two-step/\?next=%2F$"))
    assert phone.locator(".notice").first.is_visible()
    fits_the_phone(phone)
    screenshot(phone, "1-required")
    phone.goto("/practices/")
    assert "/security/two-step/" in phone.url

    # Scan the picture — or, as here, type the key into the app.
    assert phone.locator("img.qr").evaluate("img => img.naturalWidth > 0")
    phone.locator("main details summary").first.click()
    secret = phone.locator("#totp-secret").inner_text()
    assert re.fullmatch(r"[A-Z2-7]{4}( [A-Z2-7]{1,4})+", secret)
    phone.locator("#id_code").fill("000000")
    submit(phone)
    assert phone.locator("#id_code").is_visible()
    assert phone.locator(".errorlist").is_visible()
    assert not mfa.has_mfa(facilitator)
    phone.locator("#id_code").fill(totp_code(secret))
    screenshot(phone, "2-setup")
    submit(phone)

    # Recovery codes, shown once.
    phone.wait_for_url(re.compile(r"/security/two-step/codes/"))
    codes = phone.locator("#recovery-codes li").all_inner_texts()
    assert len(codes) == 10
    fits_the_phone(phone)
    screenshot(phone, "3-recovery-codes")
    phone.locator("main a.button").click()
    assert_logged_in(phone)
    log_out(phone)

    # Next login: the password, then a code from the app.
    log_in(phone, facilitator.email)
    phone.wait_for_url(re.compile(r"/login/code/$"))
    fits_the_phone(phone)
    screenshot(phone, "4-code")
    phone.locator("#id_code").fill(totp_code(secret, at=time.time() + 30))
    submit(phone)
    assert_logged_in(phone)
    log_out(phone)

    # Phone left at home: a recovery code instead, once.
    log_in(phone, facilitator.email)
    phone.wait_for_url(re.compile(r"/login/code/$"))
    phone.locator("#id_code").fill(codes[0])
    submit(phone)
    assert_logged_in(phone)
    assert "9" in phone.locator(".messages").inner_text()
    fits_the_phone(phone)
    screenshot(phone, "5-recovery-used")
    assert mfa.recovery_codes_left(facilitator) == 9

    # The Security page shows it, and where one is logged in.
    phone.goto("/security/")
    assert phone.locator(".sessions li").count() == 1
    fits_the_phone(phone)
    screenshot(phone, "6-security")
    log_out(phone)

    # The same recovery code does not work twice.
    log_in(phone, facilitator.email)
    phone.locator("#id_code").fill(codes[0])
    submit(phone)
    assert "/login/code/" in phone.url
    assert phone.locator(".errorlist").is_visible()
