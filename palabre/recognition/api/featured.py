"""API v1 of recognition: featured items (what is featured now, with the reasons; the
facilitators feature and end them). Same services and rules as the pages."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.responses import Status

from palabre.lib.api import Day, ErrorOut, Id, InputSchema, example, named_choices
from palabre.lib.errors import ServiceError, refuse
from palabre.permissions import organisations as organisation_rules
from palabre.permissions import practices as practice_rules
from palabre.permissions import recognition as rules
from palabre.recognition.models import Feature
from palabre.recognition.selectors import featured as selectors
from palabre.recognition.services import featured as services

router = Router(tags=["recognition"])

# Each app's choices under a name of their own in the OpenAPI document; for mypy,
# the model's choices (the same values).
if TYPE_CHECKING:
    FeaturedKind = Feature.Kind
else:
    FeaturedKind = named_choices("FeaturedKind", Feature.Kind)

WRITE = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}


class FeaturedItemOut(Schema):
    id: int | str = Field(description="The practice's or person's id, the organisation's slug")
    name: str
    url: str


class FeaturedOut(Schema):
    id: int
    kind: str = Field(description="practice, person or organisation")
    item: FeaturedItemOut
    reason: str
    starts_on: date
    ends_on: date
    ended_at: datetime | None
    status: str = Field(description="current, planned, ended (early) or past")


class FeaturedCreate(InputSchema):
    model_config = example(
        {
            "kind": "practice",
            "practice": 12,
            "reason": "Trois organisations l'ont adoptée cette année.",
            "starts_on": "2030-01-01",
            "ends_on": "2030-01-31",
        }
    )

    kind: FeaturedKind
    practice: Id | None = Field(None, description="The published practice's id (kind practice)")
    person: Id | None = Field(None, description="The person's id (kind person)")
    organisation: str | None = Field(
        None, max_length=80, description="The organisation's slug (kind organisation)"
    )
    reason: str = Field(description="One or two sentences, 300 characters at most")
    starts_on: Day
    ends_on: Day


def _item(feature: Feature) -> dict:
    if feature.kind == Feature.Kind.PRACTICE:
        name, key = feature.practice.title, feature.practice_id
    elif feature.kind == Feature.Kind.PERSON:
        name, key = str(feature.person), feature.person_id
    else:
        name, key = feature.organisation.name, feature.organisation.slug
    return {"id": key, "name": name, "url": selectors.item_url(feature)}


def _featured(feature: Feature, today: date) -> dict:
    return {
        "id": feature.pk,
        "kind": feature.kind,
        "item": _item(feature),
        "reason": feature.reason,
        "starts_on": feature.starts_on,
        "ends_on": feature.ends_on,
        "ended_at": feature.ended_at,
        "status": selectors.feature_status(feature, today),
    }


def _logged_in(request) -> None:
    if not request.auth.is_authenticated:
        raise ServiceError(_("Log in (send a token) to do this."), status=401)


@router.get("", response=list[FeaturedOut], summary="What is featured now, with the reasons")
def list_featured(request):
    """The items featured today that you may see (anonymous callers: public ones only)."""
    today = timezone.localdate()
    return [
        _featured(f, today)
        for f in selectors.current_features(viewer=request.auth, today=today, limit=None)
    ]


@router.get(
    "/history", response=list[FeaturedOut], summary="What was featured, and why (latest 100)"
)
def featured_history(request):
    today = timezone.localdate()
    return [
        _featured(f, today)
        for f in selectors.feature_history(viewer=request.auth, today=today)[:100]
    ]


@router.post("", response={201: FeaturedOut, **WRITE}, summary="Feature an item (facilitators)")
def create_featured(request, payload: FeaturedCreate):
    _logged_in(request)
    user = request.auth
    if not rules.can_feature(user):
        refuse(_("Only facilitators choose what is featured."), status=403)
    given = {
        Feature.Kind.PRACTICE: payload.practice,
        Feature.Kind.PERSON: payload.person,
        Feature.Kind.ORGANISATION: payload.organisation,
    }
    if given[payload.kind] is None or any(
        value is not None for kind, value in given.items() if kind != payload.kind
    ):
        refuse(_("Name exactly one item, of the kind chosen."), field="kind")
    if payload.kind == Feature.Kind.PRACTICE:
        item = practice_rules.practice_for(user, payload.practice)
    elif payload.kind == Feature.Kind.PERSON:
        item = organisation_rules.person_for(user, payload.person)
    else:
        item = organisation_rules.organisation_for(user, payload.organisation or "")
    feature = services.feature_create(
        by=user,
        kind=payload.kind,
        item=item,
        reason=payload.reason,
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
    )
    return Status(201, _featured(rules.feature_for(user, feature.pk), timezone.localdate()))


@router.post(
    "/{feature_id}/end", response={200: FeaturedOut, **WRITE}, summary="End a feature early"
)
def end_featured(request, feature_id: Id):
    _logged_in(request)
    feature = rules.feature_for(request.auth, feature_id)
    services.feature_end(feature=feature, by=request.auth)
    return _featured(rules.feature_for(request.auth, feature.pk), timezone.localdate())
