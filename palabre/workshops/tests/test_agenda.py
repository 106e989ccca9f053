"""The agenda: sessions within the workshop's dates, overlaps flagged, calendars, PDF, groups."""

import io
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from conftest import make_person
from palabre.lib.errors import ServiceError
from palabre.themes.models import Theme
from palabre.workshops import selectors, services
from palabre.workshops.models import GroupMember, Session
from palabre.workshops.tests.helpers import text


def session_form(workshop, **values):
    data = {
        "kind": "plenary",
        "title": "Ouverture",
        "day": workshop.start_date.isoformat(),
        "start": "09:00",
        "end": "10:00",
    }
    data.update(values)
    return data


def test_facilitator_adds_a_session_in_the_workshop_time_zone(
    client_for, facilitator, make_workshop
):
    workshop = make_workshop(time_zone="Africa/Ndjamena")
    response = client_for(facilitator).post(
        f"/workshops/{workshop.pk}/sessions/new/", session_form(workshop, room="Wouri")
    )
    assert response.status_code == 302
    session = Session.objects.get()
    local = session.starts_at.astimezone(ZoneInfo("Africa/Ndjamena"))
    assert (local.date(), local.hour, local.minute) == (workshop.start_date, 9, 0)
    agenda = client_for(facilitator).get(f"/workshops/{workshop.pk}/agenda/").content.decode()
    assert "09:00" in agenda and "Ouverture" in agenda and "heure de N’Djamena (UTC+1)" in agenda


def test_session_outside_the_workshop_dates_is_refused_with_a_message(
    client_for, facilitator, workshop
):
    day = (workshop.end_date + timedelta(days=1)).isoformat()
    response = client_for(facilitator).post(
        f"/workshops/{workshop.pk}/sessions/new/", session_form(workshop, day=day)
    )
    assert response.status_code == 400
    assert "en dehors des dates de l'atelier" in text(response)
    assert not Session.objects.exists()


def test_session_ending_before_it_starts_is_refused(client_for, facilitator, workshop):
    response = client_for(facilitator).post(
        f"/workshops/{workshop.pk}/sessions/new/",
        session_form(workshop, start="11:00", end="10:00"),
    )
    assert response.status_code == 400
    assert "La séance finit avant de commencer" in response.content.decode()


def test_participants_cannot_change_the_agenda(client_for, author, register, workshop, add_session):
    register(workshop, author)
    session = add_session(workshop)
    client = client_for(author)
    assert client.get(f"/workshops/{workshop.pk}/sessions/new/").status_code == 404
    assert client.post(f"/workshops/{workshop.pk}/sessions/{session.pk}/delete/").status_code == 403
    assert Session.objects.exists()


def test_overlaps_for_the_same_room_or_person_are_flagged(
    client_for, facilitator, author, register, workshop, add_session
):
    register(workshop, author)
    a = add_session(workshop, title="Exposé warrantage", room="Wouri", presenter=author)
    b = add_session(workshop, start="09:30", end="10:30", title="Carrefour épargne", room="wouri ")
    c = add_session(
        workshop,
        start="09:45",
        end="11:00",
        kind="group_work",
        title="Carrefour eau",
        room="Nyong",
        members=[author],
    )
    add_session(workshop, start="10:00", end="10:15", kind="break", title="Pause", room="Wouri")
    conflicts = selectors.session_conflicts(selectors.agenda_sessions(workshop))
    assert any("La salle Wouri" in m and "Carrefour épargne" in m for m in conflicts[a.pk])
    assert any("Awa Author" in m and "Carrefour eau" in m for m in conflicts[a.pk])
    assert any("Exposé warrantage" in m for m in conflicts[c.pk])
    assert b.pk in conflicts
    page = client_for(facilitator).get(f"/workshops/{workshop.pk}/agenda/").content.decode()
    assert "chevauchent" in page and "a aussi « " in page and "attendu(e)" not in page
    saved = client_for(facilitator).post(
        f"/workshops/{workshop.pk}/sessions/{a.pk}/edit/",
        session_form(workshop, title="Exposé warrantage", room="Wouri", presenter=author.pk),
        follow=True,
    )
    assert "La salle Wouri est aussi occupée" in saved.content.decode()


def test_agenda_ics_parses_and_keeps_the_workshop_time_zone(client, make_workshop, add_session):
    workshop = make_workshop(visibility="public", time_zone="Africa/Douala")
    add_session(workshop, title="Ouverture", start="08:30", end="09:15", room="Wouri")
    add_session(workshop, day=1, title="Clôture", start="16:00", end="17:00")
    response = client.get(f"/workshops/{workshop.pk}/agenda.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Africa/Douala"]
    events = sorted(calendar.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))
    assert [str(e["SUMMARY"]) for e in events] == ["Ouverture", "Clôture"]
    start = events[0].decoded("dtstart")
    assert start.tzinfo is not None and str(start.tzinfo) == "Africa/Douala"
    assert (start.date(), start.hour, start.minute) == (workshop.start_date, 8, 30)
    assert events[0]["DTSTART"].params["TZID"] == "Africa/Douala"
    assert events[0].decoded("dtend") - start == timedelta(minutes=45)
    assert "Wouri" in str(events[0]["LOCATION"])
    assert len({str(e["UID"]) for e in events}) == 2


def test_personal_ics_holds_my_group_not_the_others(
    client_for, author, colleague, register, workshop, add_session
):
    for person in (author, colleague):
        register(workshop, person)
    add_session(workshop, title="Plénière d'ouverture")
    add_session(
        workshop,
        kind="group_work",
        start="10:00",
        end="11:00",
        title="Carrefour A",
        members=[author],
    )
    add_session(
        workshop,
        kind="group_work",
        start="10:00",
        end="11:00",
        title="Carrefour B",
        members=[colleague],
    )
    response = client_for(author).get(f"/workshops/{workshop.pk}/agenda/mine.ics")
    summaries = {str(e["SUMMARY"]) for e in Calendar.from_ical(response.content).walk("VEVENT")}
    assert summaries == {"Plénière d'ouverture", "Carrefour A"}
    everything = client_for(author).get("/workshops/mine.ics")
    assert {
        str(e["SUMMARY"]) for e in Calendar.from_ical(everything.content).walk("VEVENT")
    } == summaries


def test_personal_ics_needs_a_login(client, make_workshop):
    workshop = make_workshop(visibility="public")
    assert client.get(f"/workshops/{workshop.pk}/agenda/mine.ics").status_code == 302


def test_agenda_pdf_and_printable_sheet(client_for, colleague, workshop, add_session):
    add_session(workshop, title="Exposé : le warrantage du maïs", start="09:45", end="10:30")
    client = client_for(colleague)
    response = client.get(f"/workshops/{workshop.pk}/agenda.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "Atelier d'échanges de Bafut" in text and "le warrantage du maïs" in text
    assert "09:45" in text
    sheet = client.get(f"/workshops/{workshop.pk}/agenda/print/").content.decode()
    assert "<table>" in sheet and "09:45–10:30" in sheet


def test_agenda_query_count_does_not_grow_with_sessions(
    client_for, facilitator, author, register, workshop, add_session, django_assert_max_num_queries
):
    register(workshop, author)
    for hour in range(8, 16):
        add_session(
            workshop,
            kind="group_work",
            start=f"{hour:02d}:00",
            end=f"{hour:02d}:45",
            title=f"Carrefour {hour}",
            members=[author],
            rapporteur=author,
        )
    client = client_for(facilitator)
    with django_assert_max_num_queries(25):
        assert client.get(f"/workshops/{workshop.pk}/agenda/").status_code == 200


# Groups -------------------------------------------------------------------------------


@pytest.fixture
def carrefours(workshop, add_session, ensure_themes):
    themes = ensure_themes
    return [
        add_session(
            workshop,
            kind="group_work",
            start="14:00",
            end="16:00",
            title=f"Carrefour {slug}",
            theme=themes[slug],
        )
        for slug in ("epargne-microfinance", "gouvernance-locale", "sante-communautaire")
    ]


@pytest.fixture
def ensure_themes(db):
    from conftest import ensure_thesaurus

    ensure_thesaurus()
    return {t.slug: t for t in Theme.objects.all()}


@pytest.fixture
def twelve_people(workshop, register, org_a, org_b, ensure_themes):
    """Twelve people from four organisations; eight of them want the savings group."""
    from palabre.organisations.models import Organisation

    orgs = [org_a, org_b]
    orgs += [
        Organisation.objects.create(name=f"Organisation {n}", slug=f"org-{n}", kind="ngo")
        for n in (3, 4)
    ]
    wishes = (
        ["epargne-microfinance"] * 8 + ["gouvernance-locale"] * 2 + ["sante-communautaire", None]
    )
    registrations = []
    for n in range(12):
        person = make_person(f"p{n}@example.org", f"Personne {n:02d}", organisation=orgs[n % 4])
        wish = wishes[n]
        registrations.append(
            register(workshop, person, first_choice=ensure_themes[wish] if wish else None)
        )
    return registrations


def test_proposed_split_balances_mixes_organisations_and_follows_first_choices(
    carrefours, twelve_people
):
    placed = selectors.group_split_proposal(registrations=twelve_people, sessions=carrefours)
    assert len(placed) == 12
    sizes = {s.pk: sum(1 for v in placed.values() if v == s.pk) for s in carrefours}
    assert sorted(sizes.values()) == [4, 4, 4]
    savings, governance, health = carrefours
    wanted_savings = [
        r for r in twelve_people if r.first_choice and r.first_choice.slug == "epargne-microfinance"
    ]
    in_savings = [r for r in wanted_savings if placed[r.person_id] == savings.pk]
    # Eight wanted the savings group, which has room for four: one per organisation.
    assert len(in_savings) == 4
    assert len({r.organisation_id for r in in_savings}) == 4
    for r in twelve_people:
        if r.first_choice and r.first_choice.slug in ("gouvernance-locale", "sante-communautaire"):
            target = governance if r.first_choice.slug == "gouvernance-locale" else health
            assert placed[r.person_id] == target.pk
    for session in carrefours:
        orgs = [r.organisation_id for r in twelve_people if placed[r.person_id] == session.pk]
        assert len(set(orgs)) >= 3, "each group mixes organisations"


def test_facilitator_proposes_adjusts_and_saves_the_groups(
    client_for, facilitator, workshop, carrefours, twelve_people
):
    client = client_for(facilitator)
    page = client.get(
        f"/workshops/{workshop.pk}/groups/{carrefours[0].pk}/?propose=1"
    ).content.decode()
    assert "Répartition proposée, pas encore enregistrée" in page
    assert not GroupMember.objects.exists()
    placed = selectors.group_split_proposal(registrations=twelve_people, sessions=carrefours)
    data = {f"person_{pk}": str(session) for pk, session in placed.items()}
    moved = twelve_people[0].person_id
    data[f"person_{moved}"] = str(carrefours[2].pk)  # adjusted by hand
    response = client.post(f"/workshops/{workshop.pk}/groups/{carrefours[0].pk}/", data)
    assert response.status_code == 302
    assert GroupMember.objects.count() == 12
    assert GroupMember.objects.get(person_id=moved).session == carrefours[2]


def test_rapporteurs_are_named_from_the_group_when_missing(
    facilitator, workshop, carrefours, twelve_people
):
    rapporteur = twelve_people[1]
    rapporteur.role = "rapporteur"
    rapporteur.save()
    assignment = {r.person_id: carrefours[0].pk for r in twelve_people[:4]}
    services.groups_assign(
        workshop=workshop, by=facilitator, sessions=carrefours, assignment=assignment
    )
    carrefours[0].refresh_from_db()
    assert carrefours[0].rapporteur_id == rapporteur.person_id


def test_groups_refuse_people_who_are_not_registered(facilitator, workshop, carrefours, outsider):
    with pytest.raises(ServiceError):
        services.groups_assign(
            workshop=workshop,
            by=facilitator,
            sessions=carrefours,
            assignment={outsider.pk: carrefours[0].pk},
        )
