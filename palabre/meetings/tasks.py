"""Background jobs of exchange meetings: once a day, each meeting still held whose last
date is over gets its next date (``services.meetings_plan_upcoming``)."""

from __future__ import annotations

from django_tasks import task

from palabre.core import schedule
from palabre.meetings.services import meetings_plan_upcoming


@task()
def plan_upcoming() -> int:
    return meetings_plan_upcoming()


schedule.daily("meetings.plan_upcoming", plan_upcoming)
