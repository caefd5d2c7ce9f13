"""The page's map and timeline as matplotlib figures, for notebooks and reports.

Both draw from the event table of :func:`kg.export.events.event_frame` (or
:func:`kg.export.events.locate` of the ``event_places`` SPARQL results), with
the page's colours for event types (``styles.json``) and the same Natural Earth
outlines (:func:`kg.export.geo.country_rings`). The map is drawn in longitude
and latitude, its aspect set for the middle latitude of the events. matplotlib
is imported on use only (it is a development dependency).
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from kg.export import geo
from kg.export.network import load_styles

_LAND, _BORDER, _SEA = "#f7f5ef", "#b9b4a8", "#eaf1f6"


def type_colours(frame: pd.DataFrame) -> dict[str, str]:
    """Event type -> colour, in the order of the style table."""
    colours = load_styles()["event_types"]
    present = list(dict.fromkeys(frame["type"]))
    ordered = sorted(present, key=lambda t: (list(colours).index(t) if t in colours else len(colours), t))
    return {t: colours.get(t, "#999999") for t in ordered}


def marker_radius(killed: float) -> float:
    """A marker's radius in pixels (points on paper) for the people killed, as the page draws it."""
    return min(28.0, 3 + 1.6 * math.sqrt(max(killed, 0)))


def _outlines(ax: Any) -> None:
    from matplotlib.collections import PolyCollection

    polygons = []
    for rings in geo.country_rings().values():
        for ring in rings:
            if max(p[0] for p in ring) - min(p[0] for p in ring) > 180:  # across the antimeridian
                ring = tuple((x + 360 if x < 0 else x, y) for x, y in ring)
                polygons.append([(x - 360, y) for x, y in ring])
            polygons.append(list(ring))
    ax.add_collection(PolyCollection(polygons, facecolors=_LAND, edgecolors=_BORDER, linewidths=0.5, zorder=1))


def plot_event_map(frame: pd.DataFrame, ax: Any = None, *, title: str = "Events on the map") -> Any:
    """Markers at the events' places over the country outlines: attacks as circles
    sized by killed, meetings and mediations as diamonds, approximate positions
    faded with a dashed edge. Returns the axes."""
    import matplotlib.pyplot as plt

    placed = frame[frame["lon"].notna()]
    if ax is None:
        _, ax = plt.subplots(figsize=(10, 6))
    ax.set_facecolor(_SEA)
    _outlines(ax)
    if len(placed):
        x0, x1, y0, y1 = placed["lon"].min(), placed["lon"].max(), placed["lat"].min(), placed["lat"].max()
        pad_x, pad_y = max(3, (x1 - x0) * 0.08), max(3, (y1 - y0) * 0.08)
        ax.set_xlim(max(-180, x0 - pad_x), min(180, x1 + pad_x))
        ax.set_ylim(max(-85, y0 - pad_y), min(85, y1 + pad_y))
        ax.set_aspect(1 / math.cos(math.radians((y0 + y1) / 2)))
    else:
        ax.set_xlim(-180, 180)
        ax.set_ylim(-60, 85)
    colours = type_colours(frame)
    killed = placed["killed"].astype("Float64").fillna(0).astype(float)
    diplomacy = placed["kind"].isin(["Meeting", "Mediation"])
    for t, colour in colours.items():
        for approx in (True, False):
            rows = placed[(placed["type"] == t) & (placed["approximate"] == approx)]
            if not len(rows):
                continue
            sizes = [(1.5 * (5 if d else marker_radius(k))) ** 2
                     for d, k in zip(diplomacy[rows.index], killed[rows.index])]
            ax.scatter(rows["lon"], rows["lat"], s=sizes, c=colour, alpha=0.45 if approx else 0.8,
                       marker="D" if t in ("Meeting", "Mediation") else "o",
                       edgecolors="#555555" if approx else "white", linewidths=0.8,
                       linestyle="--" if approx else "-", zorder=3,
                       label=None if approx else str(frame.loc[frame["type"] == t, "type_label"].iloc[0]))
    legend = ax.legend(loc="lower left", fontsize=7, framealpha=0.9)
    for handle in legend.legend_handles:
        handle.set_sizes([30])
    ax.set_title(f"{title} ({len(placed)} of {len(frame)} events placed)")
    ax.set_xlabel("longitude")
    ax.set_ylabel("latitude")
    return ax


def plot_event_timeline(frame: pd.DataFrame, axes: Any = None, *, title: str = "Events per day") -> Any:
    """Events per day stacked by type (an event counts on the first day of its
    date window) above killed per day. Returns the two axes."""
    import matplotlib.pyplot as plt

    dated = frame[frame["start"].notna()].copy()
    if axes is None:
        _, axes = plt.subplots(2, 1, figsize=(10, 5), sharex=True, gridspec_kw={"height_ratios": [3, 2]})
    top, bottom = axes
    if not len(dated):
        top.set_title(f"{title}: no event has a date")
        return axes
    dated["day"] = pd.to_datetime(dated["start"])
    colours = type_colours(dated)
    counts = dated.pivot_table(index="day", columns="type", values="event", aggfunc="count", fill_value=0)
    days = pd.date_range(counts.index.min(), counts.index.max(), freq="D")
    counts = counts.reindex(days, fill_value=0)
    labels = dict(zip(dated["type"], dated["type_label"]))
    base = pd.Series(0, index=days)
    for t, colour in colours.items():
        if t in counts:
            top.bar(days, counts[t], bottom=base, width=0.9, color=colour, label=labels[t], align="edge")
            base = base + counts[t]
    top.set_ylabel("events")
    top.set_title(title)
    top.legend(fontsize=7, ncol=2, loc="upper left")
    killed = dated.groupby("day")["killed"].sum().reindex(days, fill_value=0).astype(float)
    bottom.bar(days, killed, width=0.9, color="#8b1a1a", align="edge")
    bottom.set_ylabel("killed")
    bottom.figure.autofmt_xdate()
    return axes
