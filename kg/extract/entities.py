"""Entities of one document: one :class:`Entity` per real thing, every mention mapped to it.

Mentions come from the pipeline's named entities. Countries are read from their
names, aliases and demonyms ("Ukrainian" -> Ukraine); capitals and seats of power
("Moscow", "the Kremlin") stand for their country's government unless the
sentence uses them as a place ("in Moscow"). People named by surname only merge
into the full name met elsewhere in the document. Every non-obvious merge keeps
its reason.
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.lexicon import event_words, organization_patterns, title_words, weapon_lexicon, word_set
from kg.records import CITY, COUNTRY, ORGANIZATION, PERSON, PLACE, REGION, Entity
from kg.extract.place_phrases import PlaceFrame, close_spelling, owner_prefix, read_frames
from kg.extract.place_phrases import words as place_words
from kg.resolve.names import surname_stem
from kg.nlp import _run_by
from kg.resolve.places import CountryInfo, fold, gazetteer

THING_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
_QUOTES = "\"'“”‘’«»"
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_MIDDLE_INITIAL = re.compile(r"\s+[A-Z]\.(?=\s)")


@lru_cache(maxsize=1 << 16)
def clean_name(text: str) -> str:
    """Strip quotes, a leading article and a trailing possessive from a mention (the same names
    come again and again: each cleaned once)."""
    t = text.strip().strip(_QUOTES).strip()
    t = re.sub(r"^(?:the|The)\s+", "", t)
    t = _POSSESSIVE.sub("", t).strip().strip(_QUOTES).strip()
    return re.sub(r"\s+", " ", t)


def person_key(name: str) -> str:
    return "person:" + _MIDDLE_INITIAL.sub("", name).casefold()


@dataclass
class EntityTable:
    entities: dict[str, Entity] = field(default_factory=dict)
    token_key: dict[int, str] = field(default_factory=dict)  # token index -> entity key
    span_key: dict[tuple[int, int], str] = field(default_factory=dict)
    demonym_tokens: set[int] = field(default_factory=set)  # "Ukrainian": an actor, never a place
    anchors: dict[str, list[str]] = field(default_factory=dict)  # place key -> places the text says it lies in or by
    containers: dict[str, list[str]] = field(default_factory=dict)  # place key -> places its qualifier puts it in
    qualifier_tokens: set[int] = field(default_factory=set)  # names that only qualify a place: "X (District, Region)"
    framed_tokens: set[int] = field(default_factory=set)  # names the wording marks as places: "X village", "coded to X"
    framed_keys: set[str] = field(default_factory=set)  # the places of those names
    located: tuple[str, ...] = ()  # the countries the text puts things in (named as places, or implied by its places)

    def lies_in(self) -> dict[str, list[str]]:
        """Place key -> every place the text puts it in or by: its anchors and its qualifier's places."""
        if not self.containers:
            return self.anchors
        out = {k: list(v) for k, v in self.anchors.items()}
        for k, v in self.containers.items():
            out.setdefault(k, []).extend(c for c in v if c not in out[k])
        return out

    def add(self, key: str, kind: str, label: str, surface: str | None = None, **attrs) -> Entity:
        ent = self.entities.get(key)
        if ent is None:
            ent = Entity(key=key, kind=kind, label=label)
            self.entities[key] = ent
        for name, value in attrs.items():
            if value is not None and getattr(ent, name) in (None, [], set()):
                setattr(ent, name, value)
        if surface and surface != ent.label:
            ent.aliases.add(surface)
        return ent

    def bind(self, span: Span, key: str) -> None:
        self.span_key[(span.start, span.end)] = key
        for tok in span:
            self.token_key[tok.i] = key

    def refer(self, span: Span, key: str, reason: str, *, alias: bool = True) -> Entity:
        """Bind a further mention of an entity ("the alliance", "the emir"), its words kept as an alias
        unless ``alias`` is false."""
        ent = self.entities[key]
        surface = clean_name(span.text)
        if alias and surface and surface != ent.label:
            ent.aliases.add(surface)
        ent.merge_reasons.add(reason)
        self.bind(span, key)
        return ent

    def merge(self, src: str, dst: str, reason: str) -> Entity:
        """Fold entity ``src`` into ``dst``: its names become aliases of ``dst``, its mentions point there."""
        gone, ent = self.entities.pop(src), self.entities[dst]
        ent.aliases |= ({gone.label} | gone.aliases) - {ent.label}
        ent.merge_reasons |= gone.merge_reasons | {reason}
        ent.country_key = ent.country_key or gone.country_key
        for index, key in self.token_key.items():
            if key == src:
                self.token_key[index] = dst
        for span, key in self.span_key.items():
            if key == src:
                self.span_key[span] = dst
        # the places told to lie in or by the one folded lie in or by the one kept
        for table in (self.anchors, self.containers):
            if src in table:
                table.setdefault(dst, [])
                table[dst] += [k for k in table.pop(src) if k != dst and k not in table[dst]]
            for key, places in table.items():
                if src in places:
                    table[key] = [k for k in dict.fromkeys(dst if k == src else k for k in places) if k != key]
        return ent

    def key_of(self, token: Token) -> str | None:
        return self.token_key.get(token.i)

    def entity_of(self, token: Token) -> Entity | None:
        key = self.token_key.get(token.i)
        return self.entities.get(key) if key else None

    def country_keys(self) -> list[str]:
        return [k for k, e in self.entities.items() if e.kind == COUNTRY]


@lru_cache(maxsize=1)
def _org_lexicon() -> dict[str, dict]:
    """Known organizations by case-folded surface form."""
    return {pattern.casefold(): row for pattern, row in organization_patterns().items()}


def _locative_use(span: Span) -> bool:
    """True when a capital-like name is used as a place, not as its government."""
    words = event_words("locative_preps")
    motion = event_words("motion_verbs")
    head = span.root.head
    if span.root.dep_ == "pobj" and head.dep_ == "prep":
        prep = head.lower_
        if prep in {"on", "against", "toward", "towards", "at", "of", "into"} and _fired_at(head.head):
            return True  # "missile strikes on Kyiv", "rockets towards Tel Aviv", "the shelling of Khartoum": the city hit
        if prep == "to":
            return head.head.lemma_.lower() in motion
        if prep in {"on", "against", "of", "over", "with", "from", "toward", "towards"}:
            # "the outskirts of X", "villages south of X": a place near the city
            return prep == "of" and (head.head.lower_ in event_words("place_nouns")
                                     or head.head.lower_ in word_set("place_words.json", "direction_words"))
        return prep in words
    if span.root.dep_ == "appos" and head.lower_ in event_words("place_nouns"):
        return True
    if span.root.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() == "visit":
        return True  # "is due to visit Mogadishu": the city visited
    if span.start > 0 and span.doc[span.start - 1].lemma_.lower() == "capital":
        return True  # "the Libyan capital Tripoli": the noun says it is the city
    if span.root.dep_ == "compound" and _public_building(head):
        return True  # "near the Kabul airport", "a Baghdad market": the city the building stands in
    if span.root.dep_ in {"nsubjpass", "dobj"} and head.pos_ == "VERB" and (
            head.lemma_.lower() in event_words("hitting_verbs") or head.lemma_.lower() in event_words("attack_verbs")):
        return True  # "Kyiv was hit by drones overnight", "Russia struck Kyiv": the city struck
    # "Geneva (AFP)", datelines and "X, Ukraine": a bare place before a comma + country
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return nxt is not None and nxt.text in {"(", "—", "–"}


def _public_building(tok: Token) -> bool:
    """A building or facility a city's name before it locates, not one that may stand for the
    state ("the Tehran embassy")."""
    noun = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and noun not in word_set("place_words.json", "state_buildings") and (
        noun in word_set("place_words.json", "building_nouns")
        or noun in word_set("place_words.json", "town_named_facilities"))


_SCENE_PREPS = frozenset({"in", "near", "outside", "around", "inside"})


def _place_tagged_org(span: Span) -> bool:
    """An unknown name the model tagged as an organization that the sentence calls a building or a
    place ("X, the official residence of ..."), or a lone one it makes the scene of an act: "burned
    houses in X", "were killed near X". Organizations are rarely where things happen; acronyms
    ("in ISIS") and known organizations stay organizations."""
    root = span.root
    if span.label_ != "ORG" or root.pos_ != "PROPN":
        return False
    # "X, the official residence of the prime minister,": what the name is in apposition with says it is a building or a place
    def place_noun(t: Token) -> bool:
        return t.pos_ == "NOUN" and (t.lemma_.lower() in word_set("place_words.json", "building_nouns")
                                     or t.lemma_.lower() in event_words("place_nouns"))
    if any(c.dep_ == "appos" and place_noun(c) for c in root.children):
        return True
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].lower_ == "the":
        # ", the official residence of ...": the apposition, however the parser attached it
        head = next((t for t in doc[span.end + 2 : span.end + 6]
                     if t.pos_ == "NOUN" and not (t.dep_ in {"compound", "amod"} and t.head.i > t.i)), None)
        if head is not None and place_noun(head):
            return True
    if len(span) != 1 or root.text.isupper() or not root.text[:1].isupper() or any(c.isdigit() for c in root.text):
        return False
    head = root.head
    return root.dep_ == "pobj" and head.lower_ in _SCENE_PREPS and head.head.pos_ == "VERB"


def _fired_at(word: Token) -> bool:
    """An attack word, a weapon or a verb of firing: what a city after "on", "against" or
    "towards" is hit by, not a government addressed."""
    lemma = word.lemma_.lower()
    return lemma in event_words("attack_nouns") or lemma in event_words("attack_verbs") \
        or lemma in weapon_lexicon().by_label or word.lower_ in weapon_lexicon().by_label


def _country_entity(table: EntityTable, info, surface: str, reason: str | None) -> Entity:
    ent = table.add(f"country:{info.iso2}", COUNTRY, info.name, surface, geonames_id=info.geonames_id)
    if reason and surface.casefold() != info.name.casefold():
        ent.merge_reasons.add(reason)
    return ent


def _country_key(table: EntityTable, iso2: str | None) -> str | None:
    """The key of a country's entity, creating the entity if the document has not named it."""
    if not iso2:
        return None
    key = f"country:{iso2}"
    if key not in table.entities:
        info = gazetteer().country_by_iso(iso2)
        if info is None:
            return None
        table.add(key, COUNTRY, info.name, geonames_id=info.geonames_id)
    return key


def place_entity(table: EntityTable, name: str, countries: list[str], kind_hint: str | None = None) -> Entity:
    """The place entity for a name, created on first use (also for extractors that find places by pattern)."""
    gaz = gazetteer()
    base, _, suffix = name.rpartition(" ")
    while suffix.lower() in event_words("settlement_suffixes") and " " in base \
            and base.rpartition(" ")[2].lower() in place_words("camp_qualifiers"):
        base = base.rpartition(" ")[0]  # "X refugee camp": linked through X
    if suffix.lower() in event_words("settlement_suffixes") and base and not base.isupper():
        # "Jabalia camp": linked through the settlement it is named after
        hit = gaz.place(base, countries=countries, kind_hint=CITY)
        if hit is not None and hit.kind == CITY:
            key = f"city:{hit.geonames_id}" if hit.geonames_id else f"city:{name.casefold()}"
            return table.add(key, CITY, name, name, geonames_id=hit.geonames_id,
                             country_key=_country_key(table, hit.country_iso2))
    hit = gaz.place(name, countries=countries, kind_hint=kind_hint, located=table.located)
    if hit is not None and hit.kind == COUNTRY and hit.country_iso2:
        info = gaz.country(hit.name)
        if info is not None:
            return _country_entity(table, info, name, None)
    if hit is not None:
        kind = REGION if hit.kind == REGION else CITY
        country_key = _country_key(table, hit.country_iso2)
        key = f"{kind.lower()}:{hit.geonames_id}" if hit.geonames_id else f"{kind.lower()}:{hit.name.casefold()}:{hit.country_iso2 or ''}"
        # a city is labelled as the article spells it ("Rafah", not GeoNames' "Rafaḩ"); the
        # gazetteer's name stays an alias. Region names come normalised from the gazetteer.
        label = name if kind == CITY and not name.isupper() else hit.name  # not a dateline's "PARIS"
        ent = table.add(key, kind, label, name, geonames_id=hit.geonames_id, country_key=country_key)
        if hit.name != ent.label:
            ent.aliases.add(hit.name)
        _district_alias(ent)
        return ent
    kind = kind_hint or PLACE
    home = table.located or countries
    country_key = f"country:{home[0]}" if home and kind == REGION else None
    ent = table.add(f"{kind.lower()}:{name.casefold()}", kind, name, name, country_key=country_key)
    _district_alias(ent)
    return ent


def _district_alias(ent: Entity) -> None:
    """"Dand district", "Bale Zone": an area named after its seat is also called by the bare name;
    so is a place whose name starts with a word for valley or hill ("Tooga X": X)."""
    base, _, noun = ent.label.rpartition(" ")
    if ent.kind == REGION and base and noun.lower() in place_words("district_nouns"):
        ent.aliases.add(base)
    first, _, rest = ent.label.partition(" ")
    if rest and first.lower() in place_words("generic_prefixes"):
        ent.aliases.add(rest)


def salient_countries(doc: Doc) -> list[str]:
    """ISO codes of the countries a document talks about, most mentioned first (read once per
    document: the entities and the context both ask)."""
    memo = doc.user_data.get(("newskg", "salient_countries"))
    if memo is None:
        memo = _salient_countries(doc)
        doc.user_data[("newskg", "salient_countries")] = memo
    return list(memo[0])


def located_countries(doc: Doc) -> tuple[str, ...]:
    """Those of :func:`salient_countries` the text puts things in: not those it names only for an
    actor ("a US airstrike", "a Chadian peacekeeper")."""
    salient_countries(doc)
    return doc.user_data[("newskg", "salient_countries")][1]


def _salient_countries(doc: Doc) -> tuple[tuple[str, ...], tuple[str, ...]]:
    gaz = gazetteer()
    counts: Counter[str] = Counter()
    demonyms: Counter[str] = Counter()
    regions: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ in {"GPE", "NORP", "LOC"}:
            reading = gaz.read_actor(clean_name(ent.text))
            if reading is not None:
                as_actor = reading.via == "demonym" or (
                    ent.root.dep_ in {"compound", "amod", "poss"} and ent.root.head.pos_ in {"NOUN", "PROPN"}
                    and ent.root.head.lower_ not in event_words("place_nouns"))  # "a US airstrike", "Kenya's army"
                (demonyms if as_actor else counts)[reading.country.iso2] += 1
            else:
                region = gaz.named_region(clean_name(ent.text))  # "Balochistan", "Tigray": a country's region
                if region is not None and region.country_iso2:
                    regions[region.country_iso2] += 1
    # the countries a text names come first, the most named first; those of the regions it names
    # follow; then the countries its other places imply. Those it names only as an actor's ("US
    # forces", "Chadian peacekeepers") say who acted, not where: they are not among the located
    implied = _implied_countries(doc, gaz)
    found: list[str] = []
    for tier in ([iso for iso, _ in (counts + demonyms).most_common()], [iso for iso, _ in regions.most_common()], implied):
        found.extend(iso for iso in tier if iso not in found)
    located = tuple(iso for iso in found if iso in counts or iso in regions or iso in implied)
    return tuple(found), located


#: A city at least this populous places the text in its country when no other tells where.
ANCHOR_CITY_POPULATION = 100_000


def _implied_countries(doc: Doc, gaz) -> list[str]:
    """The countries a text's own names imply, the most named first: those of the subdivisions
    only one country has ("Helmand"), then those of large cities ("Baidoa")."""
    subdivisions: Counter[str] = Counter()
    cities: Counter[str] = Counter()
    for ent in doc.ents:
        name = clean_name(ent.text)
        if ent.label_ not in {"GPE", "LOC"} or gaz.read_actor(name) is not None:
            continue
        isos = gaz.subdivision_countries(name)
        iso = gaz.distinctive_subdivision_country(name)
        if iso is not None:
            subdivisions[iso] += 1
        if isos:
            continue  # "Bari": a region of Somalia and of Italy, and a city of Italy, says nothing alone
        hit = gaz.place(name, kind_hint=CITY) if not name.isupper() else None
        if hit is not None and hit.kind == CITY and (hit.population or 0) >= ANCHOR_CITY_POPULATION \
                and fold(hit.name) == fold(name) \
                and (ent.root.dep_ != "compound" or ent.root.head.lower_ in place_words("settlement_nouns")):
            cities[hit.country_iso2] += 1  # not "a Toyota pickup"
    ordered = [iso for iso, _ in subdivisions.most_common()]
    return ordered + [iso for iso, _ in cities.most_common() if iso not in ordered]


def resolve_entities(doc: Doc) -> EntityTable:
    gaz = gazetteer()
    orgs = _org_lexicon()
    region_words = gaz.region_pattern_words()
    table = EntityTable()
    countries = salient_countries(doc)
    table.located = located_countries(doc)
    persons: list[Span] = []
    frames = {f.start: f for f in read_frames(doc)}
    framed_names: dict[str, PlaceFrame] = {}
    for f in frames.values():
        if not f.weak:
            framed_names.setdefault(clean_name(doc[f.start:f.end].text), f)
    told = _told_countries(doc, gaz)
    for span in doc.ents:
        if span.label_ not in THING_LABELS:
            continue
        if len(span) > 1 and owner_prefix(span[0]):
            span = Span(doc, span.start + 1, span.end, label=span.label_)  # "Kenyas Marsabit County"
        name = clean_name(span.text)
        if not name or not any(c.isalpha() for c in name):
            continue
        label = span.label_
        frame = frames.get(span.start)
        if (frame is not None and not frame.weak or name in framed_names) and label in {"GPE", "LOC"} \
                and gaz.country(name) is None and orgs.get(name.casefold()) is None:
            # every mention of a name the wording frames somewhere is that one place
            frame = frame if frame is not None and not frame.weak else framed_names[name]
            ent = _framed_place(table, name, _frame_countries(doc, frame, gaz, countries), countries, _frame_kind(frame))
            table.bind(span, ent.key)
            continue
        if label == "PERSON":
            persons.append(span)
            continue
        lexicon_row = orgs.get(name.casefold())
        if label == "NORP":
            info = gaz.demonym(name)
            if info is None:
                continue
            ent = _country_entity(table, info, name, f"'{name}' is the demonym of {info.name}")
            table.bind(span, ent.key)
            table.demonym_tokens.update(t.i for t in span)
            continue
        if label in {"GPE", "LOC"} and not name.split()[-1].lower() in region_words:
            reading = gaz.read_actor(name)
            if reading is not None and reading.via in {"capital", "seat"} and name in told \
                    and told[name] != reading.country.iso2:
                # "Tripoli in northern Lebanon": a town of the country the text puts it in, not a capital elsewhere
                table.bind(span, _framed_place(table, name, [told[name]], countries, CITY).key)
                continue
            if reading is not None:
                if reading.via in {"capital", "seat"} and _locative_use(span):
                    ent = place_entity(table, name, [reading.country.iso2] + countries, CITY)
                else:
                    ent = _country_entity(table, reading.country, name, reading.reason)
                table.bind(span, ent.key)
                continue
        if label == "ORG" or lexicon_row is not None:
            reading = gaz.read_actor(name) if lexicon_row is None or lexicon_row.get("country") else None
            if reading is not None and reading.via in {"seat", "capital", "name", "alias"}:
                ent = _country_entity(table, reading.country, name, reading.reason)
                table.bind(span, ent.key)
                continue
            if lexicon_row is None and _place_tagged_org(span):
                table.bind(span, place_entity(table, name, countries).key)
                continue
            if lexicon_row is None and len(span) == 1 and name.lower() in word_set("references.json", "org_heads"):
                continue  # "Group", "Movement": a category word the model took for a name, alone no organization
            if label == "ORG" or lexicon_row is not None:
                ent = _organization(table, name, lexicon_row, countries)
                runner = _run_by(doc, span.start)
                if runner is not None and lexicon_row is None:
                    ent.aliases.add(f"{runner} {name}")  # "Houthi-run health ministry"
                member = _member_noun(span)
                if member is not None:
                    ent.aliases.add(f"{name} {member}")  # "Houthi rebels", "the Houthi movement"
                owner = _possessor(span)
                if owner is not None and ent.country_key is None:
                    reading = gaz.read_actor(owner)
                    if reading is not None:  # "Ukraine's Prosecutor General Office"
                        ent.country_key = f"country:{reading.country.iso2}"
                        _country_entity(table, reading.country, owner, reading.reason)
                table.bind(span, ent.key)
                continue
        if label in {"GPE", "LOC", "FAC"}:
            if span[0].lower_ in place_words("faith_adjectives") and all(t.is_lower for t in span[1:]):
                continue  # "a Sunni district", "Shiite": who lives there, not a place's name
            kind_hint = REGION if name.split()[-1].lower() in region_words else None
            if label == "FAC" and kind_hint is None and gaz.place(name, countries=countries) is None:
                continue
            ent = _framed_place(table, name, [told[name]] if name in told else [], countries, kind_hint)
            table.bind(span, ent.key)
    _resolve_persons(table, persons)
    _qualify_places(doc, table, list(frames.values()))
    _possessive_anchors(doc, table)
    _bare_names_of_regions(table, region_words)
    from kg.extract.coref import resolve_references

    resolve_references(doc, table)
    return table


def _bare_names_of_regions(table: EntityTable, region_words: frozenset[str]) -> None:
    """"the Catatumbo region ... in Catatumbo": a name the gazetteer does not know, told bare and
    with a region word, is the region (a known town of that name stays the town: Kherson)."""
    regions: dict[str, str] = {}
    for key, ent in table.entities.items():
        base, _, word = ent.label.rpartition(" ")
        if ent.kind == REGION and base and word.lower() in region_words:
            regions.setdefault(base.casefold(), key)
    for key, ent in list(table.entities.items()):
        region = regions.get(ent.label.casefold())
        if region is not None and region != key and ent.kind in {CITY, PLACE, REGION} and not ent.geonames_id \
                and key in table.entities:
            table.merge(key, region, f"'{ent.label}' is the name of {table.entities[region].label}")


def _member_noun(span: Span) -> str | None:
    """"rebels" of "Houthi rebels", "movement" of "the Houthi movement": a noun after an
    organization's name that names its fighters or the organization itself."""
    doc = span.doc
    if span.end >= len(doc):
        return None
    nxt = doc[span.end]
    if nxt.lower_ in _member_nouns() and not nxt.ent_type_ and nxt.is_lower:
        return nxt.text
    return None


def _member_nouns() -> frozenset[str]:
    return word_set("references.json", "member_nouns")


def _told_countries(doc: Doc, gaz) -> dict[str, str]:
    """Place names the text puts in a country ("Tripoli in northern Lebanon", "Hyderabad,
    Pakistan"): name -> ISO2, to choose among homonyms at every mention of the name."""
    starts = {e.start: e for e in doc.ents}
    found: dict[str, str] = {}
    for span in doc.ents:
        if span.label_ not in {"GPE", "LOC"} or gaz.country(clean_name(span.text)) is not None:
            continue
        j = span.end
        if j < len(doc) and doc[j].lower_ in {",", "in"}:
            j += 1
            while j < len(doc) and (doc[j].lower_ == "the" or doc[j].lower_ in place_words("direction_adjectives")):
                j += 1
        else:
            continue
        after = starts.get(j)
        info = gaz.country(clean_name(after.text)) if after is not None and after.label_ == "GPE" else None
        if info is not None:
            found.setdefault(clean_name(span.text), info.iso2)
    return found


def _frame_kind(frame: PlaceFrame) -> str | None:
    """"X village" is a settlement, "X district" a region; "X area" may be either."""
    if frame.admin:
        return REGION
    if frame.noun in place_words("settlement_nouns"):
        return CITY
    return None


def _frame_countries(doc: Doc, frame: PlaceFrame, gaz, countries: list[str]) -> list[str]:
    """The countries of the names that qualify a place, to choose among its homonyms (and theirs
    among the text's countries: "X (Y, Bay)" of a Somali report)."""
    found = []
    for start, end in frame.containers:
        iso = _sure_country(gaz, clean_name(doc[start:end].text), countries)
        if iso and iso not in found:
            found.append(iso)
    return found


def _sure_country(gaz, name: str, countries: list[str] = ()) -> str | None:
    """The country of a qualifier's name when the gazetteer knows the name itself (a country, a
    named region, a GeoNames place), not when it only guesses it ("Lower X" from a town X)."""
    hit = gaz.place(name, countries=countries)
    if hit is None or not hit.country_iso2:
        return None
    if hit.kind == "Country" or hit.geonames_id or gaz.named_region(name) is not None:
        return hit.country_iso2
    if hit.kind == "Region" and gaz.subdivision_country(name) == hit.country_iso2:
        return hit.country_iso2  # "X, Sindh province": a province the ISO 3166-2 list knows
    return None


def _framed_place(table: EntityTable, name: str, qualified: list[str], countries: list[str], kind: str | None) -> Entity:
    """A place the wording frames: linked to the gazetteer's homonym in the country its qualifier
    names, kept unlinked with that country when the gazetteer's only homonyms lie elsewhere."""
    gaz = gazetteer()
    if not qualified:
        return place_entity(table, name, countries, kind)
    # the qualifier's countries alone: among the article's countries the gazetteer would take the
    # most populous homonym ("Tripoli" in Libya for "Tripoli in northern Lebanon")
    hit = gaz.place(name, countries=qualified, kind_hint=kind, located=qualified)
    if hit is not None and hit.kind != "Country" and hit.country_iso2 not in qualified:
        kind = kind or PLACE
        return table.add(f"{kind.lower()}:{name.casefold()}", kind, name, name, country_key=_country_key(table, qualified[0]))
    ent = place_entity(table, name, qualified, kind)
    if hit is None and ent.kind in {CITY, PLACE} and ent.country_key is None and not ent.geonames_id:
        ent.country_key = _country_key(table, qualified[0])  # a place the gazetteer does not know, where its qualifier puts it
    return ent


def _qualify_places(doc: Doc, table: EntityTable, frames: list[PlaceFrame]) -> None:
    """Record what the wording says about each framed place: its region and country from the
    qualifier, the places it lies in or by, and the spellings a qualifier or a district's noun gives."""
    districts = place_words("district_nouns")
    for frame in frames:
        key = table.token_key.get(frame.start)
        ent = table.entities.get(key) if key else None
        if ent is None or ent.kind not in {CITY, REGION, PLACE}:
            continue
        if not frame.weak:
            table.framed_tokens.update(range(frame.start, frame.end))
            table.framed_keys.add(key)
        if frame.admin and doc[frame.end].lower_ in districts:
            ent.aliases.add(clean_name(doc[frame.start:frame.end].text))  # "Dand district" is also "Dand"
        for n, (start, end) in enumerate(frame.containers):
            table.qualifier_tokens.update(range(start, end))
            ckey = table.token_key.get(start)
            container = table.entities.get(ckey) if ckey else None
            if container is None or ckey == key:
                continue
            if ckey not in table.containers.setdefault(key, []):
                table.containers[key].append(ckey)  # "the town of X, Y": X lies in Y, whatever the gazetteer makes of Y
            if n == 0 and close_spelling(ent.label, container.label):
                ent.aliases.add(container.label)  # "Kori (Korri, ...)": the qualifier's spelling
            if container.kind == COUNTRY:
                ent.country_key = ent.country_key or ckey
                continue
            if container.kind == REGION and ent.kind != REGION and ent.region_key is None:
                ent.region_key = ckey
            if _sure_country(gazetteer(), container.label, salient_countries(doc)):
                ent.country_key = ent.country_key or container.country_key
        for start, end in frame.anchors:
            akey = table.token_key.get(start)
            if akey and akey != key and table.entities[akey].kind in {CITY, REGION, PLACE}:
                table.anchors.setdefault(key, [])
                if akey not in table.anchors[key]:
                    table.anchors[key].append(akey)


def capital_entity(table: EntityTable, info: CountryInfo) -> Entity:
    """The city entity of a country's capital (``info``: the gazetteer's country), named or not."""
    return place_entity(table, info.capital, [info.iso2], CITY)


def _possessive_anchors(doc: Doc, table: EntityTable) -> None:
    """"Sanaa's Shuub district", "Khartoum's Bahri neighbourhood": a place the text puts in the
    city or region named before it with "'s" lies in that place."""
    directions = word_set("place_words.json", "direction_adjectives")
    for (start, end), key in table.span_key.items():
        ent = table.entities.get(key)
        # "Herat's western X area": a direction between the possessive and the name
        mark = start - 1 if start >= 3 and doc[start - 1].lower_ in directions else start
        if ent is None or ent.kind not in {CITY, PLACE, REGION} or mark < 2 or doc[mark - 1].text not in {"'s", "’s"}:
            continue
        owner = table.entities.get(table.token_key.get(mark - 2, ""))
        if owner is not None and owner.kind == COUNTRY:  # "Sanaa's X district": the capital, read here as the city
            info = gazetteer().country_by_iso(owner.key.partition(":")[2])
            surface = clean_name(doc[mark - 2].text)
            owner = capital_entity(table, info) \
                if info is not None and info.capital and info.capital.casefold() == surface.casefold() else None
        if owner is not None and owner.key != key and owner.kind in {CITY, REGION} and not (
                owner.kind == REGION and ent.kind == CITY and ent.geonames_id):
            table.anchors.setdefault(key, [])
            if owner.key not in table.anchors[key]:
                table.anchors[key].append(owner.key)


def _possessor(span: Span) -> str | None:
    """The name before "'s" right in front of a span, if any."""
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].text in {"'s", "’s"}:
        for ent in doc.ents:
            if ent.end == span.start - 1:
                return clean_name(ent.text)
        return doc[span.start - 2].text
    return None


def _organization(table: EntityTable, name: str, row: dict | None, countries: list[str]) -> Entity:
    gaz = gazetteer()
    if row is not None:
        label = row["id"]
        country = row.get("country")
        ent = table.add(f"org:{label.casefold()}", ORGANIZATION, label, name)
        if row.get("description"):
            ent.merge_reasons.add(f"'{name}' is a known description of {label}")
        elif label != name:
            ent.merge_reasons.add(f"'{name}' is a known name of {label}")
    else:
        label, country = name, None
        m = re.match(r"^(.+?)(?:'s|’s)\s+(.+)$", name)
        if m:
            info = gaz.read_actor(m.group(1))
            if info is not None:
                label, country = m.group(2), info.country.iso2
        else:
            first, _, rest = name.partition(" ")
            info = gaz.demonym(first) or gaz.country(first)
            if info is not None and rest:
                country = info.iso2
        ent = table.add(f"org:{label.casefold()}", ORGANIZATION, label, name)
    ent.country_key = ent.country_key or _country_key(table, country)
    return ent


def _styled_name(span: Span) -> str:
    """A one-word name with the style written before it ("King Abdullah", "Sheikh Tamim"), else the name."""
    name = clean_name(span.text)
    before = span.doc[span.start - 1] if span.start > 0 else None
    if (before is not None and len(name.split()) == 1 and before.text[:1].isupper()
            and before.lower_ in title_words().styles):
        return f"{before.text} {name}"
    return name


def _resolve_persons(table: EntityTable, persons: list[Span]) -> None:
    """Full names first; a later surname-only or shorter mention merges into the full name, as
    does a surname split in two by a typo ("Mirziyo yev")."""
    styles = title_words().styles
    names = {(s.start, s.end): _styled_name(s) for s in persons}
    parts = {p.casefold() for n in names.values() if len(n.split()) > 1 for p in n.split()}
    by_token: dict[str, set[str]] = {}
    for span in persons:
        name = names[(span.start, span.end)]
        if len(name.split()) < 2 or "".join(name.split()).casefold() in parts:
            continue
        key = person_key(name)
        ent = table.add(key, PERSON, name)
        if name != clean_name(span.text):
            ent.aliases.add(clean_name(span.text))
        table.bind(span, key)
        for part in name.split():
            if len(part) > 2 and not part.endswith(".") and part.lower() not in styles:
                by_token.setdefault(part.casefold(), set()).add(key)
                stem = surname_stem(part)  # "al-X" is also called "X"
                if stem != part:
                    by_token.setdefault(stem.casefold(), set()).add(key)
    honorifics = word_set("titles.json", "honorifics")
    for span in persons:
        if (span.start, span.end) in table.span_key:
            continue
        name = names[(span.start, span.end)]
        before = span.doc[span.start - 1] if span.start else None
        courtesy = f"{before.text} {name}" if before is not None and before.lower_.rstrip(".") in honorifics else None
        keys = by_token.get("".join(name.split()).casefold(), set())
        if len(keys) == 1:
            key = next(iter(keys))
            ent = table.entities[key]
            ent.aliases.add(name)
            if courtesy:
                ent.aliases.add(courtesy)  # "Mr Umerov"
            if len(name.split()) > 1:
                ent.merge_reasons.add(f"'{name}' spells the name of {ent.label} split in two")
        else:
            key = person_key(name)
            table.add(key, PERSON, name)
        table.bind(span, key)


def place_countries_from_text(doc: Doc, table: EntityTable) -> None:
    """A place the gazetteer does not know lies in the country the text puts it in: the country
    of the region or place it is said to lie in, else the one country the sentences naming it
    name ("a teashop in Myanmar ... in the town of X in the northern Shan state")."""
    ents = table.entities
    unlink_foreign_towns(doc, table)
    mentions = _mentions(table)
    for ent in list(ents.values()):
        if ent.kind not in {CITY, REGION, PLACE} or ent.country_key is not None or ent.geonames_id:
            continue
        containers = [ents[k] for k in [ent.region_key, *table.anchors.get(ent.key, ())] if k in ents]
        found = {c.key if c.kind == COUNTRY else c.country_key for c in containers} - {None}
        if not found:
            found = _sentence_countries(doc, table, ent, mentions.get(ent.key, []))
        if len(found) == 1:
            ent.country_key = found.pop()


def _mentions(table: EntityTable) -> dict[str, list[int]]:
    """Entity key -> the indices of the tokens that name it."""
    mentions: dict[str, list[int]] = {}
    for i, key in table.token_key.items():
        mentions.setdefault(key, []).append(i)
    return mentions


def unlink_foreign_towns(doc: Doc, table: EntityTable) -> None:
    """Unlink every small town the gazetteer knows only abroad where its sentences put things in
    another country (:func:`_unlink_foreign_town`)."""
    mentions = _mentions(table)
    for ent in list(table.entities.values()):
        if ent.kind == CITY and ent.geonames_id and ent.country_key:
            _unlink_foreign_town(doc, table, ent, mentions.get(ent.key, []))


#: A town abroad smaller than this is not the place a sentence means when it names another country.
FOREIGN_TOWN_MAX_POPULATION = 100_000


def _unlink_foreign_town(doc: Doc, table: EntityTable, ent: Entity, mentioned_at: list[int]) -> None:
    """"the villages of X and Y in central Mali": a small town the gazetteer knows only in another
    country than the one the sentences naming it put things in is a namesake there, not this place;
    it is kept unlinked, in the country the text gives."""
    named = set()
    for sent in {doc[i].sent.start: doc[i].sent for i in mentioned_at}.values():
        for tok in sent:
            other = table.entities.get(table.token_key.get(tok.i) or "")
            if other is None or tok.i in table.demonym_tokens or not _locative(tok):
                continue
            if other.kind == COUNTRY:
                named.add(other.key)  # "in Mali", "X, Mali": a country named as where things are
            elif other.kind == REGION and other.country_key and not other.geonames_id and other.country_key in table.entities \
                    and other.label.endswith(" " + table.entities[other.country_key].label):
                named.add(other.country_key)  # "in central Mali"
    if len(named) != 1 or ent.country_key in named:
        return
    country = ent.country_key.removeprefix("country:")
    hit = gazetteer().place(ent.label, countries=[country])
    if hit is None or hit.geonames_id != ent.geonames_id or (hit.population or 0) >= FOREIGN_TOWN_MAX_POPULATION:
        return
    old = ent.country_key
    ent.geonames_id = None
    ent.country_key = named.pop()
    if old not in set(table.token_key.values()) and not any(
            getattr(e, attr, None) == old for e in table.entities.values()
            for attr in ("country_key", "region_key", "affiliation_key")):
        del table.entities[old]  # the namesake's country, which the text never named


def _sentence_countries(doc: Doc, table: EntityTable, ent: Entity, mentioned_at: list[int]) -> set[str]:
    ents = table.entities
    sents = {doc[i].sent.start: doc[i].sent for i in mentioned_at}
    if not sents:
        sents = {s.start: s for s in doc.sents if ent.label in s.text}
    found: set[str] = set()
    for sent in sents.values():
        for tok in sent:
            key = table.token_key.get(tok.i)
            other = ents.get(key) if key else None
            if other is None or other.key == ent.key or tok.i in table.demonym_tokens:
                continue
            if other.kind == COUNTRY:
                if _locative(tok):
                    found.add(other.key)
            elif other.kind in {CITY, REGION} and other.country_key and (other.geonames_id or other.kind == REGION):
                found.add(other.country_key)
    return found


def _locative(tok: Token) -> bool:
    """A country named as where things are ("in Mali", "Mali's north", "X, Mali"), not as an actor."""
    t = tok
    while t.dep_ == "compound" and t.head != t:
        t = t.head
    if t.dep_ == "pobj":
        return t.head.lower_ in {"in", "inside", "within", "across", "of", "near"}
    return t.dep_ in {"poss", "appos", "npadvmod"}
