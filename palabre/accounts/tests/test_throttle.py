"""One address trying passwords on many accounts is stopped; people sharing an address
(a mobile carrier's NAT) keep logging in with their own password."""

import pytest
from django.test import Client

from conftest import TEST_PASSWORD, make_person
from palabre.accounts.throttle import KNOWN_COOKIE

CGNAT = "41.202.219.1"


@pytest.fixture
def people(org_a):
    return [
        make_person(f"person{i}@adb.example", f"Person {i}", organisation=org_a) for i in range(30)
    ]


def attempt(client, email, password, ip=CGNAT):
    return client.post("/login/", {"username": email, "password": password}, REMOTE_ADDR=ip)


def english(**defaults):
    client = Client(**defaults)
    client.cookies["palabre_language"] = "en"
    return client


def spray(settings, ip=CGNAT):
    """An attacker tries one password on as many accounts as the limit."""
    attacker = english()
    for i in range(settings.LOGIN_ADDRESS_ACCOUNTS_LIMIT):
        assert attempt(attacker, f"person{i}@adb.example", "Motdepasse123", ip).status_code == 400
    return attacker


def test_one_address_trying_many_accounts_is_stopped(people, settings):
    attacker = spray(settings)
    blocked = attempt(attacker, "person20@adb.example", "Motdepasse123")
    assert blocked.status_code == 429
    page = blocked.content.decode()
    assert "Wrong passwords have been tried on many different accounts" in page
    # Refused without checking the password: even the right one does not help.
    assert attempt(attacker, "person21@adb.example", TEST_PASSWORD).status_code == 429
    # Another address is not concerned.
    assert (
        attempt(english(), "person21@adb.example", TEST_PASSWORD, ip="154.72.1.9").status_code
        == 302
    )


def test_the_message_is_in_french_for_french_speakers(people, settings):
    spray(settings)
    from django.utils import translation

    with translation.override("fr"):
        from django.utils.translation import gettext

        expected = gettext("Too many attempts")
    blocked = attempt(Client(), "person20@adb.example", TEST_PASSWORD)
    assert blocked.status_code == 429 and expected in blocked.content.decode()


def test_below_the_limit_nothing_changes(people, settings):
    attacker = english()
    for i in range(settings.LOGIN_ADDRESS_ACCOUNTS_LIMIT - 1):
        attempt(attacker, f"person{i}@adb.example", "Motdepasse123")
    assert attempt(english(), "person25@adb.example", TEST_PASSWORD).status_code == 302


def test_a_browser_that_logged_in_before_keeps_logging_in(people, settings):
    phone = english()
    assert attempt(phone, "person25@adb.example", TEST_PASSWORD, ip="10.9.9.9").status_code == 302
    assert KNOWN_COOKIE in phone.cookies
    phone.post("/logout/")
    spray(settings)
    # Same shared address as the attacker, never used from there, but a known phone.
    assert attempt(phone, "person25@adb.example", TEST_PASSWORD).status_code == 302


def test_an_account_used_from_this_address_lately_keeps_logging_in(people, settings):
    assert attempt(english(), "person26@adb.example", TEST_PASSWORD).status_code == 302
    spray(settings)
    # A new browser (no cookie), but this account logged in from this address lately.
    assert attempt(english(), "person26@adb.example", TEST_PASSWORD).status_code == 302


def test_a_forged_known_browser_cookie_does_not_help(people, settings):
    spray(settings)
    forger = english()
    forger.cookies[KNOWN_COOKIE] = '["27"]'
    assert attempt(forger, "person27@adb.example", TEST_PASSWORD).status_code == 429


def test_many_people_behind_one_address_all_log_in(people, settings):
    """The CGNAT case: thirty people, one public address, some mistype first."""
    for i, person in enumerate(people):
        phone = english()
        if i % 2 == 0:
            assert attempt(phone, person.email, "wrong password").status_code == 400
        response = attempt(phone, person.email, TEST_PASSWORD)
        assert response.status_code == 302, person.email
        assert phone.get("/").context["user"] == person
    # And someone new behind the same address still gets in.
    newcomer = make_person("newcomer@adb.example", "Newcomer")
    assert attempt(english(), newcomer.email, TEST_PASSWORD).status_code == 302
