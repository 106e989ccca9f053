"""Resources in the search index: title, description, tags and the text read from the
file of their current version (so that a word found only inside a PDF finds it). Archived
resources are left out; results are filtered by the permission module for each viewer."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from palabre.lib.text import plain_text
from palabre.permissions import resources as rules
from palabre.resources.models import Resource, TextStatus
from palabre.search import services as search
from palabre.search.backends import Document
from palabre.search.models import SearchDocument
from palabre.search.query import ParsedQuery, parse

KIND = "resource"
# The text of a file indexed at most: PostgreSQL refuses a tsvector over 1 MB, and the
# first hundred pages or so of a document hold the words people look for.
MAX_BODY = 200_000


def resource_document(resource: Resource) -> Document:
    version = resource.current
    text = version.text if version is not None and version.text_status == TextStatus.OK else ""
    text = text[:MAX_BODY]
    tags = " ".join(tag.name for tag in resource.tags.all())
    return Document(
        kind=KIND,
        object_id=resource.pk,
        language=resource.language or "fr",
        title=resource.title,
        summary=" ".join(part for part in (plain_text(resource.description), tags) if part),
        body=text,
    )


def index_resource(resource: Resource) -> None:
    """Refresh a resource in the index, inside the caller's transaction."""
    if resource.status != Resource.Status.ACTIVE:
        unindex_resource(resource.pk)
        return
    search.search_index(resource_document(resource))


def unindex_resource(pk: int) -> None:
    search.search_remove(kind=KIND, object_ids=[pk])


def _all_documents():
    active = (
        Resource.objects.active().select_related("current").prefetch_related("tags").order_by("pk")
    )
    for resource in active.iterator(chunk_size=500):
        yield resource_document(resource)


search.register(KIND, _all_documents)


def matching(queryset: QuerySet[Resource], parsed: ParsedQuery) -> QuerySet[Resource]:
    """The resources of ``queryset`` that match, best first."""
    return (
        queryset.filter(pk__in=search.hits(KIND, parsed))
        .annotate(score=search.hit_score(KIND, "resources_resource"))
        .order_by("-score", "title", "pk")
    )


def snippets(resources: list[Resource], parsed: ParsedQuery) -> dict[int, Any]:
    """A snippet per resource, from its description or else from the text of its file
    (only resources the caller may show: the caller filtered them)."""
    documents = {
        d.object_id: d
        for d in SearchDocument.objects.filter(
            kind=KIND, object_id__in=[r.pk for r in resources]
        ).only("object_id", "summary", "body")
    }
    out = {}
    for resource in resources:
        document = documents.get(resource.pk)
        snip = search.snippet(document.summary if document else "", parsed)
        if document is not None and "<mark>" not in snip:
            snip = search.snippet(document.body, parsed) or snip
        out[resource.pk] = snip
    return out


def resource_search(*, user: Any, q: str, limit: int = 5) -> tuple[int, list[tuple[Resource, Any]]]:
    """Resources this person may see that match the text: (how many, the best with a
    snippet). The main search page's panel."""
    parsed = parse(q)
    visible = rules.resources_visible_to(user)
    if parsed.is_empty or not visible.exists():
        return 0, []
    found = visible.filter(pk__in=search.hits(KIND, parsed))
    total = found.count()
    if not total:
        return 0, []
    best = list(
        found.select_related("organisation")
        .annotate(score=search.hit_score(KIND, "resources_resource"))
        .order_by("-score", "title", "pk")[:limit]
    )
    snips = snippets(best, parsed)
    return total, [(resource, snips[resource.pk]) for resource in best]
