"""Follow-ups: what a person still has to answer, and what training led to.

"Trained: 24 · applied since: 9 in 5 organisations": *trained* counts the people marked
present at a session (its trainers excepted), *applied* those who answered "yes" when
asked some months later, and *organisations* the organisations their adoptions were
recorded for. Each person counts once, however many sessions they attended. The figures
are aggregates (no name, no text) over the sessions the viewer may see.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, F, OuterRef, QuerySet

from palabre.learning.models import FollowUp, Training, TrainingSession
from palabre.organisations.models import Membership
from palabre.permissions import is_member
from palabre.permissions import learning as rules
from palabre.workshops.models import Attendance, Workshop


@dataclass(frozen=True)
class TrainingImpact:
    trained: int = 0
    applied: int = 0
    organisations: int = 0
    asked: int = 0
    answered: int = 0


def _trained(sessions: QuerySet[TrainingSession], **filters: Any) -> int:
    """How many people were marked present at these sessions, not as their trainers."""
    trainer = Training.trainers.through.objects.filter(
        training_id=OuterRef("session__workshop__training_session__training_id"),
        user_id=OuterRef("person_id"),
    )
    return (
        Attendance.objects.filter(
            present=True,
            session__workshop__training_session__in=sessions.values("pk"),
            **filters,
        )
        .exclude(Exists(trainer))
        .values("person_id")
        .distinct()
        .count()
    )


def _impact(sessions: QuerySet[TrainingSession]) -> TrainingImpact:
    sessions = sessions.exclude(workshop__status=Workshop.Status.CANCELLED)
    session_ids = sessions.values("pk")
    trained = _trained(sessions)
    if not trained:
        return TrainingImpact()
    follow_ups = FollowUp.objects.filter(session__in=session_ids)
    yes = follow_ups.filter(applied=True)
    return TrainingImpact(
        trained=trained,
        applied=yes.values("person_id").distinct().count(),
        organisations=yes.filter(adoption__isnull=False)
        .values("adoption__organisation_id")
        .distinct()
        .count(),
        asked=follow_ups.count(),
        answered=follow_ups.filter(answered_at__isnull=False).count(),
    )


def training_impact(training: Training) -> TrainingImpact:
    """Over every session of one training (for its own page, where it is already seen)."""
    return _impact(TrainingSession.objects.filter(training=training))


def practice_training_impact(practice: Any, *, viewer: Any) -> TrainingImpact:
    """Over the sessions the viewer may see of published trainings built on the practice."""
    trainings = rules.trainings_visible_to(viewer).filter(practices=practice)
    sessions = rules.sessions_visible_to(
        viewer, TrainingSession.objects.filter(training__in=trainings.values("pk"))
    )
    return _impact(sessions)


@dataclass(frozen=True)
class OrganisationTrainingImpact:
    trained: int = 0
    applied: int = 0


def organisation_training_impact(organisation: Any, *, viewer: Any) -> OrganisationTrainingImpact:
    """The organisation's members trained at sessions the viewer may see, and how many of
    them answered that they applied it (for the organisation or, since, another one)."""
    sessions = rules.sessions_visible_to(viewer).exclude(workshop__status=Workshop.Status.CANCELLED)
    members = Membership.objects.filter(organisation=organisation).values("user_id")
    trained = _trained(sessions, person__in=members)
    if not trained:
        return OrganisationTrainingImpact()
    applied = (
        FollowUp.objects.filter(session__in=sessions.values("pk"), person__in=members, applied=True)
        .values("person_id")
        .distinct()
        .count()
    )
    return OrganisationTrainingImpact(trained=trained, applied=applied)


# A person's own follow-ups ------------------------------------------------------------


def follow_ups_of(person: Any) -> QuerySet[FollowUp]:
    """Every follow-up question asked to the person, those waiting for an answer first."""
    if not is_member(person):
        return FollowUp.objects.none()
    return (
        FollowUp.objects.filter(person=person, asked_at__isnull=False)
        .select_related("session__training", "session__workshop", "adoption__practice")
        .order_by(F("answered_at").asc(nulls_first=True), "-due_on", "-pk")
    )


def pending_follow_ups(person: Any) -> QuerySet[FollowUp]:
    """The questions the person has not answered yet ("my trainings", the home page)."""
    return follow_ups_of(person).filter(answered_at__isnull=True)
