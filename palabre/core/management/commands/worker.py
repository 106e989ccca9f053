"""`palabre worker`: run background tasks, and take back those a crashed worker left behind."""

from __future__ import annotations

import logging
import threading
import time

from django.db import close_old_connections
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from palabre.core import schedule
from palabre.core.tasks import tasks_requeue_stale

logger = logging.getLogger(__name__)


def _housekeeping() -> None:
    try:
        tasks_requeue_stale()
        schedule.run_due_jobs()
    except Exception:  # keep the worker alive; the next minute tries again
        logger.exception("worker housekeeping failed")
    finally:
        close_old_connections()


def _housekeeping_forever(every: float) -> None:
    while True:
        _housekeeping()
        time.sleep(every)


class Command(DbWorkerCommand):
    help = "Run Palabre's background tasks (e-mails, digests, exports)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(queue_name="*", reload=False)

    def handle(self, *args, **options):
        requeued = tasks_requeue_stale()
        if requeued and options["verbosity"]:
            self.stdout.write(
                f"{requeued} task(s) left running by a stopped worker put back in the queue."
            )
        if options["batch"]:
            schedule.run_due_jobs()
        else:
            threading.Thread(target=_housekeeping_forever, args=(60.0,), daemon=True).start()
        super().handle(*args, **options)
