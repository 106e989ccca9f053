"""Panels internal training adds to other apps' pages: sessions."""

from __future__ import annotations
