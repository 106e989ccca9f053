"""Feeds and calendars as answers: Atom documents, iCalendar subscriptions kept in step
with phones' calendars, and the validators (ETag, Last-Modified) that let a reader that
already has the latest copy get "304 Not Modified" before anything is written."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, linebreaks
from django.utils.http import http_date
from django.utils.text import Truncator
from icalendar import Calendar, vDuration

from palabre.workshops import ics

# Readers and calendars may keep a copy this long before asking again (in seconds).
MAX_AGE = 15 * 60
# What calendar applications are told about how often to refresh a subscription.
REFRESH = "PT1H"
SUMMARY_WORDS = 80


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def short(text: str) -> str:
    """A summary for an entry: plain words, trimmed, written as HTML-safe paragraphs."""
    return linebreaks(escape(Truncator(text.strip()).words(SUMMARY_WORDS, truncate=" …")))


@dataclass
class Validators:
    etag: str
    last_modified: datetime | None


def validators(*parts: Any, stamps: Iterable[datetime | None]) -> Validators:
    """An ETag computed from what the document is made of (ids, change dates, language…),
    so that it is known before the document is written, and the latest change date."""
    known = [stamp for stamp in stamps if stamp is not None]
    digest = hashlib.sha256(repr((parts, known)).encode()).hexdigest()[:32]
    return Validators(etag=f'"{digest}"', last_modified=max(known) if known else None)


def not_modified(
    request: HttpRequest, found: Validators, *, private: bool = False
) -> HttpResponse | None:
    """304 (or 412) when the reader's copy is still the latest, else None."""
    last = int(found.last_modified.timestamp()) if found.last_modified else None
    response = get_conditional_response(request, etag=found.etag, last_modified=last)
    if response is not None:
        _headers(response, found, private=private)
    return response


def _headers(response: HttpResponse, found: Validators, *, private: bool) -> None:
    response["ETag"] = found.etag
    if found.last_modified is not None:
        response["Last-Modified"] = http_date(found.last_modified.timestamp())
    if private:
        # A personal address: shared caches keep nothing, search engines index nothing.
        patch_cache_control(response, private=True, max_age=MAX_AGE)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "no-referrer"
    else:
        patch_cache_control(response, public=True, max_age=MAX_AGE)


class LanguageAtomFeed(Atom1Feed):
    """Atom with each entry's language (``xml:lang``) when it differs from the feed's."""

    def item_attributes(self, item: dict[str, Any]) -> dict[str, str]:
        attrs = dict(super().item_attributes(item))
        language = item.get("language")
        if language and language != self.feed["language"]:
            attrs["xml:lang"] = language
        return attrs


@dataclass
class Entry:
    title: str
    link: str  # a path of the site
    summary: str  # plain text
    author: str
    updated: datetime
    published: datetime | None = None
    language: str = ""
    categories: tuple[str, ...] = ()


def atom_response(
    request: HttpRequest,
    *,
    title: str,
    subtitle: str,
    link: str,
    language: str,
    entries: list[Entry],
    found: Validators,
    private: bool = False,
) -> HttpResponse:
    feed = LanguageAtomFeed(
        title=title,
        subtitle=subtitle,
        description=subtitle,
        link=absolute(link),
        # A private feed's own address holds its secret: the document does not repeat it.
        feed_url=None if private else absolute(request.path),
        language=language,
        author_name="Palabre",
    )
    for entry in entries:
        url = absolute(entry.link)
        feed.add_item(
            title=entry.title,
            link=url,
            unique_id=url,
            description=short(entry.summary) if entry.summary else None,
            author_name=entry.author or None,
            pubdate=entry.published,
            updateddate=entry.updated,
            categories=list(entry.categories),
            language=entry.language,
        )
    response = HttpResponse(
        feed.writeString("utf-8"), content_type="application/atom+xml; charset=utf-8"
    )
    _headers(response, found, private=private)
    return response


def calendar_response(
    *,
    sessions: list[Any],
    name: str,
    filename: str,
    found: Validators,
    private: bool = False,
) -> HttpResponse:
    """The calendar that workshops/ics.py writes, made a subscription: each event keeps
    its UID and tells its revision (SEQUENCE and LAST-MODIFIED follow the latest change
    of the session or of its workshop: cancelling a workshop counts), and the calendar
    says how often to come back (REFRESH-INTERVAL, X-PUBLISHED-TTL)."""
    cal = Calendar.from_ical(ics.calendar(sessions, name=name))
    changed = {f"workshop-session-{s.pk}@": _changed(s) for s in sessions}
    for event in cal.walk("VEVENT"):
        uid = str(event.get("uid"))
        key = uid.split("@", 1)[0] + "@"
        if key not in changed:
            continue
        last, sequence = changed[key]
        event.pop("LAST-MODIFIED", None)
        event.add("last-modified", last)
        event.add("sequence", sequence)
    cal.add("refresh-interval", vDuration.from_ical(REFRESH), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", REFRESH)
    response = ics.ics_response(cal.to_ical(), filename)
    # Subscribed to, not downloaded: calendars read it in place.
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    _headers(response, found, private=private)
    return response


def _changed(session: Any) -> tuple[datetime, int]:
    """When the event last changed, and its revision number: the seconds from the
    session's creation to that change, which only grows as it changes again."""
    last = max(session.updated_at, session.workshop.updated_at)
    return last, max(0, int((last - session.created_at).total_seconds()))


def calendar_stamps(sessions: list[Any]) -> list[datetime]:
    return [_changed(s)[0] for s in sessions]
