"""Background work of notifications: the daily summary e-mail."""

from django_tasks import task

from palabre.core import schedule
from palabre.notifications.services import notifications_send_daily_summaries


@task()
def daily_summaries() -> int:

    return notifications_send_daily_summaries()


schedule.daily("notifications.daily_summaries", daily_summaries)
