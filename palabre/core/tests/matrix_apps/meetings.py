"""The route matrix's declarations for exchange meetings (palabre.meetings).

The world gets a meeting of each visibility of organisation A (the organisation-only one
set up by A's org admin, the others by the facilitator), each with its next date; the
network meeting also has a past date with minutes; and proposals on the network
meeting's next date in every status that matters (on the agenda, proposed, invited) plus
one on the organisation-only meeting.
"""

from __future__ import annotations

from datetime import time, timedelta
from typing import Any

from palabre.permissions import meetings as M


def build(world: Any) -> None:
    from django.utils import timezone

    from palabre.meetings import services

    people, org_a = world.people, world.orgs["a"]
    first = timezone.localdate() + timedelta(days=12)
    common = {
        "first_date": first,
        "starts_at": time(16),
        "ends_at": time(17),
        "online_url": "https://meet.example.org/matrice",
    }
    meetings = {
        "organisation": services.meeting_create(
            by=people["org_admin"],
            organisation=org_a,
            title="Café interne",
            visibility="organisation",
            **common,
        ),
        "network": services.meeting_create(
            by=people["facilitator"],
            organisation=org_a,
            title="Café réseau",
            visibility="network",
            **common,
        ),
        "public": services.meeting_create(
            by=people["facilitator"],
            organisation=org_a,
            title="Café public",
            visibility="public",
            **common,
        ),
    }
    dates = [m.occurrences.get() for m in meetings.values()]
    network_next = meetings["network"].occurrences.get()
    held = services._plan(
        meetings["network"], on=timezone.localdate() - timedelta(days=20), by=people["facilitator"]
    )
    services.minutes_save(occurrence=held, by=people["facilitator"], minutes="Ce qui a été dit.")
    dates.append(held)
    accepted = services.proposal_create(
        occurrence=network_next, by=people["volunteer"], title="Au programme"
    )
    services.proposal_decide(proposal=accepted, by=people["facilitator"], accept=True)
    proposed = services.proposal_create(
        occurrence=network_next, by=people["author"], title="Proposé"
    )
    invited = services.invitation_create(
        occurrence=network_next, by=people["facilitator"], person=people["outsider"]
    )
    internal = services.proposal_create(
        occurrence=meetings["organisation"].occurrences.get(), by=people["author"], title="Interne"
    )
    world.extra["meetings"] = {
        "meetings": list(meetings.values()),
        "dates": dates,
        "proposals": [accepted, proposed, invited, internal],
    }


def _meetings(w: Any) -> list[Any]:
    return w.extra["meetings"]["meetings"]


def _dates(w: Any) -> list[Any]:
    return w.extra["meetings"]["dates"]


def _proposals(w: Any) -> list[Any]:
    return w.extra["meetings"]["proposals"]


def routes() -> list[Any]:
    from palabre.core.tests.test_route_matrix import (
        CONFLICT,
        NOT_ALLOWED,
        NOT_FOUND,
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

    def meeting(user: Any, obj: Any) -> bool:
        return fetched(M.meeting_for, user, obj.pk)

    def occurrence(user: Any, obj: Any) -> bool:
        return fetched(M.occurrence_for, user, obj.pk)

    def organised(user: Any, obj: Any) -> bool:
        return fetched(M.occurrence_organised_by, user, obj.pk)

    def proposal(user: Any, obj: Any) -> bool:
        return fetched(M.proposal_for, user, obj.pk)

    def organises(user: Any, obj: Any) -> bool:
        return M.can_organise(user, obj)

    def organises_date(user: Any, obj: Any) -> bool:
        return M.can_organise(user, obj.meeting)

    def decides(user: Any, obj: Any) -> bool:
        return M.can_decide(user, obj)

    def creates(user: Any, obj: Any = None) -> bool:
        return M.can_create_meeting(user)

    def invitee(user: Any, obj: Any) -> bool:
        return proposal(user, obj) and user.pk == obj.person_id

    def propose_page(user: Any, obj: Any) -> str:
        if not occurrence(user, obj):
            return NOT_FOUND
        return OK if M.is_to_come(obj) else CONFLICT

    return [
        route("meetings:index", get=always(OK)),
        route("meetings:create", get=member(shown(creates)), post=member(shown(creates, PASS))),
        route("meetings:detail", each=_meetings, kwargs=pk_of(), get=shown(meeting)),
        route(
            "meetings:plan_next",
            each=_meetings,
            kwargs=pk_of(),
            get=always(NOT_ALLOWED),
            post=member(acts(meeting, organises)),
        ),
        route("meetings:occurrence", each=_dates, kwargs=pk_of(), get=shown(occurrence)),
        route(
            "meetings:come",
            each=_dates,
            kwargs=pk_of(),
            get=always(NOT_ALLOWED),
            post=member(acts(occurrence)),
        ),
        route(
            "meetings:propose",
            each=_dates,
            kwargs=pk_of(),
            get=member(propose_page),
            post=member(shown(occurrence, PASS)),
            data=lambda w, o: {"title": "Exposé de la matrice"},
        ),
        route("meetings:agenda", each=_dates, kwargs=pk_of(), get=member(shown(organised))),
        route(
            "meetings:invite",
            each=_dates,
            kwargs=pk_of(),
            get=always(NOT_ALLOWED),
            post=member(acts(occurrence, organises_date)),
            data=lambda w, o: {"person": w.people["author"].pk},
        ),
        route(
            "meetings:minutes",
            each=_dates,
            kwargs=pk_of(),
            get=member(shown(organised)),
            post=member(shown(organised, PASS)),
            data=lambda w, o: {"minutes": "Compte rendu de la matrice"},
        ),
        route(
            "meetings:convert",
            each=_dates,
            kwargs=pk_of(),
            get=always(NOT_ALLOWED),
            post=member(acts(occurrence, organises_date)),
            data=lambda w, o: {"into": "practice"},
        ),
        route(
            "meetings:decide",
            each=_proposals,
            kwargs=pk_of(),
            get=always(NOT_ALLOWED),
            post=member(acts(proposal, decides)),
            data=lambda w, o: {"decision": "accept"},
        ),
        route(
            "meetings:move",
            each=_proposals,
            kwargs=pk_of(),
            get=always(NOT_ALLOWED),
            post=member(acts(proposal, decides)),
            data=lambda w, o: {"direction": "up"},
        ),
        route(
            "meetings:invitation",
            each=_proposals,
            kwargs=pk_of(),
            get=member(shown(invitee)),
            post=member(shown(invitee, PASS)),
            data=lambda w, o: {"answer": "decline"},
        ),
        api("GET", "/meetings", expect=always(OK)),
        api(
            "GET",
            "/meetings/<meeting_id>",
            each=_meetings,
            kwargs=pk_of("meeting_id"),
            expect=shown(meeting),
        ),
        api(
            "POST",
            "/meetings/dates/<occurrence_id>/proposals",
            each=_dates,
            kwargs=pk_of("occurrence_id"),
            expect=api_member(acts(occurrence)),
            body={"title": "Exposé de la matrice", "summary": ""},
        ),
    ]
