"""API routes for practices: list, read, create a draft, update, submit, review, publish."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Prefetch
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.renderers import JSONRenderer
from ninja.responses import Status

from palabre import permissions
from palabre.lib.api import (
    MAX_INT,
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
from palabre.permissions import practices as rules
from palabre.practices import services
from palabre.practices.models import Practice, Step
from palabre.practices.search import (
    FACETS,
    FoundResults,
    _find,
    _generation,
    _sort,
    clean_filters,
)
from palabre.search.query import parse
from palabre.themes.models import Tag, Theme

router = Router(tags=["practices"])

# Each app's choices under a name of their own in the OpenAPI document; for mypy,
# the model's choices (the same values).
if TYPE_CHECKING:
    PracticeKind = Practice.Kind
else:
    PracticeKind = named_choices("PracticeKind", Practice.Kind)


class PracticeOrganisationRef(Schema):
    slug: str
    name: str


class PracticePersonRef(Schema):
    id: int
    name: str


class StepIO(InputSchema):
    title: str = Field(max_length=200)
    description: str = ""
    what_made_it_work: str = ""


class PracticeSummary(Schema):
    id: int
    url: str
    title: str
    kind: str
    language: str
    status: str
    visibility: str
    summary: str
    lead_organisation: PracticeOrganisationRef
    themes: list[str]
    country: str
    region: str
    last_published_at: datetime | None
    updated_at: datetime


class PracticeOut(PracticeSummary):
    version: int
    maturity: str
    context: str
    objectives: str
    beneficiaries: str
    beneficiaries_women: int | None
    beneficiaries_men: int | None
    stakeholders: str
    approach: str
    steps: list[StepIO]
    resources: str
    cost_amount: Decimal | None
    cost_currency: str
    results: str
    success_factors: str
    difficulties: str
    lessons: str
    sustainability: str
    replication: str
    period_start: date | None
    period_end: date | None
    project_name: str
    partners: list[PracticeOrganisationRef]
    authors: list[PracticePersonRef]
    tags: list[str]
    translation_of: int | None
    review_by: date | None


class FacetCount(Schema):
    value: str
    label: str
    count: int


class PracticePage(Schema):
    meta: PageMeta
    results: list[PracticeSummary]
    facets: dict[str, list[FacetCount]] = Field(
        description="Each facet's most frequent values (and the one chosen), at most "
        "a dozen unless `all` names the facet"
    )
    facets_more: dict[str, int] = Field(
        default_factory=dict,
        description="How many other values a facet has (list them with `all=<facet>`)",
    )
    sort: str
    suggestion: str | None = None
    # The query whose results these are, when the words typed found (almost) nothing.
    corrected: str | None = None
    # No practice has every word: these are the practices with the most of them.
    partial: bool = False


TEXT = (
    "summary", "context", "objectives", "beneficiaries", "stakeholders", "approach",
    "resources", "results", "success_factors", "difficulties", "lessons", "sustainability",
    "replication", "project_name", "region",
)  # fmt: skip


class PracticeFields(InputSchema):
    kind: PracticeKind | None = None
    language: str | None = Field(None, pattern="^(fr|en)$")
    summary: str | None = None
    context: str | None = None
    objectives: str | None = None
    beneficiaries: str | None = None
    beneficiaries_women: int | None = Field(None, ge=0, le=MAX_INT)
    beneficiaries_men: int | None = Field(None, ge=0, le=MAX_INT)
    stakeholders: str | None = None
    approach: str | None = None
    steps: list[StepIO] | None = None
    resources: str | None = None
    cost_amount: Decimal | None = Field(None, ge=0, max_digits=14, decimal_places=0)
    cost_currency: str | None = Field(None, pattern="^[A-Z]{3}$")
    results: str | None = None
    success_factors: str | None = None
    difficulties: str | None = None
    lessons: str | None = None
    sustainability: str | None = None
    replication: str | None = None
    period_start: Day | None = None
    period_end: Day | None = None
    country: str | None = Field(None, pattern="^[A-Z]{2}$")
    region: str | None = Field(None, max_length=100)
    project_name: str | None = Field(None, max_length=200)
    visibility: str | None = Field(None, pattern="^(organisation|network|public)$")
    themes: list[str] | None = Field(None, description="Theme slugs (see /themes/)")
    tags: list[str] | None = None
    partners: list[str] | None = Field(None, description="Organisation slugs")


class PracticeCreate(PracticeFields):
    model_config = example(
        {
            "title": "Le warrantage à Ngaoundéré",
            "lead_organisation": "adb",
            "kind": "good_practice",
            "language": "fr",
            "summary": "Les producteurs stockent leur maïs après la récolte et obtiennent un crédit gagé sur le stock.",
            "themes": ["epargne-microfinance"],
            "tags": ["warrantage"],
            "country": "CM",
            "region": "Adamaoua",
            "visibility": "network",
        }
    )

    title: str = Field(min_length=3, max_length=200)
    lead_organisation: str = Field(description="Slug of the lead organisation")
    external_id: str = Field("", max_length=100)


class PracticeUpdate(PracticeFields):
    model_config = example(
        {
            "version": 1,
            "summary": "Les producteurs stockent leur maïs et le vendent quand les prix remontent.",
            "steps": [
                {
                    "title": "Construire le magasin sur une butte",
                    "what_made_it_work": "Chaque famille a donné une journée de travail.",
                }
            ],
        }
    )

    version: Number = Field(description="The version you started from; a newer one answers 409")
    title: str | None = Field(None, min_length=3, max_length=200)


class ReviewIn(InputSchema):
    model_config = example(
        {
            "message": "Merci ! Deux précisions avant de publier.",
            "comments": {"results": "Combien de ménages en ont profité ?"},
        }
    )

    message: str = ""
    comments: dict[str, str] = Field(default_factory=dict, description="Section slug → comment")


def _summary(p: Practice) -> dict:
    return {
        "id": p.pk,
        "url": p.get_absolute_url(),
        "title": p.title,
        "kind": p.kind,
        "language": p.language,
        "status": p.status,
        "visibility": p.visibility,
        "summary": p.summary,
        "lead_organisation": {"slug": p.lead_organisation.slug, "name": p.lead_organisation.name},
        "themes": [t.slug for t in p.themes.all()],
        "country": str(p.country or ""),
        "region": p.region,
        "last_published_at": p.last_published_at,
        "updated_at": p.updated_at,
    }


SUMMARY_FIELDS = (
    "id", "title", "kind", "language", "status", "visibility", "summary", "country", "region",
    "last_published_at", "updated_at", "lead_organisation__slug", "lead_organisation__name",
)  # fmt: skip


def _summaries(ids: list[int]) -> list[dict]:
    """``_summary`` of each practice, in the order of ``ids``, read as plain rows: a page of
    search results is two queries and no model objects (half the time of a cached search)."""
    rows = {row["id"]: row for row in Practice.objects.filter(pk__in=ids).values(*SUMMARY_FIELDS)}
    themes: dict[int, list[str]] = {pk: [] for pk in rows}
    for practice_id, slug in (
        Practice.themes.through.objects.filter(practice_id__in=ids)
        .order_by("practice_id", "theme__position", "theme__name_fr")
        .values_list("practice_id", "theme__slug")
    ):
        themes[practice_id].append(slug)
    summaries = []
    for pk in ids:
        if pk not in rows:
            continue
        row = rows[pk]
        organisation = {
            "slug": row.pop("lead_organisation__slug"),
            "name": row.pop("lead_organisation__name"),
        }
        summaries.append(
            {
                **row,
                "url": reverse("practices:detail", args=[pk]),
                "lead_organisation": organisation,
                "themes": themes[pk],
                "country": str(row["country"] or ""),
            }
        )
    return summaries


def _full(p: Practice) -> dict:
    data = _summary(p)
    for name in (*TEXT, "version", "maturity", "beneficiaries_women", "beneficiaries_men", "cost_amount", "cost_currency", "period_start", "period_end", "review_by"):  # fmt: skip
        data[name] = getattr(p, name)
    data["steps"] = [
        {"title": s.title, "description": s.description, "what_made_it_work": s.what_made_it_work}
        for s in p.steps.all()
    ]
    data["partners"] = [{"slug": o.slug, "name": o.name} for o in p.partners.all()]
    data["authors"] = [{"id": u.pk, "name": str(u)} for u in p.authors.all()]
    data["tags"] = [t.name for t in p.tags.all()]
    data["translation_of"] = p.translation_of_id
    return data


def _openable(request, practice_id: Id) -> Practice:
    return rules.practice_for(request.auth, practice_id)


KEPT_WHEN_NULL = (
    "kind",
    "language",
    "visibility",
    "country",
    "themes",
    "partners",
    "tags",
    "steps",
)


def _resolve(payload: PracticeFields) -> dict:
    """Turn slugs into objects; unknown ones are a 400 with the names."""
    data = payload.dict(exclude_unset=True)
    for name in ("version", "external_id"):
        data.pop(name, None)
    # null for what a practice always has (a kind, its themes…) leaves it as it is.
    for name in KEPT_WHEN_NULL:
        if name in data and data[name] is None:
            del data[name]
    if data.get("themes") is not None:
        slugs = set(data["themes"])
        themes = list(Theme.objects.filter(slug__in=slugs))
        unknown = slugs - {t.slug for t in themes}
        if unknown:
            raise ServiceError(
                _("Unknown themes: %(names)s.") % {"names": ", ".join(sorted(unknown))}
            )
        data["themes"] = themes
    if data.get("partners") is not None:
        slugs = set(data["partners"])
        partners = list(Organisation.objects.filter(slug__in=slugs))
        unknown = slugs - {o.slug for o in partners}
        if unknown:
            raise ServiceError(
                _("Unknown organisations: %(names)s.") % {"names": ", ".join(sorted(unknown))}
            )
        data["partners"] = partners
    if data.get("tags") is not None:
        data["tags"] = Tag.for_names(data["tags"])
    for name in (*TEXT, "cost_currency"):
        if name in data and data[name] is None:
            data[name] = ""
    if (
        data.get("period_start")
        and data.get("period_end")
        and data["period_end"] < data["period_start"]
    ):
        raise ServiceError(_("The end comes before the start."))
    return data


def _prefetched(qs):
    return qs.select_related("lead_organisation").prefetch_related(
        "themes", "partners", "tags", Prefetch("steps", queryset=Step.objects.order_by("position")),
        Prefetch("authors", queryset=get_user_model().objects.only("pk", "display_name", "email")),
    )  # fmt: skip


@router.get("", response=PracticePage, summary="Search the published practices you may read")
def list_practices(
    request,
    q: str = Query("", max_length=2000, description='Words to find; "a phrase"; -excluded'),
    theme: str = "",
    kind: str = "",
    maturity: str = "",
    country: str = "",
    org_kind: str = "",
    organisation: str = "",
    year: str = "",
    language: str = "",
    sort: str = Query("", description="relevance (default with q), date, adopted"),
    limit: int = Query(20, ge=1, le=100),
    offset: Offset = 0,
    exact: bool = Query(False, description="Search the words as typed, never corrected"),
    expand: str = Query(
        "", alias="all", max_length=30, description="A facet whose values to list in full"
    ),
):
    filters = clean_filters(
        {
            "theme": theme, "kind": kind, "maturity": maturity, "country": country,
            "org_kind": org_kind, "organisation": organisation, "year": year,
            "language": language,
        }
    )  # fmt: skip
    expand = expand if expand in dict(FACETS) else ""
    # The whole answer is kept a few minutes for everyone who sees the same practices (same
    # organisations and roles), in the same language, until the library changes.
    seconds = settings.SEARCH_CACHE_SECONDS
    asked = [q, sorted(filters.items()), sort, limit, offset, exact, expand]
    key = _answer_key(request.auth, asked) if seconds else ""
    if key and (kept := cache.get(key)) is not None:
        return HttpResponse(kept, content_type=ANSWER_TYPE)
    parsed = parse(q)
    sort = _sort(sort, parsed)
    found = _find(
        user=request.auth,
        parsed=parsed,
        filters=filters,
        sort=sort,
        with_facets=True,
        exact=exact,
        expand=expand or None,
    )
    results = FoundResults(found, user=request.auth, parsed=parsed, filters=filters, sort=sort)
    count = found.total
    page = results.ids(offset, offset + limit)
    facets = {
        facet.name: [{"value": v.value, "label": v.label, "count": v.count} for v in facet.values]
        for facet in found.facets
    }
    answer = {
        "meta": {"count": count, "limit": limit, "offset": offset},
        "results": _summaries(page),
        "facets": facets,
        "facets_more": {facet.name: facet.more for facet in found.facets if facet.more},
        "sort": sort,
        "suggestion": found.suggestion,
        "corrected": found.corrected,
        "partial": found.partial,
    }
    # Checked against the schema and written as django-ninja would, then kept as written.
    checked = PracticePage.model_validate(answer).model_dump()
    response = HttpResponse(
        JSONRenderer().render(request, checked, response_status=200), content_type=ANSWER_TYPE
    )
    if key:
        cache.set(key, response.content, seconds)
    return response


ANSWER_TYPE = f"{JSONRenderer.media_type}; charset={JSONRenderer.charset}"


def _answer_key(user, asked: list) -> str:
    signature = json.dumps(
        [asked, get_language(), permissions.audience_key(user), _generation()], default=str
    )
    return "practice-search-answer:" + hashlib.sha256(signature.encode()).hexdigest()


@router.get("/{practice_id}", response={200: PracticeOut, 404: ErrorOut}, summary="Read a practice")
def read_practice(request, practice_id: Id):
    practice = _openable(request, practice_id)
    return _full(_prefetched(Practice.objects.filter(pk=practice.pk)).get())


@router.post(
    "",
    response={201: PracticeOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut},
    summary="Create a draft",
)
def create_practice(request, payload: PracticeCreate):
    if not request.auth.is_authenticated:
        return Status(401, {"detail": _("Log in (send a token) to write practices.")})
    organisation = Organisation.objects.filter(slug=payload.lead_organisation).first()
    if organisation is None:
        raise ServiceError(
            _("Unknown organisations: %(names)s.") % {"names": payload.lead_organisation}
        )
    data = _resolve(payload)
    data.pop("lead_organisation", None)
    steps = data.pop("steps", None)
    if steps is not None:
        data["steps"] = steps
    practice = services.practice_create(
        by=request.auth, lead_organisation=organisation, external_id=payload.external_id, **data
    )
    return Status(201, _full(_prefetched(Practice.objects.filter(pk=practice.pk)).get()))


@router.patch(
    "/{practice_id}",
    response={200: PracticeOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Update a draft (send the version you started from)",
)
def update_practice(request, practice_id: Id, payload: PracticeUpdate):
    practice = rules.practice_editable_for(request.auth, practice_id)
    data = _resolve(payload)
    steps = data.pop("steps", None)
    services.practice_update(
        practice=practice,
        by=request.auth,
        fields=data,
        expected_version=payload.version,
        steps=steps,
    )
    return _full(_prefetched(Practice.objects.filter(pk=practice.pk)).get())


def _transition(request, practice_id: Id, action, **kwargs):
    practice = _openable(request, practice_id)
    result = action(practice=practice, by=request.auth, **kwargs)
    return _full(_prefetched(Practice.objects.filter(pk=result.pk)).get())


TRANSITION_RESPONSES = {
    200: PracticeOut,
    400: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
}


@router.post("/{practice_id}/submit", response=TRANSITION_RESPONSES, summary="Submit for review")
def submit_practice(request, practice_id: Id):
    return _transition(request, practice_id, services.practice_submit)


@router.post(
    "/{practice_id}/request-changes",
    response=TRANSITION_RESPONSES,
    summary="Request changes (facilitators)",
)
def request_changes(request, practice_id: Id, payload: ReviewIn):
    return _transition(
        request,
        practice_id,
        services.practice_request_changes,
        comments=payload.comments,
        message=payload.message,
    )


@router.post(
    "/{practice_id}/publish", response=TRANSITION_RESPONSES, summary="Publish (facilitators)"
)
def publish_practice(
    request, practice_id: Id, note: str = Query("", max_length=300, description="What changed")
):
    return _transition(request, practice_id, services.practice_publish, note=note)


routers = {"/practices": router}
