"""Panels exchange meetings add to other apps' pages: on a workshop's page, when that
workshop is a date of a meeting, the way back to the meeting (its agenda, proposals,
minutes)."""

from __future__ import annotations

from django.template.loader import render_to_string

from palabre.lib import panels
from palabre.meetings.models import Occurrence
from palabre.permissions import meetings as rules
from palabre.workshops.models import Workshop


@panels.register("workshop_detail", order=10)
def workshop_meeting_date(request, *, workshop) -> str:
    if workshop.kind != Workshop.Kind.MEETING:
        return ""
    occurrence = (
        rules.occurrences_visible_to(request.user, Occurrence.objects.filter(workshop=workshop))
        .select_related("meeting")
        .first()
    )
    if occurrence is None:
        return ""
    return render_to_string(
        "meetings/panel_workshop.html", {"occurrence": occurrence}, request=request
    )
