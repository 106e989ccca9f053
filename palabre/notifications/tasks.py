"""Background work of notifications: the daily summary e-mail."""

from django_tasks import task

from palabre.core import schedule


@task()
def daily_summaries() -> int:
    from palabre.notifications.services import notifications_send_daily_summaries

    return notifications_send_daily_summaries()


schedule.daily("notifications.daily_summaries", daily_summaries)
