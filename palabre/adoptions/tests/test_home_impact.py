"""Adoptions' part of a member's home ("home_needs"): the feedback reports their
organisation owes, and what to do when it has adopted nothing."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest
from django.utils import translation

from palabre import permissions
from palabre.adoptions.panels import home_impact


@pytest.fixture(autouse=True)
def _french():
    """Panels are read here without the site's middleware: in French, as a member would."""
    with translation.override("fr"):
        yield


def read(rf, user) -> str:
    request = rf.get("/")
    request.user = user
    permissions.org_ids(user)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", home_impact(request))))


def test_a_report_due_is_shown_to_the_adopting_organisation_only(
    rf, practice, adopt, org_b, outsider, author, today
):
    adopt(practice, org_b, started=today - timedelta(days=100), by=outsider)
    shown = read(rf, outsider)
    assert "1 retour d'expérience est attendu" in shown
    assert practice.title in shown
    assert practice.title not in read(rf, author)  # org_a wrote it, org_b adopted it


def test_no_adoption_says_what_to_do_in_one_query(rf, outsider, django_assert_num_queries):
    request = rf.get("/")
    request.user = outsider
    permissions.org_ids(outsider)
    with django_assert_num_queries(1):
        shown = html.unescape(home_impact(request))
    assert "aucune adoption" in shown or "not recorded any adoption" in shown


def test_reports_due_cost_one_query_however_many(
    rf, practice, adopt, org_b, outsider, today, django_assert_num_queries
):
    for _ in range(6):
        adopt(practice, org_b, started=today - timedelta(days=100), by=outsider)
    request = rf.get("/")
    request.user = outsider
    permissions.org_ids(outsider)
    with django_assert_num_queries(1):
        shown = html.unescape(home_impact(request))
    assert "6 retours d'expérience sont attendus" in shown
