"""Palabre's JSON API, version 1, under /api/v1/ — the same services and permission rules as the pages.

Every answer is JSON, errors included (`{"detail": "…"}`, in the caller's language when the
message is ours): bad input 400, no or invalid token 401, refused 403, what one may not see
404 (an unknown path too), a wrong method 405, our own failure 500.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.core import signals
from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.urls import URLPattern, re_path
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.openapi.schema import OpenAPISchema
from ninja.parser import Parser
from ninja.security import django_auth

from palabre.accounts.api_auth import TokenAuth
from palabre.lib.api import anonymous
from palabre.lib.errors import ServiceError

logger = logging.getLogger("django.request")


class NulCharacterError(ValueError):
    """Text with the NUL character, which no database column stores."""


class NotAnObjectError(ValueError):
    """A body that is JSON but not an object (every body the API reads is one)."""


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


class StrictParser(Parser):
    """JSON bodies (objects) and query strings, refusing the NUL character (PostgreSQL
    cannot store it)."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        data = json.loads(request.body)
        if not isinstance(data, dict):
            raise NotAnObjectError
        if _has_nul(data):
            raise NulCharacterError
        return data  # type: ignore[no-any-return]

    def parse_querydict(
        self, data: QueryDict, list_fields: list[str], request: HttpRequest
    ) -> dict[str, Any]:
        if any(_has_nul(key) or _has_nul(values) for key, values in data.lists()):
            raise NulCharacterError
        return super().parse_querydict(data, list_fields, request)


class Document(OpenAPISchema):
    """The OpenAPI document, which also records the component names given to two different
    schemas (django-ninja keeps the last one, so one of them would be documented wrong)."""

    def __init__(self, api: NinjaAPI, path_prefix: str) -> None:
        self.clashes: dict[str, list[dict]] = {}
        super().__init__(api, path_prefix)
        self._add_common_errors()

    def add_schema_definitions(self, definitions: dict) -> None:
        for name, schema in definitions.items():
            known = self.schemas.get(name)
            if known is not None and known != schema:
                self.clashes.setdefault(name, [known]).append(schema)
        super().add_schema_definitions(definitions)

    def _add_common_errors(self) -> None:
        """The errors every operation may answer, documented where the route does not say."""
        error = {
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}
        }
        described = {
            400: "Bad input",
            401: "The token sent is not valid",
            403: "Refused (from the browser: the CSRF token is missing)",
            404: "Not found, or not yours to see",
        }
        for operations in self["paths"].values():
            for method, operation in operations.items():
                # Without a token, the API answers as to an anonymous visitor.
                if operation.get("security") and {} not in operation["security"]:
                    operation["security"].append({})
                responses = operation["responses"]
                parameters = operation.get("parameters") or []
                # What a person may not see answers 404, lists kept for members included.
                wanted = [401, 404]
                if parameters or "requestBody" in operation:
                    wanted.append(400)
                if method != "get":
                    wanted.append(403)
                for status in wanted:
                    if status not in responses and str(status) not in responses:
                        responses[status] = {"description": described[status], **error}


class PalabreAPI(NinjaAPI):
    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict | None = None
    ) -> OpenAPISchema:
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        return Document(api=self, path_prefix=path_prefix)

    def _get_urls(self) -> list:
        urls = super()._get_urls()
        for pattern in urls:
            if isinstance(pattern, URLPattern):
                pattern.callback = _json_errors(pattern.callback)
        # Last, so that it answers only the paths no route matched.
        urls.append(re_path(r"^.*$", _unknown_path, name="unknown"))
        return urls


api = PalabreAPI(
    title="Palabre API",
    version="1",
    description=(
        "Practices and organisations of the Palabre network. Authenticate with a personal "
        "token (`Authorization: Bearer …`, created on /tokens/); without one, the API answers "
        "as to an anonymous visitor. From the browser, the session works too (with the CSRF "
        "token for writes). What a person may not see answers 404. Every answer is JSON, "
        'errors too: `{"detail": "…"}`, in your language when the message is Palabre\'s; bad '
        'input (400) adds `"errors"`, one per value that is not valid.'
    ),
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
    auth=[TokenAuth(), django_auth, anonymous],
    parser=StrictParser(),
)


def _language(request: HttpRequest) -> str:
    """The caller's language: their own when a token says who they are, else the page's."""
    user = getattr(request, "auth", None)
    chosen = getattr(user, "language", "") if getattr(user, "is_authenticated", False) else ""
    return chosen or translation.get_language()


@contextmanager
def _in_their_language(request: HttpRequest) -> Iterator[None]:
    with translation.override(_language(request)):
        yield


def _error(request: HttpRequest, status: int, detail: Any, **extra: Any) -> HttpResponse:
    with _in_their_language(request):
        return api.create_response(request, {"detail": str(detail), **extra}, status=status)


def _speaking_their_language(view: Callable) -> Callable:
    """A route's own messages (gettext in the view) in the caller's language."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        with _in_their_language(request):
            return view(request, *args, **kwargs)

    return wrapped


api.add_decorator(_speaking_their_language, mode="operation")


@api.exception_handler(ServiceError)
def service_error(request: HttpRequest, exc: ServiceError) -> HttpResponse:
    return _error(request, exc.status, exc.message)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error(request, 404, gettext_lazy("Not found."))


@api.exception_handler(AuthenticationError)
def unauthorised(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _error(request, 401, gettext_lazy("Invalid or revoked token."))


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return _error(request, 403, gettext_lazy("You may not do this."))


def _field(loc: list | tuple) -> str:
    parts = [str(part) for part in loc]
    if len(parts) > 2 and parts[0] == "body":
        parts = parts[2:]  # the body's parameter name says nothing to the caller
    elif len(parts) > 1:
        parts = parts[1:]
    return ".".join(parts)


@api.exception_handler(ValidationError)
def bad_input(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = [
        {"loc": list(error["loc"]), "msg": str(error["msg"]), "type": str(error["type"])}
        for error in exc.errors
    ]
    with _in_their_language(request):
        fields = ", ".join(dict.fromkeys(_field(error["loc"]) for error in errors))
        detail = _("These values are not valid: %(fields)s.") % {"fields": fields}
    return _error(request, 400, detail, errors=errors)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if isinstance(exc.__cause__, NulCharacterError):
        detail = gettext_lazy("Text may not contain the NUL character (\\u0000).")
    elif isinstance(exc.__cause__, NotAnObjectError):
        detail = gettext_lazy("The request body must be a JSON object: {…}.")
    elif exc.status_code == 400:
        detail = gettext_lazy("The request body is not valid JSON.")
    elif exc.status_code == 403:
        detail = gettext_lazy(
            "The CSRF token is missing or wrong: reload the page, or send a token."
        )
    elif exc.status_code == 429:
        detail = gettext_lazy("Too many requests: wait a little, then try again.")
    else:
        detail = str(exc)
    return _error(request, exc.status_code, detail)


@api.exception_handler(NulCharacterError)
def nul_character(request: HttpRequest, exc: NulCharacterError) -> HttpResponse:
    return _error(request, 400, gettext_lazy("Text may not contain the NUL character (\\u0000)."))


@api.exception_handler(SuspiciousOperation)
def suspicious(request: HttpRequest, exc: SuspiciousOperation) -> HttpResponse:
    if isinstance(exc, RequestDataTooBig):
        return _error(request, 413, gettext_lazy("The request is too large."))
    logging.getLogger(f"django.security.{exc.__class__.__name__}").error(str(exc))
    return _error(request, 400, gettext_lazy("Bad request."))


@api.exception_handler(Exception)
def server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    """Our own failure: logged as Django logs it (and shown to the tests' client), then JSON."""
    logger.error(
        "Internal Server Error: %s",
        request.path,
        exc_info=exc,
        extra={"status_code": 500, "request": request},
    )
    # As Django does for a view's exception: the test client re-raises it, error
    # reporters see it.
    signals.got_request_exception.send(sender=None, request=request)
    response = _error(
        request,
        500,
        gettext_lazy("Something went wrong on our side. It is logged; try again later."),
    )
    response._has_been_logged = True  # type: ignore[attr-defined]
    return response


def _json_errors(view: Callable) -> Callable:
    """The few answers django-ninja gives outside its exception handlers, as JSON: a wrong
    method (405), and a path value no database stores (NUL) as not found."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if any(_has_nul(value) for value in kwargs.values()):
            return _error(request, 404, gettext_lazy("Not found."))
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and not response.get("Content-Type", "").startswith(
            "application/json"
        ):
            allowed = ", ".join(sorted(m.strip() for m in response.get("Allow", "").split(",")))
            with _in_their_language(request):
                detail = _("This method is not allowed here (allowed: %(methods)s).") % {
                    "methods": allowed
                }
            response = _error(request, 405, detail)
            response["Allow"] = allowed
        return response

    return wrapped


@csrf_exempt
def _unknown_path(request: HttpRequest) -> HttpResponse:
    return _error(request, 404, gettext_lazy("There is nothing at this address of the API."))


def _add_routers() -> None:
    """Each app with an `api.py` module exposing `routers` ({prefix: Router}) adds its routes."""
    import importlib

    from django.apps import apps

    for config in apps.get_app_configs():
        if not config.name.startswith("palabre."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.api")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.api":
                raise
            continue
        for prefix, router in module.routers.items():
            api.add_router(prefix, router)


_add_routers()
