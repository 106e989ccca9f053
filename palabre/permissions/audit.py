"""Who may read the network's audit log, and which of the objects it names they may open.

The whole log (every organisation's events, with who did what) is for network admins
only; an organisation's own history is for its admins (``organisations.can_see_audit``).
``audit_events_for(user)`` is the log for a network admin, otherwise 404;
``audit_targets_openable(user, events)`` says which objects of a page of events the
person may open, with one query per kind of object, through each app's own rule.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Model, QuerySet
from django.http import Http404

from palabre.adoptions.models import Adoption, FeedbackReport, Indicator, Measurement
from palabre.audit.models import AuditEvent
from palabre.discussions.models import Answer
from palabre.learning.models import TrainingSession
from palabre.organisations.models import Organisation
from palabre.permissions import MAX_PK, is_member, is_network_admin
from palabre.permissions import adoptions as adoption_rules
from palabre.permissions import discussions as discussion_rules
from palabre.permissions import learning as learning_rules
from palabre.permissions import practices as practice_rules
from palabre.permissions import recognition as recognition_rules
from palabre.permissions import workshops as workshop_rules
from palabre.themes.models import Theme
from palabre.workshops.models import CollectiveAction, Session


def can_see_audit_log(user: Any) -> bool:
    """The network's whole audit log is for network admins."""
    return is_network_admin(user)


def audit_events_visible_to(user: Any) -> QuerySet[AuditEvent]:
    """Every event for a network admin; none for anyone else."""
    events = AuditEvent.objects.all()
    return events if can_see_audit_log(user) else events.none()


def audit_events_for(user: Any) -> QuerySet[AuditEvent]:
    """The audit log for a network admin; otherwise 404, as if it did not exist."""
    if not can_see_audit_log(user):
        raise Http404
    return audit_events_visible_to(user)


# Objects named by events ----------------------------------------------------------


def _people(user: Any) -> QuerySet[Any]:
    people = get_user_model().objects.filter(is_active=True)
    return people if is_member(user) else people.none()


def _organisations(user: Any) -> QuerySet[Organisation]:
    return Organisation.objects.all() if is_member(user) else Organisation.objects.none()


def _under_workshops(
    model: type[Model], *, members_only: bool = False
) -> Callable[[Any], QuerySet[Any]]:
    """A workshop's sessions are seen by whoever sees the workshop; its collective
    actions by members who see it (``session_for``, ``can_see_actions``)."""

    def openable(user: Any) -> QuerySet[Any]:
        if members_only and not is_member(user):
            return model._default_manager.none()
        visible = workshop_rules.workshops_visible_to(user).values("pk")
        return model._default_manager.filter(workshop__in=visible)

    return openable


# What a person may open, by kind of object ("app_label.model", as events name them),
# each query fetching what the object's address needs. Kinds not listed are never linked.
OPENABLE: dict[str, Callable[[Any], QuerySet[Any]]] = {
    "accounts.user": _people,
    "organisations.organisation": _organisations,
    "themes.theme": lambda user: Theme.objects.all(),
    "practices.practice": practice_rules.practices_openable_by,
    "workshops.workshop": workshop_rules.workshops_visible_to,
    "workshops.session": _under_workshops(Session),
    "workshops.collectiveaction": _under_workshops(CollectiveAction, members_only=True),
    "discussions.thread": discussion_rules.discussions_visible_to,
    "discussions.answer": lambda user: discussion_rules.answers_visible_to(
        user, Answer.objects.select_related("thread")
    ),
    "adoptions.adoption": lambda user: adoption_rules.adoptions_visible_to(
        user, Adoption.objects.all()
    ),
    "adoptions.feedbackreport": lambda user: adoption_rules.feedback_visible_to(
        user, FeedbackReport.objects.all()
    ),
    "adoptions.indicator": lambda user: adoption_rules.indicators_visible_to(
        user, Indicator.objects.all()
    ),
    "adoptions.measurement": lambda user: adoption_rules.measurements_visible_to(
        user, Measurement.objects.select_related("indicator")
    ),
    "learning.training": learning_rules.trainings_openable_by,
    "learning.trainingsession": lambda user: learning_rules.sessions_visible_to(
        user, TrainingSession.objects.all()
    ),
    "recognition.attestation": recognition_rules.attestations_visible_to,
}


def _key(value: str) -> int | None:
    """A target id that can be a primary key, else None."""
    if not value.isdigit():
        return None
    number = int(value)
    return number if 0 < number <= MAX_PK else None


def audit_targets_openable(user: Any, events: Iterable[AuditEvent]) -> dict[tuple[str, str], Model]:
    """Of the objects these events are about, those this person may open now, keyed by
    (target_type, target_id): one query per kind of object, whatever the number of events."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for event in events:
        key = _key(event.target_id) if event.target_type in OPENABLE else None
        if key is not None:
            wanted[event.target_type].add(key)
    found: dict[tuple[str, str], Model] = {}
    for kind, keys in sorted(wanted.items()):
        for obj in OPENABLE[kind](user).filter(pk__in=keys):
            found[(kind, str(obj.pk))] = obj
    return found
