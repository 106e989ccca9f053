"""Background work of the practice library."""

from django_tasks import task

from palabre.core import schedule
from palabre.practices.readership import readership_flush
from palabre.practices.services import practices_remind_review


@task()
def review_reminders() -> int:

    return practices_remind_review()


schedule.daily("practices.review_reminders", review_reminders)
# Views and downloads noted since the last minute join the daily counts (readership.py).
schedule.every_minute("practices.readership", readership_flush)
