"""Demo exchange meeting: a monthly "Café Palabre" (online, one hour) with a date that took
place three weeks ago (two presentations, attendance, minutes) and its next date (one
presentation on the agenda, one proposal waiting for the organiser).

The content is in demo_data/ (see its README); it is loaded through the app's services
(the same checks, registrations and audit trail as for real). A meeting is set up from
today on, so the first date is moved back afterwards, and the past date's presentations
are written as they stood on the day. Safe to run again: the meeting is recognised by its
organisation and title. Loading sends no e-mail.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import time, timedelta
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from palabre.core.models import OutgoingEmail
from palabre.meetings import services
from palabre.meetings.models import Meeting, Proposal
from palabre.notifications.models import Notification
from palabre.themes.models import Theme
from palabre.workshops.models import Attendance, Registration

DATA = Path(__file__).parent / "demo_data"


@contextmanager
def _quietly() -> Iterator[None]:
    """What the services notify stays in the app, read, and no e-mail goes out."""
    last_email = OutgoingEmail.objects.aggregate(last=Max("pk"))["last"] or 0
    last_notification = Notification.objects.aggregate(last=Max("pk"))["last"] or 0
    yield
    OutgoingEmail.objects.filter(pk__gt=last_email).delete()
    Notification.objects.filter(pk__gt=last_notification).update(
        email_state=Notification.EmailState.NONE, read_at=timezone.now()
    )


def _time(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def _past_presentations(occurrence, spec: dict, people: dict, practices: dict, by) -> None:
    for position, item in enumerate(spec["presentations"], start=1):
        person = people.get(item["person"])
        if person is None:
            continue
        proposal = Proposal.objects.create(
            occurrence=occurrence,
            person=person,
            title=item["title"],
            summary=item["summary"],
            practice=practices.get(item.get("practice", "")),
            status=Proposal.Status.ACCEPTED,
            position=position,
            decided_by=by,
            decided_at=occurrence.starts_at - timedelta(days=10),
        )
        services._register_presenter(proposal, by=by)
    session = occurrence.workshop.sessions.order_by("pk").first()
    for email, present in [(e, True) for e in spec["present"]] + [
        (e, False) for e in spec["absent"]
    ]:
        person = people.get(email)
        if person is None or session is None:
            continue
        Registration.objects.get_or_create(
            workshop=occurrence.workshop,
            person=person,
            defaults={"role": Registration.Role.PARTICIPANT, "registered_by": person},
        )
        Attendance.objects.update_or_create(
            session=session, person=person, defaults={"present": present, "marked_by": by}
        )
    services.minutes_save(occurrence=occurrence, by=by, minutes="\n".join(spec["minutes"]))


def _next_proposals(occurrence, spec: dict, people: dict, practices: dict, by) -> None:
    for key, accept in (("accepted", True), ("proposed", False)):
        for item in spec.get(key, []):
            person = people.get(item["person"])
            if person is None:
                continue
            proposal = services.proposal_create(
                occurrence=occurrence,
                by=person,
                title=item["title"],
                summary=item["summary"],
                practice=practices.get(item.get("practice", "")),
            )
            if accept:
                services.proposal_decide(proposal=proposal, by=by, accept=True)


@transaction.atomic
def _meeting(spec: dict, context) -> Meeting | None:
    people, organisations = context["people"], context["organisations"]
    practices: dict[str, Any] = context.get("practices", {})
    organiser = people.get(spec["organiser"])
    organisation = organisations.get(spec["organisation"])
    if organiser is None or organisation is None:
        return None
    existing = Meeting.objects.filter(organisation=organisation, title=spec["title"]).first()
    if existing is not None:
        return existing
    today = timezone.localdate()
    past = today - timedelta(days=spec["past_days_ago"])
    # The date after today that the monthly rule of the past date gives.
    rule = Meeting(first_date=past, recurrence=Meeting.Recurrence.MONTHLY_WEEKDAY)
    following = rule.next_date(today + timedelta(days=1))
    meeting = services.meeting_create(
        by=organiser,
        organisation=organisation,
        title=spec["title"],
        description=spec["description"],
        first_date=following,
        starts_at=_time(spec["starts_at"]),
        ends_at=_time(spec["ends_at"]),
        recurrence=Meeting.Recurrence.MONTHLY_WEEKDAY,
        online_url=spec["online_url"],
        visibility=spec["visibility"],
        themes=list(Theme.objects.filter(slug__in=spec["themes"])),
    )
    next_date = meeting.occurrences.get()
    Meeting.objects.filter(pk=meeting.pk).update(first_date=past)
    meeting.first_date = past
    held = services._plan(meeting, on=past, by=organiser)
    _past_presentations(held, spec["past"], people, practices, organiser)
    _next_proposals(next_date, spec["next"], people, practices, organiser)
    return meeting


def load(context) -> None:
    spec = json.loads((DATA / "cafe-palabre.json").read_text(encoding="utf-8"))
    with _quietly():
        meeting = _meeting(spec, context)
    context["meetings"] = {"cafe-palabre": meeting} if meeting else {}
