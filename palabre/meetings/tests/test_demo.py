"""The demo meeting: a past date with minutes, attendance and two presentations, a next
date with proposals; loading twice changes nothing."""

from __future__ import annotations

import pytest
from django.utils import timezone

from palabre.meetings import demo
from palabre.meetings.models import Meeting, Occurrence, Proposal
from palabre.workshops.models import Attendance

pytestmark = pytest.mark.django_db


@pytest.fixture
def context(org_a, facilitator, author, colleague):
    from palabre.organisations.models import Organisation

    fcdl = Organisation.objects.create(name="FCDL", slug="fcdl", kind="network", country="CM")
    facilitator.memberships.create(organisation=fcdl, role="member")
    people = {
        "animatrice@palabre.example": facilitator,
        "ekambi@fal.example": author,
        "bouba@ropa.example": colleague,
        "awa.bello@fal.example": author,
        "mengue@nkolmeyang.example": colleague,
        "aissatou@een.example": author,
    }

    class Context(dict):
        pass

    return Context(people=people, organisations={"fcdl": fcdl}, practices={})


def test_the_demo_loads_a_monthly_cafe_twice_the_same(context):
    demo.load(context)
    demo.load(context)
    meeting = Meeting.objects.get()
    assert meeting.title == "Café Palabre"
    today = timezone.localdate()
    held = Occurrence.objects.get(date__lt=today)
    coming = Occurrence.objects.get(date__gte=today)
    assert held.minutes.startswith("## Présentations")
    assert Proposal.objects.filter(occurrence=held).accepted().count() == 2
    assert Attendance.objects.filter(session__workshop=held.workshop, present=True).count() == 2
    assert coming.proposals.filter(status=Proposal.Status.ACCEPTED).count() == 1
    assert coming.proposals.filter(status=Proposal.Status.PROPOSED).count() == 1
    assert coming.date.weekday() == held.date.weekday()
