"""Dates written the way people read them, in the active language."""

from __future__ import annotations

from datetime import date

from django.utils.formats import date_format


def day(value: date, *, short: bool = False) -> str:
    """A date in a message: "2 décembre 2026", or "02/12/2026" with ``short``."""
    return date_format(value, "SHORT_DATE_FORMAT" if short else "DATE_FORMAT")
