"""The API: adoptions, feedback, indicators and measurements, with the same services and rules."""

import pytest

from palabre.adoptions.models import Adoption, FeedbackReport, Indicator, Measurement


@pytest.fixture
def api(client, bearer):
    def call(method, url, user=None, data=None):
        headers = bearer(user) if user is not None else {}
        kwargs = {"content_type": "application/json"} if data is not None else {}
        return getattr(client, method)(f"/api/v1{url}", data, **kwargs, **headers)

    return call


def test_openapi_document_describes_the_routes(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path, method in [
        ("/api/v1/adoptions", "get"),
        ("/api/v1/adoptions", "post"),
        ("/api/v1/adoptions/{adoption_id}", "patch"),
        ("/api/v1/adoptions/{adoption_id}/feedback", "post"),
        ("/api/v1/adoptions/practices/{practice_id}/outcomes", "get"),
        ("/api/v1/feedback", "get"),
        ("/api/v1/feedback/{report_id}/answer", "post"),
        ("/api/v1/indicators", "post"),
        ("/api/v1/indicators/{indicator_id}", "patch"),
        ("/api/v1/indicators/{indicator_id}/measurements", "post"),
        ("/api/v1/measurements", "get"),
        ("/api/v1/measurements/{measurement_id}", "delete"),
    ]:
        assert method in paths[path], (path, method)


def test_a_whole_adoption_through_the_api(api, practice, outsider, author, today):
    created = api(
        "post",
        "/adoptions",
        outsider,
        {
            "practice": practice.pk,
            "organisation": "ate",
            "team": "Équipe de Moundou",
            "started_on": today.isoformat(),
            "status": "in_progress",
        },
    )
    assert created.status_code == 201, created.content
    adoption = created.json()
    assert adoption["organisation"]["slug"] == "ate" and adoption["version_adopted"] == 1
    report = api(
        "post",
        f"/adoptions/{adoption['id']}/feedback",
        outsider,
        {
            "effectiveness": 5,
            "would_recommend": True,
            "results": "Très bien",
            "status": "completed",
        },
    )
    assert report.status_code == 201, report.content
    assert report.json()["status_at_report"] == "completed"
    assert api("get", f"/adoptions/{adoption['id']}", outsider).json()["status"] == "completed"
    answered = api(
        "post",
        f"/feedback/{report.json()['id']}/answer",
        author,
        {"answer": "Merci !", "addressed_in_version": 1},
    )
    assert answered.status_code == 200 and answered.json()["addressed_in_version"] == 1
    outcomes = api("get", f"/adoptions/practices/{practice.pk}/outcomes", outsider).json()
    assert outcomes["maturity"] == "promising" and outcomes["reports"] == 1
    assert outcomes["by_status"]["completed"] == 1


def test_indicator_and_measurements_through_the_api(api, outsider, org_b, today):
    created = api(
        "post",
        "/indicators",
        outsider,
        {
            "organisation": "ate",
            "name": "Forages réparés",
            "unit": "forages",
            "value_type": "integer",
            "baseline_value": 2,
            "baseline_date": "2025-01-01",
            "target_value": "10",
            "target_date": "2027-01-01",
        },
    )
    assert created.status_code == 201, created.content
    indicator = created.json()
    url = f"/indicators/{indicator['id']}/measurements"
    measured = api("post", url, outsider, {"measured_on": today.isoformat(), "value": 6})
    assert measured.status_code == 201 and measured.json()["value"] == 6
    assert Measurement.objects.get().via == "api"
    again = api("get", f"/indicators/{indicator['id']}", outsider).json()
    assert again["latest_value"] == 6 and again["progress"] == 50.0
    fixed = api("patch", f"/measurements/{measured.json()['id']}", outsider, {"value": "7 forages"})
    assert fixed.status_code == 200 and fixed.json()["value"] == 7
    assert api("delete", f"/measurements/{measured.json()['id']}", outsider).status_code == 204
    assert not Measurement.objects.exists()


@pytest.mark.parametrize(
    ("payload", "status", "message"),
    [
        ({"value": "12 kg"}, 400, "Cet indicateur se mesure en %, pas en « kg »."),
        ({"value": 150}, 400, "Un pourcentage est compris entre 0 et 100, pas 150."),
        ({"measured_on": "2024-12-01"}, 400, "d'avant la référence"),
        ({"measured_on": "2999-12-01"}, 400, "dans le futur"),
    ],
)
def test_bad_measurements_are_4xx_with_a_clear_message(
    api, outsider, indicator, today, payload, status, message
):
    data = {"measured_on": today.isoformat(), "value": 50, **payload}
    response = api("post", f"/indicators/{indicator.pk}/measurements", outsider, data)
    assert response.status_code == status
    assert message in response.json()["detail"]
    assert not Measurement.objects.exists()


def test_feedback_on_another_organisations_adoption_is_403_with_a_message(
    api, practice, author, outsider, org_b, adopt
):
    adoption = adopt(practice, org_b, by=outsider)
    response = api(
        "post",
        f"/adoptions/{adoption.pk}/feedback",
        author,
        {"effectiveness": 5, "would_recommend": True, "results": "Bien"},
    )
    assert response.status_code == 403
    assert "Seuls les membres de ATE" in response.json()["detail"]
    response = api(
        "post",
        f"/adoptions/{adoption.pk}/feedback",
        outsider,
        {"effectiveness": 9, "would_recommend": True, "results": "Bien"},
    )
    assert response.status_code == 400
    assert "L'efficacité se note de 1 à 5, pas 9." in response.json()["detail"]
    assert not FeedbackReport.objects.exists()


def test_writing_needs_a_token_and_ones_own_organisation(api, practice, author, org_b, today):
    data = {"practice": practice.pk, "organisation": "ate", "started_on": today.isoformat()}
    assert api("post", "/adoptions", None, data).status_code == 401
    response = api("post", "/adoptions", author, data)
    assert response.status_code == 403
    assert "que pour vos propres organisations" in response.json()["detail"]
    response = api(
        "post",
        "/indicators",
        author,
        {
            "organisation": "ate",
            "name": "X",
            "unit": "x",
            "baseline_value": 1,
            "baseline_date": "2025-01-01",
            "target_value": 2,
            "target_date": "2026-01-01",
        },
    )
    assert response.status_code == 403
    assert not Adoption.objects.exists() and not Indicator.objects.exists()


def test_lists_are_paginated_and_filtered(api, practice, outsider, org_b, org_c, adopt):
    for _ in range(3):
        adopt(practice, org_b)
    adopt(practice, org_c)
    page = api("get", "/adoptions?organisation=ate&limit=2", outsider).json()
    assert page["meta"]["count"] == 3 and len(page["results"]) == 2
