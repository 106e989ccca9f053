"""palabre.lib.extract: the words inside documents, read in a child process held to limits."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import docx
import openpyxl
import pytest
from odfdo import Document, Paragraph
from PIL import Image
from weasyprint import HTML

from palabre.lib.extract import Limits, extract_text, first_page_png

BODY = "Les comités de gestion de l'eau tiennent une caisse de réparation des forages."


@pytest.fixture
def pdf(tmp_path):
    path = tmp_path / "guide.pdf"
    HTML(string=f"<h1>Guide</h1><p>{BODY}</p>").write_pdf(path)
    return path


def test_the_words_of_a_pdf_body_are_read(pdf):
    found = extract_text(pdf)
    assert found.status == "ok", found.reason
    assert "comités de gestion" in found.text
    assert "forages" in found.text


def test_a_pdf_gives_a_picture_of_its_first_page(pdf):
    png = first_page_png(pdf, width=300)
    assert png is not None
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.width == 300
    assert image.height > image.width  # an A4 page, upright


def test_office_files_and_plain_text_are_read(tmp_path):
    word = docx.Document()
    word.add_paragraph("Rapport d'évaluation de la tontine des femmes.")
    word.add_table(rows=1, cols=2).rows[0].cells[0].text = "Cotisations mensuelles"
    word.save(tmp_path / "rapport.docx")

    odt = Document("text")
    odt.body.append(Paragraph("Plaidoyer auprès de la commune pour l'assainissement."))
    odt.save(tmp_path / "note.odt")

    book = openpyxl.Workbook()
    book.active.title = "Budget"
    book.active.append(["Puits", 1250000, "FCFA"])
    book.save(tmp_path / "budget.xlsx")

    (tmp_path / "notes.txt").write_text("Compte rendu de la réunion du comité.", encoding="utf-8")
    (tmp_path / "ancien.txt").write_bytes("Réunion à Bafoussam".encode("cp1252"))

    assert "tontine des femmes" in extract_text(tmp_path / "rapport.docx").text
    assert "Cotisations mensuelles" in extract_text(tmp_path / "rapport.docx").text
    assert "assainissement" in extract_text(tmp_path / "note.odt").text
    sheet = extract_text(tmp_path / "budget.xlsx")
    assert "Budget" in sheet.text and "Puits 1250000 FCFA" in sheet.text
    assert extract_text(tmp_path / "notes.txt").text == "Compte rendu de la réunion du comité."
    assert extract_text(tmp_path / "ancien.txt").text == "Réunion à Bafoussam"


def test_what_a_file_is_comes_from_its_content_not_its_name(tmp_path, pdf):
    disguised = tmp_path / "photo.jpg"
    disguised.write_bytes(pdf.read_bytes())
    assert extract_text(disguised).status == "ok"
    binary = tmp_path / "rapport.pdf"
    binary.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 20)
    found = extract_text(binary)
    assert found.status == "unsupported" and found.text == ""
    assert first_page_png(binary) is None


def test_a_zip_bomb_is_refused_from_its_directory_before_anything_is_unpacked(tmp_path):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (30 * 1024 * 1024))
    assert bomb.stat().st_size < 100_000
    found = extract_text(bomb, limits=Limits(max_expanded_bytes=10 * 1024 * 1024))
    assert found.status == "too_large"
    assert "expanded" in found.reason


def test_broken_empty_and_oversized_files_are_named_not_raised(tmp_path, pdf):
    broken = tmp_path / "cut.pdf"
    broken.write_bytes(pdf.read_bytes()[:200])
    assert extract_text(broken).status in ("failed", "empty")
    empty = tmp_path / "vide.pdf"
    empty.write_bytes(b"")
    assert extract_text(empty).status == "empty"
    assert extract_text(pdf, limits=Limits(max_file_bytes=100)).status == "too_large"
    assert extract_text(tmp_path / "missing.pdf").status == "failed"


def test_a_reader_over_its_time_is_stopped(pdf):
    found = extract_text(pdf, limits=Limits(seconds=0.001))
    assert found.status == "timeout"
    assert found.text == ""


def test_a_reader_over_its_memory_is_stopped(tmp_path):
    # 40 MB of text read into 80 MB of address space: the reader runs out and says so.
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"palabre " * 5_000_000)
    limits = Limits(max_chars=50_000_000, max_file_bytes=100 * 1024 * 1024)
    assert extract_text(huge, limits=limits).status == "ok"
    found = extract_text(huge, limits=replace(limits, memory_bytes=80 * 1024 * 1024))
    assert found.status == "too_large", found.reason
    assert found.text == ""


def test_the_text_kept_is_bounded(tmp_path):
    long = tmp_path / "long.txt"
    long.write_text("mot " * 50_000, encoding="utf-8")
    found = extract_text(long, limits=Limits(max_chars=1000))
    assert found.status == "ok"
    assert len(found.text) == 1000
