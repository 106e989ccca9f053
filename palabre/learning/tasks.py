"""Background jobs of internal training (follow-ups some months after a session).

``follow_ups`` runs once a day: those who attended a session that ended
``LEARNING_FOLLOW_UP_MONTHS`` months ago or more are asked, once each, whether they applied
what they learned (palabre.learning.services.followups.follow_ups_ask).
"""

from __future__ import annotations

from django_tasks import task

from palabre.core import schedule
from palabre.learning.services.followups import follow_ups_ask


@task()
def follow_ups() -> int:
    return follow_ups_ask()


schedule.daily("learning.follow_ups", follow_ups)

__all__ = ["follow_ups", "follow_ups_ask"]
