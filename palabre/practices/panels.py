"""What the practice library adds to other apps' pages."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Case, Count, Q, When
from django.template.loader import render_to_string

from palabre import permissions
from palabre.lib import panels
from palabre.organisations.models import Organisation
from palabre.permissions import practices as rules
from palabre.practices import page_cache, selectors
from palabre.practices.models import Attachment, Practice
from palabre.themes.models import Tag, Theme

HOME_ITEMS = 3


@panels.register("home", order=10)
def home_practices(request) -> str:
    """The latest practices, for everyone (a member's own work is in "home_needs")."""
    latest = selectors.practice_list(user=request.user)[:6]
    context = {"latest": latest, "request": request}
    return render_to_string("practices/panels/home.html", context, request=request)


@panels.register("home_needs", order=10)
def home_my_practices(request) -> str:
    """My drafts, those sent back with changes requested first; for facilitators, the
    practices waiting for their review. One query when there is nothing."""
    user = request.user
    if not permissions.is_member(user):
        return ""
    first = Case(When(status=Practice.Status.CHANGES_REQUESTED, then=0), default=1)
    mine = selectors.practices_in_progress(user=user)
    items = list(mine.order_by(first, "-updated_at", "-pk")[: HOME_ITEMS + 1])
    context = {"items": items[:HOME_ITEMS], "total": len(items), "changes": 0}
    if len(items) > HOME_ITEMS or any(p.status == Practice.Status.CHANGES_REQUESTED for p in items):
        context.update(
            mine.aggregate(
                total=Count("pk"),
                changes=Count("pk", filter=Q(status=Practice.Status.CHANGES_REQUESTED)),
            )
        )
    if permissions.is_facilitator(user):
        to_review = selectors.practices_to_review()
        review_items = list(to_review[: HOME_ITEMS + 1])
        context["review_items"] = review_items[:HOME_ITEMS]
        context["to_review"] = (
            to_review.count() if len(review_items) > HOME_ITEMS else len(review_items)
        )
        context["reviewer"] = True
    return render_to_string("practices/_home_needs.html", context, request=request)


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
