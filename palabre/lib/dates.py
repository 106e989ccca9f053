"""Dates written the way people read them, in the active language.

French writes the first day of a month as an ordinal, "1er octobre", which
Django's formats cannot say. This module is also a template library, loaded as
a builtin (settings ``TEMPLATES``), whose ``date`` filter replaces Django's so
that every date a page writes out follows the rule.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from django import template
from django.template import defaultfilters
from django.utils.formats import date_format, get_format
from django.utils.translation import get_language

register = template.Library()

# A day number ("j") written before a month name: "j F Y", "l j F", "D j M".
_DAY_BEFORE_MONTH = re.compile(r"(?<!\\)j(?=\s+[FMNE])")


def with_first(value: object, format_name: str | None) -> str | None:
    """``format_name``, changed to write "1er" when ``value`` is the 1st and the language French."""
    if getattr(value, "day", None) != 1 or not (get_language() or "").startswith("fr"):
        return format_name
    pattern = get_format(format_name or "DATE_FORMAT")
    return _DAY_BEFORE_MONTH.sub(r"j\\e\\r", pattern)


def day(value: date, *, short: bool = False) -> str:
    """A date in a message: "2 décembre 2026", "1er octobre 2026", or "02/12/2026" with ``short``."""
    if short:
        return date_format(value, "SHORT_DATE_FORMAT")
    return date_format(value, with_first(value, "DATE_FORMAT"))


@register.filter("date", expects_localtime=True, is_safe=False)
def date_filter(value: date | datetime | str | None, arg: str | None = None) -> str:
    """Django's ``date`` filter, with "1er" for the first day of a month in French."""
    if value in (None, ""):
        return ""
    return defaultfilters.date(value, with_first(value, arg))
