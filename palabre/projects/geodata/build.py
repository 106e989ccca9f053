"""Regenerate ``shapes.json`` (countries and their first-level regions, simplified) from the
Natural Earth admin-1 layer that QGIS ships in ``world_map.gpkg`` (see README.md here).

Usage::

    apt-get download qgis-common && dpkg-deb -x qgis-common_*.deb /tmp/qgis
    python palabre/projects/geodata/build.py \
        /tmp/qgis/usr/share/qgis/resources/data/world_map.gpkg

Standard library only: a GeoPackage is an SQLite file whose geometries are WKB behind a
small header, and the simplification is Douglas–Peucker on rounded degrees.
"""

from __future__ import annotations

import json
import sqlite3
import struct
import sys
from pathlib import Path

COUNTRIES = ["CM", "TD", "CF", "CG", "GA", "GQ", "NG"]
TOLERANCE = 0.02  # degrees (about 2 km): invisible at the size the map is drawn
DIGITS = 2


def _wkb_polygons(blob: bytes) -> list[list[list[tuple[float, float]]]]:
    """The polygons (each a list of rings) of a GeoPackage MULTIPOLYGON/POLYGON."""
    if blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry")
    flags = blob[3]
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 0b111]
    data = memoryview(blob)[8 + envelope :]
    offset = 0

    def read(fmt: str, order: str) -> tuple:
        nonlocal offset
        values = struct.unpack_from(order + fmt, data, offset)
        offset += struct.calcsize(order + fmt)
        return values

    def geometry() -> list:
        nonlocal offset
        order = "<" if data[offset] == 1 else ">"
        offset += 1
        (kind,) = read("I", order)
        kind %= 1000
        if kind == 3:
            (count,) = read("I", order)
            rings = []
            for _ in range(count):
                (points,) = read("I", order)
                coords = read("d" * 2 * points, order)
                rings.append(list(zip(coords[::2], coords[1::2], strict=True)))
            return [rings]
        if kind == 6:
            (count,) = read("I", order)
            out = []
            for _ in range(count):
                out.extend(geometry())
            return out
        raise ValueError(f"unexpected geometry type {kind}")

    return geometry()


def _simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, index = 0.0, 0
        for i in range(first + 1, last):
            x, y = points[i]
            if norm:
                distance = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm
            else:
                distance = ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if distance > best:
                best, index = distance, i
        if best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def _clean(polygons: list) -> list:
    out = []
    for rings in polygons:
        kept = []
        for ring in rings:
            ring = _simplify(ring, TOLERANCE)
            ring = [(round(x, DIGITS), round(y, DIGITS)) for x, y in ring]
            ring = [p for i, p in enumerate(ring) if i == 0 or p != ring[i - 1]]
            if len(ring) >= 4:
                kept.append([list(p) for p in ring])
        if kept:
            out.append(kept)
    return out


def build(gpkg: Path) -> dict:
    db = sqlite3.connect(gpkg)
    countries = {}
    for code in COUNTRIES:
        (blob,) = db.execute("SELECT geom FROM countries WHERE iso_a2 = ?", (code,)).fetchone()
        regions = [
            {"name": name, "shape": _clean(_wkb_polygons(geom))}
            for name, geom in db.execute(
                "SELECT name, geom FROM states_provinces WHERE iso_a2 = ? ORDER BY name", (code,)
            )
        ]
        countries[code] = {"shape": _clean(_wkb_polygons(blob)), "regions": regions}
    return {
        "source": "Natural Earth 1:10m admin-0 and admin-1 v4.1.0 (public domain), "
        "as generalised in QGIS's world_map.gpkg; simplified by build.py",
        "countries": countries,
    }


if __name__ == "__main__":
    target = Path(__file__).with_name("shapes.json")
    target.write_text(
        json.dumps(build(Path(sys.argv[1])), ensure_ascii=False, separators=(",", ":"))
    )
    print(target, target.stat().st_size, "bytes")
