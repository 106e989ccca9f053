"""Demo workshops: a full past partners' meeting in Douala, and an upcoming one open for registration.

Their content lives in ``demo_data/`` (one JSON file per workshop); this module puts it in the
database. A long text is written there as a list of lines, joined here with line breaks.
"""

from __future__ import annotations

import importlib
import json
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.files.base import ContentFile
from django.utils import timezone

from palabre.practices.demo import demo_photo
from palabre.practices.uploads import make_preview
from palabre.themes.models import Theme
from palabre.workshops import selectors
from palabre.workshops.models import (
    ActionUpdate,
    Attendance,
    CollectiveAction,
    Evaluation,
    FacilitationTool,
    GroupMember,
    Registration,
    Restitution,
    RestitutionPhoto,
    Session,
    SessionRating,
    Workshop,
)
from palabre.workshops.services import practice_draft_from_session

DATA = Path(__file__).parent / "demo_data"


def _data(name: str) -> dict[str, Any]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _text(value: str | list[str]) -> str:
    return "\n".join(value) if isinstance(value, list) else value


def _ensure_toolbox() -> None:
    """The toolbox comes with the migrations; a flushed database gets it back here."""
    if not FacilitationTool.objects.filter(builtin=True).exists():
        importlib.import_module("palabre.workshops.migrations.0002_seed_facilitation_toolbox").seed(
            apps, None
        )


def _day(value: str) -> date:
    return date.fromisoformat(value)


def _clock(value: str) -> time:
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


def _workshop(spec: dict, *, start: date, end: date, closes: date, organisations, facilitator):
    workshop, _created = Workshop.objects.update_or_create(
        external_id=f"demo:{spec['key']}",
        defaults={
            "title": spec["title"],
            "objectives": _text(spec["objectives"]),
            "description": _text(spec["description"]),
            "start_date": start,
            "end_date": end,
            "venue": spec["venue"],
            "city": spec["city"],
            "country": "CM",
            "capacity": spec["capacity"],
            "waiting_list_size": 10,
            "registration_closes_on": closes,
            "languages": spec["languages"],
            "visibility": spec["visibility"],
            "status": Workshop.Status.PUBLISHED,
            "created_by": facilitator,
            "published_at": timezone.make_aware(
                datetime.combine(start - timedelta(days=45), time(9))
            ),
        },
    )
    workshop.organisers.set([organisations[slug] for slug in spec["organisers"]])
    return workshop


def _sessions(workshop, rows, *, people, practices, themes, tools) -> dict[str, Session]:
    sessions = {}
    for row in rows:
        moment = workshop.start_date + timedelta(days=row["day"] - 1)
        session, _created = Session.objects.update_or_create(
            workshop=workshop,
            title=row["title"],
            defaults={
                "kind": row["kind"],
                "starts_at": workshop.at(moment, _clock(row["start"])),
                "ends_at": workshop.at(moment, _clock(row["end"])),
                "room": row["room"],
                "theme": themes.get(row.get("theme")),
                "tool": tools.get(row.get("tool")),
                "facilitator": people.get(row.get("facilitator")),
                "presenter": people.get(row.get("presenter")),
                "presented_practice": practices.get(row.get("practice")),
                "rapporteur": people.get(row.get("rapporteur")),
            },
        )
        sessions[row["title"]] = session
    return sessions


def _register(workshop, rows, *, people, organisations, practices, themes, when) -> list:
    registrations = []
    for index, row in enumerate(rows):
        email = row["email"]
        registration, _created = Registration.objects.update_or_create(
            workshop=workshop,
            person=people[email],
            defaults={
                "organisation": organisations[row["organisation"]],
                "role": row["role"],
                "status": Registration.Status.CONFIRMED,
                "practice": practices.get(row.get("practice")),
                "first_choice": themes.get(row.get("first_choice")),
                "second_choice": themes.get(row.get("second_choice")),
                "registered_by": people[email],
                "created_at": when + timedelta(hours=index * 7),
            },
        )
        registrations.append(registration)
    return registrations


def _split(workshop, sessions: dict[str, Session]) -> None:
    """Fill each round of carrefours with the same proposal the facilitators would get."""
    registrations = selectors.split_participants(workshop)
    for _starts, group in selectors.group_slots(sessions.values()):
        if GroupMember.objects.filter(session__in=group).exists():
            continue
        placed = selectors.group_split_proposal(registrations=registrations, sessions=group)
        GroupMember.objects.bulk_create(
            GroupMember(session_id=session_pk, person_id=person_pk)
            for person_pk, session_pk in placed.items()
        )
        for session in group:
            if (
                session.rapporteur_id
                and not session.members.filter(pk=session.rapporteur_id).exists()
            ):
                GroupMember.objects.filter(session__in=group, person=session.rapporteur).delete()
                GroupMember.objects.create(session=session, person=session.rapporteur)


def _restitutions(restitutions: dict, sessions: dict[str, Session], *, finalised: datetime) -> None:
    for number, (title, texts) in enumerate(restitutions.items()):
        session = sessions[title]
        restitution, _created = Restitution.objects.update_or_create(
            session=session,
            defaults={
                **{name: _text(value) for name, value in texts.items()},
                "status": Restitution.Status.FINAL,
                "written_by": session.rapporteur or session.facilitator,
                "finalised_at": finalised,
            },
        )
        if session.is_group and not restitution.photos.exists():
            content = demo_photo(number + 3)
            photo = RestitutionPhoto(
                restitution=restitution,
                original_name=f"tableau-carrefour-{number + 1}.jpg",
                content_type="image/jpeg",
                size=len(content),
                caption="Le tableau de papier du carrefour, après la galerie",
                uploaded_by=session.rapporteur,
            )
            photo.file.save(photo.original_name, ContentFile(content), save=False)
            photo.preview.save("preview.jpg", make_preview(ContentFile(content)), save=False)
            photo.save()


def _attendance(workshop, registrations, rng) -> None:
    people = [r.person for r in registrations]
    for session in workshop.sessions.exclude(kind=Session.Kind.BREAK):
        expected = list(session.members.all()) if session.is_group else people
        for person in expected:
            Attendance.objects.update_or_create(
                session=session,
                person=person,
                defaults={"present": rng.random() > 0.08, "marked_by": session.facilitator},
            )


def _actions(workshop, rows, sessions, *, people, organisations, facilitator) -> None:
    decided = sessions["Nos actions collectives"]
    for row in rows:
        title, email, due, status = row["title"], row.get("person"), row["due"], row["status"]
        org, notes = row["organisation"], row["notes"]
        action, _created = CollectiveAction.objects.update_or_create(
            workshop=workshop,
            title=title,
            defaults={
                "session": decided,
                "owner_organisation": organisations[org],
                "owner_person": people.get(email),
                "due_date": _day(due),
                "status": status,
                "created_by": facilitator,
                "completed_at": timezone.make_aware(datetime.combine(_day(due), time(12)))
                if status == "done"
                else None,
            },
        )
        if notes and not action.updates.exists():
            for note in notes:
                ActionUpdate.objects.create(
                    action=action, author=people.get(email) or facilitator, note=note, status=status
                )


def _evaluations(workshop, comments, registrations, rng) -> None:
    rated = [s for s in workshop.sessions.all() if s.is_rated]
    for index, registration in enumerate(registrations[2:18]):
        comment = comments[index] if index < len(comments) else {}
        useful, improve = comment.get("most_useful", ""), comment.get("to_improve", "")
        evaluation, _created = Evaluation.objects.update_or_create(
            workshop=workshop,
            person=registration.person,
            defaults={
                "overall": rng.choice([3, 4, 4, 4, 5, 5, 5]),
                "most_useful": useful,
                "to_improve": improve,
            },
        )
        for session in rated:
            if session.is_group and not session.members.filter(pk=registration.person_id).exists():
                continue
            SessionRating.objects.update_or_create(
                evaluation=evaluation,
                session=session,
                defaults={"rating": rng.choice([2, 3, 4, 4, 5, 5])},
            )


def _practice_from_group(session: Session) -> None:
    """One carrefour already went back to the practice library as a draft."""
    restitution = session.restitution
    if restitution.practice_id or session.rapporteur is None:
        return
    practice_draft_from_session(session=session, by=session.rapporteur)


def load(context) -> None:
    _ensure_toolbox()
    rng = context.random
    people, organisations = context["people"], context["organisations"]
    practices = context.get("practices", {})
    themes = {t.slug: t for t in Theme.objects.all()}
    tools = {t.slug: t for t in FacilitationTool.objects.all()}
    facilitator = people["animatrice@palabre.example"]
    douala_spec = _data("douala-2024.json")
    upcoming_spec = _data("ngaoundere-upcoming.json")

    douala = _workshop(
        douala_spec,
        start=_day(douala_spec["start"]),
        end=_day(douala_spec["end"]),
        closes=_day(douala_spec["closes"]),
        organisations=organisations,
        facilitator=facilitator,
    )
    Workshop.objects.filter(pk=douala.pk).update(
        report_introduction=_text(douala_spec["report_introduction"]),
        report_conclusion=_text(douala_spec["report_conclusion"]),
        report_shared_at=timezone.make_aware(datetime(2024, 12, 5, 10)),
        evaluation_closed=True,
        evaluation_invited_at=timezone.make_aware(datetime(2024, 11, 21, 18)),
    )
    registrations = _register(
        douala,
        douala_spec["people"],
        people=people,
        organisations=organisations,
        practices=practices,
        themes=themes,
        when=timezone.make_aware(datetime(2024, 10, 1, 9)),
    )
    sessions = _sessions(
        douala,
        douala_spec["sessions"],
        people=people,
        practices=practices,
        themes=themes,
        tools=tools,
    )
    _split(douala, sessions)
    _restitutions(
        douala_spec["restitutions"],
        sessions,
        finalised=timezone.make_aware(datetime(2024, 11, 22, 18)),
    )
    _attendance(douala, registrations, rng)
    _actions(
        douala,
        douala_spec["actions"],
        sessions,
        people=people,
        organisations=organisations,
        facilitator=facilitator,
    )
    _evaluations(douala, douala_spec["evaluation_comments"], registrations, rng)
    _practice_from_group(sessions["Carrefour 1 : épargne et accès au crédit"])

    today = timezone.localdate()
    start = today + timedelta(days=upcoming_spec["days_from_now"])
    upcoming = _workshop(
        upcoming_spec,
        start=start,
        end=start + timedelta(days=upcoming_spec["length"] - 1),
        closes=today + timedelta(days=upcoming_spec["closes_in"]),
        organisations=organisations,
        facilitator=people["moussa.hamadou@palabre.example"],
    )
    _register(
        upcoming,
        upcoming_spec["people"],
        people=people,
        organisations=organisations,
        practices=practices,
        themes=themes,
        when=timezone.now() - timedelta(days=10),
    )
    _sessions(
        upcoming,
        upcoming_spec["sessions"],
        people=people,
        practices=practices,
        themes=themes,
        tools=tools,
    )
    context["workshops"] = {douala_spec["key"]: douala, upcoming_spec["key"]: upcoming}
