"""Panels recognition adds to other apps' pages: attestations."""

from __future__ import annotations
