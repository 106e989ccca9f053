"""Finding the right practice, on SQLite FTS5 and PostgreSQL alike."""

import pytest
from django.core.management import call_command

from palabre.practices.search import FACETS, practice_search
from palabre.practices.services import practice_archive, practice_update
from palabre.search.services import vocabulary_rebuild


@pytest.fixture
def library(make_practice, author):
    """A few practices whose words the tests look for."""
    return {
        "evaluation": make_practice(
            author,
            title="Évaluation participative des cantines scolaires",
            visibility="public",
            summary="Les parents notent les repas chaque mois.",
            results="Les repas sont meilleurs.",
        ),
        "cooperative": make_practice(
            author,
            title="Une coopérative de transformation du manioc",
            visibility="public",
            summary="Les femmes vendent ensemble le gari.",
            lessons="Tenir une caisse commune.",
        ),
        "committee": make_practice(
            author,
            title="Les forages du Logone",
            visibility="public",
            summary="Le comité de gestion collecte 100 FCFA par bidon.",
            difficulties="La gestion du comité a été contestée.",
        ),
        "reversed": make_practice(
            author,
            title="Réunions de quartier",
            visibility="public",
            summary="La gestion des réunions par le comité des sages.",
        ),
        "english": make_practice(
            author,
            title="Cooperatives for women processors",
            language="en",
            visibility="public",
            summary="Women sell cassava flour together through their cooperative.",
        ),
        "private": make_practice(
            author,
            title="Évaluation interne de notre fonds rotatif",
            visibility="organisation",
            summary="Une évaluation que nous gardons entre nous.",
        ),
    }


def titles(result):
    return [p.title for p in result.page]


def find(user, q, **kwargs):
    return practice_search(user=user, q=q, **kwargs)


def test_accents_and_case_do_not_matter(library, client):
    result = client.get("/search/", {"q": "EVALUATION"}).context["result"]
    assert titles(result) == ["Évaluation participative des cantines scolaires"]


def test_french_and_english_stems_match(library, colleague):
    french = titles(find(colleague, "coopératives"))
    assert "Une coopérative de transformation du manioc" in french
    english = titles(find(colleague, "cooperative"))
    assert "Cooperatives for women processors" in english


def test_last_word_matches_as_a_prefix_while_typing(library, colleague):
    assert titles(find(colleague, "manio", live=True)) == [
        "Une coopérative de transformation du manioc"
    ]
    assert titles(find(colleague, "manio")) == []


def test_a_word_being_typed_matches_what_starts_with_it_not_what_shares_its_stem(
    library, colleague
):
    # "comit" (comité being typed) stems to "com": "caisse commune" must not come up.
    found = titles(find(colleague, "comit", live=True))
    assert sorted(found) == ["Les forages du Logone", "Réunions de quartier"]
    # A whole word, still being typed, matches its other forms.
    assert titles(find(colleague, "femmes", live=True)) == [
        "Une coopérative de transformation du manioc"
    ]


def test_phrase_in_quotes_keeps_the_order(library, colleague):
    found = titles(find(colleague, '"comité de gestion"'))
    assert found == ["Les forages du Logone"]
    assert "Réunions de quartier" in titles(find(colleague, "comité gestion"))


def test_excluded_word(library, colleague):
    assert "Les forages du Logone" not in titles(find(colleague, "comité -forages"))


def test_title_weighs_more_than_body(make_practice, author, colleague):
    body = make_practice(author, title="Réunions mensuelles", lessons="Penser au warrantage.")
    title = make_practice(author, title="Le warrantage en pratique", lessons="Rien.")
    assert titles(find(colleague, "warrantage")) == [title.title, body.title]


@pytest.mark.parametrize(
    "text",
    ["l'eau", "sage-femme", "100%", '"', "AND", "*", "-", "🙂", "x" * 2000, "", "NEAR(", "a OR"],
)
def test_hostile_input_gives_a_page_never_a_500(client, library, text):
    response = client.get("/search/", {"q": text})
    assert response.status_code == 200
    api = client.get("/api/v1/practices", {"q": text})
    assert api.status_code == 200


def test_long_query_is_cut_with_a_clear_message(client, library):
    response = client.get("/search/", {"q": "évaluation " * 300})
    assert "seuls ses 200 premiers caractères" in response.content.decode()


def test_matching_words_are_highlighted(library, client):
    body = client.get("/search/", {"q": "repas"}).content.decode()
    assert "<mark>repas</mark>" in body


def test_a_misspelt_word_is_corrected_from_the_library(library, client):
    vocabulary_rebuild()
    response = client.get("/search/", {"q": "cantnes"})
    assert titles(response.context["result"]) == ["Évaluation participative des cantines scolaires"]
    page = response.content.decode()
    assert "Résultats pour « cantines »." in page and "Rechercher plutôt « cantnes »" in page
    # As typed, if one insists: nothing, and no second guess.
    exact = client.get("/search/", {"q": "cantnes", "exact": "1"})
    assert exact.context["result"].total == 0
    assert "Résultats pour" not in exact.content.decode()


def test_what_one_may_not_see_is_neither_found_nor_counted(
    library, client_for, outsider, colleague, client
):
    for who in (outsider, None):
        result = find(who, "évaluation")
        assert "Évaluation interne de notre fonds rotatif" not in titles(result)
        assert result.total == 1
        kinds = {f.name: f for f in result.facets}["kind"]
        assert sum(v.count for v in kinds.values) == 1
    assert find(colleague, "évaluation").total == 2


def test_facet_counts_equal_the_results_one_can_open(
    library, outsider, make_practice, author, org_b
):
    make_practice(
        author,
        title="Lessons from a failed fund",
        kind="lesson_learned",
        language="en",
        country="TD",
    )
    for user in (outsider, None):
        result = find(user, "")
        for facet in result.facets:
            for value in facet.values:
                opened = find(user, "", filters={facet.name: value.value})
                assert opened.total == value.count, (facet.name, value.value)


def test_facets_combine_with_the_text(library, colleague):
    result = find(colleague, "coopérative", filters={"language": "en"})
    assert titles(result) == ["Cooperatives for women processors"]
    languages = {v.value: v.count for v in {f.name: f for f in result.facets}["language"].values}
    assert languages == {"fr": 1, "en": 1}


def test_index_follows_every_change_in_the_same_transaction(
    library, author, org_admin, facilitator
):
    from palabre.practices.services import (
        practice_publish,
        practice_start_new_version,
        practice_submit,
    )

    practice = library["cooperative"]
    assert find(None, "manioc").total == 1  # also fills the search cache
    # A new version changes the title and who may read it; publishing it is immediate.
    draft = practice_start_new_version(practice=practice, by=author)
    practice_update(
        practice=draft,
        by=author,
        fields={"title": "Le tapioca des femmes de Bertoua", "visibility": "network"},
        expected_version=draft.version,
    )
    assert find(None, "tapioca").total == 0  # drafts are never found
    practice_submit(practice=draft, by=author)
    practice_publish(practice=draft, by=facilitator)
    assert find(None, "tapioca").total == 0  # network only now: not for visitors
    assert find(None, "manioc").total == 0
    assert titles(find(author, "tapioca")) == ["Le tapioca des femmes de Bertoua"]
    practice_archive(practice=practice, by=org_admin)
    assert find(author, "tapioca").total == 0


def test_cached_searches_follow_the_library(library, colleague, settings):
    settings.SEARCH_CACHE_SECONDS = 300
    first = find(colleague, "manioc")
    from palabre.practices.search import touch_practice

    library["cooperative"].title = "Le gari de Bertoua"
    library["cooperative"].save()
    from palabre.practices.search import index_practice

    index_practice(library["cooperative"])
    assert titles(find(colleague, "gari")) == ["Le gari de Bertoua"]
    assert first.total == 1
    touch_practice(library["cooperative"].pk)


def test_sort_by_date_and_by_adoptions(library, colleague):
    from palabre.practices.models import Practice

    Practice.objects.filter(pk=library["committee"].pk).update(adoption_count=5)
    from palabre.practices.search import touch_practice

    touch_practice(library["committee"].pk)
    assert titles(find(colleague, "", sort="adopted"))[0] == "Les forages du Logone"
    assert find(colleague, "", sort="date").sort == "date"
    assert find(colleague, "x", sort="nonsense").sort == "relevance"


def test_search_page_is_shareable_and_answers_htmx_with_a_fragment(library, client):
    full = client.get("/search/?q=manioc&language=fr")
    assert "<html" in full.content.decode() and 'value="manioc"' in full.content.decode()
    fragment = client.get("/search/?q=manioc&live=1", HTTP_HX_REQUEST="true")
    assert "<html" not in fragment.content.decode()
    assert "Une coopérative de transformation du manioc" in fragment.content.decode()
    assert "HX-Request" in fragment["Vary"]


def test_search_page_query_count_does_not_grow_with_results(
    make_practice, author, client, django_assert_max_num_queries, settings
):
    settings.SEARCH_CACHE_SECONDS = 0  # count what a search costs, not a cached one
    for i in range(3):
        make_practice(author, title=f"Tontine numéro {i}", visibility="public")
    client.get("/search/", {"q": "tontine"})
    # 34: the search page also counts the query for the training needs (one upsert, in a
    # savepoint on PostgreSQL) and asks whether any training could be found; it keeps one
    # version of a translated practice and reads the others to link to (two queries).
    with django_assert_max_num_queries(34) as before:
        client.get("/search/", {"q": "tontine"})
    for i in range(15):
        make_practice(author, title=f"Autre tontine {i}", visibility="public")
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get("/search/", {"q": "tontine"})


def test_api_search_with_facets(library, client):
    data = client.get("/api/v1/practices", {"q": "évaluation", "kind": "good_practice"}).json()
    assert data["meta"]["count"] == 1
    assert set(data["facets"]) == {name for name, _ in FACETS}
    assert data["results"][0]["title"] == "Évaluation participative des cantines scolaires"


def test_similar_practices_respect_visibility(library, client_for, outsider, colleague):
    practice = library["evaluation"]
    page = client_for(outsider).get(practice.get_absolute_url()).content.decode()
    assert "Pratiques proches" in page and f"/practices/{practice.pk}/similar/" in page
    similar = client_for(outsider).get(f"/practices/{practice.pk}/similar/").content.decode()
    assert "Évaluation interne de notre fonds rotatif" not in similar
    fragment = (
        client_for(colleague)
        .get(f"/practices/{practice.pk}/similar/", HTTP_HX_REQUEST="true")
        .content.decode()
    )
    assert "<html" not in fragment and "Évaluation interne de notre fonds rotatif" in fragment


def test_similar_practices_of_a_private_practice_are_404_for_others(library, client):
    assert client.get(f"/practices/{library['private'].pk}/similar/").status_code == 404


def test_rebuild_command_restores_the_index(library, colleague):
    from palabre.search.models import SearchDocument

    SearchDocument.objects.all().delete()
    assert find(colleague, "manioc").total == 0
    call_command("rebuild_search_index", verbosity=0)
    assert find(colleague, "manioc").total == 1


@pytest.fixture
def many_organisations(make_practice, author, org_a):
    """Sixteen organisations with a public practice each about wells; org_a has three."""
    from palabre.organisations.models import Organisation

    for i in range(15):
        organisation = Organisation.objects.create(
            name=f"Groupement {i:02d}", slug=f"groupement-{i:02d}", kind="local_association"
        )
        make_practice(author, organisation=organisation, title=f"Puits {i}", visibility="public")
    for i in range(3):
        make_practice(author, title=f"Puits de Bafut {i}", visibility="public")


def test_a_facet_lists_its_most_frequent_values_and_counts_the_others(many_organisations, client):
    result = find(None, "puits")
    organisations = {f.name: f for f in result.facets}["organisation"]
    assert len(organisations.values) == 12
    assert organisations.values[0].value == "adb" and organisations.values[0].count == 3
    assert organisations.more == 4
    # Chosen, an organisation beyond the first twelve is listed (with its count) all the same.
    chosen = find(None, "puits", filters={"organisation": "groupement-14"})
    listed = {f.name: f for f in chosen.facets}["organisation"].values
    assert [(v.value, v.count) for v in listed if v.selected] == [("groupement-14", 1)]

    page = client.get("/search/", {"q": "puits"}).content.decode()
    assert "4 de plus" in page and "all=organisation" in page
    assert "organisation=groupement-14" not in page  # its facet link
    everything = client.get("/search/", {"q": "puits", "all": "organisation"}).content.decode()
    assert "organisation=groupement-14" in everything


def test_api_facets_are_bounded_and_say_how_many_more(many_organisations, client):
    data = client.get("/api/v1/practices", {"q": "puits"}).json()
    assert len(data["facets"]["organisation"]) == 12
    assert data["facets_more"]["organisation"] == 4
    full = client.get("/api/v1/practices", {"q": "puits", "all": "organisation"}).json()
    assert len(full["facets"]["organisation"]) == 16
    assert "organisation" not in full["facets_more"]
    # An unknown facet name lists nothing more, and is not an error.
    assert client.get("/api/v1/practices", {"q": "puits", "all": "nope"}).status_code == 200


def test_a_practice_and_its_translation_are_one_result_in_the_readers_language(
    make_practice, author, client
):
    original = make_practice(
        author, title="Tontine des femmes de Bafut", visibility="public", summary="Une tontine."
    )
    translation = make_practice(
        author,
        title="Bafut women's tontine",
        language="en",
        visibility="public",
        summary="A tontine.",
        translation_of=original,
    )
    make_practice(author, title="Tontine des jeunes", visibility="public")
    french = find(None, "tontine")
    assert sorted(titles(french)) == ["Tontine des femmes de Bafut", "Tontine des jeunes"]
    assert french.total == 2
    languages = {v.value: v.count for v in {f.name: f for f in french.facets}["language"].values}
    assert languages == {"fr": 2}
    page = client.get("/search/", {"q": "tontine"}).content.decode()
    assert f'href="{translation.get_absolute_url()}"' in page and 'hreflang="en"' in page

    english = client.get("/search/", {"q": "tontine"}, HTTP_ACCEPT_LANGUAGE="en")
    shown = [p.title for p in english.context["result"].page]
    assert "Bafut women's tontine" in shown and "Tontine des femmes de Bafut" not in shown
    assert f'href="{original.get_absolute_url()}"' in english.content.decode()
