"""What the workshops add to other apps' pages: the home page, practices, organisations."""

from __future__ import annotations

from django.template.loader import render_to_string

from palabre import permissions
from palabre.lib import panels
from palabre.permissions import workshops as rules
from palabre.workshops import selectors
from palabre.workshops.models import Session, Workshop


@panels.register("home", order=30)
def home_workshops(request) -> str:
    upcoming = list(selectors.workshop_list(user=request.user, when="upcoming")[:3])
    context = {"upcoming": upcoming, "request": request}
    if permissions.is_member(request.user):
        actions = selectors.actions_of(user=request.user)
        context["actions"] = list(actions[:5])
        context["overdue"] = sum(1 for a in context["actions"] if a.is_overdue)
    if not upcoming and not context.get("actions"):
        return ""
    return render_to_string("workshops/panels/home.html", context, request=request)


@panels.register("practice_detail", order=40)
def practice_workshops(request, *, practice) -> str:
    """Where this practice was presented, in the workshops this person may see."""
    sessions = (
        Session.objects.filter(
            presented_practice=practice,
            workshop__in=rules.workshops_visible_to(request.user),
        )
        .select_related("workshop", "presenter")
        .order_by("-starts_at")
    )
    if not sessions:
        return ""
    return render_to_string(
        "workshops/panels/practice.html", {"sessions": sessions}, request=request
    )


@panels.register("organisation_detail", order=40)
def organisation_workshops(request, *, organisation) -> str:
    workshops = (
        rules.workshops_visible_to(request.user)
        .filter(organisers=organisation, kind=Workshop.Kind.EXCHANGE)
        .order_by("-start_date")[:10]
    )
    if not workshops:
        return ""
    return render_to_string(
        "workshops/panels/organisation.html", {"workshops": workshops}, request=request
    )
