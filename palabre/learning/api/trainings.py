"""API v1 of internal training: trainings (the catalogue, one training, writing one from
practices). Same services and rules as the pages."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.responses import Status

from palabre.learning.models import Training
from palabre.learning.selectors import trainings as selectors
from palabre.learning.services import trainings as services
from palabre.lib.api import ErrorOut, Id, InputSchema, example, named_choices
from palabre.lib.errors import ServiceError, refuse
from palabre.lib.visibility import Visibility
from palabre.organisations.models import Organisation
from palabre.permissions import is_facilitator, org_ids
from palabre.permissions import learning as rules
from palabre.themes.models import Theme

router = Router(tags=["learning"])

WRITE = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}
LIMIT = 100

# Each app's choices under a name of their own in the OpenAPI document; for mypy,
# the model's choices (the same values).
if TYPE_CHECKING:
    TrainingVisibility = Visibility
else:
    TrainingVisibility = named_choices("TrainingVisibility", Visibility)


class TrainingPracticeOut(Schema):
    id: int
    title: str
    url: str


class TrainingThemeOut(Schema):
    slug: str
    name: str


class TrainingOut(Schema):
    id: int
    title: str
    objectives: str
    audience: str
    duration_minutes: int
    language: str
    visibility: str
    status: str
    organisation: str
    themes: list[TrainingThemeOut]
    practices: list[TrainingPracticeOut] = Field(
        description="The practices it is built on that you may read, in order"
    )
    url: str
    published_at: datetime | None


class TrainingDetailOut(TrainingOut):
    content: str = Field(description="Markdown")
    handout: str = Field(description="Markdown")
    checklist: list[str]
    handout_pdf: str
    facilitator_guide: str | None = Field(
        description="Markdown; for the trainers, the organisation's admins and facilitators only"
    )


class TrainingCreate(InputSchema):
    model_config = example(
        {
            "organisation": "adb",
            "title": "Le warrantage en pratique",
            "objectives": "Savoir monter un warrantage avec un groupement.",
            "practices": [12],
            "audience": "Animateurs de groupements",
            "duration_minutes": 180,
            "language": "fr",
            "visibility": "network",
        }
    )

    organisation: str = Field(description="The organisation's slug (one of yours)")
    title: str = Field(max_length=200)
    objectives: str
    practices: list[Id] = Field(
        max_length=100, description="Published practices you may read, in order"
    )
    audience: str = ""
    duration_minutes: int = Field(120, ge=15, le=60 * 24 * 10)
    language: str = Field("fr", description="fr or en")
    visibility: TrainingVisibility = TrainingVisibility.NETWORK
    themes: list[str] | None = Field(
        None, description="Theme slugs; the practices' themes when left out"
    )


def _summary(training: Training, practices) -> dict:
    return {
        "id": training.pk,
        "title": training.title,
        "objectives": training.objectives,
        "audience": training.audience,
        "duration_minutes": training.duration_minutes,
        "language": training.language,
        "visibility": training.visibility,
        "status": training.status,
        "organisation": training.organisation.name,
        "themes": [{"slug": t.slug, "name": t.name} for t in training.themes.all()],
        "practices": [
            {"id": p.pk, "title": p.title, "url": p.get_absolute_url()} for p in practices
        ],
        "url": training.get_absolute_url(),
        "published_at": training.published_at,
    }


def _detail(user, training: Training) -> dict:
    data = _summary(training, selectors.training_practices(user=user, training=training))
    data.update(
        content=training.content,
        handout=training.handout,
        checklist=training.checklist_items(),
        handout_pdf=f"{training.get_absolute_url()}handout.pdf",
        facilitator_guide=training.facilitator_guide
        if rules.can_see_guide(user, training)
        else None,
    )
    return data


@router.get("", response=list[TrainingOut], summary="The catalogue of trainings")
def list_trainings(request, theme: str | None = None):
    """Published trainings you may see (anonymous callers: public ones), of one theme and
    its sub-themes when ``theme`` (a slug) is given; 100 at most."""
    chosen = Theme.objects.filter(slug=theme[:80]).first() if theme else None
    if theme and chosen is None:
        return []
    trainings = selectors.catalogue(user=request.auth, theme=chosen)[:LIMIT]
    return [_summary(t, t.shown_practices) for t in trainings]


@router.get("/{training_id}", response={200: TrainingDetailOut, 404: ErrorOut})
def get_training(request, training_id: Id):
    """One training you may open (published and visible to you, or one you edit)."""
    training = rules.training_for(request.auth, training_id)
    return _detail(request.auth, training)


@router.post("", response={201: TrainingDetailOut, **WRITE}, summary="Write a training")
def create_training(request, payload: TrainingCreate):
    """A draft training built on published practices you may read; their steps, success
    factors and conditions for replication are pulled in as its starting content."""
    user = request.auth
    if not user.is_authenticated:
        raise ServiceError(_("Log in (send a token) to do this."), status=401)
    if not rules.can_create(user):
        refuse(_("Log in as a member of an organisation to write a training."), status=403)
    organisation = Organisation.objects.filter(slug=payload.organisation[:80]).first()
    if organisation is None or not (is_facilitator(user) or organisation.pk in org_ids(user)):
        refuse(_("You can only write trainings for your own organisations."), status=403)
    if payload.language not in dict(settings.LANGUAGES):
        refuse(_("Choose a language."), field="language")
    fields: dict = {}
    if payload.themes is not None:
        themes = list(Theme.objects.filter(slug__in=payload.themes))
        if len(themes) != len(set(payload.themes)):
            refuse(_("Unknown theme."), field="themes")
        fields["themes"] = themes
    training = services.training_create(
        by=user,
        organisation=organisation,
        title=payload.title,
        objectives=payload.objectives,
        practices=payload.practices,
        audience=payload.audience,
        duration_minutes=payload.duration_minutes,
        language=payload.language,
        visibility=payload.visibility,
        **fields,
    )
    return Status(201, _detail(user, rules.training_for(user, training.pk)))
