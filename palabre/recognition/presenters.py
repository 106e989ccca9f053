"""Suggested presenters: people with recent successes on a workshop's (or a meeting's) themes,
ranked by evidence, with the reasons shown.

Evidence is counted **only from what the viewer may see** (the permission modules'
querysets): an organisation-only practice, adoption or feedback report counts for a
viewer who may read it (facilitators see all shared content) and for nobody else — neither
in the score nor in the reasons.

Recent means inside a window (18 months by default, ``since`` moves its start). Each
event weighs by its age, with ``W`` the window's length in days (540 by default)::

    w(age) = 1                          when age ≤ W / 3       (the last 6 months)
           = (W − age) / (2 W / 3)      until the window's end (linear down to 0)

and, for a person, on the chosen themes (a theme counts with its narrower themes; no theme
= every theme)::

    score = 3 × Σ w(first published)  for each published practice they authored,
                                      first published in the window
          + Σ (e − 3) × w(reported on) for each feedback report in the window on an
                                      adoption of a practice they authored
                                      (effectiveness e from 1 to 5: 5 → +2, 3 → 0, 1 → −2)
          + 2 × Σ w(ended on)         for each completed adoption they led (its contact),
                                      ended in the window, whose feedback reports
                                      average 4/5 or more
          + ½ × Σ w(given on)         for each thanks received in the window, on a
                                      practice, a feedback report, an experience
                                      presentation or a discussion answer on the themes

People are ranked by score (rounded to two decimals), then by name. Only people with a
score above 0 are suggested; inactive accounts and ``exclude_ids`` (already presenting or
invited) are left out. Every figure comes from a handful of aggregate queries, whatever the
number of people.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from palabre.adoptions.models import Adoption, FeedbackReport
from palabre.discussions.models import Answer
from palabre.permissions import adoptions as adoption_rules
from palabre.permissions import discussions as discussion_rules
from palabre.permissions import practices as practice_rules
from palabre.permissions import recognition as recognition_rules
from palabre.practices.models import Practice
from palabre.recognition.models import PresenterInvitation, Thanks, WorkshopLaunch
from palabre.recognition.selectors.directory import normalise
from palabre.themes.models import Theme
from palabre.workshops.models import Session

WINDOW_DAYS = 540  # 18 months
WEIGHTS = {"practice": 3.0, "feedback": 1.0, "completed": 2.0, "thanks": 0.5}
HIGH_EFFECTIVENESS = 4.0


class Reason(str):
    """One reason, as a sentence in the reader's language; ``url`` is what it refers to
    (a practice's page) when there is one, ``weight`` its part of the score."""

    url: str = ""
    weight: float = 0.0

    def __new__(cls, text: str, *, url: str = "", weight: float = 0.0) -> Reason:
        reason = super().__new__(cls, text)
        reason.url = url
        reason.weight = weight
        return reason


@dataclass
class Suggestion:
    person: Any
    score: float
    reasons: list[Reason] = field(default_factory=list)


def weight(day: date, today: date, window_days: int) -> float:
    """How much an event of ``day`` counts today (see the module's docstring)."""
    age = (today - day).days
    if age < 0:
        age = 0
    if age > window_days:
        return 0.0
    full = window_days / 3
    if age <= full:
        return 1.0
    return (window_days - age) / (window_days - full)


def _day(value: date | datetime | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def theme_ids(themes: Iterable[Any]) -> set[int] | None:
    """The chosen themes (objects or ids) and every narrower theme; None for no theme."""
    wanted = {getattr(t, "pk", t) for t in themes}
    wanted.discard(None)
    if not wanted:
        return None
    children: dict[int | None, list[int]] = {}
    for pk, parent in Theme.objects.values_list("pk", "parent_id"):
        children.setdefault(parent, []).append(pk)
    found: set[int] = set()
    todo = [int(pk) for pk in wanted]
    while todo:
        pk = todo.pop()
        if pk not in found:
            found.add(pk)
            todo.extend(children.get(pk, []))
    return found


def _months(days: int) -> int:
    return max(1, round(days / 30.44))


def _average(values: list[int]) -> str:
    avg = sum(values) / len(values)
    return formats.number_format(round(avg, 1), decimal_pos=1 if avg % 1 else 0)


def suggest(
    *,
    themes: Iterable[Any],
    viewer: Any,
    limit: int = 10,
    exclude_ids: Iterable[int] = (),
    since: date | datetime | None = None,
) -> list[Suggestion]:
    """The people to invite to present on ``themes``, best evidence first, as ``viewer``
    may see it (see the module's docstring for the formula)."""
    now = timezone.now()
    today = timezone.localdate(now)
    start = _day(since) or (today - timedelta(days=WINDOW_DAYS))
    window_days = max((today - start).days, 1)
    months = _months(window_days)
    chosen = theme_ids(themes)
    excluded = {int(pk) for pk in exclude_ids}

    practices = practice_rules.practices_visible_to(viewer)
    if chosen is not None:
        on_theme = Practice.themes.through.objects.filter(theme_id__in=chosen)
        practices = practices.filter(pk__in=on_theme.values("practice_id"))
    practice_ids = practices.values("pk")

    scores: dict[int, float] = defaultdict(float)
    reasons: dict[int, list[Reason]] = defaultdict(list)

    def add(person_id: int | None, points: float, text: str = "", url: str = "") -> None:
        if person_id is None or person_id in excluded:
            return
        scores[person_id] += points
        if text:
            reasons[person_id].append(Reason(text, url=url, weight=points))

    # Practices they authored (all visible ones on the themes: feedback and thanks hang on them).
    authors: dict[int, list[int]] = defaultdict(list)
    titles: dict[int, tuple[str, str]] = {}
    rows = Practice.authors.through.objects.filter(practice_id__in=practice_ids).values_list(
        "practice_id", "user_id", "practice__title", "practice__published_at"
    )
    for practice_id, user_id, title, published_at in rows:
        authors[practice_id].append(user_id)
        titles[practice_id] = (title, Practice(pk=practice_id).get_absolute_url())
        published = _day(published_at)
        if published is None or published < start:
            continue
        points = WEIGHTS["practice"] * weight(published, today, window_days)
        text = _("Published « %(title)s » in %(month)s") % {
            "title": title,
            "month": formats.date_format(published, "YEAR_MONTH_FORMAT"),
        }
        add(user_id, points, text, titles[practice_id][1])

    # Feedback reports on adoptions of those practices, grouped by practice for the reasons.
    reports = (
        adoption_rules.feedback_visible_to(viewer)
        .filter(adoption__practice__in=practice_ids, reported_on__gte=start)
        .values_list("pk", "adoption_id", "adoption__practice_id", "effectiveness", "reported_on")
    )
    by_practice: dict[int, list[tuple[int, int, date]]] = defaultdict(list)
    report_ids_by_practice: dict[int, list[int]] = defaultdict(list)
    for report_id, adoption_id, practice_id, effectiveness, reported_on in reports:
        by_practice[practice_id].append((adoption_id, effectiveness, reported_on))
        report_ids_by_practice[practice_id].append(report_id)
    for practice_id, found in by_practice.items():
        points = sum(
            WEIGHTS["feedback"] * (e - 3) * weight(day, today, window_days) for _a, e, day in found
        )
        adoptions = len({a for a, _e, _d in found})
        title, url = titles.get(practice_id, ("", ""))
        text = ngettext(
            "%(count)s adoption of « %(title)s » rated %(average)s/5 in the last %(months)s months",
            "%(count)s adoptions of « %(title)s » rated %(average)s/5 in the last %(months)s months",
            adoptions,
        ) % {
            "count": adoptions,
            "title": title,
            "average": _average([e for _a, e, _d in found]),
            "months": months,
        }
        for user_id in authors.get(practice_id, []):
            add(user_id, points, text, url)

    # Completed adoptions they led, with high effectiveness.
    completed = list(
        adoption_rules.adoptions_visible_to(viewer)
        .filter(
            practice__in=practice_ids,
            status=Adoption.Status.COMPLETED,
            contact__isnull=False,
        )
        .filter(Q(ended_on__gte=start) | Q(ended_on__isnull=True, updated_at__date__gte=start))
        .values_list("pk", "contact_id", "practice_id", "ended_on", "updated_at")
    )
    if completed:
        ratings: dict[int, list[int]] = defaultdict(list)
        for adoption_id, effectiveness in (
            adoption_rules.feedback_visible_to(viewer)
            .filter(adoption_id__in=[row[0] for row in completed])
            .values_list("adoption_id", "effectiveness")
        ):
            ratings[adoption_id].append(effectiveness)
        for adoption_id, contact_id, practice_id, ended_on, updated_at in completed:
            rated = ratings.get(adoption_id)
            if not rated or sum(rated) / len(rated) < HIGH_EFFECTIVENESS:
                continue
            ended = ended_on or _day(updated_at)
            points = WEIGHTS["completed"] * weight(ended, today, window_days)
            title, url = titles.get(practice_id, ("", ""))
            text = _("Led the adoption of « %(title)s » to completion, rated %(average)s/5") % {
                "title": title,
                "average": _average(rated),
            }
            add(contact_id, points, text, Adoption(pk=adoption_id).get_absolute_url())

    # Thanks received, on items on the themes that the viewer may see.
    thanks_points: dict[int, float] = defaultdict(float)
    thanks_count: dict[int, int] = defaultdict(int)

    def thanked(kind: str, items: Any, owners: Any = None, owner_field: str = "") -> None:
        rows = list(
            recognition_rules.thanks_of_kind_visible_to(viewer, kind)
            .filter(object_id__in=items, created_at__date__gte=start)
            .values_list("object_id", "created_at")
        )
        if not rows:
            return
        if owners is None:
            model = {
                Thanks.Kind.FEEDBACK: FeedbackReport,
                Thanks.Kind.PRESENTATION: Session,
                Thanks.Kind.ANSWER: Answer,
            }[kind]
            owners = defaultdict(list)
            for pk, person_id in model._default_manager.filter(
                pk__in={object_id for object_id, _c in rows}
            ).values_list("pk", owner_field):
                owners[pk].append(person_id)
        for object_id, created_at in rows:
            points = WEIGHTS["thanks"] * weight(_day(created_at), today, window_days)
            for person_id in owners.get(object_id, []):
                thanks_points[person_id] += points
                thanks_count[person_id] += 1

    thanked(Thanks.Kind.PRACTICE, practice_ids, authors)
    thanked(
        Thanks.Kind.FEEDBACK,
        FeedbackReport.objects.filter(adoption__practice__in=practice_ids).values("pk"),
        owner_field="created_by_id",
    )
    sessions = Session.objects.filter(kind=Session.Kind.PRESENTATION, presenter__isnull=False)
    answers = discussion_rules.answers_visible_to(viewer).filter(hidden_at__isnull=True)
    if chosen is not None:
        sessions = sessions.filter(Q(theme_id__in=chosen) | Q(presented_practice__in=practice_ids))
        answers = answers.filter(
            Q(thread__space__theme_id__in=chosen) | Q(thread__space__practice__in=practice_ids)
        )
    thanked(Thanks.Kind.PRESENTATION, sessions.values("pk"), owner_field="presenter_id")
    thanked(Thanks.Kind.ANSWER, answers.values("pk"), owner_field="author_id")
    for person_id, points in thanks_points.items():
        count = thanks_count[person_id]
        add(
            person_id,
            points,
            ngettext(
                "%(count)s thanks received in the last %(months)s months",
                "%(count)s thanks received in the last %(months)s months",
                count,
            )
            % {"count": count, "months": months},
        )

    ranked = [(round(score, 2), pk) for pk, score in scores.items() if round(score, 2) > 0]
    if not ranked:
        return []
    people = (
        get_user_model().objects.filter(pk__in=[pk for _s, pk in ranked], is_active=True).in_bulk()
    )
    ranked = [(s, pk) for s, pk in ranked if pk in people]
    ranked.sort(key=lambda r: (-r[0], normalise(people[r[1]].display_name), r[1]))
    return [
        Suggestion(
            person=people[pk],
            score=score,
            reasons=sorted(reasons[pk], key=lambda r: -r.weight),
        )
        for score, pk in ranked[: max(limit, 0)]
    ]


# A workshop's suggestions -----------------------------------------------------------------


def workshop_theme_ids(workshop: Any) -> set[int]:
    """A workshop's themes: its sessions' themes and those chosen when it was created from the
    launch template; when none is set, the themes of the practices presented (empty: every
    theme counts)."""
    sessions = Session.objects.filter(workshop_id=workshop.pk)
    found = set(sessions.exclude(theme__isnull=True).values_list("theme_id", flat=True))
    found |= set(
        WorkshopLaunch.themes.through.objects.filter(
            workshoplaunch__workshop_id=workshop.pk
        ).values_list("theme_id", flat=True)
    )
    if found:
        return found
    return set(
        Practice.themes.through.objects.filter(
            practice_id__in=sessions.exclude(presented_practice__isnull=True).values(
                "presented_practice_id"
            )
        ).values_list("theme_id", flat=True)
    )


def already_presenting_ids(workshop: Any) -> set[int]:
    """People presenting at the workshop or already invited (whatever their answer)."""
    found = set(
        Session.objects.filter(workshop_id=workshop.pk, presenter__isnull=False).values_list(
            "presenter_id", flat=True
        )
    )
    found |= set(
        PresenterInvitation.objects.filter(workshop_id=workshop.pk).values_list(
            "person_id", flat=True
        )
    )
    return found


def for_workshop(workshop: Any, *, viewer: Any, limit: int = 5) -> list[Suggestion]:
    """The suggestions for a workshop, its presenters and invited people left out."""
    return suggest(
        themes=workshop_theme_ids(workshop),
        viewer=viewer,
        limit=limit,
        exclude_ids=already_presenting_ids(workshop),
    )
