"""API v1 of internal training: needs."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["learning"])
