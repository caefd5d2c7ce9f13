"""The graph as one self-contained, offline, interactive HTML page (pyvis).

The page draws the actors-events view of ``kg.export.network``: nodes coloured
and shaped by class from ``styles.json``, attacks labelled with their casualty
figures, edges labelled by relation, and hover cards for every node. It has a
legend that filters classes, a date range that filters events, a search box,
and click-to-highlight of a node's neighbourhood; the address fragment can
preset them (``#hide=City,Region``, ``#from=2025-04-01&to=2025-04-15``,
``#find=name``). vis-network is inlined, nothing is fetched from the network.

The date range hides the events whose date window (``earliest``–``latest``)
lies wholly outside it; either end may be left open. Events without a date
stay shown, since they are not known to fall outside, and so do actors and
places, even when none of their events is left in view.

Every string taken from the graph is HTML-escaped before it reaches the page.
Hover cards are escaped HTML turned into elements in the page; labels are drawn
on the canvas; the legend and search list are built from escaped text or DOM
properties.

The page exposes ``window.newskg`` (``nodeCount``, ``nodesTotal``,
``reduced``, ``drawn``, and once drawn ``firstDrawMs``, ``pageMs`` and
``stabilized``; after a search ``selected`` and ``highlighted``; after a class
or date filter ``visibleNodes``, ``dateFrom``, ``dateTo`` and ``hiddenByDate``)
and mirrors it as JSON in the hidden ``#newskg-state`` element.
"""

from __future__ import annotations

import html
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import rdflib
from pyvis.network import Network

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
    shown = reduce_view(G, max_nodes) if len(G) > max_nodes else G
    reduced = shown is not G
    page = render_page(shown, title=title, nodes_total=len(G), reduced=reduced)
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


def render_page(G: nx.MultiDiGraph, *, title: str, nodes_total: int, reduced: bool) -> str:
    """The HTML text of the page for the (possibly reduced) view ``G``."""
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
    days = sorted(d for data in nodes for d in (data.get("start"), data.get("end")) if d)
    dates = {"min": _e(days[0]), "max": _e(days[-1]), "dated": sum(1 for d in nodes if d.get("start"))} if days else None
    template = net.templateEnv.from_string(_PAGE)
    return template.render(
        title=_e(title), nodes=nodes, edges=edges, options=options, legend=legend, dates=dates,
        reduced=reduced, shown=len(nodes), total=nodes_total,
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
# can be included inline. Values marked ``tojson`` are safe inside <script>.
_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>{% include 'lib/vis-9.1.2/vis-network.css' %}</style>
<script>{% include 'lib/vis-9.1.2/vis-network.min.js' %}</script>
<style>
  html, body { margin: 0; height: 100%; font: 13px/1.35 system-ui, sans-serif; color: #222; }
  #mynetwork { position: fixed; inset: 0; background: #fff; }
  #newskg-panel { position: fixed; top: 10px; left: 10px; z-index: 5; width: 250px;
    background: rgba(255,255,255,.93); border: 1px solid #ddd; border-radius: 6px;
    padding: 8px 10px; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
  #newskg-panel h1 { font-size: 15px; margin: 0 0 6px; }
  #newskg-panel .nk-count { color: #666; font-size: 12px; margin-bottom: 6px; }
  #newskg-search { width: 100%; box-sizing: border-box; padding: 4px 6px; margin-bottom: 6px; }
  #newskg-search.nk-miss { outline: 2px solid #e15759; }
  #newskg-dates { border: 0; margin: 0 0 6px; padding: 0; }
  #newskg-dates label { display: flex; align-items: center; justify-content: space-between; margin-bottom: 3px; }
  #newskg-dates input { width: 165px; font: inherit; }
  #newskg-dates .nk-note { color: #666; font-size: 12px; display: flex; justify-content: space-between;
    align-items: center; }
  #newskg-dates button { font: inherit; font-size: 12px; padding: 0 6px; }
  #newskg-legend { border: 0; margin: 0; padding: 0; }
  #newskg-legend label { display: block; cursor: pointer; white-space: nowrap; }
  #newskg-legend .nk-glyph { display: inline-block; width: 1.2em; text-align: center; font-size: 15px; }
  #newskg-banner { position: fixed; top: 10px; left: 50%; transform: translateX(-50%); z-index: 6;
    background: #fff4ce; border: 1px solid #e0b400; border-radius: 6px; padding: 6px 12px; font-weight: 600; }
  div.vis-tooltip { max-width: 440px; white-space: normal; font: 12px/1.35 system-ui, sans-serif;
    padding: 8px; background: #fffffb; }
  .nk-card blockquote { margin: 6px 0 0; padding-left: 8px; border-left: 3px solid #ccc; color: #333; }
  .nk-card .nk-k { color: #777; }
  .nk-card .nk-src { color: #555; font-size: 11px; margin-top: 4px; }
</style>
</head>
<body>
<div id="mynetwork"></div>
{% if reduced %}<div id="newskg-banner" role="status">Reduced view: {{ shown }} of {{ total }} nodes shown (the most connected actors and their events).</div>{% endif %}
<div id="newskg-panel">
  <h1>{{ title }}</h1>
  <div class="nk-count">{{ shown }} nodes{% if reduced %} of {{ total }}{% endif %}</div>
  <input id="newskg-search" type="search" list="newskg-names" placeholder="Find a node…" aria-label="Find a node">
  <datalist id="newskg-names"></datalist>
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
  var rawNodes = {{ nodes|tojson }};
  var rawEdges = {{ edges|tojson }};
  var baseColor = {};
  rawNodes.forEach(function (n) {
    baseColor[n.id] = n.color;
    if (n.title) {  /* escaped on the server: markup here is ours only */
      var card = document.createElement("div");
      card.innerHTML = n.title;
      n.title = card;
    }
  });
  var nodes = new vis.DataSet(rawNodes);
  var edges = new vis.DataSet(rawEdges);
  state.nodeCount = nodes.length;
  publish();
  var started = performance.now();
  var network = new vis.Network(document.getElementById("mynetwork"),
                                {nodes: nodes, edges: edges}, {{ options }});
  window.newskgNetwork = network;
  network.once("afterDrawing", function () {
    state.drawn = true;
    state.firstDrawMs = Math.round(performance.now() - started);
    state.pageMs = Math.round(performance.now());
    state.renderedNodes = network.body.nodeIndices.length;
    publish();
  });
  /* fit the graph into the room right of the panel, where the window is wide enough */
  function fitBesidePanel() {
    var right = document.getElementById("newskg-panel").getBoundingClientRect().right + 10;
    var box = document.getElementById("mynetwork");
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
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({physics: {enabled: false}});
    fitBesidePanel();
    state.stabilized = true;
    publish();
    applyHash();
  });
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
  network.on("click", function (p) { highlight(p.nodes.length ? p.nodes[0] : null); });

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
    var id = find(box.value);
    box.classList.toggle("nk-miss", id === null && box.value.trim() !== "");
    if (id === null) return;
    nodes.update({id: id, hidden: false});
    network.selectNodes([id]);
    network.focus(id, {scale: 1.4, animation: {duration: 400}});
    highlight(id);
  }
  box.addEventListener("change", go);
  box.addEventListener("keydown", function (ev) { if (ev.key === "Enter") go(); });

  /* filters: a node is hidden when its class is switched off in the legend, or
     when it is an event whose date window lies wholly outside the date range.
     Undated events, actors and places are never hidden by dates. */
  var hiddenClasses = {};
  var range = {from: "", to: ""};
  var fromBox = document.getElementById("newskg-from");
  var toBox = document.getElementById("newskg-to");
  var dateNote = document.getElementById("newskg-date-hidden");
  var isDay = /^\\d{4}-\\d{2}-\\d{2}$/;
  function outsideRange(n) {
    if (!n.start) return false;
    return (range.from !== "" && n.end < range.from) || (range.to !== "" && n.start > range.to);
  }
  function applyFilters() {
    var byDate = 0, visible = 0;
    nodes.update(rawNodes.map(function (n) {
      var outside = outsideRange(n);
      var hidden = hiddenClasses[n.cls] === true || outside;
      if (outside) byDate += 1;
      if (!hidden) visible += 1;
      return {id: n.id, hidden: hidden};
    }));
    state.visibleNodes = visible;
    state.dateFrom = range.from || null;
    state.dateTo = range.to || null;
    state.hiddenByDate = byDate;
    if (dateNote) dateNote.textContent = byDate ? byDate + " event" + (byDate === 1 ? "" : "s") +
      " outside the dates" : "all events shown";
    publish();
  }
  function setRange(from, to) {
    range.from = isDay.test(from || "") ? from : "";
    range.to = isDay.test(to || "") ? to : "";
    if (fromBox) { fromBox.value = range.from; toBox.value = range.to; }
    applyFilters();
  }

  /* legend: show or hide a class */
  Array.prototype.forEach.call(document.querySelectorAll("#newskg-legend input"), function (cb) {
    cb.addEventListener("change", function () {
      hiddenClasses[cb.getAttribute("data-cls")] = !cb.checked;
      applyFilters();
    });
  });

  /* date range: from and to days, either may be left empty */
  if (fromBox) {
    fromBox.addEventListener("change", function () { setRange(fromBox.value, toBox.value); });
    toBox.addEventListener("change", function () { setRange(fromBox.value, toBox.value); });
    document.getElementById("newskg-date-clear").addEventListener("click", function () { setRange("", ""); });
  }

  /* the address can carry a view: #hide=City,Region&from=2025-04-01&to=2025-04-15&find=name */
  function applyHash() {
    var params = new URLSearchParams(location.hash.slice(1));
    (params.get("hide") || "").split(",").forEach(function (cls) {
      Array.prototype.forEach.call(document.querySelectorAll("#newskg-legend input"), function (cb) {
        if (cls && cb.getAttribute("data-cls") === cls && cb.checked) {
          cb.checked = false;
          cb.dispatchEvent(new Event("change"));
        }
      });
    });
    if (params.has("from") || params.has("to")) {
      setRange(params.get("from"), params.get("to"));
    }
    if (params.get("find")) {
      box.value = params.get("find");
      go();
    }
  }
  window.addEventListener("hashchange", applyHash);
})();
</script>
</body>
</html>
"""
