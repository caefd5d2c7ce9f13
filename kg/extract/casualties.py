"""Casualty counts in a sentence: who was killed or injured, and how many.

An *outcome anchor* is a word that says people were killed or injured: a verb
("killed", "died", "wounded", "claimed ... lives", "left ... dead"), a
participle or adjective ("12 injured", "dead") or a noun ("injuries", "bodies",
"death toll"). The count is read from the phrase the anchor governs (its object,
its passive or intransitive subject, its numeric modifier, or the figure a toll
is put at), never from the nearest number, so munitions, buildings and
evacuees are not counted.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.lexicon import event_words as _w
from kg.records import CasualtyRecord
from kg.resolve.numbers import parse_count

KILLED = "Killed"
INJURED = "Injured"



@dataclass(frozen=True)
class CasualtyMention:
    anchor: Token
    record: CasualtyRecord
    superseded: bool  # an earlier, replaced figure ("the previously reported toll of 85")
    revision: bool  # a revised figure ("the toll rose to 12")


def _outcomes(anchor: Token) -> list[str]:
    lemma, lower = anchor.lemma_.lower(), anchor.lower_
    if anchor.pos_ in {"VERB", "AUX"} and lemma not in {"leave", "claim"}:
        if lemma in _w("kill_verbs") and lower not in _w("injure_words"):
            return [KILLED]
        if lemma in _w("injure_verbs") or lower in _w("injure_words"):
            return [INJURED]
    if lower in _w("kill_words") or lemma in {"dead", "death"}:
        return [KILLED]
    if lower in _w("injure_words") and lower != "casualties":
        return [INJURED]
    return []


def _count_phrase(head: Token) -> str:
    """The words of a count phrase up to and including its head noun."""
    toks = [t for t in head.subtree if t.i <= head.i]
    start = toks[0].i if toks else head.i
    return head.doc[start : head.i + 1].text


def _victims(head: Token) -> str | None:
    if head.pos_ == "PROPN" or head.ent_type_ == "PERSON":
        for t in head.lefts:
            if t.pos_ == "NOUN":
                return " ".join(x.lower_ for x in head.doc[t.left_edge.i : t.i + 1] if x.pos_ in {"NOUN", "ADJ"})
        return None
    if head.pos_ not in {"NOUN"}:
        return None
    lemma = head.lemma_.lower()
    of = [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    if of and (head.like_num or parse_count(head.lower_) is not None or parse_count(head.lemma_) is not None):
        return _victims(of[0])  # "dozens of people", "scores of children": the group is after "of"
    if lemma in {"person", "people", "other", "life", "body", "more", "death", "injury", "casualty", "fatality"}:
        return None
    return lemma


def _record_from(head: Token, outcome: str, quote_span: Span | None = None) -> CasualtyRecord | None:
    if head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and head.ent_type_ in {"", "PERSON"}):
        # a named victim: one person
        text = (quote_span or head.doc[head.left_edge.i : head.i + 1]).text
        return CasualtyRecord(outcome, 1, 1, False, text, _victims(head))
    if head.ent_type_ in {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "GPE", "ORG"} and head.pos_ != "NUM":
        return None
    phrase = _count_phrase(head)
    count = parse_count(phrase)
    if count is None:
        # "wounded dozens more": the count is the head's own number
        nums = [t for t in head.subtree if t.like_num or t.pos_ == "NUM"]
        if not nums:
            return None
        count = parse_count(_count_phrase(nums[0]))
        if count is None:
            return None
    victims = _victims(head) if head.pos_ == "NOUN" else None
    return CasualtyRecord(outcome, count.min, count.max, count.vague, phrase, victims)


def _marked(tokens, markers: frozenset[str]) -> bool:
    return any(t.lower_ in markers or t.lemma_.lower() in markers for t in tokens)


def find_casualties(sent: Span) -> list[CasualtyMention]:
    mentions: list[CasualtyMention] = []
    used: set[int] = set()
    for anchor in sent:
        outcomes = _outcomes(anchor)
        lemma = anchor.lemma_.lower()
        pairs: list[tuple[Token, str]] = []
        if lemma == "claim" and anchor.pos_ == "VERB":
            for c in anchor.children:
                if c.dep_ == "dobj" and c.lemma_.lower() in {"life"}:
                    pairs.append((c, KILLED))
        elif lemma == "leave" and anchor.pos_ == "VERB":
            # "left dozens dead and injured", "left at least 900 people dead"
            objs = [c for c in anchor.children if c.dep_ in {"dobj", "nsubj"} and c.i > anchor.i]
            states = [c for c in anchor.children if c.dep_ in {"oprd", "acomp", "ccomp", "xcomp", "advcl"} and c.i > anchor.i]
            states += [x for c in states for x in c.conjuncts]
            states += [x for o in objs for x in o.children if x.dep_ in {"amod", "acl"} and x.i > o.i]
            states = [t for t in states if _outcomes(t)]
            # "left at least 900 people dead" is sometimes parsed with the people as the state's subject
            objs += [c for st in states for c in st.children if c.dep_ in {"nsubj", "nsubjpass"} and c not in objs]
            for obj in objs:
                for st in states:
                    if st.i == obj.i:
                        continue
                    for oc in _outcomes(st):
                        pairs.append((obj, oc))
                    used.add(st.i)
        elif outcomes and anchor.i not in used:
            heads = _argument_heads(anchor)
            pairs.extend((h, outcomes[0]) for h in heads)
        for head, outcome in dict.fromkeys(pairs):
            rec = _record_from(head, outcome)
            if rec is None:
                continue
            context = list(head.subtree) + [t for t in anchor.subtree if t.i <= anchor.i] + list(anchor.children)
            if anchor.head != anchor:
                context += [anchor.head] + list(anchor.head.children)
            superseded = _marked(context, _w("superseded_markers"))
            revision = _marked([anchor, anchor.head], _w("revision_markers"))
            mentions.append(CasualtyMention(anchor, rec, superseded, revision))
            for sub in _included(head, outcome):
                mentions.append(CasualtyMention(anchor, sub, superseded, revision))
    return _inherit_victims(mentions)


def _included(head: Token, outcome: str) -> list[CasualtyRecord]:
    """"12 people, including five children": a counted group within the count."""
    out = []
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in {"including", "among"}:
            for p in c.children:
                if p.dep_ == "pobj" and any(t.like_num or t.pos_ == "NUM" for t in p.subtree):
                    rec = _record_from(p, outcome)
                    if rec is not None and rec.victims:
                        out.append(rec)
    return out


def _argument_heads(anchor: Token) -> list[Token]:
    """The phrase(s) holding the count of people an outcome word speaks of."""
    # the subject of an active "killed" is the killer; only intransitive verbs take their victims as subject
    intransitive = anchor.lemma_.lower() in {"die", "perish"}
    deps_obj = {"dobj", "nsubjpass", "npadvmod", "attr"} | ({"nsubj"} if intransitive else set())
    heads: list[Token] = []
    if anchor.pos_ in {"VERB", "AUX"} or anchor.tag_ in {"VBN", "VBD", "VBG"}:
        heads = [c for c in anchor.children if c.dep_ in deps_obj]
        if not heads and anchor.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in anchor.children):
            # "six civilians were killed" parsed with a plain subject
            heads = [c for c in anchor.children if c.dep_ == "nsubj" and any(a.dep_ == "auxpass" or a.lemma_ == "be" for a in anchor.children)]
        if anchor.lemma_.lower() in {"kill", "injure", "wound", "hurt", "maim"} and anchor.tag_ == "VBG":
            heads = [c for c in anchor.children if c.dep_ in {"dobj", "npadvmod", "attr"}] or heads
        if not heads and anchor.dep_ == "conj":
            # "nine people were killed and 40 injured": the conjunct's own number
            heads = [c for c in anchor.children if c.like_num or c.pos_ == "NUM"]
            if not heads and anchor.head.dep_ != "ROOT":
                heads = []
        if not heads and anchor.dep_ in {"amod", "acl"} and anchor.head.pos_ in {"NOUN", "NUM", "PROPN"}:
            heads = [anchor.head]
        if not heads and anchor.dep_ in {"acl", "relcl", "advcl"} and anchor.head.pos_ in {"NOUN", "PROPN", "NUM"}:
            heads = [anchor.head]
        # "two Reuters journalists injured": participle right after its noun phrase
        if not heads and anchor.i > 0:
            prev = anchor.doc[anchor.i - 1]
            if prev.pos_ in {"NOUN", "NUM"} and prev.sent == anchor.sent:
                heads = [prev]
    else:
        # nouns: "nearly 300 injuries", "the death toll of 85", "toll rose to 12"
        nums = [c for c in anchor.children if c.dep_ in {"nummod", "quantmod"} or c.like_num]
        if nums:
            heads = [anchor]
        elif anchor.lower_ in {"toll", "tolls"} or anchor.lemma_.lower() == "toll":
            for t in list(anchor.children) + list(anchor.head.children):
                if t.dep_ == "prep" and t.lower_ in {"of", "at", "to"}:
                    heads += [c for c in t.children if c.dep_ == "pobj" and (c.like_num or c.pos_ == "NUM")]
            if anchor.dep_ in {"nsubj", "nsubjpass"}:
                for t in anchor.head.children:
                    if t.dep_ == "prep" and t.lower_ in {"to", "at"}:
                        heads += [c for c in t.children if c.like_num or c.pos_ == "NUM"]
        elif anchor.dep_ in {"amod"} and anchor.head.pos_ in {"NOUN", "NUM"}:
            heads = [anchor.head]
        elif anchor.dep_ in {"acomp", "oprd"}:
            heads = [c for c in anchor.head.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
        elif anchor.lower_ in {"dead", "injured", "wounded"} and anchor.dep_ in {"conj", "dobj", "nsubj", "attr", "appos"}:
            heads = [c for c in anchor.children if c.like_num or c.pos_ == "NUM"]
    return heads


def _inherit_victims(mentions: list[CasualtyMention]) -> list[CasualtyMention]:
    """"one child died and five others were injured": 'others' are of the same group."""
    out: list[CasualtyMention] = []
    last_group: str | None = None
    for m in mentions:
        rec = m.record
        if rec.victims is None and last_group and "other" in rec.quote.lower():
            rec = CasualtyRecord(rec.outcome, rec.min, rec.max, rec.vague, rec.quote, last_group)
            m = CasualtyMention(m.anchor, rec, m.superseded, m.revision)
        if rec.victims and rec.victims not in _w("generic_victims"):
            last_group = rec.victims
        out.append(m)
    return out
