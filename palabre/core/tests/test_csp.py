"""The Content-Security-Policy and the other security headers, and the rule that keeps
pages compatible with it: no inline script, style or event handler in any page template
or in HTML written by Python code (CSS and JS live in static files)."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest
from django.test import Client
from django.urls import path as route

PALABRE = Path(__file__).resolve().parents[2]

# Templates that are not web pages, so no browser applies the policy to them: e-mails
# (mail readers need inline styles; every template in an `email/` folder is one) and
# the documents WeasyPrint renders on the server into PDFs.
EMAIL_FOLDER = "email"
PDF_TEMPLATES = {
    "learning/templates/learning/sessions/certificate_pdf.html",
    "learning/templates/learning/trainings/handout.html",
    "practices/templates/practices/pdf.html",
    "recognition/templates/recognition/attestations/pdf.html",
    "workshops/templates/workshops/agenda_pdf.html",
    "workshops/templates/workshops/report_pdf.html",
}

# What the policy refuses, as written in a template (inside a tag).
IN_TEMPLATES = {
    "inline <script>": re.compile(
        r"<script\b(?![^>]*\bsrc\s*=)(?![^>]*\btype\s*=\s*[\"']application/(?:ld\+)?json)[^>]*>",
        re.I,
    ),
    "<style> block": re.compile(r"<style\b", re.I),
    "style attribute": re.compile(r"<[a-z][^<>]*?(?<![\w-])style\s*=", re.I),
    "on… event handler": re.compile(r"<[a-z][^<>]*?(?<![\w:.-])on[a-z]+\s*=", re.I),
    # htmx runs hx-on, hx-vars and trigger filters (click[ctrlKey]) with Function(): eval,
    # which the policy forbids ("from:input[name=q]" is a CSS selector, not a filter).
    "hx-on / hx-vars (eval)": re.compile(r"<[a-z][^<>]*?\bhx-(?:on\b|vars\b)", re.I),
    "hx-trigger filter (eval)": re.compile(
        r"\bhx-trigger\s*=\s*([\"'])(?:(?!\1).)*?(?<=[\s,\"'])(?!from:|target:)[a-z][\w.:-]*\[",
        re.I,
    ),
    "javascript: address": re.compile(r"javascript:", re.I),
}
# The same in strings of Python code that write HTML (format_html, mark_safe, charts).
IN_PYTHON = {
    "inline <script>": IN_TEMPLATES["inline <script>"],
    "<style> block": IN_TEMPLATES["<style> block"],
    "style attribute": re.compile(r"(?<![\w-])style\s*=\s*[\"'{]", re.I),
    "on… event handler": re.compile(r"(?<![\w:.-])on[a-z]+\s*=\s*[\"'{]", re.I),
    "javascript: address": IN_TEMPLATES["javascript: address"],
}
COMMENTS = re.compile(r"{#.*?#}|{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.S)


def inline_code_in_template(text: str) -> list[str]:
    text = COMMENTS.sub("", text)
    found = []
    for what, pattern in IN_TEMPLATES.items():
        for match in pattern.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.append(f"line {line}: {what}")
    return found


def inline_code_in_python(source: str) -> list[str]:
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        if id(node) in docstrings:
            continue
        for what, pattern in IN_PYTHON.items():
            if pattern.search(node.value):
                found.append(f"line {node.lineno}: {what}")
    return found


def page_templates() -> list[Path]:
    pages = []
    for path in sorted(PALABRE.glob("*/templates/**/*.html")):
        relative = path.relative_to(PALABRE).as_posix()
        if EMAIL_FOLDER in path.relative_to(PALABRE).parts[:-1] or relative in PDF_TEMPLATES:
            continue
        pages.append(path)
    return pages


def test_no_page_template_has_inline_script_style_or_handler():
    found = []
    for path in page_templates():
        for problem in inline_code_in_template(path.read_text(encoding="utf-8")):
            found.append(f"{path.relative_to(PALABRE)} {problem}")
    assert found == [], (
        "The Content-Security-Policy blocks these: move CSS to palabre/core/static "
        "(or the app's static folder) and JS to a static .js file.\n" + "\n".join(found)
    )


def test_no_python_code_writes_inline_script_style_or_handler():
    found = []
    for path in sorted(PALABRE.rglob("*.py")):
        parts = set(path.relative_to(PALABRE).parts)
        if parts & {"tests", "migrations"}:
            continue
        for problem in inline_code_in_python(path.read_text(encoding="utf-8")):
            found.append(f"{path.relative_to(PALABRE)} {problem}")
    assert found == [], "HTML written by Python code must have no inline code:\n" + "\n".join(found)


def test_the_exemptions_are_real_templates_and_the_scan_covers_the_pages():
    for relative in PDF_TEMPLATES:
        assert (PALABRE / relative).is_file(), relative
    scanned = {path.relative_to(PALABRE).as_posix() for path in page_templates()}
    assert "core/templates/base.html" in scanned
    assert "core/templates/500.html" in scanned
    assert "workshops/templates/workshops/agenda_print.html" in scanned
    assert not any("/email/" in name for name in scanned)
    assert len(scanned) > 150


@pytest.mark.parametrize(
    ("html", "what"),
    [
        ("<script>alert(1)</script>", "inline <script>"),
        ('<script type="module">import "x"</script>', "inline <script>"),
        ('<p style="color:red">', "style attribute"),
        ("<div class='x' style='margin:0'>", "style attribute"),
        ('<div {% if x %}style="a"{% endif %}>', "style attribute"),
        ("<style>p{}</style>", "<style> block"),
        ('<button onclick="go()">', "on… event handler"),
        ('<img src="x" onerror="go()">', "on… event handler"),
        ('<form hx-on::after-request="go()">', "hx-on / hx-vars (eval)"),
        ('<a href="javascript:go()">', "javascript: address"),
        ("<input hx-trigger=\"keyup[key=='Enter']\">", "hx-trigger filter (eval)"),
        ('<form hx-trigger="change, click[ctrlKey] from:body">', "hx-trigger filter (eval)"),
    ],
)
def test_the_scan_catches_inline_code(html, what):
    assert [problem.split(": ", 1)[1] for problem in inline_code_in_template(html)] == [what]


@pytest.mark.parametrize(
    "html",
    [
        '<script src="/static/palabre/palabre.js" defer></script>',
        '<script id="data" type="application/json">{"a": 1}</script>',
        '<link rel="stylesheet" href="/static/palabre/palabre.css">',
        '<p class="onboarding" data-style="x" hx-trigger="change">Questions on style = taste</p>',
        "{# <p style='x'> #}",
        '<form hx-trigger="change, keyup changed delay:400ms from:input[name=q]">',
        '<div hx-trigger="revealed, every 5s">',
    ],
)
def test_the_scan_lets_what_the_policy_allows_through(html):
    assert inline_code_in_template(html) == []


def test_the_python_scan_catches_html_with_inline_code():
    source = (
        '"""Docstrings may say style="x" and javascript: freely."""\n'
        "def chart(x):\n"
        "    return format_html('<rect style=\"fill:{}\"/>', x) + f'<b onclick=\"{x}\">'\n"
    )
    assert inline_code_in_python(source) == [
        "line 3: style attribute",
        "line 3: on… event handler",
    ]


# Headers ---------------------------------------------------------------------------

POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
    "worker-src": "'self'",  # the service worker that keeps practices for reading offline
}


def policy_of(response) -> dict[str, str]:
    header = response.headers["Content-Security-Policy"]
    directives = [part.strip().split(None, 1) for part in header.split(";") if part.strip()]
    return {name: value for name, value in directives}  # noqa: C416 - pairs, for mypy


@pytest.fixture
def pages(author, org_a, make_practice, facilitator):
    from palabre.workshops.models import Workshop

    practice = make_practice(author)
    draft = make_practice(author, status="draft", title="Brouillon")
    workshop = Workshop.objects.create(
        title="Atelier d'échanges de Bafut",
        start_date=date(2030, 3, 2),
        end_date=date(2030, 3, 3),
        status="published",
        visibility="public",
        created_by=facilitator,
    )
    workshop.organisers.set([org_a])
    return {
        "home": "/",
        "search": "/search/?q=warrantage",
        "practice": practice.get_absolute_url(),
        "editor": f"/practices/{draft.pk}/edit/identity/",
        "workshop": workshop.get_absolute_url(),
        "agenda to print": f"/workshops/{workshop.pk}/agenda/print/",
        "directory": "/organisations/",
        "login": "/login/",
        "not found": "/no-such-page/",
        "admin login": "/admin/login/",
        "API documentation": "/api/v1/docs",
    }


@pytest.mark.parametrize(
    "page",
    [
        "home",
        "search",
        "practice",
        "editor",
        "workshop",
        "agenda to print",
        "directory",
        "login",
        "not found",
        "admin login",
        "API documentation",
    ],
)
def test_every_page_sends_the_strict_policy_and_the_other_headers(client_for, author, pages, page):
    client = client_for(None if page in ("login", "admin login") else author)
    response = client.get(pages[page])
    assert response.status_code in (200, 404), response.status_code
    assert policy_of(response) == POLICY
    header = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in header and "unsafe-eval" not in header
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    permissions = response.headers["Permissions-Policy"]
    assert "camera=()" in permissions and "geolocation=()" in permissions
    assert "publickey-credentials" not in permissions  # security keys stay usable


def test_the_audit_log_sends_the_policy(client_for, network_admin):
    response = client_for(network_admin).get("/audit/")
    assert response.status_code == 200
    assert policy_of(response) == POLICY


def _broken_view(request):
    raise RuntimeError("broken on purpose")


# This module doubles as the address book of the server error test.
urlpatterns = [route("broken/", _broken_view)]
handler500 = "palabre.core.views.server_error"


@pytest.mark.urls(__name__)
def test_the_server_error_page_sends_the_policy_and_needs_no_inline_style(db):
    response = Client(raise_request_exception=False).get("/broken/")
    assert response.status_code == 500
    assert policy_of(response) == POLICY
    page = response.content.decode()
    assert "<style" not in page and "palabre/error.css" in page


def test_htmx_injects_no_style_and_evaluates_nothing(client, db):
    page = client.get("/").content.decode()
    config = re.search(r"<meta name=\"htmx-config\" content='([^']*)'>", page).group(1)
    assert '"includeIndicatorStyles":false' in config
    assert '"allowEval":false' in config


def test_site_scripts_use_no_eval():
    for path in sorted(PALABRE.glob("*/static/**/*.js")):
        if path.name.endswith(".min.js"):
            continue
        code = path.read_text(encoding="utf-8")
        assert not re.search(r"\beval\s*\(|new\s+Function\b|setTimeout\s*\(\s*[\"']", code), path
        assert not re.search(r"\.innerHTML\s*=|setAttribute\(\s*[\"'](?:style|on)", code), path
