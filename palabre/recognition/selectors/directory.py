"""“Who can help me?”: people found by theme, skill, country, kind of organisation and
language, ranked by the evidence of what they did, with the reasons shown.

Evidence is counted **only from what the viewer may see** (the permission module's
querysets): an organisation-only practice of another organisation counts for nobody
outside it, neither in the figures nor in the reasons.

The score is a plain sum, written here once (the page explains it in words)::

    score = 3 × practices shared (on the theme, when one is chosen)
          + 2 × adoptions of those practices by another organisation than their lead one
          + 2 × adoptions the person led (as the adoption's contact) of practices on the theme
          + 2 × experience presentations given at workshops (on the theme)
          + 1 × answers accepted as the one that helped (in the theme's or its practices' discussions)
          + 1 × a declared skill that matches (the skill typed, or else the theme's name)

People are ranked by score, then by the number of practices, then by name. A person with
nothing to show (score 0) is not listed, except, when no theme and no skill is chosen,
those who declare skills they can share.

Each figure is one aggregate query over all people (a handful of queries in all, whatever
the number of people): nothing is counted person by person.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from palabre.accounts.models import split_list
from palabre.organisations.models import Membership
from palabre.permissions import adoptions as adoption_rules
from palabre.permissions import discussions as discussion_rules
from palabre.permissions import practices as practice_rules
from palabre.permissions import workshops as workshop_rules
from palabre.practices.models import Practice
from palabre.themes.models import Theme
from palabre.workshops.models import Session, Workshop

WEIGHTS = {
    "practices": 3,
    "adopted": 2,
    "led": 2,
    "presentations": 2,
    "answers": 1,
    "declared": 1,
}

# What a language typed in the filter may mean for someone's interface language.
LANGUAGE_NAMES = {
    "fr": {"fr", "francais", "french"},
    "en": {"en", "anglais", "english"},
}


def normalise(text: str) -> str:
    """Lower case, no accents, no control characters, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(
        c for c in decomposed if not unicodedata.combining(c) and unicodedata.category(c)[0] != "C"
    )
    return " ".join(plain.casefold().split())


@dataclass(frozen=True)
class Filters:
    theme: Theme | None = None
    skill: str = ""
    country: str = ""
    organisation_kind: str = ""
    language: str = ""

    @property
    def is_empty(self) -> bool:
        return not (
            self.theme or self.skill or self.country or self.organisation_kind or self.language
        )


@dataclass
class Helper:
    """One person found, with the evidence counted for the viewer (``person`` is loaded by
    ``with_details`` for the page shown)."""

    person_id: int
    name: str
    person: Any = None
    practices: int = 0
    adopted: int = 0
    led: int = 0
    presentations: int = 0
    answers: int = 0
    declared: list[str] = field(default_factory=list)

    @property
    def score(self) -> int:
        return (
            WEIGHTS["practices"] * self.practices
            + WEIGHTS["adopted"] * self.adopted
            + WEIGHTS["led"] * self.led
            + WEIGHTS["presentations"] * self.presentations
            + WEIGHTS["answers"] * self.answers
            + (WEIGHTS["declared"] if self.declared else 0)
        )

    def reasons(self, theme: Theme | None = None) -> list[str]:
        """The evidence in words, one phrase per kind, in the reader's language."""
        found = []
        if self.practices:
            if theme is not None:
                found.append(
                    ngettext(
                        "%(count)s practice on “%(theme)s”",
                        "%(count)s practices on “%(theme)s”",
                        self.practices,
                    )
                    % {"count": self.practices, "theme": theme.name}
                )
            else:
                found.append(
                    ngettext(
                        "%(count)s practice shared", "%(count)s practices shared", self.practices
                    )
                    % {"count": self.practices}
                )
        if self.adopted:
            found.append(
                ngettext(
                    "%(count)s adoption elsewhere", "%(count)s adoptions elsewhere", self.adopted
                )
                % {"count": self.adopted}
            )
        if self.led:
            found.append(
                ngettext("%(count)s adoption led", "%(count)s adoptions led", self.led)
                % {"count": self.led}
            )
        if self.presentations:
            found.append(
                ngettext(
                    "%(count)s experience presentation given",
                    "%(count)s experience presentations given",
                    self.presentations,
                )
                % {"count": self.presentations}
            )
        if self.answers:
            found.append(
                ngettext(
                    "%(count)s answer accepted as the one that helped",
                    "%(count)s answers accepted as the one that helped",
                    self.answers,
                )
                % {"count": self.answers}
            )
        if self.declared:
            found.append(
                _("says they can help with: %(skills)s") % {"skills": ", ".join(self.declared)}
            )
        return found

    def sentence(self, theme: Theme | None = None) -> str:
        """The reasons as one plain sentence: “3 practices on water, 2 adoptions elsewhere.”"""
        reasons = self.reasons(theme)
        if not reasons:
            return ""
        text = ", ".join(reasons)
        return text[0].upper() + text[1:] + "."


# The pieces ----------------------------------------------------------------------------


def theme_ids(theme: Theme) -> set[int]:
    """The theme and every narrower theme under it (one query)."""
    children: dict[int | None, list[int]] = {}
    for pk, parent in Theme.objects.values_list("pk", "parent_id"):
        children.setdefault(parent, []).append(pk)
    found, todo = set(), [theme.pk]
    while todo:
        pk = todo.pop()
        if pk not in found:
            found.add(pk)
            todo.extend(children.get(pk, []))
    return found


def _practices(viewer: Any, themes: set[int] | None) -> QuerySet[Any]:
    """The ids of the published practices the viewer may read (on the themes), as a subquery."""
    qs = practice_rules.practices_visible_to(viewer)
    if themes is not None:
        on_theme = Practice.themes.through.objects.filter(theme_id__in=themes)
        qs = qs.filter(pk__in=on_theme.values("practice_id"))
    return qs.values("pk")


def _per_person(qs: QuerySet[Any], person_field: str, counted: str = "pk") -> dict[int, int]:
    rows = (
        qs.filter(**{f"{person_field}__isnull": False})
        .order_by()
        .values(person_field)
        .annotate(n=Count(counted, distinct=True))
        .values_list(person_field, "n")
    )
    return dict(rows)


def evidence(viewer: Any, theme: Theme | None = None) -> dict[str, dict[int, int]]:
    """Each kind of evidence as {person id: count}, counted from what ``viewer`` may see."""
    themes = theme_ids(theme) if theme is not None else None
    practices = _practices(viewer, themes)
    authored = Practice.authors.through.objects.filter(practice_id__in=practices)
    adoptions = adoption_rules.adoptions_visible_to(viewer).filter(practice__in=practices)
    elsewhere = adoptions.exclude(organisation_id=F("practice__lead_organisation_id"))
    workshops = workshop_rules.workshops_visible_to(viewer).exclude(
        status=Workshop.Status.CANCELLED
    )
    sessions = Session.objects.filter(
        kind=Session.Kind.PRESENTATION,
        workshop__in=workshops.values("pk"),
        starts_at__lte=timezone.now(),
    )
    answers = discussion_rules.answers_visible_to(viewer).filter(
        hidden_at__isnull=True, thread__accepted_answer=F("pk")
    )
    if themes is not None:
        sessions = sessions.filter(Q(theme_id__in=themes) | Q(presented_practice__in=practices))
        answers = answers.filter(
            Q(thread__space__theme_id__in=themes) | Q(thread__space__practice__in=practices)
        )
    return {
        "practices": _per_person(authored, "user_id", "practice_id"),
        "adopted": _per_person(elsewhere, "practice__authors"),
        "led": _per_person(adoptions, "contact_id"),
        "presentations": _per_person(sessions, "presenter_id"),
        "answers": _per_person(answers, "author_id"),
    }


def skill_matches(query: str, declared: str) -> list[str]:
    """The declared skills (as written) that the query names, accents and case aside."""
    wanted = normalise(query)
    if not wanted:
        return []
    found = []
    for skill in split_list(declared or ""):
        plain = normalise(skill)
        if plain and (wanted in plain or (len(plain) >= 4 and plain in wanted)):
            found.append(skill)
    return found


def _speaks(language: str, spoken: str, interface: str) -> bool:
    wanted = normalise(language)
    if not wanted:
        return True
    if wanted in normalise(spoken):
        return True
    return wanted in LANGUAGE_NAMES.get(interface, set())


def _candidates(filters: Filters) -> QuerySet[Any]:
    people = get_user_model().objects.filter(is_active=True)
    memberships = Membership.objects.all()
    if filters.country:
        memberships = memberships.filter(organisation__country=filters.country)
    if filters.organisation_kind:
        memberships = memberships.filter(organisation__kind=filters.organisation_kind)
    if filters.country or filters.organisation_kind:
        people = people.filter(pk__in=memberships.values("user_id"))
    return people


# The directory ---------------------------------------------------------------------------


def find_helpers(*, viewer: Any, filters: Filters) -> list[Helper]:
    """Everyone who matches the filters and has something to show, best evidence first.
    People are loaded with only the fields the ranking needs; ``with_details`` completes
    the page being shown."""
    counts = evidence(viewer, filters.theme)
    skill_query = filters.skill
    if not skill_query and filters.theme is not None:
        # Without a skill typed, a declared skill that names the theme counts.
        theme_names = [filters.theme.name_fr, filters.theme.name_en]
    else:
        theme_names = []
    rows = _candidates(filters).values_list(
        "pk", "display_name", "skills_offered", "languages_spoken", "language"
    )
    helpers = []
    for pk, name, skills, spoken, interface in rows:
        if not _speaks(filters.language, spoken, interface):
            continue
        if skill_query:
            declared = skill_matches(skill_query, skills)
            if not declared:
                continue  # a skill typed is a filter: only those who declare it
        else:
            declared = []
            for theme_name in theme_names:
                declared += [s for s in skill_matches(theme_name, skills) if s not in declared]
        helper = Helper(
            person_id=pk,
            name=name,
            practices=counts["practices"].get(pk, 0),
            adopted=counts["adopted"].get(pk, 0),
            led=counts["led"].get(pk, 0),
            presentations=counts["presentations"].get(pk, 0),
            answers=counts["answers"].get(pk, 0),
            declared=declared,
        )
        if helper.score or (filters.theme is None and not skill_query and split_list(skills)):
            helpers.append(helper)
    helpers.sort(key=lambda h: (-h.score, -h.practices, normalise(h.name), h.person_id))
    return helpers


def with_details(helpers: list[Helper]) -> list[Helper]:
    """Load each helper's person, with their contributor settings and organisations: two
    queries for the whole page."""
    ids = [h.person_id for h in helpers]
    people = (
        get_user_model()
        .objects.filter(pk__in=ids)
        .select_related("contributor_settings")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("organisation").order_by(
                    "organisation__name"
                ),
            )
        )
        .in_bulk()
    )
    for helper in helpers:
        helper.person = people[helper.person_id]
    return helpers
