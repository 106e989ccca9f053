"""Recording adoptions and reporting on them, through the pages, as a team in the field does."""

from datetime import timedelta

import pytest

from palabre.adoptions.models import Adoption, FeedbackReport
from palabre.audit.models import AuditEvent
from palabre.notifications.models import Notification

from .helpers import text


def test_an_organisation_records_an_adoption_and_the_authors_are_told(
    client_for, practice, outsider, author, org_b, today
):
    client = client_for(outsider)
    page = client.get(f"/adoptions/new/?practice={practice.pk}")
    assert page.status_code == 200
    assert "Nous la mettons en pratique" in text(page)
    response = client.post(
        f"/adoptions/new/?practice={practice.pk}",
        {
            "organisation": org_b.pk,
            "team": "Équipe de Moundou",
            "started_on": (today - timedelta(days=3)).isoformat(),
            "status": "in_progress",
            "context": "Trois villages au bord du Logone",
            "adaptations": "Magasin en banco",
            "country": "",
            "region": "",
        },
    )
    adoption = Adoption.objects.get()
    assert response.status_code == 302 and response["Location"] == adoption.get_absolute_url()
    assert adoption.organisation == org_b and adoption.contact == outsider
    assert adoption.country == "TD" and adoption.region == "Logone Occidental"
    assert adoption.revision == practice.revisions.get()
    notification = Notification.objects.get(recipient=author, kind="adoption.created")
    assert "ATE" in notification.title and practice.title in notification.title
    assert AuditEvent.objects.filter(action="adoption.created").exists()
    detail = text(client.get(adoption.get_absolute_url()))
    assert "Équipe de Moundou" in detail and "Magasin en banco" in detail


def test_adoption_form_errors_answer_400_with_a_clear_message(
    client_for, practice, outsider, org_b, today
):
    client = client_for(outsider)
    url = f"/adoptions/new/?practice={practice.pk}"
    base = {"organisation": org_b.pk, "status": "abandoned"}
    response = client.post(url, {**base, "started_on": (today - timedelta(days=9)).isoformat()})
    assert response.status_code == 400
    assert "Dites pourquoi elle a été abandonnée" in text(response)
    response = client.post(
        url,
        {"organisation": org_b.pk, "status": "in_progress", "started_on": "2999-01-01"},
    )
    assert response.status_code == 400
    assert "ne peut pas avoir une date de début dans le futur" in text(response)
    assert not Adoption.objects.exists()


def test_a_person_cannot_record_an_adoption_for_another_organisation(
    client_for, practice, outsider, org_a, today
):
    response = client_for(outsider).post(
        f"/adoptions/new/?practice={practice.pk}",
        {"organisation": org_a.pk, "status": "planned", "started_on": today.isoformat()},
    )
    assert response.status_code == 400  # not one of the choices offered
    assert not Adoption.objects.exists()


def test_only_published_practices_one_can_read_are_adopted(
    client_for, make_practice, author, outsider
):
    draft = make_practice(author, status="draft")
    private = make_practice(author, visibility="organisation")
    client = client_for(outsider)
    assert client.get(f"/adoptions/new/?practice={draft.pk}").status_code == 404
    assert client.get(f"/adoptions/new/?practice={private.pk}").status_code == 404


def test_the_team_reports_and_the_authors_are_told(
    client_for, practice, outsider, author, org_b, adopt
):
    adoption = adopt(practice, org_b, by=outsider)
    response = client_for(outsider).post(
        f"/adoptions/{adoption.pk}/feedback/new/?milestone=3",
        {
            "reported_on": adoption.started_on.isoformat(),
            "status": "completed",
            "effectiveness": "4",
            "results": "Prix de vente 30 % plus élevé",
            "difficulties": "Transport coûteux",
            "suggestions": "Ajouter un modèle de registre",
            "would_recommend": "yes",
            "visibility": "network",
        },
    )
    assert response.status_code == 302
    report = FeedbackReport.objects.get()
    assert (report.effectiveness, report.would_recommend, report.milestone_months) == (4, True, 3)
    adoption.refresh_from_db()
    assert adoption.status == "completed" and adoption.ended_on == report.reported_on
    assert Notification.objects.filter(recipient=author, kind="adoption.feedback").exists()
    practice.refresh_from_db()
    assert practice.maturity == "promising"


def test_an_abandoned_adoption_asks_why(client_for, practice, outsider, org_b, adopt, today):
    adoption = adopt(practice, org_b, by=outsider)
    data = {
        "reported_on": today.isoformat(),
        "status": "abandoned",
        "effectiveness": "2",
        "difficulties": "Personne n'est venu",
        "would_recommend": "no",
        "visibility": "network",
    }
    url = f"/adoptions/{adoption.pk}/feedback/new/"
    response = client_for(outsider).post(url, data)
    assert response.status_code == 400
    assert "Dites pourquoi elle a été abandonnée" in text(response)
    assert not FeedbackReport.objects.exists()
    assert Adoption.objects.get().status == "in_progress"  # nothing half-written
    response = client_for(outsider).post(url, {**data, "abandon_reason": "Pas de magasin"})
    assert response.status_code == 302
    adoption.refresh_from_db()
    assert adoption.status == "abandoned" and adoption.abandon_reason == "Pas de magasin"
    page = text(client_for(outsider).get(adoption.get_absolute_url()))
    assert "Pourquoi elle a été abandonnée" in page and "Pas de magasin" in page


def test_feedback_on_another_organisations_adoption_is_refused_clearly(
    client_for, practice, author, outsider, org_b, adopt, today
):
    adoption = adopt(practice, org_b, by=outsider)
    client = client_for(author)  # can read the adoption (author of the practice), not report
    assert client.get(adoption.get_absolute_url()).status_code == 200
    response = client.post(
        f"/adoptions/{adoption.pk}/feedback/new/",
        {
            "reported_on": today.isoformat(),
            "status": "in_progress",
            "effectiveness": "5",
            "results": "Super",
            "would_recommend": "yes",
            "visibility": "network",
        },
    )
    assert response.status_code == 403
    assert "Seuls les membres de ATE peuvent rendre compte" in text(response)
    assert not FeedbackReport.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"reported_on": "2999-01-01"}, "ne peut pas être daté dans le futur"),
        ({"reported_on": "2000-01-01"}, "avant le début de l'adoption"),
        ({"effectiveness": "7"}, "Sélectionnez un choix valide"),
        ({"results": "", "difficulties": ""}, "Dites en quelques mots ce qui s'est passé"),
    ],
)
def test_bad_feedback_is_refused_with_a_clear_message(
    client_for, practice, outsider, org_b, adopt, today, changes, message
):
    adoption = adopt(practice, org_b, by=outsider, started=today - timedelta(days=30))
    data = {
        "reported_on": today.isoformat(),
        "status": "in_progress",
        "effectiveness": "3",
        "results": "Résultats",
        "would_recommend": "yes",
        "visibility": "network",
        **changes,
    }
    response = client_for(outsider).post(f"/adoptions/{adoption.pk}/feedback/new/", data)
    assert response.status_code == 400
    assert message in text(response)
    assert not FeedbackReport.objects.exists()


def test_completing_an_adoption_leads_to_the_final_report(
    client_for, practice, outsider, org_b, adopt
):
    adoption = adopt(practice, org_b, by=outsider)
    response = client_for(outsider).post(
        f"/adoptions/{adoption.pk}/edit/",
        {
            "team": "Équipe",
            "started_on": adoption.started_on.isoformat(),
            "status": "completed",
            "context": "",
            "adaptations": "",
            "abandon_reason": "",
            "country": "TD",
            "region": "Logone",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"/adoptions/{adoption.pk}/feedback/new/"
    adoption.refresh_from_db()
    assert adoption.status == "completed" and adoption.ended_on is not None


def test_an_adoption_with_feedback_cannot_be_removed(
    client_for, practice, outsider_admin, outsider, org_b, adopt, report
):
    adoption = adopt(practice, org_b, by=outsider)
    report(adoption, 3, by=outsider)
    response = client_for(outsider_admin).post(f"/adoptions/{adoption.pk}/delete/")
    assert response.status_code == 409
    assert "marquez-la comme abandonnée" in text(response)
    assert Adoption.objects.filter(pk=adoption.pk).exists()


def test_an_adoption_recorded_by_mistake_is_removed(client_for, practice, outsider, org_b, adopt):
    adoption = adopt(practice, org_b, by=outsider)
    response = client_for(outsider).post(f"/adoptions/{adoption.pk}/delete/")
    assert response.status_code == 302
    assert not Adoption.objects.exists()
    assert AuditEvent.objects.filter(action="adoption.deleted").exists()


def test_authors_answer_feedback_and_the_team_is_told(
    client_for, practice, author, outsider, org_b, adopt, report
):
    adoption = adopt(practice, org_b, by=outsider)
    feedback = report(adoption, 3, by=outsider, suggestions="Un registre simple")
    client = client_for(author)
    assert client.get(f"/adoptions/feedback/{feedback.pk}/answer/").status_code == 200
    response = client.post(
        f"/adoptions/feedback/{feedback.pk}/answer/",
        {"answer": "Merci, nous ajoutons un modèle de registre."},
    )
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.answer.startswith("Merci") and feedback.answered_by == author
    assert Notification.objects.filter(
        recipient=outsider, kind="adoption.feedback_answered"
    ).exists()
    page = text(client_for(outsider).get(adoption.get_absolute_url()))
    assert "Merci, nous ajoutons un modèle de registre." in page
    # The team cannot answer in the authors' place.
    assert client_for(outsider).get(f"/adoptions/feedback/{feedback.pk}/answer/").status_code == 404


def test_the_list_of_adoptions_filters_and_answers_htmx_with_the_results_only(
    client_for, practice, outsider, org_b, org_c, adopt
):
    adopt(practice, org_b, team="Équipe tchadienne", status="completed")
    adopt(practice, org_c, team="Équipe congolaise")
    client = client_for(outsider)
    page = text(client.get("/adoptions/?status=completed"))
    assert "ATE" in page and "JSB" not in page
    page = text(client.get("/adoptions/?organisation=jsb"))
    assert "Adoptions de JSB" in page and "Équipe congolaise" in page
    fragment = text(client.get("/adoptions/", HTTP_HX_REQUEST="true"))
    assert fragment.lstrip().startswith('<div id="results">') and "<html" not in fragment
