"""Diplomacy: meetings (held or planned), mediation efforts and demands.

* **Meetings** start at a meeting noun or verb ("talks", "summit", "met",
  "will meet"); their place is a place governed by a locative preposition in the
  trigger's clause, their status comes from tense and modality ("will",
  "is expected to", a date after publication -> planned), their participants
  are the agents of the clause and the affiliations of the people among them.
* **Mediation** starts at "mediate", "broker", "X-brokered", "mediator(s)" or an
  "effort to forge/broker/secure" something; the mediator is the subject, the
  agent of "mediated by", or the name before "-brokered"; parties come from
  "between X and Y"; the goal is what is brokered. One record per mediating
  state or organization; people leading the effort join their country's record.
* **Demands** are read from "tying/linking X to A and B", "demand(s) that",
  "insist(s) on", "call(s) on X to", "urge(s) X to" and "ready to ... if";
  whoever "refuses"/"rejects" them in the same sentence rejects them.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Iterator

from spacy.tokens import Span, Token

from kg.extract.context import DocContext, clause_head, subtree_span, words
from kg.resolve.dates import DateWindow
from kg.resolve.numbers import parse_number
from kg.records import COUNTRY, ORGANIZATION, PERSON, DemandRecord, MediationRecord, MeetingRecord

# -- shared helpers ----------------------------------------------------------


def _agents_in(ctx: DocContext, tokens) -> list[str]:
    out: list[str] = []
    for t in tokens:
        if _modifies_agent(ctx, t):
            continue  # "the Sudanese army": the army, not Sudan besides it
        ent = ctx.agent(t) or _reported_speaker(ctx, t)
        if ent is not None and ent.key not in out:
            out.append(ent.key)
    return out


def _modifies_agent(ctx: DocContext, tok: Token) -> bool:
    """A country word that only modifies an organization's name ("the Sudanese army")."""
    if tok.dep_ not in {"amod", "compound", "poss", "nmod"}:
        return False
    mine, theirs = ctx.agent(tok), ctx.agent(tok.head)
    return (mine is not None and theirs is not None and mine.key != theirs.key
            and theirs.kind == ORGANIZATION and mine.kind == COUNTRY)


def _speech_head(tok: Token) -> Token | None:
    """The speech verb whose reported clause holds ``tok`` ("X said [he had told ...]")."""
    v = tok.head if tok.pos_ not in {"VERB", "AUX"} else tok
    while v.dep_ in {"ccomp", "conj", "xcomp", "advcl"} and v.head != v:
        v = v.head
        if v.lemma_.lower() in words("speech_verbs"):
            return v
    return None


def _reported_speaker(ctx: DocContext, tok: Token):
    """"Ruto said he had told ...": a personal pronoun subject of a reported clause is
    the speaker, when the speaker is a person."""
    if tok.pos_ != "PRON" or tok.lower_ not in {"he", "she"} or tok.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    verb = _speech_head(tok)
    if verb is None:
        return None
    for c in verb.children:
        if c.dep_ == "nsubj":
            ent = ctx.agent(c) or next((ctx.agent(t) for t in subtree_span(c) if ctx.agent(t)), None)
            return ent if ent is not None and ent.kind == PERSON else None
    return None


def _np_text(tok: Token, drop_det: bool = True) -> str:
    span = subtree_span(tok)
    toks = [t for t in span if not (drop_det and t.dep_ in {"det", "poss"} and t.i < tok.i)]
    toks = [t for t in toks if t.i <= tok.i or t.dep_ in {"prep", "pobj", "compound", "amod", "dobj", "pcomp", "det", "poss", "nummod", "hmod", "punct"}]
    text = " ".join(t.text for t in toks).replace(" - ", "-").replace(" ’s", "’s").replace(" 's", "'s")
    return text.strip(" ,.;:—")


def _phrase(tok: Token) -> str:
    """A noun phrase as written, without its leading article."""
    toks = list(subtree_span(tok))
    while toks and toks[0].dep_ == "det" and toks[0].lower_ in {"a", "an", "the"}:
        toks = toks[1:]
    return "".join(t.text_with_ws for t in toks).strip(" ,.;:—")


def _is_future(ctx: DocContext, trigger: Token, date: DateWindow | None) -> bool:
    head = clause_head(trigger)
    scope = [head] + list(head.children) + [trigger] + list(trigger.children)
    for t in list(head.ancestors)[:2]:
        scope += [t] + list(t.children)
    markers = words("future_markers")
    if any(t.lower_ in markers or t.lemma_.lower() in markers for t in scope):
        if not any(t.lower_ in words("past_markers") for t in trigger.children):
            return True
    if date is not None and ctx.published is not None and date.earliest > ctx.published:
        return True
    return False


def _speech_date(ent: Span) -> bool:
    """"said on Monday": the date of the telling, not of the event."""
    head = ent.root.head
    if head.pos_ == "ADP":
        head = head.head
    return head.lemma_.lower() in words("speech_verbs")


# -- meetings ----------------------------------------------------------------

def _meeting_trigger(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN" and (lemma in words("meeting_nouns") or tok.lower_ in words("meeting_nouns")):
        if lemma == "round" and not _is_round_of_talks(tok):
            return False
        if tok.dep_ == "compound":
            return False
        return True
    if tok.pos_ == "VERB" and lemma in words("meeting_verbs"):
        if lemma == "sit" and not any(c.lower_ == "down" for c in tok.children):
            return False
        if lemma == "discuss":
            return any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.subtree)
        return True
    return False


def _is_round_of_talks(tok: Token) -> bool:
    """"rounds of talks", "two earlier rounds held in X", "the next round": a round of a
    negotiation, not of ammunition or of a contest."""
    if any(c.lower_ == "of" for c in tok.children):
        return any(t.lemma_.lower() in words("meeting_nouns") for t in tok.subtree if t != tok)
    return any(c.dep_ in {"amod", "nummod"} and c.lower_ in words("round_markers") for c in tok.children) and (
        any(c.dep_ == "acl" and c.lemma_.lower() in {"hold", "conduct", "host"} for c in tok.children)
        or any(t.lemma_.lower() in words("meeting_nouns") and t != tok for t in tok.sent))


def _locative_place(ctx: DocContext, t: Token) -> str | None:
    """The place a locative object names: "in X", "to X" after a motion verb, "in the city of X"."""
    if t.dep_ != "pobj":
        return None
    prep = t.head
    if prep.lower_ == "of" and prep.head.lemma_.lower() in words("place_nouns") and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "in the southwestern city of X"
    if prep.lower_ not in {"in", "at", "to"}:
        return None
    if prep.lower_ == "to" and prep.head.lemma_.lower() not in words("motion_verbs"):
        return None
    ent = ctx.place(t)
    return ent.key if ent is not None else None


def _meeting_place(ctx: DocContext, trigger: Token, others: tuple[Token, ...] = ()) -> str | None:
    """Where a meeting is held: a locative attached to the trigger or to its clause first
    ("will meet in X"), then one deeper in the trigger's own phrase ("talks ... in X")."""
    head = clause_head(trigger)
    near = [trigger] + ([head] if head != trigger else [])
    for scope in near:
        for c in scope.children:
            if c.dep_ == "prep" and c.lower_ not in words("topic_preps"):
                for p in c.children:
                    for t in [p] + [x for x in p.subtree if x.dep_ == "pobj" and x.head.lower_ == "of"]:
                        key = _locative_place(ctx, t)
                        if key:
                            return key
    for scope in near:
        for t in subtree_span(scope):
            if _in_topic(t, scope) or any(o != trigger and o in t.ancestors and o not in trigger.ancestors
                                          for o in others):
                continue  # "the talks come after rounds held in X": X is the rounds' place
            key = _locative_place(ctx, t)
            if key:
                return key
    return None


def _in_topic(tok: Token, scope: Token) -> bool:
    """Whether ``tok`` sits in a topic phrase below ``scope`` ("a summit on the crisis in X")."""
    for a in tok.ancestors:
        if a == scope:
            return False
        if a.dep_ == "prep" and a.lower_ in words("topic_preps"):
            return True
    return False


def _side(ctx: DocContext, key: str) -> str:
    """Whom an agent acts for: a person's affiliation, an organization's country."""
    ent = ctx.entities.entities[key]
    if ent.kind == PERSON and ent.affiliation_key:
        key = ent.affiliation_key
        ent = ctx.entities.entities[key]
    if ent.kind == ORGANIZATION and ent.country_key:
        key = ent.country_key
    return key


def _sides(ctx: DocContext, keys: list[str]) -> set[str]:
    """The distinct parties among participants: a person counts as whom they act for."""
    return {_side(ctx, k) for k in keys}


def _meeting_date(ctx: DocContext, trigger: Token, sent: Span, future: bool) -> DateWindow | None:
    best = None
    for ent in sent.ents:
        if ent.label_ not in {"DATE", "TIME"} or _speech_date(ent):
            continue
        dist = abs(ent.root.i - trigger.i)
        ref = ctx.date_of(ent, "future" if future else "past")
        if ref is not None and (best is None or dist < best[0]):
            best = (dist, ref)
    return _lasting(trigger, best[1]) if best else None


_DURATION = re.compile(r"\b(\w+)[\s-]+day\b", re.I)


def _lasting(trigger: Token, date: DateWindow) -> DateWindow:
    """"a two-day summit due to begin on Friday": the window runs from its first day to its last."""
    found = _DURATION.search(trigger.doc[trigger.left_edge.i : trigger.i].text)
    days = parse_number(found.group(1)) if found else None
    if not days or days < 2 or date.earliest != date.latest:
        return date
    return DateWindow(date.earliest, date.earliest + timedelta(days=days - 1), date.text)


def _participants(ctx: DocContext, trigger: Token) -> list[str]:
    """Who takes part: the trigger's own modifiers and "with/between/among" objects, the
    subject of its clause (not a mere speaker), and the object of "meet"; then the
    affiliations of the people. "X said talks were continuing with A and B": X is a side."""
    head = clause_head(trigger)
    tokens: list[Token] = []
    withs = False

    def take(tok: Token) -> None:
        # the phrase without its relative clauses ("the talks, which the Kremlin said ...")
        clauses = [t for t in tok.subtree if t.dep_ in {"relcl", "acl"} and t != tok]
        tokens.extend(t for t in subtree_span(tok) if not any(t in c.subtree for c in clauses))

    for c in trigger.children:
        if c.dep_ in {"amod", "compound", "poss", "nmod"} and not _mediation_trigger(c):
            take(c)  # "US-brokered talks": the broker need not sit at the table
        if c.dep_ == "prep" and c.lower_ in {"with", "between", "among"}:
            take(c)
            withs = True
    if trigger.lemma_.lower() == "discuss":  # "discussed proposals ... with X": the parser may hang "with" low
        for t in trigger.subtree:
            if t.dep_ == "prep" and t.lower_ == "with" and t.head != trigger:
                take(t)
    subject = False
    speech = head.lemma_.lower() in words("speech_verbs")
    for c in head.children:
        if c.dep_ in {"nsubj", "nsubjpass"} and c != trigger and not speech:
            take(c)
            subject = True
        if c.dep_ == "prep" and c.lower_ in {"with", "between", "among"}:
            take(c)
            withs = True
        if head == trigger and c.dep_ == "dobj":
            take(c)
    if head.dep_ in {"advcl", "xcomp", "conj"} and not any(c.dep_ == "nsubj" for c in head.children):
        for c in head.head.children:
            if c.dep_ == "nsubj":
                take(c)
    found = _agents_in(ctx, tokens)
    if withs and not subject:
        speaker = _speech_head(trigger)
        if speaker is not None:  # the side the speaker acts for
            found += [_side(ctx, k) for c in speaker.children if c.dep_ == "nsubj"
                      for k in _agents_in(ctx, subtree_span(c)) if _side(ctx, k) not in found]
    out = list(found)
    for key in found:
        ent = ctx.entities.entities[key]
        if ent.kind == PERSON and ent.affiliation_key and ent.affiliation_key not in out:
            out.append(ent.affiliation_key)
    return out


def _topic_of(inner: Token, outer: Token) -> bool:
    """"negotiations on a second summit": ``inner`` is what ``outer`` is about."""
    prep = inner.head
    return (inner.dep_ == "pobj" and prep.lower_ in words("topic_preps")
            and prep.head in (outer, outer.head, clause_head(outer)))


def _place_country(ctx: DocContext, key: str) -> str:
    ent = ctx.entities.entities[key]
    return ent.country_key or key


def _verb_place(ctx: DocContext, verb: Token) -> str | None:
    """"was in X", "will go to X": the place a verb's locative object names."""
    return next((k for c in verb.children if c.dep_ == "prep" for t in c.children
                 if (k := _locative_place(ctx, t))), None)


def _visits(ctx: DocContext, sent: Span) -> list[dict]:
    """"He told X's Prime Minister Y, who was in Nairobi, ...": an official present in another
    country's city, in exchange with someone there, is a visit (a meeting at that place)."""
    out = []
    for verb in sent:
        if verb.lemma_.lower() not in words("visit_verbs") or verb.pos_ not in {"VERB", "AUX"}:
            continue
        who = verb.head if verb.dep_ == "relcl" else next((c for c in verb.children if c.dep_ == "nsubj"), None)
        person = ctx.agent(who) if who is not None else None
        if person is None or person.kind != PERSON:
            continue
        place = _verb_place(ctx, verb)
        if place is None or _side(ctx, person.key) in {person.key, _place_country(ctx, place)}:
            continue
        host_verb = who.head if who.dep_ in {"dobj", "dative"} else None
        if host_verb is None or host_verb.pos_ != "VERB":
            continue
        hosts = [k for c in host_verb.children if c.dep_ == "nsubj" for k in _agents_in(ctx, subtree_span(c))]
        if not hosts:
            continue
        parts = hosts + [person.key]
        parts += [a for k in parts if (a := ctx.entities.entities[k].affiliation_key) and a not in parts]
        future = _is_future(ctx, verb, None)
        out.append({"place": place, "date": _meeting_date(ctx, verb, sent, future), "planned": future,
                    "parts": parts, "sents": [sent], "trigger": verb})
    return out


def _join_travellers(ctx: DocContext, sent: Span, found: list[dict]) -> None:
    """"Y will go to Muscat on Sunday, and Z will be there for the talks": people travelling
    to the place of a meeting already read take part in it."""
    for verb in sent:
        if verb.lemma_.lower() not in words("motion_verbs") or verb.pos_ != "VERB":
            continue
        place = _verb_place(ctx, verb)
        future = _is_future(ctx, verb, None)
        meeting = next((m for m in found if place and m["place"] == place and m["planned"] == future), None)
        if meeting is None:
            continue
        for v in [verb] + list(verb.conjuncts):
            for c in v.children:
                if c.dep_ != "nsubj":
                    continue
                ent = ctx.agent(c) or _reported_speaker(ctx, c)
                if ent is not None and ent.kind == PERSON and ent.key not in meeting["parts"]:
                    meeting["parts"].append(ent.key)
                    if sent not in meeting["sents"]:
                        meeting["sents"].append(sent)


def _held_as_such(tok: Token) -> bool:
    """"rounds held this year in X": a meeting told with its own verb is a meeting of its own."""
    return any(c.dep_ == "acl" and c.lemma_.lower() in {"hold", "conduct", "host"} for c in tok.children)


def _main_sides(ctx: DocContext, found: list[dict]) -> list[str]:
    """The sides of the first meeting read with two sides or more: the negotiation the
    article is about."""
    for m in found:
        if len(_sides(ctx, m["parts"])) >= 2:
            return [k for k in m["parts"] if ctx.entities.entities[k].kind != PERSON]
    return []


def _add_meeting(found: list[dict], item: dict) -> None:
    place, date, future, sent = item["place"], item["date"], item["planned"], item["sents"][0]
    same = next((m for m in found if place and m["place"] == place
                 and (m["planned"] == future or m["date"] is None or date is None)), None)
    if same is None and place is None:
        same = next((m for m in found if m["sents"][-1] == sent), None)
    if same is None:
        found.append(item)
        return
    same["date"] = same["date"] or date
    same["planned"] = same["planned"] if same["date"] is not None else future
    same["parts"] += [p for p in item["parts"] if p not in same["parts"]]
    if sent not in same["sents"]:
        same["sents"].append(sent)


def _overlap(a: DateWindow | None, b: DateWindow | None) -> bool:
    return a is None or b is None or (a.earliest <= b.latest and b.earliest <= a.latest)


def _tenseless(m: dict) -> bool:
    """An undated mention in the simple present ("Riyadh, Tehran meet for talks"), as headlines
    speak of what is about to happen as much as of what happened."""
    verb = clause_head(m["trigger"])
    return m["date"] is None and verb.tag_ in {"VBP", "VBZ"} and not any(
        c.dep_ in {"aux", "auxpass"} for c in verb.children)


def _fold_placeless(ctx: DocContext, found: list[dict]) -> list[dict]:
    """A placeless mention ("a summit on Saturday") of a meeting told elsewhere with its
    place ("a two-day summit ... in Angola") is the same meeting when it has the same
    status, a compatible date and the same sides."""
    out = [m for m in found if m["place"] is not None]
    for m in (m for m in found if m["place"] is None):
        sides = _sides(ctx, m["parts"])
        into = None
        for p in out:
            other = _sides(ctx, p["parts"])
            need = min(2, len(sides), len(other))
            if (p["place"] is not None and need and len(sides & other) >= need
                    and _overlap(m["date"], p["date"])
                    and (p["planned"] == m["planned"] or _tenseless(m))):
                into = p
                break
        if into is None:
            out.append(m)
            continue
        into["date"] = into["date"] or m["date"]
        into["parts"] += [k for k in m["parts"] if k not in into["parts"]]
        into["sents"] += [s for s in m["sents"] if s not in into["sents"]]
    return sorted(out, key=lambda m: m["sents"][0].start)


def extract_meetings(ctx: DocContext) -> Iterator[MeetingRecord]:
    found: list[dict] = []
    for sent in ctx.doc.sents:
        all_triggers = [t for t in sent if _meeting_trigger(t)]
        # "rounds of talks", "meet ... to restart discussions", "talks on a summit":
        # nested mentions are one meeting
        triggers = [t for t in all_triggers if not any(_topic_of(t, o) for o in all_triggers if o != t)]
        triggers = [t for t in triggers if _held_as_such(t) or not any(
            o != t and t in o.subtree for o in triggers if o.pos_ == "VERB" or t.dep_ == "pobj")]
        nested = {t.i: [o for o in all_triggers if o != t and o in t.subtree] for t in triggers}
        for tok in triggers:
            place = _meeting_place(ctx, tok, tuple(triggers))
            future0 = _is_future(ctx, tok, None)
            date = _meeting_date(ctx, tok, sent, future0)
            # talks about a summit: the summit is still to come
            future = _is_future(ctx, tok, date) or any(_topic_of(o, tok) for o in all_triggers)
            parts = _participants(ctx, tok)
            for inner in nested[tok.i]:
                parts += [p for p in _participants(ctx, inner) if p not in parts]
            if place is None and len(_sides(ctx, parts)) < 2:
                continue  # no place and one side only: not enough to tell a meeting apart
            if not parts and tok.lemma_.lower() == "round":
                parts = _main_sides(ctx, found)  # "two earlier rounds": of the same negotiation
            _add_meeting(found, {"place": place, "date": date, "planned": future, "parts": parts,
                                 "sents": [sent], "trigger": tok})
        for item in _visits(ctx, sent):
            _add_meeting(found, item)
        _join_travellers(ctx, sent, found)
    for m in _fold_placeless(ctx, found):
        yield MeetingRecord(
            evidence=DocContext.evidence(*m["sents"]),
            status="planned" if m["planned"] else "held",
            location=m["place"],
            date=m["date"],
            participants=tuple(p for p in m["parts"] if p != m["place"]),
        )


# -- mediation ---------------------------------------------------------------

def _between(ctx: DocContext, scope) -> list[str]:
    for t in scope:
        if t.lower_ == "between":
            return _agents_in(ctx, subtree_span(t))
    return []


def _goal(tok: Token) -> str | None:
    for c in tok.children:
        if c.dep_ in {"dobj", "attr"}:
            if c.lemma_.lower() in words("meeting_nouns"):  # "mediating talks on a ceasefire"
                return _talks_goal(c)
            return _np_text(c).split(" between ")[0]
        if c.dep_ in {"xcomp", "advcl", "relcl", "acl"} and c.pos_ == "VERB":
            g = _goal(c)
            if g:
                return g
    return None


def _talks_goal(noun: Token) -> str | None:
    """What talks are for: "talks seeking to end the war", "talks aimed at a truce",
    "discussions on a cease-fire and the release of captives"."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in words("topic_preps"):
            objs = [p for p in c.children if p.dep_ == "pobj"]
            if objs:
                return _phrase(objs[0])
        if c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB":
            for x in c.children:
                if x.dep_ in {"xcomp", "prep"} and x.lower_ != "by":
                    text = _clause_text(x).removeprefix("to ").removeprefix("at ")
                    if len(text.split()) >= 2:
                        return text
    return None


def _document_talks_goal(ctx: DocContext) -> str | None:
    """The purpose of the first talks the document names, the goal a mediation stated
    without one works towards."""
    for tok in ctx.doc:
        if tok.pos_ == "NOUN" and _meeting_trigger(tok):
            goal = _talks_goal(tok)
            if goal:
                return goal
    return None


def _mediators_of(ctx: DocContext, tok: Token) -> list[str]:
    """Who mediates, seen from a mediation word."""
    out: list[str] = []
    lemma = tok.lemma_.lower()
    # "X-brokered", "US-mediated"
    if tok.i >= 2 and tok.doc[tok.i - 1].text in {"-", "–"}:
        ent = ctx.agent(tok.doc[tok.i - 2])
        if ent is not None:
            out.append(ent.key)
    for c in tok.children:
        if c.dep_ in {"agent"}:
            out += _agents_in(ctx, subtree_span(c))
        if c.dep_ in {"nsubj"}:
            out += _agents_in(ctx, subtree_span(c))
        if c.dep_ in {"amod", "compound", "poss"} and lemma in words("mediation_effort_nouns") | words("mediation_nouns"):
            ent = ctx.agent(c)
            if ent is not None:
                out.append(ent.key)
    t = tok
    # "efforts to mediate", "served as mediators", "leading the effort to forge": climb to the acting subject
    for _ in range(4):
        if out:
            break
        head = t.head
        if head == t:
            break
        for c in head.children:
            if c.dep_ in {"nsubj"} and c != t:
                out += _agents_in(ctx, subtree_span(c))
            if c.dep_ == "poss" and head.lemma_.lower() in words("mediation_effort_nouns"):
                ent = ctx.agent(c)
                if ent is not None:
                    out.append(ent.key)
            if c.dep_ in {"amod", "compound"} and head.lemma_.lower() in words("mediation_effort_nouns"):
                ent = ctx.agent(c)
                if ent is not None:
                    out.append(ent.key)
        t = head
    # "X and Y have been leading the American effort to forge ...": those who lead the effort
    for anc in tok.ancestors:
        if anc.lemma_.lower() in words("mediation_effort_nouns"):
            verb = anc.head
            if verb.pos_ in {"VERB", "AUX"}:
                for c in verb.children:
                    if c.dep_ == "nsubj":
                        out += _agents_in(ctx, subtree_span(c))
            break
    return list(dict.fromkeys(out))


def _restart_trigger(tok: Token) -> bool:
    """"trying to relaunch negotiations", "to revive the talks": a third party's effort."""
    return tok.lemma_.lower() in words("restart_verbs") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in words("meeting_nouns") for c in tok.children)


def _mediation_trigger(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in {"mediate", "broker", "facilitate"} or tok.lower_ in {"brokered", "mediated", "mediating", "brokering"}:
        return True
    if tok.pos_ == "NOUN" and (lemma in words("mediation_nouns") or tok.lower_ in words("mediation_nouns")):
        return True
    if lemma in {"forge", "secure", "negotiate"} and tok.head.lemma_.lower() in words("mediation_effort_nouns"):
        return True
    return False


def extract_mediations(ctx: DocContext) -> Iterator[MediationRecord]:
    by_mediator: dict[str, dict] = {}
    order: list[str] = []
    restarts: list[Token] = []

    def add(sent: Span, mediators: list[str], parties: list[str], goal: str | None) -> None:
        states = [m for m in mediators if ctx.entities.entities[m].kind != PERSON]
        persons = [m for m in mediators if ctx.entities.entities[m].kind == PERSON]
        for p in persons:
            aff = ctx.entities.entities[p].affiliation_key
            if aff and aff not in states:
                states.append(aff)
        for state in states:
            rec = by_mediator.get(state)
            if rec is None:
                rec = by_mediator[state] = {"mediators": [state], "parties": [], "goals": [], "sents": []}
                order.append(state)
            for p in persons:
                if ctx.entities.entities[p].affiliation_key in {state, None} and p not in rec["mediators"]:
                    rec["mediators"].append(p)
            rec["parties"] += [p for p in parties if p not in rec["parties"] and p not in states and p != state]
            if goal and goal not in rec["goals"]:
                rec["goals"].append(goal)
            if sent not in rec["sents"]:
                rec["sents"].append(sent)

    for sent in ctx.doc.sents:
        for tok in sent:
            if _restart_trigger(tok):
                restarts.append(tok)
                continue
            if not _mediation_trigger(tok):
                continue
            mediators = _mediators_of(ctx, tok)
            if not mediators:
                continue
            parties = _between(ctx, subtree_span(clause_head(tok))) or _between(ctx, sent)
            goal = _goal(tok)
            head = tok.head
            if goal is None and head.pos_ == "NOUN" and head.lemma_.lower() in words("meeting_nouns"):
                goal = _talks_goal(head)
            elif goal is None and head.pos_ == "NOUN" and head.lemma_.lower() in words("goal_nouns"):
                goal = _np_text(head)
            if not parties:
                # "US-brokered talks between ..." or the talks' sides: the other agents of the clause
                parties = [k for k in _agents_in(ctx, subtree_span(clause_head(tok))) if k not in mediators
                           and ctx.entities.entities[k].kind != PERSON]
            add(sent, mediators, parties, goal)

    # "X flew in, trying to revive the talks": X mediates between the parties the
    # document names, provided X is not one of them
    known_parties = [p for state in order for p in by_mediator[state]["parties"]]
    for tok in restarts:
        parties = _between(ctx, subtree_span(tok)) or list(dict.fromkeys(known_parties))
        sides = {_side(ctx, p) for p in parties}
        mediators = [m for m in _mediators_of(ctx, tok) if _side(ctx, m) not in sides]
        if parties and mediators:
            talks = next(c for c in tok.children if c.dep_ == "dobj")
            add(tok.sent, mediators, parties, _talks_goal(talks))

    fallback = _document_talks_goal(ctx)
    for state in order:
        rec = by_mediator[state]
        goals = rec["goals"] or ([fallback] if fallback else [])
        yield MediationRecord(
            evidence=DocContext.evidence(*rec["sents"]),
            mediators=tuple(rec["mediators"]),
            parties=tuple(rec["parties"]),
            goals=tuple(goals),
        )


# -- demands -----------------------------------------------------------------

def _clause_text(tok: Token) -> str:
    span = subtree_span(tok)
    text = span.text
    for sep in ("—", "–", " -- "):
        text = text.split(sep)[0]
    return text.strip(" ,.;:").removeprefix("that ")


_ASIDES = {"relcl", "acl", "appos", "advcl", "parataxis"}


def _compact_clause(tok: Token) -> str:
    """A demanded clause without its asides: "pull back what it described as significant
    levels of forces and equipment, including tanks, deployed in X" -> "pull back
    significant levels of forces and equipment"."""
    keep: list[Token] = []

    def walk(t: Token, top: bool) -> None:
        if not top and (t.dep_ in _ASIDES or (t.dep_ == "prep" and t.lower_ in {"including", "like"})):
            return
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
    return text.replace(" - ", "-").strip(" ,.;:")


def _antecedent(ctx: DocContext, pron: Token):
    """"..., he said": the person a third-person pronoun refers to, the last person named as
    a subject before it outside quotation marks, in this sentence or the two before."""
    if pron.pos_ != "PRON" or pron.lower_ not in {"he", "she"}:
        return None
    start = pron.sent.start
    for _ in range(2):
        if start > 0:
            start = ctx.doc[start - 1].sent.start
    quoted, found = False, None
    for t in ctx.doc[start : pron.i]:
        if t.text in {"“", "”", '"'}:
            quoted = t.text == "“" or (t.text == '"' and not quoted)
            continue
        if t.is_space and "\n" in t.text:
            quoted = False  # quotations left open end with their paragraph
        ent = ctx.agent(t)
        if not quoted and ent is not None and ent.kind == PERSON and t.dep_ in {"nsubj", "nsubjpass", "appos"}:
            found = ent
    return found


def _subject_agent(ctx: DocContext, subj: Token, *, head_first: bool = False) -> list[str]:
    """The agent a subject names, or the person its pronoun refers to; with ``head_first``
    the head's own entity wins ("Colombian President Gustavo Petro": the person)."""
    head = ctx.agent(subj) if head_first else None
    found = [head.key] if head is not None else _agents_in(ctx, subtree_span(subj))
    if not found and (ante := _antecedent(ctx, subj)) is not None:
        found = [ante.key]
    return found[:1]


def _demanders(ctx: DocContext, tok: Token) -> list[str]:
    t = tok
    for _ in range(5):
        subj = [c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subj:
            found = _subject_agent(ctx, subj[0])
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
            return (ent.label if ent is not None else _phrase(objs[0])) + " "
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
        return (_addressee(ctx, tok) + _compact_clause(_stand_in(tok)).removeprefix("to ")).strip()
    if tok.dep_ == "pobj" and tok.pos_ in {"NOUN", "PROPN"}:
        # "A halting its mobilization": the gerund's subject is the object of "to"
        ger = [c for c in tok.children if c.dep_ in {"acl", "relcl"} and c.tag_ == "VBG"]
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if not ger and nxt is not None and nxt.tag_ == "VBG" and nxt.head.i < tok.i:
            ger = [nxt]  # the parser hung the gerund on an earlier noun
        if ger:
            return f"{tok.text} {_clause_text(ger[0])}"
    return _clause_text(tok)


def _noun_demands(ctx: DocContext, sent: Span) -> list[tuple[str, list[str]]]:
    """"X's call for allies to apply sanctions", "the demand that ...": a demand noun and its owner."""
    found = []
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in words("demand_nouns"):
            continue
        owner = [c for c in tok.children if c.dep_ == "poss"]
        by = _agents_in(ctx, subtree_span(owner[0])) if owner else _demanders(ctx, tok)
        for c in tok.children:
            if c.dep_ in {"acl", "ccomp", "relcl"} and c.pos_ == "VERB" and c.dep_ != "relcl":
                subj = [p for x in tok.children if x.dep_ == "prep" and x.lower_ == "for" for p in x.children if p.dep_ == "pobj"]
                label = ((subj[0].text + " ") if subj else "") + _clause_text(c).removeprefix("to ")
                found.append((label.strip(), by[:1]))
    return found


def _speakers(ctx: DocContext, verb: Token) -> list[str]:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return _subject_agent(ctx, subj, head_first=True) if subj is not None else []


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
        sides = {by[0], _side(ctx, by[0])}
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            subj = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            party = ctx.agent(subj) if subj is not None else None
            quoted = clause.left_edge.i > 0 and ctx.doc[clause.left_edge.i - 1].text in {"“", '"', "‘"}
            if party is not None and _side(ctx, party.key) not in sides and _obliged(clause) is not None:
                out.append((_compact_clause(clause), by))
            elif subj is None and clause.tag_ == "VB" and (quoted or clause.left_edge.text in {"“", '"'}):
                out.append((_compact_clause(clause), by))
            for t in clause.subtree:
                if t.lower_ == "of" and any(c.lower_ == "instead" for c in t.children):
                    out += [(_compact_clause(g), by) for g in t.children if g.dep_ == "pcomp" and g.tag_ == "VBG"]
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
                    label = _clause_text(cond).removeprefix("if ").strip()
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
                    rejecters += _agents_in(ctx, subtree_span(subj[0]))
        for label, by in found:
            rej = [r for r in rejecters if r not in by]
            yield DemandRecord(
                evidence=DocContext.evidence(sent),
                label=label,
                demanded_by=tuple(by),
                rejected_by=tuple(dict.fromkeys(rej)),
            )
