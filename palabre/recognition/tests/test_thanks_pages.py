# ruff: noqa: F811 (the fixtures imported from test_thanks are used as arguments)
"""Thanks on the pages: the "merci" box of each kind of item (without JavaScript and with
htmx), the page listing an item's thanks, refusals, and the thread page's query count."""

from __future__ import annotations

import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from palabre.discussions import services as discussion_services
from palabre.notifications.models import Notification
from palabre.recognition import kinds
from palabre.recognition.models import Thanks
from palabre.recognition.services.thanks import thanks_give
from palabre.recognition.tests.test_thanks import (  # noqa: F401 (fixtures)
    EN,
    answer,
    feedback,
    items,
    make_workshop,
    practice,
    presentation,
    private_practice,
    restitution,
    thread,
    workshop,
)


def text(response) -> str:
    return html.unescape(response.content.decode())


def thanks_url(kind, item) -> str:
    return f"/thanks/{kind}/{item.pk}/"


def page_of(kind, item) -> str:
    return item.get_absolute_url().split("#")[0]


@pytest.fixture
def en(client_for):
    def make(user=None):
        if user is not None and user.language != "en":
            user.language = "en"  # a logged-in person's own language wins over the browser's
            user.save(update_fields=["language"])
        return client_for(user, **EN)

    return make


# Each kind of item shows its box and its count ------------------------------------------


@pytest.mark.parametrize("kind", ["practice", "answer", "presentation", "restitution"])
def test_each_item_page_shows_a_thanks_button_and_the_count(kind, items, en, outsider, author):
    item = items[kind]
    page = text(en(outsider).get(page_of(kind, item)))
    assert f'action="{thanks_url(kind, item)}"' in page and "Thank you" in page
    thanks_give(kind=kind, item=item, by=outsider, message="Merci")
    page = text(en(outsider).get(page_of(kind, item)))
    assert "You said thank you ✓" in page and "1 person said thank you" in page
    assert f'action="{thanks_url(kind, item)}withdraw/"' in page
    # The person thanked sees the count, and no button to thank themselves.
    page = text(en(author).get(page_of(kind, item)))
    assert "1 person said thank you" in page
    assert f'action="{thanks_url(kind, item)}"' not in page


def test_the_adoption_page_shows_a_box_under_each_feedback_report(feedback, en, author, outsider):
    adoption_page = feedback.adoption.get_absolute_url()
    page = text(en(author).get(adoption_page))
    assert f'action="{thanks_url("feedback", feedback)}"' in page
    thanks_give(kind="feedback", item=feedback, by=author)
    assert "1 person said thank you" in text(en(outsider).get(adoption_page))


def test_an_anonymous_visitor_sees_the_count_of_a_public_practice_but_no_button(
    make_practice, author, outsider, en
):
    public = make_practice(author, visibility="public", title="Pratique publique")
    assert 'id="thanks-practice-' not in text(en().get(public.get_absolute_url()))
    thanks_give(kind="practice", item=public, by=outsider, message="Bravo à vous")
    page = text(en().get(public.get_absolute_url()))
    assert (
        "1 person said thank you" in page
        and f'action="{thanks_url("practice", public)}"' not in page
    )
    listing = text(en().get(thanks_url("practice", public)))
    assert "Oscar Outsider" in listing and "Bravo à vous" in listing


# Giving and withdrawing through the pages ------------------------------------------------


def test_thanking_without_javascript_redirects_back_with_a_message(answer, en, outsider, author):
    client = en(outsider)
    back = answer.thread.get_absolute_url() + f"#thanks-answer-{answer.pk}"
    response = client.post(
        thanks_url("answer", answer), {"message": "Très utile", "next": back}, follow=True
    )
    assert response.redirect_chain[0] == (back, 302)
    page = text(response)
    assert "Thank you sent. They are told." in page and "1 person said thank you" in page
    assert Notification.objects.filter(recipient=author, kind=kinds.THANKED).count() == 1
    listing = text(client.get(thanks_url("answer", answer)))
    assert "Très utile" in listing and "Oscar Outsider" in listing


def test_with_htmx_the_box_is_swapped_in_place(practice, en, outsider):
    client = en(outsider)
    response = client.post(
        thanks_url("practice", practice), {"message": ""}, HTTP_HX_REQUEST="true"
    )
    fragment = text(response)
    assert response.status_code == 200 and "<html" not in fragment
    assert f'id="thanks-practice-{practice.pk}"' in fragment
    assert "1 person said thank you" in fragment and "You said thank you ✓" in fragment
    assert "HX-Request" in response["Vary"]
    withdrawn = client.post(thanks_url("practice", practice) + "withdraw/", HTTP_HX_REQUEST="true")
    fragment = text(withdrawn)
    assert withdrawn.status_code == 200 and "<html" not in fragment
    assert "Your thanks is withdrawn." in fragment and "person said thank you" not in fragment
    assert not Thanks.objects.exists()


def test_thanking_twice_through_the_page_counts_once(practice, en, outsider):
    client = en(outsider)
    client.post(thanks_url("practice", practice), {"message": "Un"})
    response = client.post(thanks_url("practice", practice), {"message": "Deux"}, follow=True)
    assert "You already said thank you for “Le warrantage à Ngaoundéré”" in text(response)
    assert Thanks.objects.get().message == "Un"


def test_withdrawing_through_the_page(practice, en, outsider, author):
    client = en(outsider)
    client.post(thanks_url("practice", practice))
    response = client.post(thanks_url("practice", practice) + "withdraw/", follow=True)
    assert "Your thanks is withdrawn." in text(response)
    assert not Thanks.objects.exists()
    again = client.post(thanks_url("practice", practice) + "withdraw/", follow=True)
    assert again.status_code == 200
    assert "You had not thanked for this" in text(again)


def test_thanking_ones_own_item_is_refused_with_a_clear_message(practice, en, author):
    response = en(author).post(thanks_url("practice", practice), {"message": "Moi"})
    assert response.status_code == 403
    assert "You cannot thank yourself for your own practice." in text(response)
    assert not Thanks.objects.exists()
    assert not Notification.objects.filter(kind=kinds.THANKED).exists()


def test_a_too_long_message_is_refused_and_the_text_is_kept(practice, en, outsider):
    long = "Merci " * 60
    response = en(outsider).post(thanks_url("practice", practice), {"message": long})
    assert response.status_code == 400
    page = text(response)
    assert "at most 280 characters" in page and "Merci Merci" in page
    fragment = en(outsider).post(
        thanks_url("practice", practice), {"message": long}, HTTP_HX_REQUEST="true"
    )
    assert fragment.status_code == 400 and "<html" not in text(fragment)
    assert not Thanks.objects.exists()


def test_anonymous_visitors_are_asked_to_log_in(make_practice, author, client):
    public = make_practice(author, visibility="public", title="Pratique publique")
    response = client.post(thanks_url("practice", public))
    assert response.status_code == 302 and "/login" in response["Location"]
    assert client.post(thanks_url("practice", public) + "withdraw/").status_code == 302
    assert not Thanks.objects.exists()


def test_what_one_may_not_see_answers_404(
    private_practice, en, client, outsider, colleague, make_practice, author
):
    thanks_give(kind="practice", item=private_practice, by=colleague, message="Secret maison")
    url = thanks_url("practice", private_practice)
    assert en(colleague).get(url).status_code == 200
    for who in (en(outsider), client):
        assert who.get(url).status_code == 404
        assert who.post(url, {"message": "?"}).status_code in (404, 302)
        assert "Secret maison" not in text(who.get(url))
    assert en(outsider).post(url, {"message": "?"}).status_code == 404
    assert en(outsider).post(url + "withdraw/").status_code == 404
    draft = make_practice(author, status="draft", title="Brouillon")
    assert en(outsider).get(thanks_url("practice", draft)).status_code == 404
    assert en(outsider).get("/thanks/nothing/1/").status_code == 404
    assert en(outsider).get(f"/thanks/practice/{2**70}/").status_code == 404
    assert Thanks.objects.count() == 1


# The thread page --------------------------------------------------------------------------


def _thread_queries(client, thread) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(thread.get_absolute_url())
    assert response.status_code == 200
    return len(queries.captured_queries)


def test_a_thread_page_reads_the_thanks_of_all_its_answers_at_once(
    thread, author, colleague, outsider, facilitator, en, django_assert_max_num_queries
):
    def add_answers(n):
        for i in range(n):
            answer = discussion_services.answer_post(
                thread=thread,
                by=author if i % 2 else colleague,
                body=f"Réponse {thread.answers.count()}",
            )
            thanks_give(kind="answer", item=answer, by=outsider, message=f"Merci {i}")
            if i % 2:
                thanks_give(kind="answer", item=answer, by=colleague)

    add_answers(3)
    for user, most in ((facilitator, 10), (outsider, 13)):
        client = en(user)
        with django_assert_max_num_queries(most):
            assert client.get(thread.get_absolute_url()).status_code == 200
    client = en(outsider)
    before = _thread_queries(client, thread)
    add_answers(9)
    assert _thread_queries(client, thread) <= before
    page = text(client.get(thread.get_absolute_url()))
    assert page.count("You said thank you ✓") == 12
    assert page.count("2 people said thank you") == 5  # the author's answers, thanked twice


def test_the_boxes_under_an_adoptions_reports_take_a_fixed_number_of_queries(
    rf, feedback, author, colleague, outsider
):
    from palabre.adoptions.models import FeedbackReport
    from palabre.recognition.panels.thanks import feedback_thanks

    def boxes_queries(viewer) -> tuple[int, str]:
        request = rf.get(feedback.adoption.get_absolute_url())
        request.user = viewer
        # As the adoption's page has them: each report with its own adoption and practice.
        reports = list(
            FeedbackReport.objects.filter(adoption=feedback.adoption).select_related(
                "adoption__practice"
            )
        )
        with CaptureQueriesContext(connection) as queries:
            shown = "".join(feedback_thanks(request, report=r) for r in reports)
        return len(queries.captured_queries), shown

    first, _shown = boxes_queries(colleague)
    for i in range(4):
        report = FeedbackReport.objects.create(
            adoption=feedback.adoption,
            reported_on=feedback.reported_on,
            effectiveness=3,
            would_recommend=True,
            status_at_report="in_progress",
            results=f"Résultat {i}",
            created_by=outsider,
        )
        thanks_give(kind="feedback", item=report, by=author)
    queries, shown = boxes_queries(colleague)
    assert queries <= first <= 4, (first, queries)
    assert shown.count('class="thanks small"') == 5
