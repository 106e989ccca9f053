"""Import and export of the resource library's metadata as CSV or XLSX.

Export: the resources a person may see (the library's search and filters applied), one
row each, through ``palabre.lib.spreadsheets`` (formula cells neutralised).

Import: a CSV or XLSX file read within the limits of ``palabre.lib.spreadsheets``, outside
any transaction; every row is then checked, and only if all are good are they written, in
one transaction (one bad row: nothing is imported, every problem listed with its line).
A row with the ``id`` of a resource the person may edit updates it; other rows add
resources, which then need an external ``link`` (files are added on the web).
"""

from __future__ import annotations

import unicodedata
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from palabre.lib import spreadsheets
from palabre.lib.errors import ServiceError
from palabre.lib.visibility import Visibility
from palabre.permissions import resources as rules
from palabre.resources import services
from palabre.resources.models import Resource
from palabre.themes.models import Theme

COLUMNS = (
    "id", "title", "kind", "description", "organisation", "visibility", "language",
    "themes", "tags", "link", "file", "versions", "updated_at",
)  # fmt: skip
REQUIRED = ("title", "organisation")
MAX_ROWS = 5000


def export_rows(queryset: Any) -> Any:
    rows = (
        queryset.select_related("organisation", "current")
        .prefetch_related("themes", "tags")
        .annotate(version_count=Count("versions", distinct=True))
    )
    for r in rows.iterator(chunk_size=500):
        yield [
            r.pk,
            r.title,
            r.kind,
            r.description,
            r.organisation.slug,
            r.visibility,
            r.language,
            "; ".join(t.slug for t in r.themes.all()),
            "; ".join(t.name for t in r.tags.all()),
            r.link,
            r.current.original_name if r.current else "",
            r.version_count,
            timezone.localtime(r.updated_at).isoformat(timespec="seconds"),
        ]


def export_response(queryset: Any, *, fmt: str) -> Any:
    stamp = timezone.localdate().isoformat()
    if fmt == "xlsx":
        return spreadsheets.xlsx_response(
            COLUMNS, export_rows(queryset), filename=f"resources-{stamp}.xlsx", sheet="resources"
        )
    return spreadsheets.csv_response(
        COLUMNS, export_rows(queryset), filename=f"resources-{stamp}.csv"
    )


class ImportRefused(ServiceError):
    """Nothing was imported; ``errors`` lists (line, reason) for every bad row."""

    def __init__(self, errors: list[tuple[int, str]]):
        count = len({line for line, _reason in errors})
        super().__init__(
            ngettext(
                "Nothing was imported: %(count)s line has an error. Correct it and send the "
                "whole file again.",
                "Nothing was imported: %(count)s lines have errors. Correct them and send the "
                "whole file again.",
                count,
            )
            % {"count": count},
            status=400,
            field="file",
        )
        self.errors = errors


def _key(text: Any) -> str:
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return "_".join(text.casefold().replace("_", " ").split())


def _limits() -> spreadsheets.Limits:
    return spreadsheets.Limits(
        rows=MAX_ROWS,
        cells=settings.IMPORT_MAX_CELLS,
        expanded_bytes=settings.IMPORT_MAX_EXPANDED_MB * 1024 * 1024,
        ratio=settings.IMPORT_MAX_COMPRESSION_RATIO,
        size=5 * 1024 * 1024,
    )


def read_rows(upload: Any) -> list[tuple[int, dict[str, Any]]]:
    """The rows of the file as {column: cell}, read outside any transaction."""
    raw = spreadsheets.read_table(upload, _limits(), min_columns=len(REQUIRED))
    if not raw:
        raise ServiceError(_("The file is empty."), field="file")
    (_line, header), body = raw[0], raw[1:]
    columns = {i: _key(cell) for i, cell in enumerate(header) if _key(cell) in COLUMNS}
    missing = [c for c in REQUIRED if c not in columns.values()]
    if missing:
        raise ServiceError(
            _("The first line must name the columns; missing: %(columns)s.")
            % {"columns": ", ".join(missing)},
            field="file",
        )
    if not body:
        raise ServiceError(_("The file has column names but no resource."), field="file")
    rows = []
    for line, cells in body:
        values = {
            name: spreadsheets.undefuse(cells[i]) if i < len(cells) else None
            for i, name in columns.items()
        }
        rows.append((line, {k: ("" if v is None else str(v).strip()) for k, v in values.items()}))
    return rows


def resources_import(*, by: Any, upload: Any) -> list[Resource]:
    if not rules.can_create(by):
        raise ServiceError(_("You cannot add resources."), status=403)
    return _save(by=by, rows=read_rows(upload))


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace(",", ";").split(";") if part.strip()]


@transaction.atomic
def _save(*, by: Any, rows: list[tuple[int, dict[str, Any]]]) -> list[Resource]:
    organisations = {o.slug: o for o in rules.organisation_choices(by)}
    themes = {t.slug: t for t in Theme.objects.all()}
    editable = set(rules.resources_edited_by(by).values_list("pk", flat=True))
    languages = {code for code, _name in settings.LANGUAGES}
    errors: list[tuple[int, str]] = []
    plans: list[tuple[int, Resource | None, dict[str, Any]]] = []
    for line, values in rows:
        row_errors: list[str] = []
        target = None
        raw_id = values.get("id", "")
        if raw_id:
            pk = int(raw_id) if raw_id.isdigit() and len(raw_id) < 19 else 0
            if pk not in editable:
                row_errors.append(
                    _("Resource %(id)s does not exist or you may not change it.") % {"id": raw_id}
                )
            else:
                target = Resource.objects.get(pk=pk)
        title = " ".join(values.get("title", "").split())
        if not title or len(title) > 200:
            row_errors.append(_("A title of 1 to 200 characters is needed."))
        kind = values.get("kind") or Resource.Kind.GUIDE
        if kind not in Resource.Kind.values:
            row_errors.append(
                _("Unknown kind “%(value)s” (one of: %(choices)s).")
                % {"value": kind, "choices": ", ".join(Resource.Kind.values)}
            )
        visibility = values.get("visibility") or Visibility.NETWORK
        if visibility not in Visibility.values:
            row_errors.append(
                _("Unknown visibility “%(value)s” (one of: %(choices)s).")
                % {"value": visibility, "choices": ", ".join(Visibility.values)}
            )
        language = values.get("language") or "fr"
        if language not in languages:
            row_errors.append(_("Unknown language “%(value)s”.") % {"value": language})
        organisation = organisations.get(values.get("organisation", ""))
        if organisation is None and not (
            target is not None and values.get("organisation") == target.organisation.slug
        ):
            row_errors.append(
                _("You cannot add resources for the organisation “%(value)s”.")
                % {"value": values.get("organisation", "")}
            )
        chosen_themes = []
        for slug in _split(values.get("themes", "")):
            if slug not in themes:
                row_errors.append(_("Unknown theme “%(value)s”.") % {"value": slug})
            else:
                chosen_themes.append(themes[slug])
        link = values.get("link", "")
        try:
            link = services.clean_link(link)
        except ServiceError as error:
            row_errors.append(str(error.message))
        if not link and (target is None or target.current_id is None):
            row_errors.append(
                _("A new resource needs an external link (files are added on the web).")
            )
        if row_errors:
            errors.extend((line, message) for message in row_errors)
            continue
        fields = {
            "title": title,
            "kind": kind,
            "description": values.get("description", ""),
            "visibility": visibility,
            "language": language,
            "link": link,
            "themes": chosen_themes,
            "tags": _split(values.get("tags", "")),
        }
        if organisation is not None:
            fields["organisation"] = organisation
        plans.append((line, target, fields))
    if errors:
        raise ImportRefused(errors)
    saved = []
    for _line, target, fields in plans:
        if target is None:
            saved.append(services.resource_create(by=by, **fields))
        else:
            saved.append(services.resource_update(resource=target, by=by, **fields))
    return saved
