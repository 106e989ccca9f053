"""trainings: selectors."""

from __future__ import annotations
