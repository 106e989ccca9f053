"""In a real browser, axe-core (the accessibility engine Lighthouse uses) finds no violation
on the key pages of the demo network: anonymous, as a member, as an author in the editor and
as a facilitator, on a 360 px phone and a 1280 px desktop, in French and in English.

axe-core comes from npm, pinned by scripts/browser-checks/package-lock.json and installed
by scripts/test-deps.sh (`make test` runs it) outside the repository; scripts/screenshots.py
takes pictures of the same pages for people to look at."""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from conftest import ensure_thesaurus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (360, 1280)
LANGUAGES = ("fr", "en")

# Who looks at the key pages, among the demo's logins (palabre/organisations/demo.py).
MEMBER = "awa.bello@fal.example"
FACILITATOR = "animatrice@palabre.example"


def node_dir() -> Path:
    """Where scripts/test-deps.sh installs the npm packages of scripts/browser-checks/."""
    if folder := os.environ.get("PALABRE_NODE_DIR"):
        return Path(folder)
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache) / "palabre-browser-checks"


def axe_source() -> str:
    path = node_dir() / "node_modules" / "axe-core" / "axe.min.js"
    if not path.exists():
        pytest.fail(f"axe-core not found at {path}: run scripts/test-deps.sh (make test does)")
    return path.read_text()


@dataclass(frozen=True)
class KeyPage:
    name: str
    who: str  # "anonymous", or the e-mail address of a demo login
    path: str


def key_pages() -> list[KeyPage]:
    """The pages every person meets, in the demo network as `palabre demo` loads it."""
    from django.db.models import Count

    from palabre.organisations.models import Organisation
    from palabre.practices.models import Practice
    from palabre.workshops.models import Workshop

    practice = Practice.objects.filter(status="published", visibility="public").order_by("pk")[0]
    workshop = Workshop.objects.filter(status="published", visibility="public").order_by("pk")[0]
    draft = Practice.objects.filter(status="draft").order_by("pk")[0]
    # The member's organisation that puts the most practices to work: its charts and tables.
    adopting = (
        Organisation.objects.filter(memberships__user__email=MEMBER)
        .annotate(adopted=Count("adoptions"))
        .order_by("-adopted", "pk")[0]
    )
    writer = draft.authors.order_by("pk")[0].email
    word = "poisson"  # in several practices of the demo, French and English
    pages = []
    for who in ("anonymous", MEMBER):
        pages += [
            KeyPage("home", who, "/"),
            KeyPage("practice list", who, "/practices/"),
            KeyPage("practice", who, practice.get_absolute_url()),
            KeyPage("search with results", who, f"/search/?q={word}"),
            KeyPage("workshop", who, workshop.get_absolute_url()),
        ]
    pages += [
        KeyPage("login", "anonymous", "/login/"),
        KeyPage("workshop participants", MEMBER, f"/workshops/{workshop.pk}/participants/"),
        KeyPage("my practices (authors' tools)", MEMBER, "/practices/mine/"),
        KeyPage("adoption dashboard", MEMBER, "/adoptions/dashboard/"),
        KeyPage("organisation's dashboard", MEMBER, f"/adoptions/organisation/{adopting.slug}/"),
        KeyPage("notifications", MEMBER, "/notifications/"),
        KeyPage("practice editor", writer, f"/practices/{draft.pk}/edit/identity/"),
        KeyPage("review queue", FACILITATOR, "/practices/review/"),
    ]
    return pages


def load_demo() -> None:
    """The demo network, in a database the transactional browser tests emptied."""
    ensure_thesaurus()
    call_command("demo", verbosity=0)


def session_cookie(email: str, url: str) -> dict:
    """A logged-in session for ``email``, handed to the browser (no login form to fill)."""
    from palabre.accounts.models import User

    client = Client()
    client.force_login(
        User.objects.get(email=email), backend="palabre.accounts.backends.EmailBackend"
    )
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    return {"name": cookie.key, "value": cookie.value, "url": url}


# axe's own default rule set (WCAG 2.0–2.2 A and AA, and its best practices), plus the two
# rules Lighthouse turns on that axe leaves off by default; violations only.
RUN_AXE = """async () => {
  const result = await axe.run(document, {
    resultTypes: ["violations"],
    rules: {"target-size": {enabled: true}, "identical-links-same-purpose": {enabled: true}},
  });
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((node) => node.target.join(" ")),
  }));
}"""


def axe_violations(page, source: str) -> list[dict]:
    # Evaluated through the DevTools protocol, so the page's strict CSP stays as it is.
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(source)
    return page.evaluate(RUN_AXE)


def audit(browser, base_url: str, pages: list[KeyPage], language: str) -> list[str]:
    """Every violation on ``pages``, one line each: page, rule, elements, widths."""
    source = axe_source()
    found: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    locale = "fr-FR" if language == "fr" else "en-GB"
    by_person: dict[str, list[KeyPage]] = defaultdict(list)
    for key_page in pages:
        by_person[key_page.who].append(key_page)
    for who, their_pages in by_person.items():
        context = browser.new_context(
            viewport={"width": WIDTHS[0], "height": 740}, locale=locale, base_url=base_url
        )
        if who != "anonymous":
            context.add_cookies([session_cookie(who, base_url)])
        page = context.new_page()
        page.set_default_timeout(15_000)
        for key_page in their_pages:
            page.set_viewport_size({"width": WIDTHS[0], "height": 740})
            response = page.goto(key_page.path)
            where = f"{key_page.name} ({who}) {key_page.path}"
            status = response.status if response is not None else "no answer"
            if status != 200:
                found[(where, f"HTTP {status} instead of the page", "")].append(WIDTHS[0])
                continue
            lang = page.get_attribute("html", "lang")
            if lang != language:
                found[(where, f'<html lang="{lang}"> in the {language} interface', "")].append(
                    WIDTHS[0]
                )
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 740 if width < 1000 else 900})
                for violation in axe_violations(page, source):
                    rule = f"{violation['id']} ({violation['impact']}): {violation['help']}"
                    elements = " | ".join(violation["targets"][:6])
                    if len(violation["targets"]) > 6:
                        elements += f" | … {len(violation['targets'])} elements"
                    found[(where, rule, elements)].append(width)
        context.close()
    return [
        f"[{language} {'+'.join(map(str, widths))}px] {where}: {rule} → {elements}"
        for (where, rule, elements), widths in found.items()
    ]


def test_axe_finds_a_violation_when_there_is_one(browser):
    """The check below cannot pass by not looking: axe runs and names what it finds."""
    page = browser.new_page()
    page.set_content(
        '<html lang="fr"><title>Essai</title><main><h1>Essai</h1><img src="x.png"></main></html>'
    )
    found = axe_violations(page, axe_source())
    page.close()
    assert [(v["id"], v["targets"]) for v in found] == [("image-alt", ["img"])]


def test_key_pages_have_no_accessibility_violation(browser, live_server):
    from palabre.accounts.models import User

    load_demo()  # once for both languages: it is the slow part
    violations = []
    for language in LANGUAGES:
        # Logged-in people see Palabre in their own language, whatever the browser says.
        User.objects.update(language=language)
        violations += audit(browser, live_server.url, key_pages(), language)
    assert not violations, f"{len(violations)} accessibility violations:\n" + "\n".join(violations)
