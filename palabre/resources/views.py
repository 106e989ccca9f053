"""Pages of the resource library: the library with its search and filters, a resource's
page with its versions, adding and changing a resource, new versions, downloads and
previews, featuring and archiving, links to practices and workshops, import and export.

Resources are fetched through palabre.permissions (404 for what the person may not see);
each form hands its values to one service (palabre.lib.views.submit).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from palabre.lib.errors import ServiceError
from palabre.lib.views import submit
from palabre.organisations.models import Organisation
from palabre.permissions import practices as practice_rules
from palabre.permissions import resources as rules
from palabre.permissions import workshops as workshop_rules
from palabre.resources import exchange, selectors, services
from palabre.resources.forms import ImportForm, LinkForm, ResourceForm, VersionForm
from palabre.resources.models import Resource, ResourceVersion
from palabre.themes.models import Theme

PER_PAGE = 20


def _filters(request) -> dict[str, str]:
    return {name: request.GET.get(name, "")[:100] for name in selectors.FILTERS}


def library(request):
    """The library: every resource the person may see, searched (the text of their files
    included) and filtered by kind, theme, language and organisation."""
    q = request.GET.get("q", "")[:200]
    filters = _filters(request)
    found = selectors.filtered(request.user, q=q, filters=filters)
    page = Paginator(found.for_lists(), PER_PAGE).get_page(request.GET.get("page"))
    resources = list(page.object_list)
    snippets = selectors.page_snippets(resources, q)
    for resource in resources:
        resource.snip = snippets.get(resource.pk, "")
    facets = selectors.facet_counts(found)
    organisations = dict(
        Organisation.objects.filter(
            slug__in=[slug for slug, _n in facets["organisation"]]
        ).values_list("slug", "name")
    )
    kinds = dict(Resource.Kind.choices)
    languages = dict(Resource._meta.get_field("language").choices)
    context = {
        "q": q,
        "filters": filters,
        "page": page,
        "resources": resources,
        "total": page.paginator.count,
        "kind_facet": [(v, kinds.get(v, v), n) for v, n in facets["kind"]],
        "language_facet": [(v, languages.get(v, v), n) for v, n in facets["language"]],
        "organisation_facet": [(v, organisations.get(v, v), n) for v, n in facets["organisation"]],
        "themes": list(Theme.objects.order_by("position", "pk")),
        "can_create": rules.can_create(request.user),
    }
    return render(request, "resources/library.html", context)


def detail(request, pk: int):
    resource = rules.resource_for(request.user, pk)
    user = request.user
    versions = list(resource.versions.select_related("uploaded_by").order_by("-number"))
    can_edit = rules.can_edit(user, resource)
    practices = list(
        practice_rules.practices_visible_to(user)
        .filter(resource_links__resource=resource)
        .order_by("title")
    )
    workshops = list(
        workshop_rules.workshops_visible_to(user)
        .filter(resource_links__resource=resource)
        .order_by("title")
    )
    context = {
        "resource": resource,
        "themes": list(resource.themes.all()),
        "tags": list(resource.tags.all()),
        "authors": list(resource.authors.all()),
        "versions": versions,
        "current": versions[0] if versions else None,
        "practices": practices,
        "workshops": workshops,
        "can_edit": can_edit,
        "can_curate": rules.can_curate(user, resource),
        "show_text_status": rules.can_see_text_status(user, resource),
    }
    return render(request, "resources/detail.html", context)


def _file_response(version: ResourceVersion) -> FileResponse:
    response = FileResponse(
        version.file.open("rb"),
        as_attachment=True,
        filename=version.original_name,
        content_type=version.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private"
    return response


def download(request, pk: int, version_pk: int):
    """A version's file (the current one or an earlier one), for those who may see the
    resource; counted for its authors, without recording who."""
    resource = rules.resource_for(request.user, pk)
    version = rules.version_for(request.user, resource, version_pk)
    if not version.is_ready:  # a photo whose metadata the worker has not removed yet
        raise Http404
    services.resource_downloaded(resource=resource)
    return _file_response(version)


def preview(request, pk: int, version_pk: int):
    """The first page of a PDF, or the preview of a photo, as an image."""
    resource = rules.resource_for(request.user, pk)
    version = rules.version_for(request.user, resource, version_pk)
    if not version.preview:
        raise Http404
    content_type = "image/png" if version.preview.name.endswith(".png") else "image/jpeg"
    response = FileResponse(version.preview.open("rb"), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=86400"
    return response


@login_required
def create(request):
    if not rules.can_create(request.user):
        raise Http404
    form = ResourceForm(request.POST or None, request.FILES or None, user=request.user)
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: services.resource_create(
                by=request.user, upload=form.cleaned_data.get("file"), **form.service_fields()
            ),
        )
        if done.ok:
            messages.success(request, _("The resource is in the library."))
            return redirect(done.value)
        status = done.status
    return render(request, "resources/form.html", {"form": form}, status=status)


@login_required
def edit(request, pk: int):
    resource = rules.resource_editable_for(request.user, pk)
    initial = {
        "title": resource.title,
        "kind": resource.kind,
        "description": resource.description,
        "organisation": resource.organisation_id,
        "visibility": resource.visibility,
        "language": resource.language,
        "themes": list(resource.themes.all()),
        "tags_text": ", ".join(t.name for t in resource.tags.all()),
        "link": resource.link,
    }
    form = ResourceForm(request.POST or None, initial=initial, user=request.user, resource=resource)
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: services.resource_update(
                resource=resource, by=request.user, **form.service_fields()
            ),
        )
        if done.ok:
            messages.success(request, _("Changes saved."))
            return redirect(done.value)
        status = done.status
    return render(
        request, "resources/form.html", {"form": form, "resource": resource}, status=status
    )


@login_required
def version_add(request, pk: int):
    resource = rules.resource_for(request.user, pk)
    if not rules.can_edit(request.user, resource):
        raise Http404
    form = VersionForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: services.version_add(
                resource=resource,
                by=request.user,
                upload=form.cleaned_data["file"],
                note=form.cleaned_data["note"],
            ),
        )
        if done.ok:
            messages.success(request, _("The new version is online; the earlier ones are kept."))
            return redirect(resource)
        status = done.status
    return render(
        request, "resources/version_form.html", {"form": form, "resource": resource}, status=status
    )


@require_POST
@login_required
def feature(request, pk: int):
    resource = rules.resource_for(request.user, pk)
    services.resource_feature(
        resource=resource, by=request.user, featured=request.POST.get("featured") != "0"
    )
    return redirect(resource)


@require_POST
@login_required
def archive(request, pk: int):
    resource = rules.resource_for(request.user, pk)
    archived = request.POST.get("archived") != "0"
    services.resource_archive(resource=resource, by=request.user, archived=archived)
    messages.success(
        request,
        _("The resource is archived.") if archived else _("The resource is back in the library."),
    )
    return redirect(resource)


def _link(request, *, kind: str, remove: bool):
    form = LinkForm(request.POST)
    if not form.is_valid():
        raise ServiceError(_("Choose a resource and what to link it to."), status=400)
    resource = rules.resource_for(request.user, form.cleaned_data["resource"])
    target = form.cleaned_data["target"]
    back_to_target = request.POST.get("back") == "target"
    if kind == "practice":
        practice = practice_rules.practice_for(request.user, target)
        action = services.practice_unlink if remove else services.practice_link
        action(resource=resource, practice=practice, by=request.user)
        return redirect(practice if back_to_target else resource)
    workshop = workshop_rules.workshop_for(request.user, target)
    change = services.workshop_unlink if remove else services.workshop_link
    change(resource=resource, workshop=workshop, by=request.user)
    return redirect(workshop if back_to_target else resource)


@require_POST
@login_required
def practice_link(request):
    return _link(request, kind="practice", remove=False)


@require_POST
@login_required
def practice_unlink(request):
    return _link(request, kind="practice", remove=True)


@require_POST
@login_required
def workshop_link(request):
    return _link(request, kind="workshop", remove=False)


@require_POST
@login_required
def workshop_unlink(request):
    return _link(request, kind="workshop", remove=True)


def export(request):
    """The resources shown by the library's search and filters, as CSV or XLSX."""
    q = request.GET.get("q", "")[:200]
    found = selectors.filtered(request.user, q=q, filters=_filters(request))
    fmt = "xlsx" if request.GET.get("format") == "xlsx" else "csv"
    return exchange.export_response(found, fmt=fmt)


@login_required
def import_view(request):
    if not rules.can_create(request.user):
        raise Http404
    form = ImportForm(request.POST or None, request.FILES or None)
    status = 200
    errors: list = []
    if request.method == "POST":
        if form.is_valid():
            try:
                created = exchange.resources_import(
                    by=request.user, upload=form.cleaned_data["file"]
                )
            except exchange.ImportRefused as refused:
                errors = refused.errors
                status = 400
            except ServiceError as error:
                form.add_error("file", str(error.message))
                status = error.status
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d resource imported.",
                        "%(count)d resources imported.",
                        len(created),
                    )
                    % {"count": len(created)},
                )
                return redirect("resources:library")
        else:
            status = 400
    return render(request, "resources/import.html", {"form": form, "errors": errors}, status=status)
