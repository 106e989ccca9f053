"""Exports of adoptions, feedback and measurements: what the reader may see, never a formula."""

import csv
import io

from openpyxl import load_workbook

from palabre.adoptions.models import Measurement
from palabre.lib.spreadsheets import safe_cell as neutralise

from .helpers import text

FORMULA = '=HYPERLINK("http://evil.example","clic")'


def rows_of_csv(response):
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(text(response).lstrip("\ufeff"))))


def rows_of_xlsx(response):
    assert "spreadsheetml" in response["Content-Type"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_cells_that_look_like_formulas_are_neutralised():
    assert neutralise("=1+1") == "'=1+1"
    assert neutralise("+33 6") == "'+33 6"
    assert neutralise("-2") == "'-2"
    assert neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise("\tx") == "'\tx"
    assert neutralise("Prix = 30") == "Prix = 30"
    assert neutralise(-2) == -2  # numbers stay numbers


def test_feedback_export_neutralises_formulas_in_csv_and_xlsx(
    client_for, practice, outsider, org_b, adopt, report
):
    adoption = adopt(practice, org_b, by=outsider, team="@équipe")
    report(adoption, 4, by=outsider, results=FORMULA, difficulties="-rien")
    client = client_for(outsider)
    for fmt, read in (("csv", rows_of_csv), ("xlsx", rows_of_xlsx)):
        rows = read(client.get(f"/adoptions/export/feedback.{fmt}"))
        header, row = rows[0], rows[1]
        assert header[0] == "identifiant" and "efficacité" in header
        assert row[header.index("résultats observés")] == "'" + FORMULA
        assert row[header.index("difficultés")] == "'-rien"
        assert str(row[header.index("efficacité")]) == "4"
        adoptions = read(client.get(f"/adoptions/export/adoptions.{fmt}"))
        assert adoptions[1][adoptions[0].index("équipe")] == "'@équipe"


def test_xlsx_cells_are_never_formulas(client_for, practice, outsider, org_b, adopt, report):
    adoption = adopt(practice, org_b, by=outsider)
    report(adoption, 4, by=outsider, results=FORMULA)
    response = client_for(outsider).get("/adoptions/export/feedback.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_measurements_export_keeps_numbers_and_dates(client_for, outsider, indicator, today):
    Measurement.objects.create(indicator=indicator, measured_on=today, value="-0.5")
    rows = rows_of_xlsx(client_for(outsider).get("/adoptions/export/measurements.xlsx"))
    header, row = rows[0], rows[1]
    assert row[header.index("valeur")] == -0.5
    assert row[header.index("date")].date() == today
    csv_rows = rows_of_csv(client_for(outsider).get("/adoptions/export/measurements.csv"))
    assert csv_rows[1][header.index("valeur")] == "-0.5"  # a number, not defused text


def test_exports_can_be_narrowed_to_an_organisation_or_a_practice(
    client_for, practice, make_practice, outsider, org_b, org_c, adopt, facilitator
):
    other = make_practice(outsider, organisation=org_b, title="Autre pratique")
    adopt(practice, org_b)
    adopt(practice, org_c)
    adopt(other, org_c)
    client = client_for(facilitator)
    rows = rows_of_csv(client.get(f"/adoptions/export/adoptions.csv?practice={practice.pk}"))
    assert len(rows) == 3
    rows = rows_of_csv(client.get("/adoptions/export/adoptions.csv?organisation=jsb"))
    assert len(rows) == 3
    response = client.get("/adoptions/export/adoptions.xlsx?organisation=jsb")
    assert 'filename="palabre-adoptions-jsb.xlsx"' in response["Content-Disposition"]
    assert client.get("/adoptions/export/everything.csv").status_code == 404
    assert client.get("/adoptions/export/adoptions.pdf").status_code == 404
