"""The date-ordered merge (:func:`kg.event_merge.merge_events`) against comparing every event
with every other at once: a graph of many events over many weeks, in an rdflib graph and in a
pyoxigraph store, and a corpus built with the real pipeline into a store."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF, XSD

from kg import api
from kg.event_merge import (MERGED_CLASSES, WIDEST_WINDOW_DAYS, GraphTriples, PlaceIndex, _mediation_groups,
                            _pair_groups, dated_groups, matches, merge_events, merge_group, summarize)
from kg.graph import new_graph
from kg.vocab import NKG, NKR

FIRST_DAY = date(2025, 1, 6)


def _merged_all_at_once(graph):
    """A copy of ``graph`` merged by comparing every attack and meeting with every other (no
    blocks, no sweep) and grouping all mediations at once: the groups the module describes."""
    copy = new_graph()
    copy += graph
    triples = GraphTriples(copy)
    places = PlaceIndex.of(triples)
    events = sorted((summarize(triples, e, cls) for cls in MERGED_CLASSES for e in triples.subjects(RDF.type, cls)),
                    key=lambda e: str(e.iri))
    pairs = {(a.iri, b.iri): (a, b) for a, b in combinations(events, 2)
             if a.cls != NKG.Mediation and matches(a, b, places)}
    groups = _pair_groups([e for e in events if e.cls != NKG.Mediation], pairs) + _mediation_groups(events)
    groups.sort(key=lambda g: str(g[0].iri))
    for group in groups:
        merge_group(triples, group)
    return copy, [[e.iri for e in g] for g in groups]


def _day(n: int) -> Literal:
    return Literal((FIRST_DAY + timedelta(days=n)).isoformat(), datatype=XSD.date)


def _made_up_events(seed: int = 11):
    """Attacks, meetings and mediations of 120 documents over about 20 weeks, at a few places
    (one a district of another, one a country), with windows of one to ten days, some read from
    the text and some guessed: many match, in chains longer than a window."""
    rng = random.Random(seed)
    g = new_graph()
    city, district, town, country = (NKR[f"place/{name}"] for name in ("city", "district", "town", "country"))
    g.add((district, NKG.region, city))
    g.add((city, NKG.region, country))
    g.add((country, RDF.type, NKG.Country))
    agents = [NKR[f"org/{name}"] for name in ("a", "b", "c", "d")]
    docs = [NKR[f"document/{n:03d}"] for n in range(120)]
    for doc in docs:
        g.add((doc, RDF.type, NKG.Document))
    for n in range(420):
        doc = rng.choice(docs)
        start = rng.randrange(0, 140)
        width = rng.choice([1, 1, 1, 2, 3, 7, 8, 10])
        kind = rng.choice([NKG.Attack] * 6 + [NKG.Meeting] * 3 + [NKG.Mediation])
        e = NKR[f"{kind.split('#')[-1].lower()}/{n:04d}"]
        g.add((e, RDF.type, kind))
        g.add((e, PROV.wasDerivedFrom, doc))
        g.add((e, NKG.evidence, Literal(f"Sentence {n} of {doc.split('/')[-1]}.")))
        g.add((e, NKG.earliestDate, _day(start)))
        g.add((e, NKG.latestDate, _day(start + width - 1)))
        if rng.random() < 0.8:
            g.add((e, NKG.dateText, Literal("on Monday")))
        if kind == NKG.Attack:
            for place in rng.sample([city, district, town, country], rng.choice([1, 1, 2])):
                g.add((e, NKG.location, place))
            if rng.random() < 0.5:
                g.add((e, NKG.attacker, rng.choice(agents)))
            count = NKR[f"count/{n:04d}"]
            g.add((e, NKG.casualties, count))
            g.add((count, RDF.type, NKG.CasualtyCount))
            g.add((count, NKG.outcome, NKG.Killed))
            g.add((count, NKG.minCount, Literal(rng.randrange(1, 20), datatype=XSD.integer)))
            g.add((count, PROV.wasDerivedFrom, doc))
        elif kind == NKG.Meeting:
            for agent in rng.sample(agents, rng.choice([2, 2, 3])):
                g.add((e, NKG.participant, agent))
        else:
            g.add((e, NKG.mediator, agents[0]))
            for agent in rng.sample(agents[1:], 2):
                g.add((e, NKG.party, agent))
    return g


def _store_of(graph) -> ox.Store:
    store = ox.Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
    return store


def _graph_of(store: ox.Store):
    graph = new_graph()
    graph.parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode("utf-8"),
                format="nt")
    return graph


@pytest.fixture(scope="module")
def made_up():
    graph = _made_up_events()
    expected, groups = _merged_all_at_once(graph)
    return graph, expected, groups


def test_event_merge_sweep_made_up_events_span_many_windows(made_up):
    """The made-up graph is what the comparison needs: groups of each class, and merged
    attacks and meetings whose days lie further apart than a window."""
    graph, _, groups = made_up
    kinds = {str(g[0]).split("/")[-2] for g in groups}
    assert kinds == {"attack", "meeting", "mediation"}
    firsts = sorted(min(graph.objects(g[0], NKG.earliestDate)).toPython() for g in groups if "mediation" not in g[0])
    assert (firsts[-1] - firsts[0]).days > 10 * WIDEST_WINDOW_DAYS


def test_event_merge_sweep_in_a_graph_as_all_at_once(made_up):
    graph, expected, groups = made_up
    copy = new_graph()
    copy += graph
    assert merge_events(copy) == groups
    assert set(copy) == set(expected)


def test_event_merge_sweep_in_a_store_as_all_at_once(made_up):
    graph, expected, groups = made_up
    store = _store_of(graph)
    assert merge_events(store) == groups
    assert set(_graph_of(store)) == set(expected)


def test_event_merge_sweep_given_every_document_as_all_at_once(made_up):
    """Given the documents (as a store build gives its new ones, read once from a generator),
    the candidates gathered from them are every event: the same merge."""
    graph, expected, groups = made_up
    store = _store_of(graph)
    documents = (d for d in graph.subjects(RDF.type, NKG.Document))
    assert merge_events(store, documents) == groups
    assert set(_graph_of(store)) == set(expected)


def test_event_merge_sweep_keeps_a_window_of_events():
    """The sweep yields each group once the days of its events are behind it: the groups of the
    first weeks come out before the events of the last weeks are read."""
    graph = _made_up_events()
    triples = GraphTriples(graph)
    dated = []
    for cls in (NKG.Attack, NKG.Meeting):
        for e in triples.subjects(RDF.type, cls):
            first = min(graph.objects(e, NKG.earliestDate)).toPython()
            dated.append((first.toordinal(), str(e), cls))
    dated.sort()
    read = []

    def reading(events):
        for entry in events:
            read.append(entry)
            yield entry

    sweep = dated_groups(triples, reading(dated), PlaceIndex.of(triples))
    first_group = next(sweep)
    assert len(first_group) > 1
    assert len(read) < len(dated) / 2
    last_day = max(max(graph.objects(e.iri, NKG.latestDate)).toPython() for e in first_group)
    assert date.fromordinal(read[-1][0]) > last_day  # read up to the first day past the group


# -- the real pipeline: reports of strikes in one town over several weeks -------------------------

WEEKS = [date(2025, 3, 3) + timedelta(weeks=w) for w in range(6)]  # Mondays


def _reports(folder: Path) -> list[Path]:
    """Two reports of a strike in Baidoa each Tuesday of six weeks (published on the Wednesday,
    saying "on Tuesday"), and a summary published on the Friday of each week ("this week")."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for w, monday in enumerate(WEEKS):
        texts = {
            f"w{w}-a.txt": f"A drone strike hit a market in Baidoa on Tuesday, killing {4 + w} people, officials said.",
            f"w{w}-b.txt": (f"{7 + w} people were killed when a drone struck a market in Baidoa on Tuesday, "
                            f"a hospital director said."),
            f"w{w}-c.txt": f"Drone strikes killed {5 + w} people in Baidoa this week, residents said.",
        }
        for name, text in texts.items():
            published = monday + timedelta(days=4 if name.endswith("c.txt") else 2)
            path = folder / name
            path.write_text(text + "\n", encoding="utf-8")
            path.with_suffix(".meta.json").write_text(json.dumps({"published": published.isoformat()}), encoding="utf-8")
            paths.append(path)
    return paths


@pytest.mark.slow
def test_event_merge_sweep_store_build_over_weeks_as_all_at_once(tmp_path: Path):
    """Built into a store by ``kg build --store`` (real spaCy, real Oxigraph), reports spread
    over six weeks give the graph that merging all their events at once gives; and the file
    build gives it too."""
    from typer.testing import CliRunner

    from kg.cli import app

    paths = _reports(tmp_path / "in")
    unmerged, failures = api.build_graph(paths, merge_events=False)
    assert not failures
    expected, groups = _merged_all_at_once(unmerged)
    assert len(groups) >= len(WEEKS)  # one strike a week at least
    runner = CliRunner()
    res = runner.invoke(app, ["build", *map(str, paths), "--store", str(tmp_path / "store"), "--jobs", "1"])
    assert res.exit_code == 0, res.output
    assert isomorphic(api.store_graph(api.open_store(tmp_path / "store")), expected)
    res = runner.invoke(app, ["build", *map(str, paths), "--out", str(tmp_path / "all.ttl"), "--no-html", "--jobs", "1"])
    assert res.exit_code == 0, res.output
    assert isomorphic(api.load(tmp_path / "all.ttl"), expected)
