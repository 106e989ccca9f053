"""Panels recognition adds to other apps' pages: featured."""

from __future__ import annotations
