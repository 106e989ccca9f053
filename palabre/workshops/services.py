"""Every change to a workshop and what it produces: each one transaction, audited, notified."""

from __future__ import annotations

import zoneinfo
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import formats, timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from palabre.audit.services import audit_record
from palabre.lib.errors import ServiceError
from palabre.notifications.services import notify
from palabre.permissions import admin_org_ids, is_facilitator, org_ids
from palabre.permissions import practices as practice_rules
from palabre.permissions import workshops as rules
from palabre.workshops.models import (
    ActionUpdate,
    Attendance,
    CollectiveAction,
    Evaluation,
    FacilitationTool,
    GroupMember,
    Registration,
    Restitution,
    RestitutionPhoto,
    Session,
    SessionRating,
    Workshop,
)

User = get_user_model()


class ConflictError(ServiceError):
    """Someone saved the same text since this person opened it."""

    def __init__(self, current: Any):
        super().__init__(
            _(
                "Someone else saved this text while you were writing. Your text has not been "
                "lost: compare both versions below, then save again."
            ),
            status=409,
        )
        self.current = current


def _refuse(message: str, status: int = 409, field: str | None = None):
    raise ServiceError(message, status=status, field=field)


def _locked(workshop: Workshop) -> Workshop:
    return Workshop.objects.select_for_update().get(pk=workshop.pk)


def _forget(workshop: Workshop) -> None:
    """Drop the registrations cached on the caller's copy (see rules.registration_of)."""
    if hasattr(workshop, "_palabre_registrations"):
        del workshop._palabre_registrations


def _first_organisation(workshop: Workshop):
    return workshop.organisers.order_by("name").first()


def _day(value: date) -> str:
    return formats.date_format(value, "DATE_FORMAT")


# Workshops ----------------------------------------------------------------------------

WORKSHOP_FIELDS = (
    "title", "objectives", "description", "start_date", "end_date", "time_zone", "venue",
    "city", "country", "online_url", "capacity", "waiting_list_size", "registration_closes_on",
    "languages", "visibility",
)  # fmt: skip


def _check_workshop(workshop: Workshop, organisers: list | None) -> None:
    if not workshop.title.strip():
        raise ServiceError(_("A workshop needs a title."), field="title")
    if workshop.end_date < workshop.start_date:
        raise ServiceError(_("The last day comes before the first day."), field="end_date")
    if (workshop.end_date - workshop.start_date).days > 30:
        raise ServiceError(_("A workshop lasts at most a month."), field="end_date")
    if workshop.registration_closes_on and workshop.registration_closes_on > workshop.end_date:
        raise ServiceError(
            _("Registrations must close before the end of the workshop."),
            field="registration_closes_on",
        )
    if workshop.time_zone not in zoneinfo.available_timezones():
        raise ServiceError(_("Unknown time zone."), field="time_zone")
    if not (workshop.venue.strip() or workshop.online_url.strip()):
        raise ServiceError(
            _("Say where it happens: a place, an online link, or both."), field="venue"
        )
    known = {code for code, _name in settings.LANGUAGES}
    if not workshop.language_list or set(workshop.language_list) - known:
        raise ServiceError(_("Choose the languages of the workshop."), field="languages")
    if organisers is not None and not organisers:
        raise ServiceError(_("Name at least one organising organisation."), field="organisers")


@transaction.atomic
def workshop_create(*, by: Any, organisers: list, **fields: Any) -> Workshop:
    if not rules.can_create_workshop(by):
        _refuse(_("Only facilitators create workshops."), status=403)
    unknown = set(fields) - set(WORKSHOP_FIELDS) - {"external_id"}
    if unknown:
        raise ServiceError(_("Unknown fields: %(names)s.") % {"names": ", ".join(sorted(unknown))})
    workshop = Workshop(created_by=by, **fields)
    _check_workshop(workshop, list(organisers))
    workshop.save()
    workshop.organisers.set(organisers)
    audit_record(
        action="workshop.created",
        actor=by,
        target=workshop,
        organisation=_first_organisation(workshop),
    )
    return workshop


@transaction.atomic
def workshop_update(
    *, workshop: Workshop, by: Any, fields: dict[str, Any], organisers: list | None = None
) -> Workshop:
    current = _locked(workshop)
    if not rules.can_manage(by, current):
        _refuse(_("Only facilitators change a workshop."), status=403)
    for name, value in fields.items():
        if name not in WORKSHOP_FIELDS:
            raise ServiceError(_("Unknown fields: %(names)s.") % {"names": name})
        setattr(current, name, value)
    _check_workshop(current, list(organisers) if organisers is not None else None)
    outside = [
        s.title
        for s in current.sessions.all()
        if not (current.start_date <= s.starts_at.astimezone(current.tz).date() <= current.end_date)
    ]
    if outside:
        raise ServiceError(
            _("These sessions would fall outside the new dates; move them first: %(names)s.")
            % {"names": ", ".join(outside)},
            field="start_date",
        )
    current.save()
    if organisers is not None:
        current.organisers.set(organisers)
    _promote_waitlist(current, by=by)
    audit_record(
        action="workshop.updated",
        actor=by,
        target=current,
        organisation=_first_organisation(current),
        data={"fields": sorted(fields)},
    )
    return current


@transaction.atomic
def workshop_publish(*, workshop: Workshop, by: Any) -> Workshop:
    current = _locked(workshop)
    if not rules.can_manage(by, current):
        _refuse(_("Only facilitators publish workshops."), status=403)
    if current.status != Workshop.Status.DRAFT:
        _refuse(_("Only a draft workshop can be published."))
    current.status = Workshop.Status.PUBLISHED
    current.published_at = timezone.now()
    current.save(update_fields=["status", "published_at", "updated_at"])
    audit_record(
        action="workshop.published",
        actor=by,
        target=current,
        organisation=_first_organisation(current),
    )
    return current


@transaction.atomic
def workshop_cancel(*, workshop: Workshop, by: Any, reason: str = "") -> Workshop:
    current = _locked(workshop)
    if not rules.can_manage(by, current):
        _refuse(_("Only facilitators cancel workshops."), status=403)
    if current.status == Workshop.Status.CANCELLED:
        _refuse(_("This workshop is already cancelled."))
    if current.is_past:
        _refuse(_("This workshop has already taken place."))
    was_published = current.status == Workshop.Status.PUBLISHED
    current.status = Workshop.Status.CANCELLED
    current.save(update_fields=["status", "updated_at"])
    audit_record(
        action="workshop.cancelled",
        actor=by,
        target=current,
        organisation=_first_organisation(current),
        data={"reason": reason[:500]},
    )
    if was_published:
        for registration in current.registrations.active().select_related("person"):
            notify(
                recipient=registration.person,
                kind="workshop.cancelled",
                title=gettext_lazy("The workshop “%(title)s” is cancelled"),
                params={"title": current.title},
                body=reason,
                url=current.get_absolute_url(),
                actor=by,
                target=current,
            )
    return current


# Registrations ------------------------------------------------------------------------

SELF_ROLES = (Registration.Role.PARTICIPANT, Registration.Role.PRESENTER)


def _counted(workshop: Workshop):
    """Registrations that take a place: facilitators of the workshop are not counted."""
    return workshop.registrations.confirmed().exclude(role=Registration.Role.FACILITATOR)


def places_left(workshop: Workshop) -> int | None:
    if workshop.capacity is None:
        return None
    return max(workshop.capacity - _counted(workshop).count(), 0)


def _organisation_for(person: Any, organisation: Any, *, by: Any):
    if organisation is None:
        membership = person.memberships.select_related("organisation").first()
        return membership.organisation if membership else None
    if organisation.pk not in org_ids(person):
        raise ServiceError(
            _("%(name)s is not a member of %(organisation)s.")
            % {"name": person, "organisation": organisation.short_name},
            field="organisation",
        )
    return organisation


def _presented_practice(
    *, person: Any, by: Any, organisation: Any, practice: Any, new_practice_title: str, workshop
):
    """The practice a presenter brings: an existing one they may open, or a new draft."""
    from palabre.practices.services import practice_create

    title = (new_practice_title or "").strip()
    if practice is not None:
        openable = practice_rules.practices_openable_by(
            person
        ) | practice_rules.practices_openable_by(by)
        if not openable.filter(pk=practice.pk).exists():
            raise ServiceError(_("Choose a practice you can open."), field="practice")
        return practice
    if not title:
        raise ServiceError(
            _("Say which practice you will present: choose one, or give the title of a new one."),
            field="practice",
        )
    if len(title) < 3:
        raise ServiceError(_("The title of the practice is too short."), field="new_practice_title")
    if organisation is None:
        raise ServiceError(
            _("Choose the organisation the new practice belongs to."), field="organisation"
        )
    return practice_create(
        by=by,
        lead_organisation=organisation,
        title=title[:200],
        authors=[person],
        contact=person,
        language=(workshop.language_list or ["fr"])[0],
    )


@transaction.atomic
def registration_create(
    *,
    workshop: Workshop,
    person: Any,
    by: Any,
    role: str = Registration.Role.PARTICIPANT,
    organisation: Any = None,
    practice: Any = None,
    new_practice_title: str = "",
    first_choice: Any = None,
    second_choice: Any = None,
    notes: str = "",
) -> Registration:
    """Register someone: confirmed while there are places, then on the waiting list, then full."""
    current = _locked(workshop)
    _forget(workshop)
    if by.pk != person.pk and not rules.can_register_person(by, current, person):
        _refuse(_("You can only register members of the organisations you administer."), 403)
    if not rules.can_view_workshop(person, current) or not person.is_active:
        _refuse(
            _("%(name)s cannot take part in this workshop: it is not open to their organisation.")
            % {"name": person},
            status=403,
        )
    if current.status == Workshop.Status.CANCELLED:
        _refuse(_("This workshop is cancelled."))
    if current.status != Workshop.Status.PUBLISHED:
        _refuse(_("This workshop is not open for registration yet."))
    if current.is_past:
        _refuse(_("This workshop has already taken place."))
    manager = rules.can_manage(by, current)
    if current.today() > current.last_registration_day and not manager:
        _refuse(
            _("Registrations closed on %(date)s.") % {"date": _day(current.last_registration_day)}
        )
    if role not in Registration.Role.values:
        raise ServiceError(_("Unknown role."), field="role")
    if role not in SELF_ROLES and not rules.can_assign_any_role(by, current):
        _refuse(_("Only facilitators name the workshop's facilitators and rapporteurs."), 403)
    existing = Registration.objects.filter(workshop=current, person=person).first()
    if existing is not None and existing.status != Registration.Status.CANCELLED:
        _refuse(
            _("%(name)s is already registered (%(status)s).")
            % {"name": person, "status": existing.get_status_display()}
        )
    organisation = _organisation_for(person, organisation, by=by)
    if role == Registration.Role.PRESENTER:
        practice = _presented_practice(
            person=person,
            by=by,
            organisation=organisation,
            practice=practice,
            new_practice_title=new_practice_title,
            workshop=current,
        )
    else:
        practice = None
    if first_choice is not None and second_choice is not None and first_choice == second_choice:
        second_choice = None

    if (
        role == Registration.Role.FACILITATOR
        or current.capacity is None
        or _counted(current).count() < current.capacity
    ):
        status = Registration.Status.CONFIRMED
    elif current.registrations.waitlisted().count() < current.waiting_list_size:
        status = Registration.Status.WAITLISTED
    else:
        if current.waiting_list_size:
            message = _(
                "This workshop is full (%(capacity)s places) and so is its waiting list."
            ) % {"capacity": current.capacity}
        else:
            message = _("This workshop is full (%(capacity)s places).") % {
                "capacity": current.capacity
            }
        _refuse(message)

    values = {
        "organisation": organisation,
        "role": role,
        "status": status,
        "practice": practice,
        "first_choice": first_choice,
        "second_choice": second_choice,
        "notes": notes.strip(),
        "registered_by": by,
        "created_at": timezone.now(),
        "cancelled_at": None,
    }
    if existing is not None:
        for name, value in values.items():
            setattr(existing, name, value)
        existing.save()
        registration = existing
    else:
        registration = Registration.objects.create(workshop=current, person=person, **values)
    audit_record(
        action="workshop.registered",
        actor=by,
        target=current,
        organisation=organisation,
        data={"person": person.pk, "role": role, "status": status},
    )
    if status == Registration.Status.CONFIRMED:
        title = gettext_lazy("You are registered for the workshop “%(title)s”")
    else:
        title = gettext_lazy("You are on the waiting list of the workshop “%(title)s”")
    notify(
        recipient=person,
        kind=f"workshop.{status}",
        title=title,
        params={"title": current.title},
        url=current.get_absolute_url(),
        actor=by,
        target=current,
    )
    return registration


@transaction.atomic
def registration_update(
    *, registration: Registration, by: Any, fields: dict[str, Any]
) -> Registration:
    workshop = _locked(registration.workshop)
    _forget(registration.workshop)
    current = Registration.objects.select_for_update().get(pk=registration.pk)
    if not rules.can_change_registration(by, current):
        _refuse(_("You cannot change this registration."), status=403)
    if current.status == Registration.Status.CANCELLED:
        _refuse(_("This registration is cancelled."))
    role = fields.get("role", current.role)
    if role not in Registration.Role.values:
        raise ServiceError(_("Unknown role."), field="role")
    if (
        role != current.role
        and not (role in SELF_ROLES and current.role in SELF_ROLES)
        and not rules.can_assign_any_role(by, workshop)
    ):
        _refuse(_("Only facilitators name the workshop's facilitators and rapporteurs."), 403)
    organisation = current.organisation
    if "organisation" in fields:
        organisation = _organisation_for(current.person, fields["organisation"], by=by)
    practice = current.practice if role == Registration.Role.PRESENTER else None
    if role == Registration.Role.PRESENTER and (
        "practice" in fields or fields.get("new_practice_title") or current.practice is None
    ):
        practice = _presented_practice(
            person=current.person,
            by=by,
            organisation=organisation,
            practice=fields.get("practice"),
            new_practice_title=fields.get("new_practice_title", ""),
            workshop=workshop,
        )
    current.role = role
    current.organisation = organisation
    current.practice = practice
    for name in ("first_choice", "second_choice", "notes"):
        if name in fields:
            setattr(current, name, fields[name])
    if current.first_choice_id and current.first_choice_id == current.second_choice_id:
        current.second_choice = None
    current.save()
    audit_record(
        action="workshop.registration_changed",
        actor=by,
        target=workshop,
        organisation=organisation,
        data={"person": current.person_id, "fields": sorted(fields)},
    )
    return current


@transaction.atomic
def registration_cancel(*, registration: Registration, by: Any) -> Registration:
    workshop = _locked(registration.workshop)
    _forget(registration.workshop)
    current = Registration.objects.select_for_update().get(pk=registration.pk)
    if not rules.can_change_registration(by, current):
        _refuse(_("You cannot cancel this registration."), status=403)
    if current.status == Registration.Status.CANCELLED:
        _refuse(_("This registration is already cancelled."))
    if workshop.is_past:
        _refuse(_("This workshop has already taken place."))
    current.status = Registration.Status.CANCELLED
    current.cancelled_at = timezone.now()
    current.save(update_fields=["status", "cancelled_at", "updated_at"])
    GroupMember.objects.filter(session__workshop=workshop, person=current.person).delete()
    audit_record(
        action="workshop.registration_cancelled",
        actor=by,
        target=workshop,
        organisation=current.organisation,
        data={"person": current.person_id},
    )
    notify(
        recipient=current.person,
        kind="workshop.registration_cancelled",
        title=gettext_lazy("Your registration for “%(title)s” is cancelled"),
        params={"title": workshop.title},
        url=workshop.get_absolute_url(),
        actor=by,
        target=workshop,
    )
    _promote_waitlist(workshop, by=by)
    return current


def _promote_waitlist(workshop: Workshop, *, by: Any) -> int:
    """Give free places to the waiting list, first come first served."""
    if workshop.status != Workshop.Status.PUBLISHED or workshop.is_past:
        return 0
    promoted = 0
    while workshop.capacity is None or _counted(workshop).count() < workshop.capacity:
        waiting = workshop.registrations.waitlisted().order_by("created_at", "pk").first()
        if waiting is None:
            break
        waiting.status = Registration.Status.CONFIRMED
        waiting.save(update_fields=["status", "updated_at"])
        promoted += 1
        audit_record(
            action="workshop.registration_promoted",
            actor=by,
            target=workshop,
            organisation=waiting.organisation,
            data={"person": waiting.person_id},
        )
        notify(
            recipient=waiting.person,
            kind="workshop.promoted",
            title=gettext_lazy("A place opened: you are registered for “%(title)s”"),
            params={"title": workshop.title},
            url=workshop.get_absolute_url(),
            target=workshop,
        )
    return promoted


# The agenda ---------------------------------------------------------------------------

SESSION_FIELDS = (
    "kind", "title", "description", "starts_at", "ends_at", "room", "theme", "facilitator",
    "tool", "presented_practice", "presenter", "rapporteur",
)  # fmt: skip


def _participant_ids(workshop: Workshop) -> set[int]:
    return set(workshop.registrations.confirmed().values_list("person_id", flat=True))


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
            % {"start": _day(workshop.start_date), "end": _day(workshop.end_date)},
            field="day",
        )
    if first != last:
        raise ServiceError(_("A session starts and ends on the same day."), field="ends_at")
    allowed = _participant_ids(workshop)
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
    current = _locked(workshop)
    if not rules.can_run(by, current):
        _refuse(_("Only the workshop's facilitators change its agenda."), status=403)
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
        organisation=_first_organisation(current),
        data={"session": session.pk, "title": session.title},
    )
    return session


@transaction.atomic
def session_update(
    *, session: Session, by: Any, fields: dict[str, Any], members: list | None = None
) -> Session:
    workshop = _locked(session.workshop)
    current = Session.objects.select_for_update().get(pk=session.pk)
    if not rules.can_run(by, workshop):
        _refuse(_("Only the workshop's facilitators change its agenda."), status=403)
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
        organisation=_first_organisation(workshop),
        data={"session": current.pk, "fields": sorted(fields)},
    )
    return current


@transaction.atomic
def session_delete(*, session: Session, by: Any) -> None:
    workshop = _locked(session.workshop)
    if not rules.can_run(by, workshop):
        _refuse(_("Only the workshop's facilitators change its agenda."), status=403)
    restitution = Restitution.objects.filter(session=session).first()
    if restitution is not None and not restitution.is_empty:
        _refuse(_("This session has a written restitution: it cannot be deleted."))
    audit_record(
        action="workshop.session_deleted",
        actor=by,
        target=workshop,
        organisation=_first_organisation(workshop),
        data={"session": session.pk, "title": session.title},
    )
    session.delete()


@transaction.atomic
def groups_assign(
    *, workshop: Workshop, by: Any, sessions: list[Session], assignment: dict[int, int | None]
) -> None:
    """Put each person in one of these parallel groups (or none); rapporteurs are kept."""
    current = _locked(workshop)
    if not rules.can_run(by, current):
        _refuse(_("Only the workshop's facilitators split the groups."), status=403)
    by_pk = {s.pk: s for s in sessions}
    if any(s.workshop_id != current.pk or not s.is_group for s in sessions):
        raise ServiceError(_("Only group-work sessions of this workshop take members."))
    allowed = _participant_ids(current)
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
        organisation=_first_organisation(current),
        data={"sessions": sorted(by_pk), "people": len(assignment)},
    )


# Attendance ---------------------------------------------------------------------------


def _check_attendance(session: Session, by: Any) -> None:
    if not rules.can_take_attendance(by, session):
        _refuse(
            _("Only the session's facilitator, its rapporteur or a facilitator take attendance."),
            403,
        )
    workshop = session.workshop
    if workshop.status != Workshop.Status.PUBLISHED:
        _refuse(_("This workshop is not taking place."))
    if session.starts_at.astimezone(workshop.tz).date() > workshop.today():
        _refuse(_("Attendance is taken from the day of the session."))


@transaction.atomic
def attendance_mark(*, session: Session, by: Any, person: Any, present: bool) -> Attendance:
    _check_attendance(session, by)
    if person.pk not in _participant_ids(session.workshop):
        raise ServiceError(_("%(name)s is not registered for this workshop.") % {"name": person})
    attendance, _created = Attendance.objects.update_or_create(
        session=session, person=person, defaults={"present": present, "marked_by": by}
    )
    return attendance


@transaction.atomic
def attendance_record(*, session: Session, by: Any, people: list, present_ids: set[int]) -> int:
    """Mark everyone listed: present when ticked, absent otherwise. Returns how many are present."""
    _check_attendance(session, by)
    allowed = _participant_ids(session.workshop)
    for person in people:
        if person.pk not in allowed:
            raise ServiceError(
                _("%(name)s is not registered for this workshop.") % {"name": person}
            )
        Attendance.objects.update_or_create(
            session=session,
            person=person,
            defaults={"present": person.pk in present_ids, "marked_by": by},
        )
    audit_record(
        action="workshop.attendance_taken",
        actor=by,
        target=session.workshop,
        data={"session": session.pk, "present": len(present_ids & {p.pk for p in people})},
    )
    return len(present_ids & {p.pk for p in people})


# Restitutions -------------------------------------------------------------------------

RESTITUTION_FIELDS = ("key_learnings", "successes", "shortcomings", "recommendations")


def _check_restitution_writer(session: Session, by: Any) -> None:
    if not session.takes_restitution:
        raise ServiceError(_("Only group work and presentations have a restitution."))
    if not rules.can_write_restitution(by, session):
        _refuse(
            _("Only the group's rapporteur or a facilitator writes its restitution."), status=403
        )


@transaction.atomic
def restitution_save(
    *,
    session: Session,
    by: Any,
    fields: dict[str, str],
    expected_version: int | None = None,
    final: bool | None = None,
) -> Restitution:
    _check_restitution_writer(session, by)
    Restitution.objects.get_or_create(session=session)
    current = Restitution.objects.select_for_update().get(session=session)
    if expected_version is not None and expected_version != current.version:
        raise ConflictError(current)
    for name, value in fields.items():
        if name not in RESTITUTION_FIELDS:
            raise ServiceError(_("Unknown fields: %(names)s.") % {"names": name})
        setattr(current, name, value or "")
    if final is True:
        if current.is_empty:
            raise ServiceError(_("Write at least one part before marking it final."))
        current.status = Restitution.Status.FINAL
        current.finalised_at = current.finalised_at or timezone.now()
    elif final is False:
        current.status = Restitution.Status.DRAFT
    current.written_by = by
    current.version = F("version") + 1
    current.save()
    current.refresh_from_db()
    audit_record(
        action="workshop.restitution_saved",
        actor=by,
        target=session.workshop,
        data={"session": session.pk, "status": current.status, "version": current.version},
    )
    return current


@transaction.atomic
def restitution_photo_add(
    *, session: Session, by: Any, upload, caption: str = ""
) -> RestitutionPhoto:
    from palabre.practices.uploads import inspect_upload, make_preview

    _check_restitution_writer(session, by)
    checked = inspect_upload(upload)
    if checked.kind != "photo":
        raise ServiceError(
            _("Only photos are kept here (JPEG, PNG or WebP): take a picture of the flip chart."),
            status=415,
            field="file",
        )
    restitution, _created = Restitution.objects.get_or_create(session=session)
    photo = RestitutionPhoto(
        restitution=restitution,
        original_name=checked.name,
        content_type=checked.content_type,
        size=checked.size,
        caption=caption.strip()[:300],
        uploaded_by=by,
    )
    photo.file.save(checked.name, upload, save=False)
    preview = make_preview(upload)
    if preview is not None:
        photo.preview.save("preview.jpg", preview, save=False)
    photo.save()
    audit_record(
        action="workshop.photo_added",
        actor=by,
        target=session.workshop,
        data={"session": session.pk, "file": checked.name, "size": checked.size},
    )
    return photo


@transaction.atomic
def restitution_photo_remove(*, photo: RestitutionPhoto, by: Any) -> None:
    session = photo.restitution.session
    _check_restitution_writer(session, by)
    audit_record(
        action="workshop.photo_removed",
        actor=by,
        target=session.workshop,
        data={"session": session.pk, "file": photo.original_name},
    )
    files = [photo.file, photo.preview]
    photo.delete()
    transaction.on_commit(lambda: [f.delete(save=False) for f in files if f])


# From the workshop to the practice library --------------------------------------------


def _people_of(session: Session) -> list:
    """Who carried this group or presentation, the main person first."""
    main = session.rapporteur if session.is_group else (session.presenter or session.rapporteur)
    people = [main] if main is not None else []
    if session.is_group:
        people += [p for p in session.members.order_by("display_name") if p not in people]
    return people


def practice_draft_origin(session: Session) -> str:
    workshop = session.workshop
    dates = _day(workshop.start_date)
    if workshop.end_date != workshop.start_date:
        dates = f"{dates} – {_day(workshop.end_date)}"
    if session.is_group:
        text = _(
            "Written from the restitution of the group “%(session)s” at the workshop “%(workshop)s” (%(dates)s)."
        )
    else:
        text = _(
            "Written from the experience presentation “%(session)s” at the workshop “%(workshop)s” (%(dates)s)."
        )
    return text % {"session": session.title, "workshop": workshop.title, "dates": dates}


@transaction.atomic
def practice_draft_from_session(*, session: Session, by: Any, lead_organisation: Any = None):
    """Turn a restitution or a presentation into a practice draft, for the normal review."""
    from palabre.practices.services import practice_create

    session = Session.objects.select_for_update().select_related("workshop").get(pk=session.pk)
    workshop = session.workshop
    if not rules.can_make_practice_from(by, session):
        _refuse(_("Only the rapporteur, the presenter or a facilitator can do this."), status=403)
    restitution = Restitution.objects.filter(session=session).first()
    if restitution is not None and restitution.practice_id:
        _refuse(
            _("A practice draft was already written from this restitution: “%(title)s”.")
            % {"title": restitution.practice.title}
        )
    if session.is_group and (restitution is None or restitution.is_empty):
        _refuse(_("Write the restitution first: the draft is filled in from it."))
    if session.kind == Session.Kind.PRESENTATION and session.presented_practice_id:
        _refuse(
            _("This presentation already has its practice: “%(title)s”.")
            % {"title": session.presented_practice.title}
        )
    people = _people_of(session) or [by]
    registrations = {
        r.person_id: r for r in workshop.registrations.confirmed().select_related("organisation")
    }
    choices = practice_rules.lead_organisation_choices(by)
    if lead_organisation is None:
        main = registrations.get(people[0].pk)
        candidate = main.organisation if main is not None else None
        if candidate is not None and choices.filter(pk=candidate.pk).exists():
            lead_organisation = candidate
        else:
            lead_organisation = choices.order_by("name").first()
    if lead_organisation is None:
        _refuse(_("Choose the organisation the practice belongs to."), status=400)
    authors = [p for p in people if lead_organisation.pk in org_ids(p)] or [by]
    partner_ids = {
        registrations[p.pk].organisation_id
        for p in people
        if p.pk in registrations and registrations[p.pk].organisation_id
    } - {lead_organisation.pk}
    language = (workshop.language_list or [settings.LANGUAGE_CODE])[0]
    with translation.override(language):
        origin = practice_draft_origin(session)
    fields: dict[str, Any] = {
        "summary": origin,
        "context": "\n\n".join(x for x in (session.description, origin) if x),
        "language": language,
        "visibility": "organisation" if workshop.visibility == "organisation" else "network",
    }
    if session.kind == Session.Kind.PRESENTATION:
        fields["approach"] = session.description
    if restitution is not None:
        fields.update(
            lessons=restitution.key_learnings,
            results=restitution.successes,
            success_factors=restitution.successes,
            difficulties=restitution.shortcomings,
            replication=restitution.recommendations,
        )
    from palabre.organisations.models import Organisation

    practice = practice_create(
        by=by,
        lead_organisation=lead_organisation,
        title=session.title[:200],
        authors=authors,
        contact=authors[0],
        partners=list(Organisation.objects.filter(pk__in=partner_ids)),
        themes=[session.theme] if session.theme_id else [],
        **fields,
    )
    if restitution is not None:
        restitution.practice = practice
        restitution.save(update_fields=["practice", "updated_at"])
    if session.kind == Session.Kind.PRESENTATION:
        session.presented_practice = practice
        session.save(update_fields=["presented_practice", "updated_at"])
    audit_record(
        action="workshop.practice_drafted",
        actor=by,
        target=workshop,
        organisation=lead_organisation,
        data={"session": session.pk, "practice": practice.pk},
    )
    for author in authors:
        notify(
            recipient=author,
            kind="workshop.practice_drafted",
            title=gettext_lazy("A practice draft was written from the workshop “%(workshop)s”"),
            body=gettext_lazy(
                "“%(title)s” is waiting for you: complete it, then submit it for review."
            ),
            params={"workshop": workshop.title, "title": practice.title},
            url=practice.get_absolute_url(),
            actor=by,
            target=practice,
        )
    return practice


# Collective actions -------------------------------------------------------------------


def _tell_owners(action: CollectiveAction, *, kind: str, title, body="", by: Any = None) -> None:
    recipients = []
    if action.owner_person_id:
        recipients.append(action.owner_person)
    elif action.owner_organisation_id:
        recipients += list(
            User.objects.filter(
                is_active=True,
                memberships__organisation=action.owner_organisation,
                memberships__role="org_admin",
            )
        )
    for person in recipients:
        notify(
            recipient=person,
            kind=kind,
            title=title,
            body=body,
            params={
                "title": action.title,
                "workshop": action.workshop.title,
                "date": _day(action.due_date),
            },
            url=action.get_absolute_url(),
            actor=by,
            target=action,
        )


def _check_action(action: CollectiveAction) -> None:
    if not action.title.strip():
        raise ServiceError(_("Say what is to be done."), field="title")
    if action.owner_person_id is None and action.owner_organisation_id is None:
        raise ServiceError(
            _("Name who carries it: an organisation, a person, or both."),
            field="owner_organisation",
        )
    if action.owner_person_id and not rules.can_view_workshop(action.owner_person, action.workshop):
        raise ServiceError(
            _("%(name)s cannot see this workshop: choose someone from its organisations.")
            % {"name": action.owner_person},
            field="owner_person",
        )
    if action.due_date is None:
        raise ServiceError(_("Give a due date."), field="due_date")
    if action.due_date < action.workshop.start_date:
        raise ServiceError(_("The due date comes before the workshop."), field="due_date")
    if action.session_id and action.session.workshop_id != action.workshop_id:
        raise ServiceError(_("Unknown session."), field="session")
    if action.status not in CollectiveAction.Status.values:
        raise ServiceError(_("Unknown status."), field="status")


ACTION_FIELDS = (
    "title",
    "description",
    "owner_organisation",
    "owner_person",
    "due_date",
    "session",
)


@transaction.atomic
def action_create(*, workshop: Workshop, by: Any, **fields: Any) -> CollectiveAction:
    if not rules.can_add_action(by, workshop):
        _refuse(_("Only the workshop's facilitators record its actions."), status=403)
    status = fields.pop("status", CollectiveAction.Status.PLANNED)
    unknown = set(fields) - set(ACTION_FIELDS)
    if unknown:
        raise ServiceError(_("Unknown fields: %(names)s.") % {"names": ", ".join(sorted(unknown))})
    action = CollectiveAction(workshop=workshop, created_by=by, status=status, **fields)
    _check_action(action)
    if action.status == CollectiveAction.Status.DONE:
        action.completed_at = timezone.now()
    action.save()
    audit_record(
        action="workshop.action_created",
        actor=by,
        target=action,
        organisation=action.owner_organisation,
        data={"workshop": workshop.pk},
    )
    _tell_owners(
        action,
        kind="workshop.action_assigned",
        title=gettext_lazy("An action of the workshop “%(workshop)s” is in your hands"),
        body=gettext_lazy("“%(title)s”, due on %(date)s."),
        by=by,
    )
    return action


@transaction.atomic
def action_update(
    *,
    action: CollectiveAction,
    by: Any,
    status: str | None = None,
    note: str = "",
    fields: dict[str, Any] | None = None,
) -> CollectiveAction:
    """Owners report progress (status and a note); facilitators also change what, who and when."""
    current = (
        CollectiveAction.objects.select_for_update().select_related("workshop").get(pk=action.pk)
    )
    if not rules.can_update_action(by, current):
        _refuse(_("Only the people in charge of this action or a facilitator update it."), 403)
    unknown = set(fields or {}) - set(ACTION_FIELDS)
    if unknown:
        raise ServiceError(_("Unknown fields: %(names)s.") % {"names": ", ".join(sorted(unknown))})
    fields = {k: v for k, v in (fields or {}).items() if getattr(current, k) != v}
    if fields and not rules.can_edit_action(by, current):
        _refuse(_("Only the workshop's facilitators change what, who and when."), status=403)
    for name, value in fields.items():
        setattr(current, name, value)
    note = (note or "").strip()
    status = status or current.status
    if status not in CollectiveAction.Status.values:
        raise ServiceError(_("Unknown status."), field="status")
    changed_status = status != current.status
    if not (fields or note or changed_status):
        raise ServiceError(_("Nothing to save: change the status or write a follow-up note."))
    current.status = status
    _check_action(current)
    if changed_status:
        current.completed_at = timezone.now() if status == CollectiveAction.Status.DONE else None
    if "due_date" in fields:
        current.overdue_notified_at = None
    current.save()
    if note or changed_status:
        ActionUpdate.objects.create(action=current, author=by, note=note, status=status)
    audit_record(
        action="workshop.action_updated",
        actor=by,
        target=current,
        organisation=current.owner_organisation,
        data={"status": status, "fields": sorted(fields), "note": bool(note)},
    )
    if current.created_by_id and current.created_by_id != by.pk and (note or changed_status):
        notify(
            recipient=current.created_by,
            kind="workshop.action_updated",
            title=gettext_lazy("News of the action “%(title)s”: %(status)s"),
            params={"title": current.title, "status": current.get_status_display()},
            body=note,
            url=current.get_absolute_url(),
            actor=by,
            target=current,
        )
    return current


def actions_notify_overdue(*, today: date | None = None) -> int:
    """Tell the owners of actions past their due date, once per due date."""
    today = today or timezone.localdate()
    due = (
        CollectiveAction.objects.overdue(today)
        .filter(overdue_notified_at__isnull=True, workshop__status=Workshop.Status.PUBLISHED)
        .select_related("workshop", "owner_person", "owner_organisation")
    )
    count = 0
    for action in due.iterator():
        with transaction.atomic():
            _tell_owners(
                action,
                kind="workshop.action_overdue",
                title=gettext_lazy("An action of “%(workshop)s” is overdue: %(title)s"),
                body=gettext_lazy(
                    "It was due on %(date)s. Give its news: update its status or write where "
                    "it stands."
                ),
            )
            CollectiveAction.objects.filter(pk=action.pk).update(overdue_notified_at=timezone.now())
            count += 1
    return count


# Evaluation ---------------------------------------------------------------------------


def _rating(value: Any, field: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if not 1 <= number <= 5:
        raise ServiceError(_("A rating goes from 1 to 5."), field=field)
    return number


@transaction.atomic
def evaluation_submit(
    *,
    workshop: Workshop,
    by: Any,
    overall: int,
    most_useful: str = "",
    to_improve: str = "",
    ratings: dict[int, int] | None = None,
) -> Evaluation:
    current = _locked(workshop)
    if not rules.can_evaluate(by, current):
        _refuse(_("Only confirmed participants evaluate the workshop."), status=403)
    if current.status != Workshop.Status.PUBLISHED:
        _refuse(_("This workshop is not taking place."))
    if not current.has_started:
        _refuse(
            _("The evaluation opens on the first day of the workshop, %(date)s.")
            % {"date": _day(current.start_date)}
        )
    if current.evaluation_closed:
        _refuse(_("The evaluation of this workshop is closed."))
    if Evaluation.objects.filter(workshop=current, person=by).exists():
        _refuse(_("You have already evaluated this workshop. Thank you!"))
    overall = _rating(overall, "overall")
    rated = {s.pk: s for s in current.sessions.all() if s.is_rated}
    clean = {}
    for session_pk, value in (ratings or {}).items():
        if value in (None, ""):
            continue
        if int(session_pk) not in rated:
            raise ServiceError(_("Unknown session."), field="ratings")
        clean[int(session_pk)] = _rating(value, f"session_{session_pk}")
    try:
        with transaction.atomic():
            evaluation = Evaluation.objects.create(
                workshop=current,
                person=by,
                overall=overall,
                most_useful=most_useful.strip(),
                to_improve=to_improve.strip(),
            )
    except IntegrityError:
        _refuse(_("You have already evaluated this workshop. Thank you!"))
    SessionRating.objects.bulk_create(
        SessionRating(evaluation=evaluation, session=rated[pk], rating=value)
        for pk, value in clean.items()
    )
    audit_record(action="workshop.evaluated", actor=by, target=current)
    return evaluation


def evaluations_invite(*, today: date | None = None) -> int:
    """On the last day of a workshop, ask its participants for their evaluation, once."""
    today = today or timezone.localdate()
    workshops = Workshop.objects.filter(
        status=Workshop.Status.PUBLISHED,
        evaluation_closed=False,
        evaluation_invited_at__isnull=True,
        end_date__lte=today,
        end_date__gte=today - timedelta(days=14),
    )
    count = 0
    for workshop in workshops:
        with transaction.atomic():
            done = set(workshop.evaluations.values_list("person_id", flat=True))
            for registration in workshop.registrations.confirmed().select_related("person"):
                if registration.person_id in done:
                    continue
                notify(
                    recipient=registration.person,
                    kind="workshop.evaluation_invited",
                    title=gettext_lazy("How was the workshop “%(title)s”? Give your evaluation"),
                    body=gettext_lazy(
                        "Five minutes, on your phone: it helps prepare the next one."
                    ),
                    params={"title": workshop.title},
                    url=f"{workshop.get_absolute_url()}evaluation/",
                    target=workshop,
                )
                count += 1
            Workshop.objects.filter(pk=workshop.pk).update(evaluation_invited_at=timezone.now())
    return count


@transaction.atomic
def evaluation_close(*, workshop: Workshop, by: Any, closed: bool = True) -> Workshop:
    current = _locked(workshop)
    if not rules.can_see_evaluation_results(by, current):
        _refuse(_("Only the workshop's facilitators open and close its evaluation."), status=403)
    current.evaluation_closed = closed
    current.save(update_fields=["evaluation_closed", "updated_at"])
    audit_record(
        action="workshop.evaluation_closed" if closed else "workshop.evaluation_reopened",
        actor=by,
        target=current,
    )
    return current


# The report ---------------------------------------------------------------------------


@transaction.atomic
def report_update(
    *,
    workshop: Workshop,
    by: Any,
    introduction: str,
    conclusion: str,
    expected_version: int | None = None,
) -> Workshop:
    current = _locked(workshop)
    if not rules.can_edit_report(by, current):
        _refuse(_("Only the workshop's facilitators edit its report."), status=403)
    if expected_version is not None and expected_version != current.report_version:
        raise ConflictError(current)
    current.report_introduction = introduction or ""
    current.report_conclusion = conclusion or ""
    current.report_version = F("report_version") + 1
    current.save(
        update_fields=["report_introduction", "report_conclusion", "report_version", "updated_at"]
    )
    current.refresh_from_db()
    audit_record(action="workshop.report_edited", actor=by, target=current)
    return current


@transaction.atomic
def report_share(*, workshop: Workshop, by: Any) -> Workshop:
    current = _locked(workshop)
    if not rules.can_edit_report(by, current):
        _refuse(_("Only the workshop's facilitators share its report."), status=403)
    if current.report_shared_at:
        _refuse(_("The report is already shared."))
    if not current.has_started:
        _refuse(_("The report is shared once the workshop has taken place."))
    current.report_shared_at = timezone.now()
    current.save(update_fields=["report_shared_at", "updated_at"])
    audit_record(
        action="workshop.report_shared",
        actor=by,
        target=current,
        organisation=_first_organisation(current),
    )
    for registration in current.registrations.confirmed().select_related("person"):
        notify(
            recipient=registration.person,
            kind="workshop.report_shared",
            title=gettext_lazy("The report of the workshop “%(title)s” is available"),
            params={"title": current.title},
            url=f"{current.get_absolute_url()}report/",
            actor=by,
            target=current,
        )
    return current


# The toolbox --------------------------------------------------------------------------

TOOL_FIELDS = (
    "name_fr", "name_en", "purpose_fr", "purpose_en", "when_fr", "when_en", "steps_fr",
    "steps_en", "materials_fr", "materials_en", "tips_fr", "tips_en", "duration_min",
    "duration_max", "group_min", "group_max",
)  # fmt: skip


def _check_tool(tool: FacilitationTool) -> None:
    if not (tool.name_fr.strip() or tool.name_en.strip()):
        raise ServiceError(_("Give the tool a name."), field="name_fr")
    if not (tool.purpose_fr.strip() or tool.purpose_en.strip()):
        raise ServiceError(_("Say what the tool is for."), field="purpose_fr")
    if not (tool.steps_fr.strip() or tool.steps_en.strip()):
        raise ServiceError(_("Describe its steps."), field="steps_fr")
    if tool.duration_min > tool.duration_max:
        raise ServiceError(
            _("The shortest duration is longer than the longest."), field="duration_max"
        )
    if tool.group_min > tool.group_max:
        raise ServiceError(_("The smallest group is larger than the largest."), field="group_max")


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "outil"
    slug, n = base, 2
    while FacilitationTool.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def tool_create(*, by: Any, **fields: Any) -> FacilitationTool:
    if not rules.can_add_tool(by):
        _refuse(_("Only facilitators add tools to the toolbox."), status=403)
    values = {name: fields.get(name) or "" for name in TOOL_FIELDS if name in fields}
    tool = FacilitationTool(created_by=by, **values)
    # Both names are required by the model; one language is enough to start.
    tool.name_fr = tool.name_fr or tool.name_en
    tool.name_en = tool.name_en or tool.name_fr
    tool.when_fr = tool.when_fr or tool.when_en
    tool.purpose_fr = tool.purpose_fr or tool.purpose_en
    tool.steps_fr = tool.steps_fr or tool.steps_en
    _check_tool(tool)
    tool.slug = _unique_slug(tool.name_fr)
    tool.save()
    audit_record(action="workshop.tool_created", actor=by, target=tool)
    return tool


@transaction.atomic
def tool_update(*, tool: FacilitationTool, by: Any, fields: dict[str, Any]) -> FacilitationTool:
    current = FacilitationTool.objects.select_for_update().get(pk=tool.pk)
    if not rules.can_edit_tool(by, current):
        _refuse(_("Only facilitators edit the toolbox."), status=403)
    for name, value in fields.items():
        if name not in TOOL_FIELDS:
            raise ServiceError(_("Unknown fields: %(names)s.") % {"names": name})
        setattr(current, name, value if value is not None else "")
    current.name_fr = current.name_fr or current.name_en
    current.name_en = current.name_en or current.name_fr
    _check_tool(current)
    current.save()
    audit_record(
        action="workshop.tool_updated", actor=by, target=current, data={"fields": sorted(fields)}
    )
    return current


def admin_organisations(user: Any):
    """Organisations whose members this person may register."""
    from palabre.organisations.models import Organisation

    return Organisation.objects.filter(pk__in=admin_org_ids(user))
