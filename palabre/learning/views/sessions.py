"""Pages of internal training: sessions."""

from __future__ import annotations

urlpatterns: list = []
