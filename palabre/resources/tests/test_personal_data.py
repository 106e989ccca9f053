"""A person's archive holds the resources they wrote or added and the files they
uploaded; erasure takes them out of the authors and leaves the resources to their
organisation."""

from __future__ import annotations

import pytest

from palabre.resources import personal_data, services
from palabre.resources.models import Resource, ResourceVersion
from palabre.resources.tests.conftest import upload

pytestmark = pytest.mark.django_db


def test_archive_and_erasure(make_resource, author, colleague, make_practice):
    mine = make_resource(author, title="Mon guide")
    theirs = make_resource(colleague, title="Son guide", visibility="organisation")
    services.version_add(resource=mine, by=author, upload=upload(), note="Corrections")
    practice = make_practice(author)
    services.practice_link(resource=mine, practice=practice, by=author)

    archive = personal_data.export(author)
    assert [r["title"] for r in archive["resources"]] == ["Mon guide"]
    assert archive["resources"][0]["added_by_you"] is True
    assert [v["number"] for v in archive["resource_versions_uploaded"]] == [1, 2]
    assert archive["resource_versions_uploaded"][1]["note"] == "Corrections"
    assert archive["resource_links_made"] == 1
    assert "Son guide" not in str(archive)  # another person's (private) resource

    counts = personal_data.erase(author)
    assert counts == {
        "resource_authorships_removed": 1,
        "resources_added_cleared": 1,
        "resource_versions_cleared": 2,
        "resource_links_cleared": 1,
    }
    mine = Resource.objects.get(pk=mine.pk)
    assert mine.created_by is None and not mine.authors.exists()
    assert ResourceVersion.objects.filter(resource=mine).count() == 2  # the files stay
    assert personal_data.export(author) == {
        "resources": [],
        "resource_versions_uploaded": [],
        "resource_links_made": 0,
    }
    assert Resource.objects.get(pk=theirs.pk).authors.get() == colleague
