"""The practices' part of a member's home ("home_needs"): my practices in progress, those
sent back with changes requested first; for facilitators, what waits for their review."""

from __future__ import annotations

import html
import re

import pytest
from django.utils import translation

from palabre.practices.panels import home_my_practices


@pytest.fixture(autouse=True)
def _french():
    """Panels are read here without the site's middleware: in French, as a member would."""
    with translation.override("fr"):
        yield


def panel(rf, user) -> str:
    request = rf.get("/")
    request.user = user
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", home_my_practices(request))))


def test_nothing_in_progress_says_what_to_do_in_one_query(rf, author, django_assert_num_queries):
    from palabre import permissions

    permissions.org_ids(author), permissions.admin_org_ids(author)  # read with the session
    with django_assert_num_queries(1):
        shown = panel(rf, author)
    assert "Aucune pratique en cours" in shown or "No practice in progress" in shown


def test_the_practice_sent_back_comes_first(rf, author, make_practice):
    make_practice(author, status="draft", title="Un brouillon récent")
    make_practice(author, status="changes_requested", title="À reprendre")
    make_practice(author, status="published", title="Déjà publiée")
    shown = panel(rf, author)
    assert "2 pratiques en cours" in shown
    assert shown.index("À reprendre") < shown.index("Un brouillon récent")
    assert "Déjà publiée" not in shown


def test_a_colleague_does_not_see_my_drafts_nor_an_outsider(
    rf, author, colleague, outsider, make_practice
):
    make_practice(author, status="draft", title="Mon brouillon")
    assert "Mon brouillon" not in panel(rf, colleague)
    assert "Mon brouillon" not in panel(rf, outsider)


def test_an_anonymous_visitor_gets_nothing(rf, db):
    from django.contrib.auth.models import AnonymousUser

    assert panel(rf, AnonymousUser()).strip() == ""


def test_facilitators_see_the_practices_to_review(rf, facilitator, author, make_practice):
    make_practice(author, status="submitted", title="Soumise pour relecture")
    shown = panel(rf, facilitator)
    assert "1 pratique à relire" in shown and "Soumise pour relecture" in shown
    assert "à relire" not in panel(rf, author)  # its author sees it in progress only
