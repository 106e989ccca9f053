"""Turn whatever someone typed into a safe search, never a syntax error.

The typed text is parsed here into words, quoted phrases and excluded words; only
stems made of letters and digits ever reach FTS5 or PostgreSQL, always quoted, so
inputs like `l'eau`, `sage-femme`, `100%`, `AND`, `"`, `*` or emoji cannot break
the query language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from palabre.search.text import (
    LANGUAGES,
    STOPWORDS,
    english_forms,
    forms,
    stem,
    strip_accents,
    words,
)

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
PHRASE = re.compile(r'"([^"]*)"')


@dataclass
class Term:
    word: str  # lower case, accents kept
    # French stems of the word's forms (singular, plural, masculine, feminine), then
    # its English stem, deduplicated: any of them matches.
    stems: tuple[str, ...]
    prefix: bool = False
    # The unaccented forms whose French stems are in ``stems`` (one per stem), and those
    # whose English stems are.
    forms: tuple[str, ...] = ()
    english: tuple[str, ...] = ()

    @property
    def plain(self) -> str:
        return strip_accents(self.word)


@dataclass
class ParsedQuery:
    text: str
    terms: list[Term] = field(default_factory=list)
    phrases: list[list[Term]] = field(default_factory=list)
    # The words of each phrase with the small ones kept (PostgreSQL counts them).
    phrase_texts: list[str] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    truncated: bool = False
    # Any of the terms rather than all of them (for "similar practices").
    match_any: bool = False
    # With match_any, rank by how many of the terms a document has, then by relevance.
    most_words: bool = False
    # Only in titles and summaries (for "similar practices": fewer, better matches).
    title_and_summary: bool = False

    @property
    def is_empty(self) -> bool:
        return not (self.terms or self.phrases)

    @property
    def all_stems(self) -> set[str]:
        stems = {s for t in self.terms for s in t.stems}
        stems |= {s for phrase in self.phrases for t in phrase for s in t.stems}
        return stems

    @property
    def prefixes(self) -> set[str]:
        return {t.plain for t in self.terms if t.prefix}


def _term(word: str, *, prefix: bool = False, inflect: bool = True) -> Term:
    """A word of the query; with ``inflect``, its other forms match too."""
    french: dict[str, str] = {}
    english: dict[str, str] = {}
    # A small word ("mais", searched when nothing else was typed) stays as it is.
    inflect = inflect and strip_accents(word) not in STOPWORDS
    for form in forms(word) if inflect else (strip_accents(word),):
        french.setdefault(stem(form, "fr"), form)
    for form in english_forms(word) if inflect else (strip_accents(word),):
        english.setdefault(stem(form, "en"), form)
    return Term(
        word=word,
        stems=tuple(dict.fromkeys([*french, *english])),
        prefix=prefix,
        forms=tuple(french.values()),
        english=tuple(english.values()),
    )


def parse(text: str, *, live: bool = False) -> ParsedQuery:
    """Parse typed text. With ``live`` (results as one types), the last word is a prefix."""
    raw = (text or "").strip()
    parsed = ParsedQuery(text=raw[:MAX_QUERY_LENGTH], truncated=len(raw) > MAX_QUERY_LENGTH)
    rest = parsed.text
    for phrase in PHRASE.findall(rest):
        phrase_words = [w for w in words(phrase) if strip_accents(w) not in STOPWORDS]
        if len(phrase_words) > 1:
            # A phrase is what was typed, word for word: no other forms.
            parsed.phrases.append([_term(w, inflect=False) for w in phrase_words[:MAX_TERMS]])
            parsed.phrase_texts.append(" ".join(strip_accents(w) for w in words(phrase)[:30]))
        elif phrase_words:
            parsed.terms.append(_term(phrase_words[0]))
    rest = PHRASE.sub(" ", rest).replace('"', " ")
    tokens = rest.split()
    for position, token in enumerate(tokens):
        negative = token.startswith("-") and len(token) > 1
        token_words = words(token)
        if not token_words or token.upper() in {"AND", "OR", "NOT", "NEAR"}:
            continue
        last = position == len(tokens) - 1
        for index, word in enumerate(token_words):
            if strip_accents(word) in STOPWORDS and not (last and live):
                continue
            is_prefix = (
                live and last and index == len(token_words) - 1 and not text.endswith(" ")
            ) or (token.endswith("*") and index == len(token_words) - 1)
            term = _term(word, prefix=is_prefix and len(word) >= 2)
            (parsed.excluded if negative else parsed.terms).append(term)
    if not parsed.terms and not parsed.phrases and not parsed.excluded:
        # Only small words ("de la"): search them rather than nothing.
        parsed.terms = [_term(w) for w in words(rest) if w not in {"and", "or", "not"}][:MAX_TERMS]
    parsed.terms = parsed.terms[:MAX_TERMS]
    return parsed


def _quote(token: str) -> str:
    return '"' + token.replace('"', "") + '"'


def fts5_match(parsed: ParsedQuery) -> str:
    """An FTS5 MATCH expression built only from quoted stems."""
    return fts5_expression(fts5_groups(parsed), parsed)


def fts5_expression(groups: list[str], parsed: ParsedQuery) -> str:
    """Join groups (all or any of them), in the columns asked for, minus the excluded words."""
    expression = (" OR " if parsed.match_any else " AND ").join(groups)
    if parsed.title_and_summary and expression:
        expression = "{terms_title terms_summary} : (" + expression + ")"
    for term in parsed.excluded:
        expression += " NOT (" + " OR ".join(_quote(s) for s in term.stems) + ")"
    return expression


def fts5_groups(parsed: ParsedQuery) -> list[str]:
    """One FTS5 expression per word or phrase of the query."""
    groups = []
    for term in parsed.terms:
        # A word being typed matches its stem (a whole word typed) or any word that
        # starts with the letters typed so far; not any word that starts like its stem
        # ("comit" must not find "commune").
        alternatives = [_quote(s) for s in term.stems]
        if term.prefix:
            alternatives.append(_quote(term.plain) + "*")
        groups.append("(" + " OR ".join(dict.fromkeys(alternatives)) + ")")
    for phrase in parsed.phrases:
        variants = {
            " ".join(t.stems[min(i, len(t.stems) - 1)] for t in phrase)
            for i in range(len(LANGUAGES))
        }
        groups.append("(" + " OR ".join(_quote(v) for v in sorted(variants)) + ")")
    return groups


def _tsquery_word(word: str) -> str:
    return "'" + re.sub(r"[^0-9a-z]", "", strip_accents(word)) + "'"


def _tsquery_term(term: Term, language: str, weights: str = "") -> str:
    """A word, or in French any of its forms (the configuration stems each one)."""
    words = {"fr": term.forms, "en": term.english}.get(language) or (term.word,)
    suffix = ":" + weights if weights else ""
    quoted = [q + suffix for q in dict.fromkeys(_tsquery_word(w) for w in words) if q != "''"]
    if len(quoted) > 1:
        return "(" + " | ".join(quoted) + ")"
    return quoted[0] if quoted else ""


def tsquery(parsed: ParsedQuery, language: str = "fr") -> str:
    """A to_tsquery() expression (words only, quoted; the configuration stems them).

    A word being typed is there as a whole word; its prefix is matched unstemmed
    (``prefix_tsquery``), since the configuration would stem it first. For the
    French configuration, a word is any of its forms (as ``Term.stems`` on SQLite).
    """
    groups = tsquery_groups(parsed, language)
    wanted = " | ".join(groups) if parsed.match_any else " & ".join(groups)
    excluded = ["!" + e for e in (_tsquery_term(t, language) for t in parsed.excluded) if e]
    if excluded and parsed.match_any and len(groups) > 1:
        wanted = f"({wanted})"
    return " & ".join(part for part in (wanted, *excluded) if part)


def tsquery_groups(parsed: ParsedQuery, language: str = "fr") -> list[str]:
    """One to_tsquery() expression per word or phrase of the query."""
    groups = []
    weights = "AB" if parsed.title_and_summary else ""
    for term in parsed.terms:
        groups.append(_tsquery_term(term, language, weights))
    for phrase in parsed.phrases:
        groups.append("(" + " <-> ".join(_tsquery_word(t.word) for t in phrase) + ")")
    return [g for g in groups if g and g not in ("''", "'':*")]


def prefix_tsquery(term: Term) -> str:
    """The letters typed so far, as a prefix for the 'simple' (unstemmed) configuration."""
    return _tsquery_word(term.word) + ":*"
