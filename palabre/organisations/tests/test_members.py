"""Org admins manage their members' roles; every change is an audit event."""

from palabre.audit.models import AuditEvent
from palabre.organisations.models import Membership


def test_org_admin_changes_a_role_and_it_is_recorded(client_for, org_admin, author):
    membership = Membership.objects.get(user=author)
    response = client_for(org_admin).post(
        f"/organisations/adb/members/{membership.pk}/role/", {"role": "org_admin"}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == "org_admin"
    event = AuditEvent.objects.get(action="membership.role_changed")
    assert event.actor == org_admin
    assert event.data == {"user": author.email, "from": "member", "to": "org_admin"}


def test_org_admin_removes_a_member_and_it_is_recorded(client_for, org_admin, author):
    membership = Membership.objects.get(user=author)
    response = client_for(org_admin).post(f"/organisations/adb/members/{membership.pk}/remove/")
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert AuditEvent.objects.filter(action="membership.removed", actor=org_admin).exists()


def test_history_page_shows_changes_to_org_admins(client_for, org_admin, author):
    membership = Membership.objects.get(user=author)
    client = client_for(org_admin)
    client.post(f"/organisations/adb/members/{membership.pk}/role/", {"role": "volunteer"})
    page = client.get("/organisations/adb/history/").content.decode()
    assert "membership.role_changed" in page and "author@adb.example" in page


def test_last_admin_cannot_be_removed_or_demoted(client_for, org_admin):
    membership = Membership.objects.get(user=org_admin)
    client = client_for(org_admin)
    response = client.post(f"/organisations/adb/members/{membership.pk}/role/", {"role": "member"})
    assert response.status_code == 409
    assert "au moins un administrateur" in response.content.decode()
    assert client.post(f"/organisations/adb/members/{membership.pk}/remove/").status_code == 409
    membership.refresh_from_db()
    assert membership.role == "org_admin"


def test_unknown_role_is_400(client_for, org_admin, author):
    membership = Membership.objects.get(user=author)
    response = client_for(org_admin).post(
        f"/organisations/adb/members/{membership.pk}/role/", {"role": "emperor"}
    )
    assert response.status_code == 400


def test_plain_member_cannot_manage_members(client_for, author, colleague):
    membership = Membership.objects.get(user=colleague)
    client = client_for(author)
    assert client.get("/organisations/adb/members/").status_code == 404
    assert client.post(f"/organisations/adb/members/{membership.pk}/remove/").status_code == 404
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_another_organisations_admin_cannot_touch_our_members(client_for, outsider_admin, author):
    membership = Membership.objects.get(user=author)
    client = client_for(outsider_admin)
    assert client.get("/organisations/adb/members/").status_code == 404
    assert (
        client.post(
            f"/organisations/adb/members/{membership.pk}/role/", {"role": "volunteer"}
        ).status_code
        == 404
    )
    # Nor through their own organisation's address.
    assert (
        client.post(
            f"/organisations/ate/members/{membership.pk}/role/", {"role": "volunteer"}
        ).status_code
        == 404
    )
    membership.refresh_from_db()
    assert membership.role == "member"


def test_a_person_can_belong_to_several_organisations(client_for, author, org_b):
    Membership.objects.create(user=author, organisation=org_b, role="volunteer")
    page = client_for(author).get(f"/people/{author.pk}/").content.decode()
    assert "Association pour le Développement de Bafut" in page
    assert "Association Tchadienne pour l&#x27;Eau" in page
