"""The layout, languages and error pages, as a visitor sees them."""

import pytest


def test_home_answers_in_french_by_default(client, db):
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="fr">' in body
    assert "Palabre : apprendre les uns des autres" in body


def test_home_answers_in_english_on_request(client, db):
    body = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en">' in body
    assert "Palabre: learning from one another" in body


def test_language_switch_works_without_javascript_and_sticks(client, db):
    response = client.post("/language/", {"language": "en", "next": "/themes/"})
    assert response.status_code == 302 and response["Location"] == "/themes/"
    assert '<html lang="en">' in client.get("/").content.decode()


def test_language_switch_refuses_unknown_language_and_foreign_redirects(client, db):
    assert client.post("/language/", {"language": "xx"}).status_code == 400
    response = client.post("/language/", {"language": "fr", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_logged_in_language_switch_is_remembered_on_the_account(client_for, author):
    client = client_for(author)
    client.post("/language/", {"language": "en"})
    author.refresh_from_db()
    assert author.language == "en"


@pytest.mark.parametrize("language,text", [("fr", "Page introuvable"), ("en", "Page not found")])
def test_404_page_in_both_languages(client, db, language, text):
    response = client.get("/nowhere/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 404
    assert text in response.content.decode()


def test_500_page_is_standalone_and_translated(rf):
    from django.utils import translation

    from palabre.core.views import server_error

    with translation.override("en"):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


def test_layout_is_accessible_and_needs_no_cdn(client, db):
    body = client.get("/").content.decode()
    assert 'href="#main"' in body and '<main id="main"' in body
    assert "<nav" in body and 'name="viewport"' in body
    assert "/static/palabre/site.js" in body  # the one script, from this site
    assert "https://" not in body.split("<body")[0]  # nothing loaded from elsewhere


def test_themes_are_seeded_in_both_languages(client, db):
    fr = client.get("/themes/").content.decode()
    en = client.get("/themes/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Pratiques managériales" in fr and "Méthodologie et évaluation de projets" in fr
    assert "Management practices" in en


def test_health_check(client, db):
    assert client.get("/healthz").json()["status"] == "ok"
