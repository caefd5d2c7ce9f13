"""The vocabulary of the graph: namespaces, the NKG term class and the prefix table.

``NKG`` mirrors ``ontology/newskg.ttl`` term for term (a test keeps them in step);
with ``_fail = True`` a misspelt term raises ``AttributeError`` instead of minting
a wrong IRI. Weapon concepts live in the SKOS scheme ``ontology/weapons.ttl`` and
are addressed through the open namespace ``NKW``; the kinds of violence an attack
can be (``nkg:eventType``) live in ``ontology/event-types.ttl`` under ``NKET``.
This is the one Python module that spells out the ontology's IRI.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

ONTOLOGY_DIR: Path = Path(__file__).parent / "ontology"
ONTOLOGY_FILE: Path = ONTOLOGY_DIR / "newskg.ttl"
WEAPONS_FILE: Path = ONTOLOGY_DIR / "weapons.ttl"
EVENT_TYPES_FILE: Path = ONTOLOGY_DIR / "event-types.ttl"
SHAPES_FILE: Path = ONTOLOGY_DIR / "shapes.ttl"

_BASE = Namespace("https://w3id.org/newskg/")
ONTOLOGY: URIRef = _BASE["ontology"]  # the owl:Ontology itself

NKR = Namespace("https://w3id.org/newskg/resource/")  # things the builder mints
NKW = Namespace("https://w3id.org/newskg/weapon/")  # weapon concepts (SKOS scheme)
WEAPON_SCHEME: URIRef = NKW[""]  # the skos:ConceptScheme of weapons
NKET = Namespace("https://w3id.org/newskg/event-type/")  # event-type concepts (SKOS scheme)
EVENT_TYPE_SCHEME: URIRef = NKET[""]  # the skos:ConceptScheme of event types
EVENT_TYPE_TOP: URIRef = NKET["ArmedViolence"]  # its one top concept
ACLED = Namespace("https://w3id.org/newskg/ext/acled#")  # ACLED event types, as mapping targets
CAMEO = Namespace("https://w3id.org/newskg/ext/cameo#")  # CAMEO event codes, as mapping targets
SCHEMA = Namespace("https://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")


class NKG(DefinedNamespace):
    """Terms of the newskg ontology (``ontology/newskg.ttl``)."""

    _NS = Namespace(f"{ONTOLOGY}#")
    _fail = True

    # Things: agents and places
    Agent: URIRef  # anything that acts: superclass of Person, Organization, Country
    Person: URIRef  # a named human
    Organization: URIRef  # government body, agency, armed group, company, alliance
    Country: URIRef  # a state as an actor and a place (subclass of Agent and Place)
    Place: URIRef  # a location; City and Region are subclasses
    City: URIRef  # a city, town or village
    Region: URIRef  # a region, province, oblast, district or territory
    role: URIRef  # Person -> literal: title or office as written
    affiliation: URIRef  # Person -> Agent: the country or organization the person acts for
    country: URIRef  # Place -> Country: the country a city or region lies in
    region: URIRef  # Place -> Region: the region a city lies in
    basedIn: URIRef  # Organization -> Country: the country an organization belongs to
    mergeReason: URIRef  # annotation: why several surface forms were merged into one node

    # Events
    Event: URIRef  # superclass of Attack, Meeting, Mediation, Demand
    Attack: URIRef  # one strike, shelling, bombing, raid or assault at one place and time
    Meeting: URIRef  # talks, a summit or a visit, held or planned
    Mediation: URIRef  # a third party's effort to broker an agreement between parties
    Demand: URIRef  # a condition or demand one agent puts to others
    location: URIRef  # Event -> Place: where it happened or will happen
    earliestDate: URIRef  # Event -> xsd:date: first day of the window it falls in
    latestDate: URIRef  # Event -> xsd:date: last day of the window it falls in
    dateText: URIRef  # Event -> literal: the words the date came from
    evidence: URIRef  # Event -> literal: a source sentence, verbatim
    Excerpt: URIRef  # the sentence(s) one document gives of a merged event, with that document
    excerpt: URIRef  # Event -> Excerpt: one per document behind a merged event
    excerptText: URIRef  # Excerpt -> literal: the sentence(s), verbatim

    # Attacks
    Weapon: URIRef  # a weapon concept of the SKOS scheme (subclass of skos:Concept)
    weapon: URIRef  # Attack -> Weapon: what was used
    eventType: URIRef  # Attack -> skos:Concept of the event-type scheme: the kind of violence
    target: URIRef  # Attack -> literal: what was hit, as written
    attacker: URIRef  # Attack -> Agent: who attacked
    attackedSide: URIRef  # Attack -> Agent: the side an attack was aimed at, the other side of a clash
    attackerDescription: URIRef  # Attack -> string: an unnamed attacker as told ("unidentified gunmen")
    reportedBy: URIRef  # Attack -> Agent: who gave the figures
    casualties: URIRef  # Attack -> CasualtyCount: one node per stated count
    casualtyClaim: URIRef  # Attack -> CasualtyCount: a count stated by one document behind a merged attack
    isAggregate: URIRef  # Attack -> xsd:boolean: a summary of several strikes

    # Casualty counts
    CasualtyCount: URIRef  # one stated count of people killed or injured
    Outcome: URIRef  # the class of Killed and Injured
    Killed: URIRef  # outcome: the people counted died
    Injured: URIRef  # outcome: the people counted were injured
    outcome: URIRef  # CasualtyCount -> Outcome: Killed or Injured
    minCount: URIRef  # CasualtyCount -> xsd:integer: lower bound of the count
    maxCount: URIRef  # CasualtyCount -> xsd:integer: upper bound, absent when open
    isVague: URIRef  # CasualtyCount -> xsd:boolean: from a word like "dozens"
    victims: URIRef  # CasualtyCount -> literal: who, as a lower-case singular noun
    quote: URIRef  # CasualtyCount -> literal: the words the count came from
    reconciled: URIRef  # CasualtyCount -> xsd:boolean: made from several documents' claims
    reconciledFrom: URIRef  # CasualtyCount -> CasualtyCount: a claim a reconciled count was made from

    # Mediation, meetings, demands
    mediator: URIRef  # Mediation -> Agent: the mediating state, organization or person
    party: URIRef  # Mediation -> Agent: one side
    goal: URIRef  # Mediation -> literal: "peace agreement", "ceasefire"
    organizes: URIRef  # Mediation -> Meeting: talks it brings about
    participant: URIRef  # Meeting -> Agent: who takes part
    status: URIRef  # Meeting -> literal: "held", "planned", "cancelled" or "postponed"
    modality: URIRef  # Meeting -> literal: "in person", "phone" or "video"
    host: URIRef  # Meeting -> Agent: the state or organization hosting it, not a side
    demandedBy: URIRef  # Demand -> Agent: who makes the demand
    rejectedBy: URIRef  # Demand -> Agent: who rejects it
    addressedTo: URIRef  # Demand -> Agent: whom it is put to

    # Documents
    Document: URIRef  # a text the graph was read from
    published: URIRef  # Document -> xsd:date: publication date
    source: URIRef  # Document -> literal: path or URL as given
    title: URIRef  # Document -> literal: headline, where known
    sha256: URIRef  # Document -> literal: SHA-256 of the text


# Meeting status values (nkg:status)
HELD = "held"
PLANNED = "planned"
CANCELLED = "cancelled"
POSTPONED = "postponed"
MEETING_STATUSES = (HELD, PLANNED, CANCELLED, POSTPONED)

# Meeting modalities (nkg:modality)
IN_PERSON = "in person"
PHONE = "phone"
VIDEO = "video"

PREFIXES: dict[str, Namespace] = {
    "nkg": NKG._NS,
    "nkr": NKR,
    "nkw": NKW,
    "nket": NKET,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
    "skos": Namespace(str(SKOS)),
    "prov": Namespace(str(PROV)),
    "schema": SCHEMA,
    "sem": SEM,
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind every prefix of ``PREFIXES`` on ``graph`` (replacing rdflib's defaults) and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def sparql_prologue() -> str:
    """The ``PREFIX`` lines for every entry of ``PREFIXES``, to prepend to a query."""
    return "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())
