"""A training session's participants and results as a table (CSV or XLSX through
``palabre.lib.spreadsheets``, formula cells neutralised), for its trainers and
facilitators only: the caller fetched the session with ``rules.session_results_for``.

One row per registration that is not cancelled: name, organisation, role, registration
status, attendance (times present out of the times attendance was taken on), whether
the person evaluated the session, and their quiz scores before and after.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from palabre.learning.models import QuizAttempt, TrainingSession
from palabre.workshops.models import Attendance, Evaluation


def score_text(attempt: QuizAttempt | None) -> str:
    return f"{attempt.score}/{attempt.out_of}" if attempt is not None else ""


def participant_rows(session: TrainingSession) -> tuple[list[str], list[list[Any]]]:
    workshop = session.workshop
    times = [s for s in workshop.sessions.order_by("starts_at", "pk") if s.takes_attendance]
    present: dict[int, int] = {}
    marked: set[int] = set()
    for person_id, is_present in Attendance.objects.filter(session__workshop=workshop).values_list(
        "person_id", "present"
    ):
        marked.add(person_id)
        present[person_id] = present.get(person_id, 0) + (1 if is_present else 0)
    attempts: dict[tuple[int, str], QuizAttempt] = {
        (a.person_id, a.moment): a
        for a in QuizAttempt.objects.filter(session=session).only(
            "person_id", "moment", "score", "out_of"
        )
    }
    evaluated = set(
        Evaluation.objects.filter(workshop=workshop).values_list("person_id", flat=True)
    )
    header = [
        _("Name"), _("Organisation"), _("Role"), _("Registration"), _("Registered on"),
        _("Attended"), _("Times present"), _("Evaluated"),
        _("Quiz before the session"), _("Quiz after the session"),
    ]  # fmt: skip
    registrations = (
        workshop.registrations.active()
        .select_related("person", "organisation")
        .order_by("status", "organisation__name", "person__display_name", "pk")
    )
    rows = []
    for r in registrations:
        count = present.get(r.person_id, 0)
        if count:
            attended = _("present")
        elif r.person_id in marked:
            attended = _("absent")
        else:
            attended = ""
        rows.append(
            [
                str(r.person),
                r.organisation.name if r.organisation else "",
                r.get_role_display(),
                r.get_status_display(),
                r.created_at,
                attended,
                f"{count}/{len(times)}" if times else "",
                r.person_id in evaluated,
                score_text(attempts.get((r.person_id, QuizAttempt.Moment.BEFORE))),
                score_text(attempts.get((r.person_id, QuizAttempt.Moment.AFTER))),
            ]
        )
    return header, rows
