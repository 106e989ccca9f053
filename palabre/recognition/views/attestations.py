"""Pages of recognition: attestations."""

from __future__ import annotations

urlpatterns: list = []
