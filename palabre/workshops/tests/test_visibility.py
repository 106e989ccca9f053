"""Who sees what, tried from the outside: pages, calendars, PDFs, exports and API agree."""

import pytest

from palabre import permissions
from palabre.workshops import services
from palabre.workshops.tests.helpers import text


@pytest.fixture
def filled(make_workshop, register, add_session, author, colleague, facilitator, org_a):
    """A workshop with a participant list, a group with a shared restitution, and an action."""

    def make(**fields):
        workshop = make_workshop(start_in=-2, title="Atelier confidentiel", **fields)
        register(workshop, author, role="rapporteur")
        register(workshop, colleague)
        group = add_session(
            workshop,
            kind="group_work",
            title="Carrefour secret",
            rapporteur=author,
            members=[author, colleague],
        )
        services.restitution_save(
            session=group, by=author, fields={"key_learnings": "Leçon partagée"}, final=True
        )
        services.action_create(
            workshop=workshop,
            by=facilitator,
            title="Action collective",
            owner_organisation=org_a,
            due_date=workshop.end_date,
        )
        services.report_share(workshop=workshop, by=facilitator)
        return workshop, group

    return make


def urls(workshop, group):
    w = f"/workshops/{workshop.pk}/"
    return {
        "page": w,
        "agenda": w + "agenda/",
        "print": w + "agenda/print/",
        "pdf": w + "agenda.pdf",
        "ics": w + "agenda.ics",
        "session": f"{w}sessions/{group.pk}/",
        "api": f"/api/v1/workshops/{workshop.pk}",
        "api_sessions": f"/api/v1/workshops/{workshop.pk}/sessions",
        "api_restitutions": f"/api/v1/workshops/{workshop.pk}/restitutions",
    }


NEVER_PUBLIC = (
    "participants/", "registrations/", "actions/", "report/", "report.pdf",
    "evaluation/results/", "export/participants.csv", "export/actions.xlsx",
)  # fmt: skip


def test_outsider_gets_404_for_an_organisation_only_workshop_everywhere(
    client_for, outsider, filled
):
    workshop, group = filled(visibility="organisation")
    client = client_for(outsider)
    for name, url in urls(workshop, group).items():
        assert client.get(url).status_code == 404, name
    for suffix in NEVER_PUBLIC:
        assert client.get(f"/workshops/{workshop.pk}/{suffix}").status_code == 404, suffix
    assert "Atelier confidentiel" not in text(client.get("/workshops/?when=past"))
    assert client.get("/api/v1/workshops?when=past").json()["meta"]["count"] == 0


def test_member_of_an_organising_organisation_sees_it(client_for, org_admin, filled):
    workshop, group = filled(visibility="organisation")
    client = client_for(org_admin)
    for name, url in urls(workshop, group).items():
        assert client.get(url).status_code == 200, name
    assert "Atelier confidentiel" in text(client.get("/workshops/?when=past"))


def test_anonymous_visitor_sees_nothing_of_a_network_workshop(client, filled):
    workshop, group = filled(visibility="network")
    for name, url in urls(workshop, group).items():
        assert client.get(url).status_code == 404, name
    assert client.get("/api/v1/workshops?when=past").json()["meta"]["count"] == 0


def test_public_workshop_pages_are_open_but_people_lists_never_are(client, filled, bearer):
    workshop, group = filled(visibility="public")
    for name, url in urls(workshop, group).items():
        assert client.get(url).status_code == 200, name
    for suffix in NEVER_PUBLIC:
        assert client.get(f"/workshops/{workshop.pk}/{suffix}").status_code in (302, 404), suffix
    for path in ("registrations", "actions"):
        assert client.get(f"/api/v1/workshops/{workshop.pk}/{path}").status_code == 404, path
    for url in (
        f"/workshops/{workshop.pk}/",
        f"/workshops/{workshop.pk}/agenda/",
        f"/workshops/{workshop.pk}/sessions/{group.pk}/",
    ):
        page = text(client.get(url))
        assert "Colin Colleague" not in page and "Awa Author" not in page, url
    assert "Leçon partagée" in text(client.get(f"/workshops/{workshop.pk}/sessions/{group.pk}/"))
    sessions = client.get(f"/api/v1/workshops/{workshop.pk}/sessions").json()
    assert sessions[0]["members"] == [] and sessions[0]["rapporteur"] is None


def test_network_members_see_the_participants_but_not_the_exports(client_for, outsider, filled):
    workshop, _group = filled(visibility="network")
    client = client_for(outsider)
    participants = text(client.get(f"/workshops/{workshop.pk}/participants/"))
    assert "Colin Colleague" in participants
    assert client.get(f"/workshops/{workshop.pk}/report/").status_code == 200  # shared
    assert client.get(f"/workshops/{workshop.pk}/export/participants.csv").status_code == 404
    assert client.get(f"/workshops/{workshop.pk}/evaluation/results/").status_code == 404


def test_draft_workshop_is_for_facilitators_only(
    client_for, client, make_workshop, colleague, facilitator
):
    draft = make_workshop(status="draft", visibility="public", title="Brouillon d'atelier")
    assert client_for(facilitator).get(draft.get_absolute_url()).status_code == 200
    for who in (client_for(colleague), client):
        assert who.get(draft.get_absolute_url()).status_code == 404
        assert "Brouillon d'atelier" not in text(who.get("/workshops/"))


def test_a_draft_restitution_stays_with_its_writers_in_the_api(
    client_for, colleague, author, filled
):
    workshop, group = filled(visibility="network")
    services.restitution_save(session=group, by=author, fields={}, final=False)
    api = f"/api/v1/workshops/{workshop.pk}/restitutions"
    assert client_for(colleague).get(api).json() == []
    assert len(client_for(author).get(api).json()) == 1


def test_notifications_ask_the_workshop_rules(make_workshop, outsider, colleague, client):
    workshop = make_workshop(visibility="organisation")
    assert permissions.can_view(colleague, workshop)
    assert not permissions.can_view(outsider, workshop)


def test_an_action_of_an_organisation_only_workshop_is_not_given_to_an_outsider(
    make_workshop, facilitator, outsider
):
    from palabre.lib.errors import ServiceError
    from palabre.notifications.models import Notification

    workshop = make_workshop(visibility="organisation")
    with pytest.raises(ServiceError) as error:
        services.action_create(
            workshop=workshop,
            by=facilitator,
            title="Secret",
            owner_person=outsider,
            due_date=workshop.end_date,
        )
    assert error.value.field == "owner_person"
    assert not Notification.objects.filter(recipient=outsider).exists()


def test_list_query_count_does_not_grow_with_workshops(
    client_for, colleague, make_workshop, org_a, org_b, django_assert_max_num_queries
):
    for n in range(6):
        make_workshop(title=f"Atelier {n}", organisers=[org_a, org_b], capacity=20)
    client = client_for(colleague)
    with django_assert_max_num_queries(12):
        page = text(client.get("/workshops/"))
    assert page.count("workshop-card") == 6


def test_home_page_shows_upcoming_workshops_the_person_may_see(
    client_for, client, make_workshop, outsider
):
    make_workshop(visibility="public", title="Atelier ouvert à tous")
    make_workshop(visibility="organisation", title="Atelier de l'ADB")
    assert "Atelier ouvert à tous" in text(client.get("/"))
    home = text(client_for(outsider).get("/"))
    assert "Atelier ouvert à tous" in home and "Atelier de l'ADB" not in home


def test_practice_page_tells_where_it_was_presented_to_those_who_see_the_workshop(
    client_for, make_practice, author, outsider, colleague, make_workshop, add_session
):
    practice = make_practice(author, visibility="network")
    workshop = make_workshop(visibility="organisation", title="Atelier interne de l'ADB")
    add_session(workshop, kind="presentation", presented_practice=practice, presenter=author)
    assert "Atelier interne de l'ADB" in text(
        client_for(colleague).get(practice.get_absolute_url())
    )
    assert "Atelier interne de l'ADB" not in text(
        client_for(outsider).get(practice.get_absolute_url())
    )
