"""Resources with real files for the tests of this app."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from palabre.resources.documents import MAKERS
from palabre.workshops.tests.conftest import make_workshop  # noqa: F401 - a shared fixture

BODY = (
    "Ce guide décrit la campagne menée dans les villages de la Mbéré.\n\n"
    "Les vaccinatrices communautaires ont suivi chaque troupeau de chèvres pendant "
    "la saison sèche, avec un carnet par famille."
)
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def upload(name: str = "guide.pdf", *, title: str = "Guide", text: str = BODY):
    extension = name.rsplit(".", 1)[-1]
    return SimpleUploadedFile(
        name, MAKERS[extension](title, text), content_type=CONTENT_TYPES[extension]
    )


@pytest.fixture
def make_resource(db, run_tasks):
    """A resource added by ``by`` through the service, with its file read by the worker."""
    from palabre.resources import services

    def make(by, *, file=None, visibility="network", organisation=None, read=True, **fields):
        values = {
            "title": "Guide de la vaccination des chèvres",
            "kind": "guide",
            "description": "Un guide pratique pour les campagnes de vaccination.",
            **fields,
        }
        resource = services.resource_create(
            by=by,
            organisation=organisation or by.memberships.first().organisation,
            visibility=visibility,
            upload=file if file is not None else (upload() if "link" not in fields else None),
            **values,
        )
        if read:
            run_tasks()
        resource.refresh_from_db()
        return resource

    return make
