"""The API of attestations: one's own (list, ask, read, revoke) and the public verification."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from palabre.recognition.models import Attestation

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def bearer(db):
    from palabre.accounts.services import api_token_create

    def make(user):
        _token, secret = api_token_create(user=user, name="tests")
        return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}

    return make


@pytest.fixture
def api(client, bearer):
    def call(method, url, user=None, data=None):
        if user is not None and user.language != "en":
            # The API answers in the token holder's language: these callers read English.
            user.language = "en"
            user.save(update_fields=["language"])
        headers = {**EN, **(bearer(user) if user is not None else {})}
        kwargs = {"content_type": "application/json"} if data is not None else {}
        return getattr(client, method)(f"/api/v1/attestations{url}", data, **kwargs, **headers)

    return call


def _period(**days):
    today = timezone.localdate()
    return {
        "period_start": (today - timedelta(days=days.get("start", 365))).isoformat(),
        "period_end": (today - timedelta(days=days.get("end", 0))).isoformat(),
    }


def test_openapi_document_describes_the_attestation_routes(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path, method in [
        ("/api/v1/attestations", "get"),
        ("/api/v1/attestations", "post"),
        ("/api/v1/attestations/{attestation_id}", "get"),
        ("/api/v1/attestations/{attestation_id}/revoke", "post"),
        ("/api/v1/attestations/verify/{code}", "get"),
    ]:
        assert method in paths[path], (path, method)


def test_a_whole_attestation_through_the_api(
    api, author, make_practice, run_tasks, django_capture_on_commit_callbacks
):
    make_practice(author, title="Le warrantage à Ngaoundéré", visibility="network")
    make_practice(author, title="Notre caisse interne", visibility="organisation")
    with django_capture_on_commit_callbacks(execute=True):
        created = api("post", "", author, {**_period(), "language": "en"})
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["status"] == "requested" and body["valid"] is False and body["language"] == "en"
    run_tasks()

    mine = api("get", "", author).json()
    assert [a["id"] for a in mine] == [body["id"]]
    assert mine[0]["valid"] is True and mine[0]["pdf_url"].endswith("/pdf/")
    stated = mine[0]["statement"]
    practices = next(k for k in stated["contributions"] if k["kind"] == "practices")
    assert practices["count"] == 1
    assert [i["title"] for i in practices["items"]] == ["Le warrantage à Ngaoundéré"]

    code = Attestation.objects.get(pk=body["id"]).code
    checked = api("get", f"/verify/{code}")  # no token: anyone
    assert checked.status_code == 200
    assert checked.json()["valid"] is True
    assert checked.json()["statement"]["person"] == "Awa Author"
    assert "Notre caisse interne" not in checked.content.decode()
    assert "author@adb.example" not in checked.content.decode()

    changed = api("get", f"/verify/{code[:-1]}{'x' if code[-1] != 'x' else 'y'}")
    assert changed.status_code == 404 and changed.json()["valid"] is False
    assert "not valid" in changed.json()["detail"]

    revoked = api("post", f"/{body['id']}/revoke", author)
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    gone = api("get", f"/verify/{code}")
    assert gone.status_code == 410
    assert gone.json()["revoked_at"] and "revoked" in gone.json()["detail"]
    again = api("post", f"/{body['id']}/revoke", author)
    assert again.status_code == 409


@pytest.mark.parametrize(
    ("period", "message"),
    [
        (_period(start=10, end=-1), "The period cannot end in the future"),
        (_period(start=10, end=20), "The period starts after it ends"),
    ],
)
def test_bad_periods_answer_400_in_json(api, author, period, message):
    response = api("post", "", author, {**period, "language": "en"})
    assert response.status_code == 400
    assert message in response.json()["detail"]
    assert not Attestation.objects.exists()


def test_an_unknown_language_answers_400(api, author):
    response = api("post", "", author, {**_period(), "language": "de"})
    assert response.status_code == 400
    assert "French or English" in response.json()["detail"]


def test_ones_own_only(api, author, colleague, db):
    attestation = Attestation.objects.create(
        person=author,
        period_start=timezone.localdate(),
        period_end=timezone.localdate(),
        language="en",
    )
    assert api("get", f"/{attestation.pk}", colleague).status_code == 404
    assert api("post", f"/{attestation.pk}/revoke", colleague).status_code == 404
    assert api("get", "", colleague).json() == []
    assert api("get", "").status_code == 401
    assert api("post", "", data={**_period(), "language": "en"}).status_code == 401
    attestation.refresh_from_db()
    assert attestation.revoked_at is None
