"""A person asks for their account to be erased; a network administrator carries it out in
one transaction (or refuses, saying why). What they shared stays, by a "former member";
their name, address, access and private data go; the audit log says who did it."""

from __future__ import annotations

import html
import os
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext

from conftest import TEST_PASSWORD
from palabre.accounts.models import ApiToken
from palabre.audit.models import AuditEvent
from palabre.core.models import OutgoingEmail
from palabre.discussions.mentions import find_mentions
from palabre.lib.errors import ServiceError
from palabre.notifications.models import Notification
from palabre.organisations.models import Membership
from palabre.practices.models import Attachment, Practice
from palabre.privacy import kinds
from palabre.privacy.models import ErasureRequest
from palabre.privacy.services import erasure_carry_out, erasure_request_create
from palabre.workshops.models import Registration, Workshop

from .conftest import stale

ERASE = "/my-data/erase/"


def text(response) -> str:
    return html.unescape(response.content.decode())


def former_member(language: str) -> str:
    with translation.override(language):
        return gettext("Former member")


@pytest.fixture
def asked(author, world, network_admin):
    """The author asked for their account to be erased."""
    return erasure_request_create(
        person=author, by=author, password=TEST_PASSWORD, reason="Je quitte le réseau"
    )


@pytest.fixture
def erased(asked, network_admin, client_for, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(network_admin).post(f"/privacy/requests/{asked.pk}/erase/")
    assert response.status_code == 302, text(response)
    asked.refresh_from_db()
    return asked


# Asking ------------------------------------------------------------------------


def test_a_person_asks_with_their_password_and_the_administrators_are_told(
    client_for, author, world, network_admin
):
    response = client_for(author).post(
        ERASE, {"reason": "Je change de travail", "password": TEST_PASSWORD, "understood": "on"}
    )
    assert response.status_code == 302
    request = ErasureRequest.objects.get(person=author)
    assert request.status == ErasureRequest.Status.PENDING
    assert request.reason == "Je change de travail"
    told = Notification.objects.get(recipient=network_admin, kind=kinds.ERASURE_REQUESTED)
    assert told.url == f"/privacy/requests/{request.pk}/"
    assert AuditEvent.objects.filter(action="privacy.erasure_requested", actor=author).exists()


def test_a_wrong_password_asks_nothing(client_for, author, world):
    response = client_for(author).post(
        ERASE, {"password": "pas le bon", "understood": "on"}, HTTP_ACCEPT_LANGUAGE="fr"
    )
    assert response.status_code == 400
    with translation.override(author.language):
        assert gettext("This is not your password.") in text(response)
    assert not ErasureRequest.objects.exists()


def test_without_ticking_that_they_understand_nothing_is_asked(client_for, author, world):
    response = client_for(author).post(ERASE, {"password": TEST_PASSWORD})
    assert response.status_code == 400
    assert not ErasureRequest.objects.exists()


def test_a_second_request_while_one_waits_is_refused_clearly(author, asked):
    with pytest.raises(ServiceError) as refused:
        erasure_request_create(person=author, by=author, password=TEST_PASSWORD)
    assert refused.value.status == 409
    assert ErasureRequest.objects.count() == 1


def test_the_person_withdraws_a_waiting_request(client_for, author, asked):
    response = client_for(author).post(f"/my-data/erase/{asked.pk}/withdraw/")
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.status == ErasureRequest.Status.WITHDRAWN


# Carrying it out -----------------------------------------------------------------


def test_after_erasure_the_practice_shows_a_former_member_in_the_readers_language(
    client_for, colleague, world, erased
):
    for language in ("fr", "en"):
        colleague.language = language
        colleague.save(update_fields=["language"])
        page = text(client_for(colleague).get(world.published.get_absolute_url()))
        assert former_member(language) in page
        assert "Awa Author" not in page
    assert world.published.authors.get().is_erased


def test_the_old_address_cannot_log_in(client, erased):
    response = client.post("/login/", {"username": "author@adb.example", "password": TEST_PASSWORD})
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session


def test_an_open_session_of_the_person_ends(client_for, author, world, asked, network_admin):
    theirs = client_for(author)
    assert theirs.get("/my-data/").status_code == 200
    erasure_carry_out(request=asked, by=network_admin)
    response = theirs.get("/my-data/")
    assert response.status_code == 302 and "/login/" in response.url


def test_searching_for_the_old_name_finds_no_person(client_for, network_admin, erased):
    network_admin.is_superuser = True  # as user_set_network_role makes every network admin
    network_admin.save(update_fields=["is_superuser"])
    admin_search = client_for(network_admin).get("/admin/accounts/user/", {"q": "Awa"})
    assert admin_search.status_code == 200
    assert "author@adb.example" not in text(admin_search)
    assert "Awa Author" not in text(admin_search)
    assert find_mentions("Merci @Awa Author") == []
    assert not get_user_model().objects.filter(display_name__icontains="Awa").exists()
    assert not get_user_model().objects.filter(email__icontains="author@adb").exists()


def test_personal_fields_access_and_private_data_are_removed(author, world, erased):
    person = get_user_model().objects.get(pk=author.pk)
    assert person.is_erased and not person.is_active
    assert person.email.endswith("@erased.invalid")
    assert (person.display_name, person.bio, person.job_title) == ("", "", "")
    assert not person.has_usable_password()
    assert not Membership.objects.filter(user=person).exists()
    assert not ApiToken.objects.active().filter(user=person).exists()
    assert not Notification.objects.filter(recipient=person).exists()
    assert not OutgoingEmail.objects.filter(to="author@adb.example", kind="notification").exists()
    # Their draft is gone with its file; the one written with a colleague stays, theirs now.
    assert not Practice.objects.filter(pk=world.draft.pk).exists()
    assert not Attachment.objects.filter(pk=world.attachment.pk).exists()
    assert not os.path.exists(world.attachment.file.path)
    assert list(world.shared_draft.authors.values_list("email", flat=True)) == [
        "colleague@adb.example"
    ]
    # What they shared stays: the published practice, their answer.
    assert Practice.objects.filter(pk=world.published.pk).exists()
    world.answer.refresh_from_db()
    assert world.answer.author_id == person.pk


def test_the_audit_log_says_who_erased_when_and_keeps_no_erased_data(author, network_admin, erased):
    event = AuditEvent.objects.get(action="privacy.account_erased")
    assert event.actor == network_admin
    assert event.data["person"] == author.pk
    assert event.data["removed"]["drafts"] == 1
    erased.refresh_from_db()
    assert erased.status == ErasureRequest.Status.DONE and erased.decided_by == network_admin
    assert erased.reason == ""
    for row in AuditEvent.objects.all():
        for old in ("author@adb.example", "Awa Author"):
            assert old not in row.target_repr and old not in str(row.data), row.action


def test_the_person_is_told_at_their_old_address(erased, run_tasks):
    run_tasks()
    sent = [m for m in mail.outbox if m.to == ["author@adb.example"]]
    assert len(sent) == 1
    with translation.override("fr"):
        assert gettext("Your Palabre account has been erased") in sent[0].subject


def test_an_error_midway_leaves_everything_as_it_was(
    author, world, asked, network_admin, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    # The last step fails, after every other one has run.
    monkeypatch.setattr("palabre.privacy.erasure._scrub_copies", broken)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        erasure_carry_out(request=asked, by=network_admin)

    person = get_user_model().objects.get(pk=author.pk)
    assert (person.email, person.display_name, person.is_active) == (
        "author@adb.example", "Awa Author", True,
    )  # fmt: skip
    assert person.check_password(TEST_PASSWORD)
    assert Membership.objects.filter(user=person).count() == 1
    assert Practice.objects.filter(pk=world.draft.pk).exists()
    assert os.path.exists(world.attachment.file.path)
    assert Notification.objects.filter(recipient=person).exists()
    asked.refresh_from_db()
    assert asked.status == ErasureRequest.Status.PENDING
    assert not AuditEvent.objects.filter(action="privacy.account_erased").exists()
    assert not AuditEvent.objects.filter(action="membership.removed").exists()


def test_erasing_twice_is_refused_clearly(client_for, author, network_admin, erased):
    response = client_for(network_admin).post(f"/privacy/requests/{erased.pk}/erase/")
    assert response.status_code == 409
    with translation.override(network_admin.language):
        assert gettext("This account has already been erased.") in text(response)
    # A request still waiting for an account erased meanwhile is refused the same way.
    again = ErasureRequest.objects.create(person_id=author.pk)
    response = client_for(network_admin).post(f"/privacy/requests/{again.pk}/erase/")
    assert response.status_code == 409
    assert AuditEvent.objects.filter(action="privacy.account_erased").count() == 1


def test_the_last_administrator_of_an_organisation_is_not_erased_before_another_is_named(
    org_admin, network_admin, client_for
):
    request = erasure_request_create(person=org_admin, by=org_admin, password=TEST_PASSWORD)
    response = client_for(network_admin).post(f"/privacy/requests/{request.pk}/erase/")
    assert response.status_code == 409
    org_admin.refresh_from_db()
    assert not org_admin.is_erased and org_admin.display_name == "Odile Orgadmin"
    request.refresh_from_db()
    assert request.is_pending


def test_carrying_out_needs_a_recent_proof_of_identity(client_for, network_admin, asked):
    client = client_for(network_admin)
    stale(client)
    response = client.post(f"/privacy/requests/{asked.pk}/erase/")
    assert response.status_code == 302 and response.url.startswith("/security/confirm/")
    asked.refresh_from_db()
    assert asked.is_pending


def test_an_administrator_does_not_handle_their_own_request(client_for, network_admin, db):
    request = erasure_request_create(person=network_admin, by=network_admin, password=TEST_PASSWORD)
    response = client_for(network_admin).post(f"/privacy/requests/{request.pk}/erase/")
    assert response.status_code == 409
    network_admin.refresh_from_db()
    assert not network_admin.is_erased


# Refusing ------------------------------------------------------------------------


def test_a_refusal_says_why_to_the_person(
    client_for, author, asked, network_admin, django_capture_on_commit_callbacks, run_tasks
):
    client = client_for(network_admin)
    assert client.post(f"/privacy/requests/{asked.pk}/refuse/", {"reason": " "}).status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/privacy/requests/{asked.pk}/refuse/",
            {"reason": "Un audit de vos comptes est en cours jusqu'en mars."},
        )
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.status == ErasureRequest.Status.REFUSED
    run_tasks()
    sent = [m for m in mail.outbox if m.to == ["author@adb.example"]]
    assert "Un audit de vos comptes est en cours jusqu'en mars." in sent[-1].body
    assert AuditEvent.objects.filter(action="privacy.erasure_refused", actor=network_admin).exists()
    page = text(client_for(author).get("/my-data/"))
    assert "Un audit de vos comptes est en cours jusqu'en mars." in page


# The administrators' pages ------------------------------------------------------------


@pytest.mark.parametrize("who", ["anonymous", "author", "colleague", "facilitator", "org_admin"])
def test_only_network_administrators_see_the_requests(who, request, client_for, asked):
    user = None if who == "anonymous" else request.getfixturevalue(who)
    client = client_for(user)
    for url in (
        "/privacy/requests/",
        f"/privacy/requests/{asked.pk}/",
        f"/privacy/requests/{asked.pk}/erase/",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/privacy/requests/{asked.pk}/erase/").status_code == 404
    assert client.post(f"/privacy/requests/{asked.pk}/refuse/", {"reason": "x"}).status_code == 404
    asked.refresh_from_db()
    assert asked.is_pending


def test_the_administrators_list_shows_waiting_requests(client_for, network_admin, asked):
    page = text(client_for(network_admin).get("/privacy/requests/"))
    assert "Awa Author" in page
    assert f"/privacy/requests/{asked.pk}/" in page


def test_thanks_they_gave_stay_from_a_former_member(client_for, colleague, erased):
    page = text(client_for(colleague).get(f"/contributors/{colleague.pk}/"))
    assert "Bien vu" in page
    assert former_member(colleague.language) in page
    assert "Awa Author" not in page


def test_the_pages_of_a_request_read_well(client_for, author, network_admin, asked):
    mine = text(client_for(author).get("/my-data/"))
    assert f"/my-data/erase/{asked.pk}/withdraw/" in mine
    admin = client_for(network_admin)
    detail = text(admin.get(f"/privacy/requests/{asked.pk}/"))
    assert "Je quitte le réseau" in detail and "author@adb.example" in detail
    confirm = admin.get(f"/privacy/requests/{asked.pk}/erase/")
    assert confirm.status_code == 200
    assert f'action="/privacy/requests/{asked.pk}/erase/"' in text(confirm)
    asked.refresh_from_db()
    assert asked.is_pending  # asking to confirm changes nothing


def test_their_place_in_a_workshop_to_come_goes_to_the_waiting_list(
    author, colleague, facilitator, org_a, asked, network_admin
):
    day = timezone.localdate() + timedelta(days=20)
    workshop = Workshop.objects.create(
        title="Atelier à venir",
        objectives="- Partager",
        start_date=day,
        end_date=day,
        status="published",
        capacity=1,
        created_by=facilitator,
    )
    workshop.organisers.set([org_a])
    theirs = Registration.objects.create(workshop=workshop, person=author, status="confirmed")
    waiting = Registration.objects.create(workshop=workshop, person=colleague, status="waitlisted")

    erasure_carry_out(request=asked, by=network_admin)

    theirs.refresh_from_db()
    waiting.refresh_from_db()
    assert theirs.status == "cancelled"
    assert waiting.status == "confirmed"


def test_other_peoples_notifications_no_longer_quote_the_old_name(
    author, colleague, asked, network_admin
):
    told = Notification.objects.create(
        recipient=colleague, actor=author, kind="x", title="Awa Author a répondu à votre question"
    )
    erasure_carry_out(request=asked, by=network_admin)
    told.refresh_from_db()
    assert "Awa Author" not in told.title
    assert told.title.startswith(former_member(colleague.language))
