"""The cast shared by every test: two organisations and the people in every role."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from django.conf import settings

ARTIFACTS = Path(__file__).parent / "test-artifacts"


def pytest_configure(config):
    # Fast hashing in tests; Argon2 stays the production hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # No collected manifest in tests: serve static files as they are.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Each test process keeps its own cache (the tests clear it between tests).
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.SITE_URL = "http://testserver"
    # Tests log facilitators and administrators in directly; palabre/accounts/tests turn
    # the two-step login requirement back on (its own tests, and the browser test).
    settings.MFA_REQUIRED_FOR_POWER = False
    # Practice views wait in files until the worker counts them (practices/readership.py):
    # each test process notes them in a folder of its own, removed at the end.
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="palabre-readership-"))
    settings.READERSHIP_DIR = folder
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


@pytest.fixture(autouse=True)
def _clear_axes_cache():
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def org_a(db):
    from palabre.organisations.models import Organisation

    return Organisation.objects.create(
        name="Association pour le Développement de Bafut",
        acronym="ADB",
        slug="adb",
        kind="local_association",
        country="CM",
        region="Nord-Ouest",
        city="Bafut",
    )


@pytest.fixture
def org_b(db):
    from palabre.organisations.models import Organisation

    return Organisation.objects.create(
        name="Association Tchadienne pour l'Eau",
        acronym="ATE",
        slug="ate",
        kind="ngo",
        country="TD",
        region="Logone Occidental",
        city="Moundou",
    )


def make_person(email, name, *, organisation=None, role="member", network_role="", language="fr"):
    from palabre.accounts.models import User
    from palabre.organisations.models import Membership

    user = User.objects.create_user(
        email,
        TEST_PASSWORD,
        display_name=name,
        network_role=network_role,
        language=language,
    )
    if organisation is not None:
        Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


@pytest.fixture
def author(org_a):
    return make_person("author@adb.example", "Awa Author", organisation=org_a)


@pytest.fixture
def colleague(org_a):
    return make_person("colleague@adb.example", "Colin Colleague", organisation=org_a)


@pytest.fixture
def volunteer(org_a):
    return make_person(
        "volunteer@adb.example", "Vera Volunteer", organisation=org_a, role="volunteer"
    )


@pytest.fixture
def org_admin(org_a):
    return make_person("admin@adb.example", "Odile Orgadmin", organisation=org_a, role="org_admin")


@pytest.fixture
def outsider(org_b):
    return make_person("outsider@ate.example", "Oscar Outsider", organisation=org_b)


@pytest.fixture
def outsider_admin(org_b):
    return make_person("admin@ate.example", "Olga Otheradmin", organisation=org_b, role="org_admin")


@pytest.fixture
def facilitator(db):
    return make_person(
        "facilitator@palabre.example", "Fanta Facilitator", network_role="facilitator"
    )


@pytest.fixture
def network_admin(db):
    return make_person("netadmin@palabre.example", "Nadia Netadmin", network_role="admin")


@pytest.fixture
def client_for(db):
    """A test client logged in as ``user`` (or anonymous for None)."""
    from django.test import Client

    def make(user=None, **defaults):
        client = Client(**defaults)
        if user is not None:
            client.force_login(user, backend="palabre.accounts.backends.EmailBackend")
        return client

    return make


@pytest.fixture
def run_tasks(db):
    """Run every task waiting in the database queue, as `palabre worker --batch` would.

    The worker's own loop closes "old" connections, which would end the test's
    transaction, so its task runner is driven directly. Returns how many ran.
    """
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    def run() -> int:
        worker = Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="test",
            excluded_queue_names=[],
        )
        count = 0
        while (row := DBTaskResult.objects.ready().first()) is not None:
            row.claim("test")
            worker.run_task(row)
            count += 1
        return count

    return run


# Browser tests ---------------------------------------------------------------

CHROMIUM = os.environ.get("PALABRE_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API keeps an event loop in this thread; the ORM calls in the
    # test itself are still synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def phone(browser, live_server):
    """A phone-sized page (360 × 740) pointed at the live server, in French."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, locale="fr-FR", base_url=live_server.url
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


# What the browser tests do again and again, in French (the phone fixture's locale).
TEST_PASSWORD = "un mot de passe solide"  # noqa: S105 - the test cast's password


def log_in(page, email: str, password: str = TEST_PASSWORD) -> None:
    page.goto("/login/")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label(re.compile("^Mot de passe")).fill(password)
    page.get_by_role("button", name="Connexion").click()


def log_out(page) -> None:
    page.locator("summary", has_text="Menu").click()
    page.get_by_role("button", name="Déconnexion").click()


def fits_the_phone(page, width: int = 360) -> None:
    """Nothing on the page is wider than the phone's screen."""
    assert page.evaluate("document.documentElement.scrollWidth") <= width, page.url  # noqa: S101


@pytest.fixture
def screenshot(request):
    ARTIFACTS.mkdir(exist_ok=True)

    def take(page, name: str) -> Path:
        path = ARTIFACTS / f"{request.node.name}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


# Practices -------------------------------------------------------------------

FULL_FICHE = {
    "summary": "Les producteurs stockent leur maïs et empruntent sur ce stock.",
    "context": "Les prix du maïs sont au plus bas à la récolte.",
    "objectives": "- Vendre plus cher\n- Éviter l'usure",
    "approach": "Un magasin communautaire géré par le groupement.",
    "results": "312 producteurs, 94 tonnes stockées, prix 40 % plus élevé.",
    "success_factors": "Un groupement qui épargnait déjà ensemble.",
    "difficulties": "Deux magasins inondés en 2020.",
    "lessons": "Construire sur une butte ; choisir les gérants avant de commencer.",
    "replication": "Il faut un marché où vendre plus tard.",
}


def ensure_thesaurus():
    """Transactional (browser) tests empty the tables between tests: put the seeded themes back."""
    import importlib

    from django.apps import apps

    importlib.import_module("palabre.themes.migrations.0002_seed_thesaurus").seed(apps, None)


@pytest.fixture
def make_practice(db):
    """A practice written by ``author`` for ``organisation``, at any status and visibility."""
    from palabre.practices.models import Practice
    from palabre.themes.models import Theme

    def make(author, *, organisation=None, status="published", visibility="network", **fields):
        from django.utils import timezone

        ensure_thesaurus()
        organisation = organisation or author.memberships.first().organisation
        values = {**FULL_FICHE, "title": "Le warrantage à Ngaoundéré", **fields}
        practice = Practice.objects.create(
            lead_organisation=organisation,
            status=status,
            visibility=visibility,
            created_by=author,
            contact=author,
            last_published_at=timezone.now() if status == "published" else None,
            published_at=timezone.now() if status == "published" else None,
            **values,
        )
        practice.authors.set([author])
        practice.themes.set([Theme.objects.get(slug="epargne-microfinance")])
        from palabre.practices.search import index_practice

        index_practice(practice)
        return practice

    return make
