"""Indicators and measurements: typed in, imported, and every bad value refused clearly."""

import io
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from palabre.adoptions.models import Indicator, Measurement
from palabre.audit.models import AuditEvent

from .helpers import text


def test_a_member_defines_an_indicator_and_enters_measurements(
    client_for, outsider, org_b, practice, adopt, today
):
    adoption = adopt(practice, org_b, by=outsider)
    client = client_for(outsider)
    response = client.post(
        "/adoptions/indicators/new/",
        {
            "organisation": org_b.pk,
            "name": "Épargne des groupements",
            "description": "Total des livrets",
            "unit": "FCFA",
            "value_type": "number",
            "direction": "increase",
            "baseline_value": "1 200 000",
            "baseline_date": "2025-01-01",
            "target_value": "5 000 000",
            "target_date": "2027-01-01",
            "adoptions": [adoption.pk],
        },
    )
    indicator = Indicator.objects.get()
    assert response.status_code == 302 and response["Location"] == indicator.get_absolute_url()
    assert indicator.baseline_value == 1_200_000 and list(indicator.adoptions.all()) == [adoption]
    response = client.post(
        indicator.get_absolute_url(),
        {"measured_on": today.isoformat(), "value": "3 100 000,5 FCFA", "source": "Livrets"},
    )
    assert response.status_code == 302
    measurement = Measurement.objects.get()
    assert str(measurement.value) == "3100000.5000" and measurement.entered_by == outsider
    page = text(client.get(indicator.get_absolute_url()))
    # (3 100 000,5 − 1 200 000) / 3 800 000 = 50 %
    assert "50 %" in page and "<svg" in page and "Livrets" in page
    assert AuditEvent.objects.filter(action="measurement.added").exists()


@pytest.mark.parametrize(
    ("value", "measured_on", "message"),
    [
        ("12 kg", None, "Cet indicateur se mesure en %, pas en « kg »."),
        ("beaucoup", None, "« beaucoup » n'est pas un nombre."),
        ("120", None, "Un pourcentage est compris entre 0 et 100, pas 120."),
        ("50", "2024-12-31", "Une mesure ne peut pas être datée d'avant la référence"),
        ("50", "2999-01-01", "Une mesure ne peut pas être datée dans le futur."),
    ],
)
def test_bad_measurements_are_refused_with_a_clear_message(
    client_for, outsider, indicator, today, value, measured_on, message
):
    response = client_for(outsider).post(
        indicator.get_absolute_url(),
        {"measured_on": measured_on or today.isoformat(), "value": value},
    )
    assert response.status_code == 400
    assert message in text(response)
    assert not Measurement.objects.exists()


def test_a_count_takes_whole_numbers_only(client_for, outsider, org_b, today):
    from palabre.adoptions.services import indicator_create

    wells = indicator_create(
        by=outsider,
        organisation=org_b,
        name="Forages",
        unit="forages",
        value_type="integer",
        baseline_value="3",
        baseline_date=date(2025, 1, 1),
        target_value="10",
        target_date=date(2026, 12, 31),
    )
    response = client_for(outsider).post(
        wells.get_absolute_url(), {"measured_on": today.isoformat(), "value": "4,5"}
    )
    assert response.status_code == 400
    assert "Cet indicateur compte des nombres entiers (0, 1, 2…) : 4.5 n'en est pas un." in text(
        response
    )


def test_one_measurement_per_day(client_for, outsider, indicator, today):
    client = client_for(outsider)
    client.post(indicator.get_absolute_url(), {"measured_on": today.isoformat(), "value": "40"})
    response = client.post(
        indicator.get_absolute_url(), {"measured_on": today.isoformat(), "value": "41"}
    )
    assert response.status_code == 409
    assert "Il y a déjà une mesure le" in text(response)
    assert Measurement.objects.get().value == 40


def test_a_measurement_on_another_organisations_indicator_is_refused(
    client_for, author, facilitator, indicator, bearer, client, today
):
    data = {"measured_on": today.isoformat(), "value": "50"}
    assert client_for(author).post(indicator.get_absolute_url(), data).status_code == 404
    response = client.post(
        f"/api/v1/indicators/{indicator.pk}/measurements",
        data,
        content_type="application/json",
        **bearer(author),
    )
    assert response.status_code == 404
    assert "n'appartient pas à votre organisation" in response.json()["detail"]
    # Facilitators may see it, but measurements are the organisation's own.
    response = client_for(facilitator).post(indicator.get_absolute_url(), data)
    assert response.status_code == 403
    assert "que sur les indicateurs de votre propre organisation" in text(response)
    assert not Measurement.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field_message"),
    [
        ({"target_value": "20"}, "la cible est en dessous de la référence"),
        ({"target_date": "2024-01-01"}, "La date cible doit venir après la date de la référence."),
        ({"baseline_date": "2999-01-01"}, "sa date ne peut pas être dans le futur"),
        ({"target_value": "35"}, "La cible doit être différente de la référence."),
        ({"name": "ménages avec LATRINES"}, "a déjà un indicateur appelé"),
        ({"baseline_value": "35 kg"}, "pas en « kg »"),
    ],
)
def test_bad_indicators_are_refused_with_a_clear_message(
    client_for, outsider, org_b, indicator, changes, field_message
):
    data = {
        "organisation": org_b.pk,
        "name": "Autre indicateur",
        "unit": "%",
        "value_type": "percentage",
        "direction": "increase",
        "baseline_value": "35",
        "baseline_date": "2025-01-01",
        "target_value": "80",
        "target_date": "2027-01-01",
        **changes,
    }
    response = client_for(outsider).post("/adoptions/indicators/new/", data)
    assert response.status_code == 400
    assert field_message in text(response)
    assert Indicator.objects.count() == 1


def test_volunteers_enter_measurements_but_do_not_define_indicators(
    client_for, volunteer, org_a, today
):
    from conftest import make_person
    from palabre.adoptions.services import indicator_create

    member = make_person("m@adb.example", "Marie", organisation=org_a)
    indicator = indicator_create(
        by=member,
        organisation=org_a,
        name="Élèves",
        unit="élèves",
        value_type="integer",
        baseline_value=10,
        baseline_date=date(2025, 1, 1),
        target_value=30,
        target_date=date(2027, 1, 1),
    )
    client = client_for(volunteer)
    assert client.get("/adoptions/indicators/new/").status_code == 403
    assert client.get(f"/adoptions/indicators/{indicator.pk}/edit/").status_code == 404
    response = client.post(
        indicator.get_absolute_url(), {"measured_on": today.isoformat(), "value": "12"}
    )
    assert response.status_code == 302 and Measurement.objects.get().value == 12


# Imports --------------------------------------------------------------------------


def csv_file(content: str, name="mesures.csv"):
    return SimpleUploadedFile(name, content.encode("utf-8"), content_type="text/csv")


def xlsx_file(rows, name="mesures.xlsx"):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def test_a_csv_file_is_imported_when_every_line_is_right(client_for, outsider, indicator):
    content = (
        "date;valeur;source;commentaire\n2025-03-31;40;Enquête;\n30/06/2025;45,5 %;Registre;ok\n"
    )
    response = client_for(outsider).post(
        f"/adoptions/indicators/{indicator.pk}/import/", {"file": csv_file(content)}
    )
    assert response.status_code == 302
    values = list(Measurement.objects.order_by("measured_on").values_list("value", "via"))
    assert [(float(v), via) for v, via in values] == [(40.0, "import"), (45.5, "import")]


def test_a_bad_file_is_reported_line_by_line_and_nothing_is_imported(
    client_for, outsider, indicator, today
):
    tomorrow = (today + timedelta(days=1)).isoformat()
    content = (
        "date,value,source\n"
        "2025-03-31,40,Enquête\n"  # line 2: right
        "2024-06-30,41,Enquête\n"  # line 3: before the baseline
        f"{tomorrow},42,Enquête\n"  # line 4: future
        "2025-05-31,beaucoup,Enquête\n"  # line 5: not a number
        "31/13/2025,43,Enquête\n"  # line 6: not a date
        "2025-03-31,44,Enquête\n"  # line 7: same day as line 2
        "2025-07-31,12 kg,Enquête\n"  # line 8: another unit
    )
    response = client_for(outsider).post(
        f"/adoptions/indicators/{indicator.pk}/import/", {"file": csv_file(content)}
    )
    assert response.status_code == 400
    page = text(response)
    assert "Rien n'a été importé : 6 lignes contiennent des erreurs." in page
    for line, reason in [
        (3, "Une mesure ne peut pas être datée d'avant la référence"),
        (4, "Une mesure ne peut pas être datée dans le futur."),
        (5, "« beaucoup » n'est pas un nombre."),
        (6, "« 31/13/2025 » n'est pas une date"),
        (7, "La ligne 2 donne déjà « Ménages avec latrines »"),
        (8, "Cet indicateur se mesure en %, pas en « kg »."),
    ]:
        assert f"Ligne {line} : {reason}" in page, line
    assert "Ligne 2 :" not in page
    assert not Measurement.objects.exists()


def test_errors_are_reported_in_the_readers_language(client_for, outsider, indicator):
    outsider.language = "en"
    outsider.save()
    response = client_for(outsider).post(
        f"/adoptions/indicators/{indicator.pk}/import/",
        {"file": csv_file("date,value\n2025-03-31,lots\n")},
    )
    assert response.status_code == 400
    assert "Line 2: “lots” is not a number." in text(response)


def test_an_organisation_imports_several_indicators_from_xlsx(
    client_for, outsider, org_b, indicator, today
):
    from palabre.adoptions.services import indicator_create

    wells = indicator_create(
        by=outsider,
        organisation=org_b,
        name="Forages",
        unit="forages",
        value_type="integer",
        baseline_value=3,
        baseline_date=date(2025, 1, 1),
        target_value=10,
        target_date=date(2027, 1, 1),
    )
    rows = [
        ["Indicateur", "Date", "Valeur", "Source"],
        ["Ménages avec latrines", date(2025, 6, 30), 48, "Enquête"],
        ["forages", "2025-06-30", 5, "Registre"],
    ]
    response = client_for(outsider).post(
        "/adoptions/organisation/ate/import/", {"file": xlsx_file(rows)}
    )
    assert response.status_code == 302
    assert indicator.measurements.get().value == 48 and wells.measurements.get().value == 5


def test_an_import_naming_another_organisations_indicator_is_refused(
    client_for, author, org_a, outsider, indicator
):
    from palabre.adoptions.services import indicator_create

    indicator_create(
        by=author,
        organisation=org_a,
        name="Classes ouvertes",
        unit="classes",
        value_type="integer",
        baseline_value=1,
        baseline_date=date(2025, 1, 1),
        target_value=5,
        target_date=date(2027, 1, 1),
    )
    rows = [["indicator", "date", "value"], ["Ménages avec latrines", "2025-06-30", 50]]
    response = client_for(author).post(
        "/adoptions/organisation/adb/import/", {"file": xlsx_file(rows)}
    )
    assert response.status_code == 400
    assert "Ligne 2 : Aucun indicateur de ADB ne s'appelle « Ménages avec latrines »." in text(
        response
    )
    assert not Measurement.objects.exists()
    # And org_b's import page is not theirs at all.
    assert client_for(author).post("/adoptions/organisation/ate/import/").status_code == 404


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (csv_file("\n\n", "vide.csv"), "Le fichier est vide."),
        (csv_file("jour,mesure\n2025-01-01,3\n"), "La première ligne doit nommer les colonnes"),
        (SimpleUploadedFile("photo.png", b"\x89PNG..."), "Envoyez un fichier CSV ou XLSX."),
        (SimpleUploadedFile("faux.xlsx", b"PK\x03\x04 pas un zip"), "lu comme un tableur"),
    ],
)
def test_unreadable_files_are_refused_clearly(client_for, outsider, indicator, upload, message):
    response = client_for(outsider).post(
        f"/adoptions/indicators/{indicator.pk}/import/", {"file": upload}
    )
    assert response.status_code == 400
    assert message in text(response)


def test_the_file_to_fill_in_can_be_imported_as_it_is(client_for, outsider, indicator):
    client = client_for(outsider)
    template = text(client.get("/adoptions/organisation/ate/import-template.csv")).lstrip("\ufeff")
    assert template.splitlines()[0] == "indicateur,date,valeur,source,commentaire"
    assert template.splitlines()[1].startswith("Ménages avec latrines,")
    filled = template.replace("Ménages avec latrines,,,,", "Ménages avec latrines,2025-09-30,57,,")
    response = client.post(
        "/adoptions/organisation/ate/import/", {"file": csv_file(filled, "rempli.csv")}
    )
    assert response.status_code == 302
    assert indicator.measurements.get().value == 57
