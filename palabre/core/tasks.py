"""Background tasks of the platform itself."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from palabre.core.delivery import email_deliver


@task()
def deliver_email(email_id: int) -> bool:
    return email_deliver(email_id=email_id)


def tasks_requeue_stale(*, older_than_seconds: int | None = None) -> int:
    """Put back in the queue the tasks a crashed worker left "running"."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    seconds = (
        older_than_seconds if older_than_seconds is not None else settings.TASK_STALE_AFTER_SECONDS
    )
    cutoff = timezone.now() - timedelta(seconds=seconds)
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=cutoff
    ).update(status=TaskResultStatus.READY, started_at=None)
