"""No notification or e-mail ever carries content its recipient may not see."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from palabre.discussions import services
from palabre.discussions.models import Subscription, Thread
from palabre.notifications.models import Notification, NotificationPreference
from palabre.notifications.services import notifications_send_daily_summaries
from palabre.practices import services as practice_services
from palabre.themes.models import Theme

SECRET = "SECRET-ADB"


def _everything_happens(practice, *, asker, author, facilitator, title, watcher):
    """Questions, answers, mentions, an accepted answer, hiding, an unanswered question.

    ``watcher`` follows the thread whatever the rules say (as if it had become private since).
    """
    space = services.space_for(practice)
    thread = services.thread_create(
        space=space, by=asker, title=f"{title} {SECRET}", body=f"{SECRET} @Oscar Outsider"
    )
    Subscription.objects.get_or_create(user=watcher, kind="thread", thread=thread)
    answer = services.answer_post(
        thread=thread, by=author, body=f"{SECRET} réponse @oscar.outsider"
    )
    services.answer_accept(answer=answer, by=asker)
    other = services.answer_post(thread=thread, by=asker, body=f"{SECRET} à masquer")
    services.post_hide(post=other, by=facilitator, reason=f"{SECRET} motif")
    old = services.thread_create(
        space=space, by=asker, title=f"{title} vieille {SECRET}", body=SECRET
    )
    Thread.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=5))
    services.unanswered_tell()


def test_nothing_about_an_organisation_only_practice_reaches_an_outsider(
    make_practice,
    author,
    colleague,
    outsider,
    facilitator,
    org_a,
    run_tasks,
    django_capture_on_commit_callbacks,
):
    theme = Theme.objects.get(slug="epargne-microfinance")
    Subscription.objects.create(user=outsider, kind="theme", theme=theme)
    Subscription.objects.create(user=outsider, kind="organisation", organisation=org_a)
    outsider.skills_offered = "épargne et microfinance"
    outsider.save()
    NotificationPreference.objects.create(
        user=outsider, kind="discussions.new_thread", delivery="daily"
    )
    private = make_practice(author, visibility="organisation", title=f"Caisse {SECRET}")
    newly = make_practice(
        author, status="submitted", visibility="organisation", title=f"Nouvelle {SECRET}"
    )
    with django_capture_on_commit_callbacks(execute=True):
        _everything_happens(
            private,
            asker=colleague,
            author=author,
            facilitator=facilitator,
            title="Privé",
            watcher=outsider,
        )
        practice_services.practice_publish(practice=newly, by=facilitator)
        notifications_send_daily_summaries()
    run_tasks()

    assert not Notification.objects.filter(recipient=outsider).exists()
    assert all(outsider.email not in m.to for m in mail.outbox)
    for message in mail.outbox:  # the others were told, and only those who may read it
        assert message.to[0] in {author.email, colleague.email, facilitator.email}
    assert "SECRET" not in str(outsider.notifications.values_list("title", "body"))


def test_the_same_events_on_a_network_practice_do_reach_the_outsider(
    client_for,
    make_practice,
    author,
    colleague,
    outsider,
    facilitator,
    org_a,
    run_tasks,
    django_capture_on_commit_callbacks,
):
    # The control: the test above would fail if the outsider were simply never told anything.
    theme = Theme.objects.get(slug="epargne-microfinance")
    Subscription.objects.create(user=outsider, kind="theme", theme=theme)
    Subscription.objects.create(user=outsider, kind="organisation", organisation=org_a)
    outsider.skills_offered = "épargne et microfinance"
    outsider.save()
    NotificationPreference.objects.create(
        user=outsider, kind="discussions.answer", delivery="daily"
    )
    shared = make_practice(author, visibility="network", title="Caisse partagée")
    newly = make_practice(
        author, status="submitted", visibility="network", title="Nouvelle partagée"
    )
    with django_capture_on_commit_callbacks(execute=True):
        _everything_happens(
            shared,
            asker=colleague,
            author=author,
            facilitator=facilitator,
            title="Réseau",
            watcher=outsider,
        )
        practice_services.practice_publish(practice=newly, by=facilitator)
        notifications_send_daily_summaries()
    run_tasks()
    kinds = set(Notification.objects.filter(recipient=outsider).values_list("kind", flat=True))
    assert {"discussions.mention", "discussions.new_practice", "discussions.unanswered"} <= kinds
    assert any(outsider.email in m.to for m in mail.outbox)
    # They were told of the answer before it was hidden; once hidden, neither the list nor
    # the daily summary shows its words.
    assert Notification.objects.filter(recipient=outsider, body__contains="à masquer").exists()
    summary = next(m for m in mail.outbox if m.to == [outsider.email] and "résumé" in m.body)
    assert "à masquer" not in summary.body and "motif" not in summary.body
    page = client_for(outsider).get("/notifications/").content.decode()
    assert "à masquer" not in page and "motif" not in page
