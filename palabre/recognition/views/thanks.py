"""Pages of recognition: thanks.

- ``thanks/<kind>/<pk>/``: GET lists the thanks on an item (with their messages), POST
  gives one (an optional short message);
- ``thanks/<kind>/<pk>/withdraw/``: POST takes one's own thanks back.

Both forms work without JavaScript (answer with a redirect and a message); with htmx
they answer the item's "merci" box only, swapped in place with its new count.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import path
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from palabre.lib.views import submit
from palabre.permissions import recognition as rules
from palabre.recognition.models import Thanks
from palabre.recognition.selectors import thanks as selectors
from palabre.recognition.services import thanks as services

BOX = "recognition/thanks/_box.html"


class ThanksForm(forms.Form):
    message = forms.CharField(
        label=gettext_lazy("A word with your thanks (optional)"),
        required=False,
        max_length=services.MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": services.MESSAGE_MAX}),
    )


def box_context(
    request: HttpRequest,
    kind: str,
    item: Any,
    summary: selectors.ThanksSummary,
    *,
    form: ThanksForm | None = None,
    note: str = "",
    next_url: str = "",
    can_thank: bool | None = None,
) -> dict[str, Any]:
    """What an item's "merci" box needs (the panels and the views share it)."""
    if can_thank is None:
        can_thank = rules.can_thank(request.user, kind, item)
    return {
        "kind": kind,
        "kind_label": Thanks.Kind(kind).label,
        "item": item,
        "count": summary.count,
        "mine": summary.mine,
        "can_thank": can_thank,
        "form": form,
        "note": note,
        "next": next_url,
        "box_id": f"thanks-{kind}-{item.pk}",
    }


def render_box(request: HttpRequest, kind: str, item: Any, summary: Any, **extra: Any) -> str:
    return render_to_string(BOX, box_context(request, kind, item, summary, **extra), request)


def _next(request: HttpRequest, kind: str, item: Any) -> str:
    """Back where the person was (a page of this site), else to the item."""
    wanted = request.POST.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(
        wanted, {request.get_host()}, request.is_secure()
    ):
        return wanted
    return selectors.thanked_item_url(kind, item)


def _box_response(
    request: HttpRequest, kind: str, item: Any, *, status: int = 200, **extra: Any
) -> HttpResponse:
    summary = selectors.thanks_summary_of(request.user, kind, item)
    html = render_box(request, kind, item, summary, next_url=_next(request, kind, item), **extra)
    return HttpResponse(html, status=status)


def _list_page(
    request: HttpRequest, kind: str, item: Any, *, form: ThanksForm | None = None, status: int = 200
) -> HttpResponse:
    summary = selectors.thanks_summary_of(request.user, kind, item)
    context = box_context(request, kind, item, summary, form=form, next_url=request.path)
    context.update(
        title=selectors.thanked_item_title(kind, item),
        item_url=selectors.thanked_item_url(kind, item),
        thanks=selectors.thanks_on(request.user, kind, item),
    )
    return render(request, "recognition/thanks/list.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@vary_on_headers("HX-Request")
def thanks(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """GET: who said thank you for this item, with their words. POST: say thank you."""
    item = rules.thanks_target_for(request.user, kind, pk)
    if request.method != "POST":
        return _list_page(request, kind, item)
    if not request.user.is_authenticated:
        return redirect_to_login(selectors.thanked_item_url(kind, item))
    form = ThanksForm(request.POST)
    done = submit(
        form,
        lambda: services.thanks_give(
            kind=kind, item=item, by=request.user, message=form.cleaned_data["message"]
        ),
    )
    if not done.ok and done.status == 404:
        raise Http404
    if not done.ok:
        if request.htmx:
            return _box_response(request, kind, item, status=done.status, form=form)
        return _list_page(request, kind, item, form=form, status=done.status)
    if done.value.duplicate:
        note = _("You already said thank you for “%(title)s”: it counts once.") % {
            "title": selectors.thanked_item_title(kind, item)
        }
    else:
        note = _("Thank you sent. They are told.")
    if request.htmx:
        return _box_response(request, kind, item, note=note)
    (messages.info if done.value.duplicate else messages.success)(request, note)
    return redirect(_next(request, kind, item))


@require_POST
@login_required
@vary_on_headers("HX-Request")
def withdraw(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Take one's own thanks back (nothing happens if it was already withdrawn)."""
    item = rules.thanks_target_for(request.user, kind, pk)
    mine = selectors.thanks_mine(request.user, kind, item)
    if mine is not None and services.thanks_withdraw(thanks=mine, by=request.user):
        note = _("Your thanks is withdrawn.")
    else:
        note = _("You had not thanked for this, or your thanks was already withdrawn.")
    if request.htmx:
        return _box_response(request, kind, item, note=note)
    messages.success(request, note)
    return redirect(_next(request, kind, item))


urlpatterns = [
    path("thanks/<str:kind>/<int:pk>/", thanks, name="thanks"),
    path("thanks/<str:kind>/<int:pk>/withdraw/", withdraw, name="thanks_withdraw"),
]
