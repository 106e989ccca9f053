"""The demo network gives every dashboard something meaningful to show."""

import pytest
from django.core.management import call_command

from palabre.accounts.models import User
from palabre.adoptions.models import Adoption, FeedbackReport, Indicator, Measurement
from palabre.practices.models import Practice

from .helpers import text


@pytest.fixture
def demo(db):
    call_command("demo", verbosity=0)


def test_demo_adoptions_are_idempotent_and_cover_a_year(demo):
    counts = (
        Adoption.objects.count(),
        FeedbackReport.objects.count(),
        Indicator.objects.count(),
        Measurement.objects.count(),
    )
    call_command("demo", verbosity=0)
    assert counts == (
        Adoption.objects.count(),
        FeedbackReport.objects.count(),
        Indicator.objects.count(),
        Measurement.objects.count(),
    )
    assert counts[0] >= 30 and counts[1] >= 40 and counts[2] >= 5 and counts[3] >= 60
    dates = FeedbackReport.objects.values_list("reported_on", flat=True)
    assert (max(dates) - min(dates)).days >= 330
    assert {a.status for a in Adoption.objects.all()} == set(Adoption.Status.values)
    maturities = set(Practice.objects.values_list("maturity", flat=True))
    assert maturities == {"innovation", "promising", "proven", "institutionalised"}


def test_every_dashboard_shows_something_with_the_demo_logins(demo, client_for):
    fotso = User.objects.get(email="fotso@adecob.example")
    facilitator = User.objects.get(email="animatrice@palabre.example")
    warrantage = Practice.objects.get(external_id="demo:warrantage-ropa")

    page = text(client_for(fotso).get("/adoptions/organisation/adecob/"))
    assert "Nos adoptions" in page and "Points d'eau fonctionnels" in page
    assert "Retours attendus" in page and "attendu depuis le" in page
    assert "<svg" in page

    page = text(client_for(facilitator).get("/adoptions/network/"))
    for heading in (
        "Les pratiques les plus adoptées",
        "Les pratiques aux meilleurs résultats",
        "Les pratiques aux moins bons résultats",
        "Les thèmes où l'adoption échoue",
        "Les organisations qui partagent et qui adoptent",
    ):
        assert heading in page
    assert "Le warrantage du maïs" in page and "Pas encore d'adoption" not in page

    page = text(client_for(fotso).get(f"/adoptions/practice/{warrantage.pk}/"))
    assert "Institutionnalisée" in page and "Réussites" in page and "Tchad" in page
    assert "prise en compte dans la version 2" in page
    page = text(client_for(fotso).get(warrantage.get_absolute_url()))
    assert "Est-ce que ça marche ailleurs ?" in page and "Qui l'a adoptée" in page
