"""The API: the same services and rules as the pages, described by its OpenAPI document."""

import pytest

from palabre.accounts.services import api_token_create, api_token_revoke
from palabre.practices.models import Practice


@pytest.fixture
def bearer(db):
    def make(user):
        _token, secret = api_token_create(user=user, name="tests")
        return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}

    return make


def test_openapi_document_describes_the_practice_routes(client, db):
    document = client.get("/api/v1/openapi.json").json()
    assert document["info"]["title"] == "Palabre API"
    paths = document["paths"]
    for path in (
        "/api/v1/practices",
        "/api/v1/practices/{practice_id}",
        "/api/v1/practices/{practice_id}/submit",
        "/api/v1/practices/{practice_id}/publish",
    ):
        assert path in paths, path
    assert (
        "post" in paths["/api/v1/practices"] and "patch" in paths["/api/v1/practices/{practice_id}"]
    )
    assert (
        "BearerAuth" in str(document["components"]["securitySchemes"])
        or document["components"]["securitySchemes"]
    )


def test_write_submit_publish_through_the_api(client, bearer, author, facilitator, org_a):
    as_author, as_facilitator = bearer(author), bearer(facilitator)
    created = client.post(
        "/api/v1/practices",
        {
            "title": "Le warrantage",
            "lead_organisation": org_a.slug,
            "themes": ["epargne-microfinance"],
            "tags": ["Warrantage"],
        },
        content_type="application/json",
        **as_author,
    )
    assert created.status_code == 201, created.content
    data = created.json()
    assert data["status"] == "draft" and data["themes"] == ["epargne-microfinance"]
    assert data["tags"] == ["Warrantage"]
    pk, version = data["id"], data["version"]
    fields = {
        "summary": "Résumé",
        "context": "Contexte",
        "objectives": "Objectifs",
        "approach": "Démarche",
        "results": "Résultats",
        "difficulties": "Difficultés",
        "lessons": "Leçons",
        "replication": "Conditions",
        "steps": [
            {"title": "Construire le magasin", "what_made_it_work": "Tout le monde a participé"}
        ],
    }
    updated = client.patch(
        f"/api/v1/practices/{pk}",
        {**fields, "version": version},
        content_type="application/json",
        **as_author,
    )
    assert updated.status_code == 200, updated.content
    assert updated.json()["steps"][0]["title"] == "Construire le magasin"
    stale = client.patch(
        f"/api/v1/practices/{pk}",
        {"summary": "x", "version": version},
        content_type="application/json",
        **as_author,
    )
    assert stale.status_code == 409
    assert (
        client.post(f"/api/v1/practices/{pk}/publish", **as_facilitator).status_code == 409
    )  # a draft
    assert (
        client.post(f"/api/v1/practices/{pk}/submit", **as_author).json()["status"] == "submitted"
    )
    assert client.post(f"/api/v1/practices/{pk}/publish", **as_author).status_code == 403
    published = client.post(f"/api/v1/practices/{pk}/publish?note=ok", **as_facilitator)
    assert published.status_code == 200 and published.json()["status"] == "published"


def test_unknown_theme_is_a_400_with_its_name(client, bearer, author, org_a):
    response = client.post(
        "/api/v1/practices",
        {"title": "Titre", "lead_organisation": org_a.slug, "themes": ["martian-farming"]},
        content_type="application/json",
        **bearer(author),
    )
    assert response.status_code == 400
    assert "martian-farming" in response.json()["detail"]
    assert not Practice.objects.exists()


def test_bad_input_is_a_4xx_never_a_500(client, bearer, author, org_a):
    headers = bearer(author)
    for payload in (
        {"title": "x"},
        {"title": "Titre correct", "lead_organisation": org_a.slug, "visibility": "everyone"},
        {"title": "Titre correct", "lead_organisation": org_a.slug, "cost_amount": -5},
        {"title": "Titre correct", "lead_organisation": "nowhere"},
    ):
        response = client.post(
            "/api/v1/practices", payload, content_type="application/json", **headers
        )
        assert 400 <= response.status_code < 500, (payload, response.status_code)
    assert (
        client.post(
            "/api/v1/practices", "not json", content_type="application/json", **headers
        ).status_code
        < 500
    )


def test_writing_for_another_organisation_is_refused(client, bearer, author, org_b):
    response = client.post(
        "/api/v1/practices",
        {"title": "Titre", "lead_organisation": org_b.slug},
        content_type="application/json",
        **bearer(author),
    )
    assert response.status_code == 403


def test_anonymous_cannot_write(client, org_a):
    response = client.post(
        "/api/v1/practices",
        {"title": "Titre", "lead_organisation": org_a.slug},
        content_type="application/json",
    )
    assert response.status_code == 401


def test_revoked_or_wrong_token_is_401(client, bearer, author, make_practice):
    headers = bearer(author)
    api_token_revoke(token=author.api_tokens.get(), by=author)
    assert client.get("/api/v1/practices", **headers).status_code == 401
    assert client.get("/api/v1/practices", HTTP_AUTHORIZATION="Bearer nonsense").status_code == 401


def test_list_filters_and_pagination(client, bearer, colleague, make_practice, author):
    for i in range(3):
        make_practice(
            author, title=f"Pratique {i}", kind="lesson_learned" if i else "good_practice"
        )
    headers = bearer(colleague)
    page = client.get("/api/v1/practices?limit=2", **headers).json()
    assert page["meta"] == {"count": 3, "limit": 2, "offset": 0} and len(page["results"]) == 2
    assert (
        client.get("/api/v1/practices?kind=lesson_learned", **headers).json()["meta"]["count"] == 2
    )
    assert (
        client.get("/api/v1/practices?theme=epargne-microfinance", **headers).json()["meta"][
            "count"
        ]
        == 3
    )
    assert client.get("/api/v1/practices?limit=1000", **headers).status_code == 400


def test_token_page_shows_the_secret_once_and_revokes(client_for, author, client):
    page = client_for(author)
    response = page.post("/tokens/", {"name": "Mon script"})
    secret = response.context["secret"]
    assert secret.startswith("plb_") and secret in response.content.decode()
    assert secret not in page.get("/tokens/").content.decode()
    assert client.get("/api/v1/practices", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200
    token = author.api_tokens.get()
    page.post("/tokens/", {"revoke": token.pk})
    assert client.get("/api/v1/practices", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 401


def test_token_command_for_administrators(author, client):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("token", author.email, stdout=out)
    secret = out.getvalue().strip()
    assert client.get("/api/v1/practices", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200


def test_a_search_result_says_what_reading_the_practice_says(client, make_practice, author):
    """The list reads plain rows for speed: each result must equal the practice's own summary."""
    from palabre.themes.models import Theme

    practice = make_practice(author, title="Caisse de solidarité", visibility="public")
    practice.themes.set(Theme.objects.order_by("-position")[:3])
    listed = client.get("/api/v1/practices", {"q": "solidarité"}).json()["results"]
    read = client.get(f"/api/v1/practices/{practice.pk}").json()
    assert len(listed) == 1 and len(listed[0]["themes"]) == 3
    assert listed[0] == {key: read[key] for key in listed[0]}


def test_a_kept_search_answer_is_the_same_follows_the_library_and_never_crosses_audiences(
    client, client_for, make_practice, author, outsider, settings, django_assert_max_num_queries
):
    from palabre.practices.search import index_practice

    settings.SEARCH_CACHE_SECONDS = 300
    shared = make_practice(author, title="Grenier de soudure", visibility="public")
    make_practice(author, title="Grenier interne", visibility="organisation")
    first = client.get("/api/v1/practices", {"q": "grenier"})
    with django_assert_max_num_queries(1):  # has the library changed? no: the kept answer
        again = client.get("/api/v1/practices", {"q": "grenier"})
    assert again.content == first.content and again["Content-Type"] == first["Content-Type"]
    assert [r["title"] for r in first.json()["results"]] == ["Grenier de soudure"]
    # Kept for anonymous visitors: the author's colleagues still get their own answer.
    mine = client_for(author).get("/api/v1/practices", {"q": "grenier"}).json()
    assert sorted(r["title"] for r in mine["results"]) == ["Grenier de soudure", "Grenier interne"]
    outside = client_for(outsider).get("/api/v1/practices", {"q": "grenier"}).json()
    assert [r["title"] for r in outside["results"]] == ["Grenier de soudure"]
    # The library changes: the kept answer is not served any more.
    shared.title = "Grenier de soudure des récoltes"
    shared.save()
    index_practice(shared)  # as every change of a practice does, in its transaction
    fresh = client.get("/api/v1/practices", {"q": "grenier"}).json()
    assert [r["title"] for r in fresh["results"]] == ["Grenier de soudure des récoltes"]
