"""Where an attack happened: the places a sentence names as scenes of violence.

A name counts as a place of the event when the sentence uses it as one ("in X",
"near X", "the town of X", "shelling of X", "X came under fire"), not when it names
an actor, a speaker ("officials in X said") or a meeting's venue ("talks in X").
Names the gazetteer does not hold are kept as places of their own when the text
marks them as places ("X village", "the town of X"). The names of an administrative
qualifier ("X (District, Region)", "X, Y province") only qualify X; a place keeps the
places the text says it lies in or by ("the X area of Y town", "X village near Y").
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from kg.extract.context import DocContext, clause_head, sentence_words
from kg.extract.place_phrases import name_end, name_token, place_words_table, words as place_words
from kg.lexicon import diplomacy_words, event_words as words, weapon_lexicon, word_set
from kg.records import CITY, COUNTRY, PERSON, REGION
from kg.resolve.places import clean_surface, gazetteer


def is_attack_word(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    return lemma in words("attack_nouns") or lemma in words("attack_verbs") or tok.lower_ in words("attack_nouns")


def is_violence_verb(tok: Token) -> bool:
    """"killed in X", "clashed near X": a verb of violence whose place the sentence gives."""
    lemma = tok.lemma_.lower()
    return tok.pos_ == "VERB" and (lemma in words("attack_verbs") or lemma in words("kill_verbs") or lemma in words("injure_verbs"))


@lru_cache(maxsize=1)
def _meeting_lemmas() -> frozenset[str]:
    return words("meeting_nouns") | words("meeting_verbs")


def is_meeting_word(tok: Token) -> bool:
    return tok.lemma_.lower() in _meeting_lemmas() or tok.lower_ in words("meeting_nouns")


def ent_span(tok: Token) -> Span | None:
    if tok.ent_iob_ in {"O", ""}:
        return None  # outside every entity
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None


def propn_span(tok: Token) -> Span:
    start = tok.i
    while start > 0 and tok.doc[start - 1].pos_ == "PROPN" and tok.doc[start - 1].dep_ == "compound":
        start -= 1
    return tok.doc[start : tok.i + 1]


def region_list_head(tok: Token) -> bool:
    """"the regions of Zaporizhzhia, Kherson and Odesa": the names stand for regions."""
    t = tok
    while t.dep_ == "conj" and t.head != t:
        t = t.head
    noun = t.head.head
    named = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.children)  # "the Majengo district of X"
    return t.dep_ == "pobj" and t.head.lower_ == "of" and noun.lemma_.lower() in {"region", "province", "oblast", "district", "state", "governorate"} \
        and not named


def fired_from(tok: Token) -> bool:
    """A weapon, a shot or its launch: what "from X" names the origin of."""
    lex = weapon_lexicon().by_label
    return tok.lower_ in lex or tok.lemma_.lower() in lex or is_attack_word(tok) \
        or tok.lemma_.lower() in {"launch", "fire", "shoot", "fly", "come", "originate", "cross-border"}


def attacked_gathering(word: Token) -> bool:
    """"opened fire on people gathering for a rally in X", "a strike on a wedding in X": a
    gathering an attack hits, whose place is the attack's."""
    for a in word.ancestors:
        if is_attack_word(a) or any(c.dep_ == "dobj" and is_attack_word(c) for c in a.children):
            return True
    return False


def in_place_role(tok: Token) -> bool:
    """Whether the sentence uses a name as a place where something happened (not as an actor)."""
    start = propn_span(tok).start if tok.pos_ == "PROPN" else tok.i
    before = tok.doc[start - 1] if start > 0 else None
    if before is not None and before.lemma_.lower() == "capital" and before.pos_ == "NOUN" and before.head != tok:
        return in_place_role(before)  # "in the Libyan capital Tripoli", however the parser attached the name
    t = tok
    while t.dep_ == "compound" and t.head.pos_ == "PROPN" and t.head != t:
        t = t.head  # inside a multi-word name: "Al Fashir"
    while t.dep_ in {"conj", "appos", "compound", "amod", "nmod"} and t.head != t and t.head.pos_ in {"PROPN", "NOUN"} | ({"ADJ"} if t.dep_ == "conj" else set()):
        if t.dep_ in {"compound", "nmod", "amod"} and (t.head.lemma_.lower() in words("attack_nouns")
                                                       or t.head.lemma_.lower() in words("war_nouns")):
            return True  # "the Odesa strike", "the Tigray war"
        if t.dep_ in {"compound", "amod"} and t.head.lemma_.lower() not in words("place_nouns"):
            return t.head.dep_ == "pobj" and t.head.head.lower_ in words("locative_preps")
        t = t.head
    head = t.head
    if t.dep_ == "pobj" and any(is_meeting_word(w) and not attacked_gathering(w) for w in (head.head, clause_head(head))):
        return False  # "talks in Geneva", "sat down ... in Istanbul": where diplomats meet, not where bombs fall
    if t.dep_ == "pobj":
        prep = head.lower_
        if prep == "of":
            # "the town of X", "shelling of X", "southeast of X"
            return head.head.lemma_.lower() in words("place_nouns") or head.head.lemma_.lower() in words("attack_nouns") \
                or head.head.lower_ in place_words("direction_words") \
                or (head.head.lemma_.lower() == "control" and head.head.dep_ == "dobj")  # "seized control of X"
        if prep == "from" and fired_from(head.head):
            return False  # "a rocket from across the border", "fire from the ridge": where it came from, not where it fell
        if prep == "from" and _people_from(head.head):
            return False  # "armed youths from X county", "peacekeepers from Burundi": where they come from
        if prep == "on" and (head.head.lemma_.lower() == "blame" or head.head.dep_ == "dobj" and head.head.head.lemma_.lower() == "blame"):
            return False  # "blamed the attack on X": who is accused, not where it happened
        return prep in words("locative_preps") or prep in {"from", "outside", "between"}
    if t.dep_ in {"nsubj", "nsubjpass"}:
        lemma = head.lemma_.lower()
        passive = any(c.dep_ in {"auxpass"} for c in head.children) or t.dep_ == "nsubjpass"
        return lemma in {"come", "suffer", "face", "endure", "see", "witness"} or (passive and lemma in words("attack_verbs"))
    if t.dep_ == "dobj":
        # "entered Kidal": the town an armed group entered
        return head.lemma_.lower() in words("attack_verbs") or head.lemma_.lower() in word_set("violence_words.json", "entry_verbs")
    if t.dep_ in {"poss"}:
        # "Kharkiv's shelling"; "in Beirut's central district", "hit Khartoum's southern suburbs": the city
        # a part of which was hit
        part = head.lemma_.lower() in _part_nouns() and not (head.pos_ == "PROPN" or head.ent_type_)
        return head.lemma_.lower() in words("attack_nouns") or part and in_place_role(head)
    return False


def _capital_named(ctx: DocContext, tok: Token, country) -> str | None:
    """The capital city a country's entity was read from, when the text wrote the capital's name."""
    from kg.extract.entities import capital_entity

    info = gazetteer().country_by_iso(country.key.partition(":")[2])
    if info is None or not info.capital or info.capital.casefold() != clean_surface(tok.text).casefold():
        return None
    return capital_entity(ctx.entities, info).key


@lru_cache(maxsize=1)
def _part_nouns() -> frozenset[str]:
    """Common nouns for a part of a town: "district", "suburbs", "outskirts", "centre"."""
    return place_words("subplace_nouns") | place_words("district_nouns") | {
        "district", "suburb", "centre", "center", "part", "neighbourhood", "neighborhood", "outskirt", "area"}


def _people_from(noun: Token) -> bool:
    """"gunmen from X", "troops from Uganda": a noun for armed men or people that the "from" phrase
    qualifies, which says where they come from."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and (lemma in word_set("violence_words.json", "armed_actor_nouns")
                                    or lemma in word_set("violence_words.json", "person_nouns"))


@lru_cache(maxsize=1)
def _harm_verbs() -> frozenset[str]:
    return words("kill_verbs") | words("injure_verbs")


def in_speaker(tok: Token) -> bool:
    """"Officials in Kyiv said ...": a place inside the phrase of whoever reports."""
    attack_nouns, attack_verbs = words("attack_nouns"), words("attack_verbs")
    harm_verbs, report_verbs = _harm_verbs(), words("report_verbs")
    for anc in tok.ancestors:
        lemma = anc.lemma_.lower()  # is_attack_word(anc) or is_violence_verb(anc), the lemma read once
        if lemma in attack_nouns or lemma in attack_verbs or anc.lower_ in attack_nouns \
                or anc.pos_ == "VERB" and lemma in harm_verbs:
            return False  # "Armed men ... killed 15 in an attack in X, the ministry said", misparsed as one subject
        if anc.dep_ in {"nsubj", "nsubjpass"} and anc.head.lemma_.lower() in report_verbs:
            return True
    return False


def local_speaker_place(ctx: DocContext, sent: Span) -> str | None:
    """The place of a local who tells of an attack that has no place of its own: "the council
    head in X said", "residents of X told reporters" (not a capital's officials, who speak for a country)."""
    for tok in sent:
        ent = ctx.entity(tok)
        if ent is None or ent.kind not in {CITY, "Place", REGION} or ctx.in_dateline(tok):
            continue
        speaker = next((a for a in tok.ancestors if a.dep_ in {"nsubj", "nsubjpass"}
                        and a.head.lemma_.lower() in words("report_verbs")), None)
        if speaker is None:
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ in {"in", "of"} and tok.head.head == speaker:
            nouns = {speaker.lemma_.lower()} | {c.lemma_.lower() for c in speaker.children if c.dep_ in {"compound", "amod"}}
        elif tok.dep_ in {"compound", "nmod"} and tok.head != speaker and tok.head.dep_ == "compound" and tok.head.head == speaker:
            nouns = {tok.head.lemma_.lower()}  # "Kharkiv Mayor X said": the title the place qualifies
        else:
            continue
        if nouns & place_words("local_speaker_nouns") and gazetteer().seat_of_power(ent.label) is None:
            return ent.key
    return None


def meeting_words(sent: Span) -> list[Token]:
    """Words of meeting in a sentence whose places are the meeting's, not an attack's: not the
    gathering an attack targets ("an airstrike targeting fighters gathered in X")."""
    if _meeting_lemmas().isdisjoint(sentence_words(sent)):
        return []
    return [t for t in sent if is_meeting_word(t) and t.pos_ in {"NOUN", "VERB"} and not attacked_gathering(t)]


def someones_whereabouts(ctx: DocContext, tok: Token) -> bool:
    """"The strikes came as the envoy was in X", "The attack came a day after the president
    visited Y", "Strikes killed 30 as negotiators in Z tried to revive truce talks": a place in
    a clause of time that tells where a person, an official or a diplomat was, not where the
    attack was. Under another verb than "came", only a clause of diplomacy (a visit, talks) counts."""
    verb = clause_head(tok)
    if verb.dep_ != "advcl" or is_violence_verb(verb) or is_attack_word(verb):
        return False
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    framing = verb.head.lemma_.lower() == "come" and marks & {"as", "while", "when", "after", "before"}
    diplomacy = marks & {"as", "while"} and (
        verb.lemma_.lower() in words("visit_verbs") | {"be", "arrive", "travel", "meet"}
        or any(is_meeting_word(t) for t in verb.subtree))
    if not (framing or diplomacy):
        return False
    officials = diplomacy_words("official_nouns") | diplomacy_words("delegation_nouns")
    return any((ent := ctx.agent(subj)) is not None and ent.kind == PERSON or subj.lemma_.lower() in officials
               or subj.lower_ in officials for subj in verb.children if subj.dep_ in {"nsubj", "nsubjpass"})


def where_someone_went(tok: Token) -> bool:
    """"The survivor fled to X", "made his way to X village", "the attackers retreated into Y": where
    someone went after the attack, not where it happened."""
    t = tok
    while t.dep_ in {"compound", "appos", "conj", "nmod"} and t.head != t:
        t = t.head
    if t.dep_ != "pobj" or t.head.lower_ not in {"to", "into", "towards", "toward"}:
        return False
    verb = t.head.head
    lemma = verb.lemma_.lower()
    return lemma in place_words("refuge_verbs") or (
        lemma == "make" and any(c.dep_ == "dobj" and c.lower_ == "way" for c in verb.children))


def framed_place(ctx: DocContext, tok: Token) -> bool:
    """"X village (District, Region)", "coded to X": the wording itself makes X a place of the
    event, wherever the sentence puts it, unless it is where people met."""
    if tok.i not in ctx.entities.framed_tokens:
        return False
    t = tok
    while t.dep_ in {"compound", "conj", "appos", "nmod", "amod"} and t.head != t:
        t = t.head
    if t.dep_ != "pobj":
        return True
    if t.head.lower_ == "from" and _people_from(t.head.head):
        return False  # "armed youths from X county": where they come from
    meeting = next((w for w in (t.head.head, clause_head(t.head)) if is_meeting_word(w)), None)
    # "an airstrike targeting fighters gathered in X village": the gathering is the target
    return meeting is None or any(is_attack_word(a) for a in meeting.ancestors)


def describes_settlement(tok: Token) -> bool:
    """"the Dogon village of X", "the Fulani hamlet of X": the name before the noun says who lives
    there; the place is the name after "of"."""
    head = tok.head
    if tok.dep_ not in {"compound", "amod", "nmod"} or head.lemma_.lower() not in place_words("settlement_nouns"):
        return False
    admin = place_words("admin_nouns")
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pobj" and g.pos_ == "PROPN" and g.lower_ not in admin
        and not any(n.lower_ in admin for n in g.subtree) for g in c.children) for c in head.children)


def names_community(ctx: DocContext, tok: Token) -> bool:
    """"a Dogon hamlet", "an Amhara farm": after an indefinite article, a name right before a noun
    for where a community lives says who lives there, not where it is; unless the gazetteer knows
    the name as a town or region of the countries in question ("a Helmand village")."""
    if tok.pos_ != "PROPN" or tok.dep_ not in {"compound", "amod", "nmod"}:
        return False
    end = name_end(tok.doc, tok.i)
    noun = tok.doc[end] if end < len(tok.doc) else None
    if noun is None or tok.head != noun or noun.lemma_.lower() not in place_words("community_nouns") \
            or not any(c.dep_ == "det" and c.lower_ in {"a", "an", "another"} for c in noun.children):
        return False
    known = gazetteer().place(tok.doc[tok.i:end].text, countries=ctx.countries)
    return known is None or known.kind not in {CITY, REGION}


def camp_phrase(tok: Token) -> Span | None:
    """"(the) X refugee camp", "X IDP camp": the name and the words that say what kind of camp it
    is, as one place (the model often tags such a name as an organization or a person)."""
    if tok.pos_ != "PROPN" or tok.ent_type_ in {"NORP", "DATE", "TIME"}:
        return None
    while tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.head.i == tok.i + 1:
        tok = tok.head  # the last word of the name: "Abu Shouk"
    if tok.dep_ not in {"compound", "nmod"}:
        return None
    noun = tok.head
    while noun.dep_ in {"compound", "amod"} and noun.pos_ in {"NOUN", "ADJ"} and noun.lower_ in place_words("camp_qualifiers"):
        noun = noun.head
    between = tok.doc[tok.i + 1 : noun.i]
    if noun.lemma_.lower() != "camp" or not between or not all(t.lower_ in place_words("camp_qualifiers") for t in between):
        return None  # "X camp" alone is read with the other place nouns
    return tok.doc[propn_span(tok).start : noun.i + 1]


def _camp_place(ctx: DocContext, camp: Span) -> str:
    """The camp's place, framed by its noun; a place the camp lies in or by ("the X camp near Y")
    travels with it."""
    key = ctx.place_by_name(camp.text).key
    ctx.entities.framed_keys.add(key)
    for c in camp.root.children:
        if c.dep_ == "prep" and c.lower_ in place_words("anchor_preps"):
            for p in c.children:
                by = ctx.place(p) if p.dep_ == "pobj" else None
                if by is not None and by.key != key and by.key not in ctx.entities.anchors.setdefault(key, []):
                    ctx.entities.anchors[key].append(by.key)
    return key


def facility_town(ctx: DocContext, tok: Token) -> str | None:
    """"struck the X Airport", "attacked the X Catholic church", "stormed the X market": the town a
    building attacked is named after. A known place always; an unknown name only before a
    facility mostly named after its town (an airport, a base, a market), not a hospital or a
    school, which are often named after people."""
    doc = tok.doc
    if tok.pos_ != "PROPN" or tok.ent_type_ in {"DATE", "TIME"} or not name_token(tok) \
            or tok.i > 0 and name_token(doc[tok.i - 1]) and doc[tok.i - 1].dep_ == "compound" \
            or tok.i > 0 and doc[tok.i - 1].text in {"-", "–", "/"} and not doc[tok.i - 1].whitespace_:
        return None  # inside a name, or the second of joined names ("the joint X-Y base")
    end = name_end(doc, tok.i)
    descriptors, buildings = place_words("building_descriptors"), place_words("building_nouns")
    while end - 1 > tok.i and (doc[end - 1].lower_ in descriptors or doc[end - 1].lower_ in buildings):
        end -= 1  # "the Herat International Airport" read as one name
    j = end
    while j < len(doc) and doc[j].lower_ in descriptors:
        j += 1
    if j >= len(doc):
        return None
    building = doc[j]
    noun = building.lemma_.lower()
    if tok.ent_type_ == "PERSON" and noun not in place_words("town_named_facilities"):
        return None  # "the X hospital", "the X school": often named after a person
    if noun not in buildings and building.lower_ not in buildings or tok.head.i > j or not in_place_role(building):
        return None
    located = next((c for c in building.subtree if c.dep_ == "prep" and c.i > building.i
                    and c.lower_ in place_words("anchor_preps") | {"at"} and any(p.dep_ == "pobj" for p in c.children)), None)
    name = doc[tok.i:end].text
    if located is not None:
        if located.lower_ in {"near", "outside"} and noun in place_words("town_named_facilities") \
                and gazetteer().place(name, countries=ctx.countries) is None:
            # "the X airfield near Y": the base itself, which is not in Y
            key = ctx.place_by_name(doc[tok.i : building.i + 1].text).key
            ctx.entities.framed_keys.add(key)
            return key
        where = next((ctx.place(p) for p in located.children if p.dep_ == "pobj"), None)
        if where is None or where.kind not in {REGION, COUNTRY} or located.lower_ not in {"in", "inside", "within"}:
            return None  # "the Barkhane base in Tessalit": the text says where it is
        # "the X air base in the Y region": the town the base is named after lies in the region
    if ctx.entities.entities.get(ctx.entities.token_key.get(tok.i, "")) is not None \
            and ctx.entities.entities[ctx.entities.token_key[tok.i]].kind not in {CITY, REGION, "Place"}:
        return None  # a country's, an organization's: "the Russian embassy", "the UN base"
    known = gazetteer().place(name, countries=ctx.countries)
    if known is not None and known.kind in {CITY, REGION}:
        return ctx.place_by_name(name, CITY if known.kind == CITY else REGION).key
    if noun in place_words("town_named_facilities") and tok.ent_type_ not in {"ORG", "NORP"}:
        return ctx.place_by_name(name, CITY).key
    return None


def base_of_target(ctx: DocContext, tok: Token) -> str | None:
    """"killed the editor of the X-based radio", "attacked an X-based aid group's convoy": the town
    the attacked is based in, when the gazetteer knows it (not a speaker's base: "the London-based
    monitor said")."""
    doc = tok.doc
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].text not in {"-", "–"} or doc[tok.i + 2].lower_ != "based":
        return None
    h = doc[tok.i + 2].head
    while h.dep_ in {"compound", "amod", "appos", "nmod", "poss"} and h.head != h:
        h = h.head
    while h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head != h.head:
        h = h.head.head  # "the editor of the X-based radio"
    hit = h.dep_ in {"dobj", "nsubjpass"} and (is_violence_verb(h.head) or is_attack_word(h.head)) \
        or h.dep_ == "pobj" and h.head.lower_ in {"on", "at", "against"} and is_attack_word(h.head.head)
    if not hit:
        return None
    ent = ctx.place(tok)
    if ent is not None:
        return ent.key
    known = gazetteer().place(propn_span(tok).text, countries=ctx.countries)
    return ctx.place_by_name(propn_span(tok).text, CITY).key if known is not None and known.kind == CITY else None


def _may_name_a_place(ctx: DocContext, tok: Token) -> bool:
    """What every reading of :func:`place_of` asks of a word: a proper noun, a word the entity
    table binds, or the name before "-based"; the other words are passed over at once."""
    if tok.pos_ == "PROPN" or tok.i in ctx.entities.demonym_tokens or ctx.entity(tok) is not None:
        return True
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text in {"-", "–"} and doc[tok.i + 2].lower_ == "based"


def in_clause_of_a_time(tok: Token) -> bool:
    """Whether a word stands in a clause that tells which time is meant and no attack ("since
    October, when the war in X broke out", "in 2014, when the rebels seized Y"): a clause on a date
    or a time. Not "on Monday, when militants attacked a convoy near X": the attack's own scene."""
    clause = next((a for a in tok.ancestors if a.dep_ in {"relcl", "advcl", "acl"} and a.head.ent_type_ in {"DATE", "TIME"}
                   and any(c.lower_ == "when" for c in a.children)), None)
    return clause is not None and not any(is_attack_word(t) or is_violence_verb(t) for t in clause.subtree)


def place_of(ctx: DocContext, tok: Token) -> str | None:
    """The entity key of the place a token names, or None."""
    if not _may_name_a_place(ctx, tok):
        return None
    if ctx.in_dateline(tok) or in_speaker(tok) or tok.i in ctx.entities.qualifier_tokens:
        return None
    if in_clause_of_a_time(tok):
        return None  # "since May, when the X war escalated": what marks the time, not the scene
    side = tok.head.lemma_.lower() == "side" and tok.head.dep_ == "pobj" and tok.head.head.lower_ in {"on", "to", "across"}
    if tok.i in ctx.entities.demonym_tokens and tok.dep_ in {"amod", "compound"} \
            and (tok.head.lemma_.lower() in words("place_nouns") and in_place_role(tok.head) or side):
        # "Russian border regions", "across Ukrainian cities", "on the Thai side (of the border)":
        # somewhere in that country
        key = ctx.entities.key_of(tok)
        return key if key and ctx.entities.entities[key].kind == COUNTRY else None
    if describes_settlement(tok) or names_community(ctx, tok):
        return None
    listed_region = _premodifier_region(ctx, tok)
    if listed_region is not None:
        return listed_region
    based = base_of_target(ctx, tok)
    if based is not None:
        return based
    camp = camp_phrase(tok)
    if camp is not None:
        return _camp_place(ctx, camp) if in_place_role(camp.root) else None
    ent = ctx.place(tok)
    if ent is not None:
        if not (framed_place(ctx, tok) or in_place_role(tok)):
            return facility_town(ctx, tok)  # "struck the X air base in the Y region": the town X
        if ent.kind == COUNTRY and tok.dep_ == "poss":
            city = _capital_named(ctx, tok, ent)
            if city is not None:
                return city  # "hit Khartoum's southern suburbs": the capital itself, not the state it stands for
        if ent.kind == COUNTRY and tok.dep_ == "compound" and tok.text.replace(".", "").isupper() \
                and is_attack_word(tok.head):
            return None  # "a US airstrike", "UK strikes": the short name stands for the state that struck
        if ent.kind == COUNTRY:
            span = ent_span(tok)
            root = span.root if span is not None else tok
            part = next((c.lower_ for c in root.children if c.dep_ == "amod" and c.i < tok.i
                         and c.lower_ in place_words("direction_adjectives")), None)
            if part is not None:  # "in southern Lebanon", "northern Burkina Faso": that part of the country
                return country_part(ctx, part, ent.key, f"{part} {clean_surface(span.text if span is not None else tok.text)}")
        if ent.label.split()[0].lower() in words("military_unit_words"):
            return None  # "the 22nd Infantry Division": a unit of an army, not an administrative division
        if any(w.lower() in words("service_unit_words") for w in ent.label.split()[1:]):
            return None  # "the X Police District": a police unit, which reports, not a place
        if region_list_head(tok) and ent.kind != REGION:
            span = ent_span(tok)
            name = span.text if span is not None else tok.text
            return ctx.place_by_name(f"{name} region", REGION).key
        return ent.key
    town = facility_town(ctx, tok)
    if town is not None:
        return town
    # "the town of X", "X camp", "X, a village": proper names the gazetteer may not hold (not "a Sunni
    # district": who lives there)
    if tok.pos_ == "PROPN" and tok.ent_type_ not in {"PERSON", "ORG", "NORP", "DATE", "TIME"} \
            and tok.lower_ not in place_words("faith_adjectives"):
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in words("place_nouns"):
            span = propn_span(tok)
            return ctx.place_by_name(span.text, CITY if head.head.lemma_.lower() in {"city", "town", "village"} else None).key
        if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() == "control" \
                and head.head.dep_ == "dobj" and head.head.head.lemma_.lower() in words("taking_verbs"):
            return ctx.place_by_name(propn_span(tok).text).key  # "seized control of X"
        if tok.dep_ == "compound" and head.lemma_.lower() in {"camp", "village", "district"}:
            span = propn_span(tok)
            return ctx.place_by_name(f"{span.text} {head.lower_}").key
        if tok.dep_ == "compound" and head.lemma_.lower() in {"town", "city"} and in_place_role(head):
            return ctx.place_by_name(propn_span(tok).text, CITY).key
        span = ent_span(tok)
        if span is not None and span.start == tok.i and span.root is not tok and span.root.dep_ == "pobj":
            tok, head = span.root, span.root.head  # "at Gash Barka": the name's last word hangs on "at"
        if tok.dep_ == "pobj" and head.lower_ in {"on", "in", "at", "near", "outside", "around"} \
                and tok.ent_type_ in {"", "GPE", "LOC", "FAC"} and tok.text[:1].isupper() \
                and (is_attack_word(head.head) or is_violence_verb(clause_head(head))
                     or any(c.dep_ in {"nsubj", "nsubjpass", "aux"} and c.i < head.i and is_attack_word(c)
                            for c in clause_head(head).children)):  # "shelling" misread as an auxiliary too
            # "airstrikes on Lay Kay Kaw": an unknown proper name right after an attack word; "shelling
            # continued at X": after a verb whose subject is the attack
            return ctx.place_by_name(propn_span(tok).text).key
    return None


def country_part(ctx: DocContext, direction: str, country_key: str, said: str | None = None) -> str:
    """The region a direction names of a country ("southern Lebanon", "northwest Nigeria"), with the
    text's own form of it as an alias ("eastern Congo")."""
    region = ctx.place_by_name(f"{direction} {ctx.entities.entities[country_key].label}")
    if said and said != region.label:
        region.aliases.add(said)
    return region.key


def _premodifier_region(ctx: DocContext, tok: Token) -> str | None:
    """"the Kharkiv and Sumy regions", "Borno and Yobe states": names listed before a plural noun of
    administrative units are each such a unit."""
    if tok.pos_ != "PROPN" or tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.head.i == tok.i + 1:
        return None  # inside a longer name
    first = tok
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    noun = first.head
    if first.dep_ not in {"nmod", "compound", "amod"} or noun.lower_ not in place_words_table("admin_plurals"):
        # "in Katsina and Kano states", parsed as "Katsina" and "Kano states"
        noun = next((c for c in tok.children if c.dep_ == "conj" and c.lower_ in place_words_table("admin_plurals")
                     and any(x.dep_ == "compound" and x.pos_ == "PROPN" for x in c.children)), None)
        if noun is None or not in_place_role(tok):
            return None
    elif not in_place_role(noun):
        return None
    name = propn_span(tok).text
    singular = place_words_table("admin_plurals")[noun.lower_]
    return ctx.place_by_name(f"{name} {singular}", REGION).key


def comma_qualified(places: list[tuple[Token, str]]) -> set[str]:
    """Places written as "X, Y" or "X (Y)" with Y another of the places and no list going on
    ("in X, Y and Z"): X lies in Y, whatever the gazetteer knows of either ("in Kisauni, Mombasa",
    "in Nur camp (Tulkarm)")."""
    by_start = {}
    for tok, key in places:
        span = ent_span(tok) or propn_span(tok)
        by_start.setdefault(span.start, (span, key))
    inner: set[str] = set()
    for start, (span, key) in by_start.items():
        if span.end < len(span.doc) and span.doc[span.end].lower_ == "in" and _stacked_in(span, by_start, key):
            inner.add(key)  # "a school in Kuriga in northwest Nigeria's Kaduna state": Kuriga lies in Kaduna
            continue
        nxt = by_start.get(span.end + 1)
        if nxt is None or span.end >= len(span.doc) or span.doc[span.end].text not in {",", "("} or nxt[1] == key:
            continue
        after = nxt[0].end
        doc = span.doc
        if doc[span.end].text == "(":
            if after < len(doc) and doc[after].text in {")", ","}:
                inner.add(key)  # "X (Y)", "X (Y, Z)": the bracket holds what X lies in
            continue
        if after < len(doc) and (doc[after].lower_ in {"and", "or"} or doc[after].text == ","
                                 and after + 1 < len(doc) and doc[after + 1].lower_ in {"and", "or"}):
            continue  # "in X, Y and Z": a list
        if span.start > 0 and doc[span.start - 1].text == ",":
            continue  # "..., X, Y": inside a list
        inner.add(key)
    return inner


def _stacked_in(span: Span, by_start: dict, key: str) -> bool:
    """"X in Y": another of the places follows "in" after X, with only a direction, an article or a
    country's possessive between ("in Kuriga in northwest Nigeria's Kaduna state")."""
    doc = span.doc
    if doc[span.end - 1].pos_ != "PROPN":
        return False  # "the MINUSMA camp in Kidal": a facility, placed by its town
    j = span.end + 1
    while j < min(len(doc), span.end + 7):
        found = by_start.get(j)
        if found is not None and found[1] != key:
            # a region or province ("Kaduna state", "the Sagaing region"), not a town of its own
            outer, admin = found[0], place_words("admin_nouns")
            return outer[-1].lower_ in admin or (outer.end < len(doc) and doc[outer.end].lower_ in admin)
        tok = doc[j]
        owner = tok.ent_type_ == "GPE" and j + 1 < len(doc) and doc[j + 1].text in {"'s", "’s"}  # "Nigeria's"
        between = tok.lower_ in place_words("direction_words") or tok.lower_ in place_words("direction_adjectives") \
            or tok.pos_ == "DET" or tok.text in {"'s", "’s"}
        if not (owner or between):
            return False
        j += 1
    return False


def _admin_depth(label: str) -> int:
    """How deep the unit a label names lies ("X woreda": 3, "Y zone": 2); 0 if its noun does not say."""
    depth = place_words_table("admin_depth")
    return depth.get(label.rsplit(" ", 1)[-1].lower(), 0) if " " in label else 0


def coordinated_places(tokens: list[Token], keys: list[str]) -> set[str]:
    """Places named in one list ("the towns of A, B and C", "towards A and B"): each is as much
    the event's place as the first."""
    # the name's own head word, not a noun the model took into the name ("Sumy regions")
    roots = [(span.root if (span := ent_span(t)) is not None and span.root.pos_ == "PROPN" else t) for t in tokens]
    nodes = [{r, _listed_node(r)} for r in roots]
    out: set[str] = set()
    for ts, k in zip(nodes, keys):
        for us, j in zip(nodes, keys):
            if j != k and any(u in t.conjuncts or _slashed(t, u) for t in ts for u in us):
                out |= {k, j}
    return out


def _slashed(a: Token, b: Token) -> bool:
    """"the X/Y area": two names joined by a slash, each a place of the phrase."""
    first, second = (a, b) if a.i < b.i else (b, a)
    return second.i - first.i == 2 and first.doc[first.i + 1].text == "/"


def _listed_node(tok: Token) -> Token:
    """The word that stands for a place in a list: the place noun of "the province of X" or of
    "the capital X" ("on the capital X and the province of Y" lists X and Y)."""
    nouns = words("place_nouns")
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in nouns:
        return tok.head.head
    if tok.dep_ == "appos" and tok.head.lemma_.lower() in nouns:
        return tok.head
    if tok.dep_ in {"compound", "nmod"} and tok.head.lower_ in place_words_table("admin_plurals"):
        return tok.head  # "Katsina and Kano states", parsed as "Katsina" and "Kano states"
    return tok


def most_specific(ctx: DocContext, keys: list[str], aggregate: bool, inner: set[str] = frozenset(),
                  listed: set[str] = frozenset()) -> list[str]:
    """The settlements among an event's places rather than their regions or countries; a place
    keeps the places the text says it lies in or by ("the X area of Y town": X and Y); a place
    written "X, Y" comes before Y (``inner``); places named in one list stay together (``listed``)."""
    rank = {CITY: 1, "Place": 1, REGION: 3, COUNTRY: 4}
    ents = ctx.entities.entities
    anchors = ctx.entities.anchors
    framed = ctx.entities.framed_keys

    def level(k: str) -> float:
        kind = ents[k].kind
        if k in inner and kind in {CITY, "Place"}:
            return 0
        if k in framed:
            # "X village (District, Region)", "the Y area of Z", "the X district of Y city": the wording's own place first;
            # of two framed areas the deeper one ("in Y zone, X woreda": X)
            return 0 if kind in {CITY, "Place"} or anchors.get(k) else 2 - _admin_depth(ents[k].label) / 10 if kind == REGION \
                else rank.get(kind, 1)
        if kind == "Place" and not ents[k].geonames_id:
            return 2.5  # a bare unknown name, below a district the wording frames
        return rank.get(kind, 1)

    if not keys:
        return []
    best = min(level(k) for k in keys)
    # the place that lies in another one is the more specific: "Mogadishu - Hodan" is Hodan first, and
    # "near X in the department of Y" is X
    inside = {k for k in keys if any(c in keys for c in ctx.entities.containers.get(k, ()))}
    chosen = sorted((k for k in keys if level(k) == best), key=lambda k: (not anchors.get(k), k not in inside))
    chosen = chosen if aggregate else chosen[:1] + [k for k in chosen[1:] if chosen[0] in listed and k in listed]
    if chosen[0] in listed:  # "strikes on the capital X and the province of Y": each listed place, whatever its kind
        chosen += [k for k in keys if k in listed and k not in chosen and not _lies_in_any(ents, k, chosen)]
    for k in chosen:  # grows while read: "X area in Y neighbourhood in Z town"
        for a in anchors.get(k, ()):
            if a not in chosen and (a in keys or ents[a].kind in {CITY, "Place"}):
                chosen.append(a)
    return chosen


def _lies_in_any(ents, key: str, keys: list[str]) -> bool:
    """Whether a place is the country of one of the others ("in X and the rest of Y")."""
    return ents[key].kind == COUNTRY and any(ents[k].country_key == key for k in keys)


def places_agree(ents, a: list[str], b: list[str], anchors: dict[str, list[str]] | None = None) -> bool:
    """Same place, or one lies in the other (a city and its country or region, a district and the
    city the text puts it in)."""
    if not a or not b or set(a) & set(b):
        return True
    if anchors and any(y in anchors.get(x, ()) for x in a for y in b) or anchors and any(
            x in anchors.get(y, ()) for x in a for y in b):
        return True
    for x in a:
        for y in b:
            ex, ey = ents.get(x), ents.get(y)
            if ex is None or ey is None:
                continue
            if ex.kind == COUNTRY and ey.country_key == x or ey.kind == COUNTRY and ex.country_key == y:
                return True
            if REGION in {ex.kind, ey.kind} and ex.kind != ey.kind and ex.country_key and ex.country_key == ey.country_key:
                return True
            if ex.country_key and ex.country_key == ey.country_key and (_part_of_a_country(ex) or _part_of_a_country(ey)):
                return True  # "central Mali" and "the Mopti region": a part of the country named by direction holds any place of it
            if ex.kind == ey.kind == REGION and ex.country_key and ex.country_key == ey.country_key \
                    and 0 < _admin_depth(ex.label) != _admin_depth(ey.label) > 0:
                return True  # "X district" and "Y governorate" of one country: the district may lie in it
    return False


def _part_of_a_country(ent) -> bool:
    """A region named by a direction of its country ("central Mali", "northern Burkina Faso"),
    which the gazetteer does not bound."""
    return ent.kind == REGION and not ent.geonames_id and ent.label.split()[0].lower() in _directions()


@lru_cache(maxsize=1)
def _directions() -> frozenset[str]:
    return place_words("direction_adjectives") | place_words("direction_words")


_BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})
#: The nouns a border is named by (:func:`border_place`): "the border between A and B", "the frontier region between A and B".
_BORDER_HEADS = _BORDER_NOUNS | {"region", "area", "zone"}


def _country_of(ctx: DocContext, tok: Token) -> str | None:
    """The country a name or demonym stands for ("Thailand", "Thai", "northern Cambodia")."""
    ent = ctx.entity(tok)
    if ent is not None:
        if ent.kind == COUNTRY:
            return ent.key
        if ent.kind == REGION and ent.country_key and not ent.geonames_id:
            return ent.country_key  # "northern Cambodia"
    info = gazetteer().demonym(tok.text) or gazetteer().country(tok.text)
    return f"country:{info.iso2}" if info is not None else None


def border_place(ctx: DocContext, noun: Token) -> str | None:
    """The border of two countries a phrase names: "the border between A and B", "the frontier
    region between northern A and B", "the A-B border", "the Thai-Cambodian frontier". A place of
    its own (a region labelled "A-B border", the other order an alias), not either country."""
    pair: list[str] = []
    if noun.lemma_.lower() in _BORDER_HEADS:
        is_border = noun.lemma_.lower() in _BORDER_NOUNS or any(
            c.dep_ in {"compound", "amod"} and c.lemma_.lower() in _BORDER_NOUNS for c in noun.children)
        between = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"), None)
        if is_border and between is not None:
            first = next((c for c in between.children if c.dep_ == "pobj"), None)
            if first is not None:
                pair = [k for k in (_country_of(ctx, t) for t in [first, *first.conjuncts]) if k]
        if not pair and noun.lemma_.lower() in _BORDER_NOUNS:
            # "the India-Pakistan border", "the Kyrgyz-Tajik border"
            left = [t for t in noun.doc[noun.left_edge.i : noun.i] if t.text not in {"-", "–"} and t.dep_ != "det"]
            pair = [k for k in (_country_of(ctx, t) for t in left[-2:]) if k] if len(left) >= 2 else []
    pair = list(dict.fromkeys(pair))
    if len(pair) != 2:
        return None
    ents = ctx.entities.entities
    a, b = (ents[k].label for k in pair)
    key = "region:border:" + "-".join(sorted(k.split(":")[1] for k in pair))
    if key not in ents:
        ent = ctx.entities.add(key, REGION, f"{a}-{b} border", f"{a}-{b} border")
        ent.aliases.add(f"{b}-{a} border")
    return key


def _route_end(ctx: DocContext, tok: Token) -> str | None:
    """The place a name at one end of a route stands for."""
    if tok.pos_ != "PROPN" or tok.ent_type_ in {"NORP", "DATE", "TIME"} or not tok.text[:1].isupper():
        return None  # a person's name at a route's end is the model's slip: "the road linking X and Y"
    ent = ctx.place(tok)
    if ent is not None and not (ent.kind == COUNTRY and gazetteer().country(propn_span(tok).text) is None):
        return ent.key  # not a capital read as its government: a road's end is the city
    if tok.ent_type_ == "ORG" and (ent_span(tok) is None or len(ent_span(tok)) > 1):
        return None
    return ctx.place_by_name(propn_span(tok).text, CITY).key


def _hyphen_ends(ctx: DocContext, doc, start: int, end: int) -> list[str]:
    """"Gao-Ansongo", "Douentza - Gossi": the names a dash joins, each a place, unless the whole
    is one known place ("Ceel-Baraf")."""
    text = doc[start:end].text
    parts = [p.strip() for p in text.replace("–", "-").split("-")]
    if len(parts) < 2 or not all(len(p) >= 3 and p[:1].isupper() for p in parts):
        return []
    if gazetteer().place(text) is not None:
        return []
    return [ctx.place_by_name(p, CITY).key for p in parts]


def route_places(ctx: DocContext, noun: Token) -> list[str]:
    """The two ends of the route a noun names, each a place the event lies by: "on the Gao-Ansongo
    road", "on the axis Douentza-Gossi", "the road linking X and Y", "the highway from X to Y", "the
    road between X and Y"."""
    if noun.pos_ not in {"NOUN", "ADJ", "PROPN"}:
        return []
    doc = noun.doc
    ends: list[str] = []
    if not in_place_role(noun):
        # "..., axis X-Y, 2 wounded": a route written with its two ends stands on its own
        after = noun.i + 1
        end = after
        while end < len(doc) and (doc[end].text[:1].isupper() or doc[end].text in {"-", "–"}) and end - after < 8:
            end += 1
        ends = _hyphen_ends(ctx, doc, after, end) if end > after else []
        return _route_anchored(ctx, noun, ends)
    left = [t for t in doc[noun.left_edge.i : noun.i] if t.dep_ not in {"det", "amod"} or t.pos_ == "PROPN"]
    if left and all(t.pos_ in {"PROPN", "PUNCT"} or t.text in {"-", "–"} for t in left):
        ends = _hyphen_ends(ctx, doc, left[0].i, left[-1].i + 1)
    after = noun.i + 1
    if not ends and after < len(doc) and doc[after].text[:1].isupper():
        end = after
        while end < len(doc) and (doc[end].text[:1].isupper() or doc[end].text in {"-", "–"}) and end - after < 8:
            end += 1
        ends = _hyphen_ends(ctx, doc, after, end)  # "the axis Douentza-Gossi"
    for c in noun.children:
        if not ends and c.dep_ == "acl" and c.lemma_.lower() in place_words("route_link_verbs"):
            objs = [o for o in c.children if o.dep_ == "dobj"]
            objs += [p for o in c.children if o.dep_ == "prep" for p in o.children if p.dep_ == "pobj"]
            ends = [k for o in objs for t in (o, *o.conjuncts) if (k := _route_end(ctx, t))]
        elif not ends and c.dep_ == "prep" and c.lower_ == "between":
            ends = [k for o in c.children if o.dep_ == "pobj" for t in (o, *o.conjuncts) if (k := _route_end(ctx, t))]
        elif c.dep_ == "prep" and c.lower_ in {"from", "to"} and len(ends) < 2:
            ends += [k for o in c.children if o.dep_ == "pobj" if (k := _route_end(ctx, o))]
            ends += [k for o in c.children if o.dep_ == "pobj" for p in o.children
                     if p.dep_ == "prep" and p.lower_ == "to" for q in p.children if q.dep_ == "pobj"
                     if (k := _route_end(ctx, q))]  # "from X to Y" as one phrase
    if len(ends) == 1 and noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB":
        # "attacked travellers on the highway from X to Y": "to Y" hangs on the verb
        ends += [k for c in noun.head.head.children if c.dep_ == "prep" and c.lower_ == "to" and c.i > noun.i
                 for o in c.children if o.dep_ == "pobj" if (k := _route_end(ctx, o))]
    return _route_anchored(ctx, noun, ends)


def _route_anchored(ctx: DocContext, noun: Token, ends: list[str]) -> list[str]:
    """A route's ends, each lying by the other and in the area the route runs through."""
    ends = list(dict.fromkeys(ends))
    if len(ends) < 2:
        return []
    # "the X-Y road in Z", "the road between X and Y in Z district": the area the route runs through
    within = [p for t in noun.subtree if t.dep_ == "prep" and t.lower_ in {"in", "inside", "within"}
              for o in t.children if o.dep_ == "pobj" if (p := ctx.place(o)) is not None]
    within += [p for c in (noun.head.head.children if noun.dep_ == "pobj" else ()) if c.dep_ == "prep"
               and c.lower_ == "in" and c.i > noun.i for o in c.children if o.dep_ == "pobj" if (p := ctx.place(o)) is not None]
    anchors = ctx.entities.anchors
    for a in ends:  # each end lies by the other and in the area named: the event keeps them all
        for b in ends + [p.key for p in within]:
            if a != b and b not in anchors.setdefault(a, []):
                anchors[a].append(b)
    return ends


def sentence_places(ctx: DocContext, sent: Span) -> list[tuple[Token, str]]:
    """Every place the sentence names as a scene of events: (the name's token, entity key)."""
    out: list[tuple[Token, str]] = []
    borders = {}
    routes: set[str] = set()
    for tok in sent:
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in _BORDER_HEADS and in_place_role(tok):
            key = border_place(ctx, tok)
            if key is not None:
                borders[tok.i] = key
                out.append((tok, key))
        if tok.lower_ in place_words("route_nouns") or tok.lemma_.lower() in place_words("route_nouns"):
            ends = route_places(ctx, tok)
            out += [(tok, k) for k in ends]
            routes.update(ends)
    inside: set[int] = set()
    for i in borders:  # the two countries' names belong to the border, not to the event
        noun = sent.doc[i]
        inside.update(range(noun.left_edge.i, i))
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "between":
                inside.update(t.i for t in c.subtree)
    for tok in sent:
        if tok.i in inside:
            continue
        if tok.ent_iob_ == "I" and not (tok.pos_ == "PROPN" and sent.doc[tok.i - 1].pos_ == "DET"):
            continue  # inside a name; a span the model starts at "the" ("the X Airport") is read from its name
        key = place_of(ctx, tok)
        if key is not None and key not in routes:
            out.append((tok, key))
            # the places it lies in or by travel with it to the same event
            out += [(tok, a) for a in ctx.entities.anchors.get(key, ())]
    return out
