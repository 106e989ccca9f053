"""Panels internal training adds to other apps' pages: followups.

- ``practice_detail``: what trainings built on the practice led to, in figures
  ("Trained: 24 · applied since: 9 in 5 organisations");
- ``organisation_detail``: the organisation's members trained, and those who applied it;
- ``home_needs`` (the member's home): the follow-up questions waiting for their answer.
"""

from __future__ import annotations

from django.template.loader import render_to_string

from palabre.learning.panels.trainings import built_on
from palabre.learning.selectors import followups as selectors
from palabre.lib import panels
from palabre.permissions import is_member
from palabre.practices.models import Practice

HOME_ITEMS = 3


@panels.register("practice_detail", order=35)
def practice_training_impact(request, *, practice) -> str:
    if practice.status not in (Practice.Status.PUBLISHED, Practice.Status.ARCHIVED):
        return ""
    if not built_on(request, practice):
        return ""  # no training on it that the viewer may see: nobody trained (one query)
    impact = selectors.practice_training_impact(practice, viewer=request.user)
    if not impact.trained:
        return ""
    return render_to_string(
        "learning/followups/panels/practice.html", {"impact": impact}, request=request
    )


@panels.register("organisation_detail", order=40)
def organisation_training_impact(request, *, organisation) -> str:
    if not is_member(request.user):
        return ""
    impact = selectors.organisation_training_impact(organisation, viewer=request.user)
    if not impact.trained:
        return ""
    return render_to_string(
        "learning/followups/panels/organisation.html",
        {"impact": impact, "organisation": organisation},
        request=request,
    )


@panels.register("home_needs", order=35)
def pending_follow_ups(request) -> str:
    if not is_member(request.user):
        return ""
    pending = list(selectors.pending_follow_ups(request.user)[: HOME_ITEMS + 1])
    if not pending:
        return ""
    return render_to_string(
        "learning/followups/panels/home.html",
        {"pending": pending[:HOME_ITEMS], "more": len(pending) > HOME_ITEMS},
        request=request,
    )
