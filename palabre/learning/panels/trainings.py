"""Panels internal training adds to other apps' pages: trainings."""

from __future__ import annotations
