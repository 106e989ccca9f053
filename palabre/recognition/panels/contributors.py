"""Panels recognition adds to other apps' pages: contributors."""

from __future__ import annotations
