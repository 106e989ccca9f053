"""Who sees what, tried from the outside: pages, files, PDF, API and lists all agree."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from palabre.organisations.models import Membership
from palabre.practices.demo import demo_pdf
from palabre.practices.services import attachment_add


@pytest.fixture
def private(make_practice, author):
    """An organisation-only practice with a file."""
    practice = make_practice(author, visibility="organisation", title="Notre fonds rotatif")
    attachment_add(
        practice=practice,
        by=author,
        upload=SimpleUploadedFile("bilan.pdf", demo_pdf("Bilan"), content_type="application/pdf"),
    )
    return practice


def outputs(practice):
    attachment = practice.attachments.first()
    return [
        f"/practices/{practice.pk}/",
        f"/practices/{practice.pk}/pdf/",
        f"/practices/{practice.pk}/history/",
        f"/practices/{practice.pk}/files/{attachment.pk}/",
        f"/api/v1/practices/{practice.pk}",
    ]


def test_outsider_gets_404_for_an_organisation_only_practice_everywhere(
    client_for, outsider, private
):
    client = client_for(outsider)
    for url in outputs(private):
        assert client.get(url).status_code == 404, url
    assert "Notre fonds rotatif" not in client.get("/practices/").content.decode()


def test_anonymous_visitor_gets_404_everywhere(client, private):
    for url in outputs(private):
        assert client.get(url).status_code == 404, url
    assert "Notre fonds rotatif" not in client.get("/practices/").content.decode()
    assert client.get("/api/v1/practices").json()["meta"]["count"] == 0


def test_outsider_api_token_does_not_open_it_either(client, outsider, private):
    from palabre.accounts.services import api_token_create

    _token, secret = api_token_create(user=outsider, name="test")
    response = client.get(f"/api/v1/practices/{private.pk}", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 404
    listing = client.get("/api/v1/practices", HTTP_AUTHORIZATION=f"Bearer {secret}").json()
    assert listing["meta"]["count"] == 0


def test_colleague_of_the_lead_organisation_sees_it_everywhere(client_for, colleague, private):
    client = client_for(colleague)
    for url in outputs(private):
        assert client.get(url).status_code == 200, url
    assert "Notre fonds rotatif" in client.get("/practices/").content.decode()


def test_member_of_a_partner_organisation_sees_it(client_for, outsider, org_b, private):
    private.partners.add(org_b)
    assert client_for(outsider).get(f"/practices/{private.pk}/").status_code == 200


def test_network_practice_is_for_members_only(client_for, client, outsider, make_practice, author):
    practice = make_practice(author, visibility="network")
    assert client_for(outsider).get(practice.get_absolute_url()).status_code == 200
    assert client.get(practice.get_absolute_url()).status_code == 404
    assert client.get(f"/api/v1/practices/{practice.pk}").status_code == 404


def test_public_practice_is_open_to_everyone(client, make_practice, author):
    practice = make_practice(author, visibility="public", title="Les relais communautaires")
    assert client.get(practice.get_absolute_url()).status_code == 200
    assert client.get(f"/practices/{practice.pk}/pdf/").status_code == 200
    assert (
        client.get(f"/api/v1/practices/{practice.pk}").json()["title"]
        == "Les relais communautaires"
    )
    assert "Les relais communautaires" in client.get("/practices/").content.decode()


def test_draft_is_seen_by_its_editors_only(
    client_for, client, make_practice, author, colleague, org_admin, facilitator, outsider
):
    draft = make_practice(author, status="draft", visibility="public")
    for user in (author, org_admin, facilitator):
        assert client_for(user).get(draft.get_absolute_url()).status_code == 200
    for user in (colleague, outsider):
        assert client_for(user).get(draft.get_absolute_url()).status_code == 404
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_submitted_practice_is_seen_by_facilitators(
    client_for, make_practice, author, facilitator, colleague
):
    submitted = make_practice(author, status="submitted")
    assert client_for(facilitator).get(submitted.get_absolute_url()).status_code == 200
    assert client_for(colleague).get(submitted.get_absolute_url()).status_code == 404


def test_leaving_the_organisation_closes_access(client_for, colleague, private):
    Membership.objects.filter(user=colleague).delete()
    assert client_for(colleague).get(private.get_absolute_url()).status_code == 404


def test_list_query_count_does_not_grow_with_practices(
    client_for, colleague, make_practice, author, django_assert_max_num_queries
):
    client = client_for(colleague)
    for i in range(3):
        make_practice(author, title=f"Pratique {i}")
    client.get("/practices/")
    with django_assert_max_num_queries(14) as first:
        client.get("/practices/")
    for i in range(15):
        make_practice(author, title=f"Autre pratique {i}")
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get("/practices/")


def test_practice_page_query_count_does_not_grow_with_its_content(
    client_for,
    colleague,
    make_practice,
    author,
    org_b,
    django_assert_num_queries,
    django_assert_max_num_queries,
):
    from palabre.practices.models import Step

    practice = make_practice(author)
    client = client_for(colleague)
    client.get(practice.get_absolute_url())
    # The member's session, account and organisations (2), the practice with its partners
    # and authors, its themes, tags, steps and files, the header's unread count, and a
    # query for each other app's panel (thanks, questions and whether they follow it,
    # adoptions, workshops, trainings, the learning wish): test_detail_speed.py.
    with django_assert_num_queries(21) as before:
        client.get(practice.get_absolute_url())
    Step.objects.bulk_create(
        Step(practice=practice, position=i, title=f"Étape {i}") for i in range(8)
    )
    practice.partners.add(org_b)
    with django_assert_num_queries(len(before.captured_queries)):
        client.get(practice.get_absolute_url())
