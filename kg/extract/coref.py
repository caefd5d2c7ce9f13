"""Further mentions of the things a document names: acronyms, descriptions, titles, armed forces.

Runs once the named mentions are resolved (:func:`kg.extract.entities.resolve_entities`)
and binds more mentions to those entities, each link with its reason:

* a broadcaster's channel ("Al-Masirah TV") is the broadcaster named alone ("Al-Masirah");
* an acronym of a name in another language is the organization named by one of the
  acronym's ``full_names`` in ``organizations.jsonl`` ("ELN": "National Liberation Army");
* an acronym spelled by the initials of an organization's name ("SLM", "KIA" for
  "Kachin Independence Army") is that organization;
* a definite description whose category noun fits an organization ("the alliance",
  "the Lebanese militant group") is the nearest such organization named before it:
  the organization's kind words (``organizations.jsonl`` ``kind``, or the last word of
  its name) must take the noun and every narrowing adjective, and a demonym must be
  its country's. A description with a name inside ("the Al Jazeera news network") is the
  organization named;
* "the [Sudanese] city/town/capital" is the nearest city named before it (in that country);
* a title alone ("the emir", "the Kenyan president") is the one person holding it;
* "the military", "the junta", "Sudan's army", "the Israeli military" are the armed forces
  of the country named by the possessive or demonym; bare, of the last armed forces named,
  else of the one country the article's lead sentence is about.

Word lists are in ``kg/data/references.json``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from kg.datelines import dateline_spans
from kg.extract.entities import EntityTable, _org_lexicon, capital_entity, clean_name, salient_countries
from kg.lexicon import event_words, load_json, organization_kinds, organization_patterns, title_words
from kg.records import CITY, COUNTRY, ORGANIZATION, PERSON, Entity
from kg.resolve.names import is_acronym, stands_for
from kg.resolve.places import gazetteer

_DATELINE_MARKS = {":", "—", "–", "-", "("}


@lru_cache(maxsize=1)
def _words() -> dict:
    return load_json("references.json")


def resolve_references(doc: Doc, table: EntityTable) -> None:
    """Bind acronyms, descriptions, titles and armed-forces mentions to the document's entities."""
    _merge_acronyms(doc, table)
    _merge_known_as(doc, table)
    _merge_outlets(table)
    _organization_descriptions(doc, table)
    _place_descriptions(doc, table)
    _title_references(doc, table)
    _state_forces(doc, table)
    _bare_government(doc, table)


# -- acronyms ------------------------------------------------------------------

def _merge_acronyms(doc: Doc, table: EntityTable) -> None:
    """An organization named only by an acronym merges into the organization the text defines it
    for ("National Liberation Army (ELN)"), else into the one organization whose initials it spells."""
    for acronym, name in _bracket_definitions(doc, table):
        if acronym in table.entities and name in table.entities and acronym != name:
            table.merge(acronym, name, f"'{table.entities[acronym].label}' is given in brackets as the "
                                       f"acronym of {table.entities[name].label}")
    orgs = [e for e in table.entities.values() if e.kind == ORGANIZATION]
    for ent in orgs:
        # an acronym of a name in another language ("ELN": National Liberation Army)
        full = {n.casefold() for n in organization_patterns().get(ent.label, {}).get("full_names", ())}
        spelled = [o for o in orgs if o is not ent and o.key in table.entities and o.label.casefold() in full]
        if not spelled and (not is_acronym(ent.label) or ent.label.casefold() in _org_lexicon()):
            continue
        spelled = spelled or [o for o in orgs if o is not ent and o.key in table.entities and not is_acronym(o.label)
                              and any(stands_for(ent.label, n) for n in [o.label, *o.aliases])]
        if len(spelled) == 1:
            table.merge(ent.key, spelled[0].key, f"'{ent.label}' is the acronym of {spelled[0].label}")


_KNOWN_AS_ADVERBS = frozenset({"also", "better", "more", "officially", "formally", "formerly", "locally", "commonly",
                               "widely", "popularly", "now", "often", "sometimes", "simply"})


def _merge_known_as(doc: Doc, table: EntityTable) -> None:
    """"Musa Hilal, known as Sheikh Musa", "the Houthis, officially known as Ansar Allah",
    "X (also known as Y)": one person or organization under two names; the second merges into
    the first."""
    spans = {start: (start, end) for (start, end) in table.span_key}
    for (start, end), key in list(table.span_key.items()):
        j = end
        if j < len(doc) and doc[j].lower_ in _words()["org_heads"]:
            j += 1  # "the Ahlu Sunna Wal Jamaa group, locally known as ..."
        if j < len(doc) and doc[j].text in {",", "("}:
            j += 1
        while j < len(doc) and doc[j].lower_ in _KNOWN_AS_ADVERBS:
            j += 1
        if j + 2 > len(doc) or doc[j].lower_ != "known" or doc[j + 1].lower_ != "as":
            _merge_as_known(doc, table, spans, start, end, key)
            continue
        other = spans.get(j + 2)
        if other is not None:
            _merge_other_name(table, table.span_key.get(other), key)


def _merge_as_known(doc: Doc, table: EntityTable, spans: dict, start: int, end: int, key: str) -> None:
    """"'Abu Musa', as Sani Kamara is widely known, ...": the name first, then "as" the
    full name "is known": the first merges into the full name."""
    j = end
    while j < len(doc) and doc[j].text in {'"', "”", "’", "'"}:
        j += 1
    if j + 1 >= len(doc) or doc[j].text != "," or doc[j + 1].lower_ != "as":
        return
    other = spans.get(j + 2)
    if other is None:
        return
    k = other[1]
    if k < len(doc) and doc[k].lower_ in {"is", "was", "are", "were"}:
        k += 1
    while k < len(doc) and doc[k].lower_ in _KNOWN_AS_ADVERBS:
        k += 1
    if k >= len(doc) or doc[k].lower_ != "known":
        return
    _merge_other_name(table, key, table.span_key.get(other))


def _merge_other_name(table: EntityTable, other: str | None, name: str | None) -> None:
    """Merge ``other`` into ``name`` when both are one kind of person or organization."""
    if other is None or name is None or other == name or other not in table.entities or name not in table.entities:
        return
    if table.entities[other].kind != table.entities[name].kind or table.entities[name].kind not in {PERSON, ORGANIZATION}:
        return
    table.merge(other, name, f"'{table.entities[other].label}' is given as another name of {table.entities[name].label}")


def _merge_outlets(table: EntityTable) -> None:
    """"Al-Masirah TV" and "Al-Masirah", "X" and "X television channel", "X TV" and "X channel":
    one broadcaster."""
    outlet_words = set(_words()["outlet_words"])
    orgs = {n: e for e in table.entities.values() if e.kind == ORGANIZATION for n in [*sorted(e.aliases), e.label]}
    channels: dict[str, Entity] = {}  # the bare name -> the first channel named with it
    for label, ent in list(orgs.items()):
        words = label.split()
        cut = len(words)
        while cut > 1 and words[cut - 1].lower() in outlet_words:
            cut -= 1
        if cut == len(words):
            continue
        name = " ".join(words[:cut])
        bare = orgs.get(name) or channels.setdefault(name, ent)
        if bare is not ent and bare.key in table.entities and ent.key in table.entities:
            table.merge(ent.key, bare.key, f"'{label}' is the channel of {bare.label}")


def _bracket_definitions(doc: Doc, table: EntityTable) -> list[tuple[str, str]]:
    """(acronym key, name key) of "Name (ACR)" and "ACR (Name)" between organization mentions."""
    ents = {(s.start, s.end): s for s in doc.ents if s.label_ == "ORG"}
    ends = {e: (s, e) for s, e in ents}
    starts = {s: (s, e) for s, e in ents}
    found = []
    for (start, end), span in ents.items():
        if end - start != 1 or not is_acronym(span.text) or start < 2 or end >= len(doc):
            continue
        name = None
        if doc[start - 1].text == "(" and doc[end].text == ")":
            name = ends.get(start - 1)
        elif doc[end].text == "(" and end + 1 in starts and starts[end + 1][1] < len(doc) \
                and doc[starts[end + 1][1]].text == ")":
            name = starts[end + 1]
        keys = (table.span_key.get((start, end)), table.span_key.get(name) if name else None)
        if all(keys):
            found.append(keys)
    return found


# -- descriptions ----------------------------------------------------------------

def _determiner(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ == "det" and c.lower_ == "the"), None)


def _names_something(tok: Token) -> bool:
    """"the city of Kassala", "the capital Bamako", "the group, the SLM,": a naming phrase, not a reference."""
    doc = tok.doc
    if tok.dep_ == "compound" or (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN"):
        return True
    for c in tok.children:
        if c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ == "of" and any(p.pos_ == "PROPN" for p in c.children)):
            return True
    return False


def _description(tok: Token, heads) -> tuple[Span, list[Token]] | None:
    """The span and the modifiers of a singular definite description headed by ``tok``."""
    if tok.lower_ not in heads or tok.tag_ in {"NNS", "NNPS"} or _names_something(tok):
        return None
    det = _determiner(tok)
    if det is None and tok.lower_ == "capital":
        # "Somalia's capital": the country's name in the possessive stands for the article
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if owner is not None:
            return tok.doc[owner.left_edge.i : tok.i + 1], [t for t in tok.subtree if owner.left_edge.i <= t.i < tok.i
                                                              and not t.is_punct and t.dep_ != "case"]
    if det is None:
        return None
    mods = [t for t in tok.subtree if det.i < t.i < tok.i and not t.is_punct]
    return tok.doc[det.i : tok.i + 1], mods


def _mentions_before(table: EntityTable, index: int, kinds: set[str]) -> list[Entity]:
    """Entities of the given kinds mentioned before a token, nearest first."""
    last: dict[str, int] = {}
    for i, key in table.token_key.items():
        if i < index and key in table.entities and table.entities[key].kind in kinds:
            last[key] = max(last.get(key, -1), i)
    return [table.entities[k] for k in sorted(last, key=last.get, reverse=True)]


_NAME_PREPOSITIONS = {"of", "for", "on", "in", "against"}


def _name_head(label: str) -> str:
    """The word a name is headed by: its last word, or the last before "of"/"for"...
    ("Syrian Observatory for Human Rights" -> "observatory")."""
    words = label.split()
    cut = next((i for i, w in enumerate(words) if i and w in _NAME_PREPOSITIONS), len(words))
    return words[cut - 1].lower()


def _kind_words(ent: Entity) -> frozenset[str]:
    """Words of what kind of organization it is: from its data row, else from the word its name is
    headed by (the last word, or the one before "of"/"for")."""
    last = ent.label.split()[-1].lower()
    head = _name_head(ent.label)
    words = set(organization_kinds().get(ent.label, ())) | {last, head}
    words |= set(_words()["name_kinds"].get(last, "").split())
    return frozenset(words)


def _country_of(table: EntityTable, tok: Token) -> str | None:
    key = table.key_of(tok)
    return key if key and table.entities[key].kind == COUNTRY else None


def _fits(table: EntityTable, ent: Entity, head: str, mods: list[Token]) -> bool:
    """Whether an organization can be "the [mods] head"."""
    words = _words()
    kind = _kind_words(ent)
    if not kind & set(words["org_heads"].get(head, [head])):
        return False
    for m in mods:
        country = _country_of(table, m) if m.head.lower_ == head else None  # not "Iran-backed"
        if country is not None:
            if ent.country_key != country:
                return False
        elif m.lower_ in words["contrastive_modifiers"]:
            return False
        elif m.lower_ in words["type_modifiers"] and m.lower_ not in kind:
            return False
    return True


def _organization_descriptions(doc: Doc, table: EntityTable) -> None:
    heads = dict(_words()["org_heads"])
    # "the observatory", "the committee": the word a named organization's name is headed by
    for ent in table.entities.values():
        if ent.kind == ORGANIZATION and len(ent.label.split()) > 2:
            head = _name_head(ent.label)
            if head.isalpha() and head not in heads:
                heads[head] = [head]
    for tok in doc:
        if tok.lower_ not in heads or table.key_of(tok) is not None:
            continue
        found = _description(tok, heads)
        if found is None:
            continue
        span, mods = found
        named = {table.key_of(m) for m in mods} - {None}
        named = {k for k in named if table.entities[k].kind == ORGANIZATION}
        if len(named) == 1:
            ent = table.entities[named.pop()]
            if _fits(table, ent, tok.lower_, [m for m in mods if table.key_of(m) != ent.key]):
                table.refer(span, ent.key, f"'{clean_name(span.text)}' names {ent.label} inside it")
            continue
        if named:
            continue
        for ent in _mentions_before(table, span.start, {ORGANIZATION}):
            if _fits(table, ent, tok.lower_, mods):
                if not _unnamed_one_between(table, doc, tok, ent.key):
                    table.refer(span, ent.key, f"'{span.text}' refers to {ent.label}, the nearest {tok.lower_} "
                                               f"of that description named before it")
                break


def _unnamed_one_between(table: EntityTable, doc: Doc, tok: Token, key: str) -> bool:
    """"The RSF shelled a camp, a doctors' group said. The group said ...": an unnamed "a ... group"
    told after the last mention of the named one is the one "the group" refers to."""
    last = max((i for i, k in table.token_key.items() if k == key and i < tok.i), default=-1)
    return any(t.lower_ == tok.lower_ and table.key_of(t) is None and t.ent_type_ == ""
               and t.left_edge.lower_ in {"a", "an"}  # "a group", "a doctors' group"
               for t in doc[last + 1 : tok.i])


def _dateline_seat(doc: Doc, before: int):
    """The country of a dateline before token ``before``: the one whose capital it names ("KYIV (AP)
    —"), else the one it names after the city ("ODESA, Ukraine (AP) —")."""
    gaz = gazetteer()
    for start, end in dateline_spans(doc.text):
        if start >= doc[before].idx:
            break
        parts = [p.strip() for p in re.split(r"[,(—–]", doc.text[start:end])]
        info = gaz.seat_of_power(parts[0].title()) if parts[0] else None
        if info is None or not info.capital or info.capital.casefold() != parts[0].casefold():
            info = gaz.country(parts[1]) if len(parts) > 1 and parts[1] else None
        if info is not None and info.capital:
            return info
    return None


def _place_descriptions(doc: Doc, table: EntityTable) -> None:
    words = _words()
    gaz = gazetteer()
    for tok in doc:
        if tok.lower_ not in words["place_heads"] or table.key_of(tok) is not None:
            continue
        found = _description(tok, words["place_heads"])
        if found is None:
            continue
        span, mods = found
        if any(m.lower_ in words["contrastive_modifiers"] for m in mods):
            continue
        countries = {c for c in (_country_of(table, m) for m in mods) if c}
        if len(countries) > 1:
            continue
        country = next(iter(countries), None)

        def fits(ent: Entity) -> bool:
            if country is not None and ent.country_key != country:
                return False
            if tok.lower_ != "capital":
                return True
            info = gaz.country_by_iso((ent.country_key or ":").partition(":")[2])
            return info is not None and info.capital is not None and info.capital.casefold() == ent.label.casefold()

        ent = next((e for e in _mentions_before(table, span.start, {CITY}) if fits(e)), None)
        if ent is None and country is None and tok.lower_ == "capital":
            info = _dateline_seat(doc, span.start)
            if info is not None:  # "KYIV (AP) — Drones attacked the capital": the dateline's capital
                ent = capital_entity(table, info)
        if ent is None and country is not None and tok.lower_ == "capital":
            info = gaz.country_by_iso(country.partition(":")[2])
            if info is not None and info.capital:  # "the Sudanese capital": its capital, named or not
                ent = capital_entity(table, info)
        if ent is not None:
            # "the Swiss city" is a name of the place; "the village" is no name of any
            table.refer(span, ent.key, f"'{span.text}' refers to {ent.label}, the nearest {tok.lower_} "
                                       f"of that description named before it",
                        alias=any(t.text[:1].isupper() for t in span if t.pos_ != "DET"))


# -- titles ----------------------------------------------------------------------

def _title_before(table: EntityTable, span: Span) -> tuple[set[str], int]:
    """Title words and countries written right before a person's name ("Congolese President"), or
    at the start of the name as tagged ("King Abdullah"), and where the words before the name begin
    (the name's start when there are none)."""
    titles = title_words()
    doc = span.doc
    found: set[str] = set()
    for tok in span[:-1]:
        if tok.lower_ not in titles.heads:
            break
        found.add(tok.lower_)
    i = span.start - 1
    while i >= span.sent.start:
        tok = doc[i]
        country = _country_of(table, tok)
        if country is not None:
            found.add(country)
        elif tok.lower_ in titles.heads or tok.lower_ in titles.modifiers:
            found.add(tok.lower_)
        elif tok.text not in {"'s", "’s"} and tok.lower_ not in titles.connectors:
            break
        i -= 1
    return found, i + 1


def _title_references(doc: Doc, table: EntityTable) -> None:
    titles = title_words()
    held: dict[str, set[str]] = {}
    own_titles: set[int] = set()  # the words of the titles themselves
    for span in doc.ents:
        key = table.span_key.get((span.start, span.end))
        if key and table.entities[key].kind == PERSON:
            words, start = _title_before(table, span)
            held.setdefault(key, set()).update(words)
            own_titles.update(range(start, span.start))
    if not held:
        return  # no one is given a title, so no title refers to anyone
    for tok in doc:
        if tok.lower_ not in titles.heads:
            continue
        if table.key_of(tok) is not None or tok.ent_type_ or tok.i in own_titles:
            continue  # "the Sudanese army's spokesman X": "army" is part of X's title, not X again
        found = _description(tok, titles.heads)
        if found is None or any(c.dep_ == "prep" for c in tok.children):
            continue  # "the head of the agency": a title of something else
        span, mods = found
        wanted = {tok.lower_}
        for m in mods:
            country = _country_of(table, m)
            if country is None and m.lower_ not in titles.modifiers:
                break
            wanted.add(country or m.lower_)
        else:
            holders = [k for k, words in held.items() if wanted <= words]
            if len(holders) == 1:
                ent = table.entities[holders[0]]
                table.refer(span, ent.key, f"'{span.text}' refers to {ent.label}, the one person "
                                           f"the article gives that title")


# -- armed forces ----------------------------------------------------------------

def _lead_country(doc: Doc, table: EntityTable) -> str | None:
    """The one country the lead sentence is about (by its names and places, not the home of the
    news outlet that tells it), if there is one."""
    lead = next((s for s in doc.sents if sum(t.is_alpha for t in s) >= 6), None)
    if lead is None:
        return None
    start = lead.start
    mark = next((t for t in lead[:6] if t.text in _DATELINE_MARKS), None)
    if mark is not None and all(t.text.isupper() or not t.is_alpha for t in doc[start : mark.i]):
        start = mark.i + 1  # "BANGKOK:", "GOMA (Reuters) -"
    found = set()
    for tok in doc[start : lead.end]:
        ent = table.entity_of(tok)
        if ent is not None and ent.kind != PERSON and not (ent.kind == ORGANIZATION and _news_outlet(ent)):
            key = ent.key if ent.kind == COUNTRY else ent.country_key
            if key:
                found.add(key)
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=1)
def _forces_words() -> frozenset[str]:
    """The lower-case forms :func:`_forces_noun` reads: "forces" and the state forces nouns."""
    return frozenset(["forces", *_words()["state_forces"]])


def _forces_noun(tok: Token) -> str | None:
    """"military", "army", "junta", "armed forces" written as common nouns ("the Army" may be a name)."""
    if tok.lower_ not in _forces_words() or not tok.text.islower():
        return None
    if tok.lower_ == "forces" and any(c.lower_ == "armed" for c in tok.children):
        return "armed forces"
    return tok.lower_ if tok.lower_ in _words()["state_forces"] and tok.tag_ not in {"NNS", "NNPS"} else None


def _forces_use(tok: Token) -> bool:
    """A noun use ("the military", "Sudan's army"), or a modifier of an attack or a title
    ("a military airstrike", "junta chief"); not "military aid"."""
    if tok.lower_ in _words()["state_forces_as_modifier"]:
        return True
    if tok.dep_ in {"amod", "compound"}:
        head = tok.head.lemma_.lower()
        return head in event_words("attack_nouns") or head in title_words().heads
    return any(c.dep_ in {"det", "poss"} or _is_country_mod(c) for c in tok.children)


def _is_country_mod(tok: Token) -> bool:
    return tok.dep_ in {"amod", "compound", "poss", "nmod"}


def _forces_country(table: EntityTable, tok: Token) -> str | None:
    """The country a forces noun names: its possessive or demonym, or one on the noun it modifies."""
    around = list(tok.children)
    if tok.dep_ in {"amod", "compound"}:
        around += [c for c in tok.head.children if c is not tok]
    for c in around:
        if _is_country_mod(c):
            country = _country_of(table, c)
            if country is not None:
                return country
    return None


@lru_cache(maxsize=1)
def _known_armed_forces() -> dict[str, str]:
    """ISO code -> the known organization that is that country's armed forces (``armed_forces_of``)."""
    return {row["armed_forces_of"]: row["id"] for row in organization_patterns().values() if row.get("armed_forces_of")}


def state_of_forces(table: EntityTable, key: str) -> str | None:
    """The country whose armed forces an organization is ("Israel Defense Forces", "Sudan
    military"), or None."""
    ent = table.entities.get(key)
    if ent is None or ent.kind != ORGANIZATION or not ent.country_key or ent.country_key not in table.entities:
        return None
    iso = ent.country_key.partition(":")[2]
    country = table.entities[ent.country_key]
    if ent.label == _known_armed_forces().get(iso) or ent.label == f"{country.label} military":
        return ent.country_key
    return None


def _forces_entity(table: EntityTable, country_key: str) -> Entity:
    """The armed forces of a country: the known organization if the data has one, else "<Country> military"."""
    generic = f"{table.entities[country_key].label} military"
    label = _known_armed_forces().get(country_key.partition(":")[2], generic)
    ent = table.add(f"org:{label.casefold()}", ORGANIZATION, label, generic, country_key=country_key)
    ent.country_key = ent.country_key or country_key
    return ent


def _other_sides_troops(table: EntityTable, tok: Token, country: str) -> bool:
    """"The junta demanded that French troops leave": the sentence names the country's own troops
    apart from the bare forces noun, which are then someone else's."""
    for t in tok.sent:
        if t.head is not tok and t.head.lemma_.lower() in {"troop", "force", "soldier"} and t.dep_ in {"amod", "compound", "poss"} \
                and _country_of(table, t) == country:
            return True
    return False


def _state_forces(doc: Doc, table: EntityTable) -> None:
    nouns = [(tok, noun) for tok in doc if (noun := _forces_noun(tok)) is not None]
    home = _lead_country(doc, table) if nouns or _bare_forces(table) else None  # read only when asked for
    last: Entity | None = None
    for tok, noun in nouns:
        if table.key_of(tok) is not None or not _forces_use(tok):
            continue
        span = doc[tok.i - 1 : tok.i + 1] if noun == "armed forces" else doc[tok.i : tok.i + 1]
        country = _forces_country(table, tok)
        if country is not None:
            ent = _forces_entity(table, country)
            reason = f"'{noun}' with '{table.entities[country].label}' names the armed forces of that country"
        elif last is not None:
            ent = last
            reason = f"a bare '{noun}' is the armed forces named before it"
        elif home is not None and not _other_sides_troops(table, tok, home):
            ent = _forces_entity(table, home)
            reason = (f"a bare '{noun}' is taken for the armed forces of "
                      f"{table.entities[home].label}, the country the article's lead is about")
        else:
            continue
        surface = span.text.lower() if tok.dep_ in {"amod", "compound"} else clean_name(_forces_phrase(tok).text)
        if surface != ent.label:
            ent.aliases.add(surface)
        ent.merge_reasons.add(reason)
        table.bind(span, ent.key)
        last = ent
    # "Army chief X" at a sentence's start: the model names an organization "Army"; it is the armed forces
    # of the country the text is about
    bare = _bare_forces(table)
    country = (last.country_key if last is not None else home or _text_country(doc, table)) if bare else None
    if country is None or country not in table.entities:
        return
    forces = _forces_entity(table, country)
    for ent in bare:
        if ent.key != forces.key:
            table.merge(ent.key, forces.key, f"a bare '{ent.label}' is taken for the armed forces of "
                                             f"{table.entities[country].label}")


def _bare_government(doc: Doc, table: EntityTable) -> None:
    """"The government has rejected the demand": "the government" no word qualifies is the
    government of the one country the article's lead is about; no other country is read for it."""
    bare = [tok for tok in doc if tok.lower_ == "government" and tok.pos_ == "NOUN" and table.key_of(tok) is None
            and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
            and not any(c.dep_ in {"amod", "compound", "poss", "nmod", "prep", "conj"} for c in tok.children)
            and tok.dep_ not in {"compound", "amod"}]
    home = _lead_country(doc, table) if bare else None
    if home is None or home not in table.entities:
        return
    for tok in bare:
        table.refer(doc[tok.i : tok.i + 1], home, f"a bare 'the government' is taken for the government of "
                                                  f"{table.entities[home].label}, the country the article's lead is about",
                    alias=False)


def _bare_forces(table: EntityTable) -> list[Entity]:
    """Organizations named only by a forces noun ("Army")."""
    return [e for e in table.entities.values() if e.kind == ORGANIZATION and e.label.lower() in _words()["state_forces"]
            and e.label.lower() not in _org_lexicon()]


def _text_country(doc: Doc, table: EntityTable) -> str | None:
    """The country the text names most, else the one country its entities belong to; not a country
    the text never names that is only a news outlet's home ("Al Arabiya reported that the army
    ...": the outlet's country is not the army's)."""
    salient = salient_countries(doc)
    if salient:
        return f"country:{salient[0]}"
    named = set(table.span_key.values())
    homes = {e.country_key for e in table.entities.values() if e.kind == ORGANIZATION and _news_outlet(e)}
    only = [e.key for e in table.entities.values() if e.kind == COUNTRY and (e.key in named or e.key not in homes)]
    return only[0] if len(only) == 1 else None


def _news_outlet(ent: Entity) -> bool:
    """Whether an organization is a news outlet or agency (its row in organizations.jsonl says so):
    its home country is no country of the story it tells."""
    return "news" in organization_patterns().get(ent.label, {}).get("kind", "")


def _forces_phrase(tok: Token) -> Span:
    """"the Israeli military", "Sudan's army": the noun with its determiner and modifiers."""
    start = min([tok.i] + [t.i for t in tok.subtree if t.i < tok.i])
    return tok.doc[start : tok.i + 1]
