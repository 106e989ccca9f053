"""API v1 of recognition: contributors (the same summary as the contributor page, as the
caller may see it; 404 for a page they may not open)."""

from __future__ import annotations

from datetime import date, datetime

from django.urls import reverse
from ninja import Router, Schema

from palabre.lib.api import ErrorOut, Id
from palabre.permissions import is_member
from palabre.permissions import recognition as rules
from palabre.recognition.selectors.contributors import Summary, contributor_summary

router = Router(tags=["recognition"])


class ContributorAdopterOut(Schema):
    name: str
    url: str


class ContributorPlaceOut(Schema):
    country: str
    name: str
    adoptions: int


class ContributorPracticeOut(Schema):
    id: int
    title: str
    url: str
    published_on: date | None
    adoptions: int
    organisations: int
    adopters: list[ContributorAdopterOut] | None
    places: list[ContributorPlaceOut]
    feedback_reports: int
    average_effectiveness: float | None
    views_last_12_months: int | None
    saves_last_12_months: int | None


class ContributorItemOut(Schema):
    title: str
    url: str
    day: date | None
    detail: str


class ContributorKindOut(Schema):
    key: str
    label: str
    count: int
    items: list[ContributorItemOut]


class ContributorThanksOut(Schema):
    message: str
    given_at: datetime
    giver: str | None
    item_title: str
    item_url: str


class ContributorTotalsOut(Schema):
    practices: int
    adoptions: int
    organisations: int
    countries: int
    feedback_reports: int
    thanks: int


class ContributorOut(Schema):
    id: int
    name: str
    job_title: str
    url: str
    email: str | None
    totals: ContributorTotalsOut
    practices: list[ContributorPracticeOut]
    contributions: list[ContributorKindOut]
    thanks: list[ContributorThanksOut]


def _summary_out(summary: Summary, *, members: bool) -> dict:
    return {
        "totals": {
            "practices": len(summary.practices),
            "adoptions": summary.adoptions,
            "organisations": summary.organisations,
            "countries": summary.countries,
            "feedback_reports": summary.reports,
            "thanks": len(summary.thanks),
        },
        "practices": [
            {
                "id": p.practice.pk,
                "title": p.title,
                "url": p.url,
                "published_on": p.day,
                "adoptions": p.adoptions,
                "organisations": p.organisations,
                "adopters": [{"name": a.name, "url": a.url} for a in p.adopters]
                if summary.show_adopters
                else None,
                "places": [
                    {"country": place.code, "name": place.name, "adoptions": place.adoptions}
                    for place in p.places
                ],
                "feedback_reports": p.reports,
                "average_effectiveness": p.average_effectiveness,
                "views_last_12_months": p.readers,
                "saves_last_12_months": p.saves,
            }
            for p in summary.practices
        ],
        "contributions": [
            {
                "key": section.key,
                "label": str(section.label),
                "count": section.count,
                "items": [
                    {"title": i.title, "url": i.url, "day": i.day, "detail": i.detail}
                    for i in section.items
                ],
            }
            for section in summary.sections
        ],
        "thanks": [
            {
                "message": t.thanks.message,
                "given_at": t.thanks.created_at,
                "giver": str(t.thanks.giver) if members else None,
                "item_title": t.title,
                "item_url": t.url,
            }
            for t in summary.thanks
        ],
    }


@router.get(
    "/{person_id}",
    response={200: ContributorOut, 404: ErrorOut},
    summary="A contributor: what they shared and what happened next",
)
def read_contributor(request, person_id: Id):
    viewer = request.auth
    person = rules.contributor_for(viewer, person_id)
    return {
        "id": person.pk,
        "name": person.display_name,
        "job_title": person.job_title,
        "url": reverse("recognition:contributor", args=[person.pk]),
        "email": person.email if rules.can_see_email(viewer, person) else None,
        **_summary_out(contributor_summary(person, viewer=viewer), members=is_member(viewer)),
    }
