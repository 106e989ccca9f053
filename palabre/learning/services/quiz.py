"""Quiz: the trainer's questions, and the participants' answers before and after a session.

- A question has a text, an explanation of the right answer and at least two options,
  at least one of them right; the training's editors (its trainers, its organisation's
  admins, facilitators) add, change, remove and order them. Everything is checked before
  anything is written: a refused question leaves no trace.
- Once someone has answered a question, its options may be reworded but not added,
  removed or made right or wrong: the scores already given stay true.
- A person whose registration to the session's workshop is confirmed answers the quiz
  once before the session (until they answer the "after" quiz) and once after it (from
  the workshop's first day). The score is counted here, never taken from the request.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from palabre.audit.services import audit_record
from palabre.learning.models import QuizAttempt, QuizOption, QuizQuestion, Training, TrainingSession
from palabre.learning.selectors.quiz import answered_twice, moment_refusal
from palabre.lib.errors import ServiceError, refuse
from palabre.permissions import learning as rules

Moment = QuizAttempt.Moment

TEXT_MAX = QuizQuestion._meta.get_field("text").max_length or 500
OPTION_MAX = QuizOption._meta.get_field("text").max_length or 300
EXPLANATION_MAX = 3000
OPTIONS_MIN = 2
OPTIONS_MAX = 8
QUESTIONS_MAX = 40


def not_found() -> ServiceError:
    return ServiceError(_("This does not exist, or you may not see it."), status=404)


# Questions --------------------------------------------------------------------------


def _clean_line(value: Any) -> str:
    return " ".join(str(value or "").replace("\x00", "").split())


def _clean_text(value: Any) -> str:
    return str(value or "").replace("\x00", "").replace("\r\n", "\n").strip()


def _check_editor(training: Training, by: Any) -> None:
    if not rules.can_view_training(by, training):
        raise not_found()
    if not rules.can_edit(by, training):
        refuse(
            _(
                "Only the trainers of this training, its organisation's admins and facilitators "
                "write its quiz."
            ),
            status=403,
        )
    if training.status == Training.Status.ARCHIVED:
        refuse(_("This training is archived: its quiz can no longer change."), status=409)


def question_clean(
    *, text: Any, explanation: Any, options: Sequence[tuple[str, bool]]
) -> tuple[str, str, list[tuple[str, bool]]]:
    """The question as it is kept, or a refusal (400) naming what to fix."""
    text = _clean_line(text)
    explanation = _clean_text(explanation)
    if not text:
        refuse(_("Write the question."), field="text")
    if len(text) > TEXT_MAX:
        refuse(
            _("The question is too long: %(most)d characters at most (it has %(length)d).")
            % {"most": TEXT_MAX, "length": len(text)},
            field="text",
        )
    if not explanation:
        refuse(
            _("Explain the right answer: participants read it once they have answered the quiz."),
            field="explanation",
        )
    if len(explanation) > EXPLANATION_MAX:
        refuse(
            _("The explanation is too long: %(most)d characters at most (it has %(length)d).")
            % {"most": EXPLANATION_MAX, "length": len(explanation)},
            field="explanation",
        )
    cleaned: list[tuple[str, bool]] = []
    seen: set[str] = set()
    for option_text, right in options:
        option = _clean_line(option_text)
        if not option:
            continue
        if len(option) > OPTION_MAX:
            refuse(
                _("An answer is too long: %(most)d characters at most (“%(start)s…”).")
                % {"most": OPTION_MAX, "start": option[:40]},
                field="options",
            )
        if option.casefold() in seen:
            refuse(_("The answer “%(text)s” is written twice.") % {"text": option}, field="options")
        seen.add(option.casefold())
        cleaned.append((option, bool(right)))
    if len(cleaned) < OPTIONS_MIN:
        refuse(
            _("Give at least two possible answers, one per line."),
            field="options",
        )
    if len(cleaned) > OPTIONS_MAX:
        refuse(
            _("Give at most %(most)d possible answers (there are %(count)d).")
            % {"most": OPTIONS_MAX, "count": len(cleaned)},
            field="options",
        )
    if not any(right for _option, right in cleaned):
        refuse(
            _("Mark at least one right answer (start its line with *)."),
            field="options",
        )
    if all(right for _option, right in cleaned):
        refuse(
            _("Not every answer can be right: leave at least one wrong answer."),
            field="options",
        )
    return text, explanation, cleaned


def question_has_answers(question: QuizQuestion) -> bool:
    """Whether someone already answered this question (in any session)."""
    return QuizAttempt.objects.filter(
        session__training_id=question.training_id,
        answers__has_key=str(question.pk),
    ).exists()


def _create_options(question: QuizQuestion, options: list[tuple[str, bool]]) -> None:
    QuizOption.objects.bulk_create(
        QuizOption(question=question, text=text, is_correct=right, position=index)
        for index, (text, right) in enumerate(options)
    )


@transaction.atomic
def question_add(
    *,
    training: Training,
    by: Any,
    text: str,
    explanation: str,
    options: Sequence[tuple[str, bool]],
) -> QuizQuestion:
    """Add a question at the end of the training's quiz, with its options."""
    _check_editor(training, by)
    text, explanation, cleaned = question_clean(text=text, explanation=explanation, options=options)
    Training.objects.select_for_update().filter(pk=training.pk).first()  # one writer at a time
    existing = list(training.questions.values_list("position", flat=True))
    if len(existing) >= QUESTIONS_MAX:
        refuse(
            _("A quiz has at most %(most)d questions: keep it short.") % {"most": QUESTIONS_MAX},
            status=409,
        )
    question = QuizQuestion.objects.create(
        training=training,
        text=text,
        explanation=explanation,
        position=max(existing, default=-1) + 1,
    )
    _create_options(question, cleaned)
    audit_record(
        action="quiz.question_added",
        actor=by,
        target=question,
        organisation=training.organisation,
        data={"training": training.pk, "options": len(cleaned)},
    )
    return question


@transaction.atomic
def question_update(
    *,
    question: QuizQuestion,
    by: Any,
    text: str,
    explanation: str,
    options: Sequence[tuple[str, bool]],
) -> QuizQuestion:
    """Change a question, its explanation and its options. Once someone answered it, the
    options may be reworded only: as many, in the same order, the same ones right."""
    training = question.training
    _check_editor(training, by)
    text, explanation, cleaned = question_clean(text=text, explanation=explanation, options=options)
    current = QuizQuestion.objects.select_for_update().filter(pk=question.pk).first()
    if current is None or current.training_id != training.pk:
        raise not_found()
    old = list(current.options.order_by("position", "pk"))
    same_shape = len(old) == len(cleaned) and all(
        option.is_correct == right for option, (_text, right) in zip(old, cleaned, strict=True)
    )
    if same_shape:
        for option, (option_text, _right) in zip(old, cleaned, strict=True):
            if option.text != option_text:
                option.text = option_text
                option.save(update_fields=["text"])
    else:
        if question_has_answers(current):
            refuse(
                _(
                    "People have already answered this question: you may reword its answers, "
                    "but not add, remove or change which ones are right (their scores would no "
                    "longer be true). Add a new question instead."
                ),
                status=409,
                field="options",
            )
        current.options.all().delete()
        _create_options(current, cleaned)
    current.text = text
    current.explanation = explanation
    current.save(update_fields=["text", "explanation"])
    audit_record(
        action="quiz.question_updated",
        actor=by,
        target=current,
        organisation=training.organisation,
        data={"training": training.pk, "options_replaced": not same_shape},
    )
    return current


@transaction.atomic
def question_remove(*, question: QuizQuestion, by: Any) -> None:
    """Remove a question (scores already given stay as they were)."""
    training = question.training
    _check_editor(training, by)
    audit_record(
        action="quiz.question_removed",
        actor=by,
        target=question,
        organisation=training.organisation,
        data={"training": training.pk, "text": question.text},
    )
    QuizQuestion.objects.filter(pk=question.pk, training=training).delete()


@transaction.atomic
def questions_reorder(*, training: Training, by: Any, order: Sequence[Any]) -> None:
    """Put the quiz's questions in this order: every question of the training, once."""
    _check_editor(training, by)
    try:
        wanted = [int(pk) for pk in order]
    except (TypeError, ValueError):
        refuse(_("The new order names questions that are not in this quiz."))
    Training.objects.select_for_update().filter(pk=training.pk).first()
    questions = {q.pk: q for q in training.questions.all()}
    if len(set(wanted)) != len(wanted):
        refuse(_("The new order names a question twice."))
    if set(wanted) != set(questions):
        refuse(
            _(
                "The new order must name every question of this quiz, once each. Reload the "
                "page: someone may have changed the quiz meanwhile."
            ),
            status=409,
        )
    changed = []
    for position, pk in enumerate(wanted):
        if questions[pk].position != position:
            questions[pk].position = position
            changed.append(questions[pk])
    QuizQuestion.objects.bulk_update(changed, ["position"])
    audit_record(
        action="quiz.questions_reordered",
        actor=by,
        target=training,
        organisation=training.organisation,
        data={"order": wanted},
    )


def question_move(*, question: QuizQuestion, by: Any, up: bool) -> None:
    """Move one question up or down by one place (the editor's buttons)."""
    training = question.training
    ids = list(training.questions.order_by("position", "pk").values_list("pk", flat=True))
    if question.pk not in ids:
        raise not_found()
    index = ids.index(question.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(ids):
        ids[index], ids[other] = ids[other], ids[index]
    questions_reorder(training=training, by=by, order=ids)


# Answers ----------------------------------------------------------------------------


def attempt_score(questions: Sequence[QuizQuestion], answers: Mapping[int, int]) -> tuple[int, int]:
    """How many questions were answered right, out of how many."""
    score = 0
    for question in questions:
        right = {o.pk for o in question.options.all() if o.is_correct}
        if answers.get(question.pk) in right:
            score += 1
    return score, len(questions)


def _clean_answers(questions: Sequence[QuizQuestion], answers: Any) -> dict[int, int]:
    if not isinstance(answers, Mapping):
        refuse(_("Send your answers as one chosen answer per question."))
    cleaned: dict[int, int] = {}
    try:
        for key, value in answers.items():
            if isinstance(value, bool) or isinstance(key, bool):
                raise ValueError
            cleaned[int(key)] = int(value)
    except (TypeError, ValueError, OverflowError):
        refuse(_("Send your answers as one chosen answer per question."))
    known = {q.pk: {o.pk for o in q.options.all()} for q in questions}
    if set(cleaned) - set(known):
        refuse(_("Some answers are for questions that are not in this quiz. Reload the page."))
    missing = [n for n, q in enumerate(questions, start=1) if q.pk not in cleaned]
    if missing:
        refuse(
            ngettext(
                "Answer every question: question %(numbers)s has no answer.",
                "Answer every question: questions %(numbers)s have no answer.",
                len(missing),
            )
            % {"numbers": ", ".join(str(n) for n in missing)},
        )
    for question in questions:
        if cleaned[question.pk] not in known[question.pk]:
            refuse(
                _("The answer chosen for “%(question)s” is not one of its answers.")
                % {"question": question.text}
            )
    return cleaned


@transaction.atomic
def attempt_submit(
    *, session: TrainingSession, person: Any, moment: str, answers: Mapping[Any, Any]
) -> QuizAttempt:
    """Record the person's answers to the session's quiz at ``moment`` (before/after),
    scored here. Once per moment: a second time is refused (409)."""
    if not rules.can_view_session(person, session):
        raise not_found()
    if moment not in Moment.values:
        raise not_found()
    if not rules.can_take_quiz(person, session):
        refuse(
            _("Only the people registered to this session (confirmed) answer its quiz."),
            status=403,
        )
    attempts = {a.moment: a for a in QuizAttempt.objects.filter(session=session, person=person)}
    refusal = moment_refusal(session=session, moment=moment, attempts=attempts)
    if refusal is not None:
        refuse(refusal[0], status=refusal[1])
    questions = list(
        session.training.questions.order_by("position", "pk").prefetch_related("options")
    )
    if not questions:
        refuse(_("This training has no quiz yet."), status=409)
    cleaned = _clean_answers(questions, answers)
    score, out_of = attempt_score(questions, cleaned)
    try:
        with transaction.atomic():
            attempt = QuizAttempt.objects.create(
                session=session,
                person=person,
                moment=moment,
                answers={str(k): v for k, v in cleaned.items()},
                score=score,
                out_of=out_of,
            )
    except IntegrityError:
        # The same person's other request got there first.
        refuse(answered_twice(moment), status=409)
    audit_record(
        action="quiz.attempt_submitted",
        actor=person,
        target=session,
        data={"moment": moment},
    )
    return attempt
