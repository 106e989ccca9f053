"""Finding practices: what the index holds of a practice, and the faceted search over it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Q, QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from palabre import permissions
from palabre.lib.text import plain_text
from palabre.organisations.models import Organisation
from palabre.permissions import practices as rules
from palabre.practices.models import Practice
from palabre.search import services as search
from palabre.search.backends import Document, hits_table
from palabre.search.models import SearchDocument, SearchTerm
from palabre.search.query import ParsedQuery, _term, fts5_match, parse
from palabre.search.text import STOPWORDS, strip_accents, words
from palabre.themes.models import Theme

KIND = "practice"
BODY_FIELDS = (
    "context", "objectives", "beneficiaries", "stakeholders", "approach", "resources",
    "results", "success_factors", "difficulties", "lessons", "sustainability", "replication",
)  # fmt: skip


def practice_document(practice: Practice) -> Document:
    """The searchable text of a practice: title, summary, then everything else."""
    parts = [plain_text(getattr(practice, name)) for name in BODY_FIELDS]
    for step in practice.steps.all():
        parts += [step.title, plain_text(step.description), step.what_made_it_work]
    parts += [t.name_fr + " " + t.name_en for t in practice.themes.all()]
    parts += [t.name for t in practice.tags.all()]
    organisation = practice.lead_organisation
    parts += [organisation.name, organisation.acronym, practice.region, practice.project_name]
    return Document(
        kind=KIND,
        object_id=practice.pk,
        language=practice.language,
        title=practice.title,
        summary=plain_text(practice.summary),
        body="\n".join(p for p in parts if p),
    )


def _with_text(qs: QuerySet) -> QuerySet:
    return qs.select_related("lead_organisation").prefetch_related("steps", "themes", "tags")


def index_practice(practice: Practice) -> None:
    """Refresh the index for one practice, inside the caller's transaction."""
    search.search_index(
        practice_document(_with_text(Practice.objects.filter(pk=practice.pk)).get())
    )


def index_practices(ids: list[int]) -> None:
    for start in range(0, len(ids), 500):
        chunk = _with_text(Practice.objects.filter(pk__in=ids[start : start + 500]))
        search.search_index([practice_document(p) for p in chunk])


def unindex_practice(pk: int) -> None:
    search.search_remove(kind=KIND, object_ids=[pk])


def _all_documents():
    ids = list(Practice.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), 500):
        for practice in _with_text(Practice.objects.filter(pk__in=ids[start : start + 500])):
            yield practice_document(practice)


search.register(KIND, _all_documents)


# Faceted search ---------------------------------------------------------------

FACETS = (
    ("theme", _("Theme")),
    ("kind", _("Kind of practice")),
    ("maturity", _("Maturity")),
    ("country", _("Country")),
    ("org_kind", _("Kind of organisation")),
    ("organisation", _("Organisation")),
    ("year", _("Year")),
    ("language", _("Language")),
)
SORTS = (("relevance", _("Relevance")), ("date", _("Most recent")), ("adopted", _("Most adopted")))
PER_PAGE = 20


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    url: str = ""


@dataclass
class Facet:
    name: str
    label: Any
    values: list[FacetValue] = field(default_factory=list)
    more: int = 0  # values with matches that are not listed


@dataclass
class SearchResult:
    parsed: ParsedQuery
    page: Page
    total: int
    facets: list[Facet]
    filters: dict[str, str]
    sort: str
    suggestion: str | None = None
    snippets: dict[int, Any] = field(default_factory=dict)
    # What was searched instead of what was typed, when that found (almost) nothing.
    corrected: str | None = None
    # No practice had every word: these are those with the most of them.
    partial: bool = False


def clean_filters(raw) -> dict[str, str]:
    """Keep only known facets with plausible values (anything else is ignored, not a 500)."""
    filters = {}
    for name, _label in FACETS:
        value = (raw.get(name) or "").strip()[:100]
        if not value:
            continue
        if name == "year" and not (value.isdigit() and len(value) == 4):
            continue
        if name == "kind" and value not in Practice.Kind.values:
            continue
        if name == "maturity" and value not in Practice.Maturity.values:
            continue
        if name == "org_kind" and value not in Organisation.Kind.values:
            continue
        filters[name] = value
    return filters


# The matches a person may see are copied, with the columns the facets count, into a
# small per-connection table; filters, counts and paging then read only that table.
FACTS = "search_facts_practice"
FACT_COLUMNS = {
    "kind": "kind",
    "maturity": "maturity",
    "country": "country",
    "language": "language",
    "year": "year",
}


def _fill_facts(*, user: Any, parsed: ParsedQuery) -> None:
    """Fill the facts table with what this person may see that matches the text.

    The visibility rule is the permission module's own queryset, turned into SQL.
    """
    from django.db import connection
    from django.db.models import BigIntegerField, Func, Value
    from django.db.models import FloatField as Float

    qs = rules.practices_visible_to(user).order_by()
    columns = "id, kind, maturity, country, language, organisation, year, published, adopted"
    fields = (
        "id", "kind", "maturity", "country", "language", "lead_organisation_id", "period_year",
        "last_published_at", "adoption_count",
    )  # fmt: skip
    if parsed.is_empty:
        sql, params = (
            qs.annotate(_score=Value(0.0, output_field=Float()))
            .values_list(*fields, "_score")
            .query.sql_with_params()
        )
    elif connection.vendor == "sqlite":
        hits = search.hits(KIND, parsed)
        # "+id" keeps SQLite from walking the wide rows by id: it scans the small
        # covering index and checks each id against the hits instead.
        scan = Func(F("id"), template="+%(expressions)s", output_field=BigIntegerField())
        qs = qs.annotate(_scan=scan).filter(_scan__in=hits)
        qs = qs.annotate(_score=search.hit_score(KIND, "practices_practice"))
        sql, params = qs.values_list(*fields, "_score").query.sql_with_params()
    else:
        # PostgreSQL joins the hits to what the person may see, read from the covering
        # index alone (an IN and a score looked up row by row took four times longer).
        search.hits(KIND, parsed)
        visible, params = qs.values_list(*fields).query.sql_with_params()
        sql = (
            f"SELECT v.*, h.score FROM ({visible}) v "
            f"JOIN {hits_table(KIND)} h ON h.object_id = v.id"
        )
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {FACTS} (id bigint PRIMARY KEY, score real, "
            "kind varchar(20), maturity varchar(20), country varchar(2), language varchar(8), "
            "organisation bigint, year integer, published timestamp, adopted integer)"
        )
        # TRUNCATE leaves no dead rows for the counts to walk through (PostgreSQL).
        cursor.execute(f"{'DELETE FROM' if connection.vendor == 'sqlite' else 'TRUNCATE'} {FACTS}")
        cursor.execute(f"INSERT INTO {FACTS} ({columns}, score) {sql}", params)
        _one_per_practice(cursor)


PRACTICES = Practice._meta.db_table


def _one_per_practice(cursor) -> None:
    """Keep one entry for a practice and its translations: when the version in the reader's
    language is among the matches, the other versions are dropped (the result links to
    them). Only translations are read (their partial index), so this costs little."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    cursor.execute(
        f"DELETE FROM {FACTS} WHERE language <> %s AND id IN ("
        # an original whose translation in the reader's language matched
        f"SELECT t.translation_of_id FROM {PRACTICES} t JOIN {FACTS} ft ON ft.id = t.id "
        "WHERE t.translation_of_id IS NOT NULL AND ft.language = %s "
        # a translation whose original matched in the reader's language
        f"UNION SELECT t.id FROM {PRACTICES} t JOIN {FACTS} fo ON fo.id = t.translation_of_id "
        "WHERE t.translation_of_id IS NOT NULL AND fo.language = %s "
        # a translation whose sibling matched in the reader's language
        f"UNION SELECT t.id FROM {PRACTICES} t JOIN {PRACTICES} s "
        "ON s.translation_of_id = t.translation_of_id AND s.id <> t.id "
        f"JOIN {FACTS} fs ON fs.id = s.id WHERE t.translation_of_id IS NOT NULL "
        "AND s.translation_of_id IS NOT NULL AND fs.language = %s)",
        [language] * 4,
    )


def other_versions(practices: list[Practice], *, user: Any) -> None:
    """Give each practice the other language versions this person may open
    (``p.other_versions``), in one query for the whole list."""
    groups = {p.translation_of_id or p.pk for p in practices}
    for p in practices:
        p.other_versions = []
    if not groups:
        return
    shown = {p.pk for p in practices}
    versions = (
        rules.practices_visible_to(user)
        .filter(Q(pk__in=groups) | Q(translation_of_id__in=groups))
        .exclude(pk__in=shown)
        .only("pk", "title", "language", "translation_of_id")
        .order_by("language", "pk")
    )
    by_group: dict[int, list[Practice]] = {}
    for version in versions:
        by_group.setdefault(version.translation_of_id or version.pk, []).append(version)
    for p in practices:
        p.other_versions = by_group.get(p.translation_of_id or p.pk, [])


def _theme_ids(slug: str) -> list[int]:
    return list(
        Theme.objects.filter(Q(slug=slug) | Q(parent__slug=slug)).values_list("pk", flat=True)
    )


ORGANISATIONS = Organisation._meta.db_table


def _where(filters: dict[str, str], *, alias: str = "f", skip: str | None = None):
    clauses, params = ["1 = 1"], []
    for name, value in filters.items():
        if name == skip:
            continue
        if name in ("organisation", "org_kind"):
            # Named through the organisations table, so a network of thousands of
            # organisations is never read whole for one search.
            column = "slug" if name == "organisation" else "kind"
            clauses.append(
                f"{alias}.organisation IN (SELECT id FROM {ORGANISATIONS} WHERE {column} = %s)"
            )
            params.append(value)
        elif name == "theme":
            ids = _theme_ids(value) or [0]
            clauses.append(
                f"{alias}.id IN (SELECT practice_id FROM practices_practice_themes "
                f"WHERE theme_id IN ({', '.join(['%s'] * len(ids))}))"
            )
            params += ids
        elif name in FACT_COLUMNS:
            clauses.append(f"{alias}.{FACT_COLUMNS[name]} = %s")
            params.append(
                int(value) if name == "year" else (value.upper() if name == "country" else value)
            )
    return " AND ".join(clauses), params


def _rows(sql: str, params: list) -> list[tuple]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


LABELS = {
    "kind": dict(Practice.Kind.choices),
    "maturity": dict(Practice.Maturity.choices),
    "org_kind": dict(Organisation.Kind.choices),
    "language": {"fr": _("French"), "en": _("English")},
}

# A facet lists its most frequent values (and the one chosen); the others are counted
# ("12 more"), and listed only when asked for (``expand``). A network with thousands of
# organisations would otherwise send thousands of lines with every search.
FACET_LIMIT = 12


def _bounded(facet: Facet, values: list[FacetValue], limit: int | None) -> None:
    shown = values if limit is None else values[:limit]
    shown += [v for v in values[len(shown) :] if v.selected]
    facet.values, facet.more = shown, len(values) - len(shown)


def _organisation_facet(facet: Facet, where: str, params: list, selected, limit) -> None:
    """The organisations with the most matches and how many have some, counted on the facts
    table alone (one query); only those listed are joined to be named."""
    top = f" LIMIT {int(limit) * 4}" if limit is not None else ""  # room for ties on names
    rows = _rows(
        "SELECT o.slug, o.name, t.n, t.everyone FROM ("
        f"SELECT f.organisation, COUNT(*) AS n, COUNT(*) OVER () AS everyone FROM {FACTS} f "
        f"WHERE {where} GROUP BY f.organisation ORDER BY n DESC{top}) t "
        f"JOIN {ORGANISATIONS} o ON o.id = t.organisation ORDER BY t.n DESC, o.name",
        params,
    )
    everyone = rows[0][3] if rows else 0
    values = [FacetValue(slug, name, n, slug == selected) for slug, name, n, _ in rows[:limit]]
    if selected and not any(v.selected for v in values):
        values += [
            FacetValue(slug, name, n, True)
            for slug, name, n in _rows(
                f"SELECT o.slug, o.name, COUNT(*) FROM {FACTS} f "
                f"JOIN {ORGANISATIONS} o ON o.id = f.organisation "
                f"WHERE {where} AND o.slug = %s GROUP BY o.slug, o.name",
                [*params, selected],
            )
        ]
    facet.values = values
    facet.more = max(0, everyone - len(values))


def facets_for(filters: dict[str, str], *, expand: str | None = None) -> list[Facet]:
    """Counts per facet value over the facts table. Each facet counts with the other
    filters only, so that every count is exactly what clicking that value shows.
    Each lists its ``FACET_LIMIT`` most frequent values, all of them for ``expand``."""
    facets = []
    for name, label in FACETS:
        facet = Facet(name=name, label=label)
        where, params = _where(filters, skip=name)
        selected = filters.get(name)
        limit = None if name == expand else FACET_LIMIT
        if name == "theme":
            # "IN (SELECT …)" rather than a join: planners otherwise walk every theme link.
            rows = _rows(
                "SELECT pt.theme_id, COUNT(*) FROM practices_practice_themes pt "
                f"WHERE pt.practice_id IN (SELECT f.id FROM {FACTS} f WHERE {where}) "
                "GROUP BY pt.theme_id",
                params,
            )
            themes = {t.pk: t for t in Theme.objects.filter(pk__in=[r[0] for r in rows])}
            values = sorted(
                (
                    FacetValue(themes[pk].slug, themes[pk].name, n, themes[pk].slug == selected)
                    for pk, n in rows
                    if pk in themes
                ),
                key=lambda v: (-v.count, v.label),
            )
            _bounded(facet, values, limit)
        elif name == "organisation":
            _organisation_facet(facet, where, params, selected, limit)
        else:
            if name == "org_kind":
                rows = _rows(
                    f"SELECT o.kind, COUNT(*) FROM {FACTS} f "
                    f"JOIN {ORGANISATIONS} o ON o.id = f.organisation WHERE {where} "
                    "GROUP BY o.kind",
                    params,
                )
            else:
                column = FACT_COLUMNS[name]
                rows = _rows(
                    f"SELECT f.{column}, COUNT(*) FROM {FACTS} f WHERE {where} "
                    f"AND f.{column} IS NOT NULL GROUP BY f.{column}",
                    params,
                )
            values = []
            for value, n in rows:
                if value in (None, ""):
                    continue
                value = str(value)
                if name == "country":
                    shown = countries.name(value) or value
                else:
                    shown = str(LABELS.get(name, {}).get(value, value))
                values.append(FacetValue(value, shown, n, value == selected))
            if name == "year":
                values.sort(key=lambda v: v.value, reverse=True)
            else:
                values.sort(key=lambda v: (-v.count, v.label))
            _bounded(facet, values, limit)
        facets.append(facet)
    return facets


ORDER = {
    "relevance": "f.score DESC, f.published DESC, f.id DESC",
    "date": "f.published DESC, f.id DESC",
    "adopted": "f.adopted DESC, f.published DESC, f.id DESC",
}


class FactResults:
    """The filtered, ordered matches, read page by page (for Django's Paginator)."""

    def __init__(self, filters: dict[str, str], sort: str):
        self.where, self.params = _where(filters)
        self.order = ORDER[sort]

    def count(self) -> int:
        return _rows(f"SELECT COUNT(*) FROM {FACTS} f WHERE {self.where}", self.params)[0][0]

    def ids(self, offset: int = 0, limit: int | None = None) -> list[int]:
        sql = f"SELECT f.id FROM {FACTS} f WHERE {self.where} ORDER BY {self.order}"
        params = list(self.params)
        if limit is not None:
            sql += " LIMIT %s OFFSET %s"
            params += [limit, offset]
        return [row[0] for row in _rows(sql, params)]

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[Practice]:
        ids = self.ids(window.start or 0, (window.stop or 0) - (window.start or 0))
        found = {p.pk: p for p in Practice.objects.filter(pk__in=ids).with_cards()}
        return [found[pk] for pk in ids if pk in found]


def _sort(sort: str, parsed: ParsedQuery) -> str:
    if sort not in dict(SORTS) or (sort == "relevance" and parsed.is_empty):
        return "relevance" if not parsed.is_empty else "date"
    return sort


def practice_ids(
    *,
    user: Any,
    q: str = "",
    filters: dict[str, str] | None = None,
    sort: str = "",
    live: bool = False,
    exact: bool = False,
) -> list[int]:
    """The ids of the practices a search finds, in order (for exports): the same as
    the search page shows, corrected words and all."""
    parsed = parse(q, live=live)
    sort = _sort(sort, parsed)
    _searched(user=user, parsed=parsed, filters=filters or {}, sort=sort, exact=exact)
    return FactResults(filters or {}, sort).ids()


FEW = 3  # fewer matches than this: the words may be misspelt


@dataclass
class _Searched:
    parsed: ParsedQuery  # what was searched
    total: int
    suggestion: str | None = None  # a correction, not searched
    corrected: str | None = None  # a correction, searched instead of what was typed
    partial: bool = False  # not every word: those with the most of them


def _searched(
    *, user: Any, parsed: ParsedQuery, filters: dict, sort: str, exact: bool
) -> _Searched:
    """Fill the facts table with what to show for this query, and say what was searched.

    What was typed first. If it finds (almost) nothing and some words are not words of
    the library, the corrected words are searched instead (unless ``exact``), if they
    find more. If no practice has all the words, those with the most of them.
    """
    _fill_facts(user=user, parsed=parsed)
    found = _Searched(parsed=parsed, total=FactResults(filters, sort).count())
    if parsed.is_empty or found.total >= FEW:
        return found
    corrected = None if exact else search.correct(parsed, kind=KIND, found=found.total)
    if corrected is not None:
        _fill_facts(user=user, parsed=corrected)
        total = FactResults(filters, sort).count()
        if not found.total or total >= max(FEW * found.total, found.total + 1):
            found = _Searched(parsed=corrected, total=total, corrected=corrected.text)
        else:
            found.suggestion = corrected.text
            _fill_facts(user=user, parsed=parsed)
    searched = found.parsed
    if not found.total and len(searched.terms) + len(searched.phrases) > 1:
        most = replace(searched, match_any=True, most_words=True)
        _fill_facts(user=user, parsed=most)
        found.total = FactResults(filters, sort).count()
        found.parsed, found.partial = most, bool(found.total)
    if found.corrected and not found.total:
        # The corrected words find nothing either: offer them, show what was typed.
        found = _Searched(parsed=parsed, total=0, suggestion=found.corrected)
    return found


CACHED_IDS = 400  # the first twenty pages of a search are kept with it


@dataclass
class _Found:
    total: int
    ids: list[int]
    facets: list[Facet]
    suggestion: str | None
    parsed: ParsedQuery | None = None  # what was searched, if not what was typed
    corrected: str | None = None
    partial: bool = False


def _generation() -> str:
    """Changes whenever an indexed practice changes, so cached searches are never stale."""
    from django.db.models import Max

    latest = SearchDocument.objects.filter(kind=KIND).aggregate(latest=Max("updated_at"))["latest"]
    return latest.isoformat() if latest else "0"


def _find(
    *,
    user: Any,
    parsed: ParsedQuery,
    filters: dict,
    sort: str,
    with_facets: bool,
    exact: bool = False,
    expand: str | None = None,
) -> _Found:
    """Matches, facets and suggestion for a search, cached a few minutes for everyone
    who sees the same things (same organisations), until the library changes.
    With ``exact``, misspelt words are searched as typed (and no correction offered)."""
    import hashlib

    from django.core.cache import cache

    seconds = settings.SEARCH_CACHE_SECONDS
    signature = json.dumps(
        [
            fts5_match(parsed),
            sorted(filters.items()),
            sort,
            with_facets,
            exact,
            expand,
            get_language(),  # one entry per practice, in the reader's language
            permissions.audience_key(user),
        ]
    )
    key = "practice-search:" + hashlib.sha256(f"{_generation()}{signature}".encode()).hexdigest()
    found = cache.get(key) if seconds else None
    if found is None:
        searched = _searched(user=user, parsed=parsed, filters=filters, sort=sort, exact=exact)
        found = _Found(
            total=searched.total,
            ids=FactResults(filters, sort).ids(0, CACHED_IDS),
            facets=facets_for(filters, expand=expand) if with_facets else [],
            suggestion=searched.suggestion,
            parsed=searched.parsed if searched.parsed is not parsed else None,
            corrected=searched.corrected,
            partial=searched.partial,
        )
        if seconds:
            cache.set(key, found, seconds)
    return found


class FoundResults:
    """A search's results for Django's Paginator: cached ids first, the database beyond."""

    def __init__(self, found: _Found, *, user: Any, parsed: ParsedQuery, filters: dict, sort: str):
        self.found, self.user, self.filters, self.sort = found, user, filters, sort
        self.parsed = found.parsed or parsed  # what was searched

    def count(self) -> int:
        return self.found.total

    def __len__(self) -> int:
        return self.found.total

    def ids(self, start: int, stop: int) -> list[int]:
        if stop <= len(self.found.ids) or len(self.found.ids) == self.found.total:
            return self.found.ids[start:stop]
        _fill_facts(user=self.user, parsed=self.parsed)
        return FactResults(self.filters, self.sort).ids(start, stop - start)

    def __getitem__(self, window: slice) -> list[Practice]:
        ids = self.ids(window.start or 0, window.stop or 0)
        practices = {p.pk: p for p in Practice.objects.filter(pk__in=ids).with_cards()}
        return [practices[pk] for pk in ids if pk in practices]


def practice_search(
    *,
    user: Any,
    q: str = "",
    filters: dict[str, str] | None = None,
    sort: str = "",
    page: Any = 1,
    live: bool = False,
    per_page: int = PER_PAGE,
    with_facets: bool = True,
    exact: bool = False,
    expand: str | None = None,
) -> SearchResult:
    """Published practices this person may read that match the text and the filters."""
    filters = filters or {}
    parsed = parse(q, live=live)
    sort = _sort(sort, parsed)
    found = _find(
        user=user,
        parsed=parsed,
        filters=filters,
        sort=sort,
        with_facets=with_facets,
        exact=exact,
        expand=expand if expand in dict(FACETS) else None,
    )
    results = FoundResults(found, user=user, parsed=parsed, filters=filters, sort=sort)
    parsed = results.parsed
    paginator = Paginator(results, per_page)
    result_page = paginator.get_page(page)
    other_versions(result_page.object_list, user=user)
    snippets = {}
    if not parsed.is_empty:
        ids = [p.pk for p in result_page]
        for doc in SearchDocument.objects.filter(kind=KIND, object_id__in=ids).only(
            "object_id", "summary", "body"
        ):
            snip = search.snippet(doc.summary, parsed)
            if "<mark>" not in snip:
                snip = search.snippet(doc.body, parsed) or snip
            snippets[doc.object_id] = snip
    return SearchResult(
        parsed=parsed,
        page=result_page,
        total=found.total,
        facets=found.facets,
        filters=filters,
        sort=sort,
        suggestion=found.suggestion,
        snippets=snippets,
        corrected=found.corrected,
        partial=found.partial,
    )


def touch_practice(pk: int) -> None:
    """A practice changed in a way searches show (status, maturity, adoptions) but not its text."""
    from django.utils import timezone

    SearchDocument.objects.filter(kind=KIND, object_id=pk).update(updated_at=timezone.now())


def _distinctive(title: str, *, most: int = 4) -> list[str]:
    """The rarest words of a title: words found in a tenth of the library say little."""
    from django.core.cache import cache

    candidates = {strip_accents(w): w for w in words(title) if len(w) > 2}
    candidates = {p: w for p, w in candidates.items() if p not in STOPWORDS}
    if not candidates:
        return []
    frequency = dict(
        SearchTerm.objects.filter(term__in=candidates).values_list("term", "documents")
    )
    library = cache.get_or_set(
        "search:practice-count", lambda: SearchDocument.objects.filter(kind=KIND).count(), 3600
    )
    library = library or 1
    rare = sorted(candidates, key=lambda p: frequency.get(p, 0))
    return [candidates[p] for p in rare if frequency.get(p, 0) < library / 10][:most] or [
        candidates[p] for p in rare[:2]
    ]


def _similar_candidates(practice: Practice) -> list[int]:
    """Practices whose title or summary share words with this one's title, reranked by the
    themes and tags they share; best first (cached an hour, for everyone)."""
    from django.core.cache import cache

    key = f"similar:{practice.pk}:{practice.version}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    scores: dict[int, float] = {}
    title_words = _distinctive(practice.title)
    if title_words:
        parsed = ParsedQuery(
            text=practice.title,
            terms=[_term(w) for w in title_words],
            match_any=True,
            title_and_summary=True,
        )
        for pk, score in search.top_matches(KIND, parsed, limit=80):
            scores[pk] = min(float(score), 10.0) / 5.0
    scores.pop(practice.pk, None)
    theme_ids = list(practice.themes.values_list("pk", flat=True))
    if len(scores) < 10 and theme_ids:
        # Few words in common: the latest practices of the same themes are candidates too.
        for pk in (
            Practice.objects.filter(status=Practice.Status.PUBLISHED, themes__in=theme_ids)
            .exclude(pk=practice.pk)
            .order_by("-last_published_at")
            .values_list("pk", flat=True)[:40]
        ):
            scores.setdefault(pk, 0.0)
    candidates = list(scores)
    tag_ids = list(practice.tags.values_list("pk", flat=True))
    for through, ids, weight, column in (
        (Practice.themes.through, theme_ids, 2.0, "theme_id"),
        (Practice.tags.through, tag_ids, 3.0, "tag_id"),
    ):
        if not ids or not candidates:
            continue
        rows = (
            through.objects.filter(practice_id__in=candidates, **{f"{column}__in": ids})
            .values("practice_id")
            .annotate(n=Count(column))
        )
        for row in rows:
            scores[row["practice_id"]] += weight * row["n"]
    best = sorted(scores, key=lambda pk: (-scores[pk], -pk))[:60]
    cache.set(key, best, 3600)
    return best


def similar_practices(practice: Practice, *, user: Any, limit: int = 5) -> list[Practice]:
    """Practices that share themes, tags and words with this one, that this person may read."""
    best = _similar_candidates(practice)
    related = {practice.translation_of_id} if practice.translation_of_id else set()
    visible = {
        p.pk: p
        for p in rules.practices_visible_to(user)
        .filter(pk__in=best)
        .exclude(translation_of=practice)
        .with_cards()
    }
    return [visible[pk] for pk in best if pk in visible and pk not in related][:limit]
