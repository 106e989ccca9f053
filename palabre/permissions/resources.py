"""Who may see, download, edit, feature and archive the resources of the library.

- A resource in the library is seen (with its files, every version, its preview and the
  text read from it) according to its visibility: public ones by everyone, network ones by
  members, organisation-only ones by the members of its organisation; facilitators see
  everything.
- An archived resource leaves the lists and the search; its editors can still open it.
- Its editors: its authors, whoever added it, the org admins of its organisation and
  facilitators. They add versions, change it and link it to practices and workshops.
- Facilitators feature and archive resources (and bring them back).

Access: ``resource_for(user, pk)`` (may open, or 404), ``resource_editable_for``,
``version_for(user, resource, pk)``; ``resources_visible_to(user)`` (the library, search,
API, exports) and ``resources_openable_by(user)`` are the querysets.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from palabre.lib.visibility import Visibility
from palabre.organisations.models import Organisation
from palabre.permissions import (
    admin_org_ids,
    can_see,
    is_facilitator,
    is_member,
    object_or_404,
    or_404,
    org_ids,
    related_ids,
)
from palabre.resources.models import Resource, ResourceVersion

ACTIVE = Resource.Status.ACTIVE


def _visible_rule(user: Any) -> Q | None:
    """The visibility filter for this person (None: everything)."""
    if is_facilitator(user):
        return None
    if not is_member(user):
        return Q(visibility=Visibility.PUBLIC)
    return Q(visibility__in=[Visibility.PUBLIC, Visibility.NETWORK]) | Q(
        organisation__in=org_ids(user)
    )


def resources_visible_to(
    user: Any, queryset: QuerySet[Resource] | None = None
) -> QuerySet[Resource]:
    """Resources in the library (not archived) this person may see and download."""
    qs = (queryset if queryset is not None else Resource.objects.all()).filter(status=ACTIVE)
    rule = _visible_rule(user)
    return qs if rule is None else qs.filter(rule)


def resources_edited_by(user: Any) -> QuerySet[Resource]:
    """Resources this person looks after (as an author, who added it or an org admin)."""
    if is_facilitator(user):
        return Resource.objects.all()
    if not is_member(user):
        return Resource.objects.none()
    return Resource.objects.filter(
        Q(pk__in=Resource.authors.through.objects.filter(user=user).values("resource_id"))
        | Q(created_by=user)
        | Q(organisation__in=admin_org_ids(user))
    )


def resources_openable_by(user: Any) -> QuerySet[Resource]:
    """Every resource this person may open: those in the library they may see, plus the
    archived ones they may edit."""
    if is_facilitator(user):
        return Resource.objects.all()
    if not is_member(user):
        return resources_visible_to(user)
    return Resource.objects.filter(
        Q(pk__in=resources_visible_to(user).values("pk"))
        | Q(pk__in=resources_edited_by(user).values("pk"))
    )


def is_author(user: Any, resource: Resource) -> bool:
    return is_member(user) and user.pk in related_ids(resource, "authors")


def can_edit(user: Any, resource: Resource) -> bool:
    if not is_member(user):
        return False
    return (
        is_facilitator(user)
        or resource.organisation_id in admin_org_ids(user)
        or (resource.created_by_id is not None and resource.created_by_id == user.pk)
        or is_author(user, resource)
    )


def can_view(user: Any, resource: Resource) -> bool:
    """May open the resource, its files, versions, preview and read text."""
    if resource.status == ACTIVE and can_see(
        user, visibility=resource.visibility, organisation_ids={resource.organisation_id}
    ):
        return True
    return can_edit(user, resource)


def can_create(user: Any) -> bool:
    """Members of an organisation (and facilitators) add resources for it."""
    return is_member(user) and bool(org_ids(user) or is_facilitator(user))


def can_curate(user: Any, resource: Resource | None = None) -> bool:
    """Feature, archive and bring back: facilitators."""
    return is_facilitator(user)


def can_see_text_status(user: Any, resource: Resource) -> bool:
    """Whether the text of its file could be read is for its editors."""
    return can_edit(user, resource)


def organisation_choices(user: Any) -> QuerySet[Organisation]:
    """Organisations this person may add a resource for."""
    if is_facilitator(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(pk__in=org_ids(user))


def resource_for(user: Any, pk: Any, *, queryset: QuerySet[Resource] | None = None) -> Resource:
    """The resource if this person may open it; otherwise 404, as if it did not exist."""
    resource = object_or_404(
        queryset if queryset is not None else Resource.objects.select_related("organisation"), pk
    )
    return or_404(resource, can_view(user, resource))


def resource_editable_for(user: Any, pk: Any) -> Resource:
    resource = resource_for(user, pk)
    return or_404(resource, can_edit(user, resource))


def version_for(user: Any, resource: Resource, pk: Any) -> ResourceVersion:
    """One version of a resource the person may open (checked by the caller with
    ``resource_for``)."""
    or_404(resource, can_view(user, resource))
    return object_or_404(ResourceVersion.objects.filter(resource=resource), pk)
