"""The two search engines behind one interface: SQLite FTS5 and PostgreSQL full-text search.

Both fill a per-connection temporary table ``search_hits_<kind>`` (object id, score)
with the matches of a query; callers join it to their own tables with the ORM, so
that visibility rules and facets stay ordinary, tested querysets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import connection

from palabre.search.query import ParsedQuery, fts5_match, tsquery
from palabre.search.text import index_terms

PG_CONFIG = {"fr": "palabre_fr", "en": "palabre_en"}


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
        from palabre.search.models import SearchDocument

        rows = {
            (d.kind, d.object_id): SearchDocument(
                kind=d.kind,
                object_id=d.object_id,
                language=d.language,
                title=d.title,
                summary=d.summary,
                body=d.body,
                terms_title=index_terms(d.title, d.language),
                terms_summary=index_terms(d.summary, d.language),
                terms_body=index_terms(d.body, d.language),
            )
            for d in documents
        }
        _upsert(rows)

    def fill_hits(self, kind: str, parsed: ParsedQuery) -> None:
        table = hits_table(kind)
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS {table} (object_id INTEGER PRIMARY KEY, score REAL)"
            )
            cursor.execute(f"DELETE FROM {table}")
            cursor.execute(
                f"INSERT OR IGNORE INTO {table} (object_id, score) "
                "SELECT d.object_id, -bm25(search_fts, 10.0, 4.0, 1.0) FROM search_fts "
                "JOIN search_searchdocument d ON d.id = search_fts.rowid "
                "WHERE search_fts MATCH %s AND d.kind = %s",
                [fts5_match(parsed), kind],
            )

    def top(self, kind: str, parsed: ParsedQuery, limit: int) -> list[tuple[int, float]]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT d.object_id, -bm25(search_fts, 10.0, 4.0, 1.0) AS score FROM search_fts "
                "JOIN search_searchdocument d ON d.id = search_fts.rowid "
                "WHERE search_fts MATCH %s AND d.kind = %s ORDER BY score DESC LIMIT %s",
                [fts5_match(parsed), kind, limit],
            )
            return list(cursor.fetchall())

    def rebuild(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")


class PostgresBackend:
    vendor = "postgresql"

    def index(self, documents: list[Document]) -> None:
        from palabre.search.models import SearchDocument

        rows = {
            (d.kind, d.object_id): SearchDocument(
                kind=d.kind,
                object_id=d.object_id,
                language=d.language,
                title=d.title,
                summary=d.summary,
                body=d.body,
            )
            for d in documents
        }
        ids = _upsert(rows)
        with connection.cursor() as cursor:
            cursor.execute(
                """UPDATE search_searchdocument SET vector =
                    setweight(to_tsvector(c.cfg, title), 'A') ||
                    setweight(to_tsvector(c.cfg, summary), 'B') ||
                    setweight(to_tsvector(c.cfg, body), 'D')
                FROM (SELECT id AS doc_id, CASE language WHEN 'en' THEN 'palabre_en'::regconfig
                      ELSE 'palabre_fr'::regconfig END AS cfg FROM search_searchdocument
                      WHERE id = ANY(%s)) AS c
                WHERE id = c.doc_id""",
                [ids],
            )

    def _query(self, parsed: ParsedQuery) -> tuple[str, list[str]]:
        """A tsquery expression matching in French or in English, and its parameters.

        Phrases use phraseto_tsquery, which counts the small words it drops
        ("comité de gestion" becomes comit <2> gestion).
        """
        terms = tsquery(ParsedQuery(text="", terms=parsed.terms))
        parts, params = [], []
        for config in ("palabre_fr", "palabre_en"):
            pieces = []
            if terms:
                pieces.append(f"to_tsquery('{config}', %s)")
                params.append(terms)
            for phrase in parsed.phrase_texts:
                pieces.append(f"phraseto_tsquery('{config}', %s)")
                params.append(phrase)
            for term in parsed.excluded:
                pieces.append(f"!!to_tsquery('{config}', %s)")
                params.append(tsquery(ParsedQuery(text="", terms=[term])))
            parts.append("(" + " && ".join(pieces) + ")")
        return "(SELECT " + " || ".join(parts) + " AS q)", params

    def fill_hits(self, kind: str, parsed: ParsedQuery) -> None:
        table = hits_table(kind)
        query, params = self._query(parsed)
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS {table} (object_id bigint PRIMARY KEY, score real)"
            )
            cursor.execute(f"TRUNCATE {table}")
            cursor.execute(
                f"INSERT INTO {table} (object_id, score) "
                "SELECT object_id, ts_rank_cd(vector, query.q, 1) FROM search_searchdocument, "
                f"{query} AS query WHERE kind = %s AND vector @@ query.q ON CONFLICT DO NOTHING",
                [*params, kind],
            )

    def top(self, kind: str, parsed: ParsedQuery, limit: int) -> list[tuple[int, float]]:
        query, params = self._query(parsed)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT object_id, ts_rank_cd(vector, query.q, 1) AS score "
                f"FROM search_searchdocument, {query} AS query "
                "WHERE kind = %s AND vector @@ query.q ORDER BY score DESC LIMIT %s",
                [*params, kind, limit],
            )
            return list(cursor.fetchall())

    def rebuild(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchdocument")


def _upsert(rows: dict) -> list[int]:
    """Insert or update documents; returns their ids."""
    from palabre.search.models import SearchDocument

    if not rows:
        return []
    existing = {}
    for kind in {k for k, _ in rows}:
        ids = [object_id for k, object_id in rows if k == kind]
        for doc in SearchDocument.objects.filter(kind=kind, object_id__in=ids).only(
            "id", "kind", "object_id"
        ):
            existing[(doc.kind, doc.object_id)] = doc.pk
    fields = ["language", "title", "summary", "body", "terms_title", "terms_summary", "terms_body"]
    to_update, to_create = [], []
    for key, row in rows.items():
        if key in existing:
            row.pk = existing[key]
            to_update.append(row)
        else:
            to_create.append(row)
    if to_update:
        SearchDocument.objects.bulk_update(to_update, fields, batch_size=500)
    created = SearchDocument.objects.bulk_create(to_create, batch_size=500)
    ids = [row.pk for row in to_update] + [row.pk for row in created if row.pk]
    if len(ids) < len(rows):  # databases that do not return ids from bulk_create
        ids = list(
            SearchDocument.objects.filter(
                kind__in={k for k, _ in rows}, object_id__in=[o for _, o in rows]
            ).values_list("pk", flat=True)
        )
    return ids


def backend():
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
