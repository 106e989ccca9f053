"""Finding practices: what the index holds of a practice, and the faceted search over it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, QuerySet
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from palabre.lib.text import plain_text
from palabre.organisations.models import Organisation
from palabre.permissions import practices as rules
from palabre.practices.models import Practice
from palabre.search import services as search
from palabre.search.backends import Document
from palabre.search.query import ParsedQuery, parse
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


def apply_filters(qs: QuerySet, filters: dict[str, str]) -> QuerySet:
    for name, value in filters.items():
        if name == "theme":
            qs = qs.filter(pk__in=Practice.themes.through.objects.filter(
                theme__in=Theme.objects.filter(slug=value).values("pk")
                | Theme.objects.filter(parent__slug=value).values("pk")
            ).values("practice_id"))  # fmt: skip
        elif name == "kind":
            qs = qs.filter(kind=value)
        elif name == "maturity":
            qs = qs.filter(maturity=value)
        elif name == "country":
            qs = qs.filter(country=value.upper())
        elif name == "org_kind":
            qs = qs.filter(lead_organisation__kind=value)
        elif name == "organisation":
            qs = qs.filter(lead_organisation__slug=value)
        elif name == "year":
            qs = qs.filter(period_start__year=int(value))
        elif name == "language":
            qs = qs.filter(language=value)
    return qs


def _facet_counts(qs: QuerySet, name: str, selected: str | None, cache: dict) -> Facet:
    label = dict(FACETS)[name]
    facet = Facet(name=name, label=label)
    if name == "theme":
        rows = (
            Practice.themes.through.objects.filter(practice__in=qs.values("pk"))
            .values("theme_id")
            .annotate(n=Count("practice_id", distinct=True))
        )
        themes = cache.setdefault("themes", {t.pk: t for t in Theme.objects.all()})
        counts = {}
        for row in rows:
            theme = themes.get(row["theme_id"])
            if theme is not None:
                counts[theme.slug] = (theme.name, row["n"])
        values = sorted(counts.items(), key=lambda item: (-item[1][1], item[1][0]))
        facet.values = [FacetValue(slug, name_, n, slug == selected) for slug, (name_, n) in values]
        return facet
    field_for = {
        "kind": "kind",
        "maturity": "maturity",
        "country": "country",
        "org_kind": "lead_organisation__kind",
        "organisation": "lead_organisation__slug",
        "language": "language",
    }
    if name == "year":
        rows = (
            qs.annotate(value=ExtractYear("period_start")).values("value").annotate(n=Count("pk"))
        )
    else:
        rows = qs.annotate(value=F(field_for[name])).values("value").annotate(n=Count("pk"))
    labels = {
        "kind": dict(Practice.Kind.choices),
        "maturity": dict(Practice.Maturity.choices),
        "org_kind": dict(Organisation.Kind.choices),
        "language": {"fr": _("French"), "en": _("English")},
    }.get(name, {})
    if name == "organisation":
        labels = cache.setdefault(
            "organisations", dict(Organisation.objects.values_list("slug", "name"))
        )
    items = []
    for row in rows:
        value = row["value"]
        if value in (None, ""):
            continue
        value = str(value)
        if name == "country":
            shown = countries.name(value) or value
        else:
            shown = str(labels.get(value, value))
        items.append(FacetValue(value, shown, row["n"], value == selected))
    if name == "year":
        items.sort(key=lambda v: v.value, reverse=True)
    else:
        items.sort(key=lambda v: (-v.count, v.label))
    facet.values = items
    return facet


def practice_queryset(
    *,
    user: Any,
    q: str = "",
    filters: dict[str, str] | None = None,
    sort: str = "",
    live: bool = False,
) -> QuerySet:
    """The practices a search finds, ordered, without paging (for exports)."""
    parsed = parse(q, live=live)
    base = search_base(user=user, parsed=parsed)
    return _ordered(apply_filters(base, filters or {}), parsed, sort)[0]


def _ordered(results: QuerySet, parsed: ParsedQuery, sort: str) -> tuple[QuerySet, str]:
    if sort not in dict(SORTS):
        sort = "relevance" if not parsed.is_empty else "date"
    if sort == "relevance" and not parsed.is_empty:
        ordered = results.annotate(score=search.hit_score(KIND, "practices_practice")).order_by(
            "-score", "-last_published_at", "-pk"
        )
    elif sort == "adopted":
        ordered = results.order_by("-adoption_count", "-last_published_at", "-pk")
    else:
        sort = "date"
        ordered = results.order_by("-last_published_at", "-pk")
    return ordered, sort


def facets_for(base: QuerySet, filters: dict[str, str]) -> list[Facet]:
    """Counts per facet value. Each facet counts with the other filters only, so that
    every count is exactly what clicking that value would show."""
    cache: dict = {}
    facets = []
    for name, _label in FACETS:
        others = {k: v for k, v in filters.items() if k != name}
        facets.append(_facet_counts(apply_filters(base, others), name, filters.get(name), cache))
    return facets


def search_base(*, user: Any, parsed: ParsedQuery) -> QuerySet:
    base = rules.practices_visible_to(user)
    if not parsed.is_empty:
        base = base.filter(pk__in=search.hits(KIND, parsed))
    return base


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
) -> SearchResult:
    """Published practices this person may read that match the text and the filters."""
    filters = filters or {}
    parsed = parse(q, live=live)
    base = search_base(user=user, parsed=parsed)
    ordered, sort = _ordered(apply_filters(base, filters), parsed, sort)
    paginator = Paginator(ordered.with_cards(), per_page)
    result_page = paginator.get_page(page)
    facets = []
    if with_facets:
        cache: dict = {}
        for name, _label in FACETS:
            others = {k: v for k, v in filters.items() if k != name}
            facets.append(
                _facet_counts(apply_filters(base, others), name, filters.get(name), cache)
            )
    suggestion = None
    if not parsed.is_empty and paginator.count < 3:
        suggestion = search.suggest(parsed)
    snippets = {}
    if not parsed.is_empty:
        from palabre.search.models import SearchDocument

        ids = [p.pk for p in result_page]
        for doc in SearchDocument.objects.filter(kind=KIND, object_id__in=ids).only(
            "object_id", "summary", "body"
        ):
            text = doc.summary
            snip = search.snippet(text, parsed)
            if "<mark>" not in snip:
                snip = search.snippet(doc.body, parsed) or snip
            snippets[doc.object_id] = snip
    return SearchResult(
        parsed=parsed,
        page=result_page,
        total=paginator.count,
        facets=facets,
        filters=filters,
        sort=sort,
        suggestion=suggestion,
        snippets=snippets,
    )


def _similar_candidates(practice: Practice) -> list[int]:
    """Practices sharing words of the title, themes and tags, best first (cached an hour)."""
    from django.core.cache import cache

    from palabre.search.query import _term
    from palabre.search.text import STOPWORDS, strip_accents, words

    key = f"similar:{practice.pk}:{practice.version}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    scores: dict[int, float] = {}
    title_words = [w for w in words(practice.title) if strip_accents(w) not in STOPWORDS][:8]
    if title_words:
        # One query: any of the title's words, the best matches first.
        parsed = ParsedQuery(
            text=practice.title, terms=[_term(w) for w in title_words], match_any=True
        )
        for pk, score in search.top_matches(KIND, parsed, limit=40):
            scores[pk] = scores.get(pk, 0.0) + min(float(score), 10.0) / 5.0
    theme_ids = list(practice.themes.values_list("pk", flat=True))
    tag_ids = list(practice.tags.values_list("pk", flat=True))
    for through, ids, weight, column in (
        (Practice.themes.through, theme_ids, 2.0, "theme_id"),
        (Practice.tags.through, tag_ids, 3.0, "tag_id"),
    ):
        if not ids:
            continue
        rows = (
            through.objects.filter(**{f"{column}__in": ids})
            .values("practice_id")
            .annotate(n=Count(column))
            .order_by("-n", "-practice_id")[:300]
        )
        for row in rows:
            scores[row["practice_id"]] = scores.get(row["practice_id"], 0.0) + weight * row["n"]
    scores.pop(practice.pk, None)
    best = sorted(scores, key=lambda pk: -scores[pk])[:60]
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
