"""Sensitive pages ask again who you are when the last proof is too old."""

import time

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from conftest import TEST_PASSWORD
from palabre.accounts.reauth import SESSION_KEY, reauthentication_required

CONFIRM = "/security/confirm/"


def make_stale(client):
    session = client.session
    session[SESSION_KEY] = int(time.time()) - 3600
    session.save()


@pytest.fixture
def member_client(client_for, author):
    author.language = "en"
    author.save()
    return client_for(author)


def test_a_fresh_login_counts_as_confirmation(member_client):
    assert member_client.get("/tokens/").status_code == 200


def test_stale_confirmation_sends_to_the_confirm_page_and_back(member_client):
    make_stale(member_client)
    response = member_client.get("/tokens/?x=1")
    assert response.status_code == 302
    assert response["Location"] == f"{CONFIRM}?next=%2Ftokens%2F%3Fx%3D1"
    page = member_client.get(response["Location"])
    assert "type your password first" in page.content.decode()
    confirmed = member_client.post(CONFIRM, {"password": TEST_PASSWORD, "next": "/tokens/?x=1"})
    assert confirmed.status_code == 302
    assert confirmed["Location"] == "/tokens/?x=1"
    assert member_client.get("/tokens/").status_code == 200


def test_a_post_with_stale_confirmation_is_not_replayed(member_client, author):
    make_stale(member_client)
    response = member_client.post("/tokens/", {"name": "script"})
    assert response.status_code == 302
    assert response["Location"].startswith(CONFIRM)
    assert not author.api_tokens.exists()
    confirmed = member_client.post(CONFIRM, {"password": TEST_PASSWORD, "next": "/tokens/"})
    assert confirmed["Location"] == "/tokens/"
    assert not author.api_tokens.exists()


def test_wrong_password_is_refused_with_a_clear_message(member_client):
    make_stale(member_client)
    response = member_client.post(CONFIRM, {"password": "wrong", "next": "/tokens/"})
    assert response.status_code == 400
    assert "This is not your password" in response.content.decode()
    assert member_client.get("/tokens/").status_code == 302


def test_next_elsewhere_is_ignored(member_client):
    make_stale(member_client)
    response = member_client.post(
        CONFIRM, {"password": TEST_PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_anonymous_goes_to_login(client, db):
    @reauthentication_required
    def view(request):
        return HttpResponse("ok")

    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/somewhere/")
    request.user = AnonymousUser()
    response = view(request)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=/somewhere/")


def test_role_changes_need_a_recent_confirmation(client_for, org_admin, author):
    client = client_for(org_admin)
    make_stale(client)
    membership = author.memberships.get()
    members = "/organisations/adb/members/"
    assert client.get(members)["Location"] == f"{CONFIRM}?next=%2Forganisations%2Fadb%2Fmembers%2F"
    # A role changed from the members page comes back to the members page, unchanged.
    response = client.post(
        f"{members}{membership.pk}/role/",
        {"role": "org_admin"},
        HTTP_REFERER=f"http://testserver{members}",
    )
    assert response["Location"] == f"{CONFIRM}?next=%2Forganisations%2Fadb%2Fmembers%2F"
    membership.refresh_from_db()
    assert membership.role == "member"
    client.post(CONFIRM, {"password": TEST_PASSWORD, "next": members})
    client.post(f"{members}{membership.pk}/role/", {"role": "org_admin"})
    membership.refresh_from_db()
    assert membership.role == "org_admin"


def test_network_roles_need_a_recent_confirmation(client_for, network_admin, author):
    client = client_for(network_admin)
    make_stale(client)
    response = client.post(f"/people/{author.pk}/network-role/", {"network_role": "facilitator"})
    assert response["Location"].startswith(CONFIRM)
    author.refresh_from_db()
    assert author.network_role == ""


def test_a_referer_elsewhere_is_not_followed(member_client):
    make_stale(member_client)
    response = member_client.post(
        "/tokens/", {"name": "x"}, HTTP_REFERER="https://evil.example/phish/"
    )
    assert response["Location"] == f"{CONFIRM}?next=%2Ftokens%2F"


def test_htmx_requests_are_sent_to_the_confirm_page_whole(member_client):
    make_stale(member_client)
    response = member_client.get("/tokens/", HTTP_HX_REQUEST="true")
    assert response.status_code == 204
    assert response["HX-Redirect"] == f"{CONFIRM}?next=%2Ftokens%2F"
