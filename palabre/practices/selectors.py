"""Reads about practices: lists, statistics, history and differences between revisions."""

from __future__ import annotations

import difflib
import re
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from palabre import permissions
from palabre.permissions import practices as rules
from palabre.practices.models import (
    Attachment,
    DailyCount,
    Practice,
    Revision,
    SavedPractice,
    Step,
)


def practice_list(
    *, user: Any, theme=None, organisation=None, kind: str = "", language: str = ""
) -> QuerySet[Practice]:
    """Published practices this person may read, newest first: one entry per practice,
    in the reader's language where it exists (``one_per_practice``)."""
    qs = rules.practices_visible_to(user)
    if theme is not None:
        qs = qs.filter(Q(themes=theme) | Q(themes__parent=theme)).distinct()
    if organisation is not None:
        qs = qs.filter(Q(lead_organisation=organisation) | Q(partners=organisation)).distinct()
    if kind:
        qs = qs.filter(kind=kind)
    if language:
        qs = qs.filter(language=language)
    return one_per_practice(qs, links=rules.practices_visible_to(user)).order_by(
        "-last_published_at", "-pk"
    )


# What a link to another language version needs (``read_in_label`` and the address).
VERSION_FIELDS = ("pk", "title", "language", "translation_of_id")


def one_per_practice(
    qs: QuerySet[Practice], *, links: QuerySet[Practice], language: str | None = None
) -> QuerySet[Practice]:
    """One entry for a practice and its translations, as cards: the version in the
    reader's language when ``qs`` holds it, otherwise the oldest version it holds.

    A practice and its translations form a group named by the original's pk (a
    translation's ``translation_of``; translations are never of a translation). Each
    card gets the other versions the person may open (from ``links``) to link to:
    ``original_version`` (the original, with its ``other_versions``) and
    ``other_versions`` (the translations). Counting the result counts what is shown;
    the links cost three queries per list, whatever its length."""
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    group = Coalesce(OuterRef("translation_of_id"), OuterRef("pk"))
    same_group = qs.filter(Q(pk=group) | Q(translation_of_id=group))
    kept = qs.filter(
        Q(language=language)
        | (
            ~Exists(same_group.filter(language=language))
            & ~Exists(same_group.exclude(language=language).filter(pk__lt=OuterRef("pk")))
        )
    )
    versions = links.only(*VERSION_FIELDS).order_by("language", "pk")
    return kept.with_cards().prefetch_related(
        Prefetch("translations", queryset=versions, to_attr="other_versions"),
        Prefetch(
            "translation_of",
            queryset=versions.prefetch_related(
                Prefetch("translations", queryset=versions, to_attr="other_versions")
            ),
            to_attr="original_version",
        ),
    )


def practices_in_progress(*, user: Any) -> QuerySet[Practice]:
    """My drafts and submitted practices (and my organisations' ones when I administer them),
    one entry per practice and its translations."""
    qs = rules.practices_edited_by(user).exclude(
        status__in=[Practice.Status.PUBLISHED, Practice.Status.ARCHIVED]
    )
    return one_per_practice(qs, links=rules.practices_openable_by(user)).order_by("-updated_at")


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
    stats["saves"] = practice.saves.aggregate(
        total=Count("pk"), recent=Count("pk", filter=Q(created_at__date__gte=since))
    )
    return stats


# The practice page ----------------------------------------------------------------------


def practice_page_queryset(user: Any) -> QuerySet[Practice]:
    """The practice page's own query: the fiche, the organisations and people it names,
    whether it has translations and how many revisions (and, for a member, whether they
    saved it), in one query. For a member, the partners and authors come with it (two
    more): the permission rules read them too, and the page shows them."""
    revisions = (
        Revision.objects.filter(practice=OuterRef("pk"))
        .order_by()
        .values("practice")
        .annotate(n=Count("pk"))
        .values("n")
    )
    qs = Practice.objects.select_related("lead_organisation", "contact").annotate(
        has_translations=Exists(Practice.objects.filter(translation_of=OuterRef("pk"))),
        revision_count=Coalesce(Subquery(revisions, output_field=IntegerField()), 0),
    )
    if permissions.is_member(user):
        saved = SavedPractice.objects.filter(practice=OuterRef("pk"), user=user)
        qs = qs.annotate(is_saved=Exists(saved)).prefetch_related("partners", "authors")
    return qs


def practice_page(practice: Practice, *, user: Any, can_edit: bool) -> dict[str, Any]:
    """Everything the practice page shows of ``practice`` (from ``practice_page_queryset``),
    read here, so that rendering the page asks the database nothing: one query per kind
    of related row, none when the practice has none (translations)."""
    prefetch_related_objects([practice], "partners", "authors")  # a member's came with it
    can_review = rules.can_review(user, practice)
    comments: dict[str, list[Any]] = {}
    if can_edit or can_review:
        unresolved = practice.review_comments.filter(resolved_at__isnull=True)
        for comment in unresolved.select_related("author"):
            comments.setdefault(comment.section, []).append(comment)
    return {
        "practice": practice,
        "steps": list(Step.objects.filter(practice=practice)),
        "attachments": list(Attachment.objects.filter(practice=practice)),
        "authors": list(practice.authors.all()),
        "partners": list(practice.partners.all()),
        "themes": list(practice.themes.all()),
        "tags": list(practice.tags.all()),
        # The practice a new version replaces, named on it (read here, not by the page).
        "revises": practice.revises if practice.revises_id else None,
        "translations": practice_translations(practice, user=user),
        "can_edit": can_edit,
        "can_review": can_review and practice.status == Practice.Status.SUBMITTED,
        "can_archive": rules.can_archive(user, practice) and practice.is_published,
        "can_unarchive": rules.can_publish(user, practice)
        and practice.status == Practice.Status.ARCHIVED,
        "comments": comments,
        "statistics": practice_statistics(practice) if can_edit and practice.is_published else None,
        "pending_version": Practice.objects.filter(revises=practice).first() if can_edit else None,
        "is_saved": bool(getattr(practice, "is_saved", False)),
        "revision_count": practice.revision_count,
    }


def practice_translations(practice: Practice, *, user: Any) -> list[Practice]:
    """The other languages of this practice the person may open, its original first (one
    query, and none for a practice that is no translation and has none)."""
    if not (practice.translation_of_id or practice.has_translations):
        return []
    original_id = practice.translation_of_id or practice.pk
    others = (
        rules.practices_openable_by(user)
        .filter(Q(translation_of_id=original_id) | Q(pk=original_id))
        .exclude(pk=practice.pk)
        .only("pk", "title", "language", "translation_of_id")
        .order_by("pk")
    )
    return sorted(others, key=lambda other: other.pk != original_id)


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
