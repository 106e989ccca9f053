"""The two search engines behind one interface: SQLite FTS5 and PostgreSQL full-text search.

Both fill a per-connection temporary table ``search_hits_<kind>`` (object id, score)
with the matches of a query; callers join it to their own tables with the ORM, so
that visibility rules and facets stay ordinary, tested querysets.
"""

from __future__ import annotations

import re
from contextlib import contextmanager, suppress
from dataclasses import dataclass

from django.db import DatabaseError, connection
from django.utils import timezone

from palabre.search.models import SearchDocument
from palabre.search.query import ParsedQuery, fts5_match, prefix_tsquery, tsquery
from palabre.search.text import index_terms

KIND_CODES = {"practice": 1, "thread": 2, "workshop": 3, "resource": 4, "training": 5}
SLOTS = 8


def document_id(kind: str, object_id: int) -> int:
    return object_id * SLOTS + KIND_CODES[kind]


@dataclass
class Document:
    kind: str
    object_id: int
    language: str
    title: str
    summary: str
    body: str


def hits_table(kind: str) -> str:
    # Kinds are names chosen in the code ("practice", "thread"), never typed by people.
    if not re.fullmatch(r"[a-z_]{1,30}", kind):
        raise ValueError(f"bad search kind {kind!r}")
    return f"search_hits_{kind}"


class SqliteBackend:
    vendor = "sqlite"

    def index(self, documents: list[Document]) -> None:
        # FTS5 indexes the stems (computed here: it has no French stemmer of its own).
        _write(documents, stems=True)

    def fill_hits(self, kind: str, parsed: ParsedQuery) -> None:
        table = hits_table(kind)
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS {table} (object_id INTEGER PRIMARY KEY, score REAL)"
            )
            cursor.execute(f"DELETE FROM {table}")
            cursor.execute(
                f"INSERT OR IGNORE INTO {table} (object_id, score) "
                "SELECT rowid / %s, -bm25(search_fts, 10.0, 4.0, 1.0) FROM search_fts "
                "WHERE search_fts MATCH %s AND rowid %% %s = %s",
                [SLOTS, fts5_match(parsed), SLOTS, KIND_CODES[kind]],
            )

    def top(self, kind: str, parsed: ParsedQuery, limit: int) -> list[tuple[int, float]]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid / %s, -bm25(search_fts, 10.0, 4.0, 1.0) AS score FROM search_fts "
                "WHERE search_fts MATCH %s AND rowid %% %s = %s ORDER BY score DESC LIMIT %s",
                [SLOTS, fts5_match(parsed), SLOTS, KIND_CODES[kind], limit],
            )
            return list(cursor.fetchall())

    def rebuild(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")


class PostgresBackend:
    vendor = "postgresql"

    def index(self, documents: list[Document]) -> None:
        # The vectors are generated columns: PostgreSQL computes them as rows are written.
        _write(documents, stems=False)

    def _query(self, parsed: ParsedQuery) -> tuple[str, list[str]]:
        """A tsquery expression matching in French or in English, and its parameters.

        Phrases use phraseto_tsquery, which counts the small words it drops
        ("comité de gestion" becomes comit <2> gestion). A word being typed matches
        its stem, or, unstemmed, as a prefix ("comit" finds "comité", not "commune").
        """
        whole = ParsedQuery(
            text="",
            terms=[t for t in parsed.terms if not t.prefix],
            match_any=parsed.match_any,
            title_and_summary=parsed.title_and_summary,
        )
        terms = tsquery(whole)
        typing = [t for t in parsed.terms if t.prefix]
        join = " || " if parsed.match_any else " && "
        parts, params = [], []
        for config in ("palabre_fr", "palabre_en"):
            pieces, alternatives = [], []
            if terms:
                alternatives.append(f"to_tsquery('{config}', %s)")
                params.append(terms)
            for term in typing:
                alternatives.append(f"(to_tsquery('{config}', %s) || to_tsquery('simple', %s))")
                params += [tsquery(ParsedQuery(text="", terms=[term])), prefix_tsquery(term)]
            if alternatives:
                pieces.append("(" + join.join(alternatives) + ")")
            for phrase in parsed.phrase_texts:
                pieces.append(f"phraseto_tsquery('{config}', %s)")
                params.append(phrase)
            for term in parsed.excluded:
                pieces.append(f"!!to_tsquery('{config}', %s)")
                params.append(tsquery(ParsedQuery(text="", terms=[term])))
            parts.append("(" + " && ".join(pieces) + ")")
        return "(SELECT " + " || ".join(parts) + " AS q)", params

    def fill_hits(self, kind: str, parsed: ParsedQuery) -> None:
        """Every match, ranked on its title and summary (``rank_vector``, small).

        Only documents that match in their title or summary are ranked (the others
        score 0, as ts_rank_cd would give them): ranking is the costly part. A document
        is one per object, so no conflict is possible (and checking for one is slow).
        """
        table = hits_table(kind)
        query, params = self._query(parsed)
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS {table} (object_id bigint PRIMARY KEY, score real)"
            )
            cursor.execute(f"TRUNCATE {table}")
            with _index_scan(cursor):
                cursor.execute(
                    f"INSERT INTO {table} (object_id, score) "
                    "SELECT object_id, CASE WHEN rank_vector @@ query.q "
                    "THEN ts_rank_cd(rank_vector, query.q, 1) ELSE 0 END "
                    f"FROM search_searchdocument, {query} AS query "
                    "WHERE kind = %s AND vector @@ query.q",
                    [*params, kind],
                )
            # Temporary tables get no statistics by themselves: the planner needs its size.
            cursor.execute(f"ANALYZE {table}")

    def top(self, kind: str, parsed: ParsedQuery, limit: int) -> list[tuple[int, float]]:
        query, params = self._query(parsed)
        # Titles and summaries only: their own small vector and index answer.
        vector = "rank_vector" if parsed.title_and_summary else "vector"
        with connection.cursor() as cursor, _index_scan(cursor):
            cursor.execute(
                "SELECT object_id, ts_rank_cd(rank_vector, query.q, 1) AS score "
                f"FROM search_searchdocument, {query} AS query "
                f"WHERE kind = %s AND {vector} @@ query.q ORDER BY score DESC LIMIT %s",
                [*params, kind, limit],
            )
            return list(cursor.fetchall())

    def rebuild(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchdocument")


@contextmanager
def _index_scan(cursor):
    """Read matches through the GIN index, even when they are many.

    The planner prices a sequential scan as cheap, not knowing that it unpacks every
    document's (compressed, out-of-line) vector: with 100,000 practices a common word
    took 700 ms that way and 60 ms through the index.
    """
    cursor.execute("SET enable_seqscan = off")
    try:
        yield
    except Exception:
        # In a failed transaction the setting goes with the rollback.
        with suppress(DatabaseError):
            cursor.execute("RESET enable_seqscan")
        raise
    cursor.execute("RESET enable_seqscan")


def _write(documents: list[Document], *, stems: bool) -> None:
    """Insert or update the documents (their ids are known in advance)."""

    now = timezone.now()
    rows = {}
    for d in documents:  # the last version of an object wins
        rows[d.kind, d.object_id] = SearchDocument(
            id=document_id(d.kind, d.object_id),
            kind=d.kind,
            object_id=d.object_id,
            language=d.language,
            title=d.title,
            summary=d.summary,
            body=d.body,
            terms_title=index_terms(d.title, d.language) if stems else "",
            terms_summary=index_terms(d.summary, d.language) if stems else "",
            terms_body=index_terms(d.body, d.language) if stems else "",
            updated_at=now,
        )
    if not rows:
        return
    existing = set(
        SearchDocument.objects.filter(pk__in=[d.pk for d in rows.values()]).values_list(
            "pk", flat=True
        )
    )
    fields = [
        "language", "title", "summary", "body", "terms_title", "terms_summary", "terms_body",
        "updated_at",
    ]  # fmt: skip
    to_update = [d for d in rows.values() if d.pk in existing]
    if to_update:
        SearchDocument.objects.bulk_update(to_update, fields, batch_size=500)
    SearchDocument.objects.bulk_create(
        [d for d in rows.values() if d.pk not in existing], batch_size=500
    )


def backend():
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
