"""Records -> triples: re-parsed with rdflib and validated with the project's SHACL shapes."""

from __future__ import annotations

from datetime import date

from rdflib import Graph
from rdflib.namespace import RDF, RDFS, SKOS

from kg import api
from kg.graph import merge_labels, new_graph, record_triples
from kg.read import Article
from kg.resolve.dates import DateWindow
from kg.records import (AttackRecord, CasualtyRecord, DemandRecord, DocRecords, Entity, Evidence,
                        MediationRecord, MeetingRecord)
from kg.vocab import NKG

ARTICLE = Article(text="x" * 200, source="test.txt", sha256="ab" * 32, published=date(2024, 6, 12), title="T")
EV = (Evidence("Shelling killed at least three people in Alpha.", 0, 48),)


def sample_records() -> DocRecords:
    ents = {
        "country:UA": Entity("country:UA", "Country", "Ukraine", {"Ukrainian"}, geonames_id=690791),
        "country:RU": Entity("country:RU", "Country", "Russia", {"Kremlin"}, merge_reasons={"'Kremlin' is the seat"}),
        "city:1": Entity("city:1", "City", "Alpha", geonames_id=1, country_key="country:UA"),
        "person:jane roe": Entity("person:jane roe", "Person", "Jane Roe", {"Roe"}, roles=["Governor"],
                                  affiliation_key="country:UA"),
    }
    rec = DocRecords(entities=ents)
    rec.attacks = [AttackRecord(
        evidence=EV, locations=("city:1",), date=DateWindow(date(2024, 6, 10), date(2024, 6, 10), "Monday"),
        weapons=("https://w3id.org/newskg/weapon/artillery",), targets=("market",), attackers=("country:RU",),
        reported_by=("person:jane roe",),
        casualties=(CasualtyRecord("Killed", 3, None, False, "at least three people"),
                    CasualtyRecord("Injured", 24, 99, True, "dozens", "civilian")))]
    rec.meetings = [MeetingRecord(evidence=EV, status="planned", location="city:1",
                                  date=DateWindow(date(2024, 6, 17), date(2024, 6, 19), "early next week"),
                                  participants=("country:UA", "person:jane roe"))]
    rec.mediations = [MediationRecord(evidence=EV, mediators=("country:UA",), parties=("country:RU",), goals=("ceasefire",))]
    rec.demands = [DemandRecord(evidence=EV, label="Russia withdraws its troops", demanded_by=("country:UA",),
                                rejected_by=("country:RU",))]
    return rec


def built_graph() -> Graph:
    g = new_graph()
    g += record_triples(ARTICLE, sample_records())
    return g


def test_graph_turtle_round_trip_and_shapes():
    g = built_graph()
    text = api.serialize(g)
    back = Graph().parse(data=text, format="turtle")
    assert len(back) == len(g)
    conforms, _, report = api.validate(back)
    assert conforms, report


def test_graph_casualty_intervals():
    g = built_graph()
    counts = {(str(g.value(c, NKG.outcome)).rsplit("#")[-1], int(g.value(c, NKG.minCount)),
               g.value(c, NKG.maxCount) and int(g.value(c, NKG.maxCount)), bool(g.value(c, NKG.isVague).toPython()))
              for c in g.subjects(RDF.type, NKG.CasualtyCount)}
    assert counts == {("Killed", 3, None, False), ("Injured", 24, 99, True)}


def test_graph_things_have_one_label_and_aliases():
    g = built_graph()
    for s in set(g.subjects(RDF.type, NKG.Country)) | set(g.subjects(RDF.type, NKG.Person)):
        assert len(list(g.objects(s, RDFS.label))) == 1
    ukraine = next(s for s in g.subjects(RDFS.label, None) if str(g.value(s, RDFS.label)) == "Ukraine")
    assert "Ukrainian" in {str(a) for a in g.objects(ukraine, SKOS.altLabel)}


def test_graph_every_event_has_evidence_and_document():
    g = built_graph()
    for cls in (NKG.Attack, NKG.Meeting, NKG.Mediation, NKG.Demand):
        for e in g.subjects(RDF.type, cls):
            assert g.value(e, NKG.evidence) is not None
            doc = g.value(e, __import__("rdflib").namespace.PROV.wasDerivedFrom)
            assert (doc, RDF.type, NKG.Document) in g


def test_graph_is_deterministic():
    assert api.serialize(built_graph()) == api.serialize(built_graph())


def test_graph_merge_labels_keeps_one():
    g = built_graph()
    ukraine = next(s for s in g.subjects(RDFS.label, None) if str(g.value(s, RDFS.label)) == "Ukraine")
    from rdflib import Literal
    g.add((ukraine, RDFS.label, Literal("Ukr")))
    merge_labels(g)
    assert [str(l) for l in g.objects(ukraine, RDFS.label)] == ["Ukraine"]
    assert "Ukr" in {str(a) for a in g.objects(ukraine, SKOS.altLabel)}
