"""Pages of recognition: thanks."""

from __future__ import annotations

urlpatterns: list = []
