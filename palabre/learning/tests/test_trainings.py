"""Trainings built on practices: writing one, review and publication, who sees what
(catalogue, page, API, practice page panel, search), the handout PDF, materials."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from palabre.audit.models import AuditEvent
from palabre.learning.models import Training, TrainingMaterial, TrainingPractice
from palabre.learning.services import trainings as services
from palabre.lib.errors import ServiceError
from palabre.practices.demo import demo_pdf
from palabre.practices.models import Step

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture(autouse=True)
def _english(author, colleague, outsider, facilitator):
    """Pages are read in English here (the French catalog is filled later)."""
    from palabre.accounts.models import User

    User.objects.filter(pk__in=[author.pk, colleague.pk, outsider.pk, facilitator.pk]).update(
        language="en"
    )


def steps(practice, *items):
    for position, (title, worked) in enumerate(items):
        Step.objects.create(
            practice=practice, position=position, title=title, what_made_it_work=worked
        )
    return practice


@pytest.fixture
def warrantage(make_practice, author):
    return steps(
        make_practice(author, title="Le warrantage"),
        ("Réunir le groupement", "Le chef du village était là"),
        ("Construire le magasin", "Sur une butte"),
    )


@pytest.fixture
def tontine(make_practice, author):
    return steps(
        make_practice(author, title="La tontine solidaire", success_factors="La confiance."),
        ("Fixer la cotisation", "Un montant que tous peuvent payer"),
    )


def build(by, practices, **fields):
    values = {"title": "Stocker et épargner", "objectives": "Savoir lancer un warrantage."}
    values.update(fields)
    return services.training_create(
        by=by, organisation=by.memberships.first().organisation, practices=practices, **values
    )


def published(by, practices, facilitator, **fields):
    training = build(by, practices, **fields)
    services.training_submit(training=training, by=by)
    return services.training_publish(training=training, by=facilitator)


def pdf_text(content: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.split())


# Writing ------------------------------------------------------------------------------


def test_create_from_two_practices_pulls_in_both(author, warrantage, tontine):
    training = build(author, [warrantage, tontine])
    content = training.content
    for text in (
        "Le warrantage",
        "Réunir le groupement",
        "Le chef du village était là",
        "Construire le magasin",
        "La tontine solidaire",
        "Fixer la cotisation",
        "La confiance.",
        "Il faut un marché où vendre plus tard.",  # conditions for replication
    ):
        assert text in content, text
    assert content.index("Le warrantage") < content.index("La tontine solidaire")
    assert training.checklist_items() == [
        "Réunir le groupement",
        "Construire le magasin",
        "Fixer la cotisation",
    ]
    assert list(training.trainers.all()) == [author]
    assert set(training.themes.values_list("slug", flat=True)) == {"epargne-microfinance"}
    assert list(
        TrainingPractice.objects.filter(training=training)
        .order_by("position")
        .values_list("practice_id", flat=True)
    ) == [warrantage.pk, tontine.pk]
    assert training.status == Training.Status.DRAFT
    assert AuditEvent.objects.filter(action="training.created", target_id=str(training.pk)).exists()


def test_a_practice_the_trainer_may_not_see_is_refused_and_nothing_written(
    make_practice, author, outsider, warrantage
):
    hidden = make_practice(outsider, title="Caché", visibility="organisation")
    draft = make_practice(outsider, title="Brouillon", status="draft", visibility="network")
    for practices in ([warrantage, hidden], [draft], [999999], ["abc"]):
        with pytest.raises(ServiceError) as refused:
            build(author, practices)
        assert refused.value.status == 404
    with pytest.raises(ServiceError) as refused:
        build(author, [])
    assert refused.value.status == 400
    assert not Training.objects.exists()
    assert not TrainingPractice.objects.exists()
    assert not AuditEvent.objects.filter(action="training.created").exists()


def test_the_form_refuses_a_hidden_practice_with_a_message(
    client_for, make_practice, author, outsider, warrantage
):
    hidden = make_practice(outsider, title="Caché", visibility="organisation")
    client = client_for(author, **EN)
    response = client.post(
        "/trainings/new/",
        {
            "title": "Stocker",
            "objectives": "Savoir faire",
            "duration_minutes": "120",
            "language": "fr",
            "visibility": "network",
            "organisation": str(author.memberships.first().organisation_id),
            "practices": [str(warrantage.pk), str(hidden.pk)],
        },
    )
    assert response.status_code == 404
    assert "training can only be built on published practices you can read" in (
        response.content.decode()
    )
    assert not Training.objects.exists()


def test_the_form_prefilled_from_a_practice_creates_a_draft(client_for, author, warrantage):
    client = client_for(author, **EN)
    page = client.get(f"/trainings/new/?practice={warrantage.pk}")
    assert page.status_code == 200
    assert "Le warrantage" in page.content.decode()
    response = client.post(
        "/trainings/new/",
        {
            "title": "Stocker",
            "objectives": "Savoir faire",
            "duration_minutes": "90",
            "language": "fr",
            "visibility": "network",
            "organisation": str(author.memberships.first().organisation_id),
            "practices": [str(warrantage.pk)],
        },
    )
    training = Training.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/trainings/{training.pk}/edit/"
    assert "Réunir le groupement" in training.content


def test_new_from_a_practice_one_may_not_see_is_404(client_for, make_practice, author, outsider):
    hidden = make_practice(outsider, title="Caché", visibility="organisation")
    assert client_for(author).get(f"/trainings/new/?practice={hidden.pk}").status_code == 404


def test_editing_changes_content_and_only_editors_may(
    client_for, author, colleague, facilitator, warrantage
):
    training = build(author, [warrantage])
    with pytest.raises(ServiceError) as refused:
        services.training_update(training=training, by=colleague, fields={"title": "Autre"})
    assert refused.value.status == 403
    services.training_update(
        training=training,
        by=author,
        fields={"content": "## Mon plan\n\n1. Un", "facilitator_guide": "Arriver tôt"},
    )
    training.refresh_from_db()
    assert training.content.startswith("## Mon plan")
    assert client_for(colleague).get(f"/trainings/{training.pk}/edit/").status_code == 404


# Review and publication --------------------------------------------------------------


def test_only_facilitators_publish(author, org_admin, facilitator, warrantage):
    training = build(author, [warrantage])
    with pytest.raises(ServiceError):
        services.training_publish(training=training, by=facilitator)  # not submitted yet
    services.training_submit(training=training, by=author)
    for person in (author, org_admin):
        with pytest.raises(ServiceError) as refused:
            services.training_publish(training=training, by=person)
        assert refused.value.status == 403
    services.training_request_changes(training=training, by=facilitator, comment="Plus court")
    training.refresh_from_db()
    assert training.status == Training.Status.DRAFT
    services.training_submit(training=training, by=author)
    services.training_publish(training=training, by=facilitator)
    training.refresh_from_db()
    assert training.status == Training.Status.PUBLISHED and training.published_at


def test_submit_and_publish_through_the_pages(client_for, author, facilitator, warrantage):
    from palabre.notifications.models import Notification

    training = build(author, [warrantage])
    author_client = client_for(author, **EN)
    assert author_client.post(f"/trainings/{training.pk}/publish/").status_code == 403
    assert author_client.post(f"/trainings/{training.pk}/submit/").status_code == 302
    assert Notification.objects.filter(recipient=facilitator).exists()
    page = client_for(facilitator, **EN).get(f"/trainings/{training.pk}/")
    assert "Publish" in page.content.decode()
    assert client_for(facilitator).post(f"/trainings/{training.pk}/publish/").status_code == 302
    training.refresh_from_db()
    assert training.status == Training.Status.PUBLISHED
    assert Notification.objects.filter(recipient=author).exists()


# Who sees what -----------------------------------------------------------------------


def test_catalogue_and_page_from_the_outside(
    client_for, make_practice, author, outsider, facilitator, warrantage
):
    open_practice = make_practice(author, title="Une pratique publique", visibility="public")
    public = published(
        author, [open_practice], facilitator, title="Formation publique", visibility="public"
    )
    network = published(author, [warrantage], facilitator, title="Formation réseau")
    internal = published(
        author, [warrantage], facilitator, title="Formation interne", visibility="organisation"
    )
    draft = build(author, [open_practice], title="Formation en cours", visibility="public")

    anonymous = client_for(None, **EN)
    text = anonymous.get("/trainings/").content.decode()
    assert "Formation publique" in text
    assert "Formation réseau" not in text and "Formation interne" not in text
    assert "Formation en cours" not in text
    assert anonymous.get(f"/trainings/{public.pk}/").status_code == 200
    for hidden in (network, internal, draft):
        assert anonymous.get(f"/trainings/{hidden.pk}/").status_code == 404
        assert anonymous.get(f"/trainings/{hidden.pk}/handout.pdf").status_code == 404

    other = client_for(outsider, **EN)
    text = other.get("/trainings/").content.decode()
    assert "Formation publique" in text and "Formation réseau" in text
    assert "Formation interne" not in text and "Formation en cours" not in text
    assert other.get(f"/trainings/{internal.pk}/").status_code == 404
    assert other.get(f"/trainings/{draft.pk}/").status_code == 404
    assert other.get(f"/api/v1/trainings/{internal.pk}").status_code == 404
    titles = {t["title"] for t in other.get("/api/v1/trainings").json()}
    assert titles == {"Formation publique", "Formation réseau"}
    practice_page = other.get(f"/practices/{warrantage.pk}/").content.decode()
    assert "Trainings built on this practice" in practice_page
    assert "Formation réseau" in practice_page and "Formation interne" not in practice_page

    own = client_for(author, **EN)
    assert "Formation interne" in own.get("/trainings/").content.decode()
    assert "Formation interne" in own.get(f"/practices/{warrantage.pk}/").content.decode()
    assert own.get(f"/trainings/{draft.pk}/").status_code == 200


def test_a_training_is_never_seen_more_widely_than_the_practices_it_copies(
    client_for, make_practice, author, colleague, outsider, facilitator, warrantage
):
    internal_practice = steps(
        make_practice(author, title="Pratique interne", visibility="organisation"),
        ("Étape interne", "Ce que seule l'organisation sait"),
    )
    # Its steps would reach the whole network: refused, nothing written.
    with pytest.raises(ServiceError) as refused:
        build(author, [warrantage, internal_practice], visibility="network")
    assert refused.value.field == "visibility"
    assert not Training.objects.exists()
    # For the organisation only, it is built, and stays with the organisation.
    training = published(
        author, [warrantage, internal_practice], facilitator, visibility="organisation"
    )
    text = client_for(colleague, **EN).get(f"/trainings/{training.pk}/").content.decode()
    assert f"/practices/{internal_practice.pk}/" in text and "Étape interne" in text
    assert client_for(outsider, **EN).get(f"/trainings/{training.pk}/").status_code == 404
    assert client_for(outsider, **EN).get("/api/v1/trainings").json() == []


def test_facilitator_guide_is_for_editors_only(
    client_for, author, outsider, facilitator, warrantage
):
    training = published(author, [warrantage], facilitator)
    services.training_update(
        training=training, by=author, fields={"facilitator_guide": "Secret du formateur"}
    )
    assert client_for(outsider).get(f"/trainings/{training.pk}/guide/").status_code == 404
    assert (
        "Secret du formateur"
        not in client_for(outsider).get(f"/trainings/{training.pk}/").content.decode()
    )
    assert (
        client_for(outsider).get(f"/api/v1/trainings/{training.pk}").json()["facilitator_guide"]
        is None
    )
    response = client_for(author).get(f"/trainings/{training.pk}/guide/")
    assert response.status_code == 200 and "Secret du formateur" in response.content.decode()


def test_catalogue_filters_by_theme(client_for, author, facilitator, warrantage):
    from palabre.themes.models import Theme

    published(author, [warrantage], facilitator, title="Formation épargne")
    other = Theme.objects.exclude(slug="epargne-microfinance").filter(parent__isnull=False).first()
    published(author, [warrantage], facilitator, title="Formation autre", themes=[other])
    client = client_for(author, **EN)
    text = client.get("/trainings/?theme=epargne-microfinance").content.decode()
    assert "Formation épargne" in text and "Formation autre" not in text
    theme_page = client.get("/themes/epargne-microfinance/").content.decode()
    assert "Formation épargne" in theme_page


def test_catalogue_query_count(
    client_for, django_assert_max_num_queries, make_practice, author, facilitator, warrantage
):
    for n in range(3):
        published(author, [warrantage], facilitator, title=f"Formation {n}")
    client = client_for(author)
    client.get("/trainings/")
    with django_assert_max_num_queries(11):
        client.get("/trainings/")
    for n in range(3, 12):
        extra = make_practice(author, title=f"Pratique {n}")
        published(author, [warrantage, extra], facilitator, title=f"Formation {n}")
    with django_assert_max_num_queries(11):
        response = client.get("/trainings/")
    assert response.content.decode().count("/trainings/") >= 12


# Handout, materials, API, search ------------------------------------------------------


def test_handout_pdf_contains_the_steps(
    client_for, author, colleague, facilitator, warrantage, tontine
):
    training = published(author, [warrantage, tontine], facilitator)
    response = client_for(colleague).get(f"/trainings/{training.pk}/handout.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for expected in (
        "Stocker et épargner",
        "Savoir lancer un warrantage.",
        "Réunir le groupement",
        "Construire le magasin",
        "Fixer la cotisation",
    ):
        assert expected in text, expected


def test_materials_upload_rules(client_for, author, outsider, facilitator, warrantage):
    training = build(author, [warrantage])
    client = client_for(author, **EN)
    url = f"/trainings/{training.pk}/materials/"
    disguised = client.post(
        url, {"file": SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00" + b"\x00" * 200)}
    )
    assert disguised.status_code == 415
    assert "not accepted" in disguised.content.decode()
    assert not TrainingMaterial.objects.exists()
    ok = client.post(
        url, {"file": SimpleUploadedFile("fiche.pdf", demo_pdf("Fiche")), "caption": "x"}
    )
    assert ok.status_code == 302
    material = TrainingMaterial.objects.get()
    download = f"/trainings/{training.pk}/materials/{material.pk}/"
    assert client.get(download).status_code == 200
    assert client_for(outsider).get(download).status_code == 404  # the training is a draft
    assert (
        client_for(outsider)
        .post(url, {"file": SimpleUploadedFile("f.pdf", demo_pdf("F"))})
        .status_code
        == 404
    )
    services.training_submit(training=training, by=author)
    services.training_publish(training=training, by=facilitator)
    assert client_for(outsider).get(download).status_code == 200


def test_a_photo_material_is_downloadable_once_cleaned_of_its_location(
    client_for, author, warrantage, run_tasks
):
    from PIL import Image

    image, exif = Image.new("RGB", (300, 200), (90, 140, 60)), Image.Exif()
    exif[0x8825] = {1: "N", 2: (4.0, 3.0, 0.0)}
    content = io.BytesIO()
    image.save(content, "JPEG", exif=exif)
    training = build(author, [warrantage])
    client = client_for(author, **EN)
    url = f"/trainings/{training.pk}/materials/"
    response = client.post(url, {"file": SimpleUploadedFile("champ.jpg", content.getvalue())})
    assert response.status_code == 302
    material = TrainingMaterial.objects.get()
    assert "photo being prepared" in client.get(url).content.decode()
    assert client.get(f"{url}{material.pk}/").status_code == 404
    run_tasks()
    download = client.get(f"{url}{material.pk}/")
    assert download.status_code == 200
    with Image.open(io.BytesIO(b"".join(download.streaming_content))) as stored:
        assert not stored.getexif().get_ifd(0x8825)


def test_api_create_and_errors(client_for, make_practice, author, outsider, warrantage):
    hidden = make_practice(outsider, title="Caché", visibility="organisation")
    client = client_for(author, **EN)
    body = {
        "organisation": "adb",
        "title": "Stocker",
        "objectives": "Savoir faire",
        "practices": [warrantage.pk],
    }
    created = client.post("/api/v1/trainings", body, content_type="application/json")
    assert created.status_code == 201, created.content
    assert "Réunir le groupement" in created.json()["content"]
    refused = client.post(
        "/api/v1/trainings", {**body, "practices": [hidden.pk]}, content_type="application/json"
    )
    assert refused.status_code == 404 and "published practices" in refused.json()["detail"]
    other_org = client.post(
        "/api/v1/trainings", {**body, "organisation": "ate"}, content_type="application/json"
    )
    assert other_org.status_code == 403
    anonymous = client_for(None).post("/api/v1/trainings", body, content_type="application/json")
    assert anonymous.status_code == 401
    assert Training.objects.count() == 1


def test_published_trainings_are_found_by_search(
    client_for, author, outsider, facilitator, warrantage
):
    published(author, [warrantage], facilitator, title="Apprendre la cotisation villageoise")
    published(
        author,
        [warrantage],
        facilitator,
        title="Cotisation interne",
        visibility="organisation",
    )
    build(author, [warrantage], title="Cotisation en brouillon")
    text = client_for(outsider, **EN).get("/search/?q=cotisation").content.decode()
    assert "Apprendre la cotisation villageoise" in text
    assert "Cotisation interne" not in text and "Cotisation en brouillon" not in text
    text = client_for(author, **EN).get("/search/?q=cotisation").content.decode()
    assert "Cotisation interne" in text


def test_openapi_describes_the_training_routes(client, db):
    document = client.get("/api/v1/openapi.json").json()
    paths = document["paths"]
    assert {"get", "post"} <= set(paths["/api/v1/trainings"])
    assert "get" in paths["/api/v1/trainings/{training_id}"]
    assert {"TrainingOut", "TrainingDetailOut", "TrainingCreate"} <= set(
        document["components"]["schemas"]
    )


def test_bad_input_on_the_form_is_a_400_and_nothing_written(client_for, author, warrantage):
    response = client_for(author).post(
        "/trainings/new/",
        {"title": "", "objectives": "", "duration_minutes": "x", "practices": [str(warrantage.pk)]},
    )
    assert response.status_code == 400
    assert not Training.objects.exists()


def test_the_edit_page_saves_content_and_practices(client_for, author, warrantage, tontine):
    training = build(author, [warrantage])
    client = client_for(author, **EN)
    page = client.get(f"/trainings/{training.pk}/edit/")
    assert page.status_code == 200 and "Facilitator&#x27;s guide" in page.content.decode()
    response = client.post(
        f"/trainings/{training.pk}/edit/",
        {
            "title": "Stocker mieux",
            "objectives": "Savoir faire",
            "duration_minutes": "60",
            "language": "fr",
            "visibility": "network",
            "organisation": str(training.organisation_id),
            "practices": [str(tontine.pk), str(warrantage.pk)],
            "trainers": [str(author.pk)],
            "content": "## Plan\n\n1. Accueil",
            "checklist": "Un\nDeux",
            "handout": "",
            "facilitator_guide": "Arriver tôt",
        },
    )
    assert response.status_code == 302
    training.refresh_from_db()
    assert training.title == "Stocker mieux" and training.checklist_items() == ["Un", "Deux"]
    assert list(
        TrainingPractice.objects.filter(training=training)
        .order_by("position")
        .values_list("practice_id", flat=True)
    ) == [tontine.pk, warrantage.pk]
    page = client.get(f"/trainings/{training.pk}/").content.decode()
    assert "<h4>Plan</h4>" in page and "Arriver tôt" not in page
