"""Turns a service's refusal into the page that explains it, so views need no try/except."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from palabre.lib.errors import ServiceError
from palabre.lib.views import service_error_page


class ServiceErrorMiddleware:
    """A ``ServiceError`` that a view lets through becomes the error page with its status.

    The API (django-ninja) handles its own errors as JSON before they reach this.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, ServiceError):
            return service_error_page(request, exception)
        return None
