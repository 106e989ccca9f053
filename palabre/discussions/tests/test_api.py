"""The API: the same services and rules as the pages, described in the OpenAPI document."""

import pytest

from palabre.accounts.services import api_token_create
from palabre.discussions import services
from palabre.discussions.models import Answer, Thread


@pytest.fixture
def bearer(db):
    def make(user):
        _token, secret = api_token_create(user=user, name="tests")
        return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}

    return make


def test_openapi_document_describes_threads_answers_and_notifications(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/discussions/threads",
        "/api/v1/discussions/threads/{thread_id}",
        "/api/v1/discussions/threads/{thread_id}/answers",
        "/api/v1/discussions/answers/{answer_id}",
        "/api/v1/discussions/answers/{answer_id}/accept",
        "/api/v1/discussions/answers/{answer_id}/useful",
        "/api/v1/discussions/subscriptions/{kind}/{target_id}",
        "/api/v1/notifications",
        "/api/v1/notifications/unread",
        "/api/v1/notifications/read",
        "/api/v1/notifications/preferences",
    ):
        assert path in paths, path
    assert "post" in paths["/api/v1/discussions/threads"]
    assert "patch" in paths["/api/v1/discussions/answers/{answer_id}"]


def test_ask_answer_accept_through_the_api(client, bearer, practice, outsider, author):
    created = client.post(
        "/api/v1/discussions/threads",
        {
            "practice": practice.pk,
            "title": "Quel taux ?",
            "body": "Pour le crédit.",
            "submission_key": "x1",
        },
        content_type="application/json",
        **bearer(outsider),
    )
    assert created.status_code == 201, created.content
    thread_id = created.json()["id"]
    again = client.post(
        "/api/v1/discussions/threads",
        {
            "practice": practice.pk,
            "title": "Quel taux ?",
            "body": "Pour le crédit.",
            "submission_key": "x1",
        },
        content_type="application/json",
        **bearer(outsider),
    )
    assert again.status_code == 200 and again.json()["id"] == thread_id
    answer = client.post(
        f"/api/v1/discussions/threads/{thread_id}/answers",
        {"body": "1,5 **par mois**."},
        content_type="application/json",
        **bearer(author),
    )
    assert answer.status_code == 201
    assert "<strong>par mois</strong>" in answer.json()["html"]
    answer_id = answer.json()["id"]
    assert (
        client.post(f"/api/v1/discussions/answers/{answer_id}/accept", **bearer(author)).status_code
        == 403
    )
    accepted = client.post(f"/api/v1/discussions/answers/{answer_id}/accept", **bearer(outsider))
    assert accepted.status_code == 200 and accepted.json()["accepted"]
    useful = client.put(f"/api/v1/discussions/answers/{answer_id}/useful", **bearer(outsider))
    assert useful.json()["useful"] == 1
    read = client.get(f"/api/v1/discussions/threads/{thread_id}", **bearer(outsider)).json()
    assert read["accepted_answer"] == answer_id and read["answer_count"] == 1
    listed = client.get(f"/api/v1/discussions/threads?practice={practice.pk}").json()
    assert listed["meta"]["count"] == 0  # a network practice: nothing for anonymous callers
    listed = client.get(
        f"/api/v1/discussions/threads?practice={practice.pk}", **bearer(outsider)
    ).json()
    assert [t["id"] for t in listed["results"]] == [thread_id]
    unread = client.get("/api/v1/notifications/unread", **bearer(author)).json()
    assert unread["unread"] >= 1


def test_the_api_hides_what_the_caller_may_not_see(
    client, bearer, private_practice, colleague, outsider
):
    thread = services.thread_create(
        space=services.space_for(private_practice), by=colleague, title="Interne", body="x"
    )
    as_outsider = bearer(outsider)
    assert client.get(f"/api/v1/discussions/threads/{thread.pk}", **as_outsider).status_code == 404
    assert client.get("/api/v1/discussions/threads", **as_outsider).json()["meta"]["count"] == 0
    posted = client.post(
        f"/api/v1/discussions/threads/{thread.pk}/answers",
        {"body": "Moi aussi"},
        content_type="application/json",
        **as_outsider,
    )
    assert posted.status_code == 404
    asked = client.post(
        "/api/v1/discussions/threads",
        {"practice": private_practice.pk, "title": "Je demande", "body": "x"},
        content_type="application/json",
        **as_outsider,
    )
    assert asked.status_code == 404
    assert not Answer.objects.exists() and Thread.objects.count() == 1


def test_writing_needs_a_token(client, practice):
    response = client.post(
        "/api/v1/discussions/threads",
        {"practice": practice.pk, "title": "Anonyme ?", "body": "x"},
        content_type="application/json",
    )
    assert response.status_code == 401
    assert client.get("/api/v1/notifications").status_code == 401


def test_follow_through_the_api(client, bearer, practice, outsider, author):
    headers = bearer(outsider)
    assert client.put(
        f"/api/v1/discussions/subscriptions/practice/{practice.pk}", **headers
    ).json() == {"following": True}
    listed = client.get("/api/v1/discussions/subscriptions", **headers).json()
    assert listed == [
        {
            "kind": "practice",
            "id": practice.pk,
            "title": practice.title,
            "url": practice.get_absolute_url(),
        }
    ]
    assert client.delete(
        f"/api/v1/discussions/subscriptions/practice/{practice.pk}", **headers
    ).json() == {"following": False}
    refused = client.delete(
        f"/api/v1/discussions/subscriptions/practice/{practice.pk}", **bearer(author)
    )
    assert refused.status_code == 409
