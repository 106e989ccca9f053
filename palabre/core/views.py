"""The home page, health check, error pages, and e-mails that could not be delivered."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_POST

from palabre.core.mail import email_retry
from palabre.core.models import OutgoingEmail
from palabre.core.tasks import queue_health
from palabre.lib.views import submit
from palabre.permissions import core as rules


def home(request):
    return render(request, "core/home.html")


@never_cache
def health(request):
    """For monitors: 200 while the database answers and the queue is being worked, else
    503 with a reason. Ages and counts only, nothing about anyone."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        report = queue_health()
    except DatabaseError:
        return JsonResponse({"status": "error", "reason": "database unavailable"}, status=503)
    return JsonResponse(report, status=200 if report["status"] == "ok" else 503)


def _undelivered_page(request, *, status: int = 200):
    undelivered = (
        rules.undelivered_emails_visible_to(request.user)
        .defer("body_text", "body_html", "headers")
        .order_by("-created_at", "-pk")
    )
    retrying = rules.outgoing_emails_visible_to(request.user).filter(
        status=OutgoingEmail.Status.QUEUED, attempts__gt=0
    )
    context = {
        "page": Paginator(undelivered, 50).get_page(request.GET.get("page")),
        "retrying": retrying.count(),
        "next_retry": retrying.order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first(),
    }
    return render(request, "core/emails_undelivered.html", context, status=status)


@never_cache
def emails_undelivered(request):
    """E-mails given up or perhaps never delivered, for network admins to send again."""
    if not rules.can_manage_email_delivery(request.user):
        raise Http404
    return _undelivered_page(request)


@require_POST
def email_retry_view(request, pk: int):
    email = rules.outgoing_email_for(request.user, pk)
    form = forms.Form(request.POST)
    done = submit(form, lambda: email_retry(email=email, by=request.user))
    if done.ok:
        messages.success(
            request, _("The e-mail will be sent again in a moment, with the same Message-ID.")
        )
        return redirect("core:emails_undelivered")
    for error in form.non_field_errors():
        messages.error(request, error)
    return _undelivered_page(request, status=done.status)


def csrf_failure(request, reason=""):
    """The form was too old or came from elsewhere: say so plainly, keep the 403."""
    return render(request, "core/csrf_failure.html", status=403)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    # A plain template with no context processors: whatever broke must not break this too.
    template = loader.get_template("500.html")
    language = getattr(request, "LANGUAGE_CODE", "fr")
    return HttpResponseServerError(template.render({"LANGUAGE_CODE": language}))
