"""The demo network gives the resource library something real to show: twenty-six
resources with real files (PDF, Word, OpenDocument, Excel) whose text was read, versions,
a scanned plan whose text could not be read, an external link, links to practices."""

from __future__ import annotations

import html

import pytest
from django.core.management import call_command
from django.urls import reverse

from palabre.resources.demo import demo_file
from palabre.resources.models import Resource, ResourcePractice, ResourceVersion

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("demo", verbosity=0)


def test_the_demo_library_has_read_files_and_is_found_by_their_text(demo, client_for):
    specs = demo_file()
    assert Resource.objects.count() == len(specs) >= 25
    versions = ResourceVersion.objects.all()
    assert versions.filter(number=2).count() == 2
    statuses = dict(versions.values_list("resource__title", "text_status"))
    assert statuses["Plan des dalles sanitaires (scan)"] == "empty"
    assert sum(1 for s in statuses.values() if s == "ok") == len(statuses) - 1
    assert {v.content_type.rsplit(".", 1)[-1] for v in versions} >= {
        "application/pdf", "document", "sheet", "text",
    }  # fmt: skip
    assert versions.filter(content_type="application/pdf").exclude(preview="").exists()
    assert Resource.objects.filter(current__isnull=True).exclude(link="").count() == 1
    assert ResourcePractice.objects.count() >= 20
    # "charançons" is only inside the warrantage guide's PDF (public): a visitor finds it
    # typing it singular and without its cedilla.
    page = html.unescape(
        client_for().get(reverse("resources:library"), {"q": "charancon"}).content.decode()
    )
    assert "Guide pratique du warrantage" in page
    assert "<mark>charançons</mark>" in page


def test_the_demo_loads_twice_without_duplicates(demo):
    before = (Resource.objects.count(), ResourceVersion.objects.count())
    call_command("demo", verbosity=0)
    assert (Resource.objects.count(), ResourceVersion.objects.count()) == before
