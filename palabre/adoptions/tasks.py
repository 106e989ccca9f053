"""Background work of adoptions: feedback reminders and the daily check of maturity."""

from django_tasks import task

from palabre.core import schedule


@task()
def feedback_reminders() -> int:
    from palabre.adoptions.services import feedback_remind

    return feedback_remind()


@task()
def maturity_refresh() -> int:
    """Thresholds may change in the settings: every practice with evidence is rechecked."""
    from palabre.adoptions.services import practices_maturity_refresh_all

    return practices_maturity_refresh_all()


schedule.daily("adoptions.feedback_reminders", feedback_reminders)
schedule.daily("adoptions.maturity_refresh", maturity_refresh)
