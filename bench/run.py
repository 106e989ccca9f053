"""Load N practices into Palabre and measure it through HTTP, as people would use it.

    python bench/run.py --practices 100000                       # SQLite (the default)
    python bench/run.py --practices 100000 --postgres postgres://postgres@127.0.0.1:5432/palabre_bench

It creates a fresh database (var/bench/…), loads the demo network, generates the
practices (bench/generate.py), imports them with `palabre import-practices` (timed,
peak memory measured), serves Palabre with `palabre run` (gunicorn), then requests
the search page, the API search, practice pages and list pages — one client, then
several at once — and records latency percentiles and bytes on the wire (gzip).
Results are printed and written to bench/results/<database>.json; bench/report.py
turns them into docs/performance.md.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PALABRE = [sys.executable, "-m", "palabre"]


def sh(args: list[str], env: dict[str, str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, env=env, cwd=ROOT, check=True, **kwargs)  # noqa: S603


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


def fetch(port: int, path: str) -> tuple[float, int, int]:
    """(seconds, status, bytes on the wire) for one GET, gzip accepted like a browser."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path, headers={"Accept-Encoding": "gzip", "Accept-Language": "fr"})
    response = connection.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed, response.status, len(body)


def measure(port: int, paths: list[str], *, clients: int) -> dict:
    latencies: list[float] = []
    sizes: list[int] = []
    errors = 0
    lock = threading.Lock()
    queue = list(paths)

    def worker():
        nonlocal errors
        while True:
            with lock:
                if not queue:
                    return
                path = queue.pop()
            seconds, status, size = fetch(port, path)
            with lock:
                latencies.append(seconds)
                sizes.append(size)
                if status != 200:
                    errors += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    ms = [s * 1000 for s in latencies]
    return {
        "requests": len(ms),
        "clients": clients,
        "p50_ms": round(percentile(ms, 50), 1),
        "p95_ms": round(percentile(ms, 95), 1),
        "p99_ms": round(percentile(ms, 99), 1),
        "mean_ms": round(statistics.mean(ms), 1),
        "throughput_rps": round(len(ms) / wall, 1),
        "bytes_median": int(statistics.median(sizes)),
        "errors": errors,
    }


def wait_for(port: int, timeout: float = 120) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if fetch(port, "/healthz")[1] == 200:
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("Palabre did not start")


def bench_env(workdir: Path, postgres: str | None) -> dict[str, str]:
    """The environment of every `palabre` command run on a bench database kept in ``workdir``."""
    env = {
        **os.environ,
        "PALABRE_DATA_DIR": str(workdir),
        "SECRET_KEY": "bench-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "ACCESS_LOG": "",
    }
    env.pop("DATABASE_URL", None)
    if postgres:
        env["DATABASE_URL"] = postgres
    return env


def fresh_database(env: dict[str, str], workdir: Path, postgres: str | None) -> None:
    """An empty, migrated database: ``workdir`` emptied, the PostgreSQL database re-created."""
    if workdir.exists():
        shutil.rmtree(workdir)
    if postgres:
        url = urllib.parse.urlsplit(postgres)
        admin = url._replace(path="/postgres").geturl()
        name = url.path.lstrip("/")
        sh([sys.executable, "-c", (
            "import psycopg,sys; c=psycopg.connect(sys.argv[1], autocommit=True);"
            f"c.execute('DROP DATABASE IF EXISTS {name} WITH (FORCE)');"
            f"c.execute('CREATE DATABASE {name}')"
        ), admin], env)  # fmt: skip
    sh([*PALABRE, "migrate", "-v0"], env)


def import_practices(env: dict[str, str], data: Path, workdir: Path) -> dict:
    """`palabre import-practices data`, timed, with its peak memory (and the SQLite file size)."""
    print("importing…", flush=True)
    results: dict = {}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    sh([*PALABRE, "import-practices", str(data), "-v0"], env, stdout=subprocess.DEVNULL)
    results["import_seconds"] = round(time.perf_counter() - started, 1)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    results["import_peak_mb"] = round(max(peak, before) / 1024, 1)
    print(f"  {results['import_seconds']} s, peak {results['import_peak_mb']} MB", flush=True)
    if "DATABASE_URL" not in env:
        results["database_mb"] = round((workdir / "palabre.sqlite3").stat().st_size / 2**20)
    return results


def start_server(env: dict[str, str], port: int, workers: int) -> subprocess.Popen:
    """`palabre run` (gunicorn) on 127.0.0.1:port; the caller waits for it and terminates it."""
    return subprocess.Popen(  # noqa: S603
        [*PALABRE, "run", "--port", str(port), "--workers", str(workers), "--no-worker"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--practices", type=int, default=100_000)
    parser.add_argument("--postgres", help="PostgreSQL URL (database is re-created)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--reuse", action="store_true", help="Keep the database of a previous run")
    args = parser.parse_args()

    database = "postgresql" if args.postgres else "sqlite"
    workdir = ROOT / "var" / "bench" / database
    env = bench_env(workdir, args.postgres)
    results: dict = {
        "database": database,
        "practices": args.practices,
        "date": datetime.now().strftime("%Y-%m-%d %H:%M"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') // 2**30} GiB, "
        f"Python {platform.python_version()}",
        "workers": args.workers,
    }

    data = ROOT / "var" / "bench" / f"practices-{args.practices}.jsonl"
    if not data.exists():
        print(f"generating {args.practices} practices…", flush=True)
        sh([sys.executable, "bench/generate.py", str(args.practices), str(data)], env)
    if not args.reuse:
        fresh_database(env, workdir, args.postgres)
        sh([*PALABRE, "demo", "-v0"], env)
        results.update(import_practices(env, data, workdir))

    server = start_server(env, args.port, args.workers)
    try:
        wait_for(args.port)
        rng = random.Random(7)
        queries = [
            line.strip() for line in (ROOT / "bench" / "queries.txt").read_text().splitlines()
            if line.strip() and not line.startswith("#")
        ]  # fmt: skip
        ids = json.loads(
            subprocess.run(  # noqa: S603
                [*PALABRE, "shell", "-c", (
                    "import json; from palabre.practices.models import Practice; "
                    "print(json.dumps(list(Practice.objects.filter(status='published', "
                    "visibility='public').values_list('pk', flat=True)[:5000])))"
                )],
                env=env, cwd=ROOT, capture_output=True, text=True, check=True,
            ).stdout.strip().splitlines()[-1]
        )  # fmt: skip

        def n_paths(make):
            return [make() for _ in range(args.requests)]

        scenarios = {
            "search page": lambda: "/search/?" + urllib.parse.urlencode({"q": rng.choice(queries)}),
            "search page, typing": lambda: (
                "/search/?" + urllib.parse.urlencode({"q": rng.choice(queries)[:5], "live": "1"})
            ),
            "API search": lambda: (
                "/api/v1/practices?" + urllib.parse.urlencode({"q": rng.choice(queries)})
            ),
            "practice page": lambda: f"/practices/{rng.choice(ids)}/",
            # Loaded by the site's script once the reader scrolls to it (a link without it).
            "similar practices": lambda: f"/practices/{rng.choice(ids)}/similar/",
            "list page": lambda: f"/practices/?page={rng.randint(1, 50)}",
        }
        for _name, make in list(scenarios.items())[:1]:
            measure(args.port, n_paths(make)[:30], clients=2)  # warm up
        results["scenarios"] = {}
        results["load_before"] = [round(x, 2) for x in os.getloadavg()]
        for name, make in scenarios.items():
            single = measure(args.port, n_paths(make), clients=1)
            loaded = measure(args.port, n_paths(make), clients=args.concurrency)
            results["scenarios"][name] = {
                "one client": single,
                f"{args.concurrency} clients": loaded,
            }
            print(f"{name:22} 1 client p50 {single['p50_ms']:7.1f} p95 {single['p95_ms']:7.1f} "
                  f"p99 {single['p99_ms']:7.1f} ms | {args.concurrency} clients p95 "
                  f"{loaded['p95_ms']:7.1f} ms, {loaded['throughput_rps']} req/s | "
                  f"{single['bytes_median']} B", flush=True)  # fmt: skip
        results["load_after"] = [round(x, 2) for x in os.getloadavg()]
    finally:
        server.terminate()
        server.wait(timeout=30)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / f"{database}.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
