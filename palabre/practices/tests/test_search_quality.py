"""Search forgives accents, plurals and typos, and shows the closest practices when none has
every word. Every test runs on SQLite and on PostgreSQL (set DATABASE_URL)."""

import importlib
from types import SimpleNamespace

import pytest
from django.db import connection
from django.utils import translation

from palabre.practices.search import practice_search
from palabre.search.models import SearchDocument
from palabre.search.services import vocabulary_rebuild

# make_practice fills every field with a sample fiche: these tests write their own words.
EMPTY = dict.fromkeys(
    (
        "summary", "context", "objectives", "approach", "results", "success_factors",
        "difficulties", "lessons", "replication",
    ),
    "",
)  # fmt: skip


@pytest.fixture
def write(make_practice, author):
    def make(title, **fields):
        return make_practice(author, title=title, visibility="public", **{**EMPTY, **fields})

    return make


def titles(q, **kwargs):
    return [p.title for p in practice_search(user=None, q=q, **kwargs).page]


# Accents ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("La comptabilité du groupement", "comptabilite"),
        ("L'assiduité des relais communautaires", "assiduite"),
        ("Égalité entre filles et garçons à l'école", "egalite"),
        ("Les données du centre de santé", "donnees"),
        ("La securite alimentaire des ménages", "sécurité"),
    ],
)
def test_a_word_typed_without_its_accents_finds_the_accented_word(write, written, typed):
    write(written)
    write("Un autre sujet", summary="Rien à voir.")
    assert titles(typed) == [written]


def test_an_index_stemmed_before_folding_accents_is_brought_up_to_date(write):
    practice = write("La comptabilité du groupement", summary="Des cahiers tenus à jour.")
    # What the index held before: stems of the accented words, accents removed after.
    import snowballstemmer

    from palabre.search.text import STOPWORDS, strip_accents, words

    french = snowballstemmer.stemmer("french")

    def old_terms(text):
        return " ".join(
            strip_accents(french.stemWord(w))
            for w in words(text)
            if strip_accents(w) not in STOPWORDS
        )

    SearchDocument.objects.filter(object_id=practice.pk).update(
        terms_title=old_terms(practice.title), terms_summary=old_terms(practice.summary)
    )
    if connection.vendor == "sqlite":
        assert titles("comptabilite") == []
    migration = importlib.import_module("palabre.search.migrations.0003_stems_of_unaccented_words")
    migration.restem(None, SimpleNamespace(connection=connection))
    assert titles("comptabilite") == ["La comptabilité du groupement"]
    # The index still follows every change afterwards.
    from palabre.practices.search import index_practice

    practice.title = "Les registres du groupement"
    practice.save()
    index_practice(practice)
    assert titles("comptabilite") == []
    assert titles("registre") == ["Les registres du groupement"]


# Singular and plural, masculine and feminine -----------------------------------------


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("plaidoyer", "plaidoyers"),
        ("plaidoyers", "plaidoyer"),
        ("crédit", "crédits"),
        ("conseillères", "conseiller"),
        ("tuyau", "tuyaux"),
        ("travaux", "travail"),
        ("agricultrices", "agriculteur"),
        ("financière", "financiers"),
        ("vendeuses", "vendeur"),
        ("jeux", "jeu"),
    ],
)
def test_other_forms_of_a_word_find_each_other(write, written, typed):
    write(f"Le village et ses {written}", summary="Une expérience de Bafia.")
    write("Un autre sujet", summary="Rien à voir.")
    assert titles(typed) == [f"Le village et ses {written}"]
    assert titles(f"village {typed}") == [f"Le village et ses {written}"]


def test_other_forms_do_not_bring_unrelated_words(write):
    write("Le rapport annuel", summary="Un rapport pour les bailleurs.")
    write("Le rapporteur de l'atelier", summary="Il note ce qui se dit.")
    assert titles("rapporteur") == ["Le rapporteur de l'atelier"]
    assert titles("rapporteurs") == ["Le rapporteur de l'atelier"]


# Typos -------------------------------------------------------------------------------


@pytest.fixture
def sanitation(write):
    found = [
        write("L'assainissement total piloté par la communauté", summary="Des latrines."),
        write("Assainissement des marchés", summary="Les commerçants balaient."),
    ]
    write("Un autre sujet", summary="Rien à voir.")
    vocabulary_rebuild()
    return found


def test_a_misspelt_query_shows_the_corrected_results_and_says_so(sanitation, client):
    response = client.get("/search/", {"q": "assainisement"})
    result = response.context["result"]
    assert sorted(p.title for p in result.page) == sorted(p.title for p in sanitation)
    page = response.content.decode()
    assert "Résultats pour « assainissement »." in page
    assert "Rechercher plutôt « assainisement »" in page
    assert "?q=assainisement&amp;exact=1" in page
    # The same while typing (htmx), and through the API.
    fragment = client.get(
        "/search/", {"q": "assainisement", "live": "1"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "<html" not in fragment and "Résultats pour « assainissement »." in fragment
    data = client.get("/api/v1/practices", {"q": "assainisement"}).json()
    assert data["corrected"] == "assainissement" and data["meta"]["count"] == 2
    # As typed, when asked: nothing found, nothing corrected.
    exact = client.get("/search/", {"q": "assainisement", "exact": "1"})
    assert exact.context["result"].total == 0
    assert "Résultats pour" not in exact.content.decode()
    data = client.get("/api/v1/practices", {"q": "assainisement", "exact": "true"}).json()
    assert data["corrected"] is None and data["meta"]["count"] == 0
    # A download holds what the page showed.
    download = b"".join(client.get("/practices/export.csv", {"q": "assainisement"}))
    assert "Assainissement des marchés" in download.decode()


def test_a_correction_that_finds_nothing_either_is_only_offered(sanitation, client):
    # No English practice about sanitation: what was typed is shown, the correction offered.
    response = client.get("/search/", {"q": "assainisement", "language": "en"})
    result = response.context["result"]
    assert result.total == 0 and result.corrected is None
    assert result.suggestion == "assainissement"
    page = response.content.decode()
    assert "Vouliez-vous dire" in page and "Résultats pour" not in page


def test_a_typo_on_the_first_letter_is_corrected_too(sanitation):
    result = practice_search(user=None, q="qssainissement latrines")
    assert result.corrected == "assainissement latrines"
    assert [p.title for p in result.page] == ["L'assainissement total piloté par la communauté"]


def test_equally_close_corrections_prefer_the_word_found_with_the_other_words(write):
    # "forrage" is one letter from "forage" (a borehole) and from "fourrage" (fodder).
    for village in ("Garoua", "Maroua", "Guider"):
        write(f"Le fourrage du bétail à {village}", summary="Stocker le fourrage sec.")
    write("Le forage du village", summary="Le comité répare la pompe du forage.")
    vocabulary_rebuild()
    result = practice_search(user=None, q="forrage pompe")
    assert result.corrected == "forage pompe"
    assert [p.title for p in result.page] == ["Le forage du village"]
    assert practice_search(user=None, q="forrage bétail").corrected == "fourrage bétail"
    # Alone, the word found in more practices wins.
    assert practice_search(user=None, q="forrage").corrected == "fourrage"


def test_spelling_is_checked_through_trigrams_on_postgresql(sanitation):
    from palabre.search import services

    services._vocabulary.pop("trigrams", None)
    assert services._trigram_index() is (connection.vendor == "postgresql")
    with translation.override("fr"):
        assert practice_search(user=None, q="asainissement").corrected == "assainissement"


def test_a_slip_found_in_one_practice_is_still_corrected_into_the_common_word(write, client):
    for place in ("Kribi", "Limbé", "Kumba", "Foumban", "Dschang", "Mora"):
        write(f"L'assainissement à {place}", summary="Des caniveaux curés.")
    write("Le plan d'assainisement de Batouri", summary="Des caniveaux curés.")
    vocabulary_rebuild()
    response = client.get("/search/", {"q": "assainisement"})
    result = response.context["result"]
    assert result.corrected == "assainissement" and result.total == 6
    # The one practice with the slip is a click away.
    assert "Rechercher plutôt « assainisement »" in response.content.decode()
    exact = practice_search(user=None, q="assainisement", exact=True)
    assert [p.title for p in exact.page] == ["Le plan d'assainisement de Batouri"]


def test_a_correct_but_rare_word_is_not_corrected(write):
    write("La pompe de Bafia", summary="Une pompe.")
    for n in range(3):
        write(f"La pompe numéro {n}", summary="Une pompe.")
    vocabulary_rebuild()
    result = practice_search(user=None, q="bafia")
    assert result.corrected is None and result.suggestion is None
    assert [p.title for p in result.page] == ["La pompe de Bafia"]


# Not every word ----------------------------------------------------------------------


def test_when_no_practice_has_every_word_those_with_the_most_come_first(write, client):
    write("Le puits du quartier", summary="Un puits creusé à la main.")
    write("Une pompe solaire", summary="Le soleil fait monter l'eau.")
    write("Une pompe solaire pour le puits", summary="Le puits a sa pompe.")
    write("Un autre sujet", summary="Rien à voir.")
    response = client.get("/search/", {"q": "pompe solaire puits irrigation"})
    result = response.context["result"]
    assert result.partial and result.total == 3
    assert [p.title for p in result.page] == [
        "Une pompe solaire pour le puits",
        "Une pompe solaire",
        "Le puits du quartier",
    ]
    page = response.content.decode()
    notice = "Aucune pratique ne contient tous les mots ; voici celles qui en contiennent le plus."
    assert notice in page
    data = client.get("/api/v1/practices", {"q": "pompe solaire puits irrigation"}).json()
    assert data["partial"] is True and data["meta"]["count"] == 3
    # When one has every word, only those are shown, without the notice.
    every = client.get("/search/", {"q": "pompe puits"})
    assert not every.context["result"].partial
    assert [p.title for p in every.context["result"].page] == ["Une pompe solaire pour le puits"]
    assert "Aucune pratique ne contient" not in every.content.decode()
    # Excluded words stay excluded.
    assert "Une pompe solaire" not in titles("pompe puits irrigation -soleil")


# Ranking -----------------------------------------------------------------------------


def test_a_practice_about_the_words_outranks_a_newer_one_that_names_them_once(write):
    about = write(
        "Fumure des champs de maïs",
        approach="Le compostage en tas, retourné chaque semaine.",
        results="Le compostage a remplacé l'engrais acheté.",
        lessons="Former au compostage avant la saison.",
    )
    write(
        "Réunions mensuelles du groupement",
        summary="Les membres se retrouvent chaque mois.",
        context="Le groupement discute de tout : les prix, les semences, les routes, "
        "les écoles, la santé des enfants, le marché hebdomadaire et, une fois, "
        "le compostage.",
    )
    assert titles("compostage")[0] == about.title
