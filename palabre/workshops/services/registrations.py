"""Registering for a workshop, changing and cancelling a registration, the waiting list."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from palabre.audit.services import audit_record
from palabre.lib.dates import day
from palabre.lib.errors import ServiceError, refuse
from palabre.notifications.services import notify
from palabre.permissions import org_ids
from palabre.permissions import practices as practice_rules
from palabre.permissions import workshops as rules
from palabre.practices.services import practice_create
from palabre.workshops.models import (
    GroupMember,
    Registration,
    Workshop,
)
from palabre.workshops.selectors import counted_registrations
from palabre.workshops.services._common import (
    forget_registrations,
    locked,
)

# Registrations ------------------------------------------------------------------------

SELF_ROLES = (Registration.Role.PARTICIPANT, Registration.Role.PRESENTER)


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
    current = locked(workshop)
    forget_registrations(workshop)
    if by.pk != person.pk and not rules.can_register_person(by, current, person):
        refuse(_("You can only register members of the organisations you administer."), status=403)
    if not rules.can_view_workshop(person, current) or not person.is_active:
        refuse(
            _("%(name)s cannot take part in this workshop: it is not open to their organisation.")
            % {"name": person},
            status=403,
        )
    if current.status == Workshop.Status.CANCELLED:
        refuse(_("This workshop is cancelled."), status=409)
    if current.status != Workshop.Status.PUBLISHED:
        refuse(_("This workshop is not open for registration yet."), status=409)
    if current.is_past:
        refuse(_("This workshop has already taken place."), status=409)
    manager = rules.can_manage(by, current)
    if current.today() > current.last_registration_day and not manager:
        refuse(
            _("Registrations closed on %(date)s.") % {"date": day(current.last_registration_day)},
            status=409,
        )
    if role not in Registration.Role.values:
        raise ServiceError(_("Unknown role."), field="role")
    if role not in SELF_ROLES and not rules.can_assign_any_role(by, current):
        refuse(_("Only facilitators name the workshop's facilitators and rapporteurs."), status=403)
    existing = Registration.objects.filter(workshop=current, person=person).first()
    if existing is not None and existing.status != Registration.Status.CANCELLED:
        refuse(
            _("%(name)s is already registered (%(status)s).")
            % {"name": person, "status": existing.get_status_display()},
            status=409,
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
        or counted_registrations(current).count() < current.capacity
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
        refuse(message, status=409)

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
    workshop = locked(registration.workshop)
    forget_registrations(registration.workshop)
    current = Registration.objects.select_for_update().get(pk=registration.pk)
    if not rules.can_change_registration(by, current):
        refuse(_("You cannot change this registration."), status=403)
    if current.status == Registration.Status.CANCELLED:
        refuse(_("This registration is cancelled."), status=409)
    role = fields.get("role", current.role)
    if role not in Registration.Role.values:
        raise ServiceError(_("Unknown role."), field="role")
    if (
        role != current.role
        and not (role in SELF_ROLES and current.role in SELF_ROLES)
        and not rules.can_assign_any_role(by, workshop)
    ):
        refuse(_("Only facilitators name the workshop's facilitators and rapporteurs."), status=403)
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
    workshop = locked(registration.workshop)
    forget_registrations(registration.workshop)
    current = Registration.objects.select_for_update().get(pk=registration.pk)
    if not rules.can_change_registration(by, current):
        refuse(_("You cannot cancel this registration."), status=403)
    if current.status == Registration.Status.CANCELLED:
        refuse(_("This registration is already cancelled."), status=409)
    if workshop.is_past:
        refuse(_("This workshop has already taken place."), status=409)
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
    while workshop.capacity is None or counted_registrations(workshop).count() < workshop.capacity:
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
