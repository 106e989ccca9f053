"""In a real browser, on a phone: an invited person joins, logs in, switches to English."""

import re

import pytest
from django.core import mail

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_invited_person_joins_on_a_phone_logs_in_and_switches_to_english(
    phone, screenshot, org_admin, run_tasks, client_for
):
    # The org admin invites (through the page), the worker sends the e-mail.
    client = client_for(org_admin)
    response = client.post(
        "/organisations/adb/invite/",
        {"email": "rose@adb.example", "role": "member", "language": "fr"},
    )
    assert response.status_code == 302
    assert run_tasks() == 1
    link = re.search(r"http://testserver(/invitation/\S+/)", mail.outbox[-1].body).group(1)

    phone.goto(link)
    assert phone.get_by_role("heading", level=1).inner_text().startswith("Rejoindre")
    phone.get_by_label("Votre nom").fill("Rose Kouam")
    phone.get_by_label(re.compile("^Mot de passe")).fill("Manioc-et-arachides-2026")
    phone.get_by_label("Confirmer le mot de passe").fill("Manioc-et-arachides-2026")
    screenshot(phone, "1-accept")
    phone.get_by_role("button", name="Créer mon compte").click()
    phone.wait_for_url(re.compile(r"/organisations/adb/$"))
    assert "Bienvenue" in phone.locator(".messages").inner_text()
    # The page fits the phone: nothing wider than the screen.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone, "2-organisation")

    phone.locator("summary", has_text="Menu").click()
    phone.get_by_role("button", name="Déconnexion").click()
    phone.goto("/login/")
    phone.get_by_label("Adresse e-mail").fill("ROSE@adb.example")
    phone.get_by_label(re.compile("^Mot de passe")).fill("Manioc-et-arachides-2026")
    phone.get_by_role("button", name="Connexion").click()
    assert phone.get_by_role("heading", level=1).inner_text() == "Bienvenue, Rose Kouam"

    phone.get_by_role("button", name="EN").click()
    assert phone.get_by_role("heading", level=1).inner_text() == "Welcome, Rose Kouam"
    assert phone.locator("html").get_attribute("lang") == "en"
    screenshot(phone, "3-english")
