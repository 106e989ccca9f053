"""`palabre worker`: run background tasks, and every minute: say it is alive, take back
what a stopped worker left behind, queue e-mails due for another try, start daily jobs."""

from __future__ import annotations

import logging
import os
import signal
import threading
import time

from django.db import close_old_connections
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from palabre.core import schedule
from palabre.core.supervisor import PARENT_PID_ENV, watch_parent
from palabre.core.tasks import (
    emails_sweep,
    tasks_requeue_stale,
    worker_heartbeat,
    worker_heartbeats_prune,
)

logger = logging.getLogger(__name__)


def housekeeping(*, worker_id: str, started_at) -> None:
    """One round; each step on its own, so that one failing does not stop the others."""
    steps = [
        ("heartbeat", lambda: worker_heartbeat(worker_id=worker_id, started_at=started_at)),
        ("stale tasks", tasks_requeue_stale),
        ("e-mail sweep", emails_sweep),
        ("daily jobs", schedule.run_due_jobs),
        *schedule.minute_jobs().items(),
    ]
    for name, step in steps:
        try:
            step()
        except Exception:  # keep the worker alive; the next minute tries again
            logger.exception("worker housekeeping failed: %s", name)
    close_old_connections()


def _housekeeping_forever(every: float, **kwargs) -> None:
    while True:
        time.sleep(every)
        housekeeping(**kwargs)


def _stop_gracefully() -> None:
    logger.warning("the process that started this worker is gone: stopping")
    os.kill(os.getpid(), signal.SIGTERM)  # the worker finishes its task, then exits


class Command(DbWorkerCommand):
    help = "Run Palabre's background tasks (e-mails, digests, exports)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(queue_name="*", reload=False)

    def handle(self, *args, **options):
        worker_id = options["worker_id"]
        started_at = timezone.now()
        requeued = tasks_requeue_stale()
        if requeued and options["verbosity"]:
            self.stdout.write(
                f"{requeued} task(s) left running by a stopped worker put back in the queue."
            )
        try:
            worker_heartbeats_prune(keep=worker_id)
        except Exception:
            logger.exception("could not forget old workers")
        housekeeping(worker_id=worker_id, started_at=started_at)
        if not options["batch"]:
            threading.Thread(
                target=_housekeeping_forever,
                args=(60.0,),
                kwargs={"worker_id": worker_id, "started_at": started_at},
                daemon=True,
            ).start()
        parent = os.environ.get(PARENT_PID_ENV)
        if parent and parent.isdigit():
            threading.Thread(
                target=watch_parent, args=(int(parent), _stop_gracefully), daemon=True
            ).start()
        super().handle(*args, **options)
