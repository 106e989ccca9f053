"""Contribution attestations: a person asks for one, the worker builds its PDF, anyone checks
it at its verification address — and a changed code or a revoked one is refused."""

from __future__ import annotations

import io
from datetime import time, timedelta

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext
from pypdf import PdfReader

from conftest import make_person
from palabre.audit.models import AuditEvent
from palabre.notifications.models import Notification
from palabre.recognition import kinds
from palabre.recognition.models import Attestation, Thanks
from palabre.recognition.services.attestations import attestation_build

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def english_author(author):
    author.language = "en"
    author.save(update_fields=["language"])
    return author


@pytest.fixture
def shared(english_author, colleague, facilitator, org_a, make_practice):
    """What the author shared: two practices beyond their organisation, one for it only, a
    presentation and attendance at a network workshop, the same at an internal one, and
    thanks on a shared practice and on the internal one."""
    from palabre.workshops.models import Attendance, Session, Workshop

    author = english_author
    network = make_practice(author, title="Le warrantage à Ngaoundéré", visibility="network")
    make_practice(author, title="Les cantines scolaires de Garoua", visibility="public")
    internal = make_practice(author, title="Notre caisse interne", visibility="organisation")
    make_practice(author, title="Un brouillon pas encore publié", status="draft")

    def workshop(title, visibility, session_title):
        day = timezone.localdate() - timedelta(days=3)
        w = Workshop.objects.create(
            title=title,
            objectives="- Partager",
            start_date=day,
            end_date=day,
            city="Bafut",
            status="published",
            visibility=visibility,
            created_by=facilitator,
        )
        w.organisers.set([org_a])
        session = Session.objects.create(
            workshop=w,
            kind="presentation",
            title=session_title,
            presenter=author,
            starts_at=w.at(day, time(9, 0)),
            ends_at=w.at(day, time(10, 0)),
        )
        Attendance.objects.create(session=session, person=author, present=True)
        return w

    workshop("Atelier d'échanges de Bafut", "network", "Notre expérience du warrantage")
    workshop("Réunion interne de l'ADB", "organisation", "Présentation confidentielle")
    Thanks.objects.create(giver=colleague, kind=Thanks.Kind.PRACTICE, object_id=network.pk)
    Thanks.objects.create(giver=colleague, kind=Thanks.Kind.PRACTICE, object_id=internal.pk)
    return author


def _period():
    today = timezone.localdate()
    return {"period_start": today.replace(year=today.year - 1, month=1, day=1), "period_end": today}


@pytest.fixture
def ask(client_for, django_capture_on_commit_callbacks):
    """Ask for an attestation through the page, as ``user``; returns the response."""

    def post(user, **fields):
        values = {**{k: v.isoformat() for k, v in _period().items()}, "language": "en", **fields}
        with django_capture_on_commit_callbacks(execute=True):
            return client_for(user, **EN).post("/attestations/", values)

    return post


@pytest.fixture
def ready(shared, ask, run_tasks):
    """A built attestation of the author's contributions, in English."""
    response = ask(shared)
    assert response.status_code == 302
    assert run_tasks() >= 1
    attestation = Attestation.objects.get(person=shared)
    assert attestation.status == Attestation.Status.READY
    return attestation


def pdf_text(content: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.split())


def _download(client_for, attestation):
    response = client_for(attestation.person, **EN).get(f"/attestations/{attestation.pk}/pdf/")
    assert response.status_code == 200
    return response


# The PDF ---------------------------------------------------------------------------


def test_the_pdf_states_the_right_counts_and_titles(ready, client_for):
    response = _download(client_for, ready)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    text = pdf_text(b"".join(response.streaming_content))
    assert "Contribution attestation" in text
    assert "Awa Author" in text
    assert "Association pour le Développement de Bafut (ADB)" in text
    assert "Practices shared 2" in text
    assert "Practices shared (2)" in text
    assert "Le warrantage à Ngaoundéré" in text
    assert "Les cantines scolaires de Garoua" in text
    assert "Presentations given 1" in text
    assert "Notre expérience du warrantage" in text
    assert "Workshops attended 1" in text
    assert "Atelier d'échanges de Bafut" in text
    assert "Thanks received 1" in text
    # The verification address, whole (it may wrap in the PDF).
    assert ready.verification_path() in text.replace(" ", "")
    assert "http://testserver" + ready.verification_path() in text.replace(" ", "")


def test_what_one_organisation_keeps_to_itself_never_appears(ready, client_for):
    text = pdf_text(b"".join(_download(client_for, ready).streaming_content))
    for hidden in (
        "Notre caisse interne",
        "Présentation confidentielle",
        "Réunion interne",
        "brouillon",
        "author@adb.example",
    ):
        assert hidden not in text, hidden
        assert hidden not in str(ready.statement), hidden
    page = client_for(**EN).get(ready.verification_path()).content.decode()
    for hidden in ("Notre caisse interne", "Présentation confidentielle", "author@adb.example"):
        assert hidden not in page


def test_french_and_english_pdfs(shared, ask, run_tasks, client_for):
    assert ask(shared, language="fr").status_code == 302
    assert ask(shared, language="en").status_code == 302
    run_tasks()
    french, english = (
        Attestation.objects.get(person=shared, language=code) for code in ("fr", "en")
    )
    french_text = pdf_text(b"".join(_download(client_for, french).streaming_content))
    english_text = pdf_text(b"".join(_download(client_for, english).streaming_content))
    with translation.override("fr"):
        heading = gettext("Contribution attestation")
    assert heading in french_text
    assert "Contribution attestation" in english_text
    # Dates are written in the attestation's language.
    year = _period()["period_start"].year
    assert f"1er janvier {year}" in french_text  # French writes the first day "1er"
    assert f"1 January {year}" in english_text
    assert "Le warrantage à Ngaoundéré" in french_text


# The verification address --------------------------------------------------------------


def test_the_verification_address_works_without_an_account(ready, client):
    response = client.get(ready.verification_path(), **EN)
    assert response.status_code == 200
    page = response.content.decode()
    assert "This attestation is genuine" in page
    assert "Awa Author" in page
    assert "Le warrantage à Ngaoundéré" in page
    assert "Practices shared: 2" in page
    assert "Thanks received: 1" in page
    assert response["X-Robots-Tag"].startswith("noindex")


def test_the_verification_page_shows_what_was_stated_not_what_changed_since(
    ready, client, make_practice
):
    make_practice(ready.person, title="Une pratique publiée après coup", visibility="public")
    page = client.get(ready.verification_path(), **EN).content.decode()
    assert "Une pratique publiée après coup" not in page
    assert "Practices shared: 2" in page


def test_a_changed_code_is_refused(ready, client):
    code = ready.code
    changed = code[:-1] + ("A" if code[-1] != "A" else "B")
    for address in (
        f"/attestations/verify/{changed}/",
        f"/attestations/verify/{code[:-2]}/",
        f"/attestations/verify/{code}x/",
        f"/attestations/verify/{'a' * 200}/",
    ):
        response = client.get(address, **EN)
        assert response.status_code == 404, address
        page = response.content.decode()
        assert "This attestation is not valid" in page
        assert "Awa Author" not in page
        assert "warrantage" not in page


def test_a_revoked_attestation_is_refused(ready, client_for, client):
    owner = client_for(ready.person, **EN)
    assert owner.get(f"/attestations/{ready.pk}/revoke/").status_code == 200  # asks to confirm
    assert Attestation.objects.get(pk=ready.pk).revoked_at is None
    response = owner.post(f"/attestations/{ready.pk}/revoke/")
    assert response.status_code == 302
    ready.refresh_from_db()
    assert ready.revoked_at is not None and not ready.pdf
    response = client.get(ready.verification_path(), **EN)
    assert response.status_code == 410
    page = response.content.decode()
    assert "This attestation is not valid" in page
    assert "revoked" in page
    assert "warrantage" not in page
    assert owner.get(f"/attestations/{ready.pk}/pdf/").status_code == 410
    assert AuditEvent.objects.filter(action="attestation.revoked", target_id=str(ready.pk)).exists()
    # Revoking again says so.
    again = owner.post(f"/attestations/{ready.pk}/revoke/")
    assert again.status_code == 409
    assert "This attestation was already revoked." in again.content.decode()


def test_one_being_prepared_is_not_yet_valid(shared, ask, client):
    ask(shared)
    attestation = Attestation.objects.get(person=shared)
    assert attestation.status == Attestation.Status.REQUESTED
    assert client.get(attestation.verification_path(), **EN).status_code == 404


# Asking for one: bad input ------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (0, 1, "La période ne peut pas se terminer dans le futur"),
        (-10, -20, "La période commence après sa fin"),
        (-4000, 0, "Une attestation couvre au plus 10 ans"),
    ],
)
def test_a_bad_period_is_refused_and_nothing_is_written(author, ask, start, end, message):
    from django_tasks_db.models import DBTaskResult

    today = timezone.localdate()
    response = ask(
        author,
        period_start=(today + timedelta(days=start)).isoformat(),
        period_end=(today + timedelta(days=end)).isoformat(),
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Attestation.objects.exists()
    assert not DBTaskResult.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="attestation.").exists()


def test_a_missing_or_unknown_language_is_refused(author, ask):
    assert ask(author, language="de").status_code == 400
    assert ask(author, period_start="").status_code == 400
    assert ask(author, period_end="31/02/2024").status_code == 400
    assert not Attestation.objects.exists()


def test_asking_is_recorded(author, ask):
    assert ask(author).status_code == 302
    attestation = Attestation.objects.get(person=author)
    assert attestation.language == "en"
    event = AuditEvent.objects.get(action="attestation.requested")
    assert event.target_id == str(attestation.pk)


# Who sees what -------------------------------------------------------------------------


def test_another_member_opening_my_attestation_gets_404(ready, client_for, colleague, outsider):
    for person in (colleague, outsider):
        other = client_for(person, **EN)
        for address in (f"/attestations/{ready.pk}/", f"/attestations/{ready.pk}/pdf/"):
            assert other.get(address).status_code == 404, address
        assert other.post(f"/attestations/{ready.pk}/revoke/").status_code == 404
        assert "warrantage" not in other.get("/attestations/").content.decode()
    ready.refresh_from_db()
    assert ready.revoked_at is None
    anonymous = client_for()
    assert anonymous.get(f"/attestations/{ready.pk}/").status_code == 302  # to the login page


def test_my_attestations_page(ready, client_for, django_assert_max_num_queries):
    owner = client_for(ready.person, **EN)
    with django_assert_max_num_queries(6):
        response = owner.get("/attestations/")
    page = response.content.decode()
    assert "My attestations" in page
    assert "http://testserver" + ready.verification_path() in page
    assert f"/attestations/{ready.pk}/pdf/" in page
    detail = owner.get(f"/attestations/{ready.pk}/").content.decode()
    assert "<svg" in detail  # the QR code
    assert "Le warrantage à Ngaoundéré" in detail


def test_the_list_page_costs_the_same_for_many_attestations(
    shared, client_for, django_assert_max_num_queries
):
    for _ in range(12):
        Attestation.objects.create(
            person=shared, period_start=_period()["period_start"], period_end=_period()["period_end"],
            language="en", status=Attestation.Status.READY,
        )  # fmt: skip
    owner = client_for(shared, **EN)
    with django_assert_max_num_queries(6):
        assert owner.get("/attestations/").status_code == 200


def test_my_profile_shows_my_attestations_to_me_only(ready, client_for, colleague):
    mine = client_for(ready.person, **EN).get(f"/people/{ready.person.pk}/").content.decode()
    assert "/attestations/" in mine and "My attestations" in mine
    theirs = client_for(colleague, **EN).get(f"/people/{ready.person.pk}/").content.decode()
    assert "My attestations" not in theirs


def test_only_oneself(shared, colleague):
    from palabre.lib.errors import ServiceError
    from palabre.recognition.services.attestations import attestation_request

    with pytest.raises(ServiceError) as refused:
        attestation_request(
            person=shared, by=colleague, language="en", **_period()
        )  # fmt: skip
    assert refused.value.status == 403
    assert not Attestation.objects.exists()


# Building ---------------------------------------------------------------------------------


def test_the_person_is_told_when_it_is_ready(ready):
    notes = Notification.objects.filter(recipient=ready.person, kind=kinds.ATTESTATION_READY)
    assert notes.count() == 1
    assert notes.get().url == ready.get_absolute_url()


def test_building_twice_changes_nothing(ready):
    name, built_at = ready.pdf.name, ready.built_at
    again = attestation_build(attestation=ready)
    assert again.status == Attestation.Status.READY
    assert (again.pdf.name, again.built_at) == (name, built_at)
    assert Notification.objects.filter(kind=kinds.ATTESTATION_READY).count() == 1


def test_a_failed_build_leaves_nothing_half_written(shared, ask, run_tasks, monkeypatch, settings):
    from pathlib import Path

    def broken(*args, **kwargs):
        raise RuntimeError("the PDF engine broke")

    monkeypatch.setattr("palabre.recognition.services.attestations.attestation_pdf", broken)
    ask(shared)
    run_tasks()
    attestation = Attestation.objects.get(person=shared)
    assert attestation.status == Attestation.Status.FAILED
    assert not attestation.pdf and attestation.built_at is None and not attestation.statement
    folder = Path(settings.MEDIA_ROOT) / "attestations" / str(shared.pk)
    assert not folder.exists() or not any(folder.iterdir())
    assert not Notification.objects.filter(kind=kinds.ATTESTATION_READY).exists()


def test_a_failure_while_saving_deletes_the_file(shared, ask, monkeypatch, settings):
    from pathlib import Path

    def broken(**kwargs):
        raise RuntimeError("notifications are down")

    monkeypatch.setattr("palabre.recognition.services.attestations.notify", broken)
    ask(shared)
    attestation = attestation_build(attestation=Attestation.objects.get(person=shared))
    assert attestation.status == Attestation.Status.FAILED and not attestation.pdf
    folder = Path(settings.MEDIA_ROOT) / "attestations" / str(shared.pk)
    assert not folder.exists() or not any(folder.iterdir())


def test_an_attestation_without_contributions(db, org_a, ask, run_tasks, client):
    newcomer = make_person("new@adb.example", "Nina Newcomer", organisation=org_a, language="en")
    ask(newcomer)
    run_tasks()
    attestation = Attestation.objects.get(person=newcomer)
    assert attestation.status == Attestation.Status.READY
    page = client.get(attestation.verification_path(), **EN).content.decode()
    assert "No contribution shared with the network was recorded over this period." in page


def test_the_list_refreshes_itself_while_one_is_being_prepared(shared, ask, client_for):
    ask(shared)
    owner = client_for(shared, **EN)
    page = owner.get("/attestations/").content.decode()
    assert 'hx-trigger="every 5s"' in page
    assert "Being prepared" in page
    fragment = owner.get("/attestations/", HTTP_HX_REQUEST="true")
    assert fragment.status_code == 200
    assert "<html" not in fragment.content.decode()
    assert "HX-Request" in fragment["Vary"]


def test_too_many_being_prepared_at_once(author, ask):
    for _ in range(3):
        assert ask(author).status_code == 302
    response = ask(author)
    assert response.status_code == 429
    assert "déjà en préparation" in response.content.decode()
    assert Attestation.objects.filter(person=author).count() == 3
