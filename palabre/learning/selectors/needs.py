"""Training needs, found and ranked by theme.

Six kinds of signal are counted per theme, each one only as far as the viewer may see it
(who-sees-what: the evidence shown and the counts are the same items):

| signal | belongs to a theme when | weight |
| --- | --- | --- |
| ``wishes``: "I want to learn this" | on the theme, or on a published practice of it | ×3 |
| ``skills``: a skill wanted on a profile | its words are words of the theme's name | ×1 |
| ``feedback``: a feedback report with difficulties or "what should change" | on a practice of the theme | ×2 |
| ``abandoned``: an adoption abandoned (with its reason) | of a practice of the theme | ×2 |
| ``unanswered``: a question nobody but its asker answered, for longer than the discussions' delay | in the theme's space, or on a practice of it | ×2 |
| ``searches``: a query searched at least twice whose last search found fewer than 3 practices | its words are words of the theme's name | ×1 |

The score is the weighted sum; needs are sorted by score, highest first, a need already
decided (covered, or turned into a training) after all open ones. Words are compared
without accents or case, as French or English stems ("microfinance" is a word of
"Épargne et microfinance"; "suivi-évaluation" of "Suivi-évaluation").

Scope: facilitators see the whole network, or one organisation's signals; an org admin
sees the signals of the organisations they administer (all of them, or one). An
organisation's signals are those of its members (wishes, skills, questions) and of its
adoptions (abandoned, feedback). Searches are anonymous: they count for the whole
network only. ``since`` keeps the signals dated on or after it (profiles' skills have
no date: they always count).

Each kind is read in one query for every theme at once (plus the themes and the
decisions): the page costs the same for three themes or thirty.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.db.models import Max, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Trim
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator

from palabre.adoptions.models import Adoption
from palabre.discussions import selectors as discussion_selectors
from palabre.learning.models import LearningWish, NeedDecision, SearchTally
from palabre.organisations.models import Membership
from palabre.permissions import admin_org_ids, is_facilitator
from palabre.permissions import adoptions as adoption_rules
from palabre.permissions import learning as rules
from palabre.permissions import practices as practice_rules
from palabre.search.text import STOPWORDS, stem, strip_accents, words
from palabre.themes.models import Theme

KINDS = ("wishes", "skills", "feedback", "abandoned", "unanswered", "searches")
WEIGHTS = {"wishes": 3, "skills": 1, "feedback": 2, "abandoned": 2, "unanswered": 2, "searches": 1}
FEW_RESULTS = 3  # a search that found fewer practices than this found "few"
OFTEN = 2  # searched at least this many times in the period
EXCERPT = 140


@dataclass
class Evidence:
    """One signal behind a need: what it is, a link the viewer may open, a short detail."""

    kind: str
    title: str
    url: str = ""
    detail: str = ""
    on: date | None = None
    key: Any = None  # what makes it one item (a pk, a query)
    times: int = 0  # for a search: how many times it was made in the period


@dataclass
class Need:
    theme: Theme
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    evidence: dict[str, list[Evidence]] = field(default_factory=lambda: {k: [] for k in KINDS})
    decision: NeedDecision | None = None

    @property
    def score(self) -> int:
        return sum(WEIGHTS[kind] * self.counts[kind] for kind in KINDS)

    @property
    def decided(self) -> bool:
        return self.decision is not None

    @property
    def signals(self) -> int:
        return sum(self.counts.values())

    def add(self, item: Evidence) -> None:
        items = self.evidence[item.kind]
        if any(existing.key == item.key for existing in items):
            return  # one item counts once per theme (several joined rows may repeat it)
        items.append(item)
        self.counts[item.kind] += 1


# Words -----------------------------------------------------------------------------


def _fold(text: str) -> list[str]:
    return [w for w in (strip_accents(w) for w in words(text)) if w not in STOPWORDS]


@lru_cache(maxsize=8192)
def _stems(text: str, language: str) -> frozenset[str]:
    return frozenset(stem(w, language) for w in _fold(text))


@lru_cache(maxsize=4096)
def _theme_stems(name_fr: str, name_en: str) -> tuple[frozenset[str], frozenset[str]]:
    return _stems(name_fr, "fr"), _stems(name_en, "en")


def matches_theme(text: str, theme: Theme) -> bool:
    """Are all the words of ``text`` (a skill, a search) words of the theme's name, in
    French or in English? Compared as unaccented stems."""
    fr, en = _theme_stems(theme.name_fr, theme.name_en)
    wanted_fr, wanted_en = _stems(text, "fr"), _stems(text, "en")
    return bool(wanted_fr) and (wanted_fr <= fr or wanted_en <= en)


# Scope -----------------------------------------------------------------------------


def scope_of(viewer: Any, organisation: Any = None) -> frozenset[int] | None:
    """The organisations whose signals count: None for the whole network (facilitators
    without an organisation), else a set of ids (empty: nothing to show)."""
    if organisation is not None:
        if is_facilitator(viewer) or organisation.pk in admin_org_ids(viewer):
            return frozenset({organisation.pk})
        return frozenset()
    if is_facilitator(viewer):
        return None
    return admin_org_ids(viewer) if rules.can_see_needs(viewer) else frozenset()


def _members(scope: frozenset[int]) -> QuerySet[Any]:
    return Membership.objects.filter(organisation__in=scope).values("user_id")


def _start(since: date | None) -> datetime | None:
    if since is None:
        return None
    return timezone.make_aware(datetime.combine(since, time.min))


def _excerpt(text: str) -> str:
    return Truncator(" ".join((text or "").split())).chars(EXCERPT)


# Collecting ------------------------------------------------------------------------


def _wishes(viewer, scope, since, theme_ids, needs) -> None:
    qs = LearningWish.objects.filter(
        Q(theme__isnull=False)
        | Q(practice__in=practice_rules.practices_visible_to(viewer).values("pk"))
    )
    if scope is not None:
        qs = qs.filter(person__in=_members(scope))
    if since is not None:
        qs = qs.filter(created_at__gte=_start(since))
    if theme_ids is not None:
        qs = qs.filter(Q(theme__in=theme_ids) | Q(practice__themes__in=theme_ids))
    rows = qs.values(
        "pk",
        "note",
        "created_at",
        "person__display_name",
        "theme_id",
        "practice_id",
        "practice__title",
        "practice__themes",
    ).order_by("-created_at", "-pk")
    for row in rows:
        theme_id = row["theme_id"] or row["practice__themes"]
        need = needs.get(theme_id)
        if need is None:
            continue
        if row["practice_id"]:
            title = row["practice__title"]
            url = reverse("practices:detail", args=[row["practice_id"]])
        else:
            title, url = need.theme.name, need.theme.get_absolute_url()
        detail = row["person__display_name"] + (f" — {row['note']}" if row["note"] else "")
        need.add(
            Evidence(
                "wishes",
                title,
                url,
                detail,
                timezone.localdate(row["created_at"]),
                row["pk"],
            )
        )


def _skills(viewer, scope, needs) -> None:
    people = get_user_model().objects.filter(is_active=True).exclude(skills_wanted="")
    if scope is not None:
        people = people.filter(pk__in=_members(scope))
    for pk, name, skills in people.values_list("pk", "display_name", "skills_wanted").order_by(
        "display_name", "pk"
    ):
        for skill in {s.strip() for s in skills.replace(";", ",").split(",") if s.strip()}:
            for need in needs.values():
                if matches_theme(skill, need.theme):
                    url = reverse("accounts:profile", args=[pk])
                    need.add(Evidence("skills", skill, url, name, None, (pk, skill.lower())))


def _feedback(viewer, scope, since, theme_ids, needs) -> None:
    qs = (
        adoption_rules.feedback_visible_to(viewer)
        .annotate(said_difficulties=Trim("difficulties"), said_changes=Trim("suggestions"))
        .exclude(said_difficulties="", said_changes="")
    )
    if scope is not None:
        qs = qs.filter(adoption__organisation__in=scope)
    if since is not None:
        qs = qs.filter(reported_on__gte=since)
    if theme_ids is not None:
        qs = qs.filter(adoption__practice__themes__in=theme_ids)
    rows = qs.values(
        "pk",
        "adoption_id",
        "reported_on",
        "difficulties",
        "suggestions",
        "adoption__practice__title",
        "adoption__organisation__name",
        "adoption__practice__themes",
    ).order_by("-reported_on", "-pk")
    for row in rows:
        need = needs.get(row["adoption__practice__themes"])
        if need is None:
            continue
        url = reverse("adoptions:detail", args=[row["adoption_id"]]) + f"#feedback-{row['pk']}"
        detail = f"{row['adoption__organisation__name']} — " + _excerpt(
            row["difficulties"] or row["suggestions"]
        )
        need.add(
            Evidence(
                "feedback",
                row["adoption__practice__title"],
                url,
                detail,
                row["reported_on"],
                row["pk"],
            )
        )


def _abandoned(viewer, scope, since, theme_ids, needs) -> None:
    qs = adoption_rules.adoptions_visible_to(viewer).filter(status=Adoption.Status.ABANDONED)
    if scope is not None:
        qs = qs.filter(organisation__in=scope)
    if since is not None:
        qs = qs.filter(
            Q(ended_on__gte=since) | Q(ended_on__isnull=True, updated_at__gte=_start(since))
        )
    if theme_ids is not None:
        qs = qs.filter(practice__themes__in=theme_ids)
    rows = qs.values(
        "pk",
        "ended_on",
        "updated_at",
        "abandon_reason",
        "practice__title",
        "organisation__name",
        "practice__themes",
    ).order_by("-updated_at", "-pk")
    for row in rows:
        need = needs.get(row["practice__themes"])
        if need is None:
            continue
        detail = row["organisation__name"]
        if row["abandon_reason"].strip():
            detail += " — " + _excerpt(row["abandon_reason"])
        day = row["ended_on"] or timezone.localdate(row["updated_at"])
        url = reverse("adoptions:detail", args=[row["pk"]])
        need.add(Evidence("abandoned", row["practice__title"], url, detail, day, row["pk"]))


def _unanswered(viewer, scope, since, theme_ids, needs) -> None:
    # The discussions' own rule: a question nobody but its asker answered, for longer
    # than the delay after which the people who could answer are told.
    qs = discussion_selectors.unanswered_questions(
        user=viewer, older_than=discussion_selectors.unanswered_after()
    )
    if scope is not None:
        qs = qs.filter(author__in=_members(scope))
    if since is not None:
        qs = qs.filter(created_at__gte=_start(since))
    if theme_ids is not None:
        qs = qs.filter(Q(space__theme__in=theme_ids) | Q(space__practice__themes__in=theme_ids))
    rows = qs.values(
        "pk", "title", "created_at", "space__theme_id", "space__practice__themes"
    ).order_by("-created_at", "-pk")
    for row in rows:
        need = needs.get(row["space__theme_id"] or row["space__practice__themes"])
        if need is None:
            continue
        url = reverse("discussions:thread", args=[row["pk"]])
        day = timezone.localdate(row["created_at"])
        need.add(Evidence("unanswered", row["title"], url, "", day, row["pk"]))


def _searches(since, needs) -> None:
    tallies = SearchTally.objects.all()
    if since is not None:
        tallies = tallies.filter(day__gte=since)
    latest = tallies.filter(query=OuterRef("query")).order_by("-day").values("results")[:1]
    rows = (
        tallies.values("query")
        .annotate(times=Sum("count"), last_day=Max("day"), last_results=Subquery(latest))
        .filter(times__gte=OFTEN, last_results__lt=FEW_RESULTS)
        .order_by("-times", "query")
    )
    for row in rows:
        for need in needs.values():
            if matches_theme(row["query"], need.theme):
                url = reverse("practices:search") + "?" + urlencode({"q": row["query"]})
                need.add(
                    Evidence(
                        "searches",
                        row["query"],
                        url,
                        "",
                        row["last_day"],
                        row["query"],
                        row["times"],
                    )
                )


def _decisions(scope, themes: list[Theme]) -> dict[int, NeedDecision]:
    """The latest decision about each theme: the network's, or the scope's organisations'."""
    where = Q(organisation__isnull=True)
    if scope:
        where |= Q(organisation__in=scope)
    found: dict[int, NeedDecision] = {}
    decisions = (
        NeedDecision.objects.filter(where, theme__in=[t.pk for t in themes])
        .select_related("decided_by", "training", "organisation")
        .order_by("-decided_at", "-pk")
    )
    for decision in decisions:
        found.setdefault(decision.theme_id, decision)
    return found


def _collect(viewer: Any, organisation: Any, since: date | None, theme: Theme | None) -> list[Need]:
    scope = scope_of(viewer, organisation)
    if scope is not None and not scope:
        return []
    themes = [theme] if theme is not None else list(Theme.objects.all())
    needs = {t.pk: Need(theme=t) for t in themes}
    theme_ids = [theme.pk] if theme is not None else None
    _wishes(viewer, scope, since, theme_ids, needs)
    _skills(viewer, scope, needs)
    _feedback(viewer, scope, since, theme_ids, needs)
    _abandoned(viewer, scope, since, theme_ids, needs)
    _unanswered(viewer, scope, since, theme_ids, needs)
    if scope is None:
        _searches(since, needs)
    decisions = _decisions(scope, themes)
    for need in needs.values():
        need.decision = decisions.get(need.theme.pk)
    return list(needs.values())


def needs_ranking(
    *, viewer: Any, organisation: Any = None, since: date | None = None
) -> list[Need]:
    """The themes with at least one signal, ranked: open needs by score (highest first),
    then those already decided. Empty for anyone who may not see needs."""
    if not rules.can_see_needs(viewer):
        return []
    needs = [n for n in _collect(viewer, organisation, since, None) if n.signals]
    needs.sort(
        key=lambda n: (n.decided, -n.score, strip_accents(n.theme.name).casefold(), n.theme.pk)
    )
    return needs


def need_of_theme(
    *, viewer: Any, theme: Theme, organisation: Any = None, since: date | None = None
) -> Need | None:
    """One theme's need with all its evidence (None for anyone who may not see needs)."""
    if not rules.can_see_needs(viewer):
        return None
    found = _collect(viewer, organisation, since, theme)
    return found[0] if found else Need(theme=theme)
