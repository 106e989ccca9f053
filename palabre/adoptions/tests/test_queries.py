"""List pages and dashboards run a fixed number of queries, however many rows they show."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from palabre.adoptions.models import Indicator, Measurement


@pytest.fixture
def grow(practice, make_practice, outsider, org_b, org_c, adopt, report, today):
    """Add ``n`` adoptions (each with two reports) and ``n`` indicators with measurements."""
    counter = {"n": 0}

    def add(n):
        for _ in range(n):
            counter["n"] += 1
            number = counter["n"]
            other = make_practice(outsider, organisation=org_b, title=f"Pratique {number}")
            for target, organisation in ((practice, org_b), (other, org_c)):
                adoption = adopt(target, organisation, by=outsider, status="completed")
                report(adoption, 4, on=today - timedelta(days=2))
                report(adoption, 2, on=today - timedelta(days=1), visibility="organisation")
            indicator = Indicator.objects.create(
                organisation=org_b,
                name=f"Indicateur {number}",
                unit="%",
                baseline_value=10,
                baseline_date=date(2025, 1, 1),
                target_value=90,
                target_date=date(2027, 1, 1),
            )
            indicator.adoptions.add(adoption)
            Measurement.objects.create(indicator=indicator, measured_on=today, value=50)

    return add


def count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries.captured_queries)


@pytest.mark.parametrize(
    ("who", "url", "limit"),
    [
        ("outsider", "/adoptions/", 8),
        ("outsider", "/adoptions/organisation/ate/", 14),
        ("facilitator", "/adoptions/network/", 17),
        ("outsider", "/adoptions/practice/{practice}/", 16),
        ("outsider", "/adoptions/indicators/", 8),
        ("outsider", "/adoptions/export/feedback.csv", 5),
        ("outsider", "/adoptions/export/measurements.xlsx", 5),
        ("outsider", "/api/v1/adoptions", 6),
        ("outsider", "/api/v1/feedback", 6),
        ("outsider", "/api/v1/indicators", 6),
    ],
)
def test_query_count_does_not_grow_with_the_rows(
    client_for, outsider, facilitator, practice, grow, who, url, limit
):
    client = client_for({"outsider": outsider, "facilitator": facilitator}[who])
    url = url.format(practice=practice.pk)
    grow(2)
    first = count(client, url)
    assert first <= limit, (url, first)
    grow(4)
    assert count(client, url) <= first, url


def test_the_practice_page_panel_runs_a_fixed_number_of_queries(rf, outsider, practice, grow):
    from palabre.adoptions.panels import practice_adoptions

    def panel_queries():
        request = rf.get(practice.get_absolute_url())
        request.user = outsider
        with CaptureQueriesContext(connection) as queries:
            html = practice_adoptions(request, practice=practice)
        assert "Est-ce que ça marche ailleurs ?" in html
        return len(queries.captured_queries)

    grow(2)
    first = panel_queries()
    assert first <= 14, first
    grow(4)
    assert panel_queries() <= first
