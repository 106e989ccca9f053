"""Projects' metadata to and from a spreadsheet (CSV or XLSX).

The export holds only the projects the person may see. The import reads the whole file
first (within ``palabre.lib.spreadsheets`` limits, outside any transaction), checks every
row, and writes nothing if any row is bad: each problem is named with its line. A row
whose ``external_id`` is already a project of the same organisation updates it.

Columns (header row, any order): external_id, name, acronym, organisation (its short
address), start_date, end_date (YYYY-MM-DD), country (ISO code), region, themes (theme
short addresses separated by ";"), funders (";"), objectives, status (planned, running,
closed), visibility (organisation, network, public), contact (e-mail of a member).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from palabre.accounts.models import User
from palabre.audit.services import audit_record
from palabre.lib import spreadsheets
from palabre.lib.errors import ServiceError
from palabre.organisations.models import Organisation
from palabre.permissions import is_facilitator, org_ids
from palabre.permissions import projects as rules
from palabre.projects import services
from palabre.projects.models import Project
from palabre.themes.models import Theme

COLUMNS = (
    "external_id",
    "name",
    "acronym",
    "organisation",
    "start_date",
    "end_date",
    "country",
    "region",
    "themes",
    "funders",
    "objectives",
    "status",
    "visibility",
    "contact",
)
REQUIRED = ("name", "organisation")
LIMITS = spreadsheets.Limits(
    rows=getattr(settings, "PROJECTS_IMPORT_MAX_ROWS", 5000),
    cells=getattr(settings, "PROJECTS_IMPORT_MAX_CELLS", 100_000),
    expanded_bytes=20 * 1024 * 1024,
    ratio=100,
    size=5 * 1024 * 1024,
)


class ImportRejected(ServiceError):
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


def _list(value: Any) -> list[str]:
    return [part.strip() for part in str(value or "").split(";") if part.strip()]


def _day(value: Any, column: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ServiceError(
            _("%(column)s: write the date as YYYY-MM-DD (“%(value)s”).")
            % {"column": column, "value": value}
        ) from None


def export_rows(user: Any) -> tuple[list[str], list[list[Any]]]:
    projects = (
        rules.projects_visible_to(user)
        .select_related("organisation", "contact")
        .prefetch_related("themes")
        .order_by("organisation__slug", "name", "pk")
    )
    rows = [
        [
            p.external_id or f"palabre-{p.pk}",
            p.name,
            p.acronym,
            p.organisation.slug,
            p.start_date.isoformat() if p.start_date else "",
            p.end_date.isoformat() if p.end_date else "",
            str(p.country or ""),
            p.region,
            ";".join(sorted(t.slug for t in p.themes.all())),
            ";".join(p.funders or []),
            p.objectives,
            p.status,
            p.visibility,
            p.contact.email if p.contact and rules.can_edit(user, p) else "",
        ]
        for p in projects
    ]
    return list(COLUMNS), rows


@dataclass
class Checked:
    line: int
    project: Project
    themes: list
    existing: Project | None


def read(upload: Any) -> list[tuple[int, dict[str, Any]]]:
    """The file's rows as dictionaries keyed by column (outside any transaction)."""
    table = spreadsheets.read_table(upload, LIMITS)
    if not table:
        raise ServiceError(_("The file is empty."), field="file")
    _line, header = table[0]
    names = [str(h or "").strip().lower() for h in header]
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise ServiceError(
            _("Columns missing: %(names)s.") % {"names": ", ".join(missing)}, field="file"
        )
    return [
        (
            line,
            {
                name: spreadsheets.undefuse(cells[i]) if i < len(cells) else ""
                for i, name in enumerate(names)
                if name in COLUMNS
            },
        )
        for line, cells in table[1:]
    ]


def _check_row(by: Any, line: int, values: dict[str, Any], caches: dict) -> Checked:
    organisations, themes, people = caches["organisations"], caches["themes"], caches["people"]
    slug = str(values.get("organisation") or "").strip()
    organisation = organisations.get(slug)
    if organisation is None:
        raise ServiceError(_("Unknown organisation “%(slug)s”.") % {"slug": slug})
    if not (is_facilitator(by) or organisation.pk in org_ids(by)):
        raise ServiceError(
            _("You can only import the projects of your own organisations (%(slug)s).")
            % {"slug": slug}
        )
    theme_slugs = _list(values.get("themes"))
    unknown = [s for s in theme_slugs if s not in themes]
    if unknown:
        raise ServiceError(_("Unknown themes: %(names)s.") % {"names": ", ".join(unknown)})
    contact = None
    email = str(values.get("contact") or "").strip().lower()
    if email:
        contact = people.get(email)
        if contact is None:
            raise ServiceError(_("No member has the address %(email)s.") % {"email": email})
    external_id = str(values.get("external_id") or "").strip()[:100]
    existing = None
    if external_id:
        existing = Project.objects.filter(
            organisation=organisation, external_id=external_id
        ).first()
        if existing is None and external_id.startswith("palabre-"):
            number = external_id.removeprefix("palabre-")
            if number.isdigit():
                existing = Project.objects.filter(organisation=organisation, pk=int(number)).first()
        if existing is not None and not rules.can_edit(by, existing):
            raise ServiceError(_("You cannot change the project %(id)s.") % {"id": external_id})
    project = Project(
        pk=existing.pk if existing else None,
        organisation=organisation,
        external_id=external_id if not external_id.startswith("palabre-") else "",
        name=str(values.get("name") or "").strip()[:200],
        acronym=str(values.get("acronym") or "").strip()[:30],
        start_date=_day(values.get("start_date"), "start_date"),
        end_date=_day(values.get("end_date"), "end_date"),
        country=str(values.get("country") or "").strip().upper(),
        region=str(values.get("region") or "").strip()[:100],
        funders=_list(values.get("funders")),
        objectives=str(values.get("objectives") or "").strip(),
        status=str(values.get("status") or Project.Status.RUNNING).strip(),
        visibility=str(values.get("visibility") or "network").strip(),
        contact=contact,
        created_by=existing.created_by if existing else by,
    )
    if project.country and project.country.code is None:
        raise ServiceError(_("Unknown country code “%(code)s”.") % {"code": values["country"]})
    services.check_project(project)
    return Checked(line, project, [themes[s] for s in theme_slugs], existing)


def check(by: Any, rows: list[tuple[int, dict[str, Any]]]) -> list[Checked]:
    """Every row checked; ``ImportRejected`` with all the problems if any row is bad."""
    if not rules.can_create(by):
        raise ServiceError(_("Only members of an organisation import projects."), status=403)
    caches = {
        "organisations": {o.slug: o for o in Organisation.objects.all()},
        "themes": {t.slug: t for t in Theme.objects.all()},
        "people": {
            u.email.lower(): u
            for u in User.objects.filter(
                email__in=[str(v.get("contact") or "").strip() for _l, v in rows]
            )
        },
    }
    checked, errors = [], []
    for line, values in rows:
        try:
            checked.append(_check_row(by, line, values, caches))
        except ServiceError as error:
            errors.append((line, str(error.message)))
    if errors:
        raise ImportRejected(errors)
    return checked


@transaction.atomic
def write(by: Any, checked: list[Checked]) -> dict[str, int]:
    created = updated = 0
    for item in checked:
        project = item.project
        if item.existing is not None:
            project.created_at = item.existing.created_at
            project.save()
            updated += 1
        else:
            project.save()
            created += 1
        project.themes.set(item.themes)
        audit_record(
            action="project.imported",
            actor=by,
            target=project,
            organisation=project.organisation,
        )
    return {"created": created, "updated": updated}


def import_file(by: Any, upload: Any) -> dict[str, int]:
    rows = read(upload)  # outside any transaction
    return write(by, check(by, rows))
