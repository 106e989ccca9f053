"""In a real browser: the key pages, htmx included, run under the strict
Content-Security-Policy without a single violation."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.conf import settings
from django.test import Client

from conftest import ensure_thesaurus, fits_the_phone, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Runs before any script of each page (Playwright's init scripts are not subject to the
# page's policy): every violation the browser reports is kept for the test to read.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `(${event.sourceFile || location.pathname}:${event.lineNumber})`
  );
});
// htmx tells what it was refused to evaluate (allowEval is off) with an event of its own.
document.addEventListener("htmx:evalDisallowedError", () => {
  window.__cspViolations.push(`htmx wanted eval (${location.pathname})`);
});
"""


class Watch:
    """The violations of every page visited, from the event and from the console."""

    def __init__(self, page):
        self.page = page
        self.found: list[str] = []
        page.add_init_script(LISTEN)
        page.on("console", self._console)

    def _console(self, message) -> None:
        text = message.text
        if any(sign in text for sign in ("Content Security Policy", "Refused to", "EvalError")):
            self.found.append(f"console: {text}")

    def goto(self, url: str):
        response = self.page.goto(url)
        assert "content-security-policy" in response.headers, url
        return response

    def collect(self, where: str) -> None:
        for violation in self.page.evaluate("window.__cspViolations || []"):
            self.found.append(f"{where}: {violation}")
        self.page.evaluate("window.__cspViolations = []")


def _log_in_by_session(page, live_server, user) -> None:
    """Network admins must use two-step login: the test hands the browser a session."""
    client = Client()
    client.force_login(user, backend="palabre.accounts.backends.EmailBackend")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


@pytest.fixture
def world(author, facilitator, org_a, make_practice):
    from palabre.workshops.models import Workshop

    ensure_thesaurus()
    published = make_practice(author, title="Le warrantage à Ngaoundéré")
    draft = make_practice(author, status="draft", title="La tontine de Bafut", lessons="")
    workshop = Workshop.objects.create(
        title="Atelier d'échanges de Bafut",
        objectives="- Partager nos expériences d'épargne",
        start_date=date(2030, 3, 2),
        end_date=date(2030, 3, 3),
        city="Bafut",
        status="published",
        visibility="network",
        created_by=facilitator,
    )
    workshop.organisers.set([org_a])
    return {"published": published, "draft": draft, "workshop": workshop}


def test_key_pages_run_under_the_policy_without_violations(
    phone, live_server, screenshot, author, network_admin, world
):
    watch = Watch(phone)

    watch.goto("/")
    watch.collect("home (anonymous)")
    log_in(phone, author.email)
    watch.collect("login")
    watch.goto("/")
    watch.collect("home")

    # Search, with results coming live as the person types.
    watch.goto("/search/")
    phone.locator("#q").fill("warrantage")
    phone.wait_for_url(re.compile(r"q=warrantage"))
    phone.get_by_role("link", name="Le warrantage à Ngaoundéré").first.wait_for()
    watch.collect("search")

    # The practice editor saves by itself (htmx) while the person writes.
    draft = world["draft"]
    watch.goto(f"/practices/{draft.pk}/edit/lessons/")
    phone.get_by_label(re.compile("^Leçons apprises")).fill("Écrit sans appuyer sur Enregistrer")
    phone.wait_for_selector("#save-status:has-text('Enregistré automatiquement')")
    draft.refresh_from_db()
    assert draft.lessons == "Écrit sans appuyer sur Enregistrer"
    watch.collect("practice editor")

    workshop = world["workshop"]
    watch.goto(workshop.get_absolute_url())
    watch.collect("workshop")
    watch.goto(f"/workshops/{workshop.pk}/agenda/print/")
    watch.collect("agenda to print")
    watch.goto("/organisations/")
    phone.get_by_label("Nom").press_sequentially("Bafut")
    phone.wait_for_url(re.compile(r"q=Bafut"))
    watch.collect("directory")

    # A network admin's tools: the audit log (filtered), the Django admin, the API docs.
    phone.context.clear_cookies()
    _log_in_by_session(phone, live_server, network_admin)
    watch.goto("/audit/")
    assert phone.get_by_role("heading", name=re.compile("audit", re.I)).is_visible()
    phone.locator("summary", has_text=re.compile("^Filt")).click()
    phone.get_by_label("Personne").fill("Awa")
    phone.get_by_role("button", name="Filtrer").click()
    phone.wait_for_url(re.compile(r"person=Awa"))
    assert phone.get_by_role("link", name="Awa Author").first.is_visible()
    fits_the_phone(phone)
    screenshot(phone, "audit-log")
    watch.collect("audit log")
    admin_pages = (
        "/admin/",
        "/admin/audit/auditevent/",
        "/admin/practices/practice/",
        f"/admin/organisations/organisation/{world['workshop'].organisers.get().pk}/change/",
    )
    for url in admin_pages:
        watch.goto(url)
        watch.collect(url)
    watch.goto("/api/v1/docs")
    phone.locator(".swagger-ui").first.wait_for()
    watch.collect("API documentation")

    assert watch.found == []

    # The watch itself sees a violation: an inline style attribute is refused.
    phone.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color:red\">x</p>')")
    phone.wait_for_function("window.__cspViolations.length > 0")
    watch.collect("self-check")
    assert any("style-src" in found for found in watch.found), watch.found
