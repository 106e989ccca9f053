"""Each workshop has a discussion space, for the members who may see the workshop."""

from datetime import date, timedelta

import pytest

from palabre.discussions.models import Space, Thread
from palabre.workshops.models import Workshop


@pytest.fixture
def workshop(org_a, facilitator):
    start = date.today() + timedelta(days=20)
    workshop = Workshop.objects.create(
        title="Atelier des partenaires de Bafut",
        start_date=start,
        end_date=start + timedelta(days=1),
        visibility="organisation",
        status="published",
        created_by=facilitator,
    )
    workshop.organisers.add(org_a)
    return workshop


def test_members_who_see_the_workshop_discuss_it(workshop, client_for, colleague):
    client = client_for(colleague)
    assert "Espace de discussion" in client.get(workshop.get_absolute_url()).content.decode()
    response = client.post(
        f"/discussions/workshops/{workshop.pk}/new/",
        {
            "kind": "discussion",
            "title": "Qui apporte le vidéoprojecteur ?",
            "body": "Merci !",
            "language": "fr",
        },
    )
    thread = Thread.objects.get()
    assert response.status_code == 302 and thread.space.kind == Space.Kind.WORKSHOP
    assert client.get(f"/discussions/workshops/{workshop.pk}/").status_code == 200
    assert client.get(thread.get_absolute_url()).status_code == 200


def test_others_cannot_see_or_post_in_a_private_workshops_space(
    workshop, client_for, colleague, outsider, client
):
    client_for(colleague).post(
        f"/discussions/workshops/{workshop.pk}/new/",
        {"kind": "discussion", "title": "Logistique interne", "body": "…", "language": "fr"},
    )
    thread = Thread.objects.get()
    other = client_for(outsider)
    assert other.get(f"/discussions/workshops/{workshop.pk}/").status_code == 404
    assert other.get(thread.get_absolute_url()).status_code == 404
    assert (
        other.post(
            f"/discussions/workshops/{workshop.pk}/new/",
            {"kind": "discussion", "title": "Intrus", "body": "…", "language": "fr"},
        ).status_code
        == 404
    )
    assert client.get(thread.get_absolute_url()).status_code == 404
    assert "Logistique interne" not in other.get("/discussions/").content.decode()
    assert Thread.objects.count() == 1
