"""What happens when someone logs in or out: a fresh proof of identity for
re-authentication, and the browser recorded on (or removed from) their Security page."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver

from palabre.accounts.middleware import AccountSecurityMiddleware
from palabre.accounts.models import UserSession
from palabre.accounts.reauth import mark_reauthenticated
from palabre.accounts.sessions import session_record


@receiver(user_logged_in, dispatch_uid="palabre.accounts.on_login")
def on_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        mark_reauthenticated(request)
        if request.session.session_key is None:
            request.session.save()
        session_record(request, user)
        AccountSecurityMiddleware.remember_state(request, user)


@receiver(user_logged_out, dispatch_uid="palabre.accounts.on_logout")
def on_logout(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    key = getattr(getattr(request, "session", None), "session_key", None)
    if key:
        UserSession.objects.filter(session_key=key).delete()
