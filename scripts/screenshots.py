"""Screenshots of the key pages (the ones palabre/core/tests/test_browser_axe.py checks) on a
360 px phone and a 1280 px desktop, in French and English, anonymous and logged in, for people
to look at. Serves the demo network as in production (scripts/browser-checks/demo_site.py).

    .venv/bin/python scripts/screenshots.py [--out var/screenshots] [--only practice]

Needs Debian's Chromium (scripts/test-deps.sh installs it). Files are named
<language>-<width>-<who>-<page>.png; index.html beside them shows them all."""

from __future__ import annotations

import argparse
import html
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts" / "browser-checks")]

from demo_site import CHROMIUM, demo_site, session_cookie  # noqa: E402

WIDTHS = (360, 1280)
LANGUAGES = ("fr", "en")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "screenshots")
    parser.add_argument("--data-dir", type=Path, default=ROOT / "var" / "demo-site")
    parser.add_argument("--only", help="only the pages whose name contains this")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    taken: list[Path] = []
    with demo_site(args.data_dir) as address:
        import django

        # Playwright's sync API keeps an event loop in this thread; the ORM calls stay sync.
        os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        django.setup()
        from playwright.sync_api import sync_playwright

        from palabre.accounts.models import User
        from palabre.core.tests.test_browser_axe import key_pages

        pages = [p for p in key_pages() if not args.only or args.only in p.name]
        people = {p.who for p in pages} - {"anonymous"}
        cookies = {who: session_cookie(who) for who in people}
        languages = dict(User.objects.filter(email__in=people).values_list("email", "language"))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
                )
                for language in LANGUAGES:
                    # Logged-in people see Palabre in their own language.
                    User.objects.filter(email__in=people).update(language=language)
                    for width in WIDTHS:
                        for who in sorted({p.who for p in pages}):
                            context = browser.new_context(
                                viewport={"width": width, "height": 740 if width < 1000 else 900},
                                locale="fr-FR" if language == "fr" else "en-GB",
                                base_url=address,
                            )
                            if who in cookies:
                                name, value = cookies[who]
                                context.add_cookies(
                                    [{"name": name, "value": value, "url": address}]
                                )
                            page = context.new_page()
                            for key_page in (p for p in pages if p.who == who):
                                page.goto(key_page.path)
                                person = "anonymous" if who == "anonymous" else who.split("@")[0]
                                path = args.out / (
                                    f"{language}-{width}-{slug(person)}-{slug(key_page.name)}.png"
                                )
                                page.screenshot(path=str(path), full_page=True)
                                taken.append(path)
                            context.close()
                browser.close()
        finally:
            for email, language in languages.items():
                User.objects.filter(email=email).update(language=language)
    index = args.out / "index.html"
    index.write_text(
        "<!doctype html><meta charset=utf-8><title>Palabre screenshots</title>\n"
        + "\n".join(
            f'<figure><figcaption>{html.escape(p.stem)}</figcaption><img src="{p.name}" '
            f'alt="{html.escape(p.stem)}" width="{p.stem.split("-")[1]}"></figure>'
            for p in taken
        )
    )
    print(f"{len(taken)} screenshots in {args.out} ({time.monotonic() - started:.0f} s): {index}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
