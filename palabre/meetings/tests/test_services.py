"""Setting up a meeting, its dates, proposals, invitations, the agenda and the minutes."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from conftest import make_person
from palabre.discussions.models import Thread
from palabre.lib.errors import ServiceError
from palabre.meetings import services
from palabre.meetings.models import Meeting, Occurrence, Proposal
from palabre.meetings.tests.conftest import make_meeting, next_weekday, past_date
from palabre.practices.models import Practice
from palabre.workshops import selectors as workshop_selectors
from palabre.workshops.models import Registration, Workshop

pytestmark = pytest.mark.django_db


def _nothing_written() -> None:
    assert Meeting.objects.count() == 0
    assert Workshop.objects.count() == 0
    assert Occurrence.objects.count() == 0


# Setting up ---------------------------------------------------------------------------


def test_a_meeting_opens_its_first_date_as_a_published_meeting_workshop(
    meeting, facilitator, org_a
):
    occurrence = meeting.occurrences.get()
    workshop = occurrence.workshop
    assert workshop.kind == Workshop.Kind.MEETING
    assert workshop.status == Workshop.Status.PUBLISHED
    assert workshop.registration_is_open
    assert list(workshop.organisers.all()) == [org_a]
    assert occurrence.date == meeting.first_date
    assert (occurrence.ends_at - occurrence.starts_at) == timedelta(hours=1)
    assert workshop.sessions.count() == 1  # the agenda item attendance is taken on
    organiser = workshop.registrations.get()
    assert (organiser.person, organiser.role) == (facilitator, Registration.Role.FACILITATOR)


def test_meeting_dates_stay_out_of_the_exchange_workshop_list(meeting, author):
    assert list(workshop_selectors.workshop_list(user=author)) == []
    assert workshop_selectors.workshop_list(user=author, kind=None).count() == 1


def test_an_end_before_the_start_is_refused_and_writes_nothing(facilitator, org_a):
    with pytest.raises(ServiceError) as error:
        make_meeting(facilitator, org_a, starts_at=time(17, 0), ends_at=time(16, 0))
    assert error.value.field == "ends_at"
    assert "se termine avant de commencer" in str(error.value.message)
    _nothing_written()


def test_a_recurrence_with_no_next_date_is_refused(facilitator, org_a):
    first = next_weekday(1)
    with pytest.raises(ServiceError) as error:
        make_meeting(facilitator, org_a, first_date=first, until=first - timedelta(days=1))
    assert "ne donne aucune date" in str(error.value.message)
    _nothing_written()


def test_a_first_date_in_the_past_is_refused(facilitator, org_a):
    with pytest.raises(ServiceError) as error:
        make_meeting(facilitator, org_a, first_date=timezone.localdate() - timedelta(days=1))
    assert error.value.field == "first_date"
    _nothing_written()


def test_a_meeting_needs_a_place_or_a_link(facilitator, org_a):
    with pytest.raises(ServiceError) as error:
        make_meeting(facilitator, org_a, online_url="", venue=" ")
    assert error.value.field == "venue"
    _nothing_written()


def test_org_admins_set_up_meetings_for_their_own_members_only(org_admin, org_a, org_b):
    with pytest.raises(ServiceError) as error:
        make_meeting(org_admin, org_a, visibility="network")
    assert error.value.field == "visibility"
    with pytest.raises(ServiceError) as error:
        make_meeting(org_admin, org_b, visibility="organisation")
    assert error.value.status == 403
    _nothing_written()
    meeting = make_meeting(org_admin, org_a, visibility="organisation")
    assert meeting.visibility == "organisation"


def test_members_do_not_set_up_meetings(author, org_a):
    with pytest.raises(ServiceError) as error:
        make_meeting(author, org_a, visibility="organisation")
    assert error.value.status == 403
    _nothing_written()


@pytest.mark.parametrize(
    ("recurrence", "first", "expected"),
    [
        # The 2nd Tuesday of each month.
        ("monthly_weekday", date(2030, 1, 8), [date(2030, 2, 12), date(2030, 3, 12)]),
        # A date in the month's last week: the last Thursday.
        ("monthly_weekday", date(2030, 1, 31), [date(2030, 2, 28), date(2030, 3, 28)]),
        # The 31st: the month's last day when it has fewer.
        ("monthly_day", date(2030, 1, 31), [date(2030, 2, 28), date(2030, 3, 31)]),
        ("monthly_day", date(2030, 1, 15), [date(2030, 2, 15), date(2030, 3, 15)]),
        ("fortnightly", date(2030, 1, 8), [date(2030, 1, 22), date(2030, 2, 5)]),
        ("weekly", date(2030, 1, 8), [date(2030, 1, 15), date(2030, 1, 22)]),
    ],
)
def test_recurrences_give_the_expected_dates(recurrence, first, expected):
    meeting = Meeting(first_date=first, recurrence=recurrence)
    second = meeting.next_date(first + timedelta(days=1))
    third = meeting.next_date(second + timedelta(days=1))
    assert [second, third] == expected


def test_the_rule_in_words(settings):
    from django.utils import translation

    meeting = Meeting(first_date=date(2030, 1, 8), recurrence="monthly_weekday")
    with translation.override("en"):
        assert meeting.recurrence_text() == "every month, on the second Tuesday"
    meeting.first_date = date(2030, 1, 31)
    with translation.override("fr"):
        assert meeting.recurrence_text() == "chaque mois, le dernier jeudi"


def test_organisers_plan_the_next_date_until_the_last_one(facilitator, org_a, author):
    first = next_weekday(1)
    meeting = make_meeting(
        facilitator, org_a, recurrence="weekly", first_date=first, until=first + timedelta(7)
    )
    with pytest.raises(ServiceError) as error:
        services.meeting_plan_next(meeting=meeting, by=author)
    assert error.value.status == 403
    second = services.meeting_plan_next(meeting=meeting, by=facilitator)
    assert second.date == first + timedelta(days=7)
    with pytest.raises(ServiceError) as error:
        services.meeting_plan_next(meeting=meeting, by=facilitator)
    assert error.value.status == 409
    assert meeting.occurrences.count() == 2


def test_the_daily_job_plans_the_next_date_once_the_last_is_over(meeting):
    first = meeting.occurrences.get()
    assert services.meetings_plan_upcoming() == 0  # a date to come already
    after = first.date + timedelta(days=1)
    assert services.meetings_plan_upcoming(today=after) == 1
    following = meeting.occurrences.order_by("-date").first()
    assert following.date > first.date and following.date.weekday() == first.date.weekday()
    assert services.meetings_plan_upcoming(today=after) == 0


# Proposals -----------------------------------------------------------------------------


def test_a_member_proposes_and_a_second_identical_proposal_is_refused(next_date, author):
    proposal = services.proposal_create(
        occurrence=next_date, by=author, title="Nos tontines", summary="Deux ans après."
    )
    assert proposal.status == Proposal.Status.PROPOSED
    with pytest.raises(ServiceError) as error:
        services.proposal_create(occurrence=next_date, by=author, title="  nos TONTINES ")
    assert error.value.status == 409
    assert "déjà proposé" in str(error.value.message)
    assert Proposal.objects.count() == 1


def test_proposing_to_a_past_meeting_is_refused(meeting, author, facilitator):
    held = past_date(meeting, by=facilitator)
    with pytest.raises(ServiceError) as error:
        services.proposal_create(occurrence=held, by=author, title="Trop tard")
    assert error.value.status == 409
    assert "déjà eu lieu" in str(error.value.message)
    assert Proposal.objects.count() == 0


def test_an_outsider_cannot_propose_for_an_organisation_only_meeting(org_meeting, outsider):
    with pytest.raises(ServiceError) as error:
        services.proposal_create(
            occurrence=org_meeting.occurrences.get(), by=outsider, title="Intrus"
        )
    assert error.value.status == 404
    assert Proposal.objects.count() == 0


def test_the_organiser_accepts_orders_and_the_presenter_is_registered(
    next_date, author, colleague, facilitator
):
    first = services.proposal_create(occurrence=next_date, by=author, title="Premier")
    second = services.proposal_create(occurrence=next_date, by=colleague, title="Second")
    with pytest.raises(ServiceError) as error:
        services.proposal_decide(proposal=first, by=colleague, accept=True)
    assert error.value.status in (403, 404)
    services.proposal_decide(proposal=first, by=facilitator, accept=True)
    services.proposal_decide(proposal=second, by=facilitator, accept=True)
    agenda = list(Proposal.objects.accepted().order_by("position"))
    assert [p.title for p in agenda] == ["Premier", "Second"]
    services.proposal_move(proposal=second, by=facilitator, direction="up")
    agenda = list(Proposal.objects.accepted().order_by("position"))
    assert [p.title for p in agenda] == ["Second", "Premier"]
    registration = Registration.objects.get(workshop=next_date.workshop, person=author)
    assert registration.role == Registration.Role.PRESENTER
    assert author.notifications.filter(kind="meetings.proposal_decided").exists()


def test_an_invitation_is_answered_by_the_person_invited_only(
    next_date, author, colleague, facilitator
):
    invitation = services.invitation_create(
        occurrence=next_date, by=facilitator, person=author, reason="Trois pratiques publiées."
    )
    assert author.notifications.filter(kind="meetings.invited").exists()
    with pytest.raises(ServiceError):
        services.invitation_answer(proposal=invitation, by=colleague, accept=True, title="Moi")
    with pytest.raises(ServiceError) as error:
        services.invitation_create(occurrence=next_date, by=facilitator, person=author)
    assert error.value.status == 409
    with pytest.raises(ServiceError) as error:
        services.invitation_answer(proposal=invitation, by=author, accept=True, title="")
    assert error.value.field == "title"
    done = services.invitation_answer(
        proposal=invitation, by=author, accept=True, title="Le warrantage"
    )
    assert (done.status, done.title) == (Proposal.Status.ACCEPTED, "Le warrantage")
    assert facilitator.notifications.filter(kind="meetings.invitation_answered").exists()
    with pytest.raises(ServiceError) as error:
        services.invitation_answer(proposal=invitation, by=author, accept=False)
    assert error.value.status == 409


def test_someone_who_cannot_see_the_meeting_is_not_invited(org_meeting, org_admin, outsider):
    with pytest.raises(ServiceError) as error:
        services.invitation_create(
            occurrence=org_meeting.occurrences.get(), by=org_admin, person=outsider
        )
    assert error.value.status == 400
    assert Proposal.objects.count() == 0


# Minutes --------------------------------------------------------------------------------


@pytest.fixture
def held(meeting, facilitator):
    occurrence = past_date(meeting, by=facilitator)
    return services.minutes_save(
        occurrence=occurrence, by=facilitator, minutes="## Ce qui a été dit\n\nBeaucoup."
    )


def test_minutes_wait_for_the_meeting_to_take_place(next_date, facilitator):
    with pytest.raises(ServiceError) as error:
        services.minutes_save(occurrence=next_date, by=facilitator, minutes="Trop tôt")
    assert error.value.status == 409


def test_minutes_become_a_discussion_once(held, facilitator):
    thread = services.minutes_to_discussion(occurrence=held, by=facilitator)
    assert thread.kind == Thread.Kind.DISCUSSION
    assert thread.body.startswith("## Ce qui a été dit")
    assert thread.space.object_id == held.workshop_id
    with pytest.raises(ServiceError) as error:
        services.minutes_to_discussion(occurrence=held, by=facilitator)
    assert error.value.status == 409
    assert "déjà devenu une discussion" in str(error.value.message)
    assert Thread.objects.count() == 1


def test_minutes_become_a_discussion_on_a_theme(held, facilitator, meeting):
    from palabre.themes.models import Theme

    theme = Theme.objects.get(slug="epargne-microfinance")
    other = Theme.objects.exclude(pk=theme.pk).first()
    meeting.themes.set([theme])
    with pytest.raises(ServiceError) as error:
        services.minutes_to_discussion(occurrence=held, by=facilitator, theme=other)
    assert error.value.field == "theme"
    thread = services.minutes_to_discussion(occurrence=held, by=facilitator, theme=theme)
    assert thread.space.theme == theme


def test_minutes_become_a_practice_draft_once_authored_by_who_converts(meeting, org_a, facilitator):
    organiser = make_person("coord@adb.example", "Coord", organisation=org_a, role="org_admin")
    occurrence = past_date(meeting, by=facilitator)
    services.minutes_save(occurrence=occurrence, by=organiser, minutes="Ce que nous retenons.")
    practice = services.minutes_to_practice(occurrence=occurrence, by=organiser)
    assert practice.status == Practice.Status.DRAFT
    assert list(practice.authors.all()) == [organiser]
    assert practice.context == "Ce que nous retenons."
    assert practice.lead_organisation == org_a
    with pytest.raises(ServiceError) as error:
        services.minutes_to_practice(occurrence=occurrence, by=organiser)
    assert error.value.status == 409
    assert Practice.objects.count() == 1


def test_empty_minutes_are_not_converted(meeting, facilitator):
    occurrence = past_date(meeting, by=facilitator)
    with pytest.raises(ServiceError) as error:
        services.minutes_to_practice(occurrence=occurrence, by=facilitator)
    assert error.value.status == 409
    assert Practice.objects.count() == 0


def test_members_do_not_write_or_convert_minutes(held, author):
    with pytest.raises(ServiceError) as error:
        services.minutes_save(occurrence=held, by=author, minutes="Moi aussi")
    assert error.value.status == 403
    with pytest.raises(ServiceError) as error:
        services.minutes_to_discussion(occurrence=held, by=author)
    assert error.value.status == 403
