"""Lexicons kept as data files, loaded once per process.

Every list of words the extractors use lives in ``kg/data`` (or, for weapons,
in the SKOS scheme ``ontology/weapons.ttl``; for the kinds of violence, in
``ontology/event-types.ttl``); this module only reads them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


def data_path(name: str) -> Path:
    return DATA_DIR / name


@lru_cache(maxsize=None)
def load_json(name: str):
    return json.loads(data_path(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def load_jsonl(name: str) -> tuple[dict, ...]:
    lines = data_path(name).read_text(encoding="utf-8").splitlines()
    return tuple(json.loads(line) for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=None)
def read_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated data file with a header row; lines starting with '#' are comments."""
    lines = [l for l in data_path(name).read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
    header = lines[0].split("\t")
    return tuple(dict(zip(header, l.split("\t"))) for l in lines[1:])


@lru_cache(maxsize=None)
@lru_cache(maxsize=None)
def word_set(name: str, key: str | None = None) -> frozenset[str]:
    """A set of lower-case words: a JSON list, or the list under ``key`` of a JSON object (made
    once: the extractors ask for their lists at every word they read)."""
    data = load_json(name)
    if key is not None:
        data = data[key]
    return frozenset(str(w).lower() for w in data)


def event_words(key: str) -> frozenset[str]:
    """One word list of ``event_words.json`` (attack words, outcome words, place nouns...)."""
    return word_set("event_words.json", key)


def diplomacy_words(key: str) -> frozenset[str]:
    """One word list of ``diplomacy_words.json`` (meeting, mediation and demand words)."""
    return word_set("diplomacy_words.json", key)


@dataclass(frozen=True)
class TitleWords:
    """Words of titles and roles (``titles.json``), lower case."""

    heads: frozenset[str]  # every word of a role head: "minister", "envoy", "secretary"
    modifiers: frozenset[str]  # words that may precede a head: "foreign", "special"
    connectors: frozenset[str]  # "of", "for", "the"
    offices: frozenset[str]  # portfolios a title is "of": "state", "defence"
    styles: frozenset[str]  # titles that go with a one-word name: "pope", "king", "sheikh"
    phrases: tuple[tuple[str, ...], ...] = ()  # heads of several words, longest first: ("crown", "prince")

    def plural_head(self, word: str) -> bool:
        """"envoys", "presidents": the plural of a head word (lower case)."""
        return word.endswith("s") and word[:-1] in self.heads


@lru_cache(maxsize=1)
def title_words() -> TitleWords:
    data = load_json("titles.json")
    return TitleWords(
        heads=frozenset(w for h in data["heads"] for w in h.split()),
        modifiers=frozenset(data["modifiers"]) | frozenset(w for m in data["modifiers"] for w in m.split()),
        connectors=frozenset(data["connectors"]),
        offices=frozenset(data["offices"]),
        styles=frozenset(data["styles"]),
        phrases=tuple(sorted((tuple(h.split()) for h in data["heads"] if " " in h), key=len, reverse=True)),
    )


@lru_cache(maxsize=1)
def organization_patterns() -> dict[str, dict]:
    """Known organizations (``organizations.jsonl``): exact surface form -> row.

    A row's ``described_as`` phrases ("UN refugee agency") are surface forms too; their
    rows carry ``"description": True``.
    """
    patterns: dict[str, dict] = {}
    for row in load_jsonl("organizations.jsonl"):
        patterns[row["pattern"]] = row
        for phrase in row.get("described_as", ()):
            patterns.setdefault(phrase, {**row, "pattern": phrase, "description": True})
    return patterns


@lru_cache(maxsize=1)
def organization_kinds() -> dict[str, frozenset[str]]:
    """Known organization (its ``id``) -> the lower-case words of its ``kind`` and ``described_as``."""
    kinds: dict[str, set[str]] = {}
    for row in load_jsonl("organizations.jsonl"):
        text = " ".join([row.get("kind", ""), *row.get("described_as", ())])
        kinds.setdefault(row["id"], set()).update(text.lower().replace("’s", "").replace("'s", "").split())
    return {k: frozenset(v) for k, v in kinds.items()}


@dataclass(frozen=True)
class WeaponLexicon:
    """Surface forms of the SKOS weapon scheme: lower-cased label -> concept IRI."""

    by_label: dict[str, str]
    pref_label: dict[str, str]  # concept IRI -> preferred label
    max_words: int
    broader: dict[str, frozenset[str]]  # concept IRI -> the IRIs of all its broader concepts
    associated: frozenset[tuple[str, str]] = frozenset()  # skos:related pairs, both ways

    def related(self, a: str, b: str) -> bool:
        """Equal, one broader than the other ("missile" and "ballistic missile"), or related in
        the scheme ("air strike" and "drone": one attack may be told with either word)."""
        return a == b or b in self.broader.get(a, ()) or a in self.broader.get(b, ()) or (a, b) in self.associated

    @cached_property
    def label_starts(self) -> frozenset[str]:
        """The words a label can start with: each label's text up to a space, or whole (a word
        of the text may hold a space itself)."""
        return frozenset(label[:n] for label in self.by_label for n in range(1, len(label) + 1)
                         if n == len(label) or label[n] == " ")

    def match(self, words: list[str]) -> list[tuple[int, int, str]]:
        """Longest-first matches over a list of lower-cased words: (start, end, concept)."""
        found, i = [], 0
        starts = self.label_starts
        while i < len(words):
            if words[i] not in starts:  # no label starts with this word
                i += 1
                continue
            for n in range(min(self.max_words, len(words) - i), 0, -1):
                concept = self.by_label.get(" ".join(words[i : i + n]))
                if concept:
                    found.append((i, i + n, concept))
                    i += n
                    break
            else:
                i += 1
        return found


@lru_cache(maxsize=1)
def weapon_lexicon() -> WeaponLexicon:
    from rdflib import Graph, URIRef
    from rdflib.namespace import SKOS

    from kg.vocab import ONTOLOGY_DIR

    g = Graph().parse(ONTOLOGY_DIR / "weapons.ttl")
    by_label: dict[str, str] = {}
    pref: dict[str, str] = {}
    for concept, label in g.subject_objects(SKOS.prefLabel):
        pref[str(concept)] = str(label)
        by_label.setdefault(str(label).lower(), str(concept))
    for concept, label in g.subject_objects(SKOS.altLabel):
        by_label.setdefault(str(label).lower(), str(concept))
    max_words = max((len(k.split()) for k in by_label), default=1)
    up: dict[str, frozenset[str]] = {}
    for concept in pref:
        todo, seen = [concept], set()
        while todo:
            for parent in g.objects(URIRef(todo.pop()), SKOS.broader):
                if str(parent) not in seen:
                    seen.add(str(parent))
                    todo.append(str(parent))
        up[concept] = frozenset(seen)
    associated = frozenset(pair for x, y in g.subject_objects(SKOS.related) for pair in ((str(x), str(y)), (str(y), str(x))))
    return WeaponLexicon(by_label=by_label, pref_label=pref, max_words=max_words, broader=up, associated=associated)


@dataclass(frozen=True)
class EventType:
    """One concept of the SKOS event-type scheme (``ontology/event-types.ttl``)."""

    name: str  # local name, also its skos:notation: "AirDroneStrike"
    iri: str
    label: str  # skos:prefLabel: "air/drone strike"
    broader: tuple[str, ...]  # local names of the skos:broader chain, nearest first, up to the top


@lru_cache(maxsize=1)
def event_types() -> dict[str, EventType]:
    """The event-type scheme: local name -> concept, for every concept of the scheme."""
    from rdflib import Graph
    from rdflib.namespace import RDF, SKOS

    from kg.vocab import EVENT_TYPE_SCHEME, EVENT_TYPES_FILE, NKET

    g = Graph().parse(EVENT_TYPES_FILE)
    concepts = [c for c in g.subjects(SKOS.inScheme, EVENT_TYPE_SCHEME) if (c, RDF.type, SKOS.Concept) in g]

    def local(concept) -> str:
        return str(concept)[len(str(NKET)):]

    def chain(concept) -> tuple[str, ...]:
        up, seen = [], {concept}
        parent = g.value(concept, SKOS.broader)
        while parent is not None and parent not in seen:
            up.append(local(parent))
            seen.add(parent)
            parent = g.value(parent, SKOS.broader)
        return tuple(up)

    return {
        local(c): EventType(name=local(c), iri=str(c), label=str(g.value(c, SKOS.prefLabel)), broader=chain(c))
        for c in sorted(concepts)
    }
