"""Fixtures of the adoptions tests: a practice of org_a adopted by org_b, and helpers to build more."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from palabre.adoptions.models import Adoption, FeedbackReport, Indicator


@pytest.fixture
def practice(make_practice, author):
    """A published, network-wide practice written by ``author`` (org_a)."""
    practice = make_practice(author, visibility="network", title="Le warrantage à Ngaoundéré")
    from palabre.practices.services import _record_revision

    _record_revision(practice, by=author, note="")
    return practice


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def adopt(db):
    """Record an adoption directly (no service): organisation, status, started, country."""

    def make(practice, organisation, *, status="in_progress", started=None, by=None, **fields):
        started = started or timezone.localdate() - timedelta(days=200)
        ended = None
        if status in ("completed", "abandoned"):
            ended = fields.pop("ended_on", None) or timezone.localdate()
        return Adoption.objects.create(
            practice=practice,
            organisation=organisation,
            status=status,
            started_on=started,
            ended_on=ended,
            country=fields.pop("country", organisation.country),
            region=fields.pop("region", organisation.region),
            created_by=by,
            contact=by,
            abandon_reason="Raisons" if status == "abandoned" else "",
            **fields,
        )

    return make


@pytest.fixture
def report(db):
    """Write a feedback report directly: effectiveness, would recommend, on a date."""

    def make(adoption, effectiveness, recommend=True, *, on=None, by=None, **fields):
        return FeedbackReport.objects.create(
            adoption=adoption,
            reported_on=on or timezone.localdate(),
            effectiveness=effectiveness,
            would_recommend=recommend,
            status_at_report=adoption.status,
            results=fields.pop("results", "Ça a marché."),
            difficulties=fields.pop("difficulties", "Un peu lent."),
            created_by=by,
            **fields,
        )

    return make


@pytest.fixture
def org_c(db):
    from palabre.organisations.models import Organisation

    return Organisation.objects.create(
        name="Jeunesse Solidaire de Brazzaville",
        acronym="JSB",
        slug="jsb",
        kind="local_association",
        country="CG",
        region="Brazzaville",
    )


@pytest.fixture
def indicator(db, org_b, outsider):
    """An indicator of org_b: households with latrines, 35 % → 80 %."""
    return Indicator.objects.create(
        organisation=org_b,
        name="Ménages avec latrines",
        unit="%",
        value_type="percentage",
        direction="increase",
        baseline_value=35,
        baseline_date=date(2025, 1, 1),
        target_value=80,
        target_date=date(2027, 1, 1),
        created_by=outsider,
    )


@pytest.fixture
def bearer(db):
    from palabre.accounts.services import api_token_create

    def make(user):
        _token, secret = api_token_create(user=user, name="tests")
        return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}

    return make
