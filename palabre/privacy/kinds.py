"""The notification kinds of personal data (chosen in each person's settings)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from palabre.notifications import kinds

EXPORT_READY = "privacy.export_ready"
ERASURE_REQUESTED = "privacy.erasure_requested"
# Always e-mailed too (an answer to a request about one's rights), so not a choice.
ERASURE_REFUSED = "privacy.erasure_refused"

GROUP = _("My personal data")

kinds.register_all(
    GROUP,
    {
        EXPORT_READY: _("The archive of my data is ready"),
    },
)
kinds.register(
    ERASURE_REQUESTED,
    label=_("Someone asks for their account to be erased (network administrators)"),
    group=GROUP,
    facilitators=True,
)
