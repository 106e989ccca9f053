"""Panels internal training adds to other apps' pages: quiz.

- ``profile``: on one's own profile only, one's latest quiz scores before and after
  each training session (nobody else sees them).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from palabre.learning.selectors import quiz as selectors
from palabre.lib import panels
from palabre.permissions import is_member
from palabre.permissions import learning as rules

PROFILE_SESSIONS = 5


@panels.register("profile", order=60)
def my_quiz_scores(request: HttpRequest, *, person: Any) -> str:
    viewer = request.user
    if not is_member(viewer) or viewer.pk != person.pk:
        return ""
    rows = selectors.my_scores(viewer, limit=PROFILE_SESSIONS)
    if not rows:
        return ""
    return render_to_string("learning/quiz/panel_profile.html", {"rows": rows}, request=request)


@panels.register("training_session", order=10)
def session_quiz(request: HttpRequest, *, session: Any) -> str:
    """On a session's page: the quiz before and after for participants, the results for
    its trainers (nothing when the training has no question)."""
    viewer = request.user
    if not session.training.questions.exists():
        return ""
    context = {
        "session": session,
        # The quiz after the session opens on its first day.
        "after_open": session.workshop.start_date <= timezone.localdate(),
        "can_take": rules.can_take_quiz(viewer, session),
        "can_see_results": rules.can_see_quiz_results(viewer, session),
    }
    if not (context["can_take"] or context["can_see_results"]):
        return ""
    return render_to_string("learning/quiz/panel_session.html", context, request=request)
