"""Every change to a practice: each one transaction, audited, with its notifications."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from palabre import permissions
from palabre.audit.services import audit_record
from palabre.lib.errors import ConflictError, ServiceError, refuse
from palabre.notifications.services import notify
from palabre.permissions import practices as rules
from palabre.practices.models import (
    Attachment,
    Practice,
    ReviewComment,
    Revision,
    SavedPractice,
    Step,
)
from palabre.practices.readership import readership_record
from palabre.practices.search import index_practice, touch_practice, unindex_practice
from palabre.practices.sections import SECTION_BY_SLUG, missing_sections
from palabre.practices.signals import practice_published
from palabre.practices.uploads import inspect_upload

# Fields copied between a practice and its new version or translation.
CONTENT_FIELDS = (
    "title", "kind", "language", "summary", "context", "objectives", "beneficiaries",
    "beneficiaries_women", "beneficiaries_men", "stakeholders", "approach", "resources",
    "cost_amount", "cost_currency", "results", "success_factors", "difficulties", "lessons",
    "sustainability", "replication", "period_start", "period_end", "country", "region",
    "project_name", "visibility", "lead_organisation_id", "contact_id", "translation_of_id",
)  # fmt: skip
M2M_FIELDS = ("partners", "authors", "themes", "tags")


def _locked(practice: Practice) -> Practice:
    return Practice.objects.select_for_update().get(pk=practice.pk)


@transaction.atomic
def practice_create(
    *, by: Any, lead_organisation: Any, title: str, external_id: str = "", **fields: Any
) -> Practice:
    if (
        not rules.can_create(by)
        or not rules.lead_organisation_choices(by).filter(pk=lead_organisation.pk).exists()
    ):
        refuse(_("You can only write practices for your own organisations."), status=403)
    m2m = {name: fields.pop(name) for name in M2M_FIELDS if name in fields}
    steps = fields.pop("steps", None)
    practice = Practice.objects.create(
        title=title,
        lead_organisation=lead_organisation,
        created_by=by,
        contact=fields.pop("contact", None) or by,
        external_id=external_id,
        **fields,
    )
    practice.authors.set(m2m.pop("authors", None) or [by])
    for name, values in m2m.items():
        getattr(practice, name).set(values)
    if steps is not None:
        _replace_steps(practice, steps)
    index_practice(practice)
    audit_record(
        action="practice.created",
        actor=by,
        target=practice,
        organisation=lead_organisation,
    )
    return practice


def _replace_steps(practice: Practice, steps: list[dict[str, str]]) -> None:
    practice.steps.all().delete()
    Step.objects.bulk_create(
        Step(practice=practice, position=i, **step)
        for i, step in enumerate(s for s in steps if s.get("title"))
    )


@transaction.atomic
def practice_update(
    *,
    practice: Practice,
    by: Any,
    fields: dict[str, Any],
    expected_version: int | None,
    steps: list[dict[str, str]] | None = None,
) -> Practice:
    """Save edits. Refuses when someone else saved in between (``expected_version``)."""
    current = _locked(practice)
    if not rules.can_edit(by, current):
        refuse(_("You cannot edit this practice."), status=403)
    if current.status == Practice.Status.PUBLISHED:
        refuse(
            _(
                "A published practice is not changed in place: start a new version, which "
                "will be reviewed before it replaces the published text."
            ),
            status=409,
        )
    if not current.is_editable:
        refuse(
            _("This practice is %(status)s: it cannot be edited now.")
            % {"status": current.get_status_display()},
            status=409,
        )
    if expected_version is not None and expected_version != current.version:
        raise ConflictError(
            current,
            _(
                "Someone else saved this practice while you were editing it. Your text has "
                "not been lost: compare both versions below, then save again."
            ),
        )
    if (
        "lead_organisation" in fields
        and fields["lead_organisation"].pk != current.lead_organisation_id
    ):
        allowed = rules.lead_organisation_choices(by)
        if not allowed.filter(pk=fields["lead_organisation"].pk).exists():
            refuse(_("You can only write practices for your own organisations."), status=403)
    changed = []
    for name, value in fields.items():
        if name in M2M_FIELDS:
            getattr(current, name).set(value)
        else:
            setattr(current, name, value)
        changed.append(name)
    if steps is not None:
        _replace_steps(current, steps)
        changed.append("steps")
    current.version = F("version") + 1
    current.save()
    current.refresh_from_db()
    index_practice(current)
    audit_record(
        action="practice.updated",
        actor=by,
        target=current,
        organisation=current.lead_organisation,
        data={"fields": changed},
    )
    return current


@transaction.atomic
def practice_submit(*, practice: Practice, by: Any) -> Practice:
    current = _locked(practice)
    if not rules.can_edit(by, current):
        refuse(_("You cannot submit this practice."), status=403)
    if not current.is_editable:
        refuse(_("Only a draft or a practice with changes requested can be submitted."), status=409)
    missing = missing_sections(current)
    if missing:
        raise ServiceError(
            _("Some sections are still empty: %(sections)s.")
            % {"sections": ", ".join(str(s.title) for s in missing)},
            status=400,
        )
    current.status = Practice.Status.SUBMITTED
    current.submitted_at = timezone.now()
    current.save(update_fields=["status", "submitted_at", "updated_at"])
    audit_record(
        action="practice.submitted",
        actor=by,
        target=current,
        organisation=current.lead_organisation,
    )
    for facilitator in get_user_model().objects.facilitators():
        notify(
            recipient=facilitator,
            kind="practice.submitted",
            title=gettext_lazy("A practice awaits your review: “%(title)s”"),
            params={"title": current.title},
            url=current.get_absolute_url(),
            actor=by,
            target=current,
        )
    return current


@transaction.atomic
def practice_withdraw(*, practice: Practice, by: Any) -> Practice:
    current = _locked(practice)
    if not rules.can_edit(by, current):
        refuse(_("You cannot change this practice."), status=403)
    if current.status != Practice.Status.SUBMITTED:
        refuse(_("Only a practice waiting for review can be taken back."), status=409)
    current.status = Practice.Status.DRAFT
    current.save(update_fields=["status", "updated_at"])
    audit_record(
        action="practice.withdrawn",
        actor=by,
        target=current,
        organisation=current.lead_organisation,
    )
    return current


def practice_authors_notify(
    *,
    practice: Practice,
    kind: str,
    title: Any,
    by: Any,
    body: Any = "",
    params: dict[str, Any] | None = None,
    url: str | None = None,
    target: Any = None,
) -> None:
    """Tell each author of a practice about something that happened to it (or to what
    hangs on it: an adoption, a feedback report…). Their notification choices apply."""
    for author in practice.authors.all():
        notify(
            recipient=author,
            kind=kind,
            title=title,
            params={"title": practice.title, **(params or {})},
            body=body,
            url=url or practice.get_absolute_url(),
            actor=by,
            target=target if target is not None else practice,
        )


@transaction.atomic
def review_comment_add(*, practice: Practice, by: Any, section: str, body: str) -> ReviewComment:
    if not rules.can_review(by, practice):
        refuse(_("Only facilitators review practices."), status=403)
    if section not in SECTION_BY_SLUG:
        raise ServiceError(_("Unknown section."), field="section")
    if not body.strip():
        raise ServiceError(_("The comment is empty."), field="body")
    return ReviewComment.objects.create(practice=practice, section=section, body=body, author=by)


@transaction.atomic
def practice_request_changes(
    *, practice: Practice, by: Any, comments: dict[str, str], message: str = ""
) -> Practice:
    current = _locked(practice)
    if not rules.can_review(by, current):
        refuse(_("Only facilitators review practices."), status=403)
    if current.status != Practice.Status.SUBMITTED:
        refuse(_("Changes can only be requested on a practice waiting for review."), status=409)
    written = {slug: text.strip() for slug, text in comments.items() if text and text.strip()}
    if message.strip():
        written.setdefault("identity", "")
        written["identity"] = (message.strip() + "\n\n" + written["identity"]).strip()
    if not written:
        raise ServiceError(_("Say what should change: write at least one comment."), status=400)
    for slug, text in written.items():
        review_comment_add(practice=current, by=by, section=slug, body=text)
    current.status = Practice.Status.CHANGES_REQUESTED
    current.save(update_fields=["status", "updated_at"])
    audit_record(
        action="practice.changes_requested",
        actor=by,
        target=current,
        organisation=current.lead_organisation,
        data={"sections": sorted(written)},
    )
    practice_authors_notify(
        practice=current,
        kind="practice.changes_requested",
        title=gettext_lazy("Changes requested on your practice “%(title)s”"),
        body=gettext_lazy(
            "A facilitator left comments on some sections. Open the practice to see them."
        ),
        by=by,
    )
    return current


def practice_snapshot(practice: Practice) -> dict[str, Any]:
    """What the practice says, as plain data, for revisions and exports."""
    data = {name.removesuffix("_id"): getattr(practice, name) for name in CONTENT_FIELDS}
    data["lead_organisation"] = practice.lead_organisation.name
    data["contact"] = str(practice.contact) if practice.contact_id else ""
    data["translation_of"] = practice.translation_of_id
    data["country"] = str(practice.country or "")
    data["cost_amount"] = str(practice.cost_amount) if practice.cost_amount is not None else ""
    for name in ("period_start", "period_end"):
        value = data[name]
        data[name] = value.isoformat() if isinstance(value, date) else ""
    data["partners"] = sorted(o.name for o in practice.partners.all())
    data["authors"] = sorted(str(u) for u in practice.authors.all())
    data["themes"] = sorted(t.name_fr for t in practice.themes.all())
    data["tags"] = sorted(t.name for t in practice.tags.all())
    data["steps"] = [
        {"title": s.title, "description": s.description, "what_made_it_work": s.what_made_it_work}
        for s in practice.steps.all()
    ]
    return data


def _record_revision(practice: Practice, *, by: Any, note: str) -> Revision:
    number = (
        practice.revisions.order_by("-number").values_list("number", flat=True).first() or 0
    ) + 1
    return Revision.objects.create(
        practice=practice,
        number=number,
        data=practice_snapshot(practice),
        published_by=by,
        published_at=timezone.now(),
        note=note[:300],
    )


def _copy_content(source: Practice, target: Practice) -> None:
    for name in CONTENT_FIELDS:
        if name == "translation_of_id":
            continue
        setattr(target, name, getattr(source, name))


def _copy_relations(source: Practice, target: Practice) -> None:
    for name in M2M_FIELDS:
        getattr(target, name).set(getattr(source, name).all())
    _replace_steps(
        target,
        [
            {
                "title": s.title,
                "description": s.description,
                "what_made_it_work": s.what_made_it_work,
            }
            for s in source.steps.all()
        ],
    )


@transaction.atomic
def practice_publish(*, practice: Practice, by: Any, note: str = "") -> Practice:
    """Publish a reviewed practice; a new version replaces the text it revises."""
    current = _locked(practice)
    if not rules.can_publish(by, current):
        refuse(_("Only facilitators publish practices."), status=403)
    if current.status != Practice.Status.SUBMITTED:
        refuse(
            _("Only a practice submitted for review can be published (this one is %(status)s).")
            % {"status": current.get_status_display()},
            status=409,
        )
    now = timezone.now()
    review_by = timezone.localdate() + timedelta(days=settings.PRACTICES_REVIEW_PERIOD_DAYS)
    current.review_comments.filter(resolved_at__isnull=True).update(resolved_at=now)
    if current.revises_id:
        published = _locked(current.revises)
        _copy_content(current, published)
        published.last_published_at = now
        published.review_by = review_by
        published.review_reminded_at = None
        published.version = F("version") + 1
        published.save()
        published.refresh_from_db()
        _copy_relations(current, published)
        current.attachments.update(practice=published)
        unindex_practice(current.pk)
        current.delete()
        index_practice(published)
        target = published
    else:
        current.status = Practice.Status.PUBLISHED
        current.published_at = current.published_at or now
        current.last_published_at = now
        current.review_by = review_by
        current.save()
        target = current
    revision = _record_revision(target, by=by, note=note)
    first_publication = revision.number == 1
    transaction.on_commit(
        lambda: practice_published.send(
            sender=Practice,
            practice=target,
            revision=revision,
            by=by,
            first_publication=first_publication,
        )
    )
    audit_record(
        action="practice.published",
        actor=by,
        target=target,
        organisation=target.lead_organisation,
        data={"revision": revision.number},
    )
    practice_authors_notify(
        practice=target,
        kind="practice.published",
        title=gettext_lazy("Your practice “%(title)s” is published"),
        by=by,
    )
    return target


@transaction.atomic
def practice_start_new_version(*, practice: Practice, by: Any) -> Practice:
    """A draft copy of a published practice; publishing it replaces the published text."""
    current = _locked(practice)
    if not rules.can_edit(by, current):
        refuse(_("You cannot edit this practice."), status=403)
    if current.status != Practice.Status.PUBLISHED:
        refuse(
            _("Only a published practice gets new versions; edit this one directly."), status=409
        )
    existing = Practice.objects.filter(revises=current).first()
    if existing is not None:
        return existing
    draft = Practice(revises=current, created_by=by, status=Practice.Status.DRAFT)
    _copy_content(current, draft)
    draft.translation_of_id = current.translation_of_id
    draft.save()
    _copy_relations(current, draft)
    index_practice(draft)
    audit_record(
        action="practice.new_version_started",
        actor=by,
        target=current,
        organisation=current.lead_organisation,
    )
    return draft


@transaction.atomic
def practice_start_translation(*, practice: Practice, by: Any, language: str) -> Practice:
    """A draft in another language, linked to the original, reviewed on its own."""
    if not rules.can_edit(by, practice) or not permissions.can_view(by, practice):
        refuse(_("You cannot translate this practice."), status=403)
    original = practice.translation_of or practice
    if language == original.language or original.translations.filter(language=language).exists():
        refuse(_("This practice already exists in that language."), status=409)
    draft = Practice(created_by=by, status=Practice.Status.DRAFT)
    _copy_content(original, draft)
    draft.language = language
    draft.translation_of = original
    draft.save()
    _copy_relations(original, draft)
    index_practice(draft)
    audit_record(
        action="practice.translation_started",
        actor=by,
        target=original,
        organisation=original.lead_organisation,
        data={"language": language},
    )
    return draft


@transaction.atomic
def practice_archive(*, practice: Practice, by: Any) -> Practice:
    current = _locked(practice)
    if not rules.can_archive(by, current):
        refuse(_("You cannot archive this practice."), status=403)
    if current.status != Practice.Status.PUBLISHED:
        refuse(_("Only a published practice can be archived."), status=409)
    current.status = Practice.Status.ARCHIVED
    current.save(update_fields=["status", "updated_at"])
    touch_practice(current.pk)
    audit_record(
        action="practice.archived", actor=by, target=current, organisation=current.lead_organisation
    )
    return current


@transaction.atomic
def practice_unarchive(*, practice: Practice, by: Any) -> Practice:
    current = _locked(practice)
    if not rules.can_publish(by, current):
        refuse(_("Only facilitators publish practices."), status=403)
    if current.status != Practice.Status.ARCHIVED:
        refuse(_("This practice is not archived."), status=409)
    current.status = Practice.Status.PUBLISHED
    current.save(update_fields=["status", "updated_at"])
    touch_practice(current.pk)
    audit_record(
        action="practice.unarchived",
        actor=by,
        target=current,
        organisation=current.lead_organisation,
    )
    return current


@transaction.atomic
def practice_revalidate(*, practice: Practice, by: Any) -> Practice:
    """The authors confirm the practice is still right: the review date moves two years on."""
    current = _locked(practice)
    if not rules.can_edit(by, current):
        refuse(_("You cannot re-validate this practice."), status=403)
    if current.status != Practice.Status.PUBLISHED:
        refuse(_("Only a published practice can be re-validated."), status=409)
    current.review_by = timezone.localdate() + timedelta(days=settings.PRACTICES_REVIEW_PERIOD_DAYS)
    current.review_reminded_at = None
    current.save(update_fields=["review_by", "review_reminded_at", "updated_at"])
    audit_record(
        action="practice.revalidated",
        actor=by,
        target=current,
        organisation=current.lead_organisation,
        data={"review_by": current.review_by.isoformat()},
    )
    return current


def practices_remind_review(*, today: date | None = None) -> int:
    """Ask the authors of practices past their review date to re-validate or update them."""
    today = today or timezone.localdate()
    due = Practice.objects.filter(
        status=Practice.Status.PUBLISHED, review_by__lte=today, review_reminded_at__isnull=True
    )
    count = 0
    for practice in due.iterator():
        with transaction.atomic():
            practice_authors_notify(
                practice=practice,
                kind="practice.review_due",
                title=gettext_lazy("Is “%(title)s” still right? Please re-validate or update it"),
                body=gettext_lazy(
                    "Its review date has come. Confirm it is still accurate, or start a new "
                    "version with what you have learned since."
                ),
                by=None,
            )
            Practice.objects.filter(pk=practice.pk).update(review_reminded_at=timezone.now())
            count += 1
    return count


@transaction.atomic
def practice_toggle_saved(*, practice: Practice, user: Any) -> bool:
    """Save for later (or un-save). Returns whether it is now saved."""
    deleted, _ = SavedPractice.objects.filter(user=user, practice=practice).delete()
    if deleted:
        return False
    SavedPractice.objects.get_or_create(user=user, practice=practice)
    return True


def practice_count(*, practice: Practice, event: str) -> None:
    """Add one to today's counter, without recording who. Noted in a buffer that the
    worker adds to the daily counts every minute: a view writes nothing to the database."""
    readership_record(practice_id=practice.pk, event=event)


@transaction.atomic
def attachment_add(*, practice: Practice, by: Any, upload, caption: str = "") -> Attachment:

    if not rules.can_edit(by, practice):
        refuse(_("You cannot add files to this practice."), status=403)
    checked = inspect_upload(upload)
    attachment = Attachment.from_upload(
        upload,
        checked,
        by=by,
        practice=practice,
        kind=checked.kind,
        caption=caption,
    )
    audit_record(
        action="practice.attachment_added",
        actor=by,
        target=practice,
        organisation=practice.lead_organisation,
        data={"file": checked.name, "size": checked.size},
    )
    return attachment


@transaction.atomic
def attachment_remove(*, attachment: Attachment, by: Any) -> None:
    practice = attachment.practice
    if not rules.can_edit(by, practice):
        refuse(_("You cannot remove files from this practice."), status=403)
    audit_record(
        action="practice.attachment_removed",
        actor=by,
        target=practice,
        organisation=practice.lead_organisation,
        data={"file": attachment.original_name},
    )
    attachment.remove()
