"""Bulk import and export: validated whole first, streamed, read back unchanged."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import load_workbook

from palabre.practices.exchange import COLUMNS, import_file
from palabre.practices.models import Practice


def export(tmp_path, fmt, name="out"):
    path = tmp_path / f"{name}.{fmt}"
    call_command("export-practices", str(path), verbosity=0, stdout=io.StringIO())
    return path


def file_text(path):
    if path.suffix == ".xlsx":
        workbook = load_workbook(path, read_only=True)
        return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    return path.read_bytes()


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "jsonl"])
def test_round_trip_export_import_export_gives_identical_files(tmp_path, fmt, db):
    call_command("demo", verbosity=0)
    first = export(tmp_path, fmt, "first")
    count = Practice.objects.count()
    Practice.objects.all().delete()
    call_command("import-practices", str(first), verbosity=0, stdout=io.StringIO())
    assert Practice.objects.count() == count
    second = export(tmp_path, fmt, "second")
    assert file_text(first) == file_text(second)


def write_csv(path, rows):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(dict.fromkeys(k for r in rows for k in r)))
        writer.writeheader()
        writer.writerows(rows)


def good_row(author, org, **changes):
    row = {
        "external_id": "imp-1",
        "title": "Le warrantage au Nord",
        "kind": "good_practice",
        "language": "fr",
        "status": "published",
        "visibility": "public",
        "lead_organisation": org.slug,
        "authors": author.email,
        "themes": "epargne-microfinance",
        "tags": "warrantage; stockage",
        "summary": "Stocker pour vendre plus cher.",
        "steps": json.dumps([{"title": "Construire le magasin"}]),
        "cost_amount": "150000",
    }
    row.update(changes)
    return row


def test_bad_rows_are_reported_with_their_line_and_nothing_is_imported(tmp_path, author, org_a):
    path = tmp_path / "bad.csv"
    write_csv(
        path,
        [
            good_row(author, org_a),
            good_row(author, org_a, external_id="imp-2", themes="martian-farming"),
            good_row(author, org_a, external_id="imp-3", kind="miracle", period_start="2024-13-01"),
            good_row(author, org_a, external_id="imp-1"),
        ],
    )
    with translation.override("fr"):
        report = import_file(path)
    assert not report.imported and Practice.objects.count() == 0
    by_line = {}
    for error in report.errors:
        by_line.setdefault(error.line, []).append(error.message)
    assert "thèmes inconnus : martian-farming" in by_line[3]
    assert any("kind doit être" in m for m in by_line[4]) and any(
        "n'est pas une date" in m for m in by_line[4]
    )
    assert any("apparaît deux fois" in m for m in by_line[5])
    assert 2 not in by_line
    with translation.override("en"):
        assert "unknown themes: martian-farming" in [e.message for e in import_file(path).errors]


def test_command_fails_clearly_and_partial_imports_the_good_rows(tmp_path, author, org_a):
    path = tmp_path / "mixed.csv"
    write_csv(
        path,
        [
            good_row(author, org_a),
            good_row(author, org_a, external_id="x", authors="ghost@nowhere.example"),
        ],
    )
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command(
            "import-practices",
            str(path),
            "--language",
            "en",
            stderr=err,
            stdout=io.StringIO(),
            verbosity=0,
        )
    assert "line 3: unknown authors: ghost@nowhere.example" in err.getvalue()
    call_command(
        "import-practices",
        str(path),
        "--partial",
        stderr=io.StringIO(),
        stdout=io.StringIO(),
        verbosity=0,
    )
    assert list(Practice.objects.values_list("external_id", flat=True)) == ["imp-1"]


def test_reimporting_updates_instead_of_duplicating(tmp_path, author, org_a, client):
    path = tmp_path / "one.csv"
    write_csv(path, [good_row(author, org_a)])
    call_command("import-practices", str(path), stdout=io.StringIO(), verbosity=0)
    write_csv(path, [good_row(author, org_a, title="Le warrantage au Nord, version 2")])
    call_command("import-practices", str(path), stdout=io.StringIO(), verbosity=0)
    practice = Practice.objects.get()
    assert practice.title == "Le warrantage au Nord, version 2"
    assert [s.title for s in practice.steps.all()] == ["Construire le magasin"]
    assert sorted(t.name for t in practice.tags.all()) == ["stockage", "warrantage"]
    assert practice.revisions.count() == 1
    found = client.get("/search/", {"q": "warrantage"}).context["result"]
    assert [p.title for p in found.page] == ["Le warrantage au Nord, version 2"]


def test_jsonl_and_xlsx_are_read_too(tmp_path, author, org_a):
    jsonl = tmp_path / "in.jsonl"
    row = good_row(
        author, org_a, tags=["eau"], themes=["eau-hygiene-assainissement"], authors=[author.email]
    )
    row["steps"] = [{"title": "Former le comité"}]
    jsonl.write_text(json.dumps(row, ensure_ascii=False) + "\n\nnot json\n")
    report = import_file(jsonl)
    assert [(e.line, "JSON" in e.message) for e in report.errors] == [(3, True)]
    from openpyxl import Workbook

    xlsx = tmp_path / "in.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    flat = good_row(author, org_a, external_id="x-1")
    sheet.append(list(flat))
    sheet.append(list(flat.values()))
    workbook.save(xlsx)
    assert import_file(xlsx).created == 1


def test_export_neutralises_formulas_and_reads_them_back(
    tmp_path, make_practice, author, client_for, colleague
):
    practice = make_practice(
        author, title='=HYPERLINK("http://evil")', lessons="- une liste\n- @quelqu'un"
    )
    response = client_for(colleague).get("/practices/export.csv")
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["title"].startswith("'=")
    assert rows[0]["lessons"].startswith("'- ")
    path = tmp_path / "back.csv"
    path.write_text(text, encoding="utf-8")
    Practice.objects.all().delete()
    import_file(path)
    assert Practice.objects.get().title == practice.title


def test_export_holds_only_what_the_person_may_see(
    make_practice, author, client_for, outsider, client
):
    make_practice(author, title="Pratique publique", visibility="public")
    make_practice(author, title="Pratique du réseau", visibility="network")
    make_practice(author, title="Pratique interne", visibility="organisation")
    make_practice(author, title="Brouillon", status="draft", visibility="public")

    def titles(c, query=""):
        body = b"".join(c.get(f"/practices/export.jsonl{query}").streaming_content).decode()
        return sorted(json.loads(line)["title"] for line in body.splitlines())

    assert titles(client) == ["Pratique publique"]
    assert titles(client_for(outsider)) == ["Pratique du réseau", "Pratique publique"]
    assert titles(client_for(outsider), "?q=publique") == ["Pratique publique"]
    xlsx = client_for(outsider).get("/practices/export.xlsx")
    workbook = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content)), read_only=True)
    header, *rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    assert list(header) == list(COLUMNS) and len(rows) == 2


def test_template_file_in_the_docs_imports_cleanly(db):
    from pathlib import Path

    call_command("demo", verbosity=0)
    template = Path(__file__).resolve().parents[3] / "docs" / "import-template.csv"
    report = import_file(template)
    assert report.errors == [] and report.created >= 1


# Files that are hostile, too large or unreadable ---------------------------------


def inflated_xlsx(path, author, org, megabytes):
    """A sound workbook of one practice whose sheet holds ``megabytes`` of blank space."""
    import zipfile

    from openpyxl import Workbook

    workbook = Workbook()
    flat = good_row(author, org)
    workbook.active.append(list(flat))
    workbook.active.append(list(flat.values()))
    sound = io.BytesIO()
    workbook.save(sound)
    sheet = "xl/worksheets/sheet1.xml"
    with (
        zipfile.ZipFile(sound) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target,
    ):
        for part in source.infolist():
            data = source.read(part.filename)
            if part.filename != sheet:
                target.writestr(part, data)
                continue
            head, tail = data.split(b"</sheetData>")
            with target.open(sheet, "w", force_zip64=True) as handle:
                handle.write(head)
                for _ in range(megabytes):
                    handle.write(b" " * 1024 * 1024)
                handle.write(b"</sheetData>" + tail)
    return path


def run_import(path, *args):
    call_command(
        "import-practices",
        str(path),
        *args,
        stdout=io.StringIO(),
        stderr=io.StringIO(),
        verbosity=0,
    )


def test_command_refuses_a_zip_bomb_before_unzipping_it(tmp_path, author, org_a, settings):
    settings.PRACTICES_IMPORT_MAX_EXPANDED_MB = 20
    path = inflated_xlsx(tmp_path / "bombe.xlsx", author, org_a, 40)
    with translation.override("en"), pytest.raises(CommandError, match="Once unzipped, this"):
        run_import(path, "--language", "en")
    with pytest.raises(CommandError, match="packed in an unusual way"):
        run_import(inflated_xlsx(tmp_path / "dense.xlsx", author, org_a, 5), "--language", "en")
    assert not Practice.objects.exists()


def test_command_refuses_too_many_rows_or_cells(tmp_path, author, org_a, settings):
    settings.PRACTICES_IMPORT_MAX_ROWS = 3
    path = tmp_path / "many.csv"
    write_csv(path, [good_row(author, org_a, external_id=f"imp-{n}") for n in range(4)])
    with pytest.raises(CommandError, match="Import at most 3 lines at once"):
        run_import(path, "--language", "en")
    settings.PRACTICES_IMPORT_MAX_ROWS = 100
    settings.PRACTICES_IMPORT_MAX_CELLS = 40
    with pytest.raises(CommandError, match="too many cells"):
        run_import(path, "--language", "en")
    assert not Practice.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_file_is_read_once_and_outside_the_transaction(tmp_path, author, org_a, monkeypatch):
    from django.db import connection

    from palabre.lib import spreadsheets

    csv_rows = spreadsheets.csv_rows
    reading_in_transaction = []

    def watched(*args, **kwargs):
        for row in csv_rows(*args, **kwargs):
            reading_in_transaction.append(connection.in_atomic_block)
            yield row

    monkeypatch.setattr(spreadsheets, "csv_rows", watched)
    path = tmp_path / "two.csv"
    rows = [good_row(author, org_a), good_row(author, org_a, external_id="imp-2")]
    for row in rows:
        row["themes"] = ""  # other transactional tests may have emptied the seeded themes
    write_csv(path, rows)
    run_import(path)
    assert reading_in_transaction == [False, False, False]  # the header and two rows, once
    assert Practice.objects.count() == 2


def test_utf16_and_windows_csv_files_are_read(tmp_path, author, org_a):
    """What Excel writes on Windows: "Unicode text" (UTF-16, tabs) or "CSV (semicolon)"."""
    row = good_row(author, org_a, title="Le séchage du cacao à Édéa")
    for name, encoding, delimiter in (
        ("unicode.txt", "utf-16", "\t"),
        ("windows.csv", "cp1252", ";"),
    ):
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(row), delimiter=delimiter)
        writer.writeheader()
        writer.writerow(row)
        (tmp_path / name).write_bytes(buffer.getvalue().encode(encoding))
        run_import(tmp_path / name, "--format", "csv")
        assert Practice.objects.get().title == "Le séchage du cacao à Édéa"
        Practice.objects.all().delete()


def test_command_says_why_a_file_cannot_be_read(tmp_path, db):
    garbage = tmp_path / "garbage.csv"
    garbage.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(CommandError, match="not plain text in an encoding"):
        run_import(garbage, "--language", "en")
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"title,authors\n")
    with pytest.raises(CommandError, match=r"could not be read as a spreadsheet \(XLSX\)"):
        run_import(fake, "--language", "en")
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes('{"title": "Séchage"}\n'.encode("cp1252"))
    with pytest.raises(CommandError, match="JSONL files must be written in UTF-8"):
        run_import(latin, "--language", "en")
