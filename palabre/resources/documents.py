"""Documents made from plain text, for the demonstration library and the tests: a PDF
(WeasyPrint), a Word file (python-docx), an OpenDocument text (odfdo) and a workbook
(openpyxl). Real files, so that the worker reads their text as it would a member's."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from django.utils.html import escape

PDF_CSS = "body{font-family:sans-serif;font-size:12pt}"
SCAN_CSS = (
    ".box{position:absolute;width:40mm;height:25mm;border:2px solid #555}"
    ".b0{left:20mm;top:30mm}.b1{left:50mm;top:50mm}.b2{left:80mm;top:70mm}.b3{left:110mm;top:90mm}"
)


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def pdf_bytes(title: str, text: str) -> bytes:
    from weasyprint import CSS, HTML  # lazy: WeasyPrint loads Pango; only documents need it

    body = "".join(f"<p>{escape(p)}</p>" for p in _paragraphs(text))
    html = f"<html><head><meta charset='utf-8'></head><body><h1>{escape(title)}</h1>{body}</body></html>"
    return HTML(string=html).write_pdf(stylesheets=[CSS(string=PDF_CSS)])


def scan_pdf_bytes() -> bytes:
    """A PDF holding a drawing and no text at all, as a scanner makes."""
    from weasyprint import CSS, HTML  # lazy: as above

    boxes = "".join(f"<div class='box b{i}'></div>" for i in range(4))
    return HTML(string=f"<html><body>{boxes}</body></html>").write_pdf(
        stylesheets=[CSS(string=SCAN_CSS)]
    )


def docx_bytes(title: str, text: str) -> bytes:
    from docx import Document  # lazy: only the demo and tests write Word files

    document = Document()
    document.add_heading(title, level=1)
    for paragraph in _paragraphs(text):
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def odt_bytes(title: str, text: str) -> bytes:
    from odfdo import Document, Header, Paragraph  # lazy: only the demo and tests

    document = Document("text")
    body = document.body
    body.clear()
    body.append(Header(1, title))
    for paragraph in _paragraphs(text):
        body.append(Paragraph(paragraph))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "document.odt"
        document.save(path)
        return path.read_bytes()


def xlsx_bytes(title: str, text: str) -> bytes:
    from openpyxl import Workbook  # lazy: only the demo and tests

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Feuille 1"
    sheet.append([title])
    for paragraph in _paragraphs(text):
        sheet.append([paragraph])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


MAKERS = {"pdf": pdf_bytes, "docx": docx_bytes, "odt": odt_bytes, "xlsx": xlsx_bytes}
