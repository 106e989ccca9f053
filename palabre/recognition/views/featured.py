"""Pages of recognition: featured."""

from __future__ import annotations

urlpatterns: list = []
