"""Pages of internal training: trainings."""

from __future__ import annotations

urlpatterns: list = []
