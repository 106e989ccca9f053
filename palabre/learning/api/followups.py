"""API v1 of internal training: followups."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["learning"])
