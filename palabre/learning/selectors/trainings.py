"""Reads about trainings: the catalogue, the trainings of a practice or a theme, a training's
page. Everything is built on the permission module's querysets: the practices a training
is built on are listed only when the viewer may read them too."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from palabre.learning.models import Training, TrainingPractice, TrainingSession
from palabre.permissions import learning as rules
from palabre.permissions import practices as practice_rules
from palabre.practices.models import Practice
from palabre.themes.models import Theme


def with_visible_practices(user: Any, trainings: list[Training]) -> list[Training]:
    """Give each training ``shown_practices``: the practices it is built on that this
    person may read, in the training's order (one query for all the trainings)."""
    by_training: dict[int, list[Practice]] = {t.pk: [] for t in trainings}
    if trainings:
        links = (
            TrainingPractice.objects.filter(
                training__in=list(by_training),
                practice__in=practice_rules.practices_visible_to(user).values("pk"),
            )
            .select_related("practice__lead_organisation")
            .order_by("training_id", "position", "pk")
        )
        for link in links:
            by_training[link.training_id].append(link.practice)
    for training in trainings:
        training.shown_practices = by_training[training.pk]  # type: ignore[attr-defined]
    return trainings


def _of_theme(theme: Theme) -> QuerySet[Any]:
    """The ids of the trainings of a theme or of one of its sub-themes (a subquery)."""
    return Training.themes.through.objects.filter(
        Q(theme_id=theme.pk) | Q(theme__parent_id=theme.pk)
    ).values("training_id")


def catalogue_queryset(*, user: Any, theme: Theme | None = None) -> QuerySet[Training]:
    qs = rules.trainings_visible_to(user)
    if theme is not None:
        qs = qs.filter(pk__in=_of_theme(theme))
    return (
        qs.select_related("organisation")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("position", "pk")))
        .order_by("title", "pk")
    )


@dataclass
class CatalogueGroup:
    theme: Theme | None
    trainings: list[Training] = field(default_factory=list)


def catalogue(*, user: Any, theme: Theme | None = None) -> list[Training]:
    """Published trainings this person may see (of one theme and its sub-themes, when
    given), each with its themes and the practices it is built on that they may read."""
    return with_visible_practices(user, list(catalogue_queryset(user=user, theme=theme)))


def catalogue_by_theme(trainings: list[Training]) -> list[CatalogueGroup]:
    """The catalogue grouped by top-level theme (a training under each of its themes'
    top-level themes; those without a theme last)."""
    groups: dict[int | None, CatalogueGroup] = {}
    parents = {
        t.pk: t for t in Theme.objects.filter(parent__isnull=True).order_by("position", "pk")
    }
    for pk, theme in parents.items():
        groups[pk] = CatalogueGroup(theme=theme)
    loose = CatalogueGroup(theme=None)
    for training in trainings:
        tops = {
            theme.parent_id or theme.pk
            for theme in training.themes.all()
            if (theme.parent_id or theme.pk) in groups
        }
        if not tops:
            loose.trainings.append(training)
        for top in tops:
            groups[top].trainings.append(training)
    result = [group for group in groups.values() if group.trainings]
    if loose.trainings:
        result.append(loose)
    return result


def catalogue_themes(*, user: Any) -> list[Theme]:
    """Themes that have at least one training this person may see (for the filter)."""
    visible = rules.trainings_visible_to(user).values("pk")
    ids = set(
        Training.themes.through.objects.filter(training_id__in=visible).values_list(
            "theme_id", flat=True
        )
    )
    themes = list(Theme.objects.filter(pk__in=ids).select_related("parent"))
    parent_ids = {t.parent_id for t in themes if t.parent_id and t.parent_id not in ids}
    themes += list(Theme.objects.filter(pk__in=parent_ids))
    return sorted(themes, key=lambda t: (t.position, t.name_fr, t.pk))


def trainings_of_practice(*, user: Any, practice: Practice) -> QuerySet[Training]:
    """Published trainings this person may see that are built on this practice."""
    built_on = TrainingPractice.objects.filter(practice=practice).values("training_id")
    return rules.trainings_visible_to(user).filter(pk__in=built_on).order_by("title", "pk")


def trainings_of_theme(*, user: Any, theme: Theme) -> QuerySet[Training]:
    return catalogue_queryset(user=user, theme=theme)


def training_practices(*, user: Any, training: Training) -> list[Practice]:
    """The practices a training is built on that this person may read, in order."""
    return with_visible_practices(user, [training])[0].shown_practices  # type: ignore[attr-defined]


def training_sessions(*, user: Any, training: Training) -> QuerySet[TrainingSession]:
    """The sessions of this training this person may see, the coming ones first."""
    return (
        rules.sessions_visible_to(user, TrainingSession.objects.filter(training=training))
        .select_related("workshop")
        .order_by("workshop__start_date", "pk")
    )


@dataclass
class TrainingPage:
    training: Training
    practices: list[Practice]
    themes: list[Theme]
    trainers: list[Any]
    materials: list[Any]
    sessions: list[TrainingSession]
    can_edit: bool
    can_review: bool
    can_see_guide: bool
    can_schedule: bool


def training_page(*, user: Any, training: Training) -> TrainingPage:
    """What the training's page shows to this person."""
    can_edit = rules.can_edit(user, training)
    return TrainingPage(
        training=training,
        practices=training_practices(user=user, training=training),
        themes=list(training.themes.order_by("position", "pk")),
        trainers=list(training.trainers.order_by("pk")),
        materials=list(training.materials.all()),
        sessions=list(training_sessions(user=user, training=training)),
        can_edit=can_edit,
        can_review=rules.can_review(user, training),
        can_see_guide=rules.can_see_guide(user, training),
        can_schedule=rules.can_schedule_session(user, training),
    )


def trainings_in_progress(*, user: Any) -> QuerySet[Training]:
    """Drafts and submitted trainings this person edits (all of them for facilitators'
    review: those submitted)."""
    mine = rules.trainings_edited_by(user).exclude(status=Training.Status.PUBLISHED)
    return mine.select_related("organisation").order_by("-updated_at", "-pk")


def trainings_to_review() -> QuerySet[Training]:
    return (
        Training.objects.filter(status=Training.Status.SUBMITTED)
        .select_related("organisation")
        .order_by("updated_at", "pk")
    )
