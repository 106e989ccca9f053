"""Background jobs of internal training (follow-ups some months after a session)."""

from __future__ import annotations
