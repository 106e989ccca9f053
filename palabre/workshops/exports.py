"""Participant lists, attendance and actions as CSV and XLSX files, for the facilitators."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from palabre.workshops import selectors
from palabre.workshops.models import Workshop


def participant_rows(workshop: Workshop) -> tuple[list[str], list[list]]:
    sessions = [s for s in workshop.sessions.all() if s.takes_attendance]
    table = selectors.attendance_table(workshop)
    groups: dict[int, list[str]] = {}
    for session in workshop.sessions.filter(kind="group_work").prefetch_related("members"):
        for person in session.members.all():
            groups.setdefault(person.pk, []).append(session.title)
    header = [
        _("Name"), _("E-mail"), _("Organisation"), _("Role"), _("Status"), _("Registered on"),
        _("Practice presented"), _("First choice"), _("Groups"), _("Sessions attended"),
    ] + [
        f"{timezone.localtime(s.starts_at, workshop.tz):%d/%m %H:%M} {s.title}" for s in sessions
    ]  # fmt: skip
    registrations = (
        workshop.registrations.active()
        .select_related("person", "organisation", "practice", "first_choice")
        .order_by("status", "organisation__name", "person__display_name")
    )
    rows = []
    for r in registrations:
        marks = [table.get((r.person_id, s.pk)) for s in sessions]
        rows.append(
            [
                str(r.person),
                r.person.email,
                r.organisation.name if r.organisation else "",
                r.get_role_display(),
                r.get_status_display(),
                r.created_at,
                r.practice.title if r.practice else "",
                r.first_choice.name if r.first_choice else "",
                ", ".join(groups.get(r.person_id, [])),
                sum(1 for m in marks if m),
                *[(_("present") if m else _("absent")) if m is not None else "" for m in marks],
            ]
        )
    return header, rows


def action_rows(workshop: Workshop) -> tuple[list[str], list[list]]:
    header = [
        _("What"), _("Details"), _("Organisation in charge"), _("Person in charge"),
        _("Due date"), _("Status"), _("Overdue"), _("Last follow-up note"), _("Decided during"),
        _("Last updated"),
    ]  # fmt: skip
    rows = []
    actions = workshop.actions.select_related(
        "owner_person", "owner_organisation", "session"
    ).prefetch_related("updates")
    for a in actions:
        notes = [u.note for u in a.updates.all() if u.note]
        rows.append(
            [
                a.title,
                a.description,
                a.owner_organisation.name if a.owner_organisation else "",
                str(a.owner_person) if a.owner_person else "",
                a.due_date,
                a.get_status_display(),
                a.is_overdue,
                notes[0] if notes else "",
                a.session.title if a.session else "",
                a.updated_at,
            ]
        )
    return header, rows
