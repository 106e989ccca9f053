# ruff: noqa: F811 (the fixtures imported from test_needs are used as arguments)
"""Training needs on the pages: the needs page and a theme's need (who may open them,
what they show, decisions), "I want to learn this" on the practice and theme pages
(without JavaScript and with htmx), and the tally of searches made on the search page."""

from __future__ import annotations

import html

import pytest
from django.utils import timezone

from palabre.learning.models import LearningWish, NeedDecision, SearchTally
from palabre.learning.tests.test_needs import (  # noqa: F401 (fixtures)
    _many_posts,
    data,
    private_signals,
    theme,
)

NEEDS = "/trainings/needs/"
WISH = "/trainings/wishes/"


def text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def en(client_for):
    def make(user=None):
        if user is not None and user.language != "en":
            user.language = "en"
            user.save(update_fields=["language"])
        return client_for(user, HTTP_ACCEPT_LANGUAGE="en")

    return make


# The needs page ----------------------------------------------------------------------


def test_the_needs_page_ranks_themes(data, en, facilitator, django_assert_max_num_queries):
    client = en(facilitator)
    with django_assert_max_num_queries(20):
        response = client.get(NEEDS)
    assert response.status_code == 200
    page = text(response)
    monitoring = page.index("Monitoring and evaluation")
    risks = page.index("Risk management")
    savings = page.index("Savings and microfinance")
    assert monitoring < risks < savings
    assert "Score 11" in page and "Score 10" in page and "Score 3" in page
    assert "Literacy" not in page.split('id="needs"')[1]
    assert 'href="/trainings/needs/suivi-evaluation/"' in page


def test_the_needs_page_is_not_found_for_members_and_visitors(data, en, outsider, colleague):
    for client in (en(), en(outsider), en(colleague)):
        assert client.get(NEEDS).status_code == 404
        assert client.get(NEEDS + "suivi-evaluation/").status_code == 404
        assert client.post(NEEDS + "suivi-evaluation/decide/", {}).status_code == 404


def test_an_org_admin_chooses_among_their_organisations_only(data, en, outsider_admin):
    client = en(outsider_admin)
    page = text(client.get(NEEDS))
    assert '<option value="ate"' in page and '<option value="adb"' not in page
    assert "Score 10" in page  # org B's signals: the monitoring theme
    assert client.get(NEEDS + "?organisation=ate").status_code == 200
    assert client.get(NEEDS + "?organisation=adb").status_code == 404
    assert client.get(NEEDS + "?organisation=nowhere").status_code == 404


def test_a_facilitator_filters_by_organisation(data, en, facilitator):
    page = text(en(facilitator).get(NEEDS + "?organisation=adb"))
    assert "Score 11" not in page
    assert "Skills wanted on profiles: 1" in page


def test_the_need_page_shows_the_evidence(data, en, facilitator):
    page = text(en(facilitator).get(NEEDS + "suivi-evaluation/"))
    assert "Comment former les relais ?" in page and "Quels indicateurs suivre ?" in page
    assert "Qui tient le registre ?" not in page  # answered
    assert "Les relais ne remplissaient pas les fiches." in page
    assert "Pas de relais formés." in page
    assert "suivi-évaluation" in page and "Colin Colleague" in page
    assert "Score 11" in page
    assert en(facilitator).get(NEEDS + "no-such-theme/").status_code == 404
    risks = text(en(facilitator).get(NEEDS + "gestion-des-risques/"))
    assert "gestion des risques" in risks and "searched 2 times" in risks
    assert "Pour nos zones inondables" in risks


def test_an_org_admin_of_b_never_sees_a_private_practice_of_a(
    private_signals, en, outsider_admin, org_admin
):
    for url in (NEEDS, NEEDS + "suivi-evaluation/", NEEDS + "suivi-evaluation/?organisation=ate"):
        page = text(en(outsider_admin).get(url))
        assert "Notre grille interne de suivi" not in page
        assert "Où trouver la grille interne ?" not in page
        assert "Trop lourd pour nous" not in page
    page = text(en(org_admin).get(NEEDS + "suivi-evaluation/"))
    assert "Notre grille interne de suivi" in page and "Où trouver la grille interne ?" in page


def test_marking_a_need_as_covered(data, en, facilitator):
    client = en(facilitator)
    url = NEEDS + "gestion-des-risques/decide/"
    response = client.post(url, {"status": "covered", "organisation": "", "note": "Fait"})
    assert response.status_code == 302
    assert response["Location"] == NEEDS + "gestion-des-risques/"
    decision = NeedDecision.objects.get()
    assert (decision.status, decision.organisation, decision.note) == ("covered", None, "Fait")
    page = text(client.get(NEEDS + "gestion-des-risques/"))
    assert "Marked as covered" in page and "Fanta Facilitator" in page
    ranking = text(client.get(NEEDS))
    assert ranking.index("Savings and microfinance") < ranking.index("Risk management")
    assert client.post(url, {"status": "maybe"}).status_code == 400
    assert NeedDecision.objects.count() == 1


def test_an_org_admin_decides_for_their_organisation_only(data, en, outsider_admin, org_b):
    client = en(outsider_admin)
    url = NEEDS + "suivi-evaluation/decide/"
    assert client.post(url, {"status": "covered", "organisation": ""}).status_code == 403
    assert client.post(url, {"status": "covered", "organisation": "adb"}).status_code == 400
    assert not NeedDecision.objects.exists()
    response = client.post(url + "?organisation=ate", {"status": "training", "organisation": "ate"})
    assert response.status_code == 302
    assert NeedDecision.objects.get().organisation == org_b


# "I want to learn this" --------------------------------------------------------------


def test_the_practice_page_offers_the_wish_without_javascript(make_practice, author, en, outsider):
    practice = make_practice(author)
    client = en(outsider)
    page = text(client.get(practice.get_absolute_url()))
    assert f'action="{WISH}"' in page and "I want to learn this" in page
    for _ in range(2):
        response = client.post(WISH, {"practice": practice.pk, "note": "Le stockage"})
        assert response.status_code == 302
        assert response["Location"] == practice.get_absolute_url()
    assert LearningWish.objects.filter(person=outsider, practice=practice).count() == 1
    page = text(client.get(practice.get_absolute_url()))
    assert "You want to learn this ✓" in page and "1 person wants to learn this" in page
    client.post(WISH, {"practice": practice.pk, "remove": "1"})
    assert not LearningWish.objects.exists()


def test_the_wish_box_is_swapped_with_htmx(make_practice, author, en, outsider):
    practice = make_practice(author)
    response = en(outsider).post(WISH, {"practice": practice.pk}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    box = text(response)
    assert box.startswith('<div class="wish small"') and "You want to learn this ✓" in box
    assert "<html" not in box


def test_a_wish_on_a_practice_one_may_not_see_is_not_found(make_practice, author, en, outsider):
    internal = make_practice(author, visibility="organisation")
    assert en(outsider).post(WISH, {"practice": internal.pk}).status_code == 404
    assert en(outsider).post(WISH, {"practice": "nonsense"}).status_code == 404
    assert en(outsider).post(WISH, {}).status_code == 404
    assert en().post(WISH, {"practice": internal.pk}).status_code == 404
    assert not LearningWish.objects.exists()
    assert "I want to learn this" not in text(en().get(make_practice(author).get_absolute_url()))


def test_a_visitor_is_asked_to_log_in(make_practice, author, en):
    practice = make_practice(author, visibility="public")
    response = en().post(WISH, {"practice": practice.pk})
    assert response.status_code == 302 and response["Location"].startswith("/login/")
    assert not LearningWish.objects.exists()


def test_the_theme_page_offers_the_wish(en, outsider, outsider_admin):
    education = theme("education")
    page = text(en(outsider).get(education.get_absolute_url()))
    assert 'name="theme" value="education"' in page
    assert "See the training need of this theme" not in page
    response = en(outsider).post(WISH, {"theme": "education", "next": "https://evil.example/"})
    assert response["Location"] == education.get_absolute_url()
    assert LearningWish.objects.get().theme == education
    page = text(en(outsider_admin).get(education.get_absolute_url()))
    assert "1 person wants to learn this" in page
    assert 'href="/trainings/needs/education/"' in page


def test_a_too_long_note_is_refused_with_a_message(make_practice, author, en, outsider):
    practice = make_practice(author)
    response = en(outsider).post(
        WISH, {"practice": practice.pk, "note": "x" * 301}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 400
    assert "at most 300 characters" in text(response)
    assert not LearningWish.objects.exists()


# Searches are tallied ----------------------------------------------------------------


def test_a_search_is_tallied(make_practice, author, en, outsider):
    make_practice(author)
    client = en(outsider)
    assert client.get("/search/", {"q": "  Warrantage  À Ngaoundéré "}).status_code == 200
    tally = SearchTally.objects.get()
    assert (tally.day, tally.query, tally.count) == (
        timezone.localdate(),
        "warrantage a ngaoundere",
        1,
    )
    assert tally.results == 1
    en().get("/search/", {"q": "warrantage a ngaoundere"})
    assert SearchTally.objects.get().count == 2
    # Typing as one goes, the next pages and empty searches are not tallied.
    client.get("/search/", {"q": "warrantage a ngaoundere", "live": "1"})
    client.get("/search/", {"q": "warrantage a ngaoundere", "page": "2"})
    client.get("/search/", {"q": "   "})
    client.get("/search/")
    assert SearchTally.objects.get().count == 2


def test_a_failing_tally_never_breaks_the_search(make_practice, author, en, monkeypatch):
    make_practice(author, visibility="public")

    def broken(**kwargs):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr("palabre.learning.panels.needs.search_tally", broken)
    response = en().get("/search/", {"q": "warrantage"})
    assert response.status_code == 200
    assert "1 practice found" in text(response)
    assert not SearchTally.objects.exists()
