"""In a real browser, on a phone: a member adds a resource with its PDF, publishes a new
version, and finds it by a word written only inside the file — in the library and in the
main search."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import fits_the_phone
from conftest import log_in as shared_log_in
from palabre.resources.documents import pdf_bytes
from palabre.resources.models import Resource

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[3] / "var" / "screenshots"
TITLE = "Guide des pépinières villageoises"


def look(page, screenshot, name: str) -> None:
    screenshot(page, name)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"resources-{name}.png"), full_page=True)
    fits_the_phone(page)


def test_a_member_adds_a_resource_a_new_version_and_finds_it_by_its_body(
    phone, screenshot, author, run_tasks, tmp_path
):
    first = tmp_path / "pepinieres.pdf"
    first.write_bytes(
        pdf_bytes(
            TITLE, "Les plants de moringa restent six semaines sous ombrière avant la plantation."
        )
    )
    second = tmp_path / "pepinieres-v2.pdf"
    second.write_bytes(
        pdf_bytes(
            TITLE,
            "Les plants de moringa restent six semaines sous ombrière avant la plantation.\n\n"
            "Arroser matin et soir pendant la saison sèche avec un arrosoir à pomme fine.",
        )
    )
    shared_log_in(phone, author.email)
    phone.wait_for_url(re.compile(r"/$"))

    phone.goto("/resources/new/")
    phone.get_by_label("Titre").fill(TITLE)
    phone.get_by_label("Type").select_option("guide")
    phone.get_by_label("Description").fill("Comment installer et suivre une pépinière de village.")
    phone.get_by_label("Qui peut la voir").select_option("network")
    phone.get_by_label("Fichier").set_input_files(str(first))
    look(phone, screenshot, "add")
    phone.get_by_role("button", name="Ajouter à la bibliothèque").click()
    expect(phone.get_by_role("heading", name=TITLE)).to_be_visible()
    run_tasks()  # the worker reads the text and draws the first page

    phone.reload()
    expect(phone.get_by_role("img", name="Première page")).to_be_visible()
    look(phone, screenshot, "detail")

    phone.get_by_role("link", name="Nouvelle version").click()
    phone.get_by_label("Nouveau fichier").set_input_files(str(second))
    phone.get_by_label("Ce qui a changé").fill("Ajout de l'arrosage en saison sèche")
    look(phone, screenshot, "new-version")
    phone.get_by_role("button", name="Publier cette version").click()
    expect(phone.get_by_text("Version 2")).to_be_visible()
    expect(phone.get_by_text("Version 1")).to_be_visible()
    run_tasks()
    resource = Resource.objects.get(title=TITLE)
    assert resource.current.number == 2 and resource.current.text_status == "ok"
    phone.reload()
    look(phone, screenshot, "versions")

    # "arrosoirs": plural, and only inside the second version's PDF.
    phone.goto("/resources/")
    phone.get_by_label("Chercher dans les ressources").fill("arrosoirs")
    phone.get_by_label("Chercher dans les ressources").press("Enter")
    expect(phone.get_by_role("link", name=TITLE)).to_be_visible()
    expect(phone.locator("mark", has_text="arrosoir")).to_be_visible()
    look(phone, screenshot, "library-search")

    phone.goto("/search/?q=arrosoir")
    expect(phone.get_by_role("heading", name="Ressources (1)")).to_be_visible()
    look(phone, screenshot, "main-search")


def test_an_unreadable_scan_is_kept_and_marked_and_a_practice_shows_its_resources(
    phone, screenshot, author, make_practice, make_resource
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from palabre.resources import services
    from palabre.resources.documents import scan_pdf_bytes

    scan = make_resource(
        author,
        title="Plan des latrines (scan)",
        file=SimpleUploadedFile("plan.pdf", scan_pdf_bytes(), content_type="application/pdf"),
    )
    assert scan.current.text_status == "empty"
    practice = make_practice(author, visibility="network")
    services.practice_link(resource=scan, practice=practice, by=author)
    shared_log_in(phone, author.email)
    phone.wait_for_url(re.compile(r"/$"))

    phone.goto(scan.get_absolute_url())
    expect(phone.get_by_text("Le texte de ce fichier n’a pas pu être lu")).to_be_visible()
    expect(phone.get_by_role("link", name=re.compile("Télécharger plan.pdf"))).to_be_visible()
    look(phone, screenshot, "unreadable")

    phone.goto(practice.get_absolute_url())
    panel = phone.locator("section", has=phone.get_by_role("heading", name="Ressources"))
    expect(panel.get_by_role("link", name=scan.title)).to_be_visible()
    look(phone, screenshot, "practice-panel")
