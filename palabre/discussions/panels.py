"""What discussions add to other apps' pages: questions on a practice, a theme's space, follows."""

from __future__ import annotations

from django.template.loader import render_to_string

from palabre import permissions
from palabre.discussions import selectors
from palabre.discussions.forms import ThreadForm
from palabre.discussions.models import Answer, Space, Thread
from palabre.discussions.search import thread_search
from palabre.lib import panels
from palabre.permissions import discussions as rules
from palabre.permissions import practices as practice_rules
from palabre.permissions.workshops import can_view_workshop
from palabre.practices import page_cache

SHOWN = 5

# The practice page lists its questions (practices/page_cache.py).
page_cache.watch(Space, Thread, Answer)


@panels.register("practice_detail", order=20)
def practice_questions(request, *, practice) -> str:
    user = request.user
    if not practice_rules.can_view(user, practice):
        return ""
    space = Space.objects.filter(kind=Space.Kind.PRACTICE, practice=practice).first()
    threads = selectors.thread_list(user=user, space=space) if space is not None else None
    member = permissions.is_member(user)
    context = {
        "practice": practice,
        "threads": list(threads[:SHOWN]) if threads is not None else [],
        "total": threads.count() if threads is not None else 0,
        "can_ask": member and practice.is_published,
        "form": ThreadForm(user=user, auto_id="ask_%s")
        if member and practice.is_published
        else None,
        "follow_target": practice,
        "follow_kind": "practice",
        "follow_locked": practice_rules.is_author(user, practice),
        "following": selectors.is_following(user, practice),
        "is_member": member,
    }
    return render_to_string("discussions/panels/practice.html", context, request=request)


@panels.register("theme_detail", order=20)
def theme_space(request, *, theme) -> str:
    user = request.user
    member = permissions.is_member(user)
    threads = []
    total = 0
    if member:
        spaces = Space.objects.filter(
            kind=Space.Kind.THEME, theme__in=[theme, *theme.children.all()]
        )
        qs = selectors.thread_list(user=user).filter(space__in=spaces)
        threads, total = list(qs[:SHOWN]), qs.count()
    context = {
        "theme": theme,
        "threads": threads,
        "total": total,
        "is_member": member,
        "follow_target": theme,
        "follow_kind": "theme",
        "following": selectors.is_following(user, theme),
    }
    return render_to_string("discussions/panels/theme.html", context, request=request)


@panels.register("home", order=20)
def unanswered_questions(request) -> str:
    user = request.user
    if not permissions.is_member(user):
        return ""
    waiting = selectors.with_rows(selectors.unanswered_questions(user=user)).order_by(
        "-created_at", "-pk"
    )
    context = {"threads": list(waiting[:SHOWN]), "total": waiting.count()}
    if rules.can_moderate(user):
        context["overdue"] = selectors.unanswered_questions(
            user=user, older_than=selectors.unanswered_after()
        ).count()
        context["hours"] = int(selectors.unanswered_after().total_seconds() // 3600)
    return render_to_string("discussions/panels/home.html", context, request=request)


@panels.register("organisation_detail", order=80)
def follow_organisation(request, *, organisation) -> str:
    if not permissions.is_member(request.user):
        return ""
    context = {
        "organisation": organisation,
        "follow_target": organisation,
        "follow_kind": "organisation",
        "following": selectors.is_following(request.user, organisation),
    }
    return render_to_string("discussions/panels/organisation.html", context, request=request)


@panels.register("profile", order=80)
def own_follows(request, *, person) -> str:
    if not request.user.is_authenticated or request.user.pk != person.pk:
        return ""
    return render_to_string("discussions/panels/profile.html", {}, request=request)


@panels.register("search_results", order=10)
def matching_discussions(request, *, q) -> str:
    """Discussions matching a search, beside the practices found."""

    total, results = thread_search(user=request.user, q=q)
    if not total:
        return ""
    return render_to_string(
        "discussions/panels/search_results.html",
        {"total": total, "results": results, "q": q},
        request=request,
    )


@panels.register("workshop_detail", order=30)
def workshop_space(request, *, workshop) -> str:
    """The workshop's discussion space, for the members who may see the workshop."""

    user = request.user
    if not permissions.is_member(user) or not can_view_workshop(user, workshop):
        return ""
    space = Space.objects.filter(kind=Space.Kind.WORKSHOP, object_id=workshop.pk).first()
    threads = selectors.thread_list(user=user, space=space) if space is not None else None
    return render_to_string(
        "discussions/panels/workshop.html",
        {
            "workshop": workshop,
            "threads": list(threads[:SHOWN]) if threads is not None else [],
            "total": threads.count() if threads is not None else 0,
        },
        request=request,
    )
