"""The PDF of a fiche opens and carries its title and sections."""

import io

from pypdf import PdfReader


def test_pdf_contains_title_and_sections(client_for, colleague, make_practice, author):
    practice = make_practice(author, title="Le warrantage à Ngaoundéré")
    response = client_for(colleague).get(f"/practices/{practice.pk}/pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    for expected in (
        "Le warrantage à Ngaoundéré",
        "Réussites et limites",
        "Contexte",
        "Démarche",
        "Deux magasins inondés",
    ):
        assert expected in text, expected


def test_pdf_of_a_demo_practice(client, db):
    from django.core.management import call_command

    from palabre.practices.models import Practice

    call_command("demo", verbosity=0)
    practice = Practice.objects.filter(status="published", visibility="public").first()
    response = client.get(f"/practices/{practice.pk}/pdf/")
    text = " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages).split()
    )
    assert " ".join(practice.title.split()) in text
    assert "Leçons apprises" in text or "Lessons learned" in text
