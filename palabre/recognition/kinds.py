"""The notification kinds of recognition (chosen in each person's settings)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from palabre.notifications import kinds

THANKED = "recognition.thanked"
FEATURED = "recognition.featured"
ATTESTATION_READY = "recognition.attestation_ready"

kinds.register_all(
    _("Recognition"),
    {
        THANKED: _("Someone thanked you for something you shared"),
        FEATURED: _("Something of yours is featured"),
        ATTESTATION_READY: _("Your contribution attestation is ready"),
    },
)

# Suggested presenters: the invitation, and the answer the facilitators are told.
INVITED_TO_PRESENT = "recognition.invited_to_present"
PRESENTER_ANSWERED = "recognition.presenter_answered"
LAUNCH_DRAFT = "recognition.launch_draft"

kinds.register_all(
    _("Recognition"),
    {
        INVITED_TO_PRESENT: _("You are invited to present at a workshop"),
        PRESENTER_ANSWERED: _("Someone answered your invitation to present"),
        LAUNCH_DRAFT: _("A practice draft was started for you at a workshop"),
    },
)
