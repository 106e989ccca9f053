"""The dead letters: e-mails given up or perhaps never delivered, which network admins
see (without addresses in full or message text) and send again, audited (finding 3 of
issue 15). For everyone else the page does not exist."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils.html import escape

from conftest import make_person
from palabre.audit.models import AuditEvent
from palabre.core.delivery import email_deliver
from palabre.core.mail import email_retry
from palabre.core.models import OutgoingEmail
from palabre.lib.errors import ServiceError

Status = OutgoingEmail.Status
PAGE = "/emails/undelivered/"


@pytest.fixture
def admin_en(db):
    """A network admin who reads Palabre in English (the French catalog is filled later
    from fr_worker.json: these tests read what an English reader sees)."""
    return make_person("nadia@palabre.example", "Nadia", network_role="admin", language="en")


@pytest.fixture
def dead(queue_email, flaky, settings):
    """A password reset (sensitive) given up after two tries, an invitation that may
    not have been delivered, one waiting for its next try, and one sent."""
    settings.EMAIL_MAX_ATTEMPTS = 2
    failed = queue_email(to="awa.bello@fal.example", sensitive=True)
    flaky.failures = 2
    for _try in range(2):
        OutgoingEmail.objects.filter(pk=failed.pk).update(next_attempt_at=None)
        email_deliver(email_id=failed.pk)
    uncertain = queue_email(to="fotso@adecob.example")
    OutgoingEmail.objects.filter(pk=uncertain.pk).update(
        status=Status.UNCERTAIN, attempts=1, subject="Invitation à rejoindre ADECOB"
    )
    retrying = queue_email(to="etoundi@adecob.example")
    flaky.failures = 1
    email_deliver(email_id=retrying.pk)
    sent = queue_email(to="sent@adecob.example")
    email_deliver(email_id=sent.pk)
    mail.outbox.clear()
    for email in (failed, uncertain, retrying, sent):
        email.refresh_from_db()
    assert (failed.status, retrying.status, sent.status) == (
        Status.FAILED,
        Status.QUEUED,
        Status.SENT,
    )
    return {"failed": failed, "uncertain": uncertain, "retrying": retrying, "sent": sent}


def test_network_admin_sees_what_was_not_delivered_without_personal_details(
    client_for, admin_en, dead
):
    response = client_for(admin_en).get(PAGE)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Undelivered e-mails</h1>" in page
    assert "to an address at fal.example" in page and "at adecob.example" in page
    assert "awa.bello" not in page and "fotso" not in page and "etoundi" not in page
    # The password reset's link and subject stay hidden; the invitation's subject shows.
    assert "secret-token" not in page and "Subject hidden" in page
    assert "Invitation à rejoindre ADECOB" in page
    assert escape(dead["failed"].message_id) in page
    assert "SMTP server down" in page
    assert ">not delivered<" in page and ">may not have been delivered<" in page
    assert "2 tries" in page and "1 try" in page
    assert "1 e-mail is waiting for another try" in page
    assert page.count("Send again") == 2  # the sent and the retrying ones are not listed


def test_the_list_costs_the_same_queries_however_long(
    client_for, network_admin, dead, queue_email, django_assert_num_queries
):
    client = client_for(network_admin)
    client.get(PAGE)
    for _n in range(5):
        OutgoingEmail.objects.filter(pk=queue_email().pk).update(status=Status.FAILED)
    with django_assert_num_queries(7):
        client.get(PAGE)


@pytest.mark.parametrize(
    "who", [None, "author", "volunteer", "org_admin", "facilitator", "outsider_admin"]
)
def test_the_page_and_its_action_do_not_exist_for_anyone_else(client_for, request, dead, who):
    user = request.getfixturevalue(who) if who else None
    client = client_for(user)
    assert client.get(PAGE).status_code == 404
    assert client.post(f"/emails/{dead['failed'].pk}/retry/").status_code == 404
    dead["failed"].refresh_from_db()
    assert dead["failed"].status == Status.FAILED
    assert not AuditEvent.objects.filter(action="email.retried").exists()


def test_network_admin_sends_a_dead_letter_again_and_it_is_sent_once(
    client_for, admin_en, dead, flaky, run_tasks, django_capture_on_commit_callbacks
):
    failed = dead["failed"]
    client = client_for(admin_en)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/emails/{failed.pk}/retry/", follow=True)
    assert response.status_code == 200
    assert "will be sent again in a moment" in response.content.decode()
    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == (Status.QUEUED, 0)
    event = AuditEvent.objects.get(action="email.retried")
    assert event.actor == admin_en
    assert event.data == {"kind": "password_reset", "previous_status": "failed"}
    assert "awa.bello" not in event.target_repr and "fal.example" in event.target_repr

    run_tasks()
    failed.refresh_from_db()
    assert failed.status == Status.SENT
    assert [m.extra_headers["Message-ID"] for m in mail.outbox] == [failed.message_id]
    assert mail.outbox[0].to == ["awa.bello@fal.example"]


def test_an_uncertain_message_is_sent_again_only_when_asked(
    client_for, network_admin, dead, run_tasks, django_capture_on_commit_callbacks
):
    uncertain = dead["uncertain"]
    with django_capture_on_commit_callbacks(execute=True):
        client_for(network_admin).post(f"/emails/{uncertain.pk}/retry/")
    run_tasks()
    uncertain.refresh_from_db()
    assert uncertain.status == Status.SENT
    assert [m.extra_headers["Message-ID"] for m in mail.outbox] == [uncertain.message_id]


def test_sending_again_twice_is_refused_plainly(client_for, admin_en, dead):
    client = client_for(admin_en)
    url = f"/emails/{dead['failed'].pk}/retry/"
    assert client.post(url).status_code == 302
    response = client.post(url)
    assert response.status_code == 409
    assert "This e-mail is no longer waiting to be sent again." in response.content.decode()
    assert AuditEvent.objects.filter(action="email.retried").count() == 1


def test_a_sent_or_retrying_message_cannot_be_sent_again(network_admin, dead):
    for name in ("sent", "retrying"):
        with pytest.raises(ServiceError) as refused:
            email_retry(email=dead[name], by=network_admin)
        assert refused.value.status == 409


def test_the_retry_is_a_post(client_for, network_admin, dead):
    assert client_for(network_admin).get(f"/emails/{dead['failed'].pk}/retry/").status_code == 405


def test_network_admins_find_the_page_in_their_tools(client_for, network_admin, author, db):
    assert PAGE in client_for(network_admin).get("/").content.decode()
    assert PAGE not in client_for(author).get("/").content.decode()
