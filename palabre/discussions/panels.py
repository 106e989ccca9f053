"""What discussions add to other apps' pages: questions on a practice, a theme's space, follows."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Case, Count, Q, QuerySet, When
from django.template.loader import render_to_string
from django.utils import timezone

from palabre import permissions
from palabre.discussions import selectors
from palabre.discussions.forms import ThreadForm
from palabre.discussions.mentions import normalise
from palabre.discussions.models import Answer, Space, Subscription, Thread
from palabre.discussions.search import thread_search
from palabre.lib import panels
from palabre.permissions import discussions as rules
from palabre.permissions import practices as practice_rules
from palabre.permissions.workshops import can_view_workshop
from palabre.practices import page_cache
from palabre.practices import selectors as practice_selectors
from palabre.practices.models import Practice
from palabre.themes.models import Theme

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


# "Mon Palabre" ---------------------------------------------------------------------

HOME_ITEMS = 3
NEWS_DAYS = 30


def _my_theme_ids(user) -> QuerySet[Theme]:
    """The themes a person knows about: those they follow, those of the practices they
    wrote, and those whose name matches a skill they offer on their profile."""
    mine = Q(pk__in=Subscription.objects.filter(user=user, kind="theme").values("theme_id"))
    mine |= Q(
        pk__in=Practice.themes.through.objects.filter(
            practice__in=Practice.authors.through.objects.filter(user=user).values("practice_id")
        ).values("theme_id")
    )
    skills = user.skills_offered_list
    if skills:
        matched = [
            pk
            for pk, name_fr, name_en in Theme.objects.values_list("pk", "name_fr", "name_en")
            if selectors._skill_matches(
                skills, [normalise(n.replace("-", " ")) for n in (name_fr, name_en)]
            )
        ]
        mine |= Q(pk__in=matched)
    return Theme.objects.filter(mine).values("pk")


def _about(themes, practices) -> Q:
    """Threads on these themes (or their sub-themes), or on practices about them or among
    ``practices``."""
    on_themes = Practice.themes.through.objects.filter(
        Q(theme__in=themes) | Q(theme__parent__in=themes)
    ).values("practice_id")
    return (
        Q(space__theme__in=themes)
        | Q(space__theme__parent__in=themes)
        | Q(space__practice__in=on_themes)
        | Q(space__practice__in=practices)
    )


def _rows(qs) -> list[Thread]:
    threads = list(qs)
    Space.read_workshops([t.space for t in threads])
    return threads


@panels.register("home_needs", order=20)
def home_questions(request) -> str:
    """Questions nobody answered yet that I could answer: on my practices, my themes, the
    themes my offered skills name; and my own questions still waiting. One query when
    there are none (two for moderators, who also see how many wait too long)."""
    user = request.user
    if not permissions.is_member(user):
        return ""
    my_practices = Practice.authors.through.objects.filter(user=user).values("practice_id")
    for_me = _about(_my_theme_ids(user), my_practices) & ~Q(author=user)
    waiting = (
        selectors.with_rows(selectors.unanswered_questions(user=user))
        .filter(for_me | Q(author=user))
        .annotate(mine=Case(When(author=user, then=1), default=0))
        .order_by("-created_at", "-pk")
    )
    limit = 2 * HOME_ITEMS + 2
    rows = _rows(waiting[:limit])
    could = [t for t in rows if not t.mine]
    asked = [t for t in rows if t.mine]
    context = {
        "could": could[:HOME_ITEMS],
        "could_total": len(could),
        "asked": asked[:HOME_ITEMS],
        "asked_total": len(asked),
        "has_skills": bool(user.skills_offered_list),
    }
    if len(rows) == limit:  # more than shown: count them
        context.update(
            waiting.order_by().aggregate(
                could_total=Count("pk", filter=Q(mine=0)), asked_total=Count("pk", filter=Q(mine=1))
            )
        )
    if rules.can_moderate(user):
        context["overdue"] = selectors.unanswered_questions(
            user=user, older_than=selectors.unanswered_after()
        ).count()
        context["hours"] = int(selectors.unanswered_after().total_seconds() // 3600)
    return render_to_string("discussions/_home_needs.html", context, request=request)


@panels.register("home_news", order=10)
def home_news(request) -> str:
    """What is new, these last weeks, in what I follow: practices published in the themes
    and organisations I follow (or new versions of the practices I follow), and the
    discussions opened there. One query when I follow nothing."""
    user = request.user
    if not permissions.is_member(user):
        return ""
    follows = list(
        Subscription.objects.filter(user=user).values_list(
            "kind", "theme_id", "organisation_id", "practice_id", "thread_id"
        )
    )
    themes = [t for kind, t, _o, _p, _th in follows if kind == "theme"]
    organisations = [o for kind, _t, o, _p, _th in follows if kind == "organisation"]
    practices = [p for kind, _t, _o, p, _th in follows if kind == "practice"]
    threads = [th for kind, _t, _o, _p, th in follows if kind == "thread"]
    context = {"follows": bool(follows), "days": NEWS_DAYS}
    if follows:
        since = timezone.now() - timedelta(days=NEWS_DAYS)
        my_practices = Practice.authors.through.objects.filter(user=user).values("practice_id")
        about = (
            Q(
                pk__in=Practice.themes.through.objects.filter(
                    Q(theme__in=themes) | Q(theme__parent__in=themes)
                ).values("practice_id")
            )
            | Q(lead_organisation__in=organisations)
            | Q(
                pk__in=Practice.partners.through.objects.filter(
                    organisation__in=organisations
                ).values("practice_id")
            )
            | Q(pk__in=practices)
            | Q(translation_of__in=practices)
        )
        new_practices = (
            practice_selectors.practice_list(user=user)
            .filter(about, last_published_at__gte=since)
            .exclude(pk__in=my_practices)
        )
        shown = list(new_practices[: HOME_ITEMS + 1])
        context["practices"] = shown[:HOME_ITEMS]
        context["practices_total"] = (
            new_practices.count() if len(shown) > HOME_ITEMS else len(shown)
        )
        new_threads = (
            selectors.thread_list(user=user)
            .filter(
                (_about(themes, practices) & Q(created_at__gte=since))
                | Q(pk__in=threads, last_activity_at__gte=since)
            )
            .exclude(author=user)
            # Questions on my own practices are in "home_needs" already.
            .exclude(space__practice__in=my_practices)
        )
        rows = _rows(new_threads[: HOME_ITEMS + 1])
        context["threads"] = rows[:HOME_ITEMS]
        context["threads_total"] = new_threads.count() if len(rows) > HOME_ITEMS else len(rows)
    return render_to_string("discussions/_home_news.html", context, request=request)


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
