"""Template helpers for adoptions and impact: numbers, badges, and the server-drawn charts."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.urls import reverse
from django.utils.formats import number_format

from palabre.adoptions import charts

register = template.Library()

STATUS_TONES = {"planned": "blue", "in_progress": "ochre", "completed": "green", "abandoned": "red"}


@register.filter
def num(value, places: int = 2) -> str:
    """A number in the reader's language, without useless decimals (1 250,5)."""
    if value is None or value == "":
        return "–"
    number = Decimal(str(value))
    number = round(number, int(places))
    if number == number.to_integral_value():
        return number_format(number, decimal_pos=0, force_grouping=True)
    text = number_format(number, decimal_pos=int(places), force_grouping=True)
    separator = number_format(Decimal("0.5"), decimal_pos=1)[1]
    return text.rstrip("0").rstrip(separator) if separator in text else text


@register.filter
def status_tone(status: str) -> str:
    return STATUS_TONES.get(status, "")


@register.filter
def revision_url(revision) -> str:
    """Where to read what a revision changed: its differences with the one before."""
    if revision is None:
        return ""
    if revision.number > 1:
        url = reverse("practices:diff", args=[revision.practice_id])
        return f"{url}?a={revision.number - 1}&b={revision.number}"
    return reverse("practices:history", args=[revision.practice_id])


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None


@register.simple_tag
def bar_chart(rows, maximum=None, suffix="", tones=None):
    """Horizontal bars; ``tones`` is one colour for every bar, or a list of them."""
    if isinstance(tones, str):
        tones = [tones] * len(rows)
    return charts.bar_chart(rows, maximum=maximum, suffix=suffix, tones=tones)


@register.simple_tag
def column_chart(rows):
    return charts.column_chart(rows)


@register.simple_tag
def line_chart(points, indicator):
    return charts.line_chart(
        points,
        baseline=(indicator.baseline_date, indicator.baseline_value),
        target=(indicator.target_date, indicator.target_value),
    )


@register.simple_tag
def progress_bar(progress):
    return charts.progress_bar(progress)


@register.simple_tag
def status_chart(status_rows):
    """Adoptions by status, each bar in its status colour."""
    rows = [(label, n) for _value, label, n in status_rows]
    tones = [STATUS_TONES.get(value, "") for value, _label, _n in status_rows]
    return charts.bar_chart(rows, tones=tones)


@register.simple_tag
def pairs(items, label: str, value: str):
    """(label, value) rows for a chart, read from the attributes of each item."""
    return [(str(getattr(item, label)), getattr(item, value)) for item in items]


@register.simple_tag
def month_rows(series):
    """(short month name, count) rows for the adoptions-per-month chart."""
    from django.utils.formats import date_format

    return [(date_format(month, "N"), n) for month, n in series]


@register.simple_tag
def effectiveness_rows(outcomes):
    return [(f"{score}/5", n) for score, n in outcomes.effectiveness_counts.items()]
