"""Small pieces shared by views of several apps."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from palabre.lib.errors import ServiceError

if TYPE_CHECKING:
    from django.views.generic.edit import FormMixin

    # A mixin for form views: type-checked as one, a plain object at run time.
    _FormView = FormMixin[Any]
else:
    _FormView = object


class BadRequestOnInvalidForm(_FormView):
    """Class-based form views answer 400, not 200, when the form has errors."""

    def form_invalid(self, form: Any) -> HttpResponse:
        response = super().form_invalid(form)
        response.status_code = 400
        return response


def render_form(
    request: HttpRequest, template: str, context: dict[str, Any], *, invalid: bool = False
) -> HttpResponse:
    return render(request, template, context, status=400 if invalid else 200)


def service_error_page(request: HttpRequest, error: ServiceError) -> HttpResponse:
    return render(request, "core/problem.html", {"message": error.message}, status=error.status)


def form_add_service_error(form: Any, error: ServiceError) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, str(error.message))


@dataclass
class Submitted:
    """What became of a form sent to a service: ``ok`` with the service's ``value``, or
    not ok with the HTTP ``status`` to answer (400 for a form with errors, the service's
    own status for a refusal, whose message is then on the form)."""

    ok: bool
    value: Any = None
    status: int = 200


def submit(form: Any, action: Callable[[], Any]) -> Submitted:
    """Validate ``form``, then call ``action`` (which calls one service).

    The repeated view shape "valid? call the service, put its refusal on the form, answer
    with its status" in one place::

        done = submit(form, lambda: services.thing_create(by=request.user, **form.cleaned_data))
        if done.ok:
            return redirect(done.value)
        return render(request, template, {"form": form}, status=done.status)
    """
    if not form.is_valid():
        return Submitted(ok=False, status=400)
    try:
        return Submitted(ok=True, value=action())
    except ServiceError as error:
        form_add_service_error(form, error)
        return Submitted(ok=False, status=error.status)
