"""Projects: describing one, its team and links, who sees what from the outside (pages,
directory, map counts, export), similar projects elsewhere, exchanges, import.

The cast: ADB (Bafut, Cameroon: Awa the author, Colin, Vera the volunteer, Odile the org
admin) and ATE (Moundou, Chad: Oscar, Olga), Fanta the facilitator, anonymous visitors.
"""

from __future__ import annotations

import html
import io
import re
from datetime import date, timedelta

import pytest
from django.utils import timezone, translation

from conftest import make_person
from palabre.audit.models import AuditEvent
from palabre.lib.errors import ServiceError
from palabre.notifications.models import Notification
from palabre.organisations.models import Organisation
from palabre.projects import imports, selectors, services
from palabre.projects.models import (
    Exchange,
    ExchangeMessage,
    Project,
    ProjectMember,
    ProjectPractice,
)
from palabre.themes.models import Theme
from palabre.workshops.models import Workshop


def text(response) -> str:
    body = response.content.decode()
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def theme(slug):
    from conftest import ensure_thesaurus

    ensure_thesaurus()
    return Theme.objects.get(slug=slug)


def make_project(by, organisation, name, *, themes=(), **fields):
    values = {"country": organisation.country, "region": organisation.region, **fields}
    return services.project_create(
        by=by, organisation=organisation, name=name, themes=list(themes), **values
    )


@pytest.fixture
def water(author, org_a):
    """ADB's public project on water points, in Nord-Ouest (Cameroon)."""
    return make_project(
        author,
        org_a,
        "Eau potable à Bafut",
        themes=[theme("epargne-microfinance")],
        visibility="public",
        start_date=date(2025, 1, 1),
        end_date=date(2027, 12, 31),
        funders=["Fondation A"],
    )


# Describing a project ------------------------------------------------------------------


def test_member_creates_a_project_from_the_page(client_for, author, org_a):
    client = client_for(author)
    response = client.post(
        "/projects/new/",
        {
            "organisation": org_a.pk,
            "name": "Comités de gestion de l'eau",
            "start_date": "2025-01-01",
            "end_date": "2026-06-30",
            "country": "CM",
            "region": "nord ouest",
            "funders": "Fondation A\nCommune de Bafut",
            "status": "running",
            "visibility": "network",
        },
    )
    project = Project.objects.get()
    assert response.status_code == 302 and response["Location"] == project.get_absolute_url()
    assert project.region == "Nord-Ouest"  # spelt as on the map
    assert project.funders == ["Fondation A", "Commune de Bafut"]
    page = text(client.get(project.get_absolute_url()))
    assert "Comités de gestion de l'eau" in page and "Fondation A, Commune de Bafut" in page
    assert AuditEvent.objects.filter(action="project.created").count() == 1


def test_reversed_period_is_refused_with_a_clear_message_and_nothing_written(
    client_for, author, org_a
):
    response = client_for(author).post(
        "/projects/new/",
        {
            "organisation": org_a.pk,
            "name": "Projet à l'envers",
            "start_date": "2026-01-01",
            "end_date": "2025-01-01",
            "status": "running",
            "visibility": "network",
        },
    )
    assert response.status_code == 400
    assert "Le projet se termine avant de commencer" in text(response)
    assert 'value="Projet à l&#x27;envers"' in response.content.decode()  # data kept
    assert not Project.objects.exists()


def test_region_not_in_the_country_is_refused(author, org_a):
    with pytest.raises(ServiceError) as refused:
        make_project(author, org_a, "Ailleurs", country="CM", region="Logone Occidental")
    assert "Logone Occidental" in str(refused.value.message)
    assert "Extrême-Nord" in str(refused.value.message)  # the regions it could be
    assert not Project.objects.exists()


def test_cannot_describe_another_organisations_project(author, org_b):
    with pytest.raises(ServiceError) as refused:
        make_project(author, org_b, "Pas chez nous")
    assert refused.value.status == 403
    assert not Project.objects.exists()


# Team ----------------------------------------------------------------------------------


def test_team_member_outside_the_organisation_needs_an_invitation(
    client_for, author, outsider, water
):
    client = client_for(author)
    response = client.post(
        f"/projects/{water.pk}/team/", {"email": outsider.email, "role": "Conseiller"}
    )
    assert response.status_code == 400
    assert "n’est pas membre de Association pour le Développement de Bafut" in html.unescape(
        text(response)
    ) or "pas membre" in text(response)
    assert not ProjectMember.objects.exists()
    # With an invitation, they are on the team once they accept.
    response = client.post(
        f"/projects/{water.pk}/team/",
        {"email": outsider.email, "role": "Conseiller", "invite": "on"},
    )
    assert response.status_code == 302
    member = ProjectMember.objects.get()
    assert member.is_pending
    invited = Notification.objects.get(recipient=outsider, kind="projects.team_invited")
    assert "Eau potable à Bafut" in invited.title
    assert "Oscar Outsider" not in text(client_for(None).get(water.get_absolute_url()))
    client_for(outsider).post(f"/projects/{water.pk}/team/accept/")
    member.refresh_from_db()
    assert not member.is_pending
    assert "Oscar Outsider" in text(client_for(author).get(water.get_absolute_url()))


def test_colleague_is_added_at_once_and_shown_to_members_only(
    client_for, author, colleague, outsider, water
):
    services.team_add(project=water, by=author, person=colleague, role="Chargée de suivi")
    assert "Colin Colleague" in text(client_for(outsider).get(water.get_absolute_url()))
    anonymous = text(client_for(None).get(water.get_absolute_url()))
    assert "Eau potable à Bafut" in anonymous and "Colin Colleague" not in anonymous


# Links ---------------------------------------------------------------------------------


def test_link_to_a_practice_one_may_not_see_is_not_found(
    client_for, author, outsider, outsider_admin, org_b, make_practice, water
):
    hidden = make_practice(outsider_admin, organisation=org_b, visibility="organisation")
    response = client_for(author).post(
        f"/projects/{water.pk}/links/", {"kind": "practice", "target": hidden.pk}
    )
    assert response.status_code == 404
    assert not ProjectPractice.objects.exists()


def test_project_page_shows_each_linked_item_to_those_who_may_see_it(
    client_for, author, outsider, make_practice, water
):
    public = make_practice(author, title="Le warrantage public", visibility="public")
    internal = make_practice(author, title="La tontine interne", visibility="organisation")
    client = client_for(author)
    for practice in (public, internal):
        response = client.post(
            f"/projects/{water.pk}/links/", {"kind": "practice", "target": practice.pk}
        )
        assert response.status_code == 302
    mine = text(client.get(water.get_absolute_url()))
    assert "Le warrantage public" in mine and "La tontine interne" in mine
    theirs = text(client_for(outsider).get(water.get_absolute_url()))
    assert "Le warrantage public" in theirs and "La tontine interne" not in theirs
    # The practice page says which projects it belongs to.
    assert "Eau potable à Bafut" in text(client_for(None).get(public.get_absolute_url()))
    assert "Eau potable à Bafut" in text(client_for(author).get(internal.get_absolute_url()))


# Seeing from the outside ----------------------------------------------------------------


@pytest.fixture
def three(author, org_a, water):
    network = make_project(author, org_a, "Santé communautaire", visibility="network")
    internal = make_project(author, org_a, "Budget interne", visibility="organisation")
    return water, network, internal


def test_pages_from_the_outside(client_for, outsider, three):
    water, network, internal = three
    anonymous, other = client_for(None), client_for(outsider)
    assert anonymous.get(water.get_absolute_url()).status_code == 200
    assert anonymous.get(network.get_absolute_url()).status_code == 404
    assert anonymous.get(internal.get_absolute_url()).status_code == 404
    assert other.get(network.get_absolute_url()).status_code == 200
    assert other.get(internal.get_absolute_url()).status_code == 404
    assert other.get(f"/projects/{internal.pk}/edit/").status_code == 404
    assert other.get(f"/projects/{water.pk}/team/").status_code == 404


def test_directory_from_the_outside(client_for, author, outsider, facilitator, three):
    def names(client, query=""):
        page = text(client.get("/projects/" + query))
        return [p.name for p in three if p.name in page]

    assert names(client_for(None)) == ["Eau potable à Bafut"]
    assert names(client_for(outsider)) == ["Eau potable à Bafut", "Santé communautaire"]
    assert names(client_for(author)) == [p.name for p in three]
    assert names(client_for(facilitator)) == [p.name for p in three]
    assert names(client_for(author), "?status=closed") == []
    assert names(client_for(author), "?theme=epargne-microfinance") == ["Eau potable à Bafut"]
    assert names(client_for(author), "?year=2024") == ["Santé communautaire", "Budget interne"]
    assert names(client_for(author), "?kind=ngo&country=CM") == []


def test_map_counts_only_what_the_viewer_may_see(client_for, outsider, author, three):
    def cameroon(client):
        page = client.get("/projects/map/CM/")
        assert page.status_code == 200
        row = re.search(r"Nord-Ouest</a></th><td>(\d+)</td>", page.content.decode())
        return int(row.group(1))

    assert cameroon(client_for(None)) == 1
    assert cameroon(client_for(outsider)) == 2
    assert cameroon(client_for(author)) == 3
    figures = {p.key: p for p in selectors.map_figures(None)}
    assert figures["CM"].projects == 1 and figures["TD"].projects == 0


def test_map_is_small_svg_with_a_link_and_a_title_per_region(client_for, three):
    response = client_for(None).get("/projects/map/CM/")
    body = response.content.decode()
    start = body.index('<svg xmlns="http://www.w3.org/2000/svg" viewBox="-2')
    svg = body[start : body.index("</svg>", start)]
    assert len(svg) < 40_000
    assert svg.count("<a href=") == 10  # Cameroon's ten regions
    assert "<title>Nord-Ouest : 1 projet, 0 pratique, 0 adoption</title>" in html.unescape(svg)
    assert '<table class="project-figures">' in body
    assert len(client_for(None).get("/projects/map/").content) < 120_000
    assert client_for(None).get("/projects/map/ZZ/").status_code == 404


def test_export_holds_only_what_the_viewer_may_see(client_for, outsider, three):
    body = client_for(outsider).get("/projects/export/").content.decode()
    assert "Santé communautaire" in body and "Budget interne" not in body
    body = client_for(None).get("/projects/export/").content.decode()
    assert "Eau potable à Bafut" in body and "Santé communautaire" not in body


# Similar projects ------------------------------------------------------------------------


def test_similar_projects_are_ranked_with_their_reasons(
    client_for, author, outsider, outsider_admin, org_b, water
):
    org_c = Organisation.objects.create(
        name="Femmes Actives du Littoral", slug="fal", kind="local_association", country="CM"
    )
    fal = make_person("fal@fal.example", "Fatou Fal", organisation=org_c)
    saving = theme("epargne-microfinance")
    # Same theme and same region (score 2 + 2 + 0.5 for the same time).
    best = make_project(
        fal,
        org_c,
        "Épargne à Bafut",
        themes=[saving],
        country="CM",
        region="Nord-Ouest",
        start_date=date(2026, 1, 1),
    )
    # Same theme, another country (2).
    second = make_project(outsider, org_b, "Épargne à Moundou", themes=[saving])
    # Same country only (1).
    third = make_project(fal, org_c, "Marché de Douala", country="CM", region="Littoral")
    # Nothing in common: not shown; and the same organisation's projects never are.
    make_project(outsider, org_b, "Forage à Moundou")
    make_project(author, org_a := water.organisation, "Autre projet ADB", themes=[saving])
    services.team_add(project=second, by=outsider, person=outsider_admin, role="Coordinatrice")
    with translation.override("en"):
        ranked = selectors.similar(author, water)
        saving_en = str(saving)
    assert [s.project for s in ranked] == [best, second, third]
    assert [s.score for s in ranked] == [4.5, 2.0, 1.0]
    assert ranked[0].reasons == [
        f"Same theme: {saving_en}",
        "Also in Nord-Ouest (Cameroon)",
        "At the same time",
    ]
    assert ranked[1].reasons == [f"Same theme: {saving_en}"]
    assert ranked[2].reasons == ["Also in Cameroon"]
    assert ranked[1].people[0].person == outsider_admin
    page = text(client_for(author).get(water.get_absolute_url()))
    assert (
        page.index("Épargne à Bafut")
        < page.index("Épargne à Moundou")
        < page.index("Marché de Douala")
    )
    assert "Olga Otheradmin (Coordinatrice)" in page
    assert "Même région : Nord-Ouest (Cameroun)" in page
    # Anonymous visitors see the public ones only, and no people.
    assert selectors.similar(None, water) == []
    assert org_a == water.organisation


# Exchanges -------------------------------------------------------------------------------


def test_exchange_is_seen_by_both_teams_only_and_scheduled_as_a_workshop(
    client_for, author, colleague, outsider, outsider_admin, facilitator, org_b, water
):
    theirs = make_project(outsider, org_b, "Eau à Moundou", visibility="network")
    services.team_add(project=theirs, by=outsider, person=outsider, role="Chef de projet")
    services.team_add(project=water, by=author, person=colleague, role="Animateur")
    client = client_for(outsider)
    response = client.post(
        f"/projects/{water.pk}/exchange/",
        {
            "from_project": theirs.pk,
            "kind": "call",
            "subject": "Comités de gestion",
            "body": "Comment organisez-vous vos comités ?",
        },
    )
    exchange = Exchange.objects.get()
    assert response.status_code == 302 and response["Location"] == exchange.get_absolute_url()
    proposed = Notification.objects.get(kind="projects.exchange_proposed")
    assert proposed.recipient == colleague and "Comités de gestion" in proposed.title
    proposed.delete()
    url = exchange.get_absolute_url()
    assert client_for(colleague).get(url).status_code == 200  # the other team
    assert client_for(facilitator).get(url).status_code == 200
    assert client_for(author).get(url).status_code == 404  # not on either team
    assert client_for(outsider_admin).get(url).status_code == 404
    assert client_for(None).get(url).status_code == 302  # to the login page
    # The receiving team was told; then each message tells the others, not its author.
    assert Notification.objects.filter(kind="projects.exchange_proposed").count() == 0
    response = client_for(colleague).post(url, {"body": "Avec plaisir !"})
    assert response.status_code == 302
    assert ExchangeMessage.objects.count() == 2
    told = Notification.objects.filter(kind="projects.exchange_message")
    assert {n.recipient for n in told} == {outsider}
    assert "Avec plaisir" in told.get().body
    day = timezone.localdate() + timedelta(days=10)
    response = client_for(colleague).post(
        url + "schedule/", {"day": day.isoformat(), "online_url": "https://meet.example/x"}
    )
    assert response.status_code == 302
    exchange.refresh_from_db()
    workshop = exchange.workshop
    assert exchange.status == "scheduled" and workshop.start_date == day
    assert set(workshop.organisers.all()) == {water.organisation, org_b}
    assert workshop.visibility == "organisation"
    assert client_for(None).get(workshop.get_absolute_url()).status_code == 404


def test_exchange_cannot_be_scheduled_in_the_past(client_for, outsider, org_b, water):
    theirs = make_project(outsider, org_b, "Eau à Moundou")
    exchange = services.exchange_propose(
        from_project=theirs,
        to_project=water,
        by=outsider,
        kind="visit",
        subject="Visite",
        body="Venez !",
    )
    response = client_for(outsider).post(
        exchange.get_absolute_url() + "schedule/", {"day": "2020-01-01", "venue": "Bafut"}
    )
    assert response.status_code == 400
    assert not Workshop.objects.exists()


# Import ----------------------------------------------------------------------------------


def upload(content: str, name="projects.csv"):
    buffer = io.BytesIO(content.encode())
    buffer.name = name
    buffer.size = len(content)
    return buffer


def test_import_is_checked_whole_and_writes_nothing_if_a_line_is_bad(author, org_a):
    content = (
        "name,organisation,start_date,end_date,country,region,themes\n"
        "Bon projet,adb,2025-01-01,2025-12-31,CM,Nord-Ouest,epargne-microfinance\n"
        "Mauvaises dates,adb,2025-01-01,2024-12-31,CM,,\n"
        "Mauvaise région,adb,,,CM,Moyen-Chari,\n"
        "Pas chez nous,ate,,,TD,,\n"
    )
    theme("epargne-microfinance")
    with pytest.raises(imports.ImportRejected) as rejected:
        imports.import_file(author, upload(content))
    assert [line for line, _r in rejected.value.errors] == [3, 4, 5]
    assert not Project.objects.exists()


def test_export_imports_back_unchanged(client_for, author, water):
    body = client_for(author).get("/projects/export/").content.decode()
    counts = imports.import_file(author, upload(body))
    assert counts == {"created": 0, "updated": 1}
    water.refresh_from_db()
    assert water.funders == ["Fondation A"] and water.region == "Nord-Ouest"


# Query counts ----------------------------------------------------------------------------


def test_pages_query_counts_do_not_grow_with_the_data(
    client_for, author, outsider, org_b, make_practice, django_assert_max_num_queries, water
):
    for i in range(6):
        other = make_project(
            outsider, org_b, f"Projet tchadien {i}", themes=list(water.themes.all())
        )
        services.team_add(project=other, by=outsider, person=outsider, role="Chef")
        practice = make_practice(author, title=f"Pratique {i}")
        services.link_add(project=water, by=author, kind="practice", pk=practice.pk)
    client = client_for(author)
    client.get("/projects/")  # warm the session
    # Session, account, organisations, teams; then the page's own reads, whatever the data.
    with django_assert_max_num_queries(10):
        assert client.get("/projects/").status_code == 200
    with django_assert_max_num_queries(17):
        assert client.get(water.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get("/projects/map/CM/").status_code == 200
    anonymous = client_for(None)
    with django_assert_max_num_queries(5):
        assert anonymous.get("/projects/").status_code == 200
    with django_assert_max_num_queries(6):
        assert anonymous.get(water.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(2):
        assert anonymous.get("/projects/map/").status_code == 200


def test_directory_answers_its_results_alone_to_a_live_filter(client_for, outsider, three):
    response = client_for(outsider).get("/projects/?q=sant", HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "HX-Request" in response["Vary"]
    assert "<html" not in body and 'id="results"' in body
    assert "Santé communautaire" in body and "Eau potable" not in body


def test_bad_filters_are_ignored_not_errors(client_for, three):
    client = client_for(None)
    for query in ("?year=abc", "?year=99999", "?country=ZZZ", "?page=x", "?region=%00"):
        assert client.get("/projects/" + query).status_code == 200


def test_a_region_of_the_map_opens_the_directory_filtered_on_it(client_for, three):
    map_page = client_for(None).get("/projects/map/CM/").content.decode()
    link = html.unescape(re.search(r'<a href="([^"]*region=Adamaoua)"', map_page).group(1))
    body = client_for(None).get(link).content.decode()
    assert "<option selected>Adamaoua</option>" in body
    assert '<option value="CM" selected>' in body
    assert "Aucun projet ne correspond à ces filtres." in html.unescape(body)
