"""API v1 of the projects directory (``/api/v1/projects``), through the same permission
module and services as the pages:

- GET ``/projects`` (filters ``theme``, ``country``, ``region``, ``kind``, ``status``,
  ``year``; ``limit``/``offset``), GET ``/projects/{id}`` (with the linked items the
  caller may see and similar projects elsewhere);
- POST ``/projects`` to describe one, PATCH ``/projects/{id}`` to change it;
- POST ``/projects/{id}/links`` ``{"kind": "practice", "id": 12}`` to link a practice,
  adoption, indicator or resource the caller may see (404 otherwise);
- POST ``/projects/{id}/exchanges`` to propose an exchange from one of the caller's
  projects.

What the caller may not see answers 404, like what does not exist.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from palabre.lib.api import Day, ErrorOut, Id, InputSchema, Offset, PageMeta, example, named_choices
from palabre.lib.errors import refuse
from palabre.organisations.models import Organisation
from palabre.permissions import is_member
from palabre.permissions import projects as rules
from palabre.projects import selectors, services
from palabre.projects.models import Exchange, Project
from palabre.themes.models import Theme

router = Router(tags=["projects"])

ProjectStatus = named_choices("ProjectStatus", Project.Status)
ExchangeKind = named_choices("ExchangeKind", Exchange.Kind)
Visibility = Literal["organisation", "network", "public"]
WRITE = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}


class ProjectOut(Schema):
    id: int
    name: str
    acronym: str
    organisation: str = Field(description="The organisation's short address (slug)")
    start_date: date | None
    end_date: date | None
    country: str
    region: str
    themes: list[str] = Field(description="Theme slugs")
    funders: list[str]
    objectives: str
    status: str
    visibility: str
    url: str


class LinkedOut(Schema):
    id: int
    title: str
    url: str


class SimilarOut(Schema):
    project: ProjectOut
    score: float
    reasons: list[str] = Field(description="Why it is shown, in your language")


class ProjectDetailOut(ProjectOut):
    practices: list[LinkedOut]
    adoptions: list[LinkedOut]
    indicators: list[LinkedOut]
    resources: list[LinkedOut]
    similar: list[SimilarOut]


class ProjectPageOut(Schema):
    meta: PageMeta
    results: list[ProjectOut]


class ProjectIn(InputSchema):
    model_config = example(
        {
            "organisation": "adb",
            "name": "Comités de gestion de l'eau",
            "start_date": "2025-01-01",
            "end_date": "2026-12-31",
            "country": "CM",
            "region": "Nord-Ouest",
            "themes": ["epargne-microfinance"],
            "funders": ["Fondation A"],
            "status": "running",
            "visibility": "network",
        }
    )

    organisation: str = Field(max_length=80, description="Short address of your organisation")
    name: str = Field(max_length=200)
    acronym: str = Field("", max_length=30)
    start_date: Day | None = None
    end_date: Day | None = None
    country: str = Field("", max_length=2, description="ISO code: CM, TD, CG…")
    region: str = Field("", max_length=100)
    themes: list[str] = Field([], max_length=30, description="Theme slugs")
    funders: list[str] = Field([], max_length=30)
    objectives: str = Field("", max_length=20000)
    status: ProjectStatus = ProjectStatus("running")  # type: ignore[valid-type]
    visibility: Visibility = "network"


class ProjectPatchIn(InputSchema):
    model_config = example({"status": "closed", "end_date": "2026-06-30"})

    name: str | None = Field(None, max_length=200)
    acronym: str | None = Field(None, max_length=30)
    start_date: Day | None = None
    end_date: Day | None = None
    country: str | None = Field(None, max_length=2)
    region: str | None = Field(None, max_length=100)
    themes: list[str] | None = Field(None, max_length=30)
    funders: list[str] | None = Field(None, max_length=30)
    objectives: str | None = Field(None, max_length=20000)
    status: ProjectStatus | None = None  # type: ignore[valid-type]
    visibility: Visibility | None = None


class LinkIn(InputSchema):
    model_config = example({"kind": "practice", "id": 1})

    kind: Literal["practice", "adoption", "indicator", "resource"]
    id: Id


class ExchangeIn(InputSchema):
    model_config = example(
        {
            "from_project": 1,
            "kind": "call",
            "subject": "Nos comités de gestion",
            "message": "Pourrions-nous en parler par téléphone ?",
        }
    )

    from_project: Id = Field(description="Your project, from which you propose it")
    kind: ExchangeKind  # type: ignore[valid-type]
    subject: str = Field(max_length=200)
    message: str = Field(max_length=4000)


class ExchangeOut(Schema):
    id: int
    from_project: int
    to_project: int
    kind: str
    subject: str
    status: str
    url: str


def _out(project: Project) -> dict[str, Any]:
    return {
        "id": project.pk,
        "name": project.name,
        "acronym": project.acronym,
        "organisation": project.organisation.slug,
        "start_date": project.start_date,
        "end_date": project.end_date,
        "country": str(project.country or ""),
        "region": project.region,
        "themes": sorted(t.slug for t in project.themes.all()),
        "funders": list(project.funders or []),
        "objectives": project.objectives,
        "status": project.status,
        "visibility": project.visibility,
        "url": project.get_absolute_url(),
    }


def _member(request: HttpRequest) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    if not is_member(user):
        refuse(_("Log in (send a token) to do this."), status=401)
    return user


def _themes(slugs: list[str]) -> list[Theme]:
    themes = list(Theme.objects.filter(slug__in=slugs))
    unknown = sorted(set(slugs) - {t.slug for t in themes})
    if unknown:
        refuse(_("Unknown themes: %(names)s.") % {"names": ", ".join(unknown)}, field="themes")
    return themes


@router.get("", response=ProjectPageOut, summary="The projects directory")
def list_projects(
    request: HttpRequest,
    theme: str = Query("", max_length=80),
    country: str = Query("", max_length=2),
    region: str = Query("", max_length=100),
    kind: str = Query("", max_length=30),
    status: str = Query("", max_length=10),
    year: int | None = Query(None, ge=1900, le=2200),
    limit: int = Query(50, ge=1, le=200),
    offset: Offset = 0,
) -> Any:
    filters = selectors.Filters(
        theme=theme, country=country, region=region, kind=kind, status=status, year=year
    )
    qs = selectors.directory(request.auth, filters)  # type: ignore[attr-defined]
    return {
        "meta": {"count": qs.count(), "limit": limit, "offset": offset},
        "results": [_out(p) for p in qs[offset : offset + limit]],
    }


@router.get("/{project_id}", response={200: ProjectDetailOut, 404: ErrorOut})
def get_project(request: HttpRequest, project_id: Id) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    project = rules.project_for(
        user,
        project_id,
        queryset=Project.objects.select_related("organisation").prefetch_related("themes"),
    )
    linked = selectors.linked(user, project)
    return {
        **_out(project),
        "practices": [
            {"id": p.pk, "title": p.title, "url": p.get_absolute_url()} for p in linked.practices
        ],
        "adoptions": [
            {"id": a.pk, "title": a.practice.title, "url": a.get_absolute_url()}
            for a in linked.adoptions
        ],
        "indicators": [
            {"id": i.pk, "title": i.name, "url": i.get_absolute_url()} for i in linked.indicators
        ],
        "resources": [
            {"id": r.pk, "title": r.title, "url": r.get_absolute_url()} for r in linked.resources
        ],
        "similar": [
            {"project": _out(s.project), "score": s.score, "reasons": s.reasons}
            for s in selectors.similar(user, project)
        ],
    }


@router.post("", response={201: ProjectOut, **WRITE}, summary="Describe a project")
def create_project(request: HttpRequest, payload: ProjectIn) -> Any:
    user = _member(request)
    organisation = Organisation.objects.filter(slug=payload.organisation).first()
    if organisation is None:
        refuse(_("Unknown organisation."), field="organisation")
    data = payload.dict()
    data.pop("organisation")
    themes = _themes(data.pop("themes"))
    project = services.project_create(by=user, organisation=organisation, themes=themes, **data)
    return Status(201, _out(project))


@router.patch("/{project_id}", response={200: ProjectOut, **WRITE}, summary="Change a project")
def update_project(request: HttpRequest, project_id: Id, payload: ProjectPatchIn) -> Any:
    user = _member(request)
    project = rules.project_editable_for(user, project_id)
    data = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None}
    themes = _themes(data.pop("themes")) if "themes" in data else None
    project = services.project_update(project=project, by=user, themes=themes, **data)
    return _out(project)


@router.post(
    "/{project_id}/links",
    response={201: LinkedOut, **WRITE},
    summary="Point a practice, adoption, indicator or resource to the project",
)
def link(request: HttpRequest, project_id: Id, payload: LinkIn) -> Any:
    user = _member(request)
    project = rules.project_editable_for(user, project_id)
    made = services.link_add(project=project, by=user, kind=payload.kind, pk=payload.id)
    target = getattr(made, payload.kind)
    title = getattr(target, "title", None) or getattr(target, "name", "")
    return Status(201, {"id": target.pk, "title": str(title), "url": target.get_absolute_url()})


@router.post(
    "/{project_id}/exchanges",
    response={201: ExchangeOut, **WRITE},
    summary="Propose an exchange with this project, from one of yours",
)
def propose_exchange(request: HttpRequest, project_id: Id, payload: ExchangeIn) -> Any:
    user = _member(request)
    target = rules.project_for(user, project_id)
    mine = rules.project_for(user, payload.from_project)
    exchange = services.exchange_propose(
        from_project=mine,
        to_project=target,
        by=user,
        kind=str(payload.kind),
        subject=payload.subject,
        body=payload.message,
    )
    return Status(
        201,
        {
            "id": exchange.pk,
            "from_project": mine.pk,
            "to_project": target.pk,
            "kind": exchange.kind,
            "subject": exchange.subject,
            "status": exchange.status,
            "url": exchange.get_absolute_url(),
        },
    )


routers = {"/projects": router}
