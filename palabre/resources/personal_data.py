"""What palabre.resources holds about a person, for their archive and for erasure: the
resources they are an author of or added, the file versions they uploaded and the links
they made. Resources are their organisation's publications (like practices): erasure
leaves them, and takes the person out of their authors; the files they uploaded stay with
the resource, no longer tied to them (``uploaded_by``, ``created_by`` and ``added_by``
are cleared). Downloads are counted without recording who: nothing to export or erase."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from palabre.resources.models import Resource, ResourcePractice, ResourceVersion, ResourceWorkshop


def export(person: Any) -> dict[str, Any]:
    resources = (
        Resource.objects.filter(Q(authors=person.pk) | Q(created_by=person.pk))
        .distinct()
        .select_related("organisation")
        .order_by("created_at", "pk")
    )
    versions = ResourceVersion.objects.filter(uploaded_by=person.pk).select_related("resource")
    return {
        "resources": [
            {
                "title": r.title,
                "kind": r.kind,
                "organisation": r.organisation.name,
                "visibility": r.visibility,
                "added_by_you": r.created_by_id == person.pk,
                "created_at": r.created_at.isoformat(),
            }
            for r in resources
        ],
        "resource_versions_uploaded": [
            {
                "resource": v.resource.title,
                "number": v.number,
                "file": v.original_name,
                "note": v.note,
                "uploaded_at": v.created_at.isoformat(),
            }
            for v in versions.order_by("created_at", "pk")
        ],
        "resource_links_made": (
            ResourcePractice.objects.filter(added_by=person.pk).count()
            + ResourceWorkshop.objects.filter(added_by=person.pk).count()
        ),
    }


def erase(person: Any) -> dict[str, int]:
    authored = Resource.authors.through.objects.filter(user_id=person.pk).delete()[0]
    created = Resource.objects.filter(created_by=person.pk).update(created_by=None)
    uploaded = ResourceVersion.objects.filter(uploaded_by=person.pk).update(uploaded_by=None)
    links = ResourcePractice.objects.filter(added_by=person.pk).update(added_by=None)
    links += ResourceWorkshop.objects.filter(added_by=person.pk).update(added_by=None)
    return {
        "resource_authorships_removed": authored,
        "resources_added_cleared": created,
        "resource_versions_cleared": uploaded,
        "resource_links_cleared": links,
    }
