"""Keep the index in step with what it describes, in the caller's transaction, and query it.

Apps register what they index (``register``); their services call ``search_index``
after every change, inside the same transaction, so a search never shows stale or
missing results.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from palabre.search.backends import Document, backend, hits_table
from palabre.search.models import SearchDocument, SearchTerm
from palabre.search.query import ParsedQuery
from palabre.search.text import LANGUAGES, plain_words, stem, strip_accents, words


@dataclass(frozen=True)
class Indexer:
    kind: str
    # Every document of this kind, for a rebuild (an iterator: it may be long).
    documents: Callable[[], Iterable[Document]]


_indexers: dict[str, Indexer] = {}


def register(kind: str, documents: Callable[[], Iterable[Document]]) -> None:
    _indexers[kind] = Indexer(kind=kind, documents=documents)


def search_index(documents: Document | list[Document]) -> None:
    """Add or refresh documents (call it inside the transaction that changed them)."""
    docs = documents if isinstance(documents, list) else [documents]
    if docs:
        backend().index(docs)


def search_remove(*, kind: str, object_ids: list[int]) -> None:
    SearchDocument.objects.filter(kind=kind, object_id__in=object_ids).delete()


def search_rebuild(*, kinds: list[str] | None = None, batch: int = 500, progress=None) -> int:
    """Index everything again from the source objects; returns the number of documents."""
    count = 0
    for kind, indexer in _indexers.items():
        if kinds and kind not in kinds:
            continue
        with transaction.atomic():
            SearchDocument.objects.filter(kind=kind).delete()
            pending: list[Document] = []
            for document in indexer.documents():
                pending.append(document)
                if len(pending) >= batch:
                    search_index(pending)
                    count += len(pending)
                    pending = []
                    if progress:
                        progress(count)
            search_index(pending)
            count += len(pending)
    backend().rebuild()
    vocabulary_rebuild()
    return count


def hits(kind: str, parsed: ParsedQuery) -> RawSQL:
    """Fill this connection's hits table for ``kind``; returns SQL selecting the matching ids."""
    backend().fill_hits(kind, parsed)
    return RawSQL(f"SELECT object_id FROM {hits_table(kind)}", [])  # noqa: S611 - fixed names


def hit_score(kind: str, table_alias: str) -> RawSQL:
    """The score of each row of ``table_alias`` in the hits table (for ordering)."""
    return RawSQL(  # noqa: S611 - fixed names, no user input
        f"SELECT score FROM {hits_table(kind)} h WHERE h.object_id = {table_alias}.id", []
    )


def top_matches(kind: str, parsed: ParsedQuery, limit: int = 50) -> list[tuple[int, float]]:
    return backend().top(kind, parsed, limit)


# Snippets ---------------------------------------------------------------------

SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\n+")


def _matches(word: str, stems: set[str], prefixes: set[str]) -> bool:
    lowered = word.lower()
    plain = strip_accents(lowered)
    if any(stem(lowered, language) in stems for language in LANGUAGES):
        return True
    return any(plain.startswith(p) for p in prefixes)


def snippet(text: str, parsed: ParsedQuery, *, length: int = 220) -> SafeString:
    """The sentence that best matches the query, with the matching words in <mark>."""
    stems, prefixes = parsed.all_stems, parsed.prefixes
    sentences = [s.strip() for s in SENTENCE.split(text or "") if s.strip()]
    if not sentences:
        return mark_safe("")
    best = max(
        sentences,
        key=lambda s: len({w for w in words(s) if _matches(w, stems, prefixes)}),
    )
    if len(best) > length:
        cut = best[:length].rsplit(" ", 1)[0]
        best = cut + " …"
    parts = re.split(r"([^\W_]+)", best)
    out = []
    for part in parts:
        if part and re.fullmatch(r"[^\W_]+", part) and _matches(part, stems, prefixes):
            out.append(f"<mark>{escape(part)}</mark>")
        else:
            out.append(escape(part))
    return mark_safe("".join(out))


# "Did you mean …?" -------------------------------------------------------------


def vocabulary_rebuild() -> int:
    """Count the words of every indexed document (daily, and after imports and rebuilds)."""
    counts: Counter[str] = Counter()
    accented: dict[str, Counter[str]] = {}
    rows = SearchDocument.objects.values_list("title", "summary", "body").iterator(chunk_size=2000)
    for title, summary, body in rows:
        for word in set(words(f"{title} {summary} {body}")):
            if len(word) < 3 or len(word) > 60 or word.isdigit():
                continue
            plain = strip_accents(word)
            counts[plain] += 1
            if plain != word:
                accented.setdefault(plain, Counter())[word] += 1
    with transaction.atomic():
        SearchTerm.objects.all().delete()
        SearchTerm.objects.bulk_create(
            (
                SearchTerm(
                    term=term,
                    display=accented[term].most_common(1)[0][0] if term in accented else term,
                    documents=n,
                )
                for term, n in counts.items()
            ),
            batch_size=2000,
        )
    return len(counts)


def _distance(a: str, b: str, limit: int = 2) -> int:
    """Damerau-Levenshtein distance, giving up above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def suggest(parsed: ParsedQuery) -> str | None:
    """A corrected query, drawn from the words of the library, or None."""
    changed = False
    corrected = parsed.text
    for term in parsed.terms:
        plain = term.plain
        if len(plain) < 4 or SearchTerm.objects.filter(term=plain).exists():
            continue
        limit = 1 if len(plain) < 6 else 2
        candidates = SearchTerm.objects.filter(
            term__startswith=plain[0],
            documents__gt=0,
        ).values_list("term", "display", "documents")
        best = None
        for candidate, shown, documents in candidates.iterator(chunk_size=2000):
            if abs(len(candidate) - len(plain)) > limit:
                continue
            distance = _distance(plain, candidate, limit)
            if distance <= limit:
                key = (distance, -documents)
                if best is None or key < best[0]:
                    best = (key, shown)
        if best is not None:
            corrected = re.sub(
                re.escape(term.word), best[1], corrected, count=1, flags=re.IGNORECASE
            )
            changed = True
    return corrected if changed else None


__all__ = [
    "Document",
    "hit_score",
    "hits",
    "plain_words",
    "register",
    "search_index",
    "search_rebuild",
    "search_remove",
    "snippet",
    "suggest",
    "top_matches",
    "vocabulary_rebuild",
]
