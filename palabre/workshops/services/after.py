"""After the workshop: the evaluation and the report."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from palabre.audit.services import audit_record
from palabre.lib.dates import day
from palabre.lib.errors import ConflictError, ServiceError, refuse
from palabre.notifications.services import notify
from palabre.permissions import workshops as rules
from palabre.workshops.models import (
    Evaluation,
    SessionRating,
    Workshop,
)
from palabre.workshops.services._common import (
    first_organisation,
    locked,
)

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
    current = locked(workshop)
    if not rules.can_evaluate(by, current):
        refuse(_("Only confirmed participants evaluate the workshop."), status=403)
    if current.status != Workshop.Status.PUBLISHED:
        refuse(_("This workshop is not taking place."), status=409)
    if not current.has_started:
        refuse(
            _("The evaluation opens on the first day of the workshop, %(date)s.")
            % {"date": day(current.start_date)},
            status=409,
        )
    if current.evaluation_closed:
        refuse(_("The evaluation of this workshop is closed."), status=409)
    if Evaluation.objects.filter(workshop=current, person=by).exists():
        refuse(_("You have already evaluated this workshop. Thank you!"), status=409)
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
        refuse(_("You have already evaluated this workshop. Thank you!"), status=409)
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
    current = locked(workshop)
    if not rules.can_see_evaluation_results(by, current):
        refuse(_("Only the workshop's facilitators open and close its evaluation."), status=403)
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
    current = locked(workshop)
    if not rules.can_edit_report(by, current):
        refuse(_("Only the workshop's facilitators edit its report."), status=403)
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
    current = locked(workshop)
    if not rules.can_edit_report(by, current):
        refuse(_("Only the workshop's facilitators share its report."), status=403)
    if current.report_shared_at:
        refuse(_("The report is already shared."), status=409)
    if not current.has_started:
        refuse(_("The report is shared once the workshop has taken place."), status=409)
    current.report_shared_at = timezone.now()
    current.save(update_fields=["report_shared_at", "updated_at"])
    audit_record(
        action="workshop.report_shared",
        actor=by,
        target=current,
        organisation=first_organisation(current),
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
