"""Keep the index in step with what it describes, in the caller's transaction, and query it.

Apps register what they index (``register``); their services call ``search_index``
after every change, inside the same transaction, so a search never shows stale or
missing results.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from django.db import connection, transaction
from django.db.models import Max
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from rapidfuzz import process
from rapidfuzz.distance import OSA

from palabre.search.backends import Document, backend, hits_table
from palabre.search.models import SearchDocument, SearchTerm
from palabre.search.query import ParsedQuery, _term
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


@lru_cache(maxsize=65536)
def _forms(lowered: str) -> tuple[frozenset[str], str]:
    """A word's stems in every language and its unaccented form. Kept per process: the
    same few thousand words fill every snippet, and stemming each again cost more than
    the search itself (a page of 20 long practices: 40 ms)."""
    return frozenset(stem(lowered, language) for language in LANGUAGES), strip_accents(lowered)


def _matches(word: str, stems: set[str], prefixes: set[str]) -> bool:
    word_stems, plain = _forms(word.lower())
    if not word_stems.isdisjoint(stems):
        return True
    return any(plain.startswith(p) for p in prefixes)


def snippet(text: str, parsed: ParsedQuery, *, length: int = 220) -> SafeString:
    """The sentence that best matches the query, with the matching words in <mark>.

    Each distinct word of the text is checked once (a long body repeats the same few
    hundred words); sentences are then compared by the matching words they hold."""
    stems, prefixes = parsed.all_stems, parsed.prefixes
    sentences = [s.strip() for s in SENTENCE.split(text or "") if s.strip()]
    if not sentences:
        return mark_safe("")
    matching = {w for w in set(words(text)) if _matches(w, stems, prefixes)}
    best = sentences[0]
    if matching:
        best = max(sentences, key=lambda s: len(matching.intersection(words(s))))
    if len(best) > length:
        cut = best[:length].rsplit(" ", 1)[0]
        best = cut + " …"
    parts = re.split(r"([^\W_]+)", best)
    out = []
    for part in parts:
        if part and part.lower() in matching:
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


# Misspelt words are looked up among the library's own words (``SearchTerm``): on
# PostgreSQL through the trigram index of pg_trgm (migration 0004), elsewhere in a
# copy of the vocabulary kept in each process; either way the candidates are then
# measured with RapidFuzz (optimal string alignment: a swap of two letters is one typo).
CANDIDATES = 40  # nearest words read from the trigram index
TIES = 4  # equally close corrections compared by what the library says with them
RARE = 2  # a word in this many documents or fewer may be a typo
OFTEN = 5  # ... corrected into a word found in this many times more documents
_vocabulary: dict[str, Any] = {"key": None, "terms": [], "rows": []}


def _typos_allowed(word: str) -> int:
    return 1 if len(word) < 6 else 2


def _trigram_index() -> bool:
    """Whether pg_trgm is there (migration 0004 installs it where it may)."""
    if connection.vendor != "postgresql":
        return False
    if "trigrams" not in _vocabulary:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
            _vocabulary["trigrams"] = cursor.fetchone() is not None
    return bool(_vocabulary["trigrams"])


def _near_words(word: str) -> list[tuple[str, str, int, int]]:
    """Words of the library within the typos allowed: (term, display, documents, typos)."""
    limit = _typos_allowed(word)
    if _trigram_index():
        rows = list(
            SearchTerm.objects.annotate(
                distance=RawSQL("term <-> %s", [word]),
                length=Length("term"),
            )
            .filter(length__gte=len(word) - limit, length__lte=len(word) + limit)
            .order_by("distance")
            .values_list("term", "display", "documents")[:CANDIDATES]
        )
        terms = [row[0] for row in rows]
    else:
        # A refresh writes every word anew: the last id says whether the copy is current.
        key = SearchTerm.objects.aggregate(last=Max("pk"))["last"]
        if key != _vocabulary["key"]:
            rows = list(SearchTerm.objects.values_list("term", "display", "documents"))
            _vocabulary.update(key=key, rows=rows, terms=[row[0] for row in rows])
        rows, terms = _vocabulary["rows"], _vocabulary["terms"]
    near = process.extract(word, terms, scorer=OSA.distance, score_cutoff=limit, limit=None)
    return [(*rows[index], int(typos)) for _term, typos, index in near if typos > 0]


def correct(parsed: ParsedQuery, *, kind: str | None = None, found: int = 0) -> ParsedQuery | None:
    """The query with its misspelt words corrected from the library's words, or None.

    A word is misspelt when neither it nor any of its forms is a word of the library
    (nor, while it is being typed, the start of one). A word found in only a document
    or two (``RARE``) may be a slip its author made too: it is corrected only into a
    word found in many more (``OFTEN`` times). ``found`` is what the query found as
    typed: if anything, its words are in the library, if not yet in the vocabulary.
    Of the nearest words, the one that appears with the query's other words in the
    most documents wins, then the most frequent: with "forrage pompe", "forage"
    rather than "fourrage", however many practices feed cattle.
    """
    candidates = [
        (index, term)
        for index, term in enumerate(parsed.terms)
        if len(term.plain) >= 4 and term.plain.isalpha()
    ]
    if not candidates:
        return None
    wanted = {form for _index, term in candidates for form in (term.plain, *term.forms)}
    counts = dict(SearchTerm.objects.filter(term__in=wanted).values_list("term", "documents"))
    misspelt = []
    for index, term in candidates:
        seen = max(counts.get(form, 0) for form in (term.plain, *term.forms)) or int(found > 0)
        # A word being typed is misspelt only if no word of the library starts with it.
        starts = not seen and term.prefix
        if starts and SearchTerm.objects.filter(term__startswith=term.plain).exists():
            continue
        if seen <= RARE:
            misspelt.append((index, term, seen))
    if not misspelt:
        return None
    terms = list(parsed.terms)
    text = parsed.text
    options = {}
    for index, term, seen in misspelt:
        near = _near_words(term.plain)
        near = [row for row in near if row[2] >= OFTEN * seen and row[0] not in term.forms]
        if near:
            options[index] = near
    pending = set(options)  # words that may change: no guide for the others
    for index, near in options.items():
        term = parsed.terms[index]
        closest = min(typos for *_rest, typos in near)
        tied = sorted((row for row in near if row[3] == closest), key=lambda row: -row[2])[:TIES]
        others = [t for i, t in enumerate(terms) if i != index and i not in pending]
        if len(tied) > 1 and others:
            together = {
                row[0]: backend().count(ParsedQuery(text="", terms=[_term(row[0]), *others]), kind)
                for row in tied
            }
            tied.sort(key=lambda row: (-together[row[0]], -row[2]))
        shown = tied[0][1]
        terms[index] = _term(shown)
        pending.discard(index)  # corrected: it tells which word the next one is
        text = re.sub(
            rf"(?<!\w){re.escape(term.word)}(?!\w)",
            lambda _match, shown=shown: shown,
            text,
            count=1,
            flags=re.IGNORECASE,
        )
    if terms == parsed.terms:
        return None
    return replace(parsed, text=text, terms=terms)


def suggest(parsed: ParsedQuery, *, kind: str | None = None) -> str | None:
    """A corrected query, drawn from the words of the library, or None."""
    corrected = correct(parsed, kind=kind)
    return corrected.text if corrected else None


__all__ = [
    "Document",
    "correct",
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
