"""Pages of internal training: needs."""

from __future__ import annotations

urlpatterns: list = []
