"""Pages of recognition: contributors."""

from __future__ import annotations

urlpatterns: list = []
