"""What an issue's items can be, how a draft finds them, and how each is shown to a reader.

Every kind names the permission module's queryset of what a person may see: a copy of an
issue (an e-mail, the web archive, the API) keeps only the items its reader may see, read
with one query per kind present in the issue.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Model, Q, QuerySet
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from palabre.adoptions.models import Adoption, FeedbackReport
from palabre.announcements.models import Announcement
from palabre.discussions.models import Thread
from palabre.lib.dates import day
from palabre.lib.text import plain_text, render_markdown
from palabre.newsletter.models import Issue, Item
from palabre.permissions import adoptions as adoption_rules
from palabre.permissions import announcements as announcement_rules
from palabre.permissions import discussions as discussion_rules
from palabre.permissions import practices as practice_rules
from palabre.permissions import recognition as recognition_rules
from palabre.permissions import workshops as workshop_rules
from palabre.practices.models import Practice
from palabre.recognition.models import Feature
from palabre.workshops.models import Workshop

Kind = Item.Kind
# How many candidates of each kind a new draft proposes at most.
PER_KIND = 6
SUMMARY_CHARS = 280


@dataclass(frozen=True)
class Shown:
    """One item as a reader sees it."""

    item_id: int
    kind: str
    label: str
    title: str
    url: str  # a path on the site, "" for the editor's text
    html: SafeString  # the body, safe HTML
    plain: str  # the body, plain text (the e-mail's text part)


@dataclass(frozen=True)
class ItemKind:
    key: str
    # The queryset of the objects of this kind a person may see.
    visible: Callable[[Any], QuerySet[Any]]
    # The objects a new draft proposes, among those the composer may see.
    candidates: Callable[[Any, Issue], Iterable[Model]]
    # (title, url, html, plain) of one object, in the active language.
    show: Callable[[Any], tuple[str, str, SafeString, str]]
    related: tuple[str, ...] = ()


def _start(value: date) -> datetime:
    return timezone.make_aware(datetime.combine(value, time.min))


def _end(value: date) -> datetime:
    return timezone.make_aware(datetime.combine(value + timedelta(days=1), time.min))


def _short(text: str) -> str:
    return Truncator(plain_text(text)).chars(SUMMARY_CHARS)


def _para(text: str) -> SafeString:
    return SafeString(linebreaks(text, autoescape=True)) if text else SafeString("")


def _plain(title: str, url: str, text: str) -> tuple[str, str, SafeString, str]:
    return (title, url, _para(text), text)


# Practices -----------------------------------------------------------------------------


def _practice_candidates(by: Any, issue: Issue) -> Iterable[Model]:
    return (
        practice_rules.practices_visible_to(by)
        .filter(published_at__gte=_start(issue.period_start))
        .filter(published_at__lt=_end(issue.period_end))
        .order_by("-published_at")[:PER_KIND]
    )


def _practice_show(p: Practice) -> tuple[str, str, SafeString, str]:
    text = _short(p.summary)
    if p.lead_organisation_id:
        text = f"{p.lead_organisation.name} — {text}" if text else p.lead_organisation.name
    return _plain(p.title, p.get_absolute_url(), text)


# Workshops -----------------------------------------------------------------------------


def _workshop_candidates(by: Any, issue: Issue) -> Iterable[Model]:
    return (
        workshop_rules.workshops_visible_to(by)
        .filter(status=Workshop.Status.PUBLISHED, start_date__gte=timezone.localdate())
        .order_by("start_date", "pk")[:PER_KIND]
    )


def _workshop_show(w: Workshop) -> tuple[str, str, SafeString, str]:
    when = (
        day(w.start_date)
        if w.start_date == w.end_date
        else (_("%(start)s to %(end)s") % {"start": day(w.start_date), "end": day(w.end_date)})
    )
    where = w.city or w.venue
    text = f"{when} · {where}" if where else when
    return _plain(w.title, w.get_absolute_url(), text)


# Open questions ------------------------------------------------------------------------


def _question_candidates(by: Any, issue: Issue) -> Iterable[Model]:
    return (
        discussion_rules.discussions_visible_to(by)
        .filter(kind=Thread.Kind.QUESTION, accepted_answer__isnull=True, hidden_at__isnull=True)
        .filter(created_at__gte=_start(issue.period_start), created_at__lt=_end(issue.period_end))
        .order_by("-created_at")[:PER_KIND]
    )


def _question_show(t: Thread) -> tuple[str, str, SafeString, str]:
    return _plain(t.title, t.get_absolute_url(), _short(t.body))


def _questions_visible(user: Any) -> QuerySet[Any]:
    # Hidden questions are left out of every copy, even their author's.
    return discussion_rules.discussions_visible_to(user).filter(hidden_at__isnull=True)


# Featured practices, people and organisations -----------------------------------------


def _feature_candidates(by: Any, issue: Issue) -> Iterable[Model]:
    today = min(issue.period_end, timezone.localdate())
    return (
        recognition_rules.features_visible_to(by)
        .filter(starts_on__lte=today, ends_on__gte=issue.period_start, ended_at__isnull=True)
        .select_related("practice", "person", "organisation")
        .order_by("-starts_on", "-pk")[:PER_KIND]
    )


def _feature_show(f: Feature) -> tuple[str, str, SafeString, str]:
    target: Any = (
        f.practice
        if f.kind == Feature.Kind.PRACTICE
        else (f.person if f.kind == Feature.Kind.PERSON else f.organisation)
    )
    title = target.title if f.kind == Feature.Kind.PRACTICE else str(target)
    return _plain(title, target.get_absolute_url(), f.reason)


# Impact: completed adoptions and notable feedback --------------------------------------

NOTABLE_EFFECTIVENESS = 4


def _adoption_candidates(by: Any, issue: Issue) -> Iterable[Model]:
    return (
        adoption_rules.adoptions_visible_to(by)
        .filter(status=Adoption.Status.COMPLETED)
        .filter(
            Q(ended_on__gte=issue.period_start, ended_on__lte=issue.period_end)
            | Q(
                ended_on__isnull=True,
                updated_at__gte=_start(issue.period_start),
                updated_at__lt=_end(issue.period_end),
            )
        )
        .order_by("-updated_at")[:PER_KIND]
    )


def _adoption_show(a: Adoption) -> tuple[str, str, SafeString, str]:
    title = _("%(organisation)s completed “%(practice)s”") % {
        "organisation": a.organisation.name,
        "practice": a.practice.title,
    }
    return _plain(title, a.get_absolute_url(), _short(a.adaptations))


def _feedback_candidates(by: Any, issue: Issue) -> Iterable[Model]:
    return (
        adoption_rules.feedback_visible_to(by)
        .filter(effectiveness__gte=NOTABLE_EFFECTIVENESS)
        .filter(reported_on__gte=issue.period_start, reported_on__lte=issue.period_end)
        .order_by("-reported_on", "-pk")[:PER_KIND]
    )


def _feedback_show(r: FeedbackReport) -> tuple[str, str, SafeString, str]:
    title = _("%(organisation)s on “%(practice)s”: %(score)s/5") % {
        "organisation": r.adoption.organisation.name,
        "practice": r.adoption.practice.title,
        "score": r.effectiveness,
    }
    return _plain(title, r.get_absolute_url(), _short(r.results))


# Announcements ---------------------------------------------------------------------------


def _announcement_candidates(by: Any, issue: Issue) -> Iterable[Model]:
    now = timezone.now()
    return (
        announcement_rules.announcements_visible_to(by)
        .filter(starts_at__lte=now, ends_at__gte=now)
        .order_by("-starts_at")[:PER_KIND]
    )


def _announcement_show(a: Announcement) -> tuple[str, str, SafeString, str]:
    url = a.url or ""
    if url and not url.startswith(("http://", "https://", "/")):
        url = ""
    return (a.title, url, render_markdown(a.body), plain_text(a.body))


KINDS: dict[str, ItemKind] = {
    Kind.PRACTICE: ItemKind(
        Kind.PRACTICE,
        practice_rules.practices_visible_to,
        _practice_candidates,
        _practice_show,
        ("lead_organisation",),
    ),
    Kind.WORKSHOP: ItemKind(
        Kind.WORKSHOP, workshop_rules.workshops_visible_to, _workshop_candidates, _workshop_show
    ),
    Kind.QUESTION: ItemKind(
        Kind.QUESTION, _questions_visible, _question_candidates, _question_show
    ),
    Kind.FEATURE: ItemKind(
        Kind.FEATURE,
        recognition_rules.features_visible_to,
        _feature_candidates,
        _feature_show,
        ("practice", "person", "organisation"),
    ),
    Kind.ADOPTION: ItemKind(
        Kind.ADOPTION,
        adoption_rules.adoptions_visible_to,
        _adoption_candidates,
        _adoption_show,
        ("practice", "organisation"),
    ),
    Kind.FEEDBACK: ItemKind(
        Kind.FEEDBACK,
        adoption_rules.feedback_visible_to,
        _feedback_candidates,
        _feedback_show,
        ("adoption__practice", "adoption__organisation"),
    ),
    Kind.ANNOUNCEMENT: ItemKind(
        Kind.ANNOUNCEMENT,
        announcement_rules.announcements_visible_to,
        _announcement_candidates,
        _announcement_show,
    ),
}

# The order a new draft lists its items in.
DRAFT_ORDER = (
    Kind.ANNOUNCEMENT,
    Kind.PRACTICE,
    Kind.WORKSHOP,
    Kind.QUESTION,
    Kind.FEATURE,
    Kind.ADOPTION,
    Kind.FEEDBACK,
)


def shown_items(items: Iterable[Item], viewer: Any) -> list[Shown]:
    """The items of an issue that ``viewer`` may see, in the issue's order, in the active
    language. One query per kind of item present; the editor's texts are always shown."""
    items = list(items)
    wanted: dict[str, set[int]] = {}
    for item in items:
        if item.kind in KINDS and item.object_id:
            wanted.setdefault(item.kind, set()).add(item.object_id)
    found: dict[str, dict[int, Any]] = {}
    for key, ids in wanted.items():
        kind = KINDS[key]
        qs = kind.visible(viewer).filter(pk__in=ids)
        if kind.related:
            qs = qs.select_related(*kind.related)
        found[key] = {obj.pk: obj for obj in qs}
    labels = dict(Kind.choices)
    shown: list[Shown] = []
    for item in items:
        if item.kind == Kind.TEXT:
            if item.text.strip():
                shown.append(
                    Shown(item.pk, item.kind, "", "", "", render_markdown(item.text), item.text)
                )
            continue
        obj = found.get(item.kind, {}).get(item.object_id or 0)
        if obj is None:
            continue
        title, url, html, plain = KINDS[item.kind].show(obj)
        shown.append(Shown(item.pk, item.kind, str(labels[item.kind]), title, url, html, plain))
    return shown
