"""“Mon Palabre”: a member's home shows what needs them now, then what is new in what they
follow; the anonymous home stays as it was. Read in English: the French of the new words
comes with the catalogues (/work/h/home/fr.json until they are merged)."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from palabre.adoptions.models import Adoption
from palabre.discussions import services as discussions
from palabre.discussions.models import Subscription, Thread
from palabre.learning.models import Training
from palabre.themes.models import Theme
from palabre.workshops.models import CollectiveAction, Registration, Workshop

FOLLOWED_THEME = "mobilisation-communautaire"


def reader(client_for, user):
    """A client for ``user``, reading in English (their own setting wins over the cookie)."""
    type(user).objects.filter(pk=user.pk).update(language="en")
    client = client_for(user)
    client.cookies["palabre_language"] = "en"
    return client


def text(response) -> str:
    """The page as read: tags gone, entities decoded, spaces folded."""
    body = response.content.decode()
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body)))


def part(response, title_id: str) -> str:
    """The text of one panel, found by the id of its title."""
    body = response.content.decode()
    start = body.index(f'id="{title_id}"')
    section = body[start : body.index("</section>", start)]
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", section)))


def make_workshop(title, org, *, kind=Workshop.Kind.EXCHANGE, visibility="network", start_in=10):
    start = timezone.localdate() + timedelta(days=start_in)
    workshop = Workshop.objects.create(
        kind=kind,
        title=title,
        objectives="- Échanger",
        start_date=start,
        end_date=start,
        city="Bafut",
        status=Workshop.Status.PUBLISHED,
        visibility=visibility,
    )
    workshop.organisers.set([org])
    return workshop


def add_items(n, *, member, outsider, org_a, org_b, make_practice, suffix=""):
    """``n`` things in every panel of ``member`` (of org_a), with what org_b shares."""
    followed = Theme.objects.get(slug=FOLLOWED_THEME)
    today = timezone.localdate()
    for i in range(n):
        tag = f"{suffix}{i}"
        make_practice(member, status="draft", title=f"Brouillon {tag}")
        make_practice(member, status="changes_requested", title=f"À reprendre {tag}")
        mine = make_practice(member, title=f"Pratique publiée {tag}")
        discussions.thread_create(
            space=discussions.space_for(mine),
            by=outsider,
            title=f"Comment faites-vous {tag} ?",
            body="Nous hésitons.",
        )
        discussions.thread_create(
            space=discussions.space_for(mine),
            by=member,
            title=f"Ma propre question {tag}",
            body="Qui sait ?",
        )
        theirs = make_practice(outsider, title=f"Nouveauté de l'ATE {tag}")
        theirs.themes.set([followed])
        discussions.thread_create(
            space=discussions.space_for(followed),
            by=outsider,
            title=f"Discussion suivie {tag}",
            body="Parlons-en.",
            kind=Thread.Kind.DISCUSSION,
        )
        Adoption.objects.create(
            practice=theirs,
            organisation=org_a,
            status=Adoption.Status.IN_PROGRESS,
            started_on=today - timedelta(days=120),
            country="CM",
            created_by=member,
            contact=member,
        )
        workshop = make_workshop(f"Atelier de Moundou {tag}", org_b)
        Registration.objects.create(workshop=workshop, person=member, organisation=org_a)
        training = make_workshop(f"Session de formation {tag}", org_a, kind="training")
        Registration.objects.create(workshop=training, person=member, organisation=org_a)
        CollectiveAction.objects.create(
            workshop=workshop,
            title=f"Envoyer le compte rendu {tag}",
            owner_person=member,
            due_date=today + timedelta(days=20),
        )
        draft = Training.objects.create(
            title=f"Formation en cours {tag}", objectives="- Savoir", organisation=org_a
        )
        draft.trainers.set([member])


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.DISCUSSIONS_RATE_LIMIT_POSTS = 1000


@pytest.fixture
def world(author, outsider, org_a, org_b, make_practice):
    Subscription.objects.create(
        user=author, kind="theme", theme=Theme.objects.get(slug=FOLLOWED_THEME)
    )
    Subscription.objects.create(user=author, kind="organisation", organisation=org_b)
    add_items(
        1,
        member=author,
        outsider=outsider,
        org_a=org_a,
        org_b=org_b,
        make_practice=make_practice,
    )
    return {"author": author}


# What a member sees ------------------------------------------------------------------


def test_a_member_sees_what_needs_them_then_what_is_new(client_for, world, author):
    response = reader(client_for, author).get("/")
    assert response.status_code == 200
    page = text(response)
    assert "Welcome, Awa Author" in page
    assert page.index("What needs you now") < page.index("New in what you follow")

    practices = part(response, "home-practices-title")
    assert "2 practices in progress" in practices
    assert "1 sent back to you with changes requested" in practices
    # Sent back first: it is what the member must act on.
    assert practices.index("À reprendre 0") < practices.index("Brouillon 0")

    questions = part(response, "home-questions-title")
    assert "Comment faites-vous 0 ?" in questions
    assert "Ma propre question 0" in questions

    adoptions = part(response, "impact-home-title")
    assert "1 feedback report is due" in adoptions and "Nouveauté de l'ATE 0" in adoptions

    workshops = part(response, "home-workshops-title")
    assert "Atelier de Moundou 0" in workshops
    assert "Session de formation 0" in workshops
    assert "Envoyer le compte rendu 0" in workshops

    trainings = part(response, "home-trainings-title")
    assert "Formation en cours 0" in trainings

    news = part(response, "home-news-panel-title")
    assert "Nouveauté de l'ATE 0" in news
    assert "Discussion suivie 0" in news
    # One's own practices are not news to oneself.
    assert "Pratique publiée 0" not in news


def test_a_new_member_is_told_what_to_do_in_each_panel(client_for, colleague):
    page = text(reader(client_for, colleague).get("/"))
    assert "No practice in progress." in page
    assert "Write a practice" in page
    assert "No question on your practices or your themes is waiting for you." in page
    assert "Say on your profile what you can share" in page
    assert "You are not registered for any workshop or training to come." in page
    assert "You follow nothing yet." in page
    assert "has not recorded any adoption" in page


def test_questions_on_the_themes_of_ones_skills_are_offered(client_for, make_practice, author):
    theme = Theme.objects.get(slug="epargne-microfinance")
    from conftest import make_person

    skilled = make_person(
        "skilled@ate.example",
        "Sakina Skilled",
        organisation=author.memberships.first().organisation,
    )
    discussions.thread_create(
        space=discussions.space_for(theme), by=author, title="Quel taux d'épargne ?", body="…"
    )
    client = reader(client_for, skilled)
    assert "Quel taux d'épargne ?" not in part(client.get("/"), "home-questions-title")
    skilled.skills_offered = "épargne et microfinance"
    skilled.save()
    assert "Quel taux d'épargne ?" in part(client.get("/"), "home-questions-title")


def test_facilitators_see_what_waits_for_their_review(
    client_for, facilitator, author, make_practice
):
    make_practice(author, status="submitted", title="Le grenier communautaire")
    Training.objects.create(
        title="Former les trésoriers",
        objectives="- Tenir un cahier",
        organisation=author.memberships.first().organisation,
        status=Training.Status.SUBMITTED,
    )
    response = reader(client_for, facilitator).get("/")
    practices = part(response, "home-practices-title")
    assert "1 practice to review" in practices and "Le grenier communautaire" in practices
    assert "Former les trésoriers" in part(response, "home-trainings-title")


# Who sees what -----------------------------------------------------------------------


def test_nothing_private_to_another_organisation_reaches_a_members_home(
    client_for, author, colleague, outsider, org_a, make_practice
):
    followed = Theme.objects.get(slug=FOLLOWED_THEME)
    Subscription.objects.create(user=outsider, kind="theme", theme=followed)
    Subscription.objects.create(user=outsider, kind="organisation", organisation=org_a)
    outsider.skills_offered = "épargne et microfinance, mobilisation communautaire"
    outsider.save()
    secret = make_practice(author, visibility="organisation", title="Le secret de Bafut")
    secret.themes.set([followed])
    discussions.thread_create(
        space=discussions.space_for(secret), by=colleague, title="Question interne", body="…"
    )
    internal = make_workshop("Atelier interne de l'ADB", org_a, visibility="organisation")
    Registration.objects.create(workshop=internal, person=outsider)
    training = Training.objects.create(
        title="Formation interne", objectives="- Savoir", organisation=org_a
    )
    training.trainers.set([author])
    CollectiveAction.objects.create(
        workshop=internal,
        title="Action interne",
        owner_person=outsider,
        due_date=timezone.localdate(),
    )
    # What the members of org_a see, so that the test could fail.
    seen_at_home = text(reader(client_for, author).get("/"))
    assert "Question interne" in seen_at_home and "Formation interne" in seen_at_home

    page = text(reader(client_for, outsider).get("/"))
    for private in (
        "Le secret de Bafut",
        "Question interne",
        "Atelier interne de l'ADB",
        "Formation interne",
        "Action interne",
    ):
        assert private not in page


def test_the_anonymous_home_is_as_it_was(client, author, make_practice):
    make_practice(author, visibility="public", title="Le grenier ouvert")
    make_workshop(
        "Atelier ouvert à tous", author.memberships.first().organisation, visibility="public"
    )
    client.get("/")  # sessions, caches: the first visit is no measure
    with CaptureQueriesContext(connection) as queries:
        body = client.get("/").content.decode()
    assert "Le grenier ouvert" in body and "Atelier ouvert à tous" in body
    for member_only in ("home-needs", "home-news", "Ce qui vous attend", "What needs you now"):
        assert member_only not in body
    # As before "Mon Palabre": the latest practices (with their themes and other
    # languages), what is featured, the next workshops (with their organisers).
    assert len(queries.captured_queries) == 6, [q["sql"] for q in queries.captured_queries]


# Light ------------------------------------------------------------------------------


def test_the_home_reads_a_fixed_number_of_rows_however_many_items(
    client_for, world, author, outsider, org_a, org_b, make_practice, django_assert_max_num_queries
):
    def more(n, suffix):
        add_items(
            n,
            member=author,
            outsider=outsider,
            org_a=org_a,
            org_b=org_b,
            make_practice=make_practice,
            suffix=suffix,
        )

    more(3, "a")  # more in every panel than it shows: the counts are read too
    client = reader(client_for, author)
    client.get("/")  # sessions, caches: the first visit is no measure
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    some = len(queries.captured_queries)
    # Every panel full, and the network's panels: one query or two each, whatever the number.
    assert some <= 32, "\n".join(q["sql"][:120] for q in queries.captured_queries)
    more(5, "b")
    with django_assert_max_num_queries(some):
        response = client.get("/")
    page = text(response)
    assert "18 practices in progress" in page
    assert "9 sent back to you with changes requested" in page
    assert "You are registered for 18 workshops or trainings to come." in page
    assert "9 questions on your practices, themes or skills are waiting for an answer." in page
    assert "9 feedback reports are due" in page
    assert "9 new practices" in page and "9 discussions to read" in page
