"""During the workshop: attendance, restitutions and their photos, practice drafts, collective actions."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from palabre.audit.services import audit_record
from palabre.lib.dates import day
from palabre.lib.errors import ConflictError, ServiceError, refuse
from palabre.notifications.services import notify
from palabre.organisations.models import Organisation
from palabre.permissions import org_ids
from palabre.permissions import practices as practice_rules
from palabre.permissions import workshops as rules
from palabre.practices.services import practice_create
from palabre.practices.uploads import inspect_upload
from palabre.workshops.models import (
    ActionUpdate,
    Attendance,
    CollectiveAction,
    Restitution,
    RestitutionPhoto,
    Session,
    Workshop,
)
from palabre.workshops.selectors import practice_draft_origin
from palabre.workshops.services._common import (
    User,
    participant_ids,
)

# Attendance ---------------------------------------------------------------------------


def _check_attendance(session: Session, by: Any) -> None:
    if not rules.can_take_attendance(by, session):
        refuse(
            _("Only the session's facilitator, its rapporteur or a facilitator take attendance."),
            status=403,
        )
    workshop = session.workshop
    if workshop.status != Workshop.Status.PUBLISHED:
        refuse(_("This workshop is not taking place."), status=409)
    if session.starts_at.astimezone(workshop.tz).date() > workshop.today():
        refuse(_("Attendance is taken from the day of the session."), status=409)


@transaction.atomic
def attendance_mark(*, session: Session, by: Any, person: Any, present: bool) -> Attendance:
    _check_attendance(session, by)
    if person.pk not in participant_ids(session.workshop):
        raise ServiceError(_("%(name)s is not registered for this workshop.") % {"name": person})
    attendance, _created = Attendance.objects.update_or_create(
        session=session, person=person, defaults={"present": present, "marked_by": by}
    )
    return attendance


@transaction.atomic
def attendance_record(*, session: Session, by: Any, people: list, present_ids: set[int]) -> int:
    """Mark everyone listed: present when ticked, absent otherwise. Returns how many are present."""
    _check_attendance(session, by)
    allowed = participant_ids(session.workshop)
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
        refuse(
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
    own_saves_conflict: bool = True,
) -> Restitution:
    """Save the restitution; a stale ``expected_version`` is a conflict.

    The page passes ``own_saves_conflict=False``: its autosaves and the photo form reload
    the page while a save may still be on its way, so a version newer than the form's
    that the same person wrote is their own work, never a conflict with themselves (on a
    slow phone the rapporteur would otherwise be stopped at the end of the workshop).
    API clients keep the strict rule: any stale version is refused.
    """
    _check_restitution_writer(session, by)
    Restitution.objects.get_or_create(session=session)
    current = Restitution.objects.select_for_update().get(session=session)
    stale = expected_version is not None and expected_version != current.version
    if stale and (own_saves_conflict or current.written_by_id != by.pk):
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
    _check_restitution_writer(session, by)
    checked = inspect_upload(upload)
    if checked.kind != "photo":
        raise ServiceError(
            _("Only photos are kept here (JPEG, PNG or WebP): take a picture of the flip chart."),
            status=415,
            field="file",
        )
    restitution, _created = Restitution.objects.get_or_create(session=session)
    photo = RestitutionPhoto.from_upload(
        upload,
        checked,
        by=by,
        restitution=restitution,
        caption=caption.strip()[:300],
    )
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
    photo.remove()


# From the workshop to the practice library --------------------------------------------


def _people_of(session: Session) -> list:
    """Who carried this group or presentation, the main person first."""
    main = session.rapporteur if session.is_group else (session.presenter or session.rapporteur)
    people = [main] if main is not None else []
    if session.is_group:
        people += [p for p in session.members.order_by("display_name") if p not in people]
    return people


@transaction.atomic
def practice_draft_from_session(*, session: Session, by: Any, lead_organisation: Any = None):
    """Turn a restitution or a presentation into a practice draft, for the normal review."""
    session = Session.objects.select_for_update().select_related("workshop").get(pk=session.pk)
    workshop = session.workshop
    if not rules.can_make_practice_from(by, session):
        refuse(_("Only the rapporteur, the presenter or a facilitator can do this."), status=403)
    restitution = Restitution.objects.filter(session=session).first()
    if restitution is not None and restitution.practice_id:
        refuse(
            _("A practice draft was already written from this restitution: “%(title)s”.")
            % {"title": restitution.practice.title},
            status=409,
        )
    if session.is_group and (restitution is None or restitution.is_empty):
        refuse(_("Write the restitution first: the draft is filled in from it."), status=409)
    if session.kind == Session.Kind.PRESENTATION and session.presented_practice_id:
        refuse(
            _("This presentation already has its practice: “%(title)s”.")
            % {"title": session.presented_practice.title},
            status=409,
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
        refuse(_("Choose the organisation the practice belongs to."))
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
                "date": day(action.due_date),
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
        refuse(_("Only the workshop's facilitators record its actions."), status=403)
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
        refuse(
            _("Only the people in charge of this action or a facilitator update it."), status=403
        )
    unknown = set(fields or {}) - set(ACTION_FIELDS)
    if unknown:
        raise ServiceError(_("Unknown fields: %(names)s.") % {"names": ", ".join(sorted(unknown))})
    fields = {k: v for k, v in (fields or {}).items() if getattr(current, k) != v}
    if fields and not rules.can_edit_action(by, current):
        refuse(_("Only the workshop's facilitators change what, who and when."), status=403)
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
            params={"title": current.title, "status": type(current).Status(current.status).label},
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
