"""Tables as CSV or XLSX: downloads that no spreadsheet runs as formulas, and files sent
for import read within limits.

Writing: a text cell starting with = + - @ (or a tab or carriage return) is prefixed with
an apostrophe (CSV injection). Numbers and dates stay numbers and dates in XLSX.

Reading: an XLSX is a zip archive that may hold a "bomb" (a few hundred kilobytes that
unzip to gigabytes). Its expanded size and compression ratio are checked from the zip
directory before anything is unzipped, then rows and cells are counted while they are
read, so a hostile file costs little. Callers read files outside any transaction and
write only the rows they validated.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from django.http import HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from palabre.lib.errors import ServiceError

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


# Reading files sent for import ----------------------------------------------------

ZIP_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, or a password-protected .xlsx
# Small parts of a workbook (styles, themes) may compress far more than the ratio allows.
RATIO_GRACE_BYTES = 1024 * 1024
DELIMITERS = (",", ";", "\t")
# Text files hold no control characters but tab and line ends: NUL bytes are UTF-16 read
# as something else, or a binary file.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))  # fmt: skip


@dataclass(frozen=True)
class Limits:
    """How much a file sent for import may hold, checked before and while it is read.

    ``rows``: data rows (the header line apart); ``cells``: every cell read, a blank row
    counting as one; ``expanded_bytes``: what an XLSX's parts add up to once unzipped;
    ``ratio``: how many times one part may grow when unzipped; ``size``: the file itself.
    """

    rows: int
    cells: int
    expanded_bytes: int
    ratio: int
    size: int | None = None


def _unreadable_text() -> ServiceError:
    return ServiceError(
        _(
            "The file is not plain text in an encoding Palabre can read (UTF-8, UTF-16 or "
            "Windows). In your spreadsheet, save it as “CSV UTF-8”, or send the XLSX file."
        ),
        field="file",
    )


def _unreadable_xlsx() -> ServiceError:
    return ServiceError(
        _(
            "The file could not be read as a spreadsheet (XLSX). Save it again from your "
            "spreadsheet as “Excel workbook (.xlsx)”, or as CSV."
        ),
        field="file",
    )


class RowCounter:
    """Counts rows and cells as they are read; stops the reading past the limits."""

    def __init__(self, limits: Limits):
        self.limits = limits
        self.rows = 0
        self.cells = 0

    def add(self, cells: Sequence[Any]) -> None:
        self.cells += max(len(cells), 1)
        if self.cells > self.limits.cells:
            raise ServiceError(
                _(
                    "The file has too many cells (more than %(count)s). Keep only the "
                    "columns to import, or split it into several files."
                )
                % {"count": self.limits.cells},
                status=413,
                field="file",
            )
        if any(filled(cell) for cell in cells):
            self.rows += 1
            if self.rows > self.limits.rows + 1:  # the header line is not counted
                raise ServiceError(
                    _("Import at most %(count)s lines at once.") % {"count": self.limits.rows},
                    status=413,
                    field="file",
                )


def filled(cell: Any) -> bool:
    return cell is not None and str(cell).strip() != ""


def check_size(size: int | None, limits: Limits) -> None:
    if limits.size is not None and size is not None and size > limits.size:
        raise ServiceError(
            _("The file is too large (%(size)s; at most %(limit)s).")
            % {"size": filesizeformat(size), "limit": filesizeformat(limits.size)},
            status=413,
            field="file",
        )


def check_archive(source: Path | IO[bytes], limits: Limits) -> None:
    """Refuse an XLSX that is no zip, or whose parts would unzip too large, from the zip
    directory alone: nothing is decompressed. (Python's zipfile never unzips more than a
    part's declared size, so a directory that lies makes the reading fail, not grow.)"""
    try:
        with zipfile.ZipFile(source) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise _unreadable_xlsx() from error
    expanded = sum(part.file_size for part in parts)
    if expanded > limits.expanded_bytes:
        raise ServiceError(
            _(
                "Once unzipped, this spreadsheet would take %(size)s (at most %(limit)s). "
                "Split it into smaller files, or send it as CSV."
            )
            % {"size": filesizeformat(expanded), "limit": filesizeformat(limits.expanded_bytes)},
            status=413,
            field="file",
        )
    for part in parts:
        ratio = part.file_size // max(part.compress_size, 1)
        if part.file_size > RATIO_GRACE_BYTES and ratio > limits.ratio:
            raise ServiceError(
                _(
                    "This spreadsheet is packed in an unusual way (one of its parts grows "
                    "%(ratio)s times when unzipped) and was not opened. Save it again from "
                    "your spreadsheet, or send it as CSV."
                )
                % {"ratio": ratio},
                status=413,
                field="file",
            )
    names = {part.filename for part in parts}
    if "xl/workbook.xml" not in names:
        if "content.xml" in names:
            raise ServiceError(
                _(
                    "OpenDocument spreadsheets (.ods) cannot be read here. Save it as “Excel "
                    "workbook (.xlsx)” or as CSV."
                ),
                field="file",
            )
        raise _unreadable_xlsx()


def xlsx_rows(source: Path | IO[bytes], limits: Limits) -> Iterator[tuple[int, list[Any]]]:
    """(row number, values) of the first sheet, after ``check_archive``; streamed."""
    from openpyxl import load_workbook

    check_archive(source, limits)
    if not isinstance(source, Path):
        source.seek(0)
    try:
        workbook = load_workbook(source, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise _unreadable_xlsx() from error
    counter = RowCounter(limits)
    try:
        sheet = workbook.worksheets[0]
        # A declared size may lie (and pad every row to 16,384 columns): read what is there.
        sheet.reset_dimensions()
        rows = enumerate(sheet.iter_rows(values_only=True), 1)
        while True:
            try:
                number, values = next(rows)
            except StopIteration:
                return
            except Exception as error:  # a malformed sheet inside a sound zip
                raise _unreadable_xlsx() from error
            counter.add(values)
            yield number, list(values)
    finally:
        workbook.close()


def text_encoding(head: bytes, chunks: Iterable[bytes]) -> str:
    """The encoding of a text file: its byte-order mark, else UTF-8 if every byte fits,
    else Windows' (cp1252, what Excel writes on Windows in French)."""
    for bom, encoding in BOMS:
        if head.startswith(bom):
            return encoding
    if len(head) >= 4 and head[1::2].count(0) == len(head) // 2:
        return "utf-16-le"  # without its mark: every other byte of a Latin text is zero
    if len(head) >= 4 and head[0::2].count(0) == len(head) // 2:
        return "utf-16-be"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for chunk in chunks:
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def decode_text(content: bytes) -> str:
    try:
        return content.decode(text_encoding(content[:8], [content]))
    except UnicodeDecodeError as error:
        raise _unreadable_text() from error


def file_encoding(path: Path) -> str:
    with path.open("rb") as handle:
        head = handle.read(8)
        handle.seek(0)
        return text_encoding(head, iter(lambda: handle.read(1024 * 1024), b""))


def _checked_lines(lines: Iterable[str]) -> Iterator[str]:
    try:
        for line in lines:
            if CONTROL.search(line):
                raise _unreadable_text()
            yield line
    except UnicodeDecodeError as error:  # cp1252 leaves five bytes undefined
        raise _unreadable_text() from error


def csv_rows(
    lines: Iterable[str], limits: Limits, *, min_columns: int = 1
) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of CSV text, streamed. The separator (comma, semicolon or
    tab) is the one the first line uses most; a first line with fewer than
    ``min_columns`` columns is refused with what it holds."""
    lines = _checked_lines(lines)
    leading: list[str] = []  # blank lines before the header keep their numbers
    for line in lines:
        leading.append(line)
        if line.strip():
            break
    if not leading or not leading[-1].strip():
        return
    first = leading[-1]
    delimiter = max(DELIMITERS, key=first.count)
    reader = csv.reader(_chain(leading, lines), delimiter=delimiter)
    counter = RowCounter(limits)
    header = True
    try:
        for cells in reader:
            if header and any(filled(c) for c in cells):
                header = False
                if sum(1 for c in cells if filled(c)) < min_columns:
                    raise ServiceError(
                        _(
                            "The columns of the first line are not separated by commas, "
                            "semicolons or tabs: “%(line)s”. Save the file as CSV from "
                            "your spreadsheet."
                        )
                        % {"line": first.strip()[:80]},
                        field="file",
                    )
            counter.add(cells)
            yield reader.line_num, cells
    except csv.Error as error:
        raise ServiceError(
            _("The CSV file is malformed near line %(line)s.") % {"line": reader.line_num},
            field="file",
        ) from error


def _chain(first: list[str], rest: Iterator[str]) -> Iterator[str]:
    yield from first
    yield from rest


def read_table(upload: Any, limits: Limits, *, min_columns: int = 1) -> list[tuple[int, list[Any]]]:
    """The non-blank rows (line number, cells) of an uploaded CSV or XLSX file, checked
    against ``limits`` before and while it is read. Call it outside any transaction."""
    name = (getattr(upload, "name", "") or "").lower()
    check_size(getattr(upload, "size", None), limits)
    content = upload.read()
    check_size(len(content), limits)
    if content.startswith(ZIP_SIGNATURE):
        rows: Iterable[tuple[int, list[Any]]] = xlsx_rows(io.BytesIO(content), limits)
    elif content.startswith(OLE_SIGNATURE):
        raise ServiceError(
            _(
                "This is an old Excel file (.xls) or a workbook protected by a password: "
                "neither can be read here. Save it as “Excel workbook (.xlsx)” without a "
                "password, or as CSV."
            ),
            field="file",
        )
    elif name.endswith((".xlsx", ".xlsm")):
        raise _unreadable_xlsx()
    elif name.endswith((".csv", ".txt", ".tsv")) or not name:
        text = decode_text(content)
        rows = csv_rows(io.StringIO(text, newline=""), limits, min_columns=min_columns)
    else:
        raise ServiceError(_("Send a CSV or XLSX file."), field="file")
    return [(line, cells) for line, cells in rows if any(filled(c) for c in cells)]
