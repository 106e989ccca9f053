"""The audit log viewer: network admins read who changed what, filter it and export it."""

from __future__ import annotations

import csv
import html
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from palabre.audit import views
from palabre.audit.models import AuditEvent
from palabre.audit.services import audit_record

URL = "/audit/"


@pytest.fixture
def admin_client(client_for, network_admin):
    return client_for(network_admin)


def _text(response) -> str:
    return html.unescape(response.content.decode())


def fr(message: str) -> str:
    """What a French-speaking admin reads for ``message``."""
    with translation.override("fr"):
        return gettext(message)


def test_network_admin_reads_events_newest_first(admin_client, network_admin, author, org_a):
    audit_record(action="organisation.updated", actor=author, target=org_a, organisation=org_a)
    old = audit_record(action="membership.role_changed", actor=network_admin, target=author)
    AuditEvent.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=3))

    page = _text(admin_client.get(URL))

    assert f"<h1>{fr('Audit log')}</h1>" in page
    assert page.index("<code>organisation.updated") < page.index("<code>membership.role_changed")
    assert "Awa Author" in page and "Nadia Netadmin" in page
    assert f'href="{org_a.get_absolute_url()}"' in page  # the object, which she may open


@pytest.mark.parametrize(
    "who", ["volunteer", "author", "org_admin", "facilitator", "outsider_admin"]
)
def test_everyone_else_gets_not_found(client_for, request, who, org_a):
    audit_record(action="organisation.updated", actor=None, target=org_a, organisation=org_a)
    client = client_for(request.getfixturevalue(who))
    assert client.get(URL).status_code == 404
    assert client.get(URL + "export.csv").status_code == 404
    assert not AuditEvent.objects.filter(action="audit.exported").exists()


def test_anonymous_is_asked_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_link_is_in_the_network_admins_footer_only(client_for, network_admin, author):
    assert 'href="/audit/"' in _text(client_for(network_admin).get("/"))
    assert 'href="/audit/"' not in _text(client_for(author).get("/"))


def test_pages_of_fifty(admin_client, org_a):
    AuditEvent.objects.bulk_create(
        AuditEvent(
            action="organisation.updated",
            target_type="organisations.organisation",
            target_id=str(org_a.pk),
            target_repr=f"Version {n:02d}",
        )
        for n in range(51)
    )
    first = _text(admin_client.get(URL))
    second = _text(admin_client.get(URL + "?page=2"))
    assert first.count("organisation.updated</code>") == 50
    assert second.count("organisation.updated</code>") == 1
    assert fr("Page %(n)s of %(total)s") % {"n": 2, "total": 2} in second


@pytest.fixture
def log(network_admin, author, outsider, org_a, org_b, make_practice):
    practice = make_practice(author, title="Le warrantage à Ngaoundéré")
    events = {
        "author_practice": audit_record(
            action="practice.published", actor=author, target=practice, organisation=org_a
        ),
        "outsider_org": audit_record(
            action="organisation.updated", actor=outsider, target=org_b, organisation=org_b
        ),
        "admin_role": audit_record(
            action="membership.role_changed",
            actor=network_admin,
            target=author,
            organisation=org_a,
            data={"role": "org_admin"},
        ),
    }
    AuditEvent.objects.filter(pk=events["admin_role"].pk).update(
        created_at=timezone.now() - timedelta(days=40)
    )
    return events


def _shown(response) -> set[str]:
    page = _text(response)
    return {
        action
        for action in ("practice.published", "organisation.updated", "membership.role_changed")
        if f"<code>{action}</code>" in page
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"practice.published", "organisation.updated", "membership.role_changed"}),
        ("person=awa", {"practice.published"}),
        ("person=ate.example", {"organisation.updated"}),
        ("organisation={org_b}", {"organisation.updated"}),
        ("organisation={org_a}", {"practice.published", "membership.role_changed"}),
        ("kind=practices.practice", {"practice.published"}),
        ("kind=accounts.user&object={author}", {"membership.role_changed"}),
        ("object=warrantage", {"practice.published"}),
        ("action=practice.published", {"practice.published"}),
        ("action=membership.*", {"membership.role_changed"}),
        ("since={month_ago}", {"practice.published", "organisation.updated"}),
        ("until={month_ago}", {"membership.role_changed"}),
        ("actor={author}", {"practice.published"}),
    ],
)
def test_filters(admin_client, log, org_a, org_b, author, query, expected):
    month_ago = (timezone.localdate() - timedelta(days=30)).isoformat()
    query = query.format(org_a=org_a.pk, org_b=org_b.pk, author=author.pk, month_ago=month_ago)
    response = admin_client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert _shown(response) == expected


def test_a_person_s_name_narrows_to_what_they_did(admin_client, log, author):
    page = _text(admin_client.get(URL))
    assert f'href="?actor={author.pk}"' in page
    narrowed = _text(admin_client.get(f"{URL}?actor={author.pk}"))
    assert fr("Only what %(name)s did.") % {"name": "Awa Author"} in narrowed
    assert "<code>organisation.updated</code>" not in narrowed


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("since=2025-05-10&until=2025-05-01", "The end of the period comes before its start."),
        ("organisation=999999", "Sélectionnez un choix valide"),
        ("actor=18446744073709551616", "This person is not in the log: choose another."),
        ("actor=moi", "This person is not in the log: choose another."),
        ("since=hier", "Saisissez une date valide"),
        ("action=nothing.such", "Sélectionnez un choix valide"),
    ],
)
def test_bad_filters_answer_400_with_a_message(admin_client, log, query, message):
    with translation.override("fr"):
        response = admin_client.get(f"{URL}?{query}", headers={"accept-language": "fr"})
        export = admin_client.get(f"{URL}export.csv?{query}")
    assert response.status_code == 400
    assert fr(message) in _text(response)
    assert export.status_code == 400
    assert not AuditEvent.objects.filter(action="audit.exported").exists()


def test_details_are_summarised(admin_client, org_a):
    audit_record(
        action="organisation.updated",
        actor=None,
        target=org_a,
        data={
            "a_fields": ["name", "city"],
            "b_before": "x" * 200,
            "c": 3,
            "d": 4,
            "e": 5,
            "f": 6,
        },
    )
    page = _text(admin_client.get(URL))
    assert "name, city" in page
    assert "x" * 200 not in page and "x" * 70 + "…" in page
    assert "<dt>d</dt>" in page and "<dt>e</dt>" not in page
    with translation.override("fr"):
        more = ngettext(
            "and %(counter)s more detail (in the download)",
            "and %(counter)s more details (in the download)",
            2,
        ) % {"counter": 2}
    assert more in page


def test_an_object_the_admin_may_not_open_is_named_without_a_link(admin_client, org_a):
    from conftest import make_person

    gone = make_person("gone@adb.example", "Gaston Gone", organisation=org_a)
    gone.is_active = False
    gone.save()
    audit_record(action="person.deactivated", actor=None, target=gone)
    page = _text(admin_client.get(URL))
    assert "Gaston Gone" in page
    assert f'href="{gone.get_absolute_url()}"' not in page


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries.captured_queries)


def test_the_page_costs_the_same_queries_for_5_or_50_events(
    admin_client, network_admin, author, outsider, org_a, org_b, make_practice
):
    practice = make_practice(author)

    def record(times):
        for _ in range(times):
            audit_record(
                action="practice.published", actor=author, target=practice, organisation=org_a
            )
            audit_record(
                action="organisation.updated", actor=outsider, target=org_b, organisation=org_b
            )
            audit_record(action="person.updated", actor=network_admin, target=author)

    record(2)
    _queries(admin_client)  # the first request of a process fills some caches
    few = _queries(admin_client)
    record(15)
    many = _queries(admin_client)
    assert few == many
    # Session and user, the filters' choices (3), the count, the page, one query per kind
    # of object (3), the unread notifications: 11 today (one spare for the site's frame).
    assert many <= 12


# Exports ------------------------------------------------------------------------


def _rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_csv_export_with_the_filters_neutralised_and_audited(
    admin_client, network_admin, log, org_a
):
    AuditEvent.objects.filter(pk=log["author_practice"].pk).update(
        target_repr='=HYPERLINK("http://evil.example")'
    )
    with translation.override("fr"):
        response = admin_client.get(f"{URL}export.csv?organisation={org_a.pk}&page=2")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = _rows(response)
    assert rows[0][:4] == [fr("When"), fr("Who"), fr("E-mail address"), fr("Action")]
    assert rows[0][:3] == ["Quand", "Qui", "Adresse e-mail"]
    assert [row[3] for row in rows[1:]] == ["practice.published", "membership.role_changed"]
    assert rows[1][6].startswith("'=HYPERLINK")
    assert rows[2][8] == '{"role": "org_admin"}'

    exported = AuditEvent.objects.get(action="audit.exported")
    assert exported.actor == network_admin
    assert exported.data == {
        "format": "csv",
        "rows": 2,
        "filters": {"organisation": str(org_a.pk)},
    }


def test_xlsx_export_keeps_formulas_as_text(admin_client, org_a):
    from openpyxl import load_workbook

    audit_record(action="organisation.updated", actor=None, target=org_a, data={"x": "=1+1"})
    AuditEvent.objects.update(target_repr="=1+1")
    response = admin_client.get(f"{URL}export.xlsx")

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(row=2, column=7).value == "'=1+1"
    assert sheet.cell(row=2, column=7).data_type == "s"
    assert AuditEvent.objects.get(action="audit.exported").data["format"] == "xlsx"


def test_an_unknown_format_is_not_found(admin_client):
    assert admin_client.get(f"{URL}export.pdf").status_code == 404
    assert not AuditEvent.objects.filter(action="audit.exported").exists()


def test_too_many_events_for_one_file_asks_to_narrow(admin_client, log, monkeypatch):
    monkeypatch.setattr(views, "EXPORT_MAX_ROWS", 2)
    with translation.override("fr"):
        response = admin_client.get(f"{URL}export.csv")
    assert response.status_code == 400
    message = fr(
        "%(count)s events match, more than one file holds (%(max)s). Narrow the "
        "filters, for example to a shorter period."
    ) % {"count": 3, "max": 2}
    assert message in _text(response)
    assert not AuditEvent.objects.filter(action="audit.exported").exists()


def test_the_log_is_only_read(admin_client):
    assert admin_client.post(URL).status_code == 405
    assert admin_client.head(f"{URL}export.csv").status_code == 405
    assert not AuditEvent.objects.filter(action="audit.exported").exists()
