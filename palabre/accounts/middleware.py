"""Apply a logged-in person's language preference to every page they see, and the
account security rules (two-step login) on every request."""

import time

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponseRedirect, JsonResponse
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from palabre.accounts import mfa
from palabre.accounts.mfa import VERIFIED_KEY
from palabre.accounts.sessions import session_touch


class UserLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return self.get_response(request)


class AccountSecurityMiddleware:
    """For logged-in people, on every request (after authentication and messages):

    - notes, at most every few minutes, that this browser is still in use (Security page);
    - a session of someone who uses two-step login but did not pass it in this browser
      (it was turned on elsewhere) is logged out, to log in again with a code;
    - network admins, facilitators and organisation administrators without two-step
      login are sent to set it up before any other page (the API answers 403 in JSON).
    What the database says is rechecked every few minutes, not on every request.
    """

    STATE_KEY = "palabre_mfa_state"
    RECHECK_SECONDS = 5 * 60
    EXEMPT = {
        "accounts:mfa_setup",
        "accounts:mfa_codes",
        "accounts:reauthenticate",
        "accounts:logout",
        "accounts:set_language",
        "accounts:login",
        "core:health",
    }

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            response = self.check(request, user)
            if response is not None:
                return response
        return self.get_response(request)

    def state(self, request, user) -> tuple[bool, bool]:
        saved = request.session.get(self.STATE_KEY)
        if isinstance(saved, list) and len(saved) == 3:
            checked_at, has_device, required = saved
            if time.time() - checked_at < self.RECHECK_SECONDS and (has_device or not required):
                return bool(has_device), bool(required)
        return self.remember_state(request, user)

    @classmethod
    def remember_state(cls, request, user) -> tuple[bool, bool]:
        """Look up (and keep in the session) whether the person uses two-step login and
        whether their role requires it. Done at login too, so pages cost no query."""
        has_device, required = mfa.has_mfa(user), mfa.mfa_required_for(user)
        request.session[cls.STATE_KEY] = [int(time.time()), has_device, required]
        return has_device, required

    def check(self, request, user):
        session_touch(request)
        has_device, required = self.state(request, user)
        if has_device and not request.session.get(VERIFIED_KEY):
            logout(request)
            messages.info(
                request, _("Two-step login is now on for your account: log in again with a code.")
            )
            return HttpResponseRedirect(reverse("accounts:login"))
        if not required or has_device:
            return None
        try:
            name = resolve(request.path_info).view_name
        except Resolver404:
            name = ""
        if name in self.EXEMPT or request.path_info.startswith(("/static/", "/media/")):
            return None
        message = _(
            "Your role in the network requires two-step login. Set it up on your "
            "Security page before going on."
        )
        if request.path_info.startswith("/api/"):
            return JsonResponse({"detail": message}, status=403)
        setup = reverse("accounts:mfa_setup")
        if request.method == "GET" and not request.headers.get("HX-Request"):
            from urllib.parse import urlencode

            setup += "?" + urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(setup)
