"""Demands and conditions: what one agent asks of another, and who rejects it.

Demands are read from "tying/linking X to A and B", "demand(s) that", "insist(s)
on", "call(s) on X to", "urge(s) X to" and "ready to ... if"; whoever
"refuses"/"rejects" them in the same sentence rejects them.
"""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Span, Token

from kg.extract.actors import agents_in, side_of, subject_agent
from kg.extract.context import DocContext, subtree_span, words
from kg.extract.wording import clause_text, compact_clause, phrase
from kg.records import DemandRecord


def _demanders(ctx: DocContext, tok: Token) -> list[str]:
    t = tok
    for _ in range(5):
        subj = [c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subj:
            found = subject_agent(ctx, subj[0])
            if found:
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
        for t in tok.subtree:
            if t.dep_ == "prep" and t.lower_ in {"to", "on"} and t.head.i in {tok.i} | {c.i for c in tok.children}:
                for p in t.children:
                    if p.dep_ in {"pobj", "pcomp"}:
                        out.append(p)
                        out += list(p.conjuncts)
        for c in tok.children:
            if c.dep_ == "conj" and c.pos_ == "VERB" and any(x.dep_ == "nsubj" for x in c.children):
                out.append(c)
    elif lemma in {"demand", "insist", "require"}:
        for c in tok.children:
            if c.dep_ in {"ccomp", "dobj"}:
                out.append(c)
            if c.dep_ == "prep" and c.lower_ == "on":
                out += [p for p in c.children if p.dep_ in {"pobj", "pcomp"}]
    elif lemma in {"urge", "call", "press", "ask"}:
        for c in tok.children:
            if c.dep_ in {"xcomp", "ccomp"} or _to_infinitive(c):
                out.append(c)
            if c.dep_ == "prep" and c.lower_ == "for":
                out += [p for p in c.children if p.dep_ in {"pobj"}]
    return out


def _addressee(ctx: DocContext, tok: Token) -> str:
    """"urged the RSF to", "called on Chad to": whom the demand is put to, by name when known."""
    for c in tok.head.children:
        objs = [c] if c.dep_ == "dobj" else []
        if c.dep_ == "prep" and c.lower_ == "on":
            objs = [p for p in c.children if p.dep_ == "pobj"]
        if objs and objs[0].i < tok.i:
            ent = ctx.agent(objs[0])
            return (ent.label if ent is not None else phrase(objs[0])) + " "
    return ""


def _stand_in(tok: Token) -> Token:
    """"urged the group to do so": the verb phrase "do so" stands for, the last one before it."""
    said = " ".join(t.lower_ for t in subtree_span(tok) if t.dep_ != "aux")
    if said not in words("anaphoric_verb_phrases"):
        return tok
    earlier = [t for t in tok.sent if t.i < tok.i and t.pos_ == "VERB" and t.dep_ == "xcomp"]
    return earlier[-1] if earlier else tok


def _to_infinitive(tok: Token) -> bool:
    """"called on X to pull back": the parser sometimes hangs the infinitive as an adverbial."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _demand_label(ctx: DocContext, tok: Token) -> str:
    if tok.pos_ in {"VERB", "AUX"} and (tok.dep_ == "xcomp" or _to_infinitive(tok)):
        return (_addressee(ctx, tok) + compact_clause(_stand_in(tok)).removeprefix("to ")).strip()
    if tok.dep_ == "pobj" and tok.pos_ in {"NOUN", "PROPN"}:
        # "A halting its mobilization": the gerund's subject is the object of "to"
        ger = [c for c in tok.children if c.dep_ in {"acl", "relcl"} and c.tag_ == "VBG"]
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if not ger and nxt is not None and nxt.tag_ == "VBG" and nxt.head.i < tok.i:
            ger = [nxt]  # the parser hung the gerund on an earlier noun
        if ger:
            return f"{tok.text} {clause_text(ger[0])}"
    return clause_text(tok)


def _noun_demands(ctx: DocContext, sent: Span) -> list[tuple[str, list[str]]]:
    """"X's call for allies to apply sanctions", "the demand that ...": a demand noun and its owner."""
    found = []
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in words("demand_nouns"):
            continue
        owner = [c for c in tok.children if c.dep_ == "poss"]
        by = agents_in(ctx, subtree_span(owner[0])) if owner else _demanders(ctx, tok)
        for c in tok.children:
            if c.dep_ in {"acl", "ccomp", "relcl"} and c.pos_ == "VERB" and c.dep_ != "relcl":
                subj = [p for x in tok.children if x.dep_ == "prep" and x.lower_ == "for" for p in x.children if p.dep_ == "pobj"]
                label = ((subj[0].text + " ") if subj else "") + clause_text(c).removeprefix("to ")
                found.append((label.strip(), by[:1]))
    return found


def _speakers(ctx: DocContext, verb: Token) -> list[str]:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject_agent(ctx, subj, head_first=True) if subj is not None else []


def _obliged(clause: Token) -> Token | None:
    """"Venezuela better come", "Sudan must withdraw", "Ethiopia needs to stop": the clause's
    verb phrase when it states an obligation."""
    if any(c.dep_ in {"aux", "advmod"} and c.lower_ in words("directive_modals") for c in clause.children):
        return clause
    if clause.lemma_.lower() in {"need", "have"}:
        return next((c for c in clause.children if c.dep_ == "xcomp"), None)
    return None


def _quoted_demands(ctx: DocContext, sent: Span) -> list[tuple[str, list[str]]]:
    """Demands voiced in a quotation: an obligation put on a named party ("Venezuela better
    release them, fast," Petro said), an imperative ("Stop the shelling," X said), or
    what the speaker says should happen instead ("Instead of agreeing to a truce, Y
    continues ...")."""
    out = []
    for verb in sent:
        if verb.lemma_.lower() not in words("speech_verbs") or verb.pos_ != "VERB":
            continue
        by = _speakers(ctx, verb)
        if not by:
            continue
        sides = {by[0], side_of(ctx, by[0])}
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            subj = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            party = ctx.agent(subj) if subj is not None else None
            quoted = clause.left_edge.i > 0 and ctx.doc[clause.left_edge.i - 1].text in {"“", '"', "‘"}
            if party is not None and side_of(ctx, party.key) not in sides and _obliged(clause) is not None:
                out.append((compact_clause(clause), by))
            elif subj is None and clause.tag_ == "VB" and (quoted or clause.left_edge.text in {"“", '"'}):
                out.append((compact_clause(clause), by))
            for t in clause.subtree:
                if t.lower_ == "of" and any(c.lower_ == "instead" for c in t.children):
                    out += [(compact_clause(g), by) for g in t.children if g.dep_ == "pcomp" and g.tag_ == "VBG"]
    return [(label, by) for label, by in out if len(label.split()) >= 2]


def extract_demands(ctx: DocContext) -> Iterator[DemandRecord]:
    for sent in ctx.doc.sents:
        found: list[tuple[str, list[str]]] = []
        for tok in sent:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in words("demand_verbs"):
                continue
            by = _demanders(ctx, tok)
            for head in _demand_clauses(tok):
                label = _demand_label(ctx, head)
                if 2 <= len(label.split()) <= 25:
                    found.append((label, by))
        found += [(label, by) for label, by in _noun_demands(ctx, sent) if 2 <= len(label.split()) <= 25]
        # "ready to stop fighting if the army committed to a ceasefire deal"
        for tok in sent:
            if tok.lower_ == "if" and tok.dep_ == "mark" and tok.head.pos_ in {"VERB", "AUX"}:
                cond = tok.head
                if any(a.lemma_.lower() in {"ready", "willing", "prepared"} for a in cond.head.subtree if a.i < tok.i):
                    label = clause_text(cond).removeprefix("if ").strip()
                    found.append((label, _demanders(ctx, cond.head)))
        found += _quoted_demands(ctx, sent)
        found = [(label, by) for label, by in found if by]  # a demand is someone's
        if not found:
            continue
        rejecters = []
        for tok in sent:
            if tok.lemma_.lower() in words("reject_verbs"):
                subj = [c for c in tok.children if c.dep_ == "nsubj"]
                if subj:
                    rejecters += agents_in(ctx, subtree_span(subj[0]))
        for label, by in found:
            rej = [r for r in rejecters if r not in by]
            yield DemandRecord(
                evidence=DocContext.evidence(sent),
                label=label,
                demanded_by=tuple(by),
                rejected_by=tuple(dict.fromkeys(rej)),
            )
