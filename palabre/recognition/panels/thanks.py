"""Panels recognition adds to other apps' pages: the "merci" box of each thankable item.

Slots: ``practice_detail`` (practice=), ``answer_footer`` (answer=, on a thread page),
``session_footer`` (session=, an experience presentation), ``restitution_footer``
(restitution=, session=), ``feedback_footer`` (report=, on an adoption's page).

A page that shows several items of one kind (a thread's answers, an adoption's feedback
reports) renders the slot once per item: the counts of all of them are read in one query
the first time, and kept on the request for the others.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string

from palabre.adoptions.models import Adoption, FeedbackReport
from palabre.discussions.models import Answer
from palabre.lib import panels
from palabre.permissions import recognition as rules
from palabre.practices import page_cache
from palabre.recognition.models import Thanks
from palabre.recognition.selectors import thanks as selectors
from palabre.recognition.views.thanks import render_box

Kind = Thanks.Kind

# The practice page shows how many thanked it (practices/page_cache.py).
page_cache.watch(Thanks)


def _memo(request: HttpRequest) -> dict[Any, Any]:
    """What this request already read about thanks (counts per page part, shared parents)."""
    memo = getattr(request, "_palabre_thanks", None)
    if memo is None:
        memo = {}
        request._palabre_thanks = memo  # type: ignore[attr-defined]
    return memo


def _summaries(request: HttpRequest, kind: str, scope: Any, ids: Any) -> dict[int, Any]:
    """The summaries of every item of ``kind`` in ``scope`` (one query per request)."""
    memo = _memo(request)
    key = ("summaries", kind, scope)
    if key not in memo:
        memo[key] = selectors.thanks_summary(request.user, kind, ids)
    found: dict[int, Any] = memo[key]
    return found


def _box(request: HttpRequest, kind: str, item: Any, summary: Any, **extra: Any) -> str:
    if not rules.can_see_thanked(request.user, kind, item):
        return ""
    anchor = f"#thanks-{kind}-{item.pk}"
    return render_box(request, kind, item, summary, next_url=request.path + anchor, **extra)


@panels.register("practice_detail", order=15)
def practice_thanks(request: HttpRequest, *, practice: Any) -> str:
    if not rules.can_see_thanked(request.user, Kind.PRACTICE, practice):
        return ""
    summary = selectors.thanks_summary_of(request.user, Kind.PRACTICE, practice)
    can_thank = rules.can_thank(request.user, Kind.PRACTICE, practice)
    if not (can_thank or summary.count):
        return ""
    return render_to_string(
        "recognition/thanks/panel_practice.html",
        {
            "box": _box(request, Kind.PRACTICE, practice, summary, can_thank=can_thank),
            "can_thank": can_thank,
        },
        request,
    )


@panels.register("answer_footer")
def answer_thanks(request: HttpRequest, *, answer: Any) -> str:
    """Under each answer of a thread: every answer's count is read once for the page."""
    thread_id = answer.thread_id
    summaries = _summaries(
        request,
        Kind.ANSWER,
        ("thread", thread_id),
        Answer.objects.filter(thread_id=thread_id).values("pk"),
    )
    return _box(request, Kind.ANSWER, answer, summaries.get(answer.pk, selectors.NONE))


@panels.register("session_footer")
def presentation_thanks(request: HttpRequest, *, session: Any) -> str:
    """On an experience presentation's page: thank its presenter."""
    if session is None or session.kind != session.Kind.PRESENTATION or not session.presenter_id:
        return ""
    summary = selectors.thanks_summary_of(request.user, Kind.PRESENTATION, session)
    return _box(request, Kind.PRESENTATION, session, summary)


@panels.register("restitution_footer")
def restitution_thanks(request: HttpRequest, *, restitution: Any, session: Any = None) -> str:
    """Under a final restitution: thank the person who wrote it."""
    if restitution is None or not restitution.is_final:
        return ""
    if session is not None and session.pk == restitution.session_id:
        restitution.session = session  # the page's own session: nothing to read again
    summary = selectors.thanks_summary_of(request.user, Kind.RESTITUTION, restitution)
    return _box(request, Kind.RESTITUTION, restitution, summary)


@panels.register("feedback_footer")
def feedback_thanks(request: HttpRequest, *, report: Any) -> str:
    """Under each feedback report of an adoption: the counts of all its reports at once."""
    adoption_id = report.adoption_id
    # The page's reports share one adoption (and practice): the rule then reads the
    # practice's partners and authors once for the page, not once per report.
    memo = _memo(request)
    key = ("adoption", adoption_id)
    cached = FeedbackReport.adoption.is_cached(report)  # type: ignore[attr-defined]
    if key not in memo:
        memo[key] = (
            report.adoption
            if cached
            else Adoption.objects.select_related("practice").filter(pk=adoption_id).first()
        )
    shared = memo[key]
    if shared is None:
        return ""
    if not cached or report.adoption is not shared:
        report.adoption = shared
    summaries = _summaries(
        request,
        Kind.FEEDBACK,
        ("adoption", adoption_id),
        FeedbackReport.objects.filter(adoption_id=adoption_id).values("pk"),
    )
    return _box(request, Kind.FEEDBACK, report, summaries.get(report.pk, selectors.NONE))
