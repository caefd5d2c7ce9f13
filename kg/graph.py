"""Records -> RDF triples in the newskg vocabulary.

Pure mapping: each function takes records and yields ``(s, p, o)`` triples; no
global graph and no I/O. Things get IRIs from their normalised keys, so the same
thing in several documents is one node; events get IRIs from their document
and their evidence offsets.
"""

from __future__ import annotations

from typing import Iterator

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.iri import external, geonames, mint
from kg.lexicon import event_types, weapon_lexicon
from kg.read import Article
from kg.resolve.dates import DateWindow
from kg.records import (
    CITY, COUNTRY, ORGANIZATION, PERSON, PLACE, REGION,
    AttackRecord, DemandRecord, DocRecords, Entity, Evidence, MediationRecord, MeetingRecord,
)
from kg.vocab import NKG, PREFIXES

Triple = tuple[URIRef | BNode, URIRef, URIRef | Literal | BNode]

KIND_CLASS = {
    PERSON: NKG.Person,
    ORGANIZATION: NKG.Organization,
    COUNTRY: NKG.Country,
    CITY: NKG.City,
    REGION: NKG.Region,
    PLACE: NKG.Place,
}
OUTCOME = {"Killed": NKG.Killed, "Injured": NKG.Injured}


def new_graph() -> Graph:
    """An empty graph with the project's prefixes (only rdflib's core ones besides: binding all
    of rdflib's defaults costs more than building a short article's triples)."""
    g = Graph(bind_namespaces="core")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


def entity_iri(entity: Entity) -> URIRef:
    kind, _, rest = entity.key.partition(":")
    if entity.kind == COUNTRY:
        return mint("country", rest)
    if entity.kind in {CITY, REGION, PLACE} and entity.geonames_id:
        return mint("place", entity.geonames_id)
    if entity.kind in {CITY, REGION, PLACE}:
        return mint("place", entity.label, (entity.country_key or "").partition(":")[2])
    if entity.kind == PERSON:
        return mint("person", rest)
    return mint("org", entity.label)


def document_iri(article: Article) -> URIRef:
    return mint("doc", article.doc_id)


def document_triples(article: Article) -> Iterator[Triple]:
    d = document_iri(article)
    yield d, RDF.type, NKG.Document
    yield d, NKG.source, Literal(article.source)
    yield d, NKG.sha256, Literal(article.sha256)
    if article.published:
        yield d, NKG.published, Literal(article.published.isoformat(), datatype=XSD.date)
    if article.title:
        yield d, NKG.title, Literal(article.title)


def entity_triples(entities: dict[str, Entity]) -> Iterator[Triple]:
    for ent in entities.values():
        s = entity_iri(ent)
        yield s, RDF.type, KIND_CLASS[ent.kind]
        yield s, RDFS.label, Literal(ent.label)
        for alias in sorted(ent.aliases):
            if alias != ent.label:
                yield s, SKOS.altLabel, Literal(alias)
        for reason in sorted(ent.merge_reasons):
            yield s, NKG.mergeReason, Literal(reason)
        if ent.geonames_id:
            yield s, OWL.sameAs, geonames(ent.geonames_id)
        if ent.country_key and ent.country_key in entities and ent.country_key != ent.key:
            pred = NKG.basedIn if ent.kind == ORGANIZATION else NKG.country
            yield s, pred, entity_iri(entities[ent.country_key])
        if ent.region_key and ent.region_key in entities and ent.region_key != ent.key:
            yield s, NKG.region, entity_iri(entities[ent.region_key])  # "X (District, Region)"
        for role in ent.roles[:1]:
            yield s, NKG.role, Literal(role)
        if ent.affiliation_key and ent.affiliation_key in entities:
            yield s, NKG.affiliation, entity_iri(entities[ent.affiliation_key])


def _event_common(s: URIRef, cls: URIRef, evidence: tuple[Evidence, ...], date: DateWindow | None,
                  doc: URIRef) -> Iterator[Triple]:
    yield s, RDF.type, cls
    yield s, PROV.wasDerivedFrom, doc
    yield s, NKG.evidence, Literal(" ".join(e.text for e in evidence))
    if date is not None:
        yield s, NKG.earliestDate, Literal(date.earliest.isoformat(), datatype=XSD.date)
        yield s, NKG.latestDate, Literal(date.latest.isoformat(), datatype=XSD.date)
        if date.text:
            yield s, NKG.dateText, Literal(date.text)


def _event_key(article: Article, evidence: tuple[Evidence, ...], n: int) -> tuple[str, str]:
    first = evidence[0].start if evidence else 0
    return article.doc_id, f"{first}-{n}"


def _event_iri(kind: str, article: Article, evidence: tuple[Evidence, ...], n: int) -> URIRef:
    return mint(kind, *_event_key(article, evidence, n))


def event_type_triples(s: URIRef, name: str) -> Iterator[Triple]:
    """``s nkg:eventType <concept>``, and the concept with its label and its broader chain
    up to the top concept, so that ``nkg:eventType/skos:broader*`` groups attacks without
    the scheme being loaded."""
    types = event_types()
    if name not in types:
        raise ValueError(f"unknown event type {name!r}: not a concept of ontology/event-types.ttl "
                         f"(known: {', '.join(sorted(types))})")
    yield s, NKG.eventType, URIRef(types[name].iri)
    concept = types[name]
    while True:
        c = URIRef(concept.iri)
        yield c, RDF.type, SKOS.Concept
        yield c, SKOS.prefLabel, Literal(concept.label, lang="en")
        if not concept.broader:
            break
        parent = types[concept.broader[0]]
        yield c, SKOS.broader, URIRef(parent.iri)
        concept = parent


def attack_triples(a: AttackRecord, n: int, article: Article, ents: dict[str, Entity]) -> Iterator[Triple]:
    s = _event_iri("attack", article, a.evidence, n)
    yield from _event_common(s, NKG.Attack, a.evidence, a.date, document_iri(article))
    for key in a.locations:
        yield s, NKG.location, entity_iri(ents[key])
    labels = weapon_lexicon().pref_label
    for concept in a.weapons:
        w = external(concept)
        yield s, NKG.weapon, w
        # the concept travels with the graph, so queries need not load the scheme
        yield w, RDF.type, NKG.Weapon
        yield w, RDF.type, SKOS.Concept
        if concept in labels:
            yield w, SKOS.prefLabel, Literal(labels[concept], lang="en")
    if a.event_type:
        yield from event_type_triples(s, a.event_type)
    for target in a.targets:
        yield s, NKG.target, Literal(target)
    for key in a.attackers:
        yield s, NKG.attacker, entity_iri(ents[key])
    for text in a.attacker_descriptions:
        yield s, NKG.attackerDescription, Literal(text)
    for key in a.attacked:
        yield s, NKG.attackedSide, entity_iri(ents[key])
    for key in a.reported_by:
        yield s, NKG.reportedBy, entity_iri(ents[key])
    if a.aggregate:
        yield s, NKG.isAggregate, Literal(True)
    for i, c in enumerate(a.casualties):
        cs = mint("attack", *_event_key(article, a.evidence, n), "count", i)
        yield s, NKG.casualties, cs
        yield cs, RDF.type, NKG.CasualtyCount
        yield cs, PROV.wasDerivedFrom, document_iri(article)  # each document's count is its own claim
        yield cs, NKG.outcome, OUTCOME[c.outcome]
        yield cs, NKG.minCount, Literal(c.min, datatype=XSD.integer)
        if c.max is not None:
            yield cs, NKG.maxCount, Literal(c.max, datatype=XSD.integer)
        yield cs, NKG.isVague, Literal(c.vague)
        yield cs, NKG.quote, Literal(c.quote)
        if c.victims:
            yield cs, NKG.victims, Literal(c.victims)


def meeting_triples(m: MeetingRecord, n: int, article: Article, ents: dict[str, Entity]) -> Iterator[Triple]:
    s = _event_iri("meeting", article, m.evidence, n)
    yield from _event_common(s, NKG.Meeting, m.evidence, m.date, document_iri(article))
    yield s, NKG.status, Literal(m.status)
    if m.location:
        yield s, NKG.location, entity_iri(ents[m.location])
    for key in m.participants:
        yield s, NKG.participant, entity_iri(ents[key])
    if m.modality:
        yield s, NKG.modality, Literal(m.modality)
    if m.host and m.host in ents:
        yield s, NKG.host, entity_iri(ents[m.host])


def mediation_triples(m: MediationRecord, n: int, article: Article, ents: dict[str, Entity],
                      meetings: list[URIRef] = ()) -> Iterator[Triple]:
    s = _event_iri("mediation", article, m.evidence, n)
    yield from _event_common(s, NKG.Mediation, m.evidence, None, document_iri(article))
    for key in m.mediators:
        yield s, NKG.mediator, entity_iri(ents[key])
    for key in m.parties:
        yield s, NKG.party, entity_iri(ents[key])
    for goal in m.goals:
        yield s, NKG.goal, Literal(goal)
    for i in m.meetings:
        if i < len(meetings):
            yield s, NKG.organizes, meetings[i]


def demand_triples(d: DemandRecord, n: int, article: Article, ents: dict[str, Entity]) -> Iterator[Triple]:
    s = _event_iri("demand", article, d.evidence, n)
    yield from _event_common(s, NKG.Demand, d.evidence, None, document_iri(article))
    yield s, RDFS.label, Literal(d.label)
    for key in d.demanded_by:
        yield s, NKG.demandedBy, entity_iri(ents[key])
    for key in d.rejected_by:
        yield s, NKG.rejectedBy, entity_iri(ents[key])
    for key in d.addressed_to:
        yield s, NKG.addressedTo, entity_iri(ents[key])


def record_triples(article: Article, records: DocRecords) -> Iterator[Triple]:
    """All triples of one document's records."""
    ents = records.entities
    yield from document_triples(article)
    yield from entity_triples(ents)
    for n, a in enumerate(records.attacks):
        yield from attack_triples(a, n, article, ents)
    for n, m in enumerate(records.meetings):
        yield from meeting_triples(m, n, article, ents)
    meetings = [_event_iri("meeting", article, m.evidence, n) for n, m in enumerate(records.meetings)]
    for n, m in enumerate(records.mediations):
        yield from mediation_triples(m, n, article, ents, meetings)
    for n, d in enumerate(records.demands):
        yield from demand_triples(d, n, article, ents)


def merge_labels(graph: Graph) -> None:
    """Keep exactly one rdfs:label per thing when documents disagree: the longest wins,
    the others become skos:altLabel."""
    things = set(graph.subjects(RDF.type, NKG.Person)) | set(graph.subjects(RDF.type, NKG.Organization)) \
        | set(graph.subjects(RDF.type, NKG.Place)) | set(graph.subjects(RDF.type, NKG.City)) \
        | set(graph.subjects(RDF.type, NKG.Region)) | set(graph.subjects(RDF.type, NKG.Country))
    for s in things:
        labels = sorted(graph.objects(s, RDFS.label), key=lambda l: (-len(str(l)), str(l)))
        for extra in labels[1:]:
            graph.remove((s, RDFS.label, extra))
            graph.add((s, SKOS.altLabel, extra))
        roles = sorted(graph.objects(s, NKG.role), key=str)
        for extra in roles[1:]:
            graph.remove((s, NKG.role, extra))
