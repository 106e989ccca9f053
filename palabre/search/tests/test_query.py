"""Parsing what people type: every input gives a safe query, never a syntax error."""

import pytest

from palabre.search.query import fts5_match, parse, tsquery

HOSTILE = [
    "l'eau",
    "sage-femme",
    "100%",
    '"',
    '""',
    "AND",
    "OR NOT",
    "*",
    "-",
    "--",
    "***",
    "NEAR(a b)",
    "a:b",
    "col:title",
    "(((",
    ")",
    "🙂🌳",
    "é" * 300,
    "x" * 2000,
    "",
    "   ",
    "'; DROP TABLE practices_practice; --",
    "\x00",
    "^term",
    "{a}",
    "a + b",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_any_input_parses_into_quoted_stems_only(text):
    parsed = parse(text, live=True)
    match = fts5_match(parsed)
    assert "DROP" not in match.upper() or '"drop"' in match
    for quote_free in match.replace('"', " ").split():
        assert (
            quote_free in {"AND", "OR", "NOT", "(", ")"}
            or quote_free.strip("()*").isalnum()
            or not quote_free.strip("()*")
        )
    assert "'" not in tsquery(parsed).replace("'", "", 2 * tsquery(parsed).count("'") // 2)


def test_elision_and_hyphen_become_words():
    assert [t.plain for t in parse("l'eau").terms] == ["eau"]
    assert [t.plain for t in parse("sage-femme").terms] == ["sage", "femme"]


def test_phrase_and_exclusion():
    parsed = parse('"comité de gestion" -forage')
    assert [[t.plain for t in p] for p in parsed.phrases] == [["comite", "gestion"]]
    assert [t.plain for t in parsed.excluded] == ["forage"]


def test_last_word_is_a_prefix_only_while_typing():
    assert parse("coopéra", live=True).terms[-1].prefix
    assert not parse("coopéra").terms[-1].prefix
    assert not parse("coopéra ", live=True).terms[-1].prefix


def test_long_queries_are_cut_and_said_so():
    parsed = parse("mot " * 600)
    assert parsed.truncated and len(parsed.text) <= 200
