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
from palabre.search.query import (
    ParsedQuery,
    fts5_expression,
    fts5_groups,
    fts5_match,
    prefix_tsquery,
    tsquery,
)
from palabre.search.text import index_terms

KIND_CODES = {"practice": 1, "thread": 2, "workshop": 3, "resource": 4, "training": 5}
SLOTS = 8
# When not every word need match, each word a document has is worth more than any
# relevance score (relevance then orders documents with as many words).
WORD_WEIGHT = 1000


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
            if parsed.most_words:
                # One MATCH per word: a document's score is how many words it has
                # (× 1000), then its relevance for each of them.
                each = [fts5_expression([group], parsed) for group in fts5_groups(parsed)]
                ranked = " UNION ALL ".join(
                    "SELECT rowid AS id, -bm25(search_fts, 10.0, 4.0, 1.0) AS s "
                    "FROM search_fts WHERE search_fts MATCH %s AND rowid %% %s = %s"
                    for _ in each
                )
                params: list = []
                for expression in each:
                    params += [expression, SLOTS, KIND_CODES[kind]]
                cursor.execute(
                    f"INSERT OR IGNORE INTO {table} (object_id, score) "
                    f"SELECT id / %s, COUNT(*) * {WORD_WEIGHT} + SUM(s) FROM ({ranked}) "
                    "GROUP BY id",
                    [SLOTS, *params],
                )
                return
            cursor.execute(
                f"INSERT OR IGNORE INTO {table} (object_id, score) "
                "SELECT rowid / %s, -bm25(search_fts, 10.0, 4.0, 1.0) FROM search_fts "
                "WHERE search_fts MATCH %s AND rowid %% %s = %s",
                [SLOTS, fts5_match(parsed), SLOTS, KIND_CODES[kind]],
            )

    def count(self, parsed: ParsedQuery, kind: str | None = None) -> int:
        sql = "SELECT COUNT(*) FROM search_fts WHERE search_fts MATCH %s"
        params: list[str | int] = [fts5_match(parsed)]
        if kind:
            sql += " AND rowid %% %s = %s"
            params += [SLOTS, KIND_CODES[kind]]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()[0]

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
        In French a word also matches its other forms (``Term.forms``).
        """
        whole = ParsedQuery(
            text="",
            terms=[t for t in parsed.terms if not t.prefix],
            match_any=parsed.match_any,
            title_and_summary=parsed.title_and_summary,
        )
        typing = [t for t in parsed.terms if t.prefix]
        join = " || " if parsed.match_any else " && "
        parts, params = [], []
        for config, language in (("palabre_fr", "fr"), ("palabre_en", "en")):
            alternatives = []
            terms = tsquery(whole, language)
            if terms:
                alternatives.append(f"to_tsquery('{config}', %s)")
                params.append(terms)
            for term in typing:
                alternatives.append(f"(to_tsquery('{config}', %s) || to_tsquery('simple', %s))")
                params += [tsquery(ParsedQuery(text="", terms=[term]), language)]
                params.append(prefix_tsquery(term))
            wanted = ["(" + join.join(alternatives) + ")"] if alternatives else []
            for phrase in parsed.phrase_texts:
                wanted.append(f"phraseto_tsquery('{config}', %s)")
                params.append(phrase)
            pieces = ["(" + join.join(wanted) + ")"] if wanted else []
            for term in parsed.excluded:
                pieces.append(f"!!to_tsquery('{config}', %s)")
                params.append(tsquery(ParsedQuery(text="", terms=[term]), language))
            parts.append("(" + " && ".join(pieces) + ")")
        return "(SELECT " + " || ".join(parts) + " AS q)", params

    def _each_word(self, parsed: ParsedQuery) -> list[ParsedQuery]:
        """One query per word or phrase of ``parsed``, each without the excluded words."""
        single = {"match_any": False, "most_words": False, "excluded": parsed.excluded}
        return [ParsedQuery(text="", terms=[term], **single) for term in parsed.terms] + [
            ParsedQuery(text="", phrases=[phrase], phrase_texts=[text], **single)
            for phrase, text in zip(parsed.phrases, parsed.phrase_texts, strict=False)
        ]

    def fill_hits(self, kind: str, parsed: ParsedQuery) -> None:
        """Every match, with its score (``SCORE``). A document is one per object, so no
        conflict is possible (and checking for one is slow)."""
        table = hits_table(kind)
        query, params = self._query(parsed)
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS {table} (object_id bigint PRIMARY KEY, score real)"
            )
            cursor.execute(f"TRUNCATE {table}")
            with _index_scan(cursor):
                if parsed.most_words:
                    # How many of the words each document has, each word read from the
                    # index alone; then the score of those documents for any of them.
                    each, each_params = [], []
                    for single in self._each_word(parsed):
                        single_query, single_params = self._query(single)
                        each.append(
                            f"SELECT id FROM search_searchdocument, {single_query} AS query "
                            "WHERE kind = %s AND vector @@ query.q"
                        )
                        each_params += [*single_params, kind]
                    cursor.execute(
                        f"INSERT INTO {table} (object_id, score) "
                        f"SELECT d.object_id, m.n * {WORD_WEIGHT} + {SCORE} "
                        f"FROM (SELECT id, COUNT(*) AS n FROM ({' UNION ALL '.join(each)}) w "
                        "GROUP BY id) m JOIN search_searchdocument d ON d.id = m.id, "
                        f"{query} AS query",
                        [kind, kind, *each_params, *params],
                    )
                else:
                    cursor.execute(
                        f"INSERT INTO {table} (object_id, score) "
                        f"SELECT object_id, {SCORE} "
                        f"FROM search_searchdocument d, {query} AS query "
                        "WHERE kind = %s AND vector @@ query.q",
                        [kind, kind, *params, kind],
                    )
            # Temporary tables get no statistics by themselves: the planner needs its size.
            cursor.execute(f"ANALYZE {table}")

    def count(self, parsed: ParsedQuery, kind: str | None = None) -> int:
        query, params = self._query(parsed)
        where = "vector @@ query.q" + (" AND kind = %s" if kind else "")
        with connection.cursor() as cursor, _index_scan(cursor):
            cursor.execute(
                f"SELECT COUNT(*) FROM search_searchdocument, {query} AS query WHERE {where}",
                [*params, kind] if kind else params,
            )
            return cursor.fetchone()[0]

    def top(self, kind: str, parsed: ParsedQuery, limit: int) -> list[tuple[int, float]]:
        query, params = self._query(parsed)
        # Titles and summaries only: their own small vector and index answer.
        if parsed.title_and_summary:
            vector, score, first = "rank_vector", "ts_rank_cd(d.rank_vector, query.q, 1)", []
        else:
            vector, score, first = "vector", SCORE, [kind, kind]
        with connection.cursor() as cursor, _index_scan(cursor):
            cursor.execute(
                f"SELECT object_id, {score} AS score "
                f"FROM search_searchdocument d, {query} AS query "
                f"WHERE kind = %s AND {vector} @@ query.q ORDER BY score DESC LIMIT %s",
                [*first, *params, kind, limit],
            )
            return list(cursor.fetchall())

    def rebuild(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchdocument")


# A document's relevance: on its title and summary (``rank_vector``, small) when it
# matches there; otherwise on its whole text, whose body words weigh least, so a body
# that is about the words ranks above one that names them once, and both below a
# title. Reading a whole vector is the costly part (20,000 bench practices, 1,500
# matches: 9 → 16 ms), so body-only matches are ranked only when they may show on the
# first pages: when fewer than TITLE_MATCHES documents match in their title or summary,
# and at most BODY_RANKED in all (each counted by a probe that stops there, the first
# on the small vector; the second is read only if the first says so). Otherwise they
# score 0 and come by date, after the many that match in their title or summary: the
# probe then costs about half a millisecond.
TITLE_MATCHES = 200
BODY_RANKED = 3000
SCORE = (
    "CASE WHEN d.rank_vector @@ query.q THEN ts_rank_cd(d.rank_vector, query.q, 1) "
    f"WHEN (SELECT COUNT(*) < {TITLE_MATCHES} FROM (SELECT 1 FROM search_searchdocument "
    f"WHERE kind = %s AND rank_vector @@ query.q LIMIT {TITLE_MATCHES}) titles) "
    f"AND (SELECT COUNT(*) <= {BODY_RANKED} FROM (SELECT 1 FROM search_searchdocument "
    f"WHERE kind = %s AND vector @@ query.q LIMIT {BODY_RANKED + 1}) everywhere) "
    "THEN ts_rank_cd(d.vector, query.q, 1) ELSE 0 END"
)


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
    _insert([d for d in rows.values() if d.pk not in existing])


def _insert(documents: list[SearchDocument]) -> None:
    """What ``bulk_create`` writes, without Django building SQL for every value: an
    import indexes thousands of documents, and building their SQL cost more than
    writing them. (The FTS5 table follows by its triggers; the vectors are generated.)"""
    if not documents:
        return
    fields = list(SearchDocument._meta.concrete_fields)
    changed = SearchDocument._meta.get_field("updated_at")
    rows = []
    for document in documents:
        # Text and numbers go as they are; the time as Django writes it for this database.
        document.updated_at = changed.pre_save(document, True)
        rows.append(
            [
                changed.get_db_prep_save(document.updated_at, connection)
                if f is changed
                else getattr(document, f.attname)
                for f in fields
            ]
        )
    insert_many(SearchDocument._meta.db_table, [f.column for f in fields], rows)


def insert_many(table: str, columns: list[str], rows: list[list]) -> None:
    """INSERT ``rows`` (values already prepared for the database) into ``table``.

    SQLite runs one prepared statement for every row; PostgreSQL gets many rows per
    statement, since each statement sent is parsed and planned anew there."""
    if not rows:
        return
    quote = connection.ops.quote_name
    head = f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in columns)}) VALUES "
    one = "(" + ", ".join(["%s"] * len(columns)) + ")"
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.executemany(head + one, rows)
            return
        per = max(1, min(500, 30000 // len(columns)))
        for start in range(0, len(rows), per):
            chunk = rows[start : start + per]
            cursor.execute(head + ", ".join([one] * len(chunk)), [v for row in chunk for v in row])


def backend():
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
