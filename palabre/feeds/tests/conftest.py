"""The cast of the feeds' tests: practices, workshops and discussions of organisation A
(Awa, its author, is registered to some workshops) and of organisation B (Oscar), in
every visibility, so that each feed can be checked for what must never be in it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from palabre.discussions import services as discussions
from palabre.feeds.services import feed_token_renew
from palabre.workshops.models import Registration, Session, Workshop


@dataclass
class World:
    practices: dict[str, Any] = field(default_factory=dict)
    workshops: dict[str, Any] = field(default_factory=dict)
    sessions: dict[str, Any] = field(default_factory=dict)
    threads: dict[str, Any] = field(default_factory=dict)


def make_workshop(facilitator, organisation, *, title, visibility, start_in=10, days=1, **more):
    today = timezone.localdate()
    workshop = Workshop.objects.create(
        title=title,
        objectives="Partager nos expériences",
        start_date=today + timedelta(days=start_in),
        end_date=today + timedelta(days=start_in + days - 1),
        venue="Salle paroissiale",
        city="Bafut",
        status=more.pop("status", Workshop.Status.PUBLISHED),
        visibility=visibility,
        created_by=facilitator,
        **more,
    )
    workshop.organisers.set([organisation])
    return workshop


def add_session(workshop, title, *, hour=9, kind=Session.Kind.PLENARY):
    starts = workshop.at(workshop.start_date, timezone.datetime.min.time()) + timedelta(hours=hour)
    return Session.objects.create(
        workshop=workshop,
        title=title,
        kind=kind,
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
    )


def register(workshop, person, organisation, status=Registration.Status.CONFIRMED):
    return Registration.objects.create(
        workshop=workshop, person=person, organisation=organisation, status=status
    )


@pytest.fixture
def world(org_a, org_b, author, outsider, facilitator, make_practice):
    w = World()
    for visibility in ("public", "network", "organisation"):
        w.practices[f"a-{visibility}"] = make_practice(
            author,
            visibility=visibility,
            title=f"Pratique A {visibility}",
            summary=f"Résumé A {visibility}",
        )
    w.practices["a-draft"] = make_practice(
        author, status="draft", visibility="public", title="Pratique A brouillon"
    )
    w.practices["b-organisation"] = make_practice(
        outsider, visibility="organisation", title="Pratique B réservée"
    )
    for visibility in ("public", "network", "organisation"):
        w.workshops[f"a-{visibility}"] = make_workshop(
            facilitator, org_a, title=f"Atelier A {visibility}", visibility=visibility
        )
    w.workshops["a-draft"] = make_workshop(
        facilitator, org_a, title="Atelier A brouillon", visibility="public", status="draft"
    )
    w.workshops["b-organisation"] = make_workshop(
        facilitator, org_b, title="Atelier B réservé", visibility="organisation"
    )
    for key, workshop in w.workshops.items():
        w.sessions[key] = add_session(workshop, f"Séance {workshop.title}")
    for key in ("a-public", "a-organisation"):
        register(w.workshops[key], author, org_a)
    register(w.workshops["b-organisation"], outsider, org_b)
    w.threads["a-organisation"] = discussions.thread_create(
        space=discussions.space_for(w.practices["a-organisation"]),
        by=author,
        title="Question A réservée",
        body="Comment stocker le maïs ?",
    )
    w.threads["b-organisation"] = discussions.thread_create(
        space=discussions.space_for(w.practices["b-organisation"]),
        by=outsider,
        title="Question B réservée",
        body="Comment vendre plus tard ?",
    )
    w.threads["a-public"] = discussions.thread_create(
        space=discussions.space_for(w.practices["a-public"]),
        by=author,
        title="Question A publique",
        body="Qui a essayé ?",
    )
    return w


@pytest.fixture
def secret_of():
    """A person's private secret (made, or renewed, by the service)."""

    def make(person) -> str:
        return feed_token_renew(person=person).secret

    return make
