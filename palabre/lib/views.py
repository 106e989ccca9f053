"""Small pieces shared by views of several apps."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from palabre.lib.errors import ServiceError


class BadRequestOnInvalidForm:
    """Class-based form views answer 400, not 200, when the form has errors."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


def render_form(request, template: str, context: dict, *, invalid: bool = False) -> HttpResponse:
    return render(request, template, context, status=400 if invalid else 200)


def service_error_page(request, error: ServiceError) -> HttpResponse:
    return render(request, "core/problem.html", {"message": error.message}, status=error.status)


def form_add_service_error(form, error: ServiceError) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, str(error.message))
