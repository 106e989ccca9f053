"""API v1: suggested presenters of a workshop, its invitations, one's own, and answering."""

from __future__ import annotations

import pytest

from palabre.accounts.services import api_token_create
from palabre.recognition.models import PresenterInvitation
from palabre.recognition.services.presenters import presenter_invite
from palabre.recognition.tests import presenters_world
from palabre.workshops.models import Registration


@pytest.fixture
def world(make_practice, author, colleague, outsider, org_a, org_b, facilitator):
    from palabre.accounts.models import User

    built = presenters_world.build(
        make_practice, author=author, colleague=colleague, outsider=outsider, org_a=org_a,
        org_b=org_b,
    )  # fmt: skip
    User.objects.update(language="en")
    return built


@pytest.fixture
def workshop(world, facilitator, org_a):
    return presenters_world.upcoming_workshop(world, facilitator=facilitator, organisation=org_a)


def bearer(user):
    _token, secret = api_token_create(user=user, name="tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_suggestions_ranked_with_reasons(client, facilitator, workshop, world):
    response = client.get(
        f"/api/v1/presenters/workshops/{workshop.pk}/suggestions", **bearer(facilitator)
    )
    assert response.status_code == 200
    results = response.json()["results"]
    assert [(r["person"]["name"], r["score"]) for r in results] == [
        ("Awa Author", 6.0),
        ("Colin Colleague", 5.5),
        ("Binta Expert", 3.25),
        ("Eve Already", 3.0),
    ]
    reasons = [r["text"] for r in results[0]["reasons"]]
    assert "2 adoptions of « Les comités de points d'eau » rated 4.5/5 in the last 18 months" in (
        reasons
    )
    assert results[0]["reasons"][0]["url"] == world["p1"].get_absolute_url()


def test_another_organisations_organiser_gets_no_org_only_evidence(
    client,
    outsider,
    workshop,
    world,
):
    Registration.objects.create(
        workshop=workshop, person=outsider, role=Registration.Role.FACILITATOR
    )
    response = client.get(
        f"/api/v1/presenters/workshops/{workshop.pk}/suggestions", **bearer(outsider)
    )
    names = [r["person"]["name"] for r in response.json()["results"]]
    assert names == ["Awa Author", "Binta Expert", "Eve Already"]
    assert presenters_world.SECRET not in response.content.decode()


def test_suggestions_are_not_for_participants_nor_visitors(
    client,
    author,
    workshop,
    world,
):
    url = f"/api/v1/presenters/workshops/{workshop.pk}/suggestions"
    assert client.get(url, **bearer(author)).status_code == 404
    assert client.get(url).status_code == 401


def test_invite_then_accept_through_the_api(client, facilitator, author, workshop, world):
    response = client.post(
        f"/api/v1/presenters/workshops/{workshop.pk}/invitations",
        {"person": author.pk, "reason": "Parce que"},
        content_type="application/json",
        **bearer(facilitator),
    )
    assert response.status_code == 201, response.content
    invitation_id = response.json()["id"]
    again = client.post(
        f"/api/v1/presenters/workshops/{workshop.pk}/invitations",
        {"person": author.pk},
        content_type="application/json",
        **bearer(facilitator),
    )
    assert again.status_code == 409
    assert "already invited" in again.json()["detail"]
    mine = client.get("/api/v1/presenters/invitations", **bearer(author)).json()
    assert [i["id"] for i in mine] == [invitation_id]
    assert mine[0]["status"] == "pending"
    answered = client.post(
        f"/api/v1/presenters/invitations/{invitation_id}/answer",
        {"answer": "accept", "note": "Avec plaisir"},
        content_type="application/json",
        **bearer(author),
    )
    assert answered.status_code == 200
    assert answered.json()["status"] == "accepted"
    listed = client.get(
        f"/api/v1/presenters/workshops/{workshop.pk}/invitations", **bearer(facilitator)
    ).json()
    assert [(i["person"]["name"], i["status"], i["answer_note"]) for i in listed] == [
        ("Awa Author", "accepted", "Avec plaisir")
    ]


def test_only_the_invited_person_answers_through_the_api(
    client,
    facilitator,
    author,
    colleague,
    workshop,
):
    invitation = presenter_invite(workshop=workshop, person=author, by=facilitator)
    url = f"/api/v1/presenters/invitations/{invitation.pk}/answer"
    body = {"answer": "decline"}
    response = client.post(url, body, content_type="application/json", **bearer(colleague))
    assert response.status_code == 404
    response = client.post(url, body, content_type="application/json", **bearer(facilitator))
    assert response.status_code == 403
    invitation.refresh_from_db()
    assert invitation.status == PresenterInvitation.Status.PENDING
    response = client.post(url, body, content_type="application/json", **bearer(author))
    assert response.json()["status"] == "declined"
    response = client.post(url, body, content_type="application/json", **bearer(author))
    assert response.status_code == 409
