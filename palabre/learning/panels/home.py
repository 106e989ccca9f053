"""What internal training adds to the member's home ("Mon Palabre", slot "home_needs"):
the trainings I am writing (those sent back first) and, for facilitators, those waiting
for their review. Nothing for a member who writes no training; one query to know it."""

from __future__ import annotations

from django.db.models import Case, Q, When
from django.template.loader import render_to_string

from palabre.learning.models import Training
from palabre.lib import panels
from palabre.permissions import is_member
from palabre.permissions import learning as rules

HOME_ITEMS = 3
# Enough rows to fill both lists (the full lists are on "My trainings in progress").
ROWS = 2 * HOME_ITEMS


@panels.register("home_needs", order=15)
def home_trainings(request) -> str:
    user = request.user
    if not is_member(user):
        return ""
    reviewer = rules.can_review(user)
    mine = Q(pk__in=rules.trainings_edited_by(user).values("pk")) & ~Q(
        status=Training.Status.PUBLISHED
    )
    wanted = mine | Q(status=Training.Status.SUBMITTED) if reviewer else mine
    rows = list(
        Training.objects.filter(wanted)
        .annotate(is_mine=Case(When(mine, then=1), default=0))
        .select_related("organisation")
        .order_by("-is_mine", "-updated_at", "-pk")[:ROWS]
    )
    writing = [t for t in rows if t.is_mine]
    to_review = [t for t in rows if t.status == Training.Status.SUBMITTED and reviewer]
    if not writing and not reviewer:
        return ""
    context = {
        "writing": writing[:HOME_ITEMS],
        "reviewer": reviewer,
        "to_review": to_review[:HOME_ITEMS],
    }
    return render_to_string("learning/_home_needs.html", context, request=request)
