"""In a real browser, on a phone: an organisation adopts a practice, follows an indicator, reports.

Then the practice page, the organisation's and the practice's dashboards, and the
network's, all show it.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import ensure_thesaurus, fits_the_phone, log_in, log_out
from palabre.adoptions.models import Adoption, FeedbackReport, Indicator

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_an_organisation_adopts_measures_and_reports_on_a_phone(
    phone, screenshot, make_practice, author, outsider, facilitator
):
    ensure_thesaurus()
    practice = make_practice(author, visibility="network", title="Le warrantage à Ngaoundéré")
    today = timezone.localdate()
    started = today - timedelta(days=120)

    # The team says it is putting the practice to work.
    log_in(phone, outsider.email)
    phone.goto(practice.get_absolute_url())
    phone.get_by_role("link", name="Nous la mettons en pratique").first.click()
    phone.get_by_label(re.compile("^Équipe")).fill("Producteurs de Bébédjia")
    phone.get_by_label(re.compile("^Date de début")).fill(started.isoformat())
    phone.get_by_label("en cours", exact=True).check()
    phone.get_by_label(re.compile("^Contexte")).fill("Trois villages au bord du Logone.")
    phone.get_by_label(re.compile("^Adaptations faites")).fill("Un magasin en banco.")
    screenshot(phone, "1-adopt")
    fits_the_phone(phone)
    phone.get_by_role("button", name="Enregistrer l'adoption").click()
    assert "Adoption enregistrée" in phone.locator(".messages").inner_text()
    adoption = Adoption.objects.get()
    assert adoption.status == "in_progress" and adoption.team == "Producteurs de Bébédjia"

    # It defines its own indicator, following this adoption.
    phone.get_by_role("link", name="Définir un indicateur").click()
    phone.get_by_label(re.compile("^Nom")).fill("Ménages avec latrines")
    phone.get_by_label(re.compile("^Unité")).fill("%")
    phone.get_by_label("un pourcentage (de 0 à 100)").check()
    phone.get_by_label("plus c'est haut, mieux c'est").check()
    phone.get_by_label(re.compile("^Valeur de référence")).fill("35")
    phone.get_by_label(re.compile("^Date de la référence")).fill(started.isoformat())
    phone.get_by_label(re.compile("^Valeur cible")).fill("80")
    phone.get_by_label(re.compile("^Date cible")).fill((today + timedelta(days=365)).isoformat())
    phone.get_by_label(re.compile("Le warrantage à Ngaoundéré")).check()
    phone.get_by_role("button", name="Créer l'indicateur").click()
    assert "Indicateur créé" in phone.locator(".messages").inner_text()

    # Measurements: a wrong unit is refused clearly, then two values are recorded.
    for day, value in ((today - timedelta(days=60), "48"), (today, "12 kg")):
        phone.get_by_label(re.compile("^Date")).first.fill(day.isoformat())
        phone.get_by_label(re.compile("^Valeur")).first.fill(value)
        phone.get_by_label(re.compile("^Source")).first.fill("Enquête ménages")
        phone.get_by_role("button", name="Enregistrer", exact=True).click()
    assert "Cet indicateur se mesure en %, pas en « kg »." in phone.content()
    screenshot(phone, "2-wrong-unit")
    phone.get_by_label(re.compile("^Valeur")).first.fill("62")
    phone.get_by_role("button", name="Enregistrer", exact=True).click()
    assert "Mesure enregistrée" in phone.locator(".messages").inner_text()
    indicator = Indicator.objects.get()
    assert [float(v) for v in indicator.measurements.values_list("value", flat=True)] == [48, 62]
    assert "60 %" in phone.content()  # (62 − 35) / (80 − 35)
    screenshot(phone, "3-indicator")
    fits_the_phone(phone)

    # The feedback report.
    phone.goto(adoption.get_absolute_url())
    phone.get_by_role("link", name="Dire comment ça s'est passé").click()
    phone.get_by_label("toujours en cours").check()
    phone.get_by_label("4 — cela a bien marché").check()
    phone.get_by_label(re.compile("^Résultats observés")).fill(
        "Les ménages vendent deux mois plus tard, 30 % plus cher."
    )
    phone.get_by_label(re.compile("^Difficultés")).fill("Le transport vers le magasin coûte cher.")
    phone.get_by_label(re.compile("^Ce qui devrait changer")).fill("Chiffrer le transport.")
    phone.get_by_role("radio", name="oui", exact=True).check()
    screenshot(phone, "4-feedback")
    fits_the_phone(phone)
    phone.get_by_role("button", name="Envoyer le retour").click()
    assert "Merci" in phone.locator(".messages").inner_text()
    report = FeedbackReport.objects.get()
    assert report.effectiveness == 4 and report.would_recommend

    # The practice page shows the adoption, the outcomes and the feedback.
    phone.goto(practice.get_absolute_url())
    panel = phone.locator("#adoptions")
    panel.scroll_into_view_if_needed()
    assert "Qui l'a adoptée" in panel.inner_text() and "ATE" in panel.inner_text()
    assert "Les ménages vendent deux mois plus tard" in panel.inner_text()
    assert "4/5" in panel.inner_text()
    page_shot = screenshot(phone, "5-practice-page")
    panel.screenshot(path=str(page_shot.with_name(page_shot.name.replace("page", "panel"))))
    fits_the_phone(phone)

    # The organisation's dashboard.
    phone.goto("/adoptions/organisation/ate/")
    body = phone.locator("main").inner_text()
    assert "Le warrantage à Ngaoundéré" in body and "Ménages avec latrines" in body
    assert "60 %" in body
    screenshot(phone, "6-organisation-dashboard")
    fits_the_phone(phone)

    # The practice's dashboard: outcomes across adopters.
    phone.goto(f"/adoptions/practice/{practice.pk}/")
    body = phone.locator("main").inner_text()
    assert "Résultats chez ceux qui l'ont adoptée" in body and "4/5" in body
    assert "Ménages avec latrines" in body  # our own indicator, linked to the practice
    screenshot(phone, "7-practice-dashboard")
    fits_the_phone(phone)
    log_out(phone)

    # The network's dashboard, for facilitators.
    log_in(phone, facilitator.email)
    phone.goto("/adoptions/network/")
    body = phone.locator("main").inner_text()
    assert "Les pratiques les plus adoptées" in body and "Le warrantage à Ngaoundéré" in body
    screenshot(phone, "8-network-dashboard")
    fits_the_phone(phone)
