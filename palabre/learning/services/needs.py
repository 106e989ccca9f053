"""Training needs: "I want to learn this" wishes, decisions about a theme's need, and the
tally of searches (themes searched often with few results are a need too).

- ``wish_add`` / ``wish_remove``: a member's wish about a practice they may see (404
  otherwise, as if it did not exist) or a theme; one wish per practice or theme: a second
  one changes nothing.
- ``need_decide``: a theme's need marked as covered or turned into a training, for the
  network (facilitators) or for one organisation (facilitators, or its org admins).
- ``search_tally``: one more search of a folded query today, with its last result count
  (one upsert; who searched is not kept).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from palabre.audit.services import audit_record
from palabre.learning.models import LearningWish, NeedDecision, SearchTally, Training
from palabre.lib.errors import ServiceError, refuse
from palabre.permissions import learning as rules
from palabre.permissions import practices as practice_rules
from palabre.search.text import strip_accents

NOTE_MAX = 300
QUERY_MAX = 200


def not_found() -> ServiceError:
    return ServiceError(_("This does not exist, or you may not see it."), status=404)


def clean_note(note: Any, *, field: str = "note") -> str:
    """A short note as it is kept: plain text on one line, 300 characters at most (longer
    is refused, never cut)."""
    text = " ".join(str(note or "").replace("\x00", "").split())
    if len(text) > NOTE_MAX:
        refuse(
            _("Your note is too long: %(most)d characters at most (it has %(length)d).")
            % {"most": NOTE_MAX, "length": len(text)},
            field=field,
        )
    return text


def _subject(practice: Any, theme: Any) -> dict[str, Any]:
    if (practice is None) == (theme is None):
        refuse(_("Say what you want to learn: a practice or a theme."))
    return {"practice": practice} if practice is not None else {"theme": theme}


def _check_practice(person: Any, practice: Any) -> None:
    if practice is not None and not (
        practice.is_published and practice_rules.can_view(person, practice)
    ):
        raise not_found()


@transaction.atomic
def wish_add(
    *, person: Any, practice: Any = None, theme: Any = None, note: str = ""
) -> LearningWish:
    """Record that ``person`` wants to learn ``practice`` (published, and one they may
    see) or ``theme``. A second wish about the same one changes nothing: the first is
    returned with ``duplicate = True``."""
    if not rules.can_wish(person):
        refuse(_("Log in to say what you want to learn."), status=401)
    subject = _subject(practice, theme)
    _check_practice(person, practice)
    text = clean_note(note)
    existing = LearningWish.objects.filter(person=person, **subject).first()
    if existing is not None:
        existing.duplicate = True  # type: ignore[attr-defined]
        return existing
    try:
        with transaction.atomic():
            wish = LearningWish.objects.create(person=person, note=text, **subject)
    except IntegrityError:
        # The same person's other request got there first: one wish, as asked.
        existing = LearningWish.objects.filter(person=person, **subject).first()
        if existing is None:
            raise
        existing.duplicate = True  # type: ignore[attr-defined]
        return existing
    wish.duplicate = False  # type: ignore[attr-defined]
    audit_record(
        action="learning.wish_added",
        actor=person,
        target=wish,
        data={
            "practice": practice.pk if practice is not None else None,
            "theme": theme.slug if theme is not None else None,
            "note": text,
        },
    )
    return wish


@transaction.atomic
def wish_remove(*, person: Any, practice: Any = None, theme: Any = None) -> bool:
    """Take back one's wish. Returns False when there was none."""
    if not rules.can_wish(person):
        refuse(_("Log in to say what you want to learn."), status=401)
    subject = _subject(practice, theme)
    _check_practice(person, practice)
    wish = LearningWish.objects.select_for_update().filter(person=person, **subject).first()
    if wish is None:
        return False
    audit_record(
        action="learning.wish_removed",
        actor=person,
        target=wish,
        data={
            "practice": practice.pk if practice is not None else None,
            "theme": theme.slug if theme is not None else None,
        },
    )
    wish.delete()
    return True


@transaction.atomic
def need_decide(
    *,
    theme: Any,
    organisation: Any = None,
    status: str,
    by: Any,
    training: Training | None = None,
    note: str = "",
) -> NeedDecision:
    """Decide about a theme's training need: ``covered`` or ``training`` (turned into a
    training, optionally the one that answers it). For the whole network (``organisation``
    None: facilitators only) or for one organisation (facilitators, or its org admins)."""
    if not rules.can_see_needs(by):
        raise not_found()
    if not rules.can_decide_need(by, organisation):
        refuse(
            _("Organisation administrators decide about the needs of their own organisation."),
            status=403,
        )
    if status not in NeedDecision.Status.values:
        refuse(_("Choose a decision: covered, or turned into a training."), field="status")
    if training is not None:
        if not rules.trainings_openable_by(by).filter(pk=training.pk).exists():
            raise not_found()
        if status != NeedDecision.Status.TRAINING:
            refuse(
                _("A training is given only when the need is turned into a training."),
                field="training",
            )
    text = clean_note(note)
    decision = NeedDecision.objects.create(
        theme=theme,
        organisation=organisation,
        status=status,
        training=training,
        note=text,
        decided_by=by,
    )
    audit_record(
        action="learning.need_decided",
        actor=by,
        target=decision,
        organisation=organisation,
        data={
            "theme": theme.slug,
            "status": status,
            "training": training.pk if training is not None else None,
            "note": text,
        },
    )
    return decision


def fold_query(text: Any) -> str:
    """A search as it is tallied: lower case, no accents, spaces collapsed (200 characters
    at most)."""
    folded = strip_accents(str(text or "").replace("\x00", "").lower())
    return re.sub(r"\s+", " ", folded).strip()[:QUERY_MAX].strip()


def search_tally(*, query: Any, results: int, day: date | None = None) -> bool:
    """Count one more search of ``query`` today and keep its last result count, in one
    upsert (two searches at the same moment both count). Returns False for an empty query."""
    folded = fold_query(query)
    if not folded:
        return False
    q = connection.ops.quote_name
    table, day_, query_, results_, count_ = (
        q(name) for name in (SearchTally._meta.db_table, "day", "query", "results", "count")
    )
    # Names only (the model's own, quoted) are put into the text; values are parameters.
    sql = (
        f"INSERT INTO {table} ({day_}, {query_}, {results_}, {count_}) "  # noqa: S608
        f"VALUES (%s, %s, %s, 1) ON CONFLICT ({day_}, {query_}) DO UPDATE SET "
        f"{results_} = EXCLUDED.{results_}, {count_} = {table}.{count_} + 1"
    )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, [day or timezone.localdate(), folded, max(int(results), 0)])
    return True
