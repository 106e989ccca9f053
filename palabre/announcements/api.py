"""API v1 of announcements.

``/api/v1/announcements``:

- GET: the announcements addressed to you that run now and that you have not hidden;
- POST ``/{id}/dismiss``: hide one (again: no change). One not addressed to you answers
  404, like what does not exist.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from palabre.announcements import selectors, services
from palabre.announcements.models import Announcement
from palabre.lib.api import ErrorOut, Id
from palabre.lib.errors import refuse
from palabre.lib.text import render_markdown
from palabre.permissions import announcements as rules
from palabre.permissions import is_member

router = Router(tags=["announcements"])


class AnnouncementOut(Schema):
    id: int
    title: str
    body: str = Field(description="Markdown, as written")
    body_html: str = Field(description="The text as safe HTML")
    url: str = Field(description="The link it points to, or empty")
    starts_at: datetime
    ends_at: datetime
    campaign: str = Field(description="The campaign's title, or empty")


class DismissOut(Schema):
    id: int
    dismissed_at: datetime
    detail: str


def _member(request: HttpRequest) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    if not is_member(user):
        refuse(_("Log in (send a token) to do this."), status=401)
    return user


def _out(item: Announcement) -> dict[str, Any]:
    return {
        "id": item.pk,
        "title": item.title,
        "body": item.body,
        "body_html": str(render_markdown(item.body)) if item.body else "",
        "url": item.url,
        "starts_at": item.starts_at,
        "ends_at": item.ends_at,
        "campaign": item.campaign.title if item.campaign else "",
    }


@router.get(
    "",
    response={200: list[AnnouncementOut], 401: ErrorOut},
    summary="The announcements addressed to you that run now and that you have not hidden",
)
def list_announcements(request: HttpRequest) -> Any:
    user = _member(request)
    return [_out(a) for a in selectors.current_for(user).select_related("campaign")[:100]]


@router.post(
    "/{announcement_id}/dismiss",
    response={200: DismissOut, 401: ErrorOut, 404: ErrorOut},
    summary="Hide an announcement addressed to you",
)
def dismiss_announcement(request: HttpRequest, announcement_id: Id) -> Any:
    user = _member(request)
    announcement = rules.announcement_for(user, announcement_id)
    mark = services.announcement_dismiss(announcement=announcement, by=user)
    return {
        "id": announcement.pk,
        "dismissed_at": mark.dismissed_at,
        "detail": _("The announcement is hidden."),
    }


routers = {"/announcements": router}
