"""A network with something of every visibility to put in a newsletter, for the tests of
this app: practices, a workshop and an announcement of each organisation only, next to
shared ones."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest

from conftest import make_person


@dataclass
class Scene:
    a_only: Any  # a practice of organisation A, for its members only
    b_only: Any  # the same for organisation B
    network: Any
    public: Any
    workshop_a: Any  # an upcoming workshop of A, for its members only
    announcement_a: Any  # an announcement for A's members
    announcement_all: Any


@pytest.fixture
def english_outsider(org_b):
    return make_person("olivia@ate.example", "Olivia English", organisation=org_b, language="en")


@pytest.fixture
def scene(db, author, outsider, make_practice, org_a, org_b):
    from django.utils import timezone

    from palabre.announcements.models import Announcement
    from palabre.workshops.models import Workshop

    now = timezone.now()
    today = timezone.localdate()
    workshop = Workshop.objects.create(
        title="Atelier réservé à l'ADB",
        objectives="Partager",
        start_date=today + timedelta(days=10),
        end_date=today + timedelta(days=10),
        city="Bafut",
        status="published",
        visibility="organisation",
    )
    workshop.organisers.set([org_a])
    everyone = Announcement.objects.create(
        title="Semaine du partage",
        body="Partagez **une** pratique cette semaine.",
        starts_at=now - timedelta(days=1),
        ends_at=now + timedelta(days=6),
        audience="everyone",
    )
    only_a = Announcement.objects.create(
        title="Réunion interne de l'ADB",
        body="Salle du fond.",
        starts_at=now - timedelta(days=1),
        ends_at=now + timedelta(days=6),
        audience="organisations",
        organisation=org_a,
    )
    only_a.organisations.set([org_a])
    return Scene(
        a_only=make_practice(
            author, organisation=org_a, visibility="organisation", title="Secret de Bafut"
        ),
        b_only=make_practice(
            outsider, organisation=org_b, visibility="organisation", title="Secret de Moundou"
        ),
        network=make_practice(author, title="Le warrantage pour tout le réseau"),
        public=make_practice(author, visibility="public", title="Les champs-écoles publics"),
        workshop_a=workshop,
        announcement_a=only_a,
        announcement_all=everyone,
    )


@pytest.fixture
def draft(scene, facilitator):
    """A network issue assembled by a facilitator from the period's activity."""
    from django.utils import timezone

    from palabre.newsletter import services

    today = timezone.localdate()
    return services.issue_create(
        by=facilitator,
        title="Lettre de décembre",
        period_start=today - timedelta(days=30),
        period_end=today,
    )


@pytest.fixture
def deliver(run_tasks, django_capture_on_commit_callbacks):
    """Run the worker until nothing is left: the batches of copies, then the e-mails."""

    def run() -> int:
        total = 0
        while True:
            with django_capture_on_commit_callbacks(execute=True):
                ran = run_tasks()
            if not ran:
                return total
            total += ran

    return run


@pytest.fixture
def send(deliver, django_capture_on_commit_callbacks):
    """Send an issue as its composer, through the worker."""
    from palabre.newsletter import services

    def run(issue, by):
        with django_capture_on_commit_callbacks(execute=True):
            services.issue_send(issue=issue, by=by)
        deliver()

    return run
