"""Mediation: an effort by a third party to bring the parties to an agreement.

Mediation starts at "mediate", "broker", "X-brokered", "mediator(s)", "guarantors", an
"effort to forge/broker/secure" something or to settle a conflict ("efforts to reduce
tensions between A and B"); the mediator is the subject (or the antecedent of "which"),
the agent of "mediated by", the names before "-brokered" or in apposition to "the
mediators". It is also read without those words: talks "under the auspices of X",
"hosted/sponsored/convened by X", "with the help of X"; diplomacy "led by X"; one
shuttling between the sides; a third party at talks on a deal to end a war between
others, or meeting two other sides to agree one; one pushing or urging both sides (or
one side of the war) towards an agreement or back to the table; one hosting or offering
to host their talks; one drafting a plan put to both sides, or proposing a truce
between them; an envoy, adviser or mediator going to agree a plan with a side. Only a
third party mediates: no side of the document's wars, no state's own army or rebels.
Parties come from "between X and Y", the clause or the sentence, else from the talks
told with it, the wars the document names or its negotiation; the goal is what is
brokered. One record per mediating state or organization (the members of a group
named with it each their own); people leading the effort, and the state's envoys,
join its record.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from typing import Iterator

from spacy.tokens import Span, Token

from kg.extract.actors import agents_in, formerly, only_reports, phrase_agents, phrase_tokens, side_of, sides_of
from kg.extract.context import DocContext, clause_head, rejects, sentence_lemmas, shared_subject, subtree_span, takes_to, words
from kg.extract.diplomatic_triggers import (
    denied_mediation, hyphen_leader, may_tell_of_mediation, may_tell_of_meeting, mediation_noun, mediation_trigger, meeting_trigger,
    meeting_triggers, restart_trigger, talks_goal,
)
from kg.extract.wording import clause_text, compact_clause, np_text
from kg.lexicon import diplomacy_words
from kg.records import COUNTRY, ORGANIZATION, PERSON, MediationRecord, MeetingRecord
from kg.resolve.dates import MONTHS, UNIT_DAYS, UNIT_MONTHS, WEEKDAYS


@dataclass
class Effort:
    """One mediating state's or organization's effort while the document is read."""

    mediators: list[str]
    parties: list[str] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    sents: list[Span] = field(default_factory=list)


def _between(ctx: DocContext, scope) -> list[str]:
    for t in scope:
        if t.lower_ == "between":
            return agents_in(ctx, subtree_span(t))
    return []


def _goal(tok: Token) -> str | None:
    for c in tok.children:
        if c.dep_ in {"dobj", "attr"} and ({c.lemma_.lower(), c.lower_} & (
                diplomacy_words("generic_addressees") | diplomacy_words("rival_nouns")) or c.pos_ in {"PROPN", "PRON"}):
            continue  # "to press both sides": whom, not what for
        if c.dep_ in {"dobj", "attr"}:
            if c.lemma_.lower() in words("meeting_nouns"):  # "mediating talks on a ceasefire"
                return talks_goal(c)
            return np_text(c).split(" between ")[0]
        if c.dep_ in {"xcomp", "advcl", "relcl", "acl"} and c.pos_ == "VERB":
            g = _goal(c)
            if g:
                return g
    return None


#: Words a phrase read as a goal may open with that make it when or where, not what for
#: ("in August", "for Tuesday", "on the sidelines of the summit").
_CIRCUMSTANCE_OPENERS = frozenset({"in", "on", "at", "during", "since", "after", "before", "by", "from", "until",
                                   "within", "amid", "as", "with", "without", "despite", "around", "about", "nearly",
                                   "shortly", "approximately"})
#: Words a goal may open or end with that are no part of what is sought ("for a truce", "a truce of").
_LOOSE_ENDS = frozenset({"for", "towards", "toward", "of", "to", "and", "or", "the", "a", "an", "with", "on", "at", "in"})
#: Words of a phrase that names only a day or a time ("Tuesday", "next week", "the coming days").
_DAY_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS) | set(UNIT_DAYS) | set(UNIT_MONTHS) | {
    f"{u}s" for u in (*UNIT_DAYS, *UNIT_MONTHS)} | {
    "the", "this", "next", "last", "coming", "following", "today", "tomorrow", "yesterday", "weekend",
    "morning", "afternoon", "evening", "night", "early", "late", "mid", "end", "start", "of"}


def _stated_goal(goal: str | None) -> str | None:
    """The goal as a mediation states it: what is sought ("a ceasefire agreement", "end the war"),
    without a loose preposition at either end ("for a ceasefire", "ceasefire of"); none where the
    phrase tells when or where rather than what for ("in August", "for Tuesday", "on the sidelines
    of the summit")."""
    if not goal:
        return None
    words_ = goal.split()
    if words_ and words_[0].lower() in _CIRCUMSTANCE_OPENERS:
        return None
    while words_ and words_[0].lower() in _LOOSE_ENDS - {"the", "a", "an"}:
        words_ = words_[1:]
    while words_ and words_[-1].lower() in _LOOSE_ENDS:
        words_ = words_[:-1]
    text = " ".join(words_)
    if not text or all(w.lower().strip(",.") in _DAY_WORDS or w.isdigit() for w in words_) \
            or re.search(r"\b\d{1,2}[:.]\d{2}\b|\b[ap]\.?m\b", text.lower()):
        return None  # "for Tuesday", "next week", "2:30 p.m.": a day or an hour, not a goal
    return text


def _goal_nouns() -> frozenset[str]:
    return words("goal_nouns") | diplomacy_words("goal_nouns")


def _goal_phrase(ctx: DocContext, noun: Token) -> str:
    """What a brokered agreement is for: "the agreement ..., which aimed to end the conflict"
    -> "end the conflict"; else the noun with its modifiers and its purpose ("pledges
    to end the fighting"), without the broker ("Turkish-brokered") or relative clauses."""
    for c in noun.subtree:  # the parser may hang the clause on the broker's name
        if c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in diplomacy_words("aim_verbs"):
            for x in c.children:
                if x.dep_ in {"xcomp", "prep"} and x.lower_ != "by":
                    text = clause_text(x).removeprefix("to ").removeprefix("at ")
                    if len(text.split()) >= 2:
                        return text
    start = noun.i
    while start > noun.sent.start:  # the modifiers right before the noun
        t = noun.doc[start - 1]
        if t.head != noun or t.dep_ not in {"amod", "compound", "nummod"} or ctx.agent(t) is not None \
                or mediation_trigger(t):
            break
        start -= 1
    text = noun.doc[start : noun.i + 1].text
    for c in noun.children:
        if c.dep_ == "acl" and takes_to(c):
            return f"{text} {compact_clause(c)}"
    return text


def _document_talks_goal(ctx: DocContext) -> str | None:
    """The purpose of the first talks the document names, the goal a mediation stated
    without one works towards; else the first peace word it uses ("ceasefire", "truce")."""
    for tok in ctx.doc:
        if tok.pos_ == "NOUN" and meeting_trigger(tok):
            goal = talks_goal(tok)
            if goal:
                return goal
    text = ctx.text.lower()
    found = [(text.find(w), w) for w in diplomacy_words("peace_words") if text.find(w) >= 0]
    return min(found)[1] if found else None


def _listed_before(ctx: DocContext, tok: Token) -> list[str]:
    """The states and organizations named in the list right before a word ("Turkish, UN and
    Russian mediators"): read from the words themselves, as the parser may hang such a list
    anywhere. Words of the list that name no agent of the text ("African") are passed over."""
    found: list[str] = []
    i = tok.i - 1
    if i < tok.sent.start or (ctx.agent(tok.doc[i]) is None and tok.doc[i].ent_type_ != "NORP"):
        return found  # "between Israel and Hamas, mediators said": no list before the word
    while i >= tok.sent.start:
        t = tok.doc[i]
        ent = ctx.agent(t)
        if ent is not None:
            found.append(ent.key)
        elif not (t.lower_ in {",", "and"} or t.ent_type_ == "NORP"):
            break
        i -= 1
    return list(dict.fromkeys(reversed(found)))


def _mediators_of(ctx: DocContext, tok: Token) -> list[str]:
    """Who mediates, seen from a mediation word."""
    out: list[str] = []
    lemma = tok.lemma_.lower()
    # "X-brokered", "US-mediated", "U.S. and Russian-brokered"
    if tok.i >= 2 and tok.doc[tok.i - 1].text in {"-", "–"}:
        before = tok.doc[tok.i - 2]
        brokers = [before, *before.conjuncts]
        if tok.dep_ == "conj":  # "U.S. and Russian-brokered": the parser may join the verb to the first name
            brokers += [tok.head, *tok.head.conjuncts]
        for t in sorted(set(brokers), key=lambda t: t.i):
            ent = ctx.agent(t)
            if ent is not None:
                out.append(ent.key)
        # the names listed before it, however parsed: "U.S., French and Qatari-"
        out = list(dict.fromkeys([*_listed_before(ctx, tok.doc[tok.i - 1]), *out]))
    for c in tok.children:
        if c.dep_ in {"agent"}:
            out += phrase_agents(ctx, c)
        if c.dep_ in {"nsubj"}:
            out += _subject_agents(ctx, c)
            if tok.dep_ == "relcl" and c.tag_ in {"WDT", "WP"}:  # "Oman, which has mediated between ..."
                out += [e.key for x in (tok.head, *tok.head.conjuncts) if (e := ctx.agent(x)) is not None]
        if c.dep_ == "agent" and tok.dep_ == "acl":  # "diplomacy led by X" seen from "led"
            continue
        if c.dep_ == "appos" and mediation_noun(tok):  # "the mediators, Qatar, Egypt and the US, said"
            out += [e.key for x in (c, *c.conjuncts) if (e := ctx.agent(x)) is not None]
        if c.dep_ in {"amod", "compound", "poss"} and (lemma in words("mediation_effort_nouns") or mediation_noun(tok)
                                                       or tok.lower_ in diplomacy_words("auspices_nouns")):
            # "Egyptian and Qatari mediators", "under Angolan facilitation": every state the joined words name
            out += [e.key for x in (c, *c.conjuncts) if (e := ctx.agent(x)) is not None]
        if c.dep_ == "prep" and c.lower_ in {"of", "from", "by"} and tok.pos_ == "NOUN" and (
                tok.lower_ in diplomacy_words("auspices_nouns") | diplomacy_words("help_nouns") or mediation_noun(tok)):
            # "under the auspices of the AU", "mediators from Qatar and Egypt": the named
            # agents themselves, not those of a phrase below them ("mediation of the war between A and B")
            out += [e.key for p in c.children if p.dep_ == "pobj" for x in (p, *p.conjuncts)
                    if (e := ctx.agent(x)) is not None]
        if c.dep_ == "prep" and c.lower_ == "in" and tok.pos_ == "NOUN" and mediation_noun(tok):
            # "mediators in Egypt and Qatar": the states they act for (not "in Cairo", where they meet)
            out += [e.key for p in c.children if p.dep_ == "pobj" for x in (p, *p.conjuncts)
                    if (e := ctx.agent(x)) is not None and e.kind == COUNTRY
                    and getattr(ctx.place(x), "kind", None) == COUNTRY]
    if tok.pos_ == "NOUN" and mediation_noun(tok):
        out += _listed_before(ctx, tok)  # "Saudi, US and African mediators", however the list was parsed
        if tok.dep_ == "appos" and out and (e := ctx.agent(tok.head)) is not None:
            out.append(e.key)  # "President X, the African Union mediator": the person who mediates for it
    leader = hyphen_leader(tok) if tok.pos_ == "NOUN" else None
    if leader is not None and (e := ctx.agent(leader)) is not None:  # "the Kenyan-led mediation"
        out.append(e.key)
    if tok.dep_ == "acl" and tok.lemma_.lower() in diplomacy_words("lead_verbs"):
        out += [k for c in tok.children if c.dep_ == "agent" for k in phrase_agents(ctx, c)]
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and not out:
        return []  # "a swap brokered months ago": the broker goes unnamed
    if tok.dep_ == "amod" and tok.tag_ == "VBN" and not out:
        # "a Qatar brokered meeting": the names on the noun it qualifies, not those who meet
        out += [e.key for c in tok.head.children if c.dep_ in {"compound", "amod", "nmod", "poss"} and c is not tok
                for x in (c, *c.conjuncts) if (e := ctx.agent(x)) is not None]
        if not out:
            return []  # "a brokered deal": the broker goes unnamed
    if tok.dep_ == "compound" and mediation_noun(tok) and not out:  # "the AU's mediation team"
        out += [e.key for c in tok.head.children if c.dep_ in {"poss", "amod", "compound"} and c != tok
                for e in [ctx.agent(c)] if e is not None]
        if not out and tok.tag_ == "NNS":
            return []  # "was discussing with mediators ways to ...", parsed as "mediators ways": unnamed
    if not out and tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.pos_ == "VERB" \
            and tok.head.head.lemma_.lower() in diplomacy_words("regard_verbs") \
            and (objs := [c for c in tok.head.head.children if c.dep_ == "dobj"]):
        # "Beirut sees France as the guarantor", "chose Qatar as mediator": the one seen so
        return [e.key for o in objs for x in (o, *o.conjuncts) if (e := ctx.agent(x)) is not None]
    if not out and tok.pos_ == "NOUN" and mediation_noun(tok) and tok.lemma_.lower() not in {"mediation", "diplomacy"} and (
            tok.dep_ in {"nsubj", "nsubjpass", "dative"} or tok.dep_ == "pobj" and tok.head.lower_ != "as"):
        # "handed its reply to mediators", "said mediators were making efforts": the mediators go unnamed
        # (not "leads the mediation", "served as mediators": whoever leads or serves mediates)
        return []
    if not out and _sought(tok):
        return []  # "Armenia has long sought outside mediation", "welcomed mediation": a party asks, no one mediates yet
    if not out and tok.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.pos_ == "PRON" and c.tag_ not in {"WDT", "WP"}
                                              for c in tok.children):
        return []  # "the narrative that he brokered the ceasefire": its own subject, unread; no one above it mediates
    t = tok
    # "efforts to mediate", "served as mediators", "leading the effort to forge": climb to the acting subject
    for _ in range(4):
        if out:
            break
        head = t.head
        if head == t:
            break
        if head.pos_ == "NOUN" and head.lemma_.lower() in diplomacy_words("request_nouns") and t.dep_ in {"acl", "relcl", "xcomp"}:
            # "the Kenyan president's offer to mediate", "an offer by Qatar to mediate": whose offer it is, not who rejected it
            owner = [c for c in head.children if c.dep_ == "poss"]
            owner += [p for c in head.children if c.dep_ == "prep" and c.lower_ in {"by", "from"}
                      for p in c.children if p.dep_ == "pobj"]
            for o in owner:  # "the Kenyan president's offer": the state its words name when no one is named
                named = [e.key for x in (o, *o.conjuncts) if (e := ctx.agent(x)) is not None]
                out += named or agents_in(ctx, subtree_span(o))
            break
        if head.dep_ == "acl" and head.tag_ == "VBN" and head.lemma_.lower() in diplomacy_words("charge_verbs"):
            # "X, tasked with shuttle diplomacy between A and B, ...": the one it is entrusted to
            out += [e.key for x in (head.head, *head.head.conjuncts) if (e := ctx.agent(x)) is not None]
            break
        unnamed = False  # "as negotiators in Cairo tried to revive talks": the actors go unnamed; no one above acts for them
        for c in head.children:
            charged = c.dep_ == "nsubjpass" and head.lemma_.lower() in diplomacy_words("charge_verbs")
            if (c.dep_ in {"nsubj"} or charged) and c != t:  # "X has been tasked with mediating"
                named = _subject_agents(ctx, c)
                out += named
                unnamed = unnamed or (not named and c.pos_ in {"NOUN", "PROPN"})
                if c.tag_ == "WDT" or c.lower_ in {"who", "which", "that"} and head.dep_ == "relcl":
                    # "Angola, which has acted as a mediator"; "Saudi Arabia's deputy minister, X, who leads
                    # the mediation": the relative clause hung on the title, whose name and state are its appositive and owner
                    owner = head.head  # "Cuba and Norway, which act as guarantors": each of those joined
                    out += [e.key for x in (owner, *owner.conjuncts, *(c for c in owner.children if c.dep_ in {"appos", "poss"}))
                            if (e := ctx.agent(x)) is not None and e.key not in out]
                    if not out:  # "the US envoy, who has been conducting shuttle diplomacy": whom the title acts for
                        out += [e.key for x in owner.children if x.dep_ in {"compound", "amod", "nmod"}
                                if (e := ctx.agent(x)) is not None and e.key not in out]
            if c.dep_ == "poss" and head.lemma_.lower() in words("mediation_effort_nouns"):
                ent = ctx.agent(c)
                if ent is not None:
                    out.append(ent.key)
            if c.dep_ in {"amod", "compound"} and head.lemma_.lower() in words("mediation_effort_nouns"):
                ent = ctx.agent(c)
                if ent is not None:
                    out.append(ent.key)
        if unnamed and not out:
            break
        t = head
    # "X and Y have been leading the regional effort to broker ...": those who lead the effort
    for anc in tok.ancestors:
        if anc.lemma_.lower() in words("mediation_effort_nouns"):
            verb = anc.head
            for _ in range(4):  # "met X as part of efforts to end the war": who acted as part of them
                if verb.pos_ in {"VERB", "AUX"} or verb.dep_ not in {"pobj", "prep"}:
                    break
                verb = verb.head
            if verb.pos_ in {"VERB", "AUX"}:
                for c in verb.children:
                    if c.dep_ == "nsubj":
                        out += agents_in(ctx, subtree_span(c))
            break
    if out:
        out += _along_with(ctx, tok)
    # "X's role in facilitating dialogue between A and B": those it works between do not mediate
    between = set(_between(ctx, subtree_span(tok)))
    return [k for k in dict.fromkeys(out) if k not in between]


def _sought(tok: Token) -> bool:
    """Mediation asked for, welcomed or turned down ("sought outside mediation", "rejected any
    mediation"): its subject is a party."""
    verbs = diplomacy_words("seek_verbs")
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in words("mediation_effort_nouns"):
        tok = tok.head  # "rejected mediation efforts by third countries"
    if tok.dep_ == "pobj" and tok.head.lower_ in {"on", "for"}:
        tok = tok.head  # "insisted on continued Western mediation", "called for mediation"
    return tok.dep_ in {"dobj", "prep"} and (tok.head.lemma_.lower() in verbs or rejects(tok.head))


def _along_with(ctx: DocContext, tok: Token) -> list[str]:
    """"X is one of the guarantors, along with A, B and C", "together with D": those named with the
    mediator mediate with it."""
    scope = clause_head(tok)
    found: list[str] = []
    for prep in subtree_span(scope):
        if prep.dep_ != "prep" or not (prep.lower_ == "alongside" or prep.lower_ == "with" and prep.i > 0
                                       and prep.doc[prep.i - 1].lower_ in {"along", "together"}):
            continue
        for p in (c for c in prep.children if c.dep_ == "pobj"):
            found += [e.key for x in (p, *p.conjuncts) if (e := ctx.agent(x)) is not None]
    return found


def _subject_agents(ctx: DocContext, subj: Token) -> list[str]:
    """The agents a subject names, without those of the brief ("the US envoy for Sudan": the
    US, not Sudan) or its relative clauses."""
    brief = {t for b in subj.subtree if b.dep_ == "prep" and b.lower_ in {"for", "to", "on"} for t in b.subtree}
    named = {t for a in brief if a.dep_ == "appos" for t in a.subtree}  # "envoy for Sudan, Tom Perriello"
    found = agents_in(ctx, [t for t in phrase_tokens(subj) if t not in brief or t in named])
    # "the contact group, which groups A, B, C and D": the group's members act with it
    for rc in subj.children:
        if rc.dep_ == "relcl" and rc.lemma_.lower() in diplomacy_words("member_verbs"):
            found += [k for c in rc.children if c.dep_ == "dobj" for k in agents_in(ctx, phrase_tokens(c)) if k not in found]
    return found


def _not_where(tokens: list[Token]) -> list[Token]:
    """The tokens but the names of where someone is and of the outlet told (:func:`_where`)."""
    gone: set[int] = set()
    for tok in tokens:
        if _where(tok):
            name = next((e for e in tok.sent.ents if e.start <= tok.i < e.end), None)
            gone |= set(range(name.start, name.end)) if name is not None else {tok.i}
            gone |= {c.i for c in tok.children if c.dep_ in {"compound", "det"}}
    return [t for t in tokens if t.i not in gone]


def _where(tok: Token) -> bool:
    """A name as the object of "in", "at", "to" or "from": where someone is or goes; or as whom
    unnamed sources told it ("..., sources told The National"): the outlet that reports."""
    if tok.dep_ in {"dobj", "dative"} and tok.head.lemma_ == "tell" and any(c.dep_ == "ccomp" for c in tok.head.children):
        return any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.ent_type_ == "" for c in tok.head.children)
    return tok.dep_ == "pobj" and tok.head.lower_ in {"in", "at", "to", "from"}


def _party(ctx: DocContext, key: str, mediators: list[str]) -> str | None:
    """The side an agent stands for as a party: a person's affiliation, else the agent;
    nothing when it is a mediator or acts for one."""
    ent = ctx.entities.entities[key]
    if ent.kind == PERSON:
        key = ent.affiliation_key
    if key is None or key in mediators or side_of(ctx, key) in {side_of(ctx, m) for m in mediators} \
            or only_reports(ctx, key):  # "sources told Reuters": the agency tells of the talks
        return None
    return key


def _observers(ctx: DocContext) -> set[str]:
    """Who the document says watches the talks ("with the AU, Egypt and the UN present as
    observers"): no side in them."""
    if "observers" not in ctx.memo:
        nouns = diplomacy_words("observer_nouns")
        ctx.memo["observers"] = set() if nouns.isdisjoint(ctx.document_words) else {
            k for tok in ctx.doc if tok.dep_ == "prep" and tok.lower_ == "with"
            and any(x.lemma_.lower() in nouns for x in tok.subtree) for k in agents_in(ctx, subtree_span(tok))}
    return ctx.memo["observers"]


def _parties(ctx: DocContext, tokens, mediators: list[str]) -> list[str]:
    watching = _observers(ctx)
    out: list[str] = []
    for key in agents_in(ctx, tokens):
        if key in watching:
            continue
        party = _party(ctx, key, mediators)
        if party is not None and party not in out:
            out.append(party)
    return out


def _more_parties(ctx: DocContext, rec: Effort, meetings: tuple[MeetingRecord, ...],
                  others: list[Effort]) -> None:
    """The parties a mediation stated without its sides works between: those of the talks
    told in the same sentence, else those of another mediation of the document, else
    the sides of the document's first negotiation, else the two countries the document
    speaks of most."""
    starts = {s.start_char for s in rec.sents}
    told_with = [m for m in meetings if any(e.start in starts for e in m.evidence)]
    negotiations = [m for m in meetings if len(m.participants) >= 2]
    # each pool is read only when the ones before it fall short
    pools = [lambda: [k for m in told_with for k in m.participants],
             lambda: [k for o in others for k in o.parties],
             lambda: [k for m in negotiations[:1] for k in m.participants],
             lambda: _named_war_sides(ctx),  # "the fighting between A and B"
             lambda: [k for k in (f"country:{iso}" for iso in ctx.countries[:3])
                      if k in ctx.entities.entities and not _named_aside(ctx, k)]]
    # "the contact group that includes A and B": members of the mediating group are no parties
    members = {k for s in rec.sents for tok in s if (e := ctx.agent(tok)) is not None and e.key in rec.mediators
               for rc in tok.children if rc.dep_ == "relcl" for k in agents_in(ctx, subtree_span(rc))}
    members |= {m for o in others for m in o.mediators}  # nor are the other mediators
    members |= _observers(ctx)  # nor are the observers
    for n, pool in enumerate(pools):
        found = [p for k in pool() if (p := _party(ctx, k, rec.mediators)) is not None and p not in members]
        found = [p for p in dict.fromkeys(found) if p not in rec.parties]
        if n == len(pools) - 1:
            found = found[: 2 - len(rec.parties)]
        if len(rec.parties) + len(found) >= 2:
            rec.parties += found
            return


def _conflict_sides(ctx: DocContext, scope: Token) -> list[str]:
    """The sides of a war a phrase names: "X's war with Y", "the conflict between X and Y",
    "the fighting between the army and the RSF"."""
    out: list[str] = []
    conflict_nouns, conflict_preps = diplomacy_words("conflict_nouns"), diplomacy_words("conflict_preps")
    for noun in scope.subtree:
        if noun.lemma_.lower() not in conflict_nouns and noun.lower_ not in conflict_nouns:
            continue  # "the war", "fighting between A and B" (a gerund)
        for c in noun.children:
            if c.dep_ in {"poss", "amod", "compound", "nmod"}:
                out += agents_in(ctx, subtree_span(c))
            if c.dep_ == "prep" and c.lower_ in conflict_preps:
                out += agents_in(ctx, phrase_tokens(c))
    return list(dict.fromkeys(out))


def _purpose_clauses(verb: Token) -> list[Token]:
    """"met ... to discuss a deal", "in Israel to seek a truce plan": what a meeting is for."""
    return [c for c in verb.children if c.dep_ in {"advcl", "xcomp", "acl"}
            and takes_to(c)]


def _deal_talks(ctx: DocContext, sent: Span) -> list[tuple[Token, list[str], list[str], str | None]]:
    """Talks held to reach a deal that ends a war between others: "X met visiting Z officials
    to discuss a deal to end X's war with Y" -> Z mediates between X and Y. Those at the
    table who are not sides of the war are the third party."""
    out = []
    for verb in meeting_triggers(sent):
        if verb.pos_ != "VERB":
            continue
        for purpose in _purpose_clauses(verb):
            deal = next((n for n in purpose.subtree if n.pos_ == "NOUN" and _peace_noun(n)), None)
            if deal is None:
                continue
            sides = _conflict_sides(ctx, purpose)
            if len(sides) < 2:
                continue
            at_table = [k for k in agents_in(ctx, [t for t in sent if t not in purpose.subtree])]
            war = set(sides) | sides_of(ctx, sides)
            third = [k for k in at_table if k not in war and side_of(ctx, k) not in war]
            if third:  # the deal and what it is for: "a deal to end X's war with Y"
                start = min(t.i for t in deal.subtree if t.dep_ != "det")
                war = [n for n in purpose.subtree if n.lemma_.lower() in diplomacy_words("conflict_nouns")]
                end = max(t.i for t in war[0].subtree) if war else deal.right_edge.i
                goal = ctx.doc[start : end + 1].text.strip(" ,.;:")
                out.append((verb, third, sides, goal))
    return out


def _push_subject(verb: Token) -> Token | None:
    """Who pushes: the verb's subject, else that of the verb it is joined to ("X co-chaired the talks
    and urged ..."), that of the clause it is the purpose of, or the effort's ("an IGAD effort to bring ...")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None:
        return subj
    to = takes_to(verb)
    if verb.dep_ == "conj" or (verb.dep_ in {"advcl", "xcomp"} and to):
        return next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if verb.dep_ == "acl" and to and verb.head.lemma_.lower() in words("mediation_effort_nouns"):
        owner = next((c for c in verb.head.children if c.dep_ in {"poss", "compound"}), None)
        if owner is not None:
            return owner
        gov = verb.head.head
        return next((c for c in gov.children if c.dep_ == "nsubj"), None) if gov.pos_ in {"VERB", "AUX"} else None
    return None


def _misread_plural(tok: Token) -> bool:
    """A plural noun the parser took for a verb with nothing of a clause: no subject, auxiliary or
    object, and no words before it ("and the FARC dissidents towards a truce")."""
    return tok.pos_ == "VERB" and tok.tag_ == "VBZ" and tok.left_edge == tok and not any(
        c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "dobj"} for c in tok.children)


def _pushes(ctx: DocContext, sent: Span, war: set[str] = frozenset()) -> list[tuple[Token, list[str], list[str], str | None]]:
    """"X is pushing both sides towards a peace deal", "X pressed A and B to agree a truce":
    a third party steering the sides to an agreement."""
    out = []
    push_verbs = diplomacy_words("push_verbs") | diplomacy_words("with_verbs")
    if push_verbs.isdisjoint(sentence_lemmas(sent)):
        return []
    for verb in sent:
        if verb.lemma_.lower() not in push_verbs or verb.pos_ != "VERB":
            continue
        goal = None
        table = False
        preps = [c for c in verb.children if c.dep_ == "prep"] + [
            p for c in verb.children if c.dep_ == "advmod" for p in c.children if p.dep_ == "prep"]  # "back to"
        # "pushing A and B towards a truce": the parser may hang the goal on the last pushed side,
        # or read that side's plural noun as a verb ("the FARC dissidents towards")
        sides = [n for c in verb.children if c.dep_ == "dobj" for n in (c, *c.conjuncts)]
        sides += [c for c in verb.children if c.i > verb.i and _misread_plural(c)]
        preps += [p for n in sides for p in n.children if p.dep_ == "prep" and p.lower_ in {"toward", "towards"}]
        for c in preps:
            if c.lower_ in diplomacy_words("towards_preps"):
                objs = [p for p in c.children if p.dep_ == "pobj"]
                goal = next((p for p in objs if _agreement_noun(p)), goal)
                table = table or any(_table_noun(p) for p in objs)  # "back to the negotiating table"
        for c in verb.children:
            if c.dep_ in {"xcomp", "advcl", "ccomp"} and c.lemma_.lower() in diplomacy_words("accept_verbs") | (
                    diplomacy_words("negotiate_verbs") if verb.lemma_.lower() in diplomacy_words("with_verbs") else set()):
                # "urged the two parties to accept a truce", "pressed them to agree to a ceasefire proposal"
                goal = next((p for p in c.subtree if p.dep_ in {"dobj", "pobj"} and _agreement_noun(p)), goal)
                table = table or any(p.dep_ in {"dobj", "pobj"} and _table_noun(p) for p in c.subtree)  # "to return to talks"
        if goal is None and not table:
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None and verb.lemma_.lower() in diplomacy_words("with_verbs"):  # "working with both sides to secure"
            obj = next((p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                        for p in c.children if p.dep_ == "pobj"), None)
        if obj is not None and obj.lower_ in {"him", "her", "them"} and verb.dep_ == "conj":
            obj = next((c for c in verb.head.children if c.dep_ == "dobj"), obj)  # "met the junta chief and urged him to"
        if obj is None and verb.lemma_.lower() == "call":  # "called on the warring parties to return to the table"
            obj = next((p for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"
                        for p in c.children if p.dep_ == "pobj"), None)
        if obj is None:  # "to help Mali and the rebels reach a settlement": the helped are the clause's subject
            obj = next((s for c in verb.children if c.dep_ in {"ccomp", "xcomp"} for s in c.children if s.dep_ == "nsubj"), None)
        subj = _push_subject(verb)
        if obj is None or subj is None:
            continue
        mediators = _subject_agents(ctx, subj)
        parties = _parties(ctx, phrase_tokens(obj), mediators)
        both = {obj.lemma_.lower(), obj.lower_} & (diplomacy_words("generic_addressees") | diplomacy_words("rival_nouns")) and any(
            d.lower_ in {"both", "two", "all", "warring", "rival"} for d in obj.subtree)  # "the warring parties"
        both = both or (bool(parties) and bool(obj.conjuncts))  # "the government and the rebels"
        # "pressing Israel to accept the ceasefire proposal": one side pressed to a deal by one who is no side of the war
        # "a ceasefire with the resistance": the deal names the other side
        foes = [c for c in (goal.children if goal is not None else ()) if c.dep_ == "prep" and c.lower_ in {"with", "between"}]
        foe = bool(foes) and not {side_of(ctx, k) for c in foes for k in agents_in(ctx, subtree_span(c))} & \
            {side_of(ctx, m) for m in mediators}  # "a ceasefire with Moscow", told by Moscow: its own deal
        one = goal is not None and len(parties) == 1 and (side_of(ctx, parties[0]) in war or foe) \
            and _third_party(ctx, mediators, war)
        if mediators and (len(parties) >= 2 or both or one):
            out.append((verb, mediators, parties, _named_goal(ctx, goal) if goal is not None else None))
    return out


def _peace_noun(noun: Token) -> bool:
    """An agreement that settles a conflict: not "a trade deal", "a minerals deal"."""
    return noun.lemma_.lower() in _goal_nouns() and not any(
        c.dep_ in {"compound", "amod", "nmod"} and c.lemma_.lower() in diplomacy_words("non_peace_modifiers")
        for c in noun.children)


def _agreement_noun(noun: Token) -> bool:
    """An agreement, or a plan for one ("a ceasefire proposal", "the peace plan")."""
    lemma = noun.lemma_.lower()
    if lemma in _goal_nouns():
        return _peace_noun(noun)
    return lemma in diplomacy_words("plan_nouns") and any(
        c.dep_ in {"compound", "amod"} and c.lemma_.lower() in _goal_nouns() for c in noun.children)


def _table_noun(noun: Token) -> bool:
    """"the negotiating table", "talks": where a push brings the sides."""
    return noun.lemma_.lower() in diplomacy_words("table_nouns") or noun.lower_ in diplomacy_words("table_nouns")


def _named_goal(ctx: DocContext, noun: Token) -> str:
    """The agreement as named, with its modifiers: "humanitarian truce", "ceasefire proposal"."""
    start = noun.i
    while start > noun.sent.start and noun.doc[start - 1].head == noun and \
            noun.doc[start - 1].dep_ in {"amod", "compound"} and ctx.agent(noun.doc[start - 1]) is None:
        start -= 1
    return noun.doc[start : noun.i + 1].text


def _proposals(ctx: DocContext, sent: Span) -> list[tuple[Token, list[str], list[str], str | None]]:
    """"a fresh peace proposal from IGAD", "a plan drafted by Kazakhstan", "Egypt's peace plan,
    presented to A and B": whoever puts forward a plan for an agreement between the sides."""
    out = []
    if diplomacy_words("plan_nouns").isdisjoint(sentence_lemmas(sent)):
        return []
    for noun in sent:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in diplomacy_words("plan_nouns") or not _agreement_noun(noun):
            continue
        by: list[str] = []
        heads = [noun.head, *noun.head.conjuncts] if noun.dep_ in {"dobj", "nsubjpass"} else [noun.head]
        presented = [v for v in (*heads, *(c for c in noun.children if c.dep_ == "acl"))
                     if v.pos_ == "VERB" and v.lemma_.lower() in diplomacy_words("draft_verbs")]
        to = [k for v in presented for c in v.children if c.dep_ in {"prep", "dative"} and c.lower_ == "to"
              for k in phrase_agents(ctx, c)]  # the parser reads "presented it to A" as a dative as often
        after = [c for c in noun.head.children if c.i == noun.right_edge.i + 1]  # "welcomed a plan from X"
        for c in [*noun.children, *after]:
            if c.dep_ == "prep" and c.lower_ in {"from", "by"}:
                by += phrase_agents(ctx, c)
            if c.dep_ == "poss" and len(to) >= 2:  # "X's plan, presented to A and B": X's own plan is no mediation
                by += phrase_agents(ctx, c)
            if c.dep_ == "acl" and c.lemma_.lower() in diplomacy_words("draft_verbs"):
                by += [k for a in c.children if a.dep_ == "agent" for k in phrase_agents(ctx, a)]
        doers = [k for v in (noun.head,) if v.pos_ == "VERB" for s in v.children
                 if s.dep_ in {"nsubj", "nsubjpass"} and noun not in s.subtree
                 for k in _subject_agents(ctx, s)]
        by = [k for k in dict.fromkeys(by) if k not in doers]
        # who takes it up or turns it down: "a proposal, which A accepted and B has yet to answer"
        answer = [k for c in noun.children if c.dep_ == "relcl" for v in (c, *c.conjuncts)
                  for x in v.children if x.dep_ == "nsubj" for k in agents_in(ctx, phrase_tokens(x))]
        if not by and noun.dep_ == "dobj" and noun.head in presented:
            others = [k for k in dict.fromkeys(to + answer) if k not in doers]
            # "presented it to both the government and the opposition": two sides, named or not
            both = any(t.lower_ == "both" or t.lemma_.lower() in diplomacy_words("party_nouns") and t.dep_ == "conj"
                       for v in presented for c in v.children if c.dep_ in {"prep", "dative"} and c.lower_ == "to"
                       for t in c.subtree)
            if len(others) >= 2 or (others and both):
                by, to = doers, others  # "X drafted a peace plan and presented it to A and B": X's plan, put to both sides
        if by:
            out.append((noun, by, [k for k in to if k not in by], _named_goal(ctx, noun)))
    return out


def _proposed_deals(ctx: DocContext, sent: Span) -> list[tuple[Token, list[str], list[str], str | None]]:
    """"X proposed a humanitarian truce between A and B": one who proposes an agreement
    between two others."""
    out = []
    if diplomacy_words("propose_verbs").isdisjoint(sentence_lemmas(sent)):
        return []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in diplomacy_words("propose_verbs"):
            continue
        for noun in (c for c in verb.children if c.dep_ == "dobj" and _peace_noun(c)):
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            between = _between(ctx, subtree_span(noun))
            # "between the army and the RSF": two sides, though one is named by a common noun
            paired = any(p.dep_ == "pobj" and p.conjuncts for c in noun.children if c.lower_ == "between" for p in c.children)
            if subj is None or not (len(between) >= 2 or (between and paired)):
                continue
            mediators = [k for k in _subject_agents(ctx, subj) if k not in between]
            if mediators:
                out.append((verb, mediators, between, _named_goal(ctx, noun)))
    return out


def _hosted_for_talks(ctx: DocContext, verb: Token) -> list[tuple[Token, list[str], list[str], str | None]]:
    """"X hosted the leaders of A and B for ceasefire talks": the host of two other sides' talks."""
    guests = [c for c in verb.children if c.dep_ == "dobj"]
    talks = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children
             if p.dep_ == "pobj" and meeting_trigger(p)]
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if not guests or not talks or subj is None:
        return []
    mediators = _subject_agents(ctx, subj)
    parties = _parties(ctx, phrase_tokens(guests[0]), mediators)
    if len(sides_of(ctx, parties)) < 2 or not mediators:
        return []
    return [(verb, mediators, parties, talks_goal(talks[0]) or _named_goal(ctx, talks[0]))]


def _hosts(ctx: DocContext, sent: Span) -> list[tuple[Token, list[str], list[str], str | None]]:
    """"X offered to host the next round of talks", "X hosted talks between A and B": the host
    of the sides' talks, when it is not one of them."""
    out = []
    if diplomacy_words("host_verbs").isdisjoint(sentence_lemmas(sent)):
        return []
    for verb in sent:
        if verb.lemma_.lower() not in diplomacy_words("host_verbs") or verb.pos_ != "VERB":
            continue
        talks = next((c for c in verb.children if c.dep_ == "dobj" and meeting_trigger(c)), None)
        if talks is None:
            out += _hosted_for_talks(ctx, verb)
            continue
        between = _between(ctx, subtree_span(talks)) or _between(ctx, verb.sent)  # "... to follow up on the deal between A and B"
        offered = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in diplomacy_words("possibility_markers")
        next_round = any(c.lower_ in words("round_markers") for c in talks.children)
        doc = verb.doc
        co = verb.i >= 2 and doc[verb.i - 1].text in {"-", "–"} and doc[verb.i - 2].lower_ == "co"  # "co-chaired the talks"
        if not (between or offered or next_round or co):
            continue
        subj = shared_subject(verb)
        if subj is None and verb.dep_ == "xcomp" and verb.head.dep_ == "acomp":
            subj = next((c for c in verb.head.head.children if c.dep_ == "nsubj"), None)  # "X was ready to host talks"
        mediators = phrase_agents(ctx, subj) if subj is not None else []
        if mediators:
            out.append((verb, mediators, [p for p in between if p not in mediators], talks_goal(talks)))
    return out


def _third_party(ctx: DocContext, mediators: list[str], war: set[str]) -> bool:
    """Whether those named can stand between the sides: no side of the document's wars, and a
    state, an international body or people of one; not a state's own army or rebels (an
    organization of a country), who are sides themselves."""
    if not mediators:
        return False
    for key in mediators:
        ent = ctx.entities.entities[key]
        side = side_of(ctx, key)
        if side in war or key in war:
            return False
        if ent.kind == ORGANIZATION and ent.country_key:
            return False
        if ent.kind == PERSON and ent.affiliation_key and ctx.entities.entities[ent.affiliation_key].kind == ORGANIZATION \
                and ctx.entities.entities[ent.affiliation_key].country_key:
            return False
    return True


def _named_aside(ctx: DocContext, key: str) -> bool:
    """Whether a country is named only as where someone once held office ("led by former Kenyan
    President X") or as where someone is or goes ("the delegation was back in X", "talks in X"):
    it tells who the envoy is or where things happen, not a side at the table."""
    told = [t for t in ctx.doc if (e := ctx.entity(t)) is not None and e.key == key
            and (t.head == t or getattr(ctx.entity(t.head), "key", None) != key)]  # each name by its head word
    return bool(told) and all(formerly(t) or _where(t) for t in told)


def _named_war_sides(ctx: DocContext) -> list[str]:
    """The agents the document names as sides of a war ("the fighting between A and B"),
    sentence by sentence; none in a document with no word for a war."""
    if diplomacy_words("conflict_nouns").isdisjoint(ctx.document_words):
        return []
    return [k for sent in ctx.sentences for k in _conflict_sides(ctx, sent.root)]


def _war_sides(ctx: DocContext) -> set[str]:
    """The sides of the wars the document names ("the fighting between A and B"), as states."""
    return sides_of(ctx, _named_war_sides(ctx))


def _envoy_missions(ctx: DocContext, sent: Span, war: set[str]) -> list[tuple[Token, list[str], list[str], str | None]]:
    """"The special envoy made repeated visits to the capital to agree a peace plan with the
    president": an envoy, adviser or mediator of a state that is no side of the war, going
    or meeting to agree a settlement with a side, leads a mediation."""
    out = []
    envoy_words = diplomacy_words("envoy_words")
    if envoy_words.isdisjoint(ctx.document_words):
        return []
    for verb in sent:
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or not any(t.lower_ in envoy_words for t in subtree_span(subj)):
            continue
        for purpose in _purpose_clauses(verb):
            if purpose.lemma_.lower() not in diplomacy_words("negotiate_verbs"):
                continue
            deal = next((n for n in purpose.subtree if n.dep_ in {"dobj", "pobj"} and _agreement_noun(n)), None)
            if deal is None:
                continue
            mediators = _subject_agents(ctx, subj)
            rest = [t for t in sent if t not in subj.subtree]
            parties = _parties(ctx, rest, mediators)
            met = [k for k in agents_in(ctx, rest) if k not in mediators]  # "to present the plan to the president"
            if met and _third_party(ctx, mediators, war):
                out.append((verb, mediators, parties, _named_goal(ctx, deal)))
    return out


def _special_envoys(ctx: DocContext, sent: Span, war: set[str]) -> list[tuple[Token, list[str], list[str], str | None]]:
    """"the UN special envoy for Libya, X", "the US special envoy to Sudan": a special envoy for
    a country, or an envoy for it, sent by a third party, leads that party's mediation in the
    country's conflict (its sides are those the envoy meets; "envoy to X" alone is an ambassador)."""
    out = []
    if "envoy" not in ctx.document_words and "envoys" not in ctx.document_words:
        return out
    for tok in sent:
        if tok.lemma_.lower() != "envoy":
            continue
        special = any(c.lower_ == "special" for c in tok.children if c.dep_ in {"amod", "compound"})
        brief = [p for c in tok.children if c.dep_ == "prep" and (c.lower_ == "for" or special and c.lower_ == "to")
                 for p in c.subtree if p != c]  # "Envoy for Libya Abdoulaye Bathily" may be parsed as one phrase
        countries = list(dict.fromkeys(e.key for p in brief if (e := ctx.entities.entity_of(p)) is not None and e.kind == COUNTRY))
        if not countries:
            continue
        senders = [e.key for c in tok.children if c.dep_ in {"compound", "amod", "poss", "nmod"}
                   if (e := ctx.agent(c)) is not None and e.kind in {COUNTRY, ORGANIZATION} and e.key not in countries]
        person = next((e.key for t in (tok.head, *tok.head.children, *tok.children)
                       if t != tok and (e := ctx.agent(t)) is not None and e.kind == PERSON), None)
        if person is not None and ctx.entities.entities[person].affiliation_key not in {None, *senders}:
            person = None  # "the envoy to Myanmar" read as a Myanmar official: the sender alone
        mediators = senders + ([person] if person else [])
        if senders and _third_party(ctx, senders, war | set(countries)):
            out.append((tok, mediators, countries, None))  # the country's government is a side
    return out


def _brokering_meetings(ctx: DocContext, sent: Span, war: set[str]) -> list[tuple[Token, list[str], list[str], str | None]]:
    """"X has met Rwandan and Congolese officials to agree the terms of a peace deal", "X held
    meetings with A and B to end the war": one who meets two other sides to settle an
    agreement or a war between them mediates."""
    out = []
    if not may_tell_of_meeting(ctx.document_words):
        return []
    for verb in sent:
        if verb.pos_ != "VERB":
            continue
        talks = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and meeting_trigger(c)]
        if not (meeting_trigger(verb) or talks):
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        for purpose in _purpose_clauses(verb):
            lemma = purpose.lemma_.lower()
            if lemma in diplomacy_words("negotiate_verbs"):
                deal = next((n for n in purpose.subtree if n.dep_ in {"dobj", "pobj"} and _agreement_noun(n)), None)
            elif lemma in diplomacy_words("settle_verbs"):  # "to end the war"
                deal = next((n for n in purpose.children if n.dep_ == "dobj"
                             and n.lemma_.lower() in diplomacy_words("conflict_nouns")), None)
            else:
                continue
            if deal is None:
                continue
            mediators = _subject_agents(ctx, subj)
            met = [t for v in (verb, *talks) for c in v.children
                   if (c.dep_ == "dobj" and c not in talks) or (c.dep_ == "prep" and c.lower_ == "with")
                   for t in phrase_tokens(c)]
            parties = _parties(ctx, met, mediators)
            own = sides_of(ctx, mediators)
            if len(sides_of(ctx, parties)) >= 2 and not own & sides_of(ctx, parties) and _third_party(ctx, mediators, war):
                goal = _named_goal(ctx, deal) if lemma in diplomacy_words("negotiate_verbs") else f"{purpose.text} {deal.text}"
                out.append((verb, mediators, parties, goal))
    return out


def _envoys(ctx: DocContext, state: str) -> list[str]:
    """People of a mediating state named as its envoys ("Washington envoys A and B", "special
    envoy C"): they lead the effort."""
    out: list[str] = []
    roles = diplomacy_words("envoy_roles")
    for tok in ctx.doc:
        ent = ctx.agent(tok)
        if ent is None or ent.kind != PERSON or ent.key in out:
            continue
        first = tok.head if tok.dep_ == "conj" and ctx.agent(tok.head) is not None else tok
        lead = ctx.agent(first)
        # "Cairo's envoys A and B": B acts for whom A does
        if (ent.affiliation_key or (lead.affiliation_key if lead is not None else None)) != state:
            continue
        if any(r.lower() in roles or r.lower().split()[-1] in roles for r in ent.roles if r):
            out.append(ent.key)
            continue
        start = min(t.i for t in first.subtree)
        if any(t.lemma_.lower() in roles for t in ctx.doc[max(start - 3, first.sent.start) : first.i]):
            out.append(ent.key)
    return out


def extract_mediations(ctx: DocContext, meetings: tuple[MeetingRecord, ...] = ()) -> Iterator[MediationRecord]:
    by_mediator: dict[str, Effort] = {}
    order: list[str] = []
    restarts: list[Token] = []

    def add(sent: Span, mediators: list[str], parties: list[str], goal: str | None) -> None:
        states = [m for m in mediators if ctx.entities.entities[m].kind != PERSON]
        persons = [m for m in mediators if ctx.entities.entities[m].kind == PERSON]
        for p in persons:
            aff = ctx.entities.entities[p].affiliation_key
            if aff and aff not in states:
                states.append(aff)
        if not states and persons:  # "X, the president's envoy, ...": whom they act for goes unsaid
            states = [persons[0]]
        for state in states:
            rec = by_mediator.get(state)
            if rec is None:
                rec = by_mediator[state] = Effort(mediators=[state])
                order.append(state)
            for p in persons:
                if ctx.entities.entities[p].affiliation_key in {state, None} and p not in rec.mediators:
                    rec.mediators.append(p)
            rec.parties += [p for p in parties if p not in rec.parties and p not in states and p != state]
            goal = _stated_goal(goal)
            if goal and goal not in rec.goals:
                rec.goals.append(goal)
            if sent not in rec.sents:
                rec.sents.append(sent)

    war = _war_sides(ctx)
    for sent in ctx.sentences:
        for tok in sent if may_tell_of_mediation(sent) else ():
            if restart_trigger(tok):
                restarts.append(tok)
                continue
            if not mediation_trigger(tok) or denied_mediation(tok):
                continue
            mediators = _mediators_of(ctx, tok)
            if not mediators:
                continue
            parties = _between(ctx, subtree_span(clause_head(tok))) or _between(ctx, sent)
            goal = _goal(tok)
            if goal is not None and tok.lemma_.lower() in diplomacy_words("settle_verbs"):
                goal = f"{tok.text} {goal}"  # "reduce tensions"
            head = tok.head.head if tok.dep_ == "conj" else tok.head
            if goal is None and head.pos_ == "NOUN" and head.lemma_.lower() in words("meeting_nouns"):
                goal = talks_goal(head)
            elif goal is None and head.pos_ == "NOUN" and head.lemma_.lower() in _goal_nouns():
                goal = _goal_phrase(ctx, head)
            if not parties:
                # "US-brokered talks between ..." or the talks' sides: the other agents of the
                # clause, then of the sentence ("hosted the presidents of A and B ... a pact
                # affirming US-brokered commitments")
                # not where the sentence puts someone ("a delegation was back in X after talks with Y")
                parties = _parties(ctx, _not_where(phrase_tokens(clause_head(tok))), mediators)
                if len(parties) < 2:
                    around = _not_where(phrase_tokens(sent.root))
                    parties += [p for p in _parties(ctx, around, mediators) if p not in parties]
            add(sent, mediators, parties, goal)

        for tok, mediators, parties, goal in _deal_talks(ctx, sent) + _pushes(ctx, sent, war) + _hosts(ctx, sent) + _proposals(ctx, sent) + _proposed_deals(ctx, sent) \
                + _envoy_missions(ctx, sent, war) + _brokering_meetings(ctx, sent, war) + _special_envoys(ctx, sent, war):
            add(sent, mediators, parties, goal)

    # "X flew in, trying to revive the talks": X mediates between the parties the
    # document names, provided X is not one of them
    known_parties = [p for state in order for p in by_mediator[state].parties]
    for tok in restarts:
        parties = _between(ctx, subtree_span(tok)) or list(dict.fromkeys(known_parties))
        sides = {side_of(ctx, p) for p in parties}
        mediators = [m for m in _mediators_of(ctx, tok) if side_of(ctx, m) not in sides]
        if parties and mediators:
            talks = next(c for c in tok.children if c.dep_ == "dobj")
            add(tok.sent, mediators, parties, talks_goal(talks))

    fallback = _stated_goal(_document_talks_goal(ctx)) if any(not by_mediator[s].goals for s in order) else None
    for state in order:
        rec = by_mediator[state]
        if len(rec.parties) < 2:
            _more_parties(ctx, rec, meetings, [by_mediator[s] for s in order if s != state])
        rec.mediators += [p for p in _envoys(ctx, state) if p not in rec.mediators]
        goals = rec.goals or ([fallback] if fallback else [])
        yield MediationRecord(
            evidence=DocContext.evidence(*rec.sents),
            mediators=tuple(rec.mediators),
            # no side of its own mediators: "the army" read as the mediator's army is the text's slip
            parties=tuple(p for p in rec.parties if _party(ctx, p, rec.mediators) is not None),
            goals=tuple(goals),
        )
