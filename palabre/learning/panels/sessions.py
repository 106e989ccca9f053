"""Panels internal training adds to other apps' pages: sessions.

- On a workshop's page, when that workshop is a training session: the way to the
  session's own page (its training, trainers, certificate, exports).
- On one's own profile: "my trainings" in short.

The training page lists its sessions itself, with ``selectors.sessions.sessions_of``.
"""

from __future__ import annotations

from django.template.loader import render_to_string

from palabre.learning.models import TrainingSession
from palabre.learning.selectors import sessions as selectors
from palabre.lib import panels
from palabre.permissions import learning as rules
from palabre.workshops.models import Workshop

SHOWN = 3


@panels.register("workshop_detail", order=10)
def workshop_training_session(request, *, workshop) -> str:
    if workshop.kind != Workshop.Kind.TRAINING:
        return ""
    session = (
        rules.sessions_visible_to(request.user, TrainingSession.objects.filter(workshop=workshop))
        .select_related("training", "workshop")
        .first()
    )
    if session is None:
        return ""
    return render_to_string(
        "learning/sessions/panel_workshop.html", {"session": session}, request=request
    )


@panels.register("profile", order=60)
def own_trainings(request, *, person) -> str:
    """On one's own profile only: the next sessions and how many were followed."""
    if not request.user.is_authenticated or request.user.pk != person.pk:
        return ""
    mine = selectors.my_trainings(request.user)
    if mine.is_empty:
        return ""
    return render_to_string(
        "learning/sessions/panel_profile.html",
        {
            "upcoming": mine.upcoming[:SHOWN],
            "followed": sum(1 for r in mine.past if r.attended),
        },
        request=request,
    )
