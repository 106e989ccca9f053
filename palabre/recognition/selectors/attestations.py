"""Attestations: what one states, computed once from the records, and read back for pages.

An attestation's ``statement`` is written when it is built and never recomputed: the PDF
and the verification page both show it, so they say the same thing, and later changes
to the records do not change what an attestation already stated. It only counts what is
shared beyond one organisation (``private=False``): anyone holding the code reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from palabre.permissions import recognition as rules
from palabre.recognition import contributions
from palabre.recognition.contributions import Period
from palabre.recognition.models import Attestation
from palabre.recognition.selectors.thanks import thanks_received

STATEMENT_VERSION = 1


def attestation_list(user: Any) -> QuerySet[Attestation]:
    """The person's own attestations, newest first."""
    return rules.attestations_visible_to(user).order_by("-created_at", "-pk")


# What an attestation states --------------------------------------------------------


def thanks_received_count(person: Any, period: Period) -> int:
    """Thanks the person received in the period on what they shared beyond one
    organisation (so that what an attestation states can be shown to anyone)."""
    return len(thanks_received(person, viewer=person, period=period, private=False))


def attestation_statement(attestation: Attestation) -> dict[str, Any]:
    """What the attestation states, as JSON: the person, their organisations, the period,
    and for each kind of contribution its count and its items (title, day, detail). The
    labels are written in the current language (the builder sets the attestation's)."""
    person = attestation.person
    period = Period(attestation.period_start, attestation.period_end)
    kinds = [
        {
            "kind": kind.key,
            "label": str(kind.label),
            "count": len(found),
            "items": [
                {
                    "title": item.title,
                    "day": item.day.isoformat() if item.day else None,
                    "detail": item.detail,
                }
                for item in found
            ],
        }
        for kind, found in contributions.collect_all(
            person, viewer=person, period=period, private=False
        )
    ]
    organisations = [
        membership.organisation
        for membership in person.memberships.select_related("organisation").order_by(
            "organisation__name"
        )
    ]
    return {
        "version": STATEMENT_VERSION,
        "person": person.display_name,
        "organisations": [
            f"{o.name} ({o.acronym})" if o.acronym and o.acronym != o.name else o.name
            for o in organisations
        ],
        "period": {
            "start": attestation.period_start.isoformat(),
            "end": attestation.period_end.isoformat(),
        },
        "contributions": kinds,
        "thanks_received": thanks_received_count(person, period),
        "issued_on": timezone.localdate().isoformat(),
    }


# Reading a statement back ------------------------------------------------------------


@dataclass(frozen=True)
class StatedItem:
    title: str
    day: date | None
    detail: str


@dataclass(frozen=True)
class StatedKind:
    key: str
    label: str
    count: int
    items: list[StatedItem] = field(default_factory=list)


@dataclass(frozen=True)
class Statement:
    person: str
    organisations: list[str]
    period_start: date
    period_end: date
    issued_on: date | None
    kinds: list[StatedKind]
    thanks_received: int

    @property
    def stated(self) -> list[StatedKind]:
        """The kinds with at least one contribution (what the pages and the PDF list)."""
        return [kind for kind in self.kinds if kind.count]

    @property
    def is_empty(self) -> bool:
        return not self.stated and not self.thanks_received


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def statement_of(attestation: Attestation) -> Statement:
    """The stored statement, ready for a page or the PDF. Kind labels are those of the
    current language when the kind is still known, else the words stored."""
    data = attestation.statement or {}
    labels = {kind.key: kind.label for kind in contributions.registered()}
    period = data.get("period") or {}
    return Statement(
        person=data.get("person", ""),
        organisations=list(data.get("organisations", [])),
        period_start=_date(period.get("start")) or attestation.period_start,
        period_end=_date(period.get("end")) or attestation.period_end,
        issued_on=_date(data.get("issued_on")),
        kinds=[
            StatedKind(
                key=kind.get("kind", ""),
                label=str(labels.get(kind.get("kind", ""), kind.get("label", ""))),
                count=int(kind.get("count", 0)),
                items=[
                    StatedItem(
                        title=item.get("title", ""),
                        day=_date(item.get("day")),
                        detail=item.get("detail", ""),
                    )
                    for item in kind.get("items", [])
                ],
            )
            for kind in data.get("contributions", [])
        ],
        thanks_received=int(data.get("thanks_received", 0)),
    )
