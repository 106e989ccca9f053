"""Follow a practice, a theme, a thread, an organisation; authors follow their practices."""

from conftest import make_person
from palabre.discussions import selectors, services
from palabre.discussions.models import Subscription
from palabre.notifications.models import Notification
from palabre.practices import services as practice_services
from palabre.themes.models import Theme


def test_follow_and_stop_following_each_kind(client_for, practice, outsider, org_a):
    theme = Theme.objects.get(slug="epargne-microfinance")
    thread = services.thread_create(
        space=services.space_for(practice), by=practice.authors.first(), title="Un fil", body="?"
    )
    client = client_for(outsider)
    for kind, target in (
        ("practice", practice),
        ("theme", theme),
        ("thread", thread),
        ("organisation", org_a),
    ):
        response = client.post(f"/discussions/follow/{kind}/{target.pk}/")
        assert response.status_code == 302, kind
        assert selectors.is_following(outsider, target)
    page = client.get("/discussions/following/").content.decode()
    assert (
        practice.title in page and theme.name_fr in page and "Un fil" in page and org_a.name in page
    )
    response = client.post(
        f"/discussions/follow/theme/{theme.pk}/", {"follow": "0"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and 'aria-pressed="false"' in response.content.decode()
    assert not selectors.is_following(outsider, theme)
    # Following twice keeps one subscription.
    client.post(f"/discussions/follow/practice/{practice.pk}/")
    assert Subscription.objects.filter(user=outsider, kind="practice").count() == 1


def test_authors_follow_their_practices_including_new_authors(practice, author, colleague):
    assert selectors.is_following(author, practice)
    assert colleague not in selectors.practice_followers(practice)
    practice.authors.add(colleague)
    assert colleague in selectors.practice_followers(practice)
    from palabre.lib.errors import ServiceError

    try:
        services.subscription_set(user=author, target=practice, follow=False)
    except ServiceError as error:
        assert error.status == 409
    else:
        raise AssertionError("an author stopped following their practice")


def test_a_new_thread_reaches_the_followers_of_its_theme_and_broader_theme(
    client_for, outsider, author
):
    theme = Theme.objects.get(slug="epargne-microfinance")
    Subscription.objects.create(user=outsider, kind="theme", theme=theme.parent)
    services.thread_create(
        space=services.space_for(theme), by=author, title="Les tontines", body="?"
    )
    told = Notification.objects.get(recipient=outsider, kind="discussions.new_thread")
    assert "Les tontines" in told.title and "Épargne et microfinance" in told.title


def test_followers_of_a_practice_hear_of_new_questions(practice, outsider, colleague):
    Subscription.objects.create(user=colleague, kind="practice", practice=practice)
    services.thread_create(
        space=services.space_for(practice), by=outsider, title="Le séchage", body="?"
    )
    assert Notification.objects.filter(recipient=colleague, kind="discussions.new_thread").exists()


def test_answers_reach_who_follows_the_thread(practice, outsider, author, colleague, volunteer):
    thread = services.thread_create(
        space=services.space_for(practice), by=outsider, title="Le séchage", body="?"
    )
    Subscription.objects.create(user=volunteer, kind="thread", thread=thread)
    services.answer_post(thread=thread, by=colleague, body="Au soleil, trois jours.")
    assert Notification.objects.filter(recipient=volunteer, kind="discussions.answer").exists()
    # The practice's author was asked, so follows the thread.
    assert Notification.objects.filter(recipient=author, kind="discussions.answer").exists()
    # The one answering now follows it too.
    services.answer_post(thread=thread, by=outsider, body="Merci !")
    assert Notification.objects.filter(recipient=colleague, kind="discussions.answer").exists()


def test_a_first_publication_reaches_followers_of_its_themes_and_organisation(
    make_practice,
    author,
    outsider,
    colleague,
    org_a,
    facilitator,
    run_tasks,
    django_capture_on_commit_callbacks,
):
    theme = Theme.objects.get(slug="epargne-microfinance")
    Subscription.objects.create(user=outsider, kind="theme", theme=theme)
    Subscription.objects.create(user=colleague, kind="organisation", organisation=org_a)
    public = make_practice(author, status="submitted", title="La tontine solidaire")
    with django_capture_on_commit_callbacks(execute=True):
        practice_services.practice_publish(practice=public, by=facilitator)
    run_tasks()  # the worker tells the followers
    told = Notification.objects.get(recipient=outsider, kind="discussions.new_practice")
    assert "La tontine solidaire" in told.title and "Épargne et microfinance" in told.title
    told = Notification.objects.get(recipient=colleague, kind="discussions.new_practice")
    assert "ADB" in told.title
    assert not Notification.objects.filter(
        recipient=author, kind="discussions.new_practice"
    ).exists()


def test_a_new_practice_only_reaches_who_may_read_it(
    make_practice, author, outsider, facilitator, run_tasks, django_capture_on_commit_callbacks
):
    theme = Theme.objects.get(slug="epargne-microfinance")
    Subscription.objects.create(user=outsider, kind="theme", theme=theme)
    private = make_practice(author, status="submitted", visibility="organisation", title="Interne")
    with django_capture_on_commit_callbacks(execute=True):
        practice_services.practice_publish(practice=private, by=facilitator)
    run_tasks()  # the worker tells the followers
    assert not Notification.objects.filter(recipient=outsider).exists()


def test_a_new_version_reaches_who_follows_the_practice(
    practice, author, outsider, facilitator, run_tasks, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    from palabre.practices.models import Revision

    Revision.objects.create(practice=practice, number=1, data={}, published_at=timezone.now())
    Subscription.objects.create(user=outsider, kind="practice", practice=practice)
    draft = practice_services.practice_start_new_version(practice=practice, by=author)
    practice_services.practice_submit(practice=draft, by=author)
    with django_capture_on_commit_callbacks(execute=True):
        practice_services.practice_publish(practice=draft, by=facilitator, note="Mise à jour")
    run_tasks()  # the worker tells the followers
    told = Notification.objects.filter(recipient=outsider, kind="discussions.practice_updated")
    assert told.count() == 1 and practice.title in told.get().title


def test_inactive_people_are_not_told(practice, outsider):
    sleeper = make_person(
        "sleeper@ate.example", "Sam Sleeper", organisation=outsider.memberships.first().organisation
    )
    Subscription.objects.create(user=sleeper, kind="practice", practice=practice)
    sleeper.is_active = False
    sleeper.save()
    services.thread_create(
        space=services.space_for(practice), by=outsider, title="Un fil", body="?"
    )
    assert not Notification.objects.filter(recipient=sleeper).exists()
