# ruff: noqa: F811 (the fixtures imported from test_quiz are used as arguments)
"""The quiz from the outside: the trainer's editor, answering, one's own results and the
trainers' aggregate, on pages and through the API — and who may see what."""

from __future__ import annotations

import pytest

from conftest import make_person
from palabre.learning.models import QuizAttempt, QuizOption, QuizQuestion
from palabre.learning.services import quiz as services
from palabre.learning.tests.test_quiz import (  # noqa: F401 - fixtures
    make_session,
    participant,
    questions,
    register,
    right_answers,
    session,
    training,
    wrong_answers,
)

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def en(client_for):
    """A client logged in as ``user`` reading English pages (anonymous for None)."""

    def make(user=None):
        if user is not None and user.language != "en":
            user.language = "en"
            user.save(update_fields=["language"])
        return client_for(user, **EN)

    return make


@pytest.fixture
def bearer(db):
    from palabre.accounts.services import api_token_create

    def make(user):
        _token, secret = api_token_create(user=user, name="tests")
        return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}

    return make


@pytest.fixture
def api(client, bearer):
    def call(method, url, user=None, data=None):
        if user is not None and user.language != "en":
            # The API answers in the token holder's language: these callers read English.
            user.language = "en"
            user.save(update_fields=["language"])
        headers = {**EN, **(bearer(user) if user is not None else {})}
        kwargs = {"content_type": "application/json"} if data is not None else {}
        return getattr(client, method)(f"/api/v1/quiz{url}", data, **kwargs, **headers)

    return call


def _post_answers(answers):
    return {f"q{qid}": str(oid) for qid, oid in answers.items()}


# The editor ----------------------------------------------------------------------------


def test_the_trainer_adds_changes_moves_and_removes_questions_without_javascript(
    en, training, author
):
    browser = en(author)
    url = f"/trainings/{training.pk}/quiz/"
    page = browser.get(url)
    assert page.status_code == 200
    assert "No question yet" in page.content.decode()
    added = browser.post(
        url,
        {
            "text": "Où construire le magasin ?",
            "options": "* Sur une butte\nPrès de la rivière\n\n",
            "explanation": "Deux magasins ont été inondés en 2020.",
        },
        follow=True,
    )
    assert added.status_code == 200
    body = added.content.decode()
    assert "Question added to the quiz." in body and "Sur une butte" in body
    question = QuizQuestion.objects.get()
    assert [(o.text, o.is_correct) for o in question.options.all()] == [
        ("Sur une butte", True),
        ("Près de la rivière", False),
    ]
    browser.post(
        url, {"text": "Qui gère ?", "options": "Personne\n*Des gérants", "explanation": "Ainsi."}
    )
    second = QuizQuestion.objects.get(text="Qui gère ?")

    edit_url = f"{url}{question.pk}/"
    form = browser.get(edit_url).content.decode()
    assert "* Sur une butte" in form
    saved = browser.post(
        edit_url,
        {
            "text": "Où bâtir le magasin ?",
            "options": "* Sur une butte\nEn bas",
            "explanation": "Car.",
        },
    )
    assert saved.status_code == 302
    question.refresh_from_db()
    assert question.text == "Où bâtir le magasin ?"

    browser.post(f"{url}{second.pk}/move/", {"direction": "up"})
    assert list(QuizQuestion.objects.order_by("position").values_list("pk", flat=True)) == [
        second.pk,
        question.pk,
    ]
    confirm = browser.get(f"{url}{second.pk}/remove/")
    assert "Remove this question?" in confirm.content.decode()
    assert QuizQuestion.objects.count() == 2
    browser.post(f"{url}{second.pk}/remove/")
    assert list(QuizQuestion.objects.values_list("pk", flat=True)) == [question.pk]


@pytest.mark.parametrize(
    ("options", "explanation", "message"),
    [
        ("Sur une butte\nPrès de la rivière", "Car.", "Mark at least one right answer"),
        ("* Sur une butte", "Car.", "Give at least two possible answers"),
        ("* Sur une butte\nPrès de la rivière", "  ", "Explain the right answer"),
    ],
)
def test_a_bad_question_gets_a_clear_message_and_a_400_and_nothing_is_written(
    en, training, author, options, explanation, message
):
    page = en(author).post(
        f"/trainings/{training.pk}/quiz/",
        {"text": "Où construire le magasin ?", "options": options, "explanation": explanation},
    )
    assert page.status_code == 400
    assert message in page.content.decode()
    assert not QuizQuestion.objects.exists() and not QuizOption.objects.exists()


def test_the_editor_is_for_the_training_editors_only(en, training, colleague, outsider, questions):
    question = questions[0]
    for user in (None, colleague, outsider):
        browser = en(user)
        assert browser.get(f"/trainings/{training.pk}/quiz/").status_code == 404
        assert browser.get(f"/trainings/{training.pk}/quiz/{question.pk}/").status_code == 404
        gone = browser.post(f"/trainings/{training.pk}/quiz/{question.pk}/remove/")
        assert gone.status_code == 404
    assert QuizQuestion.objects.count() == 3


def test_a_question_of_another_training_is_not_found(en, training, author, questions, org_a):
    from palabre.learning.models import Training

    other = Training.objects.create(
        title="Autre", objectives="Autre.", organisation=org_a, status="published"
    )
    other.trainers.set([author])
    page = en(author).get(f"/trainings/{other.pk}/quiz/{questions[0].pk}/")
    assert page.status_code == 404


# Answering on the page --------------------------------------------------------------------


def test_a_participant_answers_then_reads_the_result(en, session, participant, questions):
    browser = en(participant)
    url = f"/training-sessions/{session.pk}/quiz/before/"
    page = browser.get(url)
    assert page.status_code == 200
    body = page.content.decode()
    assert 'type="radio"' in body and "Faut-il construire le magasin sur une butte ?" in body
    assert "Deux magasins ont été inondés" not in body  # no explanation before answering
    done = browser.post(url, _post_answers(wrong_answers(questions)), follow=True)
    assert done.status_code == 200
    body = done.content.decode()
    assert "Your answers are recorded: 0 right out of 3." in body
    assert "Your score: 0 right out of 3." in body
    # The right answers wait for the quiz after the session.
    assert "Deux magasins ont été inondés" not in body

    after = browser.post(
        f"/training-sessions/{session.pk}/quiz/after/",
        _post_answers(right_answers(questions)),
        follow=True,
    )
    body = after.content.decode()
    assert "Your score: 3 right out of 3." in body
    assert "Deux magasins ont été inondés en 2020." in body  # the explanations, now

    mine = browser.get(f"/training-sessions/{session.pk}/quiz/").content.decode()
    assert "0 out of 3" in mine and "3 out of 3" in mine


def test_answering_twice_on_the_page_is_a_409_with_a_message(en, session, participant, questions):
    browser = en(participant)
    url = f"/training-sessions/{session.pk}/quiz/before/"
    browser.post(url, _post_answers(wrong_answers(questions)))
    again = browser.post(url, _post_answers(right_answers(questions)))
    assert again.status_code == 409
    assert "You have already answered the quiz before the session" in again.content.decode()
    assert QuizAttempt.objects.get().score == 0


def test_a_question_left_unanswered_is_a_400_and_nothing_is_written(
    en, session, participant, questions
):
    answers = _post_answers(right_answers(questions))
    answers.pop(f"q{questions[1].pk}")
    page = en(participant).post(f"/training-sessions/{session.pk}/quiz/before/", answers)
    assert page.status_code == 400
    assert "Choose an answer." in page.content.decode()
    assert not QuizAttempt.objects.exists()


def test_someone_not_registered_cannot_answer(en, session, volunteer, questions):
    browser = en(volunteer)
    url = f"/training-sessions/{session.pk}/quiz/before/"
    page = browser.get(url)
    assert page.status_code == 403
    assert "Only the people registered to this session" in page.content.decode()
    posted = browser.post(url, _post_answers(right_answers(questions)))
    assert posted.status_code == 403
    assert not QuizAttempt.objects.exists()


def test_anonymous_is_asked_to_log_in_on_a_session_they_may_see(en, training, questions):
    public = make_session(training, visibility="public")
    training.visibility = "public"
    training.save()
    page = en().get(f"/training-sessions/{public.pk}/quiz/before/")
    assert page.status_code == 302 and "/login/" in page["Location"]


def test_who_may_not_see_the_session_gets_404_everywhere(
    en, api, training, questions, author, outsider
):
    hidden = make_session(training, visibility="organisation")
    # A colleague of the author (trainers do not take their own quiz).
    participant = make_person(
        "participant@adb.example", "Paula", organisation=author.memberships.first().organisation
    )
    register(hidden, participant)
    services.attempt_submit(
        session=hidden, person=participant, moment="before", answers=right_answers(questions)
    )
    for user in (None, outsider):
        browser = en(user)
        for url in ("", "before/", "after/", "results/"):
            page = browser.get(f"/training-sessions/{hidden.pk}/quiz/{url}")
            assert page.status_code == 404, (user, url)
        posted = browser.post(
            f"/training-sessions/{hidden.pk}/quiz/after/", _post_answers(right_answers(questions))
        )
        assert posted.status_code == 404
        for url in ("mine", "results", "questions"):
            assert api("get", f"/sessions/{hidden.pk}/{url}", user).status_code == 404
        answered = api(
            "post",
            f"/sessions/{hidden.pk}/after",
            user,
            {"answers": {str(k): v for k, v in right_answers(questions).items()}},
        )
        assert answered.status_code == 404
    assert QuizAttempt.objects.count() == 1


# Nobody reads another person's answers ----------------------------------------------------


def test_a_participant_sees_only_their_own_results(
    en, api, session, participant, volunteer, questions
):
    register(session, volunteer)
    services.attempt_submit(
        session=session, person=volunteer, moment="before", answers=right_answers(questions)
    )
    services.attempt_submit(
        session=session, person=volunteer, moment="after", answers=right_answers(questions)
    )
    services.attempt_submit(
        session=session, person=participant, moment="before", answers=wrong_answers(questions)
    )
    browser = en(participant)
    mine = browser.get(f"/training-sessions/{session.pk}/quiz/").content.decode()
    assert "0 out of 3" in mine and "3 out of 3" not in mine
    assert browser.get(f"/training-sessions/{session.pk}/quiz/results/").status_code == 404
    after = browser.get(f"/training-sessions/{session.pk}/quiz/after/").content.decode()
    assert "Your score" not in after  # the volunteer's after-quiz is not theirs

    body = api("get", f"/sessions/{session.pk}/mine", participant).json()
    assert body["before"]["attempt"]["score"] == 0
    assert body["after"]["attempt"] is None and body["after"]["can_answer"] is True
    assert body["before"]["attempt"]["questions"][0]["right_options"] is None
    assert api("get", f"/sessions/{session.pk}/results", participant).status_code == 404

    # Someone who sees the session but took no part has no results at all.
    neighbour = api("get", f"/sessions/{session.pk}/mine", volunteer).json()
    assert neighbour["before"]["attempt"]["score"] == 3
    assert neighbour["before"]["attempt"]["questions"][0]["explanation"]


def test_the_profile_panel_is_for_the_person_themselves(
    en, session, participant, author, questions
):
    services.attempt_submit(
        session=session, person=participant, moment="before", answers=right_answers(questions)
    )
    own = en(participant).get(f"/people/{participant.pk}/").content.decode()
    assert "My quiz scores" in own and "3/3" in own
    other = en(author).get(f"/people/{participant.pk}/").content.decode()
    assert "My quiz scores" not in other and "3/3" not in other


# The trainers' aggregate ------------------------------------------------------------------


def test_the_trainer_reads_the_aggregate_and_nobody_s_answers(
    en, api, session, participant, volunteer, author, facilitator, questions,
    django_assert_max_num_queries,
):  # fmt: skip
    register(session, volunteer)
    services.attempt_submit(
        session=session, person=participant, moment="before", answers=wrong_answers(questions)
    )
    services.attempt_submit(
        session=session, person=volunteer, moment="before", answers=right_answers(questions)
    )
    services.attempt_submit(
        session=session, person=participant, moment="after", answers=right_answers(questions)
    )
    browser = en(author)
    url = f"/training-sessions/{session.pk}/quiz/results/"
    browser.get(url)  # warm up (session, language)
    with django_assert_max_num_queries(12):
        page = browser.get(url)
    assert page.status_code == 200
    body = page.content.decode()
    assert "2 people answered, out of 2 registered." in body
    assert "50 %" in body and "100 %" in body
    assert participant.display_name not in body and volunteer.display_name not in body

    results = api("get", f"/sessions/{session.pk}/results", facilitator).json()
    assert results["participants"] == 2 and results["registered"] == 2
    assert results["before"] == {"answers": 2, "average_percent": 50}
    assert results["after"] == {"answers": 1, "average_percent": 100}
    assert results["answered_both"] == 1 and results["progress_points"] == 100
    assert [q["before_right_percent"] for q in results["questions"]] == [50, 50, 50]
    assert "person" not in str(results) and 'answers": {' not in str(results)


def test_a_workshop_facilitator_of_the_session_reads_the_results(en, session, colleague):
    register(session, colleague, role="facilitator")
    assert en(colleague).get(f"/training-sessions/{session.pk}/quiz/results/").status_code == 200


# The API -----------------------------------------------------------------------------------


def test_answering_through_the_api(api, session, participant, questions):
    listed = api("get", f"/sessions/{session.pk}/questions", participant).json()
    assert [q["number"] for q in listed["questions"]] == [1, 2, 3]
    assert "is_correct" not in str(listed) and "right" not in str(listed)
    answers = {str(q["id"]): q["options"][0]["id"] for q in listed["questions"]}
    created = api("post", f"/sessions/{session.pk}/before", participant, {"answers": answers})
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["attempt"]["score"] == 2 and body["attempt"]["out_of"] == 3
    again = api("post", f"/sessions/{session.pk}/before", participant, {"answers": answers})
    assert again.status_code == 409
    assert "already answered" in again.json()["detail"]
    assert QuizAttempt.objects.count() == 1


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ({"answers": {}}, 400),
        ({"answers": {"1": 1}}, 400),
        ({"answers": "nothing"}, 400),
    ],
)
def test_bad_answers_through_the_api_are_refused(
    api, session, participant, questions, payload, status
):
    answered = api("post", f"/sessions/{session.pk}/before", participant, payload)
    assert answered.status_code == status
    assert answered.json()["detail"]
    assert not QuizAttempt.objects.exists()


def test_the_api_refuses_who_is_not_registered_or_not_logged_in(
    api, session, volunteer, questions, training
):
    answers = {"answers": {str(k): v for k, v in right_answers(questions).items()}}
    assert api("post", f"/sessions/{session.pk}/before", volunteer, answers).status_code == 403
    assert api("post", f"/sessions/{session.pk}/sometime", volunteer, answers).status_code == 404
    public = make_session(training, visibility="public")
    training.visibility = "public"
    training.save()
    assert api("post", f"/sessions/{public.pk}/before", None, answers).status_code == 401
    assert api("get", f"/sessions/{public.pk}/mine").status_code == 401
    assert not QuizAttempt.objects.exists()


def test_openapi_describes_the_quiz_routes(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path, method in [
        ("/api/v1/quiz/sessions/{session_id}/mine", "get"),
        ("/api/v1/quiz/sessions/{session_id}/questions", "get"),
        ("/api/v1/quiz/sessions/{session_id}/results", "get"),
        ("/api/v1/quiz/sessions/{session_id}/{moment}", "post"),
    ]:
        assert method in paths[path], (path, method)
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert {"QuizMineOut", "QuizResultsOut", "QuizSubmitIn"} <= set(schemas)
