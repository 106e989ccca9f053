"""Training needs: the ranking on a fixed data set (hand-computed), who sees which
evidence, wishes (once each, never on what one may not see), decisions, the tally of
searches and the API. The pages and panels are in test_needs_pages.py."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone, translation

from conftest import make_person
from palabre.adoptions.models import Adoption, FeedbackReport
from palabre.audit.models import AuditEvent
from palabre.discussions import services as discussion_services
from palabre.discussions.models import Thread
from palabre.learning.models import LearningWish, NeedDecision, SearchTally
from palabre.learning.selectors.needs import matches_theme, need_of_theme, needs_ranking
from palabre.learning.services.needs import (
    fold_query,
    need_decide,
    search_tally,
    wish_add,
    wish_remove,
)
from palabre.lib.errors import ServiceError
from palabre.organisations.models import Membership
from palabre.themes.models import Theme

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def theme(slug: str) -> Theme:
    return Theme.objects.get(slug=slug)


def days_ago(days: int):
    return timezone.now() - timedelta(days=days)


def adopt(practice, organisation, person, *, status="in_progress", reason="") -> Adoption:
    return Adoption.objects.create(
        practice=practice,
        organisation=organisation,
        status=status,
        started_on=timezone.localdate() - timedelta(days=100),
        abandon_reason=reason,
        country="TD",
        created_by=person,
        contact=person,
    )


def report(adoption, *, difficulties="", suggestions="", visibility="network") -> FeedbackReport:
    return FeedbackReport.objects.create(
        adoption=adoption,
        reported_on=timezone.localdate() - timedelta(days=10),
        effectiveness=3,
        would_recommend=True,
        status_at_report=adoption.status,
        difficulties=difficulties,
        suggestions=suggestions,
        visibility=visibility,
        created_by=adoption.created_by,
    )


def ask(subject, person, title, *, days_old=5) -> Thread:
    thread = discussion_services.thread_create(
        space=discussion_services.space_for(subject),
        by=person,
        title=title,
        body="Qui peut nous aider ?",
    )
    Thread.objects.filter(pk=thread.pk).update(created_at=days_ago(days_old))
    return thread


@pytest.fixture(autouse=True)
def _many_posts(settings):
    settings.DISCUSSIONS_RATE_LIMIT_POSTS = 1000


# The fixed data set ------------------------------------------------------------------
#
# Monitoring (suivi-evaluation), on practice ``monitoring``:
#   feedback with difficulties or suggestions: 2 (a third report says neither) ×2 = 4
#   abandoned adoption: 1 (another one is in progress)                          ×2 = 2
#   unanswered questions: 2 (one answered, one asked an hour ago: not counted)  ×2 = 4
#   skills wanted "suivi-évaluation" on a profile: 1                            ×1 = 1
#                                                                               = 11
# Risks (gestion-des-risques), on practice ``risks``:
#   wishes: 2 on the practice + 1 on the theme                                  ×3 = 9
#   a search "Gestion des risques" made twice that found nothing                ×1 = 1
#                                                                               = 10
# Savings (epargne-microfinance): 1 wish on ``savings``                        ×3 = 3
#   ("microfinance" searched once, "épargne" twice but with 12 results: not counted)
# Literacy (alphabetisation): nothing — not ranked.


@pytest.fixture
def data(make_practice, author, colleague, outsider, outsider_admin, org_a, org_b, facilitator):
    monitoring = make_practice(author, title="Le suivi participatif des puits")
    monitoring.themes.set([theme("suivi-evaluation")])
    risks = make_practice(author, title="La carte des risques du village")
    risks.themes.set([theme("gestion-des-risques")])
    savings = make_practice(author, title="Le warrantage à Ngaoundéré")

    worked = adopt(monitoring, org_b, outsider)
    report(worked, difficulties="Les relais ne remplissaient pas les fiches.")
    report(worked, suggestions="Simplifier la fiche de collecte.")
    report(worked, difficulties="  ", suggestions="")  # says nothing: not a signal
    adopt(monitoring, org_b, outsider_admin, status="abandoned", reason="Pas de relais formés.")

    ask(monitoring, outsider, "Comment former les relais ?")
    ask(theme("suivi-evaluation"), outsider, "Quels indicateurs suivre ?")
    answered = ask(monitoring, outsider, "Qui tient le registre ?")
    discussion_services.answer_post(thread=answered, by=author, body="Le chef de poste.")
    ask(monitoring, outsider, "Et les femmes ?", days_old=0)  # too recent

    colleague.skills_wanted = "suivi-évaluation, cuisine"
    colleague.save(update_fields=["skills_wanted"])

    wish_add(person=outsider, practice=risks)
    wish_add(person=colleague, practice=risks, note="Pour nos zones inondables")
    wish_add(person=outsider_admin, theme=theme("gestion-des-risques"))
    wish_add(person=colleague, practice=savings)

    for _ in range(2):
        search_tally(query="Gestion des  Risques", results=0)
        search_tally(query="épargne", results=12)
    search_tally(query="microfinance", results=0)
    return {"monitoring": monitoring, "risks": risks, "savings": savings}


def ranked(viewer, **kwargs):
    # Equal scores follow the themes' names in the reader's language: French here.
    with translation.override("fr"):
        return [(n.theme.slug, n.score) for n in needs_ranking(viewer=viewer, **kwargs)]


def test_the_ranking_matches_the_hand_computed_one(data, facilitator):
    assert ranked(facilitator) == [
        ("suivi-evaluation", 11),
        ("gestion-des-risques", 10),
        ("epargne-microfinance", 3),
    ]
    needs = {n.theme.slug: n for n in needs_ranking(viewer=facilitator)}
    assert needs["suivi-evaluation"].counts == {
        "wishes": 0,
        "skills": 1,
        "feedback": 2,
        "abandoned": 1,
        "unanswered": 2,
        "searches": 0,
    }
    assert needs["gestion-des-risques"].counts == {
        "wishes": 3,
        "skills": 0,
        "feedback": 0,
        "abandoned": 0,
        "unanswered": 0,
        "searches": 1,
    }
    questions = [e.title for e in needs["suivi-evaluation"].evidence["unanswered"]]
    assert sorted(questions) == ["Comment former les relais ?", "Quels indicateurs suivre ?"]
    assert "alphabetisation" not in needs


def test_a_theme_with_shortcomings_and_questions_ranks_above_one_with_none(data, facilitator):
    order = [slug for slug, _score in ranked(facilitator)]
    assert order.index("suivi-evaluation") < order.index("epargne-microfinance")
    literacy = need_of_theme(viewer=facilitator, theme=theme("alphabetisation"))
    assert literacy.score == 0 and literacy.signals == 0


def test_a_decided_need_goes_after_the_open_ones(data, facilitator):
    need_decide(theme=theme("gestion-des-risques"), status="covered", by=facilitator)
    assert ranked(facilitator) == [
        ("suivi-evaluation", 11),
        ("epargne-microfinance", 3),
        ("gestion-des-risques", 10),
    ]
    risks = needs_ranking(viewer=facilitator)[-1]
    assert risks.decision.status == NeedDecision.Status.COVERED


def test_since_keeps_recent_signals_only(data, facilitator):
    LearningWish.objects.filter(note="").update(created_at=days_ago(400))
    SearchTally.objects.update(day=timezone.localdate() - timedelta(days=400))
    since = timezone.localdate() - timedelta(days=365)
    # Risks keeps the one recent wish (with a note); savings loses its only wish.
    assert ranked(facilitator, since=since) == [
        ("suivi-evaluation", 11),
        ("gestion-des-risques", 3),
    ]


def test_one_organisation_counts_its_own_signals_only(data, facilitator, org_a, org_b):
    # Org A: the colleague's wishes and skill. Org B: the outsiders' adoptions, reports,
    # questions and wishes. Searches are anonymous: the network's only.
    # (Equal scores: in the alphabetical order of the themes' names, accents aside.)
    assert ranked(facilitator, organisation=org_a) == [
        ("epargne-microfinance", 3),
        ("gestion-des-risques", 3),
        ("suivi-evaluation", 1),
    ]
    assert ranked(facilitator, organisation=org_b) == [
        ("suivi-evaluation", 10),
        ("gestion-des-risques", 6),
    ]


def test_an_org_admin_sees_their_organisations_needs(data, outsider_admin, org_a, org_b):
    assert ranked(outsider_admin) == [("suivi-evaluation", 10), ("gestion-des-risques", 6)]
    assert ranked(outsider_admin, organisation=org_a) == []  # not theirs: nothing


def test_no_ranking_for_members_and_visitors(data, outsider, colleague):
    assert needs_ranking(viewer=AnonymousUser()) == []
    assert needs_ranking(viewer=outsider) == []
    assert need_of_theme(viewer=colleague, theme=theme("suivi-evaluation")) is None


# Who sees which evidence -------------------------------------------------------------


@pytest.fixture
def private_signals(make_practice, author, org_a, org_b):
    """Dora belongs to org A and org B. She wishes to learn org A's organisation-only
    practice and asks a question there that nobody answers."""
    dora = make_person("dora@both.example", "Dora Double", organisation=org_a)
    Membership.objects.create(user=dora, organisation=org_b, role="member")
    internal = make_practice(
        author, title="Notre grille interne de suivi", visibility="organisation"
    )
    internal.themes.set([theme("suivi-evaluation")])
    wish_add(person=dora, practice=internal, note="Pour notre antenne")
    ask(internal, dora, "Où trouver la grille interne ?")
    adopt(internal, org_a, dora, status="abandoned", reason="Trop lourd pour nous")
    return internal


def _titles(need) -> set[str]:
    return {e.title for items in need.evidence.values() for e in items}


def test_an_org_admin_of_b_never_sees_evidence_of_a_private_practice(
    private_signals, outsider_admin, org_admin, facilitator, org_b
):
    monitoring = theme("suivi-evaluation")
    for organisation in (None, org_b):
        need = need_of_theme(viewer=outsider_admin, theme=monitoring, organisation=organisation)
        assert need.signals == 0
        assert "Notre grille interne de suivi" not in _titles(need)
        assert "Où trouver la grille interne ?" not in _titles(need)
    assert ranked(outsider_admin) == []
    # Org A's admin and the facilitators see it all.
    for viewer in (org_admin, facilitator):
        need = need_of_theme(viewer=viewer, theme=monitoring)
        assert need.counts["wishes"] == 1 and need.counts["unanswered"] == 1
        assert need.counts["abandoned"] == 1
        assert "Notre grille interne de suivi" in _titles(need)


def test_organisation_only_feedback_is_not_evidence_for_others(
    make_practice, author, outsider, outsider_admin, org_b, org_admin, facilitator
):
    practice = make_practice(author, title="Le suivi des puits")
    practice.themes.set([theme("suivi-evaluation")])
    report(adopt(practice, org_b, outsider), difficulties="Secret", visibility="organisation")
    monitoring = theme("suivi-evaluation")
    assert need_of_theme(viewer=facilitator, theme=monitoring).counts["feedback"] == 1
    assert need_of_theme(viewer=outsider_admin, theme=monitoring).counts["feedback"] == 1
    # Org A's admin reads their own organisation's signals: org B's report is not one.
    assert need_of_theme(viewer=org_admin, theme=monitoring).counts["feedback"] == 0


# Wishes ------------------------------------------------------------------------------


def test_a_second_wish_changes_nothing(make_practice, author, outsider):
    practice = make_practice(author)
    first = wish_add(person=outsider, practice=practice, note="Le stockage")
    second = wish_add(person=outsider, practice=practice, note="Autre chose")
    assert first.duplicate is False and second.duplicate is True
    assert LearningWish.objects.filter(person=outsider).count() == 1
    assert LearningWish.objects.get(person=outsider).note == "Le stockage"
    wish_add(person=outsider, theme=theme("education"))
    wish_add(person=outsider, theme=theme("education"))
    assert LearningWish.objects.filter(person=outsider).count() == 2
    assert AuditEvent.objects.filter(action="learning.wish_added").count() == 2


def test_a_wish_on_a_practice_one_may_not_see_is_not_found(make_practice, author, outsider):
    internal = make_practice(author, visibility="organisation")
    draft = make_practice(author, status="draft")
    for practice in (internal, draft):
        with pytest.raises(ServiceError) as refused:
            wish_add(person=outsider, practice=practice)
        assert refused.value.status == 404
    assert not LearningWish.objects.exists()


def test_wishes_need_a_member_and_one_subject(make_practice, author, outsider):
    practice = make_practice(author)
    with pytest.raises(ServiceError) as refused:
        wish_add(person=AnonymousUser(), practice=practice)
    assert refused.value.status == 401
    with pytest.raises(ServiceError):
        wish_add(person=outsider)
    with pytest.raises(ServiceError):
        wish_add(person=outsider, practice=practice, theme=theme("education"))
    with pytest.raises(ServiceError) as refused:
        wish_add(person=outsider, practice=practice, note="x" * 301)
    assert refused.value.field == "note"
    assert not LearningWish.objects.exists()


def test_a_wish_is_taken_back(make_practice, author, outsider):
    practice = make_practice(author)
    wish_add(person=outsider, practice=practice)
    assert wish_remove(person=outsider, practice=practice) is True
    assert wish_remove(person=outsider, practice=practice) is False
    assert not LearningWish.objects.exists()


# Decisions ---------------------------------------------------------------------------


def test_who_decides(facilitator, org_admin, outsider_admin, colleague, org_a, org_b):
    risks = theme("gestion-des-risques")
    need_decide(theme=risks, status="covered", by=facilitator)
    need_decide(theme=risks, organisation=org_a, status="training", by=org_admin, note="En mai")
    with pytest.raises(ServiceError) as refused:
        need_decide(theme=risks, status="covered", by=org_admin)  # the network's: no
    assert refused.value.status == 403
    with pytest.raises(ServiceError) as refused:
        need_decide(theme=risks, organisation=org_a, status="covered", by=outsider_admin)
    assert refused.value.status == 403
    with pytest.raises(ServiceError) as refused:
        need_decide(theme=risks, organisation=org_a, status="covered", by=colleague)
    assert refused.value.status == 404
    with pytest.raises(ServiceError):
        need_decide(theme=risks, organisation=org_b, status="nonsense", by=outsider_admin)
    assert NeedDecision.objects.count() == 2
    assert AuditEvent.objects.filter(action="learning.need_decided").count() == 2


# Search tally ------------------------------------------------------------------------


def test_queries_are_folded():
    assert fold_query("  Gestion   des RISQUES\t") == "gestion des risques"
    assert fold_query("Épargne à l'école") == "epargne a l'ecole"
    assert fold_query("   ") == ""


def test_the_tally_counts_per_day_and_keeps_the_last_result_count(db):
    search_tally(query="Épargne", results=5)
    search_tally(query="epargne", results=2)
    yesterday = timezone.localdate() - timedelta(days=1)
    search_tally(query="epargne", results=9, day=yesterday)
    assert search_tally(query="  ", results=0) is False
    today = SearchTally.objects.get(day=timezone.localdate())
    assert (today.query, today.count, today.results) == ("epargne", 2, 2)
    assert SearchTally.objects.get(day=yesterday).count == 1


def test_words_match_a_themes_name(db):
    risks = theme("gestion-des-risques")
    assert matches_theme("gestion des risques", risks)
    assert matches_theme("risque", risks)
    assert not matches_theme("gestion de projet", risks)
    assert not matches_theme("", risks)
    assert matches_theme("Risk management", risks)
    assert matches_theme("suivi-évaluation", theme("suivi-evaluation"))
    assert matches_theme("microfinance", theme("epargne-microfinance"))


# API ---------------------------------------------------------------------------------


def test_the_api_ranks_needs_for_facilitators_only(data, client_for, facilitator, outsider):
    response = client_for(facilitator, **EN).get("/api/v1/training-needs")
    assert response.status_code == 200
    body = response.json()
    assert [(n["theme"]["slug"], n["score"]) for n in body] == [
        ("suivi-evaluation", 11),
        ("gestion-des-risques", 10),
        ("epargne-microfinance", 3),
    ]
    assert body[0]["counts"]["unanswered"] == 2 and body[0]["decision"] is None
    assert body[0]["url"] == "/trainings/needs/suivi-evaluation/"
    assert client_for(outsider).get("/api/v1/training-needs").status_code == 404
    assert client_for().get("/api/v1/training-needs").status_code == 404
    url = "/api/v1/training-needs?organisation=ate"
    assert client_for(facilitator).get(url).json()[0]["score"] == 10


def test_the_api_keeps_an_org_admin_to_their_organisations(data, client_for, outsider_admin):
    client = client_for(outsider_admin)
    assert client.get("/api/v1/training-needs?organisation=ate").status_code == 200
    assert client.get("/api/v1/training-needs?organisation=adb").status_code == 404


def test_the_api_records_a_wish_once(make_practice, author, client_for, outsider):
    practice = make_practice(author)
    internal = make_practice(author, visibility="organisation", title="Interne")
    outsider.language = "en"  # the API answers in the caller's own language
    outsider.save(update_fields=["language"])
    client = client_for(outsider, **EN)
    url = "/api/v1/training-needs/wishes"
    first = client.post(url, {"practice": practice.pk}, content_type="application/json")
    again = client.post(url, {"practice": practice.pk}, content_type="application/json")
    assert (first.status_code, again.status_code) == (201, 200)
    assert "counts once" in again.json()["detail"]
    hidden = client.post(url, {"practice": internal.pk}, content_type="application/json")
    assert hidden.status_code == 404
    both = client.post(
        url, {"practice": practice.pk, "theme": "education"}, content_type="application/json"
    )
    assert both.status_code == 400
    on_theme = client.post(url, {"theme": "education"}, content_type="application/json")
    assert on_theme.status_code == 201 and on_theme.json()["theme"] == "education"
    anonymous = client_for().post(url, {"theme": "education"}, content_type="application/json")
    assert anonymous.status_code == 401
    assert LearningWish.objects.count() == 2


def test_the_openapi_document_names_the_need_schemas(client):
    document = client.get("/api/v1/openapi.json").json()
    assert {"NeedOut", "NeedCountsOut", "NeedThemeOut", "NeedDecisionOut", "NeedWishIn"} <= set(
        document["components"]["schemas"]
    )
    assert {"/api/v1/training-needs", "/api/v1/training-needs/wishes"} <= set(document["paths"])
