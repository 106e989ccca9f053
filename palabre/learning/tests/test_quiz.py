"""The quiz's rules: questions as the trainer writes them, answers before and after a
session, scores counted by the server, and results in aggregate for the trainers."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from palabre.audit.models import AuditEvent
from palabre.learning.models import QuizAttempt, QuizOption, QuizQuestion, Training, TrainingSession
from palabre.learning.selectors import quiz as selectors
from palabre.learning.services import quiz as services
from palabre.lib.errors import ServiceError
from palabre.workshops.models import Registration, Workshop

# The cast and the session every test of the quiz shares ----------------------------------


@pytest.fixture
def training(author, org_a):
    training = Training.objects.create(
        title="Le warrantage pas à pas",
        objectives="Savoir monter un warrantage.",
        organisation=org_a,
        status=Training.Status.PUBLISHED,
        visibility="network",
        created_by=author,
        published_at=timezone.now(),
    )
    training.trainers.set([author])
    return training


def make_session(training, *, starts_in_days=-1, visibility="network", organisers=None):
    today = timezone.localdate()
    start = today + timedelta(days=starts_in_days)
    workshop = Workshop.objects.create(
        kind=Workshop.Kind.TRAINING,
        title=f"Session : {training.title}",
        objectives=training.objectives,
        start_date=start,
        end_date=start + timedelta(days=1),
        status=Workshop.Status.PUBLISHED,
        visibility=visibility,
        published_at=timezone.now(),
    )
    workshop.organisers.set(organisers or [training.organisation])
    return TrainingSession.objects.create(training=training, workshop=workshop)


def register(session, person, status=Registration.Status.CONFIRMED, role="participant"):
    return Registration.objects.create(
        workshop=session.workshop, person=person, status=status, role=role
    )


@pytest.fixture
def session(training):
    return make_session(training)


@pytest.fixture
def questions(training, author):
    """Three questions; the right answers are the ones starting with "Oui"."""
    return [
        services.question_add(
            training=training,
            by=author,
            text="Faut-il construire le magasin sur une butte ?",
            explanation="Deux magasins ont été inondés en 2020.",
            options=[("Oui, sur une butte", True), ("Non, près de la rivière", False)],
        ),
        services.question_add(
            training=training,
            by=author,
            text="Qui gère le magasin ?",
            explanation="Les gérants sont choisis avant de commencer.",
            options=[
                ("Oui, des gérants choisis par le groupement", True),
                ("Le premier venu", False),
                ("Personne", False),
            ],
        ),
        services.question_add(
            training=training,
            by=author,
            text="Faut-il un marché où vendre plus tard ?",
            explanation="Sans marché, le stock ne vaut rien.",
            options=[("Non", False), ("Oui, c'est une condition", True)],
        ),
    ]


def right_answers(questions):
    return {q.pk: q.options.get(is_correct=True).pk for q in questions}


def wrong_answers(questions):
    return {q.pk: q.options.filter(is_correct=False).first().pk for q in questions}


@pytest.fixture
def participant(colleague, session):
    register(session, colleague)
    return colleague


# Writing questions -----------------------------------------------------------------------


def test_a_trainer_writes_questions_in_order(questions, training):
    assert [q.text for q in selectors.quiz_questions(training)] == [q.text for q in questions]
    first = selectors.quiz_questions(training)[0]
    assert [(o.text, o.is_correct) for o in first.options.all()] == [
        ("Oui, sur une butte", True),
        ("Non, près de la rivière", False),
    ]
    assert AuditEvent.objects.filter(action="quiz.question_added").count() == 3


@pytest.mark.parametrize(
    ("text", "explanation", "options", "field"),
    [
        ("Une question ?", "Parce que.", [("A", False), ("B", False)], "options"),  # no right
        ("Une question ?", "Parce que.", [("A", True)], "options"),  # one option
        ("Une question ?", "Parce que.", [("A", True), ("  ", False)], "options"),  # empty one
        ("Une question ?", "", [("A", True), ("B", False)], "explanation"),
        ("Une question ?", "   ", [("A", True), ("B", False)], "explanation"),
        ("  ", "Parce que.", [("A", True), ("B", False)], "text"),
        ("Une question ?", "Parce que.", [("A", True), ("a", False)], "options"),  # twice
        ("Une question ?", "Parce que.", [("A", True), ("B", True)], "options"),  # all right
    ],
)
def test_a_question_that_cannot_be_answered_well_is_refused_and_nothing_is_written(
    training, author, text, explanation, options, field
):
    with pytest.raises(ServiceError) as refused:
        services.question_add(
            training=training, by=author, text=text, explanation=explanation, options=options
        )
    assert refused.value.status == 400
    assert refused.value.field == field
    assert not QuizQuestion.objects.exists()
    assert not QuizOption.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="quiz.").exists()


def test_only_the_editors_of_the_training_write_its_quiz(
    training, colleague, outsider, org_admin, facilitator
):
    values = {"text": "Q ?", "explanation": "E.", "options": [("A", True), ("B", False)]}
    with pytest.raises(ServiceError) as refused:
        services.question_add(training=training, by=colleague, **values)
    assert refused.value.status == 403
    training.visibility = "organisation"
    training.save()
    with pytest.raises(ServiceError) as refused:
        services.question_add(training=training, by=outsider, **values)
    assert refused.value.status == 404
    assert not QuizQuestion.objects.exists()
    services.question_add(training=training, by=org_admin, **values)
    services.question_add(training=training, by=facilitator, **values)
    assert QuizQuestion.objects.count() == 2


def test_a_refused_change_leaves_the_question_as_it_was(questions, author):
    question = questions[0]
    with pytest.raises(ServiceError):
        services.question_update(
            question=question,
            by=author,
            text="Nouveau texte",
            explanation="Nouvelle explication",
            options=[("Seule réponse", True)],
        )
    question.refresh_from_db()
    assert question.text == "Faut-il construire le magasin sur une butte ?"
    assert question.options.count() == 2


def test_once_answered_a_question_keeps_its_right_answers(questions, author, session, participant):
    services.attempt_submit(
        session=session, person=participant, moment="before", answers=right_answers(questions)
    )
    question = questions[0]
    option_ids = list(question.options.values_list("pk", flat=True))
    # Rewording is fine: the same answers stay, the scores stay true.
    services.question_update(
        question=question,
        by=author,
        text="Où construire le magasin ?",
        explanation="Deux magasins ont été inondés.",
        options=[("Sur une butte", True), ("Près de la rivière", False)],
    )
    assert list(question.options.values_list("pk", flat=True)) == option_ids
    # Changing which answer is right is not.
    with pytest.raises(ServiceError) as refused:
        services.question_update(
            question=question,
            by=author,
            text="Où construire le magasin ?",
            explanation="Deux magasins ont été inondés.",
            options=[("Sur une butte", False), ("Près de la rivière", True)],
        )
    assert refused.value.status == 409
    assert question.options.get(is_correct=True).text == "Sur une butte"


def test_questions_are_reordered_and_removed(questions, training, author):
    a, b, c = questions
    services.questions_reorder(training=training, by=author, order=[c.pk, a.pk, b.pk])
    assert [q.pk for q in selectors.quiz_questions(training)] == [c.pk, a.pk, b.pk]
    with pytest.raises(ServiceError) as refused:
        services.questions_reorder(training=training, by=author, order=[c.pk, a.pk])
    assert refused.value.status == 409
    with pytest.raises(ServiceError) as refused:
        services.questions_reorder(training=training, by=author, order=[c.pk, c.pk, a.pk])
    assert refused.value.status == 400
    services.question_move(question=a, by=author, up=True)
    assert [q.pk for q in selectors.quiz_questions(training)] == [a.pk, c.pk, b.pk]
    services.question_remove(question=c, by=author)
    assert [q.pk for q in selectors.quiz_questions(training)] == [a.pk, b.pk]


# Answering ---------------------------------------------------------------------------------


def test_the_score_is_counted_by_the_server(questions, session, participant):
    answers = right_answers(questions)
    answers[questions[1].pk] = questions[1].options.filter(is_correct=False).first().pk
    attempt = services.attempt_submit(
        session=session, person=participant, moment="before", answers=answers
    )
    assert (attempt.score, attempt.out_of) == (2, 3)
    after = services.attempt_submit(
        session=session,
        person=participant,
        moment="after",
        answers={str(k): str(v) for k, v in right_answers(questions).items()},
    )
    assert (after.score, after.out_of) == (3, 3)


def test_answering_twice_is_refused_with_409(questions, session, participant):
    services.attempt_submit(
        session=session, person=participant, moment="before", answers=wrong_answers(questions)
    )
    with pytest.raises(ServiceError) as refused:
        services.attempt_submit(
            session=session, person=participant, moment="before", answers=right_answers(questions)
        )
    assert refused.value.status == 409
    assert "already" in str(refused.value.message)
    attempt = QuizAttempt.objects.get()
    assert attempt.score == 0


def test_the_quiz_before_closes_once_the_one_after_is_answered(questions, session, participant):
    services.attempt_submit(
        session=session, person=participant, moment="after", answers=right_answers(questions)
    )
    with pytest.raises(ServiceError) as refused:
        services.attempt_submit(
            session=session, person=participant, moment="before", answers=right_answers(questions)
        )
    assert refused.value.status == 409
    assert QuizAttempt.objects.count() == 1


def test_the_quiz_after_opens_on_the_first_day(questions, training, colleague):
    later = make_session(training, starts_in_days=3)
    register(later, colleague)
    with pytest.raises(ServiceError) as refused:
        services.attempt_submit(
            session=later, person=colleague, moment="after", answers=right_answers(questions)
        )
    assert refused.value.status == 409
    services.attempt_submit(
        session=later, person=colleague, moment="before", answers=right_answers(questions)
    )
    assert QuizAttempt.objects.filter(moment="before").count() == 1


@pytest.mark.parametrize("status", ["waitlisted", "cancelled", None])
def test_only_confirmed_participants_answer(questions, session, volunteer, status):
    if status:
        register(session, volunteer, status=status)
    with pytest.raises(ServiceError) as refused:
        services.attempt_submit(
            session=session, person=volunteer, moment="before", answers=right_answers(questions)
        )
    assert refused.value.status == 403
    assert not QuizAttempt.objects.exists()


def test_someone_who_may_not_see_the_session_gets_404(questions, training, outsider):
    hidden = make_session(training, visibility="organisation")
    with pytest.raises(ServiceError) as refused:
        services.attempt_submit(
            session=hidden, person=outsider, moment="before", answers=right_answers(questions)
        )
    assert refused.value.status == 404
    assert not QuizAttempt.objects.exists()


@pytest.mark.parametrize(
    "spoil",
    [
        lambda qs, a: a.pop(qs[2].pk),  # a question left out
        lambda qs, a: a.__setitem__(qs[0].pk, qs[1].options.first().pk),  # another's option
        lambda qs, a: a.__setitem__(99999, 1),  # a question of no quiz
        lambda qs, a: a.__setitem__(qs[0].pk, "n'importe quoi"),
    ],
)
def test_every_question_must_be_answered_with_one_of_its_own_answers(
    questions, session, participant, spoil
):
    answers = right_answers(questions)
    spoil(questions, answers)
    with pytest.raises(ServiceError) as refused:
        services.attempt_submit(
            session=session, person=participant, moment="before", answers=answers
        )
    assert refused.value.status == 400
    assert not QuizAttempt.objects.exists()


def test_a_training_without_questions_has_no_quiz(session, participant):
    with pytest.raises(ServiceError) as refused:
        services.attempt_submit(session=session, person=participant, moment="before", answers={})
    assert refused.value.status == 409


def test_a_cancelled_session_closes_its_quiz(questions, session, participant):
    Workshop.objects.filter(pk=session.workshop_id).update(status=Workshop.Status.CANCELLED)
    session.workshop.refresh_from_db()
    with pytest.raises(ServiceError) as refused:
        services.attempt_submit(
            session=session, person=participant, moment="before", answers=right_answers(questions)
        )
    assert refused.value.status == 409


# Reading ---------------------------------------------------------------------------------


def test_the_aggregate_counts_people_averages_and_right_answers_per_question(
    questions, session, participant, volunteer, outsider
):
    register(session, volunteer)
    register(session, outsider)  # registered, never answers
    first_wrong = right_answers(questions)
    first_wrong[questions[0].pk] = questions[0].options.get(is_correct=False).pk
    services.attempt_submit(
        session=session, person=participant, moment="before", answers=wrong_answers(questions)
    )
    services.attempt_submit(session=session, person=volunteer, moment="before", answers=first_wrong)
    services.attempt_submit(
        session=session, person=participant, moment="after", answers=right_answers(questions)
    )
    results = selectors.session_results(session)
    assert results.registered == 3
    assert results.participants == 2
    assert (results.before.count, results.before.average_percent) == (2, 33)  # 0/3 and 2/3
    assert (results.after.count, results.after.average_percent) == (1, 100)
    assert results.both == 1 and results.progress_points == 100
    first, second, _third = results.questions
    assert (first.before_right, first.before_answered, first.before_percent) == (0, 2, 0)
    assert (second.before_right, second.before_answered, second.before_percent) == (1, 2, 50)
    assert (first.after_right, first.after_answered) == (1, 1)


def test_a_person_reads_only_their_own_scores(questions, session, participant, volunteer):
    register(session, volunteer)
    services.attempt_submit(
        session=session, person=volunteer, moment="before", answers=right_answers(questions)
    )
    services.attempt_submit(
        session=session, person=participant, moment="before", answers=wrong_answers(questions)
    )
    mine = selectors.my_quiz(participant, session)
    assert mine.state("before").attempt.score == 0
    assert mine.state("after").attempt is None
    assert [(r.before.score, r.after) for r in selectors.my_scores(participant)] == [(0, None)]
    assert [r.before.score for r in selectors.my_scores(volunteer)] == [3]
