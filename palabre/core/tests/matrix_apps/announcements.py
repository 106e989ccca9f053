"""Route matrix: announcements (palabre.announcements: views.py, api.py) — one for the whole
network, one for organisation A, one for org admins only, one ended, and a campaign of
the facilitators and one of organisation A."""

from __future__ import annotations

from datetime import timedelta
from typing import Any


def build(world: Any) -> None:
    from django.utils import timezone

    from palabre.announcements.models import Announcement, Campaign
    from palabre.core.tests.matrix_world import labelled

    now = timezone.now()
    facilitator, org_admin = world.people["facilitator"], world.people["org_admin"]
    org_a = world.orgs["a"]
    network = labelled(
        Campaign.objects.create(title="Pourquoi partager ?", created_by=facilitator),
        "campaign network",
    )
    own = labelled(
        Campaign.objects.create(title="ADB", created_by=org_admin, organisation=org_a),
        "campaign org A",
    )

    def make(label: str, *, ends: int = 2, orgs: tuple[Any, ...] = (), **fields: Any) -> Any:
        a = Announcement.objects.create(
            title=label,
            starts_at=now - timedelta(days=3),
            ends_at=now + timedelta(days=ends),
            **fields,
        )
        a.organisations.set(orgs)
        return labelled(a, f"announcement {label}")

    announcements = [
        make("everyone", audience="everyone", author=facilitator, campaign=network),
        make(
            "org A",
            audience="organisations",
            orgs=(org_a,),
            organisation=org_a,
            author=org_admin,
            campaign=own,
        ),
        make("org admins", audience="roles", for_org_admin=True, author=facilitator),
        make("ended", ends=-1, audience="everyone", author=facilitator),
    ]
    world.extra["announcements"] = {"announcements": announcements, "campaigns": [network, own]}


def routes() -> list[Any]:
    from palabre.core.tests.test_route_matrix import (
        NOT_ALLOWED,
        OK,
        PASS,
        acts,
        always,
        api,
        api_member,
        fetched,
        member,
        pk_of,
        route,
        shown,
    )
    from palabre.permissions import announcements as AN

    def announcements(w: Any) -> list[Any]:
        return w.extra["announcements"]["announcements"]

    def campaigns(w: Any) -> list[Any]:
        return w.extra["announcements"]["campaigns"]

    def addressed(user: Any, obj: Any) -> bool:
        return fetched(AN.announcement_for, user, obj.pk)

    def managed(user: Any, obj: Any) -> bool:
        return fetched(AN.announcement_managed_for, user, obj.pk)

    def campaign(user: Any, obj: Any) -> bool:
        return fetched(AN.campaign_for, user, obj.pk)

    def publishes(user: Any, obj: Any = None) -> bool:
        return AN.can_publish(user)

    return [
        route("announcements:mine", get=member(always(OK))),
        route("announcements:manage", get=member(shown(publishes))),
        route("announcements:new", get=member(shown(publishes)), post=member(acts(publishes))),
        route(
            "announcements:campaign_new",
            get=member(shown(publishes)),
            post=member(acts(publishes)),
        ),
        route(
            "announcements:edit",
            each=announcements,
            kwargs=pk_of(),
            get=member(shown(managed)),
            post=member(acts(managed)),
        ),
        route(
            "announcements:end",
            each=announcements,
            kwargs=pk_of(),
            get=always(NOT_ALLOWED),
            post=member(acts(managed)),
        ),
        route(
            "announcements:dismiss",
            each=announcements,
            kwargs=pk_of(),
            get=always(NOT_ALLOWED),
            post=member(acts(addressed)),
        ),
        route(
            "announcements:campaign", each=campaigns, kwargs=pk_of(), get=member(shown(campaign))
        ),
        api("GET", "/announcements", expect=api_member(always(OK))),
        api(
            "POST",
            "/announcements/<announcement_id>/dismiss",
            each=announcements,
            kwargs=pk_of("announcement_id"),
            expect=api_member(acts(addressed, then=PASS)),
        ),
    ]
