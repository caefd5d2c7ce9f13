"""Records -> triples: re-parsed with rdflib and validated with the project's SHACL shapes."""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS, SKOS

from kg import api
from kg.graph import merge_labels, new_graph, record_triples
from kg.read import Article
from kg.resolve.dates import DateWindow
from kg.records import (AttackRecord, CasualtyRecord, DemandRecord, DocRecords, Entity, Evidence,
                        MediationRecord, MeetingRecord)
from kg.vocab import NKET, NKG, PREFIXES

XSD = PREFIXES["xsd"]

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


# --- event types and stated zeros ----------------------------------------------------------

def _attack_graph(attack: AttackRecord) -> Graph:
    ents = {"city:7": Entity("city:7", "City", "Beta", geonames_id=7)}
    g = new_graph()
    g += record_triples(ARTICLE, DocRecords(entities=ents, attacks=[attack]))
    return g


@pytest.mark.parametrize(
    ("sentence", "event_type", "label", "chain"),
    [
        ("A drone struck a fuel depot outside Beta on Monday, killing two guards.",
         "AirDroneStrike", "air/drone strike", ["ExplosionsRemoteViolence", "ArmedViolence"]),
        ("Militants ambushed an army patrol near Beta, and fighting lasted for hours.",
         "ArmedClash", "armed clash", ["Battles", "ArmedViolence"]),
        ("Gunmen seized eleven passengers from a bus on the road to Beta.",
         "Abduction", "abduction/forced disappearance", ["ViolenceAgainstCivilians", "ArmedViolence"]),
        ("A roadside bomb tore through a minibus south of Beta.",
         "RemoteExplosive", "remote explosive/landmine/IED", ["ExplosionsRemoteViolence", "ArmedViolence"]),
        ("Heavy fighting was reported around Beta overnight.",
         "Battles", "battles", ["ArmedViolence"]),
    ],
)
def test_graph_event_type_travels_with_label_and_broader_chain(sentence, event_type, label, chain):
    ev = (Evidence(sentence, 0, len(sentence)),)
    g = _attack_graph(AttackRecord(evidence=ev, locations=("city:7",), event_type=event_type))
    attack = next(g.subjects(RDF.type, NKG.Attack))
    concept = g.value(attack, NKG.eventType)
    assert concept == NKET[event_type]
    assert (concept, RDF.type, SKOS.Concept) in g
    assert list(g.objects(concept, SKOS.prefLabel)) == [Literal(label, lang="en")]
    up, node = [], concept
    while (node := g.value(node, SKOS.broader)) is not None:
        assert (node, RDF.type, SKOS.Concept) in g and g.value(node, SKOS.prefLabel) is not None
        up.append(str(node)[len(str(NKET)):])
    assert up == chain
    groups = {str(r.group) for r in g.query(
        "SELECT ?group WHERE { ?a nkg:eventType/skos:broader* ?group . ?group skos:broader nket:ArmedViolence }",
        initNs=PREFIXES)}
    assert groups == {str(NKET[chain[-2] if len(chain) > 1 else event_type])}
    conforms, _, report = api.validate(g)
    assert conforms, report


def test_graph_attack_without_event_type_has_none():
    g = built_graph()
    assert not list(g.objects(None, NKG.eventType))
    assert not [c for c in g.subjects(RDF.type, SKOS.Concept) if str(c).startswith(str(NKET))]


@pytest.mark.parametrize("event_type", ["Airstrike", "air/drone strike", "AIRDRONESTRIKE", "Shelling"])
def test_graph_unknown_event_type_is_an_error(event_type):
    with pytest.raises(ValueError, match="unknown event type"):
        _attack_graph(AttackRecord(evidence=EV, event_type=event_type))


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("Officials said no one was killed when a mortar round hit the market in Beta.",
         CasualtyRecord("Killed", 0, 0, False, "no one was killed")),
        ("An airstrike on a depot near Beta caused no casualties, the army said.",
         CasualtyRecord("Injured", 0, 0, False, "no casualties")),
    ],
)
def test_graph_stated_zero_is_a_count_of_zero(sentence, count):
    ev = (Evidence(sentence, 0, len(sentence)),)
    g = _attack_graph(AttackRecord(evidence=ev, locations=("city:7",), casualties=(count,)))
    counts = list(g.subjects(RDF.type, NKG.CasualtyCount))
    assert len(counts) == 1
    assert g.value(counts[0], NKG.minCount) == Literal(0, datatype=XSD.integer)
    assert g.value(counts[0], NKG.maxCount) == Literal(0, datatype=XSD.integer)
    assert g.value(counts[0], NKG.outcome) == NKG[count.outcome]
    conforms, _, report = api.validate(Graph().parse(data=api.serialize(g), format="turtle"))
    assert conforms, report


HOSTILE = [
    'He said "enough" and left',
    "back\\slash \\n \\u0041 \\\\",
    "line one\nline two\r\nthree\ttab",
    "<script>alert('x')</script> & </pre> ]]> -->",
    "\u202eRTL override\u202c and \u200fmark\u200e and العربية",
    "\ufffd replacement, \U0001F4A3 bomb, \u2028 line separator, \u0085 next line",
    "\"\"\" triple quotes ''' too",
    "@prefix x: <y> . } { ;",
]


def _hostile_records(text: str) -> tuple[Article, DocRecords]:
    article = Article(text=text, source=f"file:///tmp/{text[:5]}", sha256="cd" * 32,
                      published=date(2024, 6, 12), title=text)
    ents = {"org:x": Entity("org:x", "Organization", text, {text + " alias"}),
            "city:1": Entity("city:1", "City", "Alpha", geonames_id=1)}
    rec = DocRecords(entities=ents)
    rec.attacks = [AttackRecord(evidence=(Evidence(text, 0, len(text)),), locations=("city:1",),
                                attackers=("org:x",), targets=(text,),
                                casualties=(CasualtyRecord("Killed", 2, None, False, text, text),))]
    return article, rec


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("fmt", ["turtle", "nt", "json-ld"])
def test_graph_hostile_literals_round_trip(text: str, fmt: str):
    article, rec = _hostile_records(text)
    g = new_graph()
    g += record_triples(article, rec)
    back = Graph().parse(data=api.serialize(g, fmt), format=fmt)
    assert set(back) == set(g)
    assert Literal(text) in set(back.objects(None, NKG.evidence))


@pytest.mark.parametrize("text, stored", [
    ("lone \ud800 surrogate", "lone \ufffd surrogate"),
    ("form\x0cfeed, bell\x07, nul\x00 and del\x7f", "form feed, bell , nul  and del "),
])
def test_graph_unstorable_characters_are_replaced_not_fatal(tmp_path, text: str, stored: str):
    """Lone surrogates (no UTF encoding carries them) and control characters (XML cannot) are
    replaced when read; every syntax then writes and parses back."""
    from kg.read import scrub

    article, rec = _hostile_records(scrub(text))
    g = new_graph()
    g += record_triples(article, rec)
    for suffix in [".ttl", ".nt", ".jsonld", ".rdf"]:
        path = api.save(g, tmp_path / f"g{suffix}")
        back = api.load(path)
        assert Literal(stored) in set(back.objects(None, NKG.evidence)), suffix
