"""Charts drawn on the server as small inline SVG: no JavaScript, no library, a few hundred bytes.

Every chart is decorative for assistive technologies (``aria-hidden``): the
template puts a data table with the same figures beside it. Drawings use a
320-unit-wide viewBox, so that at 360 px on a phone the text is read at its
real size; CSS (adoptions.css) colours them through classes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils.formats import date_format, number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH = 320


def _number(value: Any, places: int = 1) -> str:
    if value is None:
        return "–"
    value = Decimal(str(value))
    if value == value.to_integral_value():
        return number_format(value, decimal_pos=0, force_grouping=True)
    return number_format(round(value, places), decimal_pos=places, force_grouping=True)


def _svg(height: float, body: str, css_class: str, *, stretch: bool = False) -> SafeString:
    # A stretched drawing (no text in it) fills the width at a fixed height.
    ratio = ' preserveAspectRatio="none"' if stretch else ""
    return mark_safe(  # every text in ``body`` was escaped by the caller
        f'<svg class="chart {css_class}" viewBox="0 0 {WIDTH} {height:.0f}"{ratio} '
        f'width="{WIDTH}" height="{height:.0f}" aria-hidden="true" focusable="false" '
        f'xmlns="http://www.w3.org/2000/svg">{body}</svg>'
    )


def _short(text: str, length: int = 44) -> str:
    text = str(text)
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def bar_chart(
    rows: Sequence[tuple[str, Any]],
    *,
    maximum: float | None = None,
    suffix: str = "",
    tones: Sequence[str] | None = None,
) -> SafeString:
    """Horizontal bars, one per row, the label above each bar and the value after it."""
    if not rows:
        return mark_safe("")
    values = [float(v or 0) for _label, v in rows]
    top = maximum if maximum is not None else max(values) or 1
    row_height, bar_height, label_width = 36, 14, WIDTH - 66
    parts = []
    for index, ((label, value), number) in enumerate(zip(rows, values, strict=True)):
        y = index * row_height
        width = max(0.0, min(number / top, 1.0)) * label_width if top else 0
        tone = f" {tones[index]}" if tones and index < len(tones) and tones[index] else ""
        parts.append(
            f'<text class="label" x="0" y="{y + 12}">{escape(_short(label))}</text>'
            f'<rect class="track" x="0" y="{y + 17}" width="{label_width}" height="{bar_height}" rx="2"/>'
            f'<rect class="bar{tone}" x="0" y="{y + 17}" width="{width:.1f}" height="{bar_height}" rx="2"/>'
            f'<text class="value" x="{label_width + 6}" y="{y + 29}">'
            f"{escape(_number(value))}{escape(suffix)}</text>"
        )
    return _svg(len(rows) * row_height + 4, "".join(parts), "bars")


def column_chart(rows: Sequence[tuple[str, Any]]) -> SafeString:
    """Vertical columns (a count per month), with the label under each column."""
    if not rows:
        return mark_safe("")
    values = [float(v or 0) for _label, v in rows]
    top = max(values) or 1
    height, base, label_space = 150, 120, 30
    step = WIDTH / len(rows)
    width = max(step * 0.62, 2)
    parts = [f'<line class="axis" x1="0" y1="{base}" x2="{WIDTH}" y2="{base}"/>']
    for index, ((label, _value), number) in enumerate(zip(rows, values, strict=True)):
        bar = (number / top) * (base - 18)
        x = index * step + (step - width) / 2
        parts.append(
            f'<rect class="bar" x="{x:.1f}" y="{base - bar:.1f}" width="{width:.1f}" '
            f'height="{bar:.1f}" rx="1.5"/>'
        )
        if number:
            parts.append(
                f'<text class="value" x="{x + width / 2:.1f}" y="{base - bar - 4:.1f}" '
                f'text-anchor="middle">{escape(_number(number))}</text>'
            )
        parts.append(
            f'<text class="label tiny" x="{x + width / 2:.1f}" y="{base + 14}" '
            f'text-anchor="middle">{escape(label)}</text>'
        )
    return _svg(height - label_space + 34, "".join(parts), "columns")


def line_chart(
    points: Sequence[tuple[date, Any]],
    *,
    baseline: tuple[date, Any],
    target: tuple[date, Any],
) -> SafeString:
    """Measurements over time, from the baseline, with the target as a dashed line."""
    dates = [baseline[0], target[0], *[d for d, _v in points]]
    values = [float(baseline[1]), float(target[1]), *[float(v) for _d, v in points]]
    start, end = min(dates), max(dates)
    low, high = min(values), max(values)
    if high == low:
        high, low = high + 1, low - 1
    pad = (high - low) * 0.12
    low, high = low - pad, high + pad
    left, right, top, bottom = 52, WIDTH - 8, 10, 150
    span = max((end - start).days, 1)

    def x(day: date) -> float:
        return left + (day - start).days / span * (right - left)

    def y(value: float) -> float:
        return bottom - (value - low) / (high - low) * (bottom - top)

    parts = [
        f'<line class="axis" x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}"/>',
        f'<line class="axis" x1="{left}" y1="{top}" x2="{left}" y2="{bottom}"/>',
    ]
    for value, css in ((float(baseline[1]), "baseline"), (float(target[1]), "target")):
        parts.append(
            f'<line class="{css}" x1="{left}" y1="{y(value):.1f}" x2="{right}" y2="{y(value):.1f}"/>'
            f'<text class="label small" x="{left - 4}" y="{y(value) + 4:.1f}" text-anchor="end">'
            f"{escape(_number(value))}</text>"
        )
    parts.append(
        f'<circle class="target-point" cx="{x(target[0]):.1f}" cy="{y(float(target[1])):.1f}" r="4"/>'
    )
    series = [(baseline[0], float(baseline[1])), *[(d, float(v)) for d, v in points]]
    line = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in series)
    parts.append(f'<polyline class="line" points="{line}"/>')
    for d, v in series[1:]:
        parts.append(f'<circle class="point" cx="{x(d):.1f}" cy="{y(v):.1f}" r="3"/>')
    parts.append(
        f'<text class="label small" x="{left}" y="{bottom + 16}">'
        f"{escape(date_format(start, 'N Y'))}</text>"
        f'<text class="label small" x="{right}" y="{bottom + 16}" text-anchor="end">'
        f"{escape(date_format(end, 'N Y'))}</text>"
    )
    return _svg(bottom + 22, "".join(parts), "line-chart")


def progress_bar(progress: float | None) -> SafeString:
    """From the baseline (left) to the target (the mark at 80 % of the width), and beyond."""
    track_end, target_x, height = WIDTH - 4, (WIDTH - 4) * 0.8, 22
    parts = [
        f'<rect class="track" x="0" y="5" width="{track_end}" height="12" rx="3"/>',
    ]
    if progress is not None:
        clamped = max(0.0, min(progress, 125.0))
        width = clamped / 100 * target_x
        tone = "good" if progress >= 100 else ("bad" if progress < 0 else "")
        parts.append(
            f'<rect class="bar {tone}" x="0" y="5" width="{width:.1f}" height="12" rx="3"/>'
        )
    parts.append(
        f'<line class="target" x1="{target_x:.1f}" y1="1" x2="{target_x:.1f}" y2="{height - 1}" '
        f'vector-effect="non-scaling-stroke"/>'
    )
    return _svg(height, "".join(parts), "progress", stretch=True)
