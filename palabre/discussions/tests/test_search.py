"""Discussions are found by the same search as practices, with the same who-sees-what."""

from palabre.discussions.models import Answer, Thread
from palabre.discussions.search import thread_search
from palabre.discussions.services import answer_post, post_hide, thread_create


def question(user, space, title, body="Merci de détailler."):
    return thread_create(space=space, by=user, title=title, body=body)


def test_a_question_is_found_by_its_words_and_its_answers(practice, outsider, author, client):
    from palabre.discussions.services import space_for

    thread = question(outsider, space_for(practice), "Comment choisir les gérants du magasin ?")
    answer_post(thread=thread, by=author, body="Nous avons fait voter les femmes du groupement.")
    total, found = thread_search(user=outsider, q="gerant")
    assert total == 1 and found[0][0] == thread
    total, found = thread_search(user=outsider, q="voter")
    assert total == 1 and "<mark>voter</mark>" in found[0][1]


def test_search_page_shows_discussions_beside_practices(practice, outsider, author, client_for):
    from palabre.discussions.services import space_for

    question(outsider, space_for(practice), "Qui entretient les forages ?")
    page = client_for(outsider).get("/search/", {"q": "forages"}).content.decode()
    assert "1 discussion trouvée" in page and "Qui entretient les forages ?" in page


def test_threads_on_private_practices_are_not_found_by_others(
    private_practice, author, colleague, outsider, client
):
    from palabre.discussions.services import space_for

    question(colleague, space_for(private_practice), "Le fonds rotatif interne, combien ?")
    assert thread_search(user=colleague, q="rotatif")[0] == 1
    assert thread_search(user=outsider, q="rotatif")[0] == 0
    assert thread_search(user=None, q="rotatif")[0] == 0
    assert (
        "rotatif"
        not in client.get("/search/", {"q": "rotatif"})
        .content.decode()
        .split("<main")[1]
        .split("value=")[0]
    )


def test_hidden_answers_are_not_found(practice, outsider, author, facilitator):
    from palabre.discussions.services import space_for

    thread = question(outsider, space_for(practice), "Une question simple")
    answer = answer_post(thread=thread, by=author, body="Achetez des montres de contrefaçon")
    assert thread_search(user=outsider, q="contrefacon")[0] == 1
    post_hide(post=answer, by=facilitator, reason="Publicité")
    assert thread_search(user=outsider, q="contrefacon")[0] == 0
    assert Thread.objects.count() == 1 and Answer.objects.count() == 1


def test_finding_threads_takes_a_fixed_number_of_queries(
    settings, practice, outsider, facilitator, org_a
):
    """Each thread found is checked with the rules: the practices' partners and authors and
    the workshops' organisers are read once for all of them, not once per thread."""
    from datetime import timedelta

    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from palabre.discussions.services import space_for
    from palabre.workshops.models import Workshop

    settings.DISCUSSIONS_RATE_LIMIT_POSTS = 1000

    def add_threads(first, n):
        for i in range(first, first + n):
            workshop = Workshop.objects.create(
                title=f"Atelier {i}",
                objectives="Partager",
                start_date=timezone.localdate() + timedelta(days=10),
                end_date=timezone.localdate() + timedelta(days=11),
                venue="Salle",
                city="Bafut",
                status="published",
                visibility="network",
                created_by=facilitator,
            )
            workshop.organisers.set([org_a])
            question(facilitator, space_for(workshop), f"Compost de l'atelier {i} ?")
            question(outsider, space_for(practice), f"Compost sur la fiche {i} ?")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            total, _found = thread_search(user=outsider, q="compost")
        return total, len(captured)

    add_threads(0, 2)
    few = queries()
    add_threads(2, 6)
    many = queries()
    assert (few[0], many[0]) == (4, 16)
    assert many[1] == few[1]
