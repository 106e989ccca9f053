"""Simple bar charts drawn on the server as SVG: they need no JavaScript and print in PDFs."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

GREEN = "#1e5b3c"
WASH = "#e3f1e8"
INK = "#1d2320"
WIDTH = 360  # drawn at a phone's width; it scales up on larger screens and paper


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _open(title: str, height: int) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]


def _bar(x: int, y: int, space: int, value: float | None, maximum: float, height: int) -> str:
    parts = f'<rect x="{x}" y="{y}" width="{space}" height="{height}" fill="{WASH}" rx="3"/>'
    if value:
        length = max(2, round(space * min(value, maximum) / maximum))
        parts += f'<rect x="{x}" y="{y}" width="{length}" height="{height}" fill="{GREEN}" rx="3"/>'
    return parts


def labelled_bars(
    rows: list[tuple[str, float | None, str]], *, maximum: float, title: str
) -> SafeString:
    """One bar per row, its label written above it: long labels stay readable on a phone.

    The chart carries its own text (a <title> and each value written out), so that it
    reads the same to a screen reader and on paper.
    """
    row_height = 42
    parts = _open(title, max(len(rows) * row_height, 1))
    space = WIDTH - 64
    for index, (label, value, shown) in enumerate(rows):
        y = index * row_height
        short = label if len(label) <= 52 else label[:51] + "…"
        parts.append(f'<text x="0" y="{y + 13}" font-size="13" fill="{INK}">{escape(short)}</text>')
        parts.append(_bar(0, y + 18, space, value, maximum, 16))
        parts.append(
            f'<text x="{space + 6}" y="{y + 31}" font-size="12" fill="{INK}">{escape(shown)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def rating_bars(rows: list[tuple[str, float | None, int]], *, title: str) -> SafeString:
    """Average ratings out of 5: (label, average, number of answers)."""
    return labelled_bars(
        [
            (label, avg, f"{_number(avg)}/5 ({n})" if avg is not None else "—")
            for label, avg, n in rows
        ],
        maximum=5,
        title=title,
    )


def distribution_bars(counts: list[tuple[int, int]], *, title: str) -> SafeString:
    """How many people gave 5, 4… 1 stars: short labels, on the bar's line."""
    row_height, label_width = 26, 70
    rows = list(reversed(counts))
    maximum = max(max((n for _v, n in rows), default=1), 1)
    parts = _open(title, len(rows) * row_height)
    space = WIDTH - label_width - 40
    for index, (value, count) in enumerate(rows):
        y = index * row_height
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end" font-size="13" '
            f'fill="{INK}">{"★" * value}</text>'
        )
        parts.append(_bar(label_width, y + 2, space, count, maximum, 18))
        parts.append(
            f'<text x="{label_width + space + 6}" y="{y + 15}" font-size="12" fill="{INK}">{count}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
