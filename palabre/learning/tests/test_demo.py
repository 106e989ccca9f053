"""The demo network gives internal training something real to show: three published
trainings with their quiz, a session given four months ago (attendance, quiz scores,
evaluations, follow-ups answered "yes" and "no"), one coming up, and learning wishes."""

import html

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from palabre.accounts.models import User
from palabre.adoptions.models import Adoption
from palabre.core.models import OutgoingEmail
from palabre.learning import kinds
from palabre.learning.demo import demo_file
from palabre.learning.models import (
    FollowUp,
    LearningWish,
    QuizAttempt,
    QuizQuestion,
    Training,
    TrainingSession,
)
from palabre.lib.visibility import Visibility
from palabre.notifications.models import Notification
from palabre.workshops.models import Attendance, Evaluation, Registration


def text(response) -> str:
    return html.unescape(response.content.decode())


def _counts():
    return {
        "trainings": Training.objects.count(),
        "questions": QuizQuestion.objects.count(),
        "sessions": TrainingSession.objects.count(),
        "registrations": Registration.objects.filter(workshop__kind="training").count(),
        "attendance": Attendance.objects.filter(session__workshop__kind="training").count(),
        "evaluations": Evaluation.objects.filter(workshop__kind="training").count(),
        "attempts": QuizAttempt.objects.count(),
        "follow_ups": FollowUp.objects.count(),
        "adoptions": Adoption.objects.count(),
        "wishes": LearningWish.objects.count(),
        "notifications": Notification.objects.filter(kind__startswith="learning.").count(),
        "emails": OutgoingEmail.objects.count(),
    }


@pytest.fixture
def demo(db):
    call_command("demo", verbosity=0)


def person(email):
    return User.objects.get(email=email)


def test_the_demo_loads_once_and_covers_trainings_sessions_quiz_and_follow_ups(demo):
    first = _counts()
    call_command("demo", verbosity=0)
    assert _counts() == first

    trainings = Training.objects.order_by("pk")
    assert first["trainings"] == len(demo_file("trainings")) == 3
    assert all(t.status == Training.Status.PUBLISHED and t.published_at for t in trainings)
    assert all(t.practices.count() >= 1 and t.questions.count() >= 3 for t in trainings)
    assert sum(t.practices.count() >= 2 for t in trainings) >= 2

    today = timezone.localdate()
    sessions = list(TrainingSession.objects.select_related("workshop"))
    past = [s for s in sessions if s.workshop.end_date < today]
    upcoming = [s for s in sessions if s.workshop.start_date > today]
    assert (len(past), len(upcoming)) == (1, 1)
    given, coming = past[0], upcoming[0]
    assert 100 <= (today - given.workshop.start_date).days <= 140
    assert 7 <= (coming.workshop.start_date - today).days <= 60

    # The past session: attendance, quiz before and after, evaluations, follow-ups.
    assert Attendance.objects.filter(session__workshop=given.workshop, present=True).exists()
    assert Attendance.objects.filter(session__workshop=given.workshop, present=False).exists()
    attempts = QuizAttempt.objects.filter(session=given)
    assert attempts.filter(moment="before").count() >= 5
    assert attempts.filter(moment="after").count() >= 5
    before = {a.person_id: a.score for a in attempts.filter(moment="before")}
    after = {a.person_id: a.score for a in attempts.filter(moment="after")}
    assert sum(after.values()) > sum(before[pk] for pk in after)  # they learned something
    assert Evaluation.objects.filter(workshop=given.workshop).count() >= 4
    follow_ups = FollowUp.objects.filter(session=given)
    assert follow_ups.filter(applied=True).count() >= 2
    assert follow_ups.filter(applied=False).count() >= 1
    assert follow_ups.filter(answered_at__isnull=True).exists()  # still to answer
    assert all(f.due_on <= today for f in follow_ups)

    # A "yes" recorded adoptions of the training's practices for the person's organisation.
    yes = follow_ups.filter(applied=True, adoption__isnull=False).select_related(
        "adoption", "person"
    )
    assert yes.exists()
    for follow_up in yes:
        adoption = follow_up.adoption
        assert adoption.created_by == follow_up.person
        assert adoption.practice in given.training.practices.all()
        assert adoption.organisation.memberships.filter(user=follow_up.person).exists()

    # The upcoming session: some registrations, a few "before" quizzes, nothing after.
    registered = Registration.objects.filter(workshop=coming.workshop, role="participant")
    assert registered.count() >= 3
    assert QuizAttempt.objects.filter(session=coming, moment="before").exists()
    assert not QuizAttempt.objects.filter(session=coming, moment="after").exists()
    assert not FollowUp.objects.filter(session=coming).exists()

    # Wishes for the needs page; nothing e-mailed about training.
    assert first["wishes"] == len(demo_file("wishes"))
    assert not OutgoingEmail.objects.filter(kind__startswith="notification:learning.").exists()
    assert not Notification.objects.filter(
        kind__startswith="learning.", email_state__in=["sent", "pending"]
    ).exists()
    # The unanswered follow-ups are what their people are told about, unread.
    unread = Notification.objects.filter(kind=kinds.FOLLOW_UP, read_at__isnull=True)
    assert set(unread.values_list("recipient_id", flat=True)) == set(
        follow_ups.filter(answered_at__isnull=True).values_list("person_id", flat=True)
    )


def test_the_catalogue_shows_visitors_only_the_public_trainings(demo, client_for):
    public = Training.objects.filter(visibility=Visibility.PUBLIC)
    hidden = Training.objects.exclude(visibility=Visibility.PUBLIC)
    assert public.exists() and hidden.exists()
    page = text(client_for(HTTP_ACCEPT_LANGUAGE="en").get(reverse("learning:catalogue")))
    for training in public:
        assert training.title in page
    for training in hidden:
        assert training.title not in page
    page = text(client_for(person("awa.bello@fal.example")).get(reverse("learning:catalogue")))
    for training in Training.objects.all():
        assert training.title in page


@pytest.mark.parametrize(
    "email",
    [
        "awa.bello@fal.example",
        "fotso@adecob.example",
        "animatrice@palabre.example",
        "etoundi@adecob.example",
    ],
)
def test_the_demo_logins_find_trainings_of_their_own(demo, client_for, email):
    user = person(email)
    client = client_for(user)
    page = text(client.get(reverse("learning:my_trainings")))
    given = Training.objects.filter(trainers=user)
    registered = TrainingSession.objects.filter(
        workshop__registrations__person=user, workshop__registrations__role="participant"
    ).select_related("training")
    assert given.exists() or registered.exists()
    for training in given:
        assert training.title in page
    for session in registered:
        assert session.training.title in page


def test_the_demo_volunteer_has_a_follow_up_to_answer(demo, client_for):
    user = person("etoundi@adecob.example")
    follow_up = FollowUp.objects.get(person=user)
    assert follow_up.answered_at is None
    response = client_for(user).get(reverse("learning:follow_up", args=[follow_up.pk]))
    assert response.status_code == 200
    assert follow_up.session.training.title in text(response)


def test_the_needs_page_shows_the_wishes(demo, client_for):
    facilitator = person("animatrice@palabre.example")
    response = client_for(facilitator).get(reverse("learning:needs"))
    assert response.status_code == 200
    page = text(response)
    assert "Santé communautaire" in page or "Community health" in page
