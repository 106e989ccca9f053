"""Background work of discussions: telling followers of a publication, unanswered questions."""

from django_tasks import task

from palabre.core import schedule
from palabre.discussions.services import practice_published_tell, unanswered_tell
from palabre.practices.models import Practice


@task()
def tell_publication(practice_id: int, first_publication: bool) -> int:

    practice = Practice.objects.filter(pk=practice_id, status=Practice.Status.PUBLISHED).first()
    if practice is None:  # unpublished again before the worker came to it
        return 0
    return practice_published_tell(practice=practice, first_publication=first_publication)


@task()
def unanswered_questions() -> int:

    return unanswered_tell()


schedule.daily("discussions.unanswered_questions", unanswered_questions)
