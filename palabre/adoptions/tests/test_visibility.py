"""Who sees what, tried from the outside on every output: pages, panels, dashboards, API, exports.

An adoption of org_b carries a network report and an organisation-only report; org_b
also has an indicator. A member of a third organisation, a colleague of the author
who did not write the practice, the author, a facilitator and an anonymous visitor
each look at everything.
"""

import csv
import io

import pytest

from conftest import make_person
from palabre.adoptions.models import Measurement

from .helpers import text

NETWORK_TEXT = "Le prix de vente a augmenté de trente pour cent"
PRIVATE_TEXT = "Notre trésorier a détourné une partie du stock"


@pytest.fixture
def third(org_c):
    return make_person("member@jsb.example", "Judith Third", organisation=org_c)


@pytest.fixture
def setup(practice, org_b, outsider, adopt, report, indicator, today):
    adoption = adopt(practice, org_b, by=outsider, team="Équipe de Moundou")
    report(adoption, 4, by=outsider, results=NETWORK_TEXT, difficulties="")
    report(
        adoption,
        2,
        by=outsider,
        results="",
        difficulties=PRIVATE_TEXT,
        visibility="organisation",
    )
    Measurement.objects.create(indicator=indicator, measured_on=today, value=55)
    indicator.adoptions.add(adoption)
    return adoption


def pages(setup, indicator):
    practice = setup.practice
    return {
        "practice": f"/practices/{practice.pk}/",
        "adoption": f"/adoptions/{setup.pk}/",
        "outcomes": f"/adoptions/practice/{practice.pk}/",
        "api_feedback": f"/api/v1/feedback?practice={practice.pk}",
        "export": f"/adoptions/export/feedback.csv?practice={practice.pk}",
        "export_xlsx": f"/adoptions/export/feedback.xlsx?practice={practice.pk}",
    }


def test_member_of_another_organisation_sees_network_feedback_only(
    client_for, third, setup, indicator
):
    client = client_for(third)
    for name, url in pages(setup, indicator).items():
        response = client.get(url)
        assert response.status_code == 200, name
        if name != "export_xlsx":
            assert PRIVATE_TEXT not in text(response), name
        if name in ("practice", "adoption", "outcomes", "api_feedback", "export"):
            assert NETWORK_TEXT in text(response), name
    assert "1 autre retour est réservé" in text(client.get(f"/adoptions/{setup.pk}/"))
    private = setup.reports.get(visibility="organisation")
    assert client.get(f"/api/v1/feedback/{private.pk}").status_code == 404


def test_colleague_of_the_author_does_not_read_organisation_only_feedback(
    client_for, colleague, setup, indicator
):
    client = client_for(colleague)
    for name in ("practice", "adoption", "outcomes", "export"):
        page = text(client.get(pages(setup, indicator)[name]))
        assert NETWORK_TEXT in page and PRIVATE_TEXT not in page, name


def test_authors_and_facilitators_read_organisation_only_feedback(
    client_for, author, facilitator, setup, indicator
):
    for person in (author, facilitator):
        client = client_for(person)
        for name in ("practice", "adoption", "outcomes", "api_feedback", "export"):
            assert PRIVATE_TEXT in text(client.get(pages(setup, indicator)[name])), (person, name)


def test_anonymous_visitors_see_only_figures_on_public_practices(
    client, make_practice, author, org_b, outsider, adopt, report
):
    public = make_practice(author, visibility="public", title="Les relais communautaires")
    adoption = adopt(public, org_b, by=outsider, team="Équipe de Moundou", status="completed")
    report(adoption, 4, by=outsider, results=NETWORK_TEXT)
    practice_page = text(client.get(public.get_absolute_url()))
    assert "Est-ce que ça marche ailleurs ?" in practice_page
    assert "1 adoption" in practice_page and "4/5" in practice_page
    outcomes = client.get(f"/adoptions/practice/{public.pk}/")
    assert outcomes.status_code == 200
    for page in (practice_page, text(outcomes)):
        assert NETWORK_TEXT not in page
        assert "ATE" not in page and "Équipe de Moundou" not in page
        assert "Logone" not in page  # no region either: only the country
    assert "Tchad" in text(outcomes)
    assert client.get(f"/adoptions/{adoption.pk}/").status_code == 404
    assert client.get("/api/v1/adoptions").json()["meta"]["count"] == 0
    assert client.get("/api/v1/feedback").json()["meta"]["count"] == 0
    api = client.get(f"/api/v1/adoptions/practices/{public.pk}/outcomes")
    assert api.status_code == 200 and api.json()["adoptions"] == 1
    assert "ATE" not in api.content.decode()
    for what in ("adoptions", "feedback", "measurements"):
        assert client.get(f"/adoptions/export/{what}.csv").status_code == 302  # log in first


def test_anonymous_visitors_get_nothing_on_network_practices(client, setup):
    practice = setup.practice
    assert client.get(f"/adoptions/practice/{practice.pk}/").status_code == 404
    assert client.get(f"/api/v1/adoptions/practices/{practice.pk}/outcomes").status_code == 404


def test_indicators_are_the_owning_organisations_and_the_facilitators(
    client_for, third, author, outsider, facilitator, setup, indicator
):
    urls = [f"/adoptions/indicators/{indicator.pk}/", f"/api/v1/indicators/{indicator.pk}"]
    for person in (third, author):
        client = client_for(person)
        for url in urls:
            assert client.get(url).status_code == 404, (person, url)
        assert client.get("/api/v1/indicators").json() == []
        assert client.get("/api/v1/measurements").json()["meta"]["count"] == 0
        export = text(client.get("/adoptions/export/measurements.csv"))
        assert indicator.name not in export
        assert indicator.name not in text(client.get(f"/adoptions/{setup.pk}/"))
        assert client.get("/adoptions/organisation/ate/").status_code == 404
    for person in (outsider, facilitator):
        client = client_for(person)
        for url in urls:
            assert client.get(url).status_code == 200, (person, url)
        rows = list(csv.reader(io.StringIO(text(client.get("/adoptions/export/measurements.csv")))))
        assert rows[1][1] == indicator.name and rows[1][4] == "55"


def test_adoptions_of_an_organisation_only_practice_stay_inside(
    client_for, make_practice, author, third, outsider, org_b, adopt
):
    private = make_practice(author, visibility="organisation", title="Notre fonds rotatif")
    private.partners.add(org_b)
    adoption = adopt(private, org_b, by=outsider)
    assert client_for(outsider).get(f"/adoptions/{adoption.pk}/").status_code == 200
    client = client_for(third)
    assert client.get(f"/adoptions/{adoption.pk}/").status_code == 404
    assert client.get(f"/api/v1/adoptions/{adoption.pk}").status_code == 404
    assert "Notre fonds rotatif" not in text(client.get("/adoptions/"))
    assert "Notre fonds rotatif" not in text(client.get("/adoptions/export/adoptions.csv"))
    assert "Notre fonds rotatif" not in text(client.get("/organisations/ate/"))


def test_dashboards_are_for_the_organisation_and_the_facilitators(
    client_for, third, outsider, facilitator, setup
):
    assert client_for(third).get("/adoptions/organisation/ate/").status_code == 404
    assert client_for(third).get("/adoptions/network/").status_code == 404
    assert client_for(outsider).get("/adoptions/network/").status_code == 404
    assert client_for(outsider).get("/adoptions/organisation/ate/").status_code == 200
    assert client_for(facilitator).get("/adoptions/organisation/ate/").status_code == 200
    assert client_for(facilitator).get("/adoptions/network/").status_code == 200


def test_notifications_about_organisation_only_feedback_reach_only_those_who_may_read_it(
    practice, author, outsider, org_b, adopt
):
    from palabre.adoptions.services import feedback_create
    from palabre.notifications.models import Notification
    from palabre.permissions import can_view

    adoption = adopt(practice, org_b, by=outsider)
    report = feedback_create(
        adoption=adoption,
        by=outsider,
        effectiveness=2,
        would_recommend=False,
        difficulties=PRIVATE_TEXT,
        visibility="organisation",
    )
    assert Notification.objects.filter(recipient=author, kind="adoption.feedback").exists()
    stranger = make_person("x@example.org", "Xavier")
    assert can_view(stranger, adoption) and not can_view(stranger, report)


def test_an_archived_practice_keeps_its_outcomes_for_those_who_may_open_it(
    client_for, practice, author, third, org_b, outsider, adopt
):
    adopt(practice, org_b, by=outsider, status="completed")
    practice.status = "archived"
    practice.save()
    assert client_for(author).get(f"/adoptions/practice/{practice.pk}/").status_code == 200
    assert client_for(third).get(f"/adoptions/practice/{practice.pk}/").status_code == 404
    page = text(client_for(author).get(practice.get_absolute_url()))
    assert "Est-ce que ça marche ailleurs ?" in page
    assert "Nous la mettons en pratique" not in page  # no new adoption of an archived practice


def test_one_cannot_define_an_indicator_for_another_organisation(client_for, author, org_b):
    assert client_for(author).get("/adoptions/indicators/new/?organisation=ate").status_code == 404
