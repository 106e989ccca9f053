"""The data-saver setting: a person on a costly connection chooses to load no image until
they tap it. The choice is a cookie, so that it works the same for anonymous visitors and
members (and on a shared phone it belongs to the phone, not to an account); without a
choice, the browser's own ``Save-Data: on`` request header decides."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy

COOKIE = "palabre_data_saver"
ON, OFF = "on", "off"
# A year: the choice is about the phone's connection, which rarely changes.
COOKIE_AGE = 365 * 24 * 3600


def is_on(request: HttpRequest | None) -> bool:
    """Does this visitor save data: by their own choice, else by their browser's header?"""
    if request is None:
        return False
    chosen = request.COOKIES.get(COOKIE)
    if chosen in (ON, OFF):
        return chosen == ON
    return request.headers.get("Save-Data", "").strip().lower() == "on"


class DataSaverForm(forms.Form):
    saver = forms.TypedChoiceField(
        label=gettext_lazy("Images"),
        choices=[
            (ON, gettext_lazy("Data saver: show an image only when I tap it")),
            (OFF, gettext_lazy("Show images")),
        ],
        widget=forms.RadioSelect,
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput)


def _next(request: HttpRequest, value: str) -> str:
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return "/"


def data_saver(request: HttpRequest) -> HttpResponse:
    """A small form: data saver on or off, for this phone."""
    if request.method == "POST":
        form = DataSaverForm(request.POST)
        if form.is_valid():
            response = redirect(_next(request, form.cleaned_data["next"]))
            response.set_cookie(
                COOKIE,
                form.cleaned_data["saver"],
                max_age=COOKIE_AGE,
                secure=request.is_secure(),
                httponly=True,
                samesite="Lax",
            )
            return response
        status = 400
    else:
        form = DataSaverForm(
            initial={"saver": ON if is_on(request) else OFF, "next": request.GET.get("next", "")}
        )
        status = 200
    context = {
        "form": form,
        "is_on": is_on(request),
        "from_browser": COOKIE not in request.COOKIES and is_on(request),
        "next": _next(request, request.GET.get("next") or request.POST.get("next", "")),
    }
    response = render(request, "core/data_saver.html", context, status=status)
    response["Vary"] = "Cookie, Save-Data"
    return response
