"""In a real browser, on a phone: a whole workshop from registration to the report PDF."""

import io
import re
from datetime import time, timedelta

import pytest
from django.utils import timezone
from pypdf import PdfReader

from conftest import ensure_thesaurus, fits_the_phone, log_out, make_person
from conftest import log_in as shared_log_in
from palabre.practices.demo import demo_photo
from palabre.practices.models import Practice
from palabre.themes.models import Theme
from palabre.workshops import services
from palabre.workshops.models import (
    Attendance,
    Evaluation,
    GroupMember,
    Registration,
    Restitution,
    Session,
    Workshop,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def log_in(page, email):
    shared_log_in(page, email)
    page.wait_for_url(re.compile(r"/$"))


def the_day_comes(workshop):
    """Move the workshop (and its sessions) so that it starts today."""
    delta = timezone.localdate() - workshop.start_date
    Workshop.objects.filter(pk=workshop.pk).update(
        start_date=workshop.start_date + delta, end_date=workshop.end_date + delta
    )
    for session in Session.objects.filter(workshop=workshop):
        session.starts_at += delta
        session.ends_at += delta
        session.save(update_fields=["starts_at", "ends_at"])


@pytest.fixture
def prepared(facilitator, org_a, org_b):
    ensure_thesaurus()
    savings = Theme.objects.get(slug="epargne-microfinance")
    health = Theme.objects.get(slug="sante-communautaire")
    start = timezone.localdate() + timedelta(days=7)
    workshop = Workshop.objects.create(
        title="Atelier des partenaires, Bafut",
        objectives="- Partager nos expériences d'épargne et de santé",
        start_date=start,
        end_date=start + timedelta(days=1),
        venue="Salle paroissiale",
        city="Bafut",
        capacity=20,
        status="published",
        created_by=facilitator,
    )
    workshop.organisers.set([org_a, org_b])

    def at(hour, minute=0):
        return workshop.at(start, time(hour, minute))

    Session.objects.create(
        workshop=workshop,
        kind="plenary",
        title="Ouverture",
        starts_at=at(9),
        ends_at=at(9, 30),
        room="Grande salle",
    )
    Session.objects.create(
        workshop=workshop,
        kind="group_work",
        title="Carrefour épargne",
        starts_at=at(10),
        ends_at=at(12),
        room="Salle A",
        theme=savings,
    )
    Session.objects.create(workshop=workshop, kind="group_work", title="Carrefour santé", starts_at=at(10), ends_at=at(12), room="Salle B", theme=health)  # fmt: skip
    others = [
        (make_person("bello@adb.example", "Bello Bafut", organisation=org_a), health),
        (make_person("ngarlem@ate.example", "Ngarlem Moundou", organisation=org_b), savings),
        (make_person("achta@ate.example", "Achta Moundou", organisation=org_b), health),
    ]
    for person, wish in others:
        services.registration_create(workshop=workshop, person=person, by=person, first_choice=wish)
    return workshop


def test_a_whole_workshop_on_a_phone(
    phone, screenshot, prepared, author, facilitator, org_a, tmp_path, run_tasks
):
    workshop = prepared
    savings_group = Session.objects.get(title="Carrefour épargne")

    # Registration: the author registers herself and chooses her group.
    log_in(phone, author.email)
    phone.goto(workshop.get_absolute_url())
    phone.get_by_role("link", name="S'inscrire").click()
    phone.get_by_label("Participant·e", exact=True).check()
    phone.get_by_label(re.compile("^Groupe que vous aimeriez rejoindre")).select_option(
        label="Épargne et microfinance"
    )
    screenshot(phone, "1-register")
    fits_the_phone(phone)
    phone.get_by_role("button", name="Confirmer mon inscription").click()
    assert "Votre inscription est enregistrée" in phone.locator(".messages").inner_text()
    assert Registration.objects.get(person=author).status == "confirmed"

    # The agenda, on the phone, in the workshop's time zone.
    phone.get_by_role("link", name="Programme", exact=True).first.click()
    assert phone.get_by_role("heading", name="Ouverture").is_visible()
    assert "09:00" in phone.locator(".agenda").first.inner_text()
    screenshot(phone, "2-agenda")
    fits_the_phone(phone)
    log_out(phone)

    # The facilitator proposes a split, keeps it, and names the rapporteur.
    log_in(phone, facilitator.email)
    phone.goto(f"/workshops/{workshop.pk}/groups/")
    phone.get_by_role("link", name="Proposer une répartition").first.click()
    assert "Répartition proposée" in phone.locator("main").inner_text()
    screenshot(phone, "3-groups")
    fits_the_phone(phone)
    phone.get_by_role("button", name="Enregistrer les groupes").click()
    assert "Groupes enregistrés" in phone.locator(".messages").inner_text()
    assert GroupMember.objects.filter(session=savings_group, person=author).exists()
    phone.goto(f"/workshops/{workshop.pk}/sessions/{savings_group.pk}/edit/")
    phone.get_by_label(re.compile("^Rapporteur")).select_option(label="Awa Author")
    phone.get_by_role("button", name="Enregistrer", exact=True).click()
    savings_group.refresh_from_db()
    assert savings_group.rapporteur == author

    # The day comes: attendance is taken on the phone.
    the_day_comes(workshop)
    phone.goto(f"/workshops/{workshop.pk}/sessions/{savings_group.pk}/attendance/")
    phone.get_by_label("Awa Author").check()
    screenshot(phone, "4-attendance")
    fits_the_phone(phone)
    phone.get_by_role("button", name="Enregistrer les présences").click()
    assert "Présences enregistrées" in phone.locator(".messages").inner_text()
    assert Attendance.objects.get(session=savings_group, person=author).present
    log_out(phone)

    # The rapporteur writes the restitution, adds a photo of the flip chart, and shares it.
    log_in(phone, author.email)
    phone.goto(savings_group.get_absolute_url())
    phone.get_by_role("link", name="Écrire la restitution").click()
    phone.get_by_label(re.compile("^Enseignements clés")).fill("Épargner avant d'emprunter.")
    phone.get_by_label(re.compile("^Réussites")).fill("Des caisses tenues par les femmes.")
    phone.get_by_label(re.compile("^Limites")).fill("Des prêts trop gros au début.")
    phone.get_by_label(re.compile("^Recommandations")).fill("Plafonner les premiers prêts.")
    phone.wait_for_selector("#save-status:has-text('Enregistré automatiquement')", timeout=10_000)
    assert Restitution.objects.get().status == "draft"  # kept by the server as a draft
    photo = tmp_path / "tableau.jpg"
    photo.write_bytes(demo_photo(2))
    phone.get_by_label(re.compile("^Photo d'un tableau de papier")).set_input_files(str(photo))
    phone.get_by_label(re.compile("^Légende")).fill("L'arbre à problèmes du groupe")
    phone.get_by_role("button", name="Ajouter la photo").click()
    assert "Photo ajoutée" in phone.locator(".messages").inner_text()
    assert "Photo en préparation" in phone.locator(".photos").inner_text()
    run_tasks()  # the worker removes the photo's metadata and makes its preview
    phone.get_by_role("button", name="Enregistrer et partager").click()
    assert "Restitution enregistrée et partagée" in phone.locator(".messages").inner_text()
    assert phone.locator(".photos img").first.is_visible()
    screenshot(phone, "5-restitution")
    fits_the_phone(phone)

    # …and turns it into a practice draft, owned by her organisation, for the normal review.
    phone.get_by_role("link", name="En faire un brouillon de pratique").click()
    phone.get_by_label(re.compile("^Organisation à laquelle")).select_option(value=str(org_a.pk))
    phone.get_by_role("button", name="Rédiger le brouillon").click()
    phone.wait_for_url(re.compile(r"/practices/\d+/edit/identity/$"))
    practice = Practice.objects.get()
    assert practice.status == "draft" and practice.lessons == "Épargner avant d'emprunter."
    assert author in practice.authors.all()
    screenshot(phone, "6-practice-draft")

    # The evaluation.
    phone.goto(workshop.get_absolute_url())
    phone.get_by_role("link", name="Évaluer l'atelier").click()
    phone.locator("#id_overall_3").check()
    phone.get_by_label(re.compile("^Qu'est-ce qui vous a été le plus utile")).fill(
        "Le carrefour sur l'épargne."
    )
    screenshot(phone, "7-evaluation")
    fits_the_phone(phone)
    phone.get_by_role("button", name="Envoyer mon évaluation").click()
    assert "Merci pour votre évaluation" in phone.locator(".messages").inner_text()
    assert Evaluation.objects.get().overall == 4
    log_out(phone)

    # The facilitator reads the report, shares it and downloads its PDF.
    log_in(phone, facilitator.email)
    phone.goto(f"/workshops/{workshop.pk}/report/")
    assert "Épargner avant d'emprunter." in phone.locator("main").inner_text()
    phone.get_by_role("button", name="Partager avec les participants").click()
    assert "Le compte rendu est partagé" in phone.locator(".messages").inner_text()
    screenshot(phone, "8-report")
    fits_the_phone(phone)
    with phone.expect_download() as download:
        phone.get_by_role("link", name="Télécharger le PDF").click()
    content = download.value.path().read_bytes()
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
    text = " ".join(text.split())
    for expected in (
        "Atelier des partenaires, Bafut",
        "Carrefour épargne",
        "Épargner avant d'emprunter.",
        "Évaluation",
    ):
        assert expected in text, expected
