"""Demo resource library: twenty-six resources shared by the demo organisations (guides,
templates, tools, reports, studies, training material, policies), most with a real file
made now from the text in demo_data/resources.json — PDF, Word, OpenDocument or Excel —
some with a second version, one scanned plan whose text cannot be read, one external link.
Their text is read here, as the worker would (a child process per file), so that the
search finds words inside them at once; they are linked to the demo practices and to the
Douala workshop.

Safe to run again: a resource is recognised by its organisation and title and left as it
is (its files are not made twice).
"""

from __future__ import annotations

import json
from datetime import timedelta
from functools import cache
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from palabre.resources import services, tasks
from palabre.resources.documents import MAKERS, scan_pdf_bytes
from palabre.resources.models import Resource, ResourcePractice, ResourceVersion, ResourceWorkshop
from palabre.themes.models import Theme
from palabre.workshops.models import Workshop

DATA = Path(__file__).parent / "demo_data"
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
WORKSHOP = "demo:douala-2024"


@cache
def demo_file() -> list[dict[str, Any]]:
    return json.loads((DATA / "resources.json").read_text(encoding="utf-8"))


def _upload(spec: dict[str, Any], text: str, number: int) -> SimpleUploadedFile:
    fmt = spec["format"]
    name = f"{spec['key']}-v{number}"
    if fmt == "scan":
        return SimpleUploadedFile(f"{name}.pdf", scan_pdf_bytes(), CONTENT_TYPES["pdf"])
    return SimpleUploadedFile(
        f"{name}.{fmt}", MAKERS[fmt](spec["title"], text), content_type=CONTENT_TYPES[fmt]
    )


def _resource(spec: dict[str, Any], context: Any) -> Resource | None:
    organisation = context["organisations"].get(spec["organisation"])
    author = context["people"].get(spec["author"])
    if organisation is None or author is None:
        return None
    existing = Resource.objects.filter(organisation=organisation, title=spec["title"]).first()
    if existing is not None:
        return existing
    versions = spec["versions"]
    first = versions[0] if versions else None
    resource = services.resource_create(
        by=author,
        organisation=organisation,
        title=spec["title"],
        kind=spec["kind"],
        description=spec["description"],
        language=spec["language"],
        visibility=spec["visibility"],
        link=spec.get("link", ""),
        themes=list(Theme.objects.filter(slug__in=spec["themes"])),
        tags=spec["tags"],
        upload=_upload(spec, first["text"], 1) if first is not None else None,
    )
    for number, version in enumerate(versions[1:], start=2):
        services.version_add(
            resource=resource,
            by=author,
            upload=_upload(spec, version["text"], number),
            note=version["note"],
        )
    # Read now, as the worker would: the demo's search finds words inside the files at once
    # (the queued tasks then find them read and do nothing).
    for version in ResourceVersion.objects.filter(resource=resource).order_by("number"):
        tasks.version_read(version.pk)
    _dates(resource, spec)
    return resource


def _dates(resource: Resource, spec: dict[str, Any]) -> None:
    now = timezone.now()
    created = now - timedelta(days=spec["days_ago"])
    for version, data in zip(resource.versions.order_by("number"), spec["versions"], strict=False):
        ResourceVersion.objects.filter(pk=version.pk).update(
            created_at=now - timedelta(days=data.get("days_ago", spec["days_ago"]))
        )
    last = (
        spec["versions"][-1].get("days_ago", spec["days_ago"])
        if spec["versions"]
        else spec["days_ago"]
    )
    Resource.objects.filter(pk=resource.pk).update(
        created_at=created,
        updated_at=now - timedelta(days=last),
        featured=spec.get("featured", False),
        downloads=len(spec["title"]) * 3 % 97,
    )


def _links(resource: Resource, spec: dict[str, Any], context: Any, workshop: Any) -> None:
    practices = context.get("practices", {})
    for key in spec["practices"]:
        practice = practices.get(key)
        if practice is not None:
            ResourcePractice.objects.get_or_create(
                resource=resource, practice=practice, defaults={"added_by": resource.created_by}
            )
    if workshop is not None and spec.get("featured"):
        ResourceWorkshop.objects.get_or_create(
            resource=resource, workshop=workshop, defaults={"added_by": resource.created_by}
        )


def load(context) -> None:
    workshop = Workshop.objects.filter(external_id=WORKSHOP).first()
    resources = {}
    for spec in demo_file():
        resource = _resource(spec, context)
        if resource is None:
            continue
        _links(resource, spec, context, workshop)
        resources[spec["key"]] = resource
    context["resources"] = resources
