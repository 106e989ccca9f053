"""The guided editor: plain forms without JavaScript, autosave with htmx, conflicts detected."""

from palabre.practices.models import Practice


def test_every_section_opens_with_help_and_an_example(client_for, make_practice, author):
    practice = make_practice(author, status="draft")
    client = client_for(author)
    for section in (
        "identity",
        "context",
        "approach",
        "results",
        "difficulties",
        "lessons",
        "replication",
    ):
        response = client.get(f"/practices/{practice.pk}/edit/{section}/")
        assert response.status_code == 200, section
        assert "Exemple" in response.content.decode()


def test_completeness_lists_the_empty_sections(client_for, make_practice, author):
    practice = make_practice(author, status="draft", replication="", difficulties="")
    sections = {
        s.slug: done
        for s, done in client_for(author).get(practice.get_absolute_url()).context["completeness"]
    }
    assert sections["replication"] is False and sections["difficulties"] is False
    assert sections["context"] is True


def test_autosave_answers_a_small_fragment_and_the_new_version(client_for, make_practice, author):
    practice = make_practice(author, status="draft")
    response = client_for(author).post(
        f"/practices/{practice.pk}/edit/lessons/?autosave=1",
        {"version": practice.version, "lessons": "Écrit dans le bus", "sustainability": ""},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert "Enregistré automatiquement" in body and f'value="{practice.version + 1}"' in body
    practice.refresh_from_db()
    assert practice.lessons == "Écrit dans le bus"


def test_concurrent_edit_is_detected_and_both_versions_shown(
    client_for, make_practice, author, colleague, org_admin
):
    practice = make_practice(author, status="draft", lessons="Texte d'origine")
    started_from = practice.version
    client_for(org_admin).post(
        f"/practices/{practice.pk}/edit/lessons/",
        {"version": started_from, "lessons": "Texte de l'administratrice", "sustainability": ""},
    )
    response = client_for(author).post(
        f"/practices/{practice.pk}/edit/lessons/",
        {"version": started_from, "lessons": "Texte de l'autrice", "sustainability": ""},
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "Texte de l&#x27;autrice" in body and "Texte de l&#x27;administratrice" in body
    practice.refresh_from_db()
    assert practice.lessons == "Texte de l'administratrice"
    # Saving again from the conflict page is a deliberate choice: it goes through.
    again = client_for(author).post(
        f"/practices/{practice.pk}/edit/lessons/",
        {"version": practice.version, "lessons": "Texte de l'autrice", "sustainability": ""},
    )
    assert again.status_code == 302


def test_autosave_conflict_is_reported_not_overwritten(client_for, make_practice, author):
    practice = make_practice(author, status="draft", lessons="Avant")
    response = client_for(author).post(
        f"/practices/{practice.pk}/edit/lessons/?autosave=1",
        {"version": practice.version - 1, "lessons": "Ancien onglet", "sustainability": ""},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 409
    practice.refresh_from_db()
    assert practice.lessons == "Avant"


def test_steps_are_saved_in_order_and_removable(client_for, make_practice, author):
    practice = make_practice(author, status="draft")
    client = client_for(author)
    data = {
        "version": practice.version,
        "approach": "Démarche",
        "resources": "",
        "cost_amount": "250000",
        "cost_currency": "xaf",
        "steps-TOTAL_FORMS": "2",
        "steps-INITIAL_FORMS": "0",
        "steps-MIN_NUM_FORMS": "0",
        "steps-MAX_NUM_FORMS": "20",
        "steps-0-title": "Mobiliser le groupement",
        "steps-0-description": "",
        "steps-0-what_made_it_work": "Le chef y était",
        "steps-1-title": "Construire le magasin",
        "steps-1-description": "",
        "steps-1-what_made_it_work": "",
    }
    assert client.post(f"/practices/{practice.pk}/edit/approach/", data).status_code == 302
    practice.refresh_from_db()
    assert [s.title for s in practice.steps.all()] == [
        "Mobiliser le groupement",
        "Construire le magasin",
    ]
    assert practice.cost_currency == "XAF" and practice.cost_amount == 250000
    page = client.get(practice.get_absolute_url()).content.decode()
    assert "250\u202f000 XAF" in page or "250 000 XAF" in page or "250\xa0000 XAF" in page


def test_invalid_input_is_400_and_nothing_saved(client_for, make_practice, author):
    practice = make_practice(author, status="draft")
    response = client_for(author).post(
        f"/practices/{practice.pk}/edit/context/",
        {"version": practice.version, "context": "Nouveau", "beneficiaries_women": "beaucoup"},
    )
    assert response.status_code == 400
    practice.refresh_from_db()
    assert practice.context != "Nouveau"


def test_period_end_before_start_is_refused(client_for, make_practice, author):
    practice = make_practice(author, status="draft")
    form = client_for(author).get(f"/practices/{practice.pk}/edit/identity/").context["form"]
    data = {
        k: v
        for k, v in form.initial.items()
        if (v is not None and not hasattr(v, "__iter__")) or isinstance(v, str)
    }
    data.update(
        {
            "version": practice.version,
            "title": "T",
            "kind": "good_practice",
            "language": "fr",
            "lead_organisation": practice.lead_organisation_id,
            "authors": [author.pk],
            "visibility": "network",
            "country": "CM",
            "period_start": "2024-05-01",
            "period_end": "2023-01-01",
        }
    )
    response = client_for(author).post(f"/practices/{practice.pk}/edit/identity/", data)
    assert response.status_code == 400
    assert Practice.objects.get(pk=practice.pk).period_start is None
