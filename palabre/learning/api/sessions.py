"""API v1 of internal training: sessions.

A session is a workshop of the kind "training session": registering, cancelling,
attendance and evaluation go through the workshops' routes (``/workshops/{workshop_id}/
registrations``…) with the same rules; ``workshop_id`` is given here. These routes list
the sessions a person may see, read one, schedule one, and give its trainers the
participants with their attendance and quiz scores.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from palabre.learning import exports
from palabre.learning.models import QuizAttempt, TrainingSession
from palabre.learning.selectors import sessions as selectors
from palabre.learning.services import sessions as services
from palabre.lib.api import (
    MAX_INT,
    Day,
    ErrorOut,
    Id,
    InputSchema,
    Offset,
    PageMeta,
    TimeOfDay,
    example,
)
from palabre.lib.errors import ServiceError
from palabre.organisations.models import Organisation
from palabre.permissions import learning as rules
from palabre.permissions import workshops as workshop_rules
from palabre.workshops.models import Attendance

router = Router(tags=["learning"])

WRITE = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}


class TrainingSessionPerson(Schema):
    id: int
    name: str


class TrainingSessionTraining(Schema):
    id: int
    title: str


class TrainingSessionTime(Schema):
    starts_at: datetime = Field(description="In the session's time zone")
    ends_at: datetime


class TrainingSessionOut(Schema):
    id: int
    url: str
    workshop_id: int = Field(
        description="Register, cancel, take attendance, evaluate through /workshops/{id}/…"
    )
    training: TrainingSessionTraining
    title: str
    start_date: date
    end_date: date
    time_zone: str
    times: list[TrainingSessionTime]
    venue: str
    city: str
    country: str
    online_url: str = Field(description="Given to confirmed participants and trainers only")
    trainers: list[TrainingSessionPerson]
    capacity: int | None
    places_left: int | None
    waiting_list_size: int
    registration_closes_on: date | None
    registration_open: bool
    visibility: str
    status: str


class TrainingSessionPage(Schema):
    meta: PageMeta
    results: list[TrainingSessionOut]


class TrainingSessionCreate(InputSchema):
    model_config = example(
        {
            "training": 4,
            "start_date": "2030-05-06",
            "end_date": "2030-05-07",
            "starts_at": "09:00",
            "venue": "Salle paroissiale",
            "city": "Bafut",
            "country": "CM",
            "capacity": 25,
            "languages": ["fr"],
            "visibility": "network",
        }
    )

    training: Id
    start_date: Day
    end_date: Day | None = Field(None, description="Empty: the same day")
    starts_at: TimeOfDay | None = Field(None, description="On each day; 09:00 when empty")
    venue: str = Field("", max_length=200)
    city: str = Field("", max_length=100)
    country: str = Field("CM", pattern="^([A-Z]{2})?$")
    online_url: str = Field("", max_length=200)
    capacity: int | None = Field(None, ge=1, le=MAX_INT)
    waiting_list_size: int | None = Field(None, ge=0, le=MAX_INT)
    registration_closes_on: Day | None = None
    time_zone: str | None = Field(None, max_length=64)
    languages: list[str] | None = None
    visibility: str | None = Field(None, pattern="^(organisation|network|public)$")
    description: str = ""
    organisers: list[str] | None = Field(
        None, description="Organisation slugs, besides the training's organisation"
    )


class TrainingSessionRegistrationOut(Schema):
    person: TrainingSessionPerson
    organisation: str | None
    role: str
    status: str
    attended: bool | None = Field(description="None while attendance is not taken")
    quiz_before: str | None = Field(description="Right answers, e.g. 3/5")
    quiz_after: str | None


def _logged_in(request) -> None:
    if not request.auth.is_authenticated:
        raise ServiceError(_("Log in (send a token) to do this."), status=401)


def _session(request, s: TrainingSession) -> dict[str, Any]:
    w = s.workshop
    return {
        "id": s.pk,
        "url": s.get_absolute_url(),
        "workshop_id": w.pk,
        "training": {"id": s.training_id, "title": s.training.title},
        "title": w.title,
        "start_date": w.start_date,
        "end_date": w.end_date,
        "time_zone": w.time_zone,
        "times": [
            {"starts_at": i.starts_at.astimezone(w.tz), "ends_at": i.ends_at.astimezone(w.tz)}
            for i in sorted(w.sessions.all(), key=lambda i: (i.starts_at, i.pk))
        ],
        "venue": w.venue,
        "city": w.city,
        "country": str(w.country or ""),
        "online_url": w.online_url if workshop_rules.can_see_online_link(request.auth, w) else "",
        "trainers": [
            {"id": p.pk, "name": str(p)}
            for p in sorted(s.training.trainers.all(), key=lambda p: (p.display_name, p.pk))
        ],
        "capacity": w.capacity,
        "places_left": selectors.places_left_of(s),
        "waiting_list_size": w.waiting_list_size,
        "registration_closes_on": w.registration_closes_on,
        "registration_open": w.registration_is_open,
        "visibility": w.visibility,
        "status": w.status,
    }


@router.get("", response=TrainingSessionPage, summary="Training sessions you may see")
def list_sessions(
    request,
    when: str = Query("upcoming", pattern="^(upcoming|past)$"),
    limit: int = Query(20, ge=1, le=100),
    offset: Offset = 0,
):
    qs = selectors.session_list(user=request.auth, when=when).prefetch_related(
        "workshop__sessions", "training__trainers"
    )
    return {
        "meta": {"count": qs.count(), "limit": limit, "offset": offset},
        "results": [_session(request, s) for s in qs[offset : offset + limit]],
    }


@router.get(
    "/{session_id}",
    response={200: TrainingSessionOut, 404: ErrorOut},
    summary="A training session",
)
def read_session(request, session_id: Id):
    return _session(request, rules.session_for(request.auth, session_id))


def _organisations(slugs: list[str]) -> list[Organisation]:
    found = list(Organisation.objects.filter(slug__in=set(slugs)))
    unknown = set(slugs) - {o.slug for o in found}
    if unknown:
        raise ServiceError(
            _("Unknown organisations: %(names)s.") % {"names": ", ".join(sorted(unknown))},
            field="organisers",
        )
    return found


@router.post(
    "",
    response={201: TrainingSessionOut, **WRITE},
    summary="Schedule a session of a published training (its trainers, org admins, facilitators)",
)
def create_session(request, payload: TrainingSessionCreate):
    _logged_in(request)
    training = rules.training_for(request.auth, payload.training)
    data = payload.dict(exclude={"training", "organisers"})
    for name in ("time_zone", "languages", "visibility", "waiting_list_size"):
        if data.get(name) is None:
            data.pop(name, None)
    if "languages" in data:
        data["languages"] = ",".join(data["languages"])
    organisers = _organisations(payload.organisers) if payload.organisers else None
    session = services.session_create(
        training=training, by=request.auth, organisers=organisers, **data
    )
    return Status(201, _session(request, session))


@router.get(
    "/{session_id}/registrations",
    response={200: list[TrainingSessionRegistrationOut], 401: ErrorOut, 404: ErrorOut},
    summary="Participants, attendance and quiz scores (the session's trainers, facilitators)",
)
def list_registrations(request, session_id: Id):
    session = rules.session_results_for(request.auth, session_id)
    workshop = session.workshop
    marks: dict[int, bool] = {}
    for person_id, present in Attendance.objects.filter(session__workshop=workshop).values_list(
        "person_id", "present"
    ):
        marks[person_id] = marks.get(person_id, False) or present
    attempts = {
        (a.person_id, a.moment): exports.score_text(a)
        for a in QuizAttempt.objects.filter(session=session).only(
            "person_id", "moment", "score", "out_of"
        )
    }
    registrations = (
        workshop.registrations.active()
        .select_related("person", "organisation")
        .order_by("status", "organisation__name", "person__display_name", "pk")
    )
    return [
        {
            "person": {"id": r.person_id, "name": str(r.person)},
            "organisation": r.organisation.name if r.organisation else None,
            "role": r.role,
            "status": r.status,
            "attended": marks.get(r.person_id),
            "quiz_before": attempts.get((r.person_id, QuizAttempt.Moment.BEFORE)),
            "quiz_after": attempts.get((r.person_id, QuizAttempt.Moment.AFTER)),
        }
        for r in registrations
    ]
