"""The SHACL shapes accept a well-formed graph and report each typical defect."""

from __future__ import annotations

import pytest
from pyshacl import validate
from rdflib import BNode, Graph, Literal
from rdflib.namespace import RDF, RDFS, SH

from kg.vocab import EVENT_TYPES_FILE, NKET, NKG, NKR, ONTOLOGY_FILE, PREFIXES, SHAPES_FILE, WEAPONS_FILE

XSD = PREFIXES["xsd"]
PROV = PREFIXES["prov"]

TURTLE_PREFIXES = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items())

VALID = TURTLE_PREFIXES + """
nkr:doc a nkg:Document ;
    nkg:sha256 "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" ;
    nkg:source "articles/example.txt" ;
    nkg:title "Fighting flares on the coast" ;
    nkg:published "2031-03-14"^^xsd:date .

nkr:freedonia a nkg:Country ;
    rdfs:label "Freedonia" ;
    skos:altLabel "Freedonian" , "Fredville" ;
    nkg:mergeReason "'Fredville' as subject of a political verb stands for the government of Freedonia" ;
    owl:sameAs <http://www.wikidata.org/entity/Q1> .
nkr:sylvania a nkg:Country ; rdfs:label "Sylvania" .
nkr:coastal a nkg:Region ; rdfs:label "Coastal Province" ; nkg:country nkr:freedonia .
nkr:port a nkg:City ;
    rdfs:label "Port Azure" ;
    nkg:country nkr:freedonia ;
    nkg:region nkr:coastal ;
    owl:sameAs <https://sws.geonames.org/1/> .
nkr:army a nkg:Organization ; rdfs:label "Sylvanian Armed Forces" ; nkg:basedIn nkr:sylvania .
nkr:minister a nkg:Person ;
    rdfs:label "Ada Quill" ;
    skos:altLabel "Quill" ;
    nkg:role "Foreign Minister" ;
    nkg:affiliation nkr:freedonia .
nkr:envoy a nkg:Person ; rdfs:label "Olu Marsh" ; nkg:role "Special Envoy" .

nkr:strike a nkg:Attack ;
    nkg:location nkr:port ;
    nkg:earliestDate "2031-03-13"^^xsd:date ;
    nkg:latestDate "2031-03-13"^^xsd:date ;
    nkg:dateText "on Thursday" ;
    nkg:evidence "A drone hit a market in Port Azure on Thursday, killing four civilians." ;
    prov:wasDerivedFrom nkr:doc ;
    nkg:weapon nkw:drone ;
    nkg:eventType nket:AirDroneStrike ;
    nkg:target "market" ;
    nkg:attacker nkr:army ;
    nkg:reportedBy nkr:minister ;
    nkg:isAggregate false ;
    nkg:casualties nkr:killed , nkr:injured .
nket:AirDroneStrike a skos:Concept ;
    skos:prefLabel "air/drone strike"@en ;
    skos:broader nket:ExplosionsRemoteViolence .
nket:ExplosionsRemoteViolence a skos:Concept ;
    skos:prefLabel "explosions/remote violence"@en ;
    skos:broader nket:ArmedViolence .
nket:ArmedViolence a skos:Concept ;
    skos:prefLabel "armed violence"@en .

nkr:killed a nkg:CasualtyCount ;
    nkg:outcome nkg:Killed ;
    nkg:minCount 4 ;
    nkg:maxCount 4 ;
    nkg:isVague false ;
    nkg:victims "civilian" ;
    nkg:quote "four civilians" .
nkr:injured a nkg:CasualtyCount ;
    nkg:outcome nkg:Injured ;
    nkg:minCount 24 ;
    nkg:isVague true ;
    nkg:quote "dozens" .

nkr:talks a nkg:Meeting ;
    nkg:status "planned" ;
    nkg:participant nkr:minister , nkr:sylvania ;
    nkg:location nkr:port ;
    nkg:earliestDate "2031-03-16"^^xsd:date ;
    nkg:latestDate "2031-03-18"^^xsd:date ;
    nkg:dateText "early next week" ;
    nkg:evidence "Envoys are due to meet in Port Azure early next week." ;
    prov:wasDerivedFrom nkr:doc .

nkr:brokering a nkg:Mediation ;
    nkg:mediator nkr:envoy ;
    nkg:party nkr:freedonia , nkr:sylvania ;
    nkg:goal "ceasefire" ;
    nkg:evidence "Marsh is trying to broker a ceasefire between the two sides." ;
    prov:wasDerivedFrom nkr:doc .

nkr:demand a nkg:Demand ;
    rdfs:label "Freedonia withdraws its troops from the border" ;
    nkg:demandedBy nkr:sylvania ;
    nkg:rejectedBy nkr:freedonia ;
    nkg:evidence "Sylvania demands a withdrawal, which Freedonia rejects." ;
    prov:wasDerivedFrom nkr:doc .
"""


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_FILE)


def _data(update: str | None = None) -> Graph:
    g = Graph().parse(data=VALID, format="turtle")
    if update:
        g.update(update, initNs=PREFIXES)
    return g


def _results(report: Graph) -> list[tuple]:
    """(severity, focus node, path, source shape) of every result in a validation report."""
    return [
        (
            report.value(r, SH.resultSeverity),
            report.value(r, SH.focusNode),
            report.value(r, SH.resultPath),
            report.value(r, SH.sourceShape),
        )
        for r in report.subjects(RDF.type, SH.ValidationResult)
    ]


def _check(data: Graph, shapes: Graph, **kwargs) -> tuple[bool, list[tuple]]:
    conforms, report, _ = validate(data, shacl_graph=shapes, allow_warnings=True, **kwargs)
    return conforms, _results(report)


def test_shapes_valid_graph_conforms(shapes):
    conforms, results = _check(_data(), shapes)
    assert conforms, results
    assert results == []


def test_shapes_valid_graph_conforms_with_ontology_and_rdfs_inference(shapes):
    ontology = Graph().parse(ONTOLOGY_FILE).parse(WEAPONS_FILE)
    conforms, results = _check(_data(), shapes, ont_graph=ontology, inference="rdfs")
    assert conforms, results


@pytest.mark.parametrize("scheme", [WEAPONS_FILE, EVENT_TYPES_FILE], ids=lambda p: p.stem)
def test_shapes_scheme_in_data_conforms(shapes, scheme):
    data = _data()
    data.parse(scheme)
    conforms, results = _check(data, shapes)
    assert conforms, results


@pytest.mark.parametrize(
    ("literal_update", "name"),
    [
        ('DELETE { nkr:talks nkg:status ?s } INSERT { nkr:talks nkg:status "held"^^xsd:string } '
         "WHERE { nkr:talks nkg:status ?s }", "status typed xsd:string"),
        ('INSERT DATA { nkr:port skos:altLabel "Azure" , "the port city" }', "several altLabels"),
        ('INSERT DATA { nkr:strike prov:wasDerivedFrom nkr:doc2 . nkr:doc2 a nkg:Document ; '
         'nkg:sha256 "0000000000000000000000000000000000000000000000000000000000000000" ; '
         'nkg:source "https://example.org/b" . nkr:strike nkg:evidence "Another account of the strike." }',
         "event merged across two documents"),
        ("DELETE WHERE { nkr:talks nkg:earliestDate ?e ; nkg:latestDate ?l }", "undated event"),
        ('DELETE WHERE { nkr:strike nkg:weapon ?w ; nkg:attacker ?a ; nkg:target ?t ; nkg:eventType ?e }',
         "bare attack"),
        ("DELETE WHERE { nkr:killed nkg:minCount ?n ; nkg:maxCount ?m } ; "
         "INSERT DATA { nkr:killed nkg:minCount 0 ; nkg:maxCount 0 }", "stated zero"),
        ("DELETE WHERE { nkr:injured nkg:minCount ?n } ; INSERT DATA { nkr:injured nkg:minCount 0 }",
         "open count from zero"),
        ("DELETE DATA { nkr:strike nkg:eventType nket:AirDroneStrike } ; "
         "INSERT DATA { nkr:strike nkg:eventType nket:ExplosionsRemoteViolence }", "event type at group level"),
    ],
)
def test_shapes_acceptable_variants_conform(shapes, literal_update, name):
    conforms, results = _check(_data(literal_update), shapes)
    assert conforms, (name, results)


DEFECTS = [
    pytest.param(
        "DELETE { nkr:killed nkg:minCount ?n } INSERT { nkr:killed nkg:minCount -1 } WHERE { nkr:killed nkg:minCount ?n }",
        NKR.killed, NKG.minCount, id="negative-minCount",
    ),
    pytest.param(
        "DELETE { nkr:killed nkg:minCount ?n } INSERT { nkr:killed nkg:minCount 7 } WHERE { nkr:killed nkg:minCount ?n }",
        NKR.killed, NKG.minCount, id="min-above-max",
    ),
    pytest.param(
        'DELETE { nkr:killed nkg:minCount ?n } INSERT { nkr:killed nkg:minCount "4.0"^^xsd:decimal } '
        "WHERE { nkr:killed nkg:minCount ?n }",
        NKR.killed, NKG.minCount, id="minCount-not-integer",
    ),
    pytest.param(
        "INSERT DATA { nkr:injured nkg:minCount 30 }",
        NKR.injured, NKG.minCount, id="two-minCounts",
    ),
    pytest.param(
        "DELETE DATA { nkr:injured nkg:minCount 24 }",
        NKR.injured, NKG.minCount, id="no-minCount",
    ),
    pytest.param(
        "INSERT DATA { nkr:killed nkg:maxCount 5 }",
        NKR.killed, NKG.maxCount, id="two-maxCounts",
    ),
    pytest.param(
        "DELETE DATA { nkr:injured nkg:outcome nkg:Injured }",
        NKR.injured, NKG.outcome, id="no-outcome",
    ),
    pytest.param(
        "INSERT DATA { nkr:injured nkg:outcome nkg:Killed }",
        NKR.injured, NKG.outcome, id="two-outcomes",
    ),
    pytest.param(
        'DELETE DATA { nkr:injured nkg:outcome nkg:Injured } ; INSERT DATA { nkr:injured nkg:outcome "wounded" }',
        NKR.injured, NKG.outcome, id="outcome-not-individual",
    ),
    pytest.param(
        "DELETE DATA { nkr:strike nkg:casualties nkr:injured }",
        NKR.injured, None, id="count-without-attack",
    ),
    pytest.param(
        "DELETE WHERE { nkr:strike nkg:evidence ?e }",
        NKR.strike, NKG.evidence, id="attack-without-evidence",
    ),
    pytest.param(
        "DELETE WHERE { nkr:demand nkg:evidence ?e }",
        NKR.demand, NKG.evidence, id="demand-without-evidence",
    ),
    pytest.param(
        "DELETE WHERE { nkr:talks prov:wasDerivedFrom ?d }",
        NKR.talks, PROV.wasDerivedFrom, id="meeting-without-document",
    ),
    pytest.param(
        "INSERT DATA { nkr:brokering prov:wasDerivedFrom nkr:port }",
        NKR.brokering, PROV.wasDerivedFrom, id="derived-from-non-document",
    ),
    pytest.param(
        'DELETE { nkr:talks nkg:earliestDate ?d } INSERT { nkr:talks nkg:earliestDate "2031-03-19"^^xsd:date } '
        "WHERE { nkr:talks nkg:earliestDate ?d }",
        NKR.talks, NKG.earliestDate, id="earliest-after-latest",
    ),
    pytest.param(
        'DELETE { nkr:strike nkg:earliestDate ?d } INSERT { nkr:strike nkg:earliestDate "2031-03-13" } '
        "WHERE { nkr:strike nkg:earliestDate ?d }",
        NKR.strike, NKG.earliestDate, id="date-typed-as-string",
    ),
    pytest.param(
        'DELETE { nkr:strike nkg:latestDate ?d } INSERT { nkr:strike nkg:latestDate "2031-03-13T10:00:00"^^xsd:dateTime } '
        "WHERE { nkr:strike nkg:latestDate ?d }",
        NKR.strike, NKG.latestDate, id="date-typed-as-datetime",
    ),
    pytest.param(
        'INSERT DATA { nkr:talks nkg:latestDate "2031-03-20"^^xsd:date }',
        NKR.talks, NKG.latestDate, id="two-latest-dates",
    ),
    pytest.param(
        "DELETE WHERE { nkr:strike nkg:latestDate ?d }",
        NKR.strike, None, id="earliest-without-latest",
    ),
    pytest.param(
        'DELETE { nkr:talks nkg:status ?s } INSERT { nkr:talks nkg:status "rumoured" } WHERE { nkr:talks nkg:status ?s }',
        NKR.talks, NKG.status, id="bad-status",
    ),
    pytest.param(
        'INSERT DATA { nkr:talks nkg:status "held" }',
        NKR.talks, NKG.status, id="two-statuses",
    ),
    pytest.param(
        'INSERT DATA { nkr:port rdfs:label "Azure Port" }',
        NKR.port, RDFS.label, id="place-with-two-labels",
    ),
    pytest.param(
        'INSERT DATA { nkr:minister rdfs:label "Ada Quill"@en }',
        NKR.minister, RDFS.label, id="person-with-tagged-second-label",
    ),
    pytest.param(
        "DELETE WHERE { nkr:army rdfs:label ?l }",
        NKR.army, RDFS.label, id="organization-without-label",
    ),
    pytest.param(
        "DELETE DATA { nkr:minister nkg:affiliation nkr:freedonia } ; INSERT DATA { nkr:minister nkg:affiliation nkr:port }",
        NKR.minister, NKG.affiliation, id="affiliation-not-agent",
    ),
    pytest.param(
        "INSERT DATA { nkr:talks nkg:participant nkr:coastal }",
        NKR.talks, NKG.participant, id="participant-not-agent",
    ),
    pytest.param(
        "INSERT DATA { nkr:strike nkg:attacker nkr:port }",
        NKR.strike, NKG.attacker, id="attacker-not-agent",
    ),
    pytest.param(
        "INSERT DATA { nkr:strike nkg:location nkr:minister }",
        NKR.strike, NKG.location, id="location-not-place",
    ),
    pytest.param(
        "INSERT DATA { nkr:coastal nkg:country nkr:army }",
        NKR.coastal, NKG.country, id="country-not-country",
    ),
    pytest.param(
        'INSERT DATA { nkr:strike nkg:weapon "drone" }',
        NKR.strike, NKG.weapon, id="weapon-as-literal",
    ),
    pytest.param(
        "INSERT DATA { nkr:strike nkg:eventType nket:ArmedViolence }",
        NKR.strike, NKG.eventType, id="two-event-types",
    ),
    pytest.param(
        'INSERT DATA { nkr:strike nkg:eventType "air/drone strike" }',
        NKR.strike, NKG.eventType, id="event-type-as-literal",
    ),
    pytest.param(
        "DELETE DATA { nkr:strike nkg:eventType nket:AirDroneStrike } ; "
        "INSERT DATA { nkr:strike nkg:eventType nkr:port }",
        NKR.strike, NKG.eventType, id="event-type-not-concept",
    ),
    pytest.param(
        "DELETE WHERE { nket:AirDroneStrike skos:prefLabel ?l }",
        NKET.AirDroneStrike, PREFIXES["skos"].prefLabel, id="event-type-without-label",
    ),
    pytest.param(
        'INSERT DATA { nket:AirDroneStrike skos:prefLabel "frappe aérienne"@fr }',
        NKET.AirDroneStrike, PREFIXES["skos"].prefLabel, id="event-type-two-labels",
    ),
    pytest.param(
        "DELETE WHERE { nkr:doc nkg:sha256 ?h }",
        NKR.doc, NKG.sha256, id="document-without-sha256",
    ),
    pytest.param(
        'DELETE WHERE { nkr:doc nkg:sha256 ?h } ; INSERT DATA { nkr:doc nkg:sha256 "ABC123" }',
        NKR.doc, NKG.sha256, id="malformed-sha256",
    ),
    pytest.param(
        "DELETE WHERE { nkr:doc nkg:source ?s }",
        NKR.doc, NKG.source, id="document-without-source",
    ),
    pytest.param(
        "DELETE WHERE { nkr:demand rdfs:label ?l }",
        NKR.demand, RDFS.label, id="demand-without-label",
    ),
]


@pytest.mark.parametrize(("update", "focus", "path"), DEFECTS)
def test_shapes_defect_is_a_violation(shapes, update, focus, path):
    conforms, results = _check(_data(update), shapes)
    assert not conforms
    violations = [(f, p) for severity, f, p, _ in results if severity == SH.Violation]
    assert violations, results
    if path is None:
        assert focus in {f for f, _ in violations}, violations
    else:
        assert (focus, path) in violations, violations


def test_shapes_count_without_attack_reports_inverse_path(shapes):
    _, results = _check(_data("DELETE DATA { nkr:strike nkg:casualties nkr:injured }"), shapes)
    paths = [p for severity, focus, p, _ in results if focus == NKR.injured and severity == SH.Violation]
    assert len(paths) == 1 and isinstance(paths[0], BNode)


def test_shapes_attack_without_location_is_only_a_warning(shapes):
    data = _data("DELETE WHERE { nkr:strike nkg:location ?p }")
    conforms, results = _check(data, shapes)
    assert conforms
    assert results == [(SH.Warning, NKR.strike, NKG.location, results[0][3])]
    strict, _, text = validate(data, shacl_graph=shapes, allow_warnings=False)
    assert not strict and "attack without nkg:location" in text


@pytest.mark.parametrize(
    ("update", "focus", "path"),
    [
        ('DELETE WHERE { nkr:killed nkg:victims ?v } ; INSERT DATA { nkr:killed nkg:victims "Civilian" }',
         NKR.killed, NKG.victims),
        ("DELETE WHERE { nkr:brokering nkg:mediator ?m }", NKR.brokering, NKG.mediator),
    ],
)
def test_shapes_incomplete_data_is_a_warning(shapes, update, focus, path):
    conforms, results = _check(_data(update), shapes)
    assert conforms
    assert [(s, f, p) for s, f, p, _ in results] == [(SH.Warning, focus, path)]


def test_shapes_valid_graph_round_trips_through_turtle(shapes):
    text = _data().serialize(format="turtle")
    conforms, results = _check(Graph().parse(data=text, format="turtle"), shapes)
    assert conforms, results
    assert Literal("planned") in set(Graph().parse(data=text, format="turtle").objects(NKR.talks, NKG.status))
