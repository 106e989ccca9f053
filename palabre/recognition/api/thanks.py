"""API v1 of recognition: thanks."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["recognition"])
