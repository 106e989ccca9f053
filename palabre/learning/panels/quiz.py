"""Panels internal training adds to other apps' pages: quiz."""

from __future__ import annotations
