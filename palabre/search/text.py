"""Words as the search index sees them: lower case, no accents, French or English stems.

SQLite's FTS5 has no French stemmer and cannot load extensions here, so stemming is
done in Python (Snowball, the same algorithms PostgreSQL uses) before the text
reaches the index; the same functions prepare the query, so both sides agree.
Accents are removed *before* stemming, as PostgreSQL's unaccented configurations do:
the French stemmer cuts "redevabilité" and "redevabilite" differently, so a word
typed without its accents would otherwise miss the accented one.

Some singular and plural (or masculine and feminine) forms still land on different
stems ("plaidoyer" → plaidoi, "plaidoyers" → plaidoyer; "crédit" → cred, "crédits" →
credit). ``forms`` lists a word's likely other forms; a query asks for any of them.
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
    """The stem of one lower-case word, accents removed first (as PostgreSQL does)."""
    stemmer = _STEMMERS.get(language, _STEMMERS["fr"])
    return stemmer.stemWord(strip_accents(word))


def index_terms(text: str, language: str) -> str:
    """What goes into the SQLite index: the stems of the words, space separated."""
    return " ".join(stem(w, language) for w in words(text) if strip_accents(w) not in STOPWORDS)


def plain_words(text: str) -> list[str]:
    """Unaccented words (not stems), for the vocabulary of "did you mean"."""
    return [strip_accents(w) for w in words(text)]


# Other forms of a French word ------------------------------------------------------

# (masculine ending, feminine ending), tried in this order; unaccented.
_GENDER = (
    ("teur", "trice"), ("eur", "euse"), ("eux", "euse"), ("if", "ive"), ("er", "ere"),
    ("el", "elle"), ("en", "enne"), ("on", "onne"), ("et", "ette"), ("", "e"),
)  # fmt: skip


def _plurals(word: str) -> set[str]:
    if word.endswith(("s", "x", "z")):
        return set()
    found = {word + "s"}
    if word.endswith(("au", "eu")):
        found.add(word + "x")  # eau → eaux, jeu → jeux
    elif word.endswith("al"):
        found.add(word[:-2] + "aux")  # canal → canaux
    elif word.endswith("ail"):
        found.add(word[:-3] + "aux")  # travail → travaux
    return found


def _singulars(word: str) -> set[str]:
    if word.endswith("aux") and len(word) > 5:
        return {word[:-3] + "al", word[:-3] + "ail", word[:-1]}  # canal, travail, tuyau
    if word.endswith("eux"):
        return {word[:-1], word}  # jeux → jeu; heureux is singular too
    if word.endswith(("aux", "oux")) or (word.endswith("s") and not word.endswith("ss")):
        return {word[:-1]}  # not prix, voix, choix
    return set()


def _genders(word: str) -> set[str]:
    # -ité and -été are nouns, not feminine adjectives: "comité" is not "comit" + e.
    if word.endswith(("ite", "ete")):
        return set()
    found = set()
    # The longest ending decides ("animatrice" is not "animatric" + e; "rapporteur" is
    # not "rapport" + eur, whose feminine "rapporteuse" would stem to "rapport").
    feminine_end = max((len(f) for _m, f in _GENDER if f and word.endswith(f)), default=0)
    masculine_end = max((len(m) for m, _f in _GENDER if word.endswith(m)), default=0)
    for masculine, feminine in _GENDER:
        ending = feminine and word.endswith(feminine) and len(feminine) == feminine_end
        if ending and len(word) > len(feminine) + 2:
            found.add(word[: len(word) - len(feminine)] + masculine)  # active → actif
        ending = word.endswith(masculine) and len(masculine) == masculine_end
        if ending and not word.endswith("e"):
            found.add(word[: len(word) - len(masculine)] + feminine)  # actif → active
    if word.endswith("e") and not word.endswith("ee"):
        found.add(word + "e")  # amélioré → améliorée (accents are gone by now)
    return found


@lru_cache(maxsize=20_000)
def forms(word: str) -> tuple[str, ...]:
    """The unaccented word and its likely singular, plural, masculine and feminine forms.

    Rules, not a dictionary: some forms do not exist ("tontins"), which costs nothing,
    since only the words of the library are in the index. Short words are left alone.
    """
    plain = strip_accents(word.lower())
    if len(plain) < 3 or not plain.isalpha():
        return (plain,)
    singular = (_singulars(plain) if len(plain) > 3 else set()) or {plain}
    base = singular | {other for s in singular if len(s) > 3 for other in _genders(s)}
    found = {plain} | base | {plural for b in base for plural in _plurals(b)}
    found.discard(plain)
    # The stemmer cuts "-euse" off long words ("éleveuse" → elev, like "élève"): such a
    # feminine would find unrelated words; "vendeuse" → vendeux is kept.
    return (plain, *sorted(f for f in found if not _cut_short(f)))


def _cut_short(form: str) -> bool:
    return form.endswith(("euse", "euses")) and not stem(form, "fr").endswith("eux")


@lru_cache(maxsize=20_000)
def english_forms(word: str) -> tuple[str, ...]:
    """The word and the irregular plurals or singulars the English stemmer leaves apart
    (midwife, midwives; calf, calves; woman, women; child, children)."""
    plain = strip_accents(word.lower())
    found = [plain]
    if plain.endswith("ves") and len(plain) > 4:
        found += [plain[:-3] + "f", plain[:-3] + "fe"]
    elif plain.endswith("fe") and len(plain) > 3:
        found.append(plain[:-2] + "ves")
    elif plain.endswith("f") and len(plain) > 3:
        found.append(plain[:-1] + "ves")
    if plain.endswith("man"):
        found.append(plain[:-3] + "men")
    elif plain.endswith("men"):
        found.append(plain[:-3] + "man")
    if plain.endswith("child"):
        found.append(plain + "ren")
    elif plain.endswith("children"):
        found.append(plain[:-3])
    return tuple(found)
