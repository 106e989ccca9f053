"""Private feeds and "my agenda": the person's secret address answers what that person
may see (their permission querysets), never another organisation's reserved content;
renewing the address makes the old one answer 404, and so does a closed account."""

from __future__ import annotations

from datetime import timedelta

import feedparser  # type: ignore[import-untyped]
import pytest
from django.urls import reverse
from icalendar import Calendar

from palabre.feeds.models import FeedToken
from palabre.feeds.services import feed_token_renew
from palabre.feeds.tests.conftest import add_session, make_workshop, register
from palabre.workshops.models import Registration, Session, Workshop

pytestmark = pytest.mark.django_db

ATOM = ("private_practices", "private_workshops", "private_questions", "private_agenda_feed")
PUBLIC_ATOM = ("practices", "workshops")
# What organisation A keeps for its own members.
A_RESERVED = ("Pratique A organisation", "Atelier A organisation", "Question A réservée")


def parsed(response):
    assert response.status_code == 200, response.status_code
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def titles(response) -> set[str]:
    return {entry.title for entry in parsed(response).entries}


def url(name: str, secret: str, **kwargs) -> str:
    return reverse(f"feeds:{name}", kwargs={"secret": secret, **kwargs})


def test_private_feeds_show_what_the_person_may_see(world, client, author, secret_of):
    secret = secret_of(author)
    assert titles(client.get(url("private_practices", secret))) == {
        "Pratique A public",
        "Pratique A network",
        "Pratique A organisation",
    }
    assert titles(client.get(url("private_workshops", secret))) == {
        "Atelier A public",
        "Atelier A network",
        "Atelier A organisation",
    }
    assert titles(client.get(url("private_questions", secret))) == {
        "Question A réservée",
        "Question A publique",
    }
    assert titles(client.get(url("private_agenda_feed", secret))) == {
        "Atelier A public",
        "Atelier A organisation",
    }


def test_no_feed_of_a_member_of_b_nor_public_carries_what_a_keeps_for_itself(
    world, client_for, outsider, secret_of
):
    secret = secret_of(outsider)
    bodies = [client_for(None).get(url(name, secret)).content.decode() for name in ATOM]
    bodies += [
        client_for(None).get(reverse(f"feeds:{name}")).content.decode() for name in PUBLIC_ATOM
    ]
    bodies.append(client_for(None).get(url("private_agenda", secret)).content.decode())
    org_a = world.practices["a-organisation"].lead_organisation
    bodies.append(
        client_for(None)
        .get(reverse("feeds:organisation_practices", args=[org_a.slug]))
        .content.decode()
    )
    for body in bodies:
        for title in A_RESERVED:
            assert title not in body
    # B's member does see B's own reserved content (the check above can fail).
    assert "Pratique B réservée" in bodies[0]
    assert "Question B réservée" in bodies[2]


def test_the_secret_speaks_not_the_session(world, client_for, author, outsider, secret_of):
    """A reader logged in as someone else gets the owner's feed, and only theirs."""
    secret = secret_of(outsider)
    body = client_for(author).get(url("private_practices", secret)).content.decode()
    assert "Pratique A organisation" not in body
    assert "Pratique B réservée" in body


def test_the_feed_speaks_the_owners_language(world, client, author, secret_of):
    author.language = "en"
    author.save()
    feed = parsed(client.get(url("private_practices", secret_of(author))))
    assert feed.feed.language == "en"
    assert feed.feed.title == "Palabre — practices for Awa Author"


def test_private_feeds_are_kept_out_of_shared_caches(world, client, author, secret_of):
    response = client.get(url("private_practices", secret_of(author)))
    assert "private" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    assert response["ETag"]
    # The document does not repeat its own (secret) address.
    assert b'rel="self"' not in response.content


def test_a_renewed_address_answers_404_and_the_new_one_works(world, client, author, secret_of):
    old = secret_of(author)
    assert client.get(url("private_practices", old)).status_code == 200
    new = feed_token_renew(person=author).secret
    assert new != old
    for name in (*ATOM, "private_agenda"):
        assert client.get(url(name, old)).status_code == 404
        assert client.get(url(name, new)).status_code == 200
    assert FeedToken.objects.filter(person=author).count() == 1


def test_a_deactivated_or_erased_account_answers_404(world, client, author, colleague, secret_of):
    secret = secret_of(author)
    author.is_active = False
    author.save()
    assert client.get(url("private_practices", secret)).status_code == 404
    other = secret_of(colleague)
    colleague.email = f"erased-{colleague.pk}@erased.invalid"
    colleague.save()
    assert client.get(url("private_agenda", other)).status_code == 404


@pytest.mark.parametrize(
    # Fixed values: pytest-xdist's workers must collect the same test names.
    "secret",
    ["0" * 40, "8a6e39cb7749a39aab3c1549322b8789cd423a10", "not-a-secret", "A" * 40, "0" * 41],
)
def test_an_unknown_address_answers_404(world, client, secret):
    assert client.get(url("private_practices", secret)).status_code == 404


def test_private_feed_queries_do_not_grow_with_entries(
    world, client, author, secret_of, make_practice, django_assert_num_queries
):
    secret = secret_of(author)
    # The token and its person, their organisations, the practices.
    with django_assert_num_queries(3):
        client.get(url("private_practices", secret))
    for n in range(10):
        make_practice(author, visibility="organisation", title=f"Encore {n}")
    with django_assert_num_queries(3):
        client.get(url("private_practices", secret))
    with django_assert_num_queries(4):  # + the organisers
        client.get(url("private_workshops", secret))
    with django_assert_num_queries(4):  # + the organisations they administer
        client.get(url("private_questions", secret))


def made_earlier(session):
    """The session (and its workshop) were made and last changed an hour ago: a revision
    counts whole seconds since."""
    hour = timedelta(hours=1)
    Session.objects.filter(pk=session.pk).update(
        created_at=session.created_at - hour, updated_at=session.updated_at - hour
    )
    Workshop.objects.filter(pk=session.workshop_id).update(
        updated_at=session.workshop.updated_at - hour
    )


# My agenda ----------------------------------------------------------------------------


def calendar(response) -> Calendar:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def summaries(cal: Calendar) -> set[str]:
    return {str(event["SUMMARY"]) for event in cal.walk("VEVENT")}


def test_my_agenda_holds_the_sessions_of_the_workshops_i_registered_for(
    world, client, author, org_a, facilitator, secret_of
):
    # A waiting list is not a place; a cancelled registration neither.
    waiting = make_workshop(facilitator, org_a, title="Atelier complet", visibility="network")
    add_session(waiting, "Séance complète")
    register(waiting, author, org_a, status=Registration.Status.WAITLISTED)
    cal = calendar(client.get(url("private_agenda", secret_of(author))))
    assert summaries(cal) == {"Séance Atelier A public", "Séance Atelier A organisation"}
    assert cal["METHOD"] == "PUBLISH"
    assert str(cal["X-WR-CALNAME"]) == "Palabre — mon agenda"
    for event in cal.walk("VEVENT"):
        assert "SEQUENCE" in event and "LAST-MODIFIED" in event


def test_training_sessions_are_in_my_agenda_too(
    world, client, author, org_a, facilitator, secret_of
):
    training = make_workshop(
        facilitator, org_a, title="Session de formation", visibility="network", kind="training"
    )
    add_session(training, "Module 1")
    register(training, author, org_a)
    cal = calendar(client.get(url("private_agenda", secret_of(author))))
    assert "Module 1" in summaries(cal)


def test_a_workshop_cancelled_after_i_registered_stays_cancelled_in_my_agenda(
    world, client, author, secret_of
):
    secret = secret_of(author)
    made_earlier(world.sessions["a-organisation"])
    first = calendar(client.get(url("private_agenda", secret)))
    workshop = world.workshops["a-organisation"]
    workshop.status = "cancelled"
    workshop.save()
    then = calendar(client.get(url("private_agenda", secret)))
    before = {str(e["UID"]): e for e in first.walk("VEVENT")}
    after = {str(e["UID"]): e for e in then.walk("VEVENT")}
    assert before.keys() == after.keys()
    uid = next(
        uid for uid, e in after.items() if str(e["SUMMARY"]) == "Séance Atelier A organisation"
    )
    assert str(after[uid]["STATUS"]) == "CANCELLED"
    assert int(after[uid]["SEQUENCE"]) > int(before[uid]["SEQUENCE"])


def test_my_agenda_answers_304_and_counts_its_queries(
    world, client, author, secret_of, django_assert_num_queries
):
    address = url("private_agenda", secret_of(author))
    first = client.get(address)
    # The token and person, their organisations, the workshops, their organisers,
    # the sessions, their group members.
    with django_assert_num_queries(6):
        again = client.get(address, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_a_workshop_calendar_through_the_private_address(world, client, author, secret_of):
    secret = secret_of(author)
    mine = world.workshops["a-organisation"]
    cal = calendar(client.get(url("private_workshop_calendar", secret, pk=mine.pk)))
    assert summaries(cal) == {"Séance Atelier A organisation"}
    for key in ("b-organisation", "a-draft"):
        other = world.workshops[key]
        assert client.get(url("private_workshop_calendar", secret, pk=other.pk)).status_code == 404
