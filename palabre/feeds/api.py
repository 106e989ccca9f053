"""API v1 of feeds: the addresses of one's private feeds and calendar.

- ``GET /api/v1/feeds/mine``: whether you have private addresses, when they were made
  or last renewed, and the addresses (null until you make them).
- ``POST /api/v1/feeds/mine/renew``: make them (the first time) or renew them: the old
  addresses answer 404 from then on. No body.
Both need a token (401 without one): the addresses hold your secret.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from palabre import permissions
from palabre.feeds import services
from palabre.feeds.addresses import private_addresses
from palabre.feeds.models import FeedToken
from palabre.lib.api import ErrorOut
from palabre.lib.errors import refuse
from palabre.permissions import feeds as rules

router = Router(tags=["feeds"])


class FeedAddressOut(Schema):
    key: str = Field(description="agenda, practices, workshops, questions or agenda_feed")
    label: str = Field(description="What it is, in your language")
    url: str = Field(description="The address (Atom feed or iCalendar subscription)")
    webcal: str = Field(description="For calendars: the same address as webcal://; else empty")


class MyFeedsOut(Schema):
    exists: bool = Field(description="Have you made your private addresses?")
    created_at: datetime | None
    renewed_at: datetime | None
    addresses: list[FeedAddressOut] | None = Field(
        description="Your private addresses; null until you make them"
    )
    detail: str = Field("", description="What happened, in your language")


def _out(token: FeedToken | None, detail: str = "") -> dict[str, Any]:
    if token is None:
        return {
            "exists": False,
            "created_at": None,
            "renewed_at": None,
            "addresses": None,
            "detail": detail,
        }
    return {
        "exists": True,
        "created_at": token.created_at,
        "renewed_at": token.renewed_at,
        "addresses": [
            {"key": a.key, "label": a.label, "url": a.url, "webcal": a.webcal}
            for a in private_addresses(token)
        ],
        "detail": detail,
    }


def _member(request: HttpRequest) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    if not permissions.is_member(user):
        refuse(_("Log in (send a token) to see your feed addresses."), status=401)
    return user


@router.get(
    "/mine",
    response={200: MyFeedsOut, 401: ErrorOut},
    summary="The addresses of your private feeds and calendar",
)
def my_feeds(request: HttpRequest) -> Any:
    return _out(rules.feed_token_of(_member(request)))


@router.post(
    "/mine/renew",
    response={200: MyFeedsOut, 401: ErrorOut, 403: ErrorOut},
    summary="Make your private addresses, or renew them (the old ones stop working)",
)
def renew_my_feeds(request: HttpRequest) -> Any:
    user = _member(request)
    had_one = rules.feed_token_of(user) is not None
    token = services.feed_token_renew(person=user)
    detail = (
        _("New addresses made: the old ones no longer work.")
        if had_one
        else _("Your private addresses are ready.")
    )
    return _out(token, detail)


routers = {"/feeds": router}
