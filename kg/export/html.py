"""The graph as one self-contained, offline, interactive HTML page.

The page has three views of the same graph, and filters that all of them obey:

* the network (vis-network, through pyvis): the actors-events view of
  ``kg.export.network``, nodes coloured and shaped by class from
  ``styles.json``, attacks labelled with their casualty figures, edges labelled
  by relation, hover cards for every node, click-to-highlight of a node's
  neighbourhood, and a legend that shows or hides classes;
* the map (d3 and topojson-client on a canvas): every event of
  ``kg.export.events`` at its place, over the Natural Earth country outlines,
  sized by killed and coloured by event type, meetings and mediations in a
  layer of their own, with the event's card on hover; a click selects the
  event in the network;
* the timeline (d3, SVG): events per day stacked by type above killed per day;
  brushing a span sets the date range.

The filters are the event type, the attacker, the country, the date range and
a search; the address fragment presets them and follows them
(``#view=map&type=AirDroneStrike&attacker=name&country=name&from=2025-04-01&to=2025-04-15&find=name&hide=City,Region``).
The date range hides the events whose date window (``earliest``–``latest``)
lies wholly outside it; either end may be left open. Events without a date
stay shown, since they are not known to fall outside, and so do actors and
places, even when none of their events is left in view. Every library and the
outlines are inlined from ``kg/export/vendor/``: nothing is fetched.

Every string taken from the graph is HTML-escaped before it reaches the page.
Hover cards are escaped HTML turned into elements in the page; labels are drawn
on the canvas or set as text; the legend, the filters and the search list are
built from escaped text or DOM properties. Data sits in ``<script>`` as JSON
that cannot end the element (:func:`script_json`).

The page exposes ``window.newskg`` (``nodeCount``, ``nodesTotal``,
``reduced``, ``drawn``, ``eventsTotal``, ``view``, and once drawn
``firstDrawMs``, ``pageMs`` and ``stabilized``; after a search ``selected``
and ``highlighted``; after a filter ``visibleNodes``, ``dateFrom``,
``dateTo``, ``hiddenByDate``, ``eventType``, ``attacker`` and ``country``;
once the map is drawn ``mapMarkers``, ``mapKilled``, ``mapUnplaced``,
``mapDrawMs`` and ``mapPageMs``; once the timeline is drawn
``timelineEvents``, ``timelineKilled``, ``timelineDays``,
``timelineDrawMs`` and ``timelinePageMs``) and mirrors it as JSON in the
hidden ``#newskg-state`` element.
"""

from __future__ import annotations

import base64
import gzip
import html
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
import rdflib
from pyvis.network import Network

from kg.export import geo
from kg.export.events import event_frame, event_records, position_note
from kg.export.network import class_style, format_interval, load_styles, to_networkx

_SHAPE_GLYPHS = {
    "dot": "●", "square": "■", "hexagon": "⬢", "triangle": "▲", "triangleDown": "▼",
    "star": "★", "diamond": "◆", "box": "▬", "ellipse": "⬬",
}
_LABEL_LIMIT = 48
_OUTCOMES = ("killed", "injured")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class HtmlReport:
    path: Path
    nodes_shown: int
    nodes_total: int
    reduced: bool


def to_html(graph: rdflib.Graph, path: Path, *, max_nodes: int = 1500,
            title: str = "newskg") -> HtmlReport:
    """Write the interactive page of ``graph`` to ``path`` (atomically).

    Above ``max_nodes`` nodes the page shows a reduced view: the actors with
    most relations, each with its events, up to ``max_nodes`` nodes, under a
    banner that says so.
    """
    G = to_networkx(graph, "actors-events")
    events = event_frame(graph)
    for row in event_records(events):
        note = position_note(row)
        if note and row["event"] in G:
            G.nodes[row["event"]]["position"] = note
    shown = reduce_view(G, max_nodes) if len(G) > max_nodes else G
    reduced = shown is not G
    page = render_page(shown, title=title, nodes_total=len(G), reduced=reduced, events=events, full=G)
    path = Path(path)
    _write_atomic(path, page)
    return HtmlReport(path=path, nodes_shown=len(shown), nodes_total=len(G), reduced=reduced)


def reduce_view(G: nx.MultiDiGraph, max_nodes: int) -> nx.MultiDiGraph:
    """The top actors by degree and their events, at most ``max_nodes`` nodes."""
    keep: list[str] = []
    kept: set[str] = set()
    actors = sorted((n for n, d in G.nodes(data=True) if d.get("kind") == "actor"),
                    key=lambda n: (-G.degree(n), G.nodes[n]["label"], n))
    for actor in actors:
        if actor in kept:
            continue
        events = sorted({m for m in nx.all_neighbors(G, actor)
                         if G.nodes[m].get("kind") == "event" and m not in kept},
                        key=lambda m: (-G.degree(m), m))
        room = max_nodes - len(keep) - 1
        if room < 0:
            break
        for n in [actor] + events[:room]:
            keep.append(n)
            kept.add(n)
    return G.subgraph(keep).copy()


# --------------------------------------------------------------- node texts


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _short(text: str) -> str:
    return text if len(text) <= _LABEL_LIMIT else text[: _LABEL_LIMIT - 1].rstrip() + "…"


def casualty_summary(data: dict[str, Any]) -> str:
    """``"≥1 killed, ≥61 injured"`` from an event's casualty attributes."""
    parts = []
    for outcome in _OUTCOMES + tuple(sorted(
            k[: -len("_min")] for k in data if k.endswith("_min") and k[: -len("_min")] not in _OUTCOMES)):
        if data.get(f"{outcome}_min") is not None:
            figure = format_interval(data[f"{outcome}_min"], data.get(f"{outcome}_max"),
                                     bool(data.get(f"{outcome}_vague")))
            parts.append(f"{figure} {outcome}")
    return ", ".join(parts)


def _places(G: nx.MultiDiGraph, n: str) -> list[str]:
    return sorted(G.nodes[t]["label"] for _, t, rel in G.out_edges(n, keys=True) if rel == "location")


def display_label(G: nx.MultiDiGraph, n: str) -> str:
    """The text drawn on the canvas for node ``n``."""
    data = G.nodes[n]
    cls = data.get("cls") or "Event"
    if data.get("kind") != "event" or cls == "Demand":
        return _short(data["label"])
    where = ", ".join(_places(G, n))
    if cls == "Attack":
        figures = casualty_summary(data)
        head = where or "Attack"
        return _short(f"{head} · {figures}" if figures else (f"{head} · attack" if where else head))
    detail = where or ", ".join(data.get("goal") or [])
    text = f"{cls} · {detail}" if detail else cls
    if data.get("status"):
        text += f" ({data['status']})"
    return _short(text)


def iso_day(value: Any) -> str | None:
    """``"2025-04-18"`` from a date or date-time value; ``None`` for anything else."""
    text = str(value) if value is not None else ""
    return text[:10] if _ISO_DAY.match(text) and (len(text) == 10 or text[10] == "T") else None


def date_span(data: dict[str, Any]) -> tuple[str, str] | None:
    """An event's first and last day as ISO strings (one end stands for both when
    the other is missing); ``None`` for an undated node."""
    first, last = iso_day(data.get("earliest")), iso_day(data.get("latest"))
    if data.get("kind") != "event" or not (first or last):
        return None
    return first or last, last or first


def _date_window(data: dict[str, Any]) -> str:
    earliest, latest = data.get("earliest"), data.get("latest")
    if not earliest and not latest:
        return ""
    if earliest and latest and earliest != latest:
        window = f"{earliest} – {latest}"
    else:
        window = earliest or latest
    if data.get("date_text"):
        window += f" (“{'; '.join(data['date_text'])}”)"
    return window


def hover_card(G: nx.MultiDiGraph, n: str) -> str:
    """Escaped HTML for the hover card of node ``n``."""
    data = G.nodes[n]
    rows: list[tuple[str, list[str]]] = []
    if data.get("kind") == "event":
        rows.append(("When", [_date_window(data)] if _date_window(data) else []))
        rows.append(("Where", _places(G, n)))
        rows.append(("On the map", [data["position"]] if data.get("position") else []))
        rows.append(("Casualties", list(data.get("casualties") or [])))
        rows.append(("Event type", list(data.get("event_type") or [])))
        for name in ("weapon", "target", "goal"):
            rows.append((name.capitalize(), list(data.get(name) or [])))
        rows.append(("Status", [data["status"]] if data.get("status") else []))
        by_relation: dict[str, list[str]] = {}
        for _, t, rel in G.out_edges(n, keys=True):
            if rel != "location":
                by_relation.setdefault(rel, []).append(G.nodes[t]["label"])
        rows.extend((rel, sorted(names)) for rel, names in sorted(by_relation.items()))
    else:
        rows.append(("Role", list(data.get("role") or [])))
        rows.append(("Also", list(data.get("aliases") or [])))
        for _, t, rel in G.out_edges(n, keys=True):
            rows.append((rel, [G.nodes[t]["label"]]))
        rows.append(("Same as", list(data.get("same_as") or [])))
    out = [f"<div class='nk-card'><b>{_e(data['label'])}</b> <i>{_e(data.get('cls') or '')}</i>"]
    for name, values in rows:
        if values:
            out.append(f"<div><span class='nk-k'>{_e(name)}</span> {_e('; '.join(map(str, values)))}</div>")
    for sentence in data.get("evidence") or []:
        out.append(f"<blockquote>{_e(sentence)}</blockquote>")
    for doc in data.get("documents") or []:
        out.append(f"<div class='nk-src'>{_e(doc)}</div>")
    out.append("</div>")
    return "".join(out)


# ---------------------------------------------------------------- the page


def _physics(n: int) -> dict[str, Any]:
    return {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {
            "gravitationalConstant": -110, "centralGravity": 0.01, "springLength": 130,
            "springConstant": 0.05, "damping": 0.6, "avoidOverlap": 1.0,
        },
        "maxVelocity": 40,
        "minVelocity": 1.0,
        "timestep": 0.45,
        "stabilization": {"enabled": True, "iterations": 600 if n < 300 else 250,
                          "updateInterval": 50, "fit": True},
    }


def _options(n: int) -> dict[str, Any]:
    return {
        "physics": _physics(n),
        "layout": {"improvedLayout": n <= 200, "randomSeed": 7},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": n > 300,
                        "navigationButtons": False, "multiselect": False},
        "nodes": {"font": {"size": 14, "face": "system-ui, sans-serif", "strokeWidth": 3,
                           "strokeColor": "#ffffff"}, "borderWidth": 1},
        "edges": {"smooth": {"enabled": True, "type": "continuous"},
                  "font": {"size": 10, "align": "middle", "color": "#555555",
                           "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "width": 1.2, "selectionWidth": 2},
    }


def build_network(G: nx.MultiDiGraph) -> Network:
    """The pyvis network of an actors-events view, styled by class and relation."""
    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line",
                  bgcolor="#ffffff", font_color="#222222")
    relations = load_styles()["relations"]
    for n, data in G.nodes(data=True):
        style = class_style(data.get("cls"))
        span = date_span(data)
        dates = {"start": span[0], "end": span[1]} if span else {}
        net.add_node(
            n, label=display_label(G, n), title=hover_card(G, n), color=style["color"],
            shape=style["shape"], size=style["size"] + min(G.degree(n), 12),
            cls=data.get("cls") or "", search=[data["label"], *(data.get("aliases") or [])],
            **dates,
        )
    for u, v, rel in G.edges(keys=True):
        style = relations.get(rel, {"color": "#999999", "dashes": False})
        net.add_edge(u, v, label=rel, title=rel, color=style["color"], dashes=style["dashes"])
    net.options = _options(len(G))
    return net


def event_payload(events: pd.DataFrame, full: nx.MultiDiGraph, shown: set[str]) -> dict[str, Any]:
    """The events of the map and the timeline, compactly, for the page.

    ``rows`` hold per event: id (after the common ``base``), type index, first
    and last day, longitude, latitude, approximate (0/1), killed, attacker
    indexes, country index (-1 when none) and the text a search matches.
    ``cards`` holds the hover card of each event the network does not draw (the
    others use the node's card), as gzipped JSON in base64: cards are most of
    the page's weight at 10,000 events, and the browser unpacks them itself.
    """
    colors = load_styles()["event_types"]
    records = event_records(events)
    counts: dict[str, int] = {}
    labels: dict[str, str] = {}
    for r in records:
        counts[r["type"]] = counts.get(r["type"], 0) + 1
        labels.setdefault(r["type"], r["type_label"])
    order = sorted(counts, key=lambda t: (list(colors).index(t) if t in colors else len(colors), t))
    types = [{"key": _e(t), "label": _e(labels[t]), "color": colors.get(t, "#999999"), "count": counts[t],
              "layer": "diplomacy" if t in ("Meeting", "Mediation") else "attacks"} for t in order]
    attackers = sorted({a for r in records for a in r["attackers"]})
    countries = sorted({r["country"] for r in records if r["country"]})
    a_index = {a: i for i, a in enumerate(attackers)}
    c_index = {c: i for i, c in enumerate(countries)}
    t_index = {t: i for i, t in enumerate(order)}
    base = os.path.commonprefix([r["event"] for r in records]) if len(records) > 1 else ""
    base = base[: base.rfind("/") + 1]
    rows, cards = [], {}
    for r in records:
        n = r["event"]
        node = full.nodes[n] if n in full else {}
        text = " ".join(t for t in [node.get("label", ""), *(node.get("aliases") or []), r["place"] or ""] if t)
        placed = r["lon"] is not None
        rows.append([
            n[len(base):], t_index[r["type"]], iso_day(r["start"]), iso_day(r["end"]),
            round(float(r["lon"]), 4) if placed else None, round(float(r["lat"]), 4) if placed else None,
            1 if r["approximate"] else 0, None if r["killed"] is None else int(r["killed"]),
            [a_index[a] for a in r["attackers"]], c_index.get(r["country"], -1), text.lower(),
        ])
        if n not in shown and n in full:
            cards[n[len(base):]] = hover_card(full, n)
    packed = base64.b64encode(gzip.compress(json.dumps(cards, ensure_ascii=False).encode("utf-8"), 6, mtime=0)
                              ) if cards else b""
    return {"base": base, "types": types, "attackers": [_e(a) for a in attackers],
            "countries": [_e(c) for c in countries], "rows": rows, "cards": packed.decode("ascii")}


def script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element and stays compact: only ``</``
    and ``<!`` are escaped (the sequences that could end the element or change how
    it is read), not every ``<``, ``>`` and quote as Jinja's ``tojson`` does."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!", "\\u003c!")


def render_page(G: nx.MultiDiGraph, *, title: str, nodes_total: int, reduced: bool,
                events: pd.DataFrame | None = None, full: nx.MultiDiGraph | None = None) -> str:
    """The HTML text of the page for the (possibly reduced) view ``G``, with the
    map and timeline of ``events`` (a table of :func:`kg.export.events.event_frame`)
    whose cards come from the whole view ``full``."""
    net = build_network(G)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    counts: dict[str, int] = {}
    for data in nodes:
        counts[data["cls"]] = counts.get(data["cls"], 0) + 1
    styled = load_styles()["classes"]
    legend = []
    for cls in sorted(counts, key=lambda c: (list(styled).index(c) if c in styled else len(styled), c)):
        style = class_style(cls)
        legend.append({"cls": _e(cls), "color": _e(style["color"]), "count": counts[cls],
                       "glyph": _SHAPE_GLYPHS.get(style["shape"], "●")})
    if events is None:
        events = pd.DataFrame(columns=["event", "type", "type_label", "start", "end", "lon", "lat",
                                       "approximate", "killed", "attackers", "country", "place", "placed_by"])
    payload = event_payload(events, full if full is not None else G, set(G.nodes))
    days = sorted({d for data in nodes for d in (data.get("start"), data.get("end")) if d}
                  | {d for row in payload["rows"] for d in row[2:4] if d})
    dated = sum(1 for d in nodes if d.get("start"))
    dates = {"min": _e(days[0]), "max": _e(days[-1]), "dated": dated} if days else None
    template = net.templateEnv.from_string(_PAGE)
    return template.render(
        title=_e(title), nodes=nodes, edges=edges, options=options, legend=legend, dates=dates,
        reduced=reduced, shown=len(nodes), total=nodes_total, events=payload, events_json=script_json(payload),
        nodes_json=script_json(nodes), edges_json=script_json(edges),
        d3js=geo.vendor_text("d3.min.js"), topojsonjs=geo.vendor_text("topojson-client.min.js"),
        atlas=geo.vendor_text(geo.WORLD_ATLAS).strip(),
        state={"nodeCount": len(nodes), "nodesTotal": nodes_total, "reduced": reduced, "drawn": False},
    )


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


# Rendered with pyvis' template environment, so its bundled vis-network files
# can be included inline. Values marked ``tojson`` are safe inside <script>; the
# vendored d3, topojson-client and world-atlas files are inlined as they are.
_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>{% include 'lib/vis-9.1.2/vis-network.css' %}</style>
<script>{% include 'lib/vis-9.1.2/vis-network.min.js' %}</script>
<script>{{ d3js }}</script>
<script>{{ topojsonjs }}</script>
<style>
  html, body { margin: 0; height: 100%; font: 13px/1.35 system-ui, sans-serif; color: #222; }
  .nk-view { position: fixed; inset: 0; background: #fff; visibility: hidden; }
  .nk-view.nk-on { visibility: visible; }
  #newskg-map { background: #eaf1f6; }
  #newskg-map canvas { display: block; cursor: grab; }
  #newskg-timeline svg { display: block; width: 100%; height: 100%; }
  #newskg-timeline .nk-axis-label { font-size: 12px; fill: #555; }
  #newskg-timeline .nk-brush .selection { fill: #4e79a7; fill-opacity: .07; stroke: #4e79a7; }
  #newskg-panel { position: fixed; top: 10px; left: 10px; z-index: 5; width: 250px;
    max-height: calc(100vh - 40px); overflow-y: auto;
    background: rgba(255,255,255,.93); border: 1px solid #ddd; border-radius: 6px;
    padding: 8px 10px; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
  #newskg-panel h1 { font-size: 15px; margin: 0 0 6px; }
  #newskg-panel .nk-count { color: #666; font-size: 12px; margin-bottom: 6px; }
  #newskg-views { display: flex; gap: 2px; margin-bottom: 6px; }
  #newskg-views button { flex: 1; font: inherit; padding: 3px 0; border: 1px solid #bbb; background: #f4f4f4;
    cursor: pointer; border-radius: 4px; }
  #newskg-views button[aria-pressed="true"] { background: #34495e; color: #fff; border-color: #34495e; }
  #newskg-search { width: 100%; box-sizing: border-box; padding: 4px 6px; margin-bottom: 6px; }
  #newskg-search.nk-miss { outline: 2px solid #e15759; }
  #newskg-filters { border: 0; margin: 0 0 6px; padding: 0; }
  #newskg-filters label { display: flex; align-items: center; justify-content: space-between; margin-bottom: 3px; }
  #newskg-filters select { width: 165px; font: inherit; }
  #newskg-dates { border: 0; margin: 0 0 6px; padding: 0; }
  #newskg-dates label { display: flex; align-items: center; justify-content: space-between; margin-bottom: 3px; }
  #newskg-dates input { width: 165px; font: inherit; }
  #newskg-dates .nk-note { color: #666; font-size: 12px; display: flex; justify-content: space-between;
    align-items: center; }
  #newskg-dates button { font: inherit; font-size: 12px; padding: 0 6px; }
  #newskg-legend { border: 0; margin: 0; padding: 0; }
  #newskg-legend label { display: block; cursor: pointer; white-space: nowrap; }
  #newskg-legend .nk-glyph { display: inline-block; width: 1.2em; text-align: center; font-size: 15px; }
  #newskg-types { border: 0; margin: 0; padding: 0; display: none; }
  #newskg-types div { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  #newskg-types div.nk-note { white-space: normal; }
  #newskg-types i { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin: 0 6px 0 2px; }
  #newskg-types .nk-layers { margin-top: 4px; color: #444; }
  #newskg-types .nk-note { color: #666; font-size: 12px; margin-top: 4px; }
  body.nk-events #newskg-types { display: block; }
  body.nk-events #newskg-legend { display: none; }
  #newskg-banner { position: fixed; top: 10px; left: 50%; transform: translateX(-50%); z-index: 6;
    background: #fff4ce; border: 1px solid #e0b400; border-radius: 6px; padding: 6px 12px; font-weight: 600; }
  body.nk-events #newskg-banner { display: none; }
  div.vis-tooltip, #newskg-tip { max-width: 440px; white-space: normal; font: 12px/1.35 system-ui, sans-serif;
    padding: 8px; background: #fffffb; }
  #newskg-tip { position: fixed; z-index: 7; display: none; border: 1px solid #999; border-radius: 3px;
    box-shadow: 3px 3px 10px rgba(0,0,0,.2); pointer-events: none; }
  .nk-card blockquote { margin: 6px 0 0; padding-left: 8px; border-left: 3px solid #ccc; color: #333; }
  .nk-card .nk-k { color: #777; }
  .nk-card .nk-src { color: #555; font-size: 11px; margin-top: 4px; }
</style>
</head>
<body>
<div id="mynetwork" class="nk-view nk-on"></div>
<div id="newskg-map" class="nk-view"><canvas id="newskg-map-canvas"></canvas></div>
<div id="newskg-timeline" class="nk-view"><svg id="newskg-timeline-svg"></svg></div>
<div id="newskg-tip" role="tooltip"></div>
{% if reduced %}<div id="newskg-banner" role="status">Reduced view: {{ shown }} of {{ total }} nodes shown (the most connected actors and their events).</div>{% endif %}
<div id="newskg-panel">
  <h1>{{ title }}</h1>
  <div id="newskg-views" role="group" aria-label="View">
    <button type="button" data-view="network" aria-pressed="true">Network</button>
    <button type="button" data-view="map" aria-pressed="false">Map</button>
    <button type="button" data-view="timeline" aria-pressed="false">Timeline</button>
  </div>
  <div class="nk-count">{{ shown }} nodes{% if reduced %} of {{ total }}{% endif %} · {{ events.rows|length }} events</div>
  <input id="newskg-search" type="search" list="newskg-names" placeholder="Find a node…" aria-label="Find a node">
  <datalist id="newskg-names"></datalist>
  <fieldset id="newskg-filters" title="Events of one type, attacker or country (in every view)"><legend hidden>Event filters</legend>
  <label>Type <select id="newskg-type"><option value="">all types</option>
    {% for t in events.types %}<option value="{{ t.key }}">{{ t.label }} ({{ t.count }})</option>{% endfor %}</select></label>
  <label>Attacker <select id="newskg-attacker"><option value="">all attackers</option>
    {% for a in events.attackers %}<option value="{{ loop.index0 }}">{{ a }}</option>{% endfor %}</select></label>
  <label>Country <select id="newskg-country"><option value="">all countries</option>
    {% for c in events.countries %}<option value="{{ loop.index0 }}">{{ c }}</option>{% endfor %}</select></label>
  </fieldset>
  {% if dates %}<fieldset id="newskg-dates" title="Hides the events whose dates lie wholly outside the range; undated events, actors and places stay"><legend hidden>Event dates</legend>
  <label>From <input id="newskg-from" type="date" min="{{ dates.min }}" max="{{ dates.max }}"></label>
  <label>To <input id="newskg-to" type="date" min="{{ dates.min }}" max="{{ dates.max }}"></label>
  <div class="nk-note" title="{{ dates.dated }} events have a date">Events {{ dates.min }} – {{ dates.max }}</div>
  <div class="nk-note"><span id="newskg-date-hidden">all events shown</span>
    <button id="newskg-date-clear" type="button" title="Show events of every date">all dates</button></div>
  </fieldset>{% endif %}
  <fieldset id="newskg-legend"><legend hidden>Classes</legend>
  {% for item in legend %}<label><input type="checkbox" data-cls="{{ item.cls }}" checked>
    <span class="nk-glyph" style="color: {{ item.color }}">{{ item.glyph }}</span> {{ item.cls }} ({{ item.count }})</label>
  {% endfor %}</fieldset>
  <fieldset id="newskg-types"><legend hidden>Event types</legend>
  {% for t in events.types %}<div title="{{ t.label }}"><i style="background: {{ t.color }}"></i>{{ t.label }} ({{ t.count }})</div>
  {% endfor %}
  <div class="nk-layers"><label><input type="checkbox" id="newskg-layer-attacks" checked> attacks (●, size by killed)</label><br>
  <label><input type="checkbox" id="newskg-layer-diplomacy" checked> meetings, mediations (◆)</label></div>
  <div class="nk-note" id="newskg-view-note"></div>
  </fieldset>
</div>
<pre id="newskg-state" hidden></pre>
<script>
(function () {
  "use strict";
  window.newskg = {{ state|tojson }};
  var state = window.newskg;
  var stateBox = document.getElementById("newskg-state");
  function publish() {
    state.xss = typeof window.__xss;
    stateBox.textContent = JSON.stringify(state);
  }
  var rawNodes = {{ nodes_json }};
  var rawEdges = {{ edges_json }};
  var baseColor = {};
  var nodeCard = {};  /* escaped on the server: markup here is ours only */
  function cardElement(html) {
    var card = document.createElement("div");
    card.innerHTML = html;
    return card;
  }
  rawNodes.forEach(function (n) {
    baseColor[n.id] = n.color;
    if (n.title) {
      nodeCard[n.id] = n.title;
      n.title = cardElement(n.title);
    }
  });
  var nodes = new vis.DataSet(rawNodes);
  var edges = new vis.DataSet(rawEdges);
  var network = null;
  var networkReady = false;
  state.nodeCount = nodes.length;

  /* the events of the map and the timeline */
  var E = {{ events_json }};
  var types = E.types;
  var events = E.rows.map(function (r) {
    return {id: E.base + r[0], type: r[1], start: r[2], end: r[3], lon: r[4], lat: r[5], approx: r[6] === 1,
            killed: r[7], attackers: r[8], country: r[9], text: r[10],
            diplomacy: types[r[1]].layer === "diplomacy"};
  });
  var eventById = {};
  events.forEach(function (ev) { eventById[ev.id] = ev; });
  var cards = {};
  var cardsReady = Promise.resolve();
  if (E.cards) {  /* gzipped JSON in base64, unpacked by the browser */
    var packed = Uint8Array.from(atob(E.cards), function (c) { return c.charCodeAt(0); });
    cardsReady = new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"))).text()
      .then(function (text) { cards = JSON.parse(text); state.cardsLoaded = Object.keys(cards).length; publish(); });
  }
  function eventCard(id) { return nodeCard[id] || cards[id.slice(E.base.length)] || ""; }
  state.eventsTotal = events.length;
  publish();

  /* shared filters: event type, attacker, country, dates, search */
  var filt = {type: "", attacker: -1, country: -1, find: ""};
  var hiddenClasses = {};
  var range = {from: "", to: ""};
  var layers = {attacks: true, diplomacy: true};
  var typeBox = document.getElementById("newskg-type");
  var attackerBox = document.getElementById("newskg-attacker");
  var countryBox = document.getElementById("newskg-country");
  function optionNames(select) {
    return Array.prototype.slice.call(select.options, 1).map(function (o) { return o.textContent; });
  }
  var attackerNames = optionNames(attackerBox), countryNames = optionNames(countryBox);
  var typeKeys = types.map(function (t) { return t.key; });
  var isDay = /^\\d{4}-\\d{2}-\\d{2}$/;
  function outsideRange(n) {
    if (!n.start) return false;
    return (range.from !== "" && n.end < range.from) || (range.to !== "" && n.start > range.to);
  }
  function passes(ev) {  /* every filter but the dates and the search */
    if (filt.type !== "" && typeKeys[ev.type] !== filt.type) return false;
    if (filt.attacker >= 0 && ev.attackers.indexOf(filt.attacker) < 0) return false;
    if (filt.country >= 0 && ev.country !== filt.country) return false;
    return true;
  }
  var named = {attackers: [], countries: [], types: []};
  function lookFor(text) {  /* the attackers, countries and types a search names */
    filt.find = text.trim().toLowerCase();
    function hits(list) {
      return list.map(function (name) { return filt.find !== "" && name.toLowerCase().indexOf(filt.find) >= 0; });
    }
    named = {attackers: hits(attackerNames), countries: hits(countryNames),
             types: hits(types.map(function (t) { return t.label; }))};
  }
  function matches(ev) {
    if (filt.find === "" || ev.text.indexOf(filt.find) >= 0) return true;
    if (named.types[ev.type] || (ev.country >= 0 && named.countries[ev.country])) return true;
    return ev.attackers.some(function (a) { return named.attackers[a]; });
  }
  function eventShown(ev) { return passes(ev) && matches(ev) && !outsideRange(ev); }

  /* the views */
  var view = "network";
  var drawn = {map: false, timeline: false};
  var viewBoxes = {network: document.getElementById("mynetwork"), map: document.getElementById("newskg-map"),
                   timeline: document.getElementById("newskg-timeline")};
  var tip = document.getElementById("newskg-tip");
  function panelRight() { return document.getElementById("newskg-panel").getBoundingClientRect().right; }
  function showView(name, fromUser) {
    if (!viewBoxes[name]) name = "network";
    view = name;
    state.view = name;
    Object.keys(viewBoxes).forEach(function (k) { viewBoxes[k].classList.toggle("nk-on", k === name); });
    Array.prototype.forEach.call(document.querySelectorAll("#newskg-views button"), function (b) {
      b.setAttribute("aria-pressed", b.getAttribute("data-view") === name ? "true" : "false");
    });
    document.body.classList.toggle("nk-events", name !== "network");
    tip.style.display = "none";
    if (name === "network") ensureNetwork();
    else redraw();
    publish();
    if (fromUser) writeHash();
  }
  function redraw() {
    if (view === "map") drawMap();
    else if (view === "timeline") drawTimeline();
  }
  Array.prototype.forEach.call(document.querySelectorAll("#newskg-views button"), function (b) {
    b.addEventListener("click", function () { showView(b.getAttribute("data-view"), true); });
  });

  /* ------------------------------------------------------------ network */
  function ensureNetwork() {
    if (network !== null) return;
    var started = performance.now();
    network = new vis.Network(viewBoxes.network, {nodes: nodes, edges: edges}, {{ options }});
    window.newskgNetwork = network;
    network.once("afterDrawing", function () {
      state.drawn = true;
      state.firstDrawMs = Math.round(performance.now() - started);
      state.pageMs = Math.round(performance.now());
      state.renderedNodes = network.body.nodeIndices.length;
      publish();
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: {enabled: false}});
      fitBesidePanel();
      state.stabilized = true;
      networkReady = true;
      publish();
      applyHash(true);
    });
    network.on("click", function (p) { highlight(p.nodes.length ? p.nodes[0] : null); });
  }
  /* fit the graph into the room right of the panel, where the window is wide enough */
  function fitBesidePanel() {
    var right = panelRight() + 10;
    var box = viewBoxes.network;
    var width = box.clientWidth, height = box.clientHeight;
    var ids = nodes.getIds();
    if (!ids.length || width < 3 * right) return;
    var left = Infinity, top = Infinity, far = -Infinity, bottom = -Infinity;
    ids.forEach(function (id) {  /* node and label, in canvas units */
      var b = network.getBoundingBox(id);
      left = Math.min(left, b.left); far = Math.max(far, b.right);
      top = Math.min(top, b.top); bottom = Math.max(bottom, b.bottom);
    });
    var scale = Math.min(0.95 * (width - right) / Math.max(far - left, 1),
                         0.95 * height / Math.max(bottom - top, 1), 1.5);
    network.moveTo({position: {x: (left + far) / 2, y: (top + bottom) / 2}, scale: scale,
                    offset: {x: right / 2, y: 0}});
  }
  setTimeout(publish, 1000);

  /* click: highlight a node's neighbourhood; click on empty space: reset */
  function highlight(id) {
    var keep = null;
    if (id !== null) {
      keep = {};
      keep[id] = true;
      network.getConnectedNodes(id).forEach(function (m) { keep[m] = true; });
    }
    state.selected = id;
    state.highlighted = keep === null ? nodes.length : Object.keys(keep).length;
    publish();
    nodes.update(nodes.getIds().map(function (m) {
      var on = keep === null || keep[m];
      return {id: m, color: on ? baseColor[m] : "rgba(200,200,200,0.35)",
              font: {color: on ? "#222222" : "rgba(150,150,150,0.45)"}};
    }));
    edges.update(edges.get().map(function (e) {
      var on = keep === null || e.from === id || e.to === id;
      return {id: e.id, hidden: false, font: {color: on ? "#555555" : "rgba(0,0,0,0)"},
              color: {color: e.color && e.color.color ? e.color.color : e.color, opacity: on ? 1 : 0.15}};
    }));
  }
  /* an event picked on the map or the timeline is selected in the network too */
  function selectEvent(id) {
    state.selected = id;
    if (networkReady && nodes.get(id)) {
      network.selectNodes([id]);
      highlight(id);
    } else {
      state.highlighted = null;
    }
    publish();
  }

  /* search by name or alias */
  var names = document.getElementById("newskg-names");
  var seen = {};
  rawNodes.forEach(function (n) {
    (n.search || []).forEach(function (s) {
      if (seen[s]) return;
      seen[s] = true;
      var opt = document.createElement("option");
      opt.value = s;
      names.appendChild(opt);
    });
  });
  function find(text) {
    var q = text.trim().toLowerCase();
    if (!q) return null;
    var exact = null, partial = null;
    rawNodes.forEach(function (n) {
      (n.search || []).forEach(function (s) {
        var t = s.toLowerCase();
        if (t === q && exact === null) exact = n.id;
        else if (t.indexOf(q) >= 0 && partial === null) partial = n.id;
      });
    });
    return exact !== null ? exact : partial;
  }
  var box = document.getElementById("newskg-search");
  function go() {
    lookFor(box.value);
    if (view !== "network") {
      redraw();
      publish();
    }
    var id = find(box.value);
    box.classList.toggle("nk-miss", id === null && box.value.trim() !== "" && view === "network");
    if (id === null || !networkReady) return;
    nodes.update({id: id, hidden: false});
    network.selectNodes([id]);
    if (view === "network") network.focus(id, {scale: 1.4, animation: {duration: 400}});
    highlight(id);
  }
  box.addEventListener("change", function () { go(); writeHash(); });
  box.addEventListener("keydown", function (ev) { if (ev.key === "Enter") go(); });

  /* filters: a node is hidden when its class is switched off in the legend, when
     it is an event whose date window lies wholly outside the date range, or an
     event of another type, attacker or country than the ones chosen. Undated
     events, actors and places are never hidden by dates. */
  var fromBox = document.getElementById("newskg-from");
  var toBox = document.getElementById("newskg-to");
  var dateNote = document.getElementById("newskg-date-hidden");
  function applyFilters(later) {  /* later: the caller draws the view itself */
    var byDate = 0, visible = 0;
    var updates = rawNodes.map(function (n) {
      var outside = outsideRange(n);
      var ev = eventById[n.id];
      var hidden = hiddenClasses[n.cls] === true || outside || (ev !== undefined && !passes(ev));
      if (outside) byDate += 1;
      if (!hidden) visible += 1;
      return {id: n.id, hidden: hidden};
    });
    if (network !== null) nodes.update(updates);
    state.visibleNodes = visible;
    state.dateFrom = range.from || null;
    state.dateTo = range.to || null;
    state.hiddenByDate = byDate;
    state.eventType = filt.type || null;
    state.attacker = filt.attacker >= 0 ? attackerNames[filt.attacker] : null;
    state.country = filt.country >= 0 ? countryNames[filt.country] : null;
    if (dateNote) dateNote.textContent = byDate ? byDate + " event" + (byDate === 1 ? "" : "s") +
      " outside the dates" : "all events shown";
    if (!later) redraw();
    publish();
  }
  function setRange(from, to) {
    range.from = isDay.test(from || "") ? from : "";
    range.to = isDay.test(to || "") ? to : "";
    if (fromBox) { fromBox.value = range.from; toBox.value = range.to; }
    applyFilters();
  }
  function picked(select, names) { return select.value === "" ? null : names[+select.value]; }
  function setFilters(type, attacker, country) {
    filt.type = typeKeys.indexOf(type) >= 0 ? type : "";
    filt.attacker = attackerNames.indexOf(attacker);
    filt.country = countryNames.indexOf(country);
    typeBox.value = filt.type;
    attackerBox.value = filt.attacker >= 0 ? String(filt.attacker) : "";
    countryBox.value = filt.country >= 0 ? String(filt.country) : "";
  }
  [typeBox, attackerBox, countryBox].forEach(function (select) {
    select.addEventListener("change", function () {
      setFilters(typeBox.value, picked(attackerBox, attackerNames), picked(countryBox, countryNames));
      applyFilters();
      writeHash();
    });
  });

  /* legend: show or hide a class */
  Array.prototype.forEach.call(document.querySelectorAll("#newskg-legend input"), function (cb) {
    cb.addEventListener("change", function () {
      hiddenClasses[cb.getAttribute("data-cls")] = !cb.checked;
      applyFilters();
      writeHash();
    });
  });
  ["attacks", "diplomacy"].forEach(function (layer) {
    var cb = document.getElementById("newskg-layer-" + layer);
    cb.addEventListener("change", function () { layers[layer] = cb.checked; redraw(); });
  });

  /* date range: from and to days, either may be left empty */
  if (fromBox) {
    fromBox.addEventListener("change", function () { setRange(fromBox.value, toBox.value); writeHash(); });
    toBox.addEventListener("change", function () { setRange(fromBox.value, toBox.value); writeHash(); });
    document.getElementById("newskg-date-clear").addEventListener("click", function () {
      setRange("", "");
      writeHash();
    });
  }

  /* ---------------------------------------------------------------- map */
  var atlas = {{ atlas }};
  var map = null;
  function setupMap() {
    var canvas = document.getElementById("newskg-map-canvas");
    var width = viewBoxes.map.clientWidth, height = viewBoxes.map.clientHeight;
    var ratio = window.devicePixelRatio || 1;
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    canvas.style.width = width + "px";
    canvas.style.height = height + "px";
    var placed = events.filter(function (ev) { return ev.lon !== null; });
    var target = {type: "Sphere"};
    if (placed.length) {
      var x0 = d3.min(placed, function (ev) { return ev.lon; }), x1 = d3.max(placed, function (ev) { return ev.lon; });
      var y0 = d3.min(placed, function (ev) { return ev.lat; }), y1 = d3.max(placed, function (ev) { return ev.lat; });
      var padX = Math.max(3, (x1 - x0) * 0.08), padY = Math.max(3, (y1 - y0) * 0.08);
      x0 = Math.max(-180, x0 - padX); x1 = Math.min(180, x1 + padX);
      y0 = Math.max(-85, y0 - padY); y1 = Math.min(85, y1 + padY);
      target = {type: "MultiPoint", coordinates: [[x0, y0], [x1, y0], [x0, y1], [x1, y1], [(x0 + x1) / 2, y0],
                                                  [(x0 + x1) / 2, y1]]};
    }
    var left = Math.min(panelRight() + 20, width / 3);
    var projection = d3.geoNaturalEarth1().fitExtent([[left, 20], [width - 20, height - 20]], target);
    var path = d3.geoPath(projection);
    map = {
      canvas: canvas, ctx: canvas.getContext("2d"), width: width, height: height, ratio: ratio,
      transform: d3.zoomIdentity, selected: null, pinned: null,
      sphere: new Path2D(path({type: "Sphere"})),
      land: new Path2D(path(topojson.feature(atlas, atlas.objects.land))),
      borders: new Path2D(path(topojson.mesh(atlas, atlas.objects.countries, function (a, b) { return a !== b; })))
    };
    events.forEach(function (ev) {
      if (ev.lon === null) return;
      var p = projection([ev.lon, ev.lat]);
      ev.px = p[0];
      ev.py = p[1];
      ev.r = ev.diplomacy ? 5 : Math.min(28, 3 + 1.6 * Math.sqrt(ev.killed || 0));
    });
    map.order = placed.slice().sort(function (a, b) { return b.r - a.r; });
    window.newskgMap = {point: function (id) {  /* where an event is drawn, in the map's pixels */
      var ev = eventById[id];
      return ev && ev.px !== undefined ? [map.transform.applyX(ev.px), map.transform.applyY(ev.py)] : null;
    }};
    d3.select(canvas).call(d3.zoom().scaleExtent([0.5, 80]).on("zoom", function (e) {
      map.transform = e.transform;
      tip.style.display = "none";
      map.pinned = null;
      drawMap();
    }));
    if (canvas.getAttribute("data-bound")) return;  /* set up again after a resize: listeners stay */
    canvas.setAttribute("data-bound", "1");
    canvas.addEventListener("mousemove", function (e) {
      var hit = mapHit(e.offsetX, e.offsetY);
      canvas.style.cursor = hit ? "pointer" : "grab";
      if (hit) showTip(hit, e.clientX, e.clientY);
      else if (!map.pinned) tip.style.display = "none";
    });
    canvas.addEventListener("mouseleave", function () { if (!map.pinned) tip.style.display = "none"; });
    canvas.addEventListener("click", function (e) {
      var hit = mapHit(e.offsetX, e.offsetY);
      if (!hit) return;
      map.selected = hit.id;
      selectEvent(hit.id);
      drawMap();
    });
  }
  function showTip(ev, x, y) {
    tip.textContent = "";
    tip.appendChild(cardElement(eventCard(ev.id)));
    tip.style.display = "block";
    var w = tip.offsetWidth, h = tip.offsetHeight;
    tip.style.left = Math.max(4, Math.min(x + 14, window.innerWidth - w - 8)) + "px";
    tip.style.top = Math.max(4, Math.min(y + 14, window.innerHeight - h - 8)) + "px";
  }
  function mapHit(x, y) {
    if (!map || !map.tree) return null;
    var t = map.transform;
    var found = map.tree.find(x, y, 32);
    if (!found) return null;
    var dx = t.applyX(found.px) - x, dy = t.applyY(found.py) - y;
    return Math.sqrt(dx * dx + dy * dy) <= found.r + 3 ? found : null;
  }
  function drawMap() {
    var started = performance.now();
    if (map === null) setupMap();
    var ctx = map.ctx, t = map.transform, ratio = map.ratio;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, map.width, map.height);
    ctx.setTransform(ratio * t.k, 0, 0, ratio * t.k, ratio * t.x, ratio * t.y);
    ctx.fillStyle = "#eaf1f6";
    ctx.fill(map.sphere);
    ctx.fillStyle = "#f7f5ef";
    ctx.fill(map.land);
    ctx.lineWidth = 0.6 / t.k;
    ctx.strokeStyle = "#b9b4a8";
    ctx.stroke(map.borders);
    ctx.strokeStyle = "#9fb3c2";
    ctx.stroke(map.land);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    var shown = [];
    var killed = 0;
    map.order.forEach(function (ev) {
      if (!layers[ev.diplomacy ? "diplomacy" : "attacks"] || !eventShown(ev)) return;
      shown.push(ev);
      killed += ev.killed || 0;
    });
    shown.forEach(function (ev) {
      var x = t.applyX(ev.px), y = t.applyY(ev.py), r = ev.r;
      ctx.beginPath();
      if (ev.diplomacy) {
        ctx.moveTo(x, y - r - 1); ctx.lineTo(x + r + 1, y); ctx.lineTo(x, y + r + 1); ctx.lineTo(x - r - 1, y);
        ctx.closePath();
      } else {
        ctx.arc(x, y, r, 0, 2 * Math.PI);
      }
      ctx.globalAlpha = ev.approx ? 0.45 : 0.8;
      ctx.fillStyle = types[ev.type].color;
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.setLineDash(ev.approx ? [2, 2] : []);
      ctx.lineWidth = ev.id === map.selected ? 2.5 : 0.8;
      ctx.strokeStyle = ev.id === map.selected ? "#000" : (ev.approx ? "#555" : "#fff");
      ctx.stroke();
    });
    ctx.setLineDash([]);
    map.tree = d3.quadtree().x(function (ev) { return t.applyX(ev.px); }).y(function (ev) { return t.applyY(ev.py); })
      .addAll(shown);
    state.mapMarkers = shown.length;
    state.mapKilled = killed;
    state.mapUnplaced = events.filter(function (ev) { return ev.lon === null && eventShown(ev); }).length;
    document.getElementById("newskg-view-note").textContent = shown.length + " events on the map; " +
      state.mapUnplaced + " without a known place are not drawn; dashed: approximate position.";
    if (!drawn.map) {
      drawn.map = true;
      state.mapDrawn = true;
      state.mapDrawMs = Math.round(performance.now() - started);
      state.mapPageMs = Math.round(performance.now());
    }
    if (filt.find !== "" && shown.length) {  /* a search shows the card of the first event found */
      var first = shown[shown.length - 1];
      map.pinned = first.id;
      cardsReady.then(function () {
        if (map.pinned !== first.id) return;
        showTip(first, t.applyX(first.px), t.applyY(first.py));
        state.mapCard = first.id;
        publish();
      });
    } else {
      map.pinned = null;
      state.mapCard = null;
    }
    publish();
  }

  /* ----------------------------------------------------------- timeline */
  var parseDay = d3.utcParse("%Y-%m-%d"), formatDay = d3.utcFormat("%Y-%m-%d");
  var dayExtent = d3.extent(events.filter(function (ev) { return ev.start; }), function (ev) { return ev.start; });
  var timeline = null;
  function drawTimeline() {
    var started = performance.now();
    var svg = d3.select("#newskg-timeline-svg");
    svg.selectAll("*").remove();
    var width = viewBoxes.timeline.clientWidth, height = viewBoxes.timeline.clientHeight;
    var left = Math.min(panelRight() + 60, width / 3), right = width - 30;
    var counted = events.filter(function (ev) { return ev.start && passes(ev) && matches(ev); });
    var inRange = 0, killed = 0;
    var byDay = new Map();
    counted.forEach(function (ev) {
      var day = byDay.get(ev.start);
      if (!day) {
        day = {day: ev.start, date: parseDay(ev.start), n: 0, killed: 0, counts: types.map(function () { return 0; })};
        byDay.set(ev.start, day);
      }
      day.n += 1;
      day.counts[ev.type] += 1;
      day.killed += ev.killed || 0;
      if (!outsideRange(ev)) { inRange += 1; killed += ev.killed || 0; }
    });
    var days = Array.from(byDay.values()).sort(function (a, b) { return a.date - b.date; });
    var dayCount = days.length;
    var top = 40, split = Math.round(height * 0.58), bottom = height - 40;
    if (!dayExtent[0]) {
      svg.append("text").attr("x", left).attr("y", 60).attr("class", "nk-axis-label").text("No event has a date.");
    } else {
      /* all the dates, or the chosen ones with a margin on either side ("all dates" zooms out) */
      var lo = parseDay(dayExtent[0]), hi = d3.utcDay.offset(parseDay(dayExtent[1]), 1);
      if (range.from !== "" || range.to !== "") {
        var a0 = range.from !== "" ? parseDay(range.from) : lo;
        var b0 = range.to !== "" ? d3.utcDay.offset(parseDay(range.to), 1) : hi;
        var pad = Math.max(864e5, (b0 - a0) * 0.15);
        lo = new Date(Math.max(+lo, +d3.utcDay.floor(new Date(Math.min(+a0, +b0) - pad))));
        hi = new Date(Math.min(+hi, +d3.utcDay.ceil(new Date(Math.max(+a0, +b0) + pad))));
        if (hi <= lo) hi = d3.utcDay.offset(lo, 1);
      }
      days = days.filter(function (d) { return d.date >= lo && d.date < hi; });
      var x = d3.scaleUtc().domain([lo, hi]).range([left, right]);
      var y = d3.scaleLinear().domain([0, d3.max(days, function (d) { return d.n; }) || 1]).nice()
        .range([split - 10, top]);
      var yk = d3.scaleSqrt().domain([0, d3.max(days, function (d) { return d.killed; }) || 1]).nice()
        .range([bottom, split + 30]);
      var barWidth = function (d) { return Math.max(2, x(d3.utcDay.offset(d.date, 1)) - x(d.date) - 1); };
      var faded = function (d) { return range.from !== "" && d.day < range.from || range.to !== "" && d.day > range.to; };
      var series = d3.stack().keys(d3.range(types.length)).value(function (d, k) { return d.counts[k]; })(days);
      svg.append("g").selectAll("g").data(series).join("g")
        .attr("fill", function (s) { return types[s.key].color; })
        .selectAll("rect").data(function (s) { return s.filter(function (p) { return p[1] > p[0]; }); }).join("rect")
        .attr("x", function (p) { return x(p.data.date); }).attr("width", function (p) { return barWidth(p.data); })
        .attr("y", function (p) { return y(p[1]); }).attr("height", function (p) { return y(p[0]) - y(p[1]); })
        .attr("opacity", function (p) { return faded(p.data) ? 0.25 : 1; })
        .append("title").text(function (p) { return p.data.day + ": " + p.data.n + " events"; });
      svg.append("g").attr("fill", "#8b1a1a").selectAll("rect").data(days.filter(function (d) { return d.killed > 0; }))
        .join("rect")
        .attr("x", function (d) { return x(d.date); }).attr("width", barWidth)
        .attr("y", function (d) { return yk(d.killed); }).attr("height", function (d) { return bottom - yk(d.killed); })
        .attr("opacity", function (d) { return faded(d) ? 0.25 : 1; })
        .append("title").text(function (d) { return d.day + ": " + d.killed + " killed"; });
      svg.append("g").attr("transform", "translate(0," + (split - 10) + ")").call(d3.axisBottom(x).ticks(8));
      svg.append("g").attr("transform", "translate(0," + bottom + ")").call(d3.axisBottom(x).ticks(8));
      svg.append("g").attr("transform", "translate(" + left + ",0)").call(d3.axisLeft(y).ticks(5));
      svg.append("g").attr("transform", "translate(" + left + ",0)").call(d3.axisLeft(yk).ticks(4));
      svg.append("text").attr("class", "nk-axis-label").attr("x", left).attr("y", top - 12)
        .text("Events per day, by type (drag across to choose the dates; \u201call dates\u201d shows them all again)");
      svg.append("text").attr("class", "nk-axis-label").attr("x", left).attr("y", split + 20)
        .text("Killed per day (the largest figure given for each attack; square-root scale)");
      var brush = d3.brushX().extent([[left, top], [right, bottom]]).on("end", function (e) {
        if (!e.sourceEvent) return;  /* moved by the page itself */
        if (!e.selection) { setRange("", ""); writeHash(); return; }
        var a = d3.utcDay.round(x.invert(e.selection[0])), b = d3.utcDay.round(x.invert(e.selection[1]));
        if (b <= a) b = d3.utcDay.offset(a, 1);
        setRange(formatDay(a), formatDay(d3.utcDay.offset(b, -1)));
        writeHash();
      });
      var brushBox = svg.append("g").attr("class", "nk-brush").call(brush);
      if (range.from !== "" || range.to !== "") {
        var a = range.from !== "" ? parseDay(range.from) : x.domain()[0];
        var b = range.to !== "" ? d3.utcDay.offset(parseDay(range.to), 1) : x.domain()[1];
        brushBox.call(brush.move, [Math.max(left, x(a)), Math.min(right, Math.max(x(a) + 1, x(b)))]);
      }
      timeline = {x: x};
    }
    state.timelineEvents = inRange;
    state.timelineKilled = killed;
    state.timelineDays = dayCount;
    document.getElementById("newskg-view-note").textContent = inRange + " dated events counted on their first day; " +
      events.filter(function (ev) { return !ev.start && passes(ev) && matches(ev); }).length + " without a date.";
    if (!drawn.timeline) {
      drawn.timeline = true;
      state.timelineDrawn = true;
      state.timelineDrawMs = Math.round(performance.now() - started);
      state.timelinePageMs = Math.round(performance.now());
    }
    publish();
  }
  window.addEventListener("resize", function () {
    map = null;
    if (view !== "network") redraw();
  });

  /* the address keeps the view and the filters:
     #view=map&type=AirDroneStrike&attacker=name&country=name&hide=City,Region&from=2025-04-01&to=2025-04-15&find=name */
  function writeHash() {
    var p = new URLSearchParams();
    if (view !== "network") p.set("view", view);
    var hidden = Object.keys(hiddenClasses).filter(function (k) { return hiddenClasses[k]; });
    if (hidden.length) p.set("hide", hidden.join(","));
    if (range.from) p.set("from", range.from);
    if (range.to) p.set("to", range.to);
    if (filt.type) p.set("type", filt.type);
    if (filt.attacker >= 0) p.set("attacker", attackerNames[filt.attacker]);
    if (filt.country >= 0) p.set("country", countryNames[filt.country]);
    if (box.value.trim()) p.set("find", box.value.trim());
    var text = p.toString();
    try {
      history.replaceState(null, "", text ? "#" + text : location.pathname + location.search);
    } catch (err) {
      /* some browsers refuse it for local files: the address then stays as it was */
    }
    state.hash = text;
  }
  function applyHash(networkOnly) {
    var params = new URLSearchParams(location.hash.slice(1));
    var filtered = false;
    if (!networkOnly) {
      (params.get("hide") || "").split(",").forEach(function (cls) {
        Array.prototype.forEach.call(document.querySelectorAll("#newskg-legend input"), function (cb) {
          if (cls && cb.getAttribute("data-cls") === cls) {
            cb.checked = false;
            hiddenClasses[cls] = true;
            filtered = true;
          }
        });
      });
      setFilters(params.get("type"), params.get("attacker"), params.get("country"));
      filtered = filtered || filt.type !== "" || filt.attacker >= 0 || filt.country >= 0;
      if (params.has("from") || params.has("to")) {
        range.from = isDay.test(params.get("from") || "") ? params.get("from") : "";
        range.to = isDay.test(params.get("to") || "") ? params.get("to") : "";
        if (fromBox) { fromBox.value = range.from; toBox.value = range.to; }
        filtered = true;
      }
      box.value = params.get("find") || "";
      lookFor(box.value);
      view = viewBoxes[params.get("view")] ? params.get("view") : "network";
      state.view = view;
      if (filtered) state.filtered = true;
      return;
    }
    if (state.filtered) applyFilters();
    if (params.get("find")) go();
  }
  window.addEventListener("hashchange", function () {
    applyHash(false);
    applyFilters(true);
    showView(view);
    if (networkReady) applyHash(true);
  });

  /* first the view the address asks for, then the network behind it */
  applyHash(false);
  if (view === "network") {
    ensureNetwork();
  } else {
    if (state.filtered) applyFilters(true);
    showView(view);
    setTimeout(ensureNetwork, 0);
  }
  publish();
})();
</script>
</body>
</html>
"""
