"""Files sent to a measurement import: measured before they are read, read outside any
transaction, and refused with what is wrong when they cannot be read."""

import io
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from openpyxl import Workbook

from palabre.adoptions.models import Measurement

from .helpers import text

MB = 1024 * 1024
SHEET = "xl/worksheets/sheet1.xml"


def xlsx_bytes(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def inflated_xlsx(megabytes: int) -> bytes:
    """A sound workbook (a header and one measurement) whose sheet holds ``megabytes`` of
    blank space: a few hundred kilobytes that unzip to ``megabytes``."""
    sound = xlsx_bytes([["date", "valeur"], ["2025-03-31", 40]])
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(sound)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target,
    ):
        for part in source.infolist():
            data = source.read(part.filename)
            if part.filename != SHEET:
                target.writestr(part, data)
                continue
            head, tail = data.split(b"</sheetData>")
            with target.open(SHEET, "w", force_zip64=True) as sheet:
                sheet.write(head)
                blank = b" " * MB
                for _ in range(megabytes):
                    sheet.write(blank)
                sheet.write(b"</sheetData>" + tail)
    return out.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return inflated_xlsx(300)


def post(client_for, user, indicator, upload):
    return client_for(user).post(f"/adoptions/indicators/{indicator.pk}/import/", {"file": upload})


def test_a_zip_bomb_is_refused_from_its_directory_without_being_unzipped(
    client_for, outsider, indicator, bomb, monkeypatch
):
    assert len(bomb) < 1 * MB  # 300 MB once unzipped
    with zipfile.ZipFile(io.BytesIO(bomb)) as archive:
        assert archive.getinfo(SHEET).file_size > 300 * MB
    opened = []

    def refuse_to_unzip(archive, name, *args, **kwargs):
        opened.append(name)
        raise AssertionError(f"{name} was unzipped")

    monkeypatch.setattr(zipfile.ZipFile, "open", refuse_to_unzip)
    response = post(client_for, outsider, indicator, SimpleUploadedFile("mesures.xlsx", bomb))
    assert response.status_code == 413
    assert "Une fois décompressé, ce tableur occuperait 300,0\xa0Mio (au plus 20,0\xa0Mio)" in text(
        response
    )
    assert opened == []  # no part of the archive was read, let alone unzipped
    assert not Measurement.objects.exists()


def test_a_part_that_grows_too_much_is_refused_even_under_the_size_limit(
    client_for, outsider, indicator
):
    response = post(
        client_for, outsider, indicator, SimpleUploadedFile("mesures.xlsx", inflated_xlsx(5))
    )
    assert response.status_code == 413
    assert "Ce tableur est compressé de façon inhabituelle" in text(response)
    assert not Measurement.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_file_is_read_outside_any_transaction(client_for, outsider, indicator, monkeypatch):
    """Reading holds no lock: on SQLite a transaction takes the write lock at once."""
    load_workbook = openpyxl.load_workbook
    reading_in_transaction = []

    def watched(*args, **kwargs):
        reading_in_transaction.append(connection.in_atomic_block)
        return load_workbook(*args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", watched)
    upload = SimpleUploadedFile(
        "mesures.xlsx", xlsx_bytes([["date", "valeur"], ["2025-03-31", 40], ["2025-06-30", 45]])
    )
    response = post(client_for, outsider, indicator, upload)
    assert response.status_code == 302
    assert reading_in_transaction == [False]
    assert Measurement.objects.filter(indicator=indicator).count() == 2


def test_a_csv_with_too_many_cells_is_refused(client_for, outsider, indicator):
    content = "date,valeur\n2025-03-31,40" + "," * 100_000 + "\n"
    response = post(
        client_for, outsider, indicator, SimpleUploadedFile("mesures.csv", content.encode())
    )
    assert response.status_code == 413
    assert "Le fichier a trop de cellules (plus de 100" in text(response)
    assert not Measurement.objects.exists()


def test_a_csv_with_too_many_rows_is_refused(client_for, outsider, indicator, settings):
    settings.ADOPTIONS_IMPORT_MAX_ROWS = 10
    content = "date,valeur\n" + "2025-03-31,40\n" * 11
    response = post(
        client_for, outsider, indicator, SimpleUploadedFile("mesures.csv", content.encode())
    )
    assert response.status_code == 413
    assert "Importez au plus 10 lignes à la fois." in text(response)
    assert not Measurement.objects.exists()


def test_blank_rows_count_against_the_cells(client_for, outsider, indicator, settings):
    settings.IMPORT_MAX_CELLS = 50
    content = "date,valeur\n" + "\n" * 60 + "2025-03-31,40\n"
    response = post(
        client_for, outsider, indicator, SimpleUploadedFile("mesures.csv", content.encode())
    )
    assert response.status_code == 413 and not Measurement.objects.exists()


# Unreadable files say what is wrong ------------------------------------------------

GOOD = "date;valeur;source\n2025-03-31;40;Enquête à Maroua\n"


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        (GOOD, "utf-8"),
        (GOOD, "utf-8-sig"),  # Excel's "CSV UTF-8"
        (GOOD.replace(";", "\t"), "utf-16"),  # Excel's "Unicode text": UTF-16 with its mark
        (GOOD.replace(";", "\t"), "utf-16-le"),  # the same without the mark
        (GOOD, "cp1252"),  # Excel's "CSV (semicolon)" on Windows in French
    ],
)
def test_the_encodings_excel_writes_are_read(client_for, outsider, indicator, content, encoding):
    upload = SimpleUploadedFile("mesures.csv", content.encode(encoding))
    assert post(client_for, outsider, indicator, upload).status_code == 302
    assert indicator.measurements.get().source == "Enquête à Maroua"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "mesures.csv",
            bytes(range(256)) * 8,
            "Le fichier n'est pas du texte dans un codage que Palabre sait lire",
        ),
        (
            "mesures.csv",
            b"date;valeur\n2025-03-31;40\x00\x00\x00\n",
            "Enregistrez-le dans votre tableur au format « CSV UTF-8 »",
        ),
        (
            "mesures.csv",
            b"date|valeur\n2025-03-31|40\n",
            "Les colonnes de la première ligne ne sont pas séparées par des virgules, des "
            "points-virgules ou des tabulations : « date|valeur ».",
        ),
        ("mesures.xlsx", b"date;valeur\n", "Le fichier n'a pas pu être lu comme un tableur (XLSX)"),
        (
            "mesures.xls",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
            "C'est un ancien fichier Excel (.xls)",
        ),
    ],
)
def test_an_unreadable_file_says_what_is_wrong(
    client_for, outsider, indicator, name, content, message
):
    response = post(client_for, outsider, indicator, SimpleUploadedFile(name, content))
    assert response.status_code == 400
    page = text(response)
    assert message in page
    assert "Il manque : " not in page
    assert not Measurement.objects.exists()


def test_an_opendocument_spreadsheet_is_named_as_such(client_for, outsider, indicator):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    response = post(
        client_for, outsider, indicator, SimpleUploadedFile("mesures.ods", buffer.getvalue())
    )
    assert response.status_code == 400
    assert "Les tableurs OpenDocument (.ods) ne peuvent pas être lus ici" in text(response)


def test_missing_columns_are_named_in_the_readers_language(client_for, outsider, indicator):
    response = post(
        client_for, outsider, indicator, SimpleUploadedFile("mesures.csv", b"jour;valeur\n1;2\n")
    )
    assert response.status_code == 400
    assert "Il manque : date." in text(response)
    outsider.language = "en"
    outsider.save()
    response = post(
        client_for, outsider, indicator, SimpleUploadedFile("mesures.csv", b"date;mesure\n1;2\n")
    )
    assert "Missing: value." in text(response)
