"""Bad input: double submissions, flooding, empty or oversized messages, foreign quotes."""

from django.test import override_settings

from palabre.discussions import services
from palabre.discussions.models import Answer, Thread


def test_the_same_answer_sent_twice_is_kept_once(client_for, practice, outsider, author):
    thread = services.thread_create(
        space=services.space_for(practice), by=outsider, title="Le magasin", body="?"
    )
    client = client_for(author)
    data = {"body": "Sur une butte.", "submission_key": "k-123"}
    first = client.post(f"/discussions/threads/{thread.pk}/answer/", data)
    second = client.post(f"/discussions/threads/{thread.pk}/answer/", data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Answer.objects.count() == 1
    # Without the form's key (a reload, another tab), the same text is still kept once.
    third = client.post(f"/discussions/threads/{thread.pk}/answer/", {"body": "Sur une butte."})
    assert third.status_code == 302 and Answer.objects.count() == 1
    messages = client.get(third["Location"]).content.decode()
    assert "Votre réponse était déjà publiée." in messages


def test_the_same_question_sent_twice_is_kept_once(ask, practice, outsider):
    ask(outsider, practice, submission_key="abc")
    ask(outsider, practice, submission_key="abc")
    ask(outsider, practice)
    assert Thread.objects.count() == 1


@override_settings(DISCUSSIONS_RATE_LIMIT_POSTS=3, DISCUSSIONS_RATE_LIMIT_MINUTES=10)
def test_flooding_is_refused_with_a_clear_message_and_the_text_kept(client_for, practice, outsider):
    thread = services.thread_create(
        space=services.space_for(practice), by=outsider, title="Le magasin", body="?"
    )
    client = client_for(outsider)
    for n in range(2):
        assert (
            client.post(
                f"/discussions/threads/{thread.pk}/answer/", {"body": f"Message {n}"}
            ).status_code
            == 302
        )
    response = client.post(f"/discussions/threads/{thread.pk}/answer/", {"body": "Encore un"})
    assert response.status_code == 429
    page = response.content.decode()
    assert "Vous avez écrit 3 messages ces 10 dernières minutes" in page
    assert "Encore un</textarea>" in page
    assert Answer.objects.count() == 2
    api = client.post(
        f"/api/v1/discussions/threads/{thread.pk}/answers",
        {"body": "Par l'API"},
        content_type="application/json",
    )
    assert api.status_code == 429 and "10 dernières minutes" in api.json()["detail"]


def test_empty_or_too_long_messages_are_refused(client_for, practice, outsider):
    client = client_for(outsider)
    response = client.post(
        f"/discussions/practices/{practice.pk}/ask/",
        {"kind": "question", "title": "Ok", "body": "   ", "language": "fr"},
    )
    assert response.status_code == 400
    assert not Thread.objects.exists()
    thread = services.thread_create(
        space=services.space_for(practice), by=outsider, title="Le magasin", body="?"
    )
    response = client.post(f"/discussions/threads/{thread.pk}/answer/", {"body": "x" * 20_001})
    assert response.status_code == 400 and not Answer.objects.exists()
    response = client.post(
        f"/discussions/practices/{practice.pk}/ask/",
        {"kind": "sondage", "title": "Un sondage", "body": "?", "language": "fr"},
    )
    assert response.status_code == 400


def test_quoting_an_answer_of_another_thread_is_refused(make_practice, practice, outsider, author):
    first = services.thread_create(
        space=services.space_for(practice), by=outsider, title="Premier fil", body="?"
    )
    elsewhere = services.answer_post(thread=first, by=author, body="Ici")
    second = services.thread_create(
        space=services.space_for(practice), by=outsider, title="Second fil", body="?"
    )
    import pytest

    from palabre.lib.errors import ServiceError

    with pytest.raises(ServiceError) as refused:
        services.answer_post(thread=second, by=author, body="Je cite", quoted=elsewhere)
    assert refused.value.status == 400
    assert not second.answers.exists()


def test_questions_wait_for_publication(client_for, make_practice, author, colleague):
    draft = make_practice(author, status="submitted")
    response = client_for(author).post(
        f"/discussions/practices/{draft.pk}/ask/",
        {"kind": "question", "title": "Trop tôt ?", "body": "?", "language": "fr"},
    )
    assert response.status_code == 409
    assert client_for(colleague).get(f"/discussions/practices/{draft.pk}/ask/").status_code == 404
    assert not Thread.objects.exists()
