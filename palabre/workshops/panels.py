"""What the workshops add to other apps' pages: the home page, practices, organisations."""

from __future__ import annotations

from django.template.loader import render_to_string

from palabre import permissions
from palabre.lib import panels
from palabre.permissions import workshops as rules
from palabre.practices import page_cache
from palabre.workshops import selectors
from palabre.workshops.models import Attendance, Session, Workshop

# The practice page shows where it was presented, and how many were trained on it (people
# present at training sessions): practices/page_cache.py.
page_cache.watch(Session, when=lambda session: session.presented_practice_id is not None)
page_cache.watch(Workshop, Attendance)


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
    # Most practices were never presented: one small query says so. The sessions and the
    # visibility rule are read for the others only.
    workshops = set(
        Session.objects.filter(presented_practice=practice).values_list("workshop_id", flat=True)
    )
    if not workshops:
        return ""
    sessions = list(
        Session.objects.filter(
            presented_practice=practice,
            workshop__in=rules.workshops_visible_to(request.user).filter(pk__in=workshops),
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
