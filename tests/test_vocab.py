"""The vocabulary module, the OWL ontology and the SKOS weapon and event-type schemes agree with each other and with the spec."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

import kg
from kg.lexicon import event_types
from kg.vocab import (
    ACLED,
    CAMEO,
    EVENT_TYPE_SCHEME,
    EVENT_TYPE_TOP,
    EVENT_TYPES_FILE,
    NKET,
    NKG,
    NKR,
    NKW,
    ONTOLOGY,
    ONTOLOGY_DIR,
    ONTOLOGY_FILE,
    PREFIXES,
    SHAPES_FILE,
    WEAPON_SCHEME,
    WEAPONS_FILE,
    bind_prefixes,
    sparql_prologue,
)

SPEC = Path(__file__).parents[1].parent / "shared" / "spec" / "ontology-core.md"
WDT = Namespace("http://www.wikidata.org/prop/direct/")
SEM = PREFIXES["sem"]
XSD = PREFIXES["xsd"]
NKG_NS = str(NKG._NS)
TERMS = sorted(NKG.__annotations__)
TERM_KINDS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.NamedIndividual}
PROPERTY_KINDS = {OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY_FILE)


@pytest.fixture(scope="module")
def weapons() -> Graph:
    return Graph().parse(WEAPONS_FILE)


@pytest.fixture(scope="module")
def etypes() -> Graph:
    return Graph().parse(EVENT_TYPES_FILE)


def _spec_terms() -> list[str]:
    if not SPEC.exists():
        return []
    return sorted(set(re.findall(r"`nkg:(\w+)`", SPEC.read_text(encoding="utf-8"))))


def _concepts(g: Graph) -> set:
    return set(g.subjects(RDF.type, SKOS.Concept))


def _concept_of(g: Graph, label: str):
    hits = {c for p in (SKOS.prefLabel, SKOS.altLabel) for c, o in g.subject_objects(p) if str(o) == label}
    assert len(hits) == 1, (label, hits)
    return hits.pop()


def _pref(g: Graph, concept) -> str:
    return str(g.value(concept, SKOS.prefLabel))


# --- the ontology and the NKG class ---------------------------------------------------


def test_vocab_ontology_files_found_through_package():
    assert ONTOLOGY_DIR == Path(kg.__file__).parent / "ontology"
    for path in (ONTOLOGY_FILE, WEAPONS_FILE, EVENT_TYPES_FILE, SHAPES_FILE):
        assert path.is_file(), path


@pytest.mark.parametrize("name", ["newskg.ttl", "weapons.ttl", "event-types.ttl", "shapes.ttl"])
def test_vocab_ontology_files_are_package_data(name):
    from importlib import resources

    assert resources.files("kg").joinpath("ontology", name).is_file()
    pyproject = (Path(kg.__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    assert '"ontology/*.ttl"' in pyproject


def test_vocab_nkg_class_and_ontology_list_same_terms(onto):
    used = {
        str(t)[len(NKG_NS):] for triple in onto for t in triple if isinstance(t, URIRef) and t.startswith(NKG_NS)
    }
    defined = {str(s)[len(NKG_NS):] for s in onto.subjects() if str(s).startswith(NKG_NS)}
    assert used == defined, "terms used but not defined in newskg.ttl"
    assert defined == set(TERMS)


def test_vocab_ontology_header(onto):
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in onto
    assert str(NKG._NS) == f"{ONTOLOGY}#"
    for prop in (OWL.versionInfo, OWL.versionIRI, RDFS.label, RDFS.comment):
        assert onto.value(ONTOLOGY, prop) is not None, prop
    licenses = {str(o) for p, o in onto.predicate_objects(ONTOLOGY) if str(p).endswith("license")}
    assert any("MIT" in lic for lic in licenses)


def test_vocab_spec_lists_terms():
    if not SPEC.exists():
        pytest.skip(f"{SPEC} not available")
    assert len(_spec_terms()) >= 40


@pytest.mark.parametrize("term", _spec_terms())
def test_vocab_spec_term_defined_with_label_and_comment(onto, term):
    iri = NKG[term]  # raises AttributeError if the class lacks it
    assert onto.value(iri, RDFS.label) is not None
    assert onto.value(iri, RDFS.comment) is not None


@pytest.mark.parametrize("term", TERMS)
def test_vocab_term_typed_labelled_and_commented(onto, term):
    iri = NKG[term]
    kinds = set(onto.objects(iri, RDF.type)) & TERM_KINDS
    assert kinds, f"{term} has no OWL type"
    labels = list(onto.objects(iri, RDFS.label))
    assert len(labels) == 1 and labels[0].language == "en"
    comments = list(onto.objects(iri, RDFS.comment))
    assert len(comments) == 1 and len(comments[0]) > 10
    if kinds & PROPERTY_KINDS:
        assert onto.value(iri, RDFS.range) is not None, f"{term} has no range"
        assert onto.value(iri, RDFS.domain) is not None, f"{term} has no domain"


@pytest.mark.parametrize("term", [t for t in TERMS if t[0].islower()])
def test_vocab_property_kind_matches_range(onto, term):
    iri = NKG[term]
    rng = onto.value(iri, RDFS.range)
    kinds = set(onto.objects(iri, RDF.type))
    if OWL.ObjectProperty in kinds:
        assert (rng, RDF.type, OWL.Class) in onto, f"{term}: object property whose range is not a class"
    elif OWL.DatatypeProperty in kinds:
        assert str(rng).startswith(str(XSD)), f"{term}: datatype property whose range is not an XSD type"
    else:
        assert OWL.AnnotationProperty in kinds


@pytest.mark.parametrize(
    ("term", "domain", "range_"),
    [
        ("role", NKG.Person, XSD.string),
        ("affiliation", NKG.Person, NKG.Agent),
        ("country", NKG.Place, NKG.Country),
        ("region", NKG.Place, NKG.Region),
        ("basedIn", NKG.Organization, NKG.Country),
        ("location", NKG.Event, NKG.Place),
        ("earliestDate", NKG.Event, XSD.date),
        ("latestDate", NKG.Event, XSD.date),
        ("evidence", NKG.Event, XSD.string),
        ("weapon", NKG.Attack, NKG.Weapon),
        ("eventType", NKG.Attack, PREFIXES["skos"].Concept),
        ("attacker", NKG.Attack, NKG.Agent),
        ("casualties", NKG.Attack, NKG.CasualtyCount),
        ("isAggregate", NKG.Attack, XSD.boolean),
        ("casualtyClaim", NKG.Attack, NKG.CasualtyCount),
        ("reconciled", NKG.CasualtyCount, XSD.boolean),
        ("reconciledFrom", NKG.CasualtyCount, NKG.CasualtyCount),
        ("outcome", NKG.CasualtyCount, NKG.Outcome),
        ("minCount", NKG.CasualtyCount, XSD.integer),
        ("maxCount", NKG.CasualtyCount, XSD.integer),
        ("isVague", NKG.CasualtyCount, XSD.boolean),
        ("mediator", NKG.Mediation, NKG.Agent),
        ("participant", NKG.Meeting, NKG.Agent),
        ("status", NKG.Meeting, XSD.string),
        ("demandedBy", NKG.Demand, NKG.Agent),
        ("published", NKG.Document, XSD.date),
        ("sha256", NKG.Document, XSD.string),
    ],
)
def test_vocab_domain_and_range(onto, term, domain, range_):
    assert onto.value(NKG[term], RDFS.domain) == domain
    assert onto.value(NKG[term], RDFS.range) == range_


@pytest.mark.parametrize(
    ("sub", "supers"),
    [
        (NKG.Person, {NKG.Agent}),
        (NKG.Organization, {NKG.Agent}),
        (NKG.Country, {NKG.Agent, NKG.Place}),
        (NKG.City, {NKG.Place}),
        (NKG.Region, {NKG.Place}),
        (NKG.Attack, {NKG.Event}),
        (NKG.Meeting, {NKG.Event}),
        (NKG.Mediation, {NKG.Event}),
        (NKG.Demand, {NKG.Event}),
        (NKG.Weapon, {SKOS.Concept}),
        (NKG.Document, {PREFIXES["prov"].Entity}),
        (NKG.Event, {PREFIXES["prov"].Entity, SEM.Event, PREFIXES["schema"].Event}),
        (NKG.Agent, {PREFIXES["prov"].Agent, SEM.Actor}),
        (NKG.Place, {SEM.Place, PREFIXES["schema"].Place}),
    ],
)
def test_vocab_class_hierarchy_and_alignment(onto, sub, supers):
    assert supers <= set(onto.objects(sub, RDFS.subClassOf))


@pytest.mark.parametrize(
    ("term", "wikidata"),
    [("location", "P276"), ("participant", "P710"), ("attacker", "P8031"), ("country", "P17")],
)
def test_vocab_wikidata_subproperty(onto, term, wikidata):
    assert (NKG[term], RDFS.subPropertyOf, WDT[wikidata]) in onto


@pytest.mark.parametrize("term", ["minCount", "maxCount", "earliestDate", "latestDate"])
def test_vocab_counts_and_windows_not_equated_with_wikidata(onto, term):
    related = {o for p in (RDFS.subPropertyOf, OWL.equivalentProperty) for o in onto.objects(NKG[term], p)}
    assert not {o for o in related if str(o).startswith(str(WDT))}
    assert {o for o in onto.objects(NKG[term], RDFS.seeAlso) if str(o).startswith(str(WDT))}


def test_vocab_outcome_individuals(onto):
    assert set(onto.subjects(RDF.type, NKG.Outcome)) == {NKG.Killed, NKG.Injured}
    assert (NKG.Killed, RDFS.seeAlso, WDT.P1120) in onto
    assert (NKG.Injured, RDFS.seeAlso, WDT.P1339) in onto


def test_vocab_status_values_documented(onto):
    comment = str(onto.value(NKG.status, RDFS.comment))
    assert '"held"' in comment and '"planned"' in comment


@pytest.mark.parametrize("name", ["Atack", "mincount", "Weapons", "geonamesId", "killed"])
def test_vocab_unknown_term_raises(name):
    with pytest.raises(AttributeError):
        getattr(NKG, name)
    with pytest.raises(AttributeError):
        NKG[name]


def test_vocab_open_namespaces_mint_freely():
    assert str(NKW.glide_bomb) == "https://w3id.org/newskg/weapon/glide_bomb"
    assert str(NKR["attack/abc"]).startswith("https://w3id.org/newskg/resource/")
    assert WEAPON_SCHEME == NKW[""]


def test_vocab_prefixes_cover_expected_names():
    assert set(PREFIXES) == {"nkg", "nkr", "nkw", "nket", "rdfs", "skos", "owl", "prov", "xsd", "rdf", "schema", "sem"}
    assert PREFIXES["nkg"] == NKG._NS
    assert all(isinstance(ns, Namespace) for ns in PREFIXES.values())


def test_vocab_bind_prefixes_serializes_with_nkg():
    g = bind_prefixes(Graph())
    g.add((NKR.attack_1, RDF.type, NKG.Attack))
    g.add((NKR.attack_1, NKG.weapon, NKW.drone))
    text = g.serialize(format="turtle")
    assert "nkg:Attack" in text and "nkw:drone" in text and "nkr:" in text


def test_vocab_prefixes_predeclare_sparql():
    g = Graph()
    g.add((NKR["attack/1"], RDF.type, NKG.Attack))
    g.add((NKR["attack/1"], NKG.weapon, NKW.drone))
    g.add((NKR["attack/1"], NKG.eventType, NKET.AirDroneStrike))
    query = "SELECT ?a WHERE { ?a a nkg:Attack ; nkg:weapon nkw:drone ; nkg:eventType nket:AirDroneStrike }"
    assert len(list(g.query(query, initNs=PREFIXES))) == 1
    assert len(list(g.query(sparql_prologue() + query))) == 1


def test_vocab_only_module_holding_ontology_iri():
    package = Path(kg.__file__).parent
    holders = {
        path.relative_to(package).as_posix()
        for path in package.rglob("*.py")
        if str(ONTOLOGY) in path.read_text(encoding="utf-8")
    }
    assert holders <= {"vocab.py"}


# --- the weapon scheme ----------------------------------------------------------------


def test_vocab_weapon_scheme_parses(weapons):
    assert (WEAPON_SCHEME, RDF.type, SKOS.ConceptScheme) in weapons
    assert len(_concepts(weapons)) >= 20


def test_vocab_weapon_concepts_typed_and_in_scheme(weapons):
    for concept in _concepts(weapons):
        assert str(concept).startswith(str(NKW)), concept
        assert (concept, RDF.type, NKG.Weapon) in weapons, concept
        assert (concept, SKOS.inScheme, WEAPON_SCHEME) in weapons, concept
    assert set(weapons.subjects(RDF.type, NKG.Weapon)) == _concepts(weapons)


def test_vocab_weapon_concepts_have_one_english_pref_label(weapons):
    for concept in _concepts(weapons):
        labels = list(weapons.objects(concept, SKOS.prefLabel))
        assert len(labels) == 1, concept
        assert labels[0].language == "en"
        assert str(labels[0]) == str(labels[0]).lower()


def test_vocab_weapon_labels_belong_to_one_concept(weapons):
    owners: dict[str, set] = defaultdict(set)
    for prop in (SKOS.prefLabel, SKOS.altLabel):
        for concept, label in weapons.subject_objects(prop):
            owners[str(label).lower()].add(concept)
    shared = {label: owner for label, owner in owners.items() if len(owner) > 1}
    assert not shared


def test_vocab_weapon_labels_are_clean(weapons):
    for _, label in weapons.subject_objects(SKOS.altLabel):
        assert isinstance(label, Literal) and label.language == "en"
        assert str(label) == str(label).strip() and "  " not in str(label)


def test_vocab_weapon_top_concepts_have_no_broader(weapons):
    for concept in weapons.objects(WEAPON_SCHEME, SKOS.hasTopConcept):
        assert (concept, SKOS.topConceptOf, WEAPON_SCHEME) in weapons
        assert weapons.value(concept, SKOS.broader) is None
    for concept in _concepts(weapons):
        top = (WEAPON_SCHEME, SKOS.hasTopConcept, concept) in weapons
        assert top or weapons.value(concept, SKOS.broader) in _concepts(weapons), concept


@pytest.mark.parametrize(
    "label",
    [
        "drone", "missile", "ballistic missile", "cruise missile", "cluster munition", "artillery",
        "glide bomb", "rocket", "airstrike", "aerial bomb", "mortar", "tank", "small arms",
        "explosive device", "landmine", "grenade", "naval drone", "hypersonic missile",
        "anti-aircraft", "thermobaric weapon", "incendiary weapon",
    ],
)
def test_vocab_weapon_required_pref_label(weapons, label):
    assert label in {_pref(weapons, c) for c in _concepts(weapons)}


@pytest.mark.parametrize(
    ("narrower", "broader"),
    [
        ("ballistic missile", "missile"),
        ("cruise missile", "missile"),
        ("hypersonic missile", "missile"),
        ("glide bomb", "aerial bomb"),
        ("naval drone", "drone"),
    ],
)
def test_vocab_weapon_broader(weapons, narrower, broader):
    assert weapons.value(_concept_of(weapons, narrower), SKOS.broader) == _concept_of(weapons, broader)


@pytest.mark.parametrize(
    ("surface", "pref"),
    [
        ("Shahed", "drone"), ("Geran-2", "drone"), ("Lancet drone", "drone"), ("UAV", "drone"),
        ("unmanned aerial vehicle", "drone"), ("kamikaze drones", "drone"), ("quadcopter", "drone"),
        ("loitering munition", "drone"), ("sea drone", "naval drone"),
        ("Iskander", "ballistic missile"), ("KN-23", "ballistic missile"),
        ("Kalibr", "cruise missile"), ("Kh-101", "cruise missile"), ("Tomahawk", "cruise missile"),
        ("Storm Shadow", "cruise missile"), ("Kinzhal", "hypersonic missile"), ("Zircon", "hypersonic missile"),
        ("shelling", "artillery"), ("artillery fire", "artillery"), ("howitzer", "artillery"), ("shells", "artillery"),
        ("guided aerial bomb", "glide bomb"), ("KAB", "glide bomb"), ("FAB", "glide bomb"),
        ("air strike", "airstrike"), ("air raid", "airstrike"), ("air attack", "airstrike"),
        ("warplane", "airstrike"), ("military aircraft", "airstrike"), ("bombing raid", "airstrike"),
        ("barrel bomb", "aerial bomb"), ("Grad", "rocket"), ("HIMARS", "rocket"), ("MLRS", "rocket"),
        ("Qassam", "rocket"), ("IED", "explosive device"), ("car bomb", "explosive device"),
        ("roadside bomb", "explosive device"), ("suicide bomber", "explosive device"),
        ("cluster bombs", "cluster munition"), ("mortar shells", "mortar"), ("land mine", "landmine"),
        ("white phosphorus", "incendiary weapon"), ("vacuum bomb", "thermobaric weapon"),
        ("surface-to-air missile", "anti-aircraft"), ("gunfire", "small arms"),
        ("rocket-propelled grenade", "grenade"),
    ],
)
def test_vocab_weapon_alt_label_resolves(weapons, surface, pref):
    assert _pref(weapons, _concept_of(weapons, surface)) == pref


@pytest.mark.parametrize("ambiguous", ["bomb", "mine", "strike", "cluster", "explosive", "Lancet", "Abrams", "flak"])
def test_vocab_weapon_ambiguous_words_are_not_labels(weapons, ambiguous):
    labels = {str(o).lower() for p in (SKOS.prefLabel, SKOS.altLabel) for o in weapons.objects(None, p)}
    assert ambiguous.lower() not in labels


def test_vocab_event_type_property_aligned_and_documented(onto):
    assert (NKG.eventType, RDFS.subPropertyOf, SEM.eventType) in onto
    assert str(EVENT_TYPE_SCHEME) in str(onto.value(NKG.eventType, RDFS.comment))
    assert "stated zero" in str(onto.value(NKG.minCount, RDFS.comment))


# --- the event-type scheme ------------------------------------------------------------

# What the extractors may write in AttackRecord.event_type, and each one's broader concept.
EVENT_TYPE_BROADER = {
    "Battles": "ArmedViolence",
    "ExplosionsRemoteViolence": "ArmedViolence",
    "ViolenceAgainstCivilians": "ArmedViolence",
    "ArmedClash": "Battles",
    "TerritoryTaken": "Battles",
    "AirDroneStrike": "ExplosionsRemoteViolence",
    "ShellingArtilleryMissile": "ExplosionsRemoteViolence",
    "RemoteExplosive": "ExplosionsRemoteViolence",
    "Grenade": "ExplosionsRemoteViolence",
    "SuicideBomb": "ExplosionsRemoteViolence",
    "AttackOnCivilians": "ViolenceAgainstCivilians",
    "Abduction": "ViolenceAgainstCivilians",
    "SexualViolence": "ViolenceAgainstCivilians",
}
EVENT_TYPE_LEAVES = [n for n, b in EVENT_TYPE_BROADER.items() if b != "ArmedViolence"]
MATCHES = (SKOS.exactMatch, SKOS.closeMatch)


def _scheme_concepts(g: Graph) -> set:
    return {c for c in g.subjects(SKOS.inScheme, EVENT_TYPE_SCHEME) if (c, RDF.type, SKOS.Concept) in g}


def test_vocab_event_type_scheme_parses(etypes):
    assert (EVENT_TYPE_SCHEME, RDF.type, SKOS.ConceptScheme) in etypes
    assert set(etypes.objects(EVENT_TYPE_SCHEME, SKOS.hasTopConcept)) == {EVENT_TYPE_TOP}
    assert (EVENT_TYPE_TOP, SKOS.topConceptOf, EVENT_TYPE_SCHEME) in etypes
    assert _scheme_concepts(etypes) == {NKET[n] for n in EVENT_TYPE_BROADER} | {EVENT_TYPE_TOP}


@pytest.mark.parametrize("name", sorted(EVENT_TYPE_BROADER) + ["ArmedViolence"])
def test_vocab_event_type_concept_described(etypes, name):
    concept = NKET[name]
    assert str(etypes.value(concept, SKOS.notation)) == name
    labels = list(etypes.objects(concept, SKOS.prefLabel))
    assert len(labels) == 1 and labels[0].language == "en"
    assert list(etypes.objects(concept, SKOS.altLabel))
    definition = etypes.value(concept, SKOS.definition)
    assert definition is not None and definition.language == "en" and len(definition) > 30


@pytest.mark.parametrize(("name", "broader"), sorted(EVENT_TYPE_BROADER.items()))
def test_vocab_event_type_broader_reaches_top(etypes, name, broader):
    concept = NKET[name]
    assert list(etypes.objects(concept, SKOS.broader)) == [NKET[broader]]
    assert (NKET[broader], SKOS.narrower, concept) in etypes
    chain, node = [], concept
    while (node := etypes.value(node, SKOS.broader)) is not None:
        chain.append(node)
    assert chain[-1] == EVENT_TYPE_TOP and len(chain) <= 2


@pytest.mark.parametrize("name", EVENT_TYPE_LEAVES)
def test_vocab_event_type_leaf_mapped_to_acled_and_cameo(etypes, name):
    targets = {o for p in MATCHES for o in etypes.objects(NKET[name], p)}
    acled = {t for t in targets if str(t).startswith(str(ACLED))}
    cameo = {t for t in targets if str(t).startswith(str(CAMEO))}
    assert acled and cameo, (name, targets)
    for target in acled | cameo:
        scheme = ACLED[""] if target in acled else CAMEO[""]
        assert (target, RDF.type, SKOS.Concept) in etypes and (target, SKOS.inScheme, scheme) in etypes
        assert etypes.value(target, SKOS.notation) is not None and etypes.value(target, SKOS.prefLabel) is not None
        assert etypes.value(target, RDFS.seeAlso) is not None


@pytest.mark.parametrize(
    ("name", "acled"),
    [
        ("ArmedClash", "Armed clash"), ("AirDroneStrike", "Air/drone strike"),
        ("TerritoryTaken", "Non-state actor overtakes territory"),
        ("ShellingArtilleryMissile", "Shelling/artillery/missile attack"),
        ("RemoteExplosive", "Remote explosive/landmine/IED"), ("Grenade", "Grenade"),
        ("SuicideBomb", "Suicide bomb"), ("AttackOnCivilians", "Attack"),
        ("Abduction", "Abduction/forced disappearance"), ("SexualViolence", "Sexual violence"),
        ("Battles", "Battles"), ("ExplosionsRemoteViolence", "Explosions/Remote violence"),
        ("ViolenceAgainstCivilians", "Violence against civilians"),
    ],
)
def test_vocab_event_type_exact_acled_name(etypes, name, acled):
    exact = [o for o in etypes.objects(NKET[name], SKOS.exactMatch) if str(o).startswith(str(ACLED))]
    assert [str(etypes.value(o, SKOS.notation)) for o in exact] == [acled]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("ArmedClash", "193"), ("TerritoryTaken", "192"), ("AirDroneStrike", "195"), ("ShellingArtilleryMissile", "194"),
        ("RemoteExplosive", "183"), ("SuicideBomb", "1831"), ("AttackOnCivilians", "182"),
        ("Abduction", "181"), ("SexualViolence", "1821"),
    ],
)
def test_vocab_event_type_cameo_code(etypes, name, code):
    codes = {str(etypes.value(o, SKOS.notation)) for p in MATCHES for o in etypes.objects(NKET[name], p)}
    assert code in codes


def test_vocab_event_type_mapping_targets_follow_their_codebooks(etypes):
    for target in set(etypes.subjects(SKOS.inScheme, CAMEO[""])):
        notation = str(etypes.value(target, SKOS.notation))
        assert str(target) == str(CAMEO[notation]) and notation.isdigit()
        parent = etypes.value(target, SKOS.broader)
        assert parent is None or notation.startswith(str(etypes.value(parent, SKOS.notation)))
    for target in set(etypes.subjects(SKOS.inScheme, ACLED[""])):
        parent = etypes.value(target, SKOS.broader)
        assert parent is None or (ACLED[""], SKOS.hasTopConcept, parent) in etypes


def test_vocab_event_type_labels_belong_to_one_concept(etypes):
    owners: dict[str, set] = defaultdict(set)
    for prop in (SKOS.prefLabel, SKOS.altLabel):
        for concept, label in etypes.subject_objects(prop):
            if concept in _scheme_concepts(etypes):
                owners[str(label).lower()].add(concept)
    assert not {label: owner for label, owner in owners.items() if len(owner) > 1}


def test_vocab_event_type_file_names_its_sources():
    header = EVENT_TYPES_FILE.read_text(encoding="utf-8").split("\nnket:\n", 1)[0]  # comments before the scheme
    for source in ("ACLED Codebook", "CAMEO", "1.1b3", "Schrodt 2012", "PETRARCH2", "ext/acled#", "ext/cameo#"):
        assert source in header, source


@pytest.mark.parametrize(("name", "broader"), sorted(EVENT_TYPE_BROADER.items()))
def test_vocab_event_type_lexicon_reads_scheme(etypes, name, broader):
    concept = event_types()[name]
    assert concept.iri == str(NKET[name])
    assert concept.label == str(etypes.value(NKET[name], SKOS.prefLabel))
    assert concept.broader[0] == broader and concept.broader[-1] == "ArmedViolence"
