"""Trainings in the search index: what a published training says (title, objectives,
content). Only published trainings are indexed; results are filtered by the permission
module's own rule for each viewer."""

from __future__ import annotations

from typing import Any

from palabre.learning.models import Training
from palabre.lib.text import plain_text
from palabre.permissions import learning as rules
from palabre.search import services as search
from palabre.search.backends import Document
from palabre.search.models import SearchDocument
from palabre.search.query import parse

KIND = "training"


def training_document(training: Training) -> Document:
    return Document(
        kind=KIND,
        object_id=training.pk,
        language=training.language or "fr",
        title=training.title,
        summary=plain_text(training.objectives),
        body="\n".join(plain_text(text) for text in (training.audience, training.content) if text),
    )


def index_training(training: Training) -> None:
    """Refresh a training in the index, inside the caller's transaction (published only)."""
    if training.status != Training.Status.PUBLISHED:
        unindex_training(training.pk)
        return
    search.search_index(training_document(training))


def unindex_training(pk: int) -> None:
    search.search_remove(kind=KIND, object_ids=[pk])


def _all_documents():
    published = Training.objects.filter(status=Training.Status.PUBLISHED).order_by("pk")
    for training in published.iterator(chunk_size=500):
        yield training_document(training)


search.register(KIND, _all_documents)


def training_search(*, user: Any, q: str, limit: int = 5) -> tuple[int, list[tuple[Training, Any]]]:
    """Trainings this person may read that match the text: (how many, the best with a snippet)."""
    parsed = parse(q)
    visible = rules.trainings_visible_to(user)
    # One cheap query spares the index search (and its temporary table) when there is no
    # training this person could find: the usual case on a young network.
    if parsed.is_empty or not visible.exists():
        return 0, []
    found = visible.filter(pk__in=search.hits(KIND, parsed))
    total = found.count()
    if not total:
        return 0, []
    best = list(
        found.annotate(score=search.hit_score(KIND, "learning_training")).order_by(
            "-score", "title", "pk"
        )[:limit]
    )
    documents = {
        d.object_id: d
        for d in SearchDocument.objects.filter(kind=KIND, object_id__in=[t.pk for t in best])
    }
    results = []
    for training in best:
        document = documents.get(training.pk)
        snip = search.snippet(document.summary if document else "", parsed)
        if document is not None and "<mark>" not in snip:
            snip = search.snippet(document.body, parsed) or snip
        results.append((training, snip))
    return total, results
