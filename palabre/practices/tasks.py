"""Background work of the practice library."""

from django_tasks import task

from palabre.core import schedule


@task()
def review_reminders() -> int:
    from palabre.practices.services import practices_remind_review

    return practices_remind_review()


schedule.daily("practices.review_reminders", review_reminders)
