"""API v1 of the newsletter: the archive of sent issues, each as its reader may see it
(picked up by palabre/api.py through ``routers``). Same rules as the pages: anonymous
callers read nothing, members the network's issues and their organisations' ones."""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from palabre.lib.api import ErrorOut, Id, Offset, PageMeta
from palabre.lib.text import render_markdown
from palabre.newsletter import kinds
from palabre.permissions import newsletter as rules

router = Router(tags=["newsletter"])

MAX_LIMIT = 50


class IssueSummaryOut(Schema):
    id: int
    title: str
    organisation: str | None = Field(description="The organisation whose members it was for")
    sent_at: datetime | None
    url: str


class IssuePageOut(Schema):
    meta: PageMeta
    results: list[IssueSummaryOut]


class IssueItemOut(Schema):
    kind: str = Field(description="practice, workshop, question, feature, adoption, feedback, "
                      "announcement or text")  # fmt: skip
    label: str
    title: str
    url: str
    text: str = Field(description="Plain text")
    html: str = Field(description="Safe HTML")


class IssueOut(IssueSummaryOut):
    introduction: str = Field(description="Markdown")
    introduction_html: str
    items: list[IssueItemOut] = Field(description="Only the items you may see, in order")


def _summary(issue) -> dict:
    return {
        "id": issue.pk,
        "title": issue.title,
        "organisation": issue.organisation.name if issue.organisation_id else None,
        "sent_at": issue.sent_at,
        "url": issue.get_absolute_url(),
    }


@router.get("/issues", response=IssuePageOut, summary="The archive of sent issues")
def list_issues(request, offset: Offset = 0, limit: int = Query(20, ge=1, le=MAX_LIMIT)):
    """Sent issues you may read, newest first (none for anonymous callers)."""
    issues = rules.issues_visible_to(request.auth).select_related("organisation")
    issues = issues.order_by("-sent_at", "-pk")
    return {
        "meta": {"count": issues.count(), "limit": limit, "offset": offset},
        "results": [_summary(i) for i in issues[offset : offset + limit]],
    }


@router.get("/issues/{issue_id}", response={200: IssueOut, 404: ErrorOut})
def get_issue(request, issue_id: Id):
    """One sent issue (or a draft you compose) with only the items you may see."""
    issue = rules.issue_for(request.auth, issue_id)
    items = kinds.shown_items(issue.items.all(), request.auth)
    return {
        **_summary(issue),
        "introduction": issue.introduction,
        "introduction_html": str(render_markdown(issue.introduction)),
        "items": [
            {
                "kind": s.kind,
                "label": s.label or _("text"),
                "title": s.title,
                "url": s.url,
                "text": s.plain,
                "html": str(s.html),
            }
            for s in items
        ],
    }


routers = {"/newsletter": router}
