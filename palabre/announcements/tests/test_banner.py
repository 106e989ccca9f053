"""The banner: who sees an announcement, when, until they hide it; "seen" once; and what
it costs a page."""

from __future__ import annotations

import html
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from palabre.announcements import banner
from palabre.announcements.models import Mark

PAGE = "/practices/"


def _shows(client, title) -> bool:
    return title in html.unescape(client.get(PAGE).content.decode())


def test_a_member_of_b_never_sees_an_announcement_for_a(
    publish, client_for, org_a, org_admin, author, outsider
):
    publish(org_admin, title="Réunion ADB jeudi", audience="organisations", organisations=[org_a])
    assert _shows(client_for(author), "Réunion ADB jeudi")
    assert not _shows(client_for(outsider), "Réunion ADB jeudi")
    assert "Réunion ADB jeudi" not in client_for(outsider).get("/announcements/").content.decode()


def test_anonymous_visitors_see_no_announcement(publish, client_for, facilitator):
    publish(facilitator, title="Pour tout le réseau")
    assert not _shows(client_for(None), "Pour tout le réseau")
    assert client_for(None).get("/announcements/").status_code == 302  # to the login page


def test_it_shows_only_during_its_period(publish, client_for, facilitator, author):
    publish(facilitator, title="Annonce future", starts=1, ends=3)
    publish(facilitator, title="Déjà fini", starts=-5, ends=-1)
    publish(facilitator, title="En cours", starts=-1, ends=1)
    client = client_for(author)
    page = html.unescape(client.get(PAGE).content.decode())
    assert "En cours" in page and "Annonce future" not in page and "Déjà fini" not in page
    later = timezone.now() + timedelta(days=2)
    assert [e.title for e in banner.shown_to(author, at=later)] == ["Annonce future"]


def test_hiding_it_works_without_javascript_and_with(
    publish, client_for, facilitator, author, colleague
):
    a = publish(facilitator, title="À cacher")
    client = client_for(author)
    assert _shows(client, "À cacher")
    answer = client.post(f"/announcements/{a.pk}/dismiss/", {"next": PAGE})
    assert answer.status_code == 302 and answer["Location"] == PAGE
    assert not _shows(client, "À cacher")
    # still listed on "my announcements", marked hidden
    mine = html.unescape(client.get("/announcements/").content.decode())
    assert "À cacher" in mine and "masquée" in mine
    # with the site's script: a fragment replaces the banner's item
    other = client_for(colleague)
    answer = other.post(f"/announcements/{a.pk}/dismiss/", {"next": PAGE}, HTTP_HX_REQUEST="true")
    assert answer.status_code == 200 and "À cacher" in html.unescape(answer.content.decode())
    assert "<main" not in answer.content.decode()
    assert not _shows(other, "À cacher")


def test_one_cannot_hide_what_is_not_addressed_to_them(
    publish, client_for, org_a, org_admin, outsider
):
    a = publish(org_admin, title="Pour ADB", audience="organisations", organisations=[org_a])
    assert client_for(outsider).post(f"/announcements/{a.pk}/dismiss/").status_code == 404
    assert (
        client_for(outsider).post("/announcements/99999999999999999999/dismiss/").status_code == 404
    )
    assert not Mark.objects.exists()


def test_seen_is_written_once_per_person(publish, client_for, facilitator, author):
    a = publish(facilitator, title="Vue une fois")
    client = client_for(author)
    for _ in range(3):
        assert _shows(client, "Vue une fois")
    assert Mark.objects.filter(announcement=a, user=author).count() == 1
    with CaptureQueriesContext(connection) as queries:
        client.get(PAGE)
    assert not [q for q in queries if "announcements_" in q["sql"]]


def test_a_page_costs_no_query_when_nothing_runs(
    publish, client_for, facilitator, author, django_assert_num_queries
):
    publish(facilitator, title="Finie", starts=-3, ends=-1)
    publish(facilitator, title="Plus tard", starts=2, ends=3)
    banner.index()  # this test's own changes are read once
    with django_assert_num_queries(0):
        assert banner.shown_to(author) == []
    with CaptureQueriesContext(connection) as queries:
        client_for(author).get(PAGE)
    assert not [q for q in queries if "announcements_" in q["sql"]]


def test_a_page_costs_no_query_once_the_person_is_known(
    publish, client_for, facilitator, author, django_assert_num_queries
):
    publish(facilitator, title="Courante")
    client = client_for(author)
    client.get(PAGE)  # reads the person's reader and marks once, writes "seen"
    with CaptureQueriesContext(connection) as first:
        client.get(PAGE)
    with CaptureQueriesContext(connection) as second:
        client.get(PAGE)
    assert len(first) == len(second)
    assert not [q for q in second if "announcements_" in q["sql"]]
    fresh = type(author).objects.get(pk=author.pk)
    with django_assert_num_queries(0):
        assert [e.title for e in banner.shown_to(fresh, record=False)] == ["Courante"]


def test_a_new_membership_is_taken_into_account(publish, client_for, org_a, org_admin, loner):
    from palabre.organisations.models import Membership

    publish(org_admin, title="Pour ADB", audience="organisations", organisations=[org_a])
    client = client_for(loner)
    assert not _shows(client, "Pour ADB")
    Membership.objects.create(user=loner, organisation=org_a, role="member")
    assert _shows(client_for(loner), "Pour ADB")


def test_the_home_page_lists_them_and_other_pages_carry_the_banner(
    publish, client_for, facilitator, author
):
    publish(facilitator, title="Sur l'accueil", body="Dix **minutes** suffisent.")
    client = client_for(author)
    home = html.unescape(client.get("/").content.decode())
    assert home.count("<strong>Sur l'accueil</strong>") == 1  # in the home panel only
    assert '<section class="announcements"' not in home
    assert "<strong>minutes</strong>" in home
    page = html.unescape(client.get(PAGE).content.decode())
    assert '<section class="announcements"' in page and "Sur l'accueil" in page


def test_nothing_personal_is_kept_in_the_cached_public_page(
    publish, client_for, make_practice, facilitator, author, outsider
):
    practice = make_practice(author, visibility="public")
    publish(facilitator, title="Pour les membres")
    url = practice.get_absolute_url()
    for _ in range(2):  # the second anonymous view is served from the page cache
        anonymous = html.unescape(client_for(None).get(url).content.decode())
        assert "Pour les membres" not in anonymous and 'class="announcements"' not in anonymous
    member = html.unescape(client_for(outsider).get(url).content.decode())
    assert "Pour les membres" in member
    again = html.unescape(client_for(None).get(url).content.decode())
    assert "Pour les membres" not in again
