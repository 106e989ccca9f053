"""Discussions in the search index: what a thread says (its question and its answers)."""

from __future__ import annotations

from typing import Any

from palabre.discussions.models import Answer, Space, Thread
from palabre.lib.text import plain_text
from palabre.permissions import discussions as rules
from palabre.search import services as search
from palabre.search.backends import Document
from palabre.search.models import SearchDocument
from palabre.search.query import parse

KIND = "thread"


def thread_document(thread: Thread) -> Document:
    # Hidden messages are left out of the index: nobody finds a thread by their words.
    answers = Answer.objects.filter(thread=thread, hidden_at__isnull=True).values_list(
        "body", flat=True
    )
    return Document(
        kind=KIND,
        object_id=thread.pk,
        language=thread.language or "fr",
        title=thread.title,
        summary=plain_text(thread.body) if not thread.hidden_at else "",
        body="\n".join(plain_text(body) for body in answers),
    )


def index_thread(thread: Thread | int) -> None:
    """Refresh a thread in the index, inside the caller's transaction."""
    pk = thread if isinstance(thread, int) else thread.pk
    search.search_index(thread_document(Thread.objects.get(pk=pk)))


def _all_documents():
    for thread in Thread.objects.order_by("pk").iterator(chunk_size=500):
        yield thread_document(thread)


search.register(KIND, _all_documents)


def thread_search(*, user: Any, q: str, limit: int = 5) -> tuple[int, list[tuple[Thread, Any]]]:
    """Threads this person may read that match the text: (how many, the best with a snippet)."""
    parsed = parse(q)
    if parsed.is_empty:
        return 0, []
    matches = search.top_matches(KIND, parsed, limit=300)
    if len(matches) < 300:
        # Few matches (the usual case): check each one with the rules, without asking the
        # database which of all the library's practices this person may read.
        score = dict(matches)
        # What the rules read, for all the threads at once.
        threads = list(
            Thread.objects.filter(pk__in=score)
            .select_related("space__practice", "space__theme")
            .prefetch_related("space__practice__partners", "space__practice__authors")
        )
        Space.read_workshops([t.space for t in threads])
        visible = [t for t in threads if rules.can_view(user, t)]
        visible.sort(key=lambda t: (-score[t.pk], -t.last_activity_at.timestamp()))
        total, best = len(visible), visible[:limit]
    else:
        found = rules.discussions_visible_to(user).filter(pk__in=search.hits(KIND, parsed))
        total = found.count()
        best = list(
            found.annotate(score=search.hit_score(KIND, "discussions_thread"))
            .select_related("space")
            .order_by("-score", "-last_activity_at")[:limit]
        )

    documents = {
        d.object_id: d
        for d in SearchDocument.objects.filter(kind=KIND, object_id__in=[t.pk for t in best])
    }
    results = []
    for thread in best:
        document = documents.get(thread.pk)
        snip = search.snippet(document.summary if document else "", parsed)
        if document is not None and "<mark>" not in snip:
            snip = search.snippet(document.body, parsed) or snip
        results.append((thread, snip))
    return total, results
