"""Background work of the newsletter: writing the copies of an issue in batches, resuming
a send a stopped worker left, and the monthly digests."""

from django_tasks import task

from palabre.core import schedule
from palabre.newsletter import delivery


@task()
def deliver_issue(issue_id: int) -> int:
    """One batch of copies; queues the next batch until everyone has theirs."""
    written, done = delivery.issue_deliver(issue_id=issue_id)
    if not done:
        deliver_issue.enqueue(issue_id)
    return written


@task()
def daily() -> dict[str, int]:
    return {
        "resumed": delivery.issues_resume(enqueue=deliver_issue.enqueue),
        "digests": delivery.digests_send(),
    }


schedule.daily("newsletter.daily", daily)
