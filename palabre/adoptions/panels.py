"""What adoptions add to other apps' pages: the practice page, organisations, the home page."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone

from palabre import permissions
from palabre.adoptions import selectors
from palabre.adoptions.models import Adoption, FeedbackReport
from palabre.lib import panels
from palabre.permissions import adoptions as rules
from palabre.permissions import practices as practice_rules
from palabre.practices import page_cache
from palabre.practices.models import Practice

PANEL_QUOTES = 4
HOME_ITEMS = 3

# The practice page shows adoptions and what their reports say (practices/page_cache.py).
page_cache.watch(Adoption, FeedbackReport)


@panels.register("practice_detail", order=20)
def practice_adoptions(request, *, practice) -> str:
    """Maturity and its evidence, where it was adopted, outcomes, and the feedback texts."""
    if practice.status not in (Practice.Status.PUBLISHED, Practice.Status.ARCHIVED):
        return ""
    user = request.user
    members = rules.can_see_adopters(user)
    outcomes = selectors.practice_outcomes(practice)
    adopted = outcomes.total > 0
    context = {
        "practice": practice,
        "outcomes": outcomes,
        "evidence": selectors.maturity_evidence(practice, has_adoptions=adopted),
        "positive_effectiveness": settings.ADOPTIONS_POSITIVE_EFFECTIVENESS,
        "members": members,
        "can_adopt": practice.is_published and rules.can_record_adoption(user, practice),
    }
    if members and adopted:
        reports = list(selectors.practice_feedback(practice, user=user)[:60])
        grouped = selectors.grouped_feedback(reports)
        context.update(
            adopters=list(selectors.practice_adopters(practice, user=user)[:10]),
            feedback={key: items[:PANEL_QUOTES] for key, items in grouped.items()},
            feedback_more={key: len(items) > PANEL_QUOTES for key, items in grouped.items()},
            can_answer=bool(grouped["suggestions"]) and practice_rules.can_edit(user, practice),
            mine=Adoption.objects.filter(
                practice=practice, organisation__in=permissions.org_ids(user)
            ).select_related("organisation"),
        )
    return render_to_string("adoptions/panels/practice.html", context, request=request)


@panels.register("organisation_detail", order=30)
def organisation_adoptions(request, *, organisation) -> str:
    user = request.user
    if not rules.can_see_adopters(user):
        return ""
    adoptions = (
        rules.adoptions_visible_to(user)
        .filter(organisation=organisation)
        .select_related("practice")
        .order_by("-started_on", "-pk")
    )
    return render_to_string(
        "adoptions/panels/organisation.html",
        {
            "organisation": organisation,
            "adoptions": adoptions[:10],
            "total": adoptions.count(),
            "can_see_dashboard": rules.can_see_organisation_dashboard(user, organisation),
        },
        request=request,
    )


@panels.register("home_needs", order=30)
def home_impact(request) -> str:
    """The feedback my organisations owe on the practices they adopted, and how many
    adoptions are open: one query (the organisation's adoptions and their last report)."""
    user = request.user
    ids = permissions.org_ids(user)
    if not ids:
        return ""
    today = timezone.localdate()
    rows = list(
        rules.adoptions_visible_to(user)
        .filter(organisation__in=ids)
        .annotate(last_report_on=Max("reports__reported_on"))
        .select_related("practice", "organisation")
    )
    due = sorted(
        (d for a in rows if (d := selectors.feedback_due_for(a, a.last_report_on, today))),
        key=lambda d: (d.due_on, d.adoption.pk),
    )
    open_count = sum(
        1 for a in rows if a.status in (Adoption.Status.PLANNED, Adoption.Status.IN_PROGRESS)
    )
    return render_to_string(
        "adoptions/panels/home.html",
        {"due": due[:HOME_ITEMS], "due_count": len(due), "open_count": open_count},
        request=request,
    )
