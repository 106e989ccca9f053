"""Lighthouse (npm, pinned in package-lock.json) with Debian's Chromium, mobile form factor, on
the home page, a practice and a search, anonymous and as a member, on the demo network served
as in production (demo_site.py). Prints the scores and what cost points; exits 1 when a page
is below the thresholds (issue 16):

    accessibility 100, best practices 100, performance >= 95, and SEO 100 on public pages.

A page that misses them is measured once more and keeps its better scores: performance moves
with the machine's load. Each run is bounded (RUN_TIMEOUT). scripts/test.sh runs this after
the suites; by hand: .venv/bin/python scripts/browser-checks/lighthouse.py [--keep DIR]."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from demo_site import CHROMIUM, MEMBER, ROOT, demo_site, node_dir, session_cookie

RUN_TIMEOUT = 120  # seconds for one Lighthouse run, Chromium's start included
RUNS = 3  # runs of a page that Lighthouse could not record (a runtime error) before failing
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
THRESHOLDS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-extensions"


def pages(address: str) -> list[tuple[str, str]]:
    """(name, path) of the pages measured: a public practice of the demo, and a search."""
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from palabre.practices.models import Practice

    practice = Practice.objects.filter(status="published", visibility="public").order_by("pk")[0]
    return [
        ("home", "/"),
        ("practice", practice.get_absolute_url()),
        ("search", "/search/?q=poisson"),
    ]


def run_lighthouse(url: str, report: Path, cookie: str | None) -> dict[str, dict]:
    command = [
        "node",
        str(node_dir() / "node_modules" / "lighthouse" / "cli" / "index.js"),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--form-factor=mobile",
        "--max-wait-for-load=45000",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    if cookie:
        command.append(f"--extra-headers={json.dumps({'Cookie': cookie})}")
    # Lighthouse sometimes fails to record a page load on a busy machine ("NO_NAVSTART …
    # Please run Lighthouse again"): such a run measured nothing, so it is run again; a page
    # that cannot be measured three times in a row fails the step.
    for attempt in range(1, RUNS + 1):
        done = subprocess.run(  # noqa: S603 - our own command line
            command,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            timeout=RUN_TIMEOUT,
            check=attempt == RUNS,
            stdout=subprocess.DEVNULL,
        )
        if done.returncode == 0:
            break
        print(f"Lighthouse could not measure {url} (run {attempt}): running it again", flush=True)
    return json.loads(report.read_text())


def logged_in(address: str, cookie: str) -> None:
    """The member's pages are measured logged in: a member-only page answers them."""
    url = f"{address}/notifications/"
    request = urllib.request.Request(url, headers={"Cookie": cookie})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        if not response.url.endswith("/notifications/"):
            raise RuntimeError(f"the member's session was refused: {response.url}")


def weight(result: dict) -> str:
    """Requests and kilobytes transferred for the page (the budget of issue 16: 3, 30 kB)."""
    requests = len(result["audits"]["network-requests"]["details"]["items"])
    kilobytes = result["audits"]["total-byte-weight"]["numericValue"] / 1000
    return f"{requests:>8} {kilobytes:>6.1f}"


def scores(result: dict) -> dict[str, int]:
    return {
        name: round((category["score"] or 0) * 100)
        for name, category in result["categories"].items()
    }


def shortfalls(result: dict, categories: list[str]) -> list[str]:
    """The audits that cost points in ``categories``, with the elements they name."""
    lines = []
    for name in categories:
        for ref in result["categories"][name]["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if ref["weight"] == 0 or audit["score"] is None or audit["score"] >= 1:
                continue
            value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
            lines.append(f"    {name}: {audit['id']}{value}: {audit['title']}")
            for item in (audit.get("details") or {}).get("items", [])[:5]:
                node = item.get("node") or {}
                where = node.get("selector") or item.get("url") or ""
                said = node.get("snippet") or item.get("description") or ""
                if where or said:
                    lines.append(f"        {where} {said[:160]}".rstrip())
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data-dir", type=Path, default=ROOT / "var" / "demo-site", help="the demo site's data"
    )
    parser.add_argument("--reports", type=Path, help="keep the JSON reports in this folder")
    args = parser.parse_args()
    lighthouse = node_dir() / "node_modules" / "lighthouse"
    if not lighthouse.exists():
        print(f"Lighthouse not found in {lighthouse}: run scripts/test-deps.sh")
        return 1
    reports = args.reports or Path(tempfile.mkdtemp(prefix="palabre-lighthouse-"))
    reports.mkdir(parents=True, exist_ok=True)
    failed = []
    started = time.monotonic()
    with demo_site(args.data_dir) as address:
        name, value = session_cookie(MEMBER)
        people = [("anonymous", None), ("member", f"{name}={value}")]
        logged_in(address, f"{name}={value}")
        header = " ".join(f"{c:>14}" for c in CATEGORIES)
        print(f"{'page':<10} {'who':<10} {header} requests     kB")
        for page, path in pages(address):
            for who, cookie in people:
                report = reports / f"{page}-{who}.json"
                wanted = (
                    dict(THRESHOLDS)
                    if who == "anonymous"
                    else {c: t for c, t in THRESHOLDS.items() if c != "seo"}
                )
                best: dict[str, int] = {}
                for _attempt in range(2):
                    result = run_lighthouse(address + path, report, cookie)
                    got = scores(result)
                    best = {c: max(best.get(c, 0), got.get(c, 0)) for c in CATEGORIES}
                    below = [c for c, least in wanted.items() if best[c] < least]
                    if "performance" not in below:  # the others do not move between runs
                        break
                figures = " ".join(f"{best[c]:>14}" for c in CATEGORIES)
                print(f"{page:<10} {who:<10} {figures} {weight(result)}")
                if below:
                    failed.append(f"{page} ({who}): {', '.join(below)}")
                    print("\n".join(shortfalls(result, below)))
    print(f"Lighthouse: {time.monotonic() - started:.0f} s, reports in {reports}")
    if failed:
        print("Below the thresholds " + str(THRESHOLDS) + ":\n  " + "\n  ".join(failed))
        return 1
    print("Every page meets the thresholds.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
