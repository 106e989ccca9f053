"""API v1 of internal training: follow-ups.

``/api/v1/training-follow-ups``:

- GET: the follow-up questions asked to you ("did you apply what you learned?"), those
  waiting for an answer first (``?pending=true``: only those);
- POST ``/{id}`` ``{"applied": true, "note": "…", "organisation": 3, "status":
  "in_progress"}``: answer, once (409 the second time). A "yes" records an adoption of
  each practice of the training for your organisation (``organisation`` is needed only if
  you belong to several), planned or in progress.

Only the person asked sees a follow-up: anyone else's answers 404, like what does not exist.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from palabre.learning.models import FollowUp
from palabre.learning.selectors import followups as selectors
from palabre.learning.services import followups as services
from palabre.lib.api import ErrorOut, Id, InputSchema, example
from palabre.lib.errors import refuse
from palabre.permissions import adoptions as adoption_rules
from palabre.permissions import is_member
from palabre.permissions import learning as rules

router = Router(tags=["learning"])


class FollowUpTrainingOut(Schema):
    id: int
    title: str


class FollowUpSessionOut(Schema):
    id: int
    start_date: date
    end_date: date
    city: str
    url: str


class FollowUpOut(Schema):
    id: int
    training: FollowUpTrainingOut
    session: FollowUpSessionOut
    due_on: date = Field(description="The day the question was (or is) asked")
    asked_at: datetime | None
    answered_at: datetime | None = Field(description="Empty while waiting for your answer")
    applied: bool | None = Field(description="Your answer: yes, not yet, or empty")
    note: str
    adoption_id: int | None = Field(description="The adoption your “yes” recorded (the first)")
    url: str = Field(description="The page where you answer")


class FollowUpAnswerIn(InputSchema):
    model_config = example(
        {
            "applied": True,
            "note": "Nous avons construit le magasin en mars.",
            "status": "in_progress",
        }
    )

    applied: bool = Field(description="Did you apply what you learned?")
    note: str = Field("", description="How it went, or what held you back (plain text)")
    organisation: Id | None = Field(
        None, description="For a “yes”: the id of your organisation, if you belong to several"
    )
    status: Literal["in_progress", "planned"] = Field(
        "in_progress", description="For a “yes”: under way, or planned"
    )


class FollowUpAnswerOut(FollowUpOut):
    detail: str = Field(description="What happened, in your language")


def _out(item: FollowUp, **extra: Any) -> dict[str, Any]:
    session = item.session
    workshop = session.workshop
    return {
        "id": item.pk,
        "training": {"id": session.training_id, "title": session.training.title},
        "session": {
            "id": session.pk,
            "start_date": workshop.start_date,
            "end_date": workshop.end_date,
            "city": workshop.city,
            "url": workshop.get_absolute_url(),
        },
        "due_on": item.due_on,
        "asked_at": item.asked_at,
        "answered_at": item.answered_at,
        "applied": item.applied,
        "note": item.note,
        "adoption_id": item.adoption_id,
        "url": reverse("learning:follow_up", args=[item.pk]),
        **extra,
    }


def _member(request: HttpRequest) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    if not is_member(user):
        refuse(_("Log in (send a token) to do this."), status=401)
    return user


@router.get(
    "",
    response={200: list[FollowUpOut], 401: ErrorOut},
    summary="The follow-up questions asked to you, those waiting for an answer first",
)
def list_follow_ups(request: HttpRequest, pending: bool = False) -> Any:
    user = _member(request)
    items = selectors.pending_follow_ups(user) if pending else selectors.follow_ups_of(user)
    return [_out(item) for item in items[:200]]


@router.post(
    "/{follow_up_id}",
    response={
        200: FollowUpAnswerOut,
        400: ErrorOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
    },
    summary="Answer a follow-up question, once: did you apply what you learned?",
)
def answer_follow_up(request: HttpRequest, follow_up_id: Id, payload: FollowUpAnswerIn) -> Any:
    user = _member(request)
    item = rules.follow_up_for(user, follow_up_id)
    organisation = None
    if payload.organisation is not None:
        organisation = (
            adoption_rules.adopting_organisation_choices(user)
            .filter(pk=payload.organisation)
            .first()
        )
        if organisation is None:
            refuse(_("Choose one of your own organisations."), status=400)
    answered = services.follow_up_answer(
        follow_up=item,
        by=user,
        applied=payload.applied,
        note=payload.note,
        organisation=organisation,
        status=payload.status,
    )
    if answered.applied and answered.adoption is not None:
        detail = _("Thank you! The adoption is recorded for %(organisation)s.") % {
            "organisation": answered.adoption.organisation.short_name
        }
    else:
        detail = _("Thank you for your answer.")
    return _out(answered, detail=detail)
