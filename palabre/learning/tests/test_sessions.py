"""Training sessions: scheduling one makes a workshop of the kind "training session" that
registration, the waiting list, attendance and evaluation handle with the workshops' own
pages and rules; the session's page, "my trainings", the certificate of participation for
those marked present, and the participants' export for the trainers.

The cast: a published network training "Le warrantage pas à pas" of ADB, given by Awa
(an ADB member, not a facilitator); Colin (ADB) wished to learn its theme; Fanta is a
network facilitator; Oscar belongs to another organisation (ATE).
"""

from __future__ import annotations

import html
import io
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from conftest import ensure_thesaurus, make_person
from palabre.learning import kinds
from palabre.learning.models import LearningWish, QuizAttempt, Training, TrainingSession
from palabre.learning.selectors.sessions import my_trainings, sessions_of
from palabre.learning.services.sessions import session_create
from palabre.lib.errors import ServiceError
from palabre.notifications.models import Notification
from palabre.themes.models import Theme
from palabre.workshops.models import Attendance, Registration, Workshop
from palabre.workshops.services import registration_create

TITLE = "Le warrantage pas à pas"


def text(response) -> str:
    """What a page says, without its tags, in single spaces."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body))).strip()


@pytest.fixture
def client_for(client_for):
    """People reading in English (a page's language is the person's own first)."""

    def make(user=None, **defaults):
        if user is not None and user.language != "en":
            user.language = "en"
            user.save(update_fields=["language"])
        if user is None:
            defaults.setdefault("HTTP_ACCEPT_LANGUAGE", "en")
        return client_for(user, **defaults)

    return make


@pytest.fixture
def theme(db):
    ensure_thesaurus()
    return Theme.objects.get(slug="epargne-microfinance")


@pytest.fixture
def make_training(org_a, author, theme):
    def make(*, visibility="network", status=Training.Status.PUBLISHED, title=TITLE):
        training = Training.objects.create(
            title=title,
            objectives="- Savoir monter un warrantage",
            organisation=org_a,
            visibility=visibility,
            status=status,
            duration_minutes=150,
            published_at=timezone.now() if status == Training.Status.PUBLISHED else None,
        )
        training.trainers.set([author])
        training.themes.set([theme])
        return training

    return make


@pytest.fixture
def training(make_training):
    return make_training()


@pytest.fixture
def bearer(db):
    from palabre.accounts.services import api_token_create

    def make(user):
        _token, secret = api_token_create(user=user, name="tests")
        return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}

    return make


def schedule(training, by, *, start_in=10, **fields):
    today = timezone.localdate()
    values = {
        "start_date": today + timedelta(days=start_in),
        "venue": "Salle paroissiale",
        "city": "Bafut",
        **fields,
    }
    return session_create(training=training, by=by, **values)


# Scheduling --------------------------------------------------------------------------


def test_a_session_is_a_published_training_workshop_run_by_the_trainers(
    training, facilitator, author, colleague, theme
):
    LearningWish.objects.create(person=colleague, theme=theme)
    session = schedule(training, facilitator, capacity=12)

    workshop = session.workshop
    assert workshop.kind == Workshop.Kind.TRAINING
    assert workshop.status == Workshop.Status.PUBLISHED
    assert workshop.title == TITLE
    assert workshop.objectives == training.objectives
    assert list(workshop.organisers.all()) == [training.organisation]
    assert workshop.sessions.count() == 1  # one day, one time attendance is taken on
    trainer = Registration.objects.get(workshop=workshop, person=author)
    assert (trainer.role, trainer.status) == ("facilitator", "confirmed")
    # The person who wished to learn its theme is told, with the way to the session.
    wish = Notification.objects.get(recipient=colleague, kind=kinds.SESSION_SCHEDULED)
    assert TITLE in wish.title
    assert wish.url == session.get_absolute_url()


def test_a_trainer_who_is_not_a_facilitator_schedules_on_the_page(training, author, client_for):
    client = client_for(author)
    url = reverse("learning:session_new", args=[training.pk])
    assert client.get(url).status_code == 200
    day = timezone.localdate() + timedelta(days=7)
    response = client.post(
        url,
        {
            "start_date": day.isoformat(),
            "end_date": (day + timedelta(days=1)).isoformat(),
            "starts_at": "08:30",
            "venue": "Salle paroissiale",
            "city": "Bafut",
            "country": "CM",
            "capacity": "20",
            "waiting_list_size": "5",
            "time_zone": "Africa/Douala",
            "visibility": "network",
        },
    )
    session = TrainingSession.objects.get(training=training)
    assert response.status_code == 302
    assert response["Location"] == session.get_absolute_url()
    workshop = session.workshop
    assert (workshop.kind, workshop.status, workshop.capacity) == ("training", "published", 20)
    assert workshop.sessions.count() == 2  # one per day
    page = text(client_for(author).get(session.get_absolute_url()))
    assert "Run the session" in page and "Take attendance" not in page  # not before the day


def test_only_the_training_editors_schedule_and_only_a_published_training(
    make_training, training, colleague, outsider, client_for
):
    for person in (colleague, outsider):
        url = reverse("learning:session_new", args=[training.pk])
        assert client_for(person).get(url).status_code == 404
        with pytest.raises(ServiceError) as refused:
            schedule(training, person)
        assert refused.value.status == 403
    draft = make_training(status=Training.Status.DRAFT, title="Brouillon")
    with pytest.raises(ServiceError) as refused:
        schedule(draft, draft.trainers.get())
    assert refused.value.status == 409
    assert not Workshop.objects.exists()  # nothing half-written


def test_bad_input_is_refused_with_a_message_and_nothing_written(training, author):
    for fields, field in (
        ({"start_in": -1}, "start_date"),
        ({"venue": "", "city": ""}, "venue"),
        ({"capacity": 0}, "capacity"),
        ({"visibility": "public"}, "visibility"),
        ({"title": "Autre"}, None),
    ):
        with pytest.raises(ServiceError) as refused:
            schedule(training, author, **fields)
        assert refused.value.status == 400
        assert refused.value.field == field
    assert not Workshop.objects.exists()
    assert not TrainingSession.objects.exists()


# Lists -------------------------------------------------------------------------------


def test_the_workshops_index_leaves_sessions_out_my_trainings_has_them(
    training, facilitator, colleague, client_for
):
    session = schedule(training, facilitator)
    client = client_for(colleague)
    assert TITLE not in text(client.get(reverse("workshops:index")))
    assert TITLE in text(client.get(reverse("learning:sessions")))
    assert TITLE not in text(client.get(reverse("learning:my_trainings")))

    response = client.post(
        reverse("workshops:register", args=[session.workshop_id]), {"role": "participant"}
    )
    assert response.status_code == 302
    page = text(client.get(reverse("learning:my_trainings")))
    assert TITLE in page and "Coming up" in page
    # "My workshops" keeps it: it is on the person's agenda.
    assert TITLE in text(client.get(reverse("workshops:mine")))


def test_the_sessions_list_counts_its_queries(
    training, facilitator, colleague, client_for, django_assert_max_num_queries
):
    for start_in in (5, 10, 15):
        schedule(training, facilitator, start_in=start_in, capacity=10)
    client = client_for(colleague)
    client.get(reverse("learning:sessions"))
    with django_assert_max_num_queries(12):
        response = client.get(reverse("learning:sessions"))
    assert text(response).count(TITLE) == 3
    assert "10 places left" in text(response)


def test_sessions_of_a_training_for_its_page(make_training, training, facilitator, outsider):
    soon = schedule(training, facilitator, start_in=3)
    later = schedule(training, facilitator, start_in=20)
    assert [s.pk for s in sessions_of(training, viewer=outsider)] == [soon.pk, later.pk]
    assert sessions_of(training, viewer=outsider)[0].places_left is None
    internal = make_training(visibility="organisation", title="Interne")
    schedule(internal, facilitator)
    assert sessions_of(internal, viewer=outsider) == []


# Registration, through the workshops' own pages and services -------------------------


def test_registering_twice_and_after_closing_are_refused(
    training, facilitator, colleague, client_for
):
    session = schedule(training, facilitator)
    workshop = session.workshop
    client = client_for(colleague)
    register = reverse("workshops:register", args=[workshop.pk])
    assert client.post(register, {"role": "participant"}).status_code == 302
    # The form again: the workshops send to the existing registration, nothing doubled.
    again = client.post(register, {"role": "participant"})
    assert again.status_code == 302
    assert "/registrations/" in again["Location"]
    assert Registration.objects.filter(workshop=workshop, person=colleague).count() == 1
    with pytest.raises(ServiceError) as refused:
        registration_create(workshop=workshop, person=colleague, by=colleague)
    assert refused.value.status == 409
    assert "already registered" in str(refused.value.message)

    Workshop.objects.filter(pk=workshop.pk).update(
        registration_closes_on=timezone.localdate() - timedelta(days=1)
    )
    late = make_person("late@adb.example", "Lucie Late", organisation=training.organisation)
    response = client_for(late).post(register, {"role": "participant"})
    assert response.status_code == 409
    assert "Registrations closed on" in text(response)
    assert not Registration.objects.filter(person=late).exists()
    session_page = client_for(late).get(session.get_absolute_url()).content.decode()
    assert register not in session_page  # no button, no link: closed
    assert "closed" in text(client_for(late).get(session.get_absolute_url()))


def test_the_duplicate_through_the_api_says_why(training, facilitator, colleague, bearer, client):
    session = schedule(training, facilitator)
    url = f"/api/v1/workshops/{session.workshop_id}/registrations"
    headers = {**bearer(colleague), "HTTP_ACCEPT_LANGUAGE": "en"}
    assert client.post(url, {}, content_type="application/json", **headers).status_code == 201
    colleague.language = "en"
    colleague.save(update_fields=["language"])
    again = client.post(url, {}, content_type="application/json", **headers)
    assert again.status_code == 409
    assert "already registered" in again.json()["detail"]


def test_the_waiting_list_and_the_places_left_are_the_workshops(
    training, facilitator, colleague, volunteer, client_for
):
    session = schedule(training, facilitator, capacity=1)
    first = registration_create(workshop=session.workshop, person=colleague, by=colleague)
    second = registration_create(workshop=session.workshop, person=volunteer, by=volunteer)
    assert (first.status, second.status) == ("confirmed", "waitlisted")
    page = text(client_for(volunteer).get(session.get_absolute_url()))
    assert "on the waiting list" in page and "full" in page


def test_the_online_link_is_for_confirmed_participants(
    training, facilitator, colleague, volunteer, client_for
):
    session = schedule(
        training, facilitator, venue="", city="", online_url="https://meet.example/x"
    )
    assert "meet.example" not in text(client_for(volunteer).get(session.get_absolute_url()))
    registration_create(workshop=session.workshop, person=colleague, by=colleague)
    assert "meet.example" in text(client_for(colleague).get(session.get_absolute_url()))


# Attendance and the certificate ------------------------------------------------------


@pytest.fixture
def held(training, facilitator, author, colleague, volunteer, client_for):
    """A session today: Colin and Vera registered; the trainer marks Colin present and
    Vera absent through the workshops' attendance page."""
    session = schedule(
        training, facilitator, start_in=0, registration_closes_on=timezone.localdate()
    )
    for person in (colleague, volunteer):
        registration_create(workshop=session.workshop, person=person, by=person)
    time = session.workshop.sessions.get()
    trainer = client_for(author)
    page = text(trainer.get(session.get_absolute_url()))
    assert "Take attendance" in page
    response = trainer.post(
        reverse("workshops:attendance", args=[session.workshop_id, time.pk]),
        {"present": [str(colleague.pk)]},
    )
    assert response.status_code == 302
    assert Attendance.objects.get(person=colleague).present is True
    assert Attendance.objects.get(person=volunteer).present is False
    return session


def test_the_certificate_is_for_those_marked_present(
    held, colleague, volunteer, outsider, author, client_for
):
    url = reverse("learning:session_certificate", args=[held.pk])
    response = client_for(colleague).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(response.content))
    words = " ".join(page.extract_text() for page in pdf.pages)
    assert "Colin Colleague" in words
    assert TITLE in words
    assert "Certificate of participation" in words  # Colin reads English
    assert "Awa Author" in words  # the trainer
    assert "2 hours 30 minutes" in words
    for person in (volunteer, outsider, author, None):
        assert client_for(person).get(url).status_code == 404
    page = text(client_for(colleague).get(held.get_absolute_url()))
    assert "Download my certificate of participation" in page
    mine = my_trainings(colleague)
    assert [r.attended for r in mine.upcoming] == [True]


def test_evaluation_is_the_workshops(held, colleague, outsider, client_for):
    page = text(client_for(colleague).get(held.get_absolute_url()))
    assert "Evaluate the session" in page
    url = reverse("workshops:evaluation", args=[held.workshop_id])
    time = held.workshop.sessions.get()
    response = client_for(colleague).post(
        url, {"overall": "5", f"session_{time.pk}": "4", "most_useful": "Le récépissé"}
    )
    assert response.status_code in (200, 302)
    assert held.workshop.evaluations.filter(person=colleague).exists()
    assert client_for(outsider).get(url).status_code in (403, 404)


# Exports -----------------------------------------------------------------------------


def test_the_export_is_for_the_trainers_and_neutralises_formulas(
    held, author, facilitator, colleague, outsider, client_for
):
    colleague.display_name = '=HYPERLINK("http://x")'
    colleague.save(update_fields=["display_name"])
    QuizAttempt.objects.create(
        session=held, person=colleague, moment="before", answers={}, score=2, out_of=4
    )
    QuizAttempt.objects.create(
        session=held, person=colleague, moment="after", answers={}, score=4, out_of=4
    )
    url = reverse("learning:session_export", args=[held.pk, "csv"])
    response = client_for(author).get(url)
    assert response.status_code == 200
    content = response.content.decode("utf-8-sig")
    assert "'=HYPERLINK" in content
    assert "2/4" in content and "4/4" in content
    assert "present" in content and "absent" in content
    xlsx = client_for(facilitator).get(reverse("learning:session_export", args=[held.pk, "xlsx"]))
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    for person in (colleague, outsider, None):
        assert client_for(person).get(url).status_code == 404
    assert client_for(author).get(url.replace(".csv", ".pdf")).status_code == 404


# Visibility --------------------------------------------------------------------------


def test_an_organisation_only_session_is_not_seen_from_outside(
    make_training, facilitator, colleague, outsider, client_for, bearer, client
):
    internal = make_training(visibility="organisation", title="Notre formation interne")
    session = schedule(internal, facilitator)
    page = session.get_absolute_url()
    assert client_for(colleague).get(page).status_code == 200
    assert client_for(outsider).get(page).status_code == 404
    assert client_for(None).get(page).status_code == 404
    assert "Notre formation interne" not in text(
        client_for(outsider).get(reverse("learning:sessions"))
    )
    api = f"/api/v1/training-sessions/{session.pk}"
    assert client.get(api, **bearer(outsider)).status_code == 404
    assert client.get(api).status_code == 404
    assert client.get(api, **bearer(colleague)).status_code == 200
    listed = client.get("/api/v1/training-sessions", **bearer(outsider)).json()
    assert listed["meta"]["count"] == 0
    # The workshop behind it follows the same rule.
    workshop_page = reverse("workshops:detail", args=[session.workshop_id])
    assert client_for(outsider).get(workshop_page).status_code == 404


def test_the_workshop_page_leads_to_the_session(training, facilitator, colleague, client_for):
    session = schedule(training, facilitator)
    page = client_for(colleague).get(reverse("workshops:detail", args=[session.workshop_id]))
    assert session.get_absolute_url() in page.content.decode()


# API ---------------------------------------------------------------------------------


def test_the_api_schedules_lists_and_gives_registrations_to_trainers(
    training, author, colleague, outsider, bearer, client
):
    day = (timezone.localdate() + timedelta(days=8)).isoformat()
    payload = {"training": training.pk, "start_date": day, "city": "Bafut", "venue": "Salle"}
    created = client.post(
        "/api/v1/training-sessions", payload, content_type="application/json", **bearer(author)
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["training"]["title"] == TITLE
    assert body["trainers"][0]["name"] == "Awa Author"
    refused = client.post(
        "/api/v1/training-sessions", payload, content_type="application/json", **bearer(colleague)
    )
    assert refused.status_code == 403
    assert TrainingSession.objects.count() == 1

    registration_create(
        workshop=Workshop.objects.get(pk=body["workshop_id"]), person=colleague, by=colleague
    )
    registrations = f"/api/v1/training-sessions/{body['id']}/registrations"
    rows = client.get(registrations, **bearer(author)).json()
    assert {r["person"]["name"] for r in rows} == {"Awa Author", "Colin Colleague"}
    for person in (colleague, outsider):
        assert client.get(registrations, **bearer(person)).status_code == 404
    assert client.get(registrations).status_code == 404
    listed = client.get("/api/v1/training-sessions", **bearer(outsider)).json()
    assert [s["id"] for s in listed["results"]] == [body["id"]]


def test_my_trainings_lists_what_i_follow_and_give_in_few_queries(
    held, colleague, author, client_for, django_assert_max_num_queries
):
    client = client_for(colleague)
    client.get(reverse("learning:my_trainings"))
    with django_assert_max_num_queries(14):
        response = client.get(reverse("learning:my_trainings"))
    assert reverse("learning:session_certificate", args=[held.pk]) in response.content.decode()
    page = text(client_for(author).get(reverse("learning:my_trainings")))
    assert "Trainings I give" in page and TITLE in page


def test_the_openapi_document_describes_the_session_routes(client, db):
    document = client.get("/api/v1/openapi.json").json()
    paths = document["paths"]
    assert {"get", "post"} <= set(paths["/api/v1/training-sessions"])
    assert "get" in paths["/api/v1/training-sessions/{session_id}"]
    assert "get" in paths["/api/v1/training-sessions/{session_id}/registrations"]
    schemas = document["components"]["schemas"]
    assert {"TrainingSessionOut", "TrainingSessionCreate"} <= set(schemas)


def test_my_own_profile_shows_my_trainings_others_do_not(held, colleague, author, client_for):
    url = reverse("accounts:profile", args=[colleague.pk])
    panel = 'id="my-trainings-panel"'
    assert panel in client_for(colleague).get(url).content.decode()
    assert panel not in client_for(author).get(url).content.decode()
