"""The network's audit log for network admins: who changed what, filtered and exported."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_safe

from palabre.audit import selectors, services
from palabre.audit.forms import AuditFilterForm
from palabre.lib import spreadsheets
from palabre.lib.errors import refuse
from palabre.permissions import audit as rules

PAGE_SIZE = 50
# The most events one file holds: beyond, the admin narrows the filters (a period, a
# person), so that an export never ties up a worker for long.
EXPORT_MAX_ROWS = 20_000
FORMATS = ("csv", "xlsx")


def _filter_form(request: HttpRequest) -> AuditFilterForm:
    data = request.GET.copy()
    for key in ("page", "format"):
        data.pop(key, None)
    return AuditFilterForm(
        data,
        organisations=selectors.audit_organisations(),
        kinds=selectors.audit_kinds(),
        actions=selectors.audit_actions(),
    )


def _filters(form: AuditFilterForm) -> dict[str, Any]:
    return {name: value for name, value in form.cleaned_data.items() if value not in (None, "")}


@require_safe
@login_required
def events(request: HttpRequest) -> HttpResponse:
    visible = rules.audit_events_for(request.user)
    form = _filter_form(request)
    context: dict[str, Any] = {"form": form, "formats": FORMATS}
    if not form.is_valid():
        return render(request, "audit/events.html", context, status=400)
    found = selectors.audit_events_filtered(visible, **_filters(form))
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    openable = rules.audit_targets_openable(request.user, page)
    rows = []
    for event in page:
        target = openable.get((event.target_type, event.target_id))
        rows.append(
            {
                "event": event,
                "kind": selectors.kind_label(event.target_type),
                "url": target.get_absolute_url() if target is not None else None,  # type: ignore[attr-defined]
                "details": selectors.details_summary(event.data),
            }
        )
    actor = form.cleaned_data.get("actor")
    context.update(
        listed=True,
        page=page,
        rows=rows,
        active_filters=len(_filters(form)),
        actor_name=selectors.person_name(actor) if actor else "",
    )
    return render(request, "audit/events.html", context)


@require_GET  # not HEAD: each download is recorded
@login_required
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    visible = rules.audit_events_for(request.user)
    if fmt not in FORMATS:
        refuse(_("Choose CSV or XLSX."), status=404)
    form = _filter_form(request)
    if not form.is_valid():
        return render(request, "audit/events.html", {"form": form, "formats": FORMATS}, status=400)
    filters = _filters(form)
    found = selectors.audit_events_filtered(visible, **filters)
    count = found.count()
    if count > EXPORT_MAX_ROWS:
        refuse(
            _(
                "%(count)s events match, more than one file holds (%(max)s). Narrow the "
                "filters, for example to a shorter period."
            )
            % {"count": count, "max": EXPORT_MAX_ROWS}
        )
    header = [
        _("When"),
        _("Who"),
        _("E-mail address"),
        _("Action"),
        _("Kind of object"),
        _("Object number"),
        _("Object"),
        _("Organisation"),
        _("Details"),
    ]
    rows = [
        [
            event.created_at,
            event.actor.display_name if event.actor else "",
            event.actor.email if event.actor else "",
            event.action,
            selectors.kind_label(event.target_type),
            event.target_id,
            event.target_repr,
            event.organisation.name if event.organisation else "",
            selectors.details_text(event.data),
        ]
        for event in found.iterator(chunk_size=2000)
    ]
    content = (
        spreadsheets.csv_bytes(header, rows)
        if fmt == "csv"
        else spreadsheets.xlsx_bytes(header, rows, sheet=_("Audit log"))
    )
    # Recorded once the file is built, in a short transaction of its own.
    services.audit_log_export(
        filters={name: str(value) for name, value in filters.items()},
        rows=len(rows),
        file_format=fmt,
        by=request.user,
    )
    name = f"palabre-audit-{timezone.localdate().isoformat()}.{fmt}"
    content_type = "text/csv; charset=utf-8" if fmt == "csv" else spreadsheets.XLSX
    return spreadsheets.download(content, filename=name, content_type=content_type)
