"""API v1 of exchange meetings: the meetings a person may see with their next dates, one
meeting, and proposing a presentation for a date to come.

Each date is a workshop of the kind "exchange meeting": saying "I'll come" (registering)
and attendance go through the workshops' routes (``/workshops/{workshop_id}/…``) with
the same rules; ``workshop_id`` is given here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from palabre.lib.api import ErrorOut, Id, InputSchema, Offset, PageMeta, example
from palabre.lib.errors import ServiceError
from palabre.meetings import selectors, services
from palabre.meetings.models import Meeting, Occurrence, Proposal
from palabre.permissions import meetings as rules
from palabre.permissions import practices as practice_rules

router = Router(tags=["meetings"])

NEXT_DATES = 3


class MeetingDateOut(Schema):
    id: int
    url: str
    workshop_id: int = Field(description="Say you come, take attendance through /workshops/{id}/…")
    date: dt.date
    starts_at: dt.datetime = Field(description="In the meeting's time zone")
    ends_at: dt.datetime
    venue: str
    online_url: str = Field(description="Given to those who come and the organisers only")
    status: str
    presentations: list[str] = Field(description="Titles on the agenda, in order")


class MeetingOut(Schema):
    id: int
    url: str
    title: str
    description: str
    organisation: str
    recurrence: str
    recurrence_text: str
    time_zone: str
    visibility: str
    active: bool
    themes: list[str]
    next_dates: list[MeetingDateOut]


class MeetingListPage(Schema):
    meta: PageMeta
    results: list[MeetingOut]


class MeetingProposalIn(InputSchema):
    model_config = example(
        {
            "title": "Nos tontines de femmes après deux ans",
            "summary": "Ce qui a marché, ce qui a coincé, ce que nous changerions.",
            "practice": None,
        }
    )

    title: str = Field(max_length=200)
    summary: str = Field("", max_length=1000)
    practice: Id | None = Field(None, description="A practice you authored, to present")


class MeetingProposalOut(Schema):
    id: int
    occurrence_id: int
    title: str
    summary: str
    status: str
    practice_id: int | None


def _date(o: Occurrence, agenda: list[Proposal], links: set[int]) -> dict[str, Any]:
    w = o.workshop
    tz = o.meeting.tz
    return {
        "id": o.pk,
        "url": o.get_absolute_url(),
        "workshop_id": w.pk,
        "date": o.date,
        "starts_at": o.starts_at.astimezone(tz),
        "ends_at": o.ends_at.astimezone(tz),
        "venue": w.venue,
        "online_url": w.online_url if w.pk in links else "",
        "status": w.status,
        "presentations": [p.title for p in agenda],
    }


def _meetings(request, meetings: list[Meeting]) -> list[dict[str, Any]]:
    today = timezone.localdate()
    ids = [m.pk for m in meetings]
    dates = list(
        rules.occurrences_visible_to(request.auth)
        .filter(meeting_id__in=ids, date__gte=today)
        .select_related("workshop")
        .order_by("starts_at", "pk")
    )
    links = rules.online_link_shown(request.auth, [o.workshop_id for o in dates])
    agenda: dict[int, list[Proposal]] = {}
    for p in Proposal.objects.filter(occurrence__in=[o.pk for o in dates]).accepted():
        agenda.setdefault(p.occurrence_id, []).append(p)
    by_meeting: dict[int, list[Occurrence]] = {}
    for o in dates:
        by_meeting.setdefault(o.meeting_id, []).append(o)
    out = []
    for m in meetings:
        mine = by_meeting.get(m.pk, [])[:NEXT_DATES]
        for o in mine:
            o.meeting = m
        out.append(
            {
                "id": m.pk,
                "url": m.get_absolute_url(),
                "title": m.title,
                "description": m.description,
                "organisation": m.organisation.name,
                "recurrence": m.recurrence,
                "recurrence_text": m.recurrence_text(),
                "time_zone": m.time_zone,
                "visibility": m.visibility,
                "active": m.active,
                "themes": [str(t) for t in m.themes.all()],
                "next_dates": [_date(o, agenda.get(o.pk, []), links) for o in mine],
            }
        )
    return out


@router.get(
    "", response=MeetingListPage, summary="Exchange meetings you may see, with their next dates"
)
def list_meetings(request, limit: int = Query(20, ge=1, le=100), offset: Offset = 0):
    qs = selectors.meetings_for_list(user=request.auth).prefetch_related("themes")
    return {
        "meta": {"count": qs.count(), "limit": limit, "offset": offset},
        "results": _meetings(request, list(qs[offset : offset + limit])),
    }


@router.get(
    "/{meeting_id}", response={200: MeetingOut, 404: ErrorOut}, summary="An exchange meeting"
)
def read_meeting(request, meeting_id: Id):
    meeting = rules.meeting_for(request.auth, meeting_id)
    return _meetings(request, [meeting])[0]


@router.post(
    "/dates/{occurrence_id}/proposals",
    response={201: MeetingProposalOut, 400: ErrorOut, 401: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Propose a short presentation for a date to come",
)
def propose(request, occurrence_id: Id, payload: MeetingProposalIn):
    if not request.auth.is_authenticated:
        raise ServiceError(_("Log in (send a token) to do this."), status=401)
    occurrence = rules.occurrence_for(request.auth, occurrence_id)
    practice = None
    if payload.practice is not None:
        practice = (
            practice_rules.practices_visible_to(request.auth).filter(pk=payload.practice).first()
        )
        if practice is None:
            raise ServiceError(_("Choose a practice you can see."), field="practice")
    proposal = services.proposal_create(
        occurrence=occurrence,
        by=request.auth,
        title=payload.title,
        summary=payload.summary,
        practice=practice,
    )
    return Status(
        201,
        {
            "id": proposal.pk,
            "occurrence_id": occurrence.pk,
            "title": proposal.title,
            "summary": proposal.summary,
            "status": proposal.status,
            "practice_id": proposal.practice_id,
        },
    )


routers = {"/meetings": router}
