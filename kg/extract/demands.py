"""Demands and conditions: what one agent asks of another, to whom, and who rejects it.

Demands are read from "tying/linking X to A and B", "made X conditional on", "demand(s)
that", "insist(s) on", "call(s) on X to", "urge(s) X to", "warned/told X to", "wants X
to" (each conjoined demand its own: "and for Y to ..."), "ready to ... if", "will only
... if", "unless", "not ... until", quoted or reported obligations put on another side,
on every side or on any deal ("All parties must ...", "told X's envoys that any deal
must ..."), imperatives and "instead of". Whoever "refuses"/"rejects" them in the same
sentence, or "the demand" in the next, rejects them; a rejected call whose makers go
unnamed is kept with its rejecter.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from spacy.tokens import Span, Token

from kg.extract.actors import agents_in, phrase_tokens, side_of, subject_agent
from kg.extract.context import DocContext, infinitive_of_purpose, rejects, sentence_lemmas, subtree_span, takes_to, words
from kg.extract.wording import clause_text, compact_clause, phrase
from kg.lexicon import diplomacy_words
from kg.records import PERSON, DemandRecord


def _demanders(ctx: DocContext, tok: Token, things: bool = True) -> list[str]:
    """Who demands: the first subject up the tree that names an agent; without ``things``,
    a subject that is talks or a deal is passed by ("talks with X could resume only if ...")."""
    t = tok
    for _ in range(5):
        subj = [c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subj and not things and subj[0].lemma_.lower() in words("meeting_nouns") | diplomacy_words("goal_nouns"):
            subj = []
        if subj and t is not tok and subj[0].dep_ == "nsubjpass" and t.lemma_.lower() in {"tell", "inform", "assure", "brief", "warn"}:
            return []  # "X was told the rebels would not accept it unless ...": X hears the condition, not sets it
        if subj:
            found = subject_agent(ctx, subj[0])
            if found:  # "Egypt and Saudi Arabia pressed ...": each joined subject demands it
                found += [k for c in subj[0].conjuncts for k in subject_agent(ctx, c) if k not in found]
                return found
        if t.head == t:
            break
        t = t.head
    return []


def _demand_clauses(tok: Token) -> list[Token]:
    """Heads of the demanded states of affairs governed by a demand word."""
    lemma = tok.lemma_.lower()
    out: list[Token] = []
    if lemma in {"tie", "link", "condition"}:
        # "tying any agreement to A halting X and B suspending Y"
        preps = [t for t in tok.subtree if t.dep_ in {"prep", "dative"} and t.lower_ in {"to", "on"}
                 and t.head.i in {tok.i} | {c.i for c in tok.children}]
        own = [t for t in preps if t.head == tok]
        if own:
            # "tied any halt to its attacks to a ceasefire": a "to" completing the object, or the first of two
            # on the verb, is the object's; the condition is the verb's last
            preps = own[-1:]
        for t in preps:
            for p in t.children:
                if p.dep_ not in {"pobj", "pcomp"}:
                    continue
                nested = next((q for c in p.children if c.dep_ == "prep" and c.lower_ == t.lower_
                               for q in c.children if q.dep_ in {"pobj", "pcomp"}), None)
                if nested is not None:
                    p = nested  # the same, with the second "to" hung on the first one's object
                # "tied any agreement to Ukraine abandoning its bid", the gerund hung on the verb
                gerund = next((c for c in tok.children if c.dep_ == "advcl" and c.tag_ == "VBG"
                               and c.i == p.right_edge.i + 1), None)
                out.append(gerund if gerund is not None else p)
                out += list(p.conjuncts)
        if not preps:  # "tied any deal to direct talks", with "to direct" read as an infinitive
            objs = [o for o in tok.children if o.dep_ == "dobj"]
            out += [a for o in objs for a in (*o.children, *tok.children) if a.dep_ in {"acl", "advcl"}
                    and a.i > o.i and takes_to(a) and any(x.dep_ == "dobj" for x in a.children)]
        for c in tok.children:
            if c.dep_ == "conj" and c.pos_ == "VERB" and any(x.dep_ == "nsubj" for x in c.children):
                out.append(c)
    elif lemma in diplomacy_words("want_verbs"):
        # "X wants the army to accept a ceasefire": what one side wants another to do
        for c in tok.children:
            if c.dep_ in {"ccomp", "xcomp"} and _own_subject(c) is not None \
                    and takes_to(c):
                out.append(c)
    elif lemma in {"demand", "insist", "require"}:
        for c in tok.children:
            if c.dep_ == "ccomp" and lemma == "insist" and _obliged(c) is None and c.tag_ != "VB":
                continue  # "insists that its troops are holding the town": a claim, not a demand
            if c.dep_ in {"ccomp", "dobj"}:
                out.append(c)
            if c.dep_ == "prep" and c.lower_ == "on":
                out += [p for p in c.children if p.dep_ in {"pobj", "pcomp"}]
    elif lemma in diplomacy_words("directive_verbs"):
        if _names_something(tok):
            return []  # "what it called a workshop for ...": a naming, not a call
        if any(c.dep_ in {"dobj", "dative"} and c.lower_ in {"me", "us"} for c in tok.children):
            return []  # "they asked me to negotiate": an invitation told by the one invited
        told = lemma not in {"urge", "call", "press", "ask"}  # "warned X to", "told X to": with an addressee
        if told and not any(c.dep_ in {"dobj", "dative"} for c in tok.children):
            return []
        for c in tok.children:
            infinitive = takes_to(c)
            if (c.dep_ == "xcomp" and (infinitive or not told)) or (c.dep_ == "ccomp" and not told) or infinitive_of_purpose(c):
                out.append(c)
                # "urged X to halt ... and for Y to pull out": each its own demand
                out += [v for v in c.conjuncts if v.pos_ == "VERB" and _own_subject(v) is not None]
            if c.dep_ == "prep" and c.lower_ == "for" and not told:
                out += [p for p in c.children if p.dep_ in {"pobj"}]
    return out


def _names_something(verb: Token) -> bool:
    return any(c.dep_ == "oprd" or c.lower_ == "what" for c in verb.children)


def _own_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _addressee_token(tok: Token) -> Token | None:
    """"urged the RSF to", "called on Chad to", "and for Rwanda to": the one the demanded
    clause is put to."""
    if tok.head.lemma_.lower() in {"tie", "link", "condition"}:
        return None  # "tied any deal to direct talks": what is tied is the deal, not an addressee
    if tok.dep_ == "conj" and (own := _own_subject(tok)) is not None:
        return own
    if tok.dep_ in {"ccomp", "xcomp"} and tok.head.lemma_.lower() in {"demand", "insist", "require"} | diplomacy_words("want_verbs"):
        return _own_subject(tok)  # "demanded that Pakistan stop ...": the clause's subject
    for c in tok.head.children:
        objs = [c] if c.dep_ in {"dobj", "dative"} else []
        if c.dep_ == "prep" and c.lower_ == "on":
            objs = [p for p in c.children if p.dep_ == "pobj"]
        if objs and objs[0].i < tok.i:
            return objs[0]
    return None


def _addressee(ctx: DocContext, tok: Token) -> str:
    """Whom the demand is put to, by name when known, as the label's first words."""
    obj = _addressee_token(tok)
    if obj is None:
        return ""
    ent = ctx.agent(obj)
    return (ent.label if ent is not None else phrase(obj)) + " "


def addressed_to(ctx: DocContext, tok: Token) -> list[str]:
    obj = _addressee_token(tok)
    if obj is None and tok.dep_ == "ccomp" and tok.head.lemma_.lower() in {"demand", "insist", "require"}:
        # "demanded that Guyana halt oil exploration", the verb read as a noun: the agent opening the clause
        return next(([e.key] for t in subtree_span(tok) if t.i < tok.i and (e := ctx.agent(t)) is not None), [])
    return agents_in(ctx, phrase_tokens(obj))[:2] if obj is not None else []


def _stand_in(tok: Token) -> Token:
    """"pressed the militia to do so": the verb phrase "do so" stands for, the last one before it."""
    said = " ".join(t.lower_ for t in subtree_span(tok) if t.dep_ != "aux")
    if said not in words("anaphoric_verb_phrases"):
        return tok
    earlier = [t for t in tok.sent if t.i < tok.i and t.pos_ == "VERB" and t.dep_ == "xcomp"]
    return earlier[-1] if earlier else tok


def _demand_label(ctx: DocContext, tok: Token) -> str:
    if tok.pos_ in {"VERB", "AUX"} and tok.dep_ == "conj" and _own_subject(tok) is not None:
        return (_addressee(ctx, tok) + compact_clause(tok).removeprefix("for ")).strip()
    if tok.pos_ in {"VERB", "AUX"} and (tok.dep_ == "xcomp" or infinitive_of_purpose(tok) or (tok.dep_ == "acl" and takes_to(tok))):
        return (_addressee(ctx, tok) + compact_clause(_stand_in(tok)).removeprefix("to ")).strip()
    if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in diplomacy_words("want_verbs"):
        return compact_clause(tok).replace(" to ", " ", 1)  # "the army to accept a ceasefire"
    if tok.dep_ == "pobj" and tok.pos_ in {"NOUN", "PROPN"}:
        # "A halting its mobilization": the gerund's subject is the object of "to"
        ger = [c for c in tok.children if c.dep_ in {"acl", "relcl"} and c.tag_ == "VBG"]
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if not ger and nxt is not None and nxt.tag_ == "VBG" and nxt.head.i < tok.i:
            ger = [nxt]  # the parser hung the gerund on an earlier noun
        if ger:
            return f"{tok.text} {clause_text(ger[0])}"
    if tok.pos_ in {"NOUN", "PROPN"}:
        # "a change in X's constitution, which Y says ...", "direct talks with X, a spokesman for the
        # group said": up to the aside
        asides = [c.left_edge.i for c in tok.subtree if c.dep_ in {"relcl", "appos"} and c.left_edge.i > tok.i]
        if asides:
            return tok.doc[tok.left_edge.i : min(asides)].text.strip(" ,;:—-")
    return clause_text(tok)


def _noun_demands(ctx: DocContext, sent: Span) -> list[tuple[str, list[str], list[str]]]:
    """"X's call for allies to apply sanctions", "the demand that ...": a demand noun and its owner."""
    found = []
    if words("demand_nouns").isdisjoint(sentence_lemmas(sent)):
        return []
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in words("demand_nouns"):
            continue
        owner = [c for c in tok.children if c.dep_ == "poss"]
        # "the conditions placed by the Houthis on ...", "demands made by X": whose they are
        owner += [p for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"
                  for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        by = agents_in(ctx, subtree_span(owner[0])) if owner else _demanders(ctx, tok)
        if owner and tok.lemma_.lower() in {"demand", "call"}:
            # "Hezbollah's demand for a full withdrawal": what is asked for, after "for"
            found += [(clause_text(p), by[:1], []) for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"
                      for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"]
        for c in tok.children:
            if c.dep_ in {"acl", "ccomp", "relcl"} and c.pos_ == "VERB" and c.dep_ != "relcl":
                subj = [p for x in tok.children if x.dep_ == "prep" and x.lower_ == "for" for p in x.children if p.dep_ == "pobj"]
                label = ((subj[0].text + " ") if subj else "") + clause_text(c).removeprefix("to ")
                own = _own_subject(c)  # "on condition that ECOWAS lifts ...": put to ECOWAS
                to = agents_in(ctx, phrase_tokens(own)) if own is not None else []
                found.append((label.strip(), by[:1], to))
    return found


def _speakers(ctx: DocContext, verb: Token) -> list[str]:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject_agent(ctx, subj, head_first=True) if subj is not None else []


def _obliged(clause: Token) -> Token | None:
    """"Venezuela better come", "Sudan must withdraw", "Ethiopia needs to stop": the clause's
    verb phrase when it states an obligation."""
    if any(c.dep_ in {"aux", "advmod"} and c.lower_ in words("directive_modals")
           and not (c.lower_ in {"have", "has"} and clause.tag_ == "VBN")  # "have asked": a tense, no duty
           for c in clause.children):
        return clause
    if clause.lemma_.lower() in {"need", "have"}:
        return next((c for c in clause.children if c.dep_ == "xcomp"), None)
    return None


def _generic_party(subj: Token) -> bool:
    """"All parties must ...", "both sides should ...": a demand put to every side."""
    return subj.lemma_.lower() in diplomacy_words("generic_addressees") and any(
        d.lower_ in {"all", "both", "two", "warring", "the"} for d in subj.children if d.i < subj.i)


def _any_deal(subj: Token) -> bool:
    """"any ceasefire must include ...", "a deal should guarantee ...": a term set for an agreement."""
    return subj.lemma_.lower() in diplomacy_words("goal_nouns") and any(
        d.lower_ in {"any", "a", "the", "every"} for d in subj.children if d.dep_ == "det")


def _quoted_demands(ctx: DocContext, sent: Span) -> list[tuple[str, list[str], list[str]]]:
    """Demands voiced in a quotation or a reported clause: an obligation put on a named
    party ("Venezuela better release them, fast," Petro said), on every side ("All parties
    must avoid ...", X said) or told to another side ("X told Y's envoys that any deal must
    ..."), an imperative ("Stop the shelling," X said), or what the speaker says should
    happen instead ("Instead of agreeing to a truce, Y continues ...")."""
    out = []
    if words("speech_verbs").isdisjoint(sentence_lemmas(sent)):
        return []
    for verb in sent:
        if verb.lemma_.lower() not in words("speech_verbs") or verb.pos_ != "VERB":
            continue
        by = _speakers(ctx, verb)
        if not by:
            continue
        sides = {by[0], side_of(ctx, by[0])}
        told = [k for c in verb.children if c.dep_ in {"dobj", "dative"} for k in agents_in(ctx, phrase_tokens(c))]
        told = [k for k in told if side_of(ctx, k) not in sides]
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            subj = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            party = ctx.agent(subj) if subj is not None else None
            quoted = clause.left_edge.i > 0 and ctx.doc[clause.left_edge.i - 1].text in {"“", '"', "‘"}
            obliged = _obliged(clause) is not None
            if party is not None and side_of(ctx, party.key) not in sides and obliged:
                out.append((compact_clause(clause), by, [party.key]))
            elif party is None and subj is not None and obliged and (
                    _generic_party(subj) or (told and subj.pos_ != "PRON") or _any_deal(subj)):
                out.append((compact_clause(clause).removeprefix("that "), by, told))
            elif subj is None and clause.tag_ == "VB" and (quoted or clause.left_edge.text in {"“", '"'}):
                out.append((compact_clause(clause), by, []))
            for t in clause.subtree:
                if t.lower_ == "of" and any(c.lower_ == "instead" for c in t.children):
                    out += [(compact_clause(g), by, []) for g in t.children if g.dep_ == "pcomp" and g.tag_ == "VBG"]
    return [(label, by, to) for label, by, to in out if len(label.split()) >= 2]


def _conditions(ctx: DocContext, sent: Span) -> list[tuple[str, list[str], list[str]]]:
    """"ready to stop fighting if the army committed to a ceasefire", "will only sign if Y
    withdraws", "no deal unless Y ...": the condition one side sets for acting."""
    out = []
    for tok in sent:
        marker = tok.dep_ == "mark" or (tok.dep_ == "advmod" and tok.lower_ in {"when", "once"})  # "only when X ends"
        if not marker or tok.head.pos_ not in {"VERB", "AUX"}:
            continue
        cond = tok.head
        main = cond.head
        if tok.lower_ in {"if", "when", "once"}:
            ready = any(a.lemma_.lower() in {"ready", "willing", "prepared"}
                        for a in [*main.subtree, *list(main.ancestors)[:2]] if a.i < tok.i)  # "ready to sign ... if"
            only = any(a.lower_ == "only" for a in [*main.children, *cond.children, *tok.children, tok.doc[tok.i - 1]])
            if not (ready or only) or (tok.lower_ != "if" and not only):
                continue
        elif tok.lower_ == "until" or (tok.lower_ == "as" and tok.i >= 2 and tok.doc[tok.i - 1].lower_ == "long"):
            # "will not agree to a ceasefire until Y withdraws", "will not disarm as long as Y occupies"
            if tok.lower_ == "as":
                main = main.head if main.lower_ == "long" else main
            if not any(c.dep_ == "neg" for c in main.children) and not any(
                    c.dep_ in {"attr", "nsubj", "dobj"} and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
                    for c in main.children):  # "there would be no negotiations until Y withdraws"
                continue
        elif tok.lower_ != "unless":
            continue
        label = clause_text(cond).removeprefix("only ")
        for mark in ("if ", "unless ", "until ", "as ", "when ", "once "):
            label = label.removeprefix(mark)
        subj = _own_subject(cond)
        to = agents_in(ctx, phrase_tokens(subj)) if subj is not None else []
        out.append((label.strip(), _demanders(ctx, main, things=False), to))
    return out


def _made_conditional(ctx: DocContext, sent: Span) -> list[tuple[str, list[str], list[str]]]:
    """"X has made any deal conditional on Y", "a truce is contingent upon Z": the condition
    one side sets for an agreement."""
    out = []
    if diplomacy_words("conditional_words").isdisjoint(sentence_lemmas(sent)):
        return []
    for adj in sent:
        if adj.pos_ != "ADJ" or adj.lemma_.lower() not in diplomacy_words("conditional_words"):
            continue
        verb = adj.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
            verb = verb.head  # "made the reopening of X conditional on Y": "on" may hang on the verb
        preps = [c for c in (*adj.children, *adj.head.children, *verb.children) if c.dep_ == "prep"
                 and c.lower_ in {"on", "upon"} and c.i > adj.i]
        for prep in preps[:1]:
            for obj in (p for p in prep.children if p.dep_ in {"pobj", "pcomp"}):
                out.append((clause_text(obj), _demanders(ctx, adj), []))
    return out


def _rejected_calls(ctx: DocContext, sent: Span) -> list[tuple[str, list[str], list[str], list[str]]]:
    """"The army rejects calls to de-escalate": a demand whose makers go unnamed, told by
    those who reject it."""
    out = []
    if words("demand_nouns").isdisjoint(sentence_lemmas(sent)):
        return []
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in words("demand_nouns") or tok.dep_ != "dobj":
            continue
        if not rejects(tok.head) or any(c.dep_ == "poss" for c in tok.children):
            continue
        subj = _own_subject(tok.head)
        rejecters = agents_in(ctx, phrase_tokens(subj)) if subj is not None else []
        # the call's infinitive, also when the parser hangs it on the verb ("rejected calls to X")
        clauses = [c for c in tok.children if c.dep_ == "acl" or (
            c.dep_ == "relcl" and takes_to(c))] + [
            c for c in tok.head.children if c.dep_ == "advcl" and c.left_edge.i == tok.right_edge.i + 1]
        for c in clauses:
            if c.pos_ == "VERB" and rejecters:
                out.append((clause_text(c).removeprefix("to "), [], [], rejecters[:1]))
        for c in tok.children:  # "rejected calls for a ceasefire"
            if c.dep_ == "prep" and c.lower_ == "for" and rejecters:
                out += [(clause_text(p), [], [], rejecters[:1]) for p in c.children if p.dep_ == "pobj"]
    return out


def _to_own_forces(ctx: DocContext, verb: Token, head: Token, by: list[str]) -> bool:
    """"urged his fighters to", "ordered troops to": an order to one's own forces, no demand
    put to another party."""
    obj = _addressee_token(head)
    if obj is None:
        return False
    lemma = obj.lemma_.lower()
    own = any(c.dep_ == "poss" and c.lower_ in {"his", "her", "its", "their", "our", "my"} for c in obj.children)
    if own and (obj.lower_ in diplomacy_words("own_force_nouns") or lemma in diplomacy_words("own_force_nouns")):
        return True
    if verb.lemma_.lower() in diplomacy_words("command_verbs") and (
            obj.lower_ in diplomacy_words("own_force_nouns") or lemma in diplomacy_words("own_force_nouns")):
        # "ordered troops to ...": unless the troops are known to be another side's
        told = agents_in(ctx, phrase_tokens(obj))
        mine = {side_of(ctx, b) for b in by}
        unknown = all(ctx.entities.entities[b].kind == PERSON and not ctx.entities.entities[b].affiliation_key for b in by)
        return not told or unknown or any(side_of(ctx, k) in mine for k in told)
    return False


def _once(found: list[tuple[str, list[str], list[str]]]) -> list[tuple[str, list[str], list[str]]]:
    """One demand per wording: "insisted that X must ..." is read as a demand and as an
    obligation told; keep the first, with every addressee read."""
    out: dict[str, tuple[str, list[str], list[str]]] = {}
    for label, by, to in found:
        key = label.lower().removeprefix("that ").strip()
        # the same demand read whole and without its last clause ("X must change Y before Z" and
        # "X must change Y"): the wording read first
        key = next((k for k in out if out[k][1] == by and (k.startswith(key + " ") or key.startswith(k + " "))), key)
        if key in out:
            first = out[key]
            out[key] = (first[0], first[1], first[2] + [k for k in to if k not in first[2]])
        else:
            out[key] = (label.removeprefix("that "), by, list(to))
    return list(out.values())


def _rejects_the_demand(ctx: DocContext, sent: Span) -> list[str]:
    """"X has rejected the demand", "Y dismissed those conditions": who rejects a demand told before."""
    out: list[str] = []
    if words("demand_nouns").isdisjoint(sentence_lemmas(sent)):
        return []
    for tok in sent:
        if tok.dep_ == "dobj" and tok.lemma_.lower() in words("demand_nouns") and rejects(tok.head) \
                and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those", "such"} for c in tok.children) \
                and not any(c.dep_ in {"acl", "relcl", "ccomp", "prep", "poss"} for c in tok.children):
            subj = _own_subject(tok.head)
            out += agents_in(ctx, phrase_tokens(subj)) if subj is not None else []
    return out


def extract_demands(ctx: DocContext) -> Iterator[DemandRecord]:
    out: list[DemandRecord] = []
    last: list[int] = []  # the demands of the sentence before
    verbs = words("demand_verbs") | diplomacy_words("directive_verbs") | diplomacy_words("want_verbs")
    for sent in ctx.sentences:
        later = _rejects_the_demand(ctx, sent)
        for i in last:
            rej = [r for r in later if r not in out[i].demanded_by and r not in out[i].rejected_by]
            if rej:
                out[i] = replace(out[i], rejected_by=out[i].rejected_by + tuple(dict.fromkeys(rej)))
        last = []
        found: list[tuple[str, list[str], list[str]]] = []
        for tok in sent if not verbs.isdisjoint(sentence_lemmas(sent)) else ():
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in verbs:
                continue
            by = _demanders(ctx, tok)
            for head in _demand_clauses(tok):
                if _to_own_forces(ctx, tok, head, by):
                    continue
                label = _demand_label(ctx, head)
                if 2 <= len(label.split()) <= 25:
                    found.append((label, by, addressed_to(ctx, head)))
        called = _rejected_calls(ctx, sent)
        taken = {label for label, *_ in called}
        found += [(label, by, to) for label, by, to in _noun_demands(ctx, sent)
                  if 2 <= len(label.split()) <= 25 and label not in taken]
        found += _conditions(ctx, sent)
        found += _made_conditional(ctx, sent)
        found += _quoted_demands(ctx, sent)
        found = [(label, by, to) for label, by, to in found if by]  # a demand is someone's
        found = _once(found)
        if not found and not called:
            continue
        rejecters = []
        for tok in sent:
            if rejects(tok):
                # every subject: "..., a demand Kyiv rejected" is parsed with two ("demand", "Kyiv")
                for subj in (c for c in tok.children if c.dep_ == "nsubj"):
                    rejecters += agents_in(ctx, subtree_span(subj))
        for label, by, to in found:
            rej = [r for r in rejecters if r not in by]
            last.append(len(out))
            out.append(DemandRecord(
                evidence=DocContext.evidence(sent),
                label=label,
                demanded_by=tuple(by),
                rejected_by=tuple(dict.fromkeys(rej)),
                addressed_to=tuple(k for k in dict.fromkeys(to) if k not in by),
            ))
        for label, by, to, rej in called:
            out.append(DemandRecord(evidence=DocContext.evidence(sent), label=label, rejected_by=tuple(rej)))
    yield from out
