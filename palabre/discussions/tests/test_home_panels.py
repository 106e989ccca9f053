"""Discussions' parts of a member's home: the questions they could answer ("home_needs")
and what is new in what they follow ("home_news")."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone, translation

from palabre import permissions
from palabre.discussions import services
from palabre.discussions.models import Subscription, Thread
from palabre.discussions.panels import home_news, home_questions
from palabre.themes.models import Theme


@pytest.fixture(autouse=True)
def _french():
    """Panels are read here without the site's middleware: in French, as a member would."""
    with translation.override("fr"):
        yield


def read(func, rf, user) -> str:
    request = rf.get("/")
    request.user = user
    permissions.org_ids(user), permissions.admin_org_ids(user)  # read once per request
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", func(request))))


def test_a_question_on_my_practice_is_one_i_could_answer(rf, practice, author, outsider):
    services.thread_create(
        space=services.space_for(practice), by=outsider, title="Quel stock minimum ?", body="…"
    )
    assert "Quel stock minimum ?" in read(home_questions, rf, author)


def test_answered_and_hidden_questions_are_not_offered(rf, practice, author, outsider, colleague):
    answered = services.thread_create(
        space=services.space_for(practice), by=outsider, title="Déjà répondue", body="…"
    )
    services.answer_post(thread=answered, by=colleague, body="Voici.")
    hidden = services.thread_create(
        space=services.space_for(practice), by=outsider, title="Masquée", body="…"
    )
    Thread.objects.filter(pk=hidden.pk).update(hidden_at=timezone.now())
    shown = read(home_questions, rf, author)
    assert "Déjà répondue" not in shown and "Masquée" not in shown


def test_nothing_to_answer_costs_one_query(rf, colleague, django_assert_num_queries):
    request = rf.get("/")
    request.user = colleague
    permissions.org_ids(colleague), permissions.admin_org_ids(colleague)  # per request
    with django_assert_num_queries(1):
        home_questions(request)


def test_a_private_question_of_another_organisation_is_not_offered(
    rf, private_practice, colleague, outsider
):
    outsider.skills_offered = "épargne et microfinance"
    outsider.save()
    services.thread_create(
        space=services.space_for(private_practice), by=colleague, title="Interne", body="…"
    )
    assert "Interne" not in read(home_questions, rf, outsider)


def test_news_of_a_followed_theme_and_organisation(
    rf, make_practice, author, outsider, org_a, org_b
):
    theme = Theme.objects.get(slug="partenariats")
    Subscription.objects.create(user=author, kind="theme", theme=theme)
    Subscription.objects.create(user=author, kind="organisation", organisation=org_b)
    in_theme = make_practice(outsider, title="Un partenariat avec la mairie")
    in_theme.themes.set([theme])
    make_practice(outsider, title="Une pratique de l'ATE")
    old = make_practice(outsider, title="Une vieille pratique")
    old.themes.set([theme])
    from palabre.practices.models import Practice

    Practice.objects.filter(pk=old.pk).update(last_published_at=timezone.now() - timedelta(days=90))
    secret = make_practice(outsider, visibility="organisation", title="Secret de l'ATE")
    secret.themes.set([theme])
    services.thread_create(
        space=services.space_for(theme),
        by=outsider,
        title="Qui a signé une convention ?",
        body="…",
        kind=Thread.Kind.DISCUSSION,
    )
    shown = read(home_news, rf, author)
    assert "2 nouvelles pratiques" in shown or "2 new practices" in shown
    assert "Un partenariat avec la mairie" in shown and "Une pratique de l'ATE" in shown
    assert "Une vieille pratique" not in shown and "Secret de l'ATE" not in shown
    assert "Qui a signé une convention ?" in shown


def test_following_nothing_says_how_in_one_query(rf, colleague, django_assert_num_queries):
    request = rf.get("/")
    request.user = colleague
    with django_assert_num_queries(1):
        shown = home_news(request)
    assert "Suivre" in html.unescape(shown) or "Follow" in shown


def test_anonymous_visitors_get_neither(rf, db):
    assert read(home_questions, rf, AnonymousUser()).strip() == ""
    assert read(home_news, rf, AnonymousUser()).strip() == ""
