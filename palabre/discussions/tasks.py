"""Background work of discussions: the daily look for unanswered questions."""

from django_tasks import task

from palabre.core import schedule


@task()
def unanswered_questions() -> int:
    from palabre.discussions.services import unanswered_tell

    return unanswered_tell()


schedule.daily("discussions.unanswered_questions", unanswered_questions)
