"""The API: workshops, sessions, registrations, restitutions and actions, in the OpenAPI document."""

from datetime import timedelta

from django.utils import timezone

from palabre.workshops.models import CollectiveAction, Registration, Restitution, Session


def test_openapi_document_describes_the_workshop_routes(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path, method in (
        ("/api/v1/workshops", "get"),
        ("/api/v1/workshops", "post"),
        ("/api/v1/workshops/{workshop_id}", "patch"),
        ("/api/v1/workshops/{workshop_id}/publish", "post"),
        ("/api/v1/workshops/{workshop_id}/sessions", "post"),
        ("/api/v1/workshops/{workshop_id}/sessions/{session_id}", "patch"),
        ("/api/v1/workshops/{workshop_id}/registrations", "get"),
        ("/api/v1/workshops/{workshop_id}/registrations", "post"),
        ("/api/v1/workshops/{workshop_id}/registrations/{registration_id}", "delete"),
        ("/api/v1/workshops/{workshop_id}/restitutions", "get"),
        ("/api/v1/workshops/{workshop_id}/sessions/{session_id}/restitution", "put"),
        ("/api/v1/workshops/{workshop_id}/actions", "post"),
        ("/api/v1/workshops/{workshop_id}/actions/{action_id}", "patch"),
        ("/api/v1/workshops/{workshop_id}/evaluation", "post"),
        ("/api/v1/facilitation-tools", "get"),
    ):
        assert method in paths.get(path, {}), (path, method)


def test_a_whole_workshop_through_the_api(client, bearer, facilitator, author, colleague, org_a):
    as_facilitator, as_author = bearer(facilitator), bearer(author)
    start = timezone.localdate() + timedelta(days=20)
    created = client.post(
        "/api/v1/workshops",
        {
            "title": "Atelier par l'API",
            "objectives": "Tester",
            "start_date": start.isoformat(),
            "end_date": (start + timedelta(days=1)).isoformat(),
            "venue": "Salle Wouri",
            "organisers": [org_a.slug],
            "capacity": 10,
            "languages": ["fr", "en"],
        },
        content_type="application/json",
        **as_facilitator,
    )
    assert created.status_code == 201, created.content
    workshop = created.json()
    assert workshop["status"] == "draft" and workshop["languages"] == ["fr", "en"]
    pk = workshop["id"]
    assert client.post(f"/api/v1/workshops/{pk}/publish", **as_facilitator).status_code == 200

    session = client.post(
        f"/api/v1/workshops/{pk}/sessions",
        {"kind": "group_work", "title": "Carrefour", "starts_at": f"{start}T14:00:00", "ends_at": f"{start}T16:00:00", "tool": "world-cafe"},
        content_type="application/json",
        **as_facilitator,
    )  # fmt: skip
    assert session.status_code == 201, session.content
    assert session.json()["starts_at"].startswith(f"{start}T14:00:00+01:00")
    session_id = session.json()["id"]

    registered = client.post(
        f"/api/v1/workshops/{pk}/registrations", {"role": "participant"},
        content_type="application/json", **as_author,
    )  # fmt: skip
    assert registered.status_code == 201 and registered.json()["status"] == "confirmed"
    named = client.post(
        f"/api/v1/workshops/{pk}/registrations",
        {"person": colleague.pk, "role": "rapporteur"},
        content_type="application/json",
        **as_facilitator,
    )
    assert named.status_code == 201
    patched = client.patch(
        f"/api/v1/workshops/{pk}/sessions/{session_id}",
        {"rapporteur": colleague.pk, "members": [author.pk, colleague.pk]},
        content_type="application/json",
        **as_facilitator,
    )
    assert patched.status_code == 200, patched.content
    assert {m["id"] for m in patched.json()["members"]} == {author.pk, colleague.pk}

    refused = client.put(
        f"/api/v1/workshops/{pk}/sessions/{session_id}/restitution",
        {"key_learnings": "x"},
        content_type="application/json",
        **as_author,
    )
    assert refused.status_code == 403 and "rapporteur" in refused.json()["detail"]
    written = client.put(
        f"/api/v1/workshops/{pk}/sessions/{session_id}/restitution",
        {"key_learnings": "Épargner d'abord", "final": True},
        content_type="application/json",
        **bearer(colleague),
    )
    assert written.status_code == 200 and written.json()["status"] == "final"
    stale = client.put(
        f"/api/v1/workshops/{pk}/sessions/{session_id}/restitution",
        {"key_learnings": "Vieux", "version": 1},
        content_type="application/json",
        **bearer(colleague),
    )
    assert stale.status_code == 409
    assert Restitution.objects.get().key_learnings == "Épargner d'abord"

    action = client.post(
        f"/api/v1/workshops/{pk}/actions",
        {"title": "Visite d'échange", "owner_person": author.pk, "due_date": (start + timedelta(days=60)).isoformat()},
        content_type="application/json",
        **as_facilitator,
    )  # fmt: skip
    assert action.status_code == 201, action.content
    progress = client.patch(
        f"/api/v1/workshops/{pk}/actions/{action.json()['id']}",
        {"status": "in_progress", "note": "Bus réservé"},
        content_type="application/json",
        **as_author,
    )
    assert progress.status_code == 200 and progress.json()["notes"] == ["Bus réservé"]
    assert CollectiveAction.objects.get().status == "in_progress"

    participants = client.get(f"/api/v1/workshops/{pk}/registrations", **as_author).json()
    assert {p["person"]["id"] for p in participants} == {author.pk, colleague.pk}
    mine = next(p for p in participants if p["person"]["id"] == author.pk)
    other = next(p for p in participants if p["person"]["id"] == colleague.pk)
    assert mine["status"] == "confirmed" and other["status"] is None

    registration = Registration.objects.get(person=author)
    cancelled = client.delete(
        f"/api/v1/workshops/{pk}/registrations/{registration.pk}", **as_author
    )
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"


def test_api_refusals_are_clear_4xx(client, bearer, author, facilitator, make_workshop, register):
    workshop = make_workshop(capacity=1, waiting_list_size=0)
    register(workshop, facilitator)
    full = client.post(
        f"/api/v1/workshops/{workshop.pk}/registrations", {}, content_type="application/json",
        **bearer(author),
    )  # fmt: skip
    assert full.status_code == 409 and "complet" in full.json()["detail"]
    outside = client.post(
        f"/api/v1/workshops/{workshop.pk}/sessions",
        {"title": "Trop tard", "starts_at": f"{workshop.end_date + timedelta(days=3)}T09:00:00", "ends_at": f"{workshop.end_date + timedelta(days=3)}T10:00:00"},
        content_type="application/json",
        **bearer(facilitator),
    )  # fmt: skip
    assert outside.status_code == 400 and "dates" in outside.json()["detail"]
    assert not Session.objects.exists()
    anonymous = client.post(
        f"/api/v1/workshops/{workshop.pk}/registrations", {}, content_type="application/json"
    )
    assert anonymous.status_code in (401, 404)
    assert client.post(
        "/api/v1/workshops", {}, content_type="application/json", **bearer(author)
    ).status_code in (400, 422)


def test_evaluation_twice_through_the_api_is_a_409(client, bearer, author, make_workshop, register):
    workshop = make_workshop(start_in=-1)
    register(workshop, author)
    url = f"/api/v1/workshops/{workshop.pk}/evaluation"
    first = client.post(url, {"overall": 4}, content_type="application/json", **bearer(author))
    assert first.status_code == 201
    second = client.post(url, {"overall": 5}, content_type="application/json", **bearer(author))
    assert second.status_code == 409 and "déjà évalué" in second.json()["detail"]


def test_online_link_is_for_registered_people(
    client, bearer, author, colleague, make_workshop, register
):
    workshop = make_workshop(online_url="https://meet.example.org/palabre")
    register(workshop, author)
    url = f"/api/v1/workshops/{workshop.pk}"
    assert (
        client.get(url, **bearer(author)).json()["online_url"] == "https://meet.example.org/palabre"
    )
    assert client.get(url, **bearer(colleague)).json()["online_url"] == ""


def test_toolbox_in_the_api(client, bearer, author):
    tools = client.get("/api/v1/facilitation-tools?q=swot", **bearer(author)).json()
    assert [t["slug"] for t in tools] == ["swot"] and tools[0]["name_en"] == "SWOT analysis"
