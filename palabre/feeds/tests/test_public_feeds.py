"""Public feeds and a public workshop's calendar: read by a standard feed parser and by
icalendar, they carry exactly what an anonymous visitor may see — whoever asks — and
answer 304 to a reader whose copy is the latest."""

from __future__ import annotations

import feedparser  # type: ignore[import-untyped]
import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from icalendar import Calendar

from palabre.feeds.selectors import LIMIT
from palabre.feeds.tests.test_private_feeds import made_earlier
from palabre.permissions import practices as practice_rules
from palabre.workshops.models import Session

pytestmark = pytest.mark.django_db


def parsed(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def titles(feed) -> set[str]:
    return {entry.title for entry in feed.entries}


def test_practices_feed_lists_public_practices_only_whoever_asks(world, client_for, author):
    for user in (None, author):
        feed = parsed(client_for(user).get(reverse("feeds:practices")))
        assert titles(feed) == {"Pratique A public"}


def test_an_entry_has_title_summary_organisation_date_and_link(world, client):
    feed = parsed(client.get(reverse("feeds:practices") + "?lang=fr"))
    entry = feed.entries[0]
    practice = world.practices["a-public"]
    assert entry.summary.strip() == "<p>Résumé A public</p>"
    assert entry.author == "Association pour le Développement de Bafut"
    assert entry.link.endswith(practice.get_absolute_url())
    assert entry.updated_parsed is not None
    assert feed.feed.language == "fr"
    assert feed.feed.title == "Palabre — pratiques"


def test_the_feed_speaks_the_language_asked(world, client):
    feed = parsed(client.get(reverse("feeds:practices") + "?lang=en"))
    assert feed.feed.title == "Palabre — practices"
    assert feed.feed.language == "en"
    assert feed.entries[0].get("language") in (None, "fr")  # the practice is written in French


def test_theme_feed(world, client):
    practice = world.practices["a-public"]
    theme = practice.themes.get()
    feed = parsed(client.get(reverse("feeds:theme_practices", args=[theme.slug])))
    assert titles(feed) == {"Pratique A public"}
    assert client.get(reverse("feeds:theme_practices", args=["nothing-here"])).status_code == 404


def test_organisation_feed_exists_once_it_shared_something_in_public(world, client, org_a, org_b):
    feed = parsed(client.get(reverse("feeds:organisation_practices", args=[org_a.slug])))
    assert titles(feed) == {"Pratique A public"}
    # B shared nothing in public: its feed does not exist (the directory is for members).
    assert client.get(reverse("feeds:organisation_practices", args=[org_b.slug])).status_code == 404


def test_workshops_feed_lists_public_workshops_only(world, client_for, outsider):
    for user in (None, outsider):
        feed = parsed(client_for(user).get(reverse("feeds:workshops")))
        assert titles(feed) == {"Atelier A public"}
        assert feed.entries[0].author == "Association pour le Développement de Bafut"


def test_a_cancelled_public_workshop_says_so(world, client):
    workshop = world.workshops["a-public"]
    workshop.status = "cancelled"
    workshop.save()
    feed = parsed(client.get(reverse("feeds:workshops") + "?lang=fr"))
    assert titles(feed) == {"Annulé : Atelier A public"}


def test_a_reader_with_the_latest_copy_gets_304(world, client):
    url = reverse("feeds:practices") + "?lang=fr"
    first = client.get(url)
    assert first["ETag"] and first["Last-Modified"]
    assert "public" in first["Cache-Control"] and "max-age=" in first["Cache-Control"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    # A change makes a new copy.
    practice = world.practices["a-public"]
    practice.title = "Pratique A publique, revue"
    practice.save()
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert "Pratique A publique, revue" in titles(parsed(changed))


def test_a_feed_without_chosen_language_varies_with_the_visitor(world, client):
    response = client.get(reverse("feeds:practices"))
    assert "Accept-Language" in response["Vary"]


def test_practices_feed_costs_the_same_queries_for_many_entries(
    world, client, author, make_practice, django_assert_num_queries
):
    url = reverse("feeds:practices")
    with django_assert_num_queries(1):
        client.get(url)
    for n in range(LIMIT + 5):
        make_practice(author, visibility="public", title=f"Encore {n}")
    with django_assert_num_queries(1):
        feed = parsed(client.get(url))
    assert len(feed.entries) == LIMIT
    visible = practice_rules.practices_visible_to(AnonymousUser()).count()
    assert visible == LIMIT + 6


def test_workshops_feed_queries(world, client, django_assert_num_queries):
    with django_assert_num_queries(2):  # the workshops, their organisers
        client.get(reverse("feeds:workshops"))


# A public workshop's calendar ---------------------------------------------------------


def calendar_of(response) -> Calendar:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_public_workshop_calendar_is_a_subscription(world, client):
    workshop = world.workshops["a-public"]
    cal = calendar_of(client.get(reverse("feeds:workshop_calendar", args=[workshop.pk])))
    assert cal["METHOD"] == "PUBLISH"
    assert str(cal["X-WR-CALNAME"]) == "Atelier A public"
    assert str(cal["X-PUBLISHED-TTL"]) == "PT1H"
    assert "REFRESH-INTERVAL" in cal
    (event,) = cal.walk("VEVENT")
    session = world.sessions["a-public"]
    assert str(event["UID"]).startswith(f"workshop-session-{session.pk}@")
    assert str(event["STATUS"]) == "CONFIRMED"
    assert "SEQUENCE" in event and "LAST-MODIFIED" in event


def test_a_change_raises_the_sequence_and_cancelling_shows_cancelled(world, client):
    workshop = world.workshops["a-public"]
    url = reverse("feeds:workshop_calendar", args=[workshop.pk])
    made_earlier(world.sessions["a-public"])
    (before,) = calendar_of(client.get(url)).walk("VEVENT")
    session = Session.objects.get(pk=world.sessions["a-public"].pk)
    session.title = "Séance déplacée"
    session.starts_at = session.starts_at.replace(hour=(session.starts_at.hour + 1) % 24)
    session.save()
    workshop.refresh_from_db()
    workshop.status = "cancelled"
    workshop.save()
    (after,) = calendar_of(client.get(url)).walk("VEVENT")
    assert after["UID"] == before["UID"]
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert after["LAST-MODIFIED"].dt >= before["LAST-MODIFIED"].dt
    assert str(after["STATUS"]) == "CANCELLED"
    assert str(after["SUMMARY"]) == "Séance déplacée"


@pytest.mark.parametrize("key", ["a-network", "a-organisation", "a-draft", "b-organisation"])
def test_only_public_workshops_have_a_public_calendar(world, client_for, author, facilitator, key):
    workshop = world.workshops[key]
    url = reverse("feeds:workshop_calendar", args=[workshop.pk])
    for user in (None, author, facilitator):
        assert client_for(user).get(url).status_code == 404


def test_public_calendar_answers_304(world, client, django_assert_num_queries):
    url = reverse("feeds:workshop_calendar", args=[world.workshops["a-public"].pk])
    first = client.get(url)
    with django_assert_num_queries(3):  # the workshop, its sessions, their group members
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
