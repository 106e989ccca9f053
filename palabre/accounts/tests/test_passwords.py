"""Password reset and change: the e-mail goes through the task queue, in the person's language."""

import re

from django.core import mail

from conftest import make_person


def test_reset_email_is_queued_then_sent_by_the_worker_in_the_users_language(
    client, org_a, run_tasks, django_capture_on_commit_callbacks
):
    make_person("grace@adb.example", "Grace", organisation=org_a, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/password/reset/", {"email": "grace@adb.example"})
    assert response.status_code == 302
    assert mail.outbox == []  # never sent inside the request
    assert run_tasks() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Palabre: choose a new password"
    link = re.search(r"http://testserver(/password/reset/\S+/)", message.body).group(1)

    page = client.get(link, follow=True)
    assert page.status_code == 200
    form_url = page.redirect_chain[-1][0]
    done = client.post(
        form_url, {"new_password1": "Baobab-sous-la-pluie", "new_password2": "Baobab-sous-la-pluie"}
    )
    assert done.status_code == 302
    client.logout()
    login = client.post(
        "/login/", {"username": "grace@adb.example", "password": "Baobab-sous-la-pluie"}
    )
    assert login.status_code == 302


def test_reset_body_is_wiped_once_sent(
    client, org_a, run_tasks, django_capture_on_commit_callbacks
):
    from palabre.core.models import OutgoingEmail

    make_person("grace@adb.example", "Grace", organisation=org_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/password/reset/", {"email": "grace@adb.example"})
    run_tasks()
    stored = OutgoingEmail.objects.get(kind="password_reset")
    assert stored.status == "sent"
    assert stored.body_text == ""


def test_used_reset_link_gets_a_clear_page(client, db):
    response = client.get("/password/reset/MQ/bad-token/")
    assert response.status_code == 410
    assert "Ce lien ne fonctionne plus" in response.content.decode()


def test_change_password_rejects_common_password_with_400(client, author):
    client.force_login(author)
    response = client.post(
        "/password/",
        {
            "old_password": "un mot de passe solide",
            "new_password1": "password123",
            "new_password2": "password123",
        },
    )
    assert response.status_code == 400
    assert "trop courant" in response.content.decode()


def test_change_password(client, author):
    client.force_login(author)
    response = client.post(
        "/password/",
        {
            "old_password": "un mot de passe solide",
            "new_password1": "Manioc-et-arachides-2026",
            "new_password2": "Manioc-et-arachides-2026",
        },
    )
    assert response.status_code == 302
    author.refresh_from_db()
    assert author.check_password("Manioc-et-arachides-2026")


def test_passwords_are_hashed_with_argon2_in_production_settings():
    from palabre import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
