"""Route matrix: the projects directory (palabre.projects: views.py, api.py) — projects of
org A in every visibility (the volunteer on each team, Cécile of org C invited to each),
one network project of org B, and an exchange from B's project to A's network project."""

from __future__ import annotations

from typing import Any


def build(world: Any) -> None:
    from django.utils import timezone

    from palabre.core.tests.matrix_world import labelled
    from palabre.projects.models import Exchange, Project, ProjectMember

    people = world.people
    projects, members = [], []
    for visibility in ("organisation", "network", "public"):
        project = Project.objects.create(
            organisation=world.orgs["a"],
            name=f"Projet {visibility}",
            country="CM",
            region="Nord-Ouest",
            visibility=visibility,
            created_by=people["author"],
        )
        project.themes.set([world.theme])
        labelled(project, f"project {visibility}")
        projects.append(project)
        members.append(
            labelled(
                ProjectMember.objects.create(
                    project=project,
                    person=people["volunteer"],
                    role="Animatrice",
                    accepted_at=timezone.now(),
                ),
                f"team member of project {visibility}",
            )
        )
        ProjectMember.objects.create(project=project, person=people["c_member"], role="Invitée")
    theirs = Project.objects.create(
        organisation=world.orgs["b"],
        name="Projet de B",
        country="TD",
        visibility="network",
        created_by=people["outsider"],
    )
    projects.append(labelled(theirs, "project of B"))
    exchange = Exchange.objects.create(
        from_project=theirs,
        to_project=projects[1],
        kind="call",
        subject="Échange",
        proposed_by=people["outsider"],
    )
    practice = world.by_label(world.practices, "practice published/public")
    world.extra["projects"] = {
        "projects": projects,
        "members": members,
        "exchanges": [labelled(exchange, "exchange B → A network")],
        "theirs": theirs,
        "practice": practice,
    }


def routes() -> list[Any]:
    from palabre.core.tests.test_route_matrix import (
        FORBIDDEN,
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
    from palabre.permissions import is_facilitator, org_ids
    from palabre.permissions import projects as R

    def extra(w: Any) -> dict[str, Any]:
        return w.extra["projects"]

    def projects(w: Any) -> list[Any]:
        return extra(w)["projects"]

    def project(user: Any, obj: Any) -> bool:
        return fetched(R.project_for, user, obj.pk)

    def editable(user: Any, obj: Any) -> bool:
        return fetched(R.project_editable_for, user, obj.pk)

    def exchange(user: Any, obj: Any) -> bool:
        return fetched(R.exchange_for, user, obj.pk)

    def may_create(user: Any, obj: Any = None) -> bool:
        return R.can_create(user)

    def may_remove(user: Any, obj: Any) -> bool:
        if not fetched(R.project_for, user, obj.project_id):
            return False
        return R.can_edit(user, obj.project) or obj.person_id == user.pk

    def invited(user: Any, obj: Any) -> bool:
        return obj.team.filter(person=user.pk).exists()

    def describes_for_a(user: Any, obj: Any) -> bool:
        return R.can_create(user) and (is_facilitator(user) or obj.pk in org_ids(user))

    def proposes(user: Any, obj: Any) -> str:
        if not fetched(R.project_for, user, obj.pk):
            return NOT_FOUND
        theirs = obj.matrix_theirs
        if not fetched(R.project_for, user, theirs.pk):
            return NOT_FOUND
        return PASS if R.can_propose_exchange(user, theirs) else FORBIDDEN

    def with_theirs(w: Any) -> list[Any]:
        target = projects(w)[2]  # the public project of A
        target.matrix_theirs = extra(w)["theirs"]
        return [target]

    return [
        route("projects:directory", get=always(OK)),
        route("projects:map", get=always(OK)),
        route("projects:map_country", kwargs=lambda w, o: {"country": "CM"}, get=always(OK)),
        route("projects:export", get=always(OK)),
        route("projects:create", get=member(shown(may_create)), post=member(acts(may_create))),
        route("projects:import", get=member(shown(may_create)), post=member(acts(may_create))),
        route("projects:detail", each=projects, kwargs=pk_of(), get=shown(project)),
        *[
            route(
                f"projects:{name}",
                each=projects,
                kwargs=pk_of(),
                get=member(shown(editable)),
                post=member(acts(editable)),
            )
            for name in ("edit", "team", "links")
        ],
        route(
            "projects:unlink",
            each=projects,
            kwargs=pk_of(),
            get=always(NOT_ALLOWED),
            post=member(acts(editable)),
        ),
        route(
            "projects:team_remove",
            each=lambda w: extra(w)["members"],
            kwargs=lambda w, o: {"pk": o.project_id, "member_pk": o.pk},
            get=always(NOT_ALLOWED),
            post=member(acts(may_remove)),
        ),
        route(
            "projects:team_accept",
            each=projects,
            kwargs=pk_of(),
            get=always(NOT_ALLOWED),
            post=member(acts(invited)),
        ),
        route(
            "projects:propose",
            each=projects,
            kwargs=pk_of(),
            get=member(shown(project)),
            post=member(acts(project)),
        ),
        route(
            "projects:exchange",
            each=lambda w: extra(w)["exchanges"],
            kwargs=pk_of(),
            get=member(shown(exchange)),
            post=member(acts(exchange)),
        ),
        *[
            route(
                f"projects:exchange_{verb}",
                each=lambda w: extra(w)["exchanges"],
                kwargs=pk_of(),
                get=always(NOT_ALLOWED),
                post=member(acts(exchange)),
            )
            for verb in ("schedule", "decline")
        ],
        # API
        api("GET", "/projects", expect=always(OK)),
        api(
            "GET",
            "/projects/<project_id>",
            each=projects,
            kwargs=pk_of("project_id"),
            expect=shown(project),
        ),
        api(
            "POST",
            "/projects",
            each=lambda w: [w.orgs["a"]],
            expect=api_member(acts(lambda u, o: True, describes_for_a)),
            body=lambda w, o: {"organisation": o.slug, "name": "Projet par l'API"},
        ),
        api(
            "PATCH",
            "/projects/<project_id>",
            each=projects,
            kwargs=pk_of("project_id"),
            expect=api_member(shown(editable, PASS)),
            body={"status": "closed"},
        ),
        api(
            "POST",
            "/projects/<project_id>/links",
            each=projects,
            kwargs=pk_of("project_id"),
            expect=api_member(shown(editable, PASS)),
            body=lambda w, o: {"kind": "practice", "id": extra(w)["practice"].pk},
        ),
        api(
            "POST",
            "/projects/<project_id>/exchanges",
            each=with_theirs,
            kwargs=pk_of("project_id"),
            expect=api_member(proposes),
            body=lambda w, o: {
                "from_project": o.matrix_theirs.pk,
                "kind": "call",
                "subject": "Un appel",
                "message": "Parlons-en.",
            },
        ),
    ]
