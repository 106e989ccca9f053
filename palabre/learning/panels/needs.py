"""Panels internal training adds to other apps' pages: needs.

- ``practice_detail`` and ``theme_detail``: "I want to learn this", for members (a
  form that works without JavaScript, swapped in place with htmx); on the theme page,
  facilitators and org admins also get the way to the theme's training need.

Importing this module also connects the tally of searches: each search page with a
query (``practices.signals.practice_searched``) adds one to the day's ``SearchTally`` of
that query. A failure there is logged, never shown: the search is answered anyway.
"""

from __future__ import annotations

import logging
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string

from palabre.learning.services.needs import search_tally
from palabre.learning.views.needs import render_wish_box
from palabre.lib import panels
from palabre.permissions import is_member
from palabre.permissions import learning as rules
from palabre.permissions import practices as practice_rules
from palabre.practices.signals import practice_searched

logger = logging.getLogger(__name__)


@panels.register("practice_detail", order=60)
def practice_wish(request: HttpRequest, *, practice: Any) -> str:
    user = request.user
    if not (is_member(user) and practice.is_published and practice_rules.can_view(user, practice)):
        return ""
    if practice_rules.is_author(user, practice):
        return ""  # its authors know it: they are the ones others may learn it from
    return render_to_string(
        "learning/needs/panel_wish.html",
        {"box": render_wish_box(request, practice=practice), "kind": "practice"},
        request,
    )


@panels.register("theme_detail", order=40)
def theme_wish(request: HttpRequest, *, theme: Any) -> str:
    user = request.user
    if not is_member(user):
        return ""
    return render_to_string(
        "learning/needs/panel_wish.html",
        {
            "box": render_wish_box(request, theme=theme),
            "kind": "theme",
            "theme": theme,
            "can_see_needs": rules.can_see_needs(user),
        },
        request,
    )


def tally_search(sender: Any, *, query: str = "", results: int = 0, **kwargs: Any) -> None:
    """One more search of ``query`` today (never breaks the search: errors are logged)."""
    try:
        search_tally(query=query, results=results)
    except Exception:
        logger.exception("The search could not be tallied")


practice_searched.connect(tally_search, dispatch_uid="learning.needs.tally_search")
