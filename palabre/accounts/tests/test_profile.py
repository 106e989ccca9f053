"""Profiles: members see each other; anonymous visitors do not; people edit their own."""

from palabre.audit.models import AuditEvent


def test_member_sees_another_members_profile(client_for, author, outsider):
    response = client_for(outsider).get(f"/people/{author.pk}/")
    assert response.status_code == 200
    assert "Awa Author" in response.content.decode()


def test_anonymous_visitor_is_sent_to_login(client, author):
    response = client.get(f"/people/{author.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_edit_own_profile_and_language(client_for, author):
    client = client_for(author)
    response = client.post(
        "/profile/",
        {
            "display_name": "Awa B.",
            "job_title": "Chargée de suivi",
            "language": "en",
            "languages_spoken": "français, fulfulde",
            "skills_offered": "suivi-évaluation, épargne",
            "skills_wanted": "plaidoyer",
            "bio": "",
        },
    )
    assert response.status_code == 302
    page = client.get(f"/people/{author.pk}/").content.decode()
    assert "Awa B." in page and "suivi-évaluation" in page
    assert "Edit my profile" in page  # now in English


def test_profile_without_name_is_400(client_for, author):
    response = client_for(author).post("/profile/", {"display_name": "", "language": "fr"})
    assert response.status_code == 400
    assert "Ce champ est obligatoire" in response.content.decode()


def test_network_admin_names_a_facilitator_and_it_is_audited(client_for, network_admin, author):
    response = client_for(network_admin).post(
        f"/people/{author.pk}/network-role/", {"network_role": "facilitator"}
    )
    assert response.status_code == 302
    author.refresh_from_db()
    assert author.is_facilitator
    event = AuditEvent.objects.get(action="user.network_role_changed")
    assert event.actor == network_admin and event.data["to"] == "facilitator"


def test_only_network_admins_name_facilitators(client_for, org_admin, author):
    response = client_for(org_admin).post(
        f"/people/{author.pk}/network-role/", {"network_role": "facilitator"}
    )
    assert response.status_code == 404
    author.refresh_from_db()
    assert not author.is_facilitator


def test_unknown_network_role_is_400(client_for, network_admin, author):
    response = client_for(network_admin).post(
        f"/people/{author.pk}/network-role/", {"network_role": "king"}
    )
    assert response.status_code == 400


def test_django_admin_is_for_network_admins_only(client_for, network_admin, org_admin):
    assert client_for(network_admin).get("/admin/").status_code == 200
    assert client_for(org_admin).get("/admin/").status_code == 302
