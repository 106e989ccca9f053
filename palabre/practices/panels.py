"""What the practice library adds to other apps' pages."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.template.loader import render_to_string

from palabre import permissions
from palabre.lib import panels
from palabre.organisations.models import Organisation
from palabre.permissions import practices as rules
from palabre.practices import page_cache, selectors
from palabre.practices.models import Attachment, Practice
from palabre.themes.models import Tag, Theme


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
    practices = selectors.one_per_practice(
        rules.practices_visible_to(request.user).filter(Q(authors=person)),
        links=rules.practices_visible_to(request.user),
    ).order_by("-last_published_at", "-pk")
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


# What the practice pages show of this app's records and those it names: kept pages of
# anonymous visitors are renewed when one changes (page_cache.py). A draft's autosaves
# change no page anyone else sees.
page_cache.watch(
    Practice,
    when=lambda practice: practice.status in (Practice.Status.PUBLISHED, Practice.Status.ARCHIVED),
)
page_cache.watch(
    Attachment,
    Practice.partners.through,
    Practice.authors.through,
    Practice.themes.through,
    Practice.tags.through,
    Organisation,
    Theme,
    Tag,
)
page_cache.watch(get_user_model(), fields=("display_name", "is_active"))
