"""Trigger words of armed violence, found with the Matcher patterns of ``kg/data/attack_triggers.jsonl``.

A pattern names a word or phrase ("clashed", "opened fire", "an IED exploded", "shot dead"),
the kind of violence it implies if any (a concept of ``ontology/event-types.ttl``), and the
conditions under which it tells of an event rather than of something else: "fired"
needs a target ("fired mortars at the base", not "fired the manager"), "beat" needs a
person beaten by someone, "clashes" need a place, a date, casualties or the sides. The
words those conditions read (people, armed actors, animals, accidents) are in
``kg/data/violence_words.json``.

Statements that are not violence give no trigger: threats and warnings, plans, drills,
interceptions and shoot-downs ("non_event_heads" and "non_event_contexts" of
``event_words.json``), accidents and deaths from disease, crowd control ("fired tear gas"),
labour strikes and heart attacks.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import LEMMA, LOWER
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from kg.extract.context import counted_in_a_run, sentence_lemmas, sentence_words, tree_distance
from kg.lexicon import event_words, load_json, load_jsonl, weapon_lexicon, word_set
from kg.resolve.places import gazetteer

PATTERN_FILE = "attack_triggers.jsonl"
WORDS_FILE = "violence_words.json"
HEADLINE_PATTERNS = {"attack-verb", "kill-verb", "abduct-verb", "clash-verb"}
OBJECT_DEPS = {"dobj", "nsubjpass", "agent", "attr"}
TARGET_PREPS = {"on", "at", "against", "towards", "toward", "into", "upon"}


@dataclass(frozen=True)
class TriggerPattern:
    id: str
    pattern: tuple
    trigger: int
    type: str | None
    requires: frozenset[str]
    outcome: bool = False
    at_crowds: bool = False


@dataclass(frozen=True)
class Trigger:
    token: Token
    pattern_ids: tuple[str, ...]  # every pattern whose conditions hold, in file order
    event_type: str | None
    outcome: bool = False  # only words of what happened to victims ("were killed"), no act named

    @property
    def pattern_id(self) -> str:
        return self.pattern_ids[0]


@lru_cache(maxsize=1)
def trigger_patterns() -> tuple[TriggerPattern, ...]:
    return tuple(TriggerPattern(row["id"], tuple(row["pattern"]), row.get("trigger", 0), row.get("type"),
                                frozenset(row.get("requires", ())), bool(row.get("outcome")), bool(row.get("at_crowds")))
                 for row in load_jsonl(PATTERN_FILE))


@lru_cache(maxsize=None)
def violence_words(key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load_json(WORDS_FILE)[key])


_MATCHERS: dict[int, Matcher] = {}


def _inflections(lemma: str) -> list[str]:
    return [lemma, lemma + "s", lemma + "es", lemma + "d", lemma + "ed"]


def _case_free(pattern: tuple) -> list[list[dict]]:
    """The pattern, and a variant for a capitalised word the tagger took for a name ("Clashes
    broke out", "Gunfire was heard"): such a word keeps its written form as its lemma, so the
    variant tests the lower-cased word against the lemmas' inflections."""
    variant, changed = [], False
    for spec in pattern:
        spec = dict(spec)
        if "LEMMA" in spec:
            lemmas = spec.pop("LEMMA")
            lemmas = lemmas["IN"] if isinstance(lemmas, dict) else [lemmas]
            spec["LOWER"] = {"IN": sorted({f for l in lemmas for f in _inflections(l)})}
            spec["POS"] = "PROPN"
            spec.pop("TAG", None)
            changed = True
        variant.append(spec)
    return [list(pattern), variant] if changed else [list(pattern)]


def _single(pattern: TriggerPattern) -> bool:
    return len(pattern.pattern) == 1 and set(pattern.pattern[0]) <= {"LEMMA", "LOWER", "POS", "TAG"}


def _values(test) -> list[str]:
    return list(test["IN"]) if isinstance(test, dict) else [test]


def _allows(test, value: str) -> bool:
    if test is None:
        return True
    if isinstance(test, dict):
        return ("IN" not in test or value in test["IN"]) and value not in test.get("NOT_IN", ())
    return value == test


@lru_cache(maxsize=1)
def _word_index() -> dict[tuple[str, str], tuple[TriggerPattern, ...]]:
    """One-word patterns by the word they test: ("lemma", "clash"), ("lower", "raped"), and for
    a capitalised word the tagger took for a name, ("propn", "clashes")."""
    index: dict[tuple[str, str], list[TriggerPattern]] = {}
    for p in trigger_patterns():
        if not _single(p):
            continue
        spec = p.pattern[0]
        for field in ("LEMMA", "LOWER"):
            for word in _values(spec[field]) if field in spec else ():
                index.setdefault((field.lower(), word), []).append(p)
                if field == "LEMMA":
                    for form in _inflections(word):
                        index.setdefault(("propn", form), []).append(p)
    return {k: tuple({p.id: p for p in v}.values()) for k, v in index.items()}


@lru_cache(maxsize=1)
def _index_hashes() -> tuple[frozenset[int], frozenset[int]]:
    """The string hashes of the index's lemmas, and of its lower-cased and inflected forms."""
    from spacy.strings import hash_string

    index = _word_index()
    lemmas = frozenset(hash_string(w) for kind, w in index if kind == "lemma")
    forms = frozenset(hash_string(w) for kind, w in index if kind != "lemma")
    return lemmas, forms


def _word_candidates(rows: list[list[int]]) -> list[int]:
    """Indices of the tokens whose lemma or form a one-word pattern tests, from the Doc's
    (LEMMA, LOWER) array rows, without making a Token of every word."""
    lemmas, forms = _index_hashes()
    return [i for i, (lemma, lower) in enumerate(rows) if lemma in lemmas or lower in forms]


@lru_cache(maxsize=1)
def _first_word_hashes() -> frozenset[int] | None:
    """Hashes of every word the first token of a longer pattern may be (its lemmas, their
    forms and its lower-cased words): a Doc without any of them needs no Matcher, and the
    words before the first of them are not read (:func:`_first_pattern_start`)."""
    from spacy.strings import hash_string

    words: set[str] = set()
    for p in trigger_patterns():
        if _single(p):
            continue
        first = p.pattern[0]
        for field in ("LEMMA", "LOWER"):
            for w in _values(first[field]) if field in first else ():
                words.update(_inflections(w) + [w.capitalize()])
        if "LEMMA" not in first and "LOWER" not in first:
            return None  # a pattern that may start at any word: always run the Matcher
    return frozenset(hash_string(w) for w in words)


def _first_pattern_start(rows: list[list[int]]) -> int | None:
    """The index of the first token a longer pattern may start at, from the Doc's (LEMMA, LOWER)
    array rows: the Matcher reads the Doc from there on (a match starts at such a token); None
    if there is none; 0 if a pattern may start at any word."""
    firsts = _first_word_hashes()
    if firsts is None:
        return 0
    return next((i for i, (lemma, lower) in enumerate(rows) if lemma in firsts or lower in firsts), None)


def _word_matches(tok: Token) -> list[TriggerPattern]:
    """The one-word patterns a token matches, as spaCy's Matcher would match them."""
    out: list[TriggerPattern] = []
    index = _word_index()
    for p in index.get(("lemma", tok.lemma_), ()) + index.get(("lower", tok.lower_), ()):
        spec = p.pattern[0]
        if _allows(spec.get("POS"), tok.pos_) and _allows(spec.get("TAG"), tok.tag_) \
                and _allows(spec.get("LOWER"), tok.lower_) and _allows(spec.get("LEMMA"), tok.lemma_):
            out.append(p)
    if tok.pos_ == "PROPN":
        out += [p for p in index.get(("propn", tok.lower_), ()) if "LEMMA" in p.pattern[0]]
    return out


def _matcher(vocab: Vocab) -> Matcher:
    """One Matcher per vocabulary (per loaded pipeline) for the patterns of several words, built on
    first use; one-word patterns are looked up by their word (``_word_index``)."""
    m = _MATCHERS.get(id(vocab))
    if m is None:
        m = Matcher(vocab)
        for p in trigger_patterns():
            if not _single(p):
                m.add(p.id, _case_free(p.pattern))
        _MATCHERS[id(vocab)] = m
    return m


@lru_cache(maxsize=1)
def _by_id() -> dict[str, TriggerPattern]:
    return {p.id: p for p in trigger_patterns()}


@lru_cache(maxsize=1)
def _file_order() -> dict[str, int]:
    return {p.id: n for n, p in enumerate(trigger_patterns())}


def match_triggers(doc: Doc) -> dict[int, list[TriggerPattern]]:
    """Token index -> the patterns whose trigger word it is, in file order."""
    patterns, order = _by_id(), _file_order()
    found: dict[int, list[TriggerPattern]] = {}
    rows = doc.to_array([LEMMA, LOWER]).tolist()
    first = _first_pattern_start(rows)
    phrase_matches = [] if first is None else [  # the Matcher gives offsets in the span it reads
        (match_id, first + start, first + end) for match_id, start, end in _matcher(doc.vocab)(doc[first:], allow_missing=True)]
    for match_id, start, end in phrase_matches:
        p = patterns[doc.vocab.strings[match_id]]
        i = start + min(p.trigger, end - start - 1)
        if p not in found.setdefault(i, []):
            found[i].append(p)
    for i in _word_candidates(rows):
        for p in _word_matches(doc[i]):
            if p not in found.setdefault(i, []):
                found[i].append(p)
        if not found.get(i):
            found.pop(i, None)
    for i in found:
        found[i].sort(key=lambda p: order[p.id])
    return found


def find_triggers(sent: Span, matches: dict[int, list[TriggerPattern]], has_casualties: bool) -> list[Trigger]:
    """The trigger words of one sentence whose conditions hold."""
    out: list[Trigger] = []
    doc = sent.doc
    for i in sorted(i for i in matches if sent.start <= i < sent.end):  # the sentence's words with a pattern
        tok, pats = doc[i], matches[i]
        if not pats or _excluded(tok, has_casualties):
            continue
        if _protest(sent) and not any(p.at_crowds for p in pats):
            continue  # a demonstration, a riot or its dispersal; not shooting at the crowd
        ok = [p for p in pats if all(_holds(req, tok, sent, has_casualties) for req in p.requires)]
        if ok:
            outcome = all(p.outcome for p in ok)
            out.append(Trigger(tok, tuple(p.id for p in ok), _first_in_precedence(p.type for p in ok), outcome))
    if not out:
        out = _headline_verbs(sent)
    acts = [t for t in out if not t.outcome]
    # "a strike killed five": the killing is the strike's outcome, not an event of its own
    return acts or out


def _first_in_precedence(types) -> str | None:
    """Of the kinds several patterns give one word, the most specific ("a suicide bombing" is a
    suicide bombing before it is a bombing), by the order of event_type_rules.json."""
    from kg.extract.event_types import precedence  # event_types reads this module's word lists

    found = [t for t in types if t]
    if not found:
        return None
    order = precedence()
    return min(found, key=lambda t: order.index(t) if t in order else len(order))


def _headline_verbs(sent: Span) -> list[Trigger]:
    """A sentence in headline style, with no verb the tagger saw ("Militia attack herders at a
    well"): a word of an attack, killing, abduction or clash verb standing between two noun
    phrases is that verb. Words that need their arguments read ("fires", "hits") are read only
    when what follows them is such an argument: a weapon fired ("Rebel group fires rockets at
    army base")."""
    if any(t.pos_ in {"VERB", "AUX"} for t in sent):
        return []
    index = _word_index()
    out: list[Trigger] = []
    for tok in sent[1:-1]:
        before, after = tok.doc[tok.i - 1], tok.doc[tok.i + 1]
        if tok.pos_ != "NOUN" or before.pos_ not in {"NOUN", "PROPN"} or after.pos_ not in {"NOUN", "PROPN", "DET", "ADJ", "NUM"}:
            continue
        # the word's verb forms are the index's inflections of a verb pattern's lemmas
        pats = [p for p in index.get(("propn", tok.lower_), ())
                if p.id in HEADLINE_PATTERNS or (p.requires == {"aimed"} and _is_weapon(after) and not _crowd_control(tok))]
        if pats:
            out.append(Trigger(tok, tuple(p.id for p in pats), next((p.type for p in pats if p.type), None),
                               all(p.outcome for p in pats)))
    return out


# -- conditions ---------------------------------------------------------------

def _holds(req: str, tok: Token, sent: Span, has_casualties: bool) -> bool:
    if req == "casualties":
        return has_casualties
    if req == "object":
        return _has_object(tok)
    if req == "aimed":
        return _aimed(tok)
    if req == "sides":
        return _has_sides(tok)
    if req == "victim":
        return _has_victim(tok, counted=True)
    if req == "person":
        return _has_victim(tok, counted=False)
    if req == "agent":
        return _has_agent(tok)
    if req == "context":
        return has_casualties or _has_context(tok, sent)
    if req == "intentional":
        return not accidental(sent)
    if req == "killing_signs":
        return _killing_signs(tok)
    if req == "territory":
        return _takes_territory(tok)
    if req == "scene":
        return _under_fire_scene(tok)
    if req == "armed":
        return has_casualties or any(_is_weapon(t) or _is_armed_actor(t) for t in _arguments(tok) + _reporting_subject(tok))
    if req == "weapon":
        return any(_is_weapon(t) for t in _arguments(tok))
    raise ValueError(f"unknown trigger condition {req!r} in {PATTERN_FILE}")


def _killing_signs(body: Token) -> bool:
    """Bodies found bearing the marks of a killing: "the bullet-riddled bodies of five men", "bodies
    dumped near a river", "bodies with gunshot wounds", "with their hands tied"."""
    signs = word_set("violence_words.json", "violent_death_signs")
    near = list(body.subtree) + ([body.head, *body.head.children] if body.head.pos_ == "VERB" else [])
    near += [t for n in list(near) if n.dep_ in {"xcomp", "oprd", "acl"} for t in n.subtree]
    return any(t.lower_ in signs or t.lemma_.lower() in signs for t in near)


def _arguments(tok: Token) -> list[Token]:
    """Objects, passive subjects and by-phrase or target-phrase nouns of a verb; the head
    noun a participle modifies ("a bomb planted by ...")."""
    args = [c for c in tok.children if c.dep_ in OBJECT_DEPS | {"nsubj"}]
    for c in tok.children:
        if c.dep_ in {"prep", "agent"}:
            args += [p for p in c.children if p.dep_ == "pobj"]
    if tok.dep_ in {"acl", "relcl", "amod"}:
        args.append(tok.head)
    if tok.tag_ == "VBN" and tok.dep_ in {"advcl", "xcomp", "acomp"} and tok.head.lemma_ == "be" \
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):
        # "a grenade was late on Sunday hurled at ...": the parser hangs the participle
        # on "was", whose subject is the participle's
        args += [c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    args += [c for a in list(args) for c in a.conjuncts]
    return args


def _crowd_control(tok: Token) -> bool:
    """Whether the verb's object is a means of crowd control ("fired tear gas", "rubber bullets")."""
    crowd = violence_words("crowd_control_objects")
    return any(_phrase(o) in crowd or o.lemma_.lower() in crowd or o.lower_ in crowd
               for o in tok.children if o.dep_ in {"dobj", "nsubjpass"})


def _has_object(tok: Token) -> bool:
    if tok.dep_ in {"relcl", "acl"}:
        return True
    if _crowd_control(tok):
        return False  # "police fired tear gas"
    if any(c.dep_ in {"dobj", "nsubjpass", "agent"} for c in tok.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ in TARGET_PREPS for c in tok.children) \
        or any(c.dep_ == "advmod" and c.lower_ in {"towards", "toward"} for c in tok.children)


def _aimed(tok: Token) -> bool:
    """"fired at the base", "shot towards the beach", "opened fire on", "fired mortars": a target or a
    weapon; not "fired tear gas at the crowd"."""
    if _crowd_control(tok):
        return False
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in TARGET_PREPS \
                and not any(p.ent_type_ in {"DATE", "TIME"} for p in c.children):
            return True  # "fired at the base", not "fired 200 workers on Friday"
    if any(c.dep_ == "advmod" and c.lower_ in {"towards", "toward", "indiscriminately"} for c in tok.children):
        return True
    return any(_is_weapon(c) for c in tok.children if c.dep_ in {"dobj", "nsubjpass"})


def _has_sides(tok: Token) -> bool:
    """"clashed with X", "X and Y clashed", "rival militias fought", "fought the army"."""
    if any(c.dep_ == "prep" and c.lower_ in {"with", "against", "between", "among", "alongside"} for c in tok.children):
        return True
    subj = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if any(s.conjuncts or s.tag_ in {"NNS", "NNPS"} or s.lemma_.lower() in violence_words("armed_actor_nouns") for s in subj):
        return True
    if any(c.dep_ == "dobj" and (c.lemma_.lower() in violence_words("armed_actor_nouns") or c.ent_type_ in {"ORG", "NORP"}) for c in tok.children):
        return True
    return tok.dep_ == "conj" and _has_sides(tok.head)


def _phrase(tok: Token) -> str:
    """A noun with its compounds and adjectives before it: "tear gas", "rubber bullets"."""
    return " ".join(t.lower_ for t in tok.subtree if t == tok or (t.i < tok.i and t.dep_ in {"compound", "amod"}))


def _is_person(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in violence_words("animal_nouns") or tok.lower_ in violence_words("animal_nouns"):
        return False
    if tok.pos_ == "PRON":
        return tok.lower_ in {"him", "her", "them", "he", "she", "they", "us", "we", "me", "i", "you", "one", "someone", "somebody", "anyone", "everyone", "who", "whom", "that"}
    if tok.ent_type_ in {"PERSON", "NORP"}:
        return True
    if lemma in violence_words("person_nouns") or tok.lower_ in violence_words("person_nouns"):
        return True
    if tok.like_num or tok.pos_ == "NUM":
        # "killed two", "killed 5 of them"
        return not any(c.lemma_.lower() in violence_words("animal_nouns") for c in tok.subtree)
    if tok.lemma_.lower() in event_words("generic_victims") or tok.lemma_.lower() in event_words("child_victims"):
        return True
    if tok.pos_ == "PROPN" and tok.ent_type_ in {"", "PERSON"}:
        return True
    return False


def _victim_candidates(tok: Token) -> list[Token]:
    """The phrases that name who a violent verb was done to."""
    cands = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass", "attr", "oprd"}
             and not (c.i > 0 and c.doc[c.i - 1].text == "(" and _is_weapon(c))]  # "3 killed (machetes)"
    if not cands and any(c.i > 0 and c.doc[c.i - 1].text == "(" and _is_weapon(c) for c in tok.children):
        cands = [c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i and (c.like_num or c.pos_ == "NUM")]
    if tok.dep_ in {"acl", "amod"} or (tok.dep_ == "relcl" and tok.tag_ == "VBN"):
        cands.append(tok.head)  # "a farmer killed by gunmen", "the man shot yesterday"
    if tok.dep_ == "compound" and tok.pos_ == "NOUN":
        cands.append(tok.head)  # a headline's verb taken for a noun: "militia attack herders"
    # "shot dead his neighbour", parsed with the victim under "dead"
    cands += [o for c in tok.children if c.dep_ in {"acomp", "oprd", "advmod"} and c.lower_ in {"dead", "death"}
              for o in c.children if o.dep_ in {"dobj", "nsubj"}]
    if not cands and tok.tag_ == "VBN" and tok.dep_ == "conj":
        cands = [c for c in tok.head.children if c.dep_ in {"dobj", "nsubjpass"}]  # "shot and killed a trader"
    if not cands and tok.dep_ == "conj":
        cands = [c for c in tok.head.children if c.dep_ in {"dobj", "nsubjpass"}]
    # "killed and mutilated a guard": the object hangs on the last of the coordinated verbs
    cands += [c for conj in tok.conjuncts if conj.i > tok.i for c in conj.children if c.dep_ in {"dobj", "nsubjpass"}]
    if not cands and tok.tag_ == "VBN" and any(c.dep_ in {"auxpass"} or c.lemma_ == "be" for c in tok.children):
        cands = [c for c in tok.children if c.dep_ == "nsubj"]
    return cands + [c for x in list(cands) for c in x.conjuncts]


def victim_words(tok: Token) -> list[str]:
    """Lemmas of who a violent verb was done to or aimed at ("shot a trader" -> trader, "opened
    fire on protesters" -> protester)."""
    aimed_at = [p for h in [tok] + [c for c in tok.children if c.dep_ == "dobj"] for c in h.children
                if c.dep_ == "prep" and c.lower_ in {"on", "at", "upon", "against", "towards", "toward"}
                for p in c.children if p.dep_ == "pobj"]
    words = [_member_group(c).lemma_.lower() for c in _victim_candidates(tok) + aimed_at if c.pos_ == "NOUN"]
    # "killed 12 Taliban": counted members of an organization are its fighters
    return words + ["fighter" for c in _victim_candidates(tok) if _counted_members(c) and c.ent_type_ != "NORP"]


def _member_group(noun: Token) -> Token:
    """"members of a family", "members of the security forces": the group after "of" says who the
    members were; the noun itself otherwise."""
    if noun.lemma_.lower() != "member":
        return noun
    return next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"), noun)


def _has_victim(tok: Token, counted: bool) -> bool:
    """Whether a person is who the verb was done to; with ``counted``, also a counted or plural
    noun that is no animal ("abducted 15 travellers", "killed dozens")."""
    for c in _victim_candidates(tok):
        if _is_person(c):
            return True
        if counted and c.pos_ == "NOUN" and not _not_a_person(c) \
                and (c.tag_ == "NNS" or any(x.dep_ in {"nummod", "det", "poss"} for x in c.children)):
            return True  # "abducted 15 travellers", "shot dead his neighbour"
        if counted and _counted_members(c):
            return True  # "killed 12 Taliban": members of a group, counted
    return False


def _counted_members(tok: Token) -> bool:
    """A group's name with a number on it: its members ("12 Taliban", "ten Dozos")."""
    return tok.pos_ == "PROPN" and tok.ent_type_ in {"ORG", "NORP", ""} \
        and any(x.dep_ == "nummod" and (x.like_num or x.pos_ == "NUM") for x in tok.children)


def _not_a_person(tok: Token) -> bool:
    """An animal, a weapon, a thing struck or a place: never who a killing verb was done to."""
    lemma = tok.lemma_.lower()
    return lemma in violence_words("animal_nouns") or _is_weapon(tok) or lemma in _things() \
        or lemma in event_words("place_nouns") or lemma in event_words("target_nouns")


@lru_cache(maxsize=1)
def _things() -> frozenset[str]:
    return frozenset(load_json("casualty_words.json")["things"]["words"])


def _has_agent(tok: Token) -> bool:
    if any(c.dep_ in {"nsubj", "agent"} for c in tok.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "by" for c in tok.children):
        return True
    return tok.dep_ == "conj" and any(c.dep_ == "nsubj" for c in tok.head.children)


def _has_context(tok: Token, sent: Span) -> bool:
    """A place, a date, a weapon, an armed actor or the sides named close to the trigger
    (within three dependency edges)."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in violence_words("side_preps") | {"in", "near", "at", "around", "outside"}:
            return True
    for t in sent:
        if tree_distance(tok, t) > 3:
            continue
        if t.ent_type_ in {"GPE", "LOC", "FAC", "DATE", "TIME"}:
            return True
        if t.lemma_.lower() in violence_words("armed_actor_nouns") and t.dep_ in {"nsubj", "nsubjpass", "pobj", "dobj", "compound"}:
            return True
        if t.lemma_.lower() in violence_words("weapon_nouns"):
            return True
        if t.dep_ == "pobj" and t.lemma_.lower() in event_words("target_nouns"):
            return True  # "an explosion at the township office"
    return False


def _takes_territory(tok: Token) -> bool:
    """"captured the town of X", "overran an army base", "seized the port": a place taken, not
    weapons or goods seized."""
    sent = tok.sent
    lowers = [t.lower_ for t in sent]
    if set(lowers) & violence_words("unopposed_words") or any(
            t.lower_ == "without" and any(x.lemma_.lower() in violence_words("no_fight_nouns") or x.lower_ in violence_words("no_fight_nouns")
                                          for x in t.subtree) for t in sent):
        return False  # "retook the town without a fight": a transfer, not a battle
    doc = sent.doc
    after = doc[sent.end].sent if sent.end < len(doc) and "\n" not in doc[sent.end - 1 : sent.end + 1].text else None
    no_fight = violence_words("no_fight_nouns") | {"violence"}
    if after is not None and any(t.lemma_.lower() in no_fight
                                 and any(c.dep_ == "det" and c.lower_ == "no" for c in t.children) for t in after):
        return False  # "... overtook the village. No violence was reported."
    if tok.lemma_.lower() in violence_words("entry_verbs"):
        return _armed_entry(tok)
    for obj in (c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}):
        if obj.lemma_.lower() == "control":
            # "seized control of the town", "seized control of X" (a name the model may not know as a place)
            obj = next((p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                        for p in c.children if p.dep_ == "pobj"), obj)
            if obj.pos_ == "PROPN" and obj.ent_type_ not in {"PERSON", "ORG", "NORP"}:
                return True
        if obj.ent_type_ in {"GPE", "LOC", "FAC"} or obj.lemma_.lower() in event_words("place_nouns") \
                or obj.lemma_.lower() in violence_words("taken_positions"):
            return True
    return False


def _reporting_subject(verb: Token) -> list[Token]:
    """"the Arakan Army said it had captured the town": who "it" is, the subject of the verb of
    saying whose clause this is."""
    if not any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in verb.children):
        return []
    clause = verb
    while clause.dep_ in {"conj", "xcomp"} and clause.head != clause:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in event_words("speech_verbs"):
        return []
    return [c for c in clause.head.children if c.dep_ == "nsubj"]


def _under_fire_scene(tok: Token) -> bool:
    """"the town of X came under heavy fire", "a convoy came under attack": what came under it is
    a place, a building, a vehicle or an armed force, not a minister criticised."""
    verb = tok.head.head if tok.head.lower_ == "under" else tok.head
    for subj in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}):
        if subj.ent_type_ in {"GPE", "LOC", "FAC"} or subj.lemma_.lower() in event_words("place_nouns") \
                or subj.lemma_.lower() in event_words("target_nouns") or _is_armed_actor(subj) and subj.ent_type_ != "ORG":
            return True
    return False


def _armed_entry(tok: Token) -> bool:
    """"rebels entered the town of X", "the group's fighters entered the district capital": a non-state
    armed group entering a town takes it. Troops entering a place, anyone entering a country,
    and an entry after the other side left ("after the army withdrew") are movements, not fighting."""
    sent_words = {t.lower_ for t in tok.sent} | {t.lemma_.lower() for t in tok.sent}
    if sent_words & violence_words("withdrawal_words"):
        return False
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    subjects += [x for s in subjects for x in s.conjuncts]
    if not any(s.lemma_.lower() in violence_words("entering_actors")
               or (s.ent_type_ == "ORG" and s.lemma_.lower() not in violence_words("armed_actor_nouns")) for s in subjects):
        return False
    for obj in (c for c in tok.children if c.dep_ == "dobj"):
        if obj.lemma_.lower() in violence_words("entered_places"):
            return True
        name = next((e.text for e in obj.sent.ents if e.start <= obj.i < e.end), obj.text)
        if obj.ent_type_ in {"GPE", "FAC"} and gazetteer().country(name) is None:
            return True
    return False


def _is_armed_actor(tok: Token) -> bool:
    return tok.lemma_.lower() in violence_words("armed_actor_nouns") or tok.ent_type_ in {"ORG", "NORP"}


def _is_weapon(tok: Token) -> bool:
    lex = weapon_lexicon().by_label
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(p.lemma_.lower() in event_words("meeting_nouns") | {"talk"}
                                                        for p in c.children if p.dep_ == "pobj") for c in tok.children):
        return False  # "a third round of talks": a meeting, not ammunition
    return tok.lemma_.lower() in violence_words("weapon_nouns") or tok.lower_ in violence_words("weapon_nouns") \
        or tok.lower_ in lex or tok.lemma_.lower() in lex


def _hit_by_a_force(verb: Token) -> bool:
    """A verb of hitting whose subject or agent is a force of nature or of the economy ("an earthquake
    struck", "Cyclone Freddy hit", "floods hit the town", "hit by the tariffs")."""
    forces = violence_words("impersonal_forces")
    hitters = [c for c in verb.children if c.dep_ == "nsubj"]
    hitters += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    hitters = [h for h in hitters if not any(c.dep_ == "prep" and c.lower_ == "of" and any(_is_weapon(p) for p in c.children)
                                             for c in h.children)]  # "a storm of shells"
    return any(h.lemma_.lower() in forces or h.lower_ in forces
               or any(c.dep_ == "compound" and c.lemma_.lower() in forces for c in h.children) for h in hitters)


def _vehicle_ran_into(verb: Token) -> bool:
    """A road vehicle as the subject of a verb of collision, in a sentence that names no weapon and no
    attacker ("a fuel tanker hit a bus", "the lorry struck a crowd of pilgrims"): an accident. A vehicle
    that went over a mine or a bomb, or one an attacker drove, is not."""
    if verb.lemma_.lower() not in violence_words("collision_verbs"):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ in {"acl", "relcl"}:
        subjects.append(verb.head)  # "after a fuel tanker overturned", parsed on "tanker"
    if not any(c.lemma_.lower() in violence_words("road_vehicles") for c in subjects) \
            or any(_is_armed_actor(c) for c in subjects):
        return False
    return not any(_is_weapon(t) or t.lemma_.lower() in violence_words("perpetrator_nouns") for t in verb.sent)


def _industrial_action(strike: Token) -> bool:
    """A strike of workers: called, announced or staged by workers or their union ("teachers announce a
    strike"), or told with their pay, union or employer ("a strike over unpaid salaries") and no weapon."""
    if any(c.dep_ in {"compound", "amod", "nmod"} and (c.ent_type_ in {"NORP", "GPE", "ORG"} or _is_weapon(c)
                                                       or c.lower_ in violence_words("military_strike_modifiers"))
           for c in strike.children):
        return False  # "the air strike", "an Israeli strike"
    actors = violence_words("labour_actors")
    verb = strike.head if strike.dep_ in {"dobj", "nsubjpass"} else None
    if verb is not None and any(c.dep_ in {"nsubj", "agent"} and c.lemma_.lower() in actors for c in verb.children):
        return True
    if any(c.dep_ == "poss" and c.lemma_.lower() in actors for c in strike.children):
        return True  # "the nurses' strike"
    if any(c.dep_ == "prep" and c.lower_ in {"on", "against", "at"}
           and not any(p.ent_type_ in {"DATE", "TIME"} for p in c.children) for c in strike.children):
        return False  # "the strike on the clinic"
    sent = strike.sent
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in violence_words("labour_words") for t in sent) \
        and not any(_is_weapon(t) for t in sent)


def _excluded(tok: Token, has_casualties: bool) -> bool:
    """Threats, plans, drills, interceptions, accidents, crowd control, strikes of workers."""
    lemma = tok.lemma_.lower()
    if tok.dep_ in {"compound", "amod"} and tok.head.pos_ == "NOUN" and tok.pos_ == "NOUN" \
            and tok.head.lemma_.lower() not in event_words("attack_nouns"):
        return True  # "attack helicopter", "strike force"
    if tok.tag_ == "VBG" and tok.dep_ == "amod":
        return True  # "striking teachers", "a fighting force"
    mods = {c.lower_ for c in tok.children if c.dep_ in {"compound", "amod", "nmod", "poss"}}
    mods |= {c.lemma_.lower() for c in tok.children if c.dep_ in {"compound", "amod", "nmod"}}
    if mods & violence_words("non_event_modifiers"):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(
            p.dep_ == "pobj" and p.lower_ in violence_words("figurative_of_objects") for p in c.children)
            for c in tok.children):
        return True  # "the battle of attrition as to who would blink first", "a war of words"
    if lemma == "strike" and tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.lemma_.lower() in {"go", "be", "remain", "stay", "come"}:
        return True  # "went on strike"
    if lemma in {"strike", "hit", "pound", "batter", "ravage", "devastate"} and tok.pos_ == "VERB" and _hit_by_a_force(tok):
        return True  # "an earthquake struck eastern Turkey", "Canada, also hit by the tariffs"
    nominal = tok.head if tok.dep_ == "acl" and tok.tag_ == "VBG" else tok  # "any US targeting", parsed on "US"
    if tok.pos_ in {"NOUN", "VERB"} and any(c.dep_ == "det" and c.lower_ in {"any", "every", "no"} for c in nominal.children):
        return True  # "any US targeting of our country will be our target", "no attack was reported": none told
    if lemma == "raid" and not has_casualties and any(
            t.pos_ == "VERB" and t.lemma_.lower() in violence_words("arrest_verbs") for t in tok.sent):
        return True  # "police raided a hideout and arrested three suspects": an arrest, no one harmed
    if tok.pos_ == "VERB" and _vehicle_ran_into(tok):
        return True  # "a fuel tanker hit a minibus": a road accident
    if lemma == "strike" and tok.pos_ == "NOUN" and not has_casualties and _industrial_action(tok):
        return True  # "nurses announce a warning strike", "a strike over unpaid salaries"
    if lemma in {"strike", "hit", "target", "pound"} and tok.pos_ == "VERB" and not has_casualties and any(
            c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in violence_words("figurative_objects") for c in tok.children) \
            and not any(c.dep_ == "nsubj" and (_is_weapon(c) or _is_armed_actor(c)) for c in tok.children):
        return True  # "struck a deal", "talks hit a deadlock", "prices hit a record high"; not "a shell hit a wall"
    for anc in [tok] + list(tok.ancestors)[:3]:
        if anc != tok and (_across_semicolon(tok, anc) or _spliced(tok, anc)):
            break  # "an IED detonated in X; the device was intended for ...": another clause, parsed as the head
        if anc != tok and anc.lemma_.lower() in event_words("non_event_heads") and not _feared_dead(anc) \
                and not _renewed(tok, anc):
            return True
        if anc.lower_ in event_words("non_event_contexts"):
            return True
        if anc.dep_ == "prep" and anc.lower_ == "without":
            return True  # "entered the town without any combat"
        if anc.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"after", "when", "because", "since", "as", "once"}
                                       for c in anc.children):
            break  # "suspended the talks after the rebels attacked a base": a clause of its own, told as having happened
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in {"no", "without"}):
            return True  # "did not attack", "no clashes were reported"
        if c.lower_ == "down" and c.dep_ in {"prt", "advmod"} and lemma in {"shoot", "bring", "drop", "take"}:
            return True  # "shot down a drone", "brought down a plane": an interception
        if tok.pos_ == "VERB" and c.dep_ == "aux" and c.lower_ in violence_words("hypothetical_auxiliaries"):
            return True  # "would engage", "could strike": not something that happened
        if c.dep_ == "mark" and c.lower_ in {"if", "unless"}:
            return True
    if tok.dep_ in {"attr", "nsubj", "nsubjpass"} and tok.head.pos_ in {"VERB", "AUX"} and _conditional(tok.head):
        return True  # "if ... there are attacks on us": a condition, not something that happened
    if tok.dep_ == "attr" and tok.head.lemma_ == "be" and not has_casualties and any(
            c.dep_ == "nsubj" and c.lower_ in {"it", "this", "that"} for c in tok.head.children):
        return True  # "It was the second attack on the city this week": what was told before, restated
    if tok.dep_ == "nsubj" and tok.head.lemma_ == "be" and not has_casualties \
            and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in tok.children) \
            and not any(c.dep_ in {"prep", "compound", "amod"} for c in tok.children) \
            and any(c.dep_ == "attr" and c.lower_ in violence_words("ranking_words") for c in tok.head.children):
        return True  # "the attack would be the latest in a string of raids since X": the one told, ranked
    if in_victims_past(tok):
        return True  # "killed a commander who was involved in rocket launches": what the victim had done
    if _one_of_a_series(tok):
        return True  # "..., the latest in a string of attacks on villagers": the run, not another event
    if not has_casualties and tok.tag_ == "NNS" and tok.dep_ == "pobj" and tok.head.lower_ == "of" \
            and tok.head.head.lemma_.lower() in violence_words("series_nouns") and _blamed_for(tok.head.head):
        return True  # "was held to blame for a run of raids on police posts": a run of events, none of them told
    if _counted_since(tok):
        return True  # "..., the third mass kidnapping at a school since March": the one just told, counted
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in violence_words("duration_nouns") and not has_casualties:
        return True  # "months of fighting that displaced thousands": a war's span, not one event
    if not has_casualties and _trend(tok):
        return True  # "a upsurge of raids since 2017", "kidnappings are on the rise": a trend
    if _fights_on_a_side(tok):
        return True
    if not has_casualties and (_describes_its_actor(tok) or _generic_perfect(tok)):
        return True  # "the coalition fighting the rebels in X", "the group has attacked villages in X and Y"
    if not has_casualties and tok.dep_ == "acl" and (_habitual(tok.head) or _trend(tok.head)):
        return True  # "near-daily attacks targeting the forces": what those attacks aim at, no event of its own
    if not has_casualties and tok.pos_ == "NOUN" and tok.lemma_.lower() in {"fight", "battle", "war", "struggle"} \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
            and any(c.dep_ == "prep" and c.lower_ == "against" for c in tok.children):
        return True  # "the fight against COVID-19", "leading the fight against the insurgents": a campaign, not an event
    if not has_casualties and (tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lemma_.lower() == "end"
                               or tok.dep_ == "dobj" and tok.head.lemma_.lower() in {"end", "halt", "stop", "cease"}
                               or tok.dep_ in {"dobj", "pobj"} and any(c.dep_ == "dobj" and c.lower_ == "end" for c in tok.head.children)):
        return True  # "putting an end to the hostility", "ended the fighting": what stopped, not an event
    if not has_casualties and _topic_of_talks(tok):
        return True  # "talks about the clashes in X", "no discussions regarding the fighting": what was talked of
    if not has_casualties and _in_arrest(tok):
        return True  # "police arrested 30 suspects in a raid": an arrest operation
    if not has_casualties and _in_seizure(tok):
        return True  # "the army seized a cache of weapons in a raid": a search
    if not has_casualties and _fired_at_nothing(tok):
        return True  # "fired a ballistic missile into the sea", "fired into the air": a test, warning shots
    if not has_casualties and _habitual(tok):
        return True  # "rival clans have often fought", "has been fighting for weeks": a state of affairs
    if not has_casualties and _generic_present(tok):
        return True  # "groups which are staging raids across the frontier": what they do, no event
    if not has_casualties and _war_start_as_a_time(tok):
        return True  # "since fighting erupted in April 2023", "two years after fighting erupted": a time, told by the war
    if not has_casualties and _on_a_mission(tok):
        return True  # "soldiers who were helping fight insurgents", "troops deployed to fight the militia"
    if not has_casualties and _whole_war(tok):
        return True  # "waging a bloody campaign", "have fought the government since 2006": the war, not one event
    return not has_casualties and _background(tok)


def _topic_of_talks(tok: Token) -> bool:
    """"held talks about the clashes in X", "there were no discussions regarding the fighting",
    "the meeting on the shelling of Y": violence a meeting speaks of, told as its topic."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in {"about", "regarding", "concerning", "on", "over"}:
        return False
    talk = tok.head.head
    return talk.lemma_.lower() in event_words("meeting_nouns") or talk.lower_ in event_words("meeting_nouns") \
        or talk.lemma_.lower() in {"discuss", "talk", "negotiate", "speak", "focus"} \
        and any(c.dep_ == "nsubj" and c.lemma_.lower() in event_words("meeting_nouns") for c in talk.children)


def _conditional(verb: Token) -> bool:
    """A clause under "if" or "unless", or joined to one ("if the situation flares up and there are ...")."""
    while True:
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in verb.children):
            return True
        if verb.dep_ != "conj" or verb.head is verb:
            return False
        verb = verb.head


def in_victims_past(tok: Token) -> bool:
    """Whether a word stands in a relative clause on someone killed or wounded that tells of
    violence ("killed a commander who was involved in rocket launches toward X", "a leader who
    had planned attacks on soldiers in Y"): what the victim had done, not this attack's scene or
    weapon. Not "killed a man who was walking near his home in X", where the victim was."""
    for anc in list(tok.ancestors)[:6]:
        if anc.dep_ == "relcl" and anc.head.dep_ in {"dobj", "nsubjpass"} \
                and anc.head.head.lemma_.lower() in event_words("kill_verbs") | event_words("injure_verbs"):
            return any(t.lemma_.lower() in event_words("attack_nouns") or t.lemma_.lower() in event_words("attack_verbs")
                       for t in anc.subtree)
    return False


def _one_of_a_series(tok: Token) -> bool:
    """"the latest in a string of attacks", "the third in a series of bombings": the run of events
    the told one belongs to."""
    run = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
    if run is not None and run.lemma_.lower() in {"dozen", "score", "hundred", "number", "lot", "couple"} \
            and run.dep_ == "pobj" and run.head.lower_ == "of":
        run = run.head.head  # "a string of dozens of attacks"
    if run is None or run.lemma_.lower() not in violence_words("series_nouns"):
        return False
    place = run.head if run.dep_ == "pobj" and run.head.lower_ in {"in", "of"} else None
    return place is not None and (place.head.lower_ in {"latest", "last", "newest"} or place.head.tag_ in {"JJS", "JJ"}
                                  and place.head.lower_ in {"first", "second", "third", "fourth", "fifth", "deadliest", "worst"})


def _counted_since(tok: Token) -> bool:
    """"the third mass kidnapping at a school since March", "the second such raid since May":
    the event just told counted in a run since a time, not another event."""
    return tok.tag_ == "NN" and counted_in_a_run(tok)


def _across_semicolon(tok: Token, other: Token) -> bool:
    """Whether a semicolon stands between two words: they belong to clauses of their own."""
    lo, hi = sorted((tok.i, other.i))
    return any(t.text == ";" for t in tok.doc[lo:hi])


def _spliced(tok: Token, head: Token) -> bool:
    """"An IED exploded in a school, the device reportedly intended to target soldiers": a clause told
    as done (a past verb) before a comma and the next clause's own subject, which the parser hangs on
    that clause's verb as its complement or, with no joining word, its adverbial clause. The verb
    after the comma does not govern it."""
    clause = tok
    while clause.head != head and clause.head != clause:
        clause = clause.head
    past = clause.tag_ == "VBD" or clause.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in clause.children) \
        and not any(c.dep_ in {"aux", "auxpass"} for c in clause.children)  # "an IED detonated", tagged a participle
    if clause.i > head.i or not past or not (
            clause.dep_ == "ccomp" or clause.dep_ == "advcl" and not any(c.dep_ == "mark" for c in clause.children)):
        return False  # "after an IED exploded, the device ..." is the verb's own circumstance
    subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    end = max(t.i for t in clause.subtree)
    return subject is not None and end < subject.i < head.i and any(t.text == "," for t in tok.doc[end : subject.i])


def _in_arrest(tok: Token) -> bool:
    """An attack word in the circumstances of an arrest ("arrested 30 suspects in a raid"); not a
    violent verb coordinated with the arrest ("arrested and beat him")."""
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    for anc in tok.ancestors:
        if anc.pos_ in {"VERB", "AUX"}:
            return anc.lemma_.lower() in violence_words("arrest_verbs")
    return False


def _in_seizure(tok: Token) -> bool:
    """An attack word in the circumstances of a seizure of weapons, drugs or goods ("seized a cache
    of weapons in a raid"); not a seizure of a town."""
    if tok.pos_ not in {"NOUN", "PROPN"} or tok.dep_ != "pobj":
        return False
    verb = next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb.lemma_.lower() not in violence_words("seizure_verbs"):
        return False
    things = violence_words("seized_things")
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    objs += [p for o in objs for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    return any(o.lemma_.lower() in things or _is_weapon(o) for o in objs)


def _fired_at_nothing(tok: Token) -> bool:
    """"fired a ballistic missile into the sea", "soldiers fired into the air": fire aimed only at
    the sea or the air."""
    fired = [tok] + [c for c in tok.children if c.dep_ == "dobj"]  # the phrase may hang on the missile
    aims = [p for w in fired for c in w.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
            for p in c.children if p.dep_ == "pobj" and p.ent_type_ not in {"DATE", "TIME"}]  # not "on Thursday"
    return bool(aims) and all(p.lemma_.lower() in violence_words("no_target_places") for p in aims)


def _trend(tok: Token) -> bool:
    """A change in how often violence happens, or its run over a span, not one event: "a
    upsurge of raids since 2017", "an increase in kidnappings", "kidnappings have risen",
    "abductions are on the rise", "the district has seen many raids and ambushes since March"."""
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head  # "attacks and gunfights": the first of the list
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in {"of", "in"} and head.head.lemma_.lower() in violence_words("trend_nouns"):
        return True
    if tok.dep_ in {"nsubj", "nsubjpass"}:
        if any(v.lemma_.lower() in violence_words("trend_verbs") for v in (head, *head.conjuncts)):
            return True  # "attacks resumed and have surged"
        if head.lemma_ == "be" and any(c.dep_ == "prep" and c.lower_ == "on" and any(
                o.lemma_.lower() in violence_words("trend_nouns") for o in c.children) for c in head.children):
            return True
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in {"number", "dozen", "hundred", "series"} \
            and head.head.dep_ == "dobj":
        tok, head = head.head, head.head.head  # "has seen a number of raids": the raids seen
    elif tok.dep_ != "dobj" or tok.tag_ != "NNS":
        return False
    if head.lemma_.lower() not in {"see", "witness", "experience"}:
        return False
    perfect = any(c.dep_ == "aux" and c.lower_ in {"has", "have", "had"} for c in head.children)
    return perfect or any(c.dep_ == "prep" and c.lower_ in {"since", "over", "throughout"} for c in (*head.children, *tok.children))


#: Words that count what they come before: "have abducted many students" tells of one group taken.
_QUANTITY_WORDS = frozenset({"many", "several", "numerous", "countless", "dozens", "hundreds", "thousands", "scores", "few"})


def _describes_its_actor(tok: Token) -> bool:
    """"the coalition fighting the rebels in the north", "an army battling insurgents": a
    participle on an armed actor says what it does, not one event."""
    if tok.tag_ != "VBG" or tok.dep_ != "acl" or tok.i == 0 or tok.lemma_.lower() not in {"fight", "battle", "combat"}:
        return False  # not "footage showed gunmen firing at a crowd": an act, seen
    actors = violence_words("armed_actor_nouns") | {"coalition", "alliance", "government", "regime"}
    # the noun it hangs on, or the one right before it ("the spokesman of the alliance fighting ...")
    return any(n.pos_ in {"NOUN", "PROPN"} and n.lemma_.lower() in actors for n in (tok.head, tok.doc[tok.i - 1]))


def _fights_on_a_side(tok: Token) -> bool:
    """"tribal leaders fighting on the government's side", "volunteers fighting alongside the army":
    a participle on someone telling whose side they fight on, not a fight of the event's own."""
    return tok.tag_ == "VBG" and tok.dep_ == "acl" and tok.lemma_.lower() in {"fight", "battle"} \
        and tok.head.pos_ in {"NOUN", "PROPN"} and not any(c.dep_ == "dobj" for c in tok.children) and any(
            c.dep_ == "prep" and (c.lower_ in {"alongside", "for"} or c.lower_ == "on" and any(
                p.lemma_.lower() == "side" for p in c.children)) for c in tok.children)


def _generic_perfect(tok: Token) -> bool:
    """"the group has also attacked villages in X and Y", "they have attacked civilians and
    security forces": violence in the present perfect done to a bare plural, with no day told,
    is what someone has been doing, not one event."""
    verb = tok
    if tok.dep_ == "conj" and tok.head.pos_ == "VERB" and not any(c.dep_ in {"nsubj", "aux"} for c in tok.children):
        verb = tok.head  # "have abducted aid workers and shelled markets": the second shares the first's "have"
    if tok.tag_ not in {"VBN", "VBD"} or not any(c.dep_ == "aux" and c.lower_ in {"has", "have"} and c.tag_ in {"VBZ", "VBP"}
                                                 for c in verb.children):
        return False  # not "claims to have killed officials": a claim of one event
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    bare = objects and all(o.tag_ == "NNS" and not any(c.dep_ in {"det", "nummod", "poss", "quantmod"} or c.like_num
                                                       or c.lower_ in _QUANTITY_WORDS for c in o.children) for o in objects)
    # a day told makes it one event; a span it has gone on for ("since last month", "after years of war") does not
    days = [t for t in tok.subtree if t.ent_type_ in {"DATE", "TIME"}
            and not any(a.dep_ == "prep" and a.lower_ in {"since", "for", "over", "throughout", "after"}
                        for a in t.ancestors if tok.left_edge.i <= a.i < t.i)]
    return bool(bare) and not days


def _habitual(tok: Token) -> bool:
    """What happens often or has been going on ("rival clans have often fought", "the army has been
    shelling the area for weeks", "frequent attacks"), not one event."""
    if any(c.dep_ in {"advmod", "amod"} and c.lower_ in violence_words("habitual_words") for c in tok.children):
        return True
    auxes = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    return tok.tag_ == "VBG" and "been" in auxes and bool(auxes & {"has", "have", "had"})


def _whole_war(tok: Token) -> bool:
    """A whole war told, not one event: violence waged as a war or a campaign, or against a
    government ("waging a bloody campaign", "fighting a turf war", "engaged in a militancy",
    "fought successive governments"), or gone on for years or since a year ("have fought in
    Somalia since 2006", "fought for decades", "has carried out attacks in the past")."""
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in {"begin", "start"} and tok.lemma_.lower() in {"fight", "battle"}:
        return True  # "the militia began fighting the army in May 2021": when the war began
    verb = tok if tok.pos_ in {"VERB", "AUX"} else next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), tok)
    verbs = [verb]
    while verbs[-1].dep_ in {"advcl", "xcomp", "conj"} and verbs[-1].head.pos_ == "VERB" and len(verbs) < 3:
        verbs.append(verbs[-1].head)  # "battled the state for years, staging ambushes"
    for v in verbs:
        fought = [c for c in v.children if c.dep_ == "dobj"]
        fought += [p for c in v.children if c.dep_ == "prep" and c.lower_ in {"against", "in"}
                   for p in c.children if p.dep_ == "pobj"]
        # not the objects of the verb an attack noun hangs on ("the attack reignited the war" is an attack)
        if (v == tok or v != verb) and any(o.lemma_.lower() in violence_words("war_level_objects") for o in fought):
            return True
    for word in {tok, *verbs}:
        for prep in (c for c in word.children if c.dep_ == "prep"):
            for span in (p for p in prep.children if p.dep_ == "pobj"):
                if prep.lower_ == "in" and span.lower_ == "past" and any(c.lower_ == "the" for c in span.children):
                    return True  # "in the past"
                if prep.lower_ in {"for", "over", "throughout"} and span.lemma_.lower() in violence_words("war_spans") \
                        and span.tag_ == "NNS":
                    return True  # "for decades", "over the years", "for the past four months"
                if prep.lower_ in {"during", "throughout"} and span.lemma_.lower() in event_words("war_nouns"):
                    return True  # "fought alongside federal troops during the two-year war"
                if prep.lower_ in {"until", "till"} and (span.ent_type_ == "DATE" or span.lemma_.lower() in {
                        "truce", "ceasefire", "armistice"} or any(c.lower_ == "cease" for c in span.children)):
                    return True  # "fought the Polisario Front until a cease-fire in 1991"
                if prep.lower_ == "since" and span.ent_type_ == "DATE" and (any(
                        t.like_num and len(t.text) == 4 for t in span.subtree) or _perfect(word) and _months_back(span)):
                    return True  # "since 2006", "since October 2017", "has been engaged in ... since last April"
    return False


_MONTHS = frozenset(m.lower() for m in calendar.month_name if m)


def _months_back(span: Token) -> bool:
    """A start told by its month or year ("last April", "last year", "the start of the month"),
    not by a day or week."""
    return any(t.lower_ in _MONTHS or t.lemma_.lower() in {"month", "year", "decade"} for t in span.subtree)


def _blamed_for(noun: Token) -> bool:
    """"held to blame for a run of raids", "accused of a string of raids": what someone is held
    responsible for, as a whole."""
    prep = noun.head if noun.dep_ == "pobj" else None
    return prep is not None and prep.lower_ in {"for", "of"} and prep.head.lemma_.lower() in \
        event_words("blame_verbs") | event_words("accusation_verbs")


def _generic_present(tok: Token) -> bool:
    """Attacks told as what someone does, in the present, bare and uncounted ("groups which
    are staging raids across the frontier", "militants who launch raids across the border")."""
    if tok.tag_ != "NNS" or tok.dep_ != "dobj" or any(c.dep_ in {"det", "nummod", "poss"} for c in tok.children):
        return False
    verb = tok.head
    present = verb.tag_ in {"VBP", "VBZ"} or verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in {"are", "is", "am"} for c in verb.children)
    return present and verb.dep_ in {"relcl", "acl"} and not any(t.ent_type_ in {"DATE", "TIME"} for t in tok.sent)


_DURATION_NOUNS = frozenset({"day", "week", "month", "year", "decade"})


def _war_start_as_a_time(tok: Token) -> bool:
    """"More than 10 million have fled since fighting erupted in April 2023", "talks a year after
    fighting broke out": the outbreak of a war told only to say when something else happened."""
    verb = tok.head if tok.dep_ == "nsubj" else None
    if verb is None or not (verb.lemma_.lower() in event_words("start_verbs") or verb.lemma_.lower() == "break"
                            and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)):
        return False
    if verb.dep_ == "advcl":  # "since fighting erupted"
        mark = next((c for c in verb.children if c.dep_ == "mark"), None)
    else:  # "after fighting broke out", parsed as the object of a preposition
        mark = verb.head if verb.dep_ == "pcomp" else None
    if mark is None or mark.lower_ not in {"since", "after"}:
        return False
    span = any(c.dep_ == "npadvmod" and c.lemma_.lower() in _DURATION_NOUNS
               for c in [*verb.children, *mark.children, *mark.head.children, *verb.head.children])
    return mark.lower_ == "since" or span


def _on_a_mission(tok: Token) -> bool:
    """A fight that is the purpose of being sent, deployed, equipped or of helping ("soldiers who were
    helping fight insurgents", "troops deployed to fight the militia", "received drones in order to fight
    jihadists"): a mission, not an event."""
    if tok.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
            and tok.head.lower_ == "order" and tok.head.head.lower_ == "in":
        return True  # "in order to fight ...": a purpose, whatever the main verb
    return tok.pos_ == "VERB" and tok.dep_ in {"xcomp", "advcl"} \
        and tok.head.lemma_.lower() in violence_words("mission_verbs") \
        and (tok.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children))


def _perfect(verb: Token) -> bool:
    """A verb in the perfect ("has fought", "have been engaged"): what has gone on up to now."""
    return verb.pos_ in {"VERB", "AUX"} and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _renewed(tok: Token, verb: Token) -> bool:
    """"shelling resumed", "the rebels renewed their attacks", "troops repelled an attack on the
    base": violence that went on again or was fought off, told as having happened (a past verb of
    its own, not "threatened to resume strikes" or "calls to halt the fighting")."""
    if verb.lemma_.lower() not in event_words("renewal_verbs") | event_words("repel_verbs"):
        return False
    arg = tok
    while arg.head != verb and arg.head != arg and arg.head.pos_ not in {"VERB", "AUX"}:
        arg = arg.head
    if arg.head != verb or arg.dep_ not in {"nsubj", "nsubjpass", "dobj", "aux"}:
        return False  # "aux": "shelling resumed" with the noun mistaken for an auxiliary
    return _told_as_happened(verb, arg) and not any(c.dep_ == "neg" for c in verb.children)


def _told_as_happened(verb: Token, arg: Token) -> bool:
    """A verb telling what happened: the simple past, the perfect or the past passive ("has resumed",
    "an attack was repelled"), or a report's present for one event ("X repulses an attack", "Russia
    resumes shelling of Kharkiv"; not "says it repels such attacks every week")."""
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ == "VBN":
        return any(c.dep_ == "aux" and c.lower_ in {"has", "have", "had"} or c.dep_ == "auxpass" and c.lower_ in {"was", "were"}
                   for c in verb.children)
    return verb.tag_ in {"VBZ", "VBP"} and verb.dep_ == "ROOT" and not any(c.dep_ == "aux" for c in verb.children) \
        and arg.tag_ in {"NN", "VBG"} and not any(c.lower_ in {"such", "any", "every", "each"} for c in arg.children)


def _feared_dead(tok: Token) -> bool:
    """"four officers are feared dead": a toll, not a fear of violence."""
    return tok.lemma_.lower() == "fear" and any(c.lower_ in {"dead", "killed"} for c in tok.children)


def _names_a_people(tok: Token) -> bool:
    """A place's name set before a word for people ("Turkana warriors", "Pokot herders"): who
    they are, not where."""
    return tok.dep_ in {"compound", "amod"} and tok.head.lemma_.lower() in violence_words("person_nouns") | \
        violence_words("armed_actor_nouns")


def _background(tok: Token) -> bool:
    """"fled because of raids by armed bands", "a base set up in response to a recent
    massacre": an earlier event the sentence only refers to, with no place, time or toll of its own."""
    own_scene = any(t.ent_type_ in {"GPE", "LOC", "FAC", "DATE", "TIME"} and not _names_a_people(t)
                    for t in tok.subtree if t != tok)
    if any(c.dep_ == "amod" and c.lower_ in event_words("past_markers") for c in tok.children) and not own_scene:
        return True  # "against the recent clashes"
    for anc in tok.ancestors:
        if anc.lower_ == "following" and anc.tag_ == "VBG" and anc.dep_ in {"xcomp", "advcl", "prep", "acl"}:
            return not own_scene  # "security was tightened following the killing of X": the parser's verb is "after"
        if anc.pos_ in {"VERB", "AUX"}:
            return False
        if (anc.dep_ == "prep" and anc.lower_ in violence_words("background_preps")) \
                or anc.lemma_.lower() in violence_words("background_nouns"):
            return not own_scene
    return False


def _per_sentence(name: str):
    """Remember a reading of a whole sentence for the other trigger words in it."""
    def wrap(fn):
        def read(sent: Span) -> bool:
            memo = sent.doc.user_data.setdefault(("newskg", name), {})
            if sent.start not in memo:
                memo[sent.start] = fn(sent)
            return memo[sent.start]
        read.__doc__ = fn.__doc__
        return read
    return wrap


@_per_sentence("accidental")
def accidental(sent: Span) -> bool:
    """An accident, a disease, a device that went off early ("went off while they were laying
    it"): deaths, but not violence."""
    lemmas = set(sentence_words(sent))
    text = sent.text.lower()
    if any((w in lemmas) if " " not in w else (w in text) for w in violence_words("non_violent_contexts")):
        return True
    if any(t.pos_ == "VERB" and _vehicle_ran_into(t) for t in sent):
        return True  # "a lorry struck a crowd of pilgrims, killing four"
    handling = violence_words("handling_verbs")
    if handling.isdisjoint(sentence_lemmas(sent)):
        return False
    for t in sent:
        if t.lemma_.lower() not in handling or t.tag_ not in {"VBG", "VBN", "VBD"}:
            continue
        if any(c.dep_ == "mark" and c.lower_ in {"while", "as"} for c in t.children):
            return True  # "went off while they were laying it"
        if t.dep_ == "relcl" and _is_weapon(t.head) and t.tag_ == "VBG":
            return True  # "the mine they were burying exploded"
    return False


@_per_sentence("protest")
def _protest(sent: Span) -> bool:
    """A demonstration, a riot or its dispersal ("students engaged in a violent demonstration",
    "police fired teargas and wounded several protesters"): not armed violence unless someone was
    killed or arms were used."""
    lemmas = sentence_lemmas(sent)
    if violence_words("protest_words").isdisjoint(lemmas) and violence_words("protest_verbs").isdisjoint(lemmas):
        return False
    if not any((t.lemma_.lower() in violence_words("protest_words") and t.pos_ == "NOUN" and not t.ent_type_)
               or (t.lemma_.lower() in violence_words("protest_verbs") and t.pos_ == "VERB") for t in sent):
        return False
    killed = not (event_words("kill_verbs") | {"dead", "death"}).isdisjoint(lemmas)
    armed = not {"gun", "firearm", "bullet", "rifle", "grenade", "bomb", "explosive"}.isdisjoint(lemmas)
    return not (killed or armed)
