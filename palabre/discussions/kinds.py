"""The notifications discussions send; each person chooses how to receive each kind."""

from django.utils.translation import gettext_lazy as _

from palabre.notifications import kinds
from palabre.notifications.kinds import Delivery

QUESTION = "discussions.question"
ANSWER = "discussions.answer"
ACCEPTED = "discussions.accepted"
MENTION = "discussions.mention"
HIDDEN = "discussions.hidden"
NEW_THREAD = "discussions.new_thread"
NEW_PRACTICE = "discussions.new_practice"
PRACTICE_UPDATED = "discussions.practice_updated"
UNANSWERED = "discussions.unanswered"
UNANSWERED_FACILITATORS = "discussions.unanswered_facilitators"

TALK = _("Questions and discussions")
FOLLOWED = _("What I follow")

kinds.register(QUESTION, label=_("A question is asked about my practice"), group=TALK)
kinds.register(ANSWER, label=_("An answer in a thread I started or follow"), group=TALK)
kinds.register(ACCEPTED, label=_("My answer is marked as the one that helped"), group=TALK)
kinds.register(MENTION, label=_("Someone mentions me with @"), group=TALK)
kinds.register(HIDDEN, label=_("A facilitator hides one of my messages"), group=TALK)
kinds.register(
    UNANSWERED,
    label=_("A question waits for someone with my experience"),
    group=TALK,
    default=Delivery.DAILY,
)
kinds.register(
    UNANSWERED_FACILITATORS,
    label=_("Questions left without an answer (facilitators)"),
    group=TALK,
    default=Delivery.DAILY,
    facilitators=True,
)
kinds.register(
    NEW_THREAD,
    label=_("A new question or discussion on a practice or theme I follow"),
    group=FOLLOWED,
    default=Delivery.DAILY,
)
kinds.register(
    NEW_PRACTICE,
    label=_("A new practice in a theme or from an organisation I follow"),
    group=FOLLOWED,
    default=Delivery.DAILY,
)
kinds.register(
    PRACTICE_UPDATED,
    label=_("A new version of a practice I follow"),
    group=FOLLOWED,
    default=Delivery.DAILY,
)
