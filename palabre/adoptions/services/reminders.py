"""Reminders to the teams: how is it going, at each milestone of an adoption."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy

from palabre.adoptions import selectors
from palabre.adoptions.models import Adoption, FeedbackReminder
from palabre.adoptions.services._common import Status, local_today
from palabre.notifications.services import notify


def feedback_remind(*, today: date | None = None) -> int:
    """Ask the teams for feedback at each milestone passed, once per adoption and milestone.

    When several milestones passed at once (an adoption recorded late), one
    reminder is sent for the latest and the earlier ones are marked as handled.
    Returns how many reminders were sent.
    """
    today = today or local_today()
    window = settings.ADOPTIONS_REPORT_WINDOW_DAYS
    months = settings.ADOPTIONS_FEEDBACK_REMINDER_MONTHS
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
                for person in selectors.reminder_recipients(adoption):
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
