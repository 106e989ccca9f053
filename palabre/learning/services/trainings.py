"""Trainings built on practices: writing, review and publication, materials.

A training is written from one or more published practices the person may read: their
steps (with what made each work), success factors and conditions for replication are
pulled in as Markdown, with a checklist made of their steps, as a starting point that the
trainers then edit. Facilitators review and publish it, as they do practices.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from palabre import permissions
from palabre.audit.services import audit_record
from palabre.learning import kinds
from palabre.learning.models import Training, TrainingMaterial, TrainingPractice
from palabre.learning.search import index_training, unindex_training
from palabre.lib.errors import ServiceError, refuse
from palabre.lib.visibility import Visibility
from palabre.notifications.services import notify
from palabre.permissions import learning as rules
from palabre.permissions import practices as practice_rules
from palabre.permissions import related_ids
from palabre.practices.models import Practice
from palabre.practices.uploads import inspect_upload

# What an editor may change with ``training_update`` (besides practices and trainers).
FIELDS = (
    "title", "objectives", "audience", "duration_minutes", "language", "visibility",
    "organisation", "content", "facilitator_guide", "handout", "checklist",
)  # fmt: skip

Status = Training.Status


def not_found() -> ServiceError:
    return ServiceError(_("This does not exist, or you may not see it."), status=404)


def _locked(training: Training) -> Training:
    return Training.objects.select_for_update().select_related("organisation").get(pk=training.pk)


def _practice_ids(practices: Iterable[Any]) -> list[int]:
    """The practices' ids in the order given, each once; anything that is not an id is
    a practice that does not exist."""
    ids: list[int] = []
    for item in practices:
        raw = item.pk if isinstance(item, Practice) else item
        try:
            pk = int(raw)
        except (TypeError, ValueError):
            raise not_found() from None
        if not 0 < pk <= permissions.MAX_PK:
            raise not_found()
        if pk not in ids:
            ids.append(pk)
    return ids


def training_practices_check(*, by: Any, practices: Iterable[Any]) -> list[Practice]:
    """The practices a training is built on, in order, if the person may read each of them
    (published and visible to them); otherwise a refusal that says nothing of what exists."""
    ids = _practice_ids(practices)
    if not ids:
        refuse(_("Choose at least one practice to build the training on."), field="practices")
    found = {
        p.pk: p
        for p in practice_rules.practices_visible_to(by, Practice.objects.filter(pk__in=ids))
    }
    if len(found) != len(ids):
        refuse(
            _(
                "One of the chosen practices does not exist, is not published, or you may "
                "not see it: a training can only be built on published practices you can read."
            ),
            status=404,
            field="practices",
        )
    return [found[pk] for pk in ids]


_WIDTH: dict[str, int] = {Visibility.ORGANISATION: 0, Visibility.NETWORK: 1, Visibility.PUBLIC: 2}


def training_visibility_check(
    *, practices: list[Practice], visibility: str, organisation: Any
) -> None:
    """A training copies its practices' steps: it may not be seen more widely than the
    narrowest of them, and one built on an organisation-only practice stays with that
    practice's own organisations."""
    for practice in practices:
        if _WIDTH.get(visibility, 1) > _WIDTH.get(practice.visibility, 1):
            refuse(
                _(
                    "“%(title)s” is shared with fewer people than this training would be: "
                    "a training cannot show its steps more widely. Choose “%(visibility)s” "
                    "or a narrower visibility."
                )
                % {"title": practice.title, "visibility": practice.get_visibility_display()},
                field="visibility",
            )
        if practice.visibility == Visibility.ORGANISATION:
            owners = {practice.lead_organisation_id, *related_ids(practice, "partners")}
            if organisation is None or organisation.pk not in owners:
                refuse(
                    _(
                        "“%(title)s” is for its own organisations only: a training built on "
                        "it must belong to one of them."
                    )
                    % {"title": practice.title},
                    field="organisation",
                )


def _check_organisation(by: Any, organisation: Any) -> None:
    if organisation is None or not (
        permissions.is_facilitator(by) or organisation.pk in permissions.org_ids(by)
    ):
        refuse(_("You can only write trainings for your own organisations."), status=403)


def _check_trainers(by: Any, trainers: Iterable[Any]) -> list[Any]:
    people = list(trainers)
    if not people:
        refuse(_("A training needs at least one trainer."), field="trainers")
    if any(not getattr(person, "is_active", False) for person in people):
        refuse(_("Trainers must be active members."), field="trainers")
    return people


def _text(value: str) -> str:
    return (value or "").strip()


def content_from_practices(practices: list[Practice], *, language: str) -> str:
    """The starting text of a training: each practice's steps (with what made each work),
    success factors and conditions for replication, as Markdown, in the training's language."""
    parts: list[str] = []
    with translation.override(language):
        # Labels out of the f-strings, so that gettext's extraction finds them.
        steps_label = _("Steps")
        worked_label = _("What made it work:")
        factors_label = _("Success factors")
        replication_label = _("Conditions for replication")
        for practice in practices:
            parts.append(f"## {practice.title}")
            steps = list(practice.steps.all())
            if steps:
                parts.append(f"### {steps_label}")
                lines = []
                for number, step in enumerate(steps, 1):
                    lines.append(f"{number}. **{step.title.strip()}**")
                    if _text(step.description):
                        lines.append("")
                        lines.extend(f"    {line}" for line in _text(step.description).splitlines())
                    if _text(step.what_made_it_work):
                        lines.append("")
                        lines.append(
                            f"    *{worked_label}* "
                            + " ".join(_text(step.what_made_it_work).splitlines())
                        )
                    lines.append("")
                parts.append("\n".join(lines).rstrip())
            if _text(practice.success_factors):
                parts.append(f"### {factors_label}\n\n{_text(practice.success_factors)}")
            if _text(practice.replication):
                parts.append(f"### {replication_label}\n\n{_text(practice.replication)}")
    return "\n\n".join(parts) + "\n"


def checklist_from_practices(practices: list[Practice]) -> str:
    """One item per step of the practices, as a first checklist to apply them."""
    items: list[str] = []
    for practice in practices:
        for step in practice.steps.all():
            title = " ".join(step.title.split())
            if title and title not in items:
                items.append(title)
    return "\n".join(items)


def _set_practices(training: Training, practices: list[Practice]) -> None:
    TrainingPractice.objects.filter(training=training).delete()
    TrainingPractice.objects.bulk_create(
        TrainingPractice(training=training, practice=practice, position=position)
        for position, practice in enumerate(practices)
    )


@transaction.atomic
def training_create(
    *,
    by: Any,
    organisation: Any,
    title: str,
    objectives: str,
    practices: Iterable[Any],
    **fields: Any,
) -> Training:
    """A draft training for ``organisation`` built on ``practices`` (in that order). The
    creator becomes its trainer (unless ``trainers`` says who). Unless given, ``content``
    and ``checklist`` are pulled in from the practices, and ``themes`` are theirs."""
    if not rules.can_create(by):
        refuse(_("Log in as a member of an organisation to write a training."), status=403)
    _check_organisation(by, organisation)
    chosen = training_practices_check(by=by, practices=practices)
    training_visibility_check(
        practices=chosen,
        visibility=fields.get("visibility", Visibility.NETWORK),
        organisation=organisation,
    )
    if not _text(title):
        refuse(_("Give the training a title."), field="title")
    if not _text(objectives):
        refuse(
            _("Say what participants will be able to do after the training."), field="objectives"
        )
    unknown = set(fields) - {*FIELDS, "themes", "trainers"} - {"organisation"}
    if unknown:
        raise TypeError(f"unknown training fields: {sorted(unknown)}")
    themes = fields.pop("themes", None)
    trainers = fields.pop("trainers", None)
    trainers = _check_trainers(by, trainers) if trainers is not None else [by]
    language = fields.get("language") or translation.get_language() or "fr"
    language = language if language in dict(Training._meta.get_field("language").choices) else "fr"
    fields["language"] = language
    if not _text(fields.get("content", "")):
        fields["content"] = content_from_practices(chosen, language=language)
    if not _text(fields.get("checklist", "")):
        fields["checklist"] = checklist_from_practices(chosen)
    training = Training.objects.create(
        title=_text(title),
        objectives=_text(objectives),
        organisation=organisation,
        created_by=by,
        status=Status.DRAFT,
        **fields,
    )
    _set_practices(training, chosen)
    training.trainers.set(trainers)
    if themes is None:
        themes = {theme for practice in chosen for theme in practice.themes.all()}
    training.themes.set(themes)
    audit_record(
        action="training.created",
        actor=by,
        target=training,
        organisation=organisation,
        data={"practices": [p.pk for p in chosen]},
    )
    return training


@transaction.atomic
def training_update(
    *,
    training: Training,
    by: Any,
    fields: dict[str, Any],
    practices: Iterable[Any] | None = None,
    themes: Iterable[Any] | None = None,
    trainers: Iterable[Any] | None = None,
) -> Training:
    """Save an editor's changes. A published training stays published (and is re-indexed);
    an archived one is not changed."""
    current = _locked(training)
    if not rules.can_edit(by, current):
        refuse(_("You cannot edit this training."), status=403)
    if current.status == Status.ARCHIVED:
        refuse(_("This training is archived: it cannot be edited."), status=409)
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown training fields: {sorted(unknown)}")
    changed: list[str] = []
    if "organisation" in fields and fields["organisation"].pk != current.organisation_id:
        _check_organisation(by, fields["organisation"])
    if practices is not None or "visibility" in fields or "organisation" in fields:
        training_visibility_check(
            practices=(
                training_practices_check(by=by, practices=practices)
                if practices is not None
                else list(current.practices.all())
            ),
            visibility=fields.get("visibility", current.visibility),
            organisation=fields.get("organisation", current.organisation),
        )
    for name in ("title", "objectives"):
        if name in fields and not _text(fields[name]):
            refuse(_("This field cannot be empty."), field=name)
    if practices is not None:
        chosen = training_practices_check(by=by, practices=practices)
        before = list(
            TrainingPractice.objects.filter(training=current).values_list("practice_id", flat=True)
        )
        if before != [p.pk for p in chosen]:
            _set_practices(current, chosen)
            changed.append("practices")
    if trainers is not None:
        current.trainers.set(_check_trainers(by, trainers))
        changed.append("trainers")
    if themes is not None:
        current.themes.set(list(themes))
        changed.append("themes")
    for name, value in fields.items():
        if getattr(current, name) != value:
            setattr(current, name, value.strip() if isinstance(value, str) else value)
            changed.append(name)
    current.save()
    if current.status == Status.PUBLISHED:
        index_training(current)
    audit_record(
        action="training.updated",
        actor=by,
        target=current,
        organisation=current.organisation,
        data={"fields": changed},
    )
    return current


def _notify_trainers(training: Training, *, by: Any, kind: str, title: Any, excerpt: str = ""):
    for trainer in training.trainers.all():
        notify(
            recipient=trainer,
            kind=kind,
            title=title,
            params={"title": training.title},
            url=training.get_absolute_url(),
            actor=by,
            target=training,
            excerpt=excerpt,
        )


@transaction.atomic
def training_submit(*, training: Training, by: Any) -> Training:
    current = _locked(training)
    if not rules.can_edit(by, current):
        refuse(_("You cannot submit this training."), status=403)
    if current.status != Status.DRAFT:
        refuse(_("Only a draft training can be submitted for review."), status=409)
    if not TrainingPractice.objects.filter(training=current).exists():
        refuse(_("Choose at least one practice to build the training on."), status=400)
    current.status = Status.SUBMITTED
    current.save(update_fields=["status", "updated_at"])
    audit_record(
        action="training.submitted", actor=by, target=current, organisation=current.organisation
    )
    for facilitator in get_user_model().objects.facilitators():
        notify(
            recipient=facilitator,
            kind=kinds.SUBMITTED,
            title=gettext_lazy("A training awaits your review: “%(title)s”"),
            params={"title": current.title},
            url=current.get_absolute_url(),
            actor=by,
            target=current,
        )
    return current


@transaction.atomic
def training_withdraw(*, training: Training, by: Any) -> Training:
    """Take a training back from review: it is a draft again."""
    current = _locked(training)
    if not rules.can_edit(by, current):
        refuse(_("You cannot change this training."), status=403)
    if current.status != Status.SUBMITTED:
        refuse(_("Only a training waiting for review can be taken back."), status=409)
    current.status = Status.DRAFT
    current.save(update_fields=["status", "updated_at"])
    audit_record(
        action="training.withdrawn", actor=by, target=current, organisation=current.organisation
    )
    return current


@transaction.atomic
def training_request_changes(*, training: Training, by: Any, comment: str) -> Training:
    """A facilitator sends a submitted training back to its trainers with a comment: it
    is a draft again, and the comment is in their notification."""
    current = _locked(training)
    if not rules.can_review(by, current):
        refuse(_("Only facilitators review trainings."), status=403)
    if current.status != Status.SUBMITTED:
        refuse(_("Changes can only be requested on a training waiting for review."), status=409)
    text = _text(comment)
    if not text:
        refuse(_("Say what should change."), field="comment")
    current.status = Status.DRAFT
    current.save(update_fields=["status", "updated_at"])
    audit_record(
        action="training.changes_requested",
        actor=by,
        target=current,
        organisation=current.organisation,
        data={"comment": text[:2000]},
    )
    _notify_trainers(
        current,
        by=by,
        kind=kinds.CHANGES_REQUESTED,
        title=gettext_lazy("Changes requested on your training “%(title)s”"),
        excerpt=text[:2000],
    )
    return current


@transaction.atomic
def training_publish(*, training: Training, by: Any) -> Training:
    current = _locked(training)
    if not rules.can_review(by, current):
        refuse(_("Only facilitators publish trainings."), status=403)
    if current.status not in (Status.SUBMITTED, Status.ARCHIVED):
        refuse(
            _("Only a training submitted for review can be published (this one is %(status)s).")
            % {"status": current.get_status_display()},
            status=409,
        )
    current.status = Status.PUBLISHED
    current.published_at = current.published_at or timezone.now()
    current.save(update_fields=["status", "published_at", "updated_at"])
    index_training(current)
    audit_record(
        action="training.published", actor=by, target=current, organisation=current.organisation
    )
    _notify_trainers(
        current,
        by=by,
        kind=kinds.PUBLISHED,
        title=gettext_lazy("Your training “%(title)s” is published"),
    )
    return current


@transaction.atomic
def training_archive(*, training: Training, by: Any) -> Training:
    """Take a published training out of the catalogue (facilitators and its editors)."""
    current = _locked(training)
    if not rules.can_edit(by, current):
        refuse(_("You cannot archive this training."), status=403)
    if current.status != Status.PUBLISHED:
        refuse(_("Only a published training can be archived."), status=409)
    current.status = Status.ARCHIVED
    current.save(update_fields=["status", "updated_at"])
    unindex_training(current.pk)
    audit_record(
        action="training.archived", actor=by, target=current, organisation=current.organisation
    )
    return current


@transaction.atomic
def material_add(
    *, training: Training, by: Any, upload: Any, caption: str = ""
) -> TrainingMaterial:
    """A file given with the training, checked by its content like practice attachments."""
    if not rules.can_edit(by, training):
        refuse(_("You cannot add files to this training."), status=403)
    checked = inspect_upload(upload)
    material = TrainingMaterial.from_upload(
        upload, checked, by=by, training=training, caption=(caption or "").strip()[:300]
    )
    audit_record(
        action="training.material_added",
        actor=by,
        target=training,
        organisation=training.organisation,
        data={"file": checked.name, "size": checked.size},
    )
    return material


@transaction.atomic
def material_remove(*, material: TrainingMaterial, by: Any) -> None:
    training = material.training
    if not rules.can_edit(by, training):
        refuse(_("You cannot remove files from this training."), status=403)
    audit_record(
        action="training.material_removed",
        actor=by,
        target=training,
        organisation=training.organisation,
        data={"file": material.original_name},
    )
    material.remove()
