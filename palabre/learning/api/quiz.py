"""API v1 of internal training: quiz."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["learning"])
