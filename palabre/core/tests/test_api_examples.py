"""Each request example of the OpenAPI document is accepted by the API.

Every operation that reads a body documents an example of it. Here, each one is sent as
documented, by a person allowed to do it, on a network where it makes sense (a practice to
adopt, a workshop to register to…), and must be accepted (2xx). Ids cannot be the same on
every installation: the example's ids (and the version one started from) are replaced by
those of the objects made for it, and the test checks the example does give them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from django.utils import timezone

from conftest import ensure_thesaurus, make_person
from palabre.accounts.services import api_token_create
from palabre.adoptions.models import Adoption, FeedbackReport, Indicator, Measurement
from palabre.api import api
from palabre.discussions import services as discussions
from palabre.learning.models import FollowUp
from palabre.learning.services import quiz as quiz_services
from palabre.learning.services.followups import follow_ups_ask
from palabre.learning.tests.test_followups import attend, make_session, make_training
from palabre.learning.tests.test_quiz import make_session as make_quiz_session
from palabre.notifications.models import Notification
from palabre.practices.models import Practice
from palabre.practices.services import _record_revision
from palabre.themes.models import Theme
from palabre.workshops.models import CollectiveAction, Registration, Session, Workshop

DOCUMENT = api.get_openapi_schema(path_prefix="/api/v1/")
WRITES = ("post", "put", "patch")


def _examples() -> dict[str, list[dict]]:
    """{"POST /api/v1/practices": [example, …]} for every operation that reads a body."""
    found = {}
    for path, operations in DOCUMENT["paths"].items():
        for method, operation in operations.items():
            body = operation.get("requestBody")
            if body is None:
                continue
            schema = body["content"]["application/json"]["schema"]
            name = schema["$ref"].rsplit("/", 1)[-1]
            found[f"{method.upper()} {path}"] = DOCUMENT["components"]["schemas"][name].get(
                "examples", []
            )
    return found


EXAMPLES = _examples()


@dataclass
class Call:
    """Who sends the example, to which object (path), with which ids in place of the
    example's."""

    user: Any
    path: dict[str, Any] = field(default_factory=dict)
    replace: dict[str, Any] = field(default_factory=dict)


@pytest.fixture
def cast(org_a, org_b, author, colleague, outsider, facilitator, make_practice):
    ensure_thesaurus()
    return SimpleNamespace(
        org_a=org_a,
        org_b=org_b,
        author=author,
        colleague=colleague,
        outsider=outsider,
        facilitator=facilitator,
        make_practice=make_practice,
    )


def _published(c) -> Practice:
    practice = c.make_practice(c.author, visibility="network")
    _record_revision(practice, by=c.author, note="")
    return practice


def _workshop(c, *, start: date | None = None, days: int = 2) -> Workshop:
    start = start or date(2030, 3, 12)
    workshop = Workshop.objects.create(
        title="Atelier d'échanges de Bafut",
        objectives="Partager nos expériences d'épargne",
        start_date=start,
        end_date=start + timedelta(days=days - 1),
        city="Bafut",
        status=Workshop.Status.PUBLISHED,
        visibility="network",
        created_by=c.facilitator,
    )
    workshop.organisers.set([c.org_a])
    return workshop


def _slot(workshop: Workshop) -> Session:
    return Session.objects.create(
        workshop=workshop,
        kind=Session.Kind.GROUP_WORK,
        title="Carrefour",
        starts_at=workshop.at(workshop.start_date, time(14, 0)),
        ends_at=workshop.at(workshop.start_date, time(16, 0)),
    )


def _thread(c):
    theme = Theme.objects.get(slug="epargne-microfinance")
    return discussions.thread_create(
        space=discussions.space_for(theme),
        by=c.colleague,
        kind="question",
        title="Comment fixer le prix du stockage ?",
        body="Au sac ou au pourcentage ?",
    )


def _answer(c):
    return discussions.answer_post(thread=_thread(c), by=c.author, body="Au sac.")


def _adoption(c, practice: Practice | None = None) -> Adoption:
    return Adoption.objects.create(
        practice=practice or _published(c),
        organisation=c.org_b,
        status="in_progress",
        started_on=date(2025, 9, 1),
        created_by=c.outsider,
        contact=c.outsider,
    )


def _indicator(c) -> Indicator:
    return Indicator.objects.create(
        organisation=c.org_b,
        name="Ménages avec latrines",
        unit="%",
        value_type="percentage",
        direction="increase",
        baseline_value=35,
        baseline_date=date(2025, 1, 1),
        target_value=80,
        target_date=date(2027, 12, 31),
        created_by=c.outsider,
    )


def _training(c):
    practice = _published(c)
    return make_training(c.org_a, [c.author], [practice], title="Le warrantage en pratique")


# One scenario per operation that reads a body ------------------------------------------------


def mark_read(c):
    made = [
        Notification.objects.create(recipient=c.author, kind="practice.published", title=title)
        for title in ("Publiée", "Adoptée")
    ]
    return Call(c.author, replace={"ids": [n.pk for n in made]})


def review(c):
    practice = c.make_practice(c.author, status=Practice.Status.SUBMITTED)
    return Call(c.facilitator, {"practice_id": practice.pk})


def update_practice(c):
    practice = c.make_practice(c.author, status=Practice.Status.DRAFT)
    return Call(c.author, {"practice_id": practice.pk}, {"version": practice.version})


def adopt(c):
    return Call(c.outsider, replace={"practice": _published(c).pk})


def change_adoption(c):
    return Call(c.outsider, {"adoption_id": _adoption(c).pk})


def report_feedback(c):
    return Call(c.outsider, {"adoption_id": _adoption(c).pk})


def answer_feedback(c):
    adoption = _adoption(c)
    report = FeedbackReport.objects.create(
        adoption=adoption,
        reported_on=date(2026, 4, 15),
        effectiveness=4,
        would_recommend=True,
        status_at_report=adoption.status,
        results="Bien",
        created_by=c.outsider,
    )
    version = adoption.practice.revisions.order_by("-number").first().number
    return Call(c.author, {"report_id": report.pk}, {"addressed_in_version": version})


def change_indicator(c):
    return Call(c.outsider, {"indicator_id": _indicator(c).pk})


def record_measurement(c):
    return Call(c.outsider, {"indicator_id": _indicator(c).pk})


def correct_measurement(c):
    measurement = Measurement.objects.create(
        indicator=_indicator(c),
        measured_on=date(2026, 6, 30),
        value=52,
        entered_by=c.outsider,
    )
    return Call(c.outsider, {"measurement_id": measurement.pk})


def edit_thread(c):
    return Call(c.colleague, {"thread_id": _thread(c).pk})


def hide_thread(c):
    return Call(c.facilitator, {"thread_id": _thread(c).pk})


def answer_thread(c):
    return Call(c.author, {"thread_id": _thread(c).pk})


def edit_answer(c):
    return Call(c.author, {"answer_id": _answer(c).pk})


def hide_answer(c):
    return Call(c.facilitator, {"answer_id": _answer(c).pk})


def update_workshop(c):
    return Call(c.facilitator, {"workshop_id": _workshop(c).pk})


def add_session(c):
    return Call(c.facilitator, {"workshop_id": _workshop(c).pk})


def change_session(c):
    workshop = _workshop(c)
    return Call(c.facilitator, {"workshop_id": workshop.pk, "session_id": _slot(workshop).pk})


def register(c):
    return Call(c.author, {"workshop_id": _workshop(c).pk})


def write_restitution(c):
    workshop = _workshop(c)
    return Call(c.facilitator, {"workshop_id": workshop.pk, "session_id": _slot(workshop).pk})


def record_action(c):
    return Call(c.facilitator, {"workshop_id": _workshop(c).pk})


def give_news_of_action(c):
    workshop = _workshop(c)
    action = CollectiveAction.objects.create(
        workshop=workshop,
        title="Partager le modèle de contrat",
        owner_organisation=c.org_a,
        due_date=date(2030, 6, 30),
        created_by=c.facilitator,
    )
    return Call(c.facilitator, {"workshop_id": workshop.pk, "action_id": action.pk})


def evaluate(c):
    workshop = _workshop(c, start=timezone.localdate() - timedelta(days=1))
    slot = _slot(workshop)
    Registration.objects.create(
        workshop=workshop, person=c.author, organisation=c.org_a, status="confirmed"
    )
    return Call(c.author, {"workshop_id": workshop.pk}, {"sessions": {str(slot.pk): 5}})


def thank(c):
    return Call(c.outsider, {"kind": "practice", "item_id": _published(c).pk})


def feature(c):
    return Call(c.facilitator, replace={"practice": _published(c).pk})


def ask_in_the_directory(c):
    _published(c)
    return Call(c.outsider, {"person_id": c.author.pk})


def write_training(c):
    return Call(c.author, replace={"practices": [_published(c).pk]})


def schedule_training(c):
    return Call(c.author, replace={"training": _training(c).pk})


def answer_quiz(c):
    training = _training(c)
    session = make_quiz_session(training)
    Registration.objects.create(
        workshop=session.workshop, person=c.colleague, status="confirmed", role="participant"
    )
    questions = [
        quiz_services.question_add(
            training=training,
            by=c.author,
            text=text,
            explanation="Les participants la lisent une fois le quiz rempli.",
            options=[("Oui", True), ("Non", False)],
        )
        for text in ("Sur une butte ?", "Des gérants choisis ?", "Un marché ?")
    ]
    answers = {str(q.pk): q.options.order_by("pk").first().pk for q in questions}
    return Call(c.colleague, {"session_id": session.pk, "moment": "before"}, {"answers": answers})


def answer_follow_up(c):
    training = _training(c)
    session, slot = make_session(training, c.org_a, ended_days_ago=100)
    attend(session, slot, c.outsider)
    follow_ups_ask()
    return Call(c.outsider, {"follow_up_id": FollowUp.objects.get(person=c.outsider).pk})


def propose_at_meeting(c):
    from palabre.meetings import services as meetings

    meeting = meetings.meeting_create(
        by=c.facilitator,
        organisation=c.org_a,
        title="Café Palabre",
        first_date=timezone.localdate() + timedelta(days=7),
        starts_at=time(16),
        ends_at=time(17),
        online_url="https://meet.example.org/cafe",
    )
    return Call(c.author, {"occurrence_id": meeting.occurrences.get().pk})


def invite_to_present(c):
    return Call(c.facilitator, {"workshop_id": _workshop(c).pk}, {"person": c.author.pk})


def answer_invitation_to_present(c):
    from palabre.recognition.services.presenters import presenter_invite

    invitation = presenter_invite(workshop=_workshop(c), person=c.author, by=c.facilitator)
    return Call(c.author, {"invitation_id": invitation.pk})


def as_(who: str):
    return lambda c: Call(getattr(c, who))


SCENARIOS = {
    "POST /api/v1/notifications/read": mark_read,
    "PUT /api/v1/notifications/preferences": as_("author"),
    "POST /api/v1/practices": as_("author"),
    "PATCH /api/v1/practices/{practice_id}": update_practice,
    "POST /api/v1/practices/{practice_id}/request-changes": review,
    "POST /api/v1/workshops": as_("facilitator"),
    "PATCH /api/v1/workshops/{workshop_id}": update_workshop,
    "POST /api/v1/workshops/{workshop_id}/sessions": add_session,
    "PATCH /api/v1/workshops/{workshop_id}/sessions/{session_id}": change_session,
    "POST /api/v1/workshops/{workshop_id}/registrations": register,
    "PUT /api/v1/workshops/{workshop_id}/sessions/{session_id}/restitution": write_restitution,
    "POST /api/v1/workshops/{workshop_id}/actions": record_action,
    "PATCH /api/v1/workshops/{workshop_id}/actions/{action_id}": give_news_of_action,
    "POST /api/v1/workshops/{workshop_id}/evaluation": evaluate,
    "POST /api/v1/discussions/threads": as_("author"),
    "PATCH /api/v1/discussions/threads/{thread_id}": edit_thread,
    "POST /api/v1/discussions/threads/{thread_id}/hide": hide_thread,
    "POST /api/v1/discussions/threads/{thread_id}/answers": answer_thread,
    "PATCH /api/v1/discussions/answers/{answer_id}": edit_answer,
    "POST /api/v1/discussions/answers/{answer_id}/hide": hide_answer,
    "POST /api/v1/adoptions": adopt,
    "PATCH /api/v1/adoptions/{adoption_id}": change_adoption,
    "POST /api/v1/adoptions/{adoption_id}/feedback": report_feedback,
    "POST /api/v1/feedback/{report_id}/answer": answer_feedback,
    "POST /api/v1/indicators": as_("outsider"),
    "PATCH /api/v1/indicators/{indicator_id}": change_indicator,
    "POST /api/v1/indicators/{indicator_id}/measurements": record_measurement,
    "PATCH /api/v1/measurements/{measurement_id}": correct_measurement,
    "POST /api/v1/thanks/{kind}/{item_id}": thank,
    "POST /api/v1/featured": feature,
    "POST /api/v1/directory/{person_id}/questions": ask_in_the_directory,
    "POST /api/v1/attestations": as_("author"),
    "POST /api/v1/trainings": write_training,
    "POST /api/v1/training-needs/wishes": as_("author"),
    "POST /api/v1/quiz/sessions/{session_id}/{moment}": answer_quiz,
    "POST /api/v1/training-sessions": schedule_training,
    "POST /api/v1/training-follow-ups/{follow_up_id}": answer_follow_up,
    "POST /api/v1/meetings/dates/{occurrence_id}/proposals": propose_at_meeting,
    "POST /api/v1/presenters/workshops/{workshop_id}/invitations": invite_to_present,
    "POST /api/v1/presenters/invitations/{invitation_id}/answer": answer_invitation_to_present,
}
# The projects app keeps its scenarios beside its API tests (they import this module's
# helpers, defined above, hence the import here).
from palabre.projects.tests.test_api import SCENARIOS as PROJECT_SCENARIOS  # noqa: E402

SCENARIOS.update(PROJECT_SCENARIOS)


def test_every_body_the_api_reads_is_documented_with_an_example():
    without = [key for key, examples in EXAMPLES.items() if not examples]
    assert without == []
    assert {key.split()[0].lower() for key in EXAMPLES} <= set(WRITES)
    assert set(SCENARIOS) == set(EXAMPLES), "each documented example needs its scenario here"


@pytest.mark.parametrize("operation", sorted(SCENARIOS))
def test_the_documented_example_is_accepted(operation, cast, client):
    method, path = operation.split(" ", 1)
    call = SCENARIOS[operation](cast)
    for example in EXAMPLES[operation]:
        assert set(call.replace) <= set(example), "the example shows the ids it needs"
        _token, secret = api_token_create(user=call.user, name="example")
        response = getattr(client, method.lower())(
            path.format(**call.path),
            {**example, **call.replace},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {secret}",
        )
        assert 200 <= response.status_code < 300, response.content.decode()


def test_a_refused_example_would_be_seen(cast, client):
    """What the test above relies on: the same example from someone not allowed fails."""
    call = Call(make_person("nobody@example.org", "Nadine Nobody"))
    _token, secret = api_token_create(user=call.user, name="example")
    response = client.post(
        "/api/v1/practices",
        EXAMPLES["POST /api/v1/practices"][0],
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert response.status_code == 403
