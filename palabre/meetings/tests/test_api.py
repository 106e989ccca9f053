"""API v1 of exchange meetings: reading meetings with their next dates, proposing."""

from __future__ import annotations

import pytest

from palabre.meetings import services
from palabre.meetings.models import Proposal
from palabre.meetings.tests.conftest import make_meeting, past_date

pytestmark = pytest.mark.django_db


@pytest.fixture
def bearer(db):
    from palabre.accounts.services import api_token_create

    def make(user):
        _token, secret = api_token_create(user=user, name="tests")
        return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}

    return make


def test_anonymous_callers_read_public_meetings_only(client, facilitator, org_a, org_meeting):
    public = make_meeting(facilitator, org_a, visibility="public", title="Café public")
    make_meeting(facilitator, org_a, visibility="network", title="Café réseau")
    body = client.get("/api/v1/meetings").json()
    assert [m["title"] for m in body["results"]] == ["Café public"]
    assert body["meta"]["count"] == 1
    first = body["results"][0]["next_dates"][0]
    assert first["online_url"] == ""  # for those who come only
    assert first["workshop_id"] == public.occurrences.get().workshop_id
    assert client.get(f"/api/v1/meetings/{org_meeting.pk}").status_code == 404


def test_an_outsider_does_not_read_an_organisation_only_meeting(
    client, bearer, org_meeting, outsider, author
):
    assert client.get(f"/api/v1/meetings/{org_meeting.pk}", **bearer(outsider)).status_code == 404
    titles = [
        m["title"] for m in client.get("/api/v1/meetings", **bearer(outsider)).json()["results"]
    ]
    assert "Café interne" not in titles
    read = client.get(f"/api/v1/meetings/{org_meeting.pk}", **bearer(author))
    assert read.status_code == 200
    assert read.json()["recurrence"] == "monthly_weekday"


def test_the_next_dates_show_their_agenda(client, bearer, meeting, author, facilitator):
    date = meeting.occurrences.get()
    proposal = services.proposal_create(occurrence=date, by=author, title="Nos tontines")
    services.proposal_decide(proposal=proposal, by=facilitator, accept=True)
    services.proposal_create(occurrence=date, by=facilitator, title="Pas encore retenu")
    body = client.get(f"/api/v1/meetings/{meeting.pk}", **bearer(author)).json()
    assert body["next_dates"][0]["presentations"] == ["Nos tontines"]


def test_propose_through_the_api(client, bearer, meeting, author, facilitator):
    date = meeting.occurrences.get()
    url = f"/api/v1/meetings/dates/{date.pk}/proposals"
    body = {"title": "Nos tontines", "summary": "Deux ans après."}
    assert client.post(url, body, content_type="application/json").status_code == 401
    response = client.post(url, body, content_type="application/json", **bearer(author))
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "proposed"
    again = client.post(url, body, content_type="application/json", **bearer(author))
    assert again.status_code == 409
    held = past_date(meeting, by=facilitator)
    late = client.post(
        f"/api/v1/meetings/dates/{held.pk}/proposals",
        body,
        content_type="application/json",
        **bearer(author),
    )
    assert late.status_code == 409
    assert Proposal.objects.count() == 1


def test_an_outsider_cannot_propose_for_an_organisation_only_meeting(
    client, bearer, org_meeting, outsider
):
    date = org_meeting.occurrences.get()
    response = client.post(
        f"/api/v1/meetings/dates/{date.pk}/proposals",
        {"title": "Intrus"},
        content_type="application/json",
        **bearer(outsider),
    )
    assert response.status_code == 404
    assert Proposal.objects.count() == 0


def test_the_list_asks_as_many_queries_for_two_meetings_as_for_six(
    client, bearer, facilitator, org_a, author, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(2):
        make_meeting(facilitator, org_a, title=f"Café {n}")
    headers = bearer(author)
    client.get("/api/v1/meetings", **headers)
    with CaptureQueriesContext(connection) as two:
        client.get("/api/v1/meetings", **headers)
    assert len(two.captured_queries) <= 15
    for n in range(2, 6):
        make_meeting(facilitator, org_a, title=f"Café {n}")
    with django_assert_num_queries(len(two.captured_queries)):
        response = client.get("/api/v1/meetings", **headers)
    assert len(response.json()["results"]) == 6


def test_the_documented_example_is_accepted(client, bearer, meeting, author):
    from palabre.meetings.api import MeetingProposalIn

    example = MeetingProposalIn.model_config["json_schema_extra"]["examples"][0]
    date = meeting.occurrences.get()
    response = client.post(
        f"/api/v1/meetings/dates/{date.pk}/proposals",
        example,
        content_type="application/json",
        **bearer(author),
    )
    assert response.status_code == 201, response.content
