"""The notification kinds of exchange meetings (chosen in each person's settings)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from palabre.notifications import kinds

PROPOSAL_RECEIVED = "meetings.proposal_received"
PROPOSAL_DECIDED = "meetings.proposal_decided"
INVITED = "meetings.invited"
INVITATION_ANSWERED = "meetings.invitation_answered"

kinds.register_all(
    _("Exchange meetings"),
    {
        PROPOSAL_RECEIVED: _("Someone proposes a presentation for a meeting I organise"),
        PROPOSAL_DECIDED: _("My presentation proposal is accepted or not kept"),
        INVITED: _("I am invited to present at a meeting"),
        INVITATION_ANSWERED: _("Someone answers my invitation to present"),
    },
)
