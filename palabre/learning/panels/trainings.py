"""Panels internal training adds to other apps' pages: the trainings built on a practice
(practice page), the trainings of a theme (theme page), trainings found by a search."""

from __future__ import annotations

from django.template.loader import render_to_string

from palabre.learning.search import training_search
from palabre.learning.selectors import trainings as selectors
from palabre.lib import panels
from palabre.permissions import learning as rules
from palabre.permissions import practices as practice_rules

SHOWN = 5


@panels.register("practice_detail", order=45)
def practice_trainings(request, *, practice) -> str:
    """Published trainings built on this practice that the viewer may see, and a link to
    build one from it for those who may write trainings."""
    user = request.user
    if not practice_rules.can_view(user, practice):
        return ""
    trainings = list(selectors.trainings_of_practice(user=user, practice=practice)[: SHOWN + 1])
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
