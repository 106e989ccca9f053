"""Measure how well search finds what it should, on a labelled set (bench/relevance_data.py).

    python bench/relevance.py                        # SQLite: a fresh file under var/bench/
    python bench/relevance.py --postgres postgres://postgres@127.0.0.1:5432/palabre_relevance
    python bench/relevance.py --report               # only rewrite the table in the docs

Runs in this process against a fresh database (the PostgreSQL one named in the URL is
dropped and created again): migrates it, writes the records as published public
practices of one organisation, indexes them, refreshes the vocabulary of "did you
mean", then asks every query as an anonymous visitor through the search page's own
function (corrections and "most of the words" included; no cache). For each kind of
query it reports the mean of

- recall@100: the share of a query's relevant records found in its first 100 results
  (no query has more than 100 relevant records);
- precision@10: the share of its first 10 results that are relevant, out of
  min(10, relevant records).

Results go to bench/results/relevance-<database>.json, and the table of both databases
into docs/performance.md, between the relevance markers.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from relevance_data import KINDS, queries, records  # noqa: E402

RESULTS = ROOT / "bench" / "results"
DOCS = ROOT / "docs" / "performance.md"
START, END = "<!-- relevance:start -->", "<!-- relevance:end -->"
TARGETS = {kind: (0.8 if kind == "typos" else 0.99) for kind in KINDS}


def fresh_database(postgres: str | None) -> str:
    """Point Django at a new, empty database; returns its engine's name."""
    if postgres:
        import psycopg

        base, name = postgres.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
        os.environ["DATABASE_URL"] = postgres
        os.environ.setdefault("PALABRE_DATA_DIR", str(ROOT / "var" / "bench" / "relevance-pg"))
        return "postgresql"
    data = ROOT / "var" / "bench" / "relevance"
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir(parents=True)
    os.environ.pop("DATABASE_URL", None)
    os.environ["PALABRE_DATA_DIR"] = str(data)
    return "sqlite"


def load(made) -> None:
    from django.utils import timezone
    from django.utils.dateparse import parse_date

    from palabre.organisations.models import Organisation
    from palabre.practices.models import Practice
    from palabre.practices.search import index_practices
    from palabre.search.services import vocabulary_rebuild

    organisation = Organisation.objects.create(
        name="Réseau de mesure", slug="mesure", kind="ngo", country="CM"
    )
    practices = []
    for record in made:
        day = parse_date(record.published)
        when = timezone.make_aware(datetime(day.year, day.month, day.day, 9))
        practices.append(
            Practice(
                external_id=record.key,
                title=record.title,
                language=record.language,
                summary=record.summary,
                context=record.context,
                approach=record.approach,
                results=record.results,
                lessons=record.lessons,
                lead_organisation=organisation,
                status=Practice.Status.PUBLISHED,
                visibility="public",
                published_at=when,
                last_published_at=when,
            )
        )
    Practice.objects.bulk_create(practices, batch_size=500)
    index_practices(list(Practice.objects.order_by("pk").values_list("pk", flat=True)))
    vocabulary_rebuild()


def measure(asked) -> tuple[dict, list[dict]]:
    from palabre.practices.models import Practice
    from palabre.practices.search import _find, _sort
    from palabre.search.query import parse

    keys = dict(Practice.objects.values_list("pk", "external_id"))
    per_kind: dict[str, list[tuple[float, float]]] = {kind: [] for kind in KINDS}
    misses = []
    for query in asked:
        parsed = parse(query.text)
        found = _find(
            user=None, parsed=parsed, filters={}, sort=_sort("", parsed), with_facets=False
        )
        ranked = [keys[pk] for pk in found.ids[:100]]
        relevant = query.relevant
        recall = len(relevant & set(ranked)) / len(relevant)
        precision = len(relevant & set(ranked[:10])) / min(10, len(relevant))
        per_kind[query.kind].append((recall, precision))
        if recall < 1 or precision < 1:
            misses.append(
                {
                    "kind": query.kind,
                    "query": query.text,
                    "relevant": len(relevant),
                    "found": found.total,
                    "recall@100": round(recall, 3),
                    "precision@10": round(precision, 3),
                    "corrected": getattr(found, "corrected", None),
                    "partial": getattr(found, "partial", False),
                }
            )
    summary = {
        kind: {
            "queries": len(values),
            "recall@100": round(sum(r for r, _p in values) / len(values), 3),
            "precision@10": round(sum(p for _r, p in values) / len(values), 3),
        }
        for kind, values in per_kind.items()
        if values
    }
    return summary, misses


def run(postgres: str | None) -> dict:
    database = fresh_database(postgres)
    os.environ["SEARCH_CACHE_SECONDS"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "palabre.settings")
    os.environ.setdefault("SECRET_KEY", "relevance-bench-only-" + "x" * 40)
    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    made = records()
    asked = queries(made)
    print(f"{database}: {len(made)} records, {len(asked)} queries; loading…", flush=True)
    load(made)
    loaded = time.perf_counter()
    summary, misses = measure(asked)
    result = {
        "database": database,
        "measured": datetime.now().strftime("%Y-%m-%d %H:%M"),
        "machine": f"{platform.machine()}, Python {platform.python_version()}",
        "records": len(made),
        "queries": len(asked),
        "load_seconds": round(loaded - started, 1),
        "query_seconds": round(time.perf_counter() - loaded, 1),
        "kinds": summary,
        "misses": misses,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"relevance-{database}.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=1) + "\n"
    )
    for kind, values in summary.items():
        print(f"  {kind:12} {values}")
    return result


def _cell(value: float | None, target: float) -> str:
    if value is None:
        return "—"
    return f"{value:.3f}" if value >= target else f"**{value:.3f}**"


def table() -> str:
    found = {}
    for database in ("sqlite", "postgresql"):
        path = RESULTS / f"relevance-{database}.json"
        if path.exists():
            found[database] = json.loads(path.read_text())
    if not found:
        return "No measurement yet: run bench/relevance.py."
    lines = [
        "| kind of query | queries | SQLite recall@100 | SQLite precision@10 "
        "| PostgreSQL recall@100 | PostgreSQL precision@10 | target |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for kind in KINDS:
        row = [kind]
        counts = {r["kinds"].get(kind, {}).get("queries") for r in found.values()} - {None}
        row.append(str(max(counts)) if counts else "—")
        for database in ("sqlite", "postgresql"):
            figures = found.get(database, {}).get("kinds", {}).get(kind, {})
            for metric in ("recall@100", "precision@10"):
                row.append(_cell(figures.get(metric), TARGETS[kind]))
        row.append(f"≥ {TARGETS[kind]}")
        lines.append("| " + " | ".join(row) + " |")
    notes = [
        f"{database}: {r['records']} records, {r['queries']} queries, measured {r['measured']} "
        f"({r['machine']}); {len(r['misses'])} queries below 1 on either measure"
        for database, r in found.items()
    ]
    return "\n".join(lines) + "\n\n" + "\n".join(f"- {n}" for n in notes)


def report() -> None:
    text = DOCS.read_text()
    if START not in text:
        raise SystemExit(f"{DOCS} has no {START} marker")
    head, rest = text.split(START, 1)
    _old, tail = rest.split(END, 1)
    DOCS.write_text(f"{head}{START}\n{table()}\n{END}{tail}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--postgres", help="URL of a PostgreSQL database to create afresh")
    parser.add_argument("--report", action="store_true", help="only rewrite the docs table")
    args = parser.parse_args()
    if not args.report:
        run(args.postgres)
    report()


if __name__ == "__main__":
    main()
