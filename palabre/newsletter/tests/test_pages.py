"""The newsletter's pages: composing without JavaScript (positions, up/down, remove, own
text), previews, the archive as each reader sees it, organisation issues, the choice on
the e-mail settings page, the API, and the number of queries of the archive pages."""

from __future__ import annotations

import html
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from palabre.newsletter import delivery, services
from palabre.newsletter.models import Issue, Item, Subscription

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return html.unescape(response.content.decode())


def _order(issue) -> list[int]:
    return list(issue.items.order_by("position", "pk").values_list("pk", flat=True))


def _form(issue, **more):
    data = {"title": issue.title, "introduction": issue.introduction, "text": ""}
    data.update(more)
    return data


def test_a_facilitator_starts_an_issue_from_the_periods_activity(scene, facilitator, client_for):
    client = client_for(facilitator)
    today = timezone.localdate()
    answer = client.post(
        "/newsletter/new/",
        {
            "title": "Lettre de décembre",
            "organisation": "",
            "period_start": (today - timedelta(days=7)).isoformat(),
            "period_end": today.isoformat(),
        },
    )
    issue = Issue.objects.get()
    assert answer.status_code == 302 and answer["Location"] == f"/newsletter/{issue.pk}/edit/"
    found = {(i.kind, i.object_id) for i in issue.items.all()}
    for practice in (scene.a_only, scene.b_only, scene.network, scene.public):
        assert ("practice", practice.pk) in found
    assert ("workshop", scene.workshop_a.pk) in found
    assert ("announcement", scene.announcement_all.pk) in found
    page = _text(client.get(answer["Location"]))
    assert "Secret de Moundou" in page and "Semaine du partage" in page


def test_a_bad_period_keeps_what_was_typed(facilitator, client_for):
    answer = client_for(facilitator).post(
        "/newsletter/new/",
        {"title": "Ma lettre", "period_start": "2026-12-01", "period_end": "2026-11-01"},
    )
    assert answer.status_code == 400
    page = _text(answer)
    assert "La fin de la période est avant son début." in page
    assert 'value="Ma lettre"' in page
    assert not Issue.objects.exists()


def test_members_cannot_compose(author, client_for):
    client = client_for(author)
    assert client.get("/newsletter/new/").status_code == 404
    assert client.post("/newsletter/new/", {"title": "x"}).status_code == 404
    assert "/newsletter/new/" not in _text(client.get("/newsletter/"))


def test_composing_without_javascript(draft, facilitator, client_for):
    client = client_for(facilitator)
    url = f"/newsletter/{draft.pk}/edit/"
    first, second, third = _order(draft)[:3]
    # Down and up buttons.
    assert client.post(url, _form(draft, op=f"down:{first}")).status_code == 302
    assert _order(draft)[:3] == [second, first, third]
    client.post(url, _form(draft, op=f"up:{first}"))
    assert _order(draft)[:3] == [first, second, third]
    # Position numbers.
    positions = {f"position_{pk}": n for n, pk in enumerate(_order(draft), start=1)}
    positions[f"position_{third}"] = 1
    client.post(url, _form(draft, op="save", **positions))
    assert _order(draft)[:3] == [third, first, second]
    # Remove, and add one's own text, saving the title typed at the same time.
    client.post(url, _form(draft, op=f"remove:{first}"))
    assert first not in _order(draft)
    client.post(
        url, _form(draft, title="Lettre de fin d'année", op="add_text", text="Bonne **année**")
    )
    draft.refresh_from_db()
    assert draft.title == "Lettre de fin d'année"
    last = draft.items.order_by("position").last()
    assert last.kind == Item.Kind.TEXT and last.text == "Bonne **année**"
    page = _text(client.get(draft.get_absolute_url()))
    assert "Bonne <strong>année</strong>" in page


def test_a_refused_change_keeps_the_form(draft, facilitator, client_for):
    answer = client_for(facilitator).post(
        f"/newsletter/{draft.pk}/edit/", _form(draft, title="  ", introduction="Mon intro")
    )
    assert answer.status_code == 400
    assert "Mon intro" in _text(answer)
    draft.refresh_from_db()
    assert draft.introduction == ""


def test_previews_as_email_and_web_page(draft, scene, facilitator, client_for):
    client = client_for(facilitator)
    text = _text(client.get(f"/newsletter/{draft.pk}/preview/"))
    assert "Lettre d'information de Palabre : Lettre de décembre" in text
    assert "Nouvelle pratique : Secret de Moundou" in text
    raw = client.get(f"/newsletter/{draft.pk}/preview/?format=html")
    assert raw["Content-Security-Policy"].startswith("default-src 'none'")
    assert "script-src" not in raw["Content-Security-Policy"]
    assert "Secret de Moundou" in _text(raw)
    web = _text(client.get(draft.get_absolute_url()))
    assert "brouillon" in web and "Secret de Moundou" in web


def test_drafts_are_seen_only_by_those_who_compose_them(draft, author, outsider, client_for):
    for person in (author, outsider):
        client = client_for(person)
        for path in ("", "edit/", "preview/", "send/"):
            assert client.get(f"/newsletter/{draft.pk}/{path}").status_code == 404
        assert client.post(f"/newsletter/{draft.pk}/send/").status_code == 404
        assert "Lettre de décembre" not in _text(client.get("/newsletter/"))
    assert not mail.outbox


def test_anonymous_visitors_are_asked_to_log_in(draft, facilitator, send, client):
    send(draft, facilitator)
    for path in ("/newsletter/", f"/newsletter/{draft.pk}/"):
        answer = client.get(path)
        assert answer.status_code == 302 and answer["Location"].startswith("/login/")


def test_an_org_admin_sends_to_their_members_only(
    scene, org_admin, author, colleague, outsider, facilitator, org_a, send, client_for
):
    today = timezone.localdate()
    issue = services.issue_create(
        by=org_admin,
        title="Nouvelles de l'ADB",
        organisation=org_a,
        period_start=today - timedelta(days=7),
        period_end=today,
    )
    send(issue, org_admin)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        p.email for p in (org_admin, author, colleague)
    )
    assert "Secret de Bafut" in mail.outbox[0].body
    assert "Nouvelles de l'ADB" not in _text(client_for(outsider).get("/newsletter/"))
    assert client_for(outsider).get(issue.get_absolute_url()).status_code == 404
    assert "Nouvelles de l'ADB" in _text(client_for(author).get("/newsletter/"))
    # Facilitators see everything shared, and read it too.
    assert client_for(facilitator).get(issue.get_absolute_url()).status_code == 200


def test_an_org_admin_cannot_compose_for_another_organisation(org_admin, org_b, client_for):
    today = timezone.localdate().isoformat()
    answer = client_for(org_admin).post(
        "/newsletter/new/",
        {"title": "x", "organisation": org_b.pk, "period_start": today, "period_end": today},
    )
    assert answer.status_code == 400 and not Issue.objects.exists()


def test_the_choice_is_on_the_email_settings_page(author, client_for):
    client = client_for(author)
    page = _text(client.get("/notifications/settings/"))
    assert "La lettre d'information" in page and 'action="/newsletter/choice/"' in page
    answer = client.post("/newsletter/choice/", {"choice": "monthly"})
    assert answer.status_code == 302
    assert delivery.choice_of(author) == Subscription.Choice.MONTHLY
    assert client.post("/newsletter/choice/", {"choice": "weekly"}).status_code == 400
    assert delivery.choice_of(author) == Subscription.Choice.MONTHLY


def test_archive_pages_ask_a_fixed_number_of_queries(
    draft, scene, facilitator, outsider, send, client_for, django_assert_max_num_queries
):
    send(draft, facilitator)
    for n in range(3):
        other = services.issue_create(
            by=facilitator,
            title=f"Numéro {n}",
            period_start=timezone.localdate() - timedelta(days=30),
            period_end=timezone.localdate(),
        )
        send(other, facilitator)
    client = client_for(outsider)
    client.get("/newsletter/")  # the session and the menu, once
    with django_assert_max_num_queries(8):
        page = client.get("/newsletter/")
    assert _text(page).count("/newsletter/") >= 4
    with django_assert_max_num_queries(14):
        page = client.get(draft.get_absolute_url())
    assert "Secret de Moundou" in _text(page)


def test_api_reads_the_archive_per_reader(
    draft, scene, facilitator, author, outsider, send, client_for
):
    send(draft, facilitator)
    listing = client_for(outsider).get("/api/v1/newsletter/issues").json()
    assert listing["meta"]["count"] == 1 and listing["results"][0]["id"] == draft.pk
    one = client_for(outsider).get(f"/api/v1/newsletter/issues/{draft.pk}").json()
    titles = [item["title"] for item in one["items"]]
    assert "Secret de Moundou" in titles and "Secret de Bafut" not in titles
    mine = client_for(author).get(f"/api/v1/newsletter/issues/{draft.pk}").json()
    assert "Secret de Bafut" in [item["title"] for item in mine["items"]]
    assert client_for(None).get("/api/v1/newsletter/issues").json()["meta"]["count"] == 0
    assert client_for(None).get(f"/api/v1/newsletter/issues/{draft.pk}").status_code == 404


def test_the_api_is_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/newsletter/issues" in paths
    assert "/api/v1/newsletter/issues/{issue_id}" in paths
