"""Panels internal training adds to other apps' pages: needs."""

from __future__ import annotations
