"""Background work of the workshops: overdue actions, evaluation invitations."""

from django_tasks import task

from palabre.core import schedule


@task()
def overdue_actions() -> int:
    from palabre.workshops.services import actions_notify_overdue

    return actions_notify_overdue()


@task()
def evaluation_invitations() -> int:
    from palabre.workshops.services import evaluations_invite

    return evaluations_invite()


schedule.daily("workshops.overdue_actions", overdue_actions)
schedule.daily("workshops.evaluation_invitations", evaluation_invitations)
