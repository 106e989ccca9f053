"""Invitations to present: the workshop page's panel, inviting, accepting, declining, the
"launch workshop" template and its writing session's drafts."""

from __future__ import annotations

import html
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from conftest import make_person
from palabre.notifications.models import Notification
from palabre.practices.models import Practice
from palabre.recognition import kinds
from palabre.recognition.models import LaunchDraft, PresenterInvitation, WorkshopLaunch
from palabre.recognition.services.presenters import presenter_invite
from palabre.recognition.tests import presenters_world
from palabre.workshops.models import Registration, Workshop

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def world(make_practice, author, colleague, outsider, org_a, org_b, facilitator):
    from palabre.accounts.models import User

    built = presenters_world.build(
        make_practice, author=author, colleague=colleague, outsider=outsider, org_a=org_a,
        org_b=org_b,
    )  # fmt: skip
    # Everyone reads English here (the French catalogue is compiled by the lead).
    User.objects.update(language="en")
    return built


@pytest.fixture
def workshop(world, facilitator, org_a):
    return presenters_world.upcoming_workshop(world, facilitator=facilitator, organisation=org_a)


def invite(client, workshop, person, **extra):
    return client.post(
        f"/workshops/{workshop.pk}/presenters/invite/",
        {"person": person.pk, "reason": "Parce que", **extra},
        **EN,
    )


# The panel ---------------------------------------------------------------------------


def test_the_facilitator_sees_the_suggestions_with_their_reasons(
    client_for, facilitator, workshop, world
):
    page = text(client_for(facilitator).get(workshop.get_absolute_url(), **EN))
    assert "Suggested presenters" in page
    for name in ("Awa Author", "Colin Colleague", "Binta Expert", "Eve Already"):
        assert name in page
    assert page.index("Awa Author") < page.index("Colin Colleague") < page.index("Binta Expert")
    assert "2 adoptions of « Les comités de points d'eau » rated 4.5/5 in the last 18 months" in (
        page
    )
    assert "Invite to present" in page


def test_participants_and_visitors_do_not_see_the_panel(
    client_for, author, outsider, workshop, world
):
    for who in (author, outsider, None):
        page = text(client_for(who).get(workshop.get_absolute_url(), **EN))
        assert "Suggested presenters" not in page
        assert "Binta Expert" not in page
    response = invite(client_for(outsider), workshop, world["binta"])
    assert response.status_code == 404
    assert not PresenterInvitation.objects.exists()


def test_a_member_organiser_of_another_organisation_sees_no_org_only_evidence(
    client_for, outsider, workshop, world
):
    # Oscar (org B) runs this workshop as its registered facilitator: he sees suggestions,
    # but nothing of org A's organisation-only practice P4 (Colin's evidence).
    Registration.objects.create(
        workshop=workshop, person=outsider, role=Registration.Role.FACILITATOR
    )
    page = text(client_for(outsider).get(workshop.get_absolute_url(), **EN))
    assert "Suggested presenters" in page
    assert "Awa Author" in page and "Binta Expert" in page
    assert "Colin Colleague" not in page
    assert presenters_world.SECRET not in page


def test_the_page_with_the_panel_keeps_its_queries_bounded(
    client_for, facilitator, workshop, world, django_assert_max_num_queries
):
    client = client_for(facilitator)
    client.get(workshop.get_absolute_url())
    presenter_invite(workshop=workshop, person=world["eve"], by=facilitator)
    with django_assert_max_num_queries(40):
        response = client.get(workshop.get_absolute_url())
    assert response.status_code == 200
    # The same number of queries whatever the number of people suggested and invited.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        client.get(workshop.get_absolute_url())
    for n in range(4):
        extra = make_person(f"p{n}@garoua.example", f"Personne {n}", organisation=world["org_c"])
        made = Practice.objects.get(title="Les filtres à sable")
        made.authors.add(extra)
    presenter_invite(workshop=workshop, person=world["binta"], by=facilitator)
    with CaptureQueriesContext(connection) as after:
        client.get(workshop.get_absolute_url())
    assert len(after) == len(before)


# Inviting, accepting, declining ------------------------------------------------------


def test_an_invited_person_is_told_and_accepts(
    client_for, facilitator, author, workshop, world, run_tasks,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    slot = workshop.sessions.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client_for(facilitator), workshop, author, session=slot.pk)
    assert response.status_code == 302
    invitation = PresenterInvitation.objects.get()
    assert invitation.status == "pending" and invitation.session == slot
    note = Notification.objects.get(recipient=author, kind=kinds.INVITED_TO_PRESENT)
    assert "Atelier eau de Bafut" in note.title
    assert note.url == invitation.get_absolute_url()
    run_tasks()
    assert [m.to for m in mail.outbox] == [[author.email]]

    client = client_for(author)
    page = text(client.get(invitation.get_absolute_url(), **EN))
    assert "Invitation to present at “Atelier eau de Bafut”" in page
    assert "Why you: Parce que" in page
    response = client.post(f"/invitations-to-present/{invitation.pk}/answer/", {"answer": "accept"})
    assert response.status_code == 302
    invitation.refresh_from_db()
    slot.refresh_from_db()
    assert invitation.status == "accepted"
    assert slot.presenter == author
    registration = Registration.objects.get(workshop=workshop, person=author)
    assert registration.role == "presenter" and registration.is_confirmed
    # The agenda shows the presenter; the facilitator is told.
    agenda = text(client_for(facilitator).get(workshop.get_absolute_url(), **EN))
    assert "Awa Author" in agenda
    assert Notification.objects.filter(
        recipient=facilitator, kind=kinds.PRESENTER_ANSWERED, title__contains="accepted"
    ).exists()
    assert "answered on" in agenda


def test_a_presenter_who_declines_is_told_clearly_and_the_facilitator_sees_it(
    client_for, facilitator, author, workshop, world
):
    invitation = presenter_invite(workshop=workshop, person=author, by=facilitator)
    client = client_for(author)
    response = client.post(
        f"/invitations-to-present/{invitation.pk}/answer/",
        {"answer": "decline", "note": "Je serai en mission"},
        follow=True,
        **EN,
    )
    page = text(response)
    assert "You declined. The organisers have been told; they will not insist." in page
    assert "You declined this invitation." in page
    invitation.refresh_from_db()
    assert invitation.status == "declined" and invitation.answer_note == "Je serai en mission"
    # Answering again is refused with a message, not a 500.
    again = client.post(
        f"/invitations-to-present/{invitation.pk}/answer/", {"answer": "accept"}, **EN
    )
    assert again.status_code == 409
    assert "You already declined this invitation." in text(again)
    # The facilitator is told and sees the decline with the person's word.
    assert Notification.objects.filter(
        recipient=facilitator, kind=kinds.PRESENTER_ANSWERED, title__contains="declined"
    ).exists()
    panel = text(client_for(facilitator).get(workshop.get_absolute_url(), **EN))
    assert '<span class="badge">declined</span>' in panel
    assert "answered on" in panel and "« Je serai en mission »" in panel
    assert not Registration.objects.filter(workshop=workshop, person=author).exists()


def test_inviting_twice_is_refused(client_for, facilitator, author, workshop, world):
    client = client_for(facilitator)
    assert invite(client, workshop, author).status_code == 302
    response = invite(client, workshop, author)
    page = text(client.get(response.url, **EN))
    assert "Awa Author is already invited to present (waiting for an answer)" in page
    assert PresenterInvitation.objects.count() == 1
    assert Notification.objects.filter(kind=kinds.INVITED_TO_PRESENT).count() == 1


def test_inviting_again_after_a_decline_needs_a_confirmation(
    client_for, facilitator, author, workshop, world
):
    invitation = presenter_invite(workshop=workshop, person=author, by=facilitator)
    client_for(author).post(
        f"/invitations-to-present/{invitation.pk}/answer/", {"answer": "decline"}
    )
    client = client_for(facilitator)
    response = invite(client, workshop, author)
    assert response.status_code == 409
    assert "Awa Author declined on" in text(response)
    assert "I confirm: invite again after the decline" in text(response)
    invitation.refresh_from_db()
    assert invitation.status == "declined"
    assert Notification.objects.filter(kind=kinds.INVITED_TO_PRESENT).count() == 1
    response = invite(client, workshop, author, confirm_again="1")
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == "pending" and invitation.times_invited == 2
    assert Notification.objects.filter(kind=kinds.INVITED_TO_PRESENT).count() == 2


def test_only_the_invited_person_answers(client_for, facilitator, author, colleague, workshop):
    invitation = presenter_invite(workshop=workshop, person=author, by=facilitator)
    assert client_for(colleague).get(invitation.get_absolute_url()).status_code == 404
    response = client_for(colleague).post(
        f"/invitations-to-present/{invitation.pk}/answer/", {"answer": "accept"}
    )
    assert response.status_code == 404
    assert client_for(None).get(invitation.get_absolute_url()).status_code == 302  # log in
    invitation.refresh_from_db()
    assert invitation.status == "pending"


def test_a_draft_workshop_cannot_invite_people_who_cannot_see_it(facilitator, author, workshop):
    from palabre.lib.errors import ServiceError

    Workshop.objects.filter(pk=workshop.pk).update(status="draft")
    workshop.refresh_from_db()
    with pytest.raises(ServiceError) as error:
        presenter_invite(workshop=workshop, person=author, by=facilitator)
    assert error.value.status == 409
    assert not PresenterInvitation.objects.exists()


# The launch workshop template -------------------------------------------------------


def launch_form(org_a, world, **extra):
    day = timezone.localdate() + timedelta(days=20)
    return {
        "template": "launch",
        "title": "Lancement du partage",
        "objectives": "Partager",
        "start_date": day.isoformat(),
        "end_date": day.isoformat(),
        "time_zone": "Africa/Douala",
        "venue": "Bafut",
        "country": "CM",
        "organisers": [org_a.pk],
        "waiting_list_size": 10,
        "languages": ["en"],
        "visibility": "network",
        "themes": [world["water"].pk],
        **extra,
    }


def test_the_create_page_offers_the_launch_template_prefilled(client_for, facilitator, world):
    client = client_for(facilitator)
    page = text(client.get("/workshops/new/", **EN))
    assert "Start from" in page and "a launch workshop" in page
    page = text(client.get("/workshops/new/", {"template": "launch"}, **EN))
    assert 'value="Launching the sharing of our practices"' in page
    assert "Themes of the workshop" in page


def test_the_launch_template_creates_the_prefilled_agenda(client_for, facilitator, org_a, world):
    response = client_for(facilitator).post("/workshops/new/", launch_form(org_a, world))
    assert response.status_code == 302
    workshop = Workshop.objects.get(title="Lancement du partage")
    agenda = [
        (s.kind, s.title, s.starts_at.astimezone(workshop.tz).strftime("%H:%M"))
        for s in workshop.sessions.order_by("starts_at")
    ]
    # The facilitator's three best suggestions on water (Eve, 3.0, comes fourth).
    assert agenda == [
        ("plenary", "Why and how we share our practices", "09:00"),
        ("presentation", "Presentation by Awa Author, then questions from peers", "09:45"),
        ("presentation", "Presentation by Colin Colleague, then questions from peers", "10:15"),
        ("presentation", "Presentation by Binta Expert, then questions from peers", "10:45"),
        ("break", "Break", "11:15"),
        ("plenary", "Writing our first practices", "11:30"),
    ]
    launch = WorkshopLaunch.objects.get(workshop=workshop)
    assert list(launch.themes.all()) == [world["water"]]
    assert launch.writing_session.title == "Writing our first practices"
    proposed = PresenterInvitation.objects.filter(workshop=workshop).order_by("session__starts_at")
    assert [(i.person.display_name, i.status) for i in proposed] == [
        ("Awa Author", "proposed"),
        ("Colin Colleague", "proposed"),
        ("Binta Expert", "proposed"),
    ]
    # Nobody is told before the facilitator sends the invitations.
    assert not Notification.objects.filter(kind=kinds.INVITED_TO_PRESENT).exists()


def test_proposed_invitations_are_sent_in_one_click_once_published(
    client_for, facilitator, org_a, world, author
):
    client = client_for(facilitator)
    client.post("/workshops/new/", launch_form(org_a, world))
    workshop = Workshop.objects.get(title="Lancement du partage")
    response = client.post(f"/workshops/{workshop.pk}/presenters/send-all/", follow=True, **EN)
    assert "Awa Author cannot see this workshop yet: publish it first" in text(response)
    assert not Notification.objects.filter(kind=kinds.INVITED_TO_PRESENT).exists()
    Workshop.objects.filter(pk=workshop.pk).update(status="published")
    response = client.post(f"/workshops/{workshop.pk}/presenters/send-all/", follow=True, **EN)
    assert "Invited: Awa Author, Colin Colleague, Binta Expert." in text(response)
    assert Notification.objects.filter(kind=kinds.INVITED_TO_PRESENT).count() == 3
    # Awa accepts: she becomes the presenter of her slot.
    invitation = PresenterInvitation.objects.get(workshop=workshop, person=author)
    client_for(author).post(
        f"/invitations-to-present/{invitation.pk}/answer/", {"answer": "accept"}
    )
    invitation.session.refresh_from_db()
    assert invitation.session.presenter == author


def test_the_writing_session_creates_each_draft_once(
    client_for, facilitator, org_a, world, author, colleague, outsider
):
    client = client_for(facilitator)
    client.post("/workshops/new/", launch_form(org_a, world))
    workshop = Workshop.objects.get(title="Lancement du partage")
    Workshop.objects.filter(pk=workshop.pk).update(status="published")
    for person, organisation in (
        (author, org_a),
        (outsider, outsider.memberships.get().organisation),
    ):
        Registration.objects.create(workshop=workshop, person=person, organisation=organisation)
    url = f"/workshops/{workshop.pk}/first-drafts/"
    page = text(client.get(url, **EN))
    assert "Awa Author" in page and "Oscar Outsider" in page
    response = client.post(url, {"people": [author.pk, outsider.pk]}, follow=True, **EN)
    assert "2 practice drafts created" in text(response)
    drafts = {d.person: d.practice for d in LaunchDraft.objects.select_related("practice")}
    assert set(drafts) == {author, outsider}
    awa = drafts[author]
    assert awa.status == Practice.Status.DRAFT
    assert list(awa.authors.all()) == [author]
    assert awa.lead_organisation == org_a
    assert drafts[outsider].lead_organisation == outsider.memberships.get().organisation
    assert list(awa.themes.all()) == [world["water"]]
    # Never twice: a second click creates nothing.
    response = client.post(url, {"people": [author.pk, outsider.pk]}, follow=True, **EN)
    assert "Everyone ticked already has a draft: none created." in text(response)
    assert LaunchDraft.objects.count() == 2
    assert Practice.objects.filter(authors=author, status="draft").count() == 1
    # Someone not registered gets nothing.
    response = client.post(url, {"people": [colleague.pk]}, **EN)
    assert response.status_code == 400
    assert LaunchDraft.objects.count() == 2
    # A participant may not create drafts.
    assert client_for(author).post(url, {"people": [author.pk]}).status_code == 404


# Personal data ----------------------------------------------------------------------


def test_personal_data_export_and_erase(facilitator, author, workshop, world):
    from palabre.recognition import personal_data

    invitation = presenter_invite(
        workshop=workshop, person=author, by=facilitator, message="Venez !"
    )
    presenter_invite(workshop=workshop, person=world["binta"], by=facilitator, send=False)
    mine = personal_data.export(author)
    assert mine["invitations_to_present_received"] == [
        {
            "workshop": "Atelier eau de Bafut",
            "status": "pending",
            "why": "",
            "message": "Venez !",
            "my_answer": "",
            "invited_at": invitation.invited_at.isoformat(),
            "answered_at": None,
        }
    ]
    # A proposed invitation (never sent) is not the person's.
    assert personal_data.export(world["binta"])["invitations_to_present_received"] == []
    assert [
        i["person"] for i in personal_data.export(facilitator)["invitations_to_present_sent"]
    ] == [
        "Awa Author",
        "Binta Expert",
    ]
    assert personal_data.erase(author) == {
        "presenter_invitations_deleted": 1,
        "presenter_invitations_unsigned": 0,
        "launch_draft_records_deleted": 0,
    }
    assert personal_data.erase(facilitator)["presenter_invitations_unsigned"] == 1
    assert PresenterInvitation.objects.get().invited_by is None
