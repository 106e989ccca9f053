"""/demo/emails/: the demo's e-mails on a page, in French and English, for who may read
them; the page does not exist outside the demo."""

from __future__ import annotations

from html import unescape

import pytest

from palabre.core.models import OutgoingEmail


@pytest.fixture
def demo(settings):
    settings.DEMO = True
    return settings


@pytest.fixture
def sent(author, colleague):
    def write(
        to, subject, *, sensitive=False, body="Bonjour, voici le lien : https://x.example/a/"
    ):
        return OutgoingEmail.objects.create(
            to=to,
            subject=subject,
            body_text="" if sensitive else body,
            kind="password_reset" if sensitive else "notification",
            sensitive=sensitive,
            status=OutgoingEmail.Status.SENT,
        )

    return {
        "mine": write(author.email, "Votre pratique a été publiée"),
        "theirs": write(colleague.email, "Nouvelle réponse à votre question"),
        "their_reset": write(colleague.email, "Réinitialisation du mot de passe", sensitive=True),
    }


def read(client, language):
    """The page in ``language`` (people here chose French: the page says what they read)."""
    client.cookies["palabre_language"] = language
    return client.get("/demo/emails/")


def test_outside_the_demo_the_page_does_not_exist(client_for, facilitator, sent, settings):
    settings.DEMO = False
    assert client_for(facilitator).get("/demo/emails/").status_code == 404
    assert client_for().get("/demo/emails/").status_code == 404


def test_a_visitor_is_asked_to_log_in(client_for, demo, sent):
    response = client_for().get("/demo/emails/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_a_member_reads_their_own_emails_and_follows_their_links(
    client_for, demo, author, sent, django_assert_max_num_queries
):
    client = client_for(author)
    with django_assert_max_num_queries(8):
        page = read(client, "fr")
    html = page.content.decode()
    assert page.status_code == 200
    assert "E-mails envoyés par la démo" in html
    assert "Votre pratique a été publiée" in html
    assert '<a href="https://x.example/a/"' in html  # the link can be followed
    assert "Nouvelle réponse" not in html and "Réinitialisation" not in html


def test_a_facilitator_reads_everyones_but_a_private_link_stays_with_its_addressee(
    client_for, demo, facilitator, colleague, sent, django_assert_max_num_queries
):
    author_user = sent["mine"]
    client = client_for(facilitator)
    with django_assert_max_num_queries(8):
        html = read(client, "fr").content.decode()
    assert "E-mails envoyés par la démo" in html
    assert "Votre pratique a été publiée" in html and "Nouvelle réponse" in html
    assert "Réinitialisation du mot de passe" not in html
    assert f"À {author_user.to}" in html

    own = read(client_for(colleague), "fr").content.decode()
    assert "Réinitialisation du mot de passe" in own
    assert "Son texte contenait un lien personnel" in own


def test_the_page_says_so_when_nothing_was_sent(client_for, demo, author):
    html = read(client_for(author), "fr").content.decode()
    assert "Aucun e-mail pour l'instant." in unescape(html)
