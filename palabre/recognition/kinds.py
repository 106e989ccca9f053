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
