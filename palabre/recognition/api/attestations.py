"""API v1 of recognition: attestations.

One's own attestations (list, ask for one, read, revoke), and the public verification of
a code: what an attestation states, exactly as stored, or why it is not valid."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.responses import Status

from palabre.lib.api import Day, ErrorOut, Id, InputSchema, example
from palabre.lib.errors import ServiceError
from palabre.permissions import recognition as rules
from palabre.recognition.models import Attestation
from palabre.recognition.pdf import verification_url
from palabre.recognition.selectors import attestations as selectors
from palabre.recognition.selectors.attestations import Statement
from palabre.recognition.services import attestations as services

router = Router(tags=["recognition"])

WRITE = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 429: ErrorOut}


class AttestationItemOut(Schema):
    title: str
    day: date | None
    detail: str


class AttestationKindOut(Schema):
    kind: str = Field(description="The kind of contribution: practices, presentations…")
    label: str
    count: int
    items: list[AttestationItemOut]


class AttestationStatementOut(Schema):
    person: str
    organisations: list[str]
    period_start: date
    period_end: date
    issued_on: date | None
    contributions: list[AttestationKindOut]
    thanks_received: int


class AttestationOut(Schema):
    id: int
    url: str
    status: str = Field(description="requested (being prepared), ready or failed")
    valid: bool = Field(description="Ready and not revoked")
    period_start: date
    period_end: date
    language: str
    created_at: datetime
    built_at: datetime | None
    revoked_at: datetime | None
    pdf_url: str | None
    verification_url: str
    statement: AttestationStatementOut | None


class AttestationRequestIn(InputSchema):
    model_config = example(
        {"period_start": "2025-01-01", "period_end": "2025-12-31", "language": "fr"}
    )

    period_start: Day
    period_end: Day = Field(description="Today at the latest")
    language: str = Field("fr", description="fr or en")


class AttestationVerificationOut(Schema):
    valid: bool
    statement: AttestationStatementOut


class AttestationInvalidOut(Schema):
    valid: bool = False
    detail: str
    revoked_at: datetime | None = None


def _statement(statement: Statement) -> dict[str, Any]:
    return {
        "person": statement.person,
        "organisations": statement.organisations,
        "period_start": statement.period_start,
        "period_end": statement.period_end,
        "issued_on": statement.issued_on,
        "contributions": [
            {
                "kind": kind.key,
                "label": kind.label,
                "count": kind.count,
                "items": [
                    {"title": item.title, "day": item.day, "detail": item.detail}
                    for item in kind.items
                ],
            }
            for kind in statement.kinds
        ],
        "thanks_received": statement.thanks_received,
    }


def _attestation(a: Attestation) -> dict[str, Any]:
    return {
        "id": a.pk,
        "url": a.get_absolute_url(),
        "status": a.status,
        "valid": a.is_valid,
        "period_start": a.period_start,
        "period_end": a.period_end,
        "language": a.language,
        "created_at": a.created_at,
        "built_at": a.built_at,
        "revoked_at": a.revoked_at,
        "pdf_url": f"{a.get_absolute_url()}pdf/" if a.is_valid and a.pdf else None,
        "verification_url": verification_url(a),
        "statement": _statement(selectors.statement_of(a)) if a.statement else None,
    }


def _logged_in(request) -> None:
    if not request.auth.is_authenticated:
        raise ServiceError(_("Log in (send a token) to do this."), status=401)


@router.get(
    "",
    response={200: list[AttestationOut], 401: ErrorOut},
    summary="Your attestations",
)
def list_attestations(request):
    _logged_in(request)
    return [_attestation(a) for a in selectors.attestation_list(request.auth)]


@router.post(
    "",
    response={201: AttestationOut, **WRITE},
    summary="Ask for an attestation of your contributions (built in the background)",
)
def request_attestation(request, payload: AttestationRequestIn):
    _logged_in(request)
    attestation = services.attestation_request(
        person=request.auth,
        by=request.auth,
        period_start=payload.period_start,
        period_end=payload.period_end,
        language=payload.language,
    )
    return Status(201, _attestation(attestation))


@router.get(
    "/verify/{code}",
    response={
        200: AttestationVerificationOut,
        404: AttestationInvalidOut,
        410: AttestationInvalidOut,
    },
    summary="Check an attestation (public): what it states, or why it is not valid",
)
def verify_attestation(request, code: str):
    attestation = rules.attestation_by_code(code)
    if attestation is not None and attestation.revoked_at is not None:
        return Status(
            410,
            {
                "valid": False,
                "detail": _("This attestation is not valid: it was revoked by its holder."),
                "revoked_at": attestation.revoked_at,
            },
        )
    if attestation is None or not attestation.is_valid:
        return Status(
            404,
            {
                "valid": False,
                "detail": _("This attestation is not valid: no attestation matches this code."),
            },
        )
    return {"valid": True, "statement": _statement(selectors.statement_of(attestation))}


@router.get(
    "/{attestation_id}",
    response={200: AttestationOut, 401: ErrorOut, 404: ErrorOut},
    summary="One of your attestations",
)
def read_attestation(request, attestation_id: Id):
    _logged_in(request)
    return _attestation(rules.attestation_for(request.auth, attestation_id))


@router.post(
    "/{attestation_id}/revoke",
    response={200: AttestationOut, **WRITE},
    summary="Revoke one of your attestations (its verification then says so)",
)
def revoke_attestation(request, attestation_id: Id):
    _logged_in(request)
    attestation = rules.attestation_for(request.auth, attestation_id)
    return _attestation(services.attestation_revoke(attestation=attestation, by=request.auth))
