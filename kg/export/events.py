"""The events of a graph as a table for maps and timelines.

``event_frame(graph)`` runs the shipped query ``event_places`` and gives one
row per attack, meeting and mediation: its kind and type (``type`` is the local
name of its ``nkg:eventType`` concept for attacks, ``"Attack"`` for an attack
of no known type, ``"Meeting"`` or ``"Mediation"``), its first and last day,
killed (the largest lower bound among its killed counts), attackers, and where
it is drawn on a map:

* a place linked to a GeoNames populated place is drawn at that place
  (``placed_by == "place"``);
* otherwise at its region's centre (``"region"``: the region's own GeoNames
  coordinates, or the mean of the linked places of that region in the graph),
  or at its country's centre (``"country"``: the centroid of the country's
  largest polygon in the Natural Earth outlines); these positions are
  ``approximate``;
* an event with several places is drawn at the most precise of them;
* an event with no place that can be placed has no coordinates.

The page and the notebook draw from this same table.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pandas as pd
import rdflib

from kg.export import geo

KINDS = ("Attack", "Meeting", "Mediation")
COLUMNS = ["event", "kind", "type", "type_label", "start", "end", "killed", "attackers",
           "place", "country", "lon", "lat", "approximate", "placed_by"]
_PRECISION = {"place": 0, "region": 1, "country": 2}


def _local(iri: Any) -> str:
    text = str(iri)
    return text.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return str(value)


def event_frame(graph: rdflib.Graph) -> pd.DataFrame:
    """One row per event of ``graph`` (see the module doc)."""
    from kg import api

    return locate(api.query(graph, "event_places"))


def locate(rows: pd.DataFrame) -> pd.DataFrame:
    """The event table from the rows of the ``event_places`` query (one per event and place)."""
    records = rows.to_dict("records")
    region_points: dict[str, list[geo.Point]] = defaultdict(list)  # the linked towns of each region
    for r in records:
        point = geo.place_point(geo.geonames_id(r.get("placeGeonames")))
        if point is not None and _text(r.get("region")):
            region_points[_text(r.get("region"))].append(point)

    def region_centre(region: str | None, gid: int | None) -> geo.Point | None:
        point = geo.place_point(gid)
        if point is not None or not region or not region_points.get(region):
            return point
        xs, ys = zip(*region_points[region])
        return round(sum(xs) / len(xs), 4), round(sum(ys) / len(ys), 4)

    def candidates(r: dict) -> list[tuple[int, str, geo.Point, str]]:
        """(precision, label, point, placed_by) of one place row."""
        label = _text(r.get("placeLabel")) or ""
        place_cls = _local(r["placeClass"]) if _text(r.get("placeClass")) else ""
        out = []
        point = geo.place_point(geo.geonames_id(r.get("placeGeonames")))
        if point is not None and place_cls != "Country":
            out.append((_PRECISION["place"], label, point, "place"))
        if place_cls == "Region":
            point = region_centre(_text(r.get("place")), geo.geonames_id(r.get("placeGeonames")))
            if point is not None:
                out.append((_PRECISION["region"], label, point, "region"))
        point = region_centre(_text(r.get("region")), geo.geonames_id(r.get("regionGeonames")))
        if point is not None:
            out.append((_PRECISION["region"], label, point, "region"))
        point = geo.country_centre(geo.country_code(geo.geonames_id(r.get("countryGeonames"))))
        if point is not None:
            out.append((_PRECISION["country"], label, point, "country"))
        return out

    by_event: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        by_event[str(r["event"])].append(r)
    out = []
    for event, group in by_event.items():
        first = group[0]
        kind = _local(first["class"])
        type_iri = _text(first.get("eventType"))
        if kind == "Attack" and type_iri:
            type_key, type_label = _local(type_iri), _text(first.get("eventTypeLabel")) or _local(type_iri)
        else:
            type_key, type_label = kind, kind.lower() if kind != "Attack" else "attack of unknown type"
        options = sorted((c for r in group if _text(r.get("place")) for c in candidates(r)),
                         key=lambda c: (c[0], c[1], c[2]))
        chosen = options[0] if options else None
        place_row = next((r for r in group if chosen and (_text(r.get("placeLabel")) or "") == chosen[1]), None)
        killed = first.get("killed")
        attackers = sorted(a.strip() for a in (_text(first.get("attackers")) or "").split(" | ") if a.strip())
        start, end = _text(first.get("earliest")), _text(first.get("latest"))
        out.append({
            "event": event, "kind": kind, "type": type_key, "type_label": type_label,
            "start": start or end, "end": end or start,
            "killed": None if killed is None or pd.isna(killed) else int(killed),
            "attackers": attackers,
            "place": chosen[1] if chosen else None,
            "country": _text(place_row.get("countryLabel")) if place_row else None,
            "lon": chosen[2][0] if chosen else None, "lat": chosen[2][1] if chosen else None,
            "approximate": bool(chosen and chosen[3] != "place"),
            "placed_by": chosen[3] if chosen else None,
        })
    frame = pd.DataFrame(out, columns=COLUMNS)
    frame["killed"] = frame["killed"].astype("Int64")
    return frame.sort_values(["start", "event"], na_position="last", kind="stable").reset_index(drop=True)


def event_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of an event table as dicts, with ``None`` for every missing value."""
    return [{k: (None if not isinstance(v, list) and pd.isna(v) else v) for k, v in row.items()}
            for row in frame.to_dict("records")]


def position_note(row: dict[str, Any]) -> str | None:
    """The card line telling where an approximately placed event is drawn."""
    if not row.get("approximate"):
        return None
    where = {"region": "its region's centre", "country": "the centre of its country"}[row["placed_by"]]
    country = f" ({row['country']})" if row.get("country") and row["placed_by"] == "country" else ""
    return f"approximate: drawn at {where}{country}"
