"""API v1 of recognition: suggested presenters and invitations to present.

- ``GET /api/v1/presenters/workshops/{id}/suggestions``: the people suggested to present at
  a workshop, with their score and reasons (for those who run it; counted from what you may
  see). ``GET``/``POST /api/v1/presenters/workshops/{id}/invitations``: its invitations, and
  a new one (inviting again someone who declined needs ``confirm_again``).
- ``GET /api/v1/presenters/invitations``: your invitations; ``GET …/invitations/{id}``:
  one; ``POST …/invitations/{id}/answer`` ``{"answer": "accept" | "decline"}``.

What you may not see answers 404, like what does not exist.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from palabre import permissions
from palabre.lib.api import ErrorOut, Id, InputSchema, example, named_choices
from palabre.lib.errors import refuse
from palabre.permissions import recognition as rules
from palabre.permissions import workshops as workshop_rules
from palabre.recognition import presenters
from palabre.recognition.models import PresenterInvitation
from palabre.recognition.selectors import presenters as selectors
from palabre.recognition.services import presenters as services
from palabre.workshops.models import Session

router = Router(tags=["recognition"])

InvitationStatus = named_choices("PresenterInvitationStatus", PresenterInvitation.Status)


class PersonOut(Schema):
    id: int
    name: str


class ReasonOut(Schema):
    text: str = Field(description="One reason, in your language")
    url: str = Field(description="What it refers to (a practice, an adoption), or empty")


class SuggestionOut(Schema):
    person: PersonOut
    score: float = Field(description="The score of docs/presenters.md, rounded to 2 decimals")
    reasons: list[ReasonOut]


class SuggestionsOut(Schema):
    workshop: int
    results: list[SuggestionOut]


class InvitationOut(Schema):
    id: int
    workshop: int
    workshop_title: str
    person: PersonOut
    status: InvitationStatus  # type: ignore[valid-type]
    session: int | None = Field(description="The agenda slot it is for, if any")
    reason: str
    message: str
    answer_note: str
    invited_at: datetime
    answered_at: datetime | None
    url: str


class InvitationResultOut(InvitationOut):
    detail: str = Field(description="What happened, in your language")


class InviteIn(InputSchema):
    model_config = example(
        {"person": 12, "reason": "3 adoptions rated 4.7/5", "message": "", "session": None}
    )

    person: Id
    reason: str = Field("", max_length=500)
    message: str = Field("", max_length=500, description="A word for them")
    session: Id | None = Field(None, description="A presentation slot of the workshop")
    confirm_again: bool = Field(False, description="Needed to invite again after a decline")


class Answer(enum.StrEnum):
    accept = "accept"
    decline = "decline"


class AnswerIn(InputSchema):
    model_config = example({"answer": "accept", "note": "Avec plaisir !"})

    answer: Answer
    note: str = Field("", max_length=500, description="A word for the organisers")


def _member(request: HttpRequest) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    if not permissions.is_member(user):
        refuse(_("Log in (send a token) to see invitations to present."), status=401)
    return user


def _run_workshop(user: Any, workshop_id: int) -> Any:
    workshop = workshop_rules.workshop_for(user, workshop_id)
    if not rules.can_see_presenter_suggestions(user, workshop):
        raise Http404
    return workshop


def _invitation_out(invitation: PresenterInvitation, **extra: Any) -> dict[str, Any]:
    return {
        "id": invitation.pk,
        "workshop": invitation.workshop_id,
        "workshop_title": invitation.workshop.title,
        "person": {"id": invitation.person_id, "name": str(invitation.person)},
        "status": invitation.status,
        "session": invitation.session_id,
        "reason": invitation.reason,
        "message": invitation.message,
        "answer_note": invitation.answer_note,
        "invited_at": invitation.invited_at,
        "answered_at": invitation.answered_at,
        "url": invitation.get_absolute_url(),
        **extra,
    }


READ = {401: ErrorOut, 404: ErrorOut}
WRITE = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}


@router.get(
    "/workshops/{workshop_id}/suggestions",
    response={200: SuggestionsOut, **READ},
    summary="Suggested presenters for a workshop, with their reasons",
)
def workshop_suggestions(
    request: HttpRequest, workshop_id: Id, limit: int = Query(10, ge=1, le=50)
) -> Any:
    user = _member(request)
    workshop = _run_workshop(user, workshop_id)
    found = presenters.for_workshop(workshop, viewer=user, limit=limit)
    return {
        "workshop": workshop.pk,
        "results": [
            {
                "person": {"id": s.person.pk, "name": str(s.person)},
                "score": s.score,
                "reasons": [{"text": str(r), "url": r.url} for r in s.reasons],
            }
            for s in found
        ],
    }


@router.get(
    "/workshops/{workshop_id}/invitations",
    response={200: list[InvitationOut], **READ},
    summary="The invitations to present at a workshop, and their answers",
)
def workshop_invitations(request: HttpRequest, workshop_id: Id) -> Any:
    user = _member(request)
    workshop = _run_workshop(user, workshop_id)
    return [_invitation_out(i) for i in selectors.workshop_invitations(user, workshop)]


@router.post(
    "/workshops/{workshop_id}/invitations",
    response={201: InvitationResultOut, **WRITE},
    summary="Invite someone to present at a workshop",
)
def workshop_invite(request: HttpRequest, workshop_id: Id, payload: InviteIn) -> Any:
    user = _member(request)
    workshop = _run_workshop(user, workshop_id)
    person = get_user_model().objects.filter(pk=payload.person, is_active=True).first()
    if person is None:
        refuse(_("This person has no active account."), field="person")
    session = None
    if payload.session is not None:
        session = Session.objects.filter(workshop=workshop, pk=payload.session).first()
        if session is None:
            refuse(_("Choose one of this workshop's presentation slots."), field="session")
    invitation = services.presenter_invite(
        workshop=workshop,
        person=person,
        by=user,
        reason=payload.reason,
        message=payload.message,
        session=session,
        confirm_again=payload.confirm_again,
    )
    return Status(201, _invitation_out(invitation, detail=_("Invited. They are told.")))


@router.get(
    "/invitations",
    response={200: list[InvitationOut], 401: ErrorOut},
    summary="Your invitations to present",
)
def my_invitations(request: HttpRequest) -> Any:
    user = _member(request)
    return [_invitation_out(i) for i in selectors.my_invitations(user)[:100]]


@router.get(
    "/invitations/{invitation_id}",
    response={200: InvitationOut, **READ},
    summary="One invitation to present",
)
def read_invitation(request: HttpRequest, invitation_id: Id) -> Any:
    user = _member(request)
    return _invitation_out(rules.presenter_invitation_for(user, invitation_id))


@router.post(
    "/invitations/{invitation_id}/answer",
    response={200: InvitationResultOut, **WRITE},
    summary="Accept or decline an invitation to present",
)
def answer_invitation(request: HttpRequest, invitation_id: Id, payload: AnswerIn) -> Any:
    user = _member(request)
    invitation = rules.presenter_invitation_for(user, invitation_id)
    accept = payload.answer == Answer.accept
    answered = services.presenter_answer(
        invitation=invitation, by=user, accept=accept, note=payload.note
    )
    detail = (
        _("Accepted: you are among the presenters.")
        if accept
        else _("Declined. The organisers are told.")
    )
    return _invitation_out(answered, detail=detail)
