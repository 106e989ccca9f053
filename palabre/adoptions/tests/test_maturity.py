"""A practice's maturity follows the evidence, with thresholds that can be configured."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings

from conftest import make_person
from palabre.adoptions.services import (
    adoption_update,
    feedback_create,
    practices_maturity_refresh_all,
)
from palabre.audit.models import AuditEvent
from palabre.notifications.models import Notification
from palabre.organisations.models import Organisation
from palabre.practices.models import Practice

from .helpers import text


@pytest.fixture
def organisations(db):
    """Five other organisations: three in Cameroon, one in Chad, one in Gabon."""
    countries = ["CM", "CM", "CM", "TD", "GA"]
    made = []
    for number, country in enumerate(countries, 1):
        organisation = Organisation.objects.create(
            name=f"Organisation {number}", slug=f"org-{number}", kind="ngo", country=country
        )
        person = make_person(
            f"p{number}@org.example", f"Personne {number}", organisation=organisation
        )
        made.append((organisation, person))
    return made


def complete(practice, organisation, person, adopt, score):
    """An adoption reported on by its team, which marks it completed."""
    adoption = adopt(practice, organisation, by=person)
    feedback_create(
        adoption=adoption,
        by=person,
        effectiveness=score,
        would_recommend=score >= 4,
        results="Résultats",
        status="completed",
    )
    return adoption


def maturity(practice):
    return Practice.objects.values_list("maturity", flat=True).get(pk=practice.pk)


def test_maturity_climbs_with_positive_completed_adoptions(
    client_for, practice, author, organisations, adopt
):
    assert maturity(practice) == "innovation"
    page = text(client_for(author).get(practice.get_absolute_url()))
    assert "Aucune adoption terminée avec un retour positif par une autre organisation" in page
    levels = []
    for organisation, person in organisations:
        complete(practice, organisation, person, adopt, 5)
        levels.append(maturity(practice))
    # 1 adoption → promising; 3 in 3 organisations → proven; 5 organisations but only 5 adoptions
    assert levels == ["promising", "promising", "proven", "proven", "proven"]
    organisation, person = organisations[4]
    complete(practice, organisation, person, adopt, 4)  # 6 adoptions, 5 organisations, 3 countries
    assert maturity(practice) == "institutionalised"
    assert (
        Notification.objects.filter(recipient=author, kind="adoption.maturity_changed").count() == 3
    )
    assert AuditEvent.objects.filter(action="practice.maturity_changed").count() == 3


def test_maturity_goes_down_when_the_evidence_goes(practice, organisations, adopt):
    organisation, person = organisations[0]
    adoption = complete(practice, organisation, person, adopt, 5)
    assert maturity(practice) == "promising"
    adoption_update(
        adoption=adoption, by=person, fields={"status": "abandoned", "abandon_reason": "Arrêt"}
    )
    assert maturity(practice) == "innovation"


def test_many_failures_keep_a_practice_from_being_proven(practice, organisations, adopt):
    for organisation, person in organisations[:3]:
        complete(practice, organisation, person, adopt, 5)
    assert maturity(practice) == "proven"
    for organisation, person in organisations[3:]:
        for _ in range(2):
            complete(practice, organisation, person, adopt, 1)
    # 3 positive of 7 that ended: below half
    assert maturity(practice) == "promising"


def test_adoptions_by_the_practices_own_organisation_do_not_count(practice, author, org_a, adopt):
    complete(practice, org_a, author, adopt, 5)
    assert maturity(practice) == "innovation"


def test_thresholds_come_from_the_settings(settings, practice, organisations, adopt):
    thresholds = settings.ADOPTIONS_MATURITY_THRESHOLDS
    settings.ADOPTIONS_MATURITY_THRESHOLDS = {
        **thresholds,
        "promising": {**thresholds["promising"], "adoptions": 2},
    }
    organisation, person = organisations[0]
    complete(practice, organisation, person, adopt, 5)
    assert maturity(practice) == "innovation"
    settings.ADOPTIONS_POSITIVE_EFFECTIVENESS = 5
    organisation, person = organisations[1]
    complete(practice, organisation, person, adopt, 4)  # not positive any more
    assert maturity(practice) == "innovation"
    settings.ADOPTIONS_POSITIVE_EFFECTIVENESS = 4
    assert practices_maturity_refresh_all() == 1  # the daily job picks up the change
    assert maturity(practice) == "promising"


def test_the_practice_page_shows_the_maturity_and_its_evidence(
    client_for, practice, outsider, organisations, adopt
):
    organisation, person = organisations[0]
    complete(practice, organisation, person, adopt, 5)
    page = text(client_for(outsider).get(practice.get_absolute_url()))
    assert "Prometteuse : a marché une fois ailleurs" in page
    assert "Preuves : 1 adoption terminée avec un retour positif" in page
    assert "Pour devenir « éprouvée dans plusieurs contextes » :" in page
    assert "3 adoptions terminées avec un retour positif (aujourd'hui : 1)" in page
    assert "dans 3 organisations différentes (aujourd'hui : 1)" in page
    assert "pays différent" not in page  # one country is enough to be proven


def test_the_documentation_states_the_default_thresholds():
    doc = (Path(__file__).resolve().parents[3] / "docs" / "maturity.md").read_text()
    for setting in (
        "ADOPTIONS_MATURITY_THRESHOLDS",
        "ADOPTIONS_POSITIVE_EFFECTIVENESS",
        "ADOPTIONS_FEEDBACK_REMINDER_MONTHS",
    ):
        assert setting in doc
    for level, need in django_settings.ADOPTIONS_MATURITY_THRESHOLDS.items():
        row = next(line for line in doc.splitlines() if line.startswith(f"| {level} "))
        assert f"| {need['adoptions']} | {need['organisations']} | {need['countries']} |" in row
