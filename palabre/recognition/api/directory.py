"""API v1 of recognition: the expertise directory “Who can help me?” (members of the
network only; anyone else gets 404) and asking someone found there a question."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from palabre.lib.api import ErrorOut, Id, InputSchema, Offset, PageMeta, example
from palabre.lib.errors import ServiceError
from palabre.organisations.models import Organisation
from palabre.permissions import recognition as rules
from palabre.recognition.selectors import directory as selectors
from palabre.recognition.selectors.featured import person_url
from palabre.recognition.services import directory as services
from palabre.themes.models import Theme

router = Router(tags=["recognition"])

READ = {400: ErrorOut, 404: ErrorOut}
WRITE = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 429: ErrorOut}


class DirectoryOrganisationOut(Schema):
    slug: str
    name: str
    kind: str
    country: str


class DirectoryEvidenceOut(Schema):
    practices: int
    adopted_elsewhere: int
    adoptions_led: int
    presentations: int
    accepted_answers: int
    declared_skills: list[str]


class DirectoryPersonOut(Schema):
    id: int
    name: str
    url: str
    job_title: str
    organisations: list[DirectoryOrganisationOut]
    languages: str
    score: int = Field(description="The ranking's sum (see the page: 3, 2, 2, 2, 1 and 1 points)")
    evidence: DirectoryEvidenceOut
    reasons: list[str]
    email: str | None = Field(description="Only if the person chose to show it")


class DirectoryPage(Schema):
    meta: PageMeta
    results: list[DirectoryPersonOut]


class DirectoryQuestionIn(InputSchema):
    model_config = example(
        {
            "theme": "epargne-microfinance",
            "title": "Combien coûte un magasin de warrantage ?",
            "question": "Nous voulons en construire un pour 40 familles : par où commencer ?",
        }
    )

    theme: str = Field(description="The theme's slug: the question goes to its discussions")
    title: str = Field(max_length=200)
    question: str


class DirectoryQuestionOut(Schema):
    id: int
    url: str


def _members_only(request) -> None:
    if not rules.can_use_directory(request.auth):
        raise Http404


def _theme(slug: str) -> Theme | None:
    if not slug:
        return None
    theme = Theme.objects.filter(slug=slug[:80]).first()
    if theme is None:
        raise ServiceError(_("Unknown theme: %(name)s.") % {"name": slug[:80]}, field="theme")
    return theme


def _text(value: str, *, name: str, limit: int) -> str:
    if len(value) > limit:
        raise ServiceError(
            _("%(name)s: %(max)s characters at most.") % {"name": name, "max": limit}, field=name
        )
    return selectors.normalise(value)


@router.get("", response={200: DirectoryPage, **READ}, summary="Who can help me?")
def directory(
    request,
    theme: str = "",
    skill: str = "",
    country: str = "",
    organisation_kind: str = "",
    language: str = "",
    limit: int = Query(20, ge=1, le=100),
    offset: Offset = 0,
):
    """People ranked by the evidence you may see, with the reasons in your language."""
    _members_only(request)
    if organisation_kind and organisation_kind not in Organisation.Kind.values:
        raise ServiceError(_("Unknown kind of organisation."), field="organisation_kind")
    filters = selectors.Filters(
        theme=_theme(theme),
        skill=_text(skill, name="skill", limit=100),
        country=country.upper()[:2] if country else "",
        organisation_kind=organisation_kind,
        language=_text(language, name="language", limit=50),
    )
    helpers = selectors.find_helpers(viewer=request.auth, filters=filters)
    page = selectors.with_details(helpers[offset : offset + limit])
    results = []
    for h in page:
        person = h.person
        results.append(
            {
                "id": person.pk,
                "name": str(person),
                "url": person_url(person),
                "job_title": person.job_title,
                "organisations": [
                    {
                        "slug": m.organisation.slug,
                        "name": m.organisation.name,
                        "kind": m.organisation.kind,
                        "country": str(m.organisation.country or ""),
                    }
                    for m in person.memberships.all()
                ],
                "languages": person.languages_spoken,
                "score": h.score,
                "evidence": {
                    "practices": h.practices,
                    "adopted_elsewhere": h.adopted,
                    "adoptions_led": h.led,
                    "presentations": h.presentations,
                    "accepted_answers": h.answers,
                    "declared_skills": h.declared,
                },
                "reasons": h.reasons(filters.theme),
                "email": person.email if rules.can_see_email(request.auth, person) else None,
            }
        )
    return {"meta": {"count": len(helpers), "limit": limit, "offset": offset}, "results": results}


@router.post(
    "/{person_id}/questions",
    response={201: DirectoryQuestionOut, **WRITE},
    summary="Ask someone a question (a discussion in the theme, which tells them)",
)
def ask(request, person_id: Id, payload: DirectoryQuestionIn):
    _members_only(request)
    person = rules.contributor_for(request.auth, person_id)
    thread = services.directory_question_ask(
        by=request.auth,
        person=person,
        theme=_theme(payload.theme),
        title=payload.title,
        question=payload.question,
    )
    return Status(201, {"id": thread.pk, "url": thread.get_absolute_url()})
