"""Pages of adoptions and impact: adoptions, feedback, indicators, dashboards, imports, exports.

Each page fetches what it shows through palabre.permissions.adoptions (404 for what the
person may not see) and calls one service; a refusal the page does not show in its form
becomes the error page (palabre.lib.middleware).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from palabre import permissions
from palabre.adoptions import exports, selectors, services
from palabre.adoptions.forms import (
    AdoptionForm,
    AnswerForm,
    FeedbackForm,
    ImportForm,
    IndicatorForm,
    MeasurementForm,
)
from palabre.adoptions.imports import ImportRejected
from palabre.adoptions.models import Adoption
from palabre.lib import spreadsheets
from palabre.lib.errors import refuse
from palabre.lib.views import submit
from palabre.organisations.models import Organisation
from palabre.permissions import adoptions as rules
from palabre.permissions import organisations as organisation_rules
from palabre.permissions import practices as practice_rules


def _form_page(
    request,
    form: Any,
    action: Callable[[], Any],
    *,
    template: str,
    context: dict,
    saved: str,
    then: Callable[[Any], Any] | None = None,
) -> HttpResponse:
    """The shape of every form page here: show the form; once sent, hand it to one service
    (``action``); done, say ``saved`` and go to ``then(value)`` (the value itself by default);
    refused, show the form again with the service's message and status."""
    status = 200
    if request.method == "POST":
        done = submit(form, action)
        if done.ok:
            messages.success(request, saved)
            return redirect(then(done.value) if then else done.value)
        status = done.status
    return render(request, template, {"form": form, **context}, status=status)


# Adoptions -----------------------------------------------------------------------


@login_required
def index(request):
    """Adoptions this person may see, with the ways to the dashboards and exports."""
    adoptions = rules.adoptions_visible_to(request.user).with_cards()
    status = request.GET.get("status", "")
    if status in Adoption.Status.values:
        adoptions = adoptions.filter(status=status)
    else:
        status = ""
    organisation = None
    if request.GET.get("organisation"):
        organisation = Organisation.objects.filter(slug=request.GET["organisation"]).first()
        if organisation is not None:
            adoptions = adoptions.filter(organisation=organisation)
    page = Paginator(adoptions.order_by("-started_on", "-pk"), 30).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "status": status,
        "statuses": Adoption.Status.choices,
        "organisation": organisation,
        "my_organisations": rules.adopting_organisation_choices(request.user),
        "can_see_network": rules.can_see_network_dashboard(request.user),
    }
    if request.htmx:
        return render(request, "adoptions/index.html#results", context)
    return render(request, "adoptions/index.html", context)


@login_required
def create(request):
    practice = practice_rules.practice_for(request.user, request.GET.get("practice"))
    if not rules.can_record_adoption(request.user, practice):
        refuse(
            _(
                "Only members of an organisation of the network can record an adoption of "
                "a published practice."
            ),
            status=403,
        )
    form = AdoptionForm(request.POST or None, user=request.user)
    return _form_page(
        request,
        form,
        lambda: services.adoption_create(
            by=request.user,
            practice=practice,
            organisation=form.cleaned_data["organisation"],
            **form.values(),
        ),
        template="adoptions/adoption_form.html",
        context={"practice": practice, "reminder_months": _reminder_months()},
        saved=_("Adoption recorded. The practice's authors have been told: they may get in touch."),
    )


def _reminder_months() -> str:
    return get_text_list([str(m) for m in settings.ADOPTIONS_FEEDBACK_REMINDER_MONTHS], _("and"))


def detail(request, pk: int):
    user = request.user
    adoption = rules.adoption_for(user, pk)
    reports = list(
        rules.feedback_visible_to(user)
        .filter(adoption=adoption)
        .select_related("addressed_in", "answered_by", "created_by")
    )
    hidden = adoption.reports.count() - len(reports)
    for report in reports:
        # The adoption (with its practice) is already here: the rules and the thanks
        # box read it from each report without a query per report.
        report.adoption = adoption
        report.can_edit = rules.can_edit_feedback(user, report)
        report.can_answer = rules.can_answer_feedback(user, report)
    indicators = selectors.indicators_with_progress(
        rules.indicators_visible_to(user).filter(adoptions=adoption)
    )
    context = {
        "adoption": adoption,
        "practice": adoption.practice,
        "reports": reports,
        "hidden_reports": hidden,
        "indicators": indicators,
        "due": selectors.adoption_feedback_due(adoption),
        "can_edit": rules.can_edit_adoption(user, adoption),
        "can_delete": rules.can_delete_adoption(user, adoption),
        "can_report": rules.can_report_feedback(user, adoption),
        "can_manage_indicators": rules.can_manage_indicators(user, adoption.organisation),
    }
    return render(request, "adoptions/detail.html", context)


@login_required
def edit(request, pk: int):
    adoption = rules.adoption_editable_for(request.user, pk)
    previous = adoption.status
    form = AdoptionForm(request.POST or None, instance=adoption, user=request.user)
    return _form_page(
        request,
        form,
        lambda: services.adoption_update(adoption=adoption, by=request.user, fields=form.values()),
        template="adoptions/adoption_form.html",
        context={"practice": adoption.practice, "adoption": adoption},
        saved=_("Saved."),
        then=lambda updated: _after_edit(request, updated, previous=previous),
    )


def _after_edit(request, adoption: Adoption, *, previous: str) -> Any:
    """An adoption that has just ended, with no report since: on to the final report."""
    if (
        adoption.has_ended
        and previous != adoption.status
        and not adoption.reports.filter(reported_on__gte=adoption.ended_on).exists()
    ):
        messages.info(request, _("Now tell the network how it went: a final feedback report."))
        return reverse("adoptions:feedback_new", args=[adoption.pk])
    return adoption


@require_POST
@login_required
def delete(request, pk: int):
    adoption = rules.adoption_for(request.user, pk)
    services.adoption_delete(adoption=adoption, by=request.user)
    messages.success(request, _("The adoption was removed."))
    return redirect(adoption.practice)


# Feedback ------------------------------------------------------------------------


@login_required
def feedback_new(request, pk: int):
    adoption = rules.adoption_for(request.user, pk)
    if not rules.can_report_feedback(request.user, adoption):
        refuse(
            _(
                "Only members of %(organisation)s can report on its adoption: feedback is "
                "written by the team that put the practice to work."
            )
            % {"organisation": adoption.organisation.short_name},
            status=403,
        )
    form = FeedbackForm(request.POST or None, adoption=adoption)
    milestone = request.GET.get("milestone", "")

    def send():
        values = form.values()
        return services.feedback_create(
            adoption=adoption,
            by=request.user,
            status=values["status"],
            abandon_reason=values["abandon_reason"],
            milestone_months=int(milestone) if milestone.isdigit() else None,
            **values["fields"],
        )

    return _form_page(
        request,
        form,
        send,
        template="adoptions/feedback_form.html",
        context={"adoption": adoption, "milestone": milestone},
        saved=_("Thank you: your feedback was sent to the authors."),
        then=lambda _report: adoption,
    )


@login_required
def feedback_edit(request, pk: int):
    report = rules.feedback_editable_for(request.user, pk)
    adoption = report.adoption
    form = FeedbackForm(request.POST or None, instance=report, adoption=adoption)

    def send():
        values = form.values()
        return services.feedback_update(
            report=report,
            by=request.user,
            fields=values["fields"],
            status=values["status"],
            abandon_reason=values["abandon_reason"],
        )

    return _form_page(
        request,
        form,
        send,
        template="adoptions/feedback_form.html",
        context={"adoption": adoption, "report": report},
        saved=_("Saved."),
    )


@require_POST
@login_required
def feedback_delete(request, pk: int):
    report = rules.feedback_for(request.user, pk)
    services.feedback_delete(report=report, by=request.user)
    messages.success(request, _("The report was removed."))
    return redirect(report.adoption)


@login_required
def feedback_answer(request, pk: int):
    report = rules.feedback_answerable_for(request.user, pk)
    practice = report.adoption.practice
    form = AnswerForm(
        request.POST or None,
        practice=practice,
        initial={"answer": report.answer, "addressed_in": report.addressed_in_id},
    )
    return _form_page(
        request,
        form,
        lambda: services.feedback_answer(
            report=report,
            by=request.user,
            answer=form.cleaned_data["answer"],
            addressed_in=form.cleaned_data["addressed_in"],
        ),
        template="adoptions/answer_form.html",
        context={"report": report, "practice": practice},
        saved=_("Your answer was sent to the team."),
    )


@require_POST
@login_required
def feedback_revise(request, pk: int):
    report = rules.feedback_for(request.user, pk)
    draft = services.feedback_start_revision(report=report, by=request.user)
    messages.info(
        request,
        _(
            "A new version of the practice is open. When it is published, the feedback will "
            "link to it."
        ),
    )
    return redirect("practices:edit", pk=draft.pk, section="identity")


# Dashboards ----------------------------------------------------------------------


def practice_outcomes(request, pk: int):
    """Outcomes across adopters of one practice; names and texts for members only."""
    practice = rules.outcomes_practice_for(request.user, pk)
    user = request.user
    members = rules.can_see_adopters(user)
    outcomes = selectors.practice_outcomes(practice)
    reports = list(selectors.practice_feedback(practice, user=user)) if members else []
    context = {
        "practice": practice,
        "outcomes": outcomes,
        "evidence": selectors.maturity_evidence(practice),
        "positive_effectiveness": settings.ADOPTIONS_POSITIVE_EFFECTIVENESS,
        "members": members,
        "adopters": selectors.practice_adopters(practice, user=user) if members else [],
        "feedback": selectors.grouped_feedback(reports),
        "indicators": selectors.indicators_with_progress(
            rules.indicators_visible_to(user).filter(adoptions__practice=practice).distinct()
        )
        if members
        else [],
        "can_adopt": rules.can_record_adoption(user, practice),
    }
    return render(request, "adoptions/practice_outcomes.html", context)


@login_required
def dashboard(request):
    """The dashboard of one's organisation (or the choice between several)."""
    organisations = list(rules.adopting_organisation_choices(request.user))
    if len(organisations) == 1:
        return redirect("adoptions:organisation", slug=organisations[0].slug)
    if not organisations and rules.can_see_network_dashboard(request.user):
        return redirect("adoptions:network")
    return render(request, "adoptions/dashboard_choice.html", {"organisations": organisations})


@login_required
def organisation_dashboard(request, slug: str):
    organisation = rules.organisation_dashboard_for(request.user, slug)
    data = selectors.organisation_dashboard(organisation, user=request.user)
    own = rules.can_import_measurements(request.user, organisation)
    context = {
        "organisation": organisation,
        **data,
        "can_manage_indicators": rules.can_manage_indicators(request.user, organisation),
        "is_own": own,
        "import_form": ImportForm() if own else None,
    }
    return render(request, "adoptions/organisation_dashboard.html", context)


@login_required
def network_dashboard(request):
    if not rules.can_see_network_dashboard(request.user):
        raise Http404
    data = selectors.network_dashboard()
    data["rankings"] = [
        {
            "title": _("Practices with the best outcomes"),
            "practices": data["best"],
            "tones": "green",
        },
        {
            "title": _("Practices with the worst outcomes"),
            "practices": data["worst"],
            "tones": "red",
        },
    ]
    return render(request, "adoptions/network_dashboard.html", data)


# Indicators and measurements ---------------------------------------------------------


@login_required
def indicators(request):
    visible = rules.indicators_visible_to(request.user)
    if permissions.is_facilitator(request.user) and request.GET.get("all") != "1":
        visible = visible.filter(organisation__in=permissions.org_ids(request.user))
    rows = selectors.indicators_with_progress(visible.order_by("organisation__name", "name"))
    creatable = rules.indicator_organisation_choices(request.user)
    return render(
        request,
        "adoptions/indicators.html",
        {
            "indicators": rows,
            "can_create": creatable.exists(),
            "is_facilitator": permissions.is_facilitator(request.user),
        },
    )


@login_required
def indicator_new(request):
    organisation = None
    if request.GET.get("organisation"):
        organisation = rules.indicator_organisation_for(request.user, request.GET["organisation"])
    if not rules.indicator_organisation_choices(request.user).exists():
        refuse(
            _("Only members and administrators of an organisation define its indicators."),
            status=403,
        )
    form = IndicatorForm(request.POST or None, user=request.user, organisation=organisation)
    return _form_page(
        request,
        form,
        lambda: services.indicator_create(
            by=request.user, organisation=form.cleaned_data["organisation"], **form.values()
        ),
        template="adoptions/indicator_form.html",
        context={},
        saved=_("Indicator created. Now enter its measurements."),
    )


def _indicator_context(request, indicator, *, form=None, import_form=None, errors=None) -> dict:
    measurements = list(
        indicator.measurements.select_related("entered_by").order_by("-measured_on")
    )
    latest = measurements[0] if measurements else None
    can_enter = rules.can_enter_measurements(request.user, indicator)
    return {
        "indicator": indicator,
        "measurements": measurements,
        "latest": latest,
        "progress": indicator.progress(latest.value if latest else None),
        "series": list(reversed([(m.measured_on, m.value) for m in measurements])),
        "adoptions": indicator.adoptions.select_related("practice"),
        "form": form or (MeasurementForm(indicator=indicator) if can_enter else None),
        "import_form": import_form or (ImportForm() if can_enter else None),
        "import_errors": errors or [],
        "can_enter": can_enter,
        "can_manage": rules.can_manage_indicators(request.user, indicator.organisation),
    }


@login_required
def indicator_detail(request, pk: int):
    indicator = rules.indicator_for(request.user, pk)
    form = None
    status = 200
    if request.method == "POST":
        # Facilitators see every indicator, but measurements are the organisation's own.
        if not rules.can_enter_measurements(request.user, indicator):
            refuse(
                _("You can only record measurements on your own organisation's indicators."),
                status=403,
            )
        form = MeasurementForm(request.POST, indicator=indicator)
        done = submit(
            form,
            lambda: services.measurement_add(
                indicator=indicator, by=request.user, **form.cleaned_data
            ),
        )
        if done.ok:
            messages.success(request, _("Measurement recorded."))
            return redirect(indicator)
        status = done.status
    return render(
        request,
        "adoptions/indicator_detail.html",
        _indicator_context(request, indicator, form=form),
        status=status,
    )


@login_required
def indicator_edit(request, pk: int):
    indicator = rules.indicator_editable_for(request.user, pk)
    form = IndicatorForm(request.POST or None, instance=indicator, user=request.user)
    return _form_page(
        request,
        form,
        lambda: services.indicator_update(
            indicator=indicator, by=request.user, fields=form.values()
        ),
        template="adoptions/indicator_form.html",
        context={"indicator": indicator},
        saved=_("Saved."),
    )


@require_POST
@login_required
def indicator_delete(request, pk: int):
    indicator = rules.indicator_for(request.user, pk)
    services.indicator_delete(indicator=indicator, by=request.user)
    messages.success(request, _("The indicator and its measurements were deleted."))
    return redirect("adoptions:organisation", slug=indicator.organisation.slug)


@login_required
def measurement_edit(request, pk: int):
    measurement = rules.measurement_editable_for(request.user, pk)
    indicator = measurement.indicator
    form = MeasurementForm(request.POST or None, instance=measurement, indicator=indicator)
    return _form_page(
        request,
        form,
        lambda: services.measurement_update(
            measurement=measurement, by=request.user, fields=form.cleaned_data
        ),
        template="adoptions/measurement_form.html",
        context={"indicator": indicator, "measurement": measurement},
        saved=_("Saved."),
        then=lambda _measurement: indicator,
    )


@require_POST
@login_required
def measurement_delete(request, pk: int):
    measurement = rules.measurement_for(request.user, pk)
    services.measurement_delete(measurement=measurement, by=request.user)
    messages.success(request, _("The measurement was deleted."))
    return redirect(measurement.indicator)


def _import(request, *, organisation, indicator=None):
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list = []

    def send():
        try:
            return services.measurements_import(
                organisation=organisation,
                by=request.user,
                upload=form.cleaned_data["file"],
                indicator=indicator,
            )
        except ImportRejected as error:
            errors.extend(error.errors)  # every bad line, listed under the form
            raise

    status = 200
    if request.method == "POST":
        done = submit(form, send)
        if done.ok:
            count = len(done.value)
            messages.success(
                request,
                ngettext(
                    "%(count)s measurement imported.", "%(count)s measurements imported.", count
                )
                % {"count": count},
            )
            if indicator is not None:
                return redirect(indicator)
            return redirect("adoptions:organisation", slug=organisation.slug)
        status = done.status
    if indicator is not None:
        return render(
            request,
            "adoptions/indicator_detail.html",
            _indicator_context(request, indicator, import_form=form, errors=errors),
            status=status,
        )
    return render(
        request,
        "adoptions/import.html",
        {
            "form": form,
            "organisation": organisation,
            "errors": errors,
            "indicators": organisation.indicators.all(),
        },
        status=status,
    )


@login_required
def indicator_import(request, pk: int):
    indicator = rules.indicator_measurable_for(request.user, pk)
    if request.method != "POST":
        return redirect(indicator)
    return _import(request, organisation=indicator.organisation, indicator=indicator)


@login_required
def organisation_import(request, slug: str):
    organisation = rules.organisation_import_for(request.user, slug)
    return _import(request, organisation=organisation)


@login_required
def import_template(request, slug: str):
    """A CSV with the column names and one line per indicator, to fill in."""
    organisation = rules.organisation_dashboard_for(request.user, slug)
    names = list(
        rules.indicators_visible_to(request.user)
        .filter(organisation=organisation)
        .values_list("name", flat=True)
    )
    rows = [[name, "", "", "", ""] for name in names] or [["", "", "", "", ""]]
    return spreadsheets.csv_response(
        [_("indicator"), _("date"), _("value"), _("source"), _("comment")],
        rows,
        filename=f"palabre-{organisation.slug}-measurements.csv",
    )


# Exports -------------------------------------------------------------------------

EXPORTS = {
    "adoptions": exports.adoption_rows,
    "feedback": exports.feedback_rows,
    "measurements": exports.measurement_rows,
}


@login_required
def export(request, what: str, fmt: str):
    """Adoptions, feedback or measurements this person may see, as CSV or XLSX."""
    if what not in EXPORTS or fmt not in ("csv", "xlsx"):
        raise Http404
    filters = {}
    if request.GET.get("organisation"):
        filters["organisation"] = organisation_rules.organisation_for(
            request.user, request.GET["organisation"]
        )
    if request.GET.get("practice", "").isdigit():
        filters["practice"] = practice_rules.practice_for(request.user, request.GET["practice"])
    header, rows = EXPORTS[what](user=request.user, **filters)
    name = f"palabre-{what}"
    if "organisation" in filters:
        name += f"-{filters['organisation'].slug}"
    if "practice" in filters:
        name += f"-practice-{filters['practice'].pk}"
    if fmt == "csv":
        return spreadsheets.csv_response(header, rows, filename=f"{name}.csv")
    return spreadsheets.xlsx_response(header, rows, filename=f"{name}.xlsx", sheet=what)
