"""API tokens: a lifetime chosen at creation, expired ones refused in JSON, last use shown."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import make_person
from palabre.accounts.models import ApiToken
from palabre.accounts.services import api_token_create

API = "/api/v1/practices"


@pytest.fixture
def member(org_a):
    return make_person("grace@adb.example", "Grace Nkeng", organisation=org_a, language="en")


def call(client, secret, **extra):
    return client.get(API, HTTP_AUTHORIZATION=f"Bearer {secret}", **extra)


def test_the_lifetime_is_chosen_at_creation(client_for, member):
    page = client_for(member)
    form = page.get("/tokens/").content.decode()
    for label in ["30 days", "90 days", "365 days", "Until I revoke it"]:
        assert label in form
    response = page.post("/tokens/", {"name": "Tableau de bord", "lifetime": "30"})
    assert response.status_code == 200
    token = ApiToken.objects.get()
    assert timedelta(days=29, hours=23) < token.expires_at - timezone.now() <= timedelta(days=30)
    assert "expires " in response.content.decode()

    page.post("/tokens/", {"name": "Script", "lifetime": "never"})
    assert ApiToken.objects.get(name="Script").expires_at is None
    assert "does not expire" in page.get("/tokens/").content.decode()


def test_an_unknown_lifetime_is_refused(client_for, member):
    response = client_for(member).post("/tokens/", {"name": "x", "lifetime": "9999999"})
    assert response.status_code == 400
    assert "Choose how long the token stays valid." in response.content.decode()
    assert not ApiToken.objects.exists()


def test_an_expired_token_is_refused_with_a_json_401_saying_so(client, member):
    token, secret = api_token_create(user=member, name="t", expires_in_days=30)
    assert call(client, secret).status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = call(client, secret, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    detail = response.json()["detail"]
    assert detail.startswith("This token expired on ") and "/tokens/" in detail


def test_an_expired_token_is_shown_as_expired(client_for, member):
    token, _secret = api_token_create(user=member, name="t", expires_in_days=30)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(days=1))
    page = client_for(member).get("/tokens/").content.decode()
    assert "expired " in page


def test_last_use_is_shown_and_written_at_most_once_a_minute(client, client_for, member):
    token, secret = api_token_create(user=member, name="t")
    assert "never used" in client_for(member).get("/tokens/").content.decode()
    call(client, secret)
    first = ApiToken.objects.get().last_used_at
    assert first is not None
    with CaptureQueriesContext(connection) as queries:
        call(client, secret)
        call(client, secret)
    assert not [q for q in queries if q["sql"].startswith("UPDATE") and "apitoken" in q["sql"]]
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=first - timedelta(seconds=61))
    call(client, secret)
    assert ApiToken.objects.get().last_used_at > first
    assert "last used " in client_for(member).get("/tokens/").content.decode()
