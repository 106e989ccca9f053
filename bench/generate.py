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
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "palabre.settings")
django.setup()

from palabre.organisations.demo import ORGANISATIONS, PEOPLE  # noqa: E402

THEMES = [
    "gouvernance-interne", "ressources-humaines-benevolat", "gestion-financiere",
    "mobilisation-communautaire", "partenariats", "communication-plaidoyer", "planification",
    "mobilisation-ressources", "gestion-des-risques", "alphabetisation", "formation-agricole",
    "education-financiere", "suivi-evaluation", "capitalisation", "collecte-de-donnees",
    "sante-communautaire", "eau-hygiene-assainissement", "agriculture-securite-alimentaire",
    "education", "genre-inclusion", "gouvernance-locale", "environnement-climat",
    "jeunesse-emploi", "epargne-microfinance",
]  # fmt: skip

FR = {
    "subjects": [
        "les comités de gestion des points d'eau",
        "les groupements de femmes",
        "les relais communautaires",
        "les coopératives de producteurs",
        "les associations de parents d'élèves",
        "les jeunes apprentis",
        "les mutuelles de santé",
        "les conseils municipaux",
        "les caisses villageoises d'épargne",
        "les comités de cantine scolaire",
        "les bénévoles de l'association",
        "les animateurs ruraux",
        "les sages-femmes",
        "les chefs de village",
        "les agents de santé communautaire",
    ],
    "actions": [
        "organisent une réunion mensuelle",
        "tiennent un registre simple",
        "forment leurs pairs",
        "collectent une cotisation",
        "présentent leurs comptes en public",
        "testent une nouvelle semence",
        "suivent les indicateurs chaque trimestre",
        "stockent la récolte dans un magasin commun",
        "négocient avec la commune",
        "utilisent des fiches illustrées",
        "font des visites à domicile",
        "mettent en place un fonds rotatif",
        "animent des causeries éducatives",
        "réparent les forages",
    ],
    "results": [
        "le taux de fréquentation a augmenté",
        "les recettes couvrent l'entretien",
        "les femmes prennent la parole",
        "les prêts sont remboursés à temps",
        "les enfants mangent à la cantine",
        "les pannes durent moins longtemps",
        "les rendements ont progressé",
        "la commune a inscrit une ligne budgétaire",
        "les conflits ont diminué",
    ],
    "problems": [
        "la saison des pluies a coupé les routes",
        "le trésorier est parti",
        "les cotisations ont baissé",
        "le réseau téléphonique manquait",
        "les formateurs étaient trop peu nombreux",
        "les prix ont chuté",
        "le projet s'est arrêté trop tôt",
        "les autorités ont changé",
        "les registres ont été perdus",
    ],
    "titles": [
        "{Subject} {action}",
        "Quand {subject} {action}",
        "Comment {subject} {action}",
        "Leçons d'une expérience : {subject} {action}",
        "{Subject} et la {noun}",
    ],
    "nouns": [
        "transparence",
        "redevabilité",
        "durabilité",
        "participation",
        "formation continue",
        "évaluation",
    ],
    "places": [
        ("CM", "Adamaoua"),
        ("CM", "Centre"),
        ("CM", "Est"),
        ("CM", "Extrême-Nord"),
        ("CM", "Littoral"),
        ("CM", "Nord"),
        ("CM", "Nord-Ouest"),
        ("CM", "Ouest"),
        ("CM", "Sud"),
        ("CM", "Sud-Ouest"),
        ("TD", "Logone Occidental"),
        ("CG", "Pool"),
        ("GA", "Estuaire"),
        ("CF", "Ombella-M'Poko"),
        ("GQ", "Litoral"),
    ],
}
EN = {
    "subjects": [
        "water point committees",
        "women's groups",
        "community health workers",
        "farmer cooperatives",
        "parents' associations",
        "young apprentices",
        "village savings groups",
        "school canteen committees",
    ],
    "actions": [
        "hold a monthly meeting",
        "keep a simple register",
        "train their peers",
        "collect a small fee",
        "present their accounts in public",
        "store the harvest together",
        "track indicators every quarter",
    ],
    "results": [
        "attendance went up",
        "fees now cover maintenance",
        "loans are repaid on time",
        "breakdowns are shorter",
        "yields improved",
        "the council set aside a budget line",
    ],
    "problems": [
        "the rains cut the roads",
        "the treasurer left",
        "fees dropped",
        "there was no phone network",
        "the project ended too early",
    ],
}
KINDS = ["good_practice"] * 6 + ["lesson_learned"] * 3 + ["innovation"] * 2
VISIBILITY = ["public"] * 6 + ["network"] * 3 + ["organisation"]


def sentence(rng: random.Random, words: dict) -> str:
    return f"{rng.choice(words['subjects']).capitalize()} {rng.choice(words['actions'])}."


def paragraph(rng: random.Random, words: dict, n: int) -> str:
    parts = []
    for _ in range(n):
        choice = rng.random()
        if choice < 0.4:
            parts.append(sentence(rng, words))
        elif choice < 0.7:
            parts.append(rng.choice(words["results"]).capitalize() + f" ({rng.randint(5, 95)} %).")
        else:
            parts.append(rng.choice(words["problems"]).capitalize() + ".")
    return " ".join(parts)


def practice(i: int, rng: random.Random, orgs: list[str], members: dict[str, list[str]]) -> dict:
    english = rng.random() < 0.15
    words = EN if english else FR
    subject, action = rng.choice(words["subjects"]), rng.choice(words["actions"])
    if english:
        title = f"How {subject} {action}"
    else:
        title = rng.choice(FR["titles"]).format(
            Subject=subject.capitalize(),
            subject=subject,
            action=action,
            noun=rng.choice(FR["nouns"]),
        )
    lead = rng.choice(orgs)
    country, region = rng.choice(FR["places"])
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
        "themes": sorted(rng.sample(THEMES, rng.randint(1, 3))),
        "tags": sorted(
            {
                rng.choice(
                    [
                        "tontine",
                        "warrantage",
                        "forage",
                        "cantine",
                        "relais",
                        "gari",
                        "manioc",
                        "radio",
                        "registre",
                        "plaidoyer",
                    ]
                )
                for _ in range(rng.randint(1, 3))
            }
        ),
        "country": country,
        "region": region,
        "period_start": f"{start_year}-{rng.randint(1, 12):02d}-01",
        "period_end": "",
        "project_name": f"Projet {rng.randint(1, 400)}",
        "summary": paragraph(rng, words, 3),
        "context": paragraph(rng, words, 4),
        "objectives": "- " + sentence(rng, words) + "\n- " + sentence(rng, words),
        "beneficiaries": sentence(rng, words),
        "beneficiaries_women": rng.randint(0, 900),
        "beneficiaries_men": rng.randint(0, 900),
        "stakeholders": "- " + sentence(rng, words),
        "approach": paragraph(rng, words, 3),
        "steps": [
            {
                "title": sentence(rng, words)[:200],
                "description": paragraph(rng, words, 1),
                "what_made_it_work": paragraph(rng, words, 1),
            }
            for _ in range(rng.randint(2, 5))
        ],
        "resources": paragraph(rng, words, 1),
        "cost_amount": str(rng.randint(1, 500) * 10_000),
        "cost_currency": "XAF",
        "results": paragraph(rng, words, 4),
        "success_factors": paragraph(rng, words, 2),
        "difficulties": paragraph(rng, words, 3),
        "lessons": paragraph(rng, words, 3),
        "sustainability": paragraph(rng, words, 1),
        "replication": paragraph(rng, words, 2),
        "published_at": f"{min(start_year + 1, 2026)}-0{rng.randint(1, 9)}-15T09:00:00+00:00"
        if status in ("published", "archived")
        else "",
        "translation_of": "",
    }


def main() -> None:
    count, target = int(sys.argv[1]), Path(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 2026
    rng = random.Random(seed)
    orgs = [o[0] for o in ORGANISATIONS]
    members: dict[str, list[str]] = {}
    for email, _name, _title, org, *_rest in PEOPLE:
        if org:
            members.setdefault(org, []).append(email)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8") as handle:
        for i in range(count):
            handle.write(json.dumps(practice(i, rng, orgs, members), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
