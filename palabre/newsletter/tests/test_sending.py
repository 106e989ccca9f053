"""Sending an issue: each person's copy holds only what they may see, in their language,
with a link that stops the newsletter; a send stopped half-way resumes without a second
copy; an empty issue and a second click are refused."""

from __future__ import annotations

import html
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from palabre.core.models import OutgoingEmail
from palabre.lib.errors import ServiceError
from palabre.newsletter import delivery, services
from palabre.newsletter.models import Delivery, Issue, Item, Subscription

pytestmark = pytest.mark.django_db


def _copy_of(person):
    [message] = [m for m in mail.outbox if m.to == [person.email]]
    return message


def _html(message) -> str:
    [(body, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html.unescape(body)


def test_each_recipient_gets_only_what_they_may_see(
    draft, scene, facilitator, author, outsider, english_outsider, colleague, send, client_for
):
    Item.objects.create(
        issue=draft, kind=Item.Kind.TEXT, text="Un **mot** de l'équipe", position=99
    )
    send(draft, facilitator)

    mine = _copy_of(author)
    theirs = _copy_of(outsider)
    for message in (mine, theirs, _copy_of(english_outsider), _copy_of(colleague)):
        assert "Le warrantage pour tout le réseau" in message.body
        assert "Les champs-écoles publics" in message.body
        assert "Un mot de l'équipe" in _html(message).replace("<strong>", "").replace(
            "</strong>", ""
        )
    # A's members see A's practice and workshop, never B's; B's members the other way round.
    assert "Secret de Bafut" in mine.body and "Secret de Bafut" in _html(mine)
    assert "Atelier réservé à l'ADB" in mine.body
    assert "Secret de Moundou" not in mine.body + _html(mine)
    assert "Secret de Moundou" in theirs.body and "Secret de Moundou" in _html(theirs)
    for forbidden in ("Secret de Bafut", "Atelier réservé à l'ADB"):
        assert forbidden not in theirs.body + _html(theirs)
        assert forbidden not in _copy_of(english_outsider).body
    # Nor does the web archive show them another organisation's items.
    page = html.unescape(client_for(outsider).get(draft.get_absolute_url()).content.decode())
    assert "Secret de Moundou" in page and "Le warrantage pour tout le réseau" in page
    assert "Secret de Bafut" not in page and "Atelier réservé à l'ADB" not in page
    page = html.unescape(client_for(author).get(draft.get_absolute_url()).content.decode())
    assert "Secret de Bafut" in page and "Secret de Moundou" not in page
    # One copy each, one Delivery each.
    assert Delivery.objects.filter(issue=draft).count() == len(mail.outbox)
    assert len({m.to[0] for m in mail.outbox}) == len(mail.outbox)
    draft.refresh_from_db()
    assert draft.status == Issue.Status.SENT and draft.finished_at is not None


def test_copies_are_in_each_recipients_language(
    draft, scene, facilitator, author, english_outsider, send
):
    send(draft, facilitator)
    french, english = _copy_of(author), _copy_of(english_outsider)
    assert french.subject == "Lettre d'information de Palabre : Lettre de décembre"
    assert english.subject == "Palabre newsletter: Lettre de décembre"
    assert "Bonjour Awa Author" in french.body
    assert "Nouvelle pratique : Le warrantage pour tout le réseau" in french.body
    assert "Arrêter la lettre d'information" in _html(french)
    assert "Hello Olivia English" in english.body
    assert "New practice: Le warrantage pour tout le réseau" in english.body
    assert "Stop the newsletter" in _html(english)
    assert '<html lang="en">' in _html(english) and '<html lang="fr">' in _html(french)


def test_every_copy_carries_one_click_unsubscribe(draft, scene, facilitator, author, send, client):
    send(draft, facilitator)
    message = _copy_of(author)
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in message.body and link in _html(message)
    path = link.removeprefix("http://testserver")
    # Opening the link (a mail scanner may) changes nothing: it asks to confirm.
    page = client.get(path)
    assert page.status_code == 200
    assert "Arrêter la lettre d'information" in html.unescape(page.content.decode())
    assert delivery.choice_of(author) == Subscription.Choice.EVERY
    # The mail program's own button: a POST without a session or a CSRF token.
    answer = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert answer.status_code == 200
    assert delivery.choice_of(author) == Subscription.Choice.NEVER


def test_the_confirmation_button_stops_the_newsletter(author, client):
    path = delivery.unsubscribe_url(author).removeprefix("http://testserver")
    page = client.post(path)
    assert page.status_code == 200
    assert "Vous ne recevrez plus la lettre d'information" in html.unescape(page.content.decode())
    assert delivery.choice_of(author) == Subscription.Choice.NEVER


def test_a_forged_unsubscribe_link_answers_404(client, author):
    token = delivery.unsubscribe_token(author)
    assert client.post(f"/newsletter/stop/{token[:-2]}xx/").status_code == 404
    assert client.get("/newsletter/stop/nothing/").status_code == 404
    assert delivery.choice_of(author) == Subscription.Choice.EVERY


def test_a_send_stopped_half_way_resumes_with_only_the_missing_copies(
    draft, scene, facilitator, author, colleague, outsider, english_outsider, org_admin,
    deliver, django_capture_on_commit_callbacks, monkeypatch,
):  # fmt: skip
    people = [facilitator, author, colleague, outsider, english_outsider, org_admin]
    with django_capture_on_commit_callbacks(execute=True):
        services.issue_send(issue=draft, by=facilitator)
    # The worker dies while writing the third copy: the first two are written, the third
    # is rolled back with its Delivery row.
    real = delivery.email_queue
    calls = {"n": 0}

    def dying(**kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise SystemExit("worker killed")
        return real(**kwargs)

    monkeypatch.setattr(delivery, "email_queue", dying)
    with pytest.raises(SystemExit), django_capture_on_commit_callbacks(execute=True):
        delivery.issue_deliver(issue_id=draft.pk)
    assert Delivery.objects.filter(issue=draft).count() == 2
    assert OutgoingEmail.objects.filter(kind="newsletter:issue").count() == 2
    monkeypatch.setattr(delivery, "email_queue", real)
    # The next worker (the task queued again, or the daily job) takes up the rest.
    deliver()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert Delivery.objects.filter(issue=draft).count() == len(people)
    # Running it again writes nothing more.
    assert delivery.issue_deliver(issue_id=draft.pk) == (0, True)
    with django_capture_on_commit_callbacks(execute=True):
        delivery.issues_resume(enqueue=lambda pk: None)
    deliver()
    assert len(mail.outbox) == len(people)


def test_small_batches_reach_everyone_once(
    draft, scene, facilitator, deliver, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(delivery, "BATCH", 2)
    monkeypatch.setattr(delivery.issue_deliver, "__kwdefaults__", {"limit": 2})
    with django_capture_on_commit_callbacks(execute=True):
        services.issue_send(issue=draft, by=facilitator)
    deliver()
    recipients = [m.to[0] for m in mail.outbox]
    assert len(recipients) == len(set(recipients)) == Delivery.objects.count() >= 3


def test_a_second_click_is_refused_and_sends_no_second_copy(
    draft, scene, facilitator, author, send, client_for
):
    send(draft, facilitator)
    count = len(mail.outbox)
    answer = client_for(facilitator).post(f"/newsletter/{draft.pk}/send/")
    assert answer.status_code == 409
    assert "a déjà été envoyé" in html.unescape(answer.content.decode())
    with pytest.raises(ServiceError):
        services.issue_send(issue=draft, by=facilitator)
    assert len(mail.outbox) == count


def test_an_empty_issue_is_refused(facilitator, client_for, author):
    today = timezone.localdate()
    issue = services.issue_create(
        by=facilitator, title="Vide", period_start=today, period_end=today, assemble=False
    )
    answer = client_for(facilitator).post(f"/newsletter/{issue.pk}/send/")
    assert answer.status_code == 400
    assert "Ce numéro est vide" in html.unescape(answer.content.decode())
    issue.refresh_from_db()
    assert issue.status == Issue.Status.DRAFT and not Delivery.objects.exists()


def test_people_who_chose_never_or_monthly_get_no_copy_now(
    draft, scene, facilitator, author, outsider, send
):
    services.choice_set(person=author, choice="never")
    services.choice_set(person=outsider, choice="monthly")
    send(draft, facilitator)
    sent_to = {m.to[0] for m in mail.outbox}
    assert author.email not in sent_to and outsider.email not in sent_to
    assert Delivery.objects.get(person=author).status == Delivery.Status.SKIPPED
    assert Delivery.objects.get(person=outsider).status == Delivery.Status.WAITING


def test_the_monthly_digest_gathers_last_months_issues(
    draft, scene, facilitator, outsider, send, deliver, django_capture_on_commit_callbacks
):
    services.choice_set(person=outsider, choice="monthly")
    send(draft, facilitator)
    mail.outbox.clear()
    # Nothing before the month is over.
    assert delivery.digests_send() == 0
    next_month = timezone.now() + timedelta(days=32)
    with django_capture_on_commit_callbacks(execute=True):
        assert delivery.digests_send(now=next_month) == 1
    deliver()
    [digest] = mail.outbox
    assert digest.to == [outsider.email]
    assert "Lettre de décembre" in digest.body and "Secret de Moundou" in digest.body
    assert "Secret de Bafut" not in digest.body + _html(digest)
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert Delivery.objects.get(person=outsider).status == Delivery.Status.DIGESTED
    assert delivery.digests_send(now=next_month) == 0


def test_each_copy_costs_the_same_few_queries(draft, scene, facilitator, org_b):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from conftest import make_person

    for n in range(6):
        make_person(f"reader{n}@ate.example", f"Lecteur {n}", organisation=org_b)
    services.issue_send(issue=draft, by=facilitator)
    with CaptureQueriesContext(connection) as two:
        assert delivery.issue_deliver(issue_id=draft.pk, limit=2) == (2, False)
    with CaptureQueriesContext(connection) as four:
        assert delivery.issue_deliver(issue_id=draft.pk, limit=4) == (4, False)
    per_person = (len(four) - len(two)) / 2
    assert per_person <= 14, four.captured_queries
    assert len(two) - 2 * per_person <= 4  # the issue, its audience, its items
