"""Re-authentication before sensitive actions ("sudo mode").

Put ``@reauthentication_required`` on a view (role changes, API tokens, two-step login
settings, personal data exports). The person must have proved who they are — logged in,
or confirmed their password (or a code from their app when they use two-step login) —
within the last ``REAUTH_MAX_AGE_MINUTES``; otherwise they are sent to the confirmation
page, which brings them back to the page they wanted. A form sent (POST) while the
confirmation was too old is not replayed: they come back (GET) to the page the form was
on (its Referer, when on this site) and send it again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

SESSION_KEY = "palabre_reauth_at"


def max_age_seconds() -> int:
    return int(getattr(settings, "REAUTH_MAX_AGE_MINUTES", 15)) * 60


def mark_reauthenticated(request: HttpRequest) -> None:
    """The person has just proved who they are (login, password or code confirmed)."""
    request.session[SESSION_KEY] = int(time.time())


def recently_authenticated(request: HttpRequest) -> bool:
    if not request.user.is_authenticated:
        return False
    try:
        confirmed_at = int(request.session.get(SESSION_KEY, 0))
    except (TypeError, ValueError):
        return False
    return 0 <= time.time() - confirmed_at <= max_age_seconds()


def reauthentication_url(next_url: str) -> str:
    return f"{reverse('accounts:reauthenticate')}?{urlencode({'next': next_url})}"


def return_to(request: HttpRequest) -> str:
    """Where to come back after confirming, always by a GET: a POST body is not replayed.
    A form sent from another page (a role changed from the members list) returns to that
    page; otherwise to the page itself."""
    if request.method != "GET":
        referer = request.headers.get("Referer", "")
        if referer and url_has_allowed_host_and_scheme(
            referer, {request.get_host()}, require_https=request.is_secure()
        ):
            parts = urlsplit(referer)
            return parts.path + (f"?{parts.query}" if parts.query else "")
        return request.path
    return request.get_full_path()


def reauthentication_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A view decorator: the page needs a recent proof of identity (see the module)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if recently_authenticated(request):
            return view(request, *args, **kwargs)
        url = reauthentication_url(return_to(request))
        if request.headers.get("HX-Request"):
            response = HttpResponse(status=204)
            response["HX-Redirect"] = url
            return response
        return HttpResponseRedirect(url)

    return wrapped
