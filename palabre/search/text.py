"""Words as the search index sees them: lower case, no accents, French or English stems.

SQLite's FTS5 has no French stemmer and cannot load extensions here, so stemming is
done in Python (Snowball, the same algorithms PostgreSQL uses) before the text
reaches the index; the same functions prepare the query, so both sides agree.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

LANGUAGES = ("fr", "en")
_STEMMERS = {"fr": snowballstemmer.stemmer("french"), "en": snowballstemmer.stemmer("english")}
WORD = re.compile(r"[^\W_]+", re.UNICODE)

STOPWORDS = frozenset(
    """
    a au aux avec ce ces cet cette d dans de des du elle en et est etc il ils je l la le les
    leur leurs lui m ma mais me meme mes moi mon n ne nos notre nous on ou par pas pour qu
    que qui s sa se ses son sur t ta te tes toi ton tu un une vos votre vous y ete etre sont
    an and are as at be by for from has have in is it its of on or that the their this to
    was were will with
    """.split()
)


@lru_cache(maxsize=200_000)
def strip_accents(text: str) -> str:
    """Words repeat a lot in a library: the cache makes this nearly free."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The words of a text, lower case, accents kept (stemmers need them)."""
    return WORD.findall((text or "").lower())


@lru_cache(maxsize=50_000)
def stem(word: str, language: str) -> str:
    """The unaccented stem of one lower-case word."""
    stemmer = _STEMMERS.get(language, _STEMMERS["fr"])
    return strip_accents(stemmer.stemWord(word))


def index_terms(text: str, language: str) -> str:
    """What goes into the SQLite index: the stems of the words, space separated."""
    return " ".join(stem(w, language) for w in words(text) if strip_accents(w) not in STOPWORDS)


def plain_words(text: str) -> list[str]:
    """Unaccented words (not stems), for the vocabulary of "did you mean"."""
    return [strip_accents(w) for w in words(text)]
