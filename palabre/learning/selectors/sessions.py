"""Sessions of trainings: what pages, the API and the trainings' pages read.

Built on ``rules.sessions_visible_to`` (a session is seen when both its workshop and its
training are): lists, a training's sessions (``sessions_of``, for the training page),
"my trainings", and the facts of one session's page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from palabre.learning.models import Training, TrainingSession, duration_text
from palabre.permissions import is_member
from palabre.permissions import learning as rules
from palabre.permissions import workshops as workshop_rules
from palabre.workshops.models import Attendance, Registration, Workshop
from palabre.workshops.selectors import places_left


def _with_places(qs: QuerySet[TrainingSession]) -> QuerySet[TrainingSession]:
    """Each session with its workshop and the number of places taken (one query)."""
    return qs.select_related("workshop", "training").annotate(
        taken=Count(
            "workshop__registrations",
            filter=Q(workshop__registrations__status=Registration.Status.CONFIRMED)
            & ~Q(workshop__registrations__role=Registration.Role.FACILITATOR),
        )
    )


def places_left_of(session: TrainingSession) -> int | None:
    """Places left of a session read by one of these selectors (else workshops' count)."""
    workshop = session.workshop
    if workshop.capacity is None:
        return None
    taken = getattr(session, "taken", None)
    if taken is None:
        return places_left(workshop)
    return max(workshop.capacity - taken, 0)


def session_list(
    *, user: Any, when: str = "upcoming", training: Training | None = None
) -> QuerySet[TrainingSession]:
    """Visible sessions, upcoming (soonest first) or past (latest first)."""
    today = timezone.localdate()
    qs = rules.sessions_visible_to(user)
    if training is not None:
        qs = qs.filter(training=training)
    qs = _with_places(qs)
    if when == "past":
        return qs.filter(workshop__end_date__lt=today).order_by("-workshop__start_date", "-pk")
    if when == "all":
        return qs.order_by("-workshop__start_date", "-pk")
    return qs.filter(workshop__end_date__gte=today).order_by("workshop__start_date", "pk")


def sessions_of(training: Training, *, viewer: Any) -> list[TrainingSession]:
    """The sessions of a training this person may see, for the training's page: upcoming
    ones first (soonest first), then past ones (latest first); cancelled ones are left out
    once past. Each has ``places_left`` set (None: no limit)."""
    today = timezone.localdate()
    found = list(session_list(user=viewer, when="all", training=training))
    upcoming = sorted(
        (s for s in found if s.workshop.end_date >= today),
        key=lambda s: (s.workshop.start_date, s.pk),
    )
    past = [
        s
        for s in found
        if s.workshop.end_date < today and s.workshop.status != Workshop.Status.CANCELLED
    ]
    for session in upcoming + past:
        session.places_left = places_left_of(session)
    return upcoming + past


# My trainings -------------------------------------------------------------------------


@dataclass
class MyTrainings:
    upcoming: list[Registration] = field(default_factory=list)
    past: list[Registration] = field(default_factory=list)
    given: list[Training] = field(default_factory=list)
    sessions_given: list[TrainingSession] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.upcoming or self.past or self.given)


def my_trainings(user: Any) -> MyTrainings:
    """The sessions a person is registered to (upcoming and past; a past one says whether
    they attended, which opens their certificate) and the trainings they give, with their
    upcoming sessions. Only what the person may still see."""
    if not is_member(user):
        return MyTrainings()
    visible = rules.sessions_visible_to(user)
    registrations = list(
        Registration.objects.filter(
            person=user,
            workshop__kind=Workshop.Kind.TRAINING,
            workshop__training_session__in=visible.values("pk"),
        )
        .active()
        .select_related("workshop__training_session__training", "organisation")
        .order_by("workshop__start_date", "pk")
    )
    attended = set(
        Attendance.objects.filter(
            person=user,
            present=True,
            session__workshop__in=[r.workshop_id for r in registrations],
        ).values_list("session__workshop_id", flat=True)
    )
    today = timezone.localdate()
    result = MyTrainings()
    for registration in registrations:
        registration.session = registration.workshop.training_session
        registration.attended = registration.workshop_id in attended
        if registration.workshop.end_date >= today:
            result.upcoming.append(registration)
        else:
            result.past.append(registration)
    result.past.reverse()
    result.given = list(
        rules.trainings_openable_by(user)
        .filter(trainers=user)
        .select_related("organisation")
        .order_by("title", "pk")
    )
    result.sessions_given = list(
        _with_places(
            visible.filter(training__trainers=user, workshop__end_date__gte=today)
        ).order_by("workshop__start_date", "pk")
    )
    for session in result.sessions_given:
        session.places_left = places_left_of(session)
    return result


# One session's page -------------------------------------------------------------------


def trainers_of(session: TrainingSession) -> list[Any]:
    return list(session.training.trainers.order_by("display_name", "pk"))


def session_facts(session: TrainingSession, user: Any) -> dict[str, Any]:
    """What the session page shows besides the workshop itself, for this person."""
    workshop = session.workshop
    registration = workshop_rules.registration_of(user, workshop)
    if registration is not None and registration.status == Registration.Status.CANCELLED:
        registration = None
    waitlist_position = None
    if registration is not None and registration.status == Registration.Status.WAITLISTED:
        waitlist_position = (
            workshop.registrations.waitlisted()
            .filter(created_at__lte=registration.created_at)
            .count()
        )
    agenda = list(workshop.sessions.order_by("starts_at", "pk"))
    evaluated = registration is not None and workshop.evaluations.filter(person=user).exists()
    can_run = rules.can_run_session(user, session)
    return {
        "duration": duration_text(session.training.duration_minutes),
        "registration": registration,
        "waitlist_position": waitlist_position,
        "agenda": agenda,
        "trainers": trainers_of(session),
        "organisers": list(workshop.organisers.order_by("name")),
        "participant_count": workshop.registrations.confirmed()
        .exclude(role=Registration.Role.FACILITATOR)
        .count(),
        "attended": rules.has_attended(user, session),
        "evaluated": evaluated,
        "can_register": workshop_rules.can_register_self(user, workshop)
        and registration is None
        and workshop.registration_is_open,
        "can_see_online_link": workshop_rules.can_see_online_link(user, workshop),
        "can_evaluate": workshop_rules.can_evaluate(user, workshop)
        and workshop.evaluation_is_open
        and not evaluated,
        "can_run": can_run,
        "can_run_workshop": workshop_rules.can_run(user, workshop),
        "attendance_sessions": [s for s in agenda if workshop_rules.can_take_attendance(user, s)],
        "can_see_results": workshop_rules.can_see_evaluation_results(user, workshop),
        "can_export": rules.can_see_results(user, session.training) or can_run,
    }
