"""The directory of organisations and their pages."""

import pytest

from palabre.organisations.models import Organisation


@pytest.fixture
def network(org_a, org_b):
    Organisation.objects.create(
        name="Commune de Nkolmeyang",
        slug="nkol",
        kind="local_authority",
        country="CM",
        region="Sud",
    )
    return [org_a, org_b]


def names(response):
    return [o.name for o in response.context["page"]]


def test_directory_lists_and_filters_by_kind_country_region(client_for, author, network):
    client = client_for(author)
    assert len(names(client.get("/organisations/"))) == 3
    assert names(client.get("/organisations/?kind=ngo")) == ["Association Tchadienne pour l'Eau"]
    assert names(client.get("/organisations/?country=CM")) == [
        "Association pour le Développement de Bafut",
        "Commune de Nkolmeyang",
    ]
    assert names(client.get("/organisations/?region=sud")) == ["Commune de Nkolmeyang"]


def test_directory_answers_htmx_with_the_results_fragment_only(client_for, author, network):
    response = client_for(author).get("/organisations/?kind=ngo", HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert 'id="results"' in body and "<html" not in body
    assert "Association Tchadienne" in body


def test_directory_query_count_does_not_grow_with_organisations(
    client_for, author, network, django_assert_max_num_queries
):
    client = client_for(author)
    client.get("/organisations/")
    for i in range(20):
        Organisation.objects.create(name=f"Org {i}", slug=f"org-{i}", kind="ngo")
    with django_assert_max_num_queries(8):
        client.get("/organisations/")


def test_unknown_filter_value_is_ignored_not_a_500(client_for, author, network):
    response = client_for(author).get("/organisations/?kind=spaceship&country=ZZ")
    assert response.status_code == 200


def test_anonymous_visitor_cannot_browse_the_directory(client, network):
    assert client.get("/organisations/").status_code == 302
    assert client.get("/organisations/adb/").status_code == 302


def test_organisation_page_shows_members(client_for, author, org_a, outsider):
    response = client_for(outsider).get("/organisations/adb/")
    assert response.status_code == 200
    assert "Awa Author" in response.content.decode()
    assert "Gérer les membres" not in response.content.decode()


def test_network_admin_creates_an_organisation(client_for, network_admin):
    response = client_for(network_admin).post(
        "/organisations/new/",
        {
            "name": "Jeunesse Solidaire de Brazzaville",
            "acronym": "JSB",
            "kind": "local_association",
            "country": "CG",
            "region": "Brazzaville",
            "city": "Brazzaville",
        },
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(acronym="JSB")
    assert organisation.slug == "jsb"
    assert organisation.audit_events.filter(action="organisation.created").exists()


def test_org_admin_cannot_create_organisations(client_for, org_admin):
    assert client_for(org_admin).get("/organisations/new/").status_code == 404


def test_invalid_organisation_form_is_400(client_for, network_admin):
    response = client_for(network_admin).post("/organisations/new/", {"name": "", "kind": "x"})
    assert response.status_code == 400
