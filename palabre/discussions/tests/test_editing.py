"""Editing within a short window then an "edited" mark; hiding with a reason keeps the message."""

from datetime import timedelta

from django.utils import timezone

from palabre.audit.models import AuditEvent
from palabre.discussions import services
from palabre.discussions.models import Answer, Thread


def _thread(practice, by):
    return services.thread_create(
        space=services.space_for(practice), by=by, title="Le magasin sur butte", body="Pourquoi ?"
    )


def test_an_answer_is_edited_within_the_window_and_marked_edited(
    client_for, practice, outsider, author
):
    thread = _thread(practice, outsider)
    answer = services.answer_post(thread=thread, by=author, body="Premier jet")
    client = client_for(author)
    assert client.get(f"/discussions/answers/{answer.pk}/edit/").status_code == 200
    response = client.post(f"/discussions/answers/{answer.pk}/edit/", {"body": "Version corrigée"})
    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.body == "Version corrigée" and answer.edited_at is not None
    page = client_for(outsider).get(thread.get_absolute_url()).content.decode()
    assert "Version corrigée" in page and 'class="edited"' in page and "modifié" in page
    assert AuditEvent.objects.filter(action="discussion.edited").exists()


def test_after_the_window_editing_is_refused(client_for, practice, outsider, author):
    thread = _thread(practice, outsider)
    answer = services.answer_post(thread=thread, by=author, body="Premier jet")
    Answer.objects.filter(pk=answer.pk).update(created_at=timezone.now() - timedelta(minutes=16))
    client = client_for(author)
    response = client.post(f"/discussions/answers/{answer.pk}/edit/", {"body": "Trop tard"})
    assert response.status_code == 409
    assert "15 minutes" in response.content.decode()
    answer.refresh_from_db()
    assert answer.body == "Premier jet"
    page = client.get(thread.get_absolute_url()).content.decode()
    assert f"/discussions/answers/{answer.pk}/edit/" not in page


def test_only_the_author_edits(client_for, practice, outsider, author, facilitator):
    thread = _thread(practice, outsider)
    for user in (author, facilitator):
        response = client_for(user).post(
            f"/discussions/threads/{thread.pk}/edit/", {"title": "Un autre titre", "body": "x"}
        )
        assert response.status_code == 403
    thread.refresh_from_db()
    assert thread.title == "Le magasin sur butte"


def test_a_new_mention_in_an_edit_is_told_once(practice, outsider, author, colleague):
    from palabre.notifications.models import Notification

    thread = _thread(practice, outsider)
    answer = services.answer_post(thread=thread, by=author, body="Voir @Colin Colleague")
    services.answer_edit(answer=answer, by=author, body="Voir @Colin Colleague, il sait.")
    assert Notification.objects.filter(recipient=colleague, kind="discussions.mention").count() == 1


def test_hiding_needs_a_reason_and_keeps_the_message(
    client_for, practice, outsider, author, facilitator
):
    thread = _thread(practice, outsider)
    answer = services.answer_post(thread=thread, by=author, body="Hors sujet total")
    client = client_for(facilitator)
    assert client.post(f"/discussions/answer/{answer.pk}/hide/", {"reason": " "}).status_code == 400
    response = client.post(f"/discussions/answer/{answer.pk}/hide/", {"reason": "Hors sujet"})
    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.is_hidden and answer.hidden_reason == "Hors sujet" and answer.body
    assert AuditEvent.objects.get(action="discussion.hidden").data == {"reason": "Hors sujet"}
    # Others: a placeholder, not the text, and no way to mark it.
    page = client_for(outsider).get(thread.get_absolute_url()).content.decode()
    assert "Hors sujet total" not in page and "Masqué par un animateur" in page
    assert f"/discussions/answers/{answer.pk}/useful/" not in page
    # In the API too.
    data = client_for(outsider).get(f"/api/v1/discussions/threads/{thread.pk}").json()
    assert data["answers"][0]["hidden"] and data["answers"][0]["body"] == ""
    assert client.post(f"/discussions/answer/{answer.pk}/unhide/").status_code == 302
    answer.refresh_from_db()
    assert not answer.is_hidden


def test_an_author_hides_their_own_message_and_may_show_it_again(
    client_for, practice, outsider, author
):
    thread = _thread(practice, outsider)
    answer = services.answer_post(thread=thread, by=author, body="Je me suis trompé")
    client = client_for(author)
    assert (
        client.post(f"/discussions/answer/{answer.pk}/hide/", {"reason": "Erreur"}).status_code
        == 302
    )
    page = client_for(outsider).get(thread.get_absolute_url()).content.decode()
    assert "Masqué par son auteur" in page and "Je me suis trompé" not in page
    assert (
        client_for(outsider)
        .post(f"/discussions/answer/{answer.pk}/hide/", {"reason": "x"})
        .status_code
        == 404
    )
    assert client.post(f"/discussions/answer/{answer.pk}/unhide/").status_code == 302


def test_an_author_cannot_undo_a_facilitators_hiding(
    client_for, practice, outsider, author, facilitator
):
    thread = _thread(practice, outsider)
    answer = services.answer_post(thread=thread, by=author, body="Propos blessants")
    services.post_hide(post=answer, by=facilitator, reason="Blessant")
    assert client_for(author).post(f"/discussions/answer/{answer.pk}/unhide/").status_code == 403
    answer.refresh_from_db()
    assert answer.is_hidden


def test_a_hidden_thread_disappears_for_others(
    client_for, practice, outsider, facilitator, colleague
):
    thread = _thread(practice, outsider)
    services.post_hide(post=thread, by=facilitator, reason="Doublon")
    assert client_for(colleague).get(thread.get_absolute_url()).status_code == 404
    assert "Le magasin sur butte" not in client_for(colleague).get("/discussions/").content.decode()
    assert client_for(outsider).get(thread.get_absolute_url()).status_code == 200
    assert client_for(facilitator).get(thread.get_absolute_url()).status_code == 200
    assert Thread.objects.filter(pk=thread.pk).exists()


def test_hiding_the_accepted_answer_unmarks_it(practice, outsider, author, facilitator):
    thread = _thread(practice, outsider)
    answer = services.answer_post(thread=thread, by=author, body="La bonne réponse")
    services.answer_accept(answer=answer, by=outsider)
    services.post_hide(post=answer, by=facilitator, reason="Erreur de fait")
    thread.refresh_from_db()
    assert thread.accepted_answer is None
