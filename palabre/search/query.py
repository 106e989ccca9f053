"""Turn whatever someone typed into a safe search, never a syntax error.

The typed text is parsed here into words, quoted phrases and excluded words; only
stems made of letters and digits ever reach FTS5 or PostgreSQL, always quoted, so
inputs like `l'eau`, `sage-femme`, `100%`, `AND`, `"`, `*` or emoji cannot break
the query language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from palabre.search.text import LANGUAGES, STOPWORDS, stem, strip_accents, words

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
PHRASE = re.compile(r'"([^"]*)"')


@dataclass
class Term:
    word: str  # lower case, accents kept
    stems: tuple[str, ...]  # one per language, deduplicated
    prefix: bool = False

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


def _term(word: str, *, prefix: bool = False) -> Term:
    stems = tuple(dict.fromkeys(stem(word, language) for language in LANGUAGES))
    return Term(word=word, stems=stems, prefix=prefix)


def parse(text: str, *, live: bool = False) -> ParsedQuery:
    """Parse typed text. With ``live`` (results as one types), the last word is a prefix."""
    raw = (text or "").strip()
    parsed = ParsedQuery(text=raw[:MAX_QUERY_LENGTH], truncated=len(raw) > MAX_QUERY_LENGTH)
    rest = parsed.text
    for phrase in PHRASE.findall(rest):
        phrase_words = [w for w in words(phrase) if strip_accents(w) not in STOPWORDS]
        if len(phrase_words) > 1:
            parsed.phrases.append([_term(w) for w in phrase_words[:MAX_TERMS]])
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
    expression = (" OR " if parsed.match_any else " AND ").join(groups)
    if parsed.title_and_summary and expression:
        expression = "{terms_title terms_summary} : (" + expression + ")"
    for term in parsed.excluded:
        expression += " NOT (" + " OR ".join(_quote(s) for s in term.stems) + ")"
    return expression


def _tsquery_word(word: str) -> str:
    return "'" + re.sub(r"[^0-9a-z]", "", strip_accents(word)) + "'"


def tsquery(parsed: ParsedQuery) -> str:
    """A to_tsquery() expression (words only, quoted; the configuration stems them).

    A word being typed is there as a whole word; its prefix is matched unstemmed
    (``prefix_tsquery``), since the configuration would stem it first.
    """
    groups = []
    weights = "AB" if parsed.title_and_summary else ""
    for term in parsed.terms:
        word = _tsquery_word(term.word)
        groups.append(word + (":" + weights if weights else ""))
    for phrase in parsed.phrases:
        groups.append("(" + " <-> ".join(_tsquery_word(t.word) for t in phrase) + ")")
    joiner = " | " if parsed.match_any else " & "
    expression = joiner.join(g for g in groups if g not in ("''", "'':*"))
    for term in parsed.excluded:
        expression += " & !" + _tsquery_word(term.word)
    return expression


def prefix_tsquery(term: Term) -> str:
    """The letters typed so far, as a prefix for the 'simple' (unstemmed) configuration."""
    return _tsquery_word(term.word) + ":*"
