"""Write the map's bundled world outline from Natural Earth's 1:110m countries.

Input: ``countries-110m.json`` of the npm package ``world-atlas`` 2.0.2
(TopoJSON built from Natural Earth, which is in the public domain; the
package is ISC-licensed). Get it with ``npm pack world-atlas@2.0.2`` and
``tar xzf world-atlas-2.0.2.tgz``, then::

    python scripts/make_world_outline.py package/countries-110m.json

Output: ``src/communique/interfaces/server/static/world-110m.json``, one SVG
path per country in an equirectangular projection (x = lon + 180,
y = 90 - lat, one unit per degree, 0.1 degree precision). The server draws
the map from it; nothing is fetched at run time.
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

OUT = (
    Path(__file__).resolve().parents[1] / "src/communique/interfaces/server/static/world-110m.json"
)


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Quantized, delta-encoded arcs to longitude/latitude points."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(
    ring: list[int], arcs: list[list[tuple[float, float]]]
) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring crossing the antimeridian is drawn past the right edge instead of across the map."""
    crosses = any(abs(a[0] - b[0]) > 180 for a, b in itertools.pairwise(points))
    return [(lon + 360 if crosses and lon < 0 else lon, lat) for lon, lat in points]


def path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in rings:
        xy = [(round(lon + 180, 1), round(90 - lat, 1)) for lon, lat in unwrap(ring)]
        kept = [p for i, p in enumerate(xy) if i == 0 or p != xy[i - 1]]
        if len(kept) >= 3:
            parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in kept) + "Z")
    return "".join(parts)


def iso3(numeric: str | None, name: str) -> str | None:
    """ISO 3166 alpha-3 from the numeric code (Kosovo has none: its user-assigned XKX)."""
    import pycountry

    if name == "Kosovo":
        return "XKX"
    country = pycountry.countries.get(numeric=numeric) if numeric else None
    return country.alpha_3 if country else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("topojson", type=Path)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs", [])
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        rings = [ring_points(ring, arcs) for polygon in polygons for ring in polygon]
        name = geometry["properties"]["name"]
        countries.append({"iso3": iso3(geometry.get("id"), name), "name": name, "d": path(rings)})
    data = {
        "source": "Natural Earth 1:110m countries (public domain) via world-atlas 2.0.2 (ISC)",
        "projection": "equirectangular: x = lon + 180, y = 90 - lat",
        "countries": countries,
    }
    args.out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{len(countries)} countries written to {args.out}")


if __name__ == "__main__":
    main()
