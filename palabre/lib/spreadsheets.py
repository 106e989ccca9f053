"""Tables as CSV or XLSX downloads that no spreadsheet runs as formulas.

A text cell starting with = + - @ (or a tab or carriage return) is prefixed with an
apostrophe (CSV injection). Numbers and dates stay numbers and dates in XLSX.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value: Any) -> Any:
    """A cell as it may safely be written: text that looks like a formula is defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, int | float | Decimal | date):
        return value
    return defuse(str(value))


def defuse(text: str) -> str:
    """Text a spreadsheet would run as a formula, kept as text (an apostrophe first)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def undefuse(value: Any) -> Any:
    """What ``defuse`` wrote, read back as it was typed (imports read exports unchanged)."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def _text(value: Any) -> str:
    value = safe_cell(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_text(h) for h in header])
    for row in rows:
        writer.writerow([_text(cell) for cell in row])
    # The byte-order mark lets spreadsheets read the accents right.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(header: Sequence[str], rows: Iterable[Sequence[Any]], *, sheet: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    table = workbook.active
    table.title = sheet[:31]
    table.append([safe_cell(h) for h in header])
    for cell in table[1]:
        cell.font = Font(bold=True)
    for row in rows:
        table.append([safe_cell(cell) for cell in row])
        for cell in table[table.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text
            elif isinstance(cell.value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
    table.freeze_panes = "A2"
    for column in table.columns:
        width = max(len(str(c.value or "")) for c in column)
        table.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 50)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def download(content: bytes, *, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def csv_response(
    header: Sequence[str], rows: Iterable[Sequence[Any]], *, filename: str
) -> HttpResponse:
    return download(
        csv_bytes(header, rows), filename=filename, content_type="text/csv; charset=utf-8"
    )


def xlsx_response(
    header: Sequence[str], rows: Iterable[Sequence[Any]], *, filename: str, sheet: str
) -> HttpResponse:
    return download(xlsx_bytes(header, rows, sheet=sheet), filename=filename, content_type=XLSX)
