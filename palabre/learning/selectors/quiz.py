"""Quiz: what pages and the API read — a training's questions, a person's own attempts and
scores, and a session's results in aggregate for its trainers.

Nobody reads another person's answers: a person's attempts come from
``attempts_visible_to`` (their own); the aggregate gives counts, averages and the share
of right answers per question, never who answered what.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from palabre.learning.models import (
    QuizAttempt,
    QuizOption,
    QuizQuestion,
    Training,
    TrainingSession,
)
from palabre.lib.dates import day
from palabre.permissions import is_member
from palabre.permissions import learning as rules
from palabre.workshops.models import Registration

Moment = QuizAttempt.Moment
MOMENTS = (Moment.BEFORE, Moment.AFTER)


def quiz_questions(training: Training) -> list[QuizQuestion]:
    """The training's questions in order, each with its options (two queries)."""
    return list(
        QuizQuestion.objects.filter(training=training)
        .order_by("position", "pk")
        .prefetch_related(
            Prefetch("options", queryset=QuizOption.objects.order_by("position", "pk"))
        )
    )


def percent(score: int, out_of: int) -> int | None:
    return round(100 * score / out_of) if out_of else None


def my_attempts(user: Any, session: TrainingSession) -> dict[str, QuizAttempt]:
    """The person's own attempts on this session, by moment."""
    return {a.moment: a for a in rules.attempts_visible_to(user).filter(session=session)}


def answers_revealed(attempts: dict[str, QuizAttempt]) -> bool:
    """The right answers and their explanations are shown once the person has answered
    the quiz after the session: shown earlier, the second quiz would measure nothing."""
    return Moment.AFTER in attempts


def answered_twice(moment: str) -> str:
    if moment == Moment.BEFORE:
        return _("You have already answered the quiz before the session: once is enough.")
    return _("You have already answered the quiz after the session: once is enough.")


def moment_refusal(
    *, session: TrainingSession, moment: str, attempts: Mapping[str, QuizAttempt | None]
) -> tuple[str, int] | None:
    """Why the person may not answer the quiz at ``moment`` now (a message and a status),
    or None. ``attempts`` are the person's own, by moment."""
    workshop = session.workshop
    if workshop.is_cancelled:
        return _("This session was cancelled: its quiz is closed."), 409
    if moment in attempts:
        return answered_twice(moment), 409
    if moment == Moment.BEFORE and Moment.AFTER in attempts:
        return (
            _(
                "You have already answered the quiz after the session: it is too late for the "
                "one before."
            ),
            409,
        )
    if moment == Moment.AFTER and not workshop.has_started:
        return (
            _("The quiz after the session opens on its first day, %(date)s.")
            % {"date": day(workshop.start_date)},
            409,
        )
    return None


@dataclass
class ReviewedQuestion:
    number: int
    question: QuizQuestion
    chosen: QuizOption | None
    right: bool
    options: list[QuizOption]


def attempt_review(
    attempt: QuizAttempt, questions: Sequence[QuizQuestion]
) -> list[ReviewedQuestion]:
    """Each question of the quiz with the option the person chose and whether it was right
    (questions added after the attempt show no choice)."""
    rows = []
    for number, question in enumerate(questions, start=1):
        options = list(question.options.all())
        chosen_id = attempt.answers.get(str(question.pk))
        chosen = next((o for o in options if o.pk == chosen_id), None)
        rows.append(
            ReviewedQuestion(
                number=number,
                question=question,
                chosen=chosen,
                right=chosen is not None and chosen.is_correct,
                options=options,
            )
        )
    return rows


@dataclass
class MomentState:
    moment: str
    label: str
    attempt: QuizAttempt | None
    refusal: str = ""  # why it cannot be answered now ("" when it can, or is done)

    @property
    def percent(self) -> int | None:
        return percent(self.attempt.score, self.attempt.out_of) if self.attempt else None

    @property
    def is_open(self) -> bool:
        return self.attempt is None and not self.refusal


@dataclass
class MyQuiz:
    """One person's quiz on one session: what they may do and what they scored."""

    session: TrainingSession
    question_count: int
    can_take: bool
    can_see_results: bool
    moments: list[MomentState] = field(default_factory=list)
    revealed: bool = False

    def state(self, moment: str) -> MomentState:
        return next(m for m in self.moments if m.moment == moment)


def my_quiz(user: Any, session: TrainingSession) -> MyQuiz:
    """What the person's own quiz page and API answer need."""
    attempts = my_attempts(user, session) if is_member(user) else {}
    count = QuizQuestion.objects.filter(training_id=session.training_id).count()
    can_take = rules.can_take_quiz(user, session)
    mine = MyQuiz(
        session=session,
        question_count=count,
        can_take=can_take,
        can_see_results=rules.can_see_quiz_results(user, session),
        revealed=answers_revealed(attempts),
    )
    for moment in MOMENTS:
        attempt = attempts.get(moment)
        refusal = ""
        if attempt is None:
            found = moment_refusal(session=session, moment=moment, attempts=attempts)
            if found is not None:
                refusal = found[0]
            elif not count:
                refusal = _("This training has no quiz yet.")
        mine.moments.append(
            MomentState(
                moment=moment, label=str(Moment(moment).label), attempt=attempt, refusal=refusal
            )
        )
    return mine


# One person's scores everywhere --------------------------------------------------------


@dataclass
class SessionScores:
    session: TrainingSession
    before: QuizAttempt | None = None
    after: QuizAttempt | None = None

    @property
    def before_percent(self) -> int | None:
        return percent(self.before.score, self.before.out_of) if self.before else None

    @property
    def after_percent(self) -> int | None:
        return percent(self.after.score, self.after.out_of) if self.after else None


def my_scores(user: Any, *, limit: int | None = None) -> list[SessionScores]:
    """The person's own scores, before and after, per session they may still see (newest
    session first)."""
    if not is_member(user):
        return []
    attempts = (
        rules.attempts_visible_to(user)
        .filter(session__in=rules.sessions_visible_to(user).values("pk"))
        .select_related("session__training", "session__workshop")
        .order_by("-session__workshop__start_date", "-session_id", "created_at")
    )
    by_session: dict[int, SessionScores] = {}
    for attempt in attempts:
        entry = by_session.setdefault(attempt.session_id, SessionScores(session=attempt.session))
        setattr(entry, attempt.moment, attempt)
    rows = list(by_session.values())
    return rows[:limit] if limit is not None else rows


# The trainers' aggregate ----------------------------------------------------------------


@dataclass
class MomentSummary:
    count: int = 0
    average_percent: int | None = None


@dataclass
class QuestionSummary:
    number: int
    question: QuizQuestion
    before_answered: int = 0
    before_right: int = 0
    after_answered: int = 0
    after_right: int = 0

    @property
    def before_percent(self) -> int | None:
        return percent(self.before_right, self.before_answered)

    @property
    def after_percent(self) -> int | None:
        return percent(self.after_right, self.after_answered)


@dataclass
class SessionResults:
    session: TrainingSession
    registered: int
    participants: int  # people who answered at least once
    before: MomentSummary
    after: MomentSummary
    both: int  # people who answered both
    progress_points: int | None  # average change, in points, of those who answered both
    questions: list[QuestionSummary]


def _attempts_of(session: TrainingSession) -> QuerySet[QuizAttempt]:
    return QuizAttempt.objects.filter(session=session).only(
        "person_id", "moment", "answers", "score", "out_of"
    )


def session_results(session: TrainingSession) -> SessionResults:
    """The quiz results of a session in aggregate (the caller checked
    ``can_see_quiz_results``): how many answered, the average before and after, and the
    share of right answers per question. Nobody's own answers."""
    questions = quiz_questions(session.training)
    right_ids = {q.pk: {o.pk for o in q.options.all() if o.is_correct} for q in questions}
    summaries = {
        q.pk: QuestionSummary(number=n, question=q) for n, q in enumerate(questions, start=1)
    }
    per_moment: dict[str, list[float]] = {m: [] for m in MOMENTS}
    by_person: dict[int, dict[str, float]] = {}
    for attempt in _attempts_of(session):
        share = attempt.score / attempt.out_of if attempt.out_of else 0.0
        per_moment[attempt.moment].append(share)
        by_person.setdefault(attempt.person_id, {})[attempt.moment] = share
        for key, option_id in (attempt.answers or {}).items():
            try:
                row = summaries.get(int(key))
            except (TypeError, ValueError):
                continue
            if row is None:
                continue
            right = option_id in right_ids[row.question.pk]
            if attempt.moment == Moment.BEFORE:
                row.before_answered += 1
                row.before_right += right
            else:
                row.after_answered += 1
                row.after_right += right

    def moment_summary(shares: list[float]) -> MomentSummary:
        if not shares:
            return MomentSummary()
        return MomentSummary(
            count=len(shares), average_percent=round(100 * sum(shares) / len(shares))
        )

    pairs = [p for p in by_person.values() if len(p) == 2]
    progress = (
        round(100 * sum(p[Moment.AFTER] - p[Moment.BEFORE] for p in pairs) / len(pairs))
        if pairs
        else None
    )
    registered = Registration.objects.confirmed().filter(workshop_id=session.workshop_id).count()
    return SessionResults(
        session=session,
        registered=registered,
        participants=len(by_person),
        before=moment_summary(per_moment[Moment.BEFORE]),
        after=moment_summary(per_moment[Moment.AFTER]),
        both=len(pairs),
        progress_points=progress,
        questions=list(summaries.values()),
    )
