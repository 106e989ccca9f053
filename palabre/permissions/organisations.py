"""Who may see the directory and people, manage members, invite, create organisations."""

from __future__ import annotations

from typing import Any

from palabre.permissions import admin_org_ids, is_member, is_network_admin


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
