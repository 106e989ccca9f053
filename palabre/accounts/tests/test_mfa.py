"""Two-step login: required for those who hold power, a code after the password,
recovery codes that work once, and wrong codes slowed down and counted."""

import re
import time

import pytest
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import TEST_PASSWORD, make_person
from palabre.accounts import mfa
from palabre.accounts.security_views import PENDING_KEY, VERIFIED_KEY
from palabre.accounts.tests.totp import device_secret, totp_code
from palabre.audit.models import AuditEvent

SETUP = "/security/two-step/"
CODE = "/login/code/"


@pytest.fixture(autouse=True)
def _mfa_required(settings):
    settings.MFA_REQUIRED_FOR_POWER = True


def english_client(**defaults) -> Client:
    client = Client(**defaults)
    client.cookies["palabre_language"] = "en"
    return client


def with_app(user) -> tuple[TOTPDevice, list[str]]:
    """``user`` has set up an app (a code from it confirmed) and has recovery codes."""
    device = mfa.totp_setup_start(user=user)
    codes = mfa.totp_setup_confirm(user=user, code=totp_code(device_secret(device)))
    device.refresh_from_db()
    return device, codes


def next_code(device, steps: int = 1) -> str:
    """A code the device has not accepted yet (codes cannot be used twice)."""
    return totp_code(device_secret(device), at=time.time() + 30 * steps)


def log_in_password(client, email, password=TEST_PASSWORD, **extra):
    return client.post("/login/", {"username": email, "password": password}, **extra)


def logged_in_as(client):
    return client.session.get("_auth_user_id")


@pytest.fixture
def member(org_a):
    return make_person("grace@adb.example", "Grace Nkeng", organisation=org_a, language="en")


# Required for those who hold power ------------------------------------------------


@pytest.mark.parametrize("who", ["network_admin", "facilitator", "org_admin"])
def test_people_with_power_cannot_reach_pages_until_set_up(request, client_for, who):
    person = request.getfixturevalue(who)
    client = client_for(person)
    for path in ["/", "/practices/", "/tokens/", "/admin/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(SETUP), path
    assert client.get("/").headers["Location"] == f"{SETUP}?next=%2F"
    api = client.get("/api/v1/practices")
    assert api.status_code == 403
    assert "connexion en deux étapes" in api.json()["detail"]
    setup = client.get(SETUP)
    assert setup.status_code == 200


def test_the_setup_page_explains_why_in_the_persons_language(client_for, network_admin):
    network_admin.language = "en"
    network_admin.save()
    page = client_for(network_admin).get(SETUP).content.decode()
    assert "Your role requires it." in page
    assert "a stolen or guessed password is not enough" in page
    assert re.search(r'<img class="qr" src="data:image/svg\+xml', page)
    assert "Log out and do it later" in page


def test_a_member_is_not_asked(client_for, member):
    assert client_for(member).get("/").status_code == 200


def test_the_requirement_can_be_turned_off_by_the_operator(client_for, network_admin, settings):
    settings.MFA_REQUIRED_FOR_POWER = False
    assert client_for(network_admin).get("/").status_code == 200


def test_setting_up_with_the_key_shown_then_pages_open(client_for, facilitator):
    facilitator.language = "en"
    facilitator.save()
    client = client_for(facilitator)
    page = client.get(f"{SETUP}?next=/practices/").content.decode()
    secret = re.search(r'<code class="secret" id="totp-secret">([A-Z2-7 ]+)</code>', page)[1]

    wrong = client.post(SETUP, {"code": "000000", "next": "/practices/"})
    assert wrong.status_code == 400
    assert "This code is not right" in wrong.content.decode()
    assert not mfa.has_mfa(facilitator)

    done = client.post(SETUP, {"code": totp_code(secret), "next": "/practices/"})
    assert done.status_code == 302
    codes_page = client.get(done["Location"]).content.decode()
    codes = re.findall(r"<li>([a-z2-9]{5}-[a-z2-9]{5})</li>", codes_page)
    assert len(codes) == 10
    assert 'href="/practices/"' in codes_page
    # Shown once only.
    assert not re.findall(
        r"<li>([a-z2-9]{5}-[a-z2-9]{5})</li>",
        client.get("/security/two-step/codes/").content.decode(),
    )
    assert client.get("/practices/").status_code == 200
    assert AuditEvent.objects.filter(action="mfa.enabled", actor=facilitator).exists()


def test_recovery_codes_are_not_stored_as_typed(member):
    _device, codes = with_app(member)
    stored = set(StaticToken.objects.values_list("token", flat=True))
    assert len(stored) == 10
    assert not stored & set(codes) and not stored & {c.replace("-", "") for c in codes}


# Logging in in two steps --------------------------------------------------------------


def test_login_asks_for_the_code_after_the_password(member):
    device, _codes = with_app(member)
    client = english_client()
    response = log_in_password(client, member.email)
    assert response.status_code == 302 and response["Location"] == CODE
    assert logged_in_as(client) is None  # not yet
    assert client.get("/security/").status_code == 302
    page = client.get(CODE)
    assert "Open your authenticator app" in page.content.decode()

    right = client.post(CODE, {"code": next_code(device)})
    assert right.status_code == 302 and right["Location"] == "/"
    assert logged_in_as(client) == str(member.pk)
    assert client.session[VERIFIED_KEY] is True
    assert client.get("/security/").status_code == 200


def test_a_wrong_code_is_refused_with_a_clear_message(member):
    with_app(member)
    client = english_client()
    log_in_password(client, member.email)
    wrong = client.post(CODE, {"code": "123456"})
    assert wrong.status_code == 400
    assert "This code is not right" in wrong.content.decode()
    assert logged_in_as(client) is None
    empty = client.post(CODE, {"code": ""})
    assert empty.status_code == 400
    assert "Type the code from your app." in empty.content.decode()


def test_a_right_code_right_after_a_wrong_one_waits(member):
    """django-otp's throttle: a growing delay after each wrong code."""
    device, _codes = with_app(member)
    client = english_client()
    log_in_password(client, member.email)
    client.post(CODE, {"code": "123456"})
    hurried = client.post(CODE, {"code": next_code(device)})
    assert hurried.status_code == 429
    assert "Wait a few seconds" in hurried.content.decode()
    assert logged_in_as(client) is None


def test_too_many_wrong_codes_go_back_to_the_password(member, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0
    with_app(member)
    client = english_client()
    log_in_password(client, member.email)
    for _ in range(2):
        assert client.post(CODE, {"code": "123456"}).status_code == 400
    third = client.post(CODE, {"code": "123456"})
    assert third.status_code == 302 and third["Location"] == "/login/"
    assert PENDING_KEY not in client.session
    assert client.get(CODE)["Location"] == "/login/"


def test_wrong_codes_lock_the_account_from_that_address_like_passwords(member, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    _device, _codes = with_app(member)
    client = english_client(REMOTE_ADDR="41.202.7.7")
    statuses = []
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in_password(client, member.email)
        statuses.append(client.post(CODE, {"code": "123456"}).status_code)
    assert statuses[-1] == 429  # the last wrong code locks
    # Even with the password, this address waits now for this account.
    locked = log_in_password(client, member.email)
    assert locked.status_code == 429
    assert "Too many attempts" in locked.content.decode()
    assert logged_in_as(client) is None
    # Another address is not concerned.
    elsewhere = english_client(REMOTE_ADDR="41.202.8.8")
    assert log_in_password(elsewhere, member.email)["Location"] == CODE


def test_a_recovery_code_works_once_and_says_how_many_remain(member):
    _device, codes = with_app(member)
    client = english_client()
    log_in_password(client, member.email)
    response = client.post(CODE, {"code": codes[0].upper().replace("-", " ")}, follow=True)
    assert logged_in_as(client) == str(member.pk)
    assert "You used a recovery code: 9 left." in response.content.decode()
    assert mfa.recovery_codes_left(member) == 9

    client.post("/logout/")
    again = english_client()
    log_in_password(again, member.email)
    reused = again.post(CODE, {"code": codes[0]})
    assert reused.status_code == 400
    assert logged_in_as(again) is None


def test_the_code_step_expires(member):
    with_app(member)
    client = english_client()
    log_in_password(client, member.email)
    session = client.session
    session[PENDING_KEY] = {**session[PENDING_KEY], "at": int(time.time()) - 3600}
    session.save()
    response = client.get(CODE, follow=True)
    assert response.redirect_chain[-1][0] == "/login/"
    assert "the code was not typed in time" in response.content.decode()


def test_the_code_step_needs_the_password_first(db):
    assert english_client().get(CODE)["Location"] == "/login/"


def test_a_session_that_skipped_the_code_is_logged_out(client_for, member):
    """Two-step login turned on in another browser: this one must log in again."""
    with_app(member)
    client = client_for(member)  # logged in without the code step
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/login/"
    assert logged_in_as(client) is None


# Changing it ------------------------------------------------------------------------


def verified_client(client_for, user):
    client = client_for(user)
    session = client.session
    session[VERIFIED_KEY] = True
    session.save()
    return client


def test_reauthentication_asks_for_a_code_not_the_password(client_for, member):
    device, _codes = with_app(member)
    client = verified_client(client_for, member)
    session = client.session
    session["palabre_reauth_at"] = 0
    session.save()
    page = client.get("/security/confirm/?next=/tokens/")
    assert "type the code from your authenticator app first" in page.content.decode()
    assert (
        client.post(
            "/security/confirm/", {"password": TEST_PASSWORD, "next": "/tokens/"}
        ).status_code
        == 400
    )
    ok = client.post("/security/confirm/", {"code": next_code(device), "next": "/tokens/"})
    assert ok.status_code == 302 and ok["Location"] == "/tokens/"


def test_new_recovery_codes_replace_the_old_ones(client_for, member):
    _device, old = with_app(member)
    client = verified_client(client_for, member)
    response = client.post("/security/two-step/codes/new/", follow=True)
    new = re.findall(r"<li>([a-z2-9]{5}-[a-z2-9]{5})</li>", response.content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    assert mfa.verify_code(member, new[1]) == "recovery"
    assert mfa.verify_code(member, old[1]) is None


def test_security_page_shows_how_many_codes_remain(client_for, member):
    _device, codes = with_app(member)
    mfa.verify_code(member, codes[0])
    page = verified_client(client_for, member).get("/security/").content.decode()
    assert "9 recovery codes left." in page


def test_a_member_may_turn_it_off(client_for, member):
    with_app(member)
    client = verified_client(client_for, member)
    response = client.post("/security/two-step/off/", follow=True)
    assert response.redirect_chain == [("/security/", 302)]
    assert "Two-step login is off" in response.content.decode()
    assert not mfa.has_mfa(member)
    assert client.get("/security/").status_code == 200  # still logged in
    assert AuditEvent.objects.filter(action="mfa.disabled", actor=member).exists()


def test_a_facilitator_may_not_turn_it_off(client_for, facilitator):
    facilitator.language = "en"
    facilitator.save()
    with_app(facilitator)
    client = verified_client(client_for, facilitator)
    assert "Turn two-step login off" not in client.get("/security/").content.decode()
    refused = client.post("/security/two-step/off/")
    assert refused.status_code == 403
    assert "requires two-step login" in refused.content.decode()
    assert mfa.has_mfa(facilitator)


def test_changing_it_needs_a_recent_confirmation(client_for, member):
    with_app(member)
    client = verified_client(client_for, member)
    session = client.session
    session["palabre_reauth_at"] = 0
    session.save()
    response = client.post("/security/two-step/off/", HTTP_REFERER="http://testserver/security/")
    assert response.status_code == 302
    assert response["Location"] == "/security/confirm/?next=%2Fsecurity%2F"
    assert mfa.has_mfa(member)
    assert client.get(SETUP)["Location"].startswith("/security/confirm/")


def test_an_operator_can_turn_it_off_for_someone_who_lost_everything(member):
    from io import StringIO

    from django.core.management import call_command

    with_app(member)
    out = StringIO()
    call_command("mfa_reset", member.email.upper(), stdout=out)
    assert "Two-step login is off for grace@adb.example." in out.getvalue()
    assert not mfa.has_mfa(member) and mfa.recovery_codes_left(member) == 0
    assert AuditEvent.objects.filter(action="mfa.reset_by_operator").exists()
    client = english_client()
    response = log_in_password(client, member.email)
    assert response.status_code == 302 and response["Location"] == "/"


def test_turning_it_on_logs_the_other_browsers_out_within_minutes(client_for, member):
    laptop = client_for(member)
    assert laptop.get("/security/").status_code == 200
    with_app(member)  # set up from the phone
    assert laptop.get("/security/").status_code == 200  # the state is rechecked every 5 min
    session = laptop.session
    session["palabre_mfa_state"] = [0, False, False]
    session.save()
    response = laptop.get("/security/")
    assert response.status_code == 302 and response["Location"] == "/login/"
    assert logged_in_as(laptop) is None
