"""The child process of ``palabre.lib.extract``: reads one file and writes what it found.

Run as ``python -I _extract_child.py <text|preview> <path> <limits as JSON>`` by
``extract.py``, which sets the memory, CPU-time and file-size limits before this starts
and kills it when its time is up. It imports nothing of Palabre or Django: a hostile file
can at worst exhaust this process. ``text`` writes one JSON object on standard output
(``status``, ``text``, ``reason``); ``preview`` writes the PNG's bytes (nothing when there
is no first page to draw).
"""

from __future__ import annotations

import io
import json
import re
import sys
import zipfile
from typing import Any

WHITESPACE = re.compile(r"[ \t\r\f\v\u00a0]+")
BLANK_LINES = re.compile(r"\n\s*\n+")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class Refused(Exception):
    def __init__(self, status: str, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def tidy(text: str, max_chars: int) -> str:
    text = CONTROL.sub(" ", text)
    text = WHITESPACE.sub(" ", text)
    text = BLANK_LINES.sub("\n\n", text)
    return "\n".join(line.strip() for line in text.split("\n")).strip()[:max_chars]


def kind_of(path: str) -> str:
    """What the file is, from its content (never its name): pdf, docx, xlsx, odt, ods,
    text, or "" when it is none of them."""
    with open(path, "rb") as handle:
        head = handle.read(4096)
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
                if "mimetype" in names:
                    mimetype = archive.read("mimetype")[:100].decode("ascii", "replace")
                    if mimetype.endswith("opendocument.text"):
                        return "odt"
                    if mimetype.endswith("opendocument.spreadsheet"):
                        return "ods"
                if "word/document.xml" in names:
                    return "docx"
                if "xl/workbook.xml" in names:
                    return "xlsx"
        except zipfile.BadZipFile:
            return ""
        return ""
    if b"\x00" in head:
        return ""
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut by the 4 kB boundary is still UTF-8.
        if error.start < len(head) - 4:
            return "text" if _looks_like_latin1(head) else ""
    return "text"


def _looks_like_latin1(data: bytes) -> bool:
    printable = sum(1 for byte in data if byte >= 32 or byte in b"\t\n\r")
    return printable >= 0.95 * len(data)


def check_zip(path: str, limits: dict[str, Any]) -> None:
    """Refuse an archive whose content, once expanded, would be over the limits — read
    from its directory, before anything is unpacked."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except zipfile.BadZipFile as error:
        raise Refused("failed", f"not a readable archive: {error}") from error
    if len(entries) > limits["max_entries"]:
        raise Refused("too_large", f"{len(entries)} parts in the archive")
    expanded = sum(entry.file_size for entry in entries)
    if expanded > limits["max_expanded_bytes"]:
        raise Refused("too_large", f"{expanded} bytes once expanded")


def pdf_text(path: str, limits: dict[str, Any]) -> str:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        message = str(error)
        status = "unsupported" if "password" in message.lower() else "failed"
        raise Refused(status, f"PDF not readable: {message}") from error
    parts: list[str] = []
    size = 0
    try:
        for index in range(min(len(document), limits["max_pages"])):
            page = document[index]
            textpage = page.get_textpage()
            text = textpage.get_text_bounded()
            textpage.close()
            page.close()
            parts.append(text)
            size += len(text)
            if size >= limits["max_chars"]:
                break
    finally:
        document.close()
    return "\n\n".join(parts)


def docx_text(path: str, limits: dict[str, Any]) -> str:
    import docx

    document = docx.Document(path)
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def odf_text(path: str, limits: dict[str, Any]) -> str:
    from odfdo import Document

    return str(Document(path).get_formatted_text())


def xlsx_text(path: str, limits: dict[str, Any]) -> str:
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    parts: list[str] = []
    size = 0
    try:
        for sheet in workbook.worksheets:
            parts.append(str(sheet.title))
            for row in sheet.iter_rows(values_only=True):
                line = " ".join(str(value) for value in row if value not in (None, ""))
                if line:
                    parts.append(line)
                    size += len(line)
                if size >= limits["max_chars"]:
                    return "\n".join(parts)
    finally:
        workbook.close()
    return "\n".join(parts)


def plain_text(path: str, limits: dict[str, Any]) -> str:
    with open(path, "rb") as handle:
        data = handle.read(limits["max_chars"] * 4)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


READERS = {
    "pdf": pdf_text,
    "docx": docx_text,
    "xlsx": xlsx_text,
    "odt": odf_text,
    "ods": odf_text,
    "text": plain_text,
}


def text(path: str, limits: dict[str, Any]) -> dict[str, str]:
    try:
        kind = kind_of(path)
        if not kind:
            raise Refused("unsupported", "not a PDF, DOCX, ODT, ODS, XLSX or text file")
        if kind in ("docx", "xlsx", "odt", "ods"):
            check_zip(path, limits)
        found = tidy(READERS[kind](path, limits), limits["max_chars"])
    except Refused as refused:
        return {"status": refused.status, "text": "", "reason": refused.reason}
    except MemoryError:
        return {"status": "too_large", "text": "", "reason": "over the memory limit"}
    except Exception as error:  # a broken file breaks a reader in its own way
        return {"status": "failed", "text": "", "reason": f"{type(error).__name__}: {error}"}
    return {"status": "ok" if found else "empty", "text": found, "reason": ""}


def preview(path: str, limits: dict[str, Any]) -> bytes:
    import pypdfium2 as pdfium

    if kind_of(path) != "pdf":
        return b""
    document = pdfium.PdfDocument(path)
    try:
        if not len(document):
            return b""
        page = document[0]
        width_points = page.get_width() or 1
        height_points = page.get_height() or 1
        scale = limits["width"] / width_points
        if height_points * scale > limits["width"] * 3:  # a strip, not a page: bounded
            scale = limits["width"] * 3 / height_points
        image = page.render(scale=scale).to_pil()
        page.close()
    finally:
        document.close()
    out = io.BytesIO()
    image.convert("RGB").save(out, format="PNG", optimize=True)
    return out.getvalue()


def main(argv: list[str]) -> int:
    mode, path, limits_json = argv[1], argv[2], argv[3]
    limits = json.loads(limits_json)
    if mode == "text":
        sys.stdout.write(json.dumps(text(path, limits)))
        return 0
    sys.stdout.buffer.write(preview(path, limits))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
