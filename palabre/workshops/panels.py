"""What the workshops add to other apps' pages: the home page, practices, organisations."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone

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


HOME_ITEMS = 3


@panels.register("home", order=30)
def home_workshops(request) -> str:
    """The next exchange workshops, for everyone (a member's own are in "home_needs")."""
    upcoming = list(selectors.workshop_list(user=request.user, when="upcoming")[:3])
    if not upcoming:
        return ""
    context = {"upcoming": upcoming, "request": request}
    return render_to_string("workshops/panels/home.html", context, request=request)


@panels.register("home_needs", order=40)
def home_my_workshops(request) -> str:
    """The workshops and training sessions I registered for, soonest first, and the
    actions in my hands or my organisations'. Two small queries when there is nothing."""
    user = request.user
    if not permissions.is_member(user):
        return ""
    mine = (
        selectors.my_registrations(user=user)
        .filter(workshop__end_date__gte=timezone.localdate())
        .order_by("workshop__start_date", "workshop__pk")
    )
    registrations = list(mine[: HOME_ITEMS + 1])
    actions = list(selectors.actions_of(user=user)[:HOME_ITEMS])
    context = {
        "registrations": registrations[:HOME_ITEMS],
        "registrations_total": mine.count()
        if len(registrations) > HOME_ITEMS
        else len(registrations),
        "actions": actions[:HOME_ITEMS],
        "overdue": sum(1 for a in actions if a.is_overdue),
    }
    return render_to_string("workshops/_home_needs.html", context, request=request)


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
