"""Palabre's JSON API, version 1, under /api/v1/ — the same services and permission rules as the pages."""

from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.security import django_auth

from palabre.accounts.api_auth import TokenAuth
from palabre.lib.api import anonymous
from palabre.lib.errors import ServiceError

api = NinjaAPI(
    title="Palabre API",
    version="1",
    description=(
        "Practices and organisations of the Palabre network. Authenticate with a personal "
        "token (`Authorization: Bearer …`, created on /tokens/); without one, the API answers "
        "as to an anonymous visitor. From the browser, the session works too (with the CSRF "
        "token for writes). What a person may not see answers 404."
    ),
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
    auth=[TokenAuth(), django_auth, anonymous],
)


@api.exception_handler(ServiceError)
def service_error(request, exc: ServiceError):
    return api.create_response(request, {"detail": str(exc.message)}, status=exc.status)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Not found."}, status=404)


@api.exception_handler(AuthenticationError)
def unauthorised(request, exc):
    return api.create_response(request, {"detail": "Invalid or revoked token."}, status=401)


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
