"""The meetings' pages as people see them: who sees what from the outside, the short
set-up form, proposing, the organiser's agenda, minutes and their conversion, the
number of queries per page."""

from __future__ import annotations

import html
from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import make_person
from palabre.meetings import services
from palabre.meetings.models import Meeting, Occurrence, Proposal
from palabre.meetings.tests.conftest import make_meeting, next_weekday, past_date
from palabre.practices.models import Practice
from palabre.workshops.models import Registration, Workshop

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def public_meeting(facilitator, org_a):
    return make_meeting(facilitator, org_a, visibility="public", title="Café public")


# Who sees what ----------------------------------------------------------------------


def test_anonymous_visitors_see_public_meetings_only(
    client_for, public_meeting, meeting, org_meeting
):
    page = text(client_for(None).get("/meetings/"))
    assert "Café public" in page
    assert "Café Palabre" not in page and "Café interne" not in page
    assert client_for(None).get(meeting.get_absolute_url()).status_code == 404
    date = org_meeting.occurrences.get()
    assert client_for(None).get(date.get_absolute_url()).status_code == 404
    assert client_for(None).get(public_meeting.get_absolute_url()).status_code == 200


def test_another_organisations_member_does_not_see_an_organisation_only_meeting(
    client_for, org_meeting, outsider, author
):
    date = org_meeting.occurrences.get()
    outside = client_for(outsider)
    assert "Café interne" not in text(outside.get("/meetings/"))
    for url in (
        org_meeting.get_absolute_url(),
        date.get_absolute_url(),
        f"/meetings/dates/{date.pk}/propose/",
        f"/meetings/dates/{date.pk}/agenda/",
    ):
        assert outside.get(url).status_code == 404, url
    response = outside.post(f"/meetings/dates/{date.pk}/propose/", {"title": "Intrus"})
    assert response.status_code == 404
    assert Proposal.objects.count() == 0
    # Its own members do see it.
    assert "Café interne" in text(client_for(author).get("/meetings/"))
    assert client_for(author).get(date.get_absolute_url()).status_code == 200


def test_the_online_link_is_for_those_who_come(client_for, public_meeting, author):
    date = public_meeting.occurrences.get()
    assert "meet.example.org" not in text(client_for(None).get(date.get_absolute_url()))
    member = client_for(author)
    assert "meet.example.org" not in text(member.get(date.get_absolute_url()))
    response = member.post(f"/meetings/dates/{date.pk}/come/")
    assert response.status_code == 302
    assert Registration.objects.get(person=author).role == "participant"
    page = text(member.get(date.get_absolute_url()))
    assert "meet.example.org" in page and "Vous venez" in page


def test_proposals_waiting_are_seen_by_their_author_and_the_organisers_only(
    client_for, next_date, author, colleague, facilitator
):
    services.proposal_create(occurrence=next_date, by=author, title="Mon exposé secret")
    assert "Mon exposé secret" in text(client_for(author).get(next_date.get_absolute_url()))
    assert "Mon exposé secret" not in text(client_for(colleague).get(next_date.get_absolute_url()))
    agenda = text(client_for(facilitator).get(f"/meetings/dates/{next_date.pk}/agenda/"))
    assert "Mon exposé secret" in agenda
    assert client_for(colleague).get(f"/meetings/dates/{next_date.pk}/agenda/").status_code == 404


# Setting up ---------------------------------------------------------------------------


def test_the_short_form_sets_up_a_monthly_meeting(client_for, facilitator, org_a):
    first = next_weekday(3)
    response = client_for(facilitator).post(
        "/meetings/new/",
        {
            "title": "Café du jeudi",
            "first_date": first.isoformat(),
            "starts_at": "16:00",
            "ends_at": "17:00",
            "recurrence": "monthly_weekday",
            "online_url": "https://meet.example.org/jeudi",
            "visibility": "network",
            "organisation": org_a.pk,
            "time_zone": "Africa/Douala",
        },
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response["Location"] == meeting.get_absolute_url()
    assert meeting.occurrences.get().date == first
    page = text(client_for(facilitator).get(meeting.get_absolute_url()))
    assert "Café du jeudi" in page and "Chaque mois, le" in page


def test_an_end_before_the_start_keeps_what_was_typed(client_for, facilitator, org_a):
    response = client_for(facilitator).post(
        "/meetings/new/",
        {
            "title": "Café à l'envers",
            "first_date": next_weekday(3).isoformat(),
            "starts_at": "17:00",
            "ends_at": "16:00",
            "recurrence": "weekly",
            "venue": "Salle de la mairie",
            "visibility": "network",
            "organisation": org_a.pk,
            "time_zone": "Africa/Douala",
        },
    )
    assert response.status_code == 400
    page = text(response)
    assert "La rencontre se termine avant de commencer" in page
    assert 'value="Café à l\'envers"' in page and "Salle de la mairie" in page
    assert Meeting.objects.count() == 0 and Workshop.objects.count() == 0


def test_members_cannot_open_the_set_up_form(client_for, author):
    assert client_for(author).get("/meetings/new/").status_code == 404
    assert client_for(None).get("/meetings/new/").status_code == 302


# Proposing and choosing ------------------------------------------------------------------


def test_a_member_proposes_and_the_organiser_accepts(
    client_for, next_date, author, facilitator, make_practice
):
    practice = make_practice(author)
    member = client_for(author)
    form = text(member.get(f"/meetings/dates/{next_date.pk}/propose/"))
    assert practice.title in form
    response = member.post(
        f"/meetings/dates/{next_date.pk}/propose/",
        {"title": "Nos tontines", "summary": "Deux ans après.", "practice": practice.pk},
    )
    assert response.status_code == 302
    again = member.post(f"/meetings/dates/{next_date.pk}/propose/", {"title": "nos tontines"})
    assert again.status_code == 409
    assert "déjà proposé" in text(again)
    proposal = Proposal.objects.get()
    organiser = client_for(facilitator)
    response = organiser.post(f"/meetings/proposals/{proposal.pk}/decide/", {"decision": "accept"})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ACCEPTED
    page = text(client_for(None).get(next_date.meeting.get_absolute_url()))
    assert "Nos tontines" not in page  # a network meeting: not for anonymous visitors
    assert "Nos tontines" in text(client_for(author).get(next_date.get_absolute_url()))


def test_proposing_for_a_past_date_says_so(client_for, meeting, author, facilitator):
    held = past_date(meeting, by=facilitator)
    member = client_for(author)
    assert member.get(f"/meetings/dates/{held.pk}/propose/").status_code == 409
    response = member.post(f"/meetings/dates/{held.pk}/propose/", {"title": "Trop tard"})
    assert response.status_code == 409
    assert "a déjà eu lieu" in text(response)
    assert Proposal.objects.count() == 0


def test_a_member_cannot_decide_on_proposals(client_for, next_date, author, colleague):
    proposal = services.proposal_create(occurrence=next_date, by=author, title="Le mien")
    response = client_for(author).post(
        f"/meetings/proposals/{proposal.pk}/decide/", {"decision": "accept"}
    )
    assert response.status_code == 403
    assert (
        client_for(colleague)
        .post(f"/meetings/proposals/{proposal.pk}/decide/", {"decision": "accept"})
        .status_code
        == 404
    )
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PROPOSED


def test_invite_a_suggested_presenter_in_one_click(
    client_for, next_date, facilitator, author, make_practice
):
    from palabre.themes.models import Theme

    make_practice(author, title="Les tontines de Bafut")
    next_date.meeting.themes.set([Theme.objects.get(slug="epargne-microfinance")])
    organiser = client_for(facilitator)
    page = text(organiser.get(f"/meetings/dates/{next_date.pk}/agenda/"))
    assert "Awa Author" in page and "Les tontines de Bafut" in page  # the reason shown
    response = organiser.post(
        f"/meetings/dates/{next_date.pk}/invite/", {"person": author.pk, "reason": "Tontines"}
    )
    assert response.status_code == 302
    invitation = Proposal.objects.get(status=Proposal.Status.INVITED)
    member = client_for(author)
    assert "Tontines" in text(member.get(f"/meetings/invitations/{invitation.pk}/"))
    response = member.post(
        f"/meetings/invitations/{invitation.pk}/",
        {"answer": "accept", "title": "Nos tontines", "summary": ""},
    )
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == Proposal.Status.ACCEPTED
    assert client_for(facilitator).get(f"/meetings/invitations/{invitation.pk}/").status_code == 404


# Minutes ------------------------------------------------------------------------------


def test_minutes_become_a_practice_draft_once(client_for, meeting, facilitator):
    held = past_date(meeting, by=facilitator)
    organiser = client_for(facilitator)
    response = organiser.post(f"/meetings/dates/{held.pk}/minutes/", {"minutes": "**Retenu**"})
    assert response.status_code == 302
    assert "<strong>Retenu</strong>" in text(organiser.get(held.get_absolute_url()))
    response = organiser.post(f"/meetings/dates/{held.pk}/convert/", {"into": "practice"})
    practice = Practice.objects.get()
    assert response.status_code == 302 and response["Location"] == practice.get_absolute_url()
    again = organiser.post(f"/meetings/dates/{held.pk}/convert/", {"into": "practice"})
    assert again.status_code == 409
    assert "déjà devenu" in text(again)
    assert Practice.objects.count() == 1


def test_minutes_become_a_discussion(client_for, meeting, facilitator, author):
    held = past_date(meeting, by=facilitator)
    services.minutes_save(occurrence=held, by=facilitator, minutes="Ce qui a été dit.")
    response = client_for(facilitator).post(
        f"/meetings/dates/{held.pk}/convert/", {"into": "discussion"}
    )
    assert response.status_code == 302
    held.refresh_from_db()
    assert held.discussion is not None
    page = text(client_for(author).get(held.get_absolute_url()))
    assert held.discussion.title in page
    assert (
        client_for(author)
        .post(f"/meetings/dates/{held.pk}/convert/", {"into": "discussion"})
        .status_code
        == 403
    )


# Queries ------------------------------------------------------------------------------


@pytest.fixture
def busy(meeting, facilitator, org_a):
    """A meeting with several dates and proposals, and other meetings."""
    for n in range(3):
        make_meeting(facilitator, org_a, title=f"Café {n}")
    next_date = meeting.occurrences.get()
    for n in range(4):
        person = make_person(f"p{n}@adb.example", f"P{n}", organisation=org_a)
        proposal = services.proposal_create(occurrence=next_date, by=person, title=f"Exposé {n}")
        if n % 2:
            services.proposal_decide(proposal=proposal, by=facilitator, accept=True)
    for days in (30, 60, 90):
        held = past_date(meeting, days_ago=days, by=facilitator)
        services.minutes_save(occurrence=held, by=facilitator, minutes=f"Compte rendu {days}")
    return meeting


@pytest.mark.parametrize("who", ["anonymous", "author", "facilitator"])
def test_pages_ask_a_bounded_number_of_queries(
    busy, client_for, author, facilitator, who, django_assert_max_num_queries
):
    user = {"anonymous": None, "author": author, "facilitator": facilitator}[who]
    client = client_for(user)
    next_date = busy.occurrences.filter(date__gte=timezone.localdate()).get()
    held = busy.occurrences.order_by("date").first()
    pages = ["/meetings/", busy.get_absolute_url(), next_date.get_absolute_url(),
             held.get_absolute_url()]  # fmt: skip
    if who == "facilitator":
        pages.append(f"/meetings/dates/{next_date.pk}/agenda/")
    for url in pages:
        client.get(url)  # sessions, caches
        with django_assert_max_num_queries(22):
            response = client.get(url)
        assert response.status_code in (200, 404), url


def test_the_list_does_not_grow_with_the_number_of_meetings(
    busy, client_for, author, facilitator, org_a, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(author)
    client.get("/meetings/")
    with CaptureQueriesContext(connection) as before:
        client.get("/meetings/")
    for n in range(5):
        make_meeting(facilitator, org_a, title=f"Café de plus {n}")
    with django_assert_num_queries(len(before.captured_queries)):
        client.get("/meetings/")
    assert Occurrence.objects.filter(date__gte=timezone.localdate() - timedelta(1)).count() >= 9


def test_the_workshop_page_of_a_date_leads_back_to_its_meeting(
    client_for, meeting, org_meeting, author, outsider
):
    date = meeting.occurrences.get()
    page = text(client_for(author).get(date.workshop.get_absolute_url()))
    assert "C'est une date de la rencontre « Café Palabre »" in page
    assert date.get_absolute_url() in page
    hidden = org_meeting.occurrences.get().workshop
    assert client_for(outsider).get(hidden.get_absolute_url()).status_code == 404


def test_a_past_date_offers_neither_coming_nor_proposing(client_for, meeting, author, facilitator):
    held = past_date(meeting, by=facilitator)
    page = text(client_for(author).get(held.get_absolute_url()))
    assert "Je viens" not in page and "Proposer une présentation" not in page
