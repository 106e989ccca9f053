"""Workshops' part of a member's home ("home_needs"): the workshops and training sessions
they registered for, soonest first, and the actions in their hands."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone, translation

from palabre import permissions
from palabre.workshops.models import CollectiveAction, Workshop
from palabre.workshops.panels import home_my_workshops


@pytest.fixture(autouse=True)
def _french():
    """Panels are read here without the site's middleware: in French, as a member would."""
    with translation.override("fr"):
        yield


def read(rf, user) -> str:
    request = rf.get("/")
    request.user = user
    permissions.org_ids(user)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", home_my_workshops(request))))


def test_my_next_workshops_and_trainings_soonest_first(rf, make_workshop, register, author):
    later = make_workshop(start_in=30, title="Atelier de mars")
    latest = make_workshop(start_in=60, title="Atelier d'avril")
    sooner = make_workshop(start_in=5, title="Session de formation", kind=Workshop.Kind.TRAINING)
    past = make_workshop(start_in=-20, title="Atelier passé")
    cancelled = make_workshop(start_in=8, title="Inscription annulée")
    full = make_workshop(start_in=9, title="Atelier complet")
    for workshop in (latest, later, sooner, past):
        register(workshop, author)
    register(cancelled, author, status="cancelled")
    register(full, author, status="waitlisted")
    shown = read(rf, author)
    assert shown.index("Session de formation") < shown.index("Atelier complet")
    assert "Atelier passé" not in shown and "Inscription annulée" not in shown
    assert "liste d'attente" in shown
    assert "Atelier de mars" in shown
    assert "Atelier d'avril" not in shown  # three shown; "My workshops" leads to the rest


def test_a_workshop_i_may_no_longer_see_is_not_shown(rf, make_workshop, register, outsider):
    internal = make_workshop(visibility="organisation", title="Atelier interne de l'ADB")
    register(internal, outsider)
    CollectiveAction.objects.create(
        workshop=internal,
        title="Action interne",
        owner_person=outsider,
        due_date=timezone.localdate() + timedelta(days=3),
    )
    shown = read(rf, outsider)
    assert "Atelier interne de l'ADB" not in shown and "Action interne" not in shown


def test_nothing_to_come_says_what_to_do_in_two_queries(rf, colleague, django_assert_num_queries):
    request = rf.get("/")
    request.user = colleague
    permissions.org_ids(colleague)
    with django_assert_num_queries(2):  # registrations, actions
        shown = html.unescape(home_my_workshops(request))
    assert "Voir les ateliers" in shown


def test_anonymous_visitors_get_nothing(rf, db):
    assert read(rf, AnonymousUser()).strip() == ""
