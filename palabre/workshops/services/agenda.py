"""The agenda: sessions and the split into parallel groups."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from palabre.audit.services import audit_record
from palabre.lib.dates import day
from palabre.lib.errors import ServiceError, refuse
from palabre.permissions import is_facilitator
from palabre.permissions import workshops as rules
from palabre.workshops.models import (
    GroupMember,
    Registration,
    Restitution,
    Session,
    Workshop,
)
from palabre.workshops.services._common import (
    User,
    first_organisation,
    locked,
    participant_ids,
)

# The agenda ---------------------------------------------------------------------------

SESSION_FIELDS = (
    "kind", "title", "description", "starts_at", "ends_at", "room", "theme", "facilitator",
    "tool", "presented_practice", "presenter", "rapporteur",
)  # fmt: skip


def _check_session(workshop: Workshop, session: Session, members: list | None) -> None:
    if not session.title.strip():
        raise ServiceError(_("A session needs a title."), field="title")
    if session.kind not in Session.Kind.values:
        raise ServiceError(_("Unknown kind of session."), field="kind")
    if session.starts_at is None or session.ends_at is None:
        raise ServiceError(_("Give the start and end times."), field="starts_at")
    if session.ends_at <= session.starts_at:
        raise ServiceError(_("The session ends before it starts."), field="ends_at")
    first = session.starts_at.astimezone(workshop.tz).date()
    last = (session.ends_at - timedelta(microseconds=1)).astimezone(workshop.tz).date()
    if first < workshop.start_date or last > workshop.end_date:
        raise ServiceError(
            _("This session is outside the workshop's dates (%(start)s – %(end)s).")
            % {"start": day(workshop.start_date), "end": day(workshop.end_date)},
            field="day",
        )
    if first != last:
        raise ServiceError(_("A session starts and ends on the same day."), field="ends_at")
    allowed = participant_ids(workshop)
    for name in ("presenter", "rapporteur"):
        person = getattr(session, name)
        if person is not None and person.pk not in allowed and not is_facilitator(person):
            raise ServiceError(
                _("%(name)s is not registered for this workshop.") % {"name": person}, field=name
            )
    if members:
        strangers = [str(p) for p in members if p.pk not in allowed]
        if strangers:
            raise ServiceError(
                _("Not registered for this workshop: %(names)s.") % {"names": ", ".join(strangers)},
                field="members",
            )


def _set_members(session: Session, members: list | None) -> None:
    if members is None:
        return
    if not session.is_group:
        members = []
    GroupMember.objects.filter(session=session).exclude(person__in=members).delete()
    existing = set(GroupMember.objects.filter(session=session).values_list("person_id", flat=True))
    GroupMember.objects.bulk_create(
        GroupMember(session=session, person=p) for p in members if p.pk not in existing
    )


@transaction.atomic
def session_create(
    *, workshop: Workshop, by: Any, members: list | None = None, **fields
) -> Session:
    current = locked(workshop)
    if not rules.can_run(by, current):
        refuse(_("Only the workshop's facilitators change its agenda."), status=403)
    unknown = set(fields) - set(SESSION_FIELDS)
    if unknown:
        raise ServiceError(_("Unknown fields: %(names)s.") % {"names": ", ".join(sorted(unknown))})
    session = Session(workshop=current, **fields)
    _check_session(current, session, members)
    session.save()
    _set_members(session, members)
    audit_record(
        action="workshop.session_created",
        actor=by,
        target=current,
        organisation=first_organisation(current),
        data={"session": session.pk, "title": session.title},
    )
    return session


@transaction.atomic
def session_update(
    *, session: Session, by: Any, fields: dict[str, Any], members: list | None = None
) -> Session:
    workshop = locked(session.workshop)
    current = Session.objects.select_for_update().get(pk=session.pk)
    if not rules.can_run(by, workshop):
        refuse(_("Only the workshop's facilitators change its agenda."), status=403)
    for name, value in fields.items():
        if name not in SESSION_FIELDS:
            raise ServiceError(_("Unknown fields: %(names)s.") % {"names": name})
        setattr(current, name, value)
    _check_session(workshop, current, members)
    current.save()
    _set_members(current, members)
    audit_record(
        action="workshop.session_updated",
        actor=by,
        target=workshop,
        organisation=first_organisation(workshop),
        data={"session": current.pk, "fields": sorted(fields)},
    )
    return current


@transaction.atomic
def session_delete(*, session: Session, by: Any) -> None:
    workshop = locked(session.workshop)
    if not rules.can_run(by, workshop):
        refuse(_("Only the workshop's facilitators change its agenda."), status=403)
    restitution = Restitution.objects.filter(session=session).first()
    if restitution is not None and not restitution.is_empty:
        refuse(_("This session has a written restitution: it cannot be deleted."), status=409)
    audit_record(
        action="workshop.session_deleted",
        actor=by,
        target=workshop,
        organisation=first_organisation(workshop),
        data={"session": session.pk, "title": session.title},
    )
    session.delete()


@transaction.atomic
def groups_assign(
    *, workshop: Workshop, by: Any, sessions: list[Session], assignment: dict[int, int | None]
) -> None:
    """Put each person in one of these parallel groups (or none); rapporteurs are kept."""
    current = locked(workshop)
    if not rules.can_run(by, current):
        refuse(_("Only the workshop's facilitators split the groups."), status=403)
    by_pk = {s.pk: s for s in sessions}
    if any(s.workshop_id != current.pk or not s.is_group for s in sessions):
        raise ServiceError(_("Only group-work sessions of this workshop take members."))
    allowed = participant_ids(current)
    unknown = [pk for pk in assignment if pk not in allowed]
    if unknown:
        raise ServiceError(_("Some of these people are not registered for this workshop."))
    if any(target is not None and target not in by_pk for target in assignment.values()):
        raise ServiceError(_("Unknown group."))
    people = {u.pk: u for u in User.objects.filter(pk__in=list(assignment))}
    roles = dict(
        current.registrations.confirmed()
        .filter(person__in=list(assignment))
        .values_list("person_id", "role")
    )
    for session in sessions:
        members = [people[pk] for pk, target in assignment.items() if target == session.pk]
        _set_members(session, members)
        if session.rapporteur_id is None or session.rapporteur_id not in {p.pk for p in members}:
            rapporteurs = [p for p in members if roles.get(p.pk) == Registration.Role.RAPPORTEUR]
            if rapporteurs or session.rapporteur_id not in allowed:
                session.rapporteur = rapporteurs[0] if rapporteurs else None
                session.save(update_fields=["rapporteur", "updated_at"])
    audit_record(
        action="workshop.groups_assigned",
        actor=by,
        target=current,
        organisation=first_organisation(current),
        data={"sessions": sorted(by_pk), "people": len(assignment)},
    )
