"""Panels internal training adds to other apps' pages: followups."""

from __future__ import annotations
