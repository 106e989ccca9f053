"""Reads for the projects' pages, all on the permission querysets: the directory and its
filters, a project's linked items, similar projects elsewhere, the map's figures."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries import countries as country_names

from palabre.organisations.models import Organisation
from palabre.permissions import adoptions as adoption_rules
from palabre.permissions import is_member
from palabre.permissions import practices as practice_rules
from palabre.permissions import projects as rules
from palabre.permissions import resources as resource_rules
from palabre.projects import geo
from palabre.projects.models import (
    Exchange,
    Project,
    ProjectAdoption,
    ProjectIndicator,
    ProjectMember,
    ProjectPractice,
    ProjectResource,
)
from palabre.themes.models import Theme

SIMILAR_LIMIT = 5
SIMILAR_CANDIDATES = 300


def accepted_team() -> Prefetch:
    return Prefetch(
        "team",
        queryset=ProjectMember.objects.filter(accepted_at__isnull=False).select_related("person"),
        to_attr="accepted_team",
    )


@dataclass
class Filters:
    theme: str = ""
    country: str = ""
    region: str = ""
    kind: str = ""
    status: str = ""
    year: int | None = None
    q: str = ""


def _clean(text: str) -> str:
    """What was typed, without control characters (PostgreSQL refuses NUL in text)."""
    return "".join(c for c in text if c >= " ").strip()


def directory(user: Any, filters: Filters) -> QuerySet[Project]:
    filters = Filters(
        theme=_clean(filters.theme),
        country=_clean(filters.country),
        region=_clean(filters.region),
        kind=_clean(filters.kind),
        status=_clean(filters.status),
        year=filters.year,
        q=_clean(filters.q),
    )
    qs = rules.projects_visible_to(user).select_related("organisation")
    if filters.q:
        qs = qs.filter(Q(name__icontains=filters.q) | Q(acronym__icontains=filters.q))
    if filters.theme:
        qs = qs.filter(themes__slug=filters.theme)
    if filters.country:
        qs = qs.filter(country=filters.country.upper())
    if filters.region:
        qs = qs.filter(region__iexact=filters.region)
    if filters.kind:
        qs = qs.filter(organisation__kind=filters.kind)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.year:
        qs = qs.filter(
            Q(start_date__isnull=True) | Q(start_date__lte=date(filters.year, 12, 31)),
            Q(end_date__isnull=True) | Q(end_date__gte=date(filters.year, 1, 1)),
        )
    return qs.prefetch_related("themes").distinct().order_by("name", "pk")


def directory_choices(user: Any) -> dict[str, Any]:
    """What the filters offer: only values some visible project has."""
    visible = rules.projects_visible_to(user)
    places = visible.order_by().values_list("country", "region").distinct()
    countries = sorted({c for c, _r in places if c}, key=lambda c: str(country_names.name(c)))
    regions = sorted({r for _c, r in places if r})
    return {
        "themes": Theme.objects.filter(projects__in=visible).distinct().order_by("slug"),
        "countries": [(c, country_names.name(c)) for c in countries],
        "regions": regions,
        "kinds": Organisation.Kind.choices,
        "statuses": Project.Status.choices,
    }


@dataclass
class Linked:
    practices: list = field(default_factory=list)
    adoptions: list = field(default_factory=list)
    indicators: list = field(default_factory=list)
    resources: list = field(default_factory=list)


def linked(user: Any, project: Project) -> Linked:
    """The items pointing to the project that this person may see, each kind through its
    own permission queryset."""
    out = Linked()
    out.practices = list(
        practice_rules.practices_visible_to(user)
        .filter(pk__in=ProjectPractice.objects.filter(project=project).values("practice_id"))
        .order_by("title")
    )
    if is_member(user):
        out.adoptions = list(
            adoption_rules.adoptions_visible_to(user)
            .filter(pk__in=ProjectAdoption.objects.filter(project=project).values("adoption_id"))
            .select_related("practice", "organisation")
            .order_by("-started_on")
        )
        out.indicators = list(
            adoption_rules.indicators_visible_to(user)
            .filter(pk__in=ProjectIndicator.objects.filter(project=project).values("indicator_id"))
            .order_by("name")
        )
    out.resources = list(
        resource_rules.resources_visible_to(user)
        .filter(pk__in=ProjectResource.objects.filter(project=project).values("resource_id"))
        .order_by("title")
    )
    return out


def projects_of_practice(user: Any, practice_id: int) -> list[Project]:
    return list(
        rules.projects_visible_to(user)
        .filter(pk__in=ProjectPractice.objects.filter(practice_id=practice_id).values("project_id"))
        .select_related("organisation")
        .order_by("name")
    )


def link_choices(user: Any, project: Project) -> dict[str, list]:
    """What the person could link (their own organisations' adoptions and indicators, the
    practices and resources they may see), without what is already linked."""
    practices = (
        practice_rules.practices_visible_to(user)
        .exclude(pk__in=ProjectPractice.objects.filter(project=project).values("practice_id"))
        .order_by("title")
        .values_list("pk", "title")[:300]
    )
    adoptions = (
        adoption_rules.adoptions_visible_to(user)
        .filter(organisation=project.organisation_id)
        .exclude(pk__in=ProjectAdoption.objects.filter(project=project).values("adoption_id"))
        .order_by("practice__title")
        .values_list("pk", "practice__title")[:300]
    )
    indicators = (
        adoption_rules.indicators_visible_to(user)
        .filter(organisation=project.organisation_id)
        .exclude(pk__in=ProjectIndicator.objects.filter(project=project).values("indicator_id"))
        .order_by("name")
        .values_list("pk", "name")[:300]
    )
    resources = (
        resource_rules.resources_visible_to(user)
        .exclude(pk__in=ProjectResource.objects.filter(project=project).values("resource_id"))
        .order_by("title")
        .values_list("pk", "title")[:300]
    )
    return {
        "practice": list(practices),
        "adoption": list(adoptions),
        "indicator": list(indicators),
        "resource": list(resources),
    }


# Similar projects ----------------------------------------------------------------


@dataclass
class Similar:
    project: Project
    score: float
    reasons: list[str]
    people: list = field(default_factory=list)


def similar(user: Any, project: Project, *, limit: int = SIMILAR_LIMIT) -> list[Similar]:
    """Projects of OTHER organisations with the same themes and places, best first, each
    with the reasons it is shown: a shared theme counts 2, the same region 2, the same
    country 1, periods that overlap 0.5."""
    theme_ids = {t.pk for t in project.themes.all()}
    place = Q(country=project.country) if project.country else Q(pk__in=[])
    candidates = (
        rules.projects_visible_to(user)
        .exclude(organisation=project.organisation_id)
        .filter(Q(themes__in=theme_ids) | place)
        .distinct()
        .select_related("organisation")
        .prefetch_related("themes")
        .order_by("pk")[:SIMILAR_CANDIDATES]
    )
    ranked = []
    for other in candidates:
        shared = [t for t in other.themes.all() if t.pk in theme_ids]
        score, reasons = 2.0 * len(shared), []
        if shared:
            reasons.append(
                ngettext("Same theme: %(names)s", "Same themes: %(names)s", len(shared))
                % {"names": ", ".join(str(t) for t in sorted(shared, key=str))}
            )
        if project.country and other.country == project.country:
            if project.region and geo.norm(other.region) == geo.norm(project.region):
                score += 2
                reasons.append(
                    _("Also in %(region)s (%(country)s)")
                    % {"region": other.region, "country": other.country.name}
                )
            else:
                score += 1
                reasons.append(_("Also in %(country)s") % {"country": other.country.name})
        if _overlap(project, other):
            score += 0.5
            reasons.append(_("At the same time"))
        if score >= 1:
            ranked.append(Similar(project=other, score=score, reasons=reasons))
    ranked.sort(key=lambda s: (-s.score, s.project.name, s.project.pk))
    ranked = ranked[:limit]
    if ranked and is_member(user):
        people = defaultdict(list)
        for member in ProjectMember.objects.filter(
            project__in=[s.project.pk for s in ranked], accepted_at__isnull=False
        ).select_related("person"):
            people[member.project_id].append(member)
        for item in ranked:
            item.people = people[item.project.pk]
    return ranked


def _overlap(a: Project, b: Project) -> bool:
    if not (a.start_date and b.start_date):
        return False
    a_end, b_end = a.end_date or date.max, b.end_date or date.max
    return a.start_date <= b_end and b.start_date <= a_end


def exchanges_of(user: Any, project: Project) -> list[Exchange]:
    return list(
        rules.exchanges_visible_to(user)
        .filter(Q(from_project=project) | Q(to_project=project))
        .select_related("from_project", "to_project")
    )


# The map -----------------------------------------------------------------------


@dataclass
class Place:
    key: str
    name: str
    projects: int = 0
    practices: int = 0
    adoptions: int = 0

    @property
    def total(self) -> int:
        return self.projects + self.practices + self.adoptions


def _by_place(qs: QuerySet) -> list[tuple[str, str, int]]:
    return list(
        qs.order_by().values_list("country", "region").annotate(n=Count("pk", distinct=True))
    )


def map_figures(user: Any, country: str | None = None) -> list[Place]:
    """Counts per country (``country`` None) or per region of one country, of the projects,
    practices and adoptions this person may see (anonymous visitors: public items only)."""
    sources = {
        "projects": rules.projects_visible_to(user),
        "practices": practice_rules.practices_visible_to(user),
        "adoptions": adoption_rules.adoptions_visible_to(user),
    }
    if country:
        places = {name: Place(key=name, name=name) for name in geo.regions_of(country)}
    else:
        places = {
            code: Place(key=code, name=str(country_names.name(code))) for code in geo.countries()
        }
    for attribute, qs in sources.items():
        if country:
            qs = qs.filter(country=country)
        counts: Counter[str] = Counter()
        for code, region, n in _by_place(qs):
            key = geo.region_name(country, region or "") if country else code
            if key in places:
                counts[key] += n
        for key, n in counts.items():
            setattr(places[key], attribute, n)
    return list(places.values())
