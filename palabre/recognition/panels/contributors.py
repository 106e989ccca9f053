"""Panels recognition adds to other apps' pages: contributors (the profile, the organisation)."""

from __future__ import annotations

from django.template.loader import render_to_string

from palabre.lib import panels
from palabre.permissions import is_member
from palabre.permissions import recognition as rules
from palabre.recognition.selectors.contributors import contributor_summary, organisation_summary

# Items of each kind an organisation's panel lists (the figures count them all).
ORGANISATION_ITEMS = 5


@panels.register("profile", order=20)
def contributor_figures(request, *, person) -> str:
    """What the person shared and what happened next, in figures, with the way to their
    contributor page (and, for themselves, to what it shows)."""
    viewer = request.user
    if not rules.can_view_contributor(viewer, person):
        return ""
    return render_to_string(
        "recognition/contributors/panels/profile.html",
        {
            "person": person,
            "summary": contributor_summary(person, viewer=viewer),
            "is_self": is_member(viewer) and viewer.pk == person.pk,
        },
        request=request,
    )


@panels.register("organisation_detail", order=20)
def organisation_contributions(request, *, organisation) -> str:
    """The same for the organisation as a whole, as the viewer may see it."""
    viewer = request.user
    return render_to_string(
        "recognition/contributors/panels/organisation.html",
        {
            "organisation": organisation,
            "summary": organisation_summary(organisation, viewer=viewer),
            "members": is_member(viewer),
            "limit": ORGANISATION_ITEMS,
            "suffix": "-org",
        },
        request=request,
    )
