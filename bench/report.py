"""Turn bench/results/*.json into the table of docs/performance.md.

python bench/report.py          # rewrites the measured section of docs/performance.md
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Issue 17's targets at 100,000 practices (p95, one client, uncached searches).
TARGETS = {
    "search page": ("one client", "p95_ms", 100),
    "search page, typing": ("one client", "p95_ms", 150),
    "API search": ("one client", "p95_ms", 100),
    "practice page": ("one client", "p95_ms", 30),
}
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def _n(number: int) -> str:
    return f"{number:,}".replace(",", " ")


def table(result: dict) -> str:
    lines = [
        f"### {result['database']} — {_n(result['practices'])} practices",
        "",
        f"Measured {result['date']} on {result['machine']}; `palabre run` with "
        f"{result['workers']} gunicorn workers, requests over loopback with gzip.",
        "",
    ]
    if "import_seconds" in result:
        minutes = result["import_seconds"] / 60
        lines += [
            f"- Import of {_n(result['practices'])} rows (JSONL, validated then imported in one "
            f"transaction, indexed): **{minutes:.1f} min**, peak memory "
            f"**{result['import_peak_mb']:.0f} MB** (targets: 10 min, 500 MB)"
            + (f", measured {result['import_date']}" if "import_date" in result else ""),
        ]
    if "database_mb" in result:
        lines.append(f"- SQLite file after import: {result['database_mb']} MB")
    if "load_before" in result:
        lines.append(
            "- Load averages (1, 5, 15 min) before measuring: "
            f"{', '.join(map(str, result['load_before']))}; after: "
            f"{', '.join(map(str, result.get('load_after', [])))}"
        )
    lines += [
        "",
        "| page | clients | p50 ms | p95 ms | p99 ms | req/s | bytes (gzip) | target (p95, 1 client) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, runs in result["scenarios"].items():
        for clients, run in runs.items():
            target = ""
            if name in TARGETS and clients == TARGETS[name][0]:
                limit = TARGETS[name][2]
                target = f"< {limit} ms: {'met' if run['p95_ms'] < limit else '**missed**'}"
            lines.append(
                f"| {name} | {run['clients']} | {run['p50_ms']} | {run['p95_ms']} | "
                f"{run['p99_ms']} | {run['throughput_rps']} | {run['bytes_median']} | {target} |"
            )
    return "\n".join(lines) + "\n"


def main() -> None:
    # bench/run.py's results (the relevance set and the peers' run have their own tables).
    results = [
        result
        for path in sorted((ROOT / "bench" / "results").glob("*.json"))
        if "scenarios" in (result := json.loads(path.read_text()))
    ]
    body = "\n".join(table(r) for r in results)
    doc = ROOT / "docs" / "performance.md"
    text = doc.read_text()
    before, _old, after = text.partition(START)[0], None, text.partition(END)[2]
    doc.write_text(f"{before}{START}\n{body}{END}{after}")


if __name__ == "__main__":
    main()
