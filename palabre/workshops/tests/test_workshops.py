"""Facilitators create, change, publish and cancel workshops."""

from datetime import timedelta

from django.utils import timezone

from palabre.notifications.models import Notification
from palabre.workshops import services
from palabre.workshops.models import Workshop
from palabre.workshops.tests.helpers import text


def form(org, **values):
    start = timezone.localdate() + timedelta(days=30)
    data = {
        "title": "Atelier d'échanges de Garoua",
        "objectives": "- Partager nos cantines scolaires",
        "start_date": start.isoformat(),
        "end_date": (start + timedelta(days=2)).isoformat(),
        "time_zone": "Africa/Douala",
        "venue": "Salle de l'EEN",
        "city": "Garoua",
        "country": "CM",
        "organisers": [org.pk],
        "capacity": "25",
        "waiting_list_size": "5",
        "languages": ["fr", "en"],
        "visibility": "network",
    }
    data.update(values)
    return data


def test_facilitator_creates_a_draft_then_publishes_it(client_for, facilitator, colleague, org_a):
    client = client_for(facilitator)
    response = client.post("/workshops/new/", form(org_a))
    assert response.status_code == 302
    workshop = Workshop.objects.get()
    assert workshop.status == "draft" and workshop.language_list == ["fr", "en"]
    assert list(workshop.organisers.all()) == [org_a] and workshop.capacity == 25
    assert client_for(colleague).get(workshop.get_absolute_url()).status_code == 404
    client.post(f"/workshops/{workshop.pk}/publish/")
    workshop.refresh_from_db()
    assert workshop.status == "published"
    page = text(client_for(colleague).get(workshop.get_absolute_url()))
    assert "S'inscrire" in page and "25" in page and "Français, Anglais" in page


def test_members_do_not_create_workshops(client_for, org_admin, org_a):
    client = client_for(org_admin)
    assert client.get("/workshops/new/").status_code == 404
    assert client.post("/workshops/new/", form(org_a)).status_code == 404
    assert not Workshop.objects.exists()


def test_bad_dates_and_missing_place_are_explained(client_for, facilitator, org_a):
    client = client_for(facilitator)
    start = timezone.localdate() + timedelta(days=10)
    backwards = client.post(
        "/workshops/new/", form(org_a, end_date=(start - timedelta(days=1)).isoformat(), start_date=start.isoformat())
    )  # fmt: skip
    assert backwards.status_code == 400 and "Le dernier jour est avant le premier" in text(
        backwards
    )
    nowhere = client.post("/workshops/new/", form(org_a, venue="", online_url=""))
    assert nowhere.status_code == 400 and "Dites où il a lieu" in text(nowhere)
    late = client.post(
        "/workshops/new/",
        form(org_a, registration_closes_on=(start + timedelta(days=90)).isoformat()),
    )
    assert late.status_code == 400 and "Les inscriptions doivent fermer" in text(late)
    assert not Workshop.objects.exists()


def test_moving_the_dates_away_from_sessions_is_refused(
    client_for, facilitator, workshop, add_session, org_a
):
    add_session(workshop, title="Ouverture")
    later = workshop.start_date + timedelta(days=5)
    response = client_for(facilitator).post(
        f"/workshops/{workshop.pk}/edit/",
        form(org_a, start_date=later.isoformat(), end_date=(later + timedelta(days=1)).isoformat()),
    )
    assert response.status_code == 400
    assert "Ouverture" in text(response) and "hors des nouvelles dates" in text(response)
    workshop.refresh_from_db()
    assert workshop.start_date < later


def test_cancelling_tells_the_registered_people(client_for, facilitator, workshop, author):
    services.registration_create(workshop=workshop, person=author, by=author)
    response = client_for(facilitator).post(
        f"/workshops/{workshop.pk}/cancel/", {"reason": "Route coupée par les pluies."}
    )
    assert response.status_code == 302
    workshop.refresh_from_db()
    assert workshop.status == "cancelled"
    told = Notification.objects.get(recipient=author, kind="workshop.cancelled")
    assert "Route coupée" in told.body
    assert "Cet atelier est annulé" in text(client_for(author).get(workshop.get_absolute_url()))


def test_online_link_is_shown_to_registered_people_only(
    client_for, make_workshop, author, colleague
):
    workshop = make_workshop(online_url="https://meet.example.org/atelier")
    services.registration_create(workshop=workshop, person=author, by=author)
    assert "https://meet.example.org/atelier" in text(
        client_for(author).get(workshop.get_absolute_url())
    )
    other = text(client_for(colleague).get(workshop.get_absolute_url()))
    assert "https://meet.example.org/atelier" not in other and "Le lien est donné" in other


def test_workshop_page_in_english(client_for, make_workshop, author):
    author.language = "en"
    author.save()
    workshop = make_workshop()
    page = text(client_for(author).get(workshop.get_absolute_url()))
    assert "Register" in page and "Objectives" in page
