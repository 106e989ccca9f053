"""The route matrix's declarations for palabre.feeds.

Public feeds answer everyone alike (what an anonymous visitor may see); a public
workshop calendar and an organisation's feed exist as palabre/permissions/feeds.py
decides, whoever asks. A private address answers according to its secret, never to who
is logged in: the world holds the author's current address, a volunteer's renewed (old)
address and an address that never existed.
"""

from __future__ import annotations

from typing import Any


class Address:
    def __init__(self, secret: str, owner: Any, label: str) -> None:
        self.secret = secret
        self.owner = owner
        self.matrix_label = label


class AddressOnWorkshop:
    def __init__(self, address: Address, workshop: Any) -> None:
        self.address = address
        self.workshop = workshop
        self.matrix_label = f"{address.matrix_label} on {workshop.matrix_label}"


def build(world: Any) -> None:
    from palabre.feeds.services import feed_token_renew

    author = world.people["author"]
    volunteer = world.people["volunteer"]
    current = feed_token_renew(person=author).secret
    renewed = feed_token_renew(person=volunteer).secret
    feed_token_renew(person=volunteer)
    world.extra["feeds"] = {
        "addresses": [
            Address(current, author, "the author's current address"),
            Address(renewed, volunteer, "a renewed (old) address"),
            Address("0" * 40, None, "an address that never existed"),
        ]
    }


def routes() -> list[Any]:
    from palabre.core.tests.test_route_matrix import (
        NOT_ALLOWED,
        OK,
        PASS,
        always,
        api_member,
        fetched,
        member,
        orgs,
        route,
        shown,
        workshops,
    )
    from palabre.permissions import feeds as F
    from palabre.permissions import workshops as W

    def addresses(w: Any) -> list[Any]:
        return w.extra["feeds"]["addresses"]

    def on_workshops(w: Any) -> list[Any]:
        return [AddressOnWorkshop(a, ws) for a in addresses(w)[:2] for ws in workshops(w)]

    def readable(user: Any, obj: Any) -> bool:
        return F.can_read_private_feed(user, obj.secret)

    def calendar_readable(user: Any, obj: Any) -> bool:
        address = obj.address
        return readable(user, address) and fetched(W.workshop_for, address.owner, obj.workshop.pk)

    def private(name: str) -> Any:
        return route(
            f"feeds:{name}",
            each=addresses,
            kwargs=lambda w, o: {"secret": o.secret},
            get=shown(readable),
        )

    return [
        route("feeds:mine", get=member(always(OK))),
        route("feeds:renew", get=always(NOT_ALLOWED), post=member(always(PASS))),
        route("feeds:practices", get=always(OK)),
        route("feeds:workshops", get=always(OK)),
        route(
            "feeds:theme_practices",
            each=lambda w: [w.theme],
            kwargs=lambda w, o: {"slug": o.slug},
            get=always(OK),
        ),
        route(
            "feeds:organisation_practices",
            each=orgs,
            kwargs=lambda w, o: {"slug": o.slug},
            get=shown(lambda u, o: fetched(F.public_organisation_for, o.slug)),
        ),
        route(
            "feeds:workshop_calendar",
            each=workshops,
            kwargs=lambda w, o: {"pk": o.pk},
            get=shown(lambda u, o: fetched(F.public_workshop_for, o.pk)),
        ),
        private("private_practices"),
        private("private_workshops"),
        private("private_questions"),
        private("private_agenda_feed"),
        private("private_agenda"),
        route(
            "feeds:private_workshop_calendar",
            each=on_workshops,
            kwargs=lambda w, o: {"secret": o.address.secret, "pk": o.workshop.pk},
            get=shown(calendar_readable),
        ),
        route("GET /api/v1/feeds/mine", expect=api_member(always(OK))),
        route("POST /api/v1/feeds/mine/renew", expect=api_member(always(OK))),
    ]
