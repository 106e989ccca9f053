"""E-mails: in the person's language, plain text and HTML, with an unsubscribe link that works
without logging in and the List-Unsubscribe headers."""

import re

import pytest
from django.core import mail
from django.utils.translation import gettext_lazy

from palabre.notifications import services
from palabre.notifications.models import Notification, NotificationPreference


def _tell(recipient, practice, kind="practice.published"):
    return services.notify(
        recipient=recipient,
        kind=kind,
        title=gettext_lazy("Your practice “%(title)s” is published"),
        params={"title": practice.title},
        url=practice.get_absolute_url(),
        target=practice,
        excerpt="Un extrait du texte",
    )


def _unsubscribe_path(message) -> str:
    url = re.search(
        r"<(http://testserver(/notifications/unsubscribe/[^>]+))>",
        message.extra_headers["List-Unsubscribe"],
    )
    return url.group(2)


def test_an_email_in_french_with_text_html_and_unsubscribe_headers(
    make_practice, author, run_tasks, django_capture_on_commit_callbacks
):
    practice = make_practice(author)
    with django_capture_on_commit_callbacks(execute=True):
        _tell(author, practice)
    run_tasks()
    (message,) = mail.outbox
    assert message.to == [author.email]
    assert message.subject == "Votre pratique « Le warrantage à Ngaoundéré » est publiée"
    assert "Bonjour Awa Author," in message.body and "Un extrait du texte" in message.body
    assert f"http://testserver{practice.get_absolute_url()}" in message.body
    html, mimetype = message.alternatives[0]
    assert (
        mimetype == "text/html"
        and '<html lang="fr">' in html
        and "Ne plus recevoir ces e-mails" in html
    )
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    path = _unsubscribe_path(message)
    assert f"http://testserver{path}" in message.body and path in html
    assert Notification.objects.get().email_state == "sent"


def test_an_email_in_english_for_an_english_speaker(
    make_practice, author, run_tasks, django_capture_on_commit_callbacks
):
    author.language = "en"
    author.save()
    practice = make_practice(author)
    with django_capture_on_commit_callbacks(execute=True):
        _tell(author, practice)
    run_tasks()
    (message,) = mail.outbox
    assert message.subject == "Your practice “Le warrantage à Ngaoundéré” is published"
    assert "Hello Awa Author," in message.body and "Stop these e-mails" in message.body
    assert '<html lang="en">' in message.alternatives[0][0]


def test_the_unsubscribe_link_works_without_logging_in(
    client, make_practice, author, run_tasks, django_capture_on_commit_callbacks
):
    practice = make_practice(author)
    with django_capture_on_commit_callbacks(execute=True):
        _tell(author, practice)
    run_tasks()
    path = _unsubscribe_path(mail.outbox[0])
    page = client.get(path)
    assert page.status_code == 200
    assert "Arrêter les e-mails pour « Ma pratique est publiée »" in page.content.decode()
    assert (
        services.delivery_for(author, "practice.published") == "immediate"
    )  # a GET changes nothing
    done = client.post(path, {"scope": "practice.published"})
    assert done.status_code == 200 and "Vous ne recevrez plus d'e-mails" in done.content.decode()
    assert services.delivery_for(author, "practice.published") == "never"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _tell(author, practice)
        _tell(author, practice, kind="practice.review_due")
    run_tasks()
    assert [m.subject for m in mail.outbox] == [
        "Votre pratique « Le warrantage à Ngaoundéré » est publiée"
    ]
    assert Notification.objects.filter(recipient=author).count() == 3  # still in the app


def test_mail_programs_unsubscribe_in_one_click(
    client, make_practice, author, run_tasks, django_capture_on_commit_callbacks
):
    practice = make_practice(author)
    with django_capture_on_commit_callbacks(execute=True):
        _tell(author, practice)
    run_tasks()
    path = _unsubscribe_path(mail.outbox[0])
    response = client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert services.delivery_for(author, "practice.published") == "never"


def test_stop_all_emails(client, author, make_practice):
    practice = make_practice(author)
    NotificationPreference.objects.create(user=author, kind="practice.review_due", delivery="daily")
    _tell(author, practice, kind="practice.review_due")
    token = services.unsubscribe_token(author, "practice.published")
    assert client.post(f"/notifications/unsubscribe/{token}/", {"scope": "*"}).status_code == 200
    assert all(d == "never" for _kind, d in services.preferences_for(author))
    assert services.delivery_for(author, "some.future_kind") == "never"
    assert Notification.objects.get().email_state == "dropped"


@pytest.mark.parametrize("token", ["nonsense", "eyJ1IjoxLCJzIjoiKiJ9:forged"])
def test_a_forged_link_changes_nothing(client, author, token):
    assert client.get(f"/notifications/unsubscribe/{token}/").status_code == 404
    assert client.post(f"/notifications/unsubscribe/{token}/", {"scope": "*"}).status_code == 404
    assert not NotificationPreference.objects.exists()


def test_a_link_cannot_be_turned_against_someone_else(client, author, colleague):
    token = services.unsubscribe_token(author, "practice.published")
    client.post(f"/notifications/unsubscribe/{token}/", {"scope": "*"})
    assert not NotificationPreference.objects.filter(user=colleague).exists()
