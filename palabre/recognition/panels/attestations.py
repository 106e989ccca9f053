"""Panels recognition adds to other apps' pages: attestations.

Importing this module also imports ``palabre.recognition.tasks``, which connects the
queueing of attestation builds (``attestation_requested``)."""

from __future__ import annotations

from django.template.loader import render_to_string

from palabre.lib import panels
from palabre.recognition import tasks  # noqa: F401 - connects the build's queueing
from palabre.recognition.selectors import attestations as selectors

SHOWN = 3


@panels.register("profile", order=70)
def own_attestations(request, *, person) -> str:
    """On one's own profile only: the latest attestations and the way to "My attestations"."""
    if not request.user.is_authenticated or request.user.pk != person.pk:
        return ""
    return render_to_string(
        "recognition/attestations/panel.html",
        {"attestations": list(selectors.attestation_list(request.user)[:SHOWN])},
        request=request,
    )
