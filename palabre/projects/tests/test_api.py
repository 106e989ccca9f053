"""The projects API: the directory and a project as each caller may see them, and each
documented example accepted. The scenarios below are the ones to add to SCENARIOS of
palabre/core/tests/test_api_examples.py."""

from __future__ import annotations

import pytest

from palabre.accounts.services import api_token_create
from palabre.core.tests.test_api_examples import EXAMPLES, Call, cast  # noqa: F401
from palabre.projects import services
from palabre.projects.models import Exchange, Project


def _water(c):
    return services.project_create(
        by=c.author, organisation=c.org_a, name="Eau potable à Bafut", visibility="network"
    )


def change_project(c):
    return Call(c.author, {"project_id": _water(c).pk})


def link_to_project(c):
    practice = c.make_practice(c.author, visibility="public")
    return Call(c.author, {"project_id": _water(c).pk}, {"id": practice.pk})


def propose_exchange(c):
    theirs = services.project_create(by=c.outsider, organisation=c.org_b, name="Eau à Moundou")
    return Call(c.outsider, {"project_id": _water(c).pk}, {"from_project": theirs.pk})


SCENARIOS = {
    "POST /api/v1/projects": lambda c: Call(c.author),
    "PATCH /api/v1/projects/{project_id}": change_project,
    "POST /api/v1/projects/{project_id}/links": link_to_project,
    "POST /api/v1/projects/{project_id}/exchanges": propose_exchange,
}


def test_every_projects_body_has_its_scenario():
    ours = {key for key in EXAMPLES if key.split(" ", 1)[1].startswith("/api/v1/projects")}
    assert ours == set(SCENARIOS)


@pytest.mark.parametrize("operation", sorted(SCENARIOS))
def test_the_documented_example_is_accepted(operation, cast, client):  # noqa: F811
    method, path = operation.split(" ", 1)
    call = SCENARIOS[operation](cast)
    for example in EXAMPLES[operation]:
        assert set(call.replace) <= set(example)
        _token, secret = api_token_create(user=call.user, name="example")
        response = getattr(client, method.lower())(
            path.format(**call.path),
            {**example, **call.replace},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {secret}",
        )
        assert 200 <= response.status_code < 300, response.content.decode()


def token(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user, name='t')[1]}"}


def test_api_shows_what_each_caller_may_see(client, author, outsider, org_a, make_practice):
    public = services.project_create(
        by=author, organisation=org_a, name="Public", visibility="public"
    )
    internal = services.project_create(
        by=author, organisation=org_a, name="Interne", visibility="organisation"
    )
    hidden = make_practice(author, title="Pratique interne", visibility="organisation")
    services.link_add(project=public, by=author, kind="practice", pk=hidden.pk)
    names = [p["name"] for p in client.get("/api/v1/projects").json()["results"]]
    assert names == ["Public"]
    assert client.get(f"/api/v1/projects/{internal.pk}").status_code == 404
    other = client.get(f"/api/v1/projects/{public.pk}", **token(outsider)).json()
    assert other["practices"] == []
    mine = client.get(f"/api/v1/projects/{public.pk}", **token(author)).json()
    assert [p["title"] for p in mine["practices"]] == ["Pratique interne"]


def test_api_refuses_a_reversed_period_and_a_link_one_may_not_see(
    client, author, outsider, org_a, org_b, make_practice
):
    response = client.post(
        "/api/v1/projects",
        {
            "organisation": "adb",
            "name": "À l'envers",
            "start_date": "2026-01-01",
            "end_date": "2025-01-01",
        },
        content_type="application/json",
        **token(author),
    )
    assert response.status_code == 400
    assert "avant de commencer" in response.json()["detail"]
    assert not Project.objects.exists()
    theirs = make_practice(outsider, organisation=org_b, visibility="organisation")
    mine = services.project_create(by=author, organisation=org_a, name="Le mien")
    response = client.post(
        f"/api/v1/projects/{mine.pk}/links",
        {"kind": "practice", "id": theirs.pk},
        content_type="application/json",
        **token(author),
    )
    assert response.status_code == 404
    response = client.post(
        f"/api/v1/projects/{mine.pk}/exchanges",
        {"from_project": mine.pk, "kind": "call", "subject": "Moi", "message": "Moi"},
        content_type="application/json",
        **token(author),
    )
    assert response.status_code == 400
    assert not Exchange.objects.exists()


def test_api_directory_takes_any_filter_without_error(db, client):
    for query in ("?theme=%00", "?q=x", "?region=%00a", "?year=1900", "?limit=200"):
        assert client.get("/api/v1/projects" + query).status_code in (200, 400)
