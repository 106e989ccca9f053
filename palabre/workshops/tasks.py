"""Background work of the workshops: overdue actions, evaluation invitations."""

from django_tasks import task

from palabre.core import schedule
from palabre.workshops.services import actions_notify_overdue, evaluations_invite


@task()
def overdue_actions() -> int:
    return actions_notify_overdue()


@task()
def evaluation_invitations() -> int:
    return evaluations_invite()


schedule.daily("workshops.overdue_actions", overdue_actions)
schedule.daily("workshops.evaluation_invitations", evaluation_invitations)
