"""Publishing, editing, ending early, campaigns and their reach — and bad input refused
with a clear message, nothing written."""

from __future__ import annotations

import html
from datetime import timedelta

from django.utils import timezone

from palabre.announcements.models import Announcement, Campaign, Mark
from palabre.audit.models import AuditEvent


def _when(days):
    return (timezone.localtime() + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")


def _form(**changes):
    data = {
        "title": "Pourquoi partager ?",
        "body": "Une leçon apprise aide les autres.",
        "url": "https://palabre.example/practices/new/",
        "starts_at": _when(-1),
        "ends_at": _when(7),
        "audience": "everyone",
    }
    data.update(changes)
    return data


def test_a_facilitator_publishes_to_the_whole_network(client_for, facilitator, author):
    client = client_for(facilitator)
    assert client.get("/announcements/new/").status_code == 200
    answer = client.post("/announcements/new/", _form())
    assert answer.status_code == 302
    a = Announcement.objects.get()
    assert a.author == facilitator and a.organisation is None and a.audience == "everyone"
    assert AuditEvent.objects.filter(action="announcement.published").count() == 1
    assert "Pourquoi partager ?" in html.unescape(
        client_for(author).get("/practices/").content.decode()
    )


def test_an_org_admin_publishes_to_their_own_organisation_only(
    client_for, org_a, org_b, org_admin, author, outsider
):
    client = client_for(org_admin)
    answer = client.post(
        "/announcements/new/",
        _form(audience="roles", roles=["volunteer", "member"], organisations=[org_a.pk]),
    )
    assert answer.status_code == 302
    a = Announcement.objects.get()
    assert a.organisation == org_a and a.roles == ["volunteer", "member"]
    for refused in (
        _form(audience="everyone"),
        _form(audience="organisations", organisations=[org_b.pk]),
        _form(audience="organisations", organisations=[org_a.pk, org_b.pk]),
        _form(audience="roles", roles=["facilitator"], organisations=[org_a.pk]),
        _form(audience="organisations"),  # no organisation: not "everyone" in disguise
    ):
        answer = client.post("/announcements/new/", refused)
        assert 400 <= answer.status_code < 500, refused
        page = html.unescape(answer.content.decode())
        assert "errorlist" in page and "Pourquoi partager ?" in page  # the form keeps its data
    assert Announcement.objects.count() == 1


def test_bad_dates_and_an_empty_title_are_refused(client_for, facilitator):
    client = client_for(facilitator)
    for data, message in (
        (_form(starts_at=_when(3), ends_at=_when(1)), "La fin doit venir après le début."),
        (_form(title="  "), "Donnez un titre à l'annonce."),
        (_form(audience="themes"), "Choisissez au moins un thème."),
        (_form(ends_at="demain"), "Saisissez une date et une heure valides."),
    ):
        answer = client.post("/announcements/new/", data)
        assert answer.status_code == 400
        assert message in html.unescape(answer.content.decode()), message
    assert not Announcement.objects.exists()


def test_members_and_outsiders_cannot_manage(
    publish, client_for, org_a, org_admin, author, outsider_admin
):
    a = publish(org_admin, audience="organisations", organisations=[org_a])
    for client in (client_for(author), client_for(outsider_admin), client_for(None)):
        assert client.get(f"/announcements/{a.pk}/edit/").status_code in (302, 404)
        assert client.post(f"/announcements/{a.pk}/end/").status_code in (302, 404)
    assert client_for(author).get("/announcements/manage/").status_code == 404
    assert client_for(author).get("/announcements/new/").status_code == 404
    a.refresh_from_db()
    assert a.ends_at > timezone.now()


def test_edit_and_end_early(publish, client_for, org_a, org_admin, author):
    a = publish(org_admin, audience="organisations", organisations=[org_a])
    client = client_for(org_admin)
    page = html.unescape(client.get(f"/announcements/{a.pk}/edit/").content.decode())
    assert "Pourquoi partager ?" in page
    answer = client.post(
        f"/announcements/{a.pk}/edit/",
        _form(title="Nouveau titre", audience="organisations", organisations=[org_a.pk]),
    )
    assert answer.status_code == 302
    a.refresh_from_db()
    assert a.title == "Nouveau titre"
    assert "Nouveau titre" in html.unescape(client_for(author).get("/practices/").content.decode())
    assert client.post(f"/announcements/{a.pk}/end/").status_code == 302
    assert "Nouveau titre" not in html.unescape(
        client_for(author).get("/practices/").content.decode()
    )
    assert client.post(f"/announcements/{a.pk}/end/").status_code == 409


def test_a_campaign_shows_its_reach_as_counts_only(
    publish, client_for, facilitator, author, colleague, outsider, django_assert_max_num_queries
):
    client = client_for(facilitator)
    answer = client.post("/announcements/campaigns/new/", {"title": "Pourquoi partager ?"})
    campaign = Campaign.objects.get()
    assert (
        answer.status_code == 302
        and answer["Location"] == f"/announcements/campaigns/{campaign.pk}/"
    )
    first = publish(facilitator, title="Première", campaign=campaign)
    publish(facilitator, title="Deuxième", campaign=campaign)
    for person in (author, colleague, outsider):
        client_for(person).get("/practices/")
    client_for(author).post(f"/announcements/{first.pk}/dismiss/")
    with django_assert_max_num_queries(12):
        page = html.unescape(client.get(campaign.get_absolute_url()).content.decode())
    row = page[page.index("<table") :]
    row = row[row.index("Première") :]
    row = row[: row.index("</tr>")]
    assert "<td>3</td><td>1</td>" in row.replace(" ", "")
    for person in (author, colleague, outsider):
        assert person.display_name not in page
    assert Mark.objects.count() == 8  # the facilitator, in the audience, saw both too
    assert client_for(author).get(campaign.get_absolute_url()).status_code == 404


def test_the_management_list_takes_a_fixed_number_of_queries(
    publish, client_for, facilitator, django_assert_max_num_queries
):
    for n in range(12):
        publish(facilitator, title=f"Annonce {n}")
    client = client_for(facilitator)
    client.get("/announcements/manage/")  # the banner marks the twelve as seen, once
    with django_assert_max_num_queries(8):
        page = client.get("/announcements/manage/")
    assert page.status_code == 200 and "Annonce 11" in page.content.decode()
