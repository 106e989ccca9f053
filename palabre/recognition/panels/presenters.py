"""The "Presenters" panel on a workshop's page (slot ``workshop_detail``), for those who run
the workshop: the invitations and their answers, suggested presenters with the reasons, a
one-click "Invite to present", and, for a launch workshop, the first practice drafts."""

from __future__ import annotations

from django.template.loader import render_to_string

from palabre.lib import panels
from palabre.recognition.selectors import presenters as selectors


@panels.register("workshop_detail", order=20)
def workshop_presenters(request, *, workshop) -> str:
    if not request.user.is_authenticated:
        return ""
    found = selectors.panel(request.user, workshop)
    if found is None:
        return ""
    return render_to_string(
        "recognition/presenters/panel.html", {"panel": found, "workshop": workshop}, request=request
    )
