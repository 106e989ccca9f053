"""Workshops, sessions and registrations for the tests of this app."""

from __future__ import annotations

from datetime import time, timedelta

import pytest


@pytest.fixture
def make_workshop(db, facilitator, org_a):
    from palabre.workshops.models import Workshop

    def make(
        *,
        start_in: int = 10,
        days: int = 2,
        organisers=None,
        status: str = "published",
        visibility: str = "network",
        **fields,
    ) -> Workshop:
        from django.utils import timezone

        today = timezone.localdate()
        values = {
            "title": "Atelier d'échanges de Bafut",
            "objectives": "- Partager nos expériences d'épargne",
            "start_date": today + timedelta(days=start_in),
            "end_date": today + timedelta(days=start_in + days - 1),
            "venue": "Salle paroissiale",
            "city": "Bafut",
            "status": status,
            "visibility": visibility,
            "created_by": facilitator,
            **fields,
        }
        workshop = Workshop.objects.create(**values)
        workshop.organisers.set(organisers or [org_a])
        return workshop

    return make


@pytest.fixture
def workshop(make_workshop):
    """Published, for network members, in ten days, no place limit."""
    return make_workshop()


@pytest.fixture
def running(make_workshop):
    """A workshop happening today and tomorrow."""
    return make_workshop(start_in=0, title="Atelier en cours")


@pytest.fixture
def register(db):
    from palabre.workshops.models import Registration

    def make(
        workshop, person, *, role="participant", status="confirmed", organisation=None, **fields
    ):
        if organisation is None:
            membership = person.memberships.first()
            organisation = membership.organisation if membership else None
        return Registration.objects.create(
            workshop=workshop,
            person=person,
            role=role,
            status=status,
            organisation=organisation,
            registered_by=person,
            **fields,
        )

    return make


@pytest.fixture
def add_session(db):
    from palabre.workshops.models import Session

    def make(
        workshop,
        *,
        day: int = 0,
        start="09:00",
        end="10:00",
        kind="plenary",
        title=None,
        members=(),
        **fields,
    ) -> Session:
        moment = workshop.start_date + timedelta(days=day)
        h1, m1 = (int(x) for x in start.split(":"))
        h2, m2 = (int(x) for x in end.split(":"))
        session = Session.objects.create(
            workshop=workshop,
            kind=kind,
            title=title or f"Session {kind} {start}",
            starts_at=workshop.at(moment, time(h1, m1)),
            ends_at=workshop.at(moment, time(h2, m2)),
            **fields,
        )
        for person in members:
            session.memberships.create(person=person)
        return session

    return make


@pytest.fixture
def bearer(db):
    from palabre.accounts.services import api_token_create

    def make(user):
        _token, secret = api_token_create(user=user, name="tests")
        return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}

    return make


@pytest.fixture(autouse=True)
def toolbox(db):
    """The seeded techniques: a transactional (browser) test empties the table, put them back."""
    import importlib

    from django.apps import apps

    from palabre.workshops.models import FacilitationTool

    if not FacilitationTool.objects.exists():
        importlib.import_module("palabre.workshops.migrations.0002_seed_facilitation_toolbox").seed(
            apps, None
        )
    return {t.slug: t for t in FacilitationTool.objects.all()}
