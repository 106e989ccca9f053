"""Changes to people's accounts that others make (network roles), audited."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from palabre.accounts.models import ApiToken
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


def _digest(secret: str) -> str:
    import hashlib

    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, user: Any, name: str, by: Any = None) -> tuple[Any, str]:
    """Create a personal API token. Returns the token and its secret, shown only once."""
    import secrets

    name = name.strip()[:100]
    if not name:
        raise ServiceError(_("Give the token a name, to recognise it later."), field="name")
    secret = "plb_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name, token_hash=_digest(secret), prefix=secret[:10]
    )
    audit_record(action="api_token.created", actor=by or user, target=token, data={"name": name})
    return token, secret


@transaction.atomic
def api_token_revoke(*, token: Any, by: Any) -> None:
    from django.utils import timezone

    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(action="api_token.revoked", actor=by, target=token)


def api_token_user(secret: str) -> Any:
    """The person a token belongs to, or None. Records when it was last used."""
    from django.utils import timezone

    token = (
        ApiToken.objects.active().select_related("user").filter(token_hash=_digest(secret)).first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 300:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
