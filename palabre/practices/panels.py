"""What the practice library adds to other apps' pages."""

from __future__ import annotations

from django.db.models import Q
from django.template.loader import render_to_string

from palabre import permissions
from palabre.lib import panels
from palabre.permissions import practices as rules
from palabre.practices import selectors


@panels.register("home", order=10)
def home_practices(request) -> str:
    latest = selectors.practice_list(user=request.user)[:6]
    context = {"latest": latest, "request": request}
    if permissions.is_member(request.user):
        context["in_progress"] = selectors.practices_in_progress(user=request.user).count()
        if permissions.is_facilitator(request.user):
            context["to_review"] = selectors.practices_to_review().count()
    return render_to_string("practices/panels/home.html", context, request=request)


@panels.register("theme_detail", order=10)
def theme_practices(request, *, theme) -> str:
    practices = selectors.practice_list(user=request.user, theme=theme)
    return render_to_string(
        "practices/panels/list.html",
        {
            "practices": practices[:20],
            "total": practices.count(),
            "more_url": f"/practices/?theme={theme.slug}",
        },
        request=request,
    )


@panels.register("organisation_detail", order=10)
def organisation_practices(request, *, organisation) -> str:
    practices = selectors.practice_list(user=request.user, organisation=organisation)
    return render_to_string(
        "practices/panels/list.html",
        {
            "practices": practices[:20],
            "total": practices.count(),
            "more_url": f"/practices/?organisation={organisation.slug}",
        },
        request=request,
    )


@panels.register("profile", order=10)
def person_practices(request, *, person) -> str:
    practices = (
        rules.practices_visible_to(request.user)
        .filter(Q(authors=person))
        .with_cards()
        .order_by("-last_published_at")
    )
    return render_to_string(
        "practices/panels/list.html",
        {"practices": practices[:20], "total": practices.count(), "title_authored": True},
        request=request,
    )


@panels.register("practice_detail", order=20)
def similar(request, *, practice) -> str:
    """A link to the similar practices, which htmx loads in place once scrolled to: the
    fiche itself reaches a slow phone first."""
    if not practice.is_published:
        return ""
    return render_to_string(
        "practices/panels/similar_link.html", {"practice": practice}, request=request
    )
