"""Pages of internal training: followups."""

from __future__ import annotations

urlpatterns: list = []
