"""Practices in and out of Palabre as CSV, XLSX or JSONL, in one documented shape.

Export writes what a person may see; import reads the same files back unchanged
(see docs/import-export.md). Import validates the whole file first and, by default,
imports nothing when a row is bad; it streams, so 100,000 rows fit in little memory.
The file is read once, within limits and outside any transaction; only the rows found
good are then written, in one transaction, 500 at a time: a few statements per batch for
the practices, their links and steps, their search documents and first revisions, all
built from the rows in memory (nothing is read back, no signal fires per row).
"""

from __future__ import annotations

import csv
import io
import json
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django_countries import countries

from palabre.audit.services import audit_record
from palabre.lib import spreadsheets
from palabre.lib.errors import ServiceError
from palabre.lib.spreadsheets import defuse, undefuse
from palabre.lib.visibility import Visibility
from palabre.organisations.models import Organisation
from palabre.practices.models import Practice, Revision, Step
from palabre.practices.page_cache import practice_pages_changed
from palabre.practices.search import practice_document
from palabre.practices.services import practice_snapshot
from palabre.search.backends import insert_many
from palabre.search.services import search_index, vocabulary_rebuild
from palabre.themes.models import Tag, Theme

COLUMNS = (
    "external_id", "title", "kind", "language", "status", "visibility", "lead_organisation",
    "partners", "authors", "contact", "themes", "tags", "country", "region", "period_start",
    "period_end", "project_name", "summary", "context", "objectives", "beneficiaries",
    "beneficiaries_women", "beneficiaries_men", "stakeholders", "approach", "steps",
    "resources", "cost_amount", "cost_currency", "results", "success_factors", "difficulties",
    "lessons", "sustainability", "replication", "published_at", "translation_of",
)  # fmt: skip
TEXT = (
    "summary", "context", "objectives", "beneficiaries", "stakeholders", "approach",
    "resources", "results", "success_factors", "difficulties", "lessons", "sustainability",
    "replication", "region", "project_name",
)  # fmt: skip
LISTS = ("partners", "authors", "themes", "tags")
FORMATS = ("csv", "xlsx", "jsonl")


# Export ---------------------------------------------------------------------------


def external_id(practice: Practice) -> str:
    return practice.external_id or f"palabre-{practice.pk}"


def practice_row(practice: Practice, ids: dict[int, str]) -> dict[str, Any]:
    """One practice as a row. Lists are sorted so that the same data gives the same file."""
    row = {
        "external_id": external_id(practice),
        "title": practice.title,
        "kind": practice.kind,
        "language": practice.language,
        "status": practice.status,
        "visibility": practice.visibility,
        "lead_organisation": practice.lead_organisation.slug,
        "partners": sorted(o.slug for o in practice.partners.all()),
        "authors": sorted(u.email for u in practice.authors.all()),
        "contact": practice.contact.email if practice.contact_id else "",
        "themes": sorted(t.slug for t in practice.themes.all()),
        "tags": sorted(t.name for t in practice.tags.all()),
        "country": str(practice.country or ""),
        "period_start": practice.period_start.isoformat() if practice.period_start else "",
        "period_end": practice.period_end.isoformat() if practice.period_end else "",
        "beneficiaries_women": practice.beneficiaries_women,
        "beneficiaries_men": practice.beneficiaries_men,
        "steps": [
            {
                "title": s.title,
                "description": s.description,
                "what_made_it_work": s.what_made_it_work,
            }
            for s in practice.steps.all()
        ],
        "cost_amount": str(practice.cost_amount) if practice.cost_amount is not None else "",
        "cost_currency": practice.cost_currency,
        "published_at": (
            practice.published_at.astimezone(UTC).isoformat() if practice.published_at else ""
        ),
        "translation_of": ids.get(practice.translation_of_id, "")
        if practice.translation_of_id
        else "",
    }
    for name in TEXT:
        row[name] = getattr(practice, name)
    return {name: row[name] for name in COLUMNS}


def export_rows(practices) -> Iterator[dict[str, Any]]:
    """Rows for every practice (a queryset, or ids in order), in batches: no N+1, little memory."""
    pks = (
        list(practices)
        if isinstance(practices, list)
        else list(practices.values_list("pk", flat=True))
    )
    originals = set(
        Practice.objects.filter(pk__in=pks, translation_of__isnull=False).values_list(
            "translation_of_id", flat=True
        )
    )
    ids = {pk: external_id or f"palabre-{pk}" for pk, external_id in Practice.objects.filter(
        pk__in=originals
    ).values_list("pk", "external_id")}  # fmt: skip
    for start in range(0, len(pks), 500):
        batch = (
            Practice.objects.filter(pk__in=pks[start : start + 500])
            .select_related("lead_organisation", "contact")
            .prefetch_related("partners", "authors", "themes", "tags", "steps")
            .order_by("pk")
        )
        order = {pk: i for i, pk in enumerate(pks[start : start + 500])}
        for practice in sorted(batch, key=lambda p: order[p.pk]):
            yield practice_row(practice, ids)


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    flat = {}
    for name, value in row.items():
        if name in LISTS:
            value = "; ".join(value)
        elif name == "steps":
            value = json.dumps(value, ensure_ascii=False) if value else ""
        elif value is None:
            value = ""
        flat[name] = defuse(value) if isinstance(value, str) else value
    return flat


def write_csv(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    buffer.write("\ufeff")  # so that spreadsheets read UTF-8
    writer.writeheader()
    yield buffer.getvalue()
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(_flat(row))
        yield buffer.getvalue()


def write_jsonl(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n"


def write_xlsx(rows: Iterable[dict[str, Any]], target) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("practices")
    sheet.append(list(COLUMNS))
    for row in rows:
        flat = _flat(row)
        sheet.append([flat[name] for name in COLUMNS])
    workbook.save(target)


# Import ---------------------------------------------------------------------------


@dataclass
class RowError:
    line: int
    message: str


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)
    imported: bool = False


def import_limits() -> spreadsheets.Limits:
    return spreadsheets.Limits(
        rows=settings.PRACTICES_IMPORT_MAX_ROWS,
        cells=settings.PRACTICES_IMPORT_MAX_CELLS,
        expanded_bytes=settings.PRACTICES_IMPORT_MAX_EXPANDED_MB * 1024 * 1024,
        ratio=settings.IMPORT_MAX_COMPRESSION_RATIO,
    )


def read_rows(path: Path, fmt: str | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, row) pairs, streamed from a CSV, XLSX or JSONL file within the import
    limits (an XLSX is measured from its zip directory before it is opened). A file that
    cannot be read raises ``ServiceError`` saying why."""
    fmt = fmt or path.suffix.lstrip(".").lower()
    limits = import_limits()
    if fmt == "csv":
        encoding = spreadsheets.file_encoding(path)
        with path.open(newline="", encoding=encoding) as handle:
            rows = spreadsheets.csv_rows(handle, limits, min_columns=2)
            header: list[str] = []
            for number, cells in rows:
                if not header:
                    header = [h.strip() for h in cells]
                    continue
                if not any(spreadsheets.filled(c) for c in cells):
                    continue
                yield number, {h: undefuse(v) for h, v in zip(header, cells, strict=False) if h}
    elif fmt == "jsonl":
        counter = spreadsheets.RowCounter(limits)
        with path.open(encoding="utf-8-sig") as handle:
            try:
                for number, line in enumerate(handle, 1):
                    if not line.strip():
                        continue
                    try:
                        row = json.loads(line)
                    except json.JSONDecodeError as error:
                        yield (
                            number,
                            {"__error__": _("not valid JSON (%(reason)s)") % {"reason": error.msg}},
                        )
                        continue
                    if not isinstance(row, dict):
                        yield number, {"__error__": _("each line must be a JSON object")}
                        continue
                    counter.add(list(row.values()) or [None])
                    yield number, row
            except UnicodeDecodeError as error:
                raise ServiceError(
                    _("The file is not UTF-8 text: JSONL files must be written in UTF-8."),
                    field="file",
                ) from error
    elif fmt == "xlsx":
        header = []
        for number, values in spreadsheets.xlsx_rows(path, limits):
            if not header:
                header = [str(h).strip() if h is not None else "" for h in values]
                continue
            if all(v in (None, "") for v in values):
                continue
            yield number, {h: undefuse(v) for h, v in zip(header, values, strict=False) if h}
    else:
        raise ValueError(fmt)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip() if not isinstance(value, str) else value


def _list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in _text(value).split(";") if part.strip()]


def _safe(parser, value: str):
    """Django's date parsers return None for a malformed value but raise for "2024-13-01"."""
    try:
        return parser(value)
    except ValueError:
        return None


class Validator:
    """Checks rows one by one against what exists (organisations, people, themes)."""

    def __init__(self):
        self.organisations = dict(Organisation.objects.values_list("slug", "pk"))
        self.people = {
            e.lower(): pk for e, pk in get_user_model().objects.values_list("email", "pk")
        }
        self.themes = dict(Theme.objects.values_list("slug", "pk"))
        self.seen: set[str] = set()
        self.known_ids = set(
            Practice.objects.exclude(external_id="").values_list("external_id", flat=True)
        )

    def check(self, row: dict[str, Any]) -> tuple[dict[str, Any] | None, list[str]]:
        if "__error__" in row:
            return None, [row["__error__"]]
        problems: list[str] = []
        clean: dict[str, Any] = {}
        unknown = sorted(set(row) - set(COLUMNS))
        if unknown:
            problems.append(_("unknown columns: %(names)s") % {"names": ", ".join(unknown)})
        title = _text(row.get("title")).strip()
        if not 3 <= len(title) <= 200:
            problems.append(_("the title must have 3 to 200 characters"))
        clean["title"] = title
        ext = _text(row.get("external_id")).strip()[:100]
        if ext and ext in self.seen:
            problems.append(_("external_id %(id)s appears twice in the file") % {"id": ext})
        clean["external_id"] = ext
        for name, choices, default in (
            ("kind", Practice.Kind.values, "good_practice"),
            ("language", ["fr", "en"], "fr"),
            ("status", Practice.Status.values, "draft"),
            ("visibility", Visibility.values, "network"),
        ):
            value = _text(row.get(name)).strip() or default
            if value not in choices:
                problems.append(
                    _("%(column)s must be one of %(choices)s, not « %(value)s »")
                    % {"column": name, "choices": ", ".join(choices), "value": value[:40]}
                )
            clean[name] = value
        lead = _text(row.get("lead_organisation")).strip()
        if lead not in self.organisations:
            problems.append(_("unknown lead organisation « %(value)s »") % {"value": lead[:60]})
        clean["lead_organisation_id"] = self.organisations.get(lead)
        partners = _list(row.get("partners"))
        missing = [p for p in partners if p not in self.organisations]
        if missing:
            problems.append(
                _("unknown organisations: %(names)s") % {"names": ", ".join(missing[:5])}
            )
        clean["partners"] = [self.organisations[p] for p in partners if p in self.organisations]
        authors = [a.lower() for a in _list(row.get("authors"))]
        missing = [a for a in authors if a not in self.people]
        if not authors:
            problems.append(_("at least one author (e-mail of a member) is needed"))
        elif missing:
            problems.append(_("unknown authors: %(names)s") % {"names": ", ".join(missing[:5])})
        clean["authors"] = [self.people[a] for a in authors if a in self.people]
        contact = _text(row.get("contact")).strip().lower()
        if contact and contact not in self.people:
            problems.append(_("unknown contact « %(value)s »") % {"value": contact[:60]})
        clean["contact_id"] = self.people.get(contact) if contact else None
        themes = _list(row.get("themes"))
        missing = [t for t in themes if t not in self.themes]
        if missing:
            problems.append(_("unknown themes: %(names)s") % {"names": ", ".join(missing[:5])})
        clean["themes"] = [self.themes[t] for t in themes if t in self.themes]
        clean["tags"] = _list(row.get("tags"))
        country = _text(row.get("country")).strip().upper()
        if country and country not in dict(countries):
            problems.append(_("unknown country code « %(value)s »") % {"value": country[:10]})
        clean["country"] = country
        for name in ("period_start", "period_end"):
            value = _text(row.get(name)).strip()
            parsed = None
            if value:
                parsed = value if isinstance(value, date) else _safe(parse_date, value[:10])
                if parsed is None:
                    problems.append(_("%(column)s is not a date (YYYY-MM-DD)") % {"column": name})
            clean[name] = parsed
        if (
            clean["period_start"]
            and clean["period_end"]
            and clean["period_end"] < clean["period_start"]
        ):
            problems.append(_("the period ends before it starts"))
        for name in ("beneficiaries_women", "beneficiaries_men"):
            value = _text(row.get(name)).strip()
            clean[name] = None
            if value:
                if value.isdigit():
                    clean[name] = int(value)
                else:
                    problems.append(_("%(column)s must be a whole number") % {"column": name})
        value = _text(row.get("cost_amount")).strip().replace(" ", "")
        clean["cost_amount"] = None
        if value:
            try:
                amount = Decimal(value)
                if amount < 0 or amount != amount.to_integral_value():
                    raise InvalidOperation
                clean["cost_amount"] = amount
            except InvalidOperation:
                problems.append(_("cost_amount must be a whole positive amount"))
        currency = (_text(row.get("cost_currency")).strip() or "XAF").upper()
        if len(currency) != 3 or not currency.isalpha():
            problems.append(_("cost_currency must be three letters (XAF, EUR…)"))
        clean["cost_currency"] = currency
        steps = row.get("steps")
        clean["steps"] = []
        if isinstance(steps, str) and steps.strip():
            try:
                steps = json.loads(steps)
            except json.JSONDecodeError:
                problems.append(_("steps must be a JSON list of steps"))
                steps = []
        if steps:
            if not isinstance(steps, list) or not all(
                isinstance(s, dict) and s.get("title") for s in steps
            ):
                problems.append(_("each step needs a title"))
            else:
                clean["steps"] = [
                    {k: str(s.get(k) or "") for k in ("title", "description", "what_made_it_work")}
                    for s in steps
                ]
                if any(len(s["title"]) > 200 for s in clean["steps"]):
                    problems.append(_("a step title must have at most 200 characters"))
        published = _text(row.get("published_at")).strip()
        clean["published_at"] = None
        if published:
            moment = (
                published if isinstance(published, datetime) else _safe(parse_datetime, published)
            )
            if moment is None:
                day = _safe(parse_date, published)
                moment = datetime(day.year, day.month, day.day, tzinfo=UTC) if day else None
            if moment is None:
                problems.append(_("published_at is not a date"))
            else:
                clean["published_at"] = (
                    moment if timezone.is_aware(moment) else timezone.make_aware(moment)
                )
        clean["translation_of"] = _text(row.get("translation_of")).strip()
        for name in TEXT:
            clean[name] = _text(row.get(name))
        # What PostgreSQL would refuse half-way through the import (SQLite would keep it).
        for name, most in (("region", 100), ("project_name", 200)):
            if len(clean[name]) > most:
                problems.append(
                    _("%(column)s must have at most %(count)s characters")
                    % {"column": name, "count": most}
                )
        if ext:
            self.seen.add(ext)
        return (None if problems else clean), problems


def validate_file(
    path: Path, fmt: str | None = None, *, progress=None, keep: IO[bytes] | None = None
) -> ImportReport:
    """Check every row. With ``keep`` (a temporary file), the rows found good are written
    there too, so that the import does not read the file again."""
    report = ImportReport()
    validator = Validator()
    references: list[tuple[int, str]] = []
    for line, row in read_rows(path, fmt):
        report.rows += 1
        clean, problems = validator.check(row)
        for problem in problems:
            report.errors.append(RowError(line, problem))
        if clean and clean["translation_of"]:
            references.append((line, clean["translation_of"]))
        if clean and keep is not None:
            pickle.dump((line, clean), keep)
        if progress and report.rows % 1000 == 0:
            progress(report.rows)
    for line, original in references:
        if original not in validator.seen and original not in validator.known_ids:
            report.errors.append(
                RowError(
                    line,
                    _("translation_of « %(value)s » is neither in the file nor in Palabre")
                    % {"value": original[:60]},
                )
            )
    report.errors.sort(key=lambda e: e.line)
    return report


def _kept_rows(keep: IO[bytes]) -> Iterator[tuple[int, dict[str, Any]]]:
    keep.seek(0)
    while True:
        try:
            # Only what validate_file wrote a moment ago into this temporary file.
            yield pickle.load(keep)  # noqa: S301
        except EOFError:
            return


def import_file(
    path: Path, fmt: str | None = None, *, by=None, partial: bool = False, progress=None
) -> ImportReport:
    """Validate everything, then import (all of it, or only good rows with ``partial``).

    The file is read once, outside any transaction (within the import limits); the rows
    found good wait in a temporary file, and only they are written, in one transaction.
    """
    with tempfile.TemporaryFile() as keep:
        report = validate_file(path, fmt, progress=progress, keep=keep)
        if report.errors and not partial:
            return report
        _import_rows(_kept_rows(keep), report, path=path, by=by, progress=progress)
    vocabulary_rebuild()
    refresh_statistics()
    report.imported = True
    return report


BATCH = 500


@transaction.atomic
def _import_rows(rows, report: ImportReport, *, path: Path, by, progress) -> None:
    bad_lines = {e.line for e in report.errors}
    done = 0
    pending_links: list[tuple[int, str]] = []
    batch: list[dict[str, Any]] = []
    writer = _BatchWriter(by)
    for line, clean in rows:
        if line in bad_lines:
            continue
        batch.append(clean)
        if len(batch) >= BATCH:
            pending_links += writer.save(batch, report)
            done += len(batch)
            batch = []
            if progress:
                progress(done)
    pending_links += writer.save(batch, report)
    done += len(batch)
    if progress:
        progress(done)
    # Translations listed before their original are linked once every row is in.
    originals = dict(
        Practice.objects.filter(external_id__in={o for _, o in pending_links}).values_list(
            "external_id", "pk"
        )
    )
    Practice.objects.bulk_update(
        [
            Practice(pk=pk, translation_of_id=originals.get(original))
            for pk, original in pending_links
        ],
        ["translation_of_id"],
        batch_size=BATCH,
    )
    # Writing in bulk sends no signal per row: practice pages kept in the cache are
    # told once that they may have changed.
    practice_pages_changed()
    if by is not None:
        audit_record(
            action="practice.imported",
            actor=by,
            target=by,
            data={"file": path.name, "created": report.created, "updated": report.updated},
        )


def refresh_statistics() -> None:
    """After a large import, let the database planner know how big the tables are now."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and connection.in_atomic_block:
            cursor.execute("ANALYZE")
        elif connection.vendor == "postgresql":
            # VACUUM also lets counts read indexes only; it cannot run in a transaction.
            for table in (
                "practices_practice", "practices_practice_themes", "practices_practice_tags",
                "search_searchdocument",
            ):  # fmt: skip
                cursor.execute(f"VACUUM ANALYZE {table}")
        else:
            cursor.execute("ANALYZE")


# Values these fields write as they are (a str for text, an int for numbers and links):
# preparing them through the field, as Django does, would give the same value, slowly.
_AS_IS = {
    **dict.fromkeys(
        (models.CharField, models.TextField, models.SlugField, models.EmailField), str
    ),
    **dict.fromkeys(
        (
            models.IntegerField, models.PositiveIntegerField, models.PositiveSmallIntegerField,
            models.SmallIntegerField, models.BigIntegerField, models.AutoField,
            models.BigAutoField, models.ForeignKey,
        ),
        int,
    ),
}  # fmt: skip


def _preparer(field):
    kind = _AS_IS.get(type(field))
    attname = field.attname
    # Most fields save the value they hold; a few compute it (auto_now, files…).
    computed = type(field).pre_save is not models.Field.pre_save

    def prepare(obj):
        value = field.pre_save(obj, True) if computed else getattr(obj, attname)
        if kind is not None and (value is None or type(value) is kind):
            return value
        return field.get_db_prep_save(value, connection)

    return prepare


def insert_rows(model, objects: list, *, numbered: bool = False) -> None:
    """INSERT new ``objects`` of ``model`` as ``bulk_create`` would: each value prepared
    by its field (``pre_save``, ``get_db_prep_save``), but no SQL built per row. With
    ``numbered``, the objects get their ids (drawn from the table's sequence on
    PostgreSQL; on SQLite, read row by row, which costs little there)."""
    if not objects:
        return
    opts = model._meta
    pk = opts.pk
    fields = [f for f in opts.concrete_fields if f is not pk or objects[0].pk is not None]
    columns = [f.column for f in fields]
    prepare = [_preparer(f) for f in fields]
    rows = [[p(obj) for p in prepare] for obj in objects]
    with connection.cursor() as cursor:
        if numbered and connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [opts.db_table, pk.column, len(objects)],
            )
            for obj, row, (number,) in zip(objects, rows, cursor.fetchall(), strict=True):
                obj.pk = number
                row.append(number)
            columns.append(pk.column)
            numbered = False
        if numbered:  # SQLite: one row at a time, each numbered as it is written
            quote = connection.ops.quote_name
            sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 - names from the model
                quote(opts.db_table),
                ", ".join(quote(c) for c in columns),
                ", ".join(["%s"] * len(columns)),
            )
            for obj, row in zip(objects, rows, strict=True):
                cursor.execute(sql, row)
                obj.pk = cursor.lastrowid
        else:
            insert_many(opts.db_table, columns, rows)
    for obj in objects:
        obj._state.adding = False
        obj._state.db = connection.alias


def insert_links(model, columns: tuple[str, str], pairs: list[tuple[int, int]]) -> None:
    """Rows of a many-to-many table, as (practice, other) ids."""
    insert_many(model._meta.db_table, list(columns), [list(pair) for pair in pairs])


class _BatchWriter:
    """Writes the good rows batch by batch: a few statements per batch, whatever its size.

    What it writes is what it just read: the practices' links, steps, search documents
    and first revisions are built from the rows in memory (with the organisations,
    themes, tags and people they name, each read once), not read back from the database.
    """

    SCALAR = (
        "title", "kind", "language", "status", "visibility", "lead_organisation_id", "contact_id",
        "country", "period_start", "period_end", "beneficiaries_women", "beneficiaries_men",
        "cost_amount", "cost_currency", *TEXT,
    )  # fmt: skip

    def __init__(self, by):
        self.by = by
        self.organisations = Organisation.objects.in_bulk()
        # In the order the database gives them (``Theme.Meta.ordering``).
        self.themes = {t.pk: (i, t) for i, t in enumerate(Theme.objects.all())}
        self.people: dict[int, Any] = {}
        self.tags: dict[str, Tag] = {}  # by slug

    def _people(self, ids: set[int]) -> None:
        missing = ids - self.people.keys()
        if missing:
            self.people.update(get_user_model().objects.in_bulk(list(missing)))

    def _tags(self, names: set[str]) -> None:
        new = sorted(n for n in names if Tag.slug_for(n) and Tag.slug_for(n) not in self.tags)
        for tag in Tag.for_names(new) if new else []:
            self.tags[tag.slug] = tag

    def save(self, batch: list[dict[str, Any]], report: ImportReport) -> list[tuple[int, str]]:
        """Save up to ``BATCH`` rows; returns (practice, original) links to make at the end."""
        if not batch:
            return []
        by = self.by
        ext_ids = [row["external_id"] for row in batch if row["external_id"]]
        existing = (
            {p.external_id: p for p in Practice.objects.filter(external_id__in=ext_ids)}
            if ext_ids
            else {}
        )
        originals = {row["translation_of"] for row in batch if row["translation_of"]}
        original_pks = (
            dict(
                Practice.objects.filter(external_id__in=originals).values_list("external_id", "pk")
            )
            if originals
            else {}
        )
        to_create, to_update, practices = [], [], []
        for row in batch:
            practice = existing.get(row["external_id"]) or Practice(
                external_id=row["external_id"], created_by=by
            )
            for name in self.SCALAR:
                setattr(practice, name, row[name])
            # What Practice.save() sets, which bulk writes do not call.
            practice.period_year = practice.period_start.year if practice.period_start else None
            practice.translation_of_id = original_pks.get(row["translation_of"])
            practice.published_at = row["published_at"]
            if row["status"] in ("published", "archived"):
                practice.published_at = practice.published_at or timezone.now()
                practice.last_published_at = practice.published_at
                practice.review_by = (
                    practice.published_at + timedelta(days=settings.PRACTICES_REVIEW_PERIOD_DAYS)
                ).date()
            else:
                practice.last_published_at = None
            (to_update if practice.pk else to_create).append(practice)
            practices.append(practice)
        insert_rows(Practice, to_create, numbered=True)
        if to_update:
            Practice.objects.bulk_update(
                to_update,
                [*self.SCALAR, "period_year", "translation_of_id", "published_at",
                 "last_published_at", "review_by"],
                batch_size=BATCH,
            )  # fmt: skip
        report.created += len(to_create)
        report.updated += len(to_update)
        self._write_relations(practices, batch, updated=[p.pk for p in to_update])
        search_index([practice_document(p) for p in practices])
        self._write_revisions(practices, updated={p.pk for p in to_update})
        return [
            (p.pk, row["translation_of"])
            for p, row in zip(practices, batch, strict=True)
            if row["translation_of"] and p.translation_of_id is None
        ]

    def _write_relations(self, practices: list[Practice], batch, *, updated: list[int]) -> None:
        """Links and steps, written anew; each practice also keeps them in memory, as a
        ``prefetch_related`` would have read them, for its search document and revision."""
        through = {
            "partners": (Practice.partners.through, "organisation_id"),
            "authors": (Practice.authors.through, "user_id"),
            "themes": (Practice.themes.through, "theme_id"),
            "tags": (Practice.tags.through, "tag_id"),
        }
        if updated:  # a new practice has no links yet
            for model in (*(m for m, _c in through.values()), Step):
                model.objects.filter(practice_id__in=updated).delete()
        self._people({pk for row in batch for pk in (*row["authors"], row["contact_id"]) if pk})
        self._tags({name for row in batch for name in row["tags"]})
        tag_order = {
            pk: i
            for i, pk in enumerate(
                Tag.objects.filter(
                    slug__in={Tag.slug_for(n) for row in batch for n in row["tags"]}
                ).values_list("pk", flat=True)
            )
        }
        links: dict[str, list] = {name: [] for name in through}
        steps: list[Step] = []
        for practice, row in zip(practices, batch, strict=True):
            partners = [self.organisations[pk] for pk in dict.fromkeys(row["partners"])]
            authors = [self.people[pk] for pk in dict.fromkeys(row["authors"])]
            themes = [self.themes[pk] for pk in dict.fromkeys(row["themes"])]
            tags = {}
            for name in row["tags"]:
                tag = self.tags.get(Tag.slug_for(name))
                if tag is not None:
                    tags.setdefault(tag.pk, tag)  # "Eau" and "eau" are one tag
            own_steps = [
                Step(practice_id=practice.pk, position=i, **s) for i, s in enumerate(row["steps"])
            ]
            pk = practice.pk
            links["partners"] += [(pk, o.pk) for o in partners]
            links["authors"] += [(pk, u.pk) for u in authors]
            links["themes"] += [(pk, t.pk) for _i, t in themes]
            links["tags"] += [(pk, tag_pk) for tag_pk in tags]
            steps += own_steps
            practice.lead_organisation = self.organisations[practice.lead_organisation_id]
            practice.contact = self.people[practice.contact_id] if practice.contact_id else None
            practice._prefetched_objects_cache = {
                "partners": partners,
                "authors": authors,
                "themes": [t for _i, t in sorted(themes, key=lambda it: it[0])],
                "tags": sorted(tags.values(), key=lambda t: tag_order[t.pk]),
                "steps": own_steps,
            }
        for name, (model, column) in through.items():
            insert_links(model, ("practice_id", column), links[name])
        insert_rows(Step, steps)

    def _write_revisions(self, practices: list[Practice], *, updated: set[int]) -> None:
        """Each published practice without a revision gets its first, "Imported"."""
        published = [p for p in practices if p.status in ("published", "archived")]
        with_revision = (
            set(
                Revision.objects.filter(
                    practice_id__in=[p.pk for p in published if p.pk in updated]
                ).values_list("practice_id", flat=True)
            )
            if updated
            else set()
        )
        note = _("Imported")
        insert_rows(
            Revision,
            [
                Revision(
                    practice=p,
                    number=1,
                    data=practice_snapshot(p),
                    published_by=self.by,
                    published_at=p.published_at,
                    note=note,
                )
                for p in published
                if p.pk not in with_revision
            ],
        )
