"""The demo's e-mails, on a page: `palabre run --demo` writes them to files in the data
folder instead of printing them in the terminal, and /demo/emails/ lists them for the
people who may read them (palabre.permissions.core, ``demo_emails_visible_to``)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from palabre.permissions import core as rules


@never_cache
def demo_emails(request):
    """Outside the demo this page does not exist; in it, logging in shows one's e-mails."""
    if not getattr(settings, "DEMO", False):
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not rules.can_view_demo_emails(request.user):
        raise Http404
    emails = rules.demo_emails_visible_to(request.user).order_by("-created_at", "-pk")
    page = Paginator(emails, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "core/demo_emails.html",
        {"page": page, "folder": getattr(settings, "EMAIL_FILE_PATH", "")},
    )
