"""Suggested presenters: the ranking of ``presenters.suggest`` against the scores computed
by hand in presenters_world.py, and who sees which evidence."""

from __future__ import annotations

import pytest
from django.utils import translation

from palabre.recognition.presenters import suggest, weight
from palabre.recognition.tests import presenters_world


@pytest.fixture
def world(make_practice, author, colleague, outsider, org_a, org_b):
    return presenters_world.build(
        make_practice, author=author, colleague=colleague, outsider=outsider, org_a=org_a,
        org_b=org_b,
    )  # fmt: skip


def ranking(found):
    return [(s.person.display_name, s.score) for s in found]


def test_the_weight_of_an_event_by_its_age():
    from datetime import date, timedelta

    today = date(2026, 12, 2)
    assert weight(today, today, 540) == 1.0
    assert weight(today - timedelta(days=180), today, 540) == 1.0
    assert weight(today - timedelta(days=270), today, 540) == 0.75
    assert weight(today - timedelta(days=360), today, 540) == 0.5
    assert weight(today - timedelta(days=540), today, 540) == 0.0
    assert weight(today - timedelta(days=600), today, 540) == 0.0


def test_a_facilitator_gets_the_ranking_computed_by_hand(world, facilitator):
    found = suggest(themes=[world["water"]], viewer=facilitator, exclude_ids=[world["eve"].pk])
    assert ranking(found) == [("Awa Author", 6.0), ("Colin Colleague", 5.5), ("Binta Expert", 3.25)]


def test_without_exclusion_the_already_invited_person_counts(world, facilitator):
    found = suggest(themes=[world["water"]], viewer=facilitator)
    assert ranking(found) == [
        ("Awa Author", 6.0),
        ("Colin Colleague", 5.5),
        ("Binta Expert", 3.25),
        ("Eve Already", 3.0),
    ]
    assert ranking(suggest(themes=[world["water"]], viewer=facilitator, limit=2)) == [
        ("Awa Author", 6.0),
        ("Colin Colleague", 5.5),
    ]


def test_the_reasons_say_what_counted(world, facilitator):
    with translation.override("en"):
        found = suggest(themes=[world["water"]], viewer=facilitator, exclude_ids=[world["eve"].pk])
    awa = found[0]
    assert list(awa.reasons)[:2] == [
        "Published « Les comités de points d'eau » in " + awa.reasons[0].split(" in ", 1)[1],
        "2 adoptions of « Les comités de points d'eau » rated 4.5/5 in the last 18 months",
    ]
    assert awa.reasons[0].url == world["p1"].get_absolute_url()
    assert "1 thanks received in the last 18 months" in awa.reasons
    binta = found[2]
    assert "Led the adoption of « Les comités de points d'eau » to completion, rated 5/5" in (
        binta.reasons
    )
    assert "1 adoption of « Les latrines écologiques » rated 2/5 in the last 18 months" in (
        binta.reasons
    )


def test_a_member_organiser_of_another_organisation_sees_no_org_only_evidence(world, outsider):
    # Oscar (org B) may not read P4, its organisation-only report nor its thanks: Colin
    # is not suggested to him, and nothing of P4 shows in anyone's reasons.
    with translation.override("en"):
        found = suggest(themes=[world["water"]], viewer=outsider, exclude_ids=[world["eve"].pk])
    assert ranking(found) == [("Awa Author", 6.0), ("Binta Expert", 3.25)]
    assert not any(presenters_world.SECRET in reason for s in found for reason in s.reasons)


def test_a_member_of_the_organisation_sees_its_own_evidence(world, author):
    found = suggest(themes=[world["water"]], viewer=author, exclude_ids=[world["eve"].pk])
    assert ("Colin Colleague", 5.5) in ranking(found)


def test_other_themes_and_old_events_do_not_count(world, facilitator):
    names = [s.person.display_name for s in suggest(themes=[world["water"]], viewer=facilitator)]
    assert "Dora Savings" not in names  # her practice is on savings
    assert "Oscar Outsider" not in names  # his practice is 600 days old
    savings = suggest(themes=[999999], viewer=facilitator)  # an unknown theme: nothing
    assert savings == []


def test_a_shorter_window_counts_less(world, facilitator):
    from datetime import timedelta

    from django.utils import timezone

    since = timezone.localdate() - timedelta(days=180)
    # W = 180: full weight up to 60 days, then (180 − age) / 120. Awa: P1 (30 days) 3 +
    # A1 report (10 days) 2 + thanks (20 days) 0.5 = 5.5 (the 360-day-old report is out).
    # Colin: 3 × (180 − 60) / 120 = 3 + 2 + 0.5 = 5.5. Binta: P3 is out; A1 ended 90 days
    # ago: 2 × (180 − 90) / 120 = 1.5; A3's report (100 days): −1 × 80/120 → 1.5 − 0.67 = 0.83.
    found = suggest(
        themes=[world["water"]], viewer=facilitator, since=since, exclude_ids=[world["eve"].pk]
    )
    assert ranking(found) == [("Awa Author", 5.5), ("Colin Colleague", 5.5), ("Binta Expert", 0.83)]
