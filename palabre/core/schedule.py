"""Daily jobs, run by whichever worker gets there first each day.

An app registers a task to run once a day (in its AppConfig.ready())::

    schedule.daily("practices.review_reminders", review_reminders_task)

`palabre worker` checks every minute; the first worker to record today's run
enqueues the task, the others see the row and do nothing.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from palabre.core.models import ScheduledRun

_jobs: dict[str, object] = {}


def daily(name: str, task) -> None:
    _jobs[name] = task


def registered() -> dict[str, object]:
    return dict(_jobs)


_minute_jobs: dict[str, object] = {}


def every_minute(name: str, func) -> None:
    """A function every worker calls each minute, in its housekeeping round (it must be
    safe to run in several workers at once)."""
    _minute_jobs[name] = func


def minute_jobs() -> dict[str, object]:
    return dict(_minute_jobs)


def run_due_jobs(*, today=None) -> list[str]:
    """Enqueue each daily job not yet run today. Returns the names enqueued."""

    today = today or timezone.localdate()
    enqueued = []
    for name, task in _jobs.items():
        try:
            with transaction.atomic():
                ScheduledRun.objects.create(job=name, day=today)
        except IntegrityError:
            continue  # another worker already did it today
        task.enqueue()
        enqueued.append(name)
    return enqueued
