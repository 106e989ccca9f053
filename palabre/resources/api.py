"""API v1 of the resource library: the library (searched, the text of the files
included, and filtered), one resource, its versions and their download links. Same rules
and selectors as the pages (picked up by palabre/api.py through ``routers``)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from ninja import Field, Query, Router, Schema

from palabre.lib.api import ErrorOut, Id, Offset
from palabre.permissions import resources as rules
from palabre.resources import selectors
from palabre.resources.models import Resource, ResourceVersion

router = Router(tags=["resources"])

Limit = Annotated[int, Field(ge=1, le=100, description="How many results (100 at most)")]


class ResourceThemeOut(Schema):
    slug: str
    name: str


class ResourceVersionOut(Schema):
    id: int
    number: int
    note: str = Field(description="What changed in this version")
    file_name: str
    size: int
    content_type: str
    created_at: datetime
    download: str = Field(description="The file, for those who may see the resource")
    preview: str | None = Field(description="An image of the first page, when there is one")


class ResourceOut(Schema):
    id: int
    title: str
    kind: str
    description: str = Field(description="Markdown")
    language: str
    visibility: str
    organisation: str = Field(description="The organisation's slug")
    themes: list[ResourceThemeOut]
    tags: list[str]
    featured: bool
    link: str = Field(description="An external link, or empty")
    download: str | None = Field(description="The current file, or null for a link")
    url: str
    updated_at: datetime


class ResourceListOut(Schema):
    count: int
    limit: int
    offset: int
    items: list[ResourceOut]


def _version(version: ResourceVersion) -> dict[str, Any]:
    return {
        "id": version.pk,
        "number": version.number,
        "note": version.note,
        "file_name": version.original_name,
        "size": version.size,
        "content_type": version.content_type,
        "created_at": version.created_at,
        "download": version.get_absolute_url(),
        "preview": (f"{version.get_absolute_url()}preview/" if version.preview else None),
    }


def _resource(resource: Resource) -> dict[str, Any]:
    current = resource.current
    return {
        "id": resource.pk,
        "title": resource.title,
        "kind": resource.kind,
        "description": resource.description,
        "language": resource.language,
        "visibility": resource.visibility,
        "organisation": resource.organisation.slug,
        "themes": [{"slug": t.slug, "name": t.name} for t in resource.themes.all()],
        "tags": [t.name for t in resource.tags.all()],
        "featured": resource.featured,
        "link": resource.link,
        "download": current.get_absolute_url() if current is not None else None,
        "url": resource.get_absolute_url(),
        "updated_at": resource.updated_at,
    }


class ResourceFilters(Schema):
    q: str = Field("", max_length=200, description="Words, searched in the text of the files too")
    kind: str = Field("", max_length=30)
    theme: str = Field("", max_length=80, description="A theme's slug")
    language: str = Field("", max_length=8)
    organisation: str = Field("", max_length=80, description="An organisation's slug")


@router.get("", response=ResourceListOut, summary="The resource library")
def list_resources(request, filters: Query[ResourceFilters], offset: Offset = 0, limit: Limit = 20):
    """Resources you may see (anonymous callers: public ones), best first when searched."""
    found = selectors.filtered(
        request.auth,
        q=filters.q,
        filters={name: getattr(filters, name) for name in selectors.FILTERS},
    )
    count = found.count()
    items = list(found.for_lists().prefetch_related("tags")[offset : offset + limit])
    return {
        "count": count,
        "limit": limit,
        "offset": offset,
        "items": [_resource(r) for r in items],
    }


@router.get("/{resource_id}", response={200: ResourceOut, 404: ErrorOut})
def get_resource(request, resource_id: Id):
    """One resource you may see."""
    resource = rules.resource_for(
        request.auth,
        resource_id,
        queryset=Resource.objects.select_related("organisation", "current"),
    )
    return _resource(resource)


@router.get("/{resource_id}/versions", response={200: list[ResourceVersionOut], 404: ErrorOut})
def list_versions(request, resource_id: Id):
    """Every version of its file, the latest first, with their download links."""
    resource = rules.resource_for(request.auth, resource_id)
    return [_version(v) for v in resource.versions.order_by("-number")]


routers = {"/resources": router}
