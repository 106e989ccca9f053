"""Demo internal training: three published trainings built on demo practices, with their
quiz; a session given about four months ago (registrations, attendance, quiz scores before
and after, evaluations, follow-ups answered "yes" — which recorded adoptions — and "no");
a session in a few weeks with its first registrations; and "I want to learn this" wishes
for the needs page.

The content is in demo_data/ (see its README); this module loads it through the app's
services (the same checks, audit trail and adoptions as for real), then moves dates so
they are counted from today. Loading sends no e-mail: the notifications the services
write stay in the app (those of the past are shown as read), and the messages they
queued are taken back before the demo is committed. Safe to run again: a training is
recognised by its organisation and title, a session by its demo key, a wish is one per
person and subject; a second run only moves the sessions back to their place around today.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from django.db.models import Max
from django.utils import timezone

from palabre.adoptions.models import Adoption
from palabre.core.models import OutgoingEmail
from palabre.learning import kinds
from palabre.learning.models import (
    FollowUp,
    LearningWish,
    QuizAttempt,
    Training,
    TrainingSession,
)
from palabre.learning.services import followups as follow_up_services
from palabre.learning.services import needs as need_services
from palabre.learning.services import quiz as quiz_services
from palabre.learning.services import sessions as session_services
from palabre.learning.services import trainings as training_services
from palabre.notifications.models import Notification
from palabre.themes.models import Theme
from palabre.workshops import services as workshop_services
from palabre.workshops.models import Evaluation, Registration, Session, Workshop

DATA = Path(__file__).parent / "demo_data"
# Who reviews and publishes the demo trainings (a facilitator of the demo network).
REVIEWER = "animatrice@palabre.example"
# A session is scheduled this long before it starts, and registrations come in after.
SCHEDULED_BEFORE = 45
# A training is written this long before it is published.
WRITING_DAYS = 12


@cache
def demo_file(name: str) -> Any:
    """One of the JSON files of demo_data/."""
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def _text(value: str | list[str]) -> str:
    return "\n".join(value) if isinstance(value, list) else value


def _moment(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _days_ago(days: int, hour: int = 10) -> datetime:
    return _moment(timezone.localdate() - timedelta(days=days), hour)


@contextmanager
def _quietly() -> Iterator[None]:
    """What the services notify stays in the app: no e-mail now, none in a daily summary.
    Notifications about what already happened are shown as read."""
    last_email = OutgoingEmail.objects.aggregate(last=Max("pk"))["last"] or 0
    last_notification = Notification.objects.aggregate(last=Max("pk"))["last"] or 0
    yield
    # The queued messages go before the demo commits: their delivery finds nothing to send.
    OutgoingEmail.objects.filter(pk__gt=last_email).delete()
    written = Notification.objects.filter(pk__gt=last_notification)
    written.update(email_state=Notification.EmailState.NONE)
    written.exclude(kind=kinds.FOLLOW_UP).update(read_at=timezone.now())


# Trainings ------------------------------------------------------------------------------


def _training(spec: dict, context) -> Training | None:
    people, practices = context["people"], context["practices"]
    organisation = context["organisations"].get(spec["organisation"])
    trainers = [people[email] for email in spec["trainers"] if email in people]
    chosen = [practices[key] for key in spec["practices"] if key in practices]
    reviewer = people.get(REVIEWER)
    if organisation is None or not trainers or not chosen or reviewer is None:
        return None
    existing = Training.objects.filter(organisation=organisation, title=spec["title"]).first()
    if existing is not None:
        return existing
    author = trainers[0]
    training = training_services.training_create(
        by=author,
        organisation=organisation,
        title=spec["title"],
        objectives=_text(spec["objectives"]),
        practices=chosen,
        audience=spec["audience"],
        duration_minutes=spec["duration_minutes"],
        language="fr",
        visibility=spec["visibility"],
        trainers=trainers,
    )
    for question in spec["questions"]:
        quiz_services.question_add(
            training=training,
            by=author,
            text=question["text"],
            explanation=question["explanation"],
            options=[(option["text"], option["right"]) for option in question["options"]],
        )
    training_services.training_submit(training=training, by=author)
    training = training_services.training_publish(training=training, by=reviewer)
    published = _days_ago(spec["published_days_ago"])
    Training.objects.filter(pk=training.pk).update(
        created_at=published - timedelta(days=WRITING_DAYS), published_at=published
    )
    return training


# Sessions -------------------------------------------------------------------------------


def _move(workshop: Workshop, start: date) -> Workshop:
    """Put the workshop (its days, agenda and registration deadline) to start on ``start``."""
    delta = start - workshop.start_date
    if not delta:
        return workshop
    Workshop.objects.filter(pk=workshop.pk).update(
        start_date=workshop.start_date + delta,
        end_date=workshop.end_date + delta,
        registration_closes_on=workshop.registration_closes_on + delta
        if workshop.registration_closes_on
        else None,
        published_at=_moment(start - timedelta(days=SCHEDULED_BEFORE), 9),
    )
    for item in Session.objects.filter(workshop=workshop):
        item.starts_at += delta
        item.ends_at += delta
        item.save(update_fields=["starts_at", "ends_at"])
    for follow_up in FollowUp.objects.filter(session__workshop=workshop):
        follow_up.due_on += delta
        follow_up.save(update_fields=["due_on"])
    workshop.refresh_from_db()
    return workshop


def _answers(training: Training, right: int, rng) -> dict[int, int]:
    """Answers to the quiz with ``right`` of them right (which ones: by chance)."""
    questions = list(training.questions.order_by("position", "pk").prefetch_related("options"))
    lucky = set(rng.sample(range(len(questions)), min(right, len(questions))))
    answers = {}
    for index, question in enumerate(questions):
        options = list(question.options.all())
        good = [o for o in options if o.is_correct]
        bad = [o for o in options if not o.is_correct]
        answers[question.pk] = (good if index in lucky else bad)[0].pk
    return answers


def _attempt(session: TrainingSession, person, moment: str, right: int | None, rng, when):
    if right is None:
        return
    attempt = quiz_services.attempt_submit(
        session=session,
        person=person,
        moment=moment,
        answers=_answers(session.training, right, rng),
    )
    QuizAttempt.objects.filter(pk=attempt.pk).update(created_at=when)


def _schedule(spec: dict, training: Training, context) -> TrainingSession:
    """The session, its registrations and the "before" quiz, as people did weeks ahead."""
    people, rng = context["people"], context.random
    today = timezone.localdate()
    start = today + timedelta(days=spec["starts_in_days"])
    session = session_services.session_create(
        training=training,
        by=people[spec["scheduled_by"]],
        # Scheduled in the future as anyone would; moved to its place below.
        start_date=max(start, today + timedelta(days=7)),
        end_date=max(start, today + timedelta(days=7)) + timedelta(days=spec["days"] - 1),
        venue=spec["venue"],
        city=spec["city"],
        country="CM",
        capacity=spec["capacity"],
        starts_at=time.fromisoformat(spec["starts_at"]),
        description=spec["description"],
    )
    workshop = session.workshop
    Workshop.objects.filter(pk=workshop.pk).update(external_id=f"demo:learning:{spec['key']}")
    scheduled = start - timedelta(days=SCHEDULED_BEFORE)
    for number, row in enumerate(spec["participants"]):
        person = people[row["person"]]
        registration = workshop_services.registration_create(
            workshop=workshop, person=person, by=person
        )
        registered = _moment(scheduled + timedelta(days=2 + number * 3), 8 + number % 9)
        Registration.objects.filter(pk=registration.pk).update(created_at=registered)
        _attempt(session, person, "before", row.get("before"), rng, registered)
    _move(workshop, start)
    return session


def _give(spec: dict, session: TrainingSession, context) -> None:
    """The day itself and after: attendance, the "after" quiz, the evaluations."""
    people, rng = context["people"], context.random
    workshop = session.workshop
    trainer = session.training.trainers.order_by("pk").first()
    rows = [(people[row["person"]], row) for row in spec["participants"]]
    ended = _moment(workshop.end_date, 16)
    for item in workshop.sessions.order_by("starts_at", "pk"):
        workshop_services.attendance_record(
            session=item,
            by=trainer,
            people=[person for person, _row in rows],
            present_ids={person.pk for person, row in rows if row["present"]},
        )
    rated = [s for s in workshop.sessions.all() if s.is_rated]
    for number, (person, row) in enumerate(rows):
        _attempt(session, person, "after", row.get("after"), rng, ended)
        evaluation = row.get("evaluation")
        if evaluation:
            done = workshop_services.evaluation_submit(
                workshop=workshop,
                by=person,
                overall=evaluation["overall"],
                most_useful=evaluation["most_useful"],
                to_improve=evaluation["to_improve"],
                ratings={s.pk: evaluation["overall"] for s in rated},
            )
            Evaluation.objects.filter(pk=done.pk).update(
                created_at=ended + timedelta(hours=1 + number)
            )


def _follow_ups(spec: dict, session: TrainingSession, context) -> None:
    """The daily job asks those who attended; some answered, "yes" or "no"."""
    people = context["people"]
    today = timezone.localdate()
    follow_up_services.follow_ups_ask(today=today)
    for row in spec["participants"]:
        answer = row.get("follow_up")
        follow_up = FollowUp.objects.filter(session=session, person=people[row["person"]]).first()
        if follow_up is None:
            continue
        asked = _moment(follow_up.due_on, 7)
        FollowUp.objects.filter(pk=follow_up.pk).update(asked_at=asked)
        told = Notification.objects.filter(kind=kinds.FOLLOW_UP, target_id=str(follow_up.pk))
        told.update(created_at=asked)
        if not answer or follow_up.answered_at is not None:
            continue
        answered = min(follow_up.due_on + timedelta(days=answer["days_after_due"]), today)
        last_adoption = Adoption.objects.aggregate(last=Max("pk"))["last"] or 0
        done = follow_up_services.follow_up_answer(
            follow_up=follow_up,
            by=follow_up.person,
            applied=answer["applied"],
            note=answer["note"],
            status=answer.get("status") or Adoption.Status.IN_PROGRESS,
        )
        FollowUp.objects.filter(pk=done.pk).update(answered_at=_moment(answered, 18))
        # The adoptions a "yes" started began the day it was given.
        Adoption.objects.filter(pk__gt=last_adoption).update(
            started_on=answered, created_at=_moment(answered, 18)
        )
        told.update(read_at=_moment(answered, 18))


def _session(spec: dict, trainings: dict[str, Training], context) -> TrainingSession | None:
    training = trainings.get(spec["training"])
    if training is None:
        return None
    today = timezone.localdate()
    start = today + timedelta(days=spec["starts_in_days"])
    existing = (
        TrainingSession.objects.filter(workshop__external_id=f"demo:learning:{spec['key']}")
        .select_related("workshop", "training")
        .first()
    )
    if existing is not None:
        _move(existing.workshop, start)  # a later run keeps it around today
        return existing
    session = _schedule(spec, training, context)
    session.refresh_from_db()
    if session.workshop.start_date <= today:
        _give(spec, session, context)
        _follow_ups(spec, session, context)
    return session


# Wishes ---------------------------------------------------------------------------------


def _wishes(context) -> None:
    people, practices = context["people"], context["practices"]
    for line in demo_file("wishes"):
        person = people.get(line["person"])
        practice = practices.get(line.get("practice", ""))
        theme = Theme.objects.filter(slug=line.get("theme", "")).first()
        if person is None or (practice is None and theme is None):
            continue
        wish = need_services.wish_add(
            person=person, practice=practice, theme=theme if practice is None else None,
            note=line["note"],
        )  # fmt: skip
        if not wish.duplicate:
            LearningWish.objects.filter(pk=wish.pk).update(created_at=_days_ago(line["days_ago"]))


def load(context) -> None:
    with _quietly():
        trainings = {}
        for spec in demo_file("trainings"):
            training = _training(spec, context)
            if training is not None:
                trainings[spec["key"]] = training
        sessions = {}
        for spec in demo_file("sessions"):
            session = _session(spec, trainings, context)
            if session is not None:
                sessions[spec["key"]] = session
        _wishes(context)
    context["trainings"] = trainings
    context["training_sessions"] = sessions
