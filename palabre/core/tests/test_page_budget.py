"""The page budget on a cheap phone: a first visit to any page makes at most three requests
(the page, ONE stylesheet, at most ONE script) and transfers at most 30 kB, compressed.

The stylesheet and the htmx script are bundles built from the apps' files
(palabre/core/bundles.py); htmx comes only with the pages that use it
(palabre/core/templatetags/assets.py)."""

from __future__ import annotations

import gzip
import re
import urllib.request
from datetime import date
from pathlib import Path

import brotli  # type: ignore[import-untyped]
import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.template import engines
from django.test import Client, RequestFactory

from conftest import ensure_thesaurus
from palabre.core import bundles
from palabre.core.templatetags.assets import uses_htmx

MAX_REQUESTS = 3
MAX_BYTES = 30_000


def _source(name: str) -> str:
    return Path(finders.find(name)).read_text(encoding="utf-8")


def _assets(html: str) -> tuple[list[str], list[str]]:
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    scripts = re.findall(r'<script src="([^"]+)"', html)
    return stylesheets, scripts


# The bundles ------------------------------------------------------------------------


def _rules(css: str) -> list[tuple[str, str]]:
    """Every rule as (where, "selector{declarations"), without spaces or comments."""
    import tinycss2  # type: ignore[import-untyped]

    found = []

    def walk(nodes, where):
        for node in nodes:
            if node.type == "qualified-rule":
                text = tinycss2.serialize(node.prelude) + "{" + tinycss2.serialize(node.content)
                found.append((where, re.sub(r"\s+", "", text).rstrip(";")))
            elif node.type == "at-rule" and node.content is not None:
                inner = tinycss2.parse_rule_list(node.content, skip_comments=True)
                walk(inner, where + "@" + re.sub(r"\s+", "", tinycss2.serialize(node.prelude)))

    walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), "")
    return found


def test_the_stylesheet_holds_the_site_the_print_rules_and_every_app():
    bundle = _rules(bundles.content(bundles.SITE_CSS))
    expected = []
    for name, media in bundles.BUNDLES[bundles.SITE_CSS]:
        rules = _rules(_source(name))
        assert rules, name
        expected += [(f"@{media}{where}" if media else where, rule) for where, rule in rules]
    assert (
        "@print",
        ".site-header,.footer,.skip,.actions,form,.no-print{display:none!important",
    ) in expected
    assert [name for name, _media in bundles.BUNDLES[bundles.SITE_CSS]] == [
        "palabre/palabre.css",
        "palabre/print.css",
        "palabre/print-sheet.css",
        "accounts/security.css",
        "workshops/workshops.css",
        "discussions/discussions.css",
        "notifications/notifications.css",
        "adoptions/adoptions.css",
        "resources/resources.css",
        "announcements/announcements.css",
        "projects/projects.css",
        "newsletter/newsletter.css",
    ]
    # No app's stylesheet is left out of the bundle (pages link nothing else).
    palabre_dir = Path(bundles.__file__).resolve().parents[1]
    on_disk = {
        str(path.relative_to(path.parents[1]))
        for path in palabre_dir.glob("*/static/*/*.css")
        if path.parent.name == path.parents[2].name
    }
    assert on_disk <= {name for name, _media in bundles.BUNDLES[bundles.SITE_CSS]}
    # Every rule of every source, in order, inside @media print for print.css, and no other.
    assert bundle == expected


def test_the_scripts_hold_the_site_script_and_htmx_before_it():
    site = _source("palabre/palabre.js")
    code = [line.strip() for line in site.splitlines() if line.strip()]
    code = [line for line in code if not line.startswith("//")]
    assert bundles.content(bundles.SITE_JS) == "\n".join(code) + "\n;\n"
    js = bundles.content(bundles.HTMX_JS)
    assert js.startswith(_source("palabre/htmx.min.js").strip() + "\n;\n")
    assert js.endswith(bundles.content(bundles.SITE_JS))


def test_a_script_with_a_template_literal_keeps_its_lines():
    source = "// note\nconst a = `one\n  two`;\n"
    assert bundles.squeeze_js(source) == source.strip()
    assert bundles.squeeze_js("// note\n  if (a) {\n\n    go(); // now\n  }\n") == (
        "if (a) {\ngo(); // now\n}"
    )


def test_the_bundles_are_served_fresh_by_the_live_server(live_server):
    for name, expected in (
        (bundles.SITE_CSS, ".site-header"),
        (bundles.SITE_JS, "document"),
        (bundles.HTMX_JS, "htmx"),
    ):
        with urllib.request.urlopen(f"{live_server.url}/static/{name}") as response:  # noqa: S310
            body = response.read().decode()
        assert body == bundles.content(name)
        assert expected in body


def test_collectstatic_hashes_and_compresses_the_bundles(tmp_path, settings):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    for name in bundles.BUNDLES:
        stem, suffix = name.rsplit(".", 1)
        hashed = [p for p in tmp_path.glob(f"{stem}.*.{suffix}") if p.name.count(".") == 2]
        assert len(hashed) == 1, name
        # As built while collecting (palabre.js may change while the test runs).
        built = (bundles.build_dir() / name).read_text(encoding="utf-8")
        assert hashed[0].read_text(encoding="utf-8") == built
        assert gzip.decompress(Path(f"{hashed[0]}.gz").read_bytes()).decode() == built


def test_a_missing_source_is_reported_by_the_system_check(monkeypatch):
    monkeypatch.setitem(bundles.BUNDLES, "palabre/broken.css", [("palabre/nowhere.css", "")])
    errors = bundles.BundleFinder().check()
    assert [error.msg for error in errors] == [
        "palabre/nowhere.css (in palabre/broken.css) is not a static file"
    ]
    assert bundles.BundleFinder().find("palabre/palabre.css") == []


# One script, chosen from what the page uses -------------------------------------------


def _render(source: str) -> str:
    request = RequestFactory().get("/")
    template = engines["django"].from_string("{% load assets %}" + source)
    return template.render({}, request)


@pytest.mark.parametrize(
    ("source", "script"),
    [
        ("<p>Plain page</p>", "palabre/site.js"),
        ('<form hx-post="/x/">', "palabre/htmx-site.js"),
        ('<div class="a"\n data-hx-get="/y/">', "palabre/htmx-site.js"),
        ("<p>Text about hx-get, escaped: &lt;a hx-get&gt;</p>", "palabre/site.js"),
        ("{% uses_htmx %}<p>A page that asks for htmx</p>", "palabre/htmx-site.js"),
    ],
)
def test_the_page_gets_one_script_chosen_from_its_body(source, script):
    html = _render("{% page_scripts %}" + source + "{% endpage_scripts %}")
    assert _assets(html)[1] == [f"/static/{script}"]
    assert html.endswith(f'<script src="/static/{script}" defer></script>')


def test_uses_htmx_scans_tags_not_text():
    assert uses_htmx('<button class="x" hx-post="/save/">')
    assert not uses_htmx("<p>hx-post</p>")


@pytest.fixture
def pages(author, facilitator, org_a, make_practice):
    from palabre.workshops.models import Workshop

    ensure_thesaurus()
    public = make_practice(author, title="Le warrantage à Ngaoundéré", visibility="public")
    workshop = Workshop.objects.create(
        title="Atelier d'échanges de Bafut",
        objectives="- Partager nos expériences d'épargne",
        start_date=date(2030, 3, 2),
        end_date=date(2030, 3, 3),
        city="Bafut",
        status="published",
        visibility="public",
        created_by=facilitator,
    )
    workshop.organisers.set([org_a])
    return {"practice": public, "workshop": workshop}


def test_each_page_links_one_stylesheet_one_script_and_an_inline_icon(
    client_for, author, pages, django_assert_max_num_queries
):
    anonymous, member = client_for(), client_for(author)
    expectations = [
        (anonymous, "/", "palabre/site.js"),
        (anonymous, "/login/", "palabre/site.js"),
        (anonymous, "/search/?q=warrantage", "palabre/site.js"),  # results as one types
        (anonymous, "/practices/", "palabre/site.js"),
        # The "similar practices" panel loads through site.js: no htmx for a reader.
        (anonymous, pages["practice"].get_absolute_url(), "palabre/site.js"),
        # The save, thanks and wish forms refresh their part through site.js (data-swap).
        (member, pages["practice"].get_absolute_url(), "palabre/site.js"),
        (member, "/", "palabre/site.js"),
    ]
    for client, url, script in expectations:
        with django_assert_max_num_queries(60):
            response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert _assets(html) == (["/static/palabre/site.css"], [f"/static/{script}"]), url
        assert re.search(r'<link rel="icon" href="data:image/svg\+xml,[^"]+"', html), url
        assert "print.css" not in html and "workshops.css" not in html


def test_the_error_page_stands_alone(rf):
    from palabre.core.views import server_error

    html = server_error(rf.get("/")).content.decode()
    assert _assets(html) == (["/static/palabre/error.css"], [])


# In a real browser: the requests and bytes of a first visit ----------------------------


def _first_visit(browser, live_server, url: str, cookie=None):
    """A fresh context (nothing cached) opens ``url``: its requests and compressed bytes.

    What the page's service worker fetches after the page has loaded (palabre.js
    registers /sw.js for a signed-in person) is printed, not counted."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, locale="fr-FR", base_url=live_server.url
    )
    if cookie is not None:
        context.add_cookies([{**cookie, "url": live_server.url}])
    page = context.new_page()
    finished, everything = [], []
    page.on("requestfinished", lambda request: finished.append(request))
    context.on("request", lambda request: everything.append(request.url))
    page.goto(url, wait_until="networkidle")
    background = [
        u.removeprefix(live_server.url) for u in everything if u not in {r.url for r in finished}
    ]
    total, names = 0, []
    for request in finished:
        response = request.response()
        sizes = request.sizes()
        body = response.body()
        if response.headers.get("content-encoding"):
            body_bytes = sizes["responseBodySize"]
        elif "br" in request.headers.get("accept-encoding", ""):
            # The test server does not compress static files; WhiteNoise serves the brotli
            # file it made when collecting (quality 11), else the gzip one.
            body_bytes = len(brotli.compress(body))
        else:
            body_bytes = len(gzip.compress(body, 9))
        total += sizes["responseHeadersSize"] + body_bytes
        names.append(request.url.removeprefix(live_server.url))
    context.close()
    return len(finished), total, names, background


def _session_cookie(user) -> dict:
    client = Client()
    client.force_login(user, backend="palabre.accounts.backends.EmailBackend")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    return {"name": cookie.key, "value": cookie.value}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_first_visit_stays_within_three_requests_and_30_kb(browser, live_server, author, pages):
    practice, workshop = pages["practice"], pages["workshop"]
    member = _session_cookie(author)
    visits = [
        ("home", "/", None),
        ("practices", "/practices/", None),
        ("a practice", practice.get_absolute_url(), None),
        ("search", "/search/?q=warrantage", None),
        ("a workshop", workshop.get_absolute_url(), None),
        ("login", "/login/", None),
        ("home (member)", "/", member),
        ("practices (member)", "/practices/", member),
        ("a practice (member)", practice.get_absolute_url(), member),
        ("search (member)", "/search/?q=warrantage", member),
        ("a workshop (member)", workshop.get_absolute_url(), member),
    ]
    over = []
    scripts = set()
    for label, url, cookie in visits:
        count, size, names, background = _first_visit(browser, live_server, url, cookie)
        assets = " ".join(sorted(name for name in names if name != url))
        print(f"{label:20} {count} requests {size / 1000:5.1f} kB  {assets}")
        if background:
            print(f"{'':20} then, by the service worker: {' '.join(background)}")
        scripts.update(name for name in names if name.endswith(".js"))
        assert url in names
        if count > MAX_REQUESTS or size > MAX_BYTES:
            over.append((label, count, size, names))
    assert over == []
    # None of these pages needs htmx any more: site.js refreshes their parts itself.
    assert scripts == {"/static/palabre/site.js"}
