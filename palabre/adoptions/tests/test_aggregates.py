"""Aggregates checked against figures computed by hand on a small fixed data set (both databases).

The data set (today = d):

practice P (org_a, theme épargne)          practice Q (org_b, theme eau)
  A1 org_b completed   5 yes (d-100), 4 yes (d-10)    B1 org_a completed  4 yes
  A2 org_c completed   2 no                           B2 org_c abandoned  2 no
  A3 org_b abandoned   1 no (d-50), ended d
  A4 org_c in progress 3 yes, started d-60
  A5 org_a completed   5 yes   (the practice's own organisation)
  A6 org_b planned, starts d+10
  A7 org_b in progress, started d-100, no report
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from palabre.adoptions import selectors
from palabre.adoptions.models import Adoption, Indicator, Measurement, add_months
from palabre.themes.models import Theme


@pytest.fixture
def data(practice, make_practice, outsider, org_a, org_b, org_c, adopt, report, today):
    d = today
    q = make_practice(outsider, organisation=org_b, title="Les comités de l'eau")
    q.themes.set([Theme.objects.get(slug="eau-hygiene-assainissement")])
    a1 = adopt(practice, org_b, status="completed")
    report(a1, 5, True, on=d - timedelta(days=100))
    report(a1, 4, True, on=d - timedelta(days=10))
    a2 = adopt(practice, org_c, status="completed")
    report(a2, 2, False, on=d - timedelta(days=20))
    a3 = adopt(practice, org_b, status="abandoned")
    report(a3, 1, False, on=d - timedelta(days=50))
    a4 = adopt(practice, org_c, status="in_progress", started=d - timedelta(days=60))
    report(a4, 3, True, on=d - timedelta(days=5))
    a5 = adopt(practice, org_a, status="completed")
    report(a5, 5, True, on=d - timedelta(days=30))
    a6 = adopt(practice, org_b, status="planned", started=d + timedelta(days=10))
    a7 = adopt(practice, org_b, status="in_progress", started=d - timedelta(days=100))
    b1 = adopt(q, org_a, status="completed")
    report(b1, 4, True, on=d - timedelta(days=3))
    b2 = adopt(q, org_c, status="abandoned")
    report(b2, 2, False, on=d - timedelta(days=3))
    return {"P": practice, "Q": q, "A1": a1, "A3": a3, "A6": a6, "A7": a7}


def test_practice_outcomes_match_hand_computed_figures(data):
    outcomes = selectors.practice_outcomes(data["P"])
    assert outcomes.by_status == {"planned": 1, "in_progress": 2, "completed": 3, "abandoned": 1}
    assert outcomes.total == 7
    # 5 + 4 + 2 + 1 + 3 + 5 = 20 over 6 reports
    assert outcomes.reports == 6
    assert outcomes.average_effectiveness == 3.33
    # yes: 5, 4, 3, 5 → 4 of 6
    assert outcomes.recommend_yes == 4
    assert outcomes.recommend_share == 66.7
    assert outcomes.effectiveness_counts == {1: 1, 2: 1, 3: 1, 4: 1, 5: 2}
    places = {c["code"]: c["n"] for c in outcomes.by_country}
    assert places == {"TD": 4, "CG": 2, "CM": 1}


def test_maturity_evidence_counts_only_other_organisations_positive_completed(data):
    evidence = selectors.maturity_evidence(data["P"])
    # A1 (latest 4) is positive; A2 (2) and A3 (abandoned) ended with a report; A5 is org_a's own.
    assert (evidence.adoptions, evidence.organisations, evidence.countries) == (1, 1, 1)
    assert evidence.ended_with_report == 3
    assert evidence.level == "promising"
    assert evidence.next_level == "proven"
    assert evidence.missing == {"adoptions": 2, "organisations": 2, "positive_share": 0.5}


def test_latest_report_decides_whether_an_adoption_is_positive(data, report, today):
    report(data["A1"], 2, False, on=today)
    assert selectors.maturity_evidence(data["P"]).level == "innovation"


def test_organisation_dashboard_figures_and_feedback_due(data, org_b, outsider, today):
    dashboard = selectors.organisation_dashboard(org_b, user=outsider, today=today)
    assert dashboard["status_counts"] == {
        "planned": 1,
        "in_progress": 1,
        "completed": 1,
        "abandoned": 1,
    }
    # org_b's reports: 5, 4, 1
    assert dashboard["report_count"] == 3
    assert dashboard["average_effectiveness"] == 3.33
    due = [(d.adoption.pk, d.milestone_months, d.due_on) for d in dashboard["due"]]
    a7 = data["A7"]
    assert due == [
        (a7.pk, 3, add_months(a7.started_on, 3)),  # 3 months passed, no report
        (data["A3"].pk, None, data["A3"].ended_on),  # abandoned, no report since it ended
    ]
    by_pk = {a.pk: a for a in dashboard["adoptions"]}
    assert by_pk[data["A1"].pk].report_count == 2
    assert float(by_pk[data["A1"].pk].average_effectiveness) == 4.5
    assert dashboard["adopted_elsewhere_count"] == 2  # Q adopted by org_a and org_c


def test_network_dashboard_rankings_themes_and_organisations(data, org_a, org_b, org_c):
    network = selectors.network_dashboard()
    assert network["adoption_total"] == 9
    assert network["organisation_total"] == 3
    assert network["country_total"] == 3
    # 20 + 4 + 2 = 26 over 8 reports; 5 of 8 would recommend
    assert network["report_total"] == 8
    assert network["average_effectiveness"] == 3.25
    assert network["recommend_share"] == 62.5
    most = [(p.pk, p.adoptions_total, p.organisation_count) for p in network["most_adopted"]]
    assert most == [(data["P"].pk, 7, 3), (data["Q"].pk, 2, 2)]
    assert [(p.pk, round(float(p.average_effectiveness), 2)) for p in network["best"]] == [
        (data["P"].pk, 3.33)
    ]
    assert [(p.pk, p.report_count) for p in network["worst"]] == [(data["Q"].pk, 2)]
    themes = [(t.slug, t.adoption_count, t.abandoned, t.failure_rate) for t in network["themes"]]
    # Water: 1 of 2 started abandoned; savings: 1 of 6 started (A6 is only planned)
    assert themes == [
        ("eau-hygiene-assainissement", 2, 1, 50.0),
        ("epargne-microfinance", 6, 1, 16.7),
    ]
    rows = {o.pk: (o.shared, o.adopted, o.adopted_elsewhere) for o in network["organisations"]}
    assert rows == {org_a.pk: (1, 2, 6), org_b.pk: (1, 4, 2), org_c.pk: (0, 3, 0)}


def test_adoptions_by_month_keeps_empty_months(data, today):
    series = selectors.adoptions_by_month(Adoption.objects.all(), today=today)
    assert len(series) == 12
    assert series[-1][0] == today.replace(day=1)
    assert (
        sum(n for _month, n in series)
        == Adoption.objects.filter(started_on__gte=series[0][0], started_on__lte=today).count()
    )


@pytest.mark.parametrize(
    ("direction", "baseline", "target", "values", "expected"),
    [
        ("increase", 35, 80, [40, 62], 60.0),  # (62 − 35) / (80 − 35)
        ("decrease", 45, 10, [40, 24], 60.0),  # (24 − 45) / (10 − 45)
        ("increase", 35, 80, [90], 122.2),  # beyond the target
        ("increase", 35, 80, [30], -11.1),  # the wrong way
        ("increase", 35, 80, [], None),
    ],
)
def test_indicator_progress_from_baseline_to_target(
    org_b, direction, baseline, target, values, expected
):
    indicator = Indicator.objects.create(
        organisation=org_b,
        name="Indicateur",
        unit="%",
        value_type="number",
        direction=direction,
        baseline_value=baseline,
        baseline_date=date(2025, 1, 1),
        target_value=target,
        target_date=date(2027, 1, 1),
    )
    for month, value in enumerate(values, 1):
        Measurement.objects.create(
            indicator=indicator, measured_on=date(2025, month, 15), value=Decimal(value)
        )
    (row,) = selectors.indicators_with_progress(Indicator.objects.filter(pk=indicator.pk))
    progress = None if row.latest_progress is None else round(row.latest_progress, 1)
    assert progress == expected
    if values:
        assert row.latest_value == Decimal(values[-1])
        assert row.measurement_count == len(values)
