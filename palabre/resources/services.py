"""Writes of the resource library: adding a resource (with its file or an external link),
changing it, new versions of its file, featuring and archiving, links to practices and
workshops, and reading the text of its files in the background.

Each function is one transaction that checks the rule again and records an audit event.
Uploads are checked by their content (``practices.uploads.inspect_upload``) before anything
is written; the text of a file is read by the worker (``tasks.read_version``), never in a
request.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from palabre.audit.services import audit_record
from palabre.lib.errors import refuse
from palabre.lib.visibility import Visibility
from palabre.permissions import practices as practice_rules
from palabre.permissions import resources as rules
from palabre.permissions import workshops as workshop_rules
from palabre.practices.uploads import CheckedUpload, inspect_upload
from palabre.resources.models import (
    Resource,
    ResourcePractice,
    ResourceVersion,
    ResourceWorkshop,
    TextStatus,
)
from palabre.resources.search import index_resource
from palabre.resources.tasks import read_version
from palabre.themes.models import Tag

# What an editor may change with ``resource_update``.
FIELDS = ("title", "kind", "description", "language", "visibility", "organisation", "link")


def clean_link(link: str) -> str:
    """An external link must be an http(s) address (never a script, file or data address)."""
    link = (link or "").strip()
    if not link:
        return ""
    parts = urlsplit(link)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        refuse(_("The link must be a web address starting with http:// or https://."), field="link")
    if len(link) > 500:
        refuse(_("The link is too long (500 characters at most)."), field="link")
    return link


def check_upload(upload: Any) -> CheckedUpload:
    """The checks of practice attachments (size, content matching its name)."""
    return inspect_upload(upload)


def _check_fields(*, by: Any, fields: dict[str, Any]) -> None:
    if "title" in fields:
        fields["title"] = " ".join(str(fields["title"] or "").split())
        if not fields["title"]:
            refuse(_("Give the resource a title."), field="title")
    if "kind" in fields and fields["kind"] not in Resource.Kind.values:
        refuse(_("Choose a kind of resource."), field="kind")
    if "visibility" in fields and fields["visibility"] not in Visibility.values:
        refuse(_("Choose who can see it."), field="visibility")
    organisation = fields.get("organisation")
    if (
        organisation is not None
        and not rules.organisation_choices(by).filter(pk=organisation.pk).exists()
    ):
        refuse(_("You cannot add resources for this organisation."), status=403)
    if "link" in fields:
        fields["link"] = clean_link(fields["link"])


def _add_version(
    *, resource: Resource, by: Any, upload: Any, checked: CheckedUpload, note: str
) -> ResourceVersion:
    last = resource.versions.order_by("-number").values_list("number", flat=True).first() or 0
    version = ResourceVersion.from_upload(
        upload,
        checked,
        by=by,
        resource=resource,
        number=last + 1,
        note=(note or "").strip()[:300],
        text_status=TextStatus.PENDING,
    )
    resource.current = version
    resource.updated_at = timezone.now()
    resource.save(update_fields=["current", "updated_at"])
    read_version.enqueue(version.pk)  # a row of this transaction: it exists iff the version does
    return version


@transaction.atomic
def resource_create(
    *,
    by: Any,
    title: str,
    organisation: Any,
    kind: str = Resource.Kind.GUIDE,
    description: str = "",
    language: str = "fr",
    visibility: str = Visibility.NETWORK,
    link: str = "",
    themes: Iterable[Any] = (),
    tags: Iterable[str] = (),
    authors: Iterable[Any] = (),
    upload: Any = None,
    checked: CheckedUpload | None = None,
) -> Resource:
    """Add a resource with its file (``upload``, checked first) or an external link."""
    if not rules.can_create(by):
        refuse(_("You cannot add resources."), status=403)
    if organisation is None:
        refuse(_("Choose the organisation that shares it."), field="organisation")
    fields: dict[str, Any] = {
        "title": title,
        "kind": kind,
        "visibility": visibility,
        "organisation": organisation,
        "link": link,
    }
    _check_fields(by=by, fields=fields)
    if upload is not None and checked is None:
        checked = check_upload(upload)
    if upload is None and not fields["link"]:
        refuse(_("Add a file or an external link."), field="file")
    resource = Resource.objects.create(
        description=(description or "").strip(),
        language=language or "fr",
        created_by=by,
        **fields,
    )
    resource.themes.set(list(themes))
    resource.tags.set(Tag.for_names([t for t in tags if t.strip()]))
    resource.authors.set([by, *[a for a in authors if a.pk != by.pk]])
    if upload is not None and checked is not None:
        _add_version(resource=resource, by=by, upload=upload, checked=checked, note="")
    audit_record(
        action="resource.created",
        actor=by,
        target=resource,
        organisation=resource.organisation,
        data={"title": resource.title, "file": checked.name if checked else ""},
    )
    index_resource(resource)
    return resource


@transaction.atomic
def resource_update(
    *,
    resource: Resource,
    by: Any,
    themes: Iterable[Any] | None = None,
    tags: Iterable[str] | None = None,
    **fields: Any,
) -> Resource:
    resource = Resource.objects.select_for_update().get(pk=resource.pk)
    if not rules.can_edit(by, resource):
        refuse(_("You cannot change this resource."), status=403)
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")
    if (
        fields.get("organisation") is not None
        and fields["organisation"].pk == resource.organisation_id
    ):
        fields.pop("organisation")  # unchanged: whoever may edit keeps it
    _check_fields(by=by, fields=fields)
    if "link" in fields and not fields["link"] and resource.current_id is None:
        refuse(_("Add a file or an external link."), field="link")
    for name, value in fields.items():
        setattr(resource, name, value.strip() if name == "description" else value)
    resource.updated_at = timezone.now()
    resource.save()
    if themes is not None:
        resource.themes.set(list(themes))
    if tags is not None:
        resource.tags.set(Tag.for_names([t for t in tags if t.strip()]))
    audit_record(
        action="resource.updated",
        actor=by,
        target=resource,
        organisation=resource.organisation,
        data={"fields": sorted(fields)},
    )
    index_resource(resource)
    return resource


@transaction.atomic
def version_add(
    *,
    resource: Resource,
    by: Any,
    upload: Any,
    note: str = "",
    checked: CheckedUpload | None = None,
) -> ResourceVersion:
    """A new version of the resource's file; the earlier ones are kept."""
    if not rules.can_edit(by, resource):
        refuse(_("You cannot add a version of this resource."), status=403)
    if checked is None:
        checked = check_upload(upload)
    if not (note or "").strip() and resource.current_id is not None:
        refuse(_("Say in a few words what changed in this version."), field="note")
    resource = Resource.objects.select_for_update().get(pk=resource.pk)
    version = _add_version(resource=resource, by=by, upload=upload, checked=checked, note=note)
    audit_record(
        action="resource.version_added",
        actor=by,
        target=resource,
        organisation=resource.organisation,
        data={"number": version.number, "file": checked.name, "size": checked.size},
    )
    index_resource(resource)
    return version


@transaction.atomic
def resource_feature(*, resource: Resource, by: Any, featured: bool = True) -> Resource:
    if not rules.can_curate(by, resource):
        refuse(_("Only facilitators feature resources."), status=403)
    resource.featured = featured
    resource.save(update_fields=["featured"])  # sends the signal the page cache watches
    audit_record(
        action="resource.featured" if featured else "resource.unfeatured",
        actor=by,
        target=resource,
        organisation=resource.organisation,
    )
    return resource


@transaction.atomic
def resource_archive(*, resource: Resource, by: Any, archived: bool = True) -> Resource:
    """Take a resource out of the library (or bring it back): its editors still open it."""
    if not rules.can_curate(by, resource):
        refuse(_("Only facilitators archive resources."), status=403)
    resource.status = Resource.Status.ARCHIVED if archived else Resource.Status.ACTIVE
    if archived:
        resource.featured = False
    resource.save(update_fields=["status", "featured"])
    audit_record(
        action="resource.archived" if archived else "resource.restored",
        actor=by,
        target=resource,
        organisation=resource.organisation,
    )
    index_resource(resource)
    return resource


def resource_downloaded(*, resource: Resource) -> None:
    """Count one download for the authors, without recording who: one short UPDATE in
    its own autocommit statement, no row read and no lock held while the file is sent."""
    Resource.objects.filter(pk=resource.pk).update(downloads=F("downloads") + 1)


# Links to practices and workshops -------------------------------------------------


def _may_link(by: Any, resource: Resource, *, can_view_target: bool, can_edit_target: bool) -> bool:
    """Who edits the resource may link it to what they can see; who edits the practice or
    workshop may link a resource they can see."""
    return (rules.can_edit(by, resource) and can_view_target) or (
        can_edit_target and rules.can_view(by, resource)
    )


@transaction.atomic
def practice_link(*, resource: Resource, practice: Any, by: Any) -> ResourcePractice:
    if not _may_link(
        by,
        resource,
        can_view_target=practice_rules.can_view(by, practice),
        can_edit_target=practice_rules.can_edit(by, practice),
    ):
        refuse(_("You cannot link this resource to this practice."), status=403)
    link, created = ResourcePractice.objects.get_or_create(
        resource=resource, practice=practice, defaults={"added_by": by}
    )
    if created:
        audit_record(
            action="resource.practice_linked",
            actor=by,
            target=resource,
            organisation=resource.organisation,
            data={"practice": practice.pk},
        )
    return link


@transaction.atomic
def practice_unlink(*, resource: Resource, practice: Any, by: Any) -> None:
    if not _may_link(
        by,
        resource,
        can_view_target=practice_rules.can_view(by, practice),
        can_edit_target=practice_rules.can_edit(by, practice),
    ):
        refuse(_("You cannot change the links of this resource."), status=403)
    for link in ResourcePractice.objects.filter(resource=resource, practice=practice):
        link.delete()  # one by one: the practice page cache hears of it
    audit_record(
        action="resource.practice_unlinked",
        actor=by,
        target=resource,
        organisation=resource.organisation,
        data={"practice": practice.pk},
    )


@transaction.atomic
def workshop_link(*, resource: Resource, workshop: Any, by: Any) -> ResourceWorkshop:
    if not _may_link(
        by,
        resource,
        can_view_target=workshop_rules.can_view_workshop(by, workshop),
        can_edit_target=workshop_rules.can_run(by, workshop),
    ):
        refuse(_("You cannot link this resource to this workshop."), status=403)
    link, created = ResourceWorkshop.objects.get_or_create(
        resource=resource, workshop=workshop, defaults={"added_by": by}
    )
    if created:
        audit_record(
            action="resource.workshop_linked",
            actor=by,
            target=resource,
            organisation=resource.organisation,
            data={"workshop": workshop.pk},
        )
    return link


@transaction.atomic
def workshop_unlink(*, resource: Resource, workshop: Any, by: Any) -> None:
    if not _may_link(
        by,
        resource,
        can_view_target=workshop_rules.can_view_workshop(by, workshop),
        can_edit_target=workshop_rules.can_run(by, workshop),
    ):
        refuse(_("You cannot change the links of this resource."), status=403)
    ResourceWorkshop.objects.filter(resource=resource, workshop=workshop).delete()
    audit_record(
        action="resource.workshop_unlinked",
        actor=by,
        target=resource,
        organisation=resource.organisation,
        data={"workshop": workshop.pk},
    )
