"""Palabre and MediaWiki side by side, on the same corpus, in one run, with one client.

    python bench/peers.py                       # 5,000 records, Palabre on SQLite
    python bench/peers.py --n 5000 --postgres postgres://postgres@127.0.0.1:5432/palabre_peers

Uses the peers' folder (`--peers-dir`, or PALABRE_PEERS_DIR, default `../shared/peers`
beside this repository): its `corpus.py` generates N French practice records, which are
converted to Palabre's import format and imported with `palabre import-practices` into a
fresh database (SQLite, then PostgreSQL with `--postgres`); its `mediawiki.sh` loads the
same records into MediaWiki 1.39 (Debian package, SQLite + ANALYZE, Apache on
127.0.0.1:8080; needs root, installs its Debian packages and wrk). Then, for each
Palabre database, once the machine is quiet (`/proc/loadavg`, bounded wait), its
`measure.py` measures MediaWiki views, Palabre views, MediaWiki search, Palabre search —
interleaved, so that noise hits both — with the same settings (wrk -t2 -c8, 3 rounds of
50 queries). Results go to bench/results/peers/peers-N.json and the ratio table
(Palabre ÷ MediaWiki) into docs/performance.md, between `<!-- peers:start -->` and
`<!-- peers:end -->`. MediaWiki is stopped at the end (`--keep-mediawiki` leaves it up).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from django.utils.text import slugify

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import run as palabre_bench  # noqa: E402  (bench/run.py)

START, END = "<!-- peers:start -->", "<!-- peers:end -->"
MEDIAWIKI = "http://127.0.0.1:8080"
MEDIAWIKI_SEARCH = (
    "/api.php?action=query&list=search&srwhat=text&srsearch={q}&srlimit=20&srinfo=totalhits"
    "&format=json"
)
MEDIAWIKI_SEARCH_HTML = "/index.php?title=Sp%C3%A9cial:Recherche&search={q}&fulltext=1&ns0=1"
PALABRE_SEARCH = "/api/v1/practices?q={q}"
PALABRE_SEARCH_HTML = "/search/?q={q}"
VIEWS, SEARCH = "views", "search,weight,recall"
EMPTY_PARSER_CACHE = "c.execute('DELETE FROM objectcache'); c.commit()"

# The corpus's themes and countries as Palabre's seeded themes and ISO codes.
THEMES = {
    "pratiques managériales": "pratiques-manageriales",
    "processus opérationnels": "processus-operationnels",
    "gestion de projet": "gestion-de-projet",
    "formation continue des bénéficiaires": "formation-continue-beneficiaires",
    "méthodologie et évaluation": "methodologie-evaluation",
    "plaidoyer": "communication-plaidoyer",
    "gouvernance locale": "gouvernance-locale",
}
COUNTRIES = {
    "Cameroun": "CM", "Tchad": "TD", "RDC": "CD", "Burkina Faso": "BF", "Sénégal": "SN",
    "Côte d'Ivoire": "CI", "Togo": "TG", "Bénin": "BJ",
}  # fmt: skip
ORGANISATION_KINDS = {
    "ONG": "ngo", "Fondation": "ngo", "Centre": "ngo", "Réseau": "network",
    "Plateforme": "network",
}  # fmt: skip
SECTIONS = ("summary", "context", "approach", "results", "lessons")


# ------------------------------------------------------------------ the corpus in Palabre


def convert(corpus: Path, practices: Path, network: Path) -> int:
    """Write the corpus as Palabre's JSONL import and the organisations and people it names.

    Every record becomes a published, public practice whose `external_id` is the record's
    id; its organisation (name and city, the last words after " de ") and its author
    (a member with an e-mail made from the name) are created before the import.
    """
    organisations: dict[str, dict] = {}
    people: dict[str, dict] = {}
    slugs: set[str] = set()
    count = 0
    with corpus.open(encoding="utf-8") as records, practices.open("w", encoding="utf-8") as out:
        for line in records:
            record = json.loads(line)
            name = record["organisation"]
            if name not in organisations:
                slug = base = slugify(name)[:76]
                while slug in slugs:
                    slug = f"{base}-{len(slugs)}"[:80]
                slugs.add(slug)
                prefix = next((p for p in ORGANISATION_KINDS if name.startswith(p + " ")), "")
                organisations[name] = {
                    "name": name,
                    "slug": slug,
                    "kind": ORGANISATION_KINDS.get(prefix, "local_association"),
                    "country": COUNTRIES[record["country"]],
                    "city": name.rsplit(" de ", 1)[-1],
                }
            email = f"{slugify(record['author'])}@peers.example.org"
            people.setdefault(email, {"email": email, "display_name": record["author"]})
            row = {
                "external_id": record["id"],
                "title": record["title"],
                "kind": "good_practice",
                "language": record["language"],
                "status": "published",
                "visibility": "public",
                "published_at": "2026-01-01T00:00:00Z",
                "lead_organisation": organisations[name]["slug"],
                "authors": [email],
                "themes": [THEMES[record["theme"]]],
                "country": COUNTRIES[record["country"]],
                "region": organisations[name]["city"],
                **{section: record[section] for section in SECTIONS},
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    network.write_text(
        json.dumps(
            {"organisations": list(organisations.values()), "people": list(people.values())},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    return count


def prepare_palabre(database: str, postgres: str | None, work: Path) -> dict:
    """A fresh Palabre database holding the corpus; its pages listed for measure.py."""
    workdir = ROOT / "var" / "bench" / f"peers-{database}"
    env = palabre_bench.bench_env(workdir, postgres)
    print(f"Palabre {database}: fresh database in {workdir}", flush=True)
    palabre_bench.fresh_database(env, workdir, postgres)
    helper = [sys.executable, "bench/peers_network.py"]
    palabre_bench.sh([*helper, "network", str(work / "palabre-network.json")], env)
    imported = palabre_bench.import_practices(env, work / "palabre-practices.jsonl", workdir)
    pages = work / f"palabre-{database}-pages.tsv"
    palabre_bench.sh([*helper, "pages", str(work / "practices.jsonl"), str(pages)], env)
    return {"env": env, "workdir": workdir, "pages": pages, "import": imported}


# ------------------------------------------------------------------ MediaWiki


def prepare_mediawiki(peers: Path, work: Path, n: int, *, fresh: bool) -> dict:
    """`mediawiki.sh N`: MediaWiki loaded with the same corpus, ANALYZEd and serving."""
    env = {**os.environ, "PEERS_DIR": str(work)}
    loaded = work / "mw" / "pages.tsv"
    # mediawiki.sh loads a wiki only once: one loaded with another N is wiped first.
    if loaded.exists() and (fresh or sum(1 for _ in loaded.open()) != n):
        print("MediaWiki: wiping the wiki of a previous run", flush=True)
        subprocess.run(["bash", str(peers / "setup_mediawiki.sh"), "wipe"], env=env, check=True)  # noqa: S603, S607
    before = loaded.exists()
    started = time.perf_counter()
    subprocess.run(["bash", str(peers / "mediawiki.sh"), str(n)], env=env, check=True)  # noqa: S603, S607
    timings = work / "mw" / "load_timings.json"
    return {
        "setup_seconds": round(time.perf_counter() - started, 1),
        "reused_loaded_wiki": before,
        "load": json.loads(timings.read_text()) if timings.exists() else None,
    }


def mediawiki_pid(work: Path) -> str:
    return (work / "mw" / "apache" / "httpd.pid").read_text().strip()


# ------------------------------------------------------------------ measuring


def loadavg() -> list[float]:
    return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]


def wait_until_quiet(max_load: float, max_wait: float) -> dict:
    """Wait (at most max_wait seconds) for the 1-minute load average to fall below max_load."""
    started = time.monotonic()
    load = loadavg()
    print(f"waiting for load < {max_load} (now {load}, at most {max_wait:.0f} s)…", flush=True)
    while load[0] >= max_load and time.monotonic() - started < max_wait:
        time.sleep(min(10.0, max(0.0, max_wait - (time.monotonic() - started))))
        load = loadavg()
    waited = round(time.monotonic() - started)
    quiet = load[0] < max_load
    print(f"  load {load} after {waited} s{'' if quiet else ' — not quiet, measuring anyway'}")
    return {"threshold": max_load, "waited_s": waited, "quiet": quiet, "loadavg": load}


def measure(peers: Path, args, *, name: str, base: str, pages: Path, phases: str, out: Path,
            search_url: str, html_url: str, hits: str, pid: str, reset: str) -> dict:  # fmt: skip
    work = Path(args.work_dir)
    subprocess.run(  # noqa: S603
        [
            sys.executable, str(peers / "measure.py"), "--name", name, "--base", base,
            "--pages", str(pages), "--queries", str(work / "queries.txt"),
            "--corpus", str(work / "practices.jsonl"), "--search-url", search_url,
            "--hits-json", hits, "--search-html-url", html_url, "--server-pids", pid,
            "--sample", str(args.sample), "--rounds", str(args.rounds),
            "--wrk-duration", str(args.wrk_duration), "--wrk-threads", "2", "--wrk-conns", "8",
            "--phases", phases, "--reset-cmd", reset, "--out", str(out),
        ],
        check=True,
    )  # fmt: skip
    return json.loads(out.read_text(encoding="utf-8"))


RUN_KEYS = ("date_utc", "loadavg_before", "loadavg_after", "top_cpu_before", "top_cpu_after",
            "rss_before", "rss_after", "client_errors")  # fmt: skip


def merged(views: dict, search: dict) -> dict:
    """One peer's views and search runs as one measure.py result (table.py reads it too)."""
    result = {key: value for key, value in search.items() if key not in RUN_KEYS}
    result.update({key: value for key, value in views.items() if key.startswith("view_")})
    result["rss_after"] = search.get("rss_after")
    result["runs"] = {
        "views": {key: views.get(key) for key in RUN_KEYS},
        "search": {key: search.get(key) for key in RUN_KEYS},
    }
    return result


def measure_pair(peers: Path, args, database: str, palabre: dict) -> dict:
    """MediaWiki views, Palabre views, MediaWiki search, Palabre search — for one database."""
    work = Path(args.work_dir)
    out = work / "results" / database
    out.mkdir(parents=True, exist_ok=True)
    pair: dict = {"database": database}
    server = palabre_bench.start_server(palabre["env"], args.port, args.workers)
    try:
        # `palabre run` first collects the static files of a fresh data folder: a minute or two.
        palabre_bench.wait_for(args.port, timeout=900)
        pair["quiet"] = wait_until_quiet(args.max_load, args.max_wait)
        pair["loadavg_start"] = loadavg()
        cache_db = work / "mw" / "data" / "wikicache.sqlite"
        mediawiki = {
            "name": "mediawiki", "base": MEDIAWIKI, "pages": work / "mw" / "pages.tsv",
            "search_url": MEDIAWIKI_SEARCH, "html_url": MEDIAWIKI_SEARCH_HTML,
            "hits": "query.searchinfo.totalhits", "pid": mediawiki_pid(work),
            # First views render again: MediaWiki's parser cache is emptied.
            "reset": f"[ ! -s {cache_db} ] || runuser -u www-data -- python3 -c "
            f"\"import sqlite3; c = sqlite3.connect('{cache_db}'); {EMPTY_PARSER_CACHE}\"",
        }  # fmt: skip
        ours = {
            "name": f"palabre-{database}", "base": f"http://127.0.0.1:{args.port}",
            "pages": palabre["pages"], "search_url": PALABRE_SEARCH,
            "html_url": PALABRE_SEARCH_HTML, "hits": "meta.count", "pid": str(server.pid),
            # ... and so does Palabre, whose rendered pages and searches are kept in its cache.
            "reset": f"find {palabre['workdir'] / 'cache'} -type f -delete 2>/dev/null || true",
        }  # fmt: skip
        runs = {}
        for phase, phases in (("views", VIEWS), ("search", SEARCH)):
            for peer in (mediawiki, ours):
                print(f"== {peer['name']}: {phase}", flush=True)
                runs[peer["name"], phase] = measure(
                    peers, args, phases=phases, out=out / f"{peer['name']}-{phase}.json", **peer
                )
    finally:
        server.terminate()
        server.wait(timeout=60)
    pair["loadavg_end"] = loadavg()
    for key, name in (("mediawiki", "mediawiki"), ("palabre", ours["name"])):
        pair[key] = merged(runs[name, "views"], runs[name, "search"])
        (out / f"{name}.json").write_text(json.dumps(pair[key], ensure_ascii=False, indent=1))
    return pair


# ------------------------------------------------------------------ the table


def get(result: dict | None, path: str):
    for key in path.split("."):
        if not isinstance(result, dict):
            return None
        result = result.get(key)
    return result


# (label, path in a measure.py result, better when "lower" or "higher", target ratio)
ROWS = [
    ("practice page, first view p50 (ms)", "view_uncached_first_view.p50_ms", "lower", None),
    ("practice page, first view p95 (ms)", "view_uncached_first_view.p95_ms", "lower", None),
    ("practice page, second view p50 (ms)", "view_cached_second_view.p50_ms", "lower", None),
    ("practice page, second view p95 (ms)", "view_cached_second_view.p95_ms", "lower", None),
    ("practice page under wrk -t2 -c8 (req/s)", "view_wrk.req_per_s", "higher", 3.0),
    ("search API, first round (uncached) p50 (ms)", "search_seq_first_round.p50_ms", "lower", None),
    ("search API, first round (uncached) p95 (ms)", "search_seq_first_round.p95_ms", "lower", 1.0),
    ("search API, all rounds p50 (ms)", "search_seq_all_rounds.p50_ms", "lower", None),
    ("search API, all rounds p95 (ms)", "search_seq_all_rounds.p95_ms", "lower", None),
    ("search API under wrk -t2 -c8 (req/s)", "search_wrk.req_per_s", "higher", 1.5),
    ("search page (HTML), one round p50 (ms)", "search_html_one_round.p50_ms", "lower", None),
    ("search page (HTML), one round p95 (ms)", "search_html_one_round.p95_ms", "lower", None),
    ("practice page HTML (bytes, gzip)", "page_weight.curl_size_download", "lower", None),
    ("CSS + JS it links to (bytes, gzip)", "page_weight.assets_gzip_bytes", "lower", None),
]
NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def _number(value) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float) and value < 100:
        return f"{value:.1f}"
    return f"{value:,.0f}".replace(",", " ")


def _failures(result: dict) -> int:
    return sum(
        get(result, path) or 0
        for path in (
            "view_uncached_first_view.non_200", "view_cached_second_view.non_200",
            "view_wrk.non_2xx", "search_seq_all_rounds.non_200", "search_wrk.non_2xx",
        )
    ) + len(get(result, "runs.views.client_errors") or []) + len(
        get(result, "runs.search.client_errors") or []
    )  # fmt: skip


def _load(values) -> str:
    return " / ".join(f"{float(v):.2f}" for v in values)


def render(results: dict) -> str:
    pairs = results["pairs"]
    lines = [
        f"### {_number(results['practices'])} practices — {results['date']}",
        "",
        f"On {results['machine']}. MediaWiki 1.39 (Debian package, SQLite + `ANALYZE`, Apache "
        f"prefork + mod_php) and Palabre (`palabre run`, {results['workers']} gunicorn workers) "
        f"serve the same {_number(results['practices'])} generated records; one client "
        f"(`measure.py`): {results['settings']['sample']} practice pages viewed twice, "
        f"`wrk -t2 -c8 -d{results['settings']['wrk_duration']}s` over them, "
        f"{results['settings']['rounds']} round(s) of 50 search queries and a wrk run over them. "
        "Each Palabre database was measured interleaved with its own MediaWiki run (the two "
        "columns before it).",
        "",
    ]
    for pair in pairs:
        quiet = pair["quiet"]
        lines.append(
            f"- {NAMES[pair['database']]} run: load averages (1 / 5 / 15 min) "
            f"{_load(pair['loadavg_start'])} at the start, {_load(pair['loadavg_end'])} at the "
            f"end; " + (
                f"waited {quiet['waited_s']} s for the load to fall below {quiet['threshold']}"
                if quiet["quiet"] else
                f"**the machine was not quiet** (load still ≥ {quiet['threshold']} after "
                f"{quiet['waited_s']} s)"
            ) + f"; failed requests: MediaWiki {_failures(pair['mediawiki'])}, "
            f"Palabre {_failures(pair['palabre'])}."
        )  # fmt: skip
    head = ["measure"]
    rule = ["---"]
    for pair in pairs:
        head += ["MediaWiki", f"Palabre {NAMES[pair['database']]}", "ratio"]
        rule += ["---:", "---:", "---:"]
    head.append("target")
    rule.append("---")
    lines += ["", "| " + " | ".join(head) + " |", "| " + " | ".join(rule) + " |"]
    for label, path, better, target in ROWS:
        cells = [label]
        for pair in pairs:
            theirs, ours = get(pair["mediawiki"], path), get(pair["palabre"], path)
            ratio = ours / theirs if ours is not None and theirs else None
            text = "n/a" if ratio is None else f"{ratio:.2f}×"
            if ratio is not None and target is not None:
                met = ratio >= target if better == "higher" else ratio <= target
                text += " ✓" if met else " ✗"
            cells += [_number(theirs), _number(ours), text]
        cells.append("" if target is None else f"{'≥' if better == 'higher' else '≤'} {target:g}×")
        lines.append("| " + " | ".join(cells) + " |")
    lines += [
        "",
        "Ratio: Palabre ÷ MediaWiki — below 1 is better for times and bytes, above 1 for "
        "requests per second. Targets from issue 17.",
        "",
        "How many records each finds (the corpus's own count of records holding every word, "
        "accents folded and plurals joined, in brackets):",
        "",
    ]
    probes = list(get(pairs[0], "mediawiki.recall") or {})
    head = ["query", "records", "MediaWiki"] + [f"Palabre {NAMES[p['database']]}" for p in pairs]
    lines += ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for probe in probes:
        truth = get(pairs[0], "mediawiki.recall")[probe]["truth_folded_and_plural"]
        cells = [f"`{probe}`", f"({_number(truth)})"]
        cells.append(_number(get(pairs[0], "mediawiki.recall").get(probe, {}).get("engine_hits")))
        for pair in pairs:
            cells.append(_number((get(pair, "palabre.recall") or {}).get(probe, {}).get("engine_hits")))  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    imports = [
        f"Palabre {NAMES[database]} {i['import_seconds']} s (peak {i['import_peak_mb']:.0f} MB)"
        for database, i in results["palabre_import"].items()
    ]
    load = get(results, "mediawiki.load") or {}
    if load.get("importDump_s"):
        imports.append(
            f"MediaWiki importDump {load['importDump_s']:.0f} s + text index "
            f"{load.get('rebuildtextindex_s') or 0:.0f} s + jobs {load.get('runJobs_s') or 0:.0f} s"
        )
    lines += ["", f"Loading the records: {'; '.join(imports)}."]
    return "\n".join(lines) + "\n"


def write_docs(results: dict) -> None:
    doc = ROOT / "docs" / "performance.md"
    text = doc.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SystemExit(f"{doc} has no {START} … {END} markers")
    before, after = text.partition(START)[0], text.partition(END)[2]
    doc.write_text(f"{before}{START}\n{render(results)}{END}{after}", encoding="utf-8")
    print(f"wrote the table into {doc}", flush=True)


# ------------------------------------------------------------------ main


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    parser.add_argument("--n", type=int, default=5000, help="records (default 5000)")
    parser.add_argument(
        "--postgres", help="also measure Palabre on this PostgreSQL database (re-created)"
    )
    parser.add_argument(
        "--peers-dir",
        default=os.environ.get("PALABRE_PEERS_DIR", str(ROOT.parent / "shared" / "peers")),
        help="the peers' scripts (default: $PALABRE_PEERS_DIR or ../shared/peers)",
    )
    parser.add_argument(
        "--work-dir",
        default=os.environ.get("PEERS_DIR", str(Path(tempfile.gettempdir()) / "palabre-peers")),
        help="corpus, MediaWiki and raw results; Apache's www-data must be able to enter it "
        "(default: $PEERS_DIR or palabre-peers in the temp folder)",
    )
    parser.add_argument("--port", type=int, default=8765, help="Palabre's port")
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    parser.add_argument("--sample", type=int, default=300, help="practice pages viewed (300)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds over the 50 queries (3)")
    parser.add_argument("--wrk-duration", type=int, default=20, help="seconds of each wrk run over pages (20; search: half, at least 10)")  # fmt: skip
    parser.add_argument("--max-load", type=float, default=1.0, help="quiet: 1-minute load average below this (1.0)")  # fmt: skip
    parser.add_argument("--max-wait", type=float, default=600, help="wait at most this many seconds for quiet (600)")  # fmt: skip
    parser.add_argument("--fresh-mediawiki", action="store_true", help="wipe and reload the wiki even if it holds N records")  # fmt: skip
    parser.add_argument("--keep-mediawiki", action="store_true", help="leave MediaWiki running at the end")  # fmt: skip
    parser.add_argument("--no-docs", action="store_true", help="do not write docs/performance.md")
    parser.add_argument("--render", metavar="RESULTS.json", help="only write the table of an earlier run into docs/performance.md")  # fmt: skip
    args = parser.parse_args()

    if args.render:
        write_docs(json.loads(Path(args.render).read_text(encoding="utf-8")))
        return
    peers = Path(args.peers_dir).resolve()
    for script in ("corpus.py", "mediawiki.sh", "setup_mediawiki.sh", "load_mediawiki.py", "measure.py"):  # fmt: skip
        if not (peers / script).exists():
            raise SystemExit(f"{peers / script} is missing: give --peers-dir or PALABRE_PEERS_DIR")
    if os.geteuid() != 0:
        raise SystemExit("run as root: mediawiki.sh installs Debian packages and runs as www-data")
    work = Path(args.work_dir).resolve()
    args.work_dir = str(work)
    work.mkdir(parents=True, exist_ok=True)
    work.chmod(0o755)
    started = time.monotonic()
    results: dict = {
        "practices": args.n,
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": " ".join(sys.argv),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') // 2**30} GiB",
        "workers": args.workers,
        "settings": {"sample": args.sample, "rounds": args.rounds, "wrk_duration": args.wrk_duration,
                     "wrk": "-t2 -c8", "max_load": args.max_load, "max_wait": args.max_wait},
        "loadavg_at_start": loadavg(),
    }  # fmt: skip

    corpus = work / "practices.jsonl"
    print(f"corpus: {args.n} records in {corpus}", flush=True)
    subprocess.run(  # noqa: S603
        [sys.executable, str(peers / "corpus.py"), "--n", str(args.n), "--out", str(corpus),
         "--queries", str(work / "queries.txt")],
        check=True,
    )  # fmt: skip
    digest = sha256(corpus)
    convert(corpus, work / "palabre-practices.jsonl", work / "palabre-network.json")
    databases = [("sqlite", None)] + ([("postgresql", args.postgres)] if args.postgres else [])
    palabre = {database: prepare_palabre(database, url, work) for database, url in databases}
    results["palabre_import"] = {database: p["import"] for database, p in palabre.items()}
    results["mediawiki"] = prepare_mediawiki(peers, work, args.n, fresh=args.fresh_mediawiki)
    if sha256(corpus) != digest:
        raise SystemExit("mediawiki.sh generated another corpus than the one Palabre imported")
    try:
        results["pairs"] = [measure_pair(peers, args, database, palabre[database]) for database, _ in databases]  # fmt: skip
    finally:
        if not args.keep_mediawiki:
            env = {**os.environ, "PEERS_DIR": str(work)}
            subprocess.run(["bash", str(peers / "mediawiki.sh"), "stop"], env=env, check=False)  # noqa: S603, S607
    results["loadavg_at_end"] = loadavg()
    results["minutes"] = round((time.monotonic() - started) / 60, 1)
    out = ROOT / "bench" / "results" / "peers"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"peers-{args.n}.json"
    path.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"wrote {path} ({results['minutes']} min)", flush=True)
    print(render(results))
    if not args.no_docs:
        write_docs(results)


if __name__ == "__main__":
    main()
