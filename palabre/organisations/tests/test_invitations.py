"""Invitations: sent through the queue, valid once, expiring, with clear pages for dead links."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from palabre.accounts.models import User
from palabre.audit.models import AuditEvent
from palabre.organisations.models import Invitation, Membership


@pytest.fixture
def invite(client_for, org_admin, run_tasks, django_capture_on_commit_callbacks):
    """Invite an address as the org admin; return the link from the e-mail the worker sent."""

    def send(email="nouvelle@adb.example", role="member", language="fr"):
        client = client_for(org_admin)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/organisations/adb/invite/",
                {"email": email, "role": role, "language": language, "message": "Bienvenue !"},
            )
        assert response.status_code == 302, response.content.decode()
        assert run_tasks() == 1
        body = mail.outbox[-1].body
        return re.search(r"http://testserver(/invitation/[^/\s]+/)", body).group(1)

    return send


ACCEPT = {
    "display_name": "Nadège Biloa",
    "language": "en",
    "password1": "Manioc-et-arachides-2026",
    "password2": "Manioc-et-arachides-2026",
}


def test_invitation_email_is_sent_by_the_worker_not_the_request(
    client_for, org_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_for(org_admin).post(
            "/organisations/adb/invite/",
            {"email": "n@adb.example", "role": "member", "language": "fr"},
        )
    assert mail.outbox == []
    assert Invitation.objects.get().email == "n@adb.example"


def test_invitation_email_in_the_chosen_language(invite):
    invite(language="en")
    message = mail.outbox[-1]
    assert message.subject == (
        "Invitation to join Association pour le Développement de Bafut on Palabre"
    )
    assert "Odile Orgadmin invites you" in message.body
    html = message.alternatives[0][0]
    assert "Accept the invitation" in html


def test_invitee_sets_name_language_password_and_joins(client, invite):
    link = invite(role="volunteer")
    page = client.get(link)
    assert page.status_code == 200
    assert "nouvelle@adb.example" in page.content.decode()
    response = client.post(link, ACCEPT)
    assert response.status_code == 302
    user = User.objects.get(email="nouvelle@adb.example")
    assert user.display_name == "Nadège Biloa" and user.language == "en"
    assert Membership.objects.get(user=user).role == "volunteer"
    assert client.get("/").context["user"] == user  # logged in
    assert AuditEvent.objects.filter(action="invitation.accepted", actor=user).exists()


def test_link_works_only_once(client, invite):
    link = invite()
    client.post(link, ACCEPT)
    client.logout()
    again = client.get(link)
    assert again.status_code == 410
    assert "déjà été utilisée" in again.content.decode()
    assert client.post(link, {**ACCEPT, "display_name": "Someone else"}).status_code == 410
    assert User.objects.filter(email="nouvelle@adb.example").count() == 1


def test_expired_link_gets_a_clear_page(client, invite):
    link = invite()
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.get(link)
    assert response.status_code == 410
    assert "Cette invitation a expiré" in response.content.decode()
    assert client.post(link, ACCEPT).status_code == 410
    assert not User.objects.filter(email="nouvelle@adb.example").exists()


def test_invitations_expire_after_seven_days_by_default(invite):
    invite()
    invitation = Invitation.objects.get()
    assert round((invitation.expires_at - invitation.created_at).total_seconds() / 86400) == 7


def test_tampered_link_gets_a_clear_page(client, invite):
    link = invite()
    response = client.get(link[:-5] + "XXXX/")
    assert response.status_code == 404
    assert "lien d'invitation n'est pas valide" in response.content.decode()


def test_revoked_link_gets_a_clear_page(client_for, org_admin, client, invite):
    link = invite()
    invitation = Invitation.objects.get()
    client_for(org_admin).post(f"/organisations/adb/invitations/{invitation.pk}/revoke/")
    response = client.get(link)
    assert response.status_code == 410
    assert "retirée" in response.content.decode()


def test_weak_password_on_acceptance_is_400_and_nothing_is_created(client, invite):
    link = invite()
    response = client.post(link, {**ACCEPT, "password1": "123456", "password2": "123456"})
    assert response.status_code == 400
    assert not User.objects.filter(email="nouvelle@adb.example").exists()
    assert Invitation.objects.get().accepted_at is None


def test_duplicate_invitation_is_refused_with_409(client_for, org_admin, invite):
    invite()
    response = client_for(org_admin).post(
        "/organisations/adb/invite/",
        {"email": "Nouvelle@ADB.example", "role": "member", "language": "fr"},
    )
    assert response.status_code == 409
    assert (
        "a déjà été invitée" in response.content.decode()
        or "a déjà été invité" in response.content.decode()
    )
    assert Invitation.objects.count() == 1


def test_inviting_an_existing_member_is_refused(client_for, org_admin, author):
    response = client_for(org_admin).post(
        "/organisations/adb/invite/", {"email": author.email, "role": "member", "language": "fr"}
    )
    assert response.status_code == 409
    assert "est déjà membre" in response.content.decode()


def test_existing_account_accepts_after_logging_in(client_for, client, outsider, invite):
    link = invite(email=outsider.email)
    page = client.get(link)
    assert "Connectez-vous pour accepter" in page.content.decode()
    logged = client_for(outsider)
    assert logged.post(link).status_code == 302
    assert outsider.memberships.count() == 2


def test_another_account_cannot_accept_someone_elses_invitation(client_for, author, invite):
    link = invite()
    response = client_for(author).post(link)
    assert response.status_code == 403
    assert not Invitation.objects.get().accepted_at


def test_only_org_admins_invite(client_for, author, outsider_admin):
    for user in (author, outsider_admin):
        response = client_for(user).post(
            "/organisations/adb/invite/",
            {"email": "x@y.example", "role": "member", "language": "fr"},
        )
        assert response.status_code == 404
    assert not Invitation.objects.exists()


def test_invitation_is_audited(invite, org_admin):
    invite()
    event = AuditEvent.objects.get(action="invitation.sent")
    assert event.actor == org_admin and event.data["email"] == "nouvelle@adb.example"
