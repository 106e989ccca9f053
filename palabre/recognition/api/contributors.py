"""API v1 of recognition: contributors."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["recognition"])
