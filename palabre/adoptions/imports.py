"""Reading a file of measurements (CSV or XLSX) into rows, before anything is checked.

The file is read within the limits of ``palabre.lib.spreadsheets`` (size, expanded size,
rows, cells) and outside any transaction.

Columns are found by their header, in French or English, in any order:
indicator (optional when importing into one indicator), date, value, source, comment.
Each row keeps its line number in the file, so that errors can name it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

from palabre.lib import spreadsheets
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


# Column names as people read them in the messages (the file may use either language).
LABELS = {
    "indicator": _lazy("indicator"),
    "date": _lazy("date"),
    "value": _lazy("value"),
    "source": _lazy("source"),
    "comment": _lazy("comment"),
}


def _header(cells: list[Any]) -> dict[int, str]:
    found: dict[int, str] = {}
    for index, cell in enumerate(cells):
        column = _ALIASES.get(_key(cell))
        if column and column not in found.values():
            found[index] = column
    missing = [str(LABELS[c]) for c in REQUIRED if c not in found.values()]
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


def limits() -> spreadsheets.Limits:
    return spreadsheets.Limits(
        rows=settings.ADOPTIONS_IMPORT_MAX_ROWS,
        cells=settings.IMPORT_MAX_CELLS,
        expanded_bytes=settings.IMPORT_MAX_EXPANDED_MB * 1024 * 1024,
        ratio=settings.IMPORT_MAX_COMPRESSION_RATIO,
        size=settings.ADOPTIONS_IMPORT_MAX_BYTES,
    )


def read_rows(upload: Any) -> list[Row]:
    """The data rows of an uploaded CSV or XLSX file (blank lines skipped), read within
    the import limits. Reading takes time: call it outside any transaction."""
    raw = spreadsheets.read_table(upload, limits(), min_columns=len(REQUIRED))
    if not raw:
        raise ServiceError(_("The file is empty."), field="file")
    (_line, header), body = raw[0], raw[1:]
    columns = _header(header)
    if not body:
        raise ServiceError(_("The file has column names but no measurement."), field="file")
    rows = []
    for line, cells in body:
        values = dict.fromkeys(COLUMNS)
        for index, column in columns.items():
            values[column] = cells[index] if index < len(cells) else None
        rows.append(Row(line=line, values=values))
    return rows


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
