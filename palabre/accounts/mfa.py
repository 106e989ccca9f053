"""Two-step login: a code from an authenticator app (TOTP) and single-use recovery codes.

The devices are django-otp's: one confirmed ``TOTPDevice`` (the app) and one
``StaticDevice`` holding the recovery codes. django-otp throttles each device (a growing
delay after each wrong code); the login's code step also counts wrong codes with axes.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from palabre.audit.services import audit_record
from palabre.lib.errors import refuse

# In the session once this browser passed the code step (or set two-step login up).
VERIFIED_KEY = "palabre_mfa_verified"

RECOVERY_CODE_COUNT = 10
# Recovery codes avoid letters and digits that read alike (0/O, 1/l/I).
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def totp_device(user: Any, *, confirmed: bool | None = True) -> TOTPDevice | None:
    if not getattr(user, "pk", None):
        return None
    devices = TOTPDevice.objects.filter(user=user)
    if confirmed is not None:
        devices = devices.filter(confirmed=confirmed)
    return devices.order_by("-pk").first()


def has_mfa(user: Any) -> bool:
    """The person has set up an authenticator app: logging in asks for a code."""
    return bool(getattr(user, "pk", None)) and (
        TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    )


def mfa_required_for(user: Any) -> bool:
    """Who holds power must use a second step: network admins, facilitators and
    organisation administrators (MFA_REQUIRED_FOR_POWER, on unless turned off)."""
    if not getattr(settings, "MFA_REQUIRED_FOR_POWER", True):
        return False
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_facilitator or user.is_superuser:
        return True
    return user.memberships.filter(role="org_admin").exists()


def recovery_device(user: Any) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user).order_by("-pk").first()


def recovery_codes_left(user: Any) -> int:
    return StaticToken.objects.filter(device__user=user).count()


def normalise_code(code: str) -> str:
    """What people type: spaces, dashes and capitals are forgiven."""
    return re.sub(r"[\s\-]", "", str(code or "")).lower()[:32]


def _stored_recovery_code(user: Any, code: str) -> str:
    """Recovery codes are kept as digests (16 characters fit django-otp's column), so a
    copy of the database does not give them away."""
    digest = hashlib.sha256(f"palabre-recovery:{user.pk}:{normalise_code(code)}".encode())
    return digest.hexdigest()[:16]


def _new_recovery_code() -> str:
    raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


def _recovery_codes_replace(user: Any) -> list[str]:
    device = recovery_device(user)
    if device is None:
        device = StaticDevice.objects.create(user=user, name="recovery", confirmed=True)
    device.token_set.all().delete()
    codes = [_new_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(
        [StaticToken(device=device, token=_stored_recovery_code(user, code)) for code in codes]
    )
    return codes


def code_throttled(user: Any) -> bool:
    """A wrong code was typed moments ago: django-otp asks to wait (growing delay)."""
    for device in (totp_device(user), recovery_device(user)):
        if device is not None:
            allowed, _details = device.verify_is_allowed()
            if not allowed:
                return True
    return False


def verify_code(user: Any, code: str, *, recovery: bool = True) -> str | None:
    """Check a code from the app (six digits) or, if ``recovery``, a recovery code (used
    up). Returns "totp" or "recovery" when it is right, None otherwise."""
    token = normalise_code(code)
    if not token:
        return None
    with transaction.atomic():
        if token.isdigit():
            device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True)
            totp = device.order_by("-pk").first()
            if totp is not None and totp.verify_is_allowed()[0] and totp.verify_token(token):
                return "totp"
            return None
        if recovery:
            static = StaticDevice.objects.select_for_update().filter(user=user).first()
            if (
                static is not None
                and static.verify_is_allowed()[0]
                and static.verify_token(
                    _stored_recovery_code(user, token)
                )  # deletes the code: it works once
            ):
                return "recovery"
    return None


@transaction.atomic
def recovery_codes_regenerate(*, user: Any) -> list[str]:
    """New recovery codes (the old ones stop working). Returned for showing once."""
    if not has_mfa(user):
        refuse(_("Set up two-step login first."), status=409)
    codes = _recovery_codes_replace(user)
    audit_record(action="mfa.recovery_codes_renewed", actor=user, target=user)
    return codes


@transaction.atomic
def totp_setup_start(*, user: Any) -> TOTPDevice:
    """The secret an app will share, not yet in use (until a code from it is typed).
    The same one is kept while the person is setting it up (reloading the page)."""
    pending = totp_device(user, confirmed=False)
    if pending is None:
        pending = TOTPDevice.objects.create(user=user, name="app", confirmed=False)
    return pending


@transaction.atomic
def totp_setup_confirm(*, user: Any, code: str) -> list[str]:
    """The app gave a right code: two-step login is on (any previous app replaced), with
    new recovery codes, returned for showing once."""
    pending = (
        TOTPDevice.objects.select_for_update()
        .filter(user=user, confirmed=False)
        .order_by("-pk")
        .first()
    )
    if pending is None:
        refuse(_("This set-up has expired: start again."), status=409)
    token = normalise_code(code)
    if not (token.isdigit() and pending.verify_is_allowed()[0] and pending.verify_token(token)):
        refuse(
            _(
                "This code is not right. Check that the phone's time is correct, then type "
                "the six digits the app shows now."
            ),
            field="code",
        )
    TOTPDevice.objects.filter(user=user).exclude(pk=pending.pk).delete()
    pending.confirmed = True
    pending.save(update_fields=["confirmed"])
    codes = _recovery_codes_replace(user)
    audit_record(action="mfa.enabled", actor=user, target=user)
    return codes


@transaction.atomic
def mfa_disable(*, user: Any) -> None:
    """Two-step login off: only for people whose role does not require it."""
    if mfa_required_for(user):
        refuse(_("Your role in the network requires two-step login: it stays on."), status=403)
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    audit_record(action="mfa.disabled", actor=user, target=user)


def totp_qr_svg_data_uri(device: TOTPDevice) -> str:
    """The QR code an authenticator app scans, as an image for the page (no script)."""
    import segno

    return segno.make(device.config_url, error="m").svg_data_uri(scale=4, border=2)


def totp_secret_for_typing(device: TOTPDevice) -> str:
    """The secret in groups of four (base32), for people who type it into the app."""
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
