"""Background work of adoptions: feedback reminders and the daily check of maturity."""

from django_tasks import task

from palabre.adoptions.services import feedback_remind, practices_maturity_refresh_all
from palabre.core import schedule


@task()
def feedback_reminders() -> int:
    return feedback_remind()


@task()
def maturity_refresh() -> int:
    """Thresholds may change in the settings: every practice with evidence is rechecked."""
    return practices_maturity_refresh_all()


schedule.daily("adoptions.feedback_reminders", feedback_reminders)
schedule.daily("adoptions.maturity_refresh", maturity_refresh)
