"""The browsers where one is logged in: listed, signed out one by one or all at once."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from conftest import TEST_PASSWORD, make_person
from palabre.accounts.models import UserSession
from palabre.accounts.sessions import TOUCHED_KEY, address_summary, device_summary

ANDROID_CHROME = (
    "Mozilla/5.0 (Linux; Android 13; TECNO KI5q) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Mobile Safari/537.36"
)
WINDOWS_FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0"
IPHONE_SAFARI = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"
)


@pytest.fixture
def member(org_a):
    return make_person("grace@adb.example", "Grace Nkeng", organisation=org_a, language="en")


def browser(user, agent, address):
    client = Client(HTTP_USER_AGENT=agent, REMOTE_ADDR=address)
    response = client.post("/login/", {"username": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 302
    return client


def is_logged_in(client) -> bool:
    return client.get("/security/").status_code == 200


def test_summaries_keep_little():
    assert device_summary(ANDROID_CHROME) == "Chrome · Android"
    assert device_summary(WINDOWS_FIREFOX) == "Firefox · Windows"
    assert device_summary(IPHONE_SAFARI) == "Safari · iPhone"
    assert device_summary("") == ""
    assert address_summary("41.202.219.77") == "41.202.219.x"
    assert address_summary("2001:db8:85a3::8a2e:370:7334") == "2001:0db8:85a3:…"
    assert address_summary("not an address") == ""


def test_security_page_lists_the_browsers_and_marks_this_one(member):
    phone = browser(member, ANDROID_CHROME, "41.202.219.77")
    browser(member, WINDOWS_FIREFOX, "154.72.1.9")
    page = phone.get("/security/").content.decode()
    assert "Chrome · Android" in page and "Firefox · Windows" in page
    assert "41.202.219.x" in page and "154.72.1.x" in page
    assert "41.202.219.77" not in page
    assert page.count("this browser") == 1
    assert page.index("Chrome · Android") < page.index("this browser") < page.index("Firefox")
    assert page.count("Sign out this session") == 1
    assert "Sign out everywhere else" in page


def test_signing_out_one_session_logs_that_browser_out(member):
    phone = browser(member, ANDROID_CHROME, "41.202.219.77")
    laptop = browser(member, WINDOWS_FIREFOX, "154.72.1.9")
    laptop_session = UserSession.objects.get(device="Firefox · Windows")
    response = phone.post(f"/security/sessions/{laptop_session.pk}/sign-out/", follow=True)
    assert "That browser is signed out." in response.content.decode()
    assert not is_logged_in(laptop)
    assert is_logged_in(phone)
    assert list(UserSession.objects.values_list("device", flat=True)) == ["Chrome · Android"]


def test_someone_elses_session_cannot_be_signed_out(member, author):
    phone = browser(member, ANDROID_CHROME, "41.202.219.77")
    other = browser(author, WINDOWS_FIREFOX, "154.72.1.9")
    theirs = UserSession.objects.get(user=author)
    assert phone.post(f"/security/sessions/{theirs.pk}/sign-out/").status_code == 404
    assert is_logged_in(other)


def test_the_current_session_is_not_signed_out_from_the_list(member):
    phone = browser(member, ANDROID_CHROME, "41.202.219.77")
    mine = UserSession.objects.get()
    assert phone.post(f"/security/sessions/{mine.pk}/sign-out/").status_code == 404
    assert is_logged_in(phone)


def test_sign_out_everywhere_else(member):
    phone = browser(member, ANDROID_CHROME, "41.202.219.77")
    laptop = browser(member, WINDOWS_FIREFOX, "154.72.1.9")
    tablet = browser(member, IPHONE_SAFARI, "102.244.3.3")
    response = phone.post("/security/sessions/sign-out-others/", follow=True)
    assert "Every other browser is signed out" in response.content.decode()
    assert not is_logged_in(laptop)
    assert not is_logged_in(tablet)
    assert is_logged_in(phone)
    page = phone.get("/security/").content.decode()
    assert "Firefox · Windows" not in page and "this browser" in page


def test_sign_out_everywhere_else_reaches_sessions_never_listed(member, client_for):
    """A session that predates the list (no record) ends too."""
    phone = browser(member, ANDROID_CHROME, "41.202.219.77")
    old = client_for(member)
    UserSession.objects.exclude(device="Chrome · Android").delete()
    phone.post("/security/sessions/sign-out-others/")
    assert not is_logged_in(old)
    assert is_logged_in(phone)


def test_a_new_password_signs_out_the_other_browsers(member):
    phone = browser(member, ANDROID_CHROME, "41.202.219.77")
    laptop = browser(member, WINDOWS_FIREFOX, "154.72.1.9")
    response = phone.post(
        "/password/",
        {
            "old_password": TEST_PASSWORD,
            "new_password1": "une autre phrase secrète",
            "new_password2": "une autre phrase secrète",
        },
    )
    assert response.status_code == 302
    assert not is_logged_in(laptop)
    assert is_logged_in(phone)
    assert list(UserSession.objects.values_list("device", flat=True)) == ["Chrome · Android"]


def test_logging_out_removes_the_browser_from_the_list(member):
    phone = browser(member, ANDROID_CHROME, "41.202.219.77")
    phone.post("/logout/")
    assert not UserSession.objects.exists()


def test_last_seen_is_written_at_most_every_few_minutes(member):
    phone = browser(member, ANDROID_CHROME, "41.202.219.77")
    with CaptureQueriesContext(connection) as queries:
        phone.get("/security/")
        phone.get("/")
    writes = [
        q["sql"] for q in queries if "accounts_usersession" in q["sql"] and "UPDATE" in q["sql"]
    ]
    assert writes == []
    session = phone.session
    session[TOUCHED_KEY] = 0
    session.save()
    before = UserSession.objects.get().last_seen_at
    phone.get("/")
    assert UserSession.objects.get().last_seen_at > before
