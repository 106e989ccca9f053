"""Find the words of the demo and bench corpora that search could miss in another form.

    python bench/relevance_pairs.py

Reads every word of the demo data (palabre/*/demo_data), of the bench's vocabulary
(bench/vocabulary.py) and of the relevance set (bench/relevance_data.py), then lists:

- words whose French stem depends on their accents (a query typed without them missed
  them on SQLite when stems were taken before removing accents);
- pairs of words of the corpus that are one another's singular and plural, or masculine
  and feminine, whose stems differ, and whether a query for either finds the other
  (``palabre.search.query``: a word's other forms are searched too).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import snowballstemmer  # noqa: E402

from palabre.search.query import _term  # noqa: E402
from palabre.search.text import forms, stem, strip_accents  # noqa: E402

SOURCES = [
    *sorted(ROOT.glob("palabre/*/demo_data/*.md")),
    ROOT / "bench" / "vocabulary.py",
    ROOT / "bench" / "relevance_data.py",
]


def vocabulary() -> set[str]:
    found: set[str] = set()
    for path in SOURCES:
        found |= {w for w in re.findall(r"[^\W\d_]+", path.read_text().lower()) if len(w) > 2}
    return found


def main() -> None:
    french = snowballstemmer.stemmer("french")
    words = vocabulary()
    plain = {strip_accents(w) for w in words}
    print(f"{len(words)} words in {len(SOURCES)} files\n")

    accents = sorted(w for w in words if strip_accents(french.stemWord(w)) != stem(w, "fr"))
    print(f"{len(accents)} words whose stem depends on their accents:")
    print("  " + ", ".join(f"{w} ({stem(w, 'fr')})" for w in accents) + "\n")

    pairs = sorted(
        (one, other)
        for one in plain
        for other in forms(one)[1:]
        if other in plain and one < other and stem(one, "fr") != stem(other, "fr")
    )
    missed = [
        (one, other)
        for one, other in pairs
        if stem(other, "fr") not in _term(one).stems or stem(one, "fr") not in _term(other).stems
    ]
    print(f"{len(pairs)} pairs of forms with different stems, {len(missed)} not found both ways:")
    for one, other in pairs:
        mark = "MISSED" if (one, other) in missed else "found "
        print(f"  {mark} {one} ({stem(one, 'fr')}) ~ {other} ({stem(other, 'fr')})")


if __name__ == "__main__":
    main()
