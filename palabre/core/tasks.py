"""Background tasks of the platform itself, and the worker's housekeeping: taking back
what a stopped worker left, queueing e-mails due for another try, telling /healthz
whether the queue is being worked."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Max, Min, Q
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from palabre.core.delivery import email_deliver, emails_reconcile
from palabre.core.models import OutgoingEmail, WorkerHeartbeat

# A message just written gets its task when its transaction commits: the sweep leaves
# it alone this long before deciding that task was lost.
NEW_EMAIL_GRACE = timedelta(minutes=1)
# How many messages one sweep queues at most (the next minute takes the rest).
SWEEP_BATCH = 500


@task()
def deliver_email(email_id: int) -> bool:
    return email_deliver(email_id=email_id)


def tasks_requeue_stale(*, older_than_seconds: int | None = None) -> int:
    """Put back in the queue the tasks a crashed worker left "running"."""
    seconds = (
        older_than_seconds if older_than_seconds is not None else settings.TASK_STALE_AFTER_SECONDS
    )
    cutoff = timezone.now() - timedelta(seconds=seconds)
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=cutoff
    ).update(status=TaskResultStatus.READY, started_at=None)


def _emails_with_a_pending_task() -> set[int]:
    pending = DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
        task_path=deliver_email.module_path,
    ).values_list("args_kwargs", flat=True)
    return {args["args"][0] for args in pending if args.get("args")}


def emails_sweep(*, now: datetime | None = None) -> dict[str, int]:
    """Run every minute by the worker: mark "uncertain" what a stopped worker left
    "sending", and queue a delivery task for each message due for a try that has none
    (after a failure, or whose task was lost)."""
    now = now or timezone.now()
    uncertain = emails_reconcile(now=now)
    due = list(
        OutgoingEmail.objects.filter(status=OutgoingEmail.Status.QUEUED)
        .filter(
            Q(next_attempt_at__lte=now)
            | Q(next_attempt_at__isnull=True, created_at__lt=now - NEW_EMAIL_GRACE)
        )
        .order_by("created_at")
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )
    queued = 0
    if due:
        pending = _emails_with_a_pending_task()
        for pk in due:
            if pk not in pending:
                deliver_email.enqueue(pk)
                queued += 1
    return {"uncertain": uncertain, "queued": queued}


def worker_heartbeat(*, worker_id: str, started_at: datetime) -> None:
    """Say that this worker is alive (read by /healthz)."""
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id[:64],
        defaults={"seen_at": timezone.now()},
        create_defaults={"started_at": started_at, "seen_at": timezone.now()},
    )


def worker_heartbeats_prune(*, keep: str) -> None:
    """Forget workers not seen for a day, once another (``keep``) is running."""
    WorkerHeartbeat.objects.filter(seen_at__lt=timezone.now() - timedelta(days=1)).exclude(
        worker_id=keep[:64]
    ).delete()


def _seconds(since: datetime | None, now: datetime) -> int | None:
    return None if since is None else max(0, int((now - since).total_seconds()))


def queue_health(*, now: datetime | None = None) -> dict[str, Any]:
    """Whether the queue is being worked, for /healthz: no names, no addresses.

    Not worked means: a task ready to run, or an e-mail due to be sent, has waited longer
    than WORKER_STALLED_AFTER_SECONDS, or the last worker seen has been silent that long.
    """
    now = now or timezone.now()
    limit = settings.WORKER_STALLED_AFTER_SECONDS
    ready = DBTaskResult.objects.ready()
    waiting_since = [
        ready.filter(run_after=get_date_max()).aggregate(at=Min("enqueued_at"))["at"],
        ready.exclude(run_after=get_date_max()).aggregate(at=Min("run_after"))["at"],
    ]
    oldest_task = min((at for at in waiting_since if at is not None), default=None)
    queued = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.QUEUED)
    email_waiting_since = [
        queued.filter(next_attempt_at__isnull=True).aggregate(at=Min("created_at"))["at"],
        queued.filter(next_attempt_at__lte=now).aggregate(at=Min("next_attempt_at"))["at"],
    ]
    oldest_email = min((at for at in email_waiting_since if at is not None), default=None)
    last_seen = WorkerHeartbeat.objects.aggregate(at=Max("seen_at"))["at"]
    report: dict[str, Any] = {
        "worker_last_seen_seconds": _seconds(last_seen, now),
        "oldest_task_waiting_seconds": _seconds(oldest_task, now),
        "oldest_email_waiting_seconds": _seconds(oldest_email, now),
        "emails_not_delivered": OutgoingEmail.objects.filter(
            status__in=[OutgoingEmail.Status.FAILED, OutgoingEmail.Status.UNCERTAIN]
        ).count(),
        "stalled_after_seconds": limit,
    }
    reasons = []
    if (report["worker_last_seen_seconds"] or 0) > limit:
        reasons.append(f"no worker seen for {report['worker_last_seen_seconds']} s")
    if (report["oldest_task_waiting_seconds"] or 0) > limit:
        reasons.append(f"a task has waited {report['oldest_task_waiting_seconds']} s")
    if (report["oldest_email_waiting_seconds"] or 0) > limit:
        reasons.append(f"an e-mail has waited {report['oldest_email_waiting_seconds']} s")
    if reasons:
        return {"status": "stalled", "reason": "; ".join(reasons), **report}
    return {"status": "ok", **report}
