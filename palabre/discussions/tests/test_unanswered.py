"""Questions left unanswered: shown to facilitators, and brought to members who could answer."""

from datetime import timedelta

from django.utils import timezone

from conftest import make_person
from palabre.core import schedule
from palabre.discussions import services
from palabre.discussions.models import Answer, Thread
from palabre.notifications.models import Notification
from palabre.themes.models import Theme


def _old_question(space, by, title="Comment fixer le taux ?", hours=72):
    thread = services.thread_create(space=space, by=by, title=title, body="Nous hésitons.")
    Thread.objects.filter(pk=thread.pk).update(created_at=timezone.now() - timedelta(hours=hours))
    return thread


def test_the_daily_job_tells_who_could_answer_once(
    make_practice, author, outsider, org_b, facilitator, colleague, run_tasks
):
    theme = Theme.objects.get(slug="epargne-microfinance")
    make_practice(author)  # author wrote a published practice in this theme
    skilled = make_person("skilled@ate.example", "Sakina Skilled", organisation=org_b)
    skilled.skills_offered = "gestion financière, épargne et microfinance"
    skilled.save()
    unrelated = make_person("other@ate.example", "Ulrich Unrelated", organisation=org_b)
    unrelated.skills_offered = "forages"
    unrelated.save()
    thread = _old_question(services.space_for(theme), outsider)
    _old_question(services.space_for(theme), outsider, title="Trop récente", hours=1)
    answered = _old_question(services.space_for(theme), outsider, title="Déjà traitée")
    Answer.objects.create(thread=answered, author=colleague, body="Voilà.")

    assert "discussions.unanswered_questions" in schedule.registered()
    assert services.unanswered_tell() == 1
    told = set(
        Notification.objects.filter(kind="discussions.unanswered").values_list(
            "recipient__email", flat=True
        )
    )
    assert told == {author.email, skilled.email}
    thread.refresh_from_db()
    assert thread.unanswered_flagged_at is not None
    summary = Notification.objects.get(
        recipient=facilitator, kind="discussions.unanswered_facilitators"
    )
    assert summary.url == "/discussions/unanswered/"
    assert services.unanswered_tell() == 0
    assert Notification.objects.filter(kind="discussions.unanswered").count() == 2


def test_nobody_is_told_of_a_question_they_may_not_read(make_practice, author, colleague, org_b):
    private = make_practice(author, visibility="organisation", title="Interne")
    outsider_expert = make_person("expert@ate.example", "Edith Expert", organisation=org_b)
    outsider_expert.skills_offered = "épargne et microfinance"
    outsider_expert.save()
    _old_question(services.space_for(private), colleague)
    services.unanswered_tell()
    assert not Notification.objects.filter(recipient=outsider_expert).exists()
    assert Notification.objects.filter(recipient=author, kind="discussions.unanswered").exists()


def test_facilitators_see_the_questions_waiting(client_for, practice, outsider, facilitator):
    _old_question(services.space_for(practice), outsider, title="Une vieille question")
    home = client_for(facilitator).get("/").content.decode()
    assert "1 question est sans réponse depuis plus de 48 heures" in home
    page = client_for(facilitator).get("/discussions/unanswered/?older=1").content.decode()
    assert "Une vieille question" in page
    assert "Une vieille question" in client_for(outsider).get("/").content.decode()


def test_an_answer_from_the_asker_alone_does_not_count(practice, outsider):
    thread = _old_question(services.space_for(practice), outsider)
    Answer.objects.create(thread=thread, author=outsider, body="Personne ?")
    assert services.unanswered_tell() == 1
