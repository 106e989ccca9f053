"""Words as the index sees them: accents removed before stemming, and a word's other forms."""

import pytest

from palabre.search.query import _term, parse, tsquery
from palabre.search.text import forms, index_terms, stem


@pytest.mark.parametrize(
    "word", ["redevabilité", "comptabilité", "assiduité", "égalité", "données", "améliorées"]
)
def test_accents_are_removed_before_stemming(word):
    from palabre.search.text import strip_accents

    assert stem(word, "fr") == stem(strip_accents(word), "fr")
    assert index_terms(f"La {word} ici", "fr") == index_terms(f"La {strip_accents(word)} ici", "fr")


# Pairs whose French stems differ (found with bench/relevance_pairs.py and by hand).
PAIRS = [
    ("plaidoyer", "plaidoyers"),
    ("crédit", "crédits"),
    ("conseiller", "conseillères"),
    ("tuyau", "tuyaux"),
    ("travail", "travaux"),
    ("agriculteur", "agricultrices"),
    ("financier", "financière"),
    ("premier", "premières"),
    ("jeu", "jeux"),
    ("vendeur", "vendeuses"),
]


@pytest.mark.parametrize(("one", "other"), PAIRS)
def test_each_form_of_a_word_matches_the_other(one, other):
    assert stem(one, "fr") != stem(other, "fr")  # the stemmer alone keeps them apart
    assert stem(other, "fr") in _term(one).stems
    assert stem(one, "fr") in _term(other).stems


@pytest.mark.parametrize(
    ("word", "unrelated"),
    [("rapporteur", "rapport"), ("comité", "come"), ("activité", "active")],
)
def test_other_forms_stay_away_from_unrelated_words(word, unrelated):
    assert stem(unrelated, "fr") not in parse(word).terms[0].stems


def test_short_words_and_phrases_are_not_inflected():
    assert forms("de") == ("de",)
    phrase = parse('"plaidoyers communautaires"').phrases[0]
    assert [t.stems for t in phrase] == [("plaidoyer", "plaidoy"), ("communautair",)]


def test_postgresql_asks_for_every_form_in_french_and_the_word_in_english():
    parsed = parse("plaidoyers -crédits")
    french = tsquery(parsed, "fr")
    assert french.startswith("('plaidoyers' | 'plaidoyer'")
    assert "& !('credits' | 'credit'" in french
    assert tsquery(parsed, "en") == "'plaidoyers' & !'credits'"


def test_a_word_being_typed_keeps_its_forms_and_its_prefix():
    term = parse("plaidoyers", live=True).terms[0]
    assert term.prefix and "plaidoi" in term.stems
