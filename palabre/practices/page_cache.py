"""The practice page answers a repeat visit with "304 Not Modified", and keeps the page it
rendered for anonymous visitors, so that the next one gets it without rendering.

What the page shows depends on three things, and both the kept page and the validator
(``ETag``) follow all three:

- the practice itself: a fingerprint of its row as read for the page (with its lead
  organisation and the practice it translates), so any change of the row counts, even one
  made with ``QuerySet.update()``;
- everything else on the page (steps, files, partners and authors, translations, and the
  panels of the other apps: adoptions, questions, thanks, workshops, trainings…): one
  *generation*, kept in the shared cache, that changes when any of those records is saved
  or deleted. Each app names its models with ``watch()``; the generation changes once the
  change is committed, so a page rendered after it sees the change;
- the visitor: a logged-in person's page is rendered for them every time (what is kept is
  for anonymous visitors only, who all see the same page in one language); the ``ETag``
  of their page is a digest of what was rendered, so a 304 always means the same page.

A change that escapes the signals (a bulk ``update()`` of another app's records, a
person's new name) shows on anonymous pages after ``KEEP_FOR`` at most.

Forms carry a CSRF token, which differs from one visitor to the next: the page is kept
with a placeholder that each visitor's own token replaces, and the ``ETag`` includes the
visitor's CSRF secret (a page kept by a browser is only valid with that browser's cookie).
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import _unmask_cipher_token, get_token
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control

from palabre import permissions
from palabre.core import datasaver
from palabre.practices.models import Practice

# How long an anonymous page is kept at most (changes the signals miss show after this).
KEEP_FOR = 5 * 60
GENERATION = "practice-page:generation"
# Stands for the visitor's CSRF token in a kept page.
CSRF_PLACEHOLDER = "\x00csrf-token\x00"
TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")
# A form of discussions draws a key each time it is shown, so that sending it twice keeps
# one message. The ETag leaves it out: a question sent with a key changes the page (it is
# listed, the count goes up), so a browser is never told to reuse a key already spent.
SUBMISSION_KEY = re.compile(r'(name="submission_key" value=")[^"]*"')


# What changes the page -------------------------------------------------------------------


def practice_pages_changed() -> None:
    """Every practice page may show something new: a new generation (pages kept for the
    previous one are not served any more), now and again once the transaction commits
    (a page rendered in between, from what was committed before, is not kept either)."""

    def new_generation() -> None:
        cache.set(GENERATION, uuid.uuid4().hex, None)

    new_generation()
    transaction.on_commit(new_generation)


_WATCHED: dict[Any, tuple[tuple[str, ...], Callable[[Any], bool] | None]] = {}


def _changed(sender: Any, instance: Any = None, **kwargs: Any) -> None:
    fields, when = _WATCHED.get(sender, ((), None))
    if str(kwargs.get("action", "post_")).startswith("pre_"):
        return  # a many-to-many change is signalled before and after: once is enough
    saved = kwargs.get("update_fields")
    if fields and saved and not set(saved) & set(fields):
        return  # a save of fields no page shows (a login's last_login…)
    if when is not None and instance is not None and not when(instance):
        return
    practice_pages_changed()


def watch(
    *models: Any, fields: tuple[str, ...] = (), when: Callable[[Any], bool] | None = None
) -> None:
    """Saving or deleting a record of ``models`` (or changing a many-to-many relation,
    given its ``through`` model) may change what practice pages show. With ``fields``, a
    save limited to other fields (``save(update_fields=…)``) does not; with ``when``, only
    the records for which it answers True do."""
    for model in models:
        _WATCHED[model] = (fields, when)
        uid = f"practice-page:{model._meta.label}"
        m2m_changed.connect(_changed, sender=model, dispatch_uid=uid, weak=False)
        if model._meta.auto_created:
            # A many-to-many table: its rows change through add(), set()… (m2m_changed).
            # Listening to their deletion would make every bulk delete of them (an import)
            # read and signal its rows one by one.
            continue
        post_save.connect(_changed, sender=model, dispatch_uid=uid, weak=False)
        post_delete.connect(_changed, sender=model, dispatch_uid=uid, weak=False)


def _generation() -> str:
    generation = cache.get(GENERATION)
    if generation is None:  # first use, or pushed out of the cache
        cache.add(GENERATION, uuid.uuid4().hex, None)
        generation = cache.get(GENERATION) or ""
    return str(generation)


def _fingerprint(practice: Practice) -> str:
    """Changes whenever a value of the practice's row (or of its lead organisation's), as
    read for the page, changes."""
    values = [
        [getattr(obj, field.attname) for field in type(obj)._meta.concrete_fields]
        for obj in (practice, practice.lead_organisation)
    ]
    values.append(
        [getattr(practice, "has_translations", None), getattr(practice, "revision_count", None)]
    )
    return hashlib.sha256(repr(values).encode()).hexdigest()


# Serving --------------------------------------------------------------------------------


def _keeps(request: HttpRequest, practice: Practice) -> bool:
    """Is this a visit whose page is the same for every anonymous visitor?"""
    return (
        request.method == "GET"
        and not permissions.is_member(request.user)
        and not request.GET
        and not getattr(request, "htmx", False)
        and practice.is_published
        and not len(messages.get_messages(request))
    )


def _key(request: HttpRequest, practice: Practice) -> str:
    # Who saves data gets links instead of images (palabre.core.datasaver).
    images = "saver" if datasaver.is_on(request) else "images"
    return f"practice-page:{practice.pk}:{translation.get_language()}:{images}"


def _etag(request: HttpRequest, digest: str) -> str:
    secret = request.META.get("CSRF_COOKIE", "")
    return '"' + hashlib.sha256(f"{digest}:{secret}".encode()).hexdigest()[:40] + '"'


def _revalidate(response: HttpResponse) -> HttpResponse:
    # The browser keeps the page but asks each time (it gets a 304 when nothing changed);
    # a shared cache keeps nothing (pages depend on the visitor and their language).
    patch_cache_control(response, private=True, no_cache=True)
    return response


def kept_page(request: HttpRequest, practice: Practice) -> HttpResponse | None:
    """The page kept for anonymous visitors (or a 304 when the browser has it), if it is
    still the page they would get; otherwise None, and the caller renders it."""
    if not _keeps(request, practice):
        return None
    generation = _generation()
    request._palabre_page_generation = generation  # type: ignore[attr-defined]
    kept = cache.get(_key(request, practice))
    if (
        not isinstance(kept, dict)
        or kept.get("generation") != generation
        or kept.get("fingerprint") != _fingerprint(practice)
    ):
        return None
    token = get_token(request)  # this visitor's own token (and cookie)
    response = HttpResponse(kept["html"].replace(CSRF_PLACEHOLDER, token))
    return _conditional(request, response, kept["digest"])


def _conditional(request: HttpRequest, response: HttpResponse, digest: str) -> HttpResponse:
    """``response`` with its ``ETag``, or a 304 when the browser has this very page."""
    response["ETag"] = _etag(request, digest)
    _revalidate(response)
    return get_conditional_response(request, etag=response["ETag"], response=response)


def _without_tokens(request: HttpRequest, html: str) -> str:
    """``html`` with every CSRF token of this visitor replaced by the placeholder."""
    secret = request.META.get("CSRF_COOKIE")
    if not secret:
        return html

    def placeholder(match: re.Match[str]) -> str:
        token = match.group(0)
        return CSRF_PLACEHOLDER if _unmask_cipher_token(token) == secret else token

    return TOKEN.sub(placeholder, html)


def finish(
    request: HttpRequest, practice: Practice, response: HttpResponse, *, keep: bool = True
) -> HttpResponse:
    """Give the rendered page its ``ETag`` (a 304 when the browser has this very page),
    and keep it for the next anonymous visitors (unless ``keep`` is False: it shows
    something about to change that no signal announces)."""
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return response
    html = _without_tokens(request, response.content.decode())
    drawn = SUBMISSION_KEY.sub(r'\1"', html)
    digest = hashlib.sha256(drawn.encode()).hexdigest()
    generation = getattr(request, "_palabre_page_generation", None)
    if keep and generation is not None and drawn == html:  # no key to share between visitors
        kept = {
            "generation": generation,
            "fingerprint": _fingerprint(practice),
            "digest": digest,
            "html": html,
        }
        cache.set(_key(request, practice), kept, KEEP_FOR)
    return _conditional(request, response, digest)
