"""API v1 of recognition: attestations."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["recognition"])
