"""Countries and their first-level regions, from the simplified Natural Earth shapes shipped
in ``geodata/shapes.json`` (see geodata/README.md), and the map drawn from them as SVG on
the server: no tile server, no JavaScript, readable offline.

A region is matched by name without regard to case, accents, hyphens or apostrophes, so
"Extreme Nord" written in a practice counts in "Extrême-Nord".
"""

from __future__ import annotations

import json
import math
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.html import escape

SHAPES = Path(__file__).with_name("geodata") / "shapes.json"
WIDTH = 600  # the SVG's own units; the page scales it to the screen


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    for mark in "-'’_.":
        text = text.replace(mark, " ")
    return " ".join(text.split())


@cache
def _data() -> dict:
    return json.loads(SHAPES.read_text(encoding="utf-8"))["countries"]


def countries() -> list[str]:
    """ISO codes of the countries the map knows, in the order of the shapes file."""
    return list(_data())


def regions_of(country: str) -> list[str]:
    data = _data().get(str(country or "").upper())
    return [r["name"] for r in data["regions"]] if data else []


def region_name(country: str, text: str) -> str | None:
    """The region of ``country`` that ``text`` names, spelt as on the map; None if the
    country has no known regions or none matches."""
    wanted = norm(text)
    for name in regions_of(country):
        if norm(name) == wanted:
            return name
    return None


def knows_regions(country: str) -> bool:
    return bool(regions_of(country))


@dataclass(frozen=True)
class Area:
    key: str  # the region's name, or the country code
    label: str
    href: str
    title: str  # what the <title> says: name and counts
    total: int


def _bounds(shapes: list) -> tuple[float, float, float, float]:
    xs, ys = [], []
    for polygons in shapes:
        for rings in polygons:
            for x, y in rings[0]:
                xs.append(x)
                ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


def _path(polygons: list, transform) -> str:
    parts = []
    for rings in polygons:
        for ring in rings:
            points = [transform(x, y) for x, y in ring]
            parts.append("M" + "L".join(f"{x:.0f} {y:.0f}" for x, y in points) + "Z")
    return "".join(parts)


def svg(
    areas: list[Area], shapes: dict[str, list], *, label: str, outline: list | None = None
) -> str:
    """An SVG map: each area a link to its page, shaded by its total, with its name and
    counts in a <title>. ``outline`` (a country's shape) is drawn under the areas."""
    everything = list(shapes.values()) + ([outline] if outline else [])
    min_lon, min_lat, max_lon, max_lat = _bounds(everything)
    middle = math.cos(math.radians((min_lat + max_lat) / 2))
    scale = WIDTH / max((max_lon - min_lon) * middle, 0.01)
    height = max(1, round((max_lat - min_lat) * scale))

    def transform(lon: float, lat: float) -> tuple[float, float]:
        return (lon - min_lon) * middle * scale, (max_lat - lat) * scale

    top = max((a.total for a in areas), default=0)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-2 -2 {WIDTH + 4} {height + 4}" '
        f'class="project-map" role="img" aria-label="{escape(label)}">'
    ]
    if outline:
        out.append(f'<path class="map-outline" d="{_path(outline, transform)}"/>')
    for area in areas:
        level = 0 if not area.total or not top else 1 + min(3, (4 * area.total - 1) // top)
        out.append(
            f'<a href="{escape(area.href)}"><path class="map-area map-{level}" '
            f'd="{_path(shapes[area.key], transform)}"><title>{escape(area.title)}</title>'
            "</path></a>"
        )
    out.append("</svg>")
    return "".join(out)


def country_shapes() -> dict[str, list]:
    return {code: data["shape"] for code, data in _data().items()}


def region_shapes(country: str) -> dict[str, list]:
    data = _data().get(country.upper())
    return {r["name"]: r["shape"] for r in data["regions"]} if data else {}


def country_shape(country: str) -> list | None:
    data = _data().get(country.upper())
    return data["shape"] if data else None
