"""In a real browser, on a phone: a member describes a project and links a practice to it;
a member of another organisation finds it through "similar projects" on their own
project's page and proposes an exchange; the map shows where things are.

Screenshots: test-artifacts/ (the shared fixture) and var/screenshots/projects-*.png."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from conftest import ensure_thesaurus, fits_the_phone, log_out
from conftest import log_in as shared_log_in
from palabre.projects import services
from palabre.projects.models import Exchange, Project, ProjectPractice
from palabre.themes.models import Theme

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(settings.BASE_DIR).parent / "var" / "screenshots"


def log_in(page, email):
    shared_log_in(page, email)
    page.wait_for_url(re.compile(r"/$"))


def look(page, screenshot, name):
    screenshot(page, name)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"projects-{name}.png"), full_page=True)
    fits_the_phone(page)


def test_a_project_found_through_similar_projects_leads_to_an_exchange(
    phone, screenshot, make_practice, author, outsider, org_a, org_b
):
    ensure_thesaurus()
    saving = Theme.objects.get(slug="epargne-microfinance")
    practice = make_practice(author, visibility="public", title="Le warrantage à Bafut")
    theirs = services.project_create(
        by=outsider,
        organisation=org_b,
        name="Greniers de Moundou",
        themes=[saving],
        country="TD",
        region="Logone Occidental",
        visibility="network",
    )
    services.team_add(project=theirs, by=outsider, person=outsider, role="Chef de projet")

    # Awa describes her project.
    log_in(phone, author.email)
    phone.goto("/projects/")
    phone.get_by_role("link", name="Nouveau projet").click()
    phone.get_by_label(re.compile("^Nom")).fill("Greniers communautaires de Bafut")
    phone.get_by_label("Début").fill("2025-01-01")
    phone.get_by_label(re.compile("^Fin")).fill("2024-01-01")
    phone.get_by_label("Pays").select_option("CM")
    phone.get_by_label("Région").fill("Nord-Ouest")
    phone.get_by_label(saving.name_fr).check()
    phone.get_by_label("Qui peut le voir").select_option("public")
    phone.get_by_role("button", name="Enregistrer").click()
    # A reversed period: said plainly, nothing written, what was typed still there.
    expect(phone.get_by_text("Le projet se termine avant de commencer")).to_be_visible()
    expect(phone.get_by_label(re.compile("^Nom"))).to_have_value("Greniers communautaires de Bafut")
    assert not Project.objects.filter(organisation=org_a).exists()
    look(phone, screenshot, "form-error")
    phone.get_by_label(re.compile("^Fin")).fill("2027-12-31")
    phone.get_by_role("button", name="Enregistrer").click()
    expect(phone.get_by_role("heading", name="Greniers communautaires de Bafut")).to_be_visible()

    # She links her practice to it.
    phone.get_by_role("link", name=re.compile("Lier des pratiques")).click()
    phone.get_by_label("Lier une pratique").select_option(label=practice.title)
    phone.locator("form", has=phone.get_by_label("Lier une pratique")).get_by_role(
        "button", name="Lier"
    ).click()
    expect(phone.get_by_text("Lié au projet.")).to_be_visible()
    assert ProjectPractice.objects.filter(practice=practice).exists()
    phone.get_by_role("link", name="Greniers communautaires de Bafut").first.click()
    expect(phone.get_by_role("link", name=practice.title)).to_be_visible()
    look(phone, screenshot, "detail")
    log_out(phone)

    # Oscar, on his own project's page, finds it among similar projects elsewhere.
    log_in(phone, outsider.email)
    phone.goto(theirs.get_absolute_url())
    similar = phone.locator(".similar-projects")
    expect(similar.get_by_text("Même thème : Épargne et microfinance")).to_be_visible()
    look(phone, screenshot, "similar")
    similar.get_by_role("link", name="Greniers communautaires de Bafut").click()
    phone.get_by_role("link", name="Proposer un échange").click()
    phone.get_by_label("Un appel").check()
    phone.get_by_label("Objet").fill("Gérer un grenier communautaire")
    phone.get_by_label("Votre message à leur équipe").fill(
        "Bonjour, comment choisissez-vous les gérants de vos greniers ?"
    )
    look(phone, screenshot, "propose")
    phone.get_by_role("button", name="Proposer").click()
    expect(phone.get_by_role("heading", name="Gérer un grenier communautaire")).to_be_visible()
    expect(phone.get_by_text("comment choisissez-vous les gérants")).to_be_visible()
    look(phone, screenshot, "exchange")
    exchange = Exchange.objects.get()
    assert exchange.from_project == theirs and exchange.proposed_by == outsider
    log_out(phone)

    # The map, as anyone sees it.
    phone.goto("/projects/map/CM/")
    expect(phone.get_by_role("img", name=re.compile("Carte des régions"))).to_be_visible()
    expect(phone.get_by_role("cell", name="1").first).to_be_visible()
    look(phone, screenshot, "map")
    phone.goto("/projects/map/")
    look(phone, screenshot, "map-countries")
