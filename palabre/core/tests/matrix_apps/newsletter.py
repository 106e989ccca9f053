"""The route matrix's declarations for the newsletter: issues of every status (draft,
being sent, sent) for the network and for each organisation, each holding an
organisation-only practice of A and a network one."""

from __future__ import annotations

from typing import Any

from django.utils import timezone


def build(world: Any) -> None:
    from palabre.core.tests.matrix_world import labelled, published
    from palabre.newsletter.delivery import unsubscribe_token
    from palabre.newsletter.models import Issue, Item

    today = timezone.localdate()
    issues = []
    audiences = {"network": None, "A": world.orgs["a"], "B": world.orgs["b"]}
    for status in Issue.Status.values:
        for name, organisation in audiences.items():
            issue = Issue.objects.create(
                title=f"Lettre {status} {name}",
                organisation=organisation,
                status=status,
                period_start=today,
                period_end=today,
                sent_at=None if status == Issue.Status.DRAFT else timezone.now(),
                created_by=world.people["facilitator"],
            )
            for position, practice in enumerate(
                (published(world, "organisation"), published(world, "network")), start=1
            ):
                Item.objects.create(
                    issue=issue, kind=Item.Kind.PRACTICE, object_id=practice.pk, position=position
                )
            issues.append(labelled(issue, f"{status} issue for {name}"))
    world.extra["newsletter"] = {
        "issues": issues,
        "token": unsubscribe_token(world.people["author"]),
    }


def routes() -> list[Any]:
    from palabre.core.tests.test_route_matrix import (
        OK,
        PASS,
        acts,
        always,
        api,
        fetched,
        member,
        pk_of,
        route,
        shown,
    )
    from palabre.permissions import newsletter as rules

    def issues(w: Any) -> list[Any]:
        return w.extra["newsletter"]["issues"]

    def readable(user: Any, obj: Any) -> bool:
        return fetched(rules.issue_for, user, obj.pk)

    def editable(user: Any, obj: Any) -> bool:
        return fetched(rules.issue_editable_for, user, obj.pk)

    def managed(user: Any, obj: Any) -> bool:
        return readable(user, obj) and rules.can_manage(user, obj)

    def composer(user: Any, obj: Any = None) -> bool:
        return rules.can_compose(user)

    return [
        route("newsletter:archive", get=member(always(OK))),
        route("newsletter:create", get=member(shown(composer)), post=member(acts(composer))),
        route("newsletter:choice", get=member(always(OK)), post=member(always(PASS))),
        route("newsletter:issue", each=issues, kwargs=pk_of(), get=member(shown(readable))),
        route(
            "newsletter:edit",
            each=issues,
            kwargs=pk_of(),
            get=member(shown(editable)),
            post=member(acts(editable)),
        ),
        route("newsletter:preview", each=issues, kwargs=pk_of(), get=member(shown(managed))),
        route(
            "newsletter:send",
            each=issues,
            kwargs=pk_of(),
            get=member(shown(managed)),
            post=member(acts(readable, allowed=rules.can_send)),
        ),
        route(
            "newsletter:unsubscribe",
            kwargs=lambda w, o: {"token": w.extra["newsletter"]["token"]},
            get=always(OK),
            post=always(PASS),
        ),
        api("GET", "/newsletter/issues", expect=always(OK)),
        api(
            "GET",
            "/newsletter/issues/<issue_id>",
            each=issues,
            kwargs=pk_of("issue_id"),
            expect=shown(readable),
        ),
    ]
