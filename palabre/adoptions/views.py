"""Pages of adoptions and impact: adoptions, feedback, indicators, dashboards, imports, exports."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from palabre import permissions
from palabre.adoptions import conf, exports, selectors, services
from palabre.adoptions.forms import (
    AdoptionForm,
    AnswerForm,
    FeedbackForm,
    ImportForm,
    IndicatorForm,
    MeasurementForm,
)
from palabre.adoptions.imports import ImportRejected
from palabre.adoptions.models import Adoption, FeedbackReport, Indicator, Measurement
from palabre.lib import spreadsheets
from palabre.lib.errors import ServiceError
from palabre.lib.views import form_add_service_error, service_error_page
from palabre.organisations.models import Organisation
from palabre.permissions import adoptions as rules
from palabre.permissions import practices as practice_rules
from palabre.practices.models import Practice

# Finding what a person may open ---------------------------------------------------


def adoption_for(request, pk: int) -> Adoption:
    """The adoption if this person may see it; otherwise 404, as if it did not exist."""
    return get_object_or_404(
        rules.adoptions_visible_to(request.user).select_related(
            "practice__lead_organisation", "organisation", "contact", "revision"
        ),
        pk=pk,
    )


def report_for(request, pk: int) -> FeedbackReport:
    return get_object_or_404(
        rules.feedback_visible_to(request.user).select_related(
            "adoption__practice__lead_organisation", "adoption__organisation", "addressed_in"
        ),
        pk=pk,
    )


def indicator_for(request, pk: int) -> Indicator:
    return get_object_or_404(
        rules.indicators_visible_to(request.user).select_related("organisation"), pk=pk
    )


def practice_for(request, pk: int) -> Practice:
    practice = get_object_or_404(Practice.objects.select_related("lead_organisation"), pk=pk)
    if not practice_rules.can_view(request.user, practice):
        raise Http404
    return practice


def _organisation(request, slug: str) -> Organisation:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not rules.can_see_organisation_dashboard(request.user, organisation):
        raise Http404
    return organisation


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
    my_organisations = Organisation.objects.filter(pk__in=permissions.org_ids(request.user))
    context = {
        "page": page,
        "status": status,
        "statuses": Adoption.Status.choices,
        "organisation": organisation,
        "my_organisations": my_organisations,
        "can_see_network": rules.can_see_network_dashboard(request.user),
    }
    if request.htmx:
        return render(request, "adoptions/index.html#results", context)
    return render(request, "adoptions/index.html", context)


@login_required
def create(request):
    try:
        practice = practice_for(request, int(request.GET.get("practice", "")))
    except ValueError:
        raise Http404 from None
    if not rules.can_record_adoption(request.user, practice):
        return service_error_page(
            request,
            ServiceError(
                _(
                    "Only members of an organisation of the network can record an adoption of "
                    "a published practice."
                ),
                status=403,
            ),
        )
    form = AdoptionForm(request.POST or None, user=request.user)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                adoption = services.adoption_create(
                    by=request.user,
                    practice=practice,
                    organisation=form.cleaned_data["organisation"],
                    **form.values(),
                )
            except ServiceError as error:
                form_add_service_error(form, error)
                status = error.status
            else:
                messages.success(
                    request,
                    _(
                        "Adoption recorded. The practice's authors have been told: they may get in touch."
                    ),
                )
                return redirect(adoption)
        else:
            status = 400
    return render(
        request,
        "adoptions/adoption_form.html",
        {"form": form, "practice": practice, "reminder_months": _reminder_months()},
        status=status,
    )


def _reminder_months() -> str:
    return get_text_list([str(m) for m in conf.reminder_months()], _("and"))


def detail(request, pk: int):
    if not permissions.is_member(request.user):
        raise Http404
    adoption = adoption_for(request, pk)
    user = request.user
    reports = list(
        rules.feedback_visible_to(user)
        .filter(adoption=adoption)
        .select_related("addressed_in", "answered_by", "created_by")
    )
    hidden = adoption.reports.count() - len(reports)
    for report in reports:
        report.can_edit = rules.can_edit_feedback(user, report)
        report.can_answer = rules.can_answer_feedback(user, report)
    indicators = selectors.indicators_with_progress(
        rules.indicators_visible_to(user).filter(adoptions=adoption)
    )
    due = selectors.feedback_due(Adoption.objects.filter(pk=adoption.pk))
    context = {
        "adoption": adoption,
        "practice": adoption.practice,
        "reports": reports,
        "hidden_reports": hidden,
        "indicators": indicators,
        "due": due[0] if due else None,
        "can_edit": rules.can_edit_adoption(user, adoption),
        "can_delete": rules.can_delete_adoption(user, adoption),
        "can_report": rules.can_report_feedback(user, adoption),
        "can_manage_indicators": rules.can_manage_indicators(user, adoption.organisation),
    }
    return render(request, "adoptions/detail.html", context)


@login_required
def edit(request, pk: int):
    adoption = adoption_for(request, pk)
    if not rules.can_edit_adoption(request.user, adoption):
        raise Http404
    form = AdoptionForm(request.POST or None, instance=adoption, user=request.user)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            previous = Adoption.objects.values_list("status", flat=True).get(pk=adoption.pk)
            try:
                updated = services.adoption_update(
                    adoption=adoption, by=request.user, fields=form.values()
                )
            except ServiceError as error:
                form_add_service_error(form, error)
                status = error.status
            else:
                messages.success(request, _("Saved."))
                if (
                    updated.has_ended
                    and previous != updated.status
                    and not updated.reports.filter(reported_on__gte=updated.ended_on).exists()
                ):
                    messages.info(
                        request, _("Now tell the network how it went: a final feedback report.")
                    )
                    return redirect("adoptions:feedback_new", pk=updated.pk)
                return redirect(updated)
        else:
            status = 400
    return render(
        request,
        "adoptions/adoption_form.html",
        {"form": form, "practice": adoption.practice, "adoption": adoption},
        status=status,
    )


@require_POST
@login_required
def delete(request, pk: int):
    adoption = adoption_for(request, pk)
    practice = adoption.practice
    try:
        services.adoption_delete(adoption=adoption, by=request.user)
    except ServiceError as error:
        return service_error_page(request, error)
    messages.success(request, _("The adoption was removed."))
    return redirect(practice)


# Feedback ------------------------------------------------------------------------


@login_required
def feedback_new(request, pk: int):
    adoption = adoption_for(request, pk)
    if not rules.can_report_feedback(request.user, adoption):
        return service_error_page(
            request,
            ServiceError(
                _(
                    "Only members of %(organisation)s can report on its adoption: feedback is "
                    "written by the team that put the practice to work."
                )
                % {"organisation": adoption.organisation.short_name},
                status=403,
            ),
        )
    form = FeedbackForm(request.POST or None, adoption=adoption)
    milestone = request.GET.get("milestone", "")
    status = 200
    if request.method == "POST":
        if form.is_valid():
            values = form.values()
            try:
                services.feedback_create(
                    adoption=adoption,
                    by=request.user,
                    status=values["status"],
                    abandon_reason=values["abandon_reason"],
                    milestone_months=int(milestone) if milestone.isdigit() else None,
                    **values["fields"],
                )
            except ServiceError as error:
                form_add_service_error(form, error)
                status = error.status
            else:
                messages.success(request, _("Thank you: your feedback was sent to the authors."))
                return redirect(adoption)
        else:
            status = 400
    return render(
        request,
        "adoptions/feedback_form.html",
        {"form": form, "adoption": adoption, "milestone": milestone},
        status=status,
    )


@login_required
def feedback_edit(request, pk: int):
    report = report_for(request, pk)
    adoption = report.adoption
    if not rules.can_edit_feedback(request.user, report):
        raise Http404
    form = FeedbackForm(request.POST or None, instance=report, adoption=adoption)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            values = form.values()
            try:
                services.feedback_update(
                    report=report,
                    by=request.user,
                    fields=values["fields"],
                    status=values["status"],
                    abandon_reason=values["abandon_reason"],
                )
            except ServiceError as error:
                form_add_service_error(form, error)
                status = error.status
            else:
                messages.success(request, _("Saved."))
                return redirect(report)
        else:
            status = 400
    return render(
        request,
        "adoptions/feedback_form.html",
        {"form": form, "adoption": adoption, "report": report},
        status=status,
    )


@require_POST
@login_required
def feedback_delete(request, pk: int):
    report = report_for(request, pk)
    adoption = report.adoption
    try:
        services.feedback_delete(report=report, by=request.user)
    except ServiceError as error:
        return service_error_page(request, error)
    messages.success(request, _("The report was removed."))
    return redirect(adoption)


@login_required
def feedback_answer(request, pk: int):
    report = report_for(request, pk)
    practice = report.adoption.practice
    if not rules.can_answer_feedback(request.user, report):
        raise Http404
    form = AnswerForm(
        request.POST or None,
        practice=practice,
        initial={"answer": report.answer, "addressed_in": report.addressed_in_id},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.feedback_answer(
                    report=report,
                    by=request.user,
                    answer=form.cleaned_data["answer"],
                    addressed_in=form.cleaned_data["addressed_in"],
                )
            except ServiceError as error:
                form_add_service_error(form, error)
                status = error.status
            else:
                messages.success(request, _("Your answer was sent to the team."))
                return redirect(report)
        else:
            status = 400
    return render(
        request,
        "adoptions/answer_form.html",
        {"form": form, "report": report, "practice": practice},
        status=status,
    )


@require_POST
@login_required
def feedback_revise(request, pk: int):
    report = report_for(request, pk)
    try:
        draft = services.feedback_start_revision(report=report, by=request.user)
    except ServiceError as error:
        return service_error_page(request, error)
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
    practice = practice_for(request, pk)
    if practice.status not in (Practice.Status.PUBLISHED, Practice.Status.ARCHIVED):
        raise Http404
    user = request.user
    members = rules.can_see_adopters(user)
    outcomes = selectors.practice_outcomes(practice)
    reports = list(selectors.practice_feedback(practice, user=user)) if members else []
    context = {
        "practice": practice,
        "outcomes": outcomes,
        "evidence": selectors.maturity_evidence(practice),
        "positive_effectiveness": conf.positive_effectiveness(),
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
    organisations = list(Organisation.objects.filter(pk__in=permissions.org_ids(request.user)))
    if len(organisations) == 1:
        return redirect("adoptions:organisation", slug=organisations[0].slug)
    if not organisations and rules.can_see_network_dashboard(request.user):
        return redirect("adoptions:network")
    return render(request, "adoptions/dashboard_choice.html", {"organisations": organisations})


@login_required
def organisation_dashboard(request, slug: str):
    organisation = _organisation(request, slug)
    data = selectors.organisation_dashboard(organisation, user=request.user)
    context = {
        "organisation": organisation,
        **data,
        "can_manage_indicators": rules.can_manage_indicators(request.user, organisation),
        "is_own": organisation.pk in permissions.org_ids(request.user),
        "import_form": ImportForm()
        if organisation.pk in permissions.org_ids(request.user)
        else None,
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
        organisation = get_object_or_404(
            rules.indicator_organisation_choices(request.user), slug=request.GET["organisation"]
        )
    if not rules.indicator_organisation_choices(request.user).exists():
        return service_error_page(
            request,
            ServiceError(
                _("Only members and administrators of an organisation define its indicators."),
                status=403,
            ),
        )
    form = IndicatorForm(request.POST or None, user=request.user, organisation=organisation)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                indicator = services.indicator_create(
                    by=request.user,
                    organisation=form.cleaned_data["organisation"],
                    **form.values(),
                )
            except ServiceError as error:
                form_add_service_error(form, error)
                status = error.status
            else:
                messages.success(request, _("Indicator created. Now enter its measurements."))
                return redirect(indicator)
        else:
            status = 400
    return render(request, "adoptions/indicator_form.html", {"form": form}, status=status)


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
    indicator = indicator_for(request, pk)
    form = None
    status = 200
    if request.method == "POST":
        form = MeasurementForm(request.POST, indicator=indicator)
        if form.is_valid():
            try:
                services.measurement_add(indicator=indicator, by=request.user, **form.cleaned_data)
            except ServiceError as error:
                if error.status == 403:
                    return service_error_page(request, error)
                form_add_service_error(form, error)
                status = error.status
            else:
                messages.success(request, _("Measurement recorded."))
                return redirect(indicator)
        else:
            status = 400
    return render(
        request,
        "adoptions/indicator_detail.html",
        _indicator_context(request, indicator, form=form),
        status=status,
    )


@login_required
def indicator_edit(request, pk: int):
    indicator = indicator_for(request, pk)
    if not rules.can_manage_indicators(request.user, indicator.organisation):
        raise Http404
    form = IndicatorForm(request.POST or None, instance=indicator, user=request.user)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.indicator_update(
                    indicator=indicator, by=request.user, fields=form.values()
                )
            except ServiceError as error:
                form_add_service_error(form, error)
                status = error.status
            else:
                messages.success(request, _("Saved."))
                return redirect(indicator)
        else:
            status = 400
    return render(
        request,
        "adoptions/indicator_form.html",
        {"form": form, "indicator": indicator},
        status=status,
    )


@require_POST
@login_required
def indicator_delete(request, pk: int):
    indicator = indicator_for(request, pk)
    organisation = indicator.organisation
    try:
        services.indicator_delete(indicator=indicator, by=request.user)
    except ServiceError as error:
        return service_error_page(request, error)
    messages.success(request, _("The indicator and its measurements were deleted."))
    return redirect("adoptions:organisation", slug=organisation.slug)


def _measurement_for(request, pk: int) -> Measurement:
    return get_object_or_404(
        rules.measurements_visible_to(request.user).select_related("indicator__organisation"),
        pk=pk,
    )


@login_required
def measurement_edit(request, pk: int):
    measurement = _measurement_for(request, pk)
    indicator = measurement.indicator
    if not rules.can_enter_measurements(request.user, indicator):
        raise Http404
    form = MeasurementForm(request.POST or None, instance=measurement, indicator=indicator)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.measurement_update(
                    measurement=measurement, by=request.user, fields=form.cleaned_data
                )
            except ServiceError as error:
                form_add_service_error(form, error)
                status = error.status
            else:
                messages.success(request, _("Saved."))
                return redirect(indicator)
        else:
            status = 400
    return render(
        request,
        "adoptions/measurement_form.html",
        {"form": form, "indicator": indicator, "measurement": measurement},
        status=status,
    )


@require_POST
@login_required
def measurement_delete(request, pk: int):
    measurement = _measurement_for(request, pk)
    indicator = measurement.indicator
    try:
        services.measurement_delete(measurement=measurement, by=request.user)
    except ServiceError as error:
        return service_error_page(request, error)
    messages.success(request, _("The measurement was deleted."))
    return redirect(indicator)


def _import(request, *, organisation, indicator=None):
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list = []
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                created = services.measurements_import(
                    organisation=organisation,
                    by=request.user,
                    upload=form.cleaned_data["file"],
                    indicator=indicator,
                )
            except ImportRejected as error:
                form_add_service_error(form, error)
                errors = error.errors
                status = error.status
            except ServiceError as error:
                form_add_service_error(form, error)
                status = error.status
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)s measurement imported.",
                        "%(count)s measurements imported.",
                        len(created),
                    )
                    % {"count": len(created)},
                )
                if indicator is not None:
                    return redirect(indicator)
                return redirect("adoptions:organisation", slug=organisation.slug)
        else:
            status = 400
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
    indicator = indicator_for(request, pk)
    if not rules.can_enter_measurements(request.user, indicator):
        raise Http404
    if request.method != "POST":
        return redirect(indicator)
    return _import(request, organisation=indicator.organisation, indicator=indicator)


@login_required
def organisation_import(request, slug: str):
    organisation = _organisation(request, slug)
    if organisation.pk not in permissions.org_ids(request.user):
        raise Http404
    return _import(request, organisation=organisation)


@login_required
def import_template(request, slug: str):
    """A CSV with the column names and one line per indicator, to fill in."""
    organisation = _organisation(request, slug)
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
        filters["organisation"] = get_object_or_404(Organisation, slug=request.GET["organisation"])
    if request.GET.get("practice", "").isdigit():
        filters["practice"] = practice_for(request, int(request.GET["practice"]))
    header, rows = EXPORTS[what](user=request.user, **filters)
    name = f"palabre-{what}"
    if "organisation" in filters:
        name += f"-{filters['organisation'].slug}"
    if "practice" in filters:
        name += f"-practice-{filters['practice'].pk}"
    if fmt == "csv":
        return spreadsheets.csv_response(header, rows, filename=f"{name}.csv")
    return spreadsheets.xlsx_response(header, rows, filename=f"{name}.xlsx", sheet=what)
