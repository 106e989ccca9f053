"""Pages of personal data.

"My data" (a person's own): ask for the archive of everything Palabre holds about them,
download it (both after confirming who they are, recently), ask for their account to be
erased (confirmed with their password) or withdraw that request. The erasure requests
(network administrators only; 404 for anyone else): the list, one request, carrying it out
(after confirming who they are) or refusing it with a reason.
"""

from __future__ import annotations

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from palabre.accounts.reauth import reauthentication_required
from palabre.lib.errors import ServiceError, refuse
from palabre.lib.views import submit
from palabre.permissions import privacy as rules
from palabre.privacy import selectors, services
from palabre.privacy.forms import ErasureRequestForm, RefusalForm
from palabre.privacy.models import DataExport, ErasureRequest


@login_required
@vary_on_headers("HX-Request")
def index(request):
    """My data: the archives, and erasing my account."""
    user = request.user
    exports = selectors.exports_of(user)
    context = {
        "exports": exports,
        "preparing": any(e.status == DataExport.Status.REQUESTED for e in exports),
        "requests": selectors.own_requests(user),
        "pending": selectors.own_requests(user)
        .filter(status=ErasureRequest.Status.PENDING)
        .first(),
        "can_handle": rules.can_handle_erasure_requests(user),
        "export_days": settings.PRIVACY_EXPORT_DAYS,
    }
    if context["can_handle"]:
        context["waiting"] = (
            rules.erasure_requests_visible_to(user)
            .filter(status=ErasureRequest.Status.PENDING)
            .count()
        )
    if request.htmx:
        return render(request, "privacy/index.html#exports", context)
    return render(request, "privacy/index.html", context)


@require_http_methods(["GET", "POST"])
@reauthentication_required
def export_request(request):
    """POST asks for the archive; a GET (back from confirming who one is) shows My data."""
    if request.method == "POST":
        services.data_export_request(person=request.user, by=request.user)
        messages.success(
            request,
            _(
                "Your archive is being prepared. It appears below in a moment, and you will "
                "be notified when it is ready."
            ),
        )
    return redirect("privacy:index")


@reauthentication_required
def export_download(request, pk: int):
    export = rules.data_export_for(request.user, pk)
    services.data_export_downloaded(export=export, by=request.user)
    day = timezone.localdate(export.built_at).isoformat()
    response = FileResponse(
        export.file.open("rb"),
        as_attachment=True,
        filename=f"palabre-data-{day}.zip",
        content_type="application/zip",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _locked_out(request) -> bool:
    return bool(AxesProxyHandler.is_locked(request, {"username": request.user.email}))


@login_required
@require_http_methods(["GET", "POST"])
def erasure_request(request):
    """Ask for my account to be erased (GET: the form; POST: the request)."""
    user = request.user
    pending = selectors.own_requests(user).filter(status=ErasureRequest.Status.PENDING).first()
    if pending is not None:
        return redirect("privacy:index")
    form = ErasureRequestForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if _locked_out(request):
            refuse(
                _(
                    "Too many wrong passwords for this account from your connection. Wait "
                    "15 minutes before trying again."
                ),
                status=429,
            )

        def create():
            try:
                return services.erasure_request_create(
                    person=user,
                    by=user,
                    password=form.cleaned_data["password"],
                    reason=form.cleaned_data["reason"],
                )
            except ServiceError as error:
                if error.field == "password":  # counted like a wrong password at login
                    user_login_failed.send(
                        sender=__name__, credentials={"username": user.email}, request=request
                    )
                raise

        done = submit(form, create)
        if done.ok:
            messages.success(
                request,
                _(
                    "Your request is sent. A network administrator will handle it; you will "
                    "receive an e-mail once your account is erased."
                ),
            )
            return redirect("privacy:index")
        status = done.status
    return render(request, "privacy/erase.html", {"form": form}, status=status)


@require_POST
@login_required
def erasure_withdraw(request, pk: int):
    erasure = rules.erasure_request_for(request.user, pk)
    if erasure.person_id != request.user.pk:
        raise Http404
    services.erasure_request_withdraw(request=erasure, by=request.user)
    messages.success(request, _("Your request is withdrawn: your account stays as it is."))
    return redirect("privacy:index")


# Network administrators ----------------------------------------------------------


def requests(request):
    if not rules.can_handle_erasure_requests(request.user):
        raise Http404
    return render(
        request,
        "privacy/admin/requests.html",
        {"requests": selectors.requests_to_handle(request.user)[:200]},
    )


def _detail(request, erasure, *, refusal_form=None, status=200):
    person = erasure.person
    context = {
        "erasure": erasure,
        "person": person,
        "can_decide": rules.can_decide(request.user, erasure),
        "preview": selectors.erasure_preview(person) if erasure.is_pending else None,
        "refusal_form": refusal_form or RefusalForm(),
    }
    return render(request, "privacy/admin/request.html", context, status=status)


def request_detail(request, pk: int):
    return _detail(request, rules.handled_erasure_request_for(request.user, pk))


@require_http_methods(["GET", "POST"])
def request_carry_out(request, pk: int):
    """GET asks to confirm (nothing changes); POST erases the account. Anyone but a
    network administrator gets 404 before being asked to confirm who they are."""
    erasure = rules.handled_erasure_request_for(request.user, pk)
    return _carry_out(request, erasure)


@reauthentication_required
def _carry_out(request, erasure):
    if request.method == "GET":
        if not rules.can_decide(request.user, erasure):
            return redirect(erasure)
        return render(
            request,
            "privacy/admin/carry_out.html",
            {"erasure": erasure, "preview": selectors.erasure_preview(erasure.person)},
        )
    services.erasure_carry_out(request=erasure, by=request.user)
    messages.success(
        request,
        _("The account is erased. Its person now appears as a former member."),
    )
    return redirect(erasure)


@require_POST
def request_refuse(request, pk: int):
    erasure = rules.handled_erasure_request_for(request.user, pk)
    form = RefusalForm(request.POST)
    done = submit(
        form,
        lambda: services.erasure_request_refuse(
            request=erasure, by=request.user, reason=form.cleaned_data["reason"]
        ),
    )
    if done.ok:
        messages.success(request, _("The request is refused; the person is told why."))
        return redirect(erasure)
    erasure.refresh_from_db()
    return _detail(request, erasure, refusal_form=form, status=done.status)
