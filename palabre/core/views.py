"""The home page, health check and error pages."""

from __future__ import annotations

from django.db import connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token


def home(request):
    return render(request, "core/home.html")


@never_cache
def health(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


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
