"""API routes for adoptions, feedback reports, indicators and measurements (same services and rules)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Max, OuterRef, Subquery
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from palabre.adoptions import selectors, services
from palabre.adoptions.models import Adoption, FeedbackReport, Indicator, Measurement
from palabre.lib.api import (
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
from palabre.permissions import adoptions as rules
from palabre.permissions import practices as practice_rules
from palabre.practices.models import Practice, Revision

adoptions_router = Router(tags=["adoptions"])
feedback_router = Router(tags=["adoptions"])
indicators_router = Router(tags=["indicators"])
measurements_router = Router(tags=["indicators"])

# Each app's choices under a name of their own in the OpenAPI document; for mypy,
# the model's choices (the same values).
if TYPE_CHECKING:
    AdoptionStatus = Adoption.Status
    FeedbackVisibility = FeedbackReport.Visibility
    IndicatorValueType = Indicator.ValueType
    IndicatorDirection = Indicator.Direction
else:
    AdoptionStatus = named_choices("AdoptionStatus", Adoption.Status)
    FeedbackVisibility = named_choices("FeedbackVisibility", FeedbackReport.Visibility)
    IndicatorValueType = named_choices("IndicatorValueType", Indicator.ValueType)
    IndicatorDirection = named_choices("IndicatorDirection", Indicator.Direction)

WRITE = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}


class AdoptionOrganisationRef(Schema):
    slug: str
    name: str


class AdoptionPracticeRef(Schema):
    id: int
    title: str
    url: str


class AdoptionPersonRef(Schema):
    id: int
    name: str


# Schemas ---------------------------------------------------------------------------


class AdoptionOut(Schema):
    id: int
    url: str
    practice: AdoptionPracticeRef
    organisation: AdoptionOrganisationRef
    team: str
    project_name: str
    status: str
    started_on: date
    ended_on: date | None
    context: str
    adaptations: str
    abandon_reason: str
    country: str
    region: str
    contact: AdoptionPersonRef | None
    version_adopted: int | None
    report_count: int
    created_at: datetime
    updated_at: datetime


class AdoptionPage(Schema):
    meta: PageMeta
    results: list[AdoptionOut]


class AdoptionFields(InputSchema):
    model_config = example(
        {
            "status": "completed",
            "ended_on": "2026-03-31",
            "adaptations": "Un magasin loué plutôt que construit.",
        }
    )

    team: str | None = Field(None, max_length=200)
    project_name: str | None = Field(None, max_length=200)
    started_on: Day | None = None
    status: AdoptionStatus | None = None
    ended_on: Day | None = None
    context: str | None = None
    adaptations: str | None = None
    abandon_reason: str | None = Field(None, description="Required when the status is abandoned")
    country: str | None = Field(None, pattern="^[A-Z]{2}$")
    region: str | None = Field(None, max_length=100)


class AdoptionCreate(AdoptionFields):
    model_config = example(
        {
            "practice": 12,
            "organisation": "ate",
            "started_on": "2025-09-01",
            "status": "in_progress",
            "team": "Équipe de Moundou",
            "context": "Deux groupements de producteurs de sorgho.",
        }
    )

    practice: Id = Field(description="The id of the published practice adopted")
    organisation: str = Field(description="Slug of your organisation that adopts it")
    started_on: Day
    external_id: str = Field("", max_length=100)


class FeedbackOut(Schema):
    id: int
    url: str
    adoption: int
    practice: AdoptionPracticeRef
    organisation: AdoptionOrganisationRef
    reported_on: date
    effectiveness: int
    results: str
    difficulties: str
    suggestions: str
    would_recommend: bool
    status_at_report: str
    visibility: str
    milestone_months: int | None
    answer: str
    answered_at: datetime | None
    addressed_in_version: int | None


class FeedbackPage(Schema):
    meta: PageMeta
    results: list[FeedbackOut]


class FeedbackCreate(InputSchema):
    model_config = example(
        {
            "reported_on": "2026-04-15",
            "effectiveness": 4,
            "would_recommend": True,
            "results": "Les prix de vente ont augmenté d'un tiers.",
            "difficulties": "Trouver un magasin au sec.",
            "suggestions": "Dire dès le début qui garde la clé.",
            "visibility": "network",
        }
    )

    reported_on: Day | None = Field(None, description="Today when left out")
    effectiveness: Number = Field(description="From 1 (did not work) to 5 (worked very well)")
    would_recommend: bool
    results: str = ""
    difficulties: str = ""
    suggestions: str = ""
    visibility: FeedbackVisibility = FeedbackVisibility.NETWORK
    status: AdoptionStatus | None = Field(
        None, description="The adoption's status now (it is updated)"
    )
    abandon_reason: str = ""
    milestone_months: Number | None = None


class FeedbackAnswerIn(InputSchema):
    model_config = example(
        {
            "answer": "Merci ! Nous avons ajouté une étape sur la garde des clés.",
            "addressed_in_version": 2,
        }
    )

    answer: str = ""
    addressed_in_version: Number | None = Field(
        None, description="Number of the published version that addresses the feedback"
    )


class OutcomesOut(Schema):
    practice: int
    maturity: str
    evidence: dict[str, Any]
    adoptions: int
    by_status: dict[str, int]
    reports: int
    average_effectiveness: float | None
    would_recommend_share: float | None = Field(description="Percent of reports")
    by_country: dict[str, int]


class IndicatorOut(Schema):
    id: int
    url: str
    organisation: AdoptionOrganisationRef
    name: str
    description: str
    unit: str
    value_type: str
    direction: str
    baseline_value: float
    baseline_date: date
    target_value: float
    target_date: date
    adoptions: list[int]
    latest_value: float | None
    latest_on: date | None
    progress: float | None = Field(description="Percent of the way from baseline to target")


class IndicatorFields(InputSchema):
    model_config = example({"target_value": "85", "target_date": "2028-06-30"})

    name: str | None = Field(None, max_length=200)
    description: str | None = None
    unit: str | None = Field(None, max_length=40)
    value_type: IndicatorValueType | None = None
    direction: IndicatorDirection | None = None
    baseline_value: Decimal | str | None = None
    baseline_date: Day | None = None
    target_value: Decimal | str | None = None
    target_date: Day | None = None
    adoptions: list[Id] | None = Field(
        None, max_length=1000, description="Ids of your organisation's adoptions"
    )


class IndicatorCreate(IndicatorFields):
    model_config = example(
        {
            "organisation": "ate",
            "name": "Ménages avec latrines",
            "description": "Part des ménages du village qui ont des latrines.",
            "unit": "%",
            "value_type": "percentage",
            "direction": "increase",
            "baseline_value": "35",
            "baseline_date": "2025-01-01",
            "target_value": "80",
            "target_date": "2027-12-31",
        }
    )

    organisation: str = Field(description="Slug of your organisation")
    name: str = Field(max_length=200)
    unit: str = Field(max_length=40)
    baseline_value: Decimal | str
    baseline_date: Day
    target_value: Decimal | str
    target_date: Day
    external_id: str = Field("", max_length=100)


class MeasurementOut(Schema):
    id: int
    indicator: int
    measured_on: date
    value: float
    source: str
    comment: str
    via: str
    created_at: datetime


class MeasurementPage(Schema):
    meta: PageMeta
    results: list[MeasurementOut]


class MeasurementIn(InputSchema):
    model_config = example(
        {
            "measured_on": "2026-06-30",
            "value": "52,5 %",
            "source": "Enquête ménages de juin",
            "comment": "Après la campagne de sensibilisation.",
        }
    )

    measured_on: Day
    value: Decimal | str = Field(
        description="A number, or text such as “1 250,5” or “75 %” in the indicator's unit"
    )
    source: str = Field("", max_length=200)
    comment: str = ""


class MeasurementPatch(InputSchema):
    model_config = example({"value": "53", "comment": "Corrigé après vérification des fiches."})

    measured_on: Day | None = None
    value: Decimal | str | None = None
    source: str | None = Field(None, max_length=200)
    comment: str | None = None


# Output ----------------------------------------------------------------------------


def _org(o: Organisation) -> dict:
    return {"slug": o.slug, "name": o.name}


def _practice(p: Practice) -> dict:
    return {"id": p.pk, "title": p.title, "url": p.get_absolute_url()}


def _adoption(a: Adoption) -> dict:
    return {
        "id": a.pk,
        "url": a.get_absolute_url(),
        "practice": _practice(a.practice),
        "organisation": _org(a.organisation),
        "team": a.team,
        "project_name": a.project_name,
        "status": a.status,
        "started_on": a.started_on,
        "ended_on": a.ended_on,
        "context": a.context,
        "adaptations": a.adaptations,
        "abandon_reason": a.abandon_reason,
        "country": str(a.country or ""),
        "region": a.region,
        "contact": {"id": a.contact.pk, "name": str(a.contact)} if a.contact else None,
        "version_adopted": a.revision.number if a.revision else None,
        "report_count": a.report_count if hasattr(a, "report_count") else a.reports.count(),
        "created_at": a.created_at,
        "updated_at": a.updated_at,
    }


def _feedback(r: FeedbackReport) -> dict:
    return {
        "id": r.pk,
        "url": r.get_absolute_url(),
        "adoption": r.adoption_id,
        "practice": _practice(r.adoption.practice),
        "organisation": _org(r.adoption.organisation),
        "reported_on": r.reported_on,
        "effectiveness": r.effectiveness,
        "results": r.results,
        "difficulties": r.difficulties,
        "suggestions": r.suggestions,
        "would_recommend": r.would_recommend,
        "status_at_report": r.status_at_report,
        "visibility": r.visibility,
        "milestone_months": r.milestone_months,
        "answer": r.answer,
        "answered_at": r.answered_at,
        "addressed_in_version": r.addressed_in.number if r.addressed_in else None,
    }


def _indicator(i: Indicator) -> dict:
    latest = getattr(i, "latest_value", None)
    return {
        "id": i.pk,
        "url": i.get_absolute_url(),
        "organisation": _org(i.organisation),
        "name": i.name,
        "description": i.description,
        "unit": i.unit,
        "value_type": i.value_type,
        "direction": i.direction,
        "baseline_value": float(i.baseline_value),
        "baseline_date": i.baseline_date,
        "target_value": float(i.target_value),
        "target_date": i.target_date,
        "adoptions": [a.pk for a in i.adoptions.all()],
        "latest_value": float(latest) if latest is not None else None,
        "latest_on": getattr(i, "latest_on", None),
        "progress": round(p, 1) if (p := i.progress(latest)) is not None else None,
    }


def _measurement(m: Measurement) -> dict:
    return {
        "id": m.pk,
        "indicator": m.indicator_id,
        "measured_on": m.measured_on,
        "value": float(m.value),
        "source": m.source,
        "comment": m.comment,
        "via": m.via,
        "created_at": m.created_at,
    }


# What each answer loads; palabre.permissions.adoptions filters it for the person.


def _adoptions():
    return Adoption.objects.select_related(
        "practice", "organisation", "contact", "revision"
    ).annotate(report_count=Count("reports"))


def _feedback_qs():
    return FeedbackReport.objects.select_related(
        "adoption__practice", "adoption__organisation", "addressed_in"
    )


def _indicators():
    latest = Measurement.objects.filter(indicator=OuterRef("pk")).order_by("-measured_on", "-pk")
    return (
        Indicator.objects.select_related("organisation")
        .prefetch_related("adoptions")
        .annotate(
            latest_value=Subquery(latest.values("value")[:1]),
            latest_on=Max("measurements__measured_on"),
        )
    )


def _logged_in(request) -> None:
    if not request.auth.is_authenticated:
        raise ServiceError(_("Log in (send a token) to do this."), status=401)


def _page(qs, limit: int, offset: int, serialise) -> dict:
    count = qs.count()
    return {
        "meta": {"count": count, "limit": limit, "offset": offset},
        "results": [serialise(item) for item in qs[offset : offset + limit]],
    }


# Adoptions -------------------------------------------------------------------------


@adoptions_router.get("", response=AdoptionPage, summary="Adoptions you may see")
def list_adoptions(
    request,
    practice: Id | None = None,
    organisation: str = "",
    status: str = "",
    limit: int = Query(20, ge=1, le=100),
    offset: Offset = 0,
):
    qs = rules.adoptions_visible_to(request.auth, _adoptions())
    if practice is not None:
        qs = qs.filter(practice_id=practice)
    if organisation:
        qs = qs.filter(organisation__slug=organisation)
    if status:
        qs = qs.filter(status=status)
    return _page(qs.order_by("-started_on", "-pk"), limit, offset, _adoption)


@adoptions_router.get(
    "/{adoption_id}", response={200: AdoptionOut, 404: ErrorOut}, summary="Read an adoption"
)
def read_adoption(request, adoption_id: Id):
    return _adoption(rules.adoption_for(request.auth, adoption_id, queryset=_adoptions()))


@adoptions_router.post(
    "", response={201: AdoptionOut, **WRITE}, summary="Record an adoption of a practice"
)
def create_adoption(request, payload: AdoptionCreate):
    _logged_in(request)
    practice = practice_rules.practice_for(request.auth, payload.practice)
    organisation = Organisation.objects.filter(slug=payload.organisation).first()
    if organisation is None:
        raise ServiceError(
            _("Unknown organisation: %(name)s.") % {"name": payload.organisation},
            field="organisation",
        )
    data = payload.dict(exclude_unset=True, exclude={"practice", "organisation", "external_id"})
    adoption = services.adoption_create(
        by=request.auth,
        practice=practice,
        organisation=organisation,
        external_id=payload.external_id,
        **{k: v for k, v in data.items() if v is not None},
    )
    return Status(
        201, _adoption(rules.adoption_for(request.auth, adoption.pk, queryset=_adoptions()))
    )


@adoptions_router.patch(
    "/{adoption_id}",
    response={200: AdoptionOut, **WRITE},
    summary="Change an adoption (status, dates…)",
)
def update_adoption(request, adoption_id: Id, payload: AdoptionFields):
    _logged_in(request)
    adoption = rules.adoption_for(request.auth, adoption_id)
    fields = payload.dict(exclude_unset=True)
    for name in ("team", "project_name", "context", "adaptations", "abandon_reason", "region"):
        if name in fields and fields[name] is None:
            fields[name] = ""
    services.adoption_update(adoption=adoption, by=request.auth, fields=fields)
    return _adoption(rules.adoption_for(request.auth, adoption.pk, queryset=_adoptions()))


@adoptions_router.delete(
    "/{adoption_id}", response={204: None, **WRITE}, summary="Remove an adoption without feedback"
)
def delete_adoption(request, adoption_id: Id):
    _logged_in(request)
    adoption = rules.adoption_for(request.auth, adoption_id)
    services.adoption_delete(adoption=adoption, by=request.auth)
    return Status(204, None)


@adoptions_router.get(
    "/{adoption_id}/feedback",
    response={200: list[FeedbackOut], 404: ErrorOut},
    summary="Feedback reports on an adoption",
)
def adoption_feedback(request, adoption_id: Id):
    adoption = rules.adoption_for(request.auth, adoption_id)
    reports = rules.feedback_visible_to(request.auth, _feedback_qs()).filter(adoption=adoption)
    return [_feedback(r) for r in reports]


@adoptions_router.post(
    "/{adoption_id}/feedback",
    response={201: FeedbackOut, **WRITE},
    summary="Report how an adoption of your organisation went",
)
def create_feedback(request, adoption_id: Id, payload: FeedbackCreate):
    _logged_in(request)
    adoption = rules.adoption_for(request.auth, adoption_id)
    report = services.feedback_create(adoption=adoption, by=request.auth, **payload.dict())
    return Status(
        201, _feedback(rules.feedback_for(request.auth, report.pk, queryset=_feedback_qs()))
    )


@adoptions_router.get(
    "/practices/{practice_id}/outcomes",
    response={200: OutcomesOut, 404: ErrorOut},
    summary="Outcomes of a practice across adopters (figures only)",
)
def practice_outcomes(request, practice_id: Id):
    practice = rules.outcomes_practice_for(request.auth, practice_id, archived=False)
    outcomes = selectors.practice_outcomes(practice)
    evidence = selectors.maturity_evidence(practice)
    return {
        "practice": practice.pk,
        "maturity": practice.maturity,
        "evidence": {
            "positive_completed_adoptions": evidence.adoptions,
            "organisations": evidence.organisations,
            "countries": evidence.countries,
            "ended_with_report": evidence.ended_with_report,
            "next_level": evidence.next_level,
            "missing": evidence.missing,
        },
        "adoptions": outcomes.total,
        "by_status": outcomes.by_status,
        "reports": outcomes.reports,
        "average_effectiveness": outcomes.average_effectiveness,
        "would_recommend_share": outcomes.recommend_share,
        "by_country": {c["code"] or "": c["n"] for c in outcomes.by_country},
    }


# Feedback --------------------------------------------------------------------------


@feedback_router.get("", response=FeedbackPage, summary="Feedback reports you may read")
def list_feedback(
    request,
    practice: Id | None = None,
    organisation: str = "",
    limit: int = Query(20, ge=1, le=100),
    offset: Offset = 0,
):
    qs = rules.feedback_visible_to(request.auth, _feedback_qs())
    if practice is not None:
        qs = qs.filter(adoption__practice_id=practice)
    if organisation:
        qs = qs.filter(adoption__organisation__slug=organisation)
    return _page(qs.order_by("-reported_on", "-pk"), limit, offset, _feedback)


@feedback_router.get(
    "/{report_id}", response={200: FeedbackOut, 404: ErrorOut}, summary="Read a feedback report"
)
def read_feedback(request, report_id: Id):
    return _feedback(rules.feedback_for(request.auth, report_id, queryset=_feedback_qs()))


@feedback_router.post(
    "/{report_id}/answer",
    response={200: FeedbackOut, **WRITE},
    summary="Answer a feedback report (the practice's authors)",
)
def answer_feedback(request, report_id: Id, payload: FeedbackAnswerIn):
    _logged_in(request)
    report = rules.feedback_for(request.auth, report_id)
    revision = None
    if payload.addressed_in_version is not None:
        revision = Revision.objects.filter(
            practice_id=report.adoption.practice_id, number=payload.addressed_in_version
        ).first()
        if revision is None:
            raise ServiceError(_("Choose a version of this practice."), field="addressed_in")
    services.feedback_answer(
        report=report, by=request.auth, answer=payload.answer, addressed_in=revision
    )
    return _feedback(rules.feedback_for(request.auth, report.pk, queryset=_feedback_qs()))


# Indicators ------------------------------------------------------------------------


@indicators_router.get("", response=list[IndicatorOut], summary="Your organisations' indicators")
def list_indicators(request, organisation: str = ""):
    qs = rules.indicators_visible_to(request.auth, _indicators())
    if organisation:
        qs = qs.filter(organisation__slug=organisation)
    return [_indicator(i) for i in qs.order_by("organisation__name", "name")]


@indicators_router.get(
    "/{indicator_id}", response={200: IndicatorOut, 404: ErrorOut}, summary="Read an indicator"
)
def read_indicator(request, indicator_id: Id):
    return _indicator(rules.indicator_for(request.auth, indicator_id, queryset=_indicators()))


def _adoption_objects(user, ids: list[int] | None) -> list[Adoption] | None:
    """The adoptions an indicator follows, among those the person sees (the service checks
    they are the indicator's organisation's)."""
    if ids is None:
        return None
    found = list(rules.adoptions_visible_to(user).filter(pk__in=ids))
    if len(found) != len(set(ids)):
        raise ServiceError(
            _("An indicator can only follow its own organisation's adoptions."), field="adoptions"
        )
    return found


@indicators_router.post(
    "", response={201: IndicatorOut, **WRITE}, summary="Define an indicator of your organisation"
)
def create_indicator(request, payload: IndicatorCreate):
    _logged_in(request)
    organisation = Organisation.objects.filter(slug=payload.organisation).first()
    if organisation is None:
        raise ServiceError(
            _("Unknown organisation: %(name)s.") % {"name": payload.organisation},
            field="organisation",
        )
    data = payload.dict(exclude={"organisation", "external_id"}, exclude_none=True)
    data["adoptions"] = _adoption_objects(request.auth, data.get("adoptions"))
    indicator = services.indicator_create(
        by=request.auth, organisation=organisation, external_id=payload.external_id, **data
    )
    return Status(
        201, _indicator(rules.indicator_for(request.auth, indicator.pk, queryset=_indicators()))
    )


@indicators_router.patch(
    "/{indicator_id}", response={200: IndicatorOut, **WRITE}, summary="Change an indicator"
)
def update_indicator(request, indicator_id: Id, payload: IndicatorFields):
    _logged_in(request)
    indicator = rules.indicator_for(request.auth, indicator_id)
    fields = payload.dict(exclude_unset=True)
    if "adoptions" in fields:
        fields["adoptions"] = _adoption_objects(request.auth, fields["adoptions"]) or []
    if fields.get("description", "") is None:
        fields["description"] = ""
    services.indicator_update(indicator=indicator, by=request.auth, fields=fields)
    return _indicator(rules.indicator_for(request.auth, indicator.pk, queryset=_indicators()))


@indicators_router.get(
    "/{indicator_id}/measurements",
    response={200: list[MeasurementOut], 404: ErrorOut},
    summary="Measurements of an indicator, oldest first",
)
def indicator_measurements(request, indicator_id: Id):
    indicator = rules.indicator_for(request.auth, indicator_id)
    return [_measurement(m) for m in indicator.measurements.order_by("measured_on")]


def _own_indicator(request, indicator_id: Id) -> Indicator:
    """The indicator to record a measurement on; a 404 that says why, for the scripts
    that send them."""
    try:
        return rules.indicator_for(request.auth, indicator_id)
    except Http404:
        raise ServiceError(
            _("This indicator does not exist or is not one of your organisation's."), status=404
        ) from None


@indicators_router.post(
    "/{indicator_id}/measurements",
    response={201: MeasurementOut, **WRITE},
    summary="Record a measurement",
)
def create_measurement(request, indicator_id: Id, payload: MeasurementIn):
    _logged_in(request)
    indicator = _own_indicator(request, indicator_id)
    measurement = services.measurement_add(
        indicator=indicator, by=request.auth, via=Measurement.Via.API, **payload.dict()
    )
    return Status(201, _measurement(measurement))


# Measurements ----------------------------------------------------------------------


@measurements_router.get("", response=MeasurementPage, summary="Measurements you may see")
def list_measurements(
    request,
    organisation: str = "",
    indicator: Id | None = None,
    limit: int = Query(100, ge=1, le=1000),
    offset: Offset = 0,
):
    qs = rules.measurements_visible_to(request.auth)
    if organisation:
        qs = qs.filter(indicator__organisation__slug=organisation)
    if indicator is not None:
        qs = qs.filter(indicator_id=indicator)
    return _page(qs.order_by("indicator_id", "measured_on", "pk"), limit, offset, _measurement)


@measurements_router.patch(
    "/{measurement_id}", response={200: MeasurementOut, **WRITE}, summary="Correct a measurement"
)
def update_measurement(request, measurement_id: Id, payload: MeasurementPatch):
    _logged_in(request)
    measurement = rules.measurement_for(request.auth, measurement_id)
    updated = services.measurement_update(
        measurement=measurement, by=request.auth, fields=payload.dict(exclude_unset=True)
    )
    return _measurement(updated)


@measurements_router.delete(
    "/{measurement_id}", response={204: None, **WRITE}, summary="Delete a measurement"
)
def delete_measurement(request, measurement_id: Id):
    _logged_in(request)
    measurement = rules.measurement_for(request.auth, measurement_id)
    services.measurement_delete(measurement=measurement, by=request.auth)
    return Status(204, None)


routers = {
    "/adoptions": adoptions_router,
    "/feedback": feedback_router,
    "/indicators": indicators_router,
    "/measurements": measurements_router,
}
