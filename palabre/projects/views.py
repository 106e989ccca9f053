"""Pages of the projects directory: the directory and its filters, a project (its team,
what points to it, similar projects elsewhere), the forms to describe one, link things
and build its team, exchanges between two projects, the map, import and export.

Every page works without JavaScript; what someone may not see answers 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST
from django_countries import countries as country_names

from palabre.lib import spreadsheets
from palabre.lib.errors import ServiceError
from palabre.lib.views import form_add_service_error, submit
from palabre.organisations.models import Organisation
from palabre.permissions import is_facilitator, is_member, org_ids
from palabre.permissions import projects as rules
from palabre.projects import geo, imports, selectors, services
from palabre.projects.forms import (
    ImportForm,
    LinkForm,
    MessageForm,
    ProjectForm,
    ProposeForm,
    ScheduleForm,
    TeamForm,
)
from palabre.projects.models import Project, ProjectMember

PER_PAGE = 20


def _filters(request: HttpRequest) -> selectors.Filters:
    get = request.GET
    year = get.get("year", "").strip()
    return selectors.Filters(
        theme=get.get("theme", "").strip()[:80],
        country=get.get("country", "").strip()[:2],
        region=get.get("region", "").strip()[:100],
        kind=get.get("kind", "").strip()[:30],
        status=get.get("status", "").strip()[:10],
        year=int(year) if year.isdigit() and 1900 <= int(year) <= 2200 else None,
        q=get.get("q", "").strip()[:100],
    )


@require_http_methods(["GET", "HEAD"])
def directory(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    page = Paginator(selectors.directory(request.user, filters), PER_PAGE).get_page(
        request.GET.get("page")
    )
    choices = selectors.directory_choices(request.user)
    if filters.region and filters.region not in choices["regions"]:
        # Reached from the map: keep the region chosen there, even with no project in it.
        choices["regions"] = sorted([*choices["regions"], filters.region])
    country = filters.country.upper()
    if country in geo.countries() and country not in dict(choices["countries"]):
        choices["countries"] = [*choices["countries"], (country, country_names.name(country))]
    context = {
        "page": page,
        "projects": list(page.object_list),
        "filters": filters,
        "choices": choices,
        "can_create": rules.can_create(request.user),
    }
    template = "projects/directory.html"
    if request.headers.get("HX-Request"):
        template += "#results"
    response = render(request, template, context)
    response["Vary"] = "HX-Request"
    return response


def _organisations(user: Any) -> Any:
    if is_facilitator(user):
        return Organisation.objects.order_by("name")
    return Organisation.objects.filter(pk__in=org_ids(user)).order_by("name")


def _form_page(request: HttpRequest, form: ProjectForm, project: Project | None, status=200):
    regions = {code: geo.regions_of(code) for code in geo.countries()}
    return render(
        request,
        "projects/form.html",
        {
            "form": form,
            "project": project,
            "regions": sorted({r for v in regions.values() for r in v}),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    if not rules.can_create(request.user):
        raise Http404
    organisations = _organisations(request.user)
    if request.method != "POST":
        return _form_page(request, ProjectForm(organisations=organisations), None)
    form = ProjectForm(request.POST, organisations=organisations)
    done = submit(
        form,
        lambda: services.project_create(
            by=request.user,
            **dict(form.cleaned_data.items()),
        ),
    )
    if done.ok:
        messages.success(request, _("The project is in the directory."))
        return redirect(done.value)
    return _form_page(request, form, None, status=done.status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = rules.project_editable_for(request.user, pk)
    organisations = Organisation.objects.filter(pk=project.organisation_id)
    if request.method != "POST":
        initial = {
            "organisation": project.organisation_id,
            "name": project.name,
            "acronym": project.acronym,
            "start_date": project.start_date,
            "end_date": project.end_date,
            "country": project.country.code or "",
            "region": project.region,
            "themes": list(project.themes.all()),
            "funders": "\n".join(project.funders or []),
            "objectives": project.objectives,
            "status": project.status,
            "visibility": project.visibility,
        }
        return _form_page(
            request, ProjectForm(initial=initial, organisations=organisations), project
        )
    form = ProjectForm(request.POST, organisations=organisations)

    def save() -> Project:
        fields = dict(form.cleaned_data)
        fields.pop("organisation")
        return services.project_update(project=project, by=request.user, **fields)

    done = submit(form, save)
    if done.ok:
        messages.success(request, _("The project is saved."))
        return redirect(done.value)
    return _form_page(request, form, project, status=done.status)


@require_http_methods(["GET", "HEAD"])
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = rules.project_for(
        request.user,
        pk,
        queryset=Project.objects.select_related("organisation", "contact").prefetch_related(
            "themes", selectors.accepted_team()
        ),
    )
    user = request.user
    can_edit = rules.can_edit(user, project)
    pending = None
    if is_member(user):
        pending = ProjectMember.objects.filter(
            project=project, person=user, accepted_at__isnull=True
        ).first()
    context = {
        "project": project,
        "themes": list(project.themes.all()),
        "team": project.accepted_team if is_member(user) else [],
        "linked": selectors.linked(user, project),
        "similar": selectors.similar(user, project),
        "exchanges": selectors.exchanges_of(user, project) if is_member(user) else [],
        "can_edit": can_edit,
        "can_propose": is_member(user) and not can_edit and bool(_my_projects(user)[:1]),
        "pending": pending,
    }
    return render(request, "projects/detail.html", context)


def _my_projects(user: Any) -> Any:
    """Projects from which the person may propose an exchange."""
    if not is_member(user):
        return Project.objects.none()
    qs = rules.projects_visible_to(user).select_related("organisation")
    if is_facilitator(user):
        return qs.filter(organisation__in=org_ids(user)) | qs.filter(
            team__person=user, team__accepted_at__isnull=False
        )
    return (
        qs.filter(organisation__in=org_ids(user))
        | qs.filter(team__person=user, team__accepted_at__isnull=False)
    ).distinct()


# Team ---------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def team(request: HttpRequest, pk: int) -> HttpResponse:
    project = rules.project_editable_for(request.user, pk)
    form = TeamForm(request.POST or None)
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: services.team_add(
                project=project,
                by=request.user,
                person=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                invite=form.cleaned_data["invite"],
            ),
        )
        if done.ok:
            if done.value.is_pending:
                messages.success(request, _("Invitation sent: they join once they accept."))
            else:
                messages.success(request, _("Added to the team."))
            return redirect("projects:team", pk=project.pk)
        status = done.status
    members = list(project.team.select_related("person").order_by("accepted_at", "pk"))
    return render(
        request,
        "projects/team.html",
        {"project": project, "members": members, "form": form},
        status=status,
    )


@require_POST
@login_required
def team_remove(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    project = rules.project_for(request.user, pk)
    member = rules.team_member_for(request.user, project, member_pk)
    services.team_remove(member=member, by=request.user)
    messages.success(request, _("Removed from the team."))
    if rules.can_edit(request.user, project):
        return redirect("projects:team", pk=project.pk)
    return redirect("projects:directory")


@require_POST
@login_required
def team_accept(request: HttpRequest, pk: int) -> HttpResponse:
    member = (
        ProjectMember.objects.filter(project_id=pk, person=request.user)
        .select_related("project")
        .first()
    )
    if member is None:
        raise Http404
    services.team_accept(member=member, by=request.user)
    messages.success(request, _("You are on the team."))
    return redirect(member.project)


# Links --------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def links(request: HttpRequest, pk: int) -> HttpResponse:
    project = rules.project_editable_for(request.user, pk)
    form = LinkForm(request.POST or None)
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: services.link_add(
                project=project,
                by=request.user,
                kind=form.cleaned_data["kind"],
                pk=form.cleaned_data["target"],
            ),
        )
        if done.ok:
            messages.success(request, _("Linked to the project."))
            return redirect("projects:links", pk=project.pk)
        status = done.status
    return render(
        request,
        "projects/links.html",
        {
            "project": project,
            "form": form,
            "linked": selectors.linked(request.user, project),
            "choices": selectors.link_choices(request.user, project),
        },
        status=status,
    )


@require_POST
@login_required
def unlink(request: HttpRequest, pk: int) -> HttpResponse:
    project = rules.project_editable_for(request.user, pk)
    form = LinkForm(request.POST)
    if not form.is_valid():
        raise ServiceError(_("Choose what to unlink."))
    services.link_remove(
        project=project,
        by=request.user,
        kind=form.cleaned_data["kind"],
        pk=form.cleaned_data["target"],
    )
    messages.success(request, _("Link removed."))
    return redirect("projects:links", pk=project.pk)


# Exchanges ----------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def propose(request: HttpRequest, pk: int) -> HttpResponse:
    target = rules.project_for(request.user, pk)
    mine = _my_projects(request.user).exclude(pk=target.pk).order_by("name")
    form = ProposeForm(request.POST or None, projects=mine)
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: services.exchange_propose(
                from_project=form.cleaned_data["from_project"],
                to_project=target,
                by=request.user,
                kind=form.cleaned_data["kind"],
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
            ),
        )
        if done.ok:
            messages.success(request, _("Exchange proposed: both teams can now talk here."))
            return redirect(done.value)
        status = done.status
    return render(
        request,
        "projects/propose.html",
        {"project": target, "form": form, "has_projects": bool(list(mine[:1]))},
        status=status,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def exchange(request: HttpRequest, pk: int) -> HttpResponse:
    item = rules.exchange_for(request.user, pk)
    form = MessageForm(request.POST or None)
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: services.exchange_post(
                exchange=item, by=request.user, body=form.cleaned_data["body"]
            ),
        )
        if done.ok:
            return redirect(item.get_absolute_url() + f"#message-{done.value.pk}")
        status = done.status
    return _exchange_page(request, item, form, ScheduleForm(), status=status)


def _exchange_page(request, item, form, schedule_form, *, status=200):
    return render(
        request,
        "projects/exchange.html",
        {
            "exchange": item,
            "messages_list": list(item.messages.select_related("author")),
            "form": form,
            "schedule_form": schedule_form,
        },
        status=status,
    )


@require_POST
@login_required
def exchange_schedule(request: HttpRequest, pk: int) -> HttpResponse:
    item = rules.exchange_for(request.user, pk)
    form = ScheduleForm(request.POST)
    done = submit(
        form,
        lambda: services.exchange_schedule(
            exchange=item,
            by=request.user,
            day=form.cleaned_data["day"],
            venue=form.cleaned_data["venue"],
            online_url=form.cleaned_data["online_url"],
        ),
    )
    if done.ok:
        messages.success(request, _("Scheduled: the meeting is in both organisations' workshops."))
        return redirect(item)
    return _exchange_page(request, item, MessageForm(), form, status=done.status)


@require_POST
@login_required
def exchange_decline(request: HttpRequest, pk: int) -> HttpResponse:
    item = rules.exchange_for(request.user, pk)
    services.exchange_decline(exchange=item, by=request.user)
    messages.success(request, _("Exchange declined."))
    return redirect(item)


# Map ----------------------------------------------------------------------------


def figures(place: selectors.Place) -> str:
    return ", ".join(
        [
            ngettext("%(count)d project", "%(count)d projects", place.projects)
            % {"count": place.projects},
            ngettext("%(count)d practice", "%(count)d practices", place.practices)
            % {"count": place.practices},
            ngettext("%(count)d adoption", "%(count)d adoptions", place.adoptions)
            % {"count": place.adoptions},
        ]
    )


@require_http_methods(["GET", "HEAD"])
def map_view(request: HttpRequest, country: str | None = None) -> HttpResponse:
    if country is not None:
        country = country.upper()
        if country not in geo.countries():
            raise Http404
    places = selectors.map_figures(request.user, country)
    areas = []
    for place in places:
        if country:
            href = (
                reverse("projects:directory")
                + "?"
                + urlencode({"country": country, "region": place.key})
            )
        else:
            href = reverse("projects:map_country", args=[place.key])
        title = _("%(name)s: %(figures)s") % {"name": place.name, "figures": figures(place)}
        areas.append(geo.Area(place.key, place.name, href, title, place.total))
    if country:
        label = _("Map of the regions of %(country)s") % {"country": country_names.name(country)}
        drawing = geo.svg(
            areas, geo.region_shapes(country), label=label, outline=geo.country_shape(country)
        )
    else:
        label = _("Map of the countries of the network")
        drawing = geo.svg(areas, geo.country_shapes(), label=label)
    return render(
        request,
        "projects/map.html",
        {
            "country": country,
            "country_name": country_names.name(country) if country else "",
            "places": places,
            "areas": areas,
            "svg": drawing,
            "rows": list(zip(areas, places, strict=True)),
            "countries": [(c, country_names.name(c)) for c in geo.countries()],
        },
    )


# Import and export -----------------------------------------------------------------


@require_http_methods(["GET", "HEAD"])
def export(request: HttpRequest) -> HttpResponse:
    header, rows = imports.export_rows(request.user)
    if request.GET.get("format") == "xlsx":
        return spreadsheets.xlsx_response(header, rows, filename="projects.xlsx", sheet="projects")
    return spreadsheets.csv_response(header, rows, filename="projects.csv")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def import_view(request: HttpRequest) -> HttpResponse:
    if not rules.can_create(request.user):
        raise Http404
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list = []
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                counts = imports.import_file(request.user, form.cleaned_data["file"])
            except imports.ImportRejected as rejected:
                form_add_service_error(form, rejected)
                errors = rejected.errors
                status = 400
            except ServiceError as error:
                form_add_service_error(form, error)
                status = error.status
            else:
                messages.success(
                    request,
                    _("Imported: %(created)d new projects, %(updated)d updated.") % counts,
                )
                return redirect("projects:directory")
        else:
            status = 400
    return render(
        request,
        "projects/import.html",
        {"form": form, "errors": errors, "columns": imports.COLUMNS},
        status=status,
    )
