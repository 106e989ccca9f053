"""The notification kinds of internal training (chosen in each person's settings)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from palabre.notifications import kinds

SUBMITTED = "learning.training_submitted"
PUBLISHED = "learning.training_published"
CHANGES_REQUESTED = "learning.changes_requested"
SESSION_SCHEDULED = "learning.session_scheduled"
FOLLOW_UP = "learning.follow_up"

kinds.register_all(
    _("Internal training"),
    {
        PUBLISHED: _("A training I give is published"),
        CHANGES_REQUESTED: _("Changes are asked on a training I give"),
        SESSION_SCHEDULED: _("A session of a training I wished for is scheduled"),
        FOLLOW_UP: _("Did you apply what you learned in a training?"),
    },
)
kinds.register(
    SUBMITTED,
    label=_("A training is waiting for review"),
    group=_("Internal training"),
    facilitators=True,
)
