"""One node per real event across documents: attacks, meetings and mediations reported by
several invented articles, built with the real pipeline, merged in an rdflib graph and in a
pyoxigraph store."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg import api
from kg.event_merge import merge_events
from kg.graph import new_graph

PUBLISHED = "2025-06-12"  # a Thursday

ARTICLES = {
    # two reports of one strike, with different tolls
    "baidoa-a.txt": "A drone strike hit a crowded market in Baidoa on Tuesday, killing 12 people, local officials said.",
    "baidoa-b.txt": ("Fifteen people were killed when a drone struck a busy market in Baidoa on Tuesday, "
                     "a hospital director said. Residents said the blast could be heard across the town."),
    # an unrelated attack
    "mandalay.txt": "Shelling killed three civilians in Mandalay on Monday, according to a local rescue group.",
}

ONE_DOCUMENT_TWO_ATTACKS = {
    "taiz-a.txt": ("A mortar shell hit a school in Taiz on Sunday, killing two children. "
                   "Another mortar shell struck a hospital in Taiz on Sunday, killing a nurse."),
    "taiz-b.txt": "Mortar fire killed three people in Taiz on Sunday, medics said.",
}

APART = {
    "kharkiv-mon.txt": "A drone strike killed five people in Kharkiv on Monday, the regional governor said.",
    "kharkiv-wed.txt": "A drone strike killed five people in Kharkiv on Wednesday, the regional governor said.",
    "sumy-mon.txt": "A drone strike killed five people in Sumy on Monday, the regional governor said.",
}

OPEN_ENDED = {
    "goma-a.txt": "Rebels shelled a camp for displaced people in Goma on Monday, killing at least 9 people, aid workers said.",
    "goma-b.txt": "Eleven people died when rebels shelled a camp for displaced people in Goma on Monday, officials said.",
}

CONTAINED = {
    "nikopol-city.txt": "Russian shelling killed two people in Nikopol on Monday, officials said.",
    # the document that says which district the city lies in
    "nikopol-where.txt": ("Russian shelling killed two people in Nikopol (Nikopol district, Dnipropetrovsk region) "
                          "on Monday, the regional governor said."),
    "nikopol-district.txt": "Russian shelling killed two people in the Nikopol district on Monday, officials said.",
}

DISTRICTS = {
    "waaberi.txt": "Mortar shells hit the Waaberi district of Mogadishu on Sunday, killing two people, police said.",
    "wadajir.txt": "Mortar shells hit the Wadajir district of Mogadishu on Sunday, killing two people, police said.",
}

MEETINGS = {
    "talks-a.txt": "Envoys of Ethiopia and Somalia held talks in Ankara on Tuesday, hosted by Turkey.",
    "talks-b.txt": "Ethiopian and Somali officials met for talks in Ankara on Tuesday, diplomats said.",
}


def _write(folder: Path, articles: dict[str, str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in articles.items():
        path = folder / name
        path.write_text(text + "\n", encoding="utf-8")
        path.with_suffix(".meta.json").write_text(json.dumps({"published": PUBLISHED}), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def unmerged(tmp_path_factory) -> dict[str, Graph]:
    """Each set of articles built into one graph without merging its events."""
    root = tmp_path_factory.mktemp("merge")
    graphs = {}
    for name, articles in [("strike", ARTICLES), ("one-document", ONE_DOCUMENT_TWO_ATTACKS),
                           ("apart", APART), ("open", OPEN_ENDED), ("meetings", MEETINGS),
                           ("contained", CONTAINED), ("districts", DISTRICTS)]:
        graph, failures = api.build_graph(_write(root / name, articles), merge_events=False)
        assert not failures
        graphs[name] = graph
    return graphs


def _merged(graph: Graph) -> Graph:
    copy = new_graph()
    copy += graph
    merge_events(copy)
    return copy


def _rows(graph: Graph, query: str) -> list[dict]:
    return api.query(graph, query).to_dict("records")


ATTACKS = """
SELECT ?attack ?place (COUNT(DISTINCT ?doc) AS ?documents) WHERE {
  ?attack a nkg:Attack ; nkg:location/rdfs:label ?place ; prov:wasDerivedFrom ?doc .
} GROUP BY ?attack ?place ORDER BY ?place ?attack
"""


def test_event_merge_two_reports_of_one_strike_are_one_attack(unmerged):
    before = unmerged["strike"]
    assert [(r["place"], r["documents"]) for r in _rows(before, ATTACKS)] == [
        ("Baidoa", 1), ("Baidoa", 1), ("Mandalay", 1)]
    graph = _merged(before)
    assert [(r["place"], r["documents"]) for r in _rows(graph, ATTACKS)] == [("Baidoa", 2), ("Mandalay", 1)]
    claims = _rows(graph, """
        SELECT ?min ?max ?source ?quote WHERE {
          ?a a nkg:Attack ; nkg:location/rdfs:label "Baidoa" ; nkg:casualtyClaim ?c .
          ?c nkg:outcome nkg:Killed ; nkg:minCount ?min ; nkg:maxCount ?max ; nkg:quote ?quote ;
             prov:wasDerivedFrom/nkg:source ?source .
          FILTER NOT EXISTS { ?a nkg:casualties ?c }
        } ORDER BY ?min""")
    assert [(r["min"], r["max"], Path(r["source"]).name, r["quote"]) for r in claims] == [
        (12, 12, "baidoa-a.txt", "12 people"), (15, 15, "baidoa-b.txt", "Fifteen people")]
    figures = _rows(graph, """
        SELECT ?min ?max (COUNT(DISTINCT ?doc) AS ?documents) (COUNT(DISTINCT ?claim) AS ?claims) WHERE {
          ?a a nkg:Attack ; nkg:location/rdfs:label "Baidoa" ; nkg:casualties ?k .
          ?k nkg:reconciled true ; nkg:outcome nkg:Killed ; nkg:minCount ?min ; nkg:maxCount ?max ;
             prov:wasDerivedFrom ?doc ; nkg:reconciledFrom ?claim .
        } GROUP BY ?min ?max""")
    assert figures == [{"min": 12, "max": 15, "documents": 2, "claims": 2}]
    killed = {r["city"]: (r["killedAtLeast"], r["attacks"]) for r in _rows(graph, "killed_by_city")}
    assert killed == {"Baidoa": (12, 1), "Mandalay": (3, 1)}
    # the unrelated attack is as it was built: its own count under nkg:casualties, no claims
    mandalay = _rows(graph, """
        SELECT ?min ?quote ?reconciled ?claim WHERE {
          ?a nkg:location/rdfs:label "Mandalay" ; nkg:casualties ?k .
          ?k nkg:minCount ?min ; nkg:quote ?quote ; prov:wasDerivedFrom ?doc .
          OPTIONAL { ?k nkg:reconciled ?reconciled } OPTIONAL { ?a nkg:casualtyClaim ?claim }
        }""")
    assert mandalay == [{"min": 3, "quote": "three civilians", "reconciled": None, "claim": None}]


def test_event_merge_keeps_the_evidence_and_one_date_window(unmerged):
    graph = _merged(unmerged["strike"])
    rows = _rows(graph, """
        SELECT (COUNT(DISTINCT ?e) AS ?evidence) (COUNT(DISTINCT ?from) AS ?earliest)
               (COUNT(DISTINCT ?to) AS ?latest) (SAMPLE(?from) AS ?day) WHERE {
          ?a nkg:location/rdfs:label "Baidoa" ; nkg:evidence ?e ; nkg:earliestDate ?from ; nkg:latestDate ?to .
        }""")
    assert rows == [{"evidence": 2, "earliest": 1, "latest": 1, "day": rows[0]["day"]}]
    assert str(rows[0]["day"]) == "2025-06-10"


def test_event_merge_pairs_each_document_with_its_own_sentence(unmerged):
    """The shipped provenance query gives one row per document of a merged attack, with that
    document's sentence (not every sentence with every document), as before the merge."""
    before = {(Path(r["source"]).name, r["evidence"]) for r in _rows(unmerged["strike"], "provenance")}
    graph = _merged(unmerged["strike"])
    rows = _rows(graph, "provenance")
    assert len(rows) == len(before) == 3
    assert {(Path(r["source"]).name, r["evidence"]) for r in rows} == before
    assert len({r["event"] for r in rows if "Baidoa" in r["evidence"]}) == 1
    excerpts = _rows(graph, """
        SELECT ?excerpt (COUNT(?doc) AS ?documents) WHERE {
          ?a nkg:location/rdfs:label "Baidoa" ; nkg:excerpt ?excerpt .
          ?excerpt a nkg:Excerpt ; nkg:excerptText ?text ; prov:wasDerivedFrom ?doc .
        } GROUP BY ?excerpt""")
    assert [r["documents"] for r in excerpts] == [1, 1]


def test_event_merge_excerpts_made_again_when_a_merged_event_grows(unmerged):
    """A merged attack that a later document joins has one excerpt per document, under the
    node kept, as when all three are merged at once."""
    import pyoxigraph as ox
    from rdflib.namespace import PROV

    from kg.vocab import NKG

    everything = unmerged["contained"]
    late = next(d for d in everything.subjects(NKG.source, None)
                if str(everything.value(d, NKG.source)).endswith("nikopol-district.txt"))
    late_events = set(everything.subjects(PROV.wasDerivedFrom, late))
    late_nodes = {late} | late_events | {o for e in late_events for o in everything.objects(e, NKG.casualties)}
    early = new_graph()
    for s, p, o in everything:
        if s not in late_nodes:
            early.add((s, p, o))
    store = _store_of(early)
    assert [len(group) for group in merge_events(store)] == [2]
    later = new_graph()
    later += (t for t in everything if t not in early)
    store.load(later.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
    assert [len(group) for group in merge_events(store, documents=[late])] == [2]
    graph = _graph_of(store)
    assert isomorphic(graph, _merged(everything))
    assert len(_rows(graph, "SELECT ?x WHERE { ?a a nkg:Attack ; nkg:excerpt ?x }")) == 3


def test_event_merge_never_joins_two_attacks_of_one_document(unmerged):
    graph = _merged(unmerged["one-document"])
    rows = _rows(graph, ATTACKS)
    assert [(r["place"], r["documents"]) for r in rows] == [("Taiz", 2), ("Taiz", 1)] or \
        [(r["place"], r["documents"]) for r in rows] == [("Taiz", 1), ("Taiz", 2)]
    per_document = _rows(graph, """
        SELECT ?doc (COUNT(DISTINCT ?a) AS ?attacks) WHERE { ?a a nkg:Attack ; prov:wasDerivedFrom ?doc }
        GROUP BY ?doc ORDER BY ?attacks""")
    assert [r["attacks"] for r in per_document] == [1, 2]


def test_event_merge_other_day_or_other_town_stays_apart(unmerged):
    graph = _merged(unmerged["apart"])
    assert isomorphic(graph, unmerged["apart"])
    assert [(r["place"], r["documents"]) for r in _rows(graph, ATTACKS)] == [
        ("Kharkiv", 1), ("Kharkiv", 1), ("Sumy", 1)]


def test_event_merge_city_matches_the_district_it_lies_in(unmerged):
    graph = _merged(unmerged["contained"])
    rows = _rows(graph, """
        SELECT ?a (COUNT(DISTINCT ?doc) AS ?documents) (COUNT(DISTINCT ?place) AS ?places) WHERE {
          ?a a nkg:Attack ; prov:wasDerivedFrom ?doc ; nkg:location ?place } GROUP BY ?a""")
    assert [(r["documents"], r["places"]) for r in rows] == [(3, 2)]


def test_event_merge_two_districts_of_one_city_stay_apart(unmerged):
    before = unmerged["districts"]
    assert [(r["place"], r["documents"]) for r in _rows(before, ATTACKS)][:1] == [("Mogadishu", 1)]
    assert isomorphic(_merged(before), before)


def test_event_merge_open_ended_claim_leaves_the_figure_open(unmerged):
    graph = _merged(unmerged["open"])
    figures = _rows(graph, """
        SELECT ?min ?max WHERE { ?a nkg:casualties ?k . ?k nkg:reconciled true ; nkg:outcome nkg:Killed ;
                                 nkg:minCount ?min . OPTIONAL { ?k nkg:maxCount ?max } }""")
    assert figures == [{"min": 9, "max": None}]


def test_event_merge_meeting_reported_twice_is_one_meeting(unmerged):
    graph = _merged(unmerged["meetings"])
    rows = _rows(graph, """
        SELECT ?m (COUNT(DISTINCT ?doc) AS ?documents) (COUNT(DISTINCT ?status) AS ?statuses) WHERE {
          ?m a nkg:Meeting ; prov:wasDerivedFrom ?doc ; nkg:status ?status } GROUP BY ?m""")
    assert [(r["documents"], r["statuses"]) for r in rows] == [(2, 1)]


@pytest.mark.parametrize("name", ["strike", "one-document", "open", "meetings"])
def test_event_merge_graph_conforms_to_the_shapes(unmerged, name):
    conforms, _, text = api.validate(_merged(unmerged[name]))
    assert conforms, text[:2000]


def test_event_merge_every_count_names_its_document(unmerged):
    for graph in unmerged.values():
        rows = _rows(graph, """
            SELECT (COUNT(?k) AS ?n) WHERE { ?k a nkg:CasualtyCount
              FILTER NOT EXISTS { ?k prov:wasDerivedFrom ?d . ?d a nkg:Document } }""")
        assert rows == [{"n": 0}]


def test_event_merge_twice_changes_nothing(unmerged):
    graph = _merged(unmerged["strike"])
    again = _merged(graph)
    assert api.serialize(again) == api.serialize(graph)


def test_event_merge_same_result_in_any_input_order(tmp_path: Path):
    paths = _write(tmp_path, {**ARTICLES, **ONE_DOCUMENT_TWO_ATTACKS})
    outputs = set()
    for order in itertools.islice(itertools.permutations(paths), 0, None, 29):
        graph, failures = api.build_graph(list(order))
        assert not failures
        outputs.add(api.serialize(graph))
    graph, _ = api.build_graph([tmp_path])  # the folder itself
    outputs.add(api.serialize(graph))
    assert len(outputs) == 1
    assert outputs.pop().count("nkg:reconciled true") == 3  # Baidoa killed; Taiz killed and its children


def _store_of(graph: Graph):
    import pyoxigraph as ox

    store = ox.Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
    return store


def _graph_of(store) -> Graph:
    import pyoxigraph as ox

    graph = new_graph()
    graph.parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode("utf-8"),
                format="nt")
    return graph


@pytest.mark.parametrize("name", ["strike", "one-document", "apart", "open", "meetings"])
def test_event_merge_in_a_store_gives_the_graph_result(unmerged, name):
    store = _store_of(unmerged[name])
    merged_in_store = merge_events(store)
    graph = _merged(unmerged[name])
    assert merged_in_store == merge_events(_graph_of(_store_of(unmerged[name])))
    assert isomorphic(_graph_of(store), graph)


def test_event_merge_in_a_store_looks_at_the_new_documents_only(unmerged):
    """A store holding two documents gets a third that reports one of their attacks: merging
    for the new document alone gives the graph that merging everything gives."""
    from kg.vocab import NKG

    everything = unmerged["strike"]
    late = next(d for d in everything.subjects(NKG.source, None) if str(everything.value(d, NKG.source)).endswith("baidoa-b.txt"))
    from rdflib.namespace import PROV

    late_events = set(everything.subjects(PROV.wasDerivedFrom, late))
    late_counts = {o for e in late_events for o in everything.objects(e, NKG.casualties)}
    early = new_graph()
    for s, p, o in everything:
        if s != late and s not in late_events and s not in late_counts:
            early.add((s, p, o))
    store = _store_of(early)
    assert merge_events(store) == []
    import pyoxigraph as ox

    store.load(everything.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
    merged = merge_events(store, documents=[late])
    assert len(merged) == 1 and len(merged[0]) == 2
    assert isomorphic(_graph_of(store), _merged(everything))


def test_event_merge_cli_option_turns_it_off(tmp_path: Path):
    import subprocess
    import sys

    paths = _write(tmp_path / "in", ARTICLES)
    counts = {}
    for flag in ("--merge-events", "--no-merge-events"):
        out = tmp_path / f"{flag.strip('-')}.ttl"
        proc = subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", "build", *map(str, paths),
                               "--out", str(out), "--no-html", flag], capture_output=True, text=True,
                              cwd=Path(__file__).resolve().parents[1])
        assert proc.returncode == 0, proc.stderr
        graph = api.load(out)
        counts[flag] = len(_rows(graph, "SELECT ?a WHERE { ?a a nkg:Attack }"))
    assert counts == {"--merge-events": 2, "--no-merge-events": 3}


def test_event_merge_in_a_store_a_late_document_joins_a_merged_attack(unmerged):
    """The document that says which district a city lies in comes last: the two attacks
    already in the store (one in the city, one in its district) are then one with it."""
    import pyoxigraph as ox
    from rdflib.namespace import PROV

    from kg.vocab import NKG

    everything = unmerged["contained"]
    late = next(d for d in everything.subjects(NKG.source, None)
                if str(everything.value(d, NKG.source)).endswith("nikopol-where.txt"))
    late_events = set(everything.subjects(PROV.wasDerivedFrom, late))
    late_nodes = {late} | late_events | {o for e in late_events for o in everything.objects(e, NKG.casualties)}
    early = new_graph()
    for s, p, o in everything:
        if s not in late_nodes and not (p == NKG.region and s in set(everything.objects(None, NKG.location))):
            early.add((s, p, o))
    store = _store_of(early)
    assert merge_events(store) == []
    store.load(everything.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
    assert [len(group) for group in merge_events(store, documents=[late])] == [3]
    assert isomorphic(_graph_of(store), _merged(everything))


@pytest.mark.parametrize(
    ("claims", "figures"),
    [
        # one document's headline toll and its other victims beside another's single toll
        ([("a", "civilian", 3, 3), ("a", "soldier", 2, 2), ("b", "", 5, 5)],
         {("", True): (3, 5), ("soldier", False): (2, 2)}),
        # the same victims word everywhere is kept; an open-ended claim leaves the figure open
        ([("a", "civilian", 12, None), ("b", "civilian", 15, 15)], {("civilian", True): (12, None)}),
        # a document restating its toll without victims adds to its headline claim
        ([("a", "", 12, 12), ("a", "", 14, 14), ("b", "", 15, 15)], {("", True): (12, 15)}),
    ],
)
def test_event_merge_figures_from_claims(claims, figures):
    from rdflib import URIRef

    from kg.event_merge import Claim, figure_groups
    from kg.vocab import NKG, NKR

    records = [Claim(NKR[f"count/{n}"], NKG.Killed, (NKR[f"doc/{doc}"],), victims, low, high, False)
               for n, (doc, victims, low, high) in enumerate(claims)]
    groups = figure_groups(records)
    found = {}
    for (outcome, victims, headline), group in groups.items():
        assert outcome == NKG.Killed and isinstance(group[0].iri, URIRef)
        highs = [c.high for c in group]
        found[victims, headline] = (min(c.low for c in group), None if None in highs else max(highs))
    assert found == figures


def test_event_merge_wire_copies_count_each_attack_once(tmp_path: Path):
    """Eight copies of one report (each with its own closing line) give two attacks, and
    killed_by_city counts each toll once."""
    story = ("A missile strike on a railway station in Kramatorsk on Friday killed at least 52 people, officials "
             "said. Hours later, shelling killed two people in Kostiantynivka on Friday.")
    copies = {f"copy{n}.txt": f"{story}\nThis is copy number {n} of the report." for n in range(8)}
    paths = _write(tmp_path, copies)
    apart, _ = api.build_graph(paths, merge_events=False)
    assert {r["city"]: r["killedAtLeast"] for r in _rows(apart, "killed_by_city")} == {
        "Kramatorsk": 8 * 52, "Kostiantynivka": 8 * 2}
    graph, _ = api.build_graph(paths)
    assert {r["city"]: (r["killedAtLeast"], r["attacks"]) for r in _rows(graph, "killed_by_city")} == {
        "Kramatorsk": (52, 1), "Kostiantynivka": (2, 1)}
    assert [(r["place"], r["documents"]) for r in _rows(graph, ATTACKS)] == [("Kostiantynivka", 8), ("Kramatorsk", 8)]


@pytest.mark.slow
def test_event_merge_across_store_builds_as_in_one_build(tmp_path: Path):
    """A strike reported by a document built into the store yesterday and by one built today is
    one attack, as when both are built at once."""
    from typer.testing import CliRunner

    from kg.cli import app

    runner = CliRunner()
    first = _write(tmp_path / "monday", {"baidoa-a.txt": ARTICLES["baidoa-a.txt"]})
    second = _write(tmp_path / "tuesday", {"baidoa-b.txt": ARTICLES["baidoa-b.txt"], "mandalay.txt": ARTICLES["mandalay.txt"]})
    st = tmp_path / "store"
    for paths in (first, second):
        res = runner.invoke(app, ["build", *map(str, paths), "--store", str(st), "--jobs", "1"])
        assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["build", *map(str, first + second), "--out", str(tmp_path / "all.ttl"), "--no-html", "--jobs", "1"])
    assert res.exit_code == 0, res.output
    q = """SELECT ?a (COUNT(DISTINCT ?d) AS ?docs) WHERE { ?a a nkg:Attack ; prov:wasDerivedFrom ?d } GROUP BY ?a"""
    on_store = sorted(int(r[1]) for r in api.query(api.open_store(st), q).itertuples(index=False))
    on_file = sorted(int(r[1]) for r in api.query(api.load(tmp_path / "all.ttl"), q).itertuples(index=False))
    assert on_store == on_file == [1, 2]
    assert isomorphic(api.store_graph(api.open_store(st)), api.load(tmp_path / "all.ttl"))
