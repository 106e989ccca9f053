"""Simple bar charts drawn on the server as SVG: they need no JavaScript and print in PDFs."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

GREEN = "#1e5b3c"
WASH = "#e3f1e8"
INK = "#1d2320"


def _number(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text


def bars(
    rows: list[tuple[str, float | None, str]],
    *,
    maximum: float,
    title: str,
    width: int = 560,
    label_width: int = 230,
) -> SafeString:
    """Horizontal bars, one per row: (label, value or None, text shown after the bar).

    The chart carries its own text (a <title> and each value written out), so that it
    reads the same to a screen reader and on paper.
    """
    row_height, gap, top = 22, 8, 4
    height = top + len(rows) * (row_height + gap)
    bar_space = width - label_width - 70
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for index, (label, value, shown) in enumerate(rows):
        y = top + index * (row_height + gap)
        short = label if len(label) <= 34 else label[:33] + "…"
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end" font-size="12" '
            f'fill="{INK}">{escape(short)}</text>'
        )
        parts.append(
            f'<rect x="{label_width}" y="{y}" width="{bar_space}" height="{row_height}" '
            f'fill="{WASH}" rx="3"/>'
        )
        if value:
            length = max(2, round(bar_space * min(value, maximum) / maximum))
            parts.append(
                f'<rect x="{label_width}" y="{y}" width="{length}" height="{row_height}" '
                f'fill="{GREEN}" rx="3"/>'
            )
        parts.append(
            f'<text x="{label_width + bar_space + 6}" y="{y + 15}" font-size="12" '
            f'fill="{INK}">{escape(shown)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def rating_bars(rows: list[tuple[str, float | None, int]], *, title: str) -> SafeString:
    """Average ratings out of 5: (label, average, number of answers)."""
    return bars(
        [
            (label, avg, f"{_number(avg)}/5 ({n})" if avg is not None else "—")
            for label, avg, n in rows
        ],
        maximum=5,
        title=title,
    )


def distribution_bars(counts: list[tuple[int, int]], *, title: str) -> SafeString:
    """How many people gave 5, 4… 1 stars."""
    return bars(
        [("★" * value, n, str(n)) for value, n in reversed(counts)],
        maximum=max(max((n for _v, n in counts), default=1), 1),
        title=title,
        label_width=90,
        width=420,
    )
