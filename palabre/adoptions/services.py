"""Every change to adoptions, feedback, indicators and measurements: one transaction each, audited.

The practice's maturity is recomputed here whenever the evidence changes
(palabre.adoptions.selectors.maturity_evidence, docs/maturity.md).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from palabre.adoptions import conf, selectors
from palabre.adoptions.imports import ImportRejected, parse_date, read_rows
from palabre.adoptions.models import (
    Adoption,
    FeedbackReminder,
    FeedbackReport,
    Indicator,
    Measurement,
)
from palabre.adoptions.values import check_value, format_value, parse_value
from palabre.audit.services import audit_record
from palabre.lib.errors import ServiceError
from palabre.notifications.services import notify
from palabre.permissions import adoptions as rules
from palabre.permissions import org_ids
from palabre.practices.models import Practice, Revision

Status = Adoption.Status
ENDED = (Status.COMPLETED, Status.ABANDONED)
ADOPTION_FIELDS = (
    "team", "project_name", "started_on", "ended_on", "status", "context", "adaptations",
    "abandon_reason", "country", "region", "contact",
)  # fmt: skip
FEEDBACK_FIELDS = (
    "reported_on", "effectiveness", "results", "difficulties", "suggestions",
    "would_recommend", "visibility",
)  # fmt: skip
INDICATOR_FIELDS = (
    "name", "description", "unit", "value_type", "direction", "baseline_value",
    "baseline_date", "target_value", "target_date",
)  # fmt: skip


def _refuse(message: str, *, status: int = 400, field: str | None = None) -> None:
    raise ServiceError(message, status=status, field=field)


def _day(value: date) -> str:
    return date_format(value, "SHORT_DATE_FORMAT")


def _today() -> date:
    return timezone.localdate()


def _tell_authors(practice: Practice, *, kind: str, title, params: dict, url: str, by, target):
    for author in practice.authors.all():
        notify(
            recipient=author,
            kind=kind,
            title=title,
            params={"title": practice.title, **params},
            url=url,
            actor=by,
            target=target,
        )


# Adoptions -----------------------------------------------------------------------


def _check_adoption(values: dict[str, Any], *, organisation: Any) -> dict[str, Any]:
    """Validate an adoption's fields as a whole; returns them completed (end date…)."""
    today = _today()
    status = values.get("status") or Status.PLANNED
    if status not in Status.values:
        _refuse(_("Unknown status."), field="status")
    started_on = values.get("started_on")
    if not isinstance(started_on, date):
        _refuse(_("Give the start date."), field="started_on")
    if status != Status.PLANNED and started_on > today:
        _refuse(
            _("An adoption that has started cannot have a start date in the future."),
            field="started_on",
        )
    ended_on = values.get("ended_on")
    if status in ENDED:
        ended_on = ended_on or max(today, started_on)
        if ended_on > today:
            _refuse(_("The end date cannot be in the future."), field="ended_on")
        if ended_on < started_on:
            _refuse(_("The end comes before the start."), field="ended_on")
    else:
        ended_on = None
    if status == Status.ABANDONED and not (values.get("abandon_reason") or "").strip():
        _refuse(
            _("Say why it was abandoned: it helps the authors and the next teams."),
            field="abandon_reason",
        )
    contact = values.get("contact")
    if contact is not None and not contact.memberships.filter(organisation=organisation).exists():
        _refuse(
            _("The contact person must be a member of %(organisation)s.")
            % {"organisation": organisation.short_name},
            field="contact",
        )
    if not values.get("country"):
        values["country"] = organisation.country
        values["region"] = values.get("region") or organisation.region
    values.update(status=status, ended_on=ended_on)
    for name in ("team", "project_name", "context", "adaptations", "abandon_reason", "region"):
        values[name] = (values.get(name) or "").strip()
    return values


@transaction.atomic
def adoption_create(
    *, by: Any, practice: Practice, organisation: Any, external_id: str = "", **fields: Any
) -> Adoption:
    """An organisation says it is putting a practice into practice; the authors are told."""
    if not rules.can_record_adoption(by, practice):
        _refuse(_("You cannot record an adoption of this practice."), status=403)
    if organisation.pk not in org_ids(by):
        _refuse(_("You can only record adoptions for your own organisations."), status=403)
    unknown = set(fields) - set(ADOPTION_FIELDS)
    if unknown:
        raise TypeError(f"unknown adoption fields: {sorted(unknown)}")
    values = _check_adoption(dict(fields), organisation=organisation)
    adoption = Adoption.objects.create(
        practice=practice,
        organisation=organisation,
        revision=practice.revisions.order_by("-number").first(),
        contact=values.pop("contact", None) or by,
        created_by=by,
        external_id=external_id,
        **values,
    )
    audit_record(
        action="adoption.created",
        actor=by,
        target=adoption,
        organisation=organisation,
        data={"practice": practice.pk, "status": adoption.status},
    )
    _tell_authors(
        practice,
        kind="adoption.created",
        title=gettext_lazy("%(organisation)s is putting your practice “%(title)s” into practice"),
        params={"organisation": organisation.short_name},
        url=adoption.get_absolute_url(),
        by=by,
        target=adoption,
    )
    practice_maturity_refresh(practice=practice)
    return adoption


def _locked_adoption(adoption: Adoption) -> Adoption:
    return (
        Adoption.objects.select_for_update()
        .select_related("practice", "organisation")
        .get(pk=adoption.pk)
    )


@transaction.atomic
def adoption_update(*, adoption: Adoption, by: Any, fields: dict[str, Any]) -> Adoption:
    current = _locked_adoption(adoption)
    if not rules.can_edit_adoption(by, current):
        _refuse(
            _("Only members of the adopting organisation can change this adoption."), status=403
        )
    unknown = set(fields) - set(ADOPTION_FIELDS)
    if unknown:
        raise TypeError(f"unknown adoption fields: {sorted(unknown)}")
    before = {name: getattr(current, name) for name in ADOPTION_FIELDS}
    values = _check_adoption({**before, **fields}, organisation=current.organisation)
    changed = [name for name in ADOPTION_FIELDS if values.get(name) != before[name]]
    for name in changed:
        setattr(current, name, values[name])
    current.save()
    audit_record(
        action="adoption.updated",
        actor=by,
        target=current,
        organisation=current.organisation,
        data={"fields": changed, "status": [before["status"], current.status]},
    )
    if "status" in changed and current.status in ENDED:
        _tell_authors(
            current.practice,
            kind="adoption.ended",
            title=gettext_lazy("%(organisation)s's adoption of “%(title)s” is now %(status)s"),
            params={
                "organisation": current.organisation.short_name,
                "status": current.get_status_display(),
            },
            url=current.get_absolute_url(),
            by=by,
            target=current,
        )
    if "status" in changed:
        practice_maturity_refresh(practice=current.practice)
    return current


@transaction.atomic
def adoption_delete(*, adoption: Adoption, by: Any) -> None:
    """Withdraw an adoption recorded by mistake (one with feedback is marked abandoned instead)."""
    current = _locked_adoption(adoption)
    if not rules.can_delete_adoption(by, current):
        _refuse(
            _(
                "Only the person who recorded it or an administrator of the organisation can remove it."
            ),
            status=403,
        )
    if current.reports.exists():
        _refuse(
            _(
                "This adoption has feedback reports: it cannot be removed. If it stopped, "
                "mark it as abandoned and say why."
            ),
            status=409,
        )
    practice = current.practice
    audit_record(
        action="adoption.deleted",
        actor=by,
        target=current,
        organisation=current.organisation,
        data={"practice": practice.pk},
    )
    current.delete()
    practice_maturity_refresh(practice=practice)


# Feedback -------------------------------------------------------------------------


def _check_feedback(values: dict[str, Any], *, adoption: Adoption) -> dict[str, Any]:
    effectiveness = values.get("effectiveness")
    if isinstance(effectiveness, bool) or not isinstance(effectiveness, int):
        _refuse(_("Rate the effectiveness from 1 to 5."), field="effectiveness")
    if not 1 <= effectiveness <= 5:
        _refuse(
            _("Effectiveness is rated from 1 to 5, not %(value)s.") % {"value": effectiveness},
            field="effectiveness",
        )
    reported_on = values.get("reported_on") or _today()
    if reported_on > _today():
        _refuse(_("A report cannot be dated in the future."), field="reported_on")
    if reported_on < adoption.started_on:
        _refuse(
            _("A report cannot be dated before the adoption started (%(date)s).")
            % {"date": _day(adoption.started_on)},
            field="reported_on",
        )
    if not isinstance(values.get("would_recommend"), bool):
        _refuse(_("Say whether you would recommend the practice."), field="would_recommend")
    visibility = values.get("visibility") or FeedbackReport.Visibility.NETWORK
    if visibility not in FeedbackReport.Visibility.values:
        _refuse(_("Choose who can read the report."), field="visibility")
    for name in ("results", "difficulties", "suggestions"):
        values[name] = (values.get(name) or "").strip()
    if not (values["results"] or values["difficulties"]):
        _refuse(
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
        _refuse(_("Unknown status."), field="status")
    reason = (abandon_reason or "").strip() or adoption.abandon_reason
    if status == Status.ABANDONED and not reason:
        _refuse(
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


def _infer_milestone(adoption: Adoption, reported_on: date) -> int | None:
    window = conf.report_window_days()
    answered = None
    for months, due_on in adoption.milestone_dates():
        if (reported_on - due_on).days >= -window:
            answered = months
    return answered


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
    current = _locked_adoption(adoption)
    if not rules.can_report_feedback(by, current):
        _refuse(
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
    if milestone_months not in conf.reminder_months():
        milestone_months = _infer_milestone(current, values["reported_on"])
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
    _tell_authors(
        current.practice,
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
        _refuse(
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
        _refuse(
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


def _reporters(report: FeedbackReport) -> list[Any]:
    people = {}
    for person in (report.created_by, report.adoption.contact):
        if person is not None:
            people[person.pk] = person
    return list(people.values())


@transaction.atomic
def feedback_answer(
    *, report: FeedbackReport, by: Any, answer: str, addressed_in: Revision | None = None
) -> FeedbackReport:
    """The practice's authors answer a report (and may say which version addressed it)."""
    current = _locked_report(report)
    practice = current.adoption.practice
    if not rules.can_answer_feedback(by, current):
        _refuse(_("Only the practice's authors and facilitators answer its feedback."), status=403)
    answer = (answer or "").strip()
    if not answer and addressed_in is None:
        _refuse(_("Write your answer."), field="answer")
    if addressed_in is not None and addressed_in.practice_id != practice.pk:
        _refuse(_("Choose a version of this practice."), field="addressed_in")
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
    for person in _reporters(current):
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
    from palabre.practices.services import practice_start_new_version

    current = _locked_report(report)
    if not rules.can_answer_feedback(by, current):
        _refuse(_("Only the practice's authors and facilitators revise it."), status=403)
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
        for person in _reporters(report):
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


# Maturity --------------------------------------------------------------------------


MATURITY_ORDER = [value for value, _label in Practice.Maturity.choices]


def practice_maturity_refresh(*, practice: Practice) -> str:
    """Set the practice's maturity from the evidence, and its adoption count (for sorting
    searches); tell the authors when the maturity rises."""
    from palabre.practices.search import touch_practice

    evidence = selectors.maturity_evidence(practice)
    row = Practice.objects.filter(pk=practice.pk).values_list("maturity", "adoption_count").first()
    adoptions = Adoption.objects.filter(practice_id=practice.pk).count()
    if row is not None and row[1] != adoptions:
        Practice.objects.filter(pk=practice.pk).update(adoption_count=adoptions)
        touch_practice(practice.pk)
    current = row[0] if row else None
    practice.maturity = evidence.level
    practice.adoption_count = adoptions
    if current is None or current == evidence.level:
        return evidence.level
    Practice.objects.filter(pk=practice.pk).update(maturity=evidence.level)
    touch_practice(practice.pk)
    audit_record(
        action="practice.maturity_changed",
        actor=None,
        target=practice,
        organisation=practice.lead_organisation,
        data={
            "from": current,
            "to": evidence.level,
            "adoptions": evidence.adoptions,
            "organisations": evidence.organisations,
            "countries": evidence.countries,
        },
    )
    if MATURITY_ORDER.index(evidence.level) > MATURITY_ORDER.index(current):
        _tell_authors(
            practice,
            kind="adoption.maturity_changed",
            title=gettext_lazy("Your practice “%(title)s” is now rated: %(level)s"),
            params={"level": Practice.Maturity(evidence.level).label},
            url=practice.get_absolute_url(),
            by=None,
            target=practice,
        )
    return evidence.level


def practices_maturity_refresh_all() -> int:
    """Recompute every practice that has adoptions or a maturity (thresholds may have changed)."""
    changed = 0
    candidates = Practice.objects.filter(
        Q(pk__in=Adoption.objects.values("practice_id")) | ~Q(maturity=Practice.Maturity.INNOVATION)
    )
    for practice in candidates.select_related("lead_organisation"):
        before = practice.maturity
        with transaction.atomic():
            if practice_maturity_refresh(practice=practice) != before:
                changed += 1
    return changed


# Reminders -------------------------------------------------------------------------


def _reminder_recipients(adoption: Adoption) -> list[Any]:
    people = [p for p in (adoption.contact, adoption.created_by) if p is not None and p.is_active]
    people = [p for p in people if adoption.organisation_id in org_ids(p)]
    if people:
        return people[:1]
    return list(
        get_user_model().objects.filter(
            is_active=True,
            memberships__organisation=adoption.organisation,
            memberships__role="org_admin",
        )
    )


def feedback_remind(*, today: date | None = None) -> int:
    """Ask the teams for feedback at each milestone passed, once per adoption and milestone.

    When several milestones passed at once (an adoption recorded late), one
    reminder is sent for the latest and the earlier ones are marked as handled.
    Returns how many reminders were sent.
    """
    today = today or _today()
    window = conf.report_window_days()
    months = conf.reminder_months()
    if not months:
        return 0
    sent = 0
    adoptions = (
        Adoption.objects.filter(
            status__in=[Status.PLANNED, Status.IN_PROGRESS], started_on__lte=today
        )
        .select_related("practice", "organisation", "contact", "created_by")
        .prefetch_related("reminders")
    )
    for adoption in adoptions.iterator(chunk_size=200):
        handled = {r.milestone_months for r in adoption.reminders.all()}
        pending = [(m, d) for m, d in adoption.milestone_dates() if d <= today and m not in handled]
        if not pending:
            continue
        with transaction.atomic():
            last_report = (
                adoption.reports.order_by("-reported_on")
                .values_list("reported_on", flat=True)
                .first()
            )
            latest_months, latest_due = pending[-1]
            answered = last_report is not None and (last_report - latest_due).days >= -window
            for milestone, due_on in pending:
                notified = milestone == latest_months and not answered
                try:
                    with transaction.atomic():
                        FeedbackReminder.objects.create(
                            adoption=adoption,
                            milestone_months=milestone,
                            due_on=due_on,
                            notified=notified,
                        )
                except IntegrityError:  # another worker handled it
                    notified = False
                if not notified:
                    continue
                url = reverse("adoptions:feedback_new", args=[adoption.pk])
                url += f"?milestone={milestone}"
                for person in _reminder_recipients(adoption):
                    notify(
                        recipient=person,
                        kind="adoption.feedback_due",
                        title=gettext_lazy("%(months)s months with “%(title)s”: how is it going?"),
                        params={"months": milestone, "title": adoption.practice.title},
                        body=gettext_lazy(
                            "Your team started this practice %(months)s months ago. Tell the "
                            "network how it went: a short feedback report takes five minutes "
                            "and helps the next teams."
                        ),
                        url=url,
                        target=adoption,
                    )
                sent += 1
    return sent


# Indicators ------------------------------------------------------------------------


def _check_indicator(
    values: dict[str, Any], *, organisation: Any, existing: Indicator | None
) -> dict[str, Any]:
    today = _today()
    values["name"] = " ".join((values.get("name") or "").split())
    values["unit"] = (values.get("unit") or "").strip()
    values["description"] = (values.get("description") or "").strip()
    if not values["name"]:
        _refuse(_("Give the indicator a name."), field="name")
    if not values["unit"]:
        _refuse(_("Say what unit it is measured in."), field="unit")
    if values.get("value_type") not in Indicator.ValueType.values:
        _refuse(_("Choose the kind of value."), field="value_type")
    if values.get("direction") not in Indicator.Direction.values:
        _refuse(_("Say whether higher or lower is better."), field="direction")
    same_name = (
        Indicator.objects.filter(organisation=organisation)
        .annotate(lower=Lower("name"))
        .filter(lower=values["name"].lower())
    )
    if existing is not None:
        same_name = same_name.exclude(pk=existing.pk)
    if same_name.exists():
        _refuse(
            _("%(organisation)s already has an indicator called “%(name)s”.")
            % {"organisation": organisation.short_name, "name": values["name"]},
            field="name",
        )
    kind = SimpleNamespace(value_type=values["value_type"], unit=values["unit"])
    for name in ("baseline_value", "target_value"):
        values[name] = parse_value(values.get(name), kind, field=name)
    for name, message in (
        ("baseline_date", _("Give the date of the baseline.")),
        ("target_date", _("Give the date by which the target should be reached.")),
    ):
        if not isinstance(values.get(name), date):
            _refuse(message, field=name)
    if values["baseline_date"] > today:
        _refuse(
            _("The baseline is a value already measured: its date cannot be in the future."),
            field="baseline_date",
        )
    if values["target_date"] <= values["baseline_date"]:
        _refuse(_("The target date must come after the baseline date."), field="target_date")
    if values["target_value"] == values["baseline_value"]:
        _refuse(_("The target must differ from the baseline."), field="target_value")
    increase = values["direction"] == Indicator.Direction.INCREASE
    if increase and values["target_value"] < values["baseline_value"]:
        _refuse(
            _("Higher is better, but the target is below the baseline: check the direction."),
            field="target_value",
        )
    if not increase and values["target_value"] > values["baseline_value"]:
        _refuse(
            _("Lower is better, but the target is above the baseline: check the direction."),
            field="target_value",
        )
    if existing is not None:
        earlier = existing.measurements.filter(measured_on__lt=values["baseline_date"])
        if earlier.exists():
            _refuse(
                _("Some measurements are dated before this baseline date (the first on %(date)s).")
                % {"date": _day(earlier.order_by("measured_on").first().measured_on)},
                field="baseline_date",
            )
        for measured in existing.measurements.all():
            try:
                check_value(measured.value, kind)
            except ServiceError:
                _refuse(
                    _("The measurement of %(date)s (%(value)s) does not fit this kind of value.")
                    % {"date": _day(measured.measured_on), "value": format_value(measured.value)},
                    field="value_type",
                )
    adoptions = values.get("adoptions")
    if adoptions is not None:
        adoptions = list(adoptions)
        if any(a.organisation_id != organisation.pk for a in adoptions):
            _refuse(
                _("An indicator can only follow its own organisation's adoptions."),
                field="adoptions",
            )
        values["adoptions"] = adoptions
    return values


@transaction.atomic
def indicator_create(
    *, by: Any, organisation: Any, external_id: str = "", **fields: Any
) -> Indicator:
    if not rules.can_manage_indicators(by, organisation):
        _refuse(
            _("Only members and administrators of %(organisation)s define its indicators.")
            % {"organisation": organisation.short_name},
            status=403,
        )
    values = _check_indicator(
        {"value_type": "number", "direction": "increase", **fields},
        organisation=organisation,
        existing=None,
    )
    adoptions = values.pop("adoptions", None)
    indicator = Indicator.objects.create(
        organisation=organisation, created_by=by, external_id=external_id, **values
    )
    if adoptions:
        indicator.adoptions.set(adoptions)
    audit_record(action="indicator.created", actor=by, target=indicator, organisation=organisation)
    return indicator


@transaction.atomic
def indicator_update(*, indicator: Indicator, by: Any, fields: dict[str, Any]) -> Indicator:
    current = (
        Indicator.objects.select_for_update().select_related("organisation").get(pk=indicator.pk)
    )
    if not rules.can_manage_indicators(by, current.organisation):
        _refuse(
            _("Only members and administrators of %(organisation)s define its indicators.")
            % {"organisation": current.organisation.short_name},
            status=403,
        )
    before = {name: getattr(current, name) for name in INDICATOR_FIELDS}
    values = _check_indicator(
        {**before, **fields}, organisation=current.organisation, existing=current
    )
    adoptions = values.pop("adoptions", None)
    changed = [name for name in INDICATOR_FIELDS if values[name] != before[name]]
    for name in changed:
        setattr(current, name, values[name])
    current.save()
    if adoptions is not None:
        current.adoptions.set(adoptions)
        changed.append("adoptions")
    audit_record(
        action="indicator.updated",
        actor=by,
        target=current,
        organisation=current.organisation,
        data={"fields": changed},
    )
    return current


@transaction.atomic
def indicator_delete(*, indicator: Indicator, by: Any) -> None:
    if not rules.can_manage_indicators(by, indicator.organisation):
        _refuse(
            _("Only members and administrators of %(organisation)s define its indicators.")
            % {"organisation": indicator.organisation.short_name},
            status=403,
        )
    audit_record(
        action="indicator.deleted",
        actor=by,
        target=indicator,
        organisation=indicator.organisation,
        data={"measurements": indicator.measurements.count()},
    )
    indicator.delete()


# Measurements ----------------------------------------------------------------------


def _check_measurement(
    indicator: Indicator, *, measured_on: Any, value: Any
) -> tuple[date, Decimal]:
    if not isinstance(measured_on, date):
        _refuse(_("Give the date of the measurement."), field="measured_on")
    if measured_on > _today():
        _refuse(_("A measurement cannot be dated in the future."), field="measured_on")
    if measured_on < indicator.baseline_date:
        _refuse(
            _("A measurement cannot be dated before the baseline (%(date)s).")
            % {"date": _day(indicator.baseline_date)},
            field="measured_on",
        )
    return measured_on, parse_value(value, indicator)


def _refuse_other_organisation(by: Any, indicator: Indicator) -> None:
    if not rules.can_enter_measurements(by, indicator):
        _refuse(
            _("You can only record measurements on your own organisation's indicators."),
            status=403,
        )


@transaction.atomic
def measurement_add(
    *,
    indicator: Indicator,
    by: Any,
    measured_on: date,
    value: Any,
    source: str = "",
    comment: str = "",
    via: str = Measurement.Via.FORM,
) -> Measurement:
    _refuse_other_organisation(by, indicator)
    measured_on, number = _check_measurement(indicator, measured_on=measured_on, value=value)
    if indicator.measurements.filter(measured_on=measured_on).exists():
        _refuse(
            _("There is already a measurement on %(date)s: correct it instead.")
            % {"date": _day(measured_on)},
            status=409,
            field="measured_on",
        )
    measurement = Measurement.objects.create(
        indicator=indicator,
        measured_on=measured_on,
        value=number,
        source=(source or "").strip()[:200],
        comment=(comment or "").strip(),
        via=via,
        entered_by=by,
    )
    audit_record(
        action="measurement.added",
        actor=by,
        target=measurement,
        organisation=indicator.organisation,
        data={"indicator": indicator.pk, "value": format_value(number)},
    )
    return measurement


@transaction.atomic
def measurement_update(*, measurement: Measurement, by: Any, fields: dict[str, Any]) -> Measurement:
    current = (
        Measurement.objects.select_for_update()
        .select_related("indicator__organisation")
        .get(pk=measurement.pk)
    )
    indicator = current.indicator
    _refuse_other_organisation(by, indicator)
    measured_on, number = _check_measurement(
        indicator,
        measured_on=fields.get("measured_on", current.measured_on),
        value=fields.get("value", current.value),
    )
    if indicator.measurements.filter(measured_on=measured_on).exclude(pk=current.pk).exists():
        _refuse(
            _("There is already a measurement on %(date)s: correct it instead.")
            % {"date": _day(measured_on)},
            status=409,
            field="measured_on",
        )
    current.measured_on = measured_on
    current.value = number
    current.source = (fields.get("source", current.source) or "").strip()[:200]
    current.comment = (fields.get("comment", current.comment) or "").strip()
    current.save()
    audit_record(
        action="measurement.updated",
        actor=by,
        target=current,
        organisation=indicator.organisation,
        data={"value": format_value(number), "date": measured_on.isoformat()},
    )
    return current


@transaction.atomic
def measurement_delete(*, measurement: Measurement, by: Any) -> None:
    indicator = measurement.indicator
    _refuse_other_organisation(by, indicator)
    audit_record(
        action="measurement.deleted",
        actor=by,
        target=measurement,
        organisation=indicator.organisation,
        data={
            "date": measurement.measured_on.isoformat(),
            "value": format_value(measurement.value),
        },
    )
    measurement.delete()


def _error_text(error: ServiceError) -> str:
    return str(error.message)


@transaction.atomic
def measurements_import(
    *, organisation: Any, by: Any, upload: Any, indicator: Indicator | None = None
) -> list[Measurement]:
    """Import a CSV/XLSX file of measurements: every row is checked first; one bad row, none imported."""
    if indicator is not None:
        organisation = indicator.organisation
        _refuse_other_organisation(by, indicator)
    elif organisation.pk not in org_ids(by):
        _refuse(
            _("You can only record measurements on your own organisation's indicators."),
            status=403,
        )
    rows = read_rows(upload)
    indicators = {i.name.casefold(): i for i in Indicator.objects.filter(organisation=organisation)}
    by_id = {str(i.pk): i for i in indicators.values()}
    existing = set(
        Measurement.objects.filter(indicator__organisation=organisation).values_list(
            "indicator_id", "measured_on"
        )
    )
    seen: dict[tuple[int, date], int] = {}
    errors: list[tuple[int, str]] = []
    valid: list[Measurement] = []
    for row in rows:
        line, cells = row.line, row.values
        target = indicator
        named = " ".join(str(cells.get("indicator") or "").split())
        if named:
            found = indicators.get(named.casefold()) or by_id.get(named)
            if found is None:
                errors.append(
                    (
                        line,
                        _("No indicator of %(organisation)s is called “%(name)s”.")
                        % {"organisation": organisation.short_name, "name": named},
                    )
                )
                continue
            if indicator is not None and found.pk != indicator.pk:
                errors.append(
                    (
                        line,
                        _("This line is for “%(name)s”, not for “%(indicator)s”.")
                        % {"name": found.name, "indicator": indicator.name},
                    )
                )
                continue
            target = found
        if target is None:
            errors.append((line, _("Say which indicator this value is for (column indicator).")))
            continue
        try:
            measured_on = parse_date(cells.get("date"))
        except ValueError:
            errors.append(
                (
                    line,
                    _("“%(value)s” is not a date (write it as 2026-03-31 or 31/03/2026).")
                    % {"value": cells.get("date")},
                )
            )
            continue
        try:
            measured_on, number = _check_measurement(
                target, measured_on=measured_on, value=cells.get("value")
            )
        except ServiceError as error:
            errors.append((line, _error_text(error)))
            continue
        key = (target.pk, measured_on)
        if key in existing:
            errors.append(
                (
                    line,
                    _("“%(name)s” already has a measurement on %(date)s.")
                    % {"name": target.name, "date": _day(measured_on)},
                )
            )
            continue
        if key in seen:
            errors.append(
                (
                    line,
                    _("Line %(other)s already gives “%(name)s” on %(date)s.")
                    % {"other": seen[key], "name": target.name, "date": _day(measured_on)},
                )
            )
            continue
        seen[key] = line
        source = str(cells.get("source") or "").strip()
        if len(source) > 200:
            errors.append((line, _("The source is too long (at most 200 characters).")))
            continue
        valid.append(
            Measurement(
                indicator=target,
                measured_on=measured_on,
                value=number,
                source=source,
                comment=str(cells.get("comment") or "").strip(),
                via=Measurement.Via.IMPORT,
                entered_by=by,
            )
        )
    if errors:
        raise ImportRejected(errors)
    created = Measurement.objects.bulk_create(valid)
    audit_record(
        action="measurement.imported",
        actor=by,
        target=indicator or organisation,
        organisation=organisation,
        data={
            "file": getattr(upload, "name", ""),
            "rows": len(created),
            "indicators": sorted({m.indicator_id for m in created}),
        },
    )
    return created
