"""Reading a file of measurements (CSV or XLSX) into rows, before anything is checked.

Columns are found by their header, in French or English, in any order:
indicator (optional when importing into one indicator), date, value, source, comment.
Each row keeps its line number in the file, so that errors can name it.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from palabre.lib.errors import ServiceError

COLUMNS = {
    "indicator": ("indicator", "indicateur", "indicator name", "nom de l'indicateur"),
    "date": ("date", "measured on", "date de mesure", "date de la mesure"),
    "value": ("value", "valeur"),
    "source": ("source",),
    "comment": ("comment", "commentaire", "comments", "commentaires", "remarque"),
}
REQUIRED = ("date", "value")


@dataclass
class Row:
    line: int
    values: dict[str, Any]


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


def _key(text: Any) -> str:
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return " ".join(text.casefold().replace("_", " ").split())


_ALIASES = {_key(alias): column for column, aliases in COLUMNS.items() for alias in aliases}


def _header(cells: list[Any]) -> dict[int, str]:
    found: dict[int, str] = {}
    for index, cell in enumerate(cells):
        column = _ALIASES.get(_key(cell))
        if column and column not in found.values():
            found[index] = column
    missing = [c for c in REQUIRED if c not in found.values()]
    if missing:
        raise ServiceError(
            _(
                "The first line must name the columns: date and value (and optionally "
                "indicator, source, comment). Missing: %(columns)s."
            )
            % {"columns": ", ".join(missing)},
            field="file",
        )
    return found


def _decode(content: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ServiceError(_("The file could not be read as text (CSV)."), field="file")


def _csv_rows(content: bytes) -> list[tuple[int, list[Any]]]:
    text = _decode(content)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    if "\t" in first and first.count("\t") > first.count(delimiter):
        delimiter = "\t"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [(reader.line_num, row) for row in reader]
    except csv.Error as error:
        raise ServiceError(
            _("The CSV file is malformed near line %(line)s.") % {"line": reader.line_num},
            field="file",
        ) from error


def _xlsx_rows(content: bytes) -> list[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise ServiceError(
            _("The file could not be read as a spreadsheet (XLSX)."), field="file"
        ) from error
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for number, row in enumerate(sheet.iter_rows(values_only=True), 1):
            rows.append((number, list(row)))
            if number > settings.ADOPTIONS_IMPORT_MAX_ROWS + 1:
                break
        return rows
    finally:
        workbook.close()


def read_rows(upload: Any) -> list[Row]:
    """The data rows of an uploaded CSV or XLSX file (blank lines skipped)."""
    name = (getattr(upload, "name", "") or "").lower()
    size = getattr(upload, "size", None)
    if size is not None and size > settings.ADOPTIONS_IMPORT_MAX_BYTES:
        raise ServiceError(
            _("The file is too large (at most %(size)s MB).")
            % {"size": settings.ADOPTIONS_IMPORT_MAX_BYTES // (1024 * 1024)},
            field="file",
        )
    content = upload.read()
    if content.startswith(b"PK\x03\x04") or name.endswith(".xlsx"):
        raw = _xlsx_rows(content)
    elif name.endswith((".csv", ".txt", ".tsv")) or not name:
        raw = _csv_rows(content)
    else:
        raise ServiceError(_("Send a CSV or XLSX file."), field="file")
    raw = [(line, cells) for line, cells in raw if any(_filled(c) for c in cells)]
    if not raw:
        raise ServiceError(_("The file is empty."), field="file")
    (_line, header), body = raw[0], raw[1:]
    columns = _header(header)
    if not body:
        raise ServiceError(_("The file has column names but no measurement."), field="file")
    if len(body) > settings.ADOPTIONS_IMPORT_MAX_ROWS:
        raise ServiceError(
            _("Import at most %(count)s lines at once.")
            % {"count": settings.ADOPTIONS_IMPORT_MAX_ROWS},
            field="file",
        )
    rows = []
    for line, cells in body:
        values = dict.fromkeys(COLUMNS)
        for index, column in columns.items():
            values[column] = cells[index] if index < len(cells) else None
        rows.append(Row(line=line, values=values))
    return rows


def _filled(cell: Any) -> bool:
    return cell is not None and str(cell).strip() != ""


def parse_date(value: Any) -> date | None:
    """A date from a spreadsheet cell or text: 2026-03-31, 31/03/2026, 31.03.2026."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y/%m/%d"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)
