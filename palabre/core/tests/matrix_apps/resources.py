"""Route matrix: the resource library (palabre.resources: views.py, api.py) — resources of
every status and visibility, their files (two versions for some), previews, and the links
to practices and workshops."""

from __future__ import annotations

from typing import Any

# Not a PDF anyone reads: only served, never opened here.
PDF = b"%PDF-1.4\n% matrix\n"


def build(world: Any) -> None:
    from django.core.files.base import ContentFile

    from palabre.core.tests.matrix_world import JPEG, labelled
    from palabre.resources.models import Resource, ResourceVersion

    author = world.people["author"]
    # What the link routes link a resource to (read by their rules from the resource).
    practice = world.by_label(world.practices, "practice published/public")
    workshop = world.by_label(world.workshops, "workshop published/public")
    resources, versions = [], []
    for status in ("active", "archived"):
        for visibility in ("organisation", "network", "public"):
            resource = Resource.objects.create(
                title=f"Ressource {status} {visibility}",
                kind="guide",
                organisation=world.orgs["a"],
                visibility=visibility,
                status=status,
                created_by=author,
            )
            resource.authors.set([author])
            resource.themes.set([world.theme])
            labelled(resource, f"resource {status}/{visibility}")
            resource.matrix_practice, resource.matrix_workshop = practice, workshop
            resources.append(resource)
            for number in (1, 2) if visibility != "network" else (1,):
                version = ResourceVersion(
                    resource=resource,
                    number=number,
                    note="v2" if number == 2 else "",
                    original_name=f"guide-{number}.pdf",
                    content_type="application/pdf",
                    size=len(PDF),
                    uploaded_by=author,
                    text="Texte du guide",
                    text_status="ok",
                )
                version.file.save("guide.pdf", ContentFile(PDF), save=False)
                version.preview.save("preview.jpg", ContentFile(JPEG), save=False)
                version.save()
                versions.append(labelled(version, f"version {number} of {resource.matrix_label}"))
                resource.current = version
            resource.save(update_fields=["current"])
    world.extra["resources"] = {"resources": resources, "versions": versions}


def routes() -> list[Any]:
    from palabre.core.tests.test_route_matrix import (
        NOT_ALLOWED,
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
    from palabre.permissions import practices as P
    from palabre.permissions import resources as RS
    from palabre.permissions import workshops as W

    def resources(w: Any) -> list[Any]:
        return w.extra["resources"]["resources"]

    def versions(w: Any) -> list[Any]:
        return w.extra["resources"]["versions"]

    def resource(user: Any, obj: Any) -> bool:
        return fetched(RS.resource_for, user, obj.pk)

    def editable(user: Any, obj: Any) -> bool:
        return fetched(RS.resource_editable_for, user, obj.pk)

    def version(user: Any, obj: Any) -> bool:
        return fetched(RS.resource_for, user, obj.resource_id)

    def may_create(user: Any, obj: Any = None) -> bool:
        return RS.can_create(user)

    def may_curate(user: Any, obj: Any) -> bool:
        return RS.can_curate(user, obj)

    def may_link_practice(user: Any, obj: Any) -> bool:
        practice = obj.matrix_practice
        return (RS.can_edit(user, obj) and P.can_view(user, practice)) or (
            P.can_edit(user, practice) and RS.can_view(user, obj)
        )

    def may_link_workshop(user: Any, obj: Any) -> bool:
        workshop = obj.matrix_workshop
        return (RS.can_edit(user, obj) and W.can_view_workshop(user, workshop)) or (
            W.can_run(user, workshop) and RS.can_view(user, obj)
        )

    def practice_body(w: Any, o: Any) -> dict[str, Any]:
        return {"resource": o.pk, "target": o.matrix_practice.pk}

    def workshop_body(w: Any, o: Any) -> dict[str, Any]:
        return {"resource": o.pk, "target": o.matrix_workshop.pk}

    def version_kwargs(w: Any, o: Any) -> dict[str, Any]:
        return {"pk": o.resource_id, "version_pk": o.pk}

    return [
        route("resources:library", get=always(OK)),
        route("resources:export", get=always(OK)),
        route("resources:create", get=member(shown(may_create)), post=member(acts(may_create))),
        route("resources:import", get=member(shown(may_create)), post=member(acts(may_create))),
        route("resources:detail", each=resources, kwargs=pk_of(), get=shown(resource)),
        route(
            "resources:edit",
            each=resources,
            kwargs=pk_of(),
            get=member(shown(editable)),
            post=member(acts(editable)),
        ),
        route(
            "resources:version_add",
            each=resources,
            kwargs=pk_of(),
            get=member(shown(editable)),
            post=member(acts(editable)),
        ),
        route("resources:download", each=versions, kwargs=version_kwargs, get=shown(version)),
        route("resources:preview", each=versions, kwargs=version_kwargs, get=shown(version)),
        route(
            "resources:feature",
            each=resources,
            kwargs=pk_of(),
            get=always(NOT_ALLOWED),
            post=member(acts(resource, may_curate)),
        ),
        route(
            "resources:archive",
            each=resources,
            kwargs=pk_of(),
            get=always(NOT_ALLOWED),
            post=member(acts(resource, may_curate)),
        ),
        *[
            route(
                f"resources:practice_{verb}",
                each=resources,
                data=practice_body,
                get=always(NOT_ALLOWED),
                post=member(acts(resource, may_link_practice, PASS)),
            )
            for verb in ("link", "unlink")
        ],
        *[
            route(
                f"resources:workshop_{verb}",
                each=resources,
                data=workshop_body,
                get=always(NOT_ALLOWED),
                post=member(acts(resource, may_link_workshop, PASS)),
            )
            for verb in ("link", "unlink")
        ],
        # API
        api("GET", "/resources", expect=always(OK)),
        api(
            "GET",
            "/resources/<resource_id>",
            each=resources,
            kwargs=pk_of("resource_id"),
            expect=shown(resource),
        ),
        api(
            "GET",
            "/resources/<resource_id>/versions",
            each=resources,
            kwargs=pk_of("resource_id"),
            expect=shown(resource),
        ),
    ]
