"""Changes to people's accounts that others make (network roles), audited."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from palabre.audit.services import audit_record
from palabre.lib.errors import ServiceError


@transaction.atomic
def user_set_network_role(*, user: Any, role: str, by: Any) -> None:
    if role not in user.NetworkRole.values:
        raise ServiceError(_("Unknown role."), field="network_role")
    if user.pk == by.pk and role != user.NetworkRole.ADMIN:
        raise ServiceError(_("You cannot remove your own administrator role."), status=409)
    previous = user.network_role
    if previous == role:
        return
    user.network_role = role
    user.is_superuser = role == user.NetworkRole.ADMIN
    user.save(update_fields=["network_role", "is_superuser"])
    audit_record(
        action="user.network_role_changed",
        actor=by,
        target=user,
        data={"user": user.email, "from": previous, "to": role},
    )
