"""Reads about practices: lists, statistics, history and differences between revisions."""

from __future__ import annotations

import difflib
import re
from datetime import timedelta
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from palabre.permissions import practices as rules
from palabre.practices.models import DailyCount, Practice, Revision


def practice_list(
    *, user: Any, theme=None, organisation=None, kind: str = "", language: str = ""
) -> QuerySet[Practice]:
    qs = rules.practices_visible_to(user)
    if theme is not None:
        qs = qs.filter(Q(themes=theme) | Q(themes__parent=theme)).distinct()
    if organisation is not None:
        qs = qs.filter(Q(lead_organisation=organisation) | Q(partners=organisation)).distinct()
    if kind:
        qs = qs.filter(kind=kind)
    if language:
        qs = qs.filter(language=language)
    return qs.with_cards().order_by("-last_published_at", "-pk")


def practices_in_progress(*, user: Any) -> QuerySet[Practice]:
    """My drafts and submitted practices (and my organisations' ones when I administer them)."""
    return (
        rules.practices_edited_by(user)
        .exclude(status__in=[Practice.Status.PUBLISHED, Practice.Status.ARCHIVED])
        .with_cards()
        .order_by("-updated_at")
    )


def practices_to_review() -> QuerySet[Practice]:
    return (
        Practice.objects.filter(status=Practice.Status.SUBMITTED)
        .with_cards()
        .order_by("submitted_at", "pk")
    )


def practice_statistics(practice: Practice) -> dict[str, dict[str, int]]:
    """Views and downloads (total and last 30 days), and saves, for the authors."""
    since = timezone.localdate() - timedelta(days=30)
    rows = (
        DailyCount.objects.filter(practice=practice)
        .values("event")
        .annotate(total=Sum("count"), recent=Sum("count", filter=Q(day__gte=since)))
    )
    stats = {event: {"total": 0, "recent": 0} for event in DailyCount.Event.values}
    for row in rows:
        stats[row["event"]] = {"total": row["total"] or 0, "recent": row["recent"] or 0}
    stats["saves"] = {
        "total": practice.saves.count(),
        "recent": practice.saves.filter(created_at__date__gte=since).count(),
    }
    return stats


def theme_counts(user: Any) -> dict[int, int]:
    qs = rules.practices_visible_to(user).values("themes").annotate(n=Count("pk", distinct=True))
    return {row["themes"]: row["n"] for row in qs if row["themes"]}


def _diff_text(old: str, new: str) -> SafeString:
    """Word-level differences, as HTML with <del> and <ins>."""
    a, b = re.findall(r"\S+|\s+", old or ""), re.findall(r"\S+|\s+", new or "")
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
        if op in ("delete", "replace"):
            out.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(out).replace("\n", "<br>"))


def _as_text(value: Any) -> str:
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return "\n".join(
                f"{i}. {s['title']} — {s['description']} ({s['what_made_it_work']})"
                for i, s in enumerate(value, 1)
            )
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def revision_diff(older: Revision, newer: Revision) -> list[tuple[str, SafeString]]:
    """The fields that differ between two revisions, with their differences marked."""
    labels = {
        f.name: f.verbose_name for f in Practice._meta.get_fields() if hasattr(f, "verbose_name")
    }
    labels["steps"] = Practice._meta.get_field("steps").related_model._meta.verbose_name_plural
    changes = []
    for name in newer.data:
        before, after = _as_text(older.data.get(name)), _as_text(newer.data.get(name))
        if before != after:
            changes.append((str(labels.get(name, name)).capitalize(), _diff_text(before, after)))
    return changes
