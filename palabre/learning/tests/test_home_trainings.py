"""Internal training's part of a member's home ("home_needs"): the trainings I write,
and for facilitators those waiting for review. Nothing for those who write none."""

from __future__ import annotations

import html
import re

import pytest
from django.utils import translation

from palabre import permissions
from palabre.learning.models import Training
from palabre.learning.panels.home import home_trainings


@pytest.fixture(autouse=True)
def _french():
    """Panels are read here without the site's middleware: in French, as a member would."""
    with translation.override("fr"):
        yield


def read(rf, user) -> str:
    request = rf.get("/")
    request.user = user
    permissions.org_ids(user), permissions.admin_org_ids(user)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", home_trainings(request))))


def training(org, *, title, status=Training.Status.DRAFT, trainers=()):
    made = Training.objects.create(
        title=title, objectives="- Savoir", organisation=org, status=status
    )
    made.trainers.set(trainers)
    return made


def test_a_member_who_writes_no_training_sees_nothing_for_one_query(
    rf, colleague, django_assert_num_queries
):
    request = rf.get("/")
    request.user = colleague
    permissions.org_ids(colleague), permissions.admin_org_ids(colleague)
    with django_assert_num_queries(1):
        assert home_trainings(request) == ""


def test_my_trainings_in_progress_not_my_published_ones(rf, org_a, author, colleague):
    training(org_a, title="Mon brouillon de formation", trainers=[author])
    training(org_a, title="Déjà publiée", status=Training.Status.PUBLISHED, trainers=[author])
    shown = read(rf, author)
    assert "Mon brouillon de formation" in shown and "Déjà publiée" not in shown
    assert read(rf, colleague).strip() == ""  # a colleague who writes no training


def test_facilitators_see_what_waits_for_review(rf, org_a, org_b, facilitator, outsider):
    training(org_a, title="À relire", status=Training.Status.SUBMITTED)
    assert "À relire" in read(rf, facilitator)
    assert "À relire" not in read(rf, outsider)
