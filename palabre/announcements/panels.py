"""What announcements add to every page: the banner (slot "banner" of base.html) and the
member's home (slot "home_needs"). Both read through ``banner.shown_to``: no query on a
common page (palabre/announcements/banner.py)."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string

from palabre.announcements import banner
from palabre.lib import panels
from palabre.permissions import is_member

HOME = "core:home"


def _on_home(request: HttpRequest) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and match.view_name == HOME


@panels.register("banner", order=10)
def banner_panel(request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    if not is_member(user) or _on_home(request):
        return ""  # anonymous visitors get none (their pages may be cached); home has its own
    shown = banner.shown_to(user)
    if not shown:
        return ""
    return render_to_string(
        "announcements/_banner.html",
        {"announcements": shown, "next": request.get_full_path()},
        request=request,
    )


@panels.register("home_needs", order=60)
def home_panel(request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    if not is_member(user):
        return ""
    shown = banner.shown_to(user)
    manages = banner.manages(user)
    if not shown and not manages:
        return ""
    return render_to_string(
        "announcements/_home_needs.html",
        {"announcements": shown, "manages": manages, "next": request.get_full_path()},
        request=request,
    )
