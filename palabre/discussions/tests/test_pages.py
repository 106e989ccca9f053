"""The pages: work without JavaScript, answer fragments to htmx, in a fixed number of queries."""

import pytest

from palabre.discussions import services
from palabre.discussions.models import Subscription
from palabre.themes.models import Theme


@pytest.fixture
def busy(settings, practice, outsider, author, colleague):
    """Twelve threads (on the practice and in its theme), one with twelve answers."""
    settings.DISCUSSIONS_RATE_LIMIT_POSTS = 1000
    theme = Theme.objects.get(slug="epargne-microfinance")
    thread = None
    for i in range(12):
        space = services.space_for(practice if i % 2 else theme)
        thread = services.thread_create(
            space=space, by=outsider, title=f"Question numéro {i}", body=f"Texte {i} @Awa Author"
        )
        Subscription.objects.get_or_create(user=outsider, kind="thread", thread=thread)
    previous = None
    for i in range(12):
        previous = services.answer_post(
            thread=thread,
            by=author if i % 2 else colleague,
            body=f"Réponse {i} à @Oscar Outsider",
            quoted=previous,
        )
        services.answer_set_useful(answer=previous, by=outsider, useful=True)
    return thread


@pytest.mark.parametrize(
    ("url", "most"),
    [
        ("/discussions/", 8),
        ("/discussions/unanswered/", 7),
        ("/discussions/themes/epargne-microfinance/", 11),
        ("/themes/epargne-microfinance/", 17),  # with the trainings and the learning wish
        ("/discussions/following/", 7),
        ("/notifications/", 10),
        ("/", 20),  # every app adds its panel to the home page; none grows with rows,
    ],
)
def test_list_pages_take_a_fixed_number_of_queries(
    client_for, busy, outsider, url, most, django_assert_max_num_queries
):
    client = client_for(outsider)
    with django_assert_max_num_queries(most):
        assert client.get(url).status_code == 200


def test_a_thread_with_many_answers_takes_a_fixed_number_of_queries(
    client_for, busy, outsider, facilitator, practice, django_assert_max_num_queries
):
    # One query more for the outsider since the thanks counts of all the answers are shown.
    for user, most in ((facilitator, 10), (outsider, 13)):
        client = client_for(user)
        with django_assert_max_num_queries(most):
            page = client.get(busy.get_absolute_url())
        assert page.status_code == 200 and page.content.decode().count('class="post card') == 13
    # The practice page carries panels from every app (questions, adoptions, workshops…):
    # practices/tests/test_detail_speed.py counts them.
    with django_assert_max_num_queries(23):
        assert client.get(practice.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(f"/discussions/practices/{practice.pk}/").status_code == 200


def test_every_form_works_without_javascript(client_for, busy, outsider, author):
    page = client_for(outsider).get(busy.get_absolute_url()).content.decode()
    assert f'action="/discussions/threads/{busy.pk}/answer/#reply"' in page
    assert 'action="/discussions/answers/' in page and "/useful/" in page
    assert f'action="/discussions/follow/thread/{busy.pk}/"' in page
    assert 'href="?quote=' in page
    quoted = busy.answers.first()
    page = client_for(outsider).get(f"{busy.get_absolute_url()}?quote={quoted.pk}").content.decode()
    assert f'name="quoted" value="{quoted.pk}"' in page and "Vous citez" in page


def test_filters_answer_just_the_results_to_htmx(client_for, busy, outsider):
    client = client_for(outsider)
    fragment = client.get("/discussions/?kind=question&unanswered=1", HTTP_HX_REQUEST="true")
    html = fragment.content.decode()
    assert fragment.status_code == 200 and "<html" not in html and 'id="results"' in html
    assert "Question numéro 0" in html and f"Question numéro {11}" not in html
    assert fragment["Vary"] and "HX-Request" in fragment["Vary"]


def test_mentions_are_links_for_members_and_markdown_is_sanitised(
    client_for, practice, outsider, author
):
    thread = services.thread_create(
        space=services.space_for(practice),
        by=outsider,
        title="Une question piégée",
        body="Bonjour @Awa Author <script>alert(1)</script> [x](javascript:alert(2))",
    )
    page = client_for(outsider).get(thread.get_absolute_url()).content.decode()
    assert f'<a href="/people/{author.pk}/"' in page and "@Awa Author</a>" in page
    assert "<script>alert(1)" not in page and "javascript:alert" not in page
