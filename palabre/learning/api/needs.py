"""API v1 of internal training: needs.

- ``GET /api/v1/training-needs`` (``?organisation=<slug>&since=<date>``): the themes
  ranked by training need, with the count of each kind of signal, the score and the
  latest decision — for facilitators (the network, or one organisation) and org admins
  (their organisations); 404 for anyone else, as for the page. The evidence itself is on
  the page ``url``.
- ``POST /api/v1/training-needs/wishes`` ``{"practice": id}`` or ``{"theme": "slug"}``
  (and an optional ``note``): "I want to learn this" (201; 200 if you had already said
  so: it counts once). A practice you may not see answers 404.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.responses import Status

from palabre import permissions
from palabre.learning.selectors import needs as selectors
from palabre.learning.services import needs as services
from palabre.lib.api import ErrorOut, Id, InputSchema, example
from palabre.lib.errors import refuse
from palabre.permissions import learning as rules
from palabre.permissions import practices as practice_rules
from palabre.themes.models import Theme

router = Router(tags=["learning"])


class NeedThemeOut(Schema):
    slug: str
    name: str


class NeedCountsOut(Schema):
    wishes: int = Field(description="“I want to learn this” on the theme or its practices")
    skills: int = Field(description="Skills wanted on profiles matching the theme's name")
    feedback: int = Field(description="Feedback reports with difficulties or changes asked")
    abandoned: int = Field(description="Abandoned adoptions of its practices")
    unanswered: int = Field(description="Unanswered questions in its space or on its practices")
    searches: int = Field(description="Searches made often that found few practices")


class NeedDecisionOut(Schema):
    status: str = Field(description="covered, or training (turned into a training)")
    organisation: str | None = Field(description="The organisation's slug; null: the network")
    training: int | None = None
    note: str
    decided_at: datetime


class NeedOut(Schema):
    theme: NeedThemeOut
    score: int = Field(
        description="wishes×3 + skills×1 + (feedback + abandoned + unanswered)×2 + searches×1"
    )
    counts: NeedCountsOut
    decision: NeedDecisionOut | None
    url: str = Field(description="The page with the evidence behind the need")


class NeedWishIn(InputSchema):
    model_config = example(
        {"theme": "epargne-microfinance", "note": "Comment négocier avec la banque."}
    )

    practice: Id | None = Field(None, description="A practice's id (or give a theme)")
    theme: str | None = Field(None, description="A theme's slug (or give a practice)")
    note: str = Field("", description="What you would like to learn (300 characters)")


class NeedWishOut(Schema):
    id: int
    practice: int | None
    theme: str | None
    note: str
    created_at: datetime
    detail: str = Field(description="What happened, in your language")


def _decision(need: selectors.Need) -> dict[str, Any] | None:
    decision = need.decision
    if decision is None:
        return None
    return {
        "status": decision.status,
        "organisation": decision.organisation.slug if decision.organisation else None,
        "training": decision.training_id,
        "note": decision.note,
        "decided_at": decision.decided_at,
    }


@router.get(
    "",
    response={200: list[NeedOut], 404: ErrorOut},
    summary="Training needs ranked by theme, with the count of each kind of signal",
)
def list_needs(request: HttpRequest, organisation: str = "", since: date | None = None) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    if not rules.can_see_needs(user):
        raise Http404
    chosen = rules.needs_organisation_for(user, organisation) if organisation else None
    suffix = f"?organisation={chosen.slug}" if chosen is not None else ""
    return [
        {
            "theme": {"slug": need.theme.slug, "name": need.theme.name},
            "score": need.score,
            "counts": need.counts,
            "decision": _decision(need),
            "url": reverse("learning:need", args=[need.theme.slug]) + suffix,
        }
        for need in selectors.needs_ranking(viewer=user, organisation=chosen, since=since)
    ]


@router.post(
    "/wishes",
    response={200: NeedWishOut, 201: NeedWishOut, 400: ErrorOut, 401: ErrorOut, 404: ErrorOut},
    summary="Say “I want to learn this” about a practice or a theme (once)",
)
def add_wish(request: HttpRequest, payload: NeedWishIn) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    if not permissions.is_member(user):
        refuse(_("Log in (send a token) to say what you want to learn."), status=401)
    if (payload.practice is None) == (not payload.theme):
        refuse(_("Say what you want to learn: a practice or a theme."))
    practice = theme = None
    if payload.practice is not None:
        practice = practice_rules.practice_for(user, payload.practice)
    else:
        theme = get_object_or_404(Theme, slug=payload.theme)
    wish = services.wish_add(person=user, practice=practice, theme=theme, note=payload.note)
    duplicate = wish.duplicate  # type: ignore[attr-defined]
    out = {
        "id": wish.pk,
        "practice": wish.practice_id,
        "theme": theme.slug if theme is not None else None,
        "note": wish.note,
        "created_at": wish.created_at,
        "detail": _("You already said you want to learn it: it counts once.")
        if duplicate
        else _("Noted: it counts as a training need."),
    }
    return Status(200 if duplicate else 201, out)
