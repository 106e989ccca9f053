"""Follow-ups: some months after a training session, each person who attended is asked
whether they applied what they learned; a "yes" starts an adoption of the training's
practices for their organisation, so training shows in the impact figures.

- ``follow_ups_ask(today=…)``: the daily job. For each session whose workshop ended
  ``LEARNING_FOLLOW_UP_MONTHS`` months ago or more, one follow-up per person marked
  present (its trainers excepted), and a notification, once each.
- ``follow_up_answer(follow_up=…, by=…, applied=…)``: the person's answer, once.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from palabre.accounts.models import User
from palabre.adoptions.models import Adoption, add_months
from palabre.adoptions.services import adoption_create
from palabre.audit.services import audit_record
from palabre.learning import kinds
from palabre.learning.models import FollowUp, Training, TrainingPractice, TrainingSession
from palabre.lib.dates import day
from palabre.lib.errors import refuse
from palabre.notifications.services import notify
from palabre.permissions import adoptions as adoption_rules
from palabre.permissions import is_member, org_ids
from palabre.workshops.models import Attendance, Registration, Workshop

NOTE_MAX = 2000
# What a "yes" may start: an adoption planned, or one already under way.
STATUSES = (Adoption.Status.IN_PROGRESS, Adoption.Status.PLANNED)


def follow_up_due_on(session: TrainingSession, months: int | None = None) -> date:
    """The day the question is asked: so many months after the session's last day."""
    if months is None:
        months = settings.LEARNING_FOLLOW_UP_MONTHS
    return add_months(session.workshop.end_date, months)


def _attendees(session: TrainingSession) -> list[Any]:
    """Everyone marked present at least once in the session's workshop, but its trainers."""
    present = Attendance.objects.filter(
        session__workshop_id=session.workshop_id, present=True
    ).values("person_id")
    return list(
        User.objects.filter(pk__in=present, is_active=True)
        .exclude(pk__in=session.training.trainers.values("pk"))
        .order_by("pk")
    )


def follow_ups_ask(*, today: date | None = None) -> int:
    """Ask those who attended sessions that ended long enough ago, once each.

    Idempotent: a follow-up exists once per session and person (a unique constraint), and
    only the run that creates it sends the notification. Returns how many were asked.
    """
    today = today or timezone.localdate()
    months = settings.LEARNING_FOLLOW_UP_MONTHS
    if months <= 0:
        return 0
    # Only sessions where someone present (not a trainer) has not been asked yet.
    not_asked = (
        Attendance.objects.filter(session__workshop=OuterRef("workshop"), present=True)
        .exclude(
            Exists(
                FollowUp.objects.filter(session=OuterRef(OuterRef("pk")), person=OuterRef("person"))
            )
        )
        .exclude(
            Exists(
                Training.trainers.through.objects.filter(
                    training=OuterRef(OuterRef("training")), user=OuterRef("person")
                )
            )
        )
    )
    # A month is at least 28 days: narrow in the database, then compare exact dates.
    sessions = (
        TrainingSession.objects.filter(
            Exists(not_asked),
            workshop__status=Workshop.Status.PUBLISHED,
            workshop__end_date__lte=today - timedelta(days=28 * months),
        )
        .select_related("training", "workshop")
        .order_by("workshop__end_date", "pk")
    )
    asked = 0
    for session in sessions.iterator(chunk_size=100):
        due_on = follow_up_due_on(session, months)
        if due_on > today:
            continue
        already = set(FollowUp.objects.filter(session=session).values_list("person_id", flat=True))
        for person in _attendees(session):
            if person.pk in already:
                continue
            with transaction.atomic():
                try:
                    with transaction.atomic():
                        follow_up = FollowUp.objects.create(
                            session=session,
                            person=person,
                            due_on=due_on,
                            asked_at=timezone.now(),
                        )
                except IntegrityError:  # another worker asked meanwhile
                    continue
                notify(
                    recipient=person,
                    kind=kinds.FOLLOW_UP,
                    title=gettext_lazy("Did you apply what you learned in “%(title)s”?"),
                    params={"title": session.training.title, "months": months},
                    body=gettext_lazy(
                        "You took part in the training “%(title)s” a few months ago. Tell us "
                        "whether you put it into practice: it takes a minute, and a “yes” "
                        "records the adoption for your organisation."
                    ),
                    url=reverse("learning:follow_up", args=[follow_up.pk]),
                    target=follow_up,
                )
                asked += 1
    return asked


def _registered_organisation(follow_up: FollowUp) -> Any:
    """The organisation the person registered for, if they still belong to it."""
    registration = (
        Registration.objects.filter(
            workshop_id=follow_up.session.workshop_id, person_id=follow_up.person_id
        )
        .select_related("organisation")
        .first()
    )
    if registration is None or registration.organisation is None:
        return None
    return registration.organisation


def follow_up_default_organisation(follow_up: FollowUp, person: Any) -> Any:
    """The organisation a "yes" is recorded for unless the person chooses: their only one,
    else the one they registered for (if still theirs), else none."""
    choices = list(adoption_rules.adopting_organisation_choices(person).order_by("name"))
    if len(choices) == 1:
        return choices[0]
    registered = _registered_organisation(follow_up)
    if registered is not None and registered.pk in {o.pk for o in choices}:
        return registered
    return None


def _adopt(
    *, follow_up: FollowUp, by: Any, organisation: Any, status: str, note: str
) -> list[Adoption]:
    """An adoption of each practice of the training the person may record, for the
    organisation; an existing one (not abandoned) is linked rather than repeated."""
    training = follow_up.session.training
    context = _("After the training “%(title)s” (%(date)s).") % {
        "title": training.title,
        "date": day(follow_up.session.workshop.start_date),
    }
    if note:
        context = f"{context}\n\n{note}"
    links = (
        TrainingPractice.objects.filter(training=training)
        .select_related("practice")
        .order_by("position", "pk")
    )
    adoptions = []
    for link in links:
        practice = link.practice
        if not adoption_rules.can_record_adoption(by, practice):
            continue  # unpublished since, or not the person's to read
        existing = (
            Adoption.objects.filter(practice=practice, organisation=organisation)
            .exclude(status=Adoption.Status.ABANDONED)
            .order_by("-started_on", "-pk")
            .first()
        )
        if existing is not None:
            adoptions.append(existing)
            continue
        adoptions.append(
            adoption_create(
                by=by,
                practice=practice,
                organisation=organisation,
                status=status,
                started_on=timezone.localdate(),
                context=context,
            )
        )
    return adoptions


@transaction.atomic
def follow_up_answer(
    *,
    follow_up: FollowUp,
    by: Any,
    applied: bool,
    note: str = "",
    organisation: Any = None,
    status: str = Adoption.Status.IN_PROGRESS,
) -> FollowUp:
    """The person's answer, once. "Yes" starts an adoption of each practice of the
    training for their organisation (planned or in progress), in the same transaction;
    the follow-up keeps the first one."""
    current = (
        FollowUp.objects.select_for_update()
        .select_related("session__training", "session__workshop")
        .get(pk=follow_up.pk)
    )
    if not is_member(by) or current.person_id != by.pk:
        # Someone else's follow-up: as if it did not exist.
        refuse(_("This follow-up question was not asked to you."), status=404)
    if current.answered_at is not None:
        refuse(
            _("You already answered this question on %(date)s: an answer is given once.")
            % {"date": day(timezone.localdate(current.answered_at))},
            status=409,
        )
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        refuse(_("Keep it under %(max)s characters, please.") % {"max": NOTE_MAX}, field="note")
    adoptions: list[Adoption] = []
    if applied:
        if status not in STATUSES:
            refuse(_("Say whether it is planned or already in progress."), field="status")
        mine = org_ids(by)
        if organisation is None:
            organisation = follow_up_default_organisation(current, by)
            if organisation is None and len(mine) > 1:
                refuse(_("Choose the organisation where you applied it."), field="organisation")
        elif organisation.pk not in mine:
            refuse(
                _("You can only record adoptions for your own organisations."),
                field="organisation",
                status=403,
            )
        if organisation is not None:  # none for someone who belongs to no organisation
            adoptions = _adopt(
                follow_up=current, by=by, organisation=organisation, status=status, note=note
            )
    current.applied = applied
    current.note = note
    current.answered_at = timezone.now()
    current.adoption = adoptions[0] if adoptions else None
    current.save(update_fields=["applied", "note", "answered_at", "adoption"])
    audit_record(
        action="learning.follow_up_answered",
        actor=by,
        target=current,
        organisation=organisation if applied else None,
        data={"applied": applied, "adoptions": [a.pk for a in adoptions]},
    )
    return current
