"""API v1: my current announcements, and hiding one."""

from __future__ import annotations

import pytest

from palabre.announcements.models import Mark


@pytest.fixture
def token_for(db):
    from palabre.accounts.services import api_token_create

    def make(user):
        return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user, name='t')[1]}"}

    return make


def test_a_member_reads_and_hides_their_current_announcements(
    publish, client, token_for, org_a, org_admin, facilitator, author, outsider
):
    for_a = publish(org_admin, title="Pour ADB", audience="organisations", organisations=[org_a])
    publish(facilitator, title="Pour tous", body="Dix **minutes**.")
    publish(facilitator, title="Finie", starts=-3, ends=-1)
    answer = client.get("/api/v1/announcements", **token_for(author))
    assert answer.status_code == 200
    assert [a["title"] for a in answer.json()] == ["Pour tous", "Pour ADB"]
    assert "<strong>minutes</strong>" in answer.json()[0]["body_html"]
    assert [
        a["title"] for a in client.get("/api/v1/announcements", **token_for(outsider)).json()
    ] == ["Pour tous"]
    hidden = client.post(f"/api/v1/announcements/{for_a.pk}/dismiss", **token_for(author))
    assert hidden.status_code == 200 and hidden.json()["id"] == for_a.pk
    assert [
        a["title"] for a in client.get("/api/v1/announcements", **token_for(author)).json()
    ] == ["Pour tous"]
    assert Mark.objects.get(user=author).dismissed_at is not None


def test_others_get_404_and_anonymous_401(publish, client, token_for, org_a, org_admin, outsider):
    a = publish(org_admin, audience="organisations", organisations=[org_a])
    assert (
        client.post(f"/api/v1/announcements/{a.pk}/dismiss", **token_for(outsider)).status_code
        == 404
    )
    assert client.get("/api/v1/announcements").status_code == 401
    assert client.post(f"/api/v1/announcements/{a.pk}/dismiss").status_code == 401
    assert not Mark.objects.exists()
