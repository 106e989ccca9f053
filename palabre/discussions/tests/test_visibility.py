"""Who sees a thread follows what is discussed, in every output: pages, lists, API, e-mails."""

import pytest
from django.core import mail

from palabre.discussions import services
from palabre.discussions.models import Answer, Mention, Subscription, Thread
from palabre.notifications.models import Notification
from palabre.themes.models import Theme


@pytest.fixture
def private_thread(private_practice, colleague):
    space = services.space_for(private_practice)
    return services.thread_create(
        space=space,
        by=colleague,
        title="Qui garde la clé de la caisse ?",
        body="Question interne sur notre caisse.",
    )


def test_outsider_cannot_open_a_thread_on_an_organisation_only_practice(
    client_for, private_thread, private_practice, outsider, colleague, facilitator
):
    thread_url = private_thread.get_absolute_url()
    outside = client_for(outsider)
    assert outside.get(thread_url).status_code == 404
    assert outside.get(f"/discussions/practices/{private_practice.pk}/").status_code == 404
    listing = outside.get("/discussions/").content.decode()
    assert "Qui garde la clé" not in listing
    assert "Qui garde la clé" not in outside.get("/").content.decode()
    assert "Qui garde la clé" not in outside.get("/discussions/unanswered/").content.decode()
    for user in (colleague, facilitator):
        assert client_for(user).get(thread_url).status_code == 200
    assert client_for().get(thread_url).status_code == 404


def test_posting_to_something_one_cannot_see_answers_404(
    client_for, private_thread, private_practice, outsider
):
    outside = client_for(outsider)
    response = outside.post(
        f"/discussions/practices/{private_practice.pk}/ask/",
        {"kind": "question", "title": "Je m'invite ici", "body": "…", "language": "fr"},
    )
    assert response.status_code == 404
    response = outside.post(
        f"/discussions/threads/{private_thread.pk}/answer/", {"body": "Je réponds quand même"}
    )
    assert response.status_code == 404
    answer = Answer.objects.create(thread=private_thread, author=private_thread.author, body="Moi")
    for url in (
        f"/discussions/answers/{answer.pk}/useful/",
        f"/discussions/answers/{answer.pk}/accept/",
        f"/discussions/thread/{private_thread.pk}/hide/",
        f"/discussions/follow/thread/{private_thread.pk}/",
        f"/discussions/follow/practice/{private_practice.pk}/",
    ):
        assert outside.post(url, {"reason": "x"}).status_code == 404, url
    assert Thread.objects.count() == 1 and Answer.objects.count() == 1
    assert not Subscription.objects.filter(user=outsider).exists()


def test_anonymous_visitors_read_questions_on_a_public_practice_only(
    client_for, make_practice, author, outsider
):
    public = make_practice(author, visibility="public", title="Une pratique publique")
    network = make_practice(author, visibility="network", title="Une pratique du réseau")
    public_thread = services.thread_create(
        space=services.space_for(public), by=outsider, title="Question publique", body="Texte"
    )
    network_thread = services.thread_create(
        space=services.space_for(network), by=outsider, title="Question du réseau", body="Texte"
    )
    visitor = client_for()
    page = visitor.get(public_thread.get_absolute_url())
    assert page.status_code == 200 and "Question publique" in page.content.decode()
    assert "/people/" not in page.content.decode()  # names, not profile links, for visitors
    assert visitor.get(network_thread.get_absolute_url()).status_code == 404
    panel = visitor.get(public.get_absolute_url()).content.decode()
    assert "Question publique" in panel and "Connectez-vous</a> pour poser une question" in panel


def test_theme_spaces_are_for_members(client_for, outsider, author):
    theme = Theme.objects.get(slug="epargne-microfinance")
    thread = services.thread_create(
        space=services.space_for(theme), by=author, title="Taux des tontines", body="?"
    )
    assert client_for(outsider).get(thread.get_absolute_url()).status_code == 200
    visitor = client_for()
    assert visitor.get(thread.get_absolute_url()).status_code == 404
    assert visitor.get("/discussions/themes/epargne-microfinance/").status_code == 302
    theme_page = visitor.get(theme.get_absolute_url()).content.decode()
    assert "Taux des tontines" not in theme_page
    assert (
        "Taux des tontines" in client_for(outsider).get(theme.get_absolute_url()).content.decode()
    )


def test_a_mention_of_someone_who_cannot_see_the_thread_tells_nothing(
    client_for,
    private_thread,
    outsider,
    colleague,
    author,
    run_tasks,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(colleague).post(
            f"/discussions/threads/{private_thread.pk}/answer/",
            {"body": "Demandons à @Oscar Outsider et à @Awa Author."},
        )
    assert response.status_code == 302
    assert not Notification.objects.filter(recipient=outsider).exists()
    assert not Mention.objects.filter(user=outsider).exists()
    assert Notification.objects.filter(recipient=author, kind="discussions.mention").exists()
    run_tasks()
    assert all(outsider.email not in m.to for m in mail.outbox)
    page = client_for(colleague).get(private_thread.get_absolute_url()).content.decode()
    assert f'href="/people/{outsider.pk}/"' not in page
    assert f'href="/people/{author.pk}/"' in page


def test_followers_of_a_theme_hear_only_of_threads_they_may_read(
    client_for, private_practice, outsider, colleague
):
    theme = Theme.objects.get(slug="epargne-microfinance")
    for person in (outsider, colleague):
        Subscription.objects.create(user=person, kind="theme", theme=theme)
    Subscription.objects.create(user=outsider, kind="practice", practice=private_practice)
    services.thread_create(
        space=services.space_for(theme), by=colleague, title="Pour tout le réseau", body="Oui"
    )
    assert (
        Notification.objects.filter(recipient=outsider, kind="discussions.new_thread").count() == 1
    )
    services.thread_create(
        space=services.space_for(private_practice),
        by=colleague,
        title="Réservé à ADB",
        body="Non",
    )
    titles = list(Notification.objects.filter(recipient=outsider).values_list("title", flat=True))
    assert not any("Réservé à ADB" in t for t in titles)


def test_a_notification_about_what_became_private_shows_a_placeholder(
    client_for, practice, outsider, author, django_assert_max_num_queries
):
    thread = services.thread_create(
        space=services.space_for(practice),
        by=outsider,
        title="Le stockage en saison des pluies",
        body="?",
    )
    services.answer_post(thread=thread, by=author, body="Un secret de fabrication")
    assert Notification.objects.filter(recipient=outsider, kind="discussions.answer").exists()
    practice.visibility = "organisation"
    practice.save(update_fields=["visibility"])
    page = client_for(outsider).get("/notifications/").content.decode()
    assert "Un secret de fabrication" not in page and "Le stockage" not in page
    assert "quelque chose que vous ne pouvez plus voir" in page
    data = client_for(outsider).get("/api/v1/notifications").json()
    assert data["results"] and all(not r["visible"] and not r["body"] for r in data["results"])
    # Opening it leads nowhere it should not.
    notification = Notification.objects.filter(recipient=outsider).first()
    response = client_for(outsider).post(f"/notifications/{notification.pk}/open/")
    assert response["Location"] == "/notifications/"


def test_a_hidden_answer_is_a_placeholder_in_the_notifications_of_others(
    client_for, practice, outsider, author, facilitator
):
    thread = services.thread_create(
        space=services.space_for(practice), by=outsider, title="Le stockage", body="?"
    )
    answer = services.answer_post(thread=thread, by=author, body="Une réponse insultante")
    services.post_hide(post=answer, by=facilitator, reason="Propos blessants")
    page = client_for(outsider).get("/notifications/").content.decode()
    assert "Une réponse insultante" not in page
    thread_page = client_for(outsider).get(thread.get_absolute_url()).content.decode()
    assert "Une réponse insultante" not in thread_page and "Masqué par un animateur" in thread_page
    assert "Propos blessants" not in thread_page
    moderator_page = client_for(facilitator).get(thread.get_absolute_url()).content.decode()
    assert "Une réponse insultante" in moderator_page and "Propos blessants" in moderator_page
    # The author is told, and still sees their message with the reason.
    assert Notification.objects.filter(recipient=author, kind="discussions.hidden").exists()
    own = client_for(author).get(thread.get_absolute_url()).content.decode()
    assert "Une réponse insultante" in own and "Propos blessants" in own
