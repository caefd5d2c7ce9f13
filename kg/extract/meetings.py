"""Meetings: talks, summits, visits, signings and calls, held, planned, cancelled or postponed.

A meeting starts at a meeting noun or verb ("talks", "summit", "met", "will meet"),
a call ("X's call with Y", "spoke by phone with Y", "A and B spoke by phone"), a
signing by two sides, a reception of an official ("received Egypt's foreign minister")
or a delegation or envoys arriving somewhere. News conferences, cabinet sessions,
visits to a site and meeting resistance are none; neither are talks refused or asked
for. Its place is a place governed by a locative preposition in the trigger's clause
(not one in its purpose or topic), or the host's country for visiting guests; its
status comes from tense and modality ("will", "is expected to", a date after
publication, "could eventually", an offer, talks agreed to -> planned; "derailed",
"called off", "cancelled" -> cancelled; "postponed", "pushed back" -> postponed); its
participants are the agents of the clause (the subject of the verb it depends on, the
antecedent of "who met", teller and hearer of "told X in a call") and the affiliations
of the people among them. Mentions of one meeting (same place, or no place and the same
sides) are folded into one record, unless told as a separate meeting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Iterator

from spacy.tokens import Span, Token

from kg.extract.actors import (
    agents_in, only_reports, phrase_agents, phrase_tokens, place_country, reported_speaker, side_of, sides_of,
    speech_head,
)
from kg.extract.attack_places import is_attack_word, is_violence_verb
from kg.extract.context import (
    DocContext, clause_head, counted_in_a_run, infinitive_of_purpose, rejects, sentence_lemmas, shared_subject,
    subtree_span, takes_to, words,
)
from kg.extract.diplomatic_triggers import (
    call_partners, call_trigger, callees, mediation_trigger, meeting_triggers, modality, signatories_head,
    signing_trigger, topic_of,
)
from kg.extract.wording import is_future, speech_date
from kg.lexicon import diplomacy_words, word_set
from kg.records import COUNTRY, PERSON, MeetingRecord
from kg.vocab import CANCELLED, HELD, PLANNED, POSTPONED
from kg.resolve.dates import WEEKDAYS, DateWindow
from kg.resolve.numbers import parse_number
from kg.resolve.places import gazetteer


@dataclass
class Mention:
    """One mention of a meeting while the document is read; mentions of one meeting fold."""

    place: str | None
    date: DateWindow | None
    planned: bool
    parts: list[str]
    sents: list[Span]
    trigger: Token
    status: str | None = None  # CANCELLED or POSTPONED where the text says so
    modality: str | None = None
    separate: bool = False  # "also met ... for a separate discussion": not folded into another
    hosted: bool = False  # the place is the host's country, a participant too
    host: str | None = None  # who hosts it, where the text says so ("X will host a summit")


def _locative_place(ctx: DocContext, t: Token) -> str | None:
    """The place a locative object names: "in X", "to X" after a motion verb, "in the city of X"."""
    if t.dep_ != "pobj":
        return None
    prep = t.head
    if prep.lower_ == "of" and prep.head.lemma_.lower() in words("place_nouns") and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "in the southwestern city of X"
    if prep.lower_ not in {"in", "at", "to"}:
        return None
    if prep.lower_ == "to" and prep.head.lemma_.lower() not in words("motion_verbs") | words("visit_verbs"):
        return None  # "flew to X", "a visit to X"
    ent = ctx.place(t)
    if ent is None and t.pos_ == "NOUN" and t.lemma_.lower() in words("place_nouns"):
        # "in the Kenyan capital Nairobi", "to the port city Aden", "to the Omani capital, Muscat,":
        # the name right after the place noun, in apposition (not a bracket's region: "X village
        # (District, Region)")
        after = t.i + 2 if t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == "," else t.i + 1
        ent = next((e for c in t.children if c.dep_ == "appos" and c.left_edge.i == after
                    and (e := ctx.place(c)) is not None), None)
    return ent.key if ent is not None else None


def _meeting_place(ctx: DocContext, trigger: Token, others: tuple[Token, ...] = ()) -> str | None:
    """Where a meeting is held: a locative attached to the trigger or to its clause first
    ("will meet in X"), then one deeper in the trigger's own phrase ("talks ... in X")."""
    head = clause_head(trigger)
    near = [trigger] + ([head] if head != trigger else [])
    if head.dep_ in {"advcl", "xcomp"} and head.head.lemma_.lower() in diplomacy_words("arrival_verbs"):
        near.append(head.head)  # "flew to X to meet officials": where they went to meet
    for scope in near:
        if scope.pos_ == "VERB" and scope.lemma_.lower() in words("visit_verbs"):
            # "is due to visit Mogadishu for talks": the city visited
            place = next((ctx.place(c) for c in scope.children if c.dep_ == "dobj" and ctx.place(c) is not None), None)
            if place is not None:
                return place.key
        for c in scope.children:
            sidelines = any(p.lemma_.lower() in diplomacy_words("sidelines_nouns") for p in c.children)
            if c.dep_ == "prep" and (c.lower_ not in words("topic_preps") or sidelines):  # "talks on the sidelines of"
                for p in c.children:
                    for t in [p] + [x for x in p.subtree if x.dep_ == "pobj" and x.head.lower_ == "of"]:
                        key = _locative_place(ctx, t) or _sidelines_place(ctx, p, t)
                        if key:
                            return key
    for scope in near:
        for t in subtree_span(scope):
            key = _locative_place(ctx, t)
            if not key:
                continue  # the checks below only tell which of the places named is the venue
            if (_in_topic(t, scope) and not _venue_after_the_topics_place(ctx, t)) or any(
                    o != trigger and o in t.ancestors and o not in trigger.ancestors for o in others):
                continue  # "the talks come after rounds held in X": X is the rounds' place
            if any(a not in trigger.ancestors and a != trigger and (is_violence_verb(a) or is_attack_word(a))
                   for a in _path(t, scope)):
                continue  # "suspended talks after the rebels attacked a base in X": X is the attack's place
            if any(a.dep_ == "conj" and a.pos_ in {"VERB", "AUX"} and a not in trigger.ancestors
                   and any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in a.children) for a in _path(t, scope)):
                continue  # "X had been awaited at the meeting, but it was unclear whether he was in Y": another clause
            if any(a.dep_ == "relcl" and a.head != trigger and trigger not in a.subtree
                   and (ctx.agent(a.head) is not None or a.head.lemma_.lower() in word_set("violence_words.json", "armed_actor_nouns"))
                   for a in _path(t, scope)):
                continue  # "came amid accusations of backing the rebels, who hold X": a clause on someone else
            if any(a.dep_ == "prep" and a.lower_ in {"after", "before", "since", "following"} and a not in trigger.ancestors
                   and not any(x.lemma_.lower() in words("meeting_nouns") for x in a.subtree) for a in _path(t, scope)):
                # "the trip follows by weeks the collapse of a truce in X": when, by another event (not
                # "agreed on a truce after a meeting in X")
                continue
            return key
    return None


def _venue_after_the_topics_place(ctx: DocContext, t: Token) -> bool:
    """"a summit on the crisis in Sudan in Addis Ababa": a second "in" on the topic's noun, naming a
    place outside the country of the first, is where the meeting is held."""
    prep = t.head
    if t.dep_ != "pobj" or prep.lower_ != "in" or (here := ctx.place(t)) is None:
        return False
    if prep.head.dep_ == "pobj" and prep.head.head.lower_ == "in":
        first = prep.head  # "on the war in Somalia in Mombasa", the second "in" hung on the first place
    else:
        first = next((p for c in prep.head.children if c.dep_ == "prep" and c.lower_ == "in" and c.i < prep.i
                      for p in c.children if p.dep_ == "pobj"), None)
    there = ctx.place(first) if first is not None else None
    if there is None or there.key == here.key:
        return False
    countries = {place_country(ctx, there.key), there.key}
    return place_country(ctx, here.key) not in countries


def _sidelines_place(ctx: DocContext, noun: Token, gathering: Token) -> str | None:
    """"held talks on the sidelines of the summit in Prague": where the gathering was held."""
    if noun.lemma_.lower() not in diplomacy_words("sidelines_nouns") or gathering is noun:
        return None
    return next((key for c in gathering.children if c.dep_ == "prep" and c.lower_ in {"in", "at"}
                 for p in c.children if p.dep_ == "pobj" and (key := _locative_place(ctx, p))), None)


_HOLDING = frozenset({"begin", "start", "open", "take", "hold", "convene", "resume", "continue", "run", "be",
                      "meet", "attend", "travel", "go", "fly", "arrive", "visit", "gather"})


def _in_topic(tok: Token, scope: Token) -> bool:
    """Whether ``tok`` sits in a topic phrase below ``scope`` ("a summit on the crisis in X")."""
    for a in tok.ancestors:
        if a == scope:
            return False
        if a.dep_ == "prep" and a.lower_ in words("topic_preps"):
            return True
        if a.dep_ in {"advcl", "xcomp", "acl"} and a.pos_ == "VERB" and a.lemma_.lower() not in _HOLDING \
                and takes_to(a) \
                and any(c.dep_ in {"dobj", "ccomp"} for c in a.children):
            return True  # "met to discuss a deal to end the war in X"; not "due to begin in X"
    return False


def _meeting_date(ctx: DocContext, trigger: Token, sent: Span, future: bool) -> DateWindow | None:
    best = None
    for ent in sent.ents:
        told = ent.root.head.head if ent.root.head.pos_ == "ADP" else ent.root.head
        if ent.label_ not in {"DATE", "TIME"} or speech_date(ent) and told != trigger:  # "X called Y on Thursday"
            continue
        if _since_clause(ent.root):
            continue  # "the first visit since the war began in 2015": when a span began, not the meeting
        if _told_of_a_side(ctx, ent.root, trigger):
            continue  # "talks with the ELN, which has fought since the 1960s": the group's past, not the talks'
        if any(a.dep_ in {"relcl", "acl"} and a.head.lemma_.lower() in words("war_toll_nouns") and trigger not in a.subtree
               for a in ent.root.ancestors):
            continue  # "talks to end the war, which has displaced millions since April": the war's span
        if _offered_apart(trigger, told):
            continue  # "offered on Monday to host talks": the day of the offer, not of the talks
        if any(t.lemma_.lower() in {"deadline", "anniversary", "birthday"} for t in (ent.root.head, told)):
            continue  # "face an April 30 deadline for a final accord": a deadline's day, no meeting's
        dist = abs(ent.root.i - trigger.i)
        # "was cancelled on Sunday": a day told with a past verb is past, whatever the meeting's status
        verb = clause_head(ent.root)
        past = verb.tag_ == "VBD" or any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in verb.children)
        past = past and not (ent.root.head == trigger and ent.root.dep_ in {"nmod", "compound", "npadvmod", "amod"})
        past = past and not (ent.root.dep_ == "pobj" and ent.root.head.lower_ == "for" and future)  # "set ... for March 3"
        # not "called off the June 30 summit": the day the meeting noun carries is the meeting's
        ref = ctx.date_of(ent, "future" if (future or _scheduled_present(verb, ent)) and not past else "past")
        if ref is not None and future and not past and _planned_in_the_past(trigger) \
                and not any(t.like_num and len(t.text) == 4 for t in ent):
            # "In a December 9 meeting, leaders agreed to organize a meeting on December 28", told in
            # January: a plan made on a day the sentence tells, for the first such day after it
            before = ctx.date_of(ent, "past")
            planning = next(a for a in list(trigger.ancestors)[:4] if a.tag_ == "VBD" and a.pos_ in {"VERB", "AUX"})
            made = [d for e in sent.ents if e != ent and e.label_ == "DATE" and e.root not in trigger.subtree
                    and planning in e.root.ancestors and (d := ctx.date_of(e, "past")) is not None]
            if before is not None and any(d.latest <= before.earliest for d in made):
                ref = before
        if ref is not None and ctx.published is not None and _going_on_since(ent.root, trigger) \
                and ref.earliest <= ctx.published:
            # "have been hosting talks since May": the talks run from then to the day of the telling
            ref = DateWindow(ref.earliest, max(ref.latest, ctx.published), ref.text)
        if ref is not None and (best is None or dist < best[0]):
            best = (dist, ref)
    return _lasting(trigger, best[1]) if best else None


def _planned_in_the_past(trigger: Token) -> bool:
    """Whether the plan of a meeting is told in the past ("agreed to organize a meeting",
    "had been set to take place"): the meeting was to come then, not necessarily now."""
    return any(a.tag_ == "VBD" and a.pos_ in {"VERB", "AUX"} for a in list(trigger.ancestors)[:4])


def _told_of_a_side(ctx: DocContext, tok: Token, trigger: Token) -> bool:
    """Whether a date lies in a relative clause on a state, group or person, not on the meeting."""
    verb = clause_head(tok)
    if verb.dep_ != "relcl" or verb.head == trigger or trigger in verb.subtree:
        return False
    noun = verb.head
    return ctx.agent(noun) is not None or any(
        a.dep_ == "prep" and a.lower_ in {"between", "with", "among"} and a.head == trigger for a in noun.ancestors)


def _offered_apart(trigger: Token, told: Token) -> bool:
    """Whether the verb a date is told on governs the meeting only through an offer or a proposal
    ("offered on Monday to host talks", "held a call on Thursday and offered to host talks"): the
    date is of the offer or of what came with it, not of the meeting."""
    if told.pos_ != "VERB" or told == clause_head(trigger) or told not in trigger.ancestors:
        return False
    markers = diplomacy_words("possibility_markers")
    for anc in trigger.ancestors:
        if anc.pos_ == "VERB" and anc.lemma_.lower() in markers:
            return True
        if anc == told:
            break
    return False


def _since_clause(tok: Token) -> bool:
    """Whether a date tells when a run began that a meeting is counted in ("the first talks since
    the truce collapsed in 2021", "their first meeting since 2019"), not the day of the meeting.
    Not "have been hosting talks since May": talks going on since then."""
    for a in (tok, *tok.ancestors):
        if a.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in a.children):
            return True
        if a.lower_ == "since" and a.dep_ == "prep" and a.head.pos_ == "NOUN" and counted_in_a_run(a.head):
            return True
    return False


def _going_on_since(tok: Token, trigger: Token) -> bool:
    """Whether a date is the start of talks still going on: "since May" in the talks' own clause,
    with its verb in the perfect ("have been sponsoring talks since May"); not "talks with X,
    which has fought since the 1960s"."""
    prep = tok.head
    if prep.lower_ != "since" or prep.dep_ != "prep":
        return False
    verb = clause_head(prep)
    return verb == clause_head(trigger) and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _scheduled_present(verb: Token, ent: Span) -> bool:
    """"The summit opens on Saturday", "talks resume in Jeddah on Sunday": a day of the week told
    with a verb in the simple present is the coming one, as a timetable tells it."""
    return verb.tag_ in {"VBZ", "VBP"} and verb.pos_ == "VERB" and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children) \
        and any(t.lower_ in WEEKDAYS for t in ent)


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
        # not who took part in what it came after ("met X, a day after talks with Y")
        later = {t.i for p in tok.subtree if p.dep_ == "prep" and p.lower_ in {"after", "before", "following"}
                 for t in p.subtree}
        tokens.extend(t for t in phrase_tokens(tok) if t.i not in later)

    brokered = any(c.dep_ == "amod" and c.tag_ == "VBN" and mediation_trigger(c) for c in trigger.children)
    for c in trigger.children:
        if c.dep_ in {"amod", "compound", "poss", "nmod"} and not mediation_trigger(c) \
                and not (brokered and c.dep_ in {"compound", "nmod"}):
            take(c)  # "US-brokered talks", "a Qatar brokered meeting": the broker need not sit at the table
        if c.dep_ == "prep" and c.lower_ in {"with", "between", "among"}:
            take(c)
            withs = True
        if c.dep_ == "prep" and c.lower_ in {"in", "at"}:  # "talks in X between A and B": hung on the place
            for p in c.children:
                for q in p.children:
                    if q.dep_ == "prep" and q.lower_ in {"between", "among"}:
                        take(q)
                        withs = True
    if trigger.pos_ == "VERB" and trigger.dep_ == "acl" and signing_trigger(trigger):
        # "A and the leader of B, Y, signed in X ...", parsed as a clause on the last name
        take(signatories_head(trigger))
    if trigger.pos_ == "VERB" and call_trigger(trigger):
        for t in call_partners(trigger):
            take(t)
            withs = True
    if trigger.lemma_.lower() == "discuss":  # "discussed proposals ... with X": the parser may hang "with" low
        for t in trigger.subtree:
            if t.dep_ == "prep" and t.lower_ == "with" and t.head != trigger \
                    and t.head.lemma_.lower() not in diplomacy_words("conflict_nouns"):
                take(t)  # "a deal to end X's war with Y": Y is not at the table
    subject = False
    # "X told Y in a phone call": the telling is the call, its teller and hearer take part
    told_in = trigger.dep_ == "pobj" and trigger.head.head == head and trigger.head.lower_ in {"in", "during", "over"}
    speech = head.lemma_.lower() in words("speech_verbs") and not _acts_on(head, trigger) and not told_in \
        and not (head == trigger and call_trigger(trigger))  # "X called Y": the caller takes part
    for c in head.children:
        if c.dep_ in {"nsubj", "nsubjpass"} and c != trigger and not speech:
            take(c)
            subject = True
            if c.tag_ in {"WP", "WDT"} and head.dep_ == "relcl":  # "X, who met Y in Z"
                take(head.head)
            if c.lower_ == "they" and head.dep_ == "ccomp" and head.head.lemma_.lower() in words("speech_verbs"):
                # "A and B said that they accepted an invitation to talks": those who said it
                for s in head.head.children:
                    if s.dep_ == "nsubj":
                        take(s)
        if told_in and c.dep_ in {"dobj", "dative"}:
            take(c)
        if c.dep_ == "prep" and c.lower_ in {"with", "between", "among"}:
            take(c)
            withs = True
        if c.dep_ == "prep" and head != trigger:  # "are set for March 3-5 between A and B": hung on the time
            for q in (q for p in c.children if p.ent_type_ in {"DATE", "TIME"} for q in p.children):
                if q.dep_ == "prep" and q.lower_ in {"between", "among"}:
                    take(q)
                    withs = True
        if head == trigger and (c.dep_ == "dobj" or c in callees(trigger) and call_trigger(trigger)):
            take(c)
    if head.dep_ in {"advcl", "xcomp", "conj", "pcomp"} and not any(c.dep_ == "nsubj" for c in head.children):
        gov = head.head.head if head.dep_ == "pcomp" else head.head  # "After meeting X in Y, Z said"
        if gov.dep_ == "acomp" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in gov.children):
            gov = gov.head  # "A and B are due to meet"
        for _ in range(3):  # "X is leading the effort to end the war and met Y": the subject up the chain
            if any(c.dep_ in {"nsubj", "nsubjpass"} for c in gov.children) or gov.dep_ not in {"xcomp", "conj", "advcl", "acl"}:
                break
            gov = gov.head.head if gov.dep_ == "acl" and gov.head.dep_ == "dobj" else gov.head
        for c in gov.children:
            if c.dep_ in {"nsubj", "nsubjpass"}:  # "A and B are expected to hold talks"
                take(c)
    found = [k for k in agents_in(ctx, tokens) if not only_reports(ctx, k)]
    if withs and not subject:
        speaker = speech_head(trigger)
        if speaker is not None:  # the side the speaker acts for
            found += [side_of(ctx, k) for c in speaker.children if c.dep_ == "nsubj"
                      for k in agents_in(ctx, subtree_span(c)) if side_of(ctx, k) not in found]
    return _with_affiliations(ctx, found)


def _another_act(trigger: Token) -> bool:
    """"met X in Y and later spoke by phone with Z": a verb joined to another is an act of its own."""
    return trigger.pos_ == "VERB" and trigger.dep_ == "conj" and trigger.head.pos_ == "VERB" and call_trigger(trigger)


def _joined_apart(inner: Token, outer: Token) -> bool:
    """"X spoke by phone with Y and offered to host new talks": a meeting word in a verb clause
    joined to the other one's is told of another act."""
    t = inner
    while t != outer and t.head != t:
        if t.dep_ == "conj" and t.pos_ == "VERB" and t.head.pos_ == "VERB":
            return True
        if t.dep_ in {"pcomp", "pobj"} and t.head.lower_ in {"after", "before", "following"} and (
                t.head.head == outer or t.head.head.dep_ == "npadvmod" and t.head.head.head == outer
                or t.head.head.ent_type_ in {"DATE", "TIME"}):  # "a day" hung on the name before it
            return True  # "met X in Y, a day after talks in Z": the talks before, a meeting of their own
        if t.dep_ == "relcl" and t.head != outer and any(x.ent_type_ in {"DATE", "TIME"} for x in t.subtree):
            # "flew to X to press a truce, which Y accepted last week at talks with Z": talks of their own
            # time are another's (not "a visit to X, where he met Y")
            return True
        t = t.head
    return False


def _one_call_each(ctx: DocContext, trigger: Token, parts: list[str]) -> list[list[str]]:
    """"X called A and B": a call is between two, so one call with each callee, and the caller's
    side in each; any other meeting is one with all its participants."""
    objs = callees(trigger) if trigger.pos_ == "VERB" and call_trigger(trigger) else []
    if not objs and trigger.pos_ == "VERB" and trigger.lemma_.lower() in {"speak", "talk"} and call_trigger(trigger):
        # "X spoke with A and B by phone", "spoke by phone with A and with B": one call with each
        preps = call_partners(trigger)
        preps += [c for p in preps for c in p.conjuncts if c.dep_ == "conj" and c.lower_ in {"with", "to"}]
        objs = [o for p in preps for o in p.children if o.dep_ == "pobj"]
    called = [o for o in objs for o in [o, *o.conjuncts]]
    if len(called) < 2:
        return [parts]
    own = [_with_affiliations(ctx, agents_in(ctx, [t for t in phrase_tokens(o) if not any(
        t in c.subtree for c in o.children if c.dep_ in {"conj", "cc"})])) for o in called]
    everyone_called = {k for agents in own for k in agents}
    caller = [k for k in parts if k not in everyone_called]
    return [caller + [k for k in agents if k not in caller] for agents in own if agents]


def _with_affiliations(ctx: DocContext, keys: list[str]) -> list[str]:
    """Agents, then the sides their people belong to."""
    out = list(keys)
    for k in keys:
        ent = ctx.entities.entities[k]
        if ent.kind == PERSON and ent.affiliation_key and ent.affiliation_key not in out:
            out.append(ent.affiliation_key)
    return out


def _acts_on(verb: Token, trigger: Token) -> bool:
    """"called off the talks": a verb acting on the meeting (its object, with a particle) is
    no telling of it, though "call" can be a speech verb."""
    return trigger.dep_ == "dobj" and trigger.head == verb and any(c.dep_ == "prt" for c in verb.children)


def _verb_place(ctx: DocContext, verb: Token) -> str | None:
    """"was in X", "will go to X": the place a verb's locative object names."""
    return next((k for c in verb.children if c.dep_ == "prep" for t in c.children
                 if (k := _locative_place(ctx, t))), None)


def _visits(ctx: DocContext, sent: Span) -> list[Mention]:
    """"He told X's Prime Minister Y, who was in Nairobi, ...": an official present in another
    country's city, in exchange with someone there, is a visit (a meeting at that place)."""
    out = []
    if words("visit_verbs").isdisjoint(sentence_lemmas(sent)):
        return []
    for verb in sent:
        if verb.lemma_.lower() not in words("visit_verbs") or verb.pos_ not in {"VERB", "AUX"}:
            continue
        who = verb.head if verb.dep_ == "relcl" else next((c for c in verb.children if c.dep_ == "nsubj"), None)
        person = ctx.agent(who) if who is not None else None
        if person is None or person.kind != PERSON:
            continue
        place = _verb_place(ctx, verb)
        if place is None or side_of(ctx, person.key) in {person.key, place_country(ctx, place)}:
            continue
        host_verb = who.head if who.dep_ in {"dobj", "dative"} else None
        if host_verb is None or host_verb.pos_ != "VERB":
            continue
        hosts = [k for c in host_verb.children if c.dep_ == "nsubj" for k in agents_in(ctx, subtree_span(c))]
        if not hosts:
            continue
        parts = hosts + [person.key]
        parts += [a for k in parts if (a := ctx.entities.entities[k].affiliation_key) and a not in parts]
        future = is_future(ctx, verb, None)
        out.append(Mention(place, _meeting_date(ctx, verb, sent, future), future, parts, [sent], verb))
    return out


def _join_travellers(ctx: DocContext, sent: Span, found: list[Mention]) -> None:
    """"Y will go to Baku on Monday, and Z will also be there for talks": people travelling
    to the place of a meeting already read take part in it."""
    if words("motion_verbs").isdisjoint(sentence_lemmas(sent)):
        return
    for verb in sent:
        if verb.lemma_.lower() not in words("motion_verbs") or verb.pos_ != "VERB":
            continue
        place = _verb_place(ctx, verb)
        future = is_future(ctx, verb, None)
        meeting = next((m for m in found if place and m.place == place and m.planned == future), None)
        if meeting is None:
            continue
        for v in [verb] + list(verb.conjuncts):
            for c in v.children:
                if c.dep_ != "nsubj":
                    continue
                ent = ctx.agent(c) or reported_speaker(ctx, c)
                if ent is not None and ent.kind == PERSON and ent.key not in meeting.parts:
                    meeting.parts.append(ent.key)
                    if sent not in meeting.sents:
                        meeting.sents.append(sent)


def _join_speakers(ctx: DocContext, sent: Span, found: list[Mention]) -> None:
    """"X met visiting Z officials ... X told Z's envoys A and B that ...": right after a
    meeting, people of its sides speaking to each other are at that meeting."""
    last = found[-1] if found else None
    if last is None or last.sents[-1].end != sent.start and last.sents[-1] != sent:
        return
    sides = sides_of(ctx, last.parts) | ({last.place} if last.hosted else set())
    for verb in sent:
        if verb.lemma_.lower() not in {"tell", "brief", "assure", "inform"} or verb.pos_ != "VERB":
            continue
        talkers = [k for c in verb.children if c.dep_ in {"nsubj", "dobj", "dative"}
                   for k in agents_in(ctx, phrase_tokens(c))]
        people = [k for k in talkers if ctx.entities.entities[k].kind == PERSON]
        # people of the meeting's sides, or named with no side of their own ("Cairo's envoys A and B")
        if len(people) < 2 or not all(side_of(ctx, k) in sides or not ctx.entities.entities[k].affiliation_key
                                      for k in people):
            continue
        if not all(k in sides for k in talkers if ctx.entities.entities[k].kind != PERSON):
            continue
        last.parts += [k for k in people if k not in last.parts]
        if sent not in last.sents:
            last.sents.append(sent)


def _two_sides(ctx: DocContext, parts: list[str]) -> bool:
    """Two sides or more: two states, or two organizations of one state (an army and the
    militia it fights)."""
    orgs = {k for k in parts if ctx.entities.entities[k].kind != PERSON}
    return len(sides_of(ctx, parts)) >= 2 or len(orgs) >= 2


def _among_itself(trigger: Token) -> bool:
    """"The cabinet held an emergency meeting": one body meeting among itself, with no one else."""
    head = clause_head(trigger)
    inward = diplomacy_words("inward_meeting_words")
    if any(c.dep_ == "prep" and c.lower_ in {"with", "between", "among"} for c in (*trigger.children, *head.children)):
        return False
    # "the cabinet", "the party": one body; "the (warring) parties" are several sides
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in inward and c.tag_ != "NNS" for c in head.children)


def _people_meet(verb: Token) -> bool:
    """"The two leaders could meet", "would meet him": officials or people meet, though unnamed."""
    head = clause_head(verb)
    subjects = [c for v in (verb, head, head.head) for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}]
    people = diplomacy_words("official_nouns") | diplomacy_words("delegation_nouns") | diplomacy_words("party_nouns")
    met = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in {"him", "her", "them"}]  # "would meet him"
    return bool(met) or any(s.lemma_.lower() in people for s in subjects)


def _visits_a_capital(ctx: DocContext, verb: Token, place: str) -> bool:
    """"X visited Moscow", "made repeated visits to Kyiv" (CAMEO 042, make a visit): a visit to
    another country's capital is to its government."""
    if verb.lemma_.lower() != "visit":
        return False
    if verb.pos_ == "NOUN" and not any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
        return False  # "a visit in Kyiv": where it was, not whom
    ent = ctx.entities.entities.get(place)
    seat = gazetteer().seat_of_power(ent.label) if ent is not None else None
    return seat is not None and ent.country_key == f"country:{seat.iso2}"


def _visits_a_thing(ctx: DocContext, verb: Token) -> bool:
    """"visited a drone factory", "met fierce resistance", "met the accusations with scorn":
    a visit to, or a meeting with, what is neither a party, nor a place, nor people is no
    meeting of parties."""
    if verb.lemma_.lower() == "visit" and verb.pos_ == "NOUN":  # "a visit to the front line"
        dest = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
        near = [t for o in dest for t in o.subtree if not any(a.dep_ == "prep" for a in _path(t, o))]
        people = diplomacy_words("official_nouns") | diplomacy_words("party_nouns") | words("group_nouns")
        return bool(dest) and not any(ctx.agent(t) is not None or ctx.place(t) is not None or t.pos_ == "PROPN"
                                      or t.lemma_.lower() in people for t in near)
    if verb.lemma_.lower() not in {"visit", "meet"}:
        return False
    if verb.lemma_.lower() == "meet" and any(c.dep_ == "nsubj" and c.conjuncts for c in verb.children):
        return False  # "A and B met face to face": they met each other
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    people = diplomacy_words("official_nouns") | diplomacy_words("delegation_nouns") | words("group_nouns")
    people |= diplomacy_words("party_nouns") | diplomacy_words("envoy_words") | words("mediation_nouns")
    # what was met is its head noun ("the RSF advance": an advance), named before any preposition
    # ("resistance from the rebels": resistance)
    if any(o.pos_ == "NOUN" and ctx.agent(o) is None and ctx.place(o) is None
           and not {o.lemma_.lower(), o.lower_} & people for o in objs):
        return True
    near = [t for o in objs for t in o.subtree if not any(a.dep_ == "prep" for a in _path(t, o))]
    return bool(objs) and not any(
        ctx.agent(t) is not None or ctx.place(t) is not None or t.pos_ in {"PRON", "PROPN"}
        or t.lemma_.lower() in people for t in near)


def _path(tok: Token, top: Token) -> list[Token]:
    """The tokens from ``tok`` up to ``top``, ``top`` left out."""
    out = []
    while tok != top and tok.head != tok:
        out.append(tok)
        tok = tok.head
    return out


def _purpose_of(inner: Token, outer: Token) -> bool:
    """"held a call with X to discuss Y": a meeting verb in the purpose clause of the verb that
    holds another meeting tells what that meeting is for."""
    return inner.pos_ == "VERB" and inner.dep_ in {"advcl", "xcomp"} and outer.dep_ == "dobj" \
        and outer.head == inner.head and outer.i < inner.i \
        and takes_to(inner)


def _held_as_such(tok: Token) -> bool:
    """"rounds held this year in X": a meeting told with its own verb is a meeting of its own."""
    return any(c.dep_ == "acl" and c.lemma_.lower() in {"hold", "conduct", "host"} for c in tok.children)


def _main_sides(ctx: DocContext, found: list[Mention]) -> list[str]:
    """The sides of the first meeting read with two sides or more: the negotiation the
    article is about."""
    for m in found:
        if _two_sides(ctx, m.parts):
            return [k for k in m.parts if ctx.entities.entities[k].kind != PERSON]
    return []


def _host(ctx: DocContext, trigger: Token) -> str | None:
    """Who hosts a meeting: the subject of "host/convene" whose object it is ("Kenya will host a
    summit", "X offered to host talks"), or the agent of "hosted by" ("talks hosted by Qatar");
    a person hosts for the state or body they act for."""
    verb, agents = None, []
    hosting = diplomacy_words("host_verbs") - {"hold"}
    if trigger.pos_ == "VERB" and trigger.lemma_.lower() in hosting and any(c.dep_ == "dobj" for c in trigger.children):
        verb = trigger  # "X will host a summit" read at the verb; not "officials convened in X"
    elif trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in hosting:
        verb = trigger.head
    elif trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.dep_ == "dobj" \
            and trigger.head.head.head.lemma_.lower() in hosting:
        verb = trigger.head.head.head  # "host the next round of talks"
    if verb is not None:
        subj = shared_subject(verb)  # "offered to host", "spoke with Y and offered to host"
        agents = phrase_agents(ctx, subj) if subj is not None else []
    for acl in (c for c in trigger.children if c.dep_ == "acl" and c.lemma_.lower() in hosting):
        agents += [k for a in acl.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                   for k in phrase_agents(ctx, p)]
    for key in agents:
        ent = ctx.entities.entities[key]
        if ent.kind != PERSON:
            return key
        if ent.affiliation_key:
            return ent.affiliation_key
    return None


def _named_back(tok: Token) -> bool:
    """"The meeting", "the talks", "this summit": a meeting noun with the definite article, told
    with no sides of its own."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in tok.children) \
        and not any(c.dep_ in {"amod", "compound"} and c.lower_ in words("round_markers") | {"next", "previous", "last", "first"}
                    for c in tok.children)


def _described(tok: Token) -> bool:
    """A meeting noun that is the subject of "be" ("the meeting would be the first of many debates",
    "the talks were constructive"): what the meeting is, not when it is held."""
    return tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and tok.head.lemma_ == "be"


def _same_place(ctx: DocContext, told: str | None, place: str | None) -> bool:
    """Whether a meeting named back may be the one told at ``told``: no place, the same one, one
    the gazetteer does not know, or one that lies in it."""
    if told is None or place is None or told == place:
        return True
    ent = ctx.entities.entities.get(place)
    return ent is not None and (not ent.geonames_id and ent.country_key is None or told in ctx.entities.lies_in().get(place, ()))


def _retold(last: Mention, place: str | None, date: DateWindow | None, future: bool, sent: Span,
            described: bool = False) -> bool:
    """Fold a meeting named back into the last one told, when its day and tense agree (a meeting
    only ``described``, "the meeting would be the first of many", has no tense of its own): the
    last keeps its place unless it had none."""
    if last.sents[-1].start > sent.start or (last.planned != future and not described) \
            or not (_overlap(last.date, date) or described) or last.modality in {"phone", "video"}:
        return False
    last.place = last.place or place
    last.date = last.date or date
    if sent not in last.sents:
        last.sents.append(sent)
    return True


def _fate_of_the_last(found: list[Mention], tok: Token, date: DateWindow | None, sent: Span) -> None:
    """"The negotiations were to be held in X ... The peace talks planned for next weekend have been
    put off": a meeting noun with no place or sides of its own, called off or put off, tells the
    fate of the last meeting told, when that was still to come and the days agree."""
    fate = _called_off(tok)
    if fate is None or tok.pos_ != "NOUN" or not found:
        return
    last = found[-1]
    if last.status is not None or not last.planned or last.modality == "phone" or not _overlap(last.date, date):
        return
    last.status = fate
    last.date = last.date or date
    if sent not in last.sents:
        last.sents.append(sent)


def _add_meeting(found: list[Mention], item: Mention) -> None:
    place, date, future, sent = item.place, item.date, item.planned, item.sents[0]
    if item.separate:
        found.append(item)
        return
    same = next((m for m in found if place and m.place == place
                 and (m.planned == future or m.date is None or date is None)), None)
    if same is None and place is None:
        # one sentence, one meeting; but a call is not the meeting told beside it ("met X in Y and
        # later spoke by phone with Z")
        same = next((m for m in found if m.sents[-1] == sent and not m.separate
                     and (m.modality == "phone") == (item.modality == "phone")
                     and (m.planned == future or m.status is not None or item.status is not None)  # not "talks ... to carry out what was agreed when X met Y"
                     and _overlap(m.date, date)), None)  # not "…, which X accepted last week at talks with Y"
    if same is None:
        found.append(item)
        return
    same.date = same.date or date
    same.planned = same.planned if same.date is not None else future
    same.parts += [p for p in item.parts if p not in same.parts]
    same.status = same.status or item.status
    same.modality = same.modality or item.modality
    same.host = same.host or item.host
    if sent not in same.sents:
        same.sents.append(sent)


def _overlap(a: DateWindow | None, b: DateWindow | None) -> bool:
    return a is None or b is None or (a.earliest <= b.latest and b.earliest <= a.latest)


def _tenseless(m: Mention) -> bool:
    """An undated mention in the simple present ("Riyadh, Tehran meet for talks"), as headlines
    speak of what is about to happen as much as of what happened."""
    verb = clause_head(m.trigger)
    return m.date is None and verb.tag_ in {"VBP", "VBZ"} and not any(
        c.dep_ in {"aux", "auxpass"} for c in verb.children)


def _known_sides(ctx: DocContext, keys: list[str]) -> set[str]:
    """The sides among participants, leaving out people whom the text ties to no side."""
    ents = ctx.entities.entities
    return sides_of(ctx, [k for k in keys if ents[k].kind != PERSON or ents[k].affiliation_key])


def _fold_placeless(ctx: DocContext, found: list[Mention]) -> list[Mention]:
    """A placeless mention ("a summit on Saturday") of a meeting told elsewhere with its
    place ("a two-day summit ... in Angola") is the same meeting when it has the same
    status, a compatible date and the same sides."""
    out = [m for m in found if m.place is not None]
    for m in (m for m in found if m.place is None):
        sides = _known_sides(ctx, m.parts)
        into = None
        for p in out:
            other = _known_sides(ctx, p.parts)
            need = min(2, len(sides), len(other))
            if (p.place is not None and need and len(sides & other) >= need
                    and _overlap(m.date, p.date)
                    and not _call_beside_talks(m, p)
                    and (p.planned == m.planned or _tenseless(m) or m.status is not None and m.status == p.status)
                    and not (_proposal(m.trigger) and p.date is not None and not _proposal(p.trigger))):
                into = p
                break
        if into is not None and m.separate:
            # "also met them for a separate discussion": another meeting, at the same place
            m.place, m.date, m.hosted = into.place, m.date or into.date, into.hosted
            into = None
        if into is None:
            out.append(m)
            continue
        _absorb(into, m)
    return _one_call_told_twice(ctx, sorted(out, key=lambda m: m.sents[0].start))


def _one_call_told_twice(ctx: DocContext, found: list[Mention]) -> list[Mention]:
    """"X had a telephone conversation with Y ... 'On October 5, X had a telephone conversation
    with Y', the ministry said": one call, told twice, with the same sides on a day that agrees."""
    out: list[Mention] = []
    for m in found:
        first = next((o for o in out if m.modality in {"phone", "video"} and o.modality == m.modality
                      and o.place is None and m.place is None and not m.separate and o.status == m.status
                      and o.planned == m.planned and _overlap(o.date, m.date)
                      and len(_known_sides(ctx, m.parts)) >= 2 and _known_sides(ctx, m.parts) == _known_sides(ctx, o.parts)), None)
        if first is None:
            out.append(m)
        else:
            _absorb(first, m)
    return out


def _absorb(into: Mention, other: Mention, *, told_first: bool = False) -> None:
    """Fold another mention of the same meeting into ``into``: what ``into`` leaves unsaid, ``other``
    tells; its sentences come after ``into``'s, or before them when ``told_first`` (a headline)."""
    into.place = into.place or other.place
    into.date = into.date or other.date
    into.status = into.status or other.status
    into.modality = into.modality or other.modality
    into.host = into.host or other.host
    into.parts += [k for k in other.parts if k not in into.parts]
    if told_first:
        into.sents = other.sents + [s for s in into.sents if s not in other.sents]
    else:
        into.sents += [s for s in other.sents if s not in into.sents]


def _fold_headline(ctx: DocContext, found: list[Mention]) -> list[Mention]:
    """"Aliyev cancels planned talks with Pashinyan" over "... has cancelled a meeting with the
    Armenian prime minister that was due on Thursday": a meeting the headline tells is the first
    one the text tells that shares a side with it, at no other place or day, by the same means;
    what the headline says of it (called off, where) holds."""
    if ctx.headline is None:
        return found
    out = list(found)
    for head in [m for m in found if all(ctx.in_headline(s) for s in m.sents)]:
        sides = _known_sides(ctx, head.parts)
        body = next((m for m in out if m is not head and not any(ctx.in_headline(s) for s in m.sents)
                     and (not sides or sides & _known_sides(ctx, m.parts))
                     and (head.place is None or m.place is None or head.place == m.place
                          or place_country(ctx, m.place) == head.place)  # "... in Malaysia" over "in Kuala Lumpur"
                     and _overlap(head.date, m.date)
                     and (head.modality in {"phone", "video"}) == (m.modality in {"phone", "video"})
                     # a meeting called off in the headline is none that was held
                     and (head.status is None or m.status == head.status or m.status is None and m.planned)
                     and (head.planned == m.planned or head.status is not None or _tenseless(head))), None)
        if body is None:
            continue
        _absorb(body, head, told_first=True)
        out.remove(head)
    return out


def _call_beside_talks(call: Mention, talks: Mention) -> bool:
    """"held talks in X ... Earlier, Y said in a phone call with Z": a call is held at no place,
    so it is not the talks told elsewhere with theirs."""
    return call.modality in {"phone", "video"} and talks.place is not None and talks.modality != call.modality


def _proposal(trigger: Token) -> bool:
    """"X has proposed a direct meeting with Y", "an offer of a summit": a meeting put forward,
    not one already set; it is no mention of the talks the text dates elsewhere."""
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in diplomacy_words("propose_verbs"):
        return True
    return _offered(trigger)


def _offered(trigger: Token) -> bool:
    """"an offer of talks", "a proposal for a summit": a meeting named in an offer."""
    return trigger.dep_ == "pobj" and trigger.head.head.lemma_.lower() in diplomacy_words("offer_nouns")


def _called_off(trigger: Token) -> str | None:
    """"the talks were derailed", "cancelled the summit", "the visit was put off": a meeting
    called off (CANCELLED) or moved to a later date (POSTPONED)."""
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.lemma_.lower() in {
            "termination", "cancellation", "suspension", "collapse", "breakdown"}:
        return CANCELLED  # "declaring the termination of peace negotiations"
    verbs = [trigger.head] if trigger.dep_ in {"nsubjpass", "nsubj", "dobj"} else []
    if trigger.dep_ == "appos" and trigger.head.tag_ in {"NNS", "NN"} and trigger.head.dep_ == "ROOT":
        verbs.append(trigger.head)  # "President cancels June 12 summit": a headline's verb read as a plural noun
    if trigger.dep_ in {"nsubjpass", "nsubj"}:
        # "the talks planned for next weekend have been put off", parsed with "delayed" joined to "proposed"
        verbs += [c for c in trigger.head.children if c.dep_ == "conj" and c.tag_ == "VBN"
                  and any(a.dep_ == "auxpass" for a in c.children) and not any(a.dep_ in {"nsubj", "nsubjpass"} for a in c.children)]
    verbs += [trigger] if trigger.pos_ == "VERB" else []
    verbs += [c for c in trigger.children if c.dep_ in {"acl", "relcl"} and c.tag_ == "VBN"]
    for v in verbs:
        lemma = v.lemma_.lower()
        if trigger.dep_ == "nsubj" and v == trigger.head and lemma in {"take", "happen", "go", "proceed", "occur"} \
                and any(c.dep_ == "neg" for c in v.children):
            return CANCELLED  # "the meeting did not take place", "the talks did not go ahead"
        particle = next((c.lower_ for c in v.children if c.dep_ == "prt"
                         or (c.dep_ == "advmod" and c.lower_ in {"back", "off"})), "")  # "pushed back"
        if any(c.dep_ == "prep" and c.lower_ == "on" and any(o.lower_ == "hold" for o in c.children) for c in v.children):
            particle = "on hold"  # "the summit was put on hold"
        both = f"{lemma} {particle}".strip()
        if lemma in diplomacy_words("postpone_verbs") or both in diplomacy_words("postpone_verbs"):
            return POSTPONED
        if lemma in diplomacy_words("cancel_verbs") or both in diplomacy_words("cancel_verbs"):
            if trigger.dep_ == "nsubj" and v.tag_ != "VBN" and lemma in {"collapse", "halt"}:
                return CANCELLED  # "the talks collapsed"
            if trigger.dep_ in {"nsubjpass", "dobj"} or v == trigger.head:
                return CANCELLED
    return None


def _refused(trigger: Token) -> bool:
    """"rejecting peace talks with X", "refused to attend the summit": talks turned down;
    "called on X to negotiate", "urged both sides to meet": talks asked for, not held; "unless X
    opened talks": talks as a condition."""
    head = trigger.head
    if trigger.dep_ == "dobj" and rejects(head):
        return True
    asked = head if trigger.dep_ == "acl" else head.head if trigger.dep_ == "pobj" and head.lower_ in {"for", "to", "of"} else None
    if asked is not None and asked.lemma_.lower() in diplomacy_words("request_nouns") and asked.dep_ in {"dobj", "nsubjpass"} \
            and rejects(asked.head):
        return True  # "turned down a request by the envoy to meet X", "rejected an offer of talks": none held
    if trigger.dep_ == "dobj" and trigger.pos_ == "NOUN" and head.lemma_.lower() in {"demand", "require"} | diplomacy_words("want_verbs"):
        return True  # "the M23 demanded direct talks with Kinshasa": a demand, no meeting yet
    if trigger.pos_ == "VERB" and trigger.dep_ in {"xcomp", "ccomp", "advcl"} \
            and takes_to(trigger) \
            and head.lemma_.lower() in diplomacy_words("directive_verbs") - {"tell"}:
        return True
    verb = clause_head(trigger)
    if verb is not trigger and verb.dep_ in {"xcomp", "ccomp", "advcl"} \
            and takes_to(verb) \
            and verb.head.lemma_.lower() in diplomacy_words("directive_verbs") - {"tell"}:
        return True  # "pressing both sides to return to talks in Jeddah": talks asked for
    if any(a.lemma_.lower() in {"tie", "link", "condition"} and a.pos_ == "VERB" for a in list(trigger.ancestors)[:3]):
        return True  # "tied any deal to direct talks with X": talks as the condition of a deal
    if _conditional(trigger):
        return True  # "would not withdraw unless Kinshasa opened direct talks": a condition, not a meeting
    if trigger.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children):
        return True  # "no other meetings have been scheduled", "no talks were held": none
    if trigger.pos_ == "VERB" and any(c.dep_ == "neg" for c in trigger.children):
        return True  # "the summit, which Iran will not attend", "the two leaders did not meet": none of theirs
    return trigger.dep_ == "xcomp" and rejects(head)


def _conditional(trigger: Token) -> bool:
    """Whether a meeting word stands in a clause of condition ("if X agreed to talks", "unless Y
    opened direct talks"): what would have to happen, not what is planned or held."""
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head if trigger.dep_ == "dobj" else None
    # not "if the talks in Doha succeed": talks that are under way, with a condition on their outcome
    # "will not withdraw until Kinshasa opens direct talks": the talks a side holds out for
    return verb is not None and any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "until"} for c in verb.children)


def _only_possible(trigger: Token) -> bool:
    """"could eventually meet", "offered to host talks", "a proposal for a summit": a meeting
    that may happen is planned, not held."""
    head = clause_head(trigger)
    # not a verb joined to the clause: "spoke with X and offered to host talks" (the call was held)
    # nor what the talks are for, told after them ("hosting talks ..., hoping to reach a truce")
    scope = [trigger, head, *(c for c in (*head.children, *trigger.children) if c.dep_ != "conj"
                              and not (c.dep_ in {"advcl", "xcomp"} and c.tag_ == "VBG" and c.i > trigger.i))]
    if head.dep_ == "xcomp" or infinitive_of_purpose(head):  # "offered on Monday to host talks": an advcl in the parse
        scope += [head.head, *head.head.children]
        if head.head.lemma_.lower() in diplomacy_words("intention_verbs"):
            return True  # "agreed to send delegations for a new round of talks"
    markers = diplomacy_words("possibility_markers")
    for t in scope:
        if t.tag_ == "MD" and t.lower_ in markers:
            return True
        if t.tag_ != "MD" and t.lemma_.lower() in markers and t.pos_ in {"VERB", "ADV", "ADJ", "NOUN"} \
                and not (t.pos_ == "VERB" and t.lemma_.lower() in diplomacy_words("opening_verbs")):
            return True  # not "opened peace talks on Tuesday": begun, not "open to talks"
    return _offered(trigger)


def _told_before_or_after(trigger: Token) -> bool:
    """"After a meeting with X on Monday, the envoy was to meet Y": a meeting the clause's act comes
    after or before, a meeting of its own."""
    return trigger.dep_ in {"pobj", "pcomp"} and trigger.head.lower_ in {"after", "before", "following"} \
        and trigger.head.head.pos_ == "VERB"


def _separate(trigger: Token) -> bool:
    """"X also met the envoys for a separate discussion", "After a meeting with X on Monday, the envoy
    was to meet Y": a meeting of its own."""
    if _told_before_or_after(trigger):
        return True
    head = clause_head(trigger)
    near = [*trigger.subtree, *head.children]
    if any(t.lower_ in {"separate", "separately", "another"} for t in near):
        return True
    # "met X in Y and later held talks with Z": a joined clause told as coming after the first
    return head.dep_ == "conj" and head.head.pos_ == "VERB" and any(
        c.dep_ == "advmod" and c.lower_ in diplomacy_words("sequence_adverbs") for c in head.children)


def _host_country(ctx: DocContext, trigger: Token) -> str | None:
    """"X met visiting Z officials": the meeting is in the host's country."""
    head = clause_head(trigger)
    visiting = [t for t in head.subtree if t.lower_ == "visiting" and t.head.i >= head.i]
    if not visiting:
        return None
    for c in head.children:
        if c.dep_ == "nsubj":
            for key in agents_in(ctx, phrase_tokens(c)):
                side = side_of(ctx, key)
                if ctx.entities.entities[side].kind == COUNTRY:
                    return side
    return None


def extract_meetings(ctx: DocContext) -> Iterator[MeetingRecord]:
    found: list[Mention] = []
    for sent in ctx.sentences:
        found_triggers = meeting_triggers(sent)
        refused = {t.i for t in found_triggers if _refused(t)}
        # "turned down a request to meet X during his visit": what the refused meeting governs is no meeting of X's
        all_triggers = [t for t in found_triggers if t.i not in refused and clause_head(t).i not in refused]
        # "rounds of talks", "meet ... to restart discussions", "talks on a summit":
        # nested mentions are one meeting
        triggers = [t for t in all_triggers if not any(topic_of(t, o) for o in all_triggers if o != t)]
        triggers = [t for t in triggers if _held_as_such(t) or _another_act(t) or not any(
            o != t and t in o.subtree and not _joined_apart(t, o) for o in triggers if o.pos_ == "VERB" or t.dep_ == "pobj")]
        triggers = [t for t in triggers if not any(_purpose_of(t, o) for o in triggers)]
        nested = {t.i: [o for o in all_triggers if o != t and o in t.subtree and not _another_act(o)
                        and not _joined_apart(o, t)] for t in triggers}
        for tok in triggers:
            place = _meeting_place(ctx, tok, tuple(triggers))
            future0 = is_future(ctx, tok, None)
            # a meeting called off or put off was still to come: "cancels the June 12 summit"
            date = _meeting_date(ctx, tok, sent, future0 or _called_off(tok) is not None)
            # talks about a summit: the summit is still to come
            future = is_future(ctx, tok, date) or (not call_trigger(tok) and any(topic_of(o, tok) for o in all_triggers))
            if future and tok.dep_ == "pobj" and _told_before_or_after(tok) and tok.head.lower_ != "before" and not any(
                    c.lower_ in {"will", "'ll", "shall"} for c in clause_head(tok).head.children):
                # "After a meeting with X on Monday, the envoy had been scheduled to meet Y": the plan is
                # the later meeting's; the one it came after was held
                future = False
                date = _meeting_date(ctx, tok, sent, False)
            parts = _participants(ctx, tok)
            for inner in nested[tok.i]:
                parts += [p for p in _participants(ctx, inner) if p not in parts]
            if place is None and not _two_sides(ctx, parts):
                _fate_of_the_last(found, tok, date, sent)  # "the talks ... have been delayed": the talks told before
                continue  # no place and one side only: not enough to tell a meeting apart
            described = _described(tok)
            if _named_back(tok) and found and (not parts or described and set(parts) <= set(found[-1].parts)) \
                    and _same_place(ctx, found[-1].place, place) and _retold(found[-1], place, date, future, sent, described):
                # "The meeting, held at X's headquarters in Y, was also attended by ...", "the meeting with X
                # would be the first of many": the one just told
                continue
            if (tok.pos_ == "VERB" and not parts and not _people_meet(tok)) or _visits_a_thing(ctx, tok) \
                    or _among_itself(tok):
                continue  # "met with tear gas", "visited a drone factory": no one to meet
            if not parts and (tok.lemma_.lower() == "round" or _people_meet(tok)):
                parts = _main_sides(ctx, found)  # "two earlier rounds", "the two leaders met": of the same negotiation
            host_country = _host_country(ctx, tok) if place is None else None
            place = place or host_country
            if place is not None and (tok.pos_ == "VERB" and tok.lemma_.lower() in diplomacy_words("arrival_verbs")
                                      or _visits_a_capital(ctx, tok, place)):
                visited = place_country(ctx, place)  # "X's foreign minister will travel to Tehran": Iran receives
                if visited != place and visited in ctx.entities.entities and visited not in parts \
                        and visited not in sides_of(ctx, parts):
                    parts.append(visited)
            mode = modality(tok)
            if mode in {"phone", "video"} and place is not None and host_country is None:
                # a call is held at no one place: "discussed the situation in Syria in a phone call"
                parts = [p for p in parts if p != place]
                place = None
            calls = _one_call_each(ctx, tok, parts)
            for one in calls:
                _add_meeting(found, Mention(place, date, future or _only_possible(tok), one, [sent], tok,
                                            _called_off(tok), mode, _separate(tok) or len(calls) > 1, host_country is not None,
                                            _host(ctx, tok)))
        for item in _visits(ctx, sent):
            _add_meeting(found, item)
        _join_travellers(ctx, sent, found)
        _join_speakers(ctx, sent, found)
    for m in _fold_headline(ctx, _fold_placeless(ctx, found)):
        yield MeetingRecord(
            evidence=DocContext.evidence(*m.sents),
            status=m.status or (PLANNED if m.planned else HELD),
            location=m.place,
            date=m.date,
            participants=tuple(p for p in m.parts if p != m.place) + ((m.place,) if m.hosted else ()),
            modality=m.modality,
            host=m.host,
        )
