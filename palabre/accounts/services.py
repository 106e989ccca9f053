"""Changes to people's accounts that others make (network roles), audited."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import update_session_auth_hash
from django.db import models, transaction
from django.utils.translation import gettext as _

from palabre.accounts.models import ApiToken, User, UserSession
from palabre.accounts.sessions import session_end, session_record
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


# The lifetimes offered when creating a token (days; None: until revoked).
API_TOKEN_LIFETIMES: tuple[int | None, ...] = (30, 90, 365, None)


@transaction.atomic
def api_token_create(
    *, user: Any, name: str, by: Any = None, expires_in_days: int | None = None
) -> tuple[Any, str]:
    """Create a personal API token, valid ``expires_in_days`` days (None: until revoked).
    Returns the token and its secret, shown only once."""
    import secrets
    from datetime import timedelta

    from django.utils import timezone

    name = name.strip()[:100]
    if not name:
        raise ServiceError(_("Give the token a name, to recognise it later."), field="name")
    if expires_in_days is not None and not 1 <= expires_in_days <= 3650:
        raise ServiceError(
            _("Choose how long the token stays valid: between 1 day and 10 years, or never."),
            field="expires_in_days",
        )
    expires_at = None
    if expires_in_days is not None:
        expires_at = timezone.now() + timedelta(days=expires_in_days)
    secret = "plb_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name,
        token_hash=_digest(secret),
        prefix=secret[:10],
        expires_at=expires_at,
    )
    audit_record(
        action="api_token.created",
        actor=by or user,
        target=token,
        data={"name": name, "expires_at": expires_at.isoformat() if expires_at else None},
    )
    return token, secret


@transaction.atomic
def api_token_revoke(*, token: Any, by: Any) -> None:
    from django.utils import timezone

    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(action="api_token.revoked", actor=by, target=token)


# "Last used" is written at most this often (seconds), not on every call.
API_TOKEN_USE_RECORDED_EVERY = 60


def api_token_find(secret: str) -> Any:
    """The active (not revoked) token with this secret, expired or not, or None."""
    if not secret or len(secret) > 200:
        return None
    return (
        ApiToken.objects.active().select_related("user").filter(token_hash=_digest(secret)).first()
    )


def api_token_used(token: Any) -> None:
    """Note that the token was just used (at most one write a minute)."""
    from django.utils import timezone

    now = timezone.now()
    last = token.last_used_at
    if last is None or (now - last).total_seconds() >= API_TOKEN_USE_RECORDED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


def api_token_user(secret: str) -> Any:
    """The person a valid (not revoked, not expired) token belongs to, or None. Records
    when it was last used."""
    token = api_token_find(secret)
    if token is None or token.is_expired:
        return None
    api_token_used(token)
    return token.user


@transaction.atomic
def session_revoke(*, record: Any, by: Any) -> None:
    """Sign one of the person's browsers out."""
    audit_record(
        action="session.revoked",
        actor=by,
        target=by,
        data={"device": record.device, "address": record.address},
    )
    session_end(record)


@transaction.atomic
def sessions_revoke_others(*, request: Any, by: Any) -> int:
    """Sign every other browser out, this one staying logged in. Returns how many of the
    listed sessions ended; unlisted ones end too (their proof no longer matches)."""
    current = request.session.session_key
    others = list(UserSession.objects.filter(user=by).exclude(session_key=current))
    for record in others:
        session_end(record)
    User.objects.filter(pk=by.pk).update(sessions_generation=models.F("sessions_generation") + 1)
    by.refresh_from_db(fields=["sessions_generation"])
    update_session_auth_hash(request, by)  # keeps this browser in (a new session key)
    UserSession.objects.filter(session_key=current).delete()
    session_record(request, by)
    audit_record(action="session.revoked_others", actor=by, target=by, data={"count": len(others)})
    return len(others)
