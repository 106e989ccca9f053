"""What recognition adds to other apps' pages (thanks, contributions, featured items)."""

from __future__ import annotations
