"""API v1 of recognition: thanks.

``/api/v1/thanks/{kind}/{id}`` — ``kind`` is practice, answer, presentation (a workshop
session), restitution or feedback (a feedback report):

- GET: the count, whether you thanked it, and the thanks you may see, with their messages;
- POST ``{"message": "…"}`` (or ``{}``): say thank you (201; 200 if you already had,
  counted once);
- DELETE: withdraw your thanks.

What you may not see answers 404, like what does not exist.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.responses import Status

from palabre import permissions
from palabre.lib.api import ErrorOut, Id, InputSchema, example
from palabre.lib.errors import refuse
from palabre.permissions import recognition as rules
from palabre.recognition.selectors import thanks as selectors
from palabre.recognition.services import thanks as services

router = Router(tags=["recognition"])


class ThanksPersonOut(Schema):
    id: int
    name: str


class ThanksEntryOut(Schema):
    giver: ThanksPersonOut
    message: str
    created_at: datetime


class ThanksOut(Schema):
    kind: str = Field(description="practice, answer, presentation, restitution or feedback")
    id: int
    title: str = Field(description="What the item is called (its practice, thread or session)")
    url: str
    count: int = Field(description="How many thanks it has, as you may count them")
    thanked_by_me: bool
    can_thank: bool = Field(description="Whether you may thank it (not your own, logged in)")
    thanks: list[ThanksEntryOut] = Field(description="Newest first, with their messages")


class ThanksResultOut(ThanksOut):
    detail: str = Field(description="What happened, in your language")


class ThanksIn(InputSchema):
    model_config = example({"message": "Merci, nous l'avons essayé à Moundou !"})

    message: str = Field("", description="An optional short word, plain text (280 characters)")


def _out(request: HttpRequest, kind: str, item: Any, **extra: Any) -> dict[str, Any]:
    user = request.auth  # type: ignore[attr-defined]
    summary = selectors.thanks_summary_of(user, kind, item)
    return {
        "kind": kind,
        "id": item.pk,
        "title": selectors.thanked_item_title(kind, item),
        "url": selectors.thanked_item_url(kind, item),
        "count": summary.count,
        "thanked_by_me": summary.mine,
        "can_thank": rules.can_thank(user, kind, item),
        "thanks": [
            {
                "giver": {"id": t.giver_id, "name": str(t.giver)},
                "message": t.message,
                "created_at": t.created_at,
            }
            for t in selectors.thanks_on(user, kind, item)
        ],
        **extra,
    }


def _member(request: HttpRequest) -> None:
    if not permissions.is_member(request.auth):  # type: ignore[attr-defined]
        refuse(_("Log in (send a token) to say thank you."), status=401)


@router.get(
    "/{kind}/{item_id}",
    response={200: ThanksOut, 404: ErrorOut},
    summary="The thanks on an item: count, yours, and their messages",
)
def read_thanks(request: HttpRequest, kind: str, item_id: Id) -> Any:
    item = rules.thanks_target_for(request.auth, kind, item_id)  # type: ignore[attr-defined]
    return _out(request, kind, item)


@router.post(
    "/{kind}/{item_id}",
    response={
        200: ThanksResultOut,
        201: ThanksResultOut,
        400: ErrorOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
    },
    summary="Say thank you for an item (once; an optional short message)",
)
def give_thanks(request: HttpRequest, kind: str, item_id: Id, payload: ThanksIn) -> Any:
    _member(request)
    user = request.auth  # type: ignore[attr-defined]
    item = rules.thanks_target_for(user, kind, item_id)
    given = services.thanks_give(kind=kind, item=item, by=user, message=payload.message)
    if given.duplicate:  # type: ignore[attr-defined]
        detail = _("You already said thank you for “%(title)s”: it counts once.") % {
            "title": selectors.thanked_item_title(kind, item)
        }
        return Status(200, _out(request, kind, item, detail=detail))
    return Status(201, _out(request, kind, item, detail=_("Thank you sent. They are told.")))


@router.delete(
    "/{kind}/{item_id}",
    response={200: ThanksResultOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Withdraw your thanks",
)
def withdraw_thanks(request: HttpRequest, kind: str, item_id: Id) -> Any:
    _member(request)
    user = request.auth  # type: ignore[attr-defined]
    item = rules.thanks_target_for(user, kind, item_id)
    mine = selectors.thanks_mine(user, kind, item)
    if mine is None or not services.thanks_withdraw(thanks=mine, by=user):
        refuse(_("You had not thanked for this, or your thanks was already withdrawn."), status=404)
    return _out(request, kind, item, detail=_("Your thanks is withdrawn."))
