"""Pages of recognition: attestations.

"My attestations" (ask for one, list them), one attestation (its holder only: others get
404), its PDF, revoking it, and the public verification page: anyone, without an
account, reads there what an attestation states and that it is genuine — or that it is
not valid (unknown or changed code: 404; revoked: 410), and nothing else.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.http.response import FileResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from palabre.lib.errors import refuse
from palabre.lib.views import submit
from palabre.permissions import recognition as rules
from palabre.recognition.models import Attestation
from palabre.recognition.pdf import qr_svg, verification_url
from palabre.recognition.selectors import attestations as selectors
from palabre.recognition.services import attestations as services


class AttestationRequestForm(forms.Form):
    period_start = forms.DateField(
        label=gettext_lazy("First day"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    period_end = forms.DateField(
        label=gettext_lazy("Last day"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=gettext_lazy("Today at the latest."),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the attestation"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
    )


def _initial(user: Any) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "period_start": date(today.year - 1, today.month, 1),
        "period_end": today,
        "language": getattr(user, "language", "") or settings.LANGUAGE_CODE,
    }


def _with_addresses(attestations: Any) -> list[Attestation]:
    found = list(attestations)
    for attestation in found:
        attestation.verification_url = verification_url(attestation)
    return found


@login_required
@vary_on_headers("HX-Request")
@require_http_methods(["GET", "POST"])
def index(request):
    """My attestations: ask for one, and the list (its status, PDF, verification address)."""
    user = request.user
    form = AttestationRequestForm(request.POST or None, initial=_initial(user))
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: services.attestation_request(
                person=user,
                by=user,
                period_start=form.cleaned_data["period_start"],
                period_end=form.cleaned_data["period_end"],
                language=form.cleaned_data["language"],
            ),
        )
        if done.ok:
            messages.success(
                request,
                _(
                    "Your attestation is being prepared. It appears below in a moment, and "
                    "you will be notified when it is ready."
                ),
            )
            return redirect("recognition:attestations")
        status = done.status
    attestations = _with_addresses(selectors.attestation_list(user))
    context = {
        "form": form,
        "attestations": attestations,
        "pending": any(a.status == Attestation.Status.REQUESTED for a in attestations),
    }
    if request.htmx and request.method == "GET":
        return render(request, "recognition/attestations/index.html#list", context)
    return render(request, "recognition/attestations/index.html", context, status=status)


@login_required
def detail(request, pk: int):
    attestation = rules.attestation_for(request.user, pk)
    url = verification_url(attestation)
    context = {
        "attestation": attestation,
        "statement": selectors.statement_of(attestation) if attestation.statement else None,
        "verification_url": url,
        "qr": qr_svg(url) if attestation.is_valid else "",
    }
    return render(request, "recognition/attestations/detail.html", context)


@login_required
def download(request, pk: int):
    attestation = rules.attestation_for(request.user, pk)
    if attestation.revoked_at is not None:
        refuse(_("This attestation was revoked: its PDF is no longer available."), status=410)
    if not attestation.is_valid or not attestation.pdf:
        raise Http404
    name = f"attestation-palabre-{attestation.period_start}-{attestation.period_end}.pdf"
    response = FileResponse(
        attestation.pdf.open("rb"),
        as_attachment=True,
        filename=name,
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def revoke(request, pk: int):
    """GET asks to confirm (nothing changes); POST revokes."""
    attestation = rules.attestation_for(request.user, pk)
    if request.method == "GET":
        if attestation.revoked_at is not None:
            return redirect(attestation)
        return render(request, "recognition/attestations/revoke.html", {"attestation": attestation})
    services.attestation_revoke(attestation=attestation, by=request.user)
    messages.success(
        request,
        _("Attestation revoked. Its verification address now says that it was revoked."),
    )
    return redirect(attestation)


def verify(request, code: str):
    """Public: is this attestation genuine, and what does it state? Nothing else."""
    attestation = rules.attestation_by_code(code)
    if attestation is not None and attestation.revoked_at is not None:
        response = render(
            request,
            "recognition/attestations/invalid.html",
            {"revoked_at": attestation.revoked_at},
            status=410,
        )
    elif attestation is None or not attestation.is_valid:
        response = render(request, "recognition/attestations/invalid.html", {}, status=404)
    else:
        response = render(
            request,
            "recognition/attestations/verify.html",
            {"attestation": attestation, "statement": selectors.statement_of(attestation)},
        )
    # The code is the key: never indexed, never sent on as a referrer, never cached.
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    add_never_cache_headers(response)
    return response


urlpatterns = [
    path("attestations/", index, name="attestations"),
    path("attestations/<int:pk>/", detail, name="attestation"),
    path("attestations/<int:pk>/pdf/", download, name="attestation_pdf"),
    path("attestations/<int:pk>/revoke/", revoke, name="attestation_revoke"),
    path("attestations/verify/<str:code>/", verify, name="verify"),
]
