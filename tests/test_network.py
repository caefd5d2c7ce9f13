from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from rdflib import BNode, Literal

from kg.export.network import (
    ActorRank,
    actor_communities,
    central_actors,
    ego_network,
    find_node,
    format_interval,
    load_styles,
    read_network_json,
    shortest_path,
    stats,
    to_networkx,
    write_network,
)
from kg.vocab import NKG, NKW, ONTOLOGY_FILE, PREFIXES, WEAPONS_FILE

FIXTURE = Path(__file__).parent / "fixtures" / "small.ttl"
NKR = "https://w3id.org/newskg/resource/"
XSS_LABEL = "Militia <script>window.__xss=1</script> Front"


@pytest.fixture(scope="module")
def rdf() -> rdflib.Graph:
    return rdflib.Graph().parse(FIXTURE)


@pytest.fixture(scope="module")
def G(rdf: rdflib.Graph) -> nx.MultiDiGraph:
    return to_networkx(rdf)


def by_label(G: nx.MultiDiGraph, label: str) -> dict:
    return G.nodes[find_node(G, label)]


# ------------------------------------------------------------ actors-events


def test_network_actor_event_counts(G):
    assert G.number_of_nodes() == 20
    assert G.number_of_edges() == 30
    assert G.graph["projection"] == "actors-events"


def test_network_actor_event_leaves_out_counts_documents_and_weapons(G):
    iris = set(G.nodes)
    assert f"{NKR}doc-aaaa" not in iris
    assert f"{NKR}cc-tarsk-killed" not in iris
    assert f"{NKR}weapon-drone" not in iris
    assert not any(n.startswith("_:") for n in iris)


@pytest.mark.parametrize(
    ("label", "cls", "kind"),
    [
        ("Norvania", "Country", "actor"),  # typed Country, Agent and Place
        ("Ostrelia", "Country", "actor"),
        ("Tarsk", "City", "place"),  # typed City and Place
        ("Eastern Marches", "Region", "place"),
        ("Anya Petrell", "Person", "actor"),  # typed Person and Agent
        ("Ostrelian Defence Ministry", "Organization", "actor"),
        ("Norvania withdraws its troops from the border districts", "Demand", "event"),
    ],
)
def test_network_most_specific_class(G, label, cls, kind):
    data = by_label(G, label)
    assert (data["cls"], data["kind"]) == (cls, kind)
    assert data["iri"].startswith(NKR)


def test_network_counts_by_class(G):
    got = {}
    for _, data in G.nodes(data=True):
        got[data["cls"]] = got.get(data["cls"], 0) + 1
    assert got == {"Country": 3, "City": 4, "Region": 1, "Person": 3, "Organization": 3,
                   "Attack": 3, "Meeting": 1, "Mediation": 1, "Demand": 1}


def test_network_every_node_has_label_cls_iri(G):
    for n, data in G.nodes(data=True):
        assert data["label"] and data["cls"] and data["iri"] == n


@pytest.mark.parametrize(
    ("iri", "attrs"),
    [
        ("attack-tarsk", {"killed_min": 5, "killed_max": 5, "killed_vague": False,
                          "injured_min": 27, "injured_max": None, "injured_vague": False,
                          "earliest": "2031-03-14", "latest": "2031-03-14",
                          "weapon": ["ballistic missile"], "target": ["railway station"]}),
        # the "two children" sub-count does not lower the headline ">=13"
        ("attack-velmora", {"killed_min": 13, "killed_max": None, "injured_min": 24,
                            "injured_vague": True, "earliest": "2031-03-15", "latest": "2031-03-16",
                            "date_text": ["over the weekend"]}),
        ("attack-drovny", {"killed_min": 2, "killed_max": 4, "weapon": ["artillery"]}),
        ("meeting-lisberg", {"status": "planned", "earliest": "2031-03-20", "latest": "2031-03-22"}),
        ("mediation-calderon", {"goal": ["ceasefire"]}),
    ],
)
def test_network_event_attributes(G, iri, attrs):
    data = G.nodes[NKR + iri]
    assert {k: data.get(k) for k in attrs} == attrs


def test_network_casualty_lines_keep_sub_counts(G):
    lines = G.nodes[NKR + "attack-velmora"]["casualties"]
    assert "killed: 2 child (“two children”)" in lines
    assert "injured: ~24 resident (“dozens of residents”)" in lines
    assert "injured_min" not in G.nodes[NKR + "attack-drovny"]


def test_network_sources_fold_documents(G):
    tarsk = G.nodes[NKR + "attack-tarsk"]
    assert tarsk["sources"] == ["fixtures/border-dispatch.txt",
                                "https://example.org/news/rail-station-strike"]
    assert "Strikes continue as envoys prepare talks · 2031-03-18 · fixtures/border-dispatch.txt" in tarsk["documents"]
    assert tarsk["evidence"][0].startswith("A ballistic missile hit the railway station")


def test_network_thing_attributes(G):
    petrell = by_label(G, "Anya Petrell")
    assert petrell["aliases"] == ["Petrell", "President Petrell"]
    assert petrell["role"] == ["President"]
    assert by_label(G, "Tarsk")["same_as"] == ["https://sws.geonames.org/9910001/"]


@pytest.mark.parametrize(
    ("source", "relation", "target"),
    [
        ("attack-tarsk", "location", "city-tarsk"),
        ("attack-tarsk", "attacker", "country-ostrelia"),
        ("attack-tarsk", "reportedBy", "org-emergency-agency"),
        ("meeting-lisberg", "participant", "org-militia"),
        ("mediation-calderon", "mediator", "person-helene-marchetti"),
        ("mediation-calderon", "party", "country-norvania"),
        ("demand-withdrawal", "demandedBy", "country-ostrelia"),
        ("demand-withdrawal", "rejectedBy", "country-norvania"),
        ("person-dmitar-volk", "affiliation", "country-ostrelia"),
        ("city-drovny", "country", "country-ostrelia"),
        ("city-velmora", "region", "region-eastern-marches"),
    ],
)
def test_network_edges_labelled_by_relation(G, source, relation, target):
    assert G.has_edge(NKR + source, NKR + target, key=relation)
    assert G.edges[NKR + source, NKR + target, relation]["relation"] == relation


def test_network_event_labels_without_rdfs_label(G):
    assert G.nodes[NKR + "attack-velmora"]["label"] == "Attack · Velmora · 2031-03-15–2031-03-16"
    assert G.nodes[NKR + "mediation-calderon"]["label"] == "Mediation · ceasefire"


def test_network_class_reached_through_subclass(rdf):
    g = rdflib.Graph() + rdf
    nkg = PREFIXES["nkg"]
    village = rdflib.URIRef(NKR + "village-ostrov")
    g.add((nkg.Village, rdflib.RDFS.subClassOf, nkg.City))
    g.add((village, rdflib.RDF.type, nkg.Village))
    g.add((village, rdflib.RDFS.label, Literal("Ostrov")))
    assert by_label(to_networkx(g), "Ostrov")["cls"] == "City"


def test_network_weapon_without_label_and_aggregate_attack(rdf):
    g = rdflib.Graph() + rdf
    strike = rdflib.BNode("overnight")
    g.add((strike, rdflib.RDF.type, NKG.Attack))
    g.add((strike, NKG.weapon, NKW.cluster_munition))  # scheme not loaded: no prefLabel
    g.add((strike, NKG.isAggregate, Literal(True)))
    data = to_networkx(g).nodes["_:overnight"]
    assert data["weapon"] == ["cluster munition"]
    assert data["aggregate"] is True and data["label"] == "Attack"
    assert "aggregate" not in to_networkx(g).nodes[NKR + "attack-tarsk"]


def test_network_same_view_with_ontology_loaded(rdf, G):
    g = rdflib.Graph() + rdf
    g.parse(ONTOLOGY_FILE)
    g.parse(WEAPONS_FILE)
    with_ontology = to_networkx(g)
    assert list(with_ontology.nodes) == list(G.nodes)
    assert list(with_ontology.edges(keys=True)) == list(G.edges(keys=True))
    assert [d["cls"] for _, d in with_ontology.nodes(data=True)] == [d["cls"] for _, d in G.nodes(data=True)]


def test_network_projection_is_deterministic(rdf):
    a, b = to_networkx(rdf), to_networkx(rdflib.Graph().parse(FIXTURE))
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True)) == list(b.edges(keys=True))


def test_network_empty_graph():
    G = to_networkx(rdflib.Graph())
    assert len(G) == 0
    assert central_actors(G) == [] and actor_communities(G) == []


# ---------------------------------------------------------------------- rdf


def test_network_rdf_projection_counts(rdf):
    R = to_networkx(rdf, "rdf")
    resources = {s for s in rdf.subjects()} | {o for o in rdf.objects() if not isinstance(o, Literal)}
    assert R.number_of_nodes() == len(resources) == 55
    assert R.number_of_edges() == sum(1 for *_, o in rdf if not isinstance(o, Literal)) == 98
    assert R.graph["projection"] == "rdf"


def test_network_rdf_projection_attributes(rdf):
    R = to_networkx(rdf, "rdf")
    killed = R.nodes[NKR + "cc-tarsk-killed"]
    assert killed["nkg:minCount"] == 5 and killed["nkg:isVague"] is False
    assert killed["cls"] == "CasualtyCount" and killed["label"] == "nkr:cc-tarsk-killed"
    assert R.nodes[NKR + "country-norvania"]["cls"] == "Country"
    assert R.nodes[NKR + "country-norvania"]["skos:altLabel"] == ["Norvanian", "Norvanians"]
    assert R.nodes[NKR + "weapon-drone"]["label"] == "drone"
    assert R.has_edge(NKR + "attack-tarsk", NKR + "city-tarsk", key="nkg:location")
    assert R.has_edge(NKR + "cc-tarsk-killed", "https://w3id.org/newskg/ontology#Killed", key="nkg:outcome")
    assert R.edges[NKR + "attack-tarsk", NKR + "doc-bbbb", "prov:wasDerivedFrom"]["predicate"] == "prov:wasDerivedFrom"
    blanks = [n for n in R if n.startswith("_:")]
    assert len(blanks) == 1 and R.nodes[blanks[0]]["nkg:minCount"] == 24


def test_network_unknown_projection(rdf):
    with pytest.raises(ValueError):
        to_networkx(rdf, "tables")  # type: ignore[arg-type]


# ----------------------------------------------------------------- analyses


@pytest.mark.parametrize(
    ("low", "high", "vague", "text"),
    [(3, 3, False, "3"), (34, None, False, "≥34"), (2, 4, False, "2–4"), (24, None, True, "~24"),
     (0, 0, False, "0")],
)
def test_network_format_interval(low, high, vague, text):
    assert format_interval(low, high, vague) == text


def test_network_central_actors_order(G):
    top = central_actors(G, top=4)
    assert [r.label for r in top] == ["Norvania", "Ostrelia", "Calderon", "Helene Marchetti"]
    assert top[0] == ActorRank("Norvania", "Country", 7, top[0].betweenness)
    assert top[0].betweenness > top[1].betweenness > top[2].betweenness > 0
    assert all(r.cls in {"Person", "Organization", "Country", "Agent"} for r in central_actors(G, 50))
    assert len(central_actors(G, 50)) == 9


def test_network_actor_communities_partition_actors(G):
    groups = actor_communities(G)
    actors = {d["label"] for _, d in G.nodes(data=True) if d["kind"] == "actor"}
    assert set().union(*groups) == actors
    assert sum(len(g) for g in groups) == len(actors)
    assert len(groups) >= 2
    assert [len(g) for g in groups] == sorted((len(g) for g in groups), reverse=True)
    home = {label: i for i, g in enumerate(groups) for label in g}
    assert home["Helene Marchetti"] == home["Calderon"]


@pytest.mark.parametrize(
    ("a", "b", "path"),
    [
        ("Anya Petrell", "Drovny", ["Anya Petrell", "Norvania", "Attack · Drovny · 2031-03-17", "Drovny"]),
        ("president petrell", "DROVNY", ["Anya Petrell", "Norvania", "Attack · Drovny · 2031-03-17", "Drovny"]),
        ("Marchetti", "Calderonian", ["Helene Marchetti", "Calderon"]),
        ("Tarsk", "Tarsk", ["Tarsk"]),
    ],
)
def test_network_shortest_path(G, a, b, path):
    assert shortest_path(G, a, b) == path


def test_network_shortest_path_unknown_and_disconnected(G):
    with pytest.raises(KeyError):
        shortest_path(G, "Atlantis", "Tarsk")
    H = G.copy()
    H.add_node("island", label="Lonely Isle", cls="City", kind="place", iri="island", aliases=[])
    assert shortest_path(H, "Lonely Isle", "Tarsk") == []


def test_network_ego_network(G):
    ego = ego_network(G, "Calderon")
    assert {d["label"] for _, d in ego.nodes(data=True)} == {
        "Calderon", "Helene Marchetti", "Lisberg", "Meeting · Lisberg · 2031-03-20–2031-03-22",
        "Mediation · ceasefire"}
    assert isinstance(ego, nx.MultiDiGraph)
    assert len(ego_network(G, "Calderon", radius=2)) > len(ego)


def test_network_stats(rdf):
    s = stats(rdf)
    assert s["triples"] == len(rdf) and s["nodes"] == 20 and s["edges"] == 30
    assert s["counts"]["City"] == 4 and s["counts"]["Attack"] == 3
    assert s["by_relation"]["participant"] == 5
    assert s["central_actors"][0]["label"] == "Norvania"
    assert sum(len(c) for c in s["communities"]) == 9
    json.dumps(s)


def test_network_styles_cover_view_classes():
    styles = load_styles()
    view = (Path(__file__).parents[1] / "kg" / "queries" / "view_actor_event.rq").read_text()
    for cls in styles["classes"]:
        assert f"nkg:{cls}" in view
    for rel in styles["relations"]:
        assert f"nkg:{rel}" in view


# ------------------------------------------------------------------- export


@pytest.mark.parametrize("projection", ["actors-events", "rdf"])
@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_network_write_round_trip(rdf, tmp_path, projection, fmt):
    G = to_networkx(rdf, projection)
    path = write_network(G, tmp_path / f"graph.{fmt}", fmt)
    assert [p.name for p in tmp_path.iterdir()] == [f"graph.{fmt}"]
    back = {"graphml": nx.read_graphml, "gexf": nx.read_gexf, "json": read_network_json}[fmt](path)
    assert back.number_of_nodes() == G.number_of_nodes()
    assert back.number_of_edges() == G.number_of_edges()
    assert {d["label"] for _, d in back.nodes(data=True)} == {d["label"] for _, d in G.nodes(data=True)}
    if projection == "actors-events":
        tarsk = back.nodes[NKR + "attack-tarsk"]
        assert int(tarsk["killed_min"]) == 5 and int(tarsk["injured_min"]) == 27
        if fmt == "json":
            assert tarsk["injured_max"] is None and tarsk["weapon"] == ["ballistic missile"]
        else:
            assert "injured_max" not in tarsk
            assert back.nodes[NKR + "attack-tarsk"]["sources"] == (
                "fixtures/border-dispatch.txt; https://example.org/news/rail-station-strike")
        assert XSS_LABEL in {d["label"] for _, d in back.nodes(data=True)}


def test_network_write_unknown_format(G, tmp_path):
    with pytest.raises(ValueError):
        write_network(G, tmp_path / "g.dot", "dot")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_network_write_mixed_attribute_types(tmp_path):
    G = nx.MultiDiGraph()
    G.add_node("a", label="A", note=3)
    G.add_node("b", label="B", note=["x", "y"], gone=None)
    G.add_edge("a", "b", key="r", relation="r")
    back = nx.read_graphml(write_network(G, tmp_path / "m.graphml", "graphml"))
    assert back.nodes["a"]["note"] == "3" and back.nodes["b"]["note"] == "x; y"
    assert "gone" not in back.nodes["b"]


def test_network_blank_node_ids():
    g = rdflib.Graph()
    b = BNode("x1")
    g.add((b, rdflib.RDFS.label, Literal("anon")))
    R = to_networkx(g, "rdf")
    assert R.nodes["_:x1"]["label"] == "anon"
