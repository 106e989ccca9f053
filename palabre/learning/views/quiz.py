"""Pages of internal training: quiz."""

from __future__ import annotations

urlpatterns: list = []
