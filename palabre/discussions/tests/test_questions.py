"""A question on a practice reaches its authors and contact; members answer; the asker accepts."""

from django.core import mail

from palabre.audit.models import AuditEvent
from palabre.discussions.models import Answer, Subscription, Thread, UsefulMark
from palabre.notifications.models import Notification


def test_question_on_a_practice_reaches_its_authors_and_contact(
    ask, practice, outsider, author, contact, django_capture_on_commit_callbacks, run_tasks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(outsider, practice)
    thread = Thread.objects.get()
    assert response.status_code == 302 and response["Location"] == thread.get_absolute_url()
    assert thread.space.practice == practice and thread.author == outsider
    for person in (author, contact):
        told = Notification.objects.get(recipient=person, kind="discussions.question")
        assert "Oscar Outsider" in told.title and "Comment choisir les gérants ?" in told.title
        assert "Merci de détailler." in told.body
        assert told.url == thread.get_absolute_url()
    assert not Notification.objects.filter(recipient=outsider).exists()
    run_tasks()
    assert {m.to[0] for m in mail.outbox} == {author.email, contact.email}
    # Those asked follow the thread, so they hear of the answers others give.
    followers = set(
        Subscription.objects.filter(thread=thread).values_list("user__email", flat=True)
    )
    assert followers == {outsider.email, author.email, contact.email}
    assert AuditEvent.objects.filter(action="discussion.thread_created").exists()


def test_any_member_who_can_read_answers_and_the_asker_is_told(
    ask, practice, outsider, colleague, client_for
):
    ask(outsider, practice)
    thread = Thread.objects.get()
    response = client_for(colleague).post(
        f"/discussions/threads/{thread.pk}/answer/", {"body": "Nous les faisons **élire**."}
    )
    answer = Answer.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/discussions/threads/{thread.pk}/#answer-{answer.pk}"
    told = Notification.objects.get(recipient=outsider, kind="discussions.answer")
    assert "Colin Colleague" in told.title and "élire" in told.body
    page = client_for(outsider).get(thread.get_absolute_url()).content.decode()
    assert "<strong>élire</strong>" in page


def test_the_asker_marks_the_answer_that_helped(ask, practice, outsider, author, client_for):
    ask(outsider, practice)
    thread = Thread.objects.get()
    answer = Answer.objects.create(thread=thread, author=author, body="Par élection.")
    assert client_for(author).post(f"/discussions/answers/{answer.pk}/accept/").status_code == 403
    response = client_for(outsider).post(f"/discussions/answers/{answer.pk}/accept/")
    assert response.status_code == 302
    thread.refresh_from_db()
    assert thread.accepted_answer == answer and thread.accepted_by == outsider
    told = Notification.objects.get(recipient=author, kind="discussions.accepted")
    assert "Comment choisir les gérants ?" in told.title
    page = client_for(author).get(thread.get_absolute_url()).content.decode()
    assert "La réponse qui a aidé" in page


def test_a_facilitator_can_mark_the_answer_and_unmark_it(
    ask, practice, outsider, author, facilitator, client_for
):
    ask(outsider, practice)
    thread = Thread.objects.get()
    answer = Answer.objects.create(thread=thread, author=author, body="Par élection.")
    assert (
        client_for(facilitator).post(f"/discussions/answers/{answer.pk}/accept/").status_code == 302
    )
    assert (
        client_for(facilitator).post(f"/discussions/threads/{thread.pk}/unaccept/").status_code
        == 302
    )
    thread.refresh_from_db()
    assert thread.accepted_answer is None


def test_members_mark_answers_useful_but_not_their_own(
    ask, practice, outsider, author, colleague, client_for
):
    ask(outsider, practice)
    thread = Thread.objects.get()
    answer = Answer.objects.create(thread=thread, author=author, body="Par élection.")
    assert (
        client_for(colleague).post(f"/discussions/answers/{answer.pk}/useful/").status_code == 302
    )
    assert (
        client_for(colleague).post(f"/discussions/answers/{answer.pk}/useful/").status_code == 302
    )
    assert UsefulMark.objects.filter(answer=answer).count() == 1
    assert client_for(author).post(f"/discussions/answers/{answer.pk}/useful/").status_code == 403
    response = client_for(colleague).post(
        f"/discussions/answers/{answer.pk}/useful/", {"useful": "0"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and "(0)" in response.content.decode()
    assert not UsefulMark.objects.exists()


def test_a_discussion_has_no_accepted_answer(client_for, practice, outsider, author):
    client_for(outsider).post(
        f"/discussions/practices/{practice.pk}/ask/",
        {
            "kind": "discussion",
            "title": "Vos retours sur le stockage",
            "body": "Parlons-en.",
            "language": "fr",
        },
    )
    thread = Thread.objects.get()
    answer = Answer.objects.create(thread=thread, author=author, body="Volontiers.")
    response = client_for(outsider).post(f"/discussions/answers/{answer.pk}/accept/")
    assert response.status_code == 409


def test_asking_the_network_in_a_theme_space(client_for, outsider, author):
    from palabre.discussions.models import Subscription
    from palabre.themes.models import Theme

    theme = Theme.objects.get(slug="suivi-evaluation")
    Subscription.objects.create(user=author, kind="theme", theme=theme)
    client = client_for(outsider)
    assert client.get("/discussions/new/").status_code == 200
    missing = client.post(
        "/discussions/new/",
        {"kind": "question", "title": "Quels indicateurs ?", "body": "Merci", "language": "fr"},
    )
    assert missing.status_code == 400 and not Thread.objects.exists()
    response = client.post(
        "/discussions/new/",
        {
            "theme": theme.pk,
            "kind": "question",
            "title": "Quels indicateurs ?",
            "body": "Merci",
            "language": "fr",
        },
    )
    thread = Thread.objects.get()
    assert response["Location"] == thread.get_absolute_url()
    assert thread.space.theme == theme
    told = Notification.objects.get(recipient=author, kind="discussions.new_thread")
    assert "Suivi-évaluation" in told.title
    page = client_for(author).get("/discussions/themes/suivi-evaluation/").content.decode()
    assert "Quels indicateurs ?" in page
