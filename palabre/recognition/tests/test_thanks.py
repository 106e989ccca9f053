"""Thanks: giving, counting, withdrawing, who is told, and who sees what (services, rules,
selectors and the API). The pages and panels are in test_thanks_pages.py."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.utils import timezone, translation

from palabre.adoptions.models import Adoption, FeedbackReport
from palabre.audit.models import AuditEvent
from palabre.discussions import services as discussion_services
from palabre.lib.errors import ServiceError
from palabre.notifications.models import Notification, NotificationPreference
from palabre.permissions import recognition as rules
from palabre.recognition import kinds
from palabre.recognition.contributions import Period
from palabre.recognition.models import Thanks
from palabre.recognition.selectors import thanks as selectors
from palabre.recognition.services.thanks import thanks_give, thanks_withdraw
from palabre.workshops.models import Restitution, Session, Workshop

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}

# The cast ---------------------------------------------------------------------------
# ``author`` (org A) shared all five kinds of item; ``outsider`` (org B) and ``colleague``
# (org A) thank them.


@pytest.fixture
def practice(make_practice, author):
    return make_practice(author, visibility="network", title="Le warrantage à Ngaoundéré")


@pytest.fixture
def private_practice(make_practice, author):
    return make_practice(author, visibility="organisation", title="Notre caisse interne")


@pytest.fixture
def thread(settings, practice, outsider):
    settings.DISCUSSIONS_RATE_LIMIT_POSTS = 1000
    return discussion_services.thread_create(
        space=discussion_services.space_for(practice),
        by=outsider,
        title="Comment choisir le magasin ?",
        body="Quel magasin pour stocker le maïs ?",
    )


@pytest.fixture
def answer(thread, author):
    return discussion_services.answer_post(
        thread=thread, by=author, body="Un magasin sec, fermé à deux clés."
    )


@pytest.fixture
def make_workshop(db, facilitator, org_a):
    def make(visibility="network", title="Atelier d'échanges de Bafut") -> Workshop:
        today = timezone.localdate()
        workshop = Workshop.objects.create(
            title=title,
            objectives="- Partager nos expériences d'épargne",
            start_date=today - timedelta(days=3),
            end_date=today - timedelta(days=2),
            venue="Salle paroissiale",
            city="Bafut",
            status="published",
            visibility=visibility,
            created_by=facilitator,
        )
        workshop.organisers.set([org_a])
        return workshop

    return make


@pytest.fixture
def workshop(make_workshop):
    return make_workshop()


def _session(workshop, kind, title, **fields) -> Session:
    day = workshop.start_date
    return Session.objects.create(
        workshop=workshop,
        kind=kind,
        title=title,
        starts_at=workshop.at(day, time(9, 0)),
        ends_at=workshop.at(day, time(10, 0)),
        **fields,
    )


@pytest.fixture
def presentation(workshop, author):
    return _session(workshop, "presentation", "Le warrantage raconté par Awa", presenter=author)


@pytest.fixture
def restitution(workshop, author):
    group = _session(workshop, "group_work", "Carrefour épargne", rapporteur=author)
    return Restitution.objects.create(
        session=group,
        key_learnings="Stocker ensemble rassure les prêteurs.",
        status=Restitution.Status.FINAL,
        written_by=author,
    )


@pytest.fixture
def feedback(practice, org_b, outsider):
    """A report by the outsider (org B) on their adoption of the author's practice."""
    adoption = Adoption.objects.create(
        practice=practice,
        organisation=org_b,
        status="in_progress",
        started_on=timezone.localdate() - timedelta(days=200),
        country="TD",
        created_by=outsider,
        contact=outsider,
    )
    return FeedbackReport.objects.create(
        adoption=adoption,
        reported_on=timezone.localdate(),
        effectiveness=4,
        would_recommend=True,
        status_at_report=adoption.status,
        results="Les prix ont doublé à la soudure.",
        created_by=outsider,
    )


@pytest.fixture
def items(practice, answer, presentation, restitution):
    """The four kinds the author is thanked for (the feedback report is the outsider's)."""
    return {
        "practice": practice,
        "answer": answer,
        "presentation": presentation,
        "restitution": restitution,
    }


def count(viewer, kind, item) -> int:
    return selectors.thanks_summary_of(viewer, kind, item).count


# Giving -----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["practice", "answer", "presentation", "restitution"])
def test_a_member_thanks_each_kind_of_item_and_it_counts(kind, items, outsider, author, colleague):
    item = items[kind]
    given = thanks_give(kind=kind, item=item, by=outsider, message="  Merci   beaucoup !\n ")
    assert given.duplicate is False
    assert given.message == "Merci beaucoup !"  # trimmed, plain text on one line
    assert count(colleague, kind, item) == 1
    assert selectors.thanks_summary_of(outsider, kind, item).mine is True
    assert selectors.thanks_summary_of(colleague, kind, item).mine is False
    assert AuditEvent.objects.filter(action="thanks.given", actor=outsider).count() == 1


def test_a_feedback_report_is_thanked_by_the_practice_author(feedback, author, outsider):
    thanks_give(kind="feedback", item=feedback, by=author, message="Merci pour ce retour")
    assert count(outsider, "feedback", feedback) == 1
    note = Notification.objects.get(recipient=outsider, kind=kinds.THANKED)
    assert "Le warrantage à Ngaoundéré" in note.title
    assert "Merci pour ce retour" in note.body


def test_the_thanked_person_is_told_not_the_giver(
    practice, author, outsider, run_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        thanks_give(
            kind="practice", item=practice, by=outsider, message="Ça nous a servi à Moundou"
        )
    note = Notification.objects.get(kind=kinds.THANKED)
    assert note.recipient == author and note.actor == outsider
    assert "Oscar Outsider" in note.title and "Le warrantage à Ngaoundéré" in note.title
    assert "Ça nous a servi à Moundou" in note.body
    assert note.url == practice.get_absolute_url()
    assert not Notification.objects.filter(recipient=outsider).exists()
    run_tasks()
    assert [m.to for m in mail.outbox] == [[author.email]]
    assert "Ça nous a servi à Moundou" in mail.outbox[0].body


def test_the_notification_choices_of_the_thanked_person_apply(
    practice, author, outsider, run_tasks
):
    NotificationPreference.objects.create(user=author, kind=kinds.THANKED, delivery="never")
    thanks_give(kind="practice", item=practice, by=outsider)
    run_tasks()
    assert Notification.objects.filter(recipient=author, kind=kinds.THANKED).exists()
    assert mail.outbox == []


def test_every_author_of_a_practice_is_thanked(practice, author, colleague, outsider):
    practice.authors.add(colleague)
    thanks_give(kind="practice", item=practice, by=outsider)
    assert set(
        Notification.objects.filter(kind=kinds.THANKED).values_list("recipient", flat=True)
    ) == {author.pk, colleague.pk}


def test_thanking_twice_counts_once_and_says_so(practice, outsider, author):
    first = thanks_give(kind="practice", item=practice, by=outsider, message="Premier")
    again = thanks_give(kind="practice", item=practice, by=outsider, message="Second")
    assert again.duplicate is True and again.pk == first.pk and again.message == "Premier"
    assert count(author, "practice", practice) == 1
    assert Notification.objects.filter(kind=kinds.THANKED).count() == 1
    assert AuditEvent.objects.filter(action="thanks.given").count() == 1


@pytest.mark.parametrize("kind", ["practice", "answer", "presentation", "restitution"])
def test_nobody_thanks_their_own_item(kind, items, author):
    with translation.override("fr"), pytest.raises(ServiceError) as refused:
        thanks_give(kind=kind, item=items[kind], by=author, message="Bravo moi")
    assert refused.value.status == 403
    assert str(refused.value.message).startswith("Vous ne pouvez pas vous remercier vous-même")
    assert not Thanks.objects.exists()
    assert not Notification.objects.filter(kind=kinds.THANKED).exists()
    assert not AuditEvent.objects.filter(action__startswith="thanks.").exists()


def test_a_message_longer_than_280_characters_is_refused_and_nothing_is_written(practice, outsider):
    with pytest.raises(ServiceError) as refused:
        thanks_give(kind="practice", item=practice, by=outsider, message="m" * 281)
    assert refused.value.status == 400 and refused.value.field == "message"
    assert not Thanks.objects.exists()
    assert not Notification.objects.filter(kind=kinds.THANKED).exists()
    assert thanks_give(kind="practice", item=practice, by=outsider, message="m" * 280).message


def test_what_one_may_not_see_cannot_be_thanked(private_practice, outsider, client):
    with pytest.raises(ServiceError) as refused:
        thanks_give(kind="practice", item=private_practice, by=outsider)
    assert refused.value.status == 404
    with pytest.raises(ServiceError) as refused:
        thanks_give(kind="practice", item=private_practice, by=AnonymousUser())
    assert refused.value.status == 404
    assert not Thanks.objects.exists()


def test_drafts_and_draft_restitutions_cannot_be_thanked(
    make_practice, author, restitution, outsider
):
    draft = make_practice(author, status="draft", title="Brouillon")
    restitution.status = Restitution.Status.DRAFT
    restitution.save(update_fields=["status"])
    for kind, item in (("practice", draft), ("restitution", restitution)):
        with pytest.raises(ServiceError) as refused:
            thanks_give(kind=kind, item=item, by=outsider)
        assert refused.value.status == 404
    assert not Thanks.objects.exists()


# Withdrawing -------------------------------------------------------------------------


def test_a_thanks_is_withdrawn_by_its_giver_only(practice, outsider, colleague, author):
    given = thanks_give(kind="practice", item=practice, by=outsider)
    with pytest.raises(ServiceError) as refused:
        thanks_withdraw(thanks=given, by=colleague)
    assert refused.value.status == 403 and Thanks.objects.count() == 1
    assert thanks_withdraw(thanks=given, by=outsider) is True
    assert count(author, "practice", practice) == 0
    assert thanks_withdraw(thanks=given, by=outsider) is False  # already withdrawn
    assert AuditEvent.objects.filter(action="thanks.withdrawn").count() == 1
    # Thanking again after withdrawing counts again.
    assert thanks_give(kind="practice", item=practice, by=outsider).duplicate is False


# Who sees and counts what ---------------------------------------------------------------


def test_thanks_on_an_organisation_only_practice_are_seen_and_counted_by_its_organisation_only(
    private_practice, colleague, outsider, facilitator, author
):
    thanks_give(kind="practice", item=private_practice, by=colleague, message="Entre nous")
    assert count(author, "practice", private_practice) == 1
    assert count(facilitator, "practice", private_practice) == 1
    assert count(outsider, "practice", private_practice) == 0
    assert count(AnonymousUser(), "practice", private_practice) == 0
    assert selectors.thanks_on(outsider, "practice", private_practice) == []
    assert not rules.thanks_visible_to(outsider).exists()
    assert [t.message for t in selectors.thanks_on(author, "practice", private_practice)] == [
        "Entre nous"
    ]


def test_the_rule_and_the_querysets_agree(
    items, feedback, private_practice, author, colleague, outsider, facilitator
):
    thanks_give(kind="practice", item=private_practice, by=colleague)
    for kind, item in items.items():
        thanks_give(kind=kind, item=item, by=outsider)
    thanks_give(kind="feedback", item=feedback, by=author)
    for viewer in (AnonymousUser(), author, colleague, outsider, facilitator):
        visible = set(rules.thanks_visible_to(viewer).values_list("pk", flat=True))
        expected = set()
        for thanks in Thanks.objects.all():
            if rules.can_view(viewer, thanks):
                expected.add(thanks.pk)
        assert visible == expected, viewer
        for kind in Thanks.Kind.values:
            assert set(
                rules.thanks_of_kind_visible_to(viewer, kind).values_list("pk", flat=True)
            ) == {pk for pk in visible if Thanks.objects.get(pk=pk).kind == kind}


def test_thanked_items_of_agrees_with_thanked_people_ids(items, feedback, author, outsider):
    everything = {**items, "feedback": feedback}
    for person in (author, outsider):
        for kind, item in everything.items():
            # A subquery of one column (its name varies by kind): read the values it gives.
            ids = {value for row in rules.thanked_items_of(person, kind) for value in row.values()}
            listed = item.pk in ids
            assert listed == (person.pk in rules.thanked_people_ids(kind, item)), (kind, person)


def test_counts_for_a_page_of_items_take_one_query(
    thread, author, colleague, outsider, facilitator, django_assert_num_queries
):
    answers = [
        discussion_services.answer_post(thread=thread, by=author, body=f"Réponse {i}")
        for i in range(5)
    ]
    for a in answers[:3]:
        thanks_give(kind="answer", item=a, by=outsider)
    thanks_give(kind="answer", item=answers[0], by=colleague)
    selectors.thanks_summary(colleague, "answer", [])  # the person's memberships, read once
    with django_assert_num_queries(1):
        summary = selectors.thanks_summary(colleague, "answer", [a.pk for a in answers])
    assert {pk: s.count for pk, s in summary.items()} == {
        answers[0].pk: 2,
        answers[1].pk: 1,
        answers[2].pk: 1,
    }
    assert [pk for pk, s in summary.items() if s.mine] == [answers[0].pk]


def test_thanks_received_lists_items_titles_and_messages_as_the_viewer_sees_them(
    items, private_practice, author, colleague, outsider
):
    thanks_give(kind="practice", item=private_practice, by=colleague, message="Chez nous aussi")
    thanks_give(kind="answer", item=items["answer"], by=outsider, message="Réponse claire")
    thanks_give(kind="presentation", item=items["presentation"], by=outsider)
    received = selectors.thanks_received(author, viewer=colleague)
    assert [(t.kind, title) for t, title, _url in received] == [
        ("presentation", "Le warrantage raconté par Awa"),
        ("answer", "Comment choisir le magasin ?"),
        ("practice", "Notre caisse interne"),
    ]
    assert received[1][0].message == "Réponse claire"
    assert received[1][2] == items["answer"].get_absolute_url()
    # Another organisation's member does not see the organisation-only one.
    assert [t.kind for t, *_ in selectors.thanks_received(author, viewer=outsider)] == [
        "presentation",
        "answer",
    ]
    # Without what is for one organisation only, whoever looks.
    assert "practice" not in [
        t.kind for t, *_ in selectors.thanks_received(author, viewer=colleague, private=False)
    ]
    # Within a period.
    tomorrow = timezone.localdate() + timedelta(days=1)
    assert selectors.thanks_received(author, viewer=colleague, period=Period(start=tomorrow)) == []
    assert (
        len(selectors.thanks_received(author, viewer=colleague, period=Period(end=tomorrow))) == 3
    )
    # The outsider received nothing.
    assert selectors.thanks_received(outsider, viewer=author) == []


# API ---------------------------------------------------------------------------------


@pytest.fixture
def bearer(db):
    from palabre.accounts.services import api_token_create

    def make(user):
        # The API answers in the token holder's language: these callers read English.
        user.language = "en"
        user.save(update_fields=["language"])
        _token, secret = api_token_create(user=user, name="tests")
        return {"HTTP_AUTHORIZATION": f"Bearer {secret}", **EN}

    return make


def test_api_give_read_withdraw(client, practice, outsider, author, bearer):
    url = f"/api/v1/thanks/practice/{practice.pk}"
    given = client.post(
        url, {"message": "Merci !"}, content_type="application/json", **bearer(outsider)
    )
    assert given.status_code == 201, given.content
    body = given.json()
    assert body["count"] == 1 and body["thanked_by_me"] is True and body["can_thank"] is True
    assert body["thanks"][0]["message"] == "Merci !"
    assert body["thanks"][0]["giver"]["name"] == "Oscar Outsider"
    assert body["detail"] == "Thank you sent. They are told."
    again = client.post(
        url, {"message": "Encore"}, content_type="application/json", **bearer(outsider)
    )
    assert again.status_code == 200 and again.json()["count"] == 1
    assert again.json()["detail"].startswith("You already said thank you")
    mine = client.get(url, **bearer(author)).json()
    assert mine["count"] == 1 and mine["thanked_by_me"] is False and mine["can_thank"] is False
    assert mine["title"] == "Le warrantage à Ngaoundéré"
    withdrawn = client.delete(url, **bearer(outsider))
    assert withdrawn.status_code == 200 and withdrawn.json()["count"] == 0
    assert client.delete(url, **bearer(outsider)).status_code == 404


def test_api_errors_have_the_right_status_and_a_clear_message(
    client, practice, private_practice, outsider, author, bearer
):
    url = f"/api/v1/thanks/practice/{practice.pk}"
    own = client.post(url, {}, content_type="application/json", **bearer(author))
    assert own.status_code == 403
    assert own.json()["detail"] == "You cannot thank yourself for your own practice."
    anonymous = client.post(url, {}, content_type="application/json", **EN)
    assert anonymous.status_code == 401 and "Log in" in anonymous.json()["detail"]
    long = client.post(
        url, {"message": "x" * 300}, content_type="application/json", **bearer(outsider)
    )
    assert long.status_code == 400 and "too long" in long.json()["detail"]
    hidden = f"/api/v1/thanks/practice/{private_practice.pk}"
    assert (
        client.post(hidden, {}, content_type="application/json", **bearer(outsider)).status_code
        == 404
    )
    assert client.get(hidden, **bearer(outsider)).status_code == 404
    assert client.get(hidden).status_code == 404
    assert client.get("/api/v1/thanks/nothing/1").status_code == 404
    assert client.get(f"/api/v1/thanks/practice/{2**70}").status_code == 400
    assert not Thanks.objects.exists()


def test_api_anonymous_visitors_read_the_thanks_of_a_public_practice(
    client, make_practice, author, outsider
):
    public = make_practice(author, visibility="public", title="Pratique publique")
    thanks_give(kind="practice", item=public, by=outsider, message="Bravo")
    body = client.get(f"/api/v1/thanks/practice/{public.pk}").json()
    assert body["count"] == 1 and body["can_thank"] is False and body["thanked_by_me"] is False


def test_the_openapi_document_names_the_thanks_schemas(client):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert {"ThanksOut", "ThanksResultOut", "ThanksIn", "ThanksEntryOut", "ThanksPersonOut"} <= set(
        schemas
    )
