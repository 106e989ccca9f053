"""Logging in with an e-mail: clear messages, 4xx on bad input, lockout per account and address."""

import pytest
from django.urls import reverse

from conftest import make_person

LOGIN = "/login/"


@pytest.fixture
def member(org_a):
    return make_person("Grace@ADB.example", "Grace Nkeng", organisation=org_a, language="en")


def post_login(client, email, password, ip="10.0.0.1"):
    return client.post(LOGIN, {"username": email, "password": password}, REMOTE_ADDR=ip)


def test_member_logs_in_with_email_in_any_case(client, member):
    response = post_login(client, "GRACE@adb.example", "un mot de passe solide")
    assert response.status_code == 302
    assert client.get("/").context["user"] == member


def test_wrong_password_gets_a_clear_message_and_400(client, member):
    response = post_login(client, "grace@adb.example", "wrong")
    assert response.status_code == 400
    assert "Adresse e-mail ou mot de passe incorrect" in response.content.decode()


def test_unknown_email_gets_the_same_message_and_400(client, db):
    response = post_login(client, "nobody@nowhere.example", "whatever")
    assert response.status_code == 400
    assert "Adresse e-mail ou mot de passe incorrect" in response.content.decode()


def test_malformed_email_is_400_not_500(client, db):
    response = post_login(client, "not an email", "x")
    assert response.status_code == 400


def test_language_preference_applied_on_login(client, member):
    post_login(client, "grace@adb.example", "un mot de passe solide")
    page = client.get("/")
    assert page.context["LANGUAGE_CODE"] == "en"
    assert "Welcome, Grace Nkeng" in page.content.decode()


def test_account_is_locked_from_one_address_not_the_whole_town(client, member, org_a, settings):
    neighbour = make_person("neighbour@adb.example", "Neighbour", organisation=org_a)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        post_login(client, "grace@adb.example", "wrong", ip="41.202.1.1")
    locked = post_login(client, "grace@adb.example", "un mot de passe solide", ip="41.202.1.1")
    assert locked.status_code == 429
    assert "Trop de tentatives" in locked.content.decode()
    # Someone else behind the same carrier address still gets in.
    assert (
        post_login(client, neighbour.email, "un mot de passe solide", ip="41.202.1.1").status_code
        == 302
    )
    client.logout()
    # The same account from another address is not locked either.
    assert (
        post_login(
            client, "grace@adb.example", "un mot de passe solide", ip="154.72.9.9"
        ).status_code
        == 302
    )


def test_lockout_ignores_the_case_of_the_email(client, member, settings):
    for i in range(settings.AXES_FAILURE_LIMIT):
        email = "grace@adb.example" if i % 2 else "GRACE@adb.example"
        post_login(client, email, "wrong")
    assert post_login(client, "grace@adb.example", "un mot de passe solide").status_code == 429


def test_logout_is_a_post(client, member):
    client.force_login(member)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 302


def test_missing_csrf_token_gets_a_clear_403(member):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(LOGIN, {"username": member.email, "password": "x"})
    assert response.status_code == 403
    assert "Ce formulaire a expiré" in response.content.decode()
