"""Panels internal training adds to other apps' pages: the trainings built on a practice
(practice page), the trainings of a theme (theme page), trainings found by a search."""

from __future__ import annotations

from django.template.loader import render_to_string

from palabre.learning.models import FollowUp, Training, TrainingPractice, TrainingSession
from palabre.learning.search import training_search
from palabre.learning.selectors import trainings as selectors
from palabre.lib import panels
from palabre.permissions import learning as rules
from palabre.permissions import practices as practice_rules
from palabre.practices import page_cache

SHOWN = 5

# The practice page shows the trainings built on it and what they led to (follow-ups):
# practices/page_cache.py.
page_cache.watch(Training, TrainingPractice, TrainingSession, FollowUp)


def built_on(request, practice) -> list:
    """The published trainings built on this practice that the viewer may see (the first
    SHOWN + 1), read once per request: the trainings and their results both need them."""
    memo = request.__dict__.setdefault("_palabre_trainings_built_on", {})
    if practice.pk not in memo:
        memo[practice.pk] = []
        # Most practices have no training built on them: one small query says so.
        if TrainingPractice.objects.filter(practice=practice).exists():
            trainings = selectors.trainings_of_practice(user=request.user, practice=practice)
            memo[practice.pk] = list(trainings[: SHOWN + 1])
    return memo[practice.pk]


@panels.register("practice_detail", order=45)
def practice_trainings(request, *, practice) -> str:
    """Published trainings built on this practice that the viewer may see, and a link to
    build one from it for those who may write trainings."""
    user = request.user
    if not practice_rules.can_view(user, practice):
        return ""
    trainings = built_on(request, practice)
    can_build = practice.is_published and rules.can_create(user)
    if not trainings and not can_build:
        return ""
    context = {
        "practice": practice,
        "trainings": trainings[:SHOWN],
        "more": len(trainings) > SHOWN,
        "can_build": can_build,
    }
    return render_to_string("learning/trainings/panels/practice.html", context, request=request)


@panels.register("theme_detail", order=45)
def theme_trainings(request, *, theme) -> str:
    trainings = list(selectors.trainings_of_theme(user=request.user, theme=theme)[: SHOWN + 1])
    if not trainings:
        return ""
    context = {"theme": theme, "trainings": trainings[:SHOWN], "more": len(trainings) > SHOWN}
    return render_to_string("learning/trainings/panels/theme.html", context, request=request)


@panels.register("search_results", order=15)
def matching_trainings(request, *, q) -> str:
    """Trainings matching a search, beside the practices found."""
    total, results = training_search(user=request.user, q=q)
    if not total:
        return ""
    return render_to_string(
        "learning/trainings/panels/search_results.html",
        {"total": total, "results": results, "q": q},
        request=request,
    )
