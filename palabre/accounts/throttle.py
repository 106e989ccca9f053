"""Slowing down one address that tries passwords against many accounts.

django-axes locks one account *from one address* after a few wrong passwords. An
attacker can instead try one or two passwords on each of many accounts. So: when an
address has failed on ``LOGIN_ADDRESS_ACCOUNTS_LIMIT`` different accounts within axes'
cool-off time (``AXES_COOLOFF_MINUTES``; not logged into them since), it may only try
accounts that it is known to use — this browser logged into it before (a signed cookie),
or the account logged in from this address within ``LOGIN_ADDRESS_KNOWN_DAYS``. Other
accounts are refused, without the password being checked, until the cool-off passes.

Many people share one public address behind a mobile carrier's NAT: their wrong
passwords followed by a right one do not count (axes forgets them on success), and
each keeps logging in from their own phone or an account used from there before.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from palabre.accounts.models import User
from palabre.accounts.sessions import client_address

KNOWN_COOKIE = "palabre_known"
_KNOWN_SALT = "palabre.accounts.known-browser"
_KNOWN_MAX = 8  # accounts remembered per browser


def _username(raw: str) -> str:
    return str(raw or "").strip().lower()


def known_accounts(request: HttpRequest) -> list[str]:
    """The accounts (by id) this browser has logged into, from its signed cookie."""
    raw = request.COOKIES.get(KNOWN_COOKIE, "")
    if not raw:
        return []
    try:
        value = signing.loads(raw, salt=_KNOWN_SALT, max_age=timedelta(days=365))
    except signing.BadSignature:
        return []
    return [str(item) for item in value][:_KNOWN_MAX] if isinstance(value, list) else []


def remember_browser(request: HttpRequest, response: HttpResponse, user: Any) -> None:
    """After a successful login: this browser now counts as known for the account."""
    accounts = [str(user.pk)] + [a for a in known_accounts(request) if a != str(user.pk)]
    response.set_cookie(
        KNOWN_COOKIE,
        signing.dumps(accounts[:_KNOWN_MAX], salt=_KNOWN_SALT),
        max_age=60 * 60 * 24 * 365,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


def failed_accounts_from(address: str) -> int:
    """How many different accounts this address failed on lately, without a success."""
    from axes.models import AccessAttempt

    since = timezone.now() - timedelta(hours=float(settings.AXES_COOLOFF_TIME or 0.25))
    return (
        AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=since)
        .values("username")
        .distinct()
        .count()
    )


def _account_known_here(request: HttpRequest, username: str, address: str) -> bool:
    from axes.models import AccessLog  # lazy: axes' models load after the app registry

    user = User.objects.filter(email__iexact=username).only("pk").first()
    if user is not None and str(user.pk) in known_accounts(request):
        return True
    since = timezone.now() - timedelta(days=settings.LOGIN_ADDRESS_KNOWN_DAYS)
    return AccessLog.objects.filter(
        username=username, ip_address=address, attempt_time__gte=since
    ).exists()


def address_blocked(request: HttpRequest, username: str) -> bool:
    """Should this login attempt be refused before the password is even checked?"""
    address = client_address(request)
    if not address:
        return False
    limit = settings.LOGIN_ADDRESS_ACCOUNTS_LIMIT
    if limit <= 0 or failed_accounts_from(address) < limit:
        return False
    return not _account_known_here(request, _username(username), address)
