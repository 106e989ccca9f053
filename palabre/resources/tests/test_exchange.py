"""Import and export of the library's metadata: the export holds only what the person may
see; an import is checked whole first, and one bad line imports nothing."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from palabre.resources.models import Resource

pytestmark = pytest.mark.django_db


def rows_of(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_export_holds_what_the_person_may_see(make_resource, author, outsider, client_for):
    make_resource(author, visibility="public", title='=HYPERLINK("x")')
    make_resource(author, visibility="organisation", title="Plan interne")
    url = reverse("resources:export")
    seen = rows_of(client_for(author).get(url))
    assert {r["title"] for r in seen} == {'\'=HYPERLINK("x")', "Plan interne"}  # defused
    assert {r["title"] for r in rows_of(client_for(outsider).get(url))} == {'\'=HYPERLINK("x")'}
    assert rows_of(client_for().get(url, {"q": "interne"})) == []
    workbook = load_workbook(io.BytesIO(client_for(author).get(url, {"format": "xlsx"}).content))
    assert workbook.active.max_row == 3


def _send(client, text: str, name: str = "resources.csv"):
    upload = SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")
    return client.post(reverse("resources:import"), {"file": upload})


def test_an_import_adds_and_updates_or_refuses_the_whole_file(
    make_resource, author, org_a, client_for
):
    existing = make_resource(author, title="Ancien titre")
    client = client_for(author)
    good = (
        "id,title,kind,organisation,visibility,themes,tags,link\n"
        f"{existing.pk},Nouveau titre,report,adb,public,,rapport,\n"
        ",Boîte à outils,tool,adb,network,sante-communautaire,outils;santé,https://example.org/outils\n"
    )
    bad = good + ",Lien douteux,tool,adb,network,,,javascript:alert(1)\n,,guide,ate,network,,,\n"
    response = _send(client, bad)
    assert response.status_code == 400
    shown = response.content.decode()
    assert "Ligne 4" in shown and "Ligne 5" in shown
    assert "http:// ou https://" in shown
    assert Resource.objects.count() == 1
    assert Resource.objects.get().title == "Ancien titre"  # nothing half-written

    assert _send(client, good).status_code == 302
    existing.refresh_from_db()
    assert existing.title == "Nouveau titre" and existing.kind == "report"
    added = Resource.objects.get(title="Boîte à outils")
    assert added.link == "https://example.org/outils"
    assert sorted(t.name for t in added.tags.all()) == ["outils", "santé"]
    assert [t.slug for t in added.themes.all()] == ["sante-communautaire"]


def test_an_import_cannot_change_another_organisations_resource(
    make_resource, author, outsider, client_for
):
    resource = make_resource(author, visibility="public")
    response = _send(client_for(outsider), f"id,title,organisation\n{resource.pk},Pris,ate\n")
    assert response.status_code == 400
    resource.refresh_from_db()
    assert resource.title != "Pris"
