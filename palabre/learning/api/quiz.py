"""API v1 of internal training: quiz.

- ``GET /quiz/sessions/{id}/questions``: the session's quiz to answer (questions and their
  answers, not which ones are right), for the people registered to it and its trainers;
- ``GET /quiz/sessions/{id}/mine``: your own results on the session, before and after
  (the right answers and explanations once you have answered the quiz after it);
- ``POST /quiz/sessions/{id}/{moment}`` (``before`` or ``after``), ``{"answers":
  {"<question id>": <answer id>, …}}``: answer, once per moment (201; 409 the second
  time); the score is counted by the server;
- ``GET /quiz/sessions/{id}/results``: the results in aggregate, for the trainers.

What you may not see answers 404, like what does not exist; nobody reads another
person's answers.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.responses import Status

from palabre import permissions
from palabre.learning.models import QuizAttempt, TrainingSession
from palabre.learning.selectors import quiz as selectors
from palabre.learning.services import quiz as services
from palabre.lib.api import ErrorOut, Id, InputSchema, example
from palabre.lib.errors import refuse
from palabre.permissions import learning as rules

router = Router(tags=["learning"])

Moment = QuizAttempt.Moment


class QuizOptionOut(Schema):
    id: int
    text: str


class QuizQuestionOut(Schema):
    id: int
    number: int
    text: str
    options: list[QuizOptionOut]


class QuizQuestionsOut(Schema):
    session: int
    training: str
    questions: list[QuizQuestionOut]


class QuizReviewOut(Schema):
    question: int
    text: str
    chosen_option: int | None = Field(description="The answer you chose (null: not asked then)")
    right: bool
    right_options: list[int] | None = Field(
        description="The right answers, once you have answered the quiz after the session"
    )
    explanation: str | None = Field(
        description="Why, once you have answered the quiz after the session"
    )


class QuizAttemptOut(Schema):
    moment: str = Field(description="before or after")
    score: int = Field(description="Right answers")
    out_of: int
    percent: int | None
    answered_at: datetime
    questions: list[QuizReviewOut]


class QuizMomentOut(Schema):
    moment: str
    can_answer: bool = Field(description="Whether you may answer it now")
    why_not: str = Field(description="Why you may not answer it now, in your language")
    attempt: QuizAttemptOut | None


class QuizMineOut(Schema):
    session: int
    training: str
    questions: int = Field(description="How many questions the quiz has")
    registered: bool = Field(description="Whether you take part (and so answer the quiz)")
    before: QuizMomentOut
    after: QuizMomentOut


class QuizSubmitIn(InputSchema):
    model_config = example({"answers": {"31": 102, "32": 105, "33": 109}})

    answers: dict[str, Any] = Field(
        description="One answer per question: {question id: answer id}, every question"
    )


class QuizSubmittedOut(Schema):
    detail: str
    attempt: QuizAttemptOut


class QuizMomentResultsOut(Schema):
    answers: int
    average_percent: int | None


class QuizQuestionResultsOut(Schema):
    question: int
    number: int
    text: str
    before_answered: int
    before_right_percent: int | None
    after_answered: int
    after_right_percent: int | None


class QuizResultsOut(Schema):
    session: int
    training: str
    registered: int = Field(description="People whose registration is confirmed")
    participants: int = Field(description="People who answered at least once")
    before: QuizMomentResultsOut
    after: QuizMomentResultsOut
    answered_both: int
    progress_points: int | None = Field(
        description="Average change, in points, of those who answered before and after"
    )
    questions: list[QuizQuestionResultsOut]


def _user(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]


def _member(request: HttpRequest) -> None:
    if not permissions.is_member(_user(request)):
        refuse(_("Log in (send a token) to answer the quiz and read your results."), status=401)


def _attempt_out(attempt: QuizAttempt, questions: list[Any], revealed: bool) -> dict[str, Any]:
    return {
        "moment": attempt.moment,
        "score": attempt.score,
        "out_of": attempt.out_of,
        "percent": selectors.percent(attempt.score, attempt.out_of),
        "answered_at": attempt.created_at,
        "questions": [
            {
                "question": row.question.pk,
                "text": row.question.text,
                "chosen_option": row.chosen.pk if row.chosen else None,
                "right": row.right,
                "right_options": [o.pk for o in row.options if o.is_correct] if revealed else None,
                "explanation": row.question.explanation if revealed else None,
            }
            for row in selectors.attempt_review(attempt, questions)
        ],
    }


def _mine_out(user: Any, session: TrainingSession) -> dict[str, Any]:
    mine = selectors.my_quiz(user, session)
    questions = selectors.quiz_questions(session.training)
    out: dict[str, Any] = {
        "session": session.pk,
        "training": session.training.title,
        "questions": mine.question_count,
        "registered": mine.can_take,
    }
    for state in mine.moments:
        why_not = (
            ""
            if mine.can_take
            else _("Only the people registered to this session (confirmed) answer its quiz.")
        )
        out[state.moment] = {
            "moment": state.moment,
            "can_answer": mine.can_take and state.is_open,
            "why_not": "" if state.attempt else (why_not or state.refusal),
            "attempt": _attempt_out(state.attempt, questions, mine.revealed)
            if state.attempt
            else None,
        }
    return out


@router.get(
    "/sessions/{session_id}/questions",
    response={200: QuizQuestionsOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="The session's quiz to answer (without the right answers)",
)
def quiz_questions(request: HttpRequest, session_id: Id) -> Any:
    user = _user(request)
    session = rules.session_for(user, session_id)
    _member(request)
    if not (rules.can_take_quiz(user, session) or rules.can_see_quiz_results(user, session)):
        refuse(
            _("Only the people registered to this session (confirmed) answer its quiz."),
            status=403,
        )
    questions = selectors.quiz_questions(session.training)
    return {
        "session": session.pk,
        "training": session.training.title,
        "questions": [
            {
                "id": q.pk,
                "number": n,
                "text": q.text,
                "options": [{"id": o.pk, "text": o.text} for o in q.options.all()],
            }
            for n, q in enumerate(questions, start=1)
        ],
    }


@router.get(
    "/sessions/{session_id}/mine",
    response={200: QuizMineOut, 401: ErrorOut, 404: ErrorOut},
    summary="Your own quiz results on a session, before and after",
)
def quiz_mine(request: HttpRequest, session_id: Id) -> Any:
    user = _user(request)
    session = rules.session_for(user, session_id)
    _member(request)
    return _mine_out(user, session)


@router.get(
    "/sessions/{session_id}/results",
    response={200: QuizResultsOut, 404: ErrorOut},
    summary="The session's quiz results in aggregate (its trainers)",
)
def quiz_results(request: HttpRequest, session_id: Id) -> Any:
    session = rules.quiz_results_for(_user(request), session_id)
    results = selectors.session_results(session)
    return {
        "session": session.pk,
        "training": session.training.title,
        "registered": results.registered,
        "participants": results.participants,
        "before": {
            "answers": results.before.count,
            "average_percent": results.before.average_percent,
        },
        "after": {
            "answers": results.after.count,
            "average_percent": results.after.average_percent,
        },
        "answered_both": results.both,
        "progress_points": results.progress_points,
        "questions": [
            {
                "question": q.question.pk,
                "number": q.number,
                "text": q.question.text,
                "before_answered": q.before_answered,
                "before_right_percent": q.before_percent,
                "after_answered": q.after_answered,
                "after_right_percent": q.after_percent,
            }
            for q in results.questions
        ],
    }


@router.post(
    "/sessions/{session_id}/{moment}",
    response={
        201: QuizSubmittedOut,
        400: ErrorOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
    },
    summary="Answer the session's quiz, before or after it (once each)",
)
def quiz_submit(request: HttpRequest, session_id: Id, moment: str, payload: QuizSubmitIn) -> Any:
    user = _user(request)
    session = rules.session_for(user, session_id)
    if moment not in Moment.values:
        refuse(_("The quiz is answered “before” or “after” the session."), status=404)
    _member(request)
    attempt = services.attempt_submit(
        session=session, person=user, moment=moment, answers=payload.answers
    )
    mine = selectors.my_quiz(user, session)
    questions = selectors.quiz_questions(session.training)
    detail = _("Your answers are recorded: %(score)d right out of %(out_of)d.") % {
        "score": attempt.score,
        "out_of": attempt.out_of,
    }
    return Status(
        201, {"detail": detail, "attempt": _attempt_out(attempt, questions, mine.revealed)}
    )
