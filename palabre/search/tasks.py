"""Daily refresh of the vocabulary behind "did you mean …?"."""

from django_tasks import task

from palabre.core import schedule
from palabre.search.services import vocabulary_rebuild


@task()
def refresh_vocabulary() -> int:

    return vocabulary_rebuild()


schedule.daily("search.refresh_vocabulary", refresh_vocabulary)
