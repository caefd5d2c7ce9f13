"""Wording of diplomatic events: noun phrases and clauses as short labels, and whether a
clause speaks of something still to come."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.context import DocContext, clause_head, subtree_span, words
from kg.resolve.dates import DateWindow


def np_text(tok: Token, drop_det: bool = True) -> str:
    span = subtree_span(tok)
    toks = [t for t in span if not (drop_det and t.dep_ in {"det", "poss"} and t.i < tok.i)]
    toks = [t for t in toks if t.i <= tok.i or t.dep_ in {"prep", "pobj", "compound", "amod", "dobj", "pcomp", "det", "poss", "nummod", "hmod", "punct"}]
    text = " ".join(t.text for t in toks).replace(" - ", "-").replace(" ’s", "’s").replace(" 's", "'s")
    return text.strip(" ,.;:—")


def phrase(tok: Token) -> str:
    """A noun phrase as written, without its leading article."""
    toks = list(subtree_span(tok))
    while toks and toks[0].dep_ == "det" and toks[0].lower_ in {"a", "an", "the"}:
        toks = toks[1:]
    return "".join(t.text_with_ws for t in toks).strip(" ,.;:—")


#: Verbs telling that a meeting took place: "the next round was held in Doha".
_HAPPENING_VERBS = frozenset({"hold", "take", "begin", "open", "start", "end", "conclude", "close", "resume", "convene"})

#: Future markers that tell what a meeting is for when they qualify it ("a summit aimed at easing ...").
_PURPOSE_WORDS = frozenset({"aim", "intend", "seek", "try", "attempt", "hope", "bid", "effort"})


def is_future(ctx: DocContext, trigger: Token, date: DateWindow | None) -> bool:
    if trigger.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in {"next", "upcoming", "coming", "planned", "proposed"}
                                      for c in trigger.children):
        verb = clause_head(trigger)
        if not (verb.lemma_.lower() in _HAPPENING_VERBS and verb.tag_ in {"VBD", "VBN"}):
            return True  # "set their next meeting for March 3": still to come (not "the next round was held")
    if trigger.tag_ == "VBD" and not any(c.dep_ == "aux" for c in trigger.children):
        return False  # "later spoke by phone with X": a verb in the simple past tells what happened
    head = clause_head(trigger)
    if head.tag_ == "VBD" and head.pos_ == "VERB" and not any(c.dep_ == "aux" for c in head.children) \
            and head.lemma_.lower() not in words("speech_verbs"):
        return False  # "later held talks with X": the clause's verb, in the simple past (not "..., X said")
    markers = words("future_markers")
    auxes = {c.lower_ for c in head.children if c.dep_ == "aux"}
    if "to" in auxes and head.dep_ == "xcomp" and head.head.lemma_ == "be" and head.head.tag_ in {"VBZ", "VBP", "VBD"}:
        return True  # "Kenya is to host talks", "the leaders are to meet", "the leaders were to meet": an arrangement
    if head.lemma_ == "be" and any(c.dep_ == "xcomp" and c.tag_ in {"VB", "VBN"} and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                                   for c in head.children):
        return True  # "the summit was to take place in X", "the talks are to begin on Monday"
    if "to" in auxes and head.dep_ == "ROOT" and head.tag_ == "VB" and any(c.dep_ == "nsubj" for c in head.children):
        return True  # "Ruto, Museveni to meet in Kampala": a headline's infinitive, what is to come
    if "to" in auxes and head.tag_ == "VB" and head.dep_ in {"relcl", "acl"} and ctx.in_headline(head.sent) \
            and head.head.pos_ in {"PROPN", "NOUN"}:
        return True  # "X and the rebels to resume talks in Y, mediator says": the headline's infinitive, hung on its subject
    if head.tag_ == "VBG" and "been" in auxes and auxes & {"has", "have", "had"} and head.lemma_.lower() not in markers:
        return False  # "have been hosting talks since May": going on, not to come
    # "hosting talks, aiming to secure a ceasefire": the purpose of what is done, not a plan of it
    purposes = {c for c in head.children if c.dep_ in {"advcl", "xcomp"} and c.i > trigger.i and c.tag_ == "VBG"
                and c.lemma_.lower() in markers}
    # "a summit on February 9 aimed at easing ...": what the meeting is for, not that it is to come
    # ("talks scheduled for Tuesday" is still to come: only a purpose is set aside)
    purposes |= {c for c in trigger.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _PURPOSE_WORDS}
    scope = [head] + [c for c in head.children if c not in purposes] + [trigger] + [c for c in trigger.children if c not in purposes]
    for t in list(head.ancestors)[:2]:
        scope += [t] + list(t.children)
    if any(t.lower_ in markers or t.lemma_.lower() in markers for t in scope):
        if not any(t.lower_ in words("past_markers") for t in trigger.children):
            return True
    if date is not None and ctx.published is not None and date.earliest > ctx.published:
        return True
    return False


def speech_date(ent: Span) -> bool:
    """"said on Monday": the date of the telling, not of the event."""
    head = ent.root.head
    if head.pos_ == "ADP":
        head = head.head
    return head.lemma_.lower() in words("speech_verbs")


def _fate_aside(t: Token) -> bool:
    """"..., a demand Paris rejected": a demand noun after a comma with a relative clause, telling
    what became of the demand, not part of it."""
    return t.lemma_.lower() in words("demand_nouns") and t.left_edge.i > 0 \
        and "," in {t.left_edge.text, t.doc[t.left_edge.i - 1].text} and any(c.dep_ == "relcl" for c in t.children)


def _aside_start(t: Token) -> int:
    """Where a fate aside begins: at its comma, which the parser may hang on the aside itself."""
    return t.left_edge.i if t.left_edge.text == "," else t.left_edge.i - 1


def clause_text(tok: Token) -> str:
    span = subtree_span(tok)
    cut = next((_aside_start(t) for t in span if t is not tok and _fate_aside(t)), None)
    if cut is not None and cut > span.start:
        span = tok.doc[span.start : cut]
    text = span.text
    for sep in ("—", "–", " -- "):
        text = text.split(sep)[0]
    return text.strip(" ,.;:").removeprefix("that ")


_ASIDES = {"relcl", "acl", "appos", "advcl", "parataxis"}


def compact_clause(tok: Token) -> str:
    """A demanded clause without its asides: "withdraw what it described as large numbers
    of troops and armoured vehicles, including howitzers, massed along X" -> "withdraw
    large numbers of troops and armoured vehicles"."""
    keep: list[Token] = []

    def walk(t: Token, top: bool) -> None:
        if not top and (t.dep_ in _ASIDES or (t.dep_ == "prep" and t.lower_ in {"including", "like"})):
            return
        if not top and _fate_aside(t):
            return  # "..., a demand Paris rejected": what became of the demand, not part of it
        if not top and t.dep_ == "conj" and t.pos_ in {"VERB", "AUX"} and any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in t.children):
            return  # "halt its offensive and for Y to pull out": Y's part is a clause of its own
        if t.dep_ in {"ccomp", "dobj"} and t.left_edge.lower_ == "what":
            # a free relative "what it described as X" stands for X
            objs = [p for c in t.children if c.dep_ == "prep" and c.lower_ == "as"
                    for p in c.children if p.dep_ == "pobj"]
            if objs:
                walk(objs[0], False)
                return
        for c in t.lefts:
            walk(c, False)
        keep.append(t)
        for c in t.rights:
            walk(c, False)

    walk(tok, True)
    text = " ".join(t.text for t in keep if t.dep_ != "punct" or t.text == "-")
    text = text.replace(" - ", "-").strip(" ,.;:")
    for tail in (" and", " or", " but"):
        text = text.removesuffix(tail)
    return text
