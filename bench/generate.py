"""Write N realistic practices (French, some English) as JSONL for `palabre import-practices`.

Deterministic: the same N and seed give the same file. Organisations, authors and
themes are those of the demo network (`palabre demo` first).

    python bench/generate.py 100000 var/bench/practices.jsonl
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "palabre.settings")
django.setup()

from palabre.lib.demo_data import read_demo_file  # noqa: E402
from palabre.organisations.demo import DATA  # noqa: E402


def demo_network() -> tuple[list[str], dict[str, list[str]]]:
    """The demo network's organisation slugs and their members' e-mails (from demo_data/)."""
    _header, _text, organisations = read_demo_file(DATA / "organisations.md")
    _header, _text, people = read_demo_file(DATA / "people.md")
    members: dict[str, list[str]] = {}
    for _name, person, _description in people:
        if person.get("organisation"):
            members.setdefault(person["organisation"], []).append(person["email"])
    return [fields["slug"] for _name, fields, _description in organisations], members


THEMES = [
    "gouvernance-interne", "ressources-humaines-benevolat", "gestion-financiere",
    "mobilisation-communautaire", "partenariats", "communication-plaidoyer", "planification",
    "mobilisation-ressources", "gestion-des-risques", "alphabetisation", "formation-agricole",
    "education-financiere", "suivi-evaluation", "capitalisation", "collecte-de-donnees",
    "sante-communautaire", "eau-hygiene-assainissement", "agriculture-securite-alimentaire",
    "education", "genre-inclusion", "gouvernance-locale", "environnement-climat",
    "jeunesse-emploi", "epargne-microfinance",
]  # fmt: skip

from vocabulary import CONNECTORS, EN  # noqa: E402
from vocabulary import FR as FR_THEMES  # noqa: E402

PLACES = [
    ("CM", "Adamaoua"), ("CM", "Centre"), ("CM", "Est"), ("CM", "Extrême-Nord"), ("CM", "Littoral"),
    ("CM", "Nord"), ("CM", "Nord-Ouest"), ("CM", "Ouest"), ("CM", "Sud"), ("CM", "Sud-Ouest"),
    ("TD", "Logone Occidental"), ("CG", "Pool"), ("GA", "Estuaire"), ("CF", "Ombella-M'Poko"),
]  # fmt: skip
TITLES = [
    "{Subject} {action}", "Quand {subject} {action}", "Comment {subject} {action}",
    "Leçon d'une expérience : {subject} {action}", "Pourquoi {subject} {action}",
]  # fmt: skip


KINDS = ["good_practice"] * 6 + ["lesson_learned"] * 3 + ["innovation"] * 2
VISIBILITY = ["public"] * 6 + ["network"] * 3 + ["organisation"]


def sentence(rng: random.Random, words: dict) -> str:
    return f"{_cap(rng.choice(words['subjects']))} {rng.choice(words['actions'])}."


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def paragraph(rng: random.Random, words: dict, *, n: int, english: bool = False) -> str:
    parts = []
    for _ in range(n):
        choice = rng.random()
        if choice < 0.35:
            parts.append(sentence(rng, words))
        elif choice < 0.6:
            parts.append(_cap(rng.choice(words["results"])) + f" ({rng.randint(5, 95)} %).")
        elif choice < 0.85 or english:
            parts.append(_cap(rng.choice(words["problems"])) + ".")
        else:
            parts.append(rng.choice(CONNECTORS))
    return " ".join(parts)


def practice(i: int, rng: random.Random, orgs: list[str], members: dict[str, list[str]]) -> dict:
    english = rng.random() < 0.15
    main_theme = rng.choice(sorted(FR_THEMES))
    words = EN if english else FR_THEMES[main_theme]
    subject, action = rng.choice(words["subjects"]), rng.choice(words["actions"])
    if english:
        title = f"How {subject} {action}"
    else:
        title = rng.choice(TITLES).format(Subject=_cap(subject), subject=subject, action=action)
    lead = rng.choice(orgs)
    country, region = rng.choice(PLACES)
    others = [t for t in THEMES if t != main_theme]
    start_year = rng.randint(2012, 2026)
    status = "published" if rng.random() < 0.93 else rng.choice(["draft", "submitted", "archived"])
    return {
        "external_id": f"bench-{i:06d}",
        "title": title[:200],
        "kind": rng.choice(KINDS),
        "language": "en" if english else "fr",
        "status": status,
        "visibility": rng.choice(VISIBILITY),
        "lead_organisation": lead,
        "partners": sorted(rng.sample([o for o in orgs if o != lead], rng.randint(0, 2))),
        "authors": rng.sample(members[lead], 1),
        "contact": "",
        "themes": sorted({main_theme, *rng.sample(others, rng.randint(0, 2))}),
        "tags": sorted(set(rng.sample(FR_THEMES[main_theme]["tags"], 2))),
        "country": country,
        "region": region,
        "period_start": f"{start_year}-{rng.randint(1, 12):02d}-01",
        "period_end": "",
        "project_name": f"Projet {rng.randint(1, 400)}",
        "summary": paragraph(rng, words, english=english, n=3),
        "context": paragraph(rng, words, english=english, n=4),
        "objectives": "- " + sentence(rng, words) + "\n- " + sentence(rng, words),
        "beneficiaries": sentence(rng, words),
        "beneficiaries_women": rng.randint(0, 900),
        "beneficiaries_men": rng.randint(0, 900),
        "stakeholders": "- " + sentence(rng, words),
        "approach": paragraph(rng, words, english=english, n=3),
        "steps": [
            {
                "title": sentence(rng, words)[:200],
                "description": paragraph(rng, words, english=english, n=1),
                "what_made_it_work": paragraph(rng, words, english=english, n=1),
            }
            for _ in range(rng.randint(2, 5))
        ],
        "resources": paragraph(rng, words, english=english, n=1),
        "cost_amount": str(rng.randint(1, 500) * 10_000),
        "cost_currency": "XAF",
        "results": paragraph(rng, words, english=english, n=4),
        "success_factors": paragraph(rng, words, english=english, n=2),
        "difficulties": paragraph(rng, words, english=english, n=3),
        "lessons": paragraph(rng, words, english=english, n=3),
        "sustainability": paragraph(rng, words, english=english, n=1),
        "replication": paragraph(rng, words, english=english, n=2),
        "published_at": f"{min(start_year + 1, 2026)}-0{rng.randint(1, 9)}-15T09:00:00+00:00"
        if status in ("published", "archived")
        else "",
        "translation_of": "",
    }


def main() -> None:
    count, target = int(sys.argv[1]), Path(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 2026
    rng = random.Random(seed)
    orgs, members = demo_network()
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8") as handle:
        for i in range(count):
            handle.write(json.dumps(practice(i, rng, orgs, members), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
