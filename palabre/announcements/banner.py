"""What the banner shows, at no query on a common page.

The banner is on every page, so it reads no table in the common case:

- The *index*: every announcement that has not ended yet, with its audience, kept in the
  process's memory and checked against a generation token in the shared cache. Any
  change to an announcement sets a new token (when its transaction commits); each
  process then reads the table again, once (one query). Which of them run now is decided
  in Python at each page, so a period starting or ending needs no change.
- When nothing runs now (the common case), that is all: no query.
- When something runs, the person's *reader* (their roles, organisations and themes,
  ``permissions.announcements.reader_of``) and their *marks* (seen, dismissed) come from
  the shared cache, keyed on the person and the generation; the first page after a
  change reads them (two to four small queries), the next pages read nothing.
- "Seen" is written once per person and announcement: the first page that shows it.

If the shared cache loses the token (restart, eviction), a process keeps what it read
last until the next change. Only rows committed to the database are kept: what a
transaction changes and then rolls back (tests do that) is forgotten with it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from palabre.announcements.models import Announcement, Mark
from palabre.lib.text import render_markdown
from palabre.permissions import announcements as rules
from palabre.permissions import is_member

GENERATION_KEY = "announcements:generation"
PERSON_TIMEOUT = 60 * 60  # a person's reader and marks, an hour at most


@dataclass(frozen=True)
class Entry:
    """One announcement as the banner needs it (no database object)."""

    pk: int
    title: str
    body: str
    url: str
    starts_at: datetime
    ends_at: datetime
    audience: str
    organisation_ids: tuple[int, ...]
    theme_ids: tuple[int, ...]
    roles: tuple[str, ...]
    campaign: str

    def runs(self, at: datetime) -> bool:
        return self.starts_at <= at < self.ends_at

    @property
    def body_html(self) -> str:
        return render_markdown(self.body) if self.body else ""


@dataclass
class _Index:
    token: str
    entries: tuple[Entry, ...]
    block: Any = None  # the outer transaction it was read in, when it holds our writes


_committed: _Index | None = None  # what the database holds outside any transaction
_provisional: _Index | None = None  # read inside a transaction that changed announcements
_dirty_block: Any = None  # that transaction


def _outer_block() -> Any:
    return connection.atomic_blocks[0] if connection.in_atomic_block else None


def _load() -> tuple[Entry, ...]:
    rows = (
        Announcement.objects.filter(ends_at__gt=timezone.now())
        .select_related("campaign")
        .prefetch_related("organisations", "themes")
        .order_by("-starts_at", "-pk")
    )
    return tuple(
        Entry(
            pk=a.pk,
            title=a.title,
            body=a.body,
            url=a.url,
            starts_at=a.starts_at,
            ends_at=a.ends_at,
            audience=a.audience,
            organisation_ids=tuple(o.pk for o in a.organisations.all()),
            theme_ids=tuple(t.pk for t in a.themes.all()),
            roles=tuple(a.roles),
            campaign=a.campaign.title if a.campaign else "",
        )
        for a in rows
    )


def index() -> tuple[Entry, ...]:
    """Every announcement not ended yet (no query when nothing changed)."""
    global _committed, _provisional
    outer = _outer_block()
    if outer is not None and outer is _dirty_block:
        # This transaction changed announcements: only what it read itself is right.
        if _provisional is None or _provisional.block is not outer:
            _provisional = _Index(token="", entries=_load(), block=outer)
        return _provisional.entries
    token = cache.get(GENERATION_KEY)
    known = _committed
    if known is not None and (token is None or token == known.token):
        if token is None:
            cache.add(GENERATION_KEY, known.token, None)
        return known.entries
    token = token or uuid.uuid4().hex
    _committed = _Index(token=token, entries=_load())
    cache.add(GENERATION_KEY, token, None)
    return _committed.entries


def prime(**kwargs: Any) -> None:
    """Read the index once the tables exist (after migrate), outside any request."""
    global _committed
    if _outer_block() is None:
        _committed = _Index(token=uuid.uuid4().hex, entries=_load())


def bump(**kwargs: Any) -> None:
    """An announcement changed: every process reads the index again."""
    global _committed, _provisional, _dirty_block
    _provisional = None
    outer = _outer_block()
    if outer is None:
        _committed = None
    else:
        _dirty_block = outer

    def committed() -> None:
        global _committed
        _committed = None
        cache.set(GENERATION_KEY, uuid.uuid4().hex, None)

    transaction.on_commit(committed)


# The person's part ----------------------------------------------------------------


def _reader_key(user: Any) -> str:
    return f"announcements:reader:{user.pk}"


def _marks_key(user: Any) -> str:
    return f"announcements:marks:{user.pk}"


def forget_person(user_id: int) -> None:
    """Their memberships, follows or skills changed: read their reader again."""
    cache.delete(f"announcements:reader:{user_id}")


def _reader(user: Any) -> rules.Reader:
    reader = cache.get(_reader_key(user))
    if not isinstance(reader, rules.Reader):
        reader = rules.reader_of(user)
        cache.set(_reader_key(user), reader, PERSON_TIMEOUT)
    return reader


def _marks(user: Any, ids: list[int]) -> dict[int, bool]:
    """{announcement id: dismissed?} for the person's marks among ``ids``."""
    cached = cache.get(_marks_key(user))
    if isinstance(cached, dict) and set(ids) <= set(cached.get("ids", ())):
        marks: dict[int, bool] = cached["marks"]
        return marks
    marks = {
        pk: dismissed is not None
        for pk, dismissed in Mark.objects.filter(user=user, announcement_id__in=ids).values_list(
            "announcement_id", "dismissed_at"
        )
    }
    cache.set(_marks_key(user), {"ids": ids, "marks": marks}, PERSON_TIMEOUT)
    return marks


def _remember(user: Any, ids: list[int], marks: dict[int, bool]) -> None:
    cache.set(_marks_key(user), {"ids": ids, "marks": marks}, PERSON_TIMEOUT)


def shown_to(user: Any, *, at: datetime | None = None, record: bool = True) -> list[Entry]:
    """The announcements to show this person now: running, addressed to them, not
    dismissed. The first time one is shown, it is marked seen (``record``)."""
    if not is_member(user):
        return []  # anonymous visitors see none, and their pages may be cached
    at = at or timezone.now()
    running = [entry for entry in index() if entry.runs(at)]
    if not running:
        return []
    reader = _reader(user)
    mine = [
        e
        for e in running
        if rules.in_audience(
            reader,
            audience=e.audience,
            organisation_ids=e.organisation_ids,
            theme_ids=e.theme_ids,
            roles=e.roles,
        )
    ]
    if not mine:
        return []
    ids = [e.pk for e in running]
    marks = _marks(user, ids)
    shown = [e for e in mine if not marks.get(e.pk)]
    unseen = [e.pk for e in shown if e.pk not in marks]
    if record and unseen:
        try:
            with transaction.atomic():
                Mark.objects.bulk_create(
                    [Mark(announcement_id=pk, user=user, seen_at=at) for pk in unseen],
                    ignore_conflicts=True,
                )
        except IntegrityError:  # the announcement was deleted meanwhile
            pass
        else:
            marks = {**marks, **dict.fromkeys(unseen, False)}
            _remember(user, ids, marks)
    return shown


def dismissed(user: Any, announcement_id: int) -> None:
    """Keep the person's marks in the cache right after they dismissed one."""
    cached = cache.get(_marks_key(user))
    if isinstance(cached, dict):
        cached["marks"] = {**cached["marks"], announcement_id: True}
        cache.set(_marks_key(user), cached, PERSON_TIMEOUT)


def manages(user: Any) -> bool:
    """Whether to offer the management pages, without a query: facilitators, and org
    admins once their reader is known (the management pages check for real)."""
    if not is_member(user):
        return False
    if user.is_facilitator:
        return True
    reader = cache.get(_reader_key(user))
    return isinstance(reader, rules.Reader) and "org_admin" in reader.roles.values()
