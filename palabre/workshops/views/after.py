"""After the workshop: evaluation and its results, the report, exports."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from palabre.lib import spreadsheets
from palabre.lib.errors import ConflictError, ServiceError, refuse
from palabre.lib.views import form_add_service_error
from palabre.permissions import workshops as rules
from palabre.workshops import charts, exports, selectors, services
from palabre.workshops.forms import EvaluationForm, ReportForm
from palabre.workshops.models import Evaluation

# Evaluation ---------------------------------------------------------------------------


@login_required
def evaluation(request, pk: int):
    workshop = rules.workshop_for(request.user, pk)
    user = request.user
    if not rules.can_evaluate(user, workshop):
        if rules.can_see_participants(user, workshop):
            refuse(_("Only confirmed participants evaluate the workshop."), status=403)
        raise Http404
    sessions = list(workshop.sessions.all())
    form = EvaluationForm(request.POST or None, sessions=sessions)
    already = Evaluation.objects.filter(workshop=workshop, person=user).exists()
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.evaluation_submit(
                    workshop=workshop,
                    by=user,
                    overall=form.cleaned_data["overall"],
                    most_useful=form.cleaned_data["most_useful"],
                    to_improve=form.cleaned_data["to_improve"],
                    ratings=form.ratings(),
                )
            except ServiceError as error:
                if error.status == 409:
                    raise  # closed, already evaluated…: nothing to correct in the form
                form_add_service_error(form, error)
                status = error.status
            else:
                messages.success(request, _("Thank you for your evaluation!"))
                return redirect(workshop)
        else:
            status = 400
    return render(
        request,
        "workshops/evaluation.html",
        {
            "workshop": workshop,
            "form": form,
            "already": already,
            "is_open": workshop.evaluation_is_open,
        },
        status=status,
    )


def _charts(results: dict):
    return {
        "overall_chart": charts.distribution_bars(
            results["overall_distribution"], title=_("Overall rating: answers per number of stars")
        ),
        "sessions_chart": charts.rating_bars(
            [(row["session"].title, row["average"], row["count"]) for row in results["sessions"]],
            title=_("Average rating of each session, out of 5"),
        ),
    }


@login_required
def evaluation_results(request, pk: int):
    workshop = rules.workshop_for(request.user, pk)
    if not rules.can_see_evaluation_results(request.user, workshop):
        raise Http404
    results = selectors.evaluation_results(workshop)
    return render(
        request,
        "workshops/evaluation_results.html",
        {"workshop": workshop, "results": results, **_charts(results)},
    )


@require_POST
@login_required
def evaluation_toggle(request, pk: int):
    workshop = rules.workshop_for(request.user, pk)
    services.evaluation_close(
        workshop=workshop, by=request.user, closed=request.POST.get("closed") == "1"
    )
    messages.success(
        request,
        _("The evaluation is closed.")
        if request.POST.get("closed") == "1"
        else _("The evaluation is open again."),
    )
    return redirect("workshops:evaluation_results", pk=workshop.pk)


# The report ---------------------------------------------------------------------------


def _report_context(request, workshop) -> dict:
    data = selectors.report_data(workshop, request.user)
    return {
        **data,
        **_charts(data["evaluation"]),
        "can_edit": rules.can_edit_report(request.user, workshop),
        "generated_at": timezone.now(),
    }


def report(request, pk: int):
    workshop = rules.workshop_for(request.user, pk)
    if not rules.can_see_report(request.user, workshop):
        raise Http404
    return render(request, "workshops/report.html", _report_context(request, workshop))


def report_pdf(request, pk: int):
    # lazy: WeasyPrint is slow to import and only the PDF pages need it
    from palabre.workshops.pdf import data_url, render_pdf

    workshop = rules.workshop_for(request.user, pk)
    if not rules.can_see_report(request.user, workshop):
        raise Http404
    context = _report_context(request, workshop)
    for group in context["groups"] + context["presentations"]:
        restitution = group["restitution"]
        group["photos"] = (
            [(data_url(p.preview), p.caption) for p in restitution.photos.all() if p.preview]
            if restitution
            else []
        )
    content = render_pdf("workshops/report_pdf.html", context, request)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="compte-rendu-{workshop.pk}.pdf"'
    return response


@login_required
def report_edit(request, pk: int):
    workshop = rules.workshop_for(request.user, pk)
    if not rules.can_edit_report(request.user, workshop):
        raise Http404
    autosave = request.method == "POST" and request.GET.get("autosave") == "1"
    form = ReportForm(
        request.POST or None,
        initial={
            "introduction": workshop.report_introduction,
            "conclusion": workshop.report_conclusion,
            "version": workshop.report_version,
        },
    )
    status, conflict = 200, None
    if request.method == "POST":
        if form.is_valid():
            try:
                saved = services.report_update(
                    workshop=workshop,
                    by=request.user,
                    introduction=form.cleaned_data["introduction"],
                    conclusion=form.cleaned_data["conclusion"],
                    expected_version=form.cleaned_data.get("version"),
                )
            except ConflictError as error:
                conflict, status = error.current, 409
            except ServiceError as error:
                if not autosave:
                    raise
                return render(
                    request,
                    "workshops/_autosave.html",
                    {"error": error.message},
                    status=error.status,
                )
            else:
                if autosave:
                    return render(
                        request,
                        "workshops/_autosave.html",
                        {
                            "saved": saved,
                            "version": saved.report_version,
                            "time": timezone.localtime(timezone.now(), workshop.tz),
                        },
                    )
                messages.success(request, _("Report saved."))
                return redirect("workshops:report", pk=workshop.pk)
        else:
            status = 400
        if autosave:
            return render(
                request,
                "workshops/_autosave.html",
                {"conflict": conflict is not None, "invalid": status == 400},
                status=status,
            )
    context = {"workshop": workshop, "form": form, "conflict": conflict}
    if conflict is not None:
        form.data = form.data.copy()
        form.data["version"] = conflict.report_version
        context["theirs"] = [
            (_("Introduction"), conflict.report_introduction),
            (_("Conclusion and next steps"), conflict.report_conclusion),
        ]
    return render(request, "workshops/report_form.html", context, status=status)


@require_POST
@login_required
def report_share(request, pk: int):
    workshop = rules.workshop_for(request.user, pk)
    services.report_share(workshop=workshop, by=request.user)
    messages.success(request, _("The report is shared: the participants are told."))
    return redirect("workshops:report", pk=workshop.pk)


# Exports ------------------------------------------------------------------------------


def _exportable(request, pk: int, fmt: str):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    workshop = rules.workshop_for(request.user, pk)
    if not rules.can_export(request.user, workshop):
        raise Http404
    return workshop


def export_participants(request, pk: int, fmt: str):
    workshop = _exportable(request, pk, fmt)
    header, rows = exports.participant_rows(workshop)
    name = f"participants-{workshop.pk}"
    if fmt == "xlsx":
        return spreadsheets.xlsx_response(
            header, rows, filename=f"{name}.xlsx", sheet=_("Participants")
        )
    return spreadsheets.csv_response(header, rows, filename=f"{name}.csv")


def export_actions(request, pk: int, fmt: str):
    workshop = _exportable(request, pk, fmt)
    header, rows = exports.action_rows(workshop)
    name = f"actions-{workshop.pk}"
    if fmt == "xlsx":
        return spreadsheets.xlsx_response(header, rows, filename=f"{name}.xlsx", sheet=_("Actions"))
    return spreadsheets.csv_response(header, rows, filename=f"{name}.csv")
