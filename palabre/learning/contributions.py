"""What internal training adds to contributor pages and attestations: trainings given
and trainings followed (registered in palabre.recognition.contributions).

Both list training sessions as the viewer may see them (the session's workshop and its
training); with ``private=False`` (attestations) nothing for one organisation only.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from palabre.learning.models import Training, TrainingSession
from palabre.lib.visibility import Visibility
from palabre.permissions import learning as rules
from palabre.recognition import contributions
from palabre.recognition.contributions import Contribution, Period
from palabre.workshops.models import Attendance, Workshop


def _sessions(viewer: Any, period: Period, private: bool) -> QuerySet[TrainingSession]:
    """Sessions the viewer may see that have begun, of trainings that were published."""
    sessions = (
        rules.sessions_visible_to(viewer)
        .filter(
            training__status__in=[Training.Status.PUBLISHED, Training.Status.ARCHIVED],
            workshop__start_date__lte=timezone.localdate(),
        )
        .exclude(workshop__status=Workshop.Status.CANCELLED)
        .filter(period.q("workshop__start_date"))
    )
    if not private:
        sessions = sessions.exclude(training__visibility=Visibility.ORGANISATION).exclude(
            workshop__visibility=Visibility.ORGANISATION
        )
    return sessions


def _listed(sessions: QuerySet[TrainingSession]) -> list[Contribution]:
    return [
        Contribution(
            title=session.training.title,
            url=session.get_absolute_url(),
            day=session.workshop.start_date,
            detail=session.workshop.city,
        )
        for session in sessions.select_related("training", "workshop").order_by(
            "-workshop__start_date", "-pk"
        )
    ]


def trainings_given(
    person: Any, *, viewer: Any, period: Period, private: bool
) -> list[Contribution]:
    """Sessions, begun, of trainings the person gives (as one of its trainers)."""
    return _listed(_sessions(viewer, period, private).filter(training__trainers=person))


def trainings_followed(
    person: Any, *, viewer: Any, period: Period, private: bool
) -> list[Contribution]:
    """Sessions where the person was marked present (not those they gave)."""
    attended = Attendance.objects.filter(person=person, present=True).values("session__workshop_id")
    return _listed(
        _sessions(viewer, period, private)
        .filter(workshop__in=attended)
        .exclude(training__trainers=person)
    )


contributions.register(
    "trainings_given", label=_("Trainings given"), collect=trainings_given, order=25
)
contributions.register(
    "trainings_followed", label=_("Trainings followed"), collect=trainings_followed, order=65
)
