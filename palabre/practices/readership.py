"""How often practices are read and downloaded, counted without a database write per view.

A view (or a PDF or file download) is only noted in a buffer that every web process
shares; the worker adds what the buffer holds to the daily counts (``DailyCount``) every
minute. A page view then writes nothing to the database: on SQLite a write takes the
database's single write lock, and the readers of a busy page would wait on each other.

The buffer must be shared by every gunicorn worker (a counter kept in one process's
memory, or in a per-process cache, would be seen by that process only):

- on one machine (no ``REDIS_URL``), small append-only files in ``READERSHIP_DIR``, one
  per web process and minute (``202612021405-4321.counts``), one line per event. A line
  is written with a single ``O_APPEND`` write, so processes never mix their lines.
  The worker takes only the files of minutes that are over (nobody writes to them any
  more): it claims each by renaming it, adds its lines to the counts and removes it in
  the same database transaction;
- on several machines (``REDIS_URL``), one Redis hash, incremented atomically
  (``HINCRBY``); the worker claims it by renaming it (``RENAME`` is atomic: the next view
  starts a new hash) and deletes it in the same database transaction.

A worker that stops between claiming and committing leaves its claim: another flush takes
it back after ``STALE_CLAIM`` and counts it then (its transaction did not commit, so
nothing is counted twice). A claim deleted by someone else makes the transaction roll back.
At worst, a crash between the deletion and the commit loses a minute of counts.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from palabre.practices.models import DailyCount, Practice

logger = logging.getLogger(__name__)

# A claim older than this was left by a worker that stopped: another flush takes it.
STALE_CLAIM = timedelta(minutes=10)
PENDING_KEY = "palabre:readership:pending"
CLAIM_PREFIX = "palabre:readership:claimed:"
SUFFIX = ".counts"
CLAIMED = ".claimed"

Key = tuple[date, str, int]  # day, event, practice


class ClaimLost(Exception):
    """Another flush took a claim this one was counting: roll back, it counts them."""


def readership_record(*, practice_id: int, event: str) -> None:
    """Note one view or download of a practice today. Never fails the page: a buffer that
    cannot be written loses the count, and says so in the log."""
    field = f"{timezone.localdate().isoformat()} {event} {int(practice_id)}"
    try:
        if settings.REDIS_URL:
            _redis().hincrby(PENDING_KEY, field, 1)
        else:
            _append(field + "\n")
    except Exception:
        logger.warning("a practice view could not be counted", exc_info=True)


def readership_flush(*, now: datetime | None = None) -> int:
    """Add what the buffer holds to the daily counts (run by the worker every minute).
    Returns how many views and downloads were added."""
    now = now or timezone.now()
    if settings.REDIS_URL:
        return _flush_redis(now)
    return _flush_files(now)


def _add(counts: Counter[Key]) -> int:
    """Add ``counts`` to the daily counts (in the caller's transaction). Counts of a
    practice deleted since are dropped."""
    existing = set(
        Practice.objects.filter(pk__in={pk for _day, _event, pk in counts}).values_list(
            "pk", flat=True
        )
    )
    added = 0
    for (day, event, pk), n in sorted(counts.items()):
        if pk not in existing or event not in DailyCount.Event.values:
            continue
        rows = DailyCount.objects.filter(practice_id=pk, day=day, event=event)
        if not rows.update(count=F("count") + n):
            try:
                with transaction.atomic():
                    DailyCount.objects.create(practice_id=pk, day=day, event=event, count=n)
            except IntegrityError:  # another flush created the row in between
                rows.update(count=F("count") + n)
        added += n
    return added


def _parse(field: str, n: int, counts: Counter[Key]) -> None:
    try:
        day, event, pk = field.split()
        counts[(date.fromisoformat(day), event, int(pk))] += n
    except ValueError:
        logger.warning("an unreadable readership line was skipped: %r", field[:80])


# One machine: files ------------------------------------------------------------------


def _folder() -> Path:
    return Path(settings.READERSHIP_DIR)


def _append(line: str) -> None:
    folder = _folder()
    path = folder / f"{datetime.now(UTC):%Y%m%d%H%M}-{os.getpid()}{SUFFIX}"
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT
    try:
        fd = os.open(path, flags, 0o600)
    except FileNotFoundError:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, flags, 0o600)
    try:
        os.write(fd, line.encode())
    finally:
        os.close(fd)


def _claim(path: Path, token: str) -> Path | None:
    target = path.with_name(f"{path.name.split('.')[0]}{SUFFIX}.{token}{CLAIMED}")
    try:
        path.rename(target)
    except FileNotFoundError:  # another flush took it
        return None
    os.utime(target)  # the claim's age, for STALE_CLAIM
    return target


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:  # counted by another flush meanwhile
        return float("inf")


def _flush_files(now: datetime) -> int:
    folder = _folder()
    if not folder.is_dir():
        return 0
    token = uuid.uuid4().hex
    current = f"{now.astimezone(UTC):%Y%m%d%H%M}"
    stale = time.time() - STALE_CLAIM.total_seconds()
    claimed = []
    for path in sorted(folder.iterdir()):
        name = path.name
        over = name.endswith(SUFFIX) and name[:12] < current  # nobody writes to it any more
        left = name.endswith(CLAIMED) and _mtime(path) < stale
        if (over or left) and (taken := _claim(path, token)) is not None:
            claimed.append(taken)
    if not claimed:
        return 0
    counts: Counter[Key] = Counter()
    for path in claimed:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.strip():
                _parse(line, 1, counts)
    with transaction.atomic():
        added = _add(counts)
        for path in claimed:
            try:
                path.unlink()
            except FileNotFoundError:
                raise ClaimLost(path.name) from None
    return added


# Several machines: Redis -------------------------------------------------------------


@cache
def _client(url: str) -> Any:
    import redis

    return redis.Redis.from_url(url)


def _redis() -> Any:
    return _client(settings.REDIS_URL)


def _flush_redis(now: datetime) -> int:
    import redis

    client = _redis()
    mine = f"{CLAIM_PREFIX}{int(now.timestamp())}:{uuid.uuid4().hex}"
    keys = []
    try:
        client.rename(PENDING_KEY, mine)
        keys.append(mine)
    except redis.ResponseError:  # nothing counted since the last flush
        pass
    stale = (now - STALE_CLAIM).timestamp()
    for key in client.scan_iter(match=f"{CLAIM_PREFIX}*"):
        key = key.decode() if isinstance(key, bytes) else key
        if key == mine or int(key[len(CLAIM_PREFIX) :].split(":")[0]) >= stale:
            continue
        taken = f"{CLAIM_PREFIX}{int(now.timestamp())}:{uuid.uuid4().hex}"
        try:
            client.rename(key, taken)
            keys.append(taken)
        except redis.ResponseError:  # another flush took it
            pass
    if not keys:
        return 0
    counts: Counter[Key] = Counter()
    for key in keys:
        for field, n in client.hgetall(key).items():
            _parse(field.decode() if isinstance(field, bytes) else field, int(n), counts)
    with transaction.atomic():
        added = _add(counts)
        if client.delete(*keys) != len(keys):
            raise ClaimLost(", ".join(keys))
    return added
