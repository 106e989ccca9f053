"""RFC 6238 codes computed from the key a person types into their app — independently
of django-otp, so the tests check that what the page shows really works in an app."""

from __future__ import annotations

import base64
import hmac
import struct
import time


def totp_code(secret: str, *, at: float | None = None, step: int = 30, digits: int = 6) -> str:
    key_b32 = secret.replace(" ", "").upper()
    key = base64.b32decode(key_b32 + "=" * (-len(key_b32) % 8))
    counter = int((time.time() if at is None else at) // step)
    mac = hmac.new(key, struct.pack(">Q", counter), "sha1").digest()
    offset = mac[-1] & 0x0F
    number = (struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF) % 10**digits
    return f"{number:0{digits}d}"


def device_secret(device) -> str:
    return base64.b32encode(device.bin_key).decode().rstrip("=")
