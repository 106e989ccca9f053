"""Feedback reports: written by the adopting team, answered by the practice's authors, and
linked to the version of the practice revised from them."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from palabre.adoptions import selectors
from palabre.adoptions.models import Adoption, FeedbackReport
from palabre.adoptions.services._common import ENDED, Status, local_today, locked_adoption
from palabre.adoptions.services.maturity import practice_maturity_refresh
from palabre.audit.services import audit_record
from palabre.lib.dates import day
from palabre.lib.errors import refuse
from palabre.notifications.services import notify
from palabre.permissions import adoptions as rules
from palabre.practices.models import Practice, Revision
from palabre.practices.services import practice_authors_notify, practice_start_new_version

FEEDBACK_FIELDS = (
    "reported_on", "effectiveness", "results", "difficulties", "suggestions",
    "would_recommend", "visibility",
)  # fmt: skip


def _check_feedback(values: dict[str, Any], *, adoption: Adoption) -> dict[str, Any]:
    effectiveness = values.get("effectiveness")
    if isinstance(effectiveness, bool) or not isinstance(effectiveness, int):
        refuse(_("Rate the effectiveness from 1 to 5."), field="effectiveness")
    if not 1 <= effectiveness <= 5:
        refuse(
            _("Effectiveness is rated from 1 to 5, not %(value)s.") % {"value": effectiveness},
            field="effectiveness",
        )
    reported_on = values.get("reported_on") or local_today()
    if reported_on > local_today():
        refuse(_("A report cannot be dated in the future."), field="reported_on")
    if reported_on < adoption.started_on:
        refuse(
            _("A report cannot be dated before the adoption started (%(date)s).")
            % {"date": day(adoption.started_on, short=True)},
            field="reported_on",
        )
    if not isinstance(values.get("would_recommend"), bool):
        refuse(_("Say whether you would recommend the practice."), field="would_recommend")
    visibility = values.get("visibility") or FeedbackReport.Visibility.NETWORK
    if visibility not in FeedbackReport.Visibility.values:
        refuse(_("Choose who can read the report."), field="visibility")
    for name in ("results", "difficulties", "suggestions"):
        values[name] = (values.get(name) or "").strip()
    if not (values["results"] or values["difficulties"]):
        refuse(
            _("Say in a few words what happened: the results observed or the difficulties."),
            field="results",
        )
    values.update(reported_on=reported_on, visibility=visibility)
    return values


def _apply_status(
    adoption: Adoption, *, status: str | None, abandon_reason: str, on: date
) -> list[str]:
    """The status the team reports with its feedback becomes the adoption's."""
    status = status or adoption.status
    if status == Status.PLANNED:
        status = Status.IN_PROGRESS
    if status not in Status.values:
        refuse(_("Unknown status."), field="status")
    reason = (abandon_reason or "").strip() or adoption.abandon_reason
    if status == Status.ABANDONED and not reason:
        refuse(
            _("Say why it was abandoned: it helps the authors and the next teams."),
            field="abandon_reason",
        )
    changed = []
    if status != adoption.status:
        adoption.status = status
        changed.append("status")
        if status in ENDED:
            adoption.ended_on = max(on, adoption.started_on)
        else:
            adoption.ended_on = None
        changed.append("ended_on")
    if status == Status.ABANDONED and reason != adoption.abandon_reason:
        adoption.abandon_reason = reason
        changed.append("abandon_reason")
    if changed:
        adoption.save(update_fields=[*changed, "updated_at"])
    return changed


@transaction.atomic
def feedback_create(
    *,
    adoption: Adoption,
    by: Any,
    effectiveness: int,
    would_recommend: bool,
    reported_on: date | None = None,
    results: str = "",
    difficulties: str = "",
    suggestions: str = "",
    visibility: str = FeedbackReport.Visibility.NETWORK,
    status: str | None = None,
    abandon_reason: str = "",
    milestone_months: int | None = None,
    external_id: str = "",
) -> FeedbackReport:
    """A team reports how its adoption went; the practice's authors are told."""
    current = locked_adoption(adoption)
    if not rules.can_report_feedback(by, current):
        refuse(
            _(
                "Only members of %(organisation)s can report on its adoption: feedback is "
                "written by the team that put the practice to work."
            )
            % {"organisation": current.organisation.short_name},
            status=403,
        )
    values = _check_feedback(
        {
            "reported_on": reported_on,
            "effectiveness": effectiveness,
            "would_recommend": would_recommend,
            "results": results,
            "difficulties": difficulties,
            "suggestions": suggestions,
            "visibility": visibility,
        },
        adoption=current,
    )
    changed = _apply_status(
        current, status=status, abandon_reason=abandon_reason, on=values["reported_on"]
    )
    if milestone_months not in settings.ADOPTIONS_FEEDBACK_REMINDER_MONTHS:
        milestone_months = selectors.milestone_answered(current, values["reported_on"])
    report = FeedbackReport.objects.create(
        adoption=current,
        status_at_report=current.status,
        milestone_months=milestone_months,
        created_by=by,
        external_id=external_id,
        **values,
    )
    audit_record(
        action="feedback.created",
        actor=by,
        target=report,
        organisation=current.organisation,
        data={"effectiveness": report.effectiveness, "status_changed": "status" in changed},
    )
    practice_authors_notify(
        practice=current.practice,
        kind="adoption.feedback",
        title=gettext_lazy("New feedback from %(organisation)s on “%(title)s”"),
        params={"organisation": current.organisation.short_name},
        url=report.get_absolute_url(),
        by=by,
        target=report,
    )
    practice_maturity_refresh(practice=current.practice)
    return report


def _locked_report(report: FeedbackReport) -> FeedbackReport:
    return (
        FeedbackReport.objects.select_for_update()
        .select_related("adoption__practice", "adoption__organisation")
        .get(pk=report.pk)
    )


@transaction.atomic
def feedback_update(
    *,
    report: FeedbackReport,
    by: Any,
    fields: dict[str, Any],
    status: str | None = None,
    abandon_reason: str = "",
) -> FeedbackReport:
    current = _locked_report(report)
    adoption = current.adoption
    if not rules.can_edit_feedback(by, current):
        refuse(
            _(
                "Only the person who wrote this report or an administrator of the organisation can change it."
            ),
            status=403,
        )
    before = {name: getattr(current, name) for name in FEEDBACK_FIELDS}
    values = _check_feedback({**before, **fields}, adoption=adoption)
    changed = [name for name in FEEDBACK_FIELDS if values[name] != before[name]]
    for name in changed:
        setattr(current, name, values[name])
    if status is not None:
        _apply_status(
            adoption, status=status, abandon_reason=abandon_reason, on=current.reported_on
        )
        current.status_at_report = adoption.status
    current.save()
    audit_record(
        action="feedback.updated",
        actor=by,
        target=current,
        organisation=adoption.organisation,
        data={"fields": changed},
    )
    practice_maturity_refresh(practice=adoption.practice)
    return current


@transaction.atomic
def feedback_delete(*, report: FeedbackReport, by: Any) -> None:
    current = _locked_report(report)
    if not rules.can_edit_feedback(by, current):
        refuse(
            _(
                "Only the person who wrote this report or an administrator of the organisation can change it."
            ),
            status=403,
        )
    practice = current.adoption.practice
    audit_record(
        action="feedback.deleted",
        actor=by,
        target=current,
        organisation=current.adoption.organisation,
    )
    current.delete()
    practice_maturity_refresh(practice=practice)


@transaction.atomic
def feedback_answer(
    *, report: FeedbackReport, by: Any, answer: str, addressed_in: Revision | None = None
) -> FeedbackReport:
    """The practice's authors answer a report (and may say which version addressed it)."""
    current = _locked_report(report)
    practice = current.adoption.practice
    if not rules.can_answer_feedback(by, current):
        refuse(_("Only the practice's authors and facilitators answer its feedback."), status=403)
    answer = (answer or "").strip()
    if not answer and addressed_in is None:
        refuse(_("Write your answer."), field="answer")
    if addressed_in is not None and addressed_in.practice_id != practice.pk:
        refuse(_("Choose a version of this practice."), field="addressed_in")
    current.answer = answer
    current.answered_by = by
    current.answered_at = timezone.now()
    if addressed_in is not None:
        current.addressed_in = addressed_in
    current.save()
    audit_record(
        action="feedback.answered",
        actor=by,
        target=current,
        organisation=practice.lead_organisation,
        data={"addressed_in": addressed_in.number if addressed_in else None},
    )
    for person in selectors.feedback_reporters(current):
        notify(
            recipient=person,
            kind="adoption.feedback_answered",
            title=gettext_lazy("The authors of “%(title)s” answered your feedback"),
            params={"title": practice.title},
            url=current.get_absolute_url(),
            actor=by,
            target=current,
        )
    return current


@transaction.atomic
def feedback_start_revision(*, report: FeedbackReport, by: Any) -> Practice:
    """Start (or reopen) the new version of the practice that will address this report."""
    current = _locked_report(report)
    if not rules.can_answer_feedback(by, current):
        refuse(_("Only the practice's authors and facilitators revise it."), status=403)
    draft = practice_start_new_version(practice=current.adoption.practice, by=by)
    if current.revision_started_at is None:
        current.revision_started_at = timezone.now()
        current.revision_started_by = by
        current.save(update_fields=["revision_started_at", "revision_started_by", "updated_at"])
    audit_record(
        action="feedback.revision_started",
        actor=by,
        target=current,
        organisation=current.adoption.practice.lead_organisation,
        data={"draft": draft.pk},
    )
    return draft


@transaction.atomic
def feedback_link_revision(*, practice: Practice, revision: Revision) -> int:
    """A new version was published: link it to the reports it was started from."""
    reports = list(
        FeedbackReport.objects.select_for_update(of=("self",))
        .filter(
            adoption__practice=practice,
            revision_started_at__isnull=False,
            addressed_in__isnull=True,
        )
        .select_related("adoption__organisation", "adoption__contact", "created_by")
    )
    for report in reports:
        report.addressed_in = revision
        report.save(update_fields=["addressed_in", "updated_at"])
        audit_record(
            action="feedback.addressed",
            actor=revision.published_by,
            target=report,
            organisation=practice.lead_organisation,
            data={"revision": revision.number},
        )
        for person in selectors.feedback_reporters(report):
            notify(
                recipient=person,
                kind="adoption.practice_revised",
                title=gettext_lazy("“%(title)s” was revised following your feedback"),
                params={"title": practice.title},
                url=report.get_absolute_url(),
                actor=revision.published_by,
                target=report,
            )
    return len(reports)
