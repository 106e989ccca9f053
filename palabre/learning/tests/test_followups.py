"""Follow-ups: some months after a training session, those who attended are asked whether
they applied it; a "yes" records an adoption that shows on the practice's page and in the
figures; the trainings given and followed show on contributor pages, as each viewer may
see them.

The data set: "Le warrantage à Ngaoundéré" (network), written by Awa (ADB); a published
training built on it, given by Awa; a session that ended 100 days ago where Colin (ADB)
and Oscar (ATE) were marked present, Vera (ADB) registered but was absent, and Awa,
the trainer, was marked present too.
"""

from __future__ import annotations

import html
import re
from datetime import time, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from conftest import make_person
from palabre.adoptions.models import Adoption, add_months
from palabre.learning.models import FollowUp, Training, TrainingPractice, TrainingSession
from palabre.learning.selectors.followups import (
    pending_follow_ups,
    practice_training_impact,
    training_impact,
)
from palabre.learning.services.followups import follow_up_answer, follow_ups_ask
from palabre.lib.errors import ServiceError
from palabre.notifications.models import Notification
from palabre.recognition.contributions import Period
from palabre.workshops.models import Attendance, Registration, Session, Workshop

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


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
        return client_for(user, **defaults)

    return make


def make_training(org, trainers, practices, *, title, visibility="network"):
    training = Training.objects.create(
        title=title,
        objectives="- Savoir monter un warrantage",
        organisation=org,
        visibility=visibility,
        status=Training.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    training.trainers.set(trainers)
    for position, practice in enumerate(practices):
        TrainingPractice.objects.create(training=training, practice=practice, position=position)
    return training


def make_session(training, org, *, ended_days_ago, visibility="network", city="Bafut"):
    day = timezone.localdate() - timedelta(days=ended_days_ago)
    workshop = Workshop.objects.create(
        kind=Workshop.Kind.TRAINING,
        title=training.title,
        objectives=training.objectives,
        start_date=day,
        end_date=day,
        city=city,
        status=Workshop.Status.PUBLISHED,
        visibility=visibility,
    )
    workshop.organisers.set([org])
    slot = Session.objects.create(
        workshop=workshop,
        kind=Session.Kind.PLENARY,
        title="Formation",
        starts_at=workshop.at(day, time(9, 0)),
        ends_at=workshop.at(day, time(12, 0)),
    )
    return TrainingSession.objects.create(training=training, workshop=workshop), slot


def attend(session, slot, person, *, present=True, organisation=None):
    Registration.objects.create(workshop=session.workshop, person=person, organisation=organisation)
    Attendance.objects.create(session=slot, person=person, present=present)


@pytest.fixture
def network(make_practice, author, colleague, volunteer, outsider, org_a, org_b):
    practice = make_practice(author, visibility="network", title="Le warrantage à Ngaoundéré")
    training = make_training(org_a, [author], [practice], title="Le warrantage en pratique")
    session, slot = make_session(training, org_a, ended_days_ago=100)
    attend(session, slot, colleague)
    attend(session, slot, outsider)
    attend(session, slot, volunteer, present=False)
    attend(session, slot, author)  # the trainer, present: not asked
    return {"practice": practice, "training": training, "session": session, "slot": slot}


def asked_people(session):
    return set(FollowUp.objects.filter(session=session).values_list("person__email", flat=True))


# The daily job -------------------------------------------------------------------------


def test_the_job_asks_those_present_once_after_the_delay(network, colleague, outsider, settings):
    session = network["session"]
    settings.LEARNING_FOLLOW_UP_MONTHS = 4  # about 120 days: not yet
    assert follow_ups_ask() == 0
    assert not FollowUp.objects.exists()

    settings.LEARNING_FOLLOW_UP_MONTHS = 3  # about 90 days: now
    assert follow_ups_ask() == 2
    assert asked_people(session) == {colleague.email, outsider.email}
    due = add_months(session.workshop.end_date, 3)
    assert set(FollowUp.objects.values_list("due_on", flat=True)) == {due}

    assert follow_ups_ask() == 0  # run again: nothing new, nothing sent again
    assert follow_ups_ask(today=timezone.localdate() + timedelta(days=400)) == 0
    assert FollowUp.objects.count() == 2
    notes = Notification.objects.filter(kind="learning.follow_up")
    assert sorted(n.recipient.email for n in notes) == sorted([colleague.email, outsider.email])
    follow_up = FollowUp.objects.get(person=colleague)
    assert notes.get(recipient=colleague).url == f"/training-follow-ups/{follow_up.pk}/"


def test_the_delay_counts_from_the_last_day(network, settings):
    settings.LEARNING_FOLLOW_UP_MONTHS = 4
    later = add_months(network["session"].workshop.end_date, 4)
    assert follow_ups_ask(today=later - timedelta(days=1)) == 0
    assert follow_ups_ask(today=later) == 2


def test_cancelled_and_recent_sessions_are_not_asked(network, colleague, org_a, settings):
    settings.LEARNING_FOLLOW_UP_MONTHS = 3
    recent, slot = make_session(network["training"], org_a, ended_days_ago=20)
    attend(recent, slot, colleague)
    cancelled, slot = make_session(network["training"], org_a, ended_days_ago=200)
    attend(cancelled, slot, colleague)
    Workshop.objects.filter(pk=cancelled.workshop_id).update(status=Workshop.Status.CANCELLED)
    follow_ups_ask()
    assert not FollowUp.objects.filter(session__in=[recent, cancelled]).exists()


def test_the_question_reaches_the_person_in_their_language(network, outsider, settings):
    outsider.language = "en"
    outsider.save(update_fields=["language"])
    follow_ups_ask()
    note = Notification.objects.get(recipient=outsider)
    assert note.title == "Did you apply what you learned in “Le warrantage en pratique”?"


# Answering -----------------------------------------------------------------------------


@pytest.fixture
def asked(network):
    follow_ups_ask()
    return {f.person.email: f for f in FollowUp.objects.select_related("person")}


def test_yes_records_an_adoption_seen_on_the_practice_page(
    network, asked, outsider, colleague, client_for
):
    follow_up = asked[outsider.email]
    client = client_for(outsider)
    page = client.get(f"/training-follow-ups/{follow_up.pk}/")
    assert page.status_code == 200
    assert "Did you apply what you learned?" in text(page)
    assert "Le warrantage à Ngaoundéré" in text(page)  # what a yes will record

    response = client.post(
        f"/training-follow-ups/{follow_up.pk}/",
        {"applied": "yes", "status": "in_progress", "note": "Deux magasins à Moundou."},
    )
    adoption = Adoption.objects.get(practice=network["practice"])
    assert response.status_code == 302
    assert response["Location"] == adoption.get_absolute_url()
    assert adoption.organisation.acronym == "ATE"
    assert adoption.status == Adoption.Status.IN_PROGRESS
    assert "Le warrantage en pratique" in adoption.context
    assert "Deux magasins à Moundou." in adoption.context
    follow_up.refresh_from_db()
    assert follow_up.applied is True and follow_up.adoption == adoption

    practice_page = text(client_for(colleague).get(network["practice"].get_absolute_url()))
    assert "Who adopted it" in practice_page and "ATE" in practice_page
    assert "Trained: 2 · applied since: 1 in 1 organisation" in practice_page
    assert training_impact(network["training"]).organisations == 1


def test_no_records_no_adoption(network, asked, colleague, client_for):
    follow_up = asked[colleague.email]
    response = client_for(colleague).post(
        f"/training-follow-ups/{follow_up.pk}/", {"applied": "no", "note": "Pas de budget."}
    )
    assert response.status_code == 302
    assert response["Location"] == "/training-follow-ups/"
    assert not Adoption.objects.exists()
    follow_up.refresh_from_db()
    assert follow_up.applied is False and follow_up.note == "Pas de budget."
    impact = practice_training_impact(network["practice"], viewer=colleague)
    assert (impact.trained, impact.applied, impact.organisations) == (2, 0, 0)
    page = text(client_for(colleague).get(network["practice"].get_absolute_url()))
    assert "Trained: 2" in page and "applied since" not in page


def test_an_answer_is_given_once(network, asked, outsider, client_for):
    follow_up = asked[outsider.email]
    client = client_for(outsider)
    client.post(f"/training-follow-ups/{follow_up.pk}/", {"applied": "yes"})
    again = client.post(f"/training-follow-ups/{follow_up.pk}/", {"applied": "no"})
    assert again.status_code == 409
    assert "You already answered this question" in text(again)
    follow_up.refresh_from_db()
    assert follow_up.applied is True
    assert Adoption.objects.count() == 1
    page = client.get(f"/training-follow-ups/{follow_up.pk}/")
    assert "yes, you applied it" in text(page)


def test_someone_elses_follow_up_is_not_found(network, asked, outsider, colleague, client_for):
    follow_up = asked[outsider.email]
    other = client_for(colleague)
    assert other.get(f"/training-follow-ups/{follow_up.pk}/").status_code == 404
    assert (
        other.post(f"/training-follow-ups/{follow_up.pk}/", {"applied": "yes"}).status_code == 404
    )
    assert client_for().get(f"/training-follow-ups/{follow_up.pk}/").status_code == 302  # log in
    with pytest.raises(ServiceError) as refused:
        follow_up_answer(follow_up=follow_up, by=colleague, applied=True)
    assert refused.value.status == 404
    assert not Adoption.objects.exists()
    follow_up.refresh_from_db()
    assert follow_up.answered_at is None


def test_an_existing_adoption_is_linked_not_repeated(network, asked, outsider, org_b):
    existing = Adoption.objects.create(
        practice=network["practice"],
        organisation=org_b,
        status=Adoption.Status.PLANNED,
        started_on=timezone.localdate() - timedelta(days=10),
    )
    answered = follow_up_answer(follow_up=asked[outsider.email], by=outsider, applied=True)
    assert answered.adoption == existing
    assert Adoption.objects.count() == 1


def test_someone_in_two_organisations_chooses_one(
    network, asked, colleague, org_a, org_b, client_for
):
    from palabre.organisations.models import Membership

    Membership.objects.create(user=colleague, organisation=org_b, role="member")
    follow_up = asked[colleague.email]
    client = client_for(colleague)
    form = client.get(f"/training-follow-ups/{follow_up.pk}/")
    assert "If yes: for which organisation?" in text(form)
    refused = client.post(f"/training-follow-ups/{follow_up.pk}/", {"applied": "yes"})
    assert refused.status_code == 400
    assert "Choose the organisation where you applied it." in text(refused)
    assert not Adoption.objects.exists()
    client.post(
        f"/training-follow-ups/{follow_up.pk}/",
        {"applied": "yes", "organisation": org_b.pk, "status": "planned"},
    )
    adoption = Adoption.objects.get()
    assert (adoption.organisation, adoption.status) == (org_b, Adoption.Status.PLANNED)


def test_the_organisation_registered_for_is_the_default(network, org_a, org_b, settings):
    from palabre.organisations.models import Membership

    both = make_person("both@example.org", "Bea Both", organisation=org_a)
    Membership.objects.create(user=both, organisation=org_b, role="member")
    attend(network["session"], network["slot"], both, organisation=org_b)
    follow_ups_ask()
    answered = follow_up_answer(follow_up=FollowUp.objects.get(person=both), by=both, applied=True)
    assert answered.adoption.organisation == org_b


def test_bad_answers_change_nothing(network, asked, outsider, colleague, org_a):
    follow_up = asked[outsider.email]
    with pytest.raises(ServiceError) as refused:
        follow_up_answer(follow_up=follow_up, by=outsider, applied=True, organisation=org_a)
    assert refused.value.status == 403
    with pytest.raises(ServiceError):
        follow_up_answer(follow_up=follow_up, by=outsider, applied=True, status="completed")
    with pytest.raises(ServiceError):
        follow_up_answer(follow_up=follow_up, by=outsider, applied=False, note="x" * 2001)
    follow_up.refresh_from_db()
    assert follow_up.answered_at is None and not Adoption.objects.exists()


# Pages that list follow-ups ----------------------------------------------------------------


def test_my_follow_ups_and_the_home_page(network, asked, colleague, client_for):
    follow_up = asked[colleague.email]
    assert list(pending_follow_ups(colleague)) == [follow_up]
    client = client_for(colleague)
    home = client.get("/")
    assert f"/training-follow-ups/{follow_up.pk}/" in home.content.decode()
    listing = client.get("/training-follow-ups/")
    assert "Le warrantage en pratique" in text(listing)
    follow_up_answer(follow_up=follow_up, by=colleague, applied=False)
    assert not pending_follow_ups(colleague).exists()
    assert f"/training-follow-ups/{follow_up.pk}/" not in client.get("/").content.decode()
    assert "Already answered" in text(client.get("/training-follow-ups/"))


def test_the_list_of_follow_ups_reads_a_fixed_number_of_rows(
    network, colleague, org_a, client_for, django_assert_max_num_queries
):
    for n in range(6):
        training = make_training(org_a, [], [network["practice"]], title=f"Formation {n}")
        session, slot = make_session(training, org_a, ended_days_ago=120 + n)
        attend(session, slot, colleague)
    follow_ups_ask()
    client = client_for(colleague)
    with django_assert_max_num_queries(12):
        response = client.get("/training-follow-ups/")
    assert text(response).count("Formation ") >= 6


# Contributions -------------------------------------------------------------------------------


def test_trainings_given_and_followed_on_contributor_pages(
    network, author, colleague, outsider, org_a, client_for
):
    internal = make_training(
        org_a,
        [author],
        [network["practice"]],
        title="Formation interne ADB",
        visibility="organisation",
    )
    session, slot = make_session(internal, org_a, ended_days_ago=30, visibility="organisation")
    attend(session, slot, colleague)

    inside = text(client_for(colleague).get(f"/contributors/{author.pk}/"))
    assert "Trainings given: 2" in inside
    assert "Formation interne ADB" in inside and "Le warrantage en pratique" in inside

    outside = text(client_for(outsider).get(f"/contributors/{author.pk}/"))
    assert "Trainings given: 1" in outside
    assert "Formation interne ADB" not in outside

    followed = text(client_for(outsider).get(f"/contributors/{colleague.pk}/"))
    assert "Trainings followed: 1" in followed
    assert "Formation interne ADB" not in followed
    mine = text(client_for(colleague).get(f"/contributors/{colleague.pk}/"))
    assert "Trainings followed: 2" in mine
    assert "Trainings given" not in mine


def test_attestations_leave_out_organisation_only_trainings(network, author, org_a):
    from palabre.learning.contributions import trainings_given

    internal = make_training(
        org_a, [author], [], title="Formation interne ADB", visibility="organisation"
    )
    make_session(internal, org_a, ended_days_ago=30)
    make_session(network["training"], org_a, ended_days_ago=5, visibility="organisation")
    make_session(network["training"], org_a, ended_days_ago=-30)  # upcoming

    private = trainings_given(author, viewer=author, period=Period(), private=True)
    assert len(private) == 3  # the upcoming one has not begun
    public = trainings_given(author, viewer=author, period=Period(), private=False)
    assert [c.title for c in public] == ["Le warrantage en pratique"]
    assert public[0].day == network["session"].workshop.start_date


def test_no_email_is_sent_twice(network, settings):
    follow_ups_ask()
    sent = len(mail.outbox)
    follow_ups_ask()
    assert len(mail.outbox) == sent


def test_the_daily_job_is_registered_and_runs_in_the_worker(network, colleague, run_tasks):
    from palabre.core import schedule
    from palabre.learning.tasks import follow_ups

    assert schedule.registered()["learning.follow_ups"] is follow_ups
    follow_ups.enqueue()
    assert run_tasks() == 1
    assert FollowUp.objects.filter(person=colleague).exists()
