"""In a real browser, on a phone: write a practice, review it, fix it, publish it."""

import re

import pytest

from conftest import ensure_thesaurus, log_in, log_out
from palabre.practices.models import Practice

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def fill_section(page, values: dict, button="Enregistrer et continuer"):
    for label, text in values.items():
        page.get_by_label(re.compile(f"^{label}")).first.fill(text)
    page.get_by_role("button", name=re.compile(f"^{button}")).click()


def test_member_writes_on_a_phone_and_the_facilitator_reviews(
    phone, screenshot, author, facilitator
):
    ensure_thesaurus()
    log_in(phone, author.email)
    phone.goto("/practices/new/")
    phone.get_by_label(re.compile("^Titre")).fill("La tontine des femmes de Bafut")
    phone.get_by_label("leçon apprise (ce qui a échoué et pourquoi)").check()
    phone.get_by_role("button", name="Commencer").click()
    phone.wait_for_url(re.compile(r"/edit/identity/$"))
    phone.get_by_label(re.compile("^Résumé")).fill(
        "Une tontine qui a prêté trop vite et a failli disparaître."
    )
    phone.locator("summary", has_text="Domaines d'intervention").click()
    phone.get_by_label("Épargne et microfinance").check()
    screenshot(phone, "1-identity")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.get_by_role("button", name=re.compile("^Enregistrer et continuer")).click()

    fill_section(
        phone,
        {
            "Contexte et problème": "Les femmes empruntaient chez l'usurier.",
            "Objectifs": "- Épargner ensemble",
        },
    )
    fill_section(phone, {"Démarche": "Réunions hebdomadaires, caisse à trois clés."})
    fill_section(phone, {"Résultats et effets": "40 membres, 1,2 million FCFA épargnés."})
    fill_section(phone, {"Difficultés et limites": "Trois prêts non remboursés."})
    fill_section(phone, {"Leçons apprises": "Plafonner les prêts à l'épargne de chacune."})
    fill_section(
        phone,
        {"Conditions de reproduction": "Un groupe qui se connaît depuis longtemps."},
        button="Enregistrer et voir la fiche",
    )
    screenshot(phone, "2-complete")
    phone.get_by_role("button", name="Soumettre pour relecture").click()
    assert "Soumise" in phone.locator(".messages").inner_text()
    log_out(phone)

    log_in(phone, facilitator.email)
    phone.goto("/practices/review/")
    phone.get_by_role("link", name="La tontine des femmes de Bafut").click()
    phone.locator("#id_comment_results").fill("Combien de membres ont remboursé à temps ?")
    screenshot(phone, "3-review")
    phone.get_by_role("button", name="Demander des modifications").click()
    assert "Modifications demandées" in phone.locator(".messages").inner_text()
    log_out(phone)

    log_in(phone, author.email)
    phone.goto("/notifications/")
    phone.get_by_role("button", name=re.compile("Modifications demandées")).click()
    assert "Combien de membres ont remboursé à temps ?" in phone.content()
    practice = Practice.objects.get()
    phone.goto(f"/practices/{practice.pk}/edit/results/")
    fill_section(
        phone,
        {"Résultats et effets": "40 membres ; 37 ont remboursé à temps."},
        button="Enregistrer et continuer",
    )
    phone.goto(practice.get_absolute_url())
    phone.get_by_role("button", name="Soumettre pour relecture").click()
    log_out(phone)

    log_in(phone, facilitator.email)
    phone.goto(practice.get_absolute_url())
    phone.get_by_role("button", name="Publier", exact=True).click()
    assert "Publiée" in phone.locator(".messages").inner_text()
    practice.refresh_from_db()
    assert practice.status == "published" and "37 ont remboursé" in practice.results
    assert practice.revisions.count() == 1
    phone.goto(practice.get_absolute_url())
    assert phone.get_by_role("heading", name="Réussites et limites").is_visible()
    screenshot(phone, "4-published")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


def test_autosave_keeps_what_is_typed(phone, author, make_practice):
    practice = make_practice(author, status="draft", lessons="")
    log_in(phone, author.email)
    phone.goto(f"/practices/{practice.pk}/edit/lessons/")
    phone.get_by_label(re.compile("^Leçons apprises")).fill(
        "Écrit dans le bus, sans appuyer sur Enregistrer"
    )
    phone.wait_for_selector("#save-status:has-text('Enregistré automatiquement')", timeout=10_000)
    practice.refresh_from_db()
    assert practice.lessons == "Écrit dans le bus, sans appuyer sur Enregistrer"
