"""The browsers where a person is logged in: recorded at login, refreshed cheaply, listed
on their "Security" page and signed out from there."""

from __future__ import annotations

import ipaddress
import re
import time
from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from palabre.accounts.models import UserSession

# How often a session's "last seen" is written (seconds): not on every request.
TOUCH_EVERY_SECONDS = 5 * 60
TOUCHED_KEY = "palabre_seen_at"

_BROWSERS = [
    ("Edge", r"Edg(e|A|iOS)?/"),
    ("Opera", r"OPR/|Opera"),
    ("Samsung Internet", r"SamsungBrowser/"),
    ("UC Browser", r"UCBrowser/"),
    ("Firefox", r"Firefox/|FxiOS/"),
    ("Chrome", r"Chrome/|CriOS/"),
    ("Safari", r"Safari/"),
]
_SYSTEMS = [
    ("KaiOS", r"KAIOS"),
    ("Android", r"Android"),
    ("iPhone", r"iPhone"),
    ("iPad", r"iPad"),
    ("Windows", r"Windows"),
    ("macOS", r"Macintosh|Mac OS X"),
    ("ChromeOS", r"CrOS"),
    ("Linux", r"Linux"),
]


def device_summary(user_agent: str) -> str:
    """'Chrome · Android' from a User-Agent header; the raw header is not kept.

    Names of browsers and systems only, in no language: the summary is stored at login
    and read later in the reader's language (an empty one reads "Unknown browser").
    """
    browser = next((name for name, rx in _BROWSERS if re.search(rx, user_agent, re.I)), "")
    system = next((name for name, rx in _SYSTEMS if re.search(rx, user_agent, re.I)), "")
    return " · ".join(name for name in (browser, system) if name)


def address_summary(address: str | None) -> str:
    """The address with its end hidden: 41.202.219.x, 2001:db8:85a3:…"""
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return ""
    if ip.version == 4:
        return ".".join(str(ip).split(".")[:3]) + ".x"
    return ":".join(ip.exploded.split(":")[:3]) + ":…"


def client_address(request: HttpRequest) -> str:
    from axes.helpers import get_client_ip_address

    return get_client_ip_address(request) or ""


def session_store(session_key: str) -> SessionBase:
    engine = import_module(settings.SESSION_ENGINE)
    return engine.SessionStore(session_key)


def session_record(request: HttpRequest, user: Any) -> UserSession | None:
    """Record (or refresh) the request's session as one of ``user``'s browsers."""
    session_key = request.session.session_key
    if not session_key:
        return None
    now = timezone.now()
    record, _created = UserSession.objects.update_or_create(
        session_key=session_key,
        defaults={
            "user": user,
            "last_seen_at": now,
            "device": device_summary(request.headers.get("User-Agent", ""))[:100],
            "address": address_summary(client_address(request)),
        },
        create_defaults={
            "user": user,
            "created_at": now,
            "last_seen_at": now,
            "device": device_summary(request.headers.get("User-Agent", ""))[:100],
            "address": address_summary(client_address(request)),
        },
    )
    request.session[TOUCHED_KEY] = int(time.time())
    return record


def session_touch(request: HttpRequest) -> None:
    """At most every few minutes, note that this browser is still in use."""
    try:
        touched = int(request.session.get(TOUCHED_KEY, 0))
    except (TypeError, ValueError):
        touched = 0
    if time.time() - touched >= TOUCH_EVERY_SECONDS:
        session_record(request, request.user)


def sessions_of(user: Any) -> list[UserSession]:
    """The person's live sessions, most recent first (dead ones are forgotten)."""
    live = []
    for record in UserSession.objects.filter(user=user):
        if session_is_live(record.session_key, user):
            live.append(record)
        else:
            record.delete()
    return live


def session_is_live(session_key: str, user: Any) -> bool:
    """Still logged in as ``user``: in the store, not expired, and its proof matches the
    current password (a changed password or "sign out everywhere" ends the others)."""
    data = session_store(session_key).load()
    if str(data.get(SESSION_KEY, "")) != str(user.pk):
        return False
    return constant_time_compare(str(data.get(HASH_SESSION_KEY, "")), user.get_session_auth_hash())


def session_end(record: UserSession) -> None:
    """Sign that browser out: its session is deleted from the store."""
    session_store(record.session_key).delete(record.session_key)
    record.delete()
