"""Attacks: one record per strike, shelling, bombing, raid or assault at one place and time.

Per sentence, *triggers* (attack nouns and verbs from ``kg/data/event_words.json``)
each start a candidate. Every feature of the sentence — places, dates, weapons,
targets, casualty counts — goes to the trigger nearest to it in the dependency
tree. Candidates of one sentence that do not conflict (different places, dates or
tolls) are one attack told twice ("came under attack ..., where a drone strike
killed"). Across sentences, a later mention at the same place (or at none) whose
date and tolls agree is the same attack; a sentence with a toll but no trigger
continues the last attack, or starts a new one if it names another place.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Iterator, Sequence

from spacy.tokens import Span, Token

from kg.extract import attack_places
from kg.extract.actors import only_reports, side_of, speech_head
from kg.extract.casualties import CasualtyMention, casualty_words, find_casualties
from kg.extract.coref import state_of_forces
from kg.extract.context import DocContext, clause_head, misread_relative, subjects, tree_distance, words
from kg.extract.event_types import CLASH, SUICIDE, classify, set_off
from kg.extract.triggers import accidental, find_triggers, in_victims_past, match_triggers, victim_words
from kg.lexicon import weapon_lexicon, word_set
from kg.resolve.dates import DateWindow
from kg.resolve.numbers import MONTH_WORDS, parse_number
from kg.resolve.places import gazetteer
from kg.records import CITY, COUNTRY, REGION, AttackRecord, CasualtyRecord

SPEECH = "speech_verbs"
MAX_DATE_DISTANCE = 4  # dependency edges between a date and the attack word it dates


@dataclass
class Candidate:
    trigger: Token
    sent: Span
    places: list[str] = field(default_factory=list)
    place_tokens: list[Token] = field(default_factory=list)
    date: DateWindow | None = None
    weapons: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    attackers: list[str] = field(default_factory=list)
    described: list[str] = field(default_factory=list)  # unnamed attackers as the text describes them
    attacked: list[str] = field(default_factory=list)
    reporters: list[str] = field(default_factory=list)
    casualties: list[CasualtyMention] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    aggregate: bool = False
    told: DateWindow | None = None  # the day the attack was told of ("officials said on Monday"), when it has no date of its own
    definite: bool = False
    triggers: list[Token] = field(default_factory=list)
    types: list[str] = field(default_factory=list)  # kinds of violence the trigger words imply
    outcome_only: bool = False  # only words of what happened to the victims ("were killed")
    whole_of_parts: bool = False  # a toll the text also tells place by place or side by side
    war_toll: bool = False  # the toll of a whole war so far ("the conflict has killed 20,000")
    described_anew: bool = False  # attackers described, not named back ("jihadists killed", not "the attackers")
    tally: bool = False  # a count of munitions launched ("Russia launched 112 drones overnight")

    def __post_init__(self) -> None:
        if not self.triggers:
            self.triggers = [self.trigger]

    @property
    def substantive(self) -> bool:
        """Whether the mention says something of its own; "The attack ... in recent months"
        only refers back."""
        return bool(self.places or self.casualties or (self.date and not self.definite))


# -- features ---------------------------------------------------------------

def _nearest(tok: Token, cands: list[Candidate]) -> Candidate:
    return min(cands, key=lambda c: (tree_distance(tok, c.trigger), abs(tok.i - c.trigger.i)))


def _target_text(tok: Token) -> str:
    keep = [t for t in tok.subtree if t.i <= tok.i and t.dep_ in {"amod", "compound", "advmod", "npadvmod"} or t == tok]
    keep = [t for t in keep if t.ent_type_ not in {"NORP", "GPE"} and t.lower_ not in {"local", "same", "other"}]
    # "shot dead two traders": a word before the noun's number belongs to the verb, not the noun
    number = min((c.i for c in tok.children if c.dep_ == "nummod" and c.i < tok.i), default=None)
    keep = [t for t in keep if number is None or t.i > number or t == tok]
    start = min(t.i for t in keep)
    return tok.doc[start : tok.i + 1].text.lower() if keep else tok.lower_


_QUANTITY_HEADS = frozenset({"dozen", "hundred", "thousand", "score", "number", "handful", "couple", "series", "string", "row"})


def _counted(tok: Token) -> Token:
    """The thing counted when the object is a quantity: "struck dozens of targets" hit targets."""
    if tok.lemma_.lower() in _QUANTITY_HEADS or tok.like_num:
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        noun = next((p for p in of.children if p.dep_ == "pobj" and p.pos_ == "NOUN"), None) if of is not None else None
        if noun is not None:
            return noun
    return tok


def _targets(trigger: Token) -> list[Token]:
    """What was hit: the object of an attack verb, or a noun after "on/at/against/towards" on the
    attack word or on what it fired ("opened fire on a bus", "fired mortars towards the base")."""
    aimed = {"on", "at", "against", "towards", "toward", "upon", "into"}
    out: list[Token] = []
    if trigger.pos_ == "NOUN":  # "a bar shooting", "the school attack": the place of the attack word
        out += [c for c in trigger.children if c.dep_ == "compound" and c.lemma_.lower() in words("target_nouns")]
    heads = [trigger] + [c for c in trigger.children if c.dep_ == "dobj" and trigger.pos_ == "VERB"]
    heads += [x for h in heads[1:] for x in h.conjuncts]
    for head in heads:
        for c in head.children:
            if head is trigger and trigger.pos_ == "VERB" and c.dep_ in {"dobj", "nsubjpass"} and c.pos_ == "NOUN":
                out.append(c)
            before = c.doc[c.i - 1] if c.i > 0 else c
            if c.lower_ == "on" and before.dep_ == "pobj" and before.head.lower_ == "by" and any(
                    p.lemma_.lower() in word_set("violence_words.json", "ride_nouns") for p in c.children):
                continue  # "abducted by gunmen on motorbikes": what the attackers rode
            if c.dep_ == "prep" and c.lower_ in aimed | {"in", "near"}:
                for p in c.children:
                    if p.dep_ == "pobj" and p.pos_ == "NOUN" and (c.lower_ in aimed or p.lemma_.lower() in words("target_nouns")):
                        out.append(p)
    counted = [_counted(t) for t in out]
    named_by_a_quantity = {c for t, c in zip(out, counted) if c is not t}
    lex = weapon_lexicon().by_label
    # "seized control of X", "killed two people": what was taken or who died, not a target
    counted = [t for t in counted if t.lemma_.lower() not in words("non_target_objects")
               and not (t.lower_ in {"people", "person", "persons"} and trigger.lemma_.lower() in words("kill_verbs") | words("injure_verbs"))]
    # "opened fire on an army helicopter", "shot at a drone": a weapon fired on is what was hit
    fired_on = {t for t in counted if t.dep_ == "pobj" and t.head.lower_ in aimed and _fired_on(t.head)}
    return [t for t in dict.fromkeys(counted) if (t.lemma_.lower() in words("target_nouns") or t.dep_ == "dobj"
                                                  or t in named_by_a_quantity or t in fired_on)
            and (t in fired_on or t.lower_ not in lex and t.lemma_.lower() not in lex) and t.lemma_.lower() not in words("attack_nouns")
            and not (t.lemma_.lower() in words("place_nouns") and t.lemma_.lower() not in words("target_nouns"))]


def _agent_of(ctx: DocContext, tok: Token) -> str | None:
    """An acting country/organization named by a token or its modifiers ("Russian", "Israel's", "RSF");
    not the state whose demonym qualifies forces of someone else ("Sudanese paramilitary forces")."""
    mods = [c for c in tok.children if c.dep_ in {"amod", "compound", "poss", "nmod"}]
    # "Sudanese paramilitary forces", "Ugandan rebels": a state's demonym on others' fighters
    non_state = any(c.lower_ in word_set("references.json", "non_state_modifiers") for c in mods) \
        or tok.lemma_.lower() in word_set("references.json", "non_state_modifiers") \
        or tok.lemma_.lower() in word_set("violence_words.json", "perpetrator_nouns")
    # "Yemen's Houthi rebels": the group the country's name qualifies, before the country
    found = [(t, ent) for t in [tok] + mods if (ent := ctx.agent(t)) is not None and ent.kind != "Person"
             and not (non_state and ent.kind == COUNTRY and t is not tok)]
    if found:
        return next((e.key for t, e in found if t is tok or e.kind != COUNTRY), found[0][1].key)
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in word_set("references.json", "belonging_nouns"):
        # "fighters from the ELN", "members of the Islamic State group": the group they belong to
        for p in (p for c in tok.children if c.dep_ == "prep" and c.lower_ in {"from", "of"}
                  for p in c.children if p.dep_ == "pobj"):
            found = _agent_of(ctx, p)
            if found is not None:
                return found
    return None



def _premodifier_agent(ctx: DocContext, trig: Token) -> str | None:
    """"Russian missile and drone attacks": an agent modifying the first of coordinated
    nouns before the trigger, which the parser may hang apart from it; also before a gerund the
    parser reads as a verb ("heavy Azerbaijani shelling resumed")."""
    if trig.pos_ != "NOUN" and not (trig.tag_ == "VBG" and trig.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "aux"}):
        return None
    i = trig.i - 1
    while i >= trig.sent.start and trig.i - i <= 6 and ctx.doc[i].pos_ in {"NOUN", "ADJ", "PROPN", "CCONJ", "PUNCT"}:
        tok = ctx.doc[i]
        if tok.pos_ == "PUNCT" and tok.text not in {"-", ","}:
            break
        ent = ctx.agent(tok)
        if ent is not None and ent.kind != "Person":
            return ent.key
        i -= 1
    return None


def _attackers(ctx: DocContext, cand: Candidate) -> list[str]:
    found: list[str] = []
    for trig in cand.triggers:
        found += _trigger_attackers(ctx, trig)
    # a state acts through its armed forces: "Chad's army struck" is an attack by Chad too
    found += [c for c in (state_of_forces(ctx.entities, k) for k in found) if c]
    return [k for k in dict.fromkeys(found) if k not in cand.places]


def _subject_agent(ctx: DocContext, verb: Token) -> list[str]:
    """The acting country or organization a verb's subject names; a pronoun subject ("it struck")
    in a clause reported by someone ("the army said it struck") stands for the one reporting."""
    found: list[str] = []
    for c in subjects(verb):
        for subj in [c] + list(c.conjuncts):
            k = _agent_of(ctx, subj) or _operated_by(ctx, subj)
            if k is None and subj.pos_ == "NOUN":  # "the enemy ADF ambushed", "the group, al-Shabaab, attacked"
                k = next((x for x in (_agent_of(ctx, c) for c in subj.children if c.dep_ == "appos") if x), None)
            # "it struck", "its troops killed", "our forces repelled": the one who says so
            owned = subj.pos_ == "NOUN" and any(p.dep_ == "poss" and p.lower_ in {"its", "their", "our"} for p in subj.children)
            if k is None and (subj.pos_ == "PRON" and subj.lower_ in {"it", "they", "we"} or owned):
                clause = verb
                told_before = None  # "reported that the group ... and that they abducted a teacher": the group
                while clause.dep_ in {"conj", "xcomp"} and clause.head != clause:
                    clause = clause.head
                    told_before = told_before or next((s for s in subjects(clause) if s.pos_ in {"NOUN", "PROPN"}), None)
                if told_before is not None:
                    k = _agent_of(ctx, told_before)
                    if k:
                        found.append(k)
                    continue
                speaker = clause.head if clause.dep_ == "ccomp" else None
                if clause.dep_ in {"acl", "relcl"}:
                    # "X said in a claim of responsibility that its men had shot ...": the clause hung on the claim
                    speaker = next((a for a in clause.ancestors if a.pos_ in {"VERB", "AUX"}), None)
                if speaker is not None and speaker.lemma_.lower() in words(SPEECH):
                    k = next((x for x in (_agent_of(ctx, s) for s in speaker.children if s.dep_ == "nsubj") if x), None)
                    if k is not None and only_reports(ctx, k):
                        k = None  # "the news site reported that they kidnapped ...": an outlet tells, it does not act
            if k:
                found.append(k)
    return found


def _between_sides(trig: Token) -> list[Token]:
    """The sides of "fighting between A and B", also with the phrase on the verb the fighting is the
    subject of ("fighting broke out between A and B"): [A, B], each of whom fought; the text does
    not say which one attacked the other."""
    if trig.pos_ != "NOUN" and trig.tag_ != "VBG":  # "fighting" is at times tagged a verb
        return []
    holders = [trig] + ([trig.head] if trig.dep_ == "nsubj" and trig.head.pos_ == "VERB" else [])
    for h in holders:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "between":
                first = next((p for p in c.children if p.dep_ == "pobj"), None)
                if first is not None and first.conjuncts:
                    return [first, *first.conjuncts]
    return []


def _operated_by(ctx: DocContext, weapon: Token) -> str | None:
    """"a drone operated by the army struck", "missiles fired by the Houthis hit": the by-phrase of
    the participle that names who used the weapon."""
    for acl in (c for c in weapon.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        for p in (p for a in acl.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"):
            k = _agent_of(ctx, p)
            if k:
                return k
    return None


def _origin(ctx: DocContext, trig: Token) -> list[str]:
    """Where the fire came from, when nothing else names the attacker: "missiles were launched
    from across the border", "shells fired from Azerbaijan" (a country or group the text names as the origin)."""
    heads = [trig] + [c for c in trig.children if c.dep_ in {"dobj", "nsubjpass", "nsubj"}]
    out = []
    for h in heads:
        if not attack_places.fired_from(h):
            continue
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "from":
                out += [k for k in (_agent_of(ctx, p) for p in c.children if p.dep_ == "pobj") if k]
    return out


def _accused(ctx: DocContext, tok: Token) -> list[str]:
    """Who is said to have attacked: "Armenia accused Azerbaijan of shelling villages", "blamed
    the attack on the rebels", "held the army responsible for the massacre"."""
    t, path = tok, [tok]
    # up to the first verb, or through a gerund that tells how ("accused the rebels of breaking the truce by firing shells at the town")
    while t.head != t and (t.pos_ not in {"VERB", "AUX"} or (t.tag_ == "VBG" and t.dep_ == "pcomp")) or t is tok:
        if t.dep_ not in {"pobj", "pcomp", "prep", "dobj", "amod", "acomp", "oprd", "conj"} or len(path) > 8:
            return []
        t = t.head
        path.append(t)
    if t.lemma_.lower() not in words("accusation_verbs"):
        return []
    if t.lemma_.lower() == "blame" and tok.dep_ == "dobj":
        accused = [p for h in (t, tok) for c in h.children if c.dep_ == "prep" and c.lower_ == "on"
                   for p in c.children if p.dep_ == "pobj"]
    else:
        accused = [c for c in t.children if c.dep_ in {"dobj", "nsubjpass"} and c is not tok]
    return [k for k in (_agent_of(ctx, a) for a in accused + [x for a in accused for x in a.conjuncts]) if k]


def _carrier_verb(trig: Token) -> Token | None:
    """The verb whose object the attack word is: "the air force launched a wave of strikes", "the rebels
    claimed responsibility for the ambush", "the army carried out airstrikes"; or whose weapon did what
    the attack word tells ("planted a landmine that killed two")."""
    t = trig
    while t.dep_ == "pobj" and t.head.lower_ in {"of", "for"} and t.head.head.pos_ == "NOUN":
        t = t.head.head
    if t.dep_ == "dobj" and t.head.lemma_.lower() in words("agentive_verbs"):
        return t.head
    lex = weapon_lexicon().by_label
    if t.dep_ == "relcl" and t.head.dep_ == "dobj" and (t.head.lower_ in lex or t.head.lemma_.lower() in lex) \
            and t.head.head.lemma_.lower() in words("agentive_verbs") | word_set("violence_words.json", "placing_verbs"):
        return t.head.head  # "militants planted a landmine that killed two soldiers", "fired a rocket that hit"
    if t.dep_ == "pobj" and t.head.lower_ == "with" and t.head.head.lemma_.lower() in words("response_verbs"):
        return t.head.head  # "Israel retaliated with airstrikes", "the army responded with shelling"
    if t.dep_ == "pobj" and t.head.lower_ in {"in", "during"}:
        # "troops killed 11 militants in a raid": who killed, raided; also with the phrase hung on the
        # object ("bandits killed 17 people in coordinated attacks")
        verb = t.head.head.head if t.head.head.dep_ == "dobj" else t.head.head
        harm = verb.pos_ == "VERB" and verb.lemma_.lower() in casualty_words("harm_verbs")  # "shot dead two men during a raid"
        died = verb.lemma_.lower() in casualty_words("death_verbs")  # "ten people died in an attack": the victims
        if (attack_places.is_violence_verb(verb) or harm) and _active(verb) and not died:
            return verb
    return None


def _active(verb: Token) -> bool:
    """A verb in the active voice: not a bare past participle ("the 11 militants killed in a raid"),
    unless a perfect auxiliary makes it active ("its jets had killed") or it was misread as a relative."""
    return verb.tag_ != "VBN" or misread_relative(verb) or (
        any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children) and not any(c.dep_ == "auxpass" for c in verb.children))


def _claimed_by(ctx: DocContext, trig: Token) -> list[str]:
    """The by-phrase of a verb that carries the attack in the passive: "the ambush was claimed by
    JNIM", "the strike, which was carried out by the RSF", "which officials said was carried out by"."""
    verbs = [trig.head] if trig.dep_ == "nsubjpass" else []
    for c in trig.children:
        if c.dep_ in {"relcl", "acl"}:
            verbs.append(c)
            if c.lemma_.lower() in words(SPEECH):
                verbs += [x for x in c.children if x.dep_ == "ccomp"]
    return [k for v in verbs if v.lemma_.lower() in words("agentive_verbs")
            for c in v.children if c.dep_ == "agent"
            for o in c.children if o.dep_ == "pobj"
            for p in [o, *o.conjuncts]
            for k in [_agent_of(ctx, p)] if k]


#: Verbs whose subject bore the violence: "government forces suffered heavy losses".
_SUFFERING_VERBS = frozenset({"suffer", "sustain", "incur"})


def _suffered(trig: Token) -> bool:
    return trig.pos_ == "VERB" and trig.lemma_.lower() in _SUFFERING_VERBS


def _trigger_attackers(ctx: DocContext, trig: Token) -> list[str]:
    found: list[str] = []
    if _suffered(trig):
        return found  # who suffered losses was attacked, not who attacked
    key = _agent_of(ctx, trig) or _premodifier_agent(ctx, trig)
    if key:
        found.append(key)
    if trig.pos_ == "VERB" and not _hit_a_device(trig):
        found += _subject_agent(ctx, trig)
    if trig.pos_ == "VERB" and _result_participle(trig):
        # "RSF fighters looted and burned houses, killing 11 civilians": who did what killed them
        head = trig.head
        while not subjects(head) and head.dep_ == "conj" and head.head != head:
            head = head.head
        found += _subject_agent(ctx, head)
    if trig.dep_ == "pcomp" and trig.head.lower_ == "by" and trig.head.head.pos_ == "VERB":
        found += _subject_agent(ctx, trig.head.head)  # "Armenian troops retaliated by shelling Azerbaijani posts"
    carrier = _carrier_verb(trig)
    if carrier is not None:
        found += _subject_agent(ctx, carrier)
    found += _accused(ctx, carrier or trig)
    found += _claimed_by(ctx, trig)
    # "fighting between A and B", "fighting broke out between A and B": each side fought, when the
    # text names both (with one side unnamed it does not say who attacked)
    sides = [_agent_of(ctx, p) for p in _between_sides(trig)]
    found += [k for k in sides if k] if sides and all(sides) else []
    if not found:
        found += _origin(ctx, trig)
    for c in [*trig.children, *_agents_of_the_harm(trig)]:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            for p in c.children:
                if p.dep_ == "pobj":
                    k = _agent_of(ctx, p)
                    if k:
                        found.append(k)
        if c.dep_ == "compound" and c.pos_ == "NOUN":
            k = _agent_of(ctx, c)
            if k:
                found.append(k)
    return found


def _agents_of_the_harm(trig: Token) -> list[Token]:
    """"died in a drone strike by the X coalition", with "by" hung on the passive verb: the
    by-phrase of the verb of harm whose "in" phrase the attack word is tells who attacked."""
    if trig.dep_ != "pobj" or trig.head.lower_ not in {"in", "during"}:
        return []
    verb = trig.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in casualty_words("harm_verbs") | casualty_words("kill_verbs") | casualty_words("injure_verbs") \
            or not any(c.dep_ == "auxpass" for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ == "agent"]


def _hit_a_device(verb: Token) -> bool:
    """"their convoy hit an improvised explosive device", "a truck struck a landmine": what went
    over a device left in its way set it off; the verb's subject is the victim, not who attacked."""
    if verb.lemma_.lower() not in word_set("violence_words.json", "device_contact_verbs"):
        return False  # "militants detonated an IED": who set it off attacked
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    objs += [p for c in verb.children if c.dep_ in {"prep", "prt"} for p in c.children if p.dep_ == "pobj"]  # "ran over a mine"
    for obj in objs:
        phrase = [t.lower_ for t in obj.subtree if t.i <= obj.i]
        # a weapon's name that ends the noun phrase ("an improvised explosive device")
        if any(end == len(phrase) and set_off(concept) for _, end, concept in weapon_lexicon().match(phrase)):
            return True
    return False


def _described_attackers(ctx: DocContext, cand: Candidate) -> list[str]:
    """Who attacked, as the text describes them when it names no state or group: "unidentified
    gunmen", "suspected herders", "armed men" — the subject of the attack verb, the agent of a
    passive ("were shot by gunmen") or the modifier of an attack word ("a militia attack"), when
    its head is a word for armed men or for people. Marks the mention when one of them is described
    anew rather than named back ("the attackers")."""
    actors = word_set("violence_words.json", "armed_actor_nouns") | word_set("violence_words.json", "person_nouns")
    out: list[str] = []
    for trig in cand.triggers:
        heads = subjects(trig) if trig.pos_ == "VERB" and not (_hit_a_device(trig) or _suffered(trig)) else []
        if trig.lemma_.lower() in words("kill_verbs") | words("injure_verbs") and not any(c.dep_ == "dobj" for c in trig.children):
            # "... died and one guard and one driver wounded": a counted subject of a
            # killing or wounding verb with no object is its victims, the passive left out
            heads = [h for h in heads if not any(c.dep_ == "nummod" or c.like_num for c in h.children)]
        heads += [p for c in trig.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by"
                  for p in c.children if p.dep_ == "pobj"]
        heads += [c for c in trig.children if c.dep_ == "compound" and trig.pos_ == "NOUN"]
        carrier = _carrier_verb(trig)
        if carrier is not None:
            heads += subjects(carrier)
        for h in heads:
            if h.pos_ != "NOUN" or h.lemma_.lower() not in actors or ctx.entity(h) is not None \
                    or h.lemma_.lower() in weapon_lexicon().by_label or h.lower_ in weapon_lexicon().by_label:
                continue  # a weapon ("a drone strike") is how, not who
            mods = [t for t in h.lefts if t.dep_ in {"amod", "compound"} and t.pos_ in {"ADJ", "NOUN", "VERB"}]
            start = min([t.left_edge.i for t in mods] + [h.i])  # "Saudi-led coalition jets" whole
            # not a phrase the parser hung on a modifier: "on 3 May, presumed rebel fighters"
            cut = [t.i for t in h.doc[start : h.i] if t.text == "," or t.pos_ == "ADP" or t.ent_type_ in {"DATE", "TIME"}]
            start = max(cut) + 1 if cut else start
            described = h.doc[start : h.i + 1]
            if not any(c.dep_ in {"det", "poss"} and c.lower_ in {"the", "these", "those", "its", "their"} for c in h.children):
                cand.described_anew = True
            out.append("".join((t.text if t.pos_ == "PROPN" or t.ent_type_ in {"NORP", "GPE", "ORG"} else t.lower_)
                               + t.whitespace_ for t in described).strip())
    return list(dict.fromkeys(out))


def _attacked(ctx: DocContext, cand: Candidate) -> list[str]:
    """The sides an attack was aimed at: the object of an attack verb ("militants ambushed the
    army"), the owner of a target ("at the positions of the militia", "on X's convoy"), the
    other side of a clash ("A clashed with B")."""
    found: list[str] = []
    for trig in cand.triggers:
        phrases = [c for c in trig.children if c.dep_ in {"dobj", "nsubjpass"} and trig.pos_ == "VERB"]
        if _suffered(trig):
            phrases = [c for c in trig.children if c.dep_ == "nsubj"]  # "the army suffered heavy losses"
        if trig.dep_ == "amod" and trig.tag_ in {"VBD", "VBN"} and trig.head.i > trig.i:
            phrases.append(trig.head)  # "the RSF shelled positions of X", the verb misread as the object's adjective
        phrases += [p for c in trig.children if c.dep_ == "prep" and c.lower_ in words("attacked_preps")
                    for p in c.children if p.dep_ == "pobj"]
        for ph in phrases + [x for p in phrases for x in p.conjuncts]:
            key = _agent_of(ctx, ph)
            if key is None:
                owner = [p for c in ph.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
                key = next((k for k in (_agent_of(ctx, o) for o in owner) if k), None)
            if key is not None:
                found.append(key)
    found += [c for c in (state_of_forces(ctx.entities, k) for k in found) if c]
    return [k for k in dict.fromkeys(found) if k not in cand.places and k not in cand.attackers]


def _reporters(ctx: DocContext, sent: Span) -> list[str]:
    out: list[str] = []
    report_verbs = words("report_verbs")
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            for p in tok.doc[tok.i + 1].children:
                if p.dep_ == "pobj":
                    out.extend(_speaker(ctx, p))
        if tok.lemma_.lower() in report_verbs and tok.pos_ == "VERB":
            for c in tok.children:
                if c.dep_ == "nsubj" and not any(attack_places.is_attack_word(t) or attack_places.is_violence_verb(t)
                                                 for t in c.subtree):
                    out.extend(_speaker(ctx, c))  # not the attack itself, misparsed as the subject of "said"
    return list(dict.fromkeys(out))


def _speaker(ctx: DocContext, tok: Token) -> list[str]:
    ent = ctx.entity(tok)
    if ent is not None and ent.kind in {"Person", "Organization", "Country"}:
        return [ent.key]
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is not None and tok.pos_ in {"PROPN", "NOUN"} and (tok.text[:1].isupper() or tok.pos_ == "NOUN"):
        # "Georgia's Emergency Service", "the city's main hospital": an organization of that place
        owner_ent = ctx.entity(owner)
        words_ = [t for t in tok.subtree if t.i > owner.i and t.i <= tok.i and t.dep_ != "case" and t.text not in {"'s", "’s"}]
        if owner_ent is not None and words_ and (tok.text[:1].isupper() or any(t.ent_type_ == "ORG" for t in words_)):
            label = tok.doc[words_[0].i : tok.i + 1].text
            country = owner_ent.key if owner_ent.kind == COUNTRY else owner_ent.country_key
            org = ctx.entities.add(f"org:{label.casefold()}", "Organization", label,
                                   tok.doc[owner.i : tok.i + 1].text, country_key=country)
            return [org.key]
    body = _reporting_body(ctx, tok)
    if body is not None:
        return [body]
    for t in tok.subtree:
        ent = ctx.agent(t)
        if ent is not None:
            return [ent.key]
    return []


def _reporting_body(ctx: DocContext, tok: Token) -> str | None:
    """"the Gaza health ministry", "Sudanese medical authorities": an institution of the place
    or country its modifier names, made an organization of its own."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in words("reporting_bodies"):
        return None
    mods = [c for c in tok.children if c.dep_ in {"compound", "amod", "nmod"} and c.i < tok.i]
    owner = next((ctx.entity(m) for m in mods if ctx.entity(m) is not None), None)
    if owner is None or owner.kind == "Person":
        return None
    first = min(m.left_edge.i for m in mods)
    label = tok.doc[first : tok.i + 1].text
    country = owner.key if owner.kind == COUNTRY else owner.country_key
    org = ctx.entities.add(f"org:{label.casefold()}", "Organization", label, label, country_key=country)
    return org.key


def _date_governor(ent: Span) -> Token:
    head = ent.root.head
    while head.pos_ not in {"VERB", "AUX"} and head.head != head and head.dep_ not in {"nsubj", "dobj", "pobj"}:
        head = head.head
    if _as_reported(head) and head.head != head:
        return head.head  # "On 3 May (as reported), gunmen ...": the date of what follows
    return head


def _as_reported(verb: Token) -> bool:
    """"(as reported)", "(as reported on 3 May)": a monitor's aside that the date is the one the
    source gives, not a reporting verb of its own."""
    doc = verb.doc
    return verb.lemma_.lower() == "report" and any(c.dep_ in {"advmod", "mark"} and c.lower_ == "as" and c.i == verb.i - 1
                                                   for c in verb.children) \
        and verb.i >= 2 and doc[verb.i - 2].text in {"(", "["}


def _told_on(ctx: DocContext, ent: Span) -> DateWindow | None:
    """"officials said on Monday that a raid killed four": what is told of happened that day or
    the day before."""
    day = ctx.date_of(ent, "past")
    if day is None or (day.latest - day.earliest).days > 1:
        return None
    return DateWindow(day.latest - timedelta(days=1), day.latest, day.text)


def _toll_change(verb: Token) -> bool:
    """"The death toll rose to 24", "the number of dead reached 30": a toll's change, told on its own day."""
    return verb.lemma_.lower() in casualty_words("toll_change_verbs") and any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in casualty_words("toll_nouns") for c in verb.children)


def _at_the_time(trigger: Token, governor: Token) -> bool:
    """"... were unharmed when gunmen fired": the attack in a clause of the same moment."""
    t = trigger
    while t.head != t and t != governor:
        if t.dep_ == "advcl" and any(c.dep_ in {"mark", "advmod"} and c.lower_ in {"when", "as", "while"} for c in t.children):
            return True
        t = t.head
    return False


def _opens_sentence(ent: Span) -> bool:
    """"On 3 May, ...", "Late Tuesday, ...": a date set before the sentence's first clause."""
    lead = [t for t in ent.doc[ent.sent.start : ent.start] if not t.is_space]
    return len(lead) <= 1 and all(t.lower_ in {"on", "in", "late", "early", "around", "overnight"} for t in lead) \
        and ent.end < ent.sent.end and ent.doc[ent.end].text == ","


def _date_for(ctx: DocContext, cand: Candidate, ent: Span) -> DateWindow | None:
    # a date of the reporting ("said on Monday") or of a toll's rise ("the toll rose to 24 on
    # Wednesday") is not the attack's date
    head = _date_governor(ent)
    if head.lemma_.lower() in words(SPEECH) and head.i != cand.trigger.i or _toll_change(head):
        return None
    if any(t.tag_ in {"JJS", "RBS"} and t.lower_ not in {"least", "most"}
           for t in ent.doc[max(ent.start - 8, ent.sent.start) : ent.start]):
        return None  # "one of the deadliest this year", "the worst since 2019": the scope of a comparison
    if _background_of(cand.trigger, head) and not (_opens_sentence(ent) and _at_the_time(cand.trigger, head)):
        return None
    if cand.trigger not in head.subtree and (
            any(c.dep_ == "mark" and c.lower_ == "since" for c in head.children)
            or head.lemma_.lower() in words("start_verbs") and any(
                t.lower_ == "since" for t in ent.doc[min(cand.trigger.i, ent.start) : ent.start])):
        return None  # "the worst night since the invasion began in February": when a span began, not the attack's day
    window = ctx.date_of(ent, "past")
    since = (ent.root.dep_ == "pobj" and ent.root.head.lower_ == "since") or (ent.start > 0 and ent.doc[ent.start - 1].lower_ == "since")
    if window is not None and ctx.published is not None and since and window.earliest <= ctx.published:
        # "has killed 300 people since January": from then to the day of the news
        return DateWindow(window.earliest, max(window.latest, ctx.published), f"since {window.text}")
    return window


def _day_of_its_when_clause(trigger: Token) -> Span | None:
    """The day whose "when" clause tells the attack ("the deadliest since 4 March, when a bomber
    blew himself up at a checkpoint", "on Monday, when gunmen stormed the village"), if any."""
    for verb in [trigger, *trigger.ancestors]:
        if verb.dep_ == "relcl" and verb.head.ent_type_ == "DATE" \
                and any(c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children):
            return next((e for e in verb.doc.ents if e.start <= verb.head.i < e.end and e.label_ == "DATE"), None)
        if verb.dep_ in {"ccomp", "advcl"} and verb != trigger and verb.pos_ in {"VERB", "AUX"}:
            return None  # another clause between them
    return None


def _background_of(trigger: Token, governor: Token) -> bool:
    """Whether the attack word stands in a background phrase or another clause of the verb the
    date belongs to: "troops withdrew on Friday after weeks of fighting" and "ministers will meet
    on Tuesday, as the armies fought on" date the withdrawal and the meeting, not the fighting.
    A date of what the attack did ("five were killed on Monday following an attack") is its own."""
    if trigger == governor or governor.pos_ not in {"VERB", "AUX"}:
        return False
    if governor.lemma_.lower() in words("kill_verbs") | words("injure_verbs"):
        return False
    t = trigger
    while t.head != t and t != governor:
        if t.dep_ == "prep" and t.lower_ in words("background_preps"):
            return True
        if t.pos_ in {"VERB", "AUX"} and t.dep_ in {"advcl", "ccomp", "relcl", "acl", "parataxis"} \
                and not _result_participle(t):
            return True
        t = t.head
    return False


def _result_participle(verb: Token) -> bool:
    """"looted and burned houses in X, killing 11 civilians": a participle with no joining word
    after a comma, telling what the act it hangs on did, at the same time."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > verb.head.i \
        and not any(c.dep_ in {"mark", "advmod"} and c.i < verb.i for c in verb.children)


def _weapon_words(sent: Span) -> tuple[list[str], list[Token]]:
    """Lower-cased words for the weapon lexicon, with hyphenated compounds kept whole
    ("anti-aircraft", "Shahed-type")."""
    out: list[str] = []
    toks: list[Token] = []
    for t in sent:
        if out and (t.text in {"-", "–"} or (t.i > sent.start and t.doc[t.i - 1].text in {"-", "–"} and not t.doc[t.i - 1].whitespace_)) \
                and not t.doc[t.i - 1].whitespace_:
            out[-1] += t.lower_
            toks[-1] = t
            continue
        out.append(t.lower_)
        toks.append(t)
    return out, toks


def _actor_words(trigger: Token) -> list[str]:
    """The nouns naming who attacked, with their compounds ("the air force struck" -> "air force",
    "force"); for an attack word, its modifiers ("an army helicopter strike")."""
    heads = subjects(trigger) + [c for c in trigger.children if c.dep_ == "agent"]
    heads += [p for c in trigger.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    heads += [c for c in trigger.children if c.dep_ == "compound" and trigger.pos_ == "NOUN"]
    out: list[str] = []
    for h in heads:
        mods = [t.lower_ for t in h.subtree if t.i < h.i and t.dep_ in {"compound", "amod"}]
        out += [" ".join(mods[-1:] + [h.lemma_.lower()]), h.lemma_.lower()]
    return out


def _fired_on(prep: Token) -> bool:
    """Whether a preposition tells what was fired on: "fired at", "shot at", "opened fire on"."""
    verb = prep.head
    return verb.lemma_.lower() in {"fire", "shoot"} or verb.lemma_.lower() == "open" and any(
        c.dep_ == "dobj" and c.lower_ == "fire" for c in verb.children)


def _in_a_seized_list(tok: Token) -> bool:
    """Whether a word lies in the list of things a noun of taking is "of" ("the capture of one rifle,
    two rifle grenades, anti-personnel mines and ..."), however the parser hangs the list."""
    for i in range(tok.i - 1, max(tok.sent.start, tok.i - 60) - 1, -1):
        t = tok.doc[i]
        if t.lower_ == "of" and i > tok.sent.start and tok.doc[i - 1].lemma_.lower() in word_set("violence_words.json", "seizure_nouns"):
            return True
        if t.pos_ in {"VERB", "AUX", "ADP"} and not (t.pos_ == "ADP" and t.lower_ == "of"):
            return False
    return False


def _not_used(tok: Token) -> bool:
    """"accused of developing chemical weapons", "supplied drones", "a drone factory":
    weapons made, held, traded or named as a kind of thing, not fired."""
    lex = weapon_lexicon().by_label
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.lower_ not in lex \
            and tok.head.lemma_.lower() not in lex and not attack_places.is_attack_word(tok.head):
        return True  # "the missile programme", "a drone factory"
    t = tok
    while t.dep_ in {"compound", "amod", "conj", "appos"} and t.head != t \
            or t.dep_ == "pobj" and t.head.lower_ in {"including", "like"} and t.head.head != t.head:
        t = t.head if t.dep_ != "pobj" else t.head.head  # "struck 100 targets, including rocket launchers"
    including = next((a for a in tok.ancestors if a.lower_ in {"including", "like"}), None)
    if t.pos_ == "VERB" and t.lemma_.lower() in words("hitting_verbs") and t != tok and including is not None:
        # "including ..." hung on the verb: a list of what it hit, unless it lists the weapons just named
        # ("struck Kyiv with missiles, including hypersonic ones")
        before = next((x for x in reversed(tok.doc[t.i : including.i]) if x.pos_ in {"NOUN", "PROPN"}), None)
        return before is None or (before.lower_ not in lex and before.lemma_.lower() not in lex)
    if t.dep_ == "dobj" and t.head.lemma_.lower() in words("hitting_verbs"):
        return True  # "struck two radar stations", "drones hit two tanks": what was hit
    if t.dep_ == "pobj" and t.head.lower_ in {"at", "on", "upon", "towards", "toward"} and _fired_on(t.head):
        return True  # "fired at the military aircraft", "shot at a helicopter": what was fired on
    if _in_a_seized_list(tok):
        return True  # "the capture of two rifles and a hand grenade": weapons taken, not fired
    return t.dep_ in {"dobj", "nsubjpass", "pobj"} and t.head.lemma_.lower() in words("weapon_holding_verbs") \
        and not any(c.dep_ == "prt" and c.lower_ == "out" for c in t.head.children)  # "carried out a drone strike"


#: What sets off what an attack was told against: "amid", "in response to", "in retaliation for".
_BACKGROUND_HEADS = frozenset({"amid", "amidst", "response", "retaliation", "reprisal", "revenge"})


def _mishap_told_after(sent: Span, previous: Candidate) -> bool:
    """Whether a sentence that tells of a mishap names back, as its subject, the explosion or
    incident just told ("The explosion occurred as a result of old shells that exploded while being
    melted"), one that no one was said to have set off."""
    if previous.attackers or previous.described or previous.aggregate:
        return False
    nouns = words("incident_nouns") | {"explosion", "blast", "fire"}
    return any(t.dep_ in {"nsubj", "nsubjpass"} and t.lemma_.lower() in nouns
               and any(d.dep_ == "det" and d.lower_ in {"the", "this", "that"} for d in t.children) for t in sent)


def _in_background_phrase(tok: Token, trigger: Token) -> bool:
    """Whether a place lies in a phrase telling what the attack came amid or answered, one that
    does not hold the attack word."""
    around = {trigger.i, *(a.i for a in trigger.ancestors)}
    for anc in tok.ancestors:
        if anc.i in around:
            return False
        if anc.lower_ in _BACKGROUND_HEADS or anc.lemma_.lower() in _BACKGROUND_HEADS:
            return True
    return False


def _told_as_background(trigger: Token) -> bool:
    """An attack word in what another attack came amid or answered ("... amid exchanges of fire
    between A and B", "fired rockets in response to the attack in X"): not the attack the clause tells."""
    for anc in trigger.ancestors:
        if anc.pos_ in {"VERB", "AUX"}:
            return False
        if anc.lower_ in _BACKGROUND_HEADS or anc.lemma_.lower() in _BACKGROUND_HEADS:
            return True
    return False


def _candidates(ctx: DocContext, sent: Span, matches) -> tuple[list[Candidate], list[CasualtyMention]]:
    casualties = [m for m in find_casualties(sent) if not m.superseded]
    found = find_triggers(sent, matches, bool(casualties))
    tokens = {t.token for t in found}
    # "drone strike" with both words triggers: keep the head
    found = [t for t in found if not (t.token.dep_ == "compound" and t.token.head in tokens)]
    cands = [Candidate(trigger=t.token, sent=sent, evidence=[sent],
                       types=([t.event_type] if t.event_type else []) + ([CLASH] if _fought_off(t.token) else []),
                       outcome_only=t.outcome) for t in found]
    # "the strike was the deadliest in a war that has killed 40,000": the war's toll is told apart
    tolls = {v.i: v for m in casualties for v in [m.anchor, *list(m.anchor.ancestors)[:3]] if _war_toll(v)}
    cands += [Candidate(trigger=v, sent=sent, evidence=[sent], outcome_only=True)
              for i, v in tolls.items() if cands and i not in {c.trigger.i for c in cands}]
    if not cands:
        return [], casualties
    lex = weapon_lexicon()
    for cand in cands:
        low = cand.trigger.lower_
        concept = lex.by_label.get(low) or lex.by_label.get(cand.trigger.lemma_.lower())
        if concept:
            cand.weapons.append(concept)
        cand.definite = any(c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"} for c in cand.trigger.children)
        cand.aggregate = cand.trigger.tag_ == "NNS" and any(m in sent.text.lower() for m in words("aggregate_markers"))
        if _war_toll(cand.trigger) or cand.outcome_only and _toll_of_the_war_told_before(sent, casualties):
            cand.aggregate = cand.war_toll = True
        if _launch_tally(cand.trigger) and not any(t.ent_type_ in {"GPE", "LOC", "FAC"} for t in sent
                                                    if t.i > cand.trigger.i):
            cand.aggregate = cand.tally = True
    # places
    meeting_words = attack_places.meeting_words(sent)
    sentence_places = attack_places.sentence_places(ctx, sent)
    inner = attack_places.comma_qualified(sentence_places)
    for tok, key in sentence_places:
        near = _nearest(tok, cands)
        if meeting_words and min(tree_distance(tok, m) for m in meeting_words) < tree_distance(tok, near.trigger):
            continue  # "... came hours after officials sat down in X": the meeting's place
        if attack_places.someones_whereabouts(ctx, tok) or in_victims_past(tok) or attack_places.where_someone_went(tok):
            continue
        if _in_background_phrase(tok, near.trigger):
            continue  # "fired rockets at X in answer to the strike on Y": Y is the other attack's place
        if key not in near.places:
            near.places.append(key)
            near.place_tokens.append(tok)
    # dates: a day an attack is told in a clause of ("since 4 March, when a bomber blew himself up") first
    for cand in cands:
        day = _day_of_its_when_clause(cand.trigger)
        if day is not None:
            cand.date = ctx.date_of(day, "past")
    for ent in sent.ents:
        if ent.label_ not in {"DATE", "TIME"} or _told_precisely_after(ent):
            continue
        head = _date_governor(ent)
        if head.lemma_.lower() in words(SPEECH):
            for cand in cands:
                if cand.trigger != head and head in cand.trigger.ancestors:
                    cand.told = cand.told or _told_on(ctx, ent)
        root = ent.root
        while root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.ent_type_ in {"TIME", "DATE"}:
            root = root.head.head  # "in the early hours of Thursday": the day as far as its hours
        near = _nearest(root, cands)
        # a date far from every attack word belongs to something else ("its 2021 coup"); one that
        # opens the sentence ("On 3 May, the villagers were unharmed when gunmen fired ...") is its own
        carrier = _carrier_verb(near.trigger)
        distance = min(tree_distance(root, near.trigger), tree_distance(root, carrier) if carrier is not None else 99)
        if near.date is None and (distance <= MAX_DATE_DISTANCE or _opens_sentence(ent)):
            near.date = _date_for(ctx, near, ent)
    # weapons (longest match over the sentence's words)
    low_words, word_tokens = _weapon_words(sent)
    for start, end, concept in lex.match(low_words):
        tok = word_tokens[end - 1]
        if in_victims_past(tok):
            continue  # "a commander who had fired rockets": the victim's weapon, not this attack's
        if _not_used(tok) and not (set_off(concept) and tok.head.lemma_.lower() in words("hitting_verbs")):
            # "their vehicle struck a roadside bomb": a mine or a planted bomb is set off by what hits it
            continue
        near = _nearest(tok, cands)
        if concept not in near.weapons:
            near.weapons.append(concept)
    # casualties
    for m in casualties:
        _nearest(m.anchor, cands).casualties.append(m)
    for cand in cands:
        cand.targets = [_target_text(t) for t in _targets(cand.trigger) if ctx.place(t) is None]
    told = [c for c in cands if c.casualties or not _told_as_background(c.trigger)]
    # what the attack came amid, or answered, lends it no place of its own; alone in its sentence, with
    # no toll, it is only what something else answered ("which they call a reply to X's offensive")
    cands = told or [c for c in cands if c.casualties or c.date is not None]
    cands = _merge_in_sentence(cands, ctx.entities.entities)
    cands = [part for c in cands for part in _split_by_place(ctx, c)]
    cands = [part for c in cands for part in _split_by_side(ctx, c)]
    placed = [c for c in cands if c.place_tokens]
    for cand in cands:
        if not cand.places and placed and not cand.war_toll:
            # "In X, where an attack ..., a strike ...": the sentence's place holds for every attack in it
            near = min(placed, key=lambda c: min(tree_distance(t, cand.trigger) for t in c.place_tokens))
            cand.places = list(near.places)
    reporters = _reporters(ctx, sent)
    for cand in cands:
        cand.attackers = _attackers(ctx, cand)
        cand.described = [] if cand.attackers else _described_attackers(ctx, cand)
        cand.attacked = _attacked(ctx, cand)
        cand.reporters = [r for r in reporters if r not in cand.attackers or len(reporters) == 1]
        if cand.war_toll:
            _read_as_war_toll(ctx, cand)
        if cand.aggregate and len(cand.places) == 1 and not cand.date and not cand.whole_of_parts and not cand.war_toll:
            cand.aggregate = False
        if len(cand.places) > 1:
            listed = attack_places.coordinated_places(cand.place_tokens, cand.places)
            cand.places = attack_places.most_specific(ctx, cand.places, cand.aggregate, inner, listed)
    return cands, casualties


def _told_precisely_after(ent: Span) -> bool:
    """"They were killed today [Sunday]": a time told relative to the speaker ("today",
    "yesterday") that an editor's bracket right after it tells precisely; the bracket's time is
    the one read (not "around 30 November (between 30 November and 1 December)")."""
    doc = ent.doc
    relative = not any(t.like_num or t.lower_ in MONTH_WORDS for t in ent)
    return relative and ent.end + 1 < len(doc) and doc[ent.end].text in {"[", "("} \
        and doc[ent.end + 1].ent_type_ in {"DATE", "TIME"}


MAX_TOLL_PLACE_DISTANCE = 3  # dependency edges between a toll's outcome word and the place it names


def _toll_place_distance(anchor: Token, place: Token) -> int:
    """Dependency edges between a toll's outcome word and a place; a place of the attack word the
    toll hangs on is as near as that word ("killed in shelling in X")."""
    dist = tree_distance(anchor, place)
    noun = place.head.head if place.dep_ == "pobj" else None
    if noun is not None and noun.dep_ in {"pobj", "pcomp"} and attack_places.is_attack_word(noun):
        dist = min(dist, tree_distance(anchor, noun))
    return dist


def _split_by_place(ctx: DocContext, cand: Candidate) -> list[Candidate]:
    """Tolls one sentence gives place by place are attacks of their own: "gunmen killed a teacher
    in Quetta and wounded three policemen in Peshawar", "two died in Kherson and five were hurt
    in Nikopol". A place that lies in another of them ("in Kherson, Ukraine") stays with it."""
    if not cand.place_tokens or len(cand.casualties) < 2:
        return [cand]
    ents = ctx.entities.entities
    groups: dict[str, list[CasualtyMention]] = {}
    for m in cand.casualties:
        near = [(_toll_place_distance(m.anchor, t), abs(m.anchor.i - t.i), k) for t, k in zip(cand.place_tokens, cand.places)]
        dist, _, key = min(near)
        if dist > MAX_TOLL_PLACE_DISTANCE:
            key = _own_toll_of(ctx, m.anchor)
            if key is None:
                return [cand]
        groups.setdefault(key, []).append(m)
    keys = list(groups)
    for k in keys:
        ent = ents.get(k)
        if any(o != k and ents.get(o) is not None and ent is not None and (_whole_country_of(ents, o, ent) or _whole_country_of(ents, k, ents[o]))
               for o in keys):
            return [cand]  # "killed in Kherson ... in Ukraine", "in Kherson, in southern Ukraine": one place told twice
    if len(keys) < 2:
        return [cand]
    out = []
    for n, key in enumerate(keys):
        toks = [t for t, k in zip(cand.place_tokens, cand.places) if k == key] or [next(m.anchor for m in groups[key])]
        rest = [(t, k) for t, k in zip(cand.place_tokens, cand.places) if k not in keys] if n == 0 else []
        out.append(replace(cand, places=[key] + [k for _, k in rest], place_tokens=toks[:1] + [t for t, _ in rest],
                           casualties=groups[key], weapons=list(cand.weapons), targets=list(cand.targets),
                           evidence=list(cand.evidence), triggers=list(cand.triggers), types=list(cand.types)))
    return out


def _whole_country_of(ents, key: str, place) -> bool:
    """Whether ``key`` is the country ``place`` lies in, or a part of it named by direction
    ("southern Ukraine" for Kherson)."""
    whole = ents[key]
    if whole.kind == COUNTRY:
        return place.country_key == key
    directions = word_set("place_words.json", "direction_adjectives") | word_set("place_words.json", "direction_words")
    return whole.kind == REGION and not whole.geonames_id and whole.label.split()[0].lower() in directions \
        and whole.country_key is not None and place.country_key == whole.country_key and place.kind != REGION


def _toll_parts(ctx: DocContext, sent: Span, total: CasualtyMention) -> list[tuple[Token, int, Token, str]]:
    """The parts a toll is told in, place by place or side by side: "30 people were killed, 18 on
    the Ethiopian side and 12 on the Eritrean side", "killed 35 people, 20 in Armenia and 15 in
    Azerbaijan": (number token, figure, place token, place key) for each part."""
    parts = []
    for tok in sent:
        if not tok.like_num or tok.i == total.anchor.i or tok.dep_ not in {"npadvmod", "appos", "conj", "dobj", "nsubj"} \
                and not (tok.dep_ == "pobj" and tok.head.lower_ == "including"):  # "killed 25, including 10 in X"
            continue
        if tok.dep_ == "conj" and not tok.head.like_num:
            continue
        value = parse_number(tok.text)
        place = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ in {"on", "in"}
                      for p in c.children if p.dep_ == "pobj"), None)
        if value is None or place is None:
            continue
        if place.lemma_.lower() == "side":  # "on the Ethiopian side": the demonym names the place
            place = next((c for c in place.children if c.dep_ in {"amod", "compound"}), place)
        elif place.pos_ == "NOUN":  # "12 in a single house in X": the place the building is in
            place = next((p for c in place.children if c.dep_ == "prep" and c.lower_ in {"in", "near", "at"}
                          for p in c.children if p.dep_ == "pobj"), place)
        key = attack_places.place_of(ctx, place)
        if key is not None:
            parts.append((tok, value, place, key))
    return parts


def _split_by_side(ctx: DocContext, cand: Candidate) -> list[Candidate]:
    """A toll told place by place or side by side is one attack per place with its part, and the
    whole an aggregate of them ("30 killed, 18 on the Ethiopian side and 12 on the Eritrean side")."""
    tolls = [m for m in cand.casualties if not m.superseded]
    if not tolls:
        return [cand]
    total = max(tolls, key=lambda m: m.record.min)
    parts = _toll_parts(ctx, cand.sent, total)
    keys = {key for *_, key in parts}
    # one part will do when told as such ("killed 40 in Gaza, including 12 in X") and the whole has a place of its own
    included = len(parts) == 1 and parts[0][0].dep_ == "pobj" and any(k not in keys for k in cand.places)
    if (len(parts) < 2 and not included) or len(keys) != len(parts) \
            or sum(v for _, v, _, _ in parts) > (total.record.max or total.record.min):
        return [cand]
    if any(m is not total and (m.record.outcome != total.record.outcome or m.record.quote not in {n.text for n, *_ in parts})
           for m in tolls):
        return [cand]  # other figures than the parts: not a toll told place by place
    # the whole is where it was told for ("25 killed in Gaza, including 10 in X"), else the parts' places
    whole = [(k, t) for k, t in zip(cand.places, cand.place_tokens) if k not in keys]
    out = [replace(cand, aggregate=True, whole_of_parts=True, places=[k for k, _ in whole] or list(dict.fromkeys(cand.places + [k for *_, k in parts])),
                   place_tokens=[t for _, t in whole] if whole else list(cand.place_tokens))]
    for num, value, place, key in parts:
        rec = CasualtyRecord(total.record.outcome, value, value, False, num.text, total.record.victims)
        out.append(replace(cand, places=[key], place_tokens=[place], casualties=[CasualtyMention(num, rec, False, False)],
                           aggregate=False, weapons=list(cand.weapons), targets=list(cand.targets),
                           evidence=list(cand.evidence), triggers=list(cand.triggers), types=list(cand.types)))
    return out


def _split_by_sides_told(ctx: DocContext, cand: Candidate) -> list[Candidate]:
    """Tolls of a clash told side by side with no whole ("killed 49 Armenian soldiers ... Baku said
    50 of its servicemen had died"): one attack per side, on that side, each with its own dead.
    Only where the attack has no town of its own: at one village both sides' dead are one event's."""
    ents = ctx.entities.entities
    if any(ents[k].kind not in {COUNTRY, REGION} for k in cand.places):
        return [cand]
    tolls = [m for m in cand.casualties if not m.superseded]
    sides = {id(m): _side_of(ctx, m) for m in tolls}
    by_outcome: dict[str, set[str]] = {}
    for m in tolls:
        by_outcome.setdefault(m.record.outcome, set()).add(sides[id(m)])
    if any(None in found for found in by_outcome.values()) or not any(len(found) >= 2 for found in by_outcome.values()):
        return [cand]  # a toll of no known side, or all of one side
    out = []
    for side in dict.fromkeys(sides[id(m)] for m in tolls):
        out.append(replace(cand, places=[side], place_tokens=[], casualties=[m for m in tolls if sides[id(m)] == side],
                           weapons=list(cand.weapons), targets=list(cand.targets), evidence=list(cand.evidence),
                           triggers=list(cand.triggers), types=list(cand.types)))
    return out


def _side_of(ctx: DocContext, m: CasualtyMention) -> str | None:
    """The country whose dead a figure counts: named by a demonym on the victims ("25 Ethiopian
    troops"), by "its"/"their" in what a country says ("Baku said 50 of its servicemen died"), or by
    the country that reports the toll as its own."""
    own = _own_toll_of(ctx, m.anchor)
    if own is not None:
        return own
    for word in (m.anchor, m.anchor.head):  # "20 deaths reported on the Kyrgyz side", "14 were killed on the Tajik side"
        for side in (p for c in word.children if c.dep_ == "prep" and c.lower_ in {"on", "from"}
                     for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() == "side"):
            key = next((k for d in side.children if (k := _demonym_country(ctx, d))), None)
            if key:
                return key
    verb = m.anchor
    victims = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"} and c.pos_ in {"NOUN", "NUM", "PRON"}]
    victims += [p for v in list(victims) for c in v.children if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children if p.dep_ == "pobj"]  # "two of its citizens"
    for v in victims:
        for c in v.children:
            key = _demonym_country(ctx, c) if c.dep_ in {"amod", "compound"} else None
            if key:
                return key
            if c.dep_ == "poss" and c.lower_ in {"its", "their"}:
                said = verb if verb.lemma_.lower() in words(SPEECH) else speech_head(verb)
                speaker = next((s for s in said.children if s.dep_ == "nsubj"), None) if said is not None else None
                ent = ctx.entity(speaker) if speaker is not None else None
                if ent is not None and ent.kind == COUNTRY:
                    return ent.key
    return None


def _demonym_country(ctx: DocContext, tok: Token) -> str | None:
    """The country a demonym names ("Ethiopian troops", "the Tajik side")."""
    key = ctx.entities.key_of(tok) if tok.i in ctx.entities.demonym_tokens else None
    return key if key and ctx.entities.entities[key].kind == COUNTRY else None


def _own_toll_of(ctx: DocContext, anchor: Token) -> str | None:
    """"..., while Azerbaijan reported 50 deaths": a country that reports a toll as its own, next to
    a toll of another place, reports the dead on its side."""
    verb = anchor if anchor.pos_ == "VERB" else anchor.head
    if verb.lemma_.lower() not in words("report_verbs") or anchor.dep_ not in {"dobj", "ccomp"} and anchor is not verb:
        return None
    for c in verb.children:
        if c.dep_ == "nsubj":
            ent = ctx.entity(c)
            if ent is not None and ent.kind == COUNTRY:
                return ent.key
    return None


def _conflict(a: Candidate, b: Candidate, ents=None) -> bool:
    if a.war_toll != b.war_toll:
        return True  # a whole war's toll is no attack's
    if a.places and b.places and not (ents is not None and attack_places.places_agree(ents, a.places, b.places)) \
            and not set(a.places) & set(b.places):
        return True
    if a.date and b.date and not _within_window(a.date, b.date) and not _within_window(b.date, a.date):
        return True  # "officials said Tuesday" (Monday or Tuesday) and "on Monday" may be one day
    lex = weapon_lexicon()
    if a.weapons and b.weapons and not any(lex.related(x, y) for x in a.weapons for y in b.weapons):
        return True  # "a ballistic missile" and "two missiles" may be one attack; a drone and a shell are not
    # a party's claim ("the rebels claim 15 fatalities") may differ from the figure told of the same dead
    oa = {(m.record.outcome, _group(m.record)) for m in a.casualties if not m.claimed}
    ob = {(m.record.outcome, _group(m.record)) for m in b.casualties if not m.claimed}
    revised = {(m.record.outcome, _group(m.record)) for m in a.casualties + b.casualties if m.revision}
    for key in (oa & ob) - revised:  # "the toll rose to 14": a new figure for the same dead
        ra = [m.record for m in a.casualties if (m.record.outcome, _group(m.record)) == key]
        rb = [m.record for m in b.casualties if (m.record.outcome, _group(m.record)) == key]
        if not any((x.min, x.max) == (y.min, y.max) or _vague_overlap(x, y) or _within_bound(x, y) for x in ra for y in rb):
            return True
    return False


def _contains(outer: DateWindow, inner: DateWindow) -> bool:
    return outer.earliest <= inner.earliest and inner.latest <= outer.latest


def _within_window(inner: DateWindow, outer: DateWindow) -> bool:
    """Whether one window lies in another of at most two days: the day told ("officials said
    Tuesday": Monday or Tuesday) and the day the attack came ("on Monday")."""
    return outer.earliest <= inner.earliest and inner.latest <= outer.latest \
        and (outer.latest - outer.earliest).days <= 1


def _within_bound(x: CasualtyRecord, y: CasualtyRecord) -> bool:
    """"more than 40 injured ... 48 others were wounded", "killing at least three ... two labourers
    and a policeman were killed": a figure inside the range a lower bound leaves open may tell of
    the same casualties."""
    return (x.max is None and y.max is not None and x.min <= y.min) or (y.max is None and x.max is not None and y.min <= x.min)


def _vague_overlap(x: CasualtyRecord, y: CasualtyRecord) -> bool:
    """"Many were injured" and "at least four were wounded" may tell of the same victims."""
    if not (x.vague or y.vague):
        return False
    top = lambda r: r.max if r.max is not None else float("inf")
    return x.min <= top(y) and y.min <= top(x)


def _merge(a: Candidate, b: Candidate) -> Candidate:
    a.place_tokens += [t for p, t in zip(b.places, b.place_tokens) if p not in a.places]
    a.places += [p for p in b.places if p not in a.places]
    if a.date is None or (b.date is not None and _contains(a.date, b.date)
                          and b.date.latest - b.date.earliest < a.date.latest - a.date.earliest):
        a.date = b.date or a.date  # the narrower of two windows told of one attack
    a.told = a.told or b.told
    a.weapons += [w for w in b.weapons if w not in a.weapons]
    a.targets += [t for t in b.targets if t not in a.targets]
    a.attackers += [x for x in b.attackers if x not in a.attackers]
    # "the attackers", "the assailants" told of an attack whose attackers are already described: the same ones
    a.described += [x for x in b.described if x not in a.described
                    and not ((a.described or a.attackers) and x in {"attackers", "assailants", "attacker", "assailant"})]
    a.attacked += [x for x in b.attacked if x not in a.attacked]
    a.reporters += [x for x in b.reporters if x not in a.reporters]
    a.casualties += b.casualties
    a.evidence += [s for s in b.evidence if s not in a.evidence]
    a.aggregate = a.aggregate and b.aggregate
    a.triggers += [t for t in b.triggers if t not in a.triggers]
    a.types += [t for t in b.types if t not in a.types]
    a.outcome_only = a.outcome_only and b.outcome_only
    return a


def _merge_in_sentence(cands: list[Candidate], ents) -> list[Candidate]:
    out: list[Candidate] = []
    for cand in sorted(cands, key=lambda c: c.trigger.i):
        partner = next((o for o in out if not _conflict(o, cand, ents)), None)
        if partner is not None:
            _merge(partner, cand)
        else:
            out.append(cand)
    return out


# -- casualty bookkeeping ---------------------------------------------------

def _group(rec: CasualtyRecord) -> str:
    v = rec.victims
    if v is None or v in words("generic_victims"):
        return "all"
    return "child" if v in words("child_victims") else v


def _final_counts(mentions: list[CasualtyMention]) -> tuple[CasualtyRecord, ...]:
    """One count per outcome and victim group: a revised figure wins, else the most precise one.
    A vague figure for everyone ("many were injured") gives way to a stated figure for the
    same outcome ("at least six civilians were wounded"): the conservative reading. Figures that
    disagree by whom they come from (a party's claim, another account) are one range (:func:`_disputed`)."""
    told = {(m.record.outcome, _group(m.record)) for m in mentions if not m.claimed and _group(m.record) != "child"}
    revised = {m.record.outcome for m in mentions if m.revision}  # "fatalities coded as 7" settles the claims too
    disputing = [m for m in mentions if m.claimed and _group(m.record) != "child" and m.record.outcome not in revised
                 and any(outcome == m.record.outcome and (group == "all" or _group(m.record) in {"all", group})
                         for outcome, group in told)]
    ids = {id(m) for m in disputing}
    counts = _told_counts([m for m in mentions if id(m) not in ids])
    return tuple(_disputed(counts, [m.record for m in disputing]))


def _told_counts(mentions: list[CasualtyMention]) -> list[CasualtyRecord]:
    # "seven people were among the dead": some of the dead, when a toll of them all is told
    whole = {m.record.outcome for m in mentions if not m.part and _group(m.record) == "all"}
    mentions = [m for m in mentions if not (m.part and _group(m.record) == "all" and m.record.outcome in whole)]
    settled = {m.record.outcome for m in mentions if m.revision and _group(m.record) == "all"}
    # a revised figure for everyone ("the toll rose to 12", "fatalities coded as 0") replaces the group counts
    mentions = [m for m in mentions if m.record.outcome not in settled or m.revision or _group(m.record) == "child"]
    stated = {m.record.outcome for m in mentions if not m.record.vague and _group(m.record) == "all"}
    mentions = [m for m in mentions if not (m.record.vague and m.record.outcome in stated
                                            and _group(m.record) == "all")]
    by_key: dict[tuple[str, str], list[CasualtyMention]] = {}
    for m in mentions:
        by_key.setdefault((m.record.outcome, _group(m.record)), []).append(m)
    out: list[CasualtyRecord] = []
    for key in sorted(by_key):
        ms = by_key[key]
        revised = [m for m in ms if m.revision]
        pool = revised or ms
        precise = [m for m in pool if not m.record.vague] or pool
        rec = precise[-1].record if revised else precise[0].record
        if key[1] == "child":
            rec = replace(rec, victims="child")
        out.append(rec)
    for rec in list(out):
        if _group(rec) == "child" and not any(o.outcome == rec.outcome and _group(o) != "child" for o in out):
            # "three children were killed": the children are all the dead, and a sub-count of them
            out.append(replace(rec, victims=None))
    return _without_overlaps(out)


def _disputed(counts: list[CasualtyRecord], claims: list[CasualtyRecord]) -> list[CasualtyRecord]:
    """A count that a party's claim or another account disputes ("killing eight officers ... the
    militants claim 15 fatalities", "at least four were killed ... other sources said six had
    died") is the range of the figures: the smallest lower bound, the largest
    upper bound, as the claims of several documents are reconciled. A claim for some of the dead
    ("claimed to have killed 35 of the rival fighters", beside a toll of both sides) leaves the
    toll open above. A claim of other dead than the ones told ("three soldiers were killed; the army
    claims to have killed 20 militants") is a count of its own. Children stay a sub-count of their own."""
    out = list(counts)
    for outcome in dict.fromkeys(c.outcome for c in claims):
        heads = [c for c in out if c.outcome == outcome and _group(c) != "child"]
        theirs = [c for c in claims if c.outcome == outcome]
        if len(heads) != 1:
            continue
        head = heads[0]
        same = [c for c in theirs if c.victims in {None, head.victims}]  # of the same dead, not some of them
        low = min([head.min] + [c.min for c in same])
        tops = [head.max] + [c.max for c in theirs]
        high = max(tops) if len(same) == len(theirs) and None not in tops else None
        if (low, high) == (head.min, head.max):
            continue
        quote = " / ".join(dict.fromkeys([head.quote] + [c.quote for c in theirs]))
        out[out.index(head)] = replace(head, min=low, max=high, vague=head.vague and all(c.vague for c in theirs), quote=quote)
    return out


def _without_overlaps(counts: list[CasualtyRecord]) -> list[CasualtyRecord]:
    """Counts of one outcome that tell of the same people once: "four were killed ... four
    soldiers died" is one count of four soldiers; "four were killed, two soldiers and two
    civilians" keeps the total; "at least seven died ... nine guests were killed" keeps the
    groups, which tell more than the open total. Children stay a sub-count of their own."""
    out: list[CasualtyRecord] = []
    for outcome in dict.fromkeys(c.outcome for c in counts):
        mine = [c for c in counts if c.outcome == outcome]
        total = next((c for c in mine if _group(c) == "all" and not c.vague), None)
        groups = [c for c in mine if _group(c) not in {"all", "child"}]
        if total is not None and groups:
            if any((g.min, g.max) == (total.min, total.max) for g in groups):
                mine = [c for c in mine if c is not total]
            elif sum(g.min for g in groups) <= total.min:
                mine = [c for c in mine if c not in groups]
            elif total.max is None and not any(g.vague for g in groups):
                mine = [c for c in mine if c is not total]  # "at least seven died ... nine guests were killed"
        out += mine
    return out


# -- the document -----------------------------------------------------------

def _same_target(a: Candidate, b: Candidate) -> bool:
    """"an army base" ... "the base": one target, named again by its head noun."""
    return bool(set(a.targets) & set(b.targets)) or any(
        x.split()[-1] == y.split()[-1] for x in a.targets for y in b.targets)


def _tells_on(ctx: DocContext, previous: Candidate, cand: Candidate) -> bool:
    """Whether a mention tells more of the attack told just before it: "the strike" where that
    attack was (or in a place the text puts nowhere else), "the strikes" in a part of its place
    ("Sanaa's X district"), the target named again ("a military camp ... the attack on the camp",
    "shelled a displacement camp ... the attack on the X camp"), "the attackers" acting on."""
    if cand.definite and not previous.aggregate and (
            _named_back(previous, cand) and (attack_places.places_agree(ctx.entities.entities, previous.places, cand.places)
                                             or _unplaced(ctx, cand.places))
            or previous.places and _within(ctx, cand.places, previous.places)):
        return True
    if _happened_when(cand) and not previous.aggregate and (
            attack_places.places_agree(ctx.entities.entities, previous.places, cand.places, ctx.entities.lies_in())
            or _unplaced(ctx, cand.places) or _within(ctx, cand.places, previous.places)
            or not previous.places or not cand.places or _in_a_region_of(ctx, cand.places, previous.places)):
        return True
    return _target_named(ctx, previous, cand) or _by_the_attackers(cand, previous.described) \
        or (_weapon_named_back(previous, cand) and not previous.aggregate and (
            attack_places.places_agree(ctx.entities.entities, previous.places, cand.places) or _unplaced(ctx, cand.places))) \
        or (cand.definite and _same_target(previous, cand)) or _victims_named_back(previous, cand) \
        or (_in_that_incident(cand) and not previous.aggregate and (
            attack_places.places_agree(ctx.entities.entities, previous.places, cand.places) or _unplaced(ctx, cand.places)))


def _weapon_named_back(previous: Candidate, cand: Candidate) -> bool:
    """"Three soldiers were killed in a drone attack ... The devices dropped explosives on troops
    manning a checkpoint on X": the weapon of the attack just told, named back as the subject."""
    if not previous.weapons:
        return False
    lex = weapon_lexicon()
    for t in cand.triggers:
        for subj in (c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}):
            if not any(c.dep_ == "det" and c.lower_ in {"the", "these", "those", "this", "that"} for c in subj.children):
                continue
            concept = lex.by_label.get(subj.lower_) or lex.by_label.get(subj.lemma_.lower())
            if subj.lemma_.lower() == "device" or concept and any(lex.related(concept, w) for w in previous.weapons):
                return True
    return False


def _happened_when(cand: Candidate) -> bool:
    """"The tragedy happened when rebels opened fire on civilians in X", "The incident occurred as
    gunmen stormed the market": how what was just told came about."""
    for t in cand.triggers:
        clause = t if t.pos_ == "VERB" else next((a for a in t.ancestors if a.pos_ == "VERB"), None)
        if clause is None or clause.dep_ not in {"advcl", "ccomp"}:
            continue
        main = clause.head
        if main.i >= clause.i or main.i + 1 >= len(t.doc) or t.doc[main.i + 1].lower_ not in {"when", "as"}:
            continue  # the parser may hang "when" on a word of the clause
        if _tells_it_happened(main, also={"come", "unfold"}) and any(c.dep_ == "nsubj" and any(d.dep_ == "det" and d.lower_ in {"the", "this", "that"}
                                                      for d in c.children) for c in main.children):
            return True
    return False


def _tells_it_happened(verb: Token, also: frozenset[str] | set[str] = frozenset()) -> bool:
    """"happened", "occurred", "took place" (and the verbs of ``also``): a verb telling that what its
    subject names came about."""
    lemma = verb.lemma_.lower()
    return lemma in {"happen", "occur"} or lemma in also or (
        lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children))


def _opposed_attackers(ctx: DocContext, a: Candidate, b: Candidate) -> bool:
    """Whether two one-sided attacks were made by different sides (a party and whom it acts for:
    an army and its country are one side). A battle has two sides and may be told from either."""
    if not a.attackers or not b.attackers or CLASH in a.types or CLASH in b.types:
        return False
    ents = ctx.entities.entities
    sides = lambda c: {side_of(ctx, k) if k in ents else k for k in c.attackers}
    return sides(a).isdisjoint(sides(b))


def _unknown_place_in(ctx: DocContext, inner: list[str], outer: list[str]) -> bool:
    """Whether the places of ``inner`` are none the gazetteer knows (no country of their own) and
    ``outer`` is the country the text is about, or a region or a city of it: the unknown village,
    neighbourhood or shelter may lie there."""
    ents = ctx.entities.entities
    home = [f"country:{iso}" for iso in ctx.entities.located[:1]]
    return bool(home) and all((e := ents.get(p)) is not None and not e.geonames_id and e.kind != COUNTRY
                              and (not e.country_key or e.country_key in home) for p in inner) \
        and all(p in home or (e := ents.get(p)) is not None and e.kind in {REGION, CITY} and e.country_key in home
                for p in outer)


def _named_in_its_sentences(ctx: DocContext, cand: Candidate, keys: list[str]) -> bool:
    """Whether every place of ``keys`` is named among the places of the sentences that tell ``cand``."""
    named = {k for s in cand.evidence for _, k in attack_places.sentence_places(ctx, s)}
    return bool(keys) and set(keys) <= named


def _in_a_region_of(ctx: DocContext, inner: list[str], outer: list[str]) -> bool:
    """Whether the places of ``inner`` lie in the country or region of ``outer`` the text names."""
    ents = ctx.entities.entities
    outer_set = set(outer)
    lies_in = ctx.entities.lies_in()
    return all((e := ents.get(p)) is not None and (e.country_key in outer_set or e.region_key in outer_set
                                                    or any(c in outer_set for c in lies_in.get(p, ())))
               for p in inner)


def _in_that_incident(cand: Candidate) -> bool:
    """"fifty cattle were raided during the incident, which took place in X", "were killed in the
    attack": what happened in the attack or incident just told."""
    nouns = words("incident_nouns") | words("attack_nouns")
    return any(c.dep_ == "prep" and c.lower_ in {"in", "during"} and any(
        p.dep_ == "pobj" and p.lemma_.lower() in nouns and any(d.dep_ == "det" and d.lower_ in {"the", "this", "that"}
                                                             for d in p.children) for p in c.children)
        for t in cand.triggers for c in t.children)


def _named_back(previous: Candidate, cand: Candidate) -> bool:
    """"the strike" after a strike, "the attacks" after "two coordinated attacks": a definite
    attack word in the number the attack just told was told in (a plural only after a plural)."""
    return cand.trigger.tag_ == "NN" or cand.trigger.tag_ == "NNS" and any(t.tag_ == "NNS" for t in previous.triggers)


def _victims_named_back(previous: Candidate, cand: Candidate) -> bool:
    """"Five soldiers were killed in a bomb attack ... the soldiers were on patrol near X when a
    blast hit their convoy": the victims of the attack just told, named back with the definite
    article, tell where and how it happened."""
    victims = {m.record.victims for m in previous.casualties if m.record.victims}
    return bool(victims) and not previous.aggregate and any(
        t.lemma_.lower() in victims and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
        and not any(c.lower_ in {"other", "same"} for c in t.children) for t in cand.sent)


def _unplaced(ctx: DocContext, places: list[str]) -> bool:
    """Whether every place is one the gazetteer does not hold and the text puts in no country
    ("the village of X"): nothing says it lies elsewhere than the attack told just before."""
    ents = ctx.entities.entities
    return bool(places) and all((e := ents.get(p)) is not None and e.country_key is None and not e.geonames_id
                                for p in places)


def _within(ctx: DocContext, inner: list[str], outer: list[str]) -> bool:
    """Whether every place of ``inner`` is one the text puts in a place of ``outer``."""
    anchors = ctx.entities.anchors
    return bool(inner) and all(any(o in anchors.get(p, ()) for o in outer) for p in inner)


def _target_named(ctx: DocContext, a: Candidate, b: Candidate) -> bool:
    """"shelled a displacement camp in X ... the attack on the Y camp": the later mention names
    by the same head noun the target the earlier one struck, as a place of its own."""
    if not b.definite:
        return False
    heads = {t.split()[-1].lower() for t in a.targets if t}
    return any((e := ctx.entities.entities.get(p)) is not None and e.label.split()[-1].lower() in heads for p in b.places)


def _compatible(ctx: DocContext, earlier: Candidate, later: Candidate) -> bool:
    if _opposed_attackers(ctx, earlier, later):
        return False  # "an Israeli strike hit X ... Hezbollah fired rockets in response": two attacks
    if later.places and earlier.places and not set(later.places) & set(earlier.places):
        same_target = _same_target(earlier, later) or _target_named(ctx, earlier, later)
        agree = attack_places.places_agree(ctx.entities.entities, earlier.places, later.places, ctx.entities.lies_in())
        # "4 killed in Sudan" ... "in El Fasher"; "nine killed in western Cameroon" ... "the assault
        # on X village", a village the gazetteer does not know
        # "... near X in the Y area" then "at the entrance of Y near X": the same places, told the other way round
        told_again = _same_toll(earlier, later) and (agree or _unknown_place_in(ctx, later.places, earlier.places)
                                                     or _named_in_its_sentences(ctx, earlier, later.places)
                                                     or _named_in_its_sentences(ctx, later, earlier.places))
        # "a missile struck Sumy ... It was the deadliest attack in Ukraine this year"
        restated = later.definite and _named_back(earlier, later) and (
            (agree or _unplaced(ctx, later.places)) and not later.casualties
            # "13 people were hurt in the bombing in Herat's southern X area": the toll of the attack
            # named back, at a place the gazetteer does not know or the text puts in the first
            or not earlier.aggregate and (_unplaced(ctx, later.places) or _within(ctx, later.places, earlier.places)))
        near = agree or _unplaced(ctx, later.places)
        # "The attackers opened fire near the village of X", "The militants attacked the X post";
        # "Four aid workers were killed in South Sudan ... The aid workers were travelling near X"
        named_back = (_by_the_attackers(later, earlier.described) or _victims_named_back(earlier, later)
                      or _weapon_named_back(earlier, later) or _in_that_incident(later) or _happened_when(later)) and (
            near or _happened_when(later) and _in_a_region_of(ctx, later.places, earlier.places))
        if not (same_target or told_again or restated or named_back):
            return False
    if later.aggregate != earlier.aggregate and later.places:
        return False
    if later.definite and not later.aggregate and earlier.date and later.date and _contains(earlier.date, later.date) \
            and _named_back(earlier, later) and later.trigger.dep_ in {"nsubj", "nsubjpass"} \
            and _tells_it_happened(later.trigger.head):
        # "an ambush last week killed 14 ... The attack took place on Wednesday": the day, within
        # the window told first, of the attack named back
        return not _conflict(replace(earlier, places=[], date=None), replace(later, places=[]))
    return not _conflict(replace(earlier, places=[]), replace(later, places=[]))


def extract_attacks(ctx: DocContext) -> Iterator[AttackRecord]:
    attacks: list[Candidate] = []
    matches = match_triggers(ctx.doc)
    after_mishap = False
    title = ctx.title_case_headline
    named_in_title: list[Candidate] = []
    for sent in ctx.sentences:
        if title is not None and sent.start < title.end:
            # "Roadside Bomb Kills Army Ranger": the model reads a Title Case headline's words as names,
            # so only the attackers it names (by the names the project knows) are kept, for the
            # attack the text tells again
            named_in_title += [replace(c, casualties=[], places=[], place_tokens=[], described=[], targets=[],
                                       weapons=[], date=None)
                               for c in _candidates(ctx, sent, matches)[0] if c.attackers]
            continue
        cands, casualties = _candidates(ctx, sent, matches)
        if ctx.other_domain_text and not any(m.record.outcome == "Killed" and m.record.min > 0 for m in casualties):
            # "launched a series of attacks", "his strike", "hitting theatres": a match's or a film's,
            # unless gunmen or militants did it
            armed = word_set("violence_words.json", "armed_actor_nouns") | word_set("violence_words.json", "perpetrator_nouns")
            cands = [c for c in cands if any(t.pos_ == "NOUN" and t.lemma_.lower() in armed for t in c.sent)]
        if after_mishap and all(c.outcome_only for c in cands):
            # "A mine went off while they were laying it. Two fighters died.": the mishap's toll
            cands = []
            casualties = []
        after_mishap = accidental(sent) and any(i in matches for i in range(sent.start, sent.end))
        if after_mishap and attacks and _mishap_told_after(sent, attacks[-1]):
            # "An explosion at a factory injured 13 workers ... The explosion occurred as old shells blew up
            # while being melted": the explosion told before was the mishap
            attacks.pop()
            cands = [c for c in cands if not c.definite]
        if not cands:
            _attribute(ctx, sent, matches, attacks)
            _dated_after(ctx, sent, attacks)
            _placed_after(ctx, sent, attacks)
            _continue_tolls(ctx, sent, casualties, attacks)
            continue
        for cand in cands:
            # a war's toll told in passing is an aside: the text goes on with the attack before it
            previous = next((a for a in reversed(attacks) if not a.war_toll), None)
            if previous is not None and previous.aggregate and cand.definite and cand.trigger.tag_ == "NN":
                # "... dozens of such attacks were recorded last year. The latest attack happened near X": one
                # attack named back is the last attack told, not a count of many
                previous = next((a for a in reversed(attacks) if not (a.war_toll or a.aggregate)), previous)
            if not cand.substantive:
                # "The attack", "the deadly strike": another mention of the last attack;
                # with none before it, an attack of its own ("Ethiopia bombs civilian targets")
                if previous is not None:
                    if not previous.war_toll and _compatible(ctx, previous, cand):
                        _enrich(previous, cand)
                    continue
                attacks.append(cand)
                continue
            many = _of_many_attacks(sent) and cand.trigger.tag_ == "NNS" or _run_in_the_perfect(sent, cand.casualties)
            if many:
                cand.aggregate = True  # "in these attacks, many soldiers have been killed": a run's toll
            fresh = many or cand.war_toll or cand.tally or (_new_mention(cand) and not (
                previous is not None and (_same_toll(previous, cand) or _attackers_told_again(previous, cand))))
            same = None if fresh else next(
                (a for a in reversed(attacks) if (a.places and cand.places and set(a.places) & set(cand.places)
                                                  or (not cand.places and a is previous)
                                                  or (cand.outcome_only and a is previous and not a.places and not a.aggregate)
                                                  or (set(a.targets) & set(cand.targets))
                                                  # "the ELN attacked a military base ... The ELN launched explosives
                                                  # at a remote military base": the same side at the same target
                                                  or (a is previous and set(a.attackers) & set(cand.attackers)
                                                      and _same_target(a, cand))
                                                  or _same_toll(a, cand) or (a is previous and _tells_on(ctx, a, cand)))
                 and not a.war_toll and _compatible(ctx, a, cand)), None)
            if same is None and not many and previous is not None and _told_again_otherwise(ctx, previous, cand):
                # "An armed group killed nine guests ... 'Eight people lost their lives,' the mayor said":
                # another account of the same dead; the figures are one range
                cand.casualties = [replace(m, claimed=True) for m in cand.casualties]
                same = previous
            if same is not None:
                if _losses_of_the_attackers(cand):
                    # those who killed the attackers are the side attacked, not more attackers
                    same.attacked += [k for k in cand.attackers if k not in same.attacked and k not in same.attackers]
                    cand.attackers, cand.described = [], []
                _merge(same, cand)
                _prefer_specific_place(ctx, same)
            else:
                if previous is not None and cand.date is None and _among_the_dead(sent):
                    cand.date = previous.date  # "Among them were 11 killed when a strike hit a school": that day's
                attacks.append(cand)
    _inherit_attackers(ctx, attacks)
    attacks = _headline_told_again(ctx, named_in_title + attacks)
    title_only = {id(t) for t in named_in_title}
    attacks = [a for a in attacks if id(a) not in title_only]  # told again nowhere: no reading
    attacks = _same_toll_told_again(ctx, attacks)
    attacks = [part for a in attacks for part in _split_by_sides_told(ctx, a)]
    for a in attacks:
        if not a.places:
            a.places = _places_told_otherwise(ctx, a)
        if a.date is None and not a.aggregate:
            a.date = _scene_date(ctx, a)
        counts = _final_counts(a.casualties)
        yield AttackRecord(
            evidence=DocContext.evidence(*a.evidence),
            locations=tuple(a.places),
            date=a.date or (None if a.aggregate else a.told or _news_window(ctx)),
            weapons=tuple(dict.fromkeys(a.weapons)),
            targets=tuple(dict.fromkeys(a.targets)),
            attackers=tuple(a.attackers),
            attacker_descriptions=() if a.attackers else tuple(a.described),
            attacked=tuple(a.attacked),
            reported_by=tuple(a.reporters),
            casualties=counts,
            aggregate=a.aggregate,
            event_type=classify(a.types, a.weapons, a.targets, counts,
                                [v for t in a.triggers for v in victim_words(t)],
                                [w for t in a.triggers for w in _actor_words(t)]),
        )


def _same_toll_told_again(ctx: DocContext, attacks: list[Candidate]) -> list[Candidate]:
    """"Three dead in an Israeli strike on the south on Thursday ... an Israeli strike hit the
    village of X ... The strike killed three people": an attack retold from its start, whose toll
    comes only after it was taken for a new one, is the attack told first when the toll, the
    places, the day and the attackers agree."""
    out: list[Candidate] = []
    for a in attacks:
        first = next((o for o in out if not (o.aggregate or a.aggregate or o.war_toll or a.war_toll)
                      and _same_toll(o, a) and (o.places or a.places) and _compatible(ctx, o, a)), None)
        if first is None:
            out.append(a)
            continue
        _merge(first, a)
        _prefer_specific_place(ctx, first)
    return out


def _headline_told_again(ctx: DocContext, attacks: list[Candidate]) -> list[Candidate]:
    """"Gunmen kill 12 at village celebration" over "Twelve people were killed when gunmen opened
    fire on a celebration in X ...": an attack the headline tells is the first one the text tells
    that agrees with it (no other toll, weapon or day; a place in the headline's), not another."""
    if ctx.headline is None:
        return attacks
    ents = ctx.entities.entities
    lies_in = ctx.entities.lies_in()
    out = list(attacks)
    for head in [a for a in attacks if all(ctx.in_headline(s) for s in a.evidence) and not a.aggregate and not a.war_toll]:
        # a headline's figures may be an earlier or later count than the text's; a name its capitals
        # made a place the gazetteer does not know says nothing
        places = [p for p, t in zip(head.places, head.place_tokens)
                  if (e := ents.get(p)) is not None and (e.geonames_id or e.kind in {COUNTRY, REGION})
                  and not (t.i + 1 < len(t.doc) and t.doc[t.i + 1].lemma_.lower() in {"border", "frontier"})]  # "near Nigeria border"
        body = next((a for a in out if a is not head and not a.aggregate and not a.war_toll
                     and not any(ctx.in_headline(s) for s in a.evidence)
                     and not _conflict(replace(head, places=[], casualties=[]), replace(a, places=[], casualties=[]))
                     and not _none_against_some(head, a)
                     and (not places or not a.places or set(places) & set(a.places)
                          or attack_places.places_agree(ents, places, a.places, lies_in)
                          or _within(ctx, a.places, places) or _unknown_place_in(ctx, a.places, places))), None)
        if body is not None:
            kept = [(p, t) for p, t in zip(head.places, head.place_tokens) if p in places]
            told = body.attackers or body.described  # "Haitian gang" in capitals: the text names the gang
            _merge(body, replace(head, places=[p for p, _ in kept], place_tokens=[t for _, t in kept],
                                 attackers=[] if told else head.attackers, described=[] if told else head.described))
            out.remove(head)
    return out


def _none_against_some(a: Candidate, b: Candidate) -> bool:
    """Whether one says no one was killed (or hurt) and the other that some were: "Mine kills
    soldier" is not the mine "that hurt nobody", however else they agree."""
    def stated(c: Candidate, zero: bool) -> set[str]:
        return {m.record.outcome for m in c.casualties if not m.record.vague
                and (m.record.min == 0 and m.record.max == 0 if zero else m.record.min > 0)}
    return bool(stated(a, True) & stated(b, False) or stated(a, False) & stated(b, True))


def _among_the_dead(sent: Span) -> bool:
    """A sentence that opens on a part of the toll told just before: "Among them were ...",
    "Among the dead were ...", "Among those killed ..."."""
    first = next((t for t in sent if not t.is_punct), None)
    if first is None or first.lower_ != "among":
        return False
    obj = next((c for c in first.children if c.dep_ == "pobj"), None)
    return obj is not None and (obj.lower_ in {"them", "those"} or obj.lemma_.lower() in {"dead", "victim", "casualty"}
                                or obj.pos_ == "ADJ")


def _same_toll(a: Candidate, b: Candidate) -> bool:
    """Whether two mentions state one same figure for one outcome ("11 killed" told twice)."""
    figures = {(m.record.outcome, m.record.min, m.record.max) for m in a.casualties if not m.record.vague}
    if any((m.record.outcome, m.record.min, m.record.max) in figures for m in b.casualties if not m.record.vague):
        return True
    # "leaving at least 19 dead ... 19 people were killed after two devices went off": one figure,
    # told once as a lower bound (a figure of three or more, which two attacks seldom share)
    return any(x.record.outcome == y.record.outcome and x.record.min == y.record.min >= 3 and _within_bound(x.record, y.record)
               for x in a.casualties for y in b.casualties if not (x.record.vague or y.record.vague))


def _read_as_war_toll(ctx: DocContext, cand: Candidate) -> None:
    """A war toll's sides and window: the owner of the campaign ("Israel's offensive has killed
    ...") wages it and is no place; it runs from the war's start the sentence tells ("since April
    2023", "erupted in April 2023"; not "now in its 16th year") to the day of the news, else it is
    the toll as of the day of the news."""
    owners = {t.i for t in cand.place_tokens if t.dep_ == "poss"}
    keep = [(t, k) for t, k in zip(cand.place_tokens, cand.places) if t.i not in owners]
    cand.attackers += [k for t, k in zip(cand.place_tokens, cand.places) if t.i in owners and k not in cand.attackers]
    cand.place_tokens, cand.places = [t for t, _ in keep], [k for _, k in keep]
    since = next((e for e in cand.sent.ents if e.label_ == "DATE" and (
        e.root.head.lower_ == "since" or (e.start > 0 and e.doc[e.start - 1].lower_ == "since")
        or (e.root.head.pos_ == "ADP" and e.root.head.head.lemma_.lower() in words("start_verbs")))), None)
    told = ctx.date_of(since, "past") if since is not None else None
    start = told.earliest if told is not None else None
    cand.date = DateWindow(start, ctx.published, told.text) \
        if start is not None and ctx.published is not None and start <= ctx.published else _news_window(ctx)


def _launch_tally(trigger: Token) -> bool:
    """"Russia launched 112 drones and two ballistic missiles overnight": a count of the munitions
    a side launched (an air force's nightly tally), a wave of its own, not more of the attack
    told before."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in {"launch", "fire"}:
        return False
    if any(c.dep_ == "prep" and c.lower_ in {"at", "on", "towards", "toward", "into", "against", "in"} for c in trigger.children):
        return False  # "fired two missiles at Odesa": an attack on a place
    lex = weapon_lexicon().by_label
    objs = [o for c in trigger.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
    return any((o.lower_ in lex or o.lemma_.lower() in lex) and any(
        n.dep_ == "nummod" and n.like_num and n.lower_ not in {"one", "1", "a"} for n in o.children) for o in objs)


def _war_toll(trigger: Token) -> bool:
    """"a conflict that has killed some 20,000", "the war has killed 9,000", "the fighting has
    left 3,500 dead since October": the toll of a whole war so far, told with the perfect or from
    a start ("since"), not one attack's ("fighting in X killed five on Monday")."""
    if trigger.pos_ in {"VERB", "AUX"}:
        verb = trigger
        subj = trigger.head if trigger.dep_ == "relcl" else next((c for c in trigger.children if c.dep_ == "nsubj"), None)
        if subj is None and trigger.dep_ == "conj":  # "the war erupted in 2023 and has killed 24,000"
            subj = next((c for c in trigger.head.children if c.dep_ == "nsubj"), None)
        if subj is None and trigger.dep_ == "advcl" and trigger.tag_ == "VBG":
            # "the group's campaign began in 2002 and has since spread, killing tens of thousands": what killed
            # is the subject of the clause the participle hangs on
            head = trigger.head
            subj = next((c for h in (head, head.head if head.dep_ == "conj" else head) for c in h.children
                         if c.dep_ == "nsubj"), None)
    elif trigger.dep_ == "nsubj":
        verb, subj = trigger.head, trigger
    else:
        return False
    lives = verb.lemma_.lower() in {"cost", "claim", "take"} and any(
        c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in verb.children)  # "has cost over 6,000 lives"
    if subj is None or not (verb.lemma_.lower() in words("kill_verbs") or lives):
        return False
    war = words("war_toll_nouns")
    if trigger.dep_ == "relcl" and verb.left_edge.i > 0:
        before = verb.doc[verb.left_edge.i - 1]  # "sides in a conflict that has killed": the parser may hang it on "sides"
        if before.lemma_.lower() in war or before.lower_ in war:
            subj = before
    perfect = any(c.dep_ == "aux" and c.lower_ in {"has", "have", "had"} for c in verb.children)
    if perfect and _by_both_sides(subj):
        return True  # "attacks by both sides have left 1,850 dead": the war's toll, however it is called
    if subj.lemma_.lower() not in war and subj.lower_ not in war:
        return False
    # "a later border war killed tens of thousands": a war, whatever the tense
    whole = subj.lemma_.lower() in {"war", "insurgency", "rebellion", "uprising"}
    if trigger.pos_ in {"VERB", "AUX"} and trigger.dep_ == "advcl":  # "... and has since spread, killing ...": the clause's tense
        perfect = perfect or any(c.dep_ == "aux" and c.lower_ in {"has", "have", "had"} for c in trigger.head.children)
        verb = trigger.head
    return perfect or whole or any(t.lower_ == "since" for t in verb.subtree)


def _by_both_sides(subj: Token) -> bool:
    """"attacks by both sides", "strikes from both sides": violence told of the two sides of a war at once."""
    return subj.tag_ == "NNS" and subj.lemma_.lower() in words("attack_nouns") and any(
        c.dep_ == "prep" and c.lower_ in {"by", "from", "of"} and any(
            p.lemma_.lower() in {"side", "party"} and any(d.lower_ in {"both", "all"} for d in p.children)
            for p in c.children) for c in subj.children)


def _new_mention(cand: Candidate) -> bool:
    """Whether a mention introduces another attack rather than telling more of the last one:
    an attack word marked as new ("fresh clashes", "a new strike"), or, with a toll of its own,
    an indefinite attack word ("a rocket ... killed two", "Russian strikes killed five") or a
    marker of another incident ("separately", "in another attack")."""
    if any(c.dep_ == "amod" and c.lower_ in words("new_event_markers") for c in cand.trigger.children):
        return True  # "fresh clashes erupted", "a new strike"
    if not cand.casualties:
        return False
    sent_words = {t.lower_ for t in cand.sent}
    if sent_words & words("new_event_markers"):
        return True
    if _losses_of_the_attackers(cand):
        return False  # "Troops killed 30 of the attackers": the losses of the last attack's other side
    trig = cand.trigger
    if trig.pos_ == "VERB":
        # "a rocket killed two": the weapon or attack word that is the verb's subject
        trig = next((c for c in trig.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), trig)
        if trig is cand.trigger:
            return False
        if any(c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"} for c in trig.children):
            return False
    elif trig.pos_ not in {"NOUN", "PROPN"} or cand.definite:
        return False
    dets = [c.lower_ for c in trig.children if c.dep_ in {"det", "poss"}]
    return (not dets and trig.tag_ in {"NNS", "NNPS"}) or any(d in {"a", "an", "another"} for d in dets)


def _told_again_otherwise(ctx: DocContext, previous: Candidate, cand: Candidate) -> bool:
    """Whether a bare toll right after an attack ("Eight people lost their lives and five were
    injured", with no attack word, place, day or marker of another incident of its own) gives
    another figure for the dead and wounded of that attack, not a toll of another one. Not when
    it counts victims added to those told ("three more people died", "two other soldiers were
    also killed")."""
    if not cand.outcome_only or cand.places or cand.date is not None or cand.aggregate or cand.war_toll:
        return False
    if previous.aggregate or previous.war_toll or not previous.casualties:
        return False
    if {t.lower_ for t in cand.sent} & words("new_event_markers"):
        return False
    if _conflict(replace(previous, places=[], casualties=[]), replace(cand, places=[], casualties=[])):
        return False
    told = {(m.record.outcome, _group(m.record)) for m in previous.casualties}
    added = casualty_words("added_count_words")
    first = min(m.anchor.i for m in cand.casualties)
    for m in cand.casualties:
        if (m.record.outcome, _group(m.record)) not in told:
            continue
        words_before = [t for t in m.anchor.subtree if t.i < m.anchor.i] + [
            c for c in m.anchor.children if c.dep_ == "advmod"]
        # "11 died and 12 more were wounded": "more" than the dead told just before, in the sentence
        marked = {t.lower_ for t in words_before} - ({"more", "other", "others"} if m.anchor.i > first else set())
        if marked & added:
            return False
    return True


def _attackers_told_again(previous: Candidate, cand: Candidate) -> bool:
    """"Gunmen killed seven people at a cockfight ... Police said four gunmen opened fire on the
    crowd, wounding three": the attackers just described, told again by the same word with no
    place of their own, tell more of that attack, not of another."""
    if cand.places or previous.aggregate or not previous.described:
        return False
    heads = {d.split()[-1].lower() for d in previous.described}
    return any(d.split()[-1].lower() in heads for d in cand.described)


def _fought_off(tok: Token) -> bool:
    """"Troops repelled an attack on their base", "an assault was repulsed": an attack the other
    side fought off, an armed clash in the ACLED codebook."""
    verb = tok.head
    return tok.dep_ in {"dobj", "nsubjpass"} and verb.lemma_.lower() in words("repel_verbs")


def _losses_of_the_attackers(cand: Candidate) -> bool:
    """Whether a mention's every toll is of the attackers named back ("killed 30 of the attackers")."""
    return bool(cand.casualties) and all(_attackers_told_back(m.record, cand.sent) for m in cand.casualties)


def _attackers_told_back(rec: CasualtyRecord, sent: Span) -> bool:
    """A toll of "the attackers", "the assailants", "30 of the gunmen": those just told of as
    attacking, named back with the definite article."""
    head = (rec.victims or "").split()[-1:]
    if not head or head[0] not in word_set("violence_words.json", "entering_actors"):
        return False
    return any(t.lemma_.lower() == head[0] and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
               for t in sent)


def _by_the_attackers(cand: Candidate, described: Sequence[str] = ()) -> bool:
    """"The attackers arrived on motorcycles and opened fire ...": an act of those just told of as
    attacking, named back with the definite article, tells more of their attack; so does an act of
    "the militants" after "unidentified militants attacked ...", named back by the head noun of how
    the last attack's attackers were described (``described``)."""
    heads = {d.split()[-1].lower() for d in described if d.strip()}
    verb = cand.trigger if cand.trigger.pos_ == "VERB" else cand.trigger.head
    for v in (verb, verb.head if verb.dep_ in {"conj", "xcomp"} else verb):
        for subj in (c for c in v.children if c.dep_ == "nsubj"):
            if (subj.lemma_.lower() in word_set("violence_words.json", "perpetrator_nouns") or subj.lower_ in heads) and any(
                    c.dep_ == "det" and c.lower_ == "the" for c in subj.children) \
                    and not any(c.lower_ in {"other", "another", "same"} for c in subj.children):
                return True
    return False


def _news_window(ctx: DocContext) -> DateWindow | None:
    """An attack the text gives no time for: news tells of the last day's events, so the day of
    publication or the day before (a window without date text)."""
    if ctx.published is None:
        return None
    return DateWindow(ctx.published - timedelta(days=1), ctx.published, "")


def _enrich(target: Candidate, mention: Candidate) -> None:
    """What a mention of the attack just told adds to it: weapons, attackers, targets, and that it was
    a suicide attack ("The attack was carried out by a suicide bomber"); other kinds a mention's words
    imply stay the first telling's."""
    if not target.weapons:
        target.weapons = list(mention.weapons)
    if not target.attackers:
        target.attackers = list(mention.attackers)
    target.targets += [t for t in mention.targets if t not in target.targets]
    if SUICIDE in mention.types and SUICIDE not in target.types:
        target.types.append(SUICIDE)


def _prefer_specific_place(ctx: DocContext, cand: Candidate) -> None:
    if len(cand.places) > 1 and not cand.aggregate:
        cand.places = attack_places.most_specific(ctx, cand.places, False)


def _attribute(ctx: DocContext, sent: Span, matches, attacks: list[Candidate]) -> None:
    """A sentence that tells no attack of its own but who did the last one: "JNIM claimed
    responsibility for the attack", "Armenia blamed Azerbaijan for the shelling", "Al-Shabaab said
    it carried out the bombing", "Ukrainian officials blamed Russia"."""
    previous = attacks[-1] if attacks else None
    if previous is None or previous.attackers:
        return
    latest = max((e[0] for e in previous.evidence), key=lambda t: t.i) if previous.evidence else previous.sent[0]
    if ctx.paragraph_of(sent[0]) - ctx.paragraph_of(latest) > 1:
        return
    found: list[str] = []
    words_of_attack = [sent.doc[i] for i in range(sent.start, sent.end) if i in matches and sent.doc[i].pos_ == "NOUN"]
    for tok in words_of_attack:
        carrier = _carrier_verb(tok)
        if carrier is not None:
            found += _subject_agent(ctx, carrier)
        found += _accused(ctx, carrier or tok)
        found += _claimed_by(ctx, tok)
    if not words_of_attack:
        for verb in sent:
            if verb.pos_ == "VERB" and verb.lemma_.lower() in {"claim", "accept", "admit"} and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in {"responsibility", "credit"} for c in verb.children):
                found += _subject_agent(ctx, verb)  # "A faction of the Pakistani Taliban claimed responsibility."
                continue
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in words("blame_verbs"):
                continue
            if any(c.dep_ == "prep" for c in verb.children) or any(
                    p.dep_ == "prep" and p.lower_ == "of" for c in verb.children if c.dep_ == "dobj" for p in c.children):
                continue  # "accused Russia of war crimes", "accused X's rulers of sheltering militants": of something else
            found += [k for c in verb.children if c.dep_ == "dobj" for x in [c, *c.conjuncts]
                      for k in [_agent_of(ctx, x)] if k]
    found += [c for c in (state_of_forces(ctx.entities, k) for k in found) if c]
    previous.attackers = [k for k in dict.fromkeys(found) if k not in previous.places]


def _dated_after(ctx: DocContext, sent: Span, attacks: list[Candidate]) -> None:
    """"... were killed in a clash in X. The official said the incident took place on Tuesday":
    the day of the attack just told, which had none of its own."""
    previous = attacks[-1] if attacks else None
    if previous is None or previous.date is not None or previous.aggregate:
        return
    nouns = words("incident_nouns") | words("attack_nouns")
    for verb in sent:
        if not _said_to_happen(verb, nouns):
            continue
        dates = [e for e in sent.ents if e.label_ in {"DATE", "TIME"} and verb in e.root.ancestors
                 and not ctx.in_dateline(e.root)]
        if dates:
            previous.date = ctx.date_of(dates[0])
            return


def _said_to_happen(verb: Token, nouns: frozenset[str], pronouns: frozenset[str] | set[str] = frozenset(),
                    also: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether a verb tells that the one just told happened: "the incident took place", "the attack
    occurred" (a noun of ``nouns`` after "the", "this" or "that"), or "it happened" (``pronouns``);
    ``also`` are more verbs that tell it."""
    return verb.pos_ in ({"VERB", "AUX"} if also else {"VERB"}) and _tells_it_happened(verb, also) and any(
        c.dep_ == "nsubj" and (c.lower_ in pronouns or c.lemma_.lower() in nouns and any(
            d.dep_ == "det" and d.lower_ in {"the", "this", "that"} for d in c.children)) for c in verb.children)


def _placed_after(ctx: DocContext, sent: Span, attacks: list[Candidate]) -> None:
    """"... were killed in an explosion on Monday. The incident happened in X", "It took place near
    X", "The deaths occurred in X": the place of the attack just told, which had none of its own."""
    previous = attacks[-1] if attacks else None
    ents = ctx.entities.entities
    # none of its own, or only a country or a region ("in the east of Congo ... the incident occurred in X village")
    broad = all(ents[k].kind in {COUNTRY, REGION} for k in previous.places) if previous is not None else False
    if previous is None or not broad or previous.aggregate or previous.war_toll:
        return
    nouns = words("incident_nouns") | words("attack_nouns") | {"death", "fatality", "casualty"}
    for verb in sent:
        # "The incident happened in X"; "The single fatality was in X": "be" with where it was
        where = verb.lemma_ == "be" and any(c.dep_ == "prep" and c.lower_ in {"in", "at", "near"} for c in verb.children)
        if not _said_to_happen(verb, nouns, pronouns={"it", "this"}, also={"be"} if where else frozenset()):
            continue
        places = [(t, key) for t, key in attack_places.sentence_places(ctx, sent)
                  if clause_head(t) == verb]  # not "it happened as talks opened in Y"
        if places and previous.places and all(ents[k].kind in {COUNTRY, REGION} for _, k in places):
            return  # a country's attack told again in a region: nothing more specific
        if places:
            for t, key in places:
                if key not in previous.places:
                    previous.places.append(key)
                    previous.place_tokens.append(t)
            _prefer_specific_place(ctx, previous)
            return


def _of_many_attacks(sent: Span) -> bool:
    """"In these militant attacks, many soldiers have been killed": a toll told of many attacks
    named back in the plural ("these", "those", "such"), not of the one told last."""
    return any(t.tag_ == "NNS" and attack_places.is_attack_word(t)
               and any(c.dep_ in {"det", "amod"} and c.lower_ in {"these", "those", "such"} for c in t.children) for t in sent)


def _run_in_the_perfect(sent: Span, casualties: list[CasualtyMention]) -> bool:
    """"Scores of civilians have also been killed by roadside bombs", "hundreds have been killed
    in air strikes this year": a vague toll told in the perfect passive, its cause named by a bare
    plural (no article, number or owner) of attacks or weapons, is the toll of a run of attacks,
    not of one. Not "five people have been killed in Russian strikes on X" (a figure of one
    night's strikes) nor "Russian strikes have killed scores" (the strikes told as acting)."""
    perfect = any({c.dep_ for c in m.anchor.children if c.lemma_ in {"have", "be"}} >= {"aux", "auxpass"}
                  and m.record.vague for m in casualties)
    if any(_killed_since(m.anchor) for m in casualties):
        return True  # "where thousands have been killed since 2015": a toll counted from a start
    lex = weapon_lexicon().by_label
    return perfect and any(
        t.tag_ == "NNS" and t.dep_ == "pobj" and t.head.lower_ in {"by", "in"}
        and (attack_places.is_attack_word(t) or t.lower_ in lex or t.lemma_.lower() in lex)
        and not any(c.dep_ in {"det", "poss", "nummod"} for c in t.children) for t in sent)


def _killed_since(anchor: Token) -> bool:
    """"have been killed since 2015", "have died since the uprising began": a toll in the perfect
    counted from a start, the toll of a run of attacks or of a war (not "since the strike hit X",
    that attack's own toll as it rises)."""
    if not any(c.dep_ == "aux" and c.lemma_ == "have" for c in anchor.children):
        return False
    for c in anchor.children:
        if c.lower_ == "since" and c.dep_ in {"prep", "mark"}:
            scope = list(c.subtree) if c.dep_ == "prep" else list(c.head.subtree)
            return not any(attack_places.is_attack_word(t) for t in scope if t != anchor)
        if c.lower_ == "since" and c.dep_ == "advmod":
            return True  # "more than 2,000 have since been killed": counted from a start told before
    return False


def _toll_of_the_war_told_before(sent: Span, casualties: list[CasualtyMention]) -> bool:
    """"The uprising broke out in 2011 and has since spread north. Over 8,000 people have died.":
    a toll in the perfect with no time of its own, right after a sentence whose subject is a war,
    is that war's toll so far, not the last attack's."""
    if sent.start == 0 or any(e.label_ in {"DATE", "TIME"} for e in sent.ents):
        return False
    perfect = all(any(c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in m.anchor.children) for m in casualties)
    before = sent.doc[sent.start - 1].sent
    return perfect and any(t.dep_ == "nsubj" and t.lemma_.lower() in words("war_nouns") for t in before)


def _continue_tolls(ctx: DocContext, sent: Span, casualties: list[CasualtyMention], attacks: list[Candidate]) -> None:
    """A toll with no attack word: the last attack's, or a new attack if another place is named."""
    if not casualties or _of_many_attacks(sent):
        return
    places = [key for _, key in attack_places.sentence_places(ctx, sent)]
    if any(_toll_of_a_war(m.anchor) or any(_war_toll(v) for v in [m.anchor, *list(m.anchor.ancestors)[:3]])
           for m in casualties):
        # "raised its overall toll from the war to 40,000", "the conflict has cost over 6,000
        # lives": the war's toll, of no attack
        cand = Candidate(trigger=casualties[0].anchor, sent=sent, evidence=[sent], casualties=list(casualties),
                         aggregate=True, war_toll=True, places=attack_places.most_specific(ctx, places, True))
        _read_as_war_toll(ctx, cand)
        attacks.append(cand)
        return
    if _run_in_the_perfect(sent, casualties) or _toll_of_the_war_told_before(sent, casualties):
        # "Scores of civilians have also been killed by roadside bombs": a run's toll, an aggregate
        attacks.append(Candidate(trigger=casualties[0].anchor, sent=sent, evidence=[sent], casualties=list(casualties),
                                 aggregate=True, places=attack_places.most_specific(ctx, places, True)))
        return
    previous = attacks[-1] if attacks else None
    if places and previous is not None and not previous.places and not previous.aggregate \
            and ctx.paragraph_of(sent[0]) - ctx.paragraph_of(previous.sent[0]) <= 1 \
            and not _conflict(previous, Candidate(trigger=casualties[0].anchor, sent=sent, casualties=list(casualties))):
        # "Shelling resumed on Sunday. Two people were killed in the village of X.": where the
        # attack with no place of its own struck, and its toll
        previous.places = attack_places.most_specific(ctx, places, False)
        previous.casualties += casualties
        previous.evidence.append(sent)
        return
    if places and (previous is None or not set(places) & set(previous.places)):
        if previous is None:
            return
        cand = Candidate(trigger=casualties[0].anchor, sent=sent, evidence=[sent], casualties=list(casualties))
        cand.places = attack_places.most_specific(ctx, places, False)
        if _same_toll(previous, cand) and not previous.aggregate and previous.places and attack_places.places_agree(
                ctx.entities.entities, previous.places, cand.places, ctx.entities.lies_in()):
            # "killed six soldiers in an ambush in X, Y province ... reported the death of six
            # soldiers in Y": the same toll, told again of the province the town lies in
            previous.evidence.append(sent)
            previous.reporters += [r for r in _reporters(ctx, sent) if r not in previous.reporters]
            return
        attacks.append(cand)
        return
    latest = max((e[0] for e in previous.evidence), key=lambda t: t.i) if previous is not None and previous.evidence else None
    if previous is not None and ctx.paragraph_of(sent[0]) - ctx.paragraph_of(latest or previous.sent[0]) <= 3:
        fresh = Candidate(trigger=casualties[0].anchor, sent=sent, casualties=list(casualties))
        if not _conflict(replace(previous, places=[], date=None), fresh):
            previous.casualties += casualties
            if sent not in previous.evidence:
                previous.evidence.append(sent)
            previous.reporters += [r for r in _reporters(ctx, sent) if r not in previous.reporters]


def _toll_of_a_war(anchor: Token) -> bool:
    """"the overall toll from the conflict", "the death toll of the war": a toll a war is said to
    have taken."""
    for t in [anchor, *list(anchor.ancestors)[:3]]:
        if t.lemma_.lower() != "toll":
            continue
        for p in (c for c in t.children if c.dep_ == "prep" and c.lower_ in {"from", "of", "in"}):
            if any(o.dep_ == "pobj" and (o.lemma_.lower() in words("war_toll_nouns") or o.lower_ in words("war_toll_nouns"))
                   for o in p.children):
                return True
    return False


def _places_told_otherwise(ctx: DocContext, cand: Candidate) -> list[str]:
    """The place of an attack that names none of its own, in this order: the town a building
    it hit is named after, the place "the area" refers back to, where the local who tells of it
    speaks from, where forces had just moved, the part of the country the text names, where what
    it hit was heading, the country whose own services tell of it, the country of what it hit
    ("Russian air bases"), the warring countries."""
    return (_facility_places(ctx, cand) or _place_referred_to(ctx, cand)
            or [k for k in (attack_places.local_speaker_place(ctx, s) for s in cand.evidence) if k][:1]
            or _where_forces_moved(ctx, cand) or _part_of_the_country(ctx, cand) or _bound_for(ctx, cand)
            or _country_of_the_service(ctx, cand) or _targets_country(ctx, cand) or _warring_countries(ctx, cand))


def _targets_country(ctx: DocContext, cand: Candidate) -> list[str]:
    """"a drone attack on Russian air bases", "strikes on Ukrainian energy facilities": what was hit
    is named by the country it belongs to, where it stands."""
    found: list[str] = []
    for trig in cand.triggers:
        for target in _targets(trig):
            if target.lemma_.lower() in words("foreign_post_nouns"):
                continue  # "the Russian embassy" stands abroad
            for c in target.children:
                ent = ctx.entity(c) if c.dep_ in {"amod", "compound", "poss", "nmod"} else None
                if ent is not None and ent.kind == COUNTRY and ent.key not in cand.attackers and ent.key not in found:
                    found.append(ent.key)
    return found if len(found) == 1 else []


def _country_of_the_service(ctx: DocContext, cand: Candidate) -> list[str]:
    """"Ukrainian emergency services said a glide bomb killed two people at a petrol station",
    "Lebanon's health ministry said a drone strike killed three paramedics": a country's own
    emergency, health or police service tells of harm on its soil, so an attack it tells of with
    no place of its own lies in that country (not when that country is the attacker)."""
    services = word_set("place_words.json", "domestic_service_nouns")
    for sent in cand.evidence:
        for verb in (t for t in sent if t.lemma_.lower() in words("report_verbs")):
            for speaker in (c for c in verb.children if c.dep_ == "nsubj"):
                phrase = [speaker] + [c for c in speaker.children if c.dep_ in {"compound", "amod", "poss"}]
                if not any(t.lemma_.lower() in services or t.lower_ in services for t in phrase):
                    continue
                for word in phrase[1:]:
                    key = _demonym_country(ctx, word)
                    if key is None and word.dep_ == "poss" and (ent := ctx.entity(word)) is not None and ent.kind == COUNTRY:
                        key = ent.key
                    if key is not None and key not in cand.attackers:
                        return [key]
    return []


def _bound_for(ctx: DocContext, cand: Candidate) -> list[str]:
    """"the air force struck a convoy heading to X", "a bus travelling towards X was ambushed": where
    what was hit was going, the nearest the text comes to where it was hit."""
    for trig in cand.triggers:
        hit = [c for c in trig.children if c.dep_ in {"dobj", "nsubjpass"}] + ([trig.head] if trig.dep_ == "acl" else [])
        for noun in hit:
            for acl in (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in word_set("violence_words.json", "advance_verbs")
                        | {"head", "travel", "go", "drive", "move", "return"}):
                for prep in (c for c in acl.children if c.dep_ == "prep" and c.lower_ in {"to", "towards", "toward", "for"}):
                    places = [e for p in prep.children if p.dep_ == "pobj" if (e := ctx.place(p)) is not None]
                    if places:
                        return [places[0].key]
    return []


def _part_of_the_country(ctx: DocContext, cand: Candidate) -> list[str]:
    """"Two Lebanese soldiers were killed in an Israeli strike in the south": "the south" of the
    country whose people the sentence names, other than the attacker's."""
    directions = word_set("place_words.json", "direction_words")
    for sent in cand.evidence:
        part = next((w for t in sent if (w := _the_countrys_part(t, directions)) is not None), None)
        if part is not None:
            # "in the country's northwest region", "in the country's north": that part of the country the
            # sentence names, else of the one the document is about ("northwest Nigeria")
            named = [e.key for t in sent if (e := ctx.entity(t)) is not None and e.kind == COUNTRY]
            named += [f"country:{iso}" for iso in ctx.countries[:1]]
            key = next((k for k in named if k in ctx.entities.entities and k not in cand.attackers), None)
            if key is not None:
                return [attack_places.country_part(ctx, part, key)]
        if not any(t.dep_ == "pobj" and t.head.lower_ == "in" and t.lower_ in directions
                   and any(d.lower_ == "the" for d in t.children)
                   and all(p.lemma_.lower() == "country" for c in t.children if c.dep_ == "prep" for p in c.children)
                   for t in sent):  # "in the south", "in the east of the country"
            continue
        for t in sent:
            key = _demonym_country(ctx, t)
            if key and key not in cand.attackers:
                return [key]
    return []


def _the_countrys_part(tok: Token, directions: frozenset[str]) -> str | None:
    """The direction of "the country's north", "the country's northwest region", "the country's
    eastern provinces"; None for other words."""
    if tok.lemma_.lower() != "country" or tok.dep_ != "poss":
        return None
    part = tok.head
    if part.lower_ in directions:
        return part.lower_
    adjectives = word_set("place_words.json", "direction_adjectives")
    if part.lemma_.lower() in words("place_nouns"):
        return next((c.lower_ for c in part.children if c.dep_ in {"amod", "compound"} and c.lower_ in directions | adjectives), None)
    return None


def _sentences_before(ctx: DocContext, cand: Candidate, n: int) -> tuple[Span, list[Span]]:
    """An attack's first sentence and the (at most ``n``) sentences right before it."""
    first = min(cand.evidence, key=lambda s: s.start)
    return first, [s for s in ctx.sentences if s.end <= first.start][-n:]


def _scene_before(ctx: DocContext, cand: Candidate) -> tuple[Span | None, list[Token]]:
    """The sentence right before an attack's first, in the same paragraph, when it tells of forces
    moving into a place or carrying out an operation ("Tanks pushed deeper into X", "Troops conducted
    an operation in X village"), and its words of the move; else ``(None, [])``."""
    first, before = _sentences_before(ctx, cand, 1)
    if not before or ctx.paragraph_of(before[0][0]) != ctx.paragraph_of(first[0]):
        return None, []
    operations = word_set("violence_words.json", "operation_nouns")
    moves = [t for t in before[0] if t.pos_ == "VERB" and t.lemma_.lower() in word_set("violence_words.json", "advance_verbs")
             or t.dep_ == "dobj" and t.lemma_.lower() in operations and t.head.lemma_.lower() in words("agentive_verbs")]
    return (before[0], moves) if moves else (None, [])


def _scene_date(ctx: DocContext, cand: Candidate) -> DateWindow | None:
    """The date that opens the scene an undated attack was told right after ("On 10 May, troops
    conducted an operation in X. Two civilians were killed."): the attack's day."""
    scene, _ = _scene_before(ctx, cand)
    if scene is None:
        return None
    ent = next((e for e in scene.ents if e.label_ == "DATE" and _opens_sentence(e)), None)
    return ctx.date_of(ent, "past") if ent is not None else None


def _where_forces_moved(ctx: DocContext, cand: Candidate) -> list[str]:
    """"Tanks pushed deeper into X, residents said. Medics said seven people were killed by tank
    shells.", "Troops conducted an operation in X village. Five militants were killed.": an attack
    with no place of its own, told right after forces moved into one place or carried out an
    operation there, in the same paragraph, happened there."""
    scene, moves = _scene_before(ctx, cand)
    if scene is None:
        return []
    before = [scene]
    for word in moves:  # "an operation in the area of X, 7 km north of Y": the place the operation is in
        # the verb and the operation's own phrase: "an operation involving jets and drones in X"
        held = (word.head, *word.subtree) if word.dep_ == "dobj" else (word, word.head, *(c for c in word.children if c.dep_ == "acl"))
        for prep in (c for w in held for c in w.children if c.dep_ == "prep" and c.lower_ in {"in", "into", "near", "around"}):
            objs = [p for p in prep.children if p.dep_ == "pobj"]
            objs += [c for p in objs if p.lemma_.lower() in words("place_nouns")
                     for c in reversed(list(p.children)) if c.dep_ == "compound" and c.pos_ == "PROPN"]  # "in X village"
            objs += [x for p in objs for c in p.children if c.dep_ == "prep" and c.lower_ == "of"
                     for x in c.children if x.dep_ == "pobj"]  # "in the area of X"
            key = next((k for p in objs if (k := attack_places.place_of(ctx, p))), None)
            if key is not None:
                return [key]
    keys = list(dict.fromkeys(k for _, k in attack_places.sentence_places(ctx, before[0])))
    keys = attack_places.most_specific(ctx, keys, False) if keys else []
    return keys if len(keys) == 1 else []


def _warring_countries(ctx: DocContext, cand: Candidate) -> list[str]:
    """A toll or a wave of attacks told of a war between two states, with no place of its own
    ("three days of shelling and drone strikes left at least 25 dead", "40 people have died as the
    two countries fight over the border"): it lies in the two countries its sentences
    name together ("Armenia and Azerbaijan", "Ethiopia and Eritrea's leaders"), or the sentence just
    before them ("..., as the countries fight")."""
    _, before = _sentences_before(ctx, cand, 1)
    for sent in sorted(cand.evidence, key=lambda s: s.start) + before:
        for tok in sent:
            if tok.dep_ == "conj":
                continue
            first = ctx.entity(tok)
            if first is None or first.kind != COUNTRY:
                continue
            # "X and Y's leaders" is also parsed as X joined to "leaders", which Y owns
            others = [x for c in tok.conjuncts for x in [c] + [p for p in c.children if p.dep_ == "poss"]]
            pair = [first.key] + [e.key for e in (ctx.entity(c) for c in others) if e is not None and e.kind == COUNTRY]
            pair = list(dict.fromkeys(pair))
            if len(pair) == 2:
                return pair
    return []


def _facility_places(ctx: DocContext, cand: Candidate) -> list[str]:
    """An attack with no place of its own lies where the building it hit is named after a town:
    "the Timbuktu airport", "the Mandera district hospital", "a church in Marsabit's market"
    (a town the gazetteer or the text already knows, never a new name)."""
    for sent in cand.evidence:
        for tok in sent:
            ent = ctx.place(tok)
            if ent is None or ent.kind not in {CITY, "Place"} or tok.dep_ not in {"compound", "poss", "nmod"}:
                continue
            head = tok.head
            while head.dep_ == "compound" and head.head != head:
                head = head.head
            if head.lemma_.lower() in words("target_nouns") or head.lemma_.lower() in words("facility_nouns"):
                return [ent.key]
    for sent in cand.evidence:
        for span in sent.ents:
            key = _town_in_facility_name(ctx, span)
            if key is not None:
                return [key]
    return []


def _town_in_facility_name(ctx: DocContext, span: Span) -> str | None:
    """The town a facility's name starts with, when the gazetteer knows it as a town: "the Gao
    Airport", "Jalalabad University", "the Beni General Hospital" (the model reads the whole
    name as a facility, an organisation or even a person: "Kakuma Catholic" church)."""
    if span.label_ not in {"FAC", "ORG", "PERSON"}:
        return None
    toks = [t for t in span if t.dep_ != "det" and t.lower_ != "the"]
    after = span.doc[span.end] if span.end < len(span.doc) else None
    nouns = words("facility_nouns")
    at = next((i for i, t in enumerate(toks) if t.lemma_.lower() in nouns or t.lower_ in nouns), None)
    if at is None and after is not None and (after.lemma_.lower() in nouns or after.lower_ in nouns):
        at = len(toks)
    if not at:
        return None
    run = toks[:at]
    if not all(t.text[:1].isupper() for t in run):
        return None
    for k in range(len(run), 0, -1):
        name = " ".join(t.text for t in run[:k])
        hit = gazetteer().place(name, countries=ctx.countries, kind_hint=CITY)
        if hit is not None and hit.kind == CITY:
            return ctx.place_by_name(name, CITY).key
    return None


_AREA_NOUNS = frozenset({"area", "region", "town", "city", "village", "locality", "district", "province", "vicinity"})


def _place_referred_to(ctx: DocContext, cand: Candidate) -> list[str]:
    """An attack placed only "in the area", "near the town", "in the same district": the place the
    sentences before it last named (at most two sentences back)."""
    first, sents = _sentences_before(ctx, cand, 2)
    refers = any(t.lemma_.lower() in _AREA_NOUNS and t.dep_ == "pobj" and t.head.lower_ in words("locative_preps")
                 and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in t.children)
                 and not any(c.dep_ in {"compound", "amod", "prep"} and c.lower_ != "same" for c in t.children)
                 for t in first)
    if not refers:
        return []
    for sent in reversed(sents):
        found = attack_places.sentence_places(ctx, sent)
        if found:
            return [found[-1][1]]
    return []


def _inherit_attackers(ctx: DocContext, attacks: list[Candidate]) -> None:
    """An attack with no stated attacker takes the one of the attack before it in the same paragraph."""
    for prev, cur in zip(attacks, attacks[1:]):
        if len({state_of_forces(ctx.entities, a) or a for a in prev.attackers}) > 1:
            continue  # "A and B clashed ... A drone strike killed eight": which side struck goes unsaid
        if not cur.attackers and not cur.described_anew and prev.attackers and not cur.war_toll \
                and ctx.paragraph_of(prev.sent[0]) == ctx.paragraph_of(cur.sent[0]):
            # not "... In January, jihadists killed 40 farmers": attackers the text describes are others
            cur.attackers = [a for a in prev.attackers if a not in cur.places]
    ents = ctx.entities.entities
    for n, cur in enumerate(attacks):
        if cur.attackers or cur.described_anew or not cur.places or cur.war_toll:
            continue
        # "Russian strikes killed 12 people across Ukraine. In Mykolaiv, a missile hit ...": the
        # overview names the attacker of the strikes it goes on to list
        for prev in reversed(attacks[max(0, n - 3):n]):
            if not prev.attackers or len(prev.places) != 1 or ents.get(prev.places[0]) is None \
                    or ents[prev.places[0]].kind != COUNTRY:
                continue
            if ctx.paragraph_of(cur.sent[0]) - ctx.paragraph_of(prev.sent[0]) > 2:
                continue
            if all(ents.get(p) is not None and ents[p].country_key == prev.places[0] for p in cur.places):
                cur.attackers = [a for a in prev.attackers if a not in cur.places]
                break
