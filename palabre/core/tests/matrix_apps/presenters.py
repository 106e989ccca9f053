"""Route matrix: suggested presenters, invitations to present and launch workshops' drafts
(palabre.recognition: views/presenters.py, api/presenters.py)."""

from __future__ import annotations

from typing import Any


def build(world: Any) -> None:
    """For each sampled workshop: an invitation waiting for the org admin of A's answer, one
    proposed (not sent) to the member of B, and a launch with its writing session."""
    from palabre.core.tests.matrix_world import labelled
    from palabre.recognition.models import PresenterInvitation, WorkshopLaunch

    invitations, launches = [], []
    for workshop in world.workshop_sample():
        label = workshop.matrix_label
        invitations.append(
            labelled(
                PresenterInvitation.objects.create(
                    workshop=workshop,
                    person=world.people["org_admin"],
                    invited_by=world.people["facilitator"],
                    status=PresenterInvitation.Status.PENDING,
                    times_invited=1,
                    reason="3 adoptions",
                ),
                f"pending invitation to present at {label}",
            )
        )
        invitations.append(
            labelled(
                PresenterInvitation.objects.create(
                    workshop=workshop,
                    person=world.people["outsider"],
                    invited_by=world.people["facilitator"],
                    status=PresenterInvitation.Status.PROPOSED,
                ),
                f"proposed invitation to present at {label}",
            )
        )
        writing = workshop.sessions.filter(kind="plenary").first()
        launch = WorkshopLaunch.objects.create(workshop=workshop, writing_session=writing)
        launch.themes.set([world.theme])
        launches.append(labelled(launch, f"launch of {label}"))
    world.extra["presenters"] = {"invitations": invitations, "launches": launches}


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
    from palabre.permissions import recognition as R
    from palabre.permissions import workshops as W

    def workshops(w: Any) -> list[Any]:
        return w.workshop_sample()

    def invitations(w: Any) -> list[Any]:
        return w.extra["presenters"]["invitations"]

    def launches(w: Any) -> list[Any]:
        return w.extra["presenters"]["launches"]

    def runs(user: Any, workshop: Any) -> bool:
        return fetched(W.workshop_for, user, workshop.pk) and R.can_see_presenter_suggestions(
            user, workshop
        )

    def runs_its_workshop(user: Any, obj: Any) -> bool:
        return runs(user, obj.workshop)

    def may_invite(user: Any, workshop: Any) -> bool:
        return R.can_invite_presenters(user, workshop)

    def invitation(user: Any, obj: Any) -> bool:
        return fetched(R.presenter_invitation_for, user, obj.pk)

    def answers_it(user: Any, obj: Any) -> bool:
        return user.pk == obj.person_id

    def sent_from_its_workshop(user: Any, obj: Any) -> bool:
        return runs(user, obj.workshop) and invitation(user, obj)

    def invite_body(w: Any, o: Any) -> dict[str, Any]:
        return {"person": w.people["org_admin"].pk}

    return [
        route(
            "recognition:presenter_invite",
            each=workshops,
            kwargs=pk_of(),
            data=invite_body,
            get=always(NOT_ALLOWED),
            post=member(acts(runs)),
        ),
        route(
            "recognition:presenter_send",
            each=invitations,
            kwargs=lambda w, o: {"pk": o.workshop_id, "invitation_pk": o.pk},
            get=always(NOT_ALLOWED),
            post=member(acts(sent_from_its_workshop)),
        ),
        route(
            "recognition:presenter_send_all",
            each=workshops,
            kwargs=pk_of(),
            get=always(NOT_ALLOWED),
            post=member(acts(runs)),
        ),
        route(
            "recognition:launch_drafts",
            each=launches,
            kwargs=lambda w, o: {"pk": o.workshop_id},
            get=member(shown(runs_its_workshop)),
            post=member(acts(runs_its_workshop)),
        ),
        route("recognition:invitations", get=member(always(OK))),
        route(
            "recognition:invitation",
            each=invitations,
            kwargs=pk_of(),
            get=member(shown(invitation)),
        ),
        route(
            "recognition:invitation_answer",
            each=invitations,
            kwargs=pk_of(),
            data=lambda w, o: {"answer": "decline"},
            get=always(NOT_ALLOWED),
            post=member(acts(invitation, answers_it)),
        ),
        # API
        api(
            "GET",
            "/presenters/workshops/<workshop_id>/suggestions",
            each=workshops,
            kwargs=pk_of("workshop_id"),
            expect=api_member(shown(runs)),
        ),
        api(
            "GET",
            "/presenters/workshops/<workshop_id>/invitations",
            each=workshops,
            kwargs=pk_of("workshop_id"),
            expect=api_member(shown(runs)),
        ),
        api(
            "POST",
            "/presenters/workshops/<workshop_id>/invitations",
            each=workshops,
            kwargs=pk_of("workshop_id"),
            body=invite_body,
            expect=api_member(acts(runs, may_invite, PASS)),
        ),
        api("GET", "/presenters/invitations", expect=api_member(always(OK))),
        api(
            "GET",
            "/presenters/invitations/<invitation_id>",
            each=invitations,
            kwargs=pk_of("invitation_id"),
            expect=api_member(shown(invitation)),
        ),
        api(
            "POST",
            "/presenters/invitations/<invitation_id>/answer",
            each=invitations,
            kwargs=pk_of("invitation_id"),
            body={"answer": "decline"},
            expect=api_member(acts(invitation, answers_it)),
        ),
    ]
