"""Panels recognition adds to other apps' pages: thanks."""

from __future__ import annotations
