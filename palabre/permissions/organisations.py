"""Who may see the directory and people, manage members, invite, create organisations.

Access: ``organisation_for(user, slug)`` and ``person_for(user, pk)`` fetch for a person
or raise 404 (the directory is for members of the network); ``managed_organisation_for``
and ``membership_for`` do the same for those who manage an organisation's members.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.http import Http404

from palabre.organisations.models import Membership, Organisation
from palabre.permissions import admin_org_ids, is_member, is_network_admin, object_or_404, or_404


def can_see_directory(user: Any) -> bool:
    """The directory of organisations and people is for members of the network."""
    return is_member(user)


def can_manage_members(user: Any, organisation: Any) -> bool:
    return is_network_admin(user) or organisation.pk in admin_org_ids(user)


def can_invite(user: Any, organisation: Any) -> bool:
    return can_manage_members(user, organisation)


def can_edit_organisation(user: Any, organisation: Any) -> bool:
    return can_manage_members(user, organisation)


def can_create_organisation(user: Any) -> bool:
    return is_network_admin(user)


def can_set_network_role(user: Any) -> bool:
    return is_network_admin(user)


def can_see_audit(user: Any, organisation: Any) -> bool:
    return can_manage_members(user, organisation)


# Fetching one ------------------------------------------------------------------


def organisation_for(
    user: Any, slug: str, *, queryset: QuerySet[Organisation] | None = None
) -> Organisation:
    """An organisation of the directory, for a member of the network; otherwise 404."""
    if not can_see_directory(user):
        raise Http404
    qs = queryset if queryset is not None else Organisation.objects.all()
    organisation = qs.filter(slug=slug).first()
    if organisation is None:
        raise Http404
    return organisation


def managed_organisation_for(user: Any, slug: str) -> Organisation:
    """An organisation whose members this person manages; otherwise 404."""
    organisation = organisation_for(user, slug)
    return or_404(organisation, can_manage_members(user, organisation))


def membership_for(user: Any, organisation: Organisation, pk: Any) -> Membership:
    """A membership of an organisation the person manages (``managed_organisation_for`` first)."""
    if not can_manage_members(user, organisation):
        raise Http404
    return object_or_404(
        Membership.objects.select_related("user").filter(organisation=organisation), pk
    )


def person_for(user: Any, pk: Any, *, active_only: bool = True) -> Any:
    """A person's page, for a member of the network; otherwise 404."""
    if not can_see_directory(user):
        raise Http404
    people = get_user_model().objects.all()
    return object_or_404(people.filter(is_active=True) if active_only else people, pk)
