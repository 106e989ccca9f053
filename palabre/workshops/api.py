"""API routes for workshops, sessions, registrations, restitutions, actions and the toolbox.

The same services and permission rules as the pages. Times are given in the workshop's
time zone (an offset-less time is read in that time zone).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from palabre.lib.api import (
    MAX_INT,
    DateTime,
    Day,
    ErrorOut,
    Id,
    InputSchema,
    Number,
    Offset,
    PageMeta,
    example,
    named_choices,
)
from palabre.lib.errors import ServiceError
from palabre.organisations.models import Organisation
from palabre.permissions import is_member
from palabre.permissions import practices as practice_rules
from palabre.permissions import workshops as rules
from palabre.practices.models import Practice
from palabre.themes.models import Theme
from palabre.workshops import selectors, services
from palabre.workshops.models import (
    CollectiveAction,
    FacilitationTool,
    Registration,
    Restitution,
    Session,
    Workshop,
)

User = get_user_model()
router = Router(tags=["workshops"])
tools_router = Router(tags=["workshops"])

# Each app's choices under a name of their own in the OpenAPI document; for mypy,
# the model's choices (the same values).
if TYPE_CHECKING:
    SessionKind = Session.Kind
    RegistrationRole = Registration.Role
    ActionStatus = CollectiveAction.Status
else:
    SessionKind = named_choices("SessionKind", Session.Kind)
    RegistrationRole = named_choices("RegistrationRole", Registration.Role)
    ActionStatus = named_choices("ActionStatus", CollectiveAction.Status)

ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}


# Schemas ------------------------------------------------------------------------------


class WorkshopOrganisation(Schema):
    slug: str
    name: str


class WorkshopPerson(Schema):
    id: int
    name: str


class WorkshopOut(Schema):
    id: int
    url: str
    title: str
    objectives: str
    description: str
    start_date: date
    end_date: date
    time_zone: str
    venue: str
    city: str
    country: str
    online_url: str = Field(description="Given to registered participants and facilitators only")
    organisers: list[WorkshopOrganisation]
    capacity: int | None
    places_left: int | None
    waiting_list_size: int
    registration_closes_on: date | None
    registration_open: bool
    languages: list[str]
    visibility: str
    status: str
    report_shared: bool


class WorkshopPage(Schema):
    meta: PageMeta
    results: list[WorkshopOut]


class WorkshopFields(InputSchema):
    objectives: str | None = None
    description: str | None = None
    start_date: Day | None = None
    end_date: Day | None = None
    time_zone: str | None = Field(None, max_length=64)
    venue: str | None = Field(None, max_length=200)
    city: str | None = Field(None, max_length=100)
    country: str | None = Field(None, pattern="^[A-Z]{2}$")
    online_url: str | None = Field(None, max_length=200)
    organisers: list[str] | None = Field(None, description="Organisation slugs")
    capacity: int | None = Field(None, ge=1, le=MAX_INT)
    waiting_list_size: int | None = Field(None, ge=0, le=MAX_INT)
    registration_closes_on: Day | None = None
    languages: list[str] | None = None
    visibility: str | None = Field(None, pattern="^(organisation|network|public)$")


class WorkshopCreate(WorkshopFields):
    model_config = example(
        {
            "title": "Atelier d'échanges de Bafut",
            "objectives": "Partager nos expériences d'épargne et de warrantage",
            "start_date": "2030-03-12",
            "end_date": "2030-03-13",
            "time_zone": "Africa/Douala",
            "venue": "Salle paroissiale",
            "city": "Bafut",
            "country": "CM",
            "organisers": ["adb"],
            "capacity": 40,
            "languages": ["fr", "en"],
            "visibility": "network",
        }
    )

    title: str = Field(min_length=3, max_length=200)
    objectives: str = Field(min_length=1)
    start_date: Day
    end_date: Day
    organisers: list[str] = Field(min_length=1, description="Organisation slugs")


class WorkshopUpdate(WorkshopFields):
    model_config = example({"venue": "Maison des jeunes", "capacity": 50})

    title: str | None = Field(None, min_length=3, max_length=200)


class SessionOut(Schema):
    id: int
    url: str
    kind: str
    title: str
    description: str
    starts_at: datetime = Field(description="In the workshop's time zone")
    ends_at: datetime
    room: str
    theme: str | None = Field(description="Theme slug")
    tool: str | None = Field(description="Facilitation tool slug")
    facilitator: WorkshopPerson | None
    presenter: WorkshopPerson | None
    presented_practice: int | None
    rapporteur: WorkshopPerson | None = Field(description="Shown to members only")
    members: list[WorkshopPerson] = Field(description="Group members, shown to members only")


class SessionFields(InputSchema):
    model_config = example({"title": "Carrefour : stocker sans rien perdre", "room": "Salle C"})

    kind: SessionKind | None = None
    title: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = None
    starts_at: DateTime | None = None
    ends_at: DateTime | None = None
    room: str | None = Field(None, max_length=100)
    theme: str | None = Field(None, description="Theme slug")
    tool: str | None = Field(None, description="Facilitation tool slug")
    facilitator: Id | None = None
    presenter: Id | None = None
    presented_practice: Id | None = None
    rapporteur: Id | None = None
    members: list[Id] | None = Field(None, max_length=1000)


class SessionCreate(SessionFields):
    model_config = example(
        {
            "kind": "group_work",
            "title": "Carrefour : stocker sans perdre",
            "starts_at": "2030-03-12T14:00:00",
            "ends_at": "2030-03-12T16:00:00",
            "room": "Salle B",
            "tool": "world-cafe",
        }
    )

    kind: SessionKind = SessionKind.PLENARY
    title: str = Field(min_length=1, max_length=200)
    starts_at: DateTime
    ends_at: DateTime


class RegistrationOut(Schema):
    id: int
    person: WorkshopPerson
    organisation: WorkshopOrganisation | None
    role: str
    status: str | None = Field(description="For the person, their org admins and facilitators")
    practice: int | None
    created_at: datetime | None


class RegistrationCreate(InputSchema):
    model_config = example(
        {
            "role": "participant",
            "organisation": "adb",
            "notes": "Je viendrai avec deux membres du groupement.",
        }
    )

    person: Id | None = Field(None, description="Someone else (org admins, facilitators)")
    role: RegistrationRole = RegistrationRole.PARTICIPANT
    organisation: str | None = Field(None, description="Organisation slug")
    practice: Id | None = None
    new_practice_title: str = Field("", max_length=200)
    first_choice: str | None = Field(None, description="Theme slug")
    second_choice: str | None = Field(None, description="Theme slug")
    notes: str = Field("", max_length=2000)


class RestitutionOut(Schema):
    session: int
    session_title: str
    status: str
    version: int
    key_learnings: str
    successes: str
    shortcomings: str
    recommendations: str
    practice: int | None
    photos: list[str]
    updated_at: datetime


class RestitutionIn(InputSchema):
    model_config = example(
        {
            "key_learnings": "Un magasin surélevé évite les pertes.",
            "successes": "Trois groupements ont déjà essayé.",
            "shortcomings": "Le coût du magasin reste élevé.",
            "recommendations": "Chercher un crédit pour la construction.",
            "final": False,
        }
    )

    version: Number | None = Field(None, description="The version you started from; newer is 409")
    key_learnings: str | None = None
    successes: str | None = None
    shortcomings: str | None = None
    recommendations: str | None = None
    final: bool | None = Field(None, description="true shares it, false keeps it a draft")


class ActionOut(Schema):
    id: int
    url: str
    title: str
    description: str
    owner_organisation: WorkshopOrganisation | None
    owner_person: WorkshopPerson | None
    due_date: date
    status: str
    overdue: bool
    session: int | None
    notes: list[str]


class ActionCreate(InputSchema):
    model_config = example(
        {
            "title": "Partager le modèle de contrat de warrantage",
            "description": "En français et en anglais.",
            "owner_organisation": "adb",
            "due_date": "2030-06-30",
            "status": "planned",
        }
    )

    title: str = Field(min_length=1, max_length=300)
    description: str = ""
    owner_organisation: str | None = Field(None, description="Organisation slug")
    owner_person: Id | None = None
    due_date: Day
    session: Id | None = None
    status: ActionStatus = ActionStatus.PLANNED


class ActionUpdateIn(InputSchema):
    model_config = example({"status": "in_progress", "note": "Le modèle est traduit en anglais."})

    status: ActionStatus | None = None
    note: str = Field("", max_length=4000)
    title: str | None = Field(None, min_length=1, max_length=300)
    description: str | None = None
    owner_organisation: str | None = None
    owner_person: Id | None = None
    due_date: Day | None = None


class EvaluationIn(InputSchema):
    model_config = example(
        {
            "overall": 4,
            "most_useful": "Les visites de magasins.",
            "to_improve": "Plus de temps pour les carrefours.",
            "sessions": {"12": 5},
        }
    )

    overall: int = Field(ge=1, le=5)
    most_useful: str = Field("", max_length=4000)
    to_improve: str = Field("", max_length=4000)
    sessions: dict[Id, Number] = Field(
        default_factory=dict,
        max_length=1000,
        description="Session id → 1 to 5",
        json_schema_extra={"propertyNames": {"pattern": "^[1-9][0-9]{0,17}$"}},
    )


class EvaluationOut(Schema):
    id: int
    overall: int


class ToolOut(Schema):
    slug: str
    url: str
    name_fr: str
    name_en: str
    purpose_fr: str
    purpose_en: str
    when_fr: str
    when_en: str
    steps_fr: str
    steps_en: str
    materials_fr: str
    materials_en: str
    duration_min: int
    duration_max: int
    group_min: int
    group_max: int


# Helpers ------------------------------------------------------------------------------


def _person(user) -> dict | None:
    return {"id": user.pk, "name": str(user)} if user is not None else None


def _org(org) -> dict | None:
    return {"slug": org.slug, "name": org.name} if org is not None else None


def _workshop(request, w: Workshop) -> dict:
    return {
        "id": w.pk,
        "url": w.get_absolute_url(),
        "title": w.title,
        "objectives": w.objectives,
        "description": w.description,
        "start_date": w.start_date,
        "end_date": w.end_date,
        "time_zone": w.time_zone,
        "venue": w.venue,
        "city": w.city,
        "country": str(w.country or ""),
        "online_url": w.online_url if rules.can_see_online_link(request.auth, w) else "",
        "organisers": [_org(o) for o in w.organisers.all()],
        "capacity": w.capacity,
        "places_left": selectors.places_left(w),
        "waiting_list_size": w.waiting_list_size,
        "registration_closes_on": w.registration_closes_on,
        "registration_open": w.registration_is_open,
        "languages": w.language_list,
        "visibility": w.visibility,
        "status": w.status,
        "report_shared": bool(w.report_shared_at),
    }


def _session(request, s: Session, *, members_visible: bool) -> dict:
    tz = s.workshop.tz
    return {
        "id": s.pk,
        "url": s.get_absolute_url(),
        "kind": s.kind,
        "title": s.title,
        "description": s.description,
        "starts_at": s.starts_at.astimezone(tz),
        "ends_at": s.ends_at.astimezone(tz),
        "room": s.room,
        "theme": s.theme.slug if s.theme_id else None,
        "tool": s.tool.slug if s.tool_id else None,
        "facilitator": _person(s.facilitator),
        "presenter": _person(s.presenter),
        "presented_practice": s.presented_practice_id,
        "rapporteur": _person(s.rapporteur) if members_visible else None,
        "members": [_person(p) for p in s.members.all()] if members_visible else [],
    }


def _restitution(r: Restitution) -> dict:
    s = r.session
    return {
        "session": s.pk,
        "session_title": s.title,
        "status": r.status,
        "version": r.version,
        "key_learnings": r.key_learnings,
        "successes": r.successes,
        "shortcomings": r.shortcomings,
        "recommendations": r.recommendations,
        "practice": r.practice_id,
        "photos": [f"{s.get_absolute_url()}restitution/photos/{p.pk}/" for p in r.photos.all()],
        "updated_at": r.updated_at,
    }


def _action(a: CollectiveAction) -> dict:
    return {
        "id": a.pk,
        "url": a.get_absolute_url(),
        "title": a.title,
        "description": a.description,
        "owner_organisation": _org(a.owner_organisation),
        "owner_person": _person(a.owner_person),
        "due_date": a.due_date,
        "status": a.status,
        "overdue": a.is_overdue,
        "session": a.session_id,
        "notes": [u.note for u in a.updates.all() if u.note],
    }


def _logged_in(request) -> None:
    if not request.auth.is_authenticated:
        raise ServiceError(_("Log in (send a token) to do this."), status=401)


def _organisations(slugs: list[str]) -> list[Organisation]:
    found = list(Organisation.objects.filter(slug__in=set(slugs)))
    unknown = set(slugs) - {o.slug for o in found}
    if unknown:
        raise ServiceError(
            _("Unknown organisations: %(names)s.") % {"names": ", ".join(sorted(unknown))}
        )
    return found


def _one(model, *, label: str, **lookup):
    item = model.objects.filter(**lookup).first()
    if item is None:
        raise ServiceError(_("Unknown %(what)s.") % {"what": label})
    return item


def _local(workshop: Workshop, moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=workshop.tz)
    return moment


# Workshops ----------------------------------------------------------------------------


@router.get("", response=WorkshopPage, summary="Workshops you may see")
def list_workshops(
    request,
    when: str = Query("upcoming", pattern="^(upcoming|past)$"),
    limit: int = Query(20, ge=1, le=100),
    offset: Offset = 0,
):
    qs = selectors.workshop_list(user=request.auth, when=when)
    count = qs.count()
    return {
        "meta": {"count": count, "limit": limit, "offset": offset},
        "results": [_workshop(request, w) for w in qs[offset : offset + limit]],
    }


@router.get("/{workshop_id}", response={200: WorkshopOut, 404: ErrorOut}, summary="A workshop")
def read_workshop(request, workshop_id: Id):
    return _workshop(request, rules.workshop_for(request.auth, workshop_id))


def _workshop_values(payload: WorkshopFields) -> tuple[dict, list | None]:
    data = payload.dict(exclude_unset=True)
    organisers = data.pop("organisers", None)
    if organisers is not None:
        organisers = _organisations(organisers)
    if "languages" in data:
        data["languages"] = ",".join(data["languages"] or [])
    for name in ("description", "venue", "city", "online_url", "country", "objectives"):
        if name in data and data[name] is None:
            data[name] = ""
    return data, organisers


@router.post("", response={201: WorkshopOut, **ERRORS}, summary="Create a draft (facilitators)")
def create_workshop(request, payload: WorkshopCreate):
    _logged_in(request)
    data, organisers = _workshop_values(payload)
    workshop = services.workshop_create(by=request.auth, organisers=organisers, **data)
    return Status(201, _workshop(request, workshop))


@router.patch("/{workshop_id}", response={200: WorkshopOut, **ERRORS}, summary="Change a workshop")
def update_workshop(request, workshop_id: Id, payload: WorkshopUpdate):
    workshop = rules.workshop_for(request.auth, workshop_id)
    data, organisers = _workshop_values(payload)
    updated = services.workshop_update(
        workshop=workshop, by=request.auth, fields=data, organisers=organisers
    )
    return _workshop(request, updated)


@router.post("/{workshop_id}/publish", response={200: WorkshopOut, **ERRORS}, summary="Publish")
def publish_workshop(request, workshop_id: Id):
    workshop = rules.workshop_for(request.auth, workshop_id)
    return _workshop(request, services.workshop_publish(workshop=workshop, by=request.auth))


# Sessions -----------------------------------------------------------------------------


@router.get(
    "/{workshop_id}/sessions",
    response={200: list[SessionOut], 404: ErrorOut},
    summary="The agenda",
)
def list_sessions(request, workshop_id: Id):
    workshop = rules.workshop_for(request.auth, workshop_id)
    visible = rules.can_see_participants(request.auth, workshop)
    sessions = selectors.agenda_sessions(workshop)
    for s in sessions:
        s.workshop = workshop
    return [_session(request, s, members_visible=visible) for s in sessions]


def _session_values(workshop: Workshop, payload: SessionFields) -> tuple[dict, list | None]:
    data = payload.dict(exclude_unset=True)
    members = data.pop("members", None)
    if members is not None:
        found = list(User.objects.filter(pk__in=members))
        if len(found) != len(set(members)):
            raise ServiceError(_("Unknown person."), field="members")
        members = found
    if data.get("theme") is not None:
        data["theme"] = _one(Theme, label=_("theme"), slug=data["theme"])
    if data.get("tool") is not None:
        data["tool"] = _one(FacilitationTool, label=_("facilitation tool"), slug=data["tool"])
    for name in ("facilitator", "presenter", "rapporteur"):
        if data.get(name) is not None:
            data[name] = _one(User, label=_("person"), pk=data[name], is_active=True)
    if data.get("presented_practice") is not None:
        data["presented_practice"] = _one(
            Practice, label=_("practice"), pk=data["presented_practice"]
        )
    for name in ("starts_at", "ends_at"):
        if data.get(name) is not None:
            data[name] = _local(workshop, data[name])
    for name in ("description", "room"):
        if name in data and data[name] is None:
            data[name] = ""
    return data, members


@router.post(
    "/{workshop_id}/sessions", response={201: SessionOut, **ERRORS}, summary="Add a session"
)
def create_session(request, workshop_id: Id, payload: SessionCreate):
    _logged_in(request)
    workshop = rules.workshop_for(request.auth, workshop_id)
    data, members = _session_values(workshop, payload)
    session = services.session_create(workshop=workshop, by=request.auth, members=members, **data)
    return Status(201, _session(request, session, members_visible=True))


def _session_of(request, workshop_id: Id, session_id: Id) -> Session:
    return rules.session_for(
        request.auth, rules.workshop_for(request.auth, workshop_id), session_id
    )


@router.patch(
    "/{workshop_id}/sessions/{session_id}",
    response={200: SessionOut, **ERRORS},
    summary="Change a session",
)
def update_session(request, workshop_id: Id, session_id: Id, payload: SessionFields):
    _logged_in(request)
    session = _session_of(request, workshop_id, session_id)
    data, members = _session_values(session.workshop, payload)
    updated = services.session_update(
        session=session, by=request.auth, fields=data, members=members
    )
    return _session(request, updated, members_visible=True)


@router.delete(
    "/{workshop_id}/sessions/{session_id}",
    response={204: None, **ERRORS},
    summary="Remove a session",
)
def delete_session(request, workshop_id: Id, session_id: Id):
    _logged_in(request)
    services.session_delete(session=_session_of(request, workshop_id, session_id), by=request.auth)
    return Status(204, None)


# Registrations ------------------------------------------------------------------------


def _registration(r: Registration, *, details: bool) -> dict:
    return {
        "id": r.pk,
        "person": _person(r.person),
        "organisation": _org(r.organisation),
        "role": r.role,
        "status": r.status if details else None,
        "practice": r.practice_id if details else None,
        "created_at": r.created_at if details else None,
    }


@router.get(
    "/{workshop_id}/registrations",
    response={200: list[RegistrationOut], 401: ErrorOut, 404: ErrorOut},
    summary="Participants (never public)",
)
def list_registrations(request, workshop_id: Id):
    workshop = rules.workshop_for(request.auth, workshop_id)
    if not rules.can_see_participants(request.auth, workshop):
        raise Http404
    detailed = set(
        rules.registrations_visible_to(request.auth, workshop).values_list("pk", flat=True)
    )
    qs = (
        Registration.objects.filter(workshop=workshop)
        .select_related("person", "organisation")
        .order_by("created_at", "pk")
    )
    return [
        _registration(r, details=r.pk in detailed)
        for r in qs
        if r.pk in detailed or r.status == Registration.Status.CONFIRMED
    ]


@router.post(
    "/{workshop_id}/registrations",
    response={201: RegistrationOut, **ERRORS},
    summary="Register yourself, or a member of your organisation",
)
def create_registration(request, workshop_id: Id, payload: RegistrationCreate):
    _logged_in(request)
    workshop = rules.workshop_for(request.auth, workshop_id)
    person = request.auth
    if payload.person is not None and payload.person != request.auth.pk:
        person = _one(User, label=_("person"), pk=payload.person, is_active=True)
    values = {
        "role": payload.role,
        "new_practice_title": payload.new_practice_title,
        "notes": payload.notes,
    }
    if payload.organisation:
        values["organisation"] = _one(
            Organisation, label=_("organisation"), slug=payload.organisation
        )
    if payload.practice is not None:
        practice = practice_rules.practices_openable_by(request.auth).filter(pk=payload.practice)
        values["practice"] = practice.first() or _one(
            Practice, label=_("practice"), pk=payload.practice, authors=person
        )
    for name in ("first_choice", "second_choice"):
        slug = getattr(payload, name)
        if slug:
            values[name] = _one(Theme, label=_("theme"), slug=slug)
    registration = services.registration_create(
        workshop=workshop, person=person, by=request.auth, **values
    )
    return Status(201, _registration(registration, details=True))


@router.delete(
    "/{workshop_id}/registrations/{registration_id}",
    response={200: RegistrationOut, **ERRORS},
    summary="Cancel a registration",
)
def cancel_registration(request, workshop_id: Id, registration_id: Id):
    _logged_in(request)
    workshop = rules.workshop_for(request.auth, workshop_id)
    registration = rules.registration_for(request.auth, workshop, registration_id)
    cancelled = services.registration_cancel(registration=registration, by=request.auth)
    return _registration(cancelled, details=True)


# Restitutions -------------------------------------------------------------------------


@router.get(
    "/{workshop_id}/restitutions",
    response={200: list[RestitutionOut], 404: ErrorOut},
    summary="The restitutions you may read",
)
def list_restitutions(request, workshop_id: Id):
    workshop = rules.workshop_for(request.auth, workshop_id)
    restitutions = (
        Restitution.objects.filter(session__workshop=workshop)
        .select_related("session")
        .prefetch_related("photos")
        .order_by("session__starts_at", "session__title")
    )
    result = []
    for r in restitutions:
        r.session.workshop = workshop
        if rules.can_see_restitution(request.auth, r):
            result.append(_restitution(r))
    return result


@router.put(
    "/{workshop_id}/sessions/{session_id}/restitution",
    response={200: RestitutionOut, **ERRORS},
    summary="Write a restitution (rapporteur or facilitator)",
)
def save_restitution(request, workshop_id: Id, session_id: Id, payload: RestitutionIn):
    _logged_in(request)
    session = _session_of(request, workshop_id, session_id)
    fields = payload.dict(exclude_unset=True, exclude={"version", "final"})
    restitution = services.restitution_save(
        session=session,
        by=request.auth,
        fields={k: v or "" for k, v in fields.items()},
        expected_version=payload.version,
        final=payload.final,
    )
    return _restitution(restitution)


# Actions ------------------------------------------------------------------------------


@router.get(
    "/{workshop_id}/actions",
    response={200: list[ActionOut], 404: ErrorOut},
    summary="Collective actions (members)",
)
def list_actions(request, workshop_id: Id):
    workshop = rules.workshop_for(request.auth, workshop_id)
    if not rules.can_see_actions(request.auth, workshop):
        raise Http404
    actions = workshop.actions.select_related(
        "owner_person", "owner_organisation"
    ).prefetch_related("updates")
    return [_action(a) for a in actions]


def _action_values(data: dict) -> dict:
    if data.get("owner_organisation"):
        data["owner_organisation"] = _one(
            Organisation, label=_("organisation"), slug=data["owner_organisation"]
        )
    if data.get("owner_person") is not None:
        data["owner_person"] = _one(
            User, label=_("person"), pk=data["owner_person"], is_active=True
        )
    return data


@router.post(
    "/{workshop_id}/actions", response={201: ActionOut, **ERRORS}, summary="Record an action"
)
def create_action(request, workshop_id: Id, payload: ActionCreate):
    _logged_in(request)
    workshop = rules.workshop_for(request.auth, workshop_id)
    data = _action_values(payload.dict())
    if data.get("session") is not None:
        data["session"] = rules.session_for(request.auth, workshop, data["session"])
    action = services.action_create(workshop=workshop, by=request.auth, **data)
    return Status(201, _action(action))


@router.patch(
    "/{workshop_id}/actions/{action_id}",
    response={200: ActionOut, **ERRORS},
    summary="Give an action's news (owners) or change it (facilitators)",
)
def update_action(request, workshop_id: Id, action_id: Id, payload: ActionUpdateIn):
    _logged_in(request)
    action = rules.action_for(
        request.auth, rules.workshop_for(request.auth, workshop_id), action_id
    )
    data = payload.dict(exclude_unset=True)
    status, note = data.pop("status", None), data.pop("note", "")
    updated = services.action_update(
        action=action, by=request.auth, status=status, note=note, fields=_action_values(data)
    )
    return _action(updated)


# Evaluation ---------------------------------------------------------------------------


@router.post(
    "/{workshop_id}/evaluation",
    response={201: EvaluationOut, **ERRORS},
    summary="Evaluate the workshop (once)",
)
def evaluate(request, workshop_id: Id, payload: EvaluationIn):
    _logged_in(request)
    workshop = rules.workshop_for(request.auth, workshop_id)
    evaluation = services.evaluation_submit(
        workshop=workshop,
        by=request.auth,
        overall=payload.overall,
        most_useful=payload.most_useful,
        to_improve=payload.to_improve,
        ratings=payload.sessions,
    )
    return Status(201, {"id": evaluation.pk, "overall": evaluation.overall})


# The toolbox --------------------------------------------------------------------------


@tools_router.get(
    "", response={200: list[ToolOut], 401: ErrorOut}, summary="The facilitation toolbox"
)
def list_tools(request, q: str = ""):
    if not is_member(request.auth):
        raise ServiceError(_("Log in (send a token) to do this."), status=401)
    return [
        {
            **{f: getattr(t, f) for f in ToolOut.model_fields if f != "url"},
            "url": t.get_absolute_url(),
        }
        for t in selectors.search_tools(q=q)
    ]


routers = {"/workshops": router, "/facilitation-tools": tools_router}
