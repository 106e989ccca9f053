"""A person downloads everything Palabre holds about them: a ZIP of JSON files and their own
files, prepared by the worker, after confirming who they are — and nothing private of
anyone else."""

from __future__ import annotations

import html
import io
import json
import os
import zipfile
from datetime import time, timedelta

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

from palabre.audit.models import AuditEvent
from palabre.learning.models import QuizAttempt, Training, TrainingSession
from palabre.notifications.models import Notification
from palabre.privacy import kinds
from palabre.privacy.models import DataExport
from palabre.privacy.services import data_export_build, data_exports_expire
from palabre.workshops.models import Attendance, Session, Workshop

from .conftest import ATTACHMENT_BYTES, stale

EXPORT = "/my-data/archive/"


def download(client, export):
    response = client.get(f"/my-data/archive/{export.pk}/download/")
    assert response.status_code == 200, response.content[:300]
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


@pytest.fixture
def prepare(client_for, run_tasks, django_capture_on_commit_callbacks):
    """The person asks for their archive, and the worker prepares it."""

    def run(person) -> tuple[object, DataExport]:
        client = client_for(person)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(EXPORT)
        assert response.status_code == 302
        assert run_tasks() >= 1
        return client, DataExport.objects.get(person=person)

    return run


def test_the_archive_holds_the_persons_own_data_from_every_area_and_their_files(
    prepare, author, world
):
    client, export = prepare(author)
    assert export.status == DataExport.Status.READY

    archive = download(client, export)
    names = set(archive.namelist())
    areas = {
        "account", "memberships", "practices", "workshops", "discussions", "adoptions",
        "recognition", "learning", "notifications", "api_tokens", "security",
    }  # fmt: skip
    assert {f"{area}.json" for area in areas} | {"README.txt"} <= names
    data = {area: json.loads(archive.read(f"{area}.json")) for area in areas}

    assert data["account"]["email"] == "author@adb.example"
    assert (
        data["memberships"]["memberships"][0]["organisation"]
        == world.published.lead_organisation.name
    )
    written = {p["title"]: p for p in data["practices"]["practices_written"]}
    assert set(written) == {
        "Le warrantage à Ngaoundéré", "Mon brouillon de fiche", "Brouillon écrit à deux",
    }  # fmt: skip
    assert written["Mon brouillon de fiche"]["status"] == "draft"
    # The file they uploaded, byte for byte.
    upload = data["practices"]["attachments_uploaded"][0]
    assert upload["name"] == "rapport de terrain.pdf"
    assert archive.read(upload["file"]) == ATTACHMENT_BYTES
    assert upload["file"].startswith("files/practices/")

    workshops = data["workshops"]
    assert [r["workshop"] for r in workshops["registrations"]] == ["Atelier d'échanges de Bafut"]
    assert [e["most_useful"] for e in workshops["evaluations_given"]] == ["Les carrefours"]
    assert data["discussions"]["answers_written"][0]["thread"] == "Comment stocker le maïs ?"
    assert data["adoptions"]["feedback_reports_written"][0]["results"] == "Prix meilleurs"
    recognition = data["recognition"]
    assert [t["message"] for t in recognition["thanks_given"]] == ["Bien vu"]
    assert [(t["message"], t["from"]) for t in recognition["thanks_received"]] == [
        ("Merci !", "Colin Colleague")
    ]
    assert data["learning"]["wishes_to_learn"][0]["note"] == "Apprendre le warrantage"
    assert "Pour Awa seulement" in [n["title"] for n in data["notifications"]["notifications"]]
    assert [t["name"] for t in data["api_tokens"]["tokens"]] == ["Mon tableur"]


def test_the_archive_holds_nothing_private_of_anyone_else(prepare, author, world):
    client, export = prepare(author)
    archive = download(client, export)
    everything = "\n".join(
        archive.read(name).decode() for name in archive.namelist() if name.endswith(".json")
    )
    for private in (
        "Brouillon secret de Colin",  # another member's draft, in the same organisation
        "Texte privé de Colin",
        "Le repas de Colin",  # another participant's evaluation
        "Note de Colin",  # another participant's registration
        "Question détaillée de Colin",  # the body of someone else's thread
        "Pour Colin seulement",  # someone else's notification
        "colleague@adb.example",
        world.token.token_hash,  # never a token's secret, not even its digest
    ):
        assert private not in everything, private
    # The thread their answer belongs to is named, so the answer makes sense.
    assert "Comment stocker le maïs ?" in everything


def test_the_readme_is_written_in_the_persons_language(prepare, author, world):
    for language in ("fr", "en"):
        author.language = language
        author.save(update_fields=["language"])
        DataExport.objects.filter(person=author).delete()
        client, export = prepare(author)
        readme = download(client, export).read("README.txt").decode()
        with translation.override(language):
            assert gettext("Your data on Palabre") in readme
            assert gettext("your profile and account") in readme


def test_the_person_is_notified_when_the_archive_is_ready(prepare, author, world):
    prepare(author)
    notification = Notification.objects.get(recipient=author, kind=kinds.EXPORT_READY)
    assert notification.url == "/my-data/"
    assert AuditEvent.objects.filter(action="privacy.export_requested", actor=author).exists()


def test_asking_for_the_archive_needs_a_recent_proof_of_identity(client_for, author, world):
    client = client_for(author)
    stale(client)
    response = client.post(EXPORT)
    assert response.status_code == 302
    assert response.url.startswith("/security/confirm/")
    assert not DataExport.objects.exists()


def test_downloading_needs_a_recent_proof_of_identity_too(prepare, author, world):
    client, export = prepare(author)
    stale(client)
    response = client.get(f"/my-data/archive/{export.pk}/download/")
    assert response.status_code == 302
    assert response.url.startswith("/security/confirm/")
    assert DataExport.objects.get().downloaded_at is None


def test_nobody_else_downloads_an_archive(
    prepare, client_for, author, colleague, network_admin, world
):
    _client, export = prepare(author)
    for other in (colleague, network_admin):
        response = client_for(other).get(f"/my-data/archive/{export.pk}/download/")
        assert response.status_code == 404
    response = client_for().get(f"/my-data/archive/{export.pk}/download/")
    assert response.status_code == 302 and "/login/" in response.url


def test_one_archive_at_a_time(client_for, author, world):
    client = client_for(author)
    assert client.post(EXPORT).status_code == 302
    response = client.post(EXPORT)
    assert response.status_code == 409
    with translation.override("fr"):
        assert gettext("Your archive is already being prepared: wait until it is ready.") in (
            html.unescape(response.content.decode())
        )
    assert DataExport.objects.count() == 1


def test_an_archive_is_deleted_when_its_time_is_up(
    prepare, author, world, django_capture_on_commit_callbacks
):
    client, export = prepare(author)
    path = export.file.path
    assert os.path.exists(path)
    with django_capture_on_commit_callbacks(execute=True):
        assert data_exports_expire(now=timezone.now() + timedelta(days=8)) == 1
    export.refresh_from_db()
    assert export.status == DataExport.Status.EXPIRED and not export.file
    assert not os.path.exists(path)
    assert client.get(f"/my-data/archive/{export.pk}/download/").status_code == 410


def test_a_failed_build_leaves_no_file(client_for, author, world, monkeypatch, settings):
    client_for(author).post(EXPORT)
    export = DataExport.objects.get()

    def broken(**kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("palabre.privacy.services.write_zip", broken)
    assert data_export_build(export=export).status == DataExport.Status.FAILED
    export.refresh_from_db()
    assert not export.file
    exports_folder = settings.MEDIA_ROOT / "privacy" / "exports"
    assert not exports_folder.exists() or not any(exports_folder.iterdir())


def test_my_data_page_lists_the_archive_and_links_to_it(prepare, author, world):
    client, export = prepare(author)
    page = client.get("/my-data/").content.decode()
    assert f"/my-data/archive/{export.pk}/download/" in page


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_profile_page_links_to_my_data(client_for, author, language):
    author.language = language
    author.save(update_fields=["language"])
    page = client_for(author).get(f"/people/{author.pk}/").content.decode()
    assert 'href="/my-data/"' in page


def test_the_archive_holds_their_certificates_and_quiz_results(prepare, author, facilitator, org_a):
    day = timezone.localdate() - timedelta(days=5)
    workshop = Workshop.objects.create(
        kind="training",
        title="Formation au warrantage",
        objectives="- Apprendre",
        start_date=day,
        end_date=day,
        status="published",
        created_by=facilitator,
    )
    workshop.organisers.set([org_a])
    slot = Session.objects.create(
        workshop=workshop,
        title="Journée de formation",
        starts_at=workshop.at(day, time(9)),
        ends_at=workshop.at(day, time(17)),
    )
    Attendance.objects.create(session=slot, person=author, present=True)
    training = Training.objects.create(
        title="Le warrantage pas à pas", objectives="Savoir stocker", organisation=org_a
    )
    session = TrainingSession.objects.create(training=training, workshop=workshop)
    QuizAttempt.objects.create(session=session, person=author, moment="after", score=4, out_of=5)

    client, export = prepare(author)
    archive = download(client, export)
    learning = json.loads(archive.read("learning.json"))
    assert [(q["training"], q["score"]) for q in learning["quiz_results"]] == [
        ("Le warrantage pas à pas", 4)
    ]
    certificate = learning["certificates"][0]
    assert certificate["training"] == "Le warrantage pas à pas"
    assert archive.read(certificate["file"]).startswith(b"%PDF")
