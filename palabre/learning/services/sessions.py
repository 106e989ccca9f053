"""Scheduling a session of a training.

A training session IS a workshop of the kind "training session": registration, the
waiting list, attendance, the participants' evaluation, calendars and reminders are the
workshops' own services and pages, with the same rules. This module only makes that
workshop from the training and ties it to it.

Who schedules: the training's editors (its trainers, the org admins of its organisation)
and facilitators (``rules.can_schedule_session``). Exchange workshops keep their own rule
(only facilitators create them): a facilitator's session is made by
``workshops.services.workshop_create`` and ``workshop_publish``; a trainer or an org admin
who is not a facilitator gets the same workshop from the same checks, made here from the
lower-level pieces (the same validation, the same audit events). Either way:

- the workshop takes the training's title and objectives, its kind is "training
  session", its organisers include the training's organisation, and it is published at
  once (registrations open);
- the training's trainers are registered as the workshop's facilitators (not counted in
  its places): they then run it through the workshops' pages — registrations,
  attendance, evaluation results, exports;
- one agenda item per day (a plenary with the training's title) carries the attendance;
- the people who wished to learn one of the training's themes or practices are told.
"""

from __future__ import annotations

import math
from datetime import date, time, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from palabre.audit.services import audit_record
from palabre.learning import kinds
from palabre.learning.models import LearningWish, Training, TrainingSession
from palabre.lib.dates import day
from palabre.lib.errors import ServiceError, refuse
from palabre.lib.visibility import Visibility
from palabre.notifications.services import notify
from palabre.permissions import learning as rules
from palabre.permissions import workshops as workshop_rules
from palabre.workshops import services as workshop_services
from palabre.workshops.models import Registration, Session, Workshop
from palabre.workshops.services.workshops import _check_workshop

# What may be given besides the dates, place and capacity (the rest comes from the training).
EXTRA_FIELDS = ("description", "time_zone", "waiting_list_size", "languages", "visibility")

# Wider comes later: a session is never seen more widely than its training.
_WIDTH = {Visibility.ORGANISATION: 0, Visibility.NETWORK: 1, Visibility.PUBLIC: 2}

DAY_STARTS = time(9, 0)
LATEST_END = time(23, 0)


def _values(
    training: Training,
    *,
    start_date: date,
    end_date: date,
    venue: str,
    city: str,
    country: str,
    online_url: str,
    capacity: int | None,
    registration_closes_on: date | None,
    fields: dict[str, Any],
) -> dict[str, Any]:
    unknown = set(fields) - set(EXTRA_FIELDS)
    if unknown:
        raise ServiceError(_("Unknown fields: %(names)s.") % {"names": ", ".join(sorted(unknown))})
    if capacity is not None and capacity < 1:
        raise ServiceError(
            _("Give at least one place, or leave the places empty for no limit."),
            field="capacity",
        )
    if start_date is None or end_date is None:
        raise ServiceError(_("Give the first and last days."), field="start_date")
    if start_date < timezone.localdate():
        raise ServiceError(_("A session is scheduled from today on."), field="start_date")
    visibility = fields.get("visibility") or training.visibility
    if visibility not in _WIDTH:
        raise ServiceError(_("Choose who can see the session."), field="visibility")
    if _WIDTH[visibility] > _WIDTH[training.visibility]:
        raise ServiceError(
            _("A session cannot be seen more widely than its training (%(visibility)s).")
            % {"visibility": training.get_visibility_display()},
            field="visibility",
        )
    return {
        "title": training.title,
        "objectives": training.objectives,
        "start_date": start_date,
        "end_date": end_date,
        "venue": (venue or "").strip(),
        "city": (city or "").strip(),
        "country": country or "",
        "online_url": (online_url or "").strip(),
        "capacity": capacity,
        "registration_closes_on": registration_closes_on,
        "languages": fields.get("languages") or training.language,
        **{k: v for k, v in fields.items() if k not in ("languages", "visibility")},
        "visibility": visibility,
    }


def _make_workshop(*, by: Any, organisers: list, values: dict[str, Any]) -> Workshop:
    """The workshop, created and published: through the workshops' own services for a
    facilitator, from the same pieces for the training's other editors."""
    if workshop_rules.can_create_workshop(by):
        workshop = workshop_services.workshop_create(by=by, organisers=organisers, **values)
        # workshop_create only knows exchange workshops' fields: the kind is set here, in
        # the same transaction, before anything can see it.
        Workshop.objects.filter(pk=workshop.pk).update(kind=Workshop.Kind.TRAINING)
        workshop.kind = Workshop.Kind.TRAINING
        return workshop_services.workshop_publish(workshop=workshop, by=by)
    workshop = Workshop(created_by=by, kind=Workshop.Kind.TRAINING, **values)
    _check_workshop(workshop, organisers)
    workshop.status = Workshop.Status.PUBLISHED
    workshop.published_at = timezone.now()
    workshop.save()
    workshop.organisers.set(organisers)
    first = min(organisers, key=lambda o: o.name)
    for action in ("workshop.created", "workshop.published"):
        audit_record(action=action, actor=by, target=workshop, organisation=first)
    return workshop


def _agenda(workshop: Workshop, training: Training, *, starts: time) -> None:
    """One plenary per day, with the training's title: what attendance is taken on."""
    days = workshop.days
    minutes = max(math.ceil(training.duration_minutes / len(days)), 30)
    for number, when in enumerate(days, start=1):
        begins = workshop.at(when, starts)
        latest = workshop.at(when, LATEST_END)
        ends = min(begins + timedelta(minutes=minutes), latest)
        if ends <= begins:
            raise ServiceError(_("Start the session earlier in the day."), field="starts_at")
        title = training.title if len(days) == 1 else f"{training.title} ({number}/{len(days)})"
        Session.objects.create(
            workshop=workshop,
            kind=Session.Kind.PLENARY,
            title=title[:200],
            starts_at=begins,
            ends_at=ends,
        )


def _register_trainers(workshop: Workshop, training: Training, *, by: Any) -> list[Any]:
    """The training's trainers become the workshop's facilitators (no place taken)."""
    trainers = list(training.trainers.filter(is_active=True).order_by("display_name", "pk"))
    for trainer in trainers:
        membership = (
            trainer.memberships.filter(organisation=training.organisation).first()
            or trainer.memberships.order_by("pk").first()
        )
        Registration.objects.create(
            workshop=workshop,
            person=trainer,
            role=Registration.Role.FACILITATOR,
            status=Registration.Status.CONFIRMED,
            organisation=membership.organisation if membership else None,
            registered_by=by,
        )
        audit_record(
            action="workshop.registered",
            actor=by,
            target=workshop,
            organisation=membership.organisation if membership else None,
            data={
                "person": trainer.pk,
                "role": Registration.Role.FACILITATOR,
                "status": Registration.Status.CONFIRMED,
            },
        )
    return trainers


def _when(workshop: Workshop) -> str:
    if workshop.start_date == workshop.end_date:
        return day(workshop.start_date)
    return f"{day(workshop.start_date)} – {day(workshop.end_date)}"


def _tell_wishers(session: TrainingSession, *, by: Any, skip: set[int]) -> int:
    """The people who wished to learn one of its themes or practices, if they may see it
    (``notify`` asks the permission module)."""
    training, workshop = session.training, session.workshop
    wishes = LearningWish.objects.filter(
        theme__in=training.themes.values("pk")
    ) | LearningWish.objects.filter(practice__in=training.practices.values("pk"))
    people = {w.person_id: w.person for w in wishes.select_related("person").order_by("pk")}
    told = 0
    for pk, person in people.items():
        if pk in skip:
            continue
        with translation.override(getattr(person, "language", "") or None):
            when = _when(workshop)
        sent = notify(
            recipient=person,
            kind=kinds.SESSION_SCHEDULED,
            title=gettext_lazy("A session of the training “%(title)s” is scheduled"),
            params={"title": training.title, "when": when, "place": workshop.place},
            body=gettext_lazy("When: %(when)s. Register on its page while there are places.")
            if not workshop.place
            else gettext_lazy(
                "When: %(when)s, in %(place)s. Register on its page while there are places."
            ),
            url=session.get_absolute_url(),
            actor=by,
            target=session,
        )
        told += sent is not None
    return told


@transaction.atomic
def session_create(
    *,
    training: Training,
    by: Any,
    start_date: date,
    end_date: date | None = None,
    venue: str = "",
    city: str = "",
    country: str = "CM",
    online_url: str = "",
    capacity: int | None = None,
    registration_closes_on: date | None = None,
    organisers: list | None = None,
    starts_at: time | None = None,
    **fields: Any,
) -> TrainingSession:
    """Schedule a session of a published training (see the module's docstring)."""
    current = (
        Training.objects.select_for_update().select_related("organisation").get(pk=training.pk)
    )
    if not rules.can_view_training(by, current):
        refuse(_("This does not exist, or you may not see it."), status=404)
    if current.status != Training.Status.PUBLISHED:
        refuse(_("Only a published training can be given in sessions."), status=409)
    if not rules.can_schedule_session(by, current):
        refuse(
            _(
                "Only the training's trainers, its organisation's admins and facilitators "
                "schedule its sessions."
            ),
            status=403,
        )
    values = _values(
        current,
        start_date=start_date,
        end_date=end_date or start_date,
        venue=venue,
        city=city,
        country=country,
        online_url=online_url,
        capacity=capacity,
        registration_closes_on=registration_closes_on,
        fields=fields,
    )
    chosen = list(organisers or [])
    if current.organisation not in chosen:
        chosen.insert(0, current.organisation)
    workshop = _make_workshop(by=by, organisers=chosen, values=values)
    _agenda(workshop, current, starts=starts_at or DAY_STARTS)
    session = TrainingSession.objects.create(training=current, workshop=workshop)
    trainers = _register_trainers(workshop, current, by=by)
    audit_record(
        action="learning.session_scheduled",
        actor=by,
        target=session,
        organisation=current.organisation,
        data={"training": current.pk, "workshop": workshop.pk},
    )
    for trainer in trainers:
        notify(
            recipient=trainer,
            kind="workshop.confirmed",
            title=gettext_lazy("You give the training session “%(title)s”"),
            params={"title": current.title},
            url=session.get_absolute_url(),
            actor=by,
            target=session,
        )
    _tell_wishers(session, by=by, skip={t.pk for t in trainers} | {by.pk})
    return session
