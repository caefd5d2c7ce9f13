"""The graph as NetworkX: two projections, a few analyses, and file export.

``to_networkx(graph)`` gives the *actors-events* view: things (people,
organizations, countries, places) and events (attacks, meetings, mediations,
demands) as nodes, the relations between them as edges, and everything else
(casualty counts, documents, dates, evidence, weapons) folded into node
attributes. The view is chosen by ``kg/queries/view_actor_event.rq``; node
classes, their ranking and their look come from ``styles.json``.
``to_networkx(graph, "rdf")`` keeps every resource as a node.

Node attributes of the actors-events view:

* every node: ``label``, ``cls`` (most specific styled class), ``kind``
  (actor / place / event), ``iri``, ``aliases`` (other labels), ``same_as``;
* events: ``earliest``, ``latest`` (ISO dates), ``date_text``, ``evidence``,
  ``sources`` (source of each document), ``documents`` (title · date ·
  source), ``event_type`` (label of the kind of violence), ``weapon``,
  ``target``, ``status``, ``goal``, and for each outcome
  (``killed``, ``injured``) ``<outcome>_min``, ``<outcome>_max`` (``None``
  when open), ``<outcome>_vague``, plus ``casualties`` (one line per count)
  and ``aggregate`` (a toll given for several strikes);
* people: ``role``.

Multi-valued attributes are sorted lists; edges carry ``relation``.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, NamedTuple

import networkx as nx
import rdflib
from rdflib import BNode, Literal as RdfLiteral
from rdflib.namespace import RDF, NamespaceManager

from kg.vocab import PREFIXES

Projection = Literal["actors-events", "rdf"]
NetworkFormat = Literal["graphml", "gexf", "json"]

# Small queries that fold literals and helper nodes into node attributes. All but _CASUALTIES are
# read off the graph's triples by the readers further down (faster than rdflib's SPARQL engine);
# each query stays here as the definition of the rows its reader gives.
_LABELS = """
SELECT ?node ?p ?value WHERE {
  VALUES ?p { rdfs:label skos:prefLabel skos:altLabel }
  ?node ?p ?value .
}"""
_LITERALS = """
SELECT ?node ?p ?value WHERE {
  VALUES ?p { nkg:earliestDate nkg:latestDate nkg:dateText nkg:evidence
              nkg:target nkg:status nkg:goal nkg:role nkg:isAggregate }
  ?node ?p ?value .
  FILTER (isLiteral(?value))
}"""
_WEAPONS = """
SELECT ?node ?label WHERE {
  ?node nkg:weapon ?w .
  OPTIONAL { ?w skos:prefLabel ?pref }
  OPTIONAL { ?w rdfs:label ?plain }
  BIND (COALESCE(?pref, ?plain, ?w) AS ?label)
}"""
_EVENT_TYPES = """
SELECT ?node ?label WHERE {
  ?node nkg:eventType ?t .
  OPTIONAL { ?t skos:prefLabel ?pref }
  BIND (COALESCE(?pref, ?t) AS ?label)
}"""
_DOCUMENTS = """
SELECT ?node ?doc ?source ?title ?published WHERE {
  ?node prov:wasDerivedFrom ?doc .
  OPTIONAL { ?doc nkg:source ?source }
  OPTIONAL { ?doc nkg:title ?title }
  OPTIONAL { ?doc nkg:published ?published }
}"""
_CASUALTIES = """
SELECT ?node ?count ?outcome ?min ?max ?vague ?victims ?quote WHERE {
  ?node nkg:casualties ?count .
  ?count nkg:minCount ?min .
  OPTIONAL { ?count nkg:outcome ?outcome }
  OPTIONAL { ?count nkg:maxCount ?max }
  OPTIONAL { ?count nkg:isVague ?vague }
  OPTIONAL { ?count nkg:victims ?victims }
  OPTIONAL { ?count nkg:quote ?quote }
}"""
_SAME_AS = """
SELECT ?node ?other WHERE { ?node owl:sameAs ?other }"""

# literal predicate -> (attribute, how several values combine)
_LITERAL_ATTRS: dict[str, tuple[str, str]] = {
    "earliestDate": ("earliest", "min"),
    "latestDate": ("latest", "max"),
    "dateText": ("date_text", "list"),
    "evidence": ("evidence", "list"),
    "target": ("target", "list"),
    "status": ("status", "min"),
    "goal": ("goal", "list"),
    "role": ("role", "list"),
    "isAggregate": ("aggregate", "any"),
}


class ActorRank(NamedTuple):
    label: str
    cls: str
    degree: int
    betweenness: float


@lru_cache(maxsize=1)
def load_styles() -> dict[str, Any]:
    """The style table: per class its kind, rank (specificity), colour, shape, size."""
    text = resources.files("kg.export").joinpath("styles.json").read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def view_query() -> str:
    """The SPARQL view the actors-events projection is built from."""
    return resources.files("kg").joinpath("queries/view_actor_event.rq").read_text(encoding="utf-8")


def class_style(cls: str | None) -> dict[str, Any]:
    styles = load_styles()
    return styles["classes"].get(cls or "", styles["default"])


def format_interval(low: int | None, high: int | None, vague: bool = False) -> str:
    """A count interval for people: ``"3"``, ``"≥34"``, ``"2–4"``, ``"~24"``."""
    if low is None:
        return "?"
    if vague:
        return f"~{low}"
    if high is None:
        return f"≥{low}"
    if high == low:
        return str(low)
    return f"{low}–{high}"


def node_id(term: rdflib.term.Node) -> str:
    """The NetworkX node id of an RDF term: its IRI, or ``_:id`` for a blank node."""
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def _local(term: rdflib.term.Node) -> str:
    text = str(term)
    for sep in ("#", "/"):
        if sep in text.rstrip(sep):
            text = text.rstrip(sep).rsplit(sep, 1)[1]
    return text


def _most_specific(classes: Iterable[str]) -> str | None:
    styled = load_styles()["classes"]
    ranked = sorted(classes, key=lambda c: (-styled.get(c, {"rank": -1})["rank"], c))
    return ranked[0] if ranked else None


def _py(value: rdflib.term.Node) -> Any:
    if isinstance(value, RdfLiteral):
        py = value.toPython()
        if isinstance(py, (bool, int, float, str)):
            return py
    return str(value)


def _query(graph: rdflib.Graph, text: str) -> rdflib.query.Result:
    return graph.query(text, initNs=PREFIXES)


# --------------------------------------------------------------------- views


def to_networkx(graph: rdflib.Graph, projection: Projection = "actors-events") -> nx.MultiDiGraph:
    """Project an RDF graph onto a NetworkX multigraph (see the module doc)."""
    if projection == "rdf":
        return _rdf_projection(graph)
    if projection == "actors-events":
        return _actor_event_projection(graph)
    raise ValueError(f"unknown projection {projection!r}")


def _actor_event_projection(graph: rdflib.Graph) -> nx.MultiDiGraph:
    classes: dict[rdflib.term.Node, set[str]] = defaultdict(set)
    links: set[tuple[rdflib.term.Node, str, rdflib.term.Node]] = set()
    for row in graph.query(view_query()):
        if row["class"] is not None:
            classes[row["node"]].add(_local(row["class"]))
        elif row["relation"] is not None:
            links.add((row["node"], _local(row["relation"]), row["target"]))

    G = nx.MultiDiGraph(projection="actors-events")
    attrs: dict[rdflib.term.Node, dict[str, Any]] = {}
    for term, names in classes.items():
        cls = _most_specific(names)
        attrs[term] = {"cls": cls, "kind": class_style(cls)["kind"], "iri": node_id(term)}

    _fold_labels(graph, attrs)
    _fold_literals(graph, attrs)
    _fold_weapons(graph, attrs)
    _fold_event_types(graph, attrs)
    _fold_documents(graph, attrs)
    _fold_casualties(graph, attrs)
    for row in _same_as_rows(graph):
        if row["node"] in attrs:
            attrs[row["node"]].setdefault("same_as", set()).add(str(row["other"]))

    for term, data in sorted(attrs.items(), key=lambda item: node_id(item[0])):
        # attributes by name: their order must not depend on the order the triples were read in
        G.add_node(node_id(term), **{k: sorted(v) if isinstance(v, set) else v for k, v in sorted(data.items())})
    kept = sorted((node_id(s), rel, node_id(t)) for s, rel, t in links if s in attrs and t in attrs)
    for source, relation, target in kept:
        G.add_edge(source, target, key=relation, relation=relation)
    for n, data in G.nodes(data=True):
        data.setdefault("aliases", [])
        if "label" not in data:
            data["label"] = _event_label(G, n) if data["kind"] == "event" else _local(data["iri"])
    return G


# The small queries above, read off the graph's triples rather than run by rdflib's SPARQL
# engine (several times slower over the same triples): each gives the rows its query gives (an
# OPTIONAL part None where nothing matches, one row per combination where several values do), and
# what is made of them (sets, the least or greatest value, a sorted list) does not depend on the
# order the rows come in.


def _same_as_rows(graph: rdflib.Graph):
    """The rows of :data:`_SAME_AS`."""
    for node, other in graph.subject_objects(PREFIXES["owl"]["sameAs"]):
        yield {"node": node, "other": other}


def _label_rows(graph: rdflib.Graph):
    """The rows of :data:`_LABELS`."""
    for p in (PREFIXES["rdfs"]["label"], PREFIXES["skos"]["prefLabel"], PREFIXES["skos"]["altLabel"]):
        for node, value in graph.subject_objects(p):
            yield {"node": node, "p": p, "value": value}


def _labelled_rows(graph: rdflib.Graph, link: str, plain: bool):
    """The rows of :data:`_WEAPONS` (``plain``: an rdfs:label after the skos:prefLabel) and
    :data:`_EVENT_TYPES`: ``label`` is COALESCE(?pref[, ?plain], ?w)."""
    pref_p, plain_p = PREFIXES["skos"]["prefLabel"], PREFIXES["rdfs"]["label"]
    for node, w in graph.subject_objects(PREFIXES["nkg"][link]):
        prefs = list(graph.objects(w, pref_p)) or [None]
        plains = (list(graph.objects(w, plain_p)) or [None]) if plain else [None]
        for pref in prefs:
            for label in plains:
                yield {"node": node, "label": pref if pref is not None else label if label is not None else w}


def _fold_labels(graph: rdflib.Graph, attrs: dict) -> None:
    names: dict[rdflib.term.Node, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in _label_rows(graph):
        if row["node"] in attrs:
            names[row["node"]][_local(row["p"])].add(str(row["value"]))
    for term, by_kind in names.items():
        preferred = sorted(by_kind.get("label") or by_kind.get("prefLabel") or [])
        if preferred:
            attrs[term]["label"] = preferred[0]
        others = (by_kind.get("label", set()) | by_kind.get("prefLabel", set())
                  | by_kind.get("altLabel", set())) - set(preferred[:1])
        attrs[term]["aliases"] = others


def _literal_rows(graph: rdflib.Graph):
    """The rows of :data:`_LITERALS` (``node``, ``p``, ``value``), read off the graph's triples:
    how several values combine (a set, the least, the greatest, any) does not depend on their
    order, and rdflib's SPARQL engine takes several times longer over the same triples."""
    nkg = PREFIXES["nkg"]
    for local in _LITERAL_ATTRS:
        p = nkg[local]
        for node, value in graph.subject_objects(p):
            if isinstance(value, RdfLiteral):
                yield {"node": node, "p": p, "value": value}


def _fold_literals(graph: rdflib.Graph, attrs: dict) -> None:
    for row in _literal_rows(graph):
        data = attrs.get(row["node"])
        if data is None:
            continue
        name, how = _LITERAL_ATTRS[_local(row["p"])]
        value = str(row["value"])
        if how == "any":
            data[name] = bool(data.get(name)) or bool(row["value"].toPython())
        elif how == "list":
            data.setdefault(name, set()).add(value)
        elif name not in data:
            data[name] = value
        else:
            data[name] = min(data[name], value) if how == "min" else max(data[name], value)


def _fold_weapons(graph: rdflib.Graph, attrs: dict) -> None:
    for row in _labelled_rows(graph, "weapon", plain=True):
        if row["node"] in attrs:
            label = row["label"]
            text = str(label) if isinstance(label, RdfLiteral) else _local(label).replace("_", " ")
            attrs[row["node"]].setdefault("weapon", set()).add(text)


def _fold_event_types(graph: rdflib.Graph, attrs: dict) -> None:
    for row in _labelled_rows(graph, "eventType", plain=False):
        if row["node"] in attrs:
            label = row["label"]
            text = str(label) if isinstance(label, RdfLiteral) else _local(label)
            attrs[row["node"]].setdefault("event_type", set()).add(text)


def _document_rows(graph: rdflib.Graph):
    """The rows of :data:`_DOCUMENTS`, read off the graph's triples (each OPTIONAL part unbound,
    None, where the document has no such value, and one row per combination where it has
    several): the attributes they make are sets, so their order does not matter, and rdflib's
    SPARQL engine joins the OPTIONAL parts several times slower."""
    nkg, derived = PREFIXES["nkg"], PREFIXES["prov"]["wasDerivedFrom"]
    for node, doc in graph.subject_objects(derived):
        sources = list(graph.objects(doc, nkg["source"])) or [None]
        titles = list(graph.objects(doc, nkg["title"])) or [None]
        dates = list(graph.objects(doc, nkg["published"])) or [None]
        for source in sources:
            for title in titles:
                for published in dates:
                    yield {"node": node, "doc": doc, "source": source, "title": title, "published": published}


def _fold_documents(graph: rdflib.Graph, attrs: dict) -> None:
    for row in _document_rows(graph):
        data = attrs.get(row["node"])
        if data is None:
            continue
        source = str(row["source"] if row["source"] is not None else row["doc"])
        parts = [str(row[k]) for k in ("title", "published") if row[k] is not None] + [source]
        data.setdefault("sources", set()).add(source)
        data.setdefault("documents", set()).add(" · ".join(parts))


def _fold_casualties(graph: rdflib.Graph, attrs: dict) -> None:
    """Per outcome, the headline count is the one with the largest lower bound.

    Sub-counts ("two children" among "five killed") are subsets of it, so the
    headline interval is the figure for the attack; every count also gets a line
    in ``casualties``.
    """
    counts: dict[rdflib.term.Node, dict[rdflib.term.Node, dict]] = defaultdict(dict)
    for row in _query(graph, _CASUALTIES):
        if row["node"] not in attrs:
            continue
        counts[row["node"]][row["count"]] = {
            "outcome": _local(row["outcome"]).lower() if row["outcome"] is not None else "casualties",
            "min": int(row["min"]),
            "max": int(row["max"]) if row["max"] is not None else None,
            "vague": bool(row["vague"].toPython()) if row["vague"] is not None else False,
            "victims": str(row["victims"]) if row["victims"] is not None else None,
            "quote": str(row["quote"]) if row["quote"] is not None else None,
        }
    for event, by_count in counts.items():
        data = attrs[event]
        headline: dict[str, dict] = {}
        lines = []
        for c in by_count.values():
            best = headline.get(c["outcome"])
            if best is None or (c["min"], c["victims"] is None) > (best["min"], best["victims"] is None):
                headline[c["outcome"]] = c
            line = f"{c['outcome']}: {format_interval(c['min'], c['max'], c['vague'])}"
            if c["victims"]:
                line += f" {c['victims']}"
            if c["quote"]:
                line += f" (“{c['quote']}”)"
            lines.append(line)
        for outcome, c in headline.items():
            data[f"{outcome}_min"] = c["min"]
            data[f"{outcome}_max"] = c["max"]
            data[f"{outcome}_vague"] = c["vague"]
        data["casualties"] = set(lines)


def _event_label(G: nx.MultiDiGraph, n: str) -> str:
    data = G.nodes[n]
    places = sorted(G.nodes[t]["label"] for _, t, rel in G.out_edges(n, keys=True)
                    if rel == "location" and "label" in G.nodes[t])
    parts = [data["cls"] or "Event"]
    if places:
        parts.append(", ".join(places))
    elif data.get("goal"):
        parts.append(data["goal"][0])
    if data.get("earliest"):
        window = data["earliest"]
        if data.get("latest") and data["latest"] != data["earliest"]:
            window += f"–{data['latest']}"
        parts.append(window)
    return " · ".join(parts)


def _rdf_projection(graph: rdflib.Graph) -> nx.MultiDiGraph:
    names = NamespaceManager(rdflib.Graph(), bind_namespaces="none")
    for prefix, ns in list(graph.namespaces()) + list(PREFIXES.items()):
        names.bind(prefix, ns, override=True, replace=True)

    def compact(term: rdflib.term.Node) -> str:
        if isinstance(term, BNode):
            return f"_:{term}"
        try:
            prefix, _, local = names.compute_qname(str(term), generate=False)
        except (KeyError, ValueError):
            return str(term)
        return f"{prefix}:{local}"

    G = nx.MultiDiGraph(projection="rdf")
    literals: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    types: dict[str, set[rdflib.term.Node]] = defaultdict(set)
    terms: dict[str, rdflib.term.Node] = {}
    for s, p, o in sorted(graph):  # nodes and edges in an order that does not depend on the reading order
        sid = node_id(s)
        terms[sid] = s
        G.add_node(sid, iri=sid)
        if isinstance(o, RdfLiteral):
            literals[sid][compact(p)].append(_py(o))
            continue
        oid = node_id(o)
        terms[oid] = o
        G.add_node(oid, iri=oid)
        name = compact(p)
        G.add_edge(sid, oid, key=name, predicate=name)
        if p == RDF.type:
            types[sid].add(o)
    for n, data in G.nodes(data=True):
        for name, values in literals.get(n, {}).items():
            data[name] = sorted(values, key=str) if len(values) > 1 else values[0]
        label = data.get("rdfs:label", data.get("skos:prefLabel"))
        data["label"] = str(sorted(label)[0] if isinstance(label, list) else label) if label else compact(terms[n])
        styled = {_local(t) for t in types.get(n, ())} & set(load_styles()["classes"])
        ranked = sorted(types.get(n, ()), key=lambda t: (not str(t).startswith(str(PREFIXES["nkg"])), _local(t)))
        data["cls"] = _most_specific(styled) if styled else (_local(ranked[0]) if ranked else None)
    return G


# ------------------------------------------------------------------ analyses


def _simple(G: nx.Graph) -> nx.Graph:
    return nx.Graph(G.to_undirected(as_view=True)) if G.is_directed() else nx.Graph(G)


def _is_actor(data: dict) -> bool:
    return data.get("kind", class_style(data.get("cls"))["kind"]) == "actor"


def central_actors(G: nx.MultiDiGraph, top: int = 10) -> list[ActorRank]:
    """The actors with most relations, most connected first.

    Degree counts every relation of the actor (in the actors-events view);
    betweenness is normalised and computed on the undirected simple graph
    (sampled over 500 sources above 2000 nodes). Ties fall back to
    betweenness, then label.
    """
    if not len(G):
        return []
    H = _simple(G)
    k = 500 if len(H) > 2000 else None
    between = nx.betweenness_centrality(H, k=k, seed=0 if k else None)
    ranks = [
        ActorRank(data["label"], data["cls"], G.degree(n), round(between[n], 4))
        for n, data in G.nodes(data=True) if _is_actor(data)
    ]
    ranks.sort(key=lambda r: (-r.degree, -r.betweenness, r.label))
    return ranks[:top]


def actor_communities(G: nx.MultiDiGraph) -> list[set[str]]:
    """Groups of actors, by greedy modularity on the undirected actor–event graph.

    Communities are found over all nodes (events and places tie actors
    together); each is reported by the labels of its actors, largest first.
    """
    H = _simple(G)
    if H.number_of_edges() == 0:
        return []
    found = nx.community.greedy_modularity_communities(H)
    groups = [{G.nodes[n]["label"] for n in c if _is_actor(G.nodes[n])} for c in found]
    groups = [g for g in groups if g]
    groups.sort(key=lambda g: (-len(g), sorted(g)))
    return groups


def find_node(G: nx.MultiDiGraph, label: str) -> str:
    """The node whose label, or else one of whose aliases, is ``label`` (any case).

    Among several matches the most connected wins. Raises ``KeyError``.
    """
    wanted = label.casefold()
    for field in ("label", "aliases"):
        hits = []
        for n, data in G.nodes(data=True):
            values = data.get(field) or []
            values = [values] if isinstance(values, str) else values
            if any(str(v).casefold() == wanted for v in values):
                hits.append(n)
        if hits:
            return max(hits, key=lambda n: (G.degree(n), n))
    raise KeyError(f"no node labelled {label!r}")


def shortest_path(G: nx.MultiDiGraph, a_label: str, b_label: str) -> list[str]:
    """Labels along a shortest undirected path from ``a_label`` to ``b_label``.

    Empty when they are not connected; ``KeyError`` when a label is unknown.
    """
    a, b = find_node(G, a_label), find_node(G, b_label)
    try:
        path = nx.shortest_path(G.to_undirected(as_view=True), a, b)
    except nx.NetworkXNoPath:
        return []
    return [G.nodes[n]["label"] for n in path]


def ego_network(G: nx.MultiDiGraph, label: str, radius: int = 1) -> nx.MultiDiGraph:
    """The subgraph within ``radius`` relations (either direction) of ``label``."""
    return nx.ego_graph(G, find_node(G, label), radius=radius, undirected=True)


def stats(graph: rdflib.Graph | nx.MultiDiGraph, top: int = 10) -> dict[str, Any]:
    """Counts by class (``counts``) and relation, central actors and communities (JSON-ready)."""
    G = to_networkx(graph) if isinstance(graph, rdflib.Graph) else graph
    out: dict[str, Any] = {}
    if isinstance(graph, rdflib.Graph):
        out["triples"] = len(graph)
    out |= {
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "counts": dict(sorted(Counter(d.get("cls") or "" for _, d in G.nodes(data=True)).items())),
        "by_relation": dict(sorted(Counter(k for _, _, k in G.edges(keys=True)).items())),
        "central_actors": [r._asdict() for r in central_actors(G, top)],
        "communities": [sorted(c) for c in actor_communities(G)],
    }
    return out


# -------------------------------------------------------------------- export


def _scalar_copy(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are str/int/float/bool, one type per name."""

    def scalar(value: Any) -> Any:
        if isinstance(value, (list, tuple, set)):
            return "; ".join(str(v) for v in value)
        if isinstance(value, (bool, int, float, str)):
            return value
        return str(value)

    H = nx.MultiDiGraph()
    H.graph.update({k: scalar(v) for k, v in G.graph.items() if v is not None})
    for n, data in G.nodes(data=True):
        H.add_node(n, **{k: scalar(v) for k, v in data.items() if v is not None})
    for u, v, k, data in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=k, **{a: scalar(x) for a, x in data.items() if x is not None})
    for items in ([d for _, d in H.nodes(data=True)], [d for *_, d in H.edges(keys=True, data=True)]):
        seen: dict[str, set[type]] = defaultdict(set)
        for data in items:
            for name, value in data.items():
                seen[name].add(type(value))
        mixed = {name for name, kinds in seen.items() if len(kinds) > 1}
        for data in items:
            for name in mixed & data.keys():
                data[name] = str(data[name])
    return H


def write_network(G: nx.MultiDiGraph, path: str | Path, fmt: NetworkFormat) -> Path:
    """Write ``G`` as GraphML, GEXF or node-link JSON, atomically; returns the path.

    GraphML and GEXF get scalar attributes: lists become ``"; "``-joined
    strings and ``None`` values are dropped. JSON keeps lists and ``None``.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        if fmt == "graphml":
            nx.write_graphml(_scalar_copy(G), tmp)
        elif fmt == "gexf":
            nx.write_gexf(_scalar_copy(G), tmp)
        elif fmt == "json":
            with open(tmp, "w", encoding="utf-8") as fh:
                json.dump(_node_link(G), fh, ensure_ascii=False, indent=1, default=str)
        else:
            raise ValueError(f"unknown network format {fmt!r}")
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def _node_link(G: nx.MultiDiGraph) -> dict[str, Any]:
    try:
        return nx.node_link_data(G, edges="links")
    except TypeError:  # networkx < 3.4 names the key with ``link``
        return nx.node_link_data(G, link="links")


def read_network_json(path: str | Path) -> nx.MultiDiGraph:
    """Read back a graph written by ``write_network(..., "json")``."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    try:
        return nx.node_link_graph(data, multigraph=True, directed=True, edges="links")
    except TypeError:
        return nx.node_link_graph(data, multigraph=True, directed=True, link="links")
