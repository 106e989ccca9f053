"""Pages of a person's account security: confirming who they are before a sensitive
action, two-step login (authenticator app, recovery codes) and the sessions list."""

from __future__ import annotations

import time
from typing import Any

from django.contrib import messages
from django.contrib.auth import authenticate, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from palabre.accounts import mfa, throttle
from palabre.accounts.forms import CodeForm, ReauthenticateForm, SetupCodeForm
from palabre.accounts.mfa import VERIFIED_KEY
from palabre.accounts.middleware import AccountSecurityMiddleware
from palabre.accounts.models import User, UserSession
from palabre.accounts.reauth import (
    mark_reauthenticated,
    max_age_seconds,
    reauthentication_required,
)
from palabre.accounts.services import session_revoke, sessions_revoke_others
from palabre.accounts.sessions import session_record, sessions_of
from palabre.lib.views import submit

# The second step of a login waits this long for the code, and allows this many tries
# before the password is asked again (wrong codes also count for axes' lockout).
PENDING_KEY = "palabre_login_pending"
PENDING_SECONDS = 10 * 60
PENDING_TRIES = 3
# Set in a session that passed the second step (or set two-step login up).
# Recovery codes just made, shown once on the next page.
NEW_CODES_KEY = "palabre_new_recovery_codes"


def safe_next(request: HttpRequest, default: str = "") -> str:
    """The ``next`` page, if it is on this site."""
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if next_url and url_has_allowed_host_and_scheme(
        next_url, {request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return default or reverse("core:home")


def axes_locked(request: HttpRequest, email: str) -> bool:
    from axes.handlers.proxy import AxesProxyHandler

    return AxesProxyHandler.is_locked(request, {"username": email})


def count_wrong_code(request: HttpRequest, email: str) -> None:
    """A wrong code counts like a wrong password (axes: account and address)."""
    user_login_failed.send(sender=__name__, credentials={"username": email}, request=request)


def check_code(request: HttpRequest, user: Any, code: str) -> tuple[str | None, str, int]:
    """Verify a second-step code. Returns (kind or None, error message, status)."""
    if axes_locked(request, user.email):
        return (
            None,
            _(
                "Too many wrong codes for this account from your connection. Wait 15 minutes "
                "before trying again."
            ),
            429,
        )
    if mfa.code_throttled(user):
        return (
            None,
            _(
                "A wrong code was typed a moment ago. Wait a few seconds, then type the code "
                "your app shows now."
            ),
            429,
        )
    kind = mfa.verify_code(user, code)
    if kind is None:
        count_wrong_code(request, user.email)
        return (
            None,
            _(
                "This code is not right. Type the six digits your app shows now (they change "
                "every 30 seconds), or an unused recovery code."
            ),
            400,
        )
    return kind, "", 200


@login_required
def reauthenticate(request: HttpRequest) -> HttpResponse:
    """Confirm who you are, then back to the page you wanted (as a GET)."""
    user = request.user
    next_url = safe_next(request)
    uses_code = mfa.has_mfa(user)
    form = ReauthenticateForm(request.POST or None, uses_code=uses_code)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            if uses_code:
                kind, message, status = check_code(request, user, form.cleaned_data["code"])
                if kind is not None:
                    mark_reauthenticated(request)
                    return redirect(next_url)
                form.add_error("code", message)
            else:
                confirmed = authenticate(
                    request, username=user.email, password=form.cleaned_data["password"]
                )
                if confirmed is not None and confirmed.pk == user.pk:
                    mark_reauthenticated(request)
                    return redirect(next_url)
                form.add_error("password", _("This is not your password. Try again."))
    return render(
        request,
        "accounts/reauthenticate.html",
        {
            "form": form,
            "next": next_url,
            "uses_code": uses_code,
            "reauth_minutes": max_age_seconds() // 60,
        },
        status=status,
    )


# Logging in, second step ----------------------------------------------------------


def login_code_start(request: HttpRequest, user: Any, *, next_url: str) -> None:
    """The password was right and the person uses two-step login: not logged in yet,
    the code comes next."""
    request.session[PENDING_KEY] = {
        "user": user.pk,
        "backend": getattr(user, "backend", "palabre.accounts.backends.EmailBackend"),
        "at": int(time.time()),
        "next": next_url,
        "tries": 0,
    }


def _pending_user(request: HttpRequest) -> tuple[dict[str, Any] | None, Any]:
    pending = request.session.get(PENDING_KEY)
    if not isinstance(pending, dict) or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None, None
    user = User.objects.filter(pk=pending.get("user"), is_active=True).first()
    return (pending, user) if user is not None else (None, None)


def login_code(request: HttpRequest) -> HttpResponse:
    """Second step of the login: a code from the app, or a recovery code."""
    pending, user = _pending_user(request)
    if pending is None:
        request.session.pop(PENDING_KEY, None)
        messages.info(request, _("Please log in again: the code was not typed in time."))
        return redirect("accounts:login")
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            kind, message, status = check_code(request, user, form.cleaned_data["code"])
            if kind is not None:
                del request.session[PENDING_KEY]
                user.backend = pending["backend"]
                login(request, user)
                request.session[VERIFIED_KEY] = True
                if kind == "recovery":
                    left = mfa.recovery_codes_left(user)
                    messages.warning(
                        request,
                        ngettext(
                            "You used a recovery code: %(count)d left. Make new ones on "
                            "your Security page if you are running out.",
                            "You used a recovery code: %(count)d left. Make new ones on "
                            "your Security page if you are running out.",
                            left,
                        )
                        % {"count": left},
                    )
                response = redirect(
                    pending["next"]
                    if url_has_allowed_host_and_scheme(pending["next"], {request.get_host()})
                    else reverse("core:home")
                )
                throttle.remember_browser(request, response, user)
                return response
            pending["tries"] += 1
            if pending["tries"] >= PENDING_TRIES:
                del request.session[PENDING_KEY]
                messages.error(request, _("Too many wrong codes. Log in again with your password."))
                return redirect("accounts:login")
            request.session[PENDING_KEY] = pending
            form.add_error("code", message)
    return render(request, "accounts/login_code.html", {"form": form}, status=status)


# The Security page -----------------------------------------------------------------


@login_required
def security(request: HttpRequest) -> HttpResponse:
    """Two-step login, recovery codes and the browsers where one is logged in."""
    user = request.user
    current = request.session.session_key
    sessions = sessions_of(user)
    if current and not any(s.session_key == current for s in sessions):
        record = session_record(request, user)
        if record is not None:
            sessions.append(record)
    sessions.sort(key=lambda record: record.session_key != current)  # this one first
    return render(
        request,
        "accounts/security.html",
        {
            "has_mfa": mfa.has_mfa(user),
            "mfa_required": mfa.mfa_required_for(user),
            "codes_left": mfa.recovery_codes_left(user),
            "sessions": sessions,
            "current_key": current,
        },
    )


@reauthentication_required
def mfa_setup(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app: scan the QR code (or type the key), type a code."""
    user = request.user
    device = mfa.totp_setup_start(user=user)
    form = SetupCodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        done = submit(
            form, lambda: mfa.totp_setup_confirm(user=user, code=form.cleaned_data["code"])
        )
        if done.ok:
            request.session[VERIFIED_KEY] = True
            request.session[NEW_CODES_KEY] = done.value
            AccountSecurityMiddleware.remember_state(request, user)
            mark_reauthenticated(request)
            messages.success(request, _("Two-step login is on."))
            return redirect(f"{reverse('accounts:mfa_codes')}?next={_next_query(request)}")
        status = done.status
    return render(
        request,
        "accounts/mfa_setup.html",
        {
            "form": form,
            "qr": mfa.totp_qr_svg_data_uri(device),
            "secret": mfa.totp_secret_for_typing(device),
            "required": mfa.mfa_required_for(user),
            "replacing": mfa.has_mfa(user),
            "next": safe_next(request, reverse("accounts:security")),
        },
        status=status,
    )


def _next_query(request: HttpRequest) -> str:
    from urllib.parse import quote

    return quote(safe_next(request, reverse("accounts:security")))


@login_required
def mfa_codes(request: HttpRequest) -> HttpResponse:
    """The new recovery codes, shown once."""
    codes = request.session.pop(NEW_CODES_KEY, None)
    return render(
        request,
        "accounts/mfa_codes.html",
        {"codes": codes, "next": safe_next(request, reverse("accounts:security"))},
    )


@require_POST
@reauthentication_required
def mfa_codes_regenerate(request: HttpRequest) -> HttpResponse:
    request.session[NEW_CODES_KEY] = mfa.recovery_codes_regenerate(user=request.user)
    return redirect("accounts:mfa_codes")


@require_POST
@reauthentication_required
def mfa_disable(request: HttpRequest) -> HttpResponse:
    mfa.mfa_disable(user=request.user)
    AccountSecurityMiddleware.remember_state(request, request.user)
    messages.success(request, _("Two-step login is off: your password alone opens your account."))
    return redirect("accounts:security")


@require_POST
@login_required
def session_sign_out(request: HttpRequest, pk: int) -> HttpResponse:
    record = UserSession.objects.filter(user=request.user, pk=pk).first()
    if record is None or record.session_key == request.session.session_key:
        raise Http404
    session_revoke(record=record, by=request.user)
    messages.success(request, _("That browser is signed out."))
    return redirect("accounts:security")


@require_POST
@login_required
def sessions_sign_out_others(request: HttpRequest) -> HttpResponse:
    sessions_revoke_others(request=request, by=request.user)
    messages.success(request, _("Every other browser is signed out. This one stays logged in."))
    return redirect("accounts:security")
