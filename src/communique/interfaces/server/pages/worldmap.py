"""The map: the bundled world outline and event places on it, in SVG drawn by the server.

The outline (``static/world-110m.json``, Natural Earth 1:110m) holds one
path per country in an equirectangular projection, one unit per degree:
x = lon + 180, y = 90 - lat. Markers use the same projection; countries where
events took place are shaded by how many.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import cache

from communique.interfaces.server.templating import HERE
from communique.query.pages import PlacePoint

VIEW_BOX = "0 6 360 150"
"""84°N to 66°S: the inhabited world without Antarctica's interior."""


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str | None
    name: str
    d: str
    shade: int
    events: int


@dataclass(frozen=True, slots=True)
class Marker:
    x: float
    y: float
    r: float
    point: PlacePoint
    colour: str


@dataclass(frozen=True, slots=True)
class WorldMap:
    view_box: str
    countries: tuple[Country, ...]
    markers: tuple[Marker, ...]


@cache
def outline() -> tuple[tuple[str | None, str, str], ...]:
    data = json.loads((HERE / "static" / "world-110m.json").read_text(encoding="utf-8"))
    return tuple((c["iso3"], c["name"], c["d"]) for c in data["countries"])


def project(lat: float, lon: float) -> tuple[float, float]:
    return round(lon + 180, 2), round(90 - lat, 2)


def world_map(points: list[PlacePoint], colours: dict[str, str]) -> WorldMap:
    per_country: Counter[str] = Counter()
    for point in points:
        if point.country:
            per_country[point.country] += point.events
    most = max(per_country.values(), default=1)
    countries = tuple(
        Country(
            iso3=iso3,
            name=name,
            d=d,
            shade=_shade(per_country.get(iso3 or "", 0), most),
            events=per_country.get(iso3 or "", 0),
        )
        for iso3, name, d in outline()
    )
    markers = tuple(
        Marker(
            *project(point.lat, point.lon),
            r=round(0.9 + 0.9 * math.sqrt(point.events), 2),
            point=point,
            colour=colours.get(point.types[0][0], "#444444") if point.types else "#444444",
        )
        for point in sorted(points, key=lambda p: -p.events)  # small markers drawn on top
    )
    return WorldMap(view_box=VIEW_BOX, countries=countries, markers=markers)


def _shade(count: int, most: int) -> int:
    """0 (no events) to 4 (the most), on a square-root scale so a few events still show."""
    if count <= 0:
        return 0
    return max(1, min(4, math.ceil(4 * math.sqrt(count / most))))
