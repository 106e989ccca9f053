"""The "my feeds and agenda" page, its link on the profile, the discovery links of the
pages that list practices and workshops, the API of one's addresses, and what the
person's archive and erasure say of their address."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from palabre.accounts.services import api_token_create
from palabre.feeds import personal_data
from palabre.feeds.models import FeedToken
from palabre.feeds.services import feed_token_renew

pytestmark = pytest.mark.django_db


def text(response) -> str:
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body))).strip()


def test_the_page_is_for_members(client):
    response = client.get(reverse("feeds:mine"))
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_a_member_makes_their_addresses_then_sees_them(client_for, author):
    client = client_for(author)
    page = client.get(reverse("feeds:mine"))
    assert "Créer mes adresses" in text(page)
    assert not FeedToken.objects.exists()
    response = client.post(reverse("feeds:renew"))
    assert response.status_code == 302
    secret = FeedToken.objects.get(person=author).secret
    page = client.get(reverse("feeds:mine"))
    assert "Vos adresses privées sont prêtes." in text(page)
    content = page.content.decode()
    agenda = reverse("feeds:private_agenda", kwargs={"secret": secret})
    assert f'value="webcal://testserver{agenda}"' in content
    assert f'href="webcal://testserver{agenda}"' in content
    assert reverse("feeds:private_practices", kwargs={"secret": secret}) in content
    assert "Renouveler les adresses" in text(page)
    assert "ICSx⁵" in text(page)


def test_renewing_needs_the_box_ticked(client_for, author):
    client = client_for(author)
    old = feed_token_renew(person=author).secret
    refused = client.post(reverse("feeds:renew"))
    assert refused.status_code == 400
    assert "Cochez la case pour confirmer" in text(refused)
    assert FeedToken.objects.get(person=author).secret == old
    done = client.post(reverse("feeds:renew"), {"confirm": "on"}, follow=True)
    new = FeedToken.objects.get(person=author).secret
    assert new != old
    assert "les anciennes ne marchent plus" in text(done)
    assert old not in done.content.decode() and new in done.content.decode()
    assert client.get(reverse("feeds:private_practices", kwargs={"secret": old})).status_code == 404


def test_renewing_asks_who_you_are_when_the_login_is_old(client_for, author):
    client = client_for(author)
    session = client.session
    session["palabre_reauth_at"] = 0
    session.save()
    response = client.post(reverse("feeds:renew"), {"confirm": "on"})
    assert response.status_code == 302
    assert response["Location"].startswith("/security/confirm/")
    assert not FeedToken.objects.exists()


def test_the_page_costs_few_queries(client_for, author, django_assert_max_num_queries):
    client = client_for(author)
    feed_token_renew(person=author)
    client.get(reverse("feeds:mine"))
    with django_assert_max_num_queries(12):
        assert client.get(reverse("feeds:mine")).status_code == 200


def test_the_profile_links_the_page_for_its_owner_only(client_for, author, colleague):
    own = client_for(author).get(reverse("accounts:profile", args=[author.pk]))
    assert reverse("feeds:mine") in own.content.decode()
    other = client_for(colleague).get(reverse("accounts:profile", args=[author.pk]))
    assert reverse("feeds:mine") not in other.content.decode()


def test_pages_that_list_link_their_feeds(world, client_for, author):
    client = client_for(None)
    theme = world.practices["a-public"].themes.get()
    cases = {
        reverse("practices:index"): reverse("feeds:practices"),
        reverse("practices:search"): reverse("feeds:practices"),
        reverse("themes:detail", args=[theme.slug]): reverse(
            "feeds:theme_practices", args=[theme.slug]
        ),
        reverse("workshops:index"): reverse("feeds:workshops"),
        world.workshops["a-public"].get_absolute_url(): reverse(
            "feeds:workshop_calendar", args=[world.workshops["a-public"].pk]
        ),
    }
    for page, feed in cases.items():
        head = client.get(page).content.decode().split("</head>")[0]
        assert f'href="{feed}?lang=fr"' in head, page
        assert 'rel="alternate"' in head
    organisation = world.practices["a-public"].lead_organisation
    head = (
        client_for(author).get(organisation.get_absolute_url()).content.decode().split("</head>")[0]
    )
    assert reverse("feeds:organisation_practices", args=[organisation.slug]) in head
    # A workshop that is not public has no public calendar to offer.
    restricted = client_for(author).get(world.workshops["a-organisation"].get_absolute_url())
    assert "text/calendar" not in restricted.content.decode().split("</head>")[0]


# The API ------------------------------------------------------------------------------


def bearer(user) -> dict[str, str]:
    _token, secret = api_token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_api_gives_and_renews_my_addresses(client, author):
    headers = bearer(author)
    empty = client.get("/api/v1/feeds/mine", **headers).json()
    assert empty == {
        "exists": False,
        "created_at": None,
        "renewed_at": None,
        "addresses": None,
        "detail": "",
    }
    made = client.post("/api/v1/feeds/mine/renew", **headers)
    assert made.status_code == 200
    first = FeedToken.objects.get(person=author).secret
    listed = client.get("/api/v1/feeds/mine", **headers).json()
    assert listed["exists"] is True
    keys = {a["key"]: a for a in listed["addresses"]}
    assert set(keys) == {"agenda", "practices", "workshops", "questions", "agenda_feed"}
    assert first in keys["practices"]["url"] and keys["practices"]["webcal"] == ""
    assert keys["agenda"]["webcal"].startswith("webcal://")
    renewed = client.post("/api/v1/feeds/mine/renew", **headers).json()
    assert renewed["renewed_at"] is not None
    assert first not in str(renewed)


def test_api_needs_a_token(client):
    assert client.get("/api/v1/feeds/mine").status_code == 401
    assert client.post("/api/v1/feeds/mine/renew").status_code == 401
    assert not FeedToken.objects.exists()


def test_api_is_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "get" in paths["/api/v1/feeds/mine"]
    assert "post" in paths["/api/v1/feeds/mine/renew"]


# Personal data ------------------------------------------------------------------------


def test_the_archive_says_whether_and_when_never_the_secret(author):
    assert personal_data.export(author) == {
        "feed_address": {"exists": False, "created_at": None, "renewed_at": None}
    }
    token = feed_token_renew(person=author)
    exported = personal_data.export(author)
    assert exported["feed_address"]["exists"] is True
    assert exported["feed_address"]["created_at"] == token.created_at.isoformat()
    assert token.secret not in str(exported) and token.nonce not in str(exported)


def test_erasure_deletes_the_address(client, author, colleague):
    secret = feed_token_renew(person=author).secret
    feed_token_renew(person=colleague)
    assert personal_data.erase(author) == {"feed_addresses_deleted": 1}
    assert client.get(reverse("feeds:private_agenda", kwargs={"secret": secret})).status_code == 404
    assert FeedToken.objects.filter(person=colleague).exists()
