"""The follow-ups API: my questions, my answer once, nobody else's."""

from __future__ import annotations

import pytest

from palabre.adoptions.models import Adoption
from palabre.learning.models import FollowUp
from palabre.learning.services.followups import follow_ups_ask
from palabre.learning.tests.test_followups import attend, make_session, make_training

URL = "/api/v1/training-follow-ups"


@pytest.fixture
def asked(make_practice, author, colleague, outsider, org_a):
    practice = make_practice(author, visibility="network", title="Le warrantage à Ngaoundéré")
    training = make_training(org_a, [author], [practice], title="Le warrantage en pratique")
    session, slot = make_session(training, org_a, ended_days_ago=100)
    attend(session, slot, colleague)
    attend(session, slot, outsider)
    follow_ups_ask()
    return {f.person.email: f for f in FollowUp.objects.select_related("person")}


def en(client_for, user):
    user.language = "en"
    user.save(update_fields=["language"])
    return client_for(user)


def test_i_list_my_follow_ups(asked, outsider, client_for):
    client = en(client_for, outsider)
    mine = client.get(URL).json()
    assert [f["id"] for f in mine] == [asked[outsider.email].pk]
    assert mine[0]["training"]["title"] == "Le warrantage en pratique"
    assert mine[0]["answered_at"] is None and mine[0]["applied"] is None
    assert client.get(URL, {"pending": "true"}).json() == mine
    assert client_for().get(URL).status_code == 401


def test_i_answer_once(asked, outsider, client_for):
    client = en(client_for, outsider)
    pk = asked[outsider.email].pk
    answer = client.post(
        f"{URL}/{pk}", {"applied": True, "status": "planned"}, content_type="application/json"
    )
    assert answer.status_code == 200
    body = answer.json()
    adoption = Adoption.objects.get()
    assert body["adoption_id"] == adoption.pk and body["applied"] is True
    assert body["detail"] == "Thank you! The adoption is recorded for ATE."
    assert adoption.status == Adoption.Status.PLANNED

    again = client.post(f"{URL}/{pk}", {"applied": False}, content_type="application/json")
    assert again.status_code == 409
    assert "You already answered this question" in again.json()["detail"]
    assert client.get(URL, {"pending": "true"}).json() == []


def test_someone_elses_follow_up_is_not_found(asked, outsider, colleague, client_for):
    pk = asked[outsider.email].pk
    response = en(client_for, colleague).post(
        f"{URL}/{pk}", {"applied": True}, content_type="application/json"
    )
    assert response.status_code == 404
    assert FollowUp.objects.get(pk=pk).answered_at is None


def test_bad_input_is_refused(asked, outsider, org_a, client_for):
    client = en(client_for, outsider)
    pk = asked[outsider.email].pk
    wrong_org = client.post(
        f"{URL}/{pk}", {"applied": True, "organisation": org_a.pk}, content_type="application/json"
    )
    assert wrong_org.status_code == 400
    wrong_status = client.post(
        f"{URL}/{pk}", {"applied": True, "status": "completed"}, content_type="application/json"
    )
    assert wrong_status.status_code in (400, 422)
    assert not Adoption.objects.exists()
    assert FollowUp.objects.get(pk=pk).answered_at is None


def test_the_openapi_document_names_the_follow_up_schemas(client):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert {"FollowUpOut", "FollowUpAnswerIn", "FollowUpAnswerOut"} <= set(schemas)
