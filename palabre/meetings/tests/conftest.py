"""The cast of the meetings' tests: a monthly meeting of organisation A, with a date to
come and one past."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from palabre.meetings import services
from palabre.meetings.models import Meeting, Occurrence


def next_weekday(weekday: int, after: date | None = None) -> date:
    day = (after or timezone.localdate()) + timedelta(days=1)
    while day.weekday() != weekday:
        day += timedelta(days=1)
    return day


def make_meeting(by, organisation, *, visibility="network", **fields) -> Meeting:
    values = {
        "title": "Café Palabre",
        "first_date": next_weekday(1),
        "starts_at": time(16, 0),
        "ends_at": time(17, 0),
        "recurrence": Meeting.Recurrence.MONTHLY_WEEKDAY,
        "online_url": "https://meet.example.org/cafe",
        "visibility": visibility,
        **fields,
    }
    return services.meeting_create(by=by, organisation=organisation, **values)


def past_date(meeting: Meeting, *, days_ago: int = 30, by=None) -> Occurrence:
    """A date of the meeting that has taken place."""
    return services._plan(meeting, on=timezone.localdate() - timedelta(days=days_ago), by=by)


@pytest.fixture
def meeting(facilitator, org_a):
    return make_meeting(facilitator, org_a)


@pytest.fixture
def org_meeting(org_admin, org_a):
    return make_meeting(org_admin, org_a, visibility="organisation", title="Café interne")


@pytest.fixture
def next_date(meeting):
    return meeting.occurrences.get()
