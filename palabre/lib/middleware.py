"""Turns a service's refusal into the page that explains it, so views need no try/except;
adds the security headers Django has no setting for."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
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


class PermissionsPolicyMiddleware:
    """Sends ``settings.PERMISSIONS_POLICY`` (a dict: feature -> allowed origins, empty
    for none) as the Permissions-Policy header: browser features no page uses stay off,
    even for a script that got in."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        policy: dict[str, list[str]] = getattr(settings, "PERMISSIONS_POLICY", {})
        self.header = ", ".join(
            f"{feature}=({' '.join(origins)})" for feature, origins in policy.items()
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response
