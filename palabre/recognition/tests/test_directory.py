"""“Who can help me?”: people ranked by the evidence the viewer may see, with the reasons;
questions go through Palabre; nothing of an organisation-only record reaches outsiders."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import make_person
from palabre.accounts.services import api_token_create
from palabre.adoptions.models import Adoption
from palabre.discussions.models import Answer, Mention, Space, Thread
from palabre.notifications.models import Notification
from palabre.organisations.models import Organisation
from palabre.recognition.models import ContributorSettings
from palabre.recognition.selectors.directory import Filters, find_helpers
from palabre.recognition.services.directory import mention_for
from palabre.themes.models import Theme
from palabre.workshops.models import Session, Workshop

WATER = "eau-hygiene-assainissement"
SECRET = "Le secret de Bafut"


def text(response) -> str:
    return html.unescape(response.content.decode())


def english(*people):
    for person in people:
        person.language = "en"
        person.save(update_fields=["language"])


def names(response) -> list[str]:
    """The people listed, in their order on the page."""
    return re.findall(
        r'<li class="helper">\s*<a href="[^"]*"><strong>([^<]+)</strong>', text(response)
    )


@pytest.fixture
def bearer(db):
    def make(user):
        _token, secret = api_token_create(user=user, name="tests")
        return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}

    return make


@pytest.fixture
def network(make_practice, author, colleague, outsider, org_a, org_b, facilitator):
    """A fixed network, with the scores each viewer should see (computed by hand below).

    On water (theme "Eau, hygiène et assainissement"):
    - Awa Author (ADB): practices P1, P2 (network); P1 adopted by ATE and by a third
      organisation (elsewhere); P2 adopted by ADB itself (not elsewhere);
    - Colin Colleague (ADB): P4, ADB only, adopted by ATE and the third organisation; an
      accepted answer in P4's discussion; a presentation at an ADB-only workshop;
    - Binta Expert (ATE): P3 (network), a presentation at a network workshop, an accepted
      answer in the water theme's discussion; and P5 on savings (another theme);
    - Oscar Outsider (ATE): led ATE's adoption of P1;
    - Carla Declared (ATE): no evidence, declares "assainissement, suivi-évaluation".
    """
    water = Theme.objects.get(slug=WATER)
    org_c = Organisation.objects.create(
        name="Mairie de Garoua", slug="garoua", kind="local_authority", country="CM"
    )
    binta = make_person("binta@ate.example", "Binta Expert", organisation=org_b)
    carla = make_person("carla@ate.example", "Carla Declared", organisation=org_b)
    carla.skills_offered = "assainissement, suivi-évaluation"
    carla.languages_spoken = "français, fulfulde"
    carla.save()

    def practice(who, title, visibility="network", theme=WATER, organisation=None):
        made = make_practice(who, title=title, visibility=visibility, organisation=organisation)
        made.themes.set([Theme.objects.get(slug=theme)])
        return made

    p1 = practice(author, "Les comités de points d'eau")
    p2 = practice(author, "Le lavage des mains à l'école")
    practice(binta, "Les latrines écologiques", organisation=org_b)
    p4 = practice(colleague, SECRET, visibility="organisation")
    practice(binta, "Les tontines", theme="epargne-microfinance", organisation=org_b)
    started = timezone.localdate() - timedelta(days=100)
    for target, organisation, contact in (
        (p1, org_b, outsider),
        (p1, org_c, None),
        (p2, org_a, None),
        (p4, org_b, None),
        (p4, org_c, None),
    ):
        Adoption.objects.create(
            practice=target,
            organisation=organisation,
            status="in_progress",
            started_on=started,
            country=organisation.country,
            contact=contact,
        )

    def workshop(visibility):
        today = timezone.localdate()
        made = Workshop.objects.create(
            title=f"Atelier {visibility}",
            objectives="Partager",
            start_date=today - timedelta(days=30),
            end_date=today - timedelta(days=29),
            status="published",
            visibility=visibility,
            created_by=facilitator,
        )
        made.organisers.set([org_a])
        return made

    for where, presenter in ((workshop("network"), binta), (workshop("organisation"), colleague)):
        start = timezone.now() - timedelta(days=30)
        Session.objects.create(
            workshop=where,
            kind=Session.Kind.PRESENTATION,
            title=f"Exposé de {presenter}",
            starts_at=start,
            ends_at=start + timedelta(hours=1),
            theme=water,
            presenter=presenter,
        )

    def accepted(space, asker, helper):
        thread = Thread.objects.create(space=space, title="Comment faire ?", body="?", author=asker)
        answer = Answer.objects.create(thread=thread, body="Ainsi.", author=helper)
        thread.accepted_answer = answer
        thread.save()

    accepted(Space.objects.create(kind="theme", theme=water), author, binta)
    accepted(Space.objects.create(kind="practice", practice=p4), author, colleague)
    return {"water": water, "binta": binta, "carla": carla, "p4": p4, "org_c": org_c}


# Ranking, against the sums computed by hand ----------------------------------------------


def test_an_outsider_sees_the_ranking_of_what_they_may_see(client_for, outsider, network):
    english(outsider)
    response = client_for(outsider).get("/who-can-help/", {"theme": WATER})
    assert response.status_code == 200
    # Awa 3×2 + 2×2 = 10; Binta 3 + 2 + 1 = 6; Oscar led 1 adoption: 2; Carla declares: 1.
    assert names(response) == ["Awa Author", "Binta Expert", "Oscar Outsider", "Carla Declared"]
    page = text(response)
    theme = "“Water, sanitation and hygiene”"
    assert f"2 practices on {theme}, 2 adoptions elsewhere." in page
    assert (
        f"1 practice on {theme}, 1 experience presentation given, "
        "1 answer accepted as the one that helped." in page
    )
    assert "1 adoption led." in page
    assert "Says they can help with: assainissement." in page


def test_a_member_of_the_organisation_sees_its_own_records_counted(client_for, author, network):
    english(author)
    response = client_for(author).get("/who-can-help/", {"theme": WATER})
    # Colin: P4 (3) + its 2 adoptions elsewhere (4) + an answer (1) + a presentation (2) = 10,
    # equal to Awa's 10, after her: she shared more practices.
    assert names(response) == [
        "Awa Author",
        "Colin Colleague",
        "Binta Expert",
        "Oscar Outsider",
        "Carla Declared",
    ]
    assert "1 practice on “Water, sanitation and hygiene”, 2 adoptions elsewhere" in text(response)


def test_the_selector_gives_the_same_scores(outsider, author, network):
    water = network["water"]
    scores = {h.name: h.score for h in find_helpers(viewer=outsider, filters=Filters(theme=water))}
    assert scores == {
        "Awa Author": 10,
        "Binta Expert": 6,
        "Oscar Outsider": 2,
        "Carla Declared": 1,
    }
    scores = {h.name: h.score for h in find_helpers(viewer=author, filters=Filters(theme=water))}
    assert scores["Colin Colleague"] == 10


def test_without_a_theme_every_theme_counts(client_for, outsider, network):
    english(outsider)
    response = client_for(outsider).get("/who-can-help/")
    # Awa 10; Binta 2 practices (6) + 2 + 1 = 9; Oscar 2; Carla listed for her skills (0).
    assert names(response) == ["Awa Author", "Binta Expert", "Oscar Outsider", "Carla Declared"]
    assert "2 practices shared" in text(response)


def test_nothing_of_an_organisation_only_record_reaches_another_organisation(
    client_for, outsider, bearer, client, network
):
    english(outsider)
    for query in ({"theme": WATER}, {}, {"skill": "secret"}):
        page = text(client_for(outsider).get("/who-can-help/", query))
        assert SECRET not in page
        assert "Colin Colleague" not in page
    api = client.get("/api/v1/directory", {"theme": WATER}, **bearer(outsider))
    body = api.content.decode()
    assert SECRET not in body
    assert "Colin" not in body
    awa = api.json()["results"][0]
    assert awa["name"] == "Awa Author"
    assert awa["evidence"]["adopted_elsewhere"] == 2  # not the adoptions of the secret one


# Filters -------------------------------------------------------------------------------


def test_filters_combine(client_for, outsider, network):
    client = client_for(outsider)
    assert names(client.get("/who-can-help/", {"theme": WATER, "country": "CM"})) == ["Awa Author"]
    assert names(client.get("/who-can-help/", {"organisation_kind": "ngo", "theme": WATER})) == [
        "Binta Expert",
        "Oscar Outsider",
        "Carla Declared",
    ]
    # A skill typed is a filter, accents and case aside.
    assert names(client.get("/who-can-help/", {"skill": "Suivi-Evaluation"})) == ["Carla Declared"]
    assert names(client.get("/who-can-help/", {"language": "Fulfulde"})) == ["Carla Declared"]
    # Everyone's interface is French here: "français" finds them all.
    assert len(names(client.get("/who-can-help/", {"language": "francais"}))) == 4


# Access and bad input ----------------------------------------------------------------------


def test_the_directory_is_for_members(client, client_for, outsider, network):
    assert client.get("/who-can-help/").status_code == 404
    assert client.get(f"/who-can-help/{outsider.pk}/ask/").status_code == 404
    assert client.get("/api/v1/directory").status_code == 404
    english(outsider)
    assert 'href="/who-can-help/"' in text(client_for(outsider).get("/"))
    assert "/who-can-help/" not in text(client.get("/"))


@pytest.mark.parametrize(
    "query",
    [
        {"skill": "' OR 1=1 --"},
        {"skill": '"; DROP TABLE accounts_user; --'},
        {"skill": "<script>alert(1)</script>"},
        {"skill": "%_%"},
        {"language": "\x07\x1b[31m"},
        {"skill": "eau\u200b\u202e"},
        {"page": "abc"},
        {"page": "99999999999999999999"},
    ],
)
def test_hostile_queries_give_a_page_without_results(client_for, outsider, network, query):
    response = client_for(outsider).get("/who-can-help/", query)
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()
    if "skill" in query:
        assert names(response) == []


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"skill": "x" * 5000}, "at most 100 characters"),
        ({"language": "y" * 51}, "at most 50 characters"),
        ({"skill": "eau\x00"}, "Null characters are not allowed."),
        ({"theme": "nowhere' OR 1=1"}, "Select a valid choice."),
        ({"country": "XX"}, "Select a valid choice."),
        ({"organisation_kind": "<b>"}, "Select a valid choice."),
    ],
)
def test_bad_queries_are_refused_plainly(client_for, outsider, network, query, message):
    english(outsider)
    response = client_for(outsider).get("/who-can-help/", query)
    assert response.status_code == 400
    assert message in text(response)
    assert names(response) == []


def test_the_page_costs_the_same_however_many_people(
    client_for, outsider, network, make_practice, org_b, django_assert_max_num_queries
):
    client = client_for(outsider)
    client.get("/who-can-help/", {"theme": WATER})
    with django_assert_max_num_queries(17) as few:
        client.get("/who-can-help/", {"theme": WATER})
    for number in range(8):
        person = make_person(f"p{number}@ate.example", f"Personne {number}", organisation=org_b)
        made = make_practice(person, title=f"Pratique {number}")
        made.themes.set([network["water"]])
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/who-can-help/", {"theme": WATER})
    assert len(names(response)) == 12


def test_results_are_paginated_by_twenty(client_for, outsider, org_b, db):
    for number in range(23):
        person = make_person(f"s{number}@ate.example", f"Savant {number:02}", organisation=org_b)
        person.skills_offered = "warrantage"
        person.save()
    client = client_for(outsider)
    first = names(client.get("/who-can-help/", {"skill": "warrantage"}))
    second = names(client.get("/who-can-help/", {"skill": "warrantage", "page": 2}))
    assert len(first) == 20
    assert len(second) == 3
    assert not set(first) & set(second)


# Contact -----------------------------------------------------------------------------------


def test_an_address_is_shown_only_if_the_person_chose_so(client_for, outsider, author, network):
    client = client_for(outsider)
    assert "author@adb.example" not in text(client.get("/who-can-help/"))
    ContributorSettings.objects.create(person=author, show_email=True)
    assert "mailto:author@adb.example" in text(client.get("/who-can-help/"))


def test_asking_a_question_reaches_the_person_through_a_mention(
    client_for, outsider, author, network
):
    english(outsider)
    client = client_for(outsider)
    page = client.get(f"/who-can-help/{author.pk}/ask/", {"theme": WATER})
    assert page.status_code == 200
    assert "Ask Awa Author a question" in text(page)
    response = client.post(
        f"/who-can-help/{author.pk}/ask/",
        {"theme": WATER, "title": "Comment lancer un comité ?", "question": "Par où commencer ?"},
    )
    assert response.status_code == 302
    thread = Thread.objects.get(title="Comment lancer un comité ?")
    assert response["Location"] == thread.get_absolute_url()
    assert thread.space.theme == network["water"]
    assert thread.author == outsider
    assert thread.body.startswith("@Awa Author\n\n")
    assert Mention.objects.filter(thread=thread, user=author).exists()
    told = Notification.objects.get(recipient=author, kind="discussions.mention")
    assert told.url == thread.get_absolute_url()


def test_a_question_needs_a_theme_and_words(client_for, outsider, author, network):
    english(outsider)
    client = client_for(outsider)
    url = f"/who-can-help/{author.pk}/ask/"
    no_theme = client.post(url, {"title": "Une question utile", "question": "Comment ?"})
    assert no_theme.status_code == 400
    assert "Choose the theme of your question." in text(no_theme)
    empty = client.post(url, {"theme": WATER, "title": "Une question utile", "question": " "})
    assert empty.status_code == 400
    assert "Write your question." in text(empty)
    short = client.post(url, {"theme": WATER, "title": "?", "question": "Comment ?"})
    assert short.status_code == 400
    myself = client.post(
        f"/who-can-help/{outsider.pk}/ask/",
        {"theme": WATER, "title": "Une question utile", "question": "Comment ?"},
    )
    assert myself.status_code == 400
    assert "You cannot ask yourself a question." in text(myself)
    assert not Thread.objects.filter(title="Une question utile").exists()


def test_a_shared_name_is_mentioned_by_the_address(org_b, author, db):
    twin = make_person("awa.bis@ate.example", "Awa Author", organisation=org_b)
    assert mention_for(twin) == "awa.bis"
    assert mention_for(author) == "author"


# API ----------------------------------------------------------------------------------------


def test_the_directory_api_ranks_with_reasons(client, bearer, outsider, author, network):
    english(outsider)
    response = client.get("/api/v1/directory", {"theme": WATER}, **bearer(outsider))
    assert response.status_code == 200
    data = response.json()
    assert [p["name"] for p in data["results"]] == [
        "Awa Author",
        "Binta Expert",
        "Oscar Outsider",
        "Carla Declared",
    ]
    assert [p["score"] for p in data["results"]] == [10, 6, 2, 1]
    assert data["results"][0]["email"] is None
    assert (
        client.get("/api/v1/directory", {"skill": "x" * 101}, **bearer(outsider)).status_code == 400
    )
    assert (
        client.get("/api/v1/directory", {"theme": "nowhere"}, **bearer(outsider)).status_code == 400
    )
    asked = client.post(
        f"/api/v1/directory/{author.pk}/questions",
        {"theme": WATER, "title": "Comment lancer un comité ?", "question": "Par où commencer ?"},
        content_type="application/json",
        **bearer(outsider),
    )
    assert asked.status_code == 201, asked.content
    assert Mention.objects.filter(user=author).exists()
