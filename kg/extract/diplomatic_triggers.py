"""Words that start diplomatic events: meeting nouns and verbs ("talks", "met"), mediation
words ("mediate", "X-brokered", "mediators"), efforts to restart talks, and what talks
are about."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from spacy.tokens import Span, Token

from kg.extract.context import clause_head, sentence_words, words
from kg.lexicon import diplomacy_words
from kg.extract.wording import clause_text, phrase


@lru_cache(maxsize=1)
def _meeting_lemmas() -> frozenset[str]:
    """The lemmas one of which every reading of :func:`meeting_trigger` asks for (a meeting
    noun may also be known by its form): the other words are passed over at once."""
    return frozenset({"call", "speak", "talk", "conversation"}).union(
        words("meeting_nouns"), words("meeting_verbs"), diplomacy_words("phone_verbs"),
        diplomacy_words("signing_verbs"), diplomacy_words("agreeing_verbs"), diplomacy_words("receive_verbs"),
        diplomacy_words("arrival_verbs"))


def meeting_trigger(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if lemma not in _meeting_lemmas() and tok.lower_ not in words("meeting_nouns"):
        return False
    if tok.pos_ == "NOUN" and (lemma in words("meeting_nouns") or tok.lower_ in words("meeting_nouns")):
        if lemma == "round" and not _is_round_of_talks(tok):
            return False
        if tok.dep_ == "compound":
            return False
        if tok.dep_ == "attr" and tok.head.lemma_ == "be" and tok.head.dep_ == "relcl" \
                and any(c.dep_ == "nsubj" and c.lower_ in {"which", "that"} for c in tok.head.children):
            return False  # "talks in X, which would be the first negotiations between them": the talks, restated
        # "a news conference", "the cabinet meeting": a telling, or one side among itself
        if any(c.dep_ in {"compound", "amod", "poss", "nmod"} and c.lemma_.lower() in diplomacy_words("inward_meeting_words")
               for c in tok.children):
            return False
        return True
    if tok.pos_ == "VERB" and lemma in words("meeting_verbs"):
        if lemma == "sit" and not any(c.lower_ == "down" for c in tok.children):
            return False
        if lemma == "discuss":
            return any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.subtree)
        return True
    # signing, receiving and arriving are verbs only
    return call_trigger(tok) or tok.pos_ == "VERB" and (signing_trigger(tok) or reception_trigger(tok) or arrival_trigger(tok))


def may_tell_of_meeting(words: Iterable[str]) -> bool:
    """Whether lower-case lemmas and forms (:func:`sentence_words`, ``DocContext.document_words``)
    hold a word :func:`meeting_trigger` may take."""
    return not _meeting_lemmas().isdisjoint(words)


def meeting_triggers(sent: Span) -> list[Token]:
    """The words of a sentence :func:`meeting_trigger` takes, in their order; a sentence with
    none of the words it asks for is passed over at once."""
    if not may_tell_of_meeting(sentence_words(sent)):
        return []
    return [t for t in sent if meeting_trigger(t)]


def reception_trigger(tok: Token) -> bool:
    """"X received Egypt's foreign minister", "X welcomed the envoy" (CAMEO 043, host a
    visit): receiving an official or a named person, not aid or a letter."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in diplomacy_words("receive_verbs"):
        return False
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    objs += [x for o in objs for x in o.conjuncts]
    return any(o.lemma_.lower() in diplomacy_words("official_nouns") or o.ent_type_ == "PERSON" for o in objs)


def arrival_trigger(tok: Token) -> bool:
    """"A rebel delegation arrived in the capital", "the envoys flew to Riyadh" (CAMEO 042, make a
    visit): a delegation or envoys travelling to a place meet there."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in diplomacy_words("arrival_verbs"):
        return False
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    if not subj:
        return False
    if subj[0].lemma_.lower() not in diplomacy_words("delegation_nouns"):
        return _official_abroad(subj[0], tok)
    return any(c.dep_ == "prep" and c.lower_ in {"to", "in", "at"} and any(p.dep_ == "pobj" for p in c.children)
               for c in tok.children)


def _official_abroad(subj: Token, verb: Token) -> bool:
    """"Saudi Arabia's foreign minister will travel to Tehran" (CAMEO 042, make a visit): an
    officeholder of one country going to another country's capital visits its government."""
    from kg.lexicon import title_words
    from kg.resolve.places import gazetteer

    if subj.lemma_.lower() not in title_words().heads:
        return False
    gaz = gazetteer()
    own = {r.country.iso2 for t in subj.subtree if t.i < subj.i and t.pos_ in {"PROPN", "ADJ"}
           if (r := gaz.read_actor(t.text)) is not None}
    if not own:
        return False
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "to":
            for p in c.children:
                seat = gaz.seat_of_power(p.text) if p.dep_ == "pobj" and p.pos_ == "PROPN" else None
                if seat is not None and seat.iso2 not in own:
                    return True
    return False


def signing_trigger(tok: Token) -> bool:
    """"A and B signed the deal" (CAMEO 057, sign a formal agreement), "A and B reached a deal",
    "A and B agreed in X to ..." (an agreement made at a place): a meeting of the signatories."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or lemma not in diplomacy_words("signing_verbs") | diplomacy_words("agreeing_verbs"):
        return False
    # the parser may take the agreement after a place and a time for a predicate ("signed in X on
    # Sunday an agreement")
    signed = any(c.dep_ in {"dobj", "oprd"} and c.lemma_.lower() in diplomacy_words("goal_nouns") for c in tok.children)
    # "the agreement that A and B signed in X last Thursday": the relative clause on the agreement
    if not signed and tok.dep_ == "relcl" and any(c.dep_ == "dobj" and c.tag_ in {"WDT", "WP"} for c in tok.children):
        n = tok.head  # "the agreement on a cessation of hostilities that A and B signed": up the noun's phrase
        for _ in range(5):
            if n.lemma_.lower() in diplomacy_words("goal_nouns") or n.head == n or n.dep_ not in {"pobj", "prep"}:
                break
            n = n.head
        signed = n.lemma_.lower() in diplomacy_words("goal_nouns")
    if lemma in diplomacy_words("agreeing_verbs") and not signed:
        signed = any(c.dep_ == "prep" and c.lower_ in {"in", "at"} and any(
            p.dep_ == "pobj" and p.ent_type_ in {"GPE", "LOC", "FAC"} for p in c.children) for c in tok.children)
    # "A and B signed", "A and B are scheduled to sign", "the leaders of A and B are due to sign"
    v, subjects = tok, []
    for _ in range(3):
        subjects = [c for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects or v.dep_ not in {"xcomp", "acomp", "conj"}:
            break
        v = v.head
    if not subjects and tok.dep_ == "acl":
        # "A and the leader of B, Y, signed in X ...", parsed as a clause on the last name
        subjects = [signatories_head(tok)]
    of_both = [p for c in subjects for x in c.children if x.dep_ == "prep" and x.lower_ in {"of", "from"}
               for p in x.children if p.dep_ == "pobj"]
    together = any(c.conjuncts for c in subjects + of_both) or any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)
    return signed and together


def signatories_head(tok: Token) -> Token:
    """The noun phrase a signing verb parsed as a clause on a name hangs from: "A and the leader of
    B, Y, signed ..." read up from "Y" to "A"."""
    n = tok.head
    while n.dep_ in {"appos", "pobj", "prep", "conj"} and n.head != n:
        n = n.head
    return n


def call_trigger(tok: Token) -> bool:
    """A call between leaders (CAMEO 041, discuss by telephone): "X's call with Y", "a phone
    call", "X telephoned Y", "X spoke to Y by phone"."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN" and lemma in {"conversation", "conversations"} and any(
            c.dep_ in {"compound", "amod"} and c.lemma_.lower() in diplomacy_words("phone_words") | diplomacy_words("video_words")
            for c in tok.children):
        return True  # "had a telephone conversation with X": a call
    if tok.pos_ == "NOUN" and lemma == "call":
        return any(c.dep_ == "prep" and c.lower_ in {"with", "between"} for c in tok.children) or any(
            c.dep_ == "compound" and c.lemma_.lower() in diplomacy_words("phone_words") | diplomacy_words("video_words")
            for c in tok.children)
    if tok.pos_ == "VERB" and lemma in diplomacy_words("phone_verbs") - {"call"}:
        return any(c.dep_ == "dobj" for c in tok.children)
    if tok.pos_ == "VERB" and lemma == "call":
        # "X called Y on Thursday": a leader called by name, with nothing said of what he was called
        objs = callees(tok)
        return len(objs) == 1 and _named_person(objs[0]) and _named_person_subject(tok) and not any(
            c.dep_ in {"attr", "ccomp", "prt"} or c.dep_ == "oprd" and c not in objs
            or c.dep_ == "prep" and c.lower_ in {"for", "on", "off"}
            and not any(p.ent_type_ in {"DATE", "TIME"} for p in c.children)  # "called on X" asks; "on Thursday" dates
            for c in tok.children)
    if tok.pos_ == "VERB" and lemma in {"speak", "talk"}:
        said = {t.lower_ for t in tok.subtree}
        # "spoke by phone with X", "A and B spoke by phone", "A's minister X and B's president Y spoke by phone"
        joint = any(c.dep_ == "nsubj" and (any(t.dep_ == "conj" for t in c.subtree)
                                           or sum(t.ent_type_ == "PERSON" and t.dep_ != "compound" for t in c.subtree) >= 2)
                    for c in tok.children)
        by_phone = bool(said & (diplomacy_words("phone_words") | diplomacy_words("video_words")) - {"call", "calls", "online"})
        # "X spoke with Egypt's president": two named leaders speaking is a conversation held, by whatever means
        with_leader = any(_named_person(p) for c in call_partners(tok) for p in c.children if p.dep_ == "pobj") \
            and _named_person_subject(tok)
        return (bool(call_partners(tok)) or joint) and by_phone or with_leader
    return False


def callees(verb: Token) -> list[Token]:
    """The object of "called": also a named leader the parser read as what someone was called
    ("called President X" parsed like "called him a liar")."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if not objs:
        objs = [c for c in verb.children if c.dep_ == "oprd" and c.ent_type_ == "PERSON"]
    return objs


def _named_person(tok: Token) -> bool:
    """A person the text names, or an officeholder by title ("the Egyptian president")."""
    return tok.ent_type_ == "PERSON" or tok.lemma_.lower() in diplomacy_words("official_nouns")


def _named_person_subject(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and _named_person(c) for c in verb.children)


def call_partners(tok: Token) -> list[Token]:
    """The "with"/"to" phrases of a call verb, also when hung on the phone word ("spoke by
    phone with X")."""
    media = diplomacy_words("phone_words") | diplomacy_words("video_words")
    return [c for c in tok.subtree if c.dep_ == "prep" and c.lower_ in {"with", "to"}
            and (c.head == tok or c.head.lemma_.lower() in media)]


def modality(tok: Token) -> str | None:
    """How a meeting is held, where its words say: by phone, by video, in person."""
    joined = [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"]  # "met X and later spoke by phone with Y"
    near = [t for t in tok.subtree if not any(t in c.subtree for c in joined)] + [tok.head] + list(tok.head.children)
    said = {t.lower_ for t in near} | {t.lemma_.lower() for t in near}
    if said & diplomacy_words("video_words") - {"online"}:
        return "video"
    if (tok.lemma_.lower() == "call" and (tok.pos_ == "NOUN" or call_trigger(tok))) \
            or said & (diplomacy_words("phone_words") - {"call", "calls"}):
        return "phone" if call_trigger(tok) or said & {"phone", "telephone", "telephoned", "phoned"} else None
    text = tok.sent.text.lower()
    if said & {"in-person", "face-to-face"} or "face to face" in text or "in person" in text:
        return "in person"
    return None


def _is_round_of_talks(tok: Token) -> bool:
    """"rounds of talks", "two earlier rounds held in X", "the next round": a round of a
    negotiation, not of ammunition or of a contest."""
    if any(c.lower_ == "of" for c in tok.children):
        return any(t.lemma_.lower() in words("meeting_nouns") for t in tok.subtree if t != tok)
    return any(c.dep_ in {"amod", "nummod"} and c.lower_ in words("round_markers") for c in tok.children) and (
        any(c.dep_ == "acl" and c.lemma_.lower() in {"hold", "conduct", "host"} for c in tok.children)
        or any(t.lemma_.lower() in words("meeting_nouns") and t != tok for t in tok.sent))


@lru_cache(maxsize=1)
def _mediation_words() -> tuple[frozenset[str], frozenset[str]]:
    """The lemmas and the lower-case forms one of which every mediation word has (each reading
    of :func:`mediation_trigger` asks for one of them): the other words are passed over at once."""
    lemmas = frozenset({"mediate", "broker", "facilitate", "forge", "secure", "negotiate"}).union(
        words("mediation_nouns"), diplomacy_words("mediator_nouns"), diplomacy_words("shuttle_verbs"),
        diplomacy_words("lead_verbs"), diplomacy_words("sponsor_verbs"), diplomacy_words("draft_verbs"),
        diplomacy_words("settle_verbs"))
    lowers = frozenset({"brokered", "mediated", "mediating", "brokering", "between"}).union(
        words("mediation_nouns"), diplomacy_words("mediator_nouns"), diplomacy_words("peace_effort_nouns"),
        diplomacy_words("auspices_nouns"), diplomacy_words("help_nouns"))
    return lemmas, lowers


def may_tell_of_mediation(sent: Span) -> bool:
    """Whether a sentence has a word :func:`mediation_trigger` or :func:`restart_trigger` may
    take: every other sentence is passed over at once."""
    lemmas, lowers = _mediation_words()
    found = sentence_words(sent)
    return not (lemmas.isdisjoint(found) and lowers.isdisjoint(found)
                and diplomacy_words("envoy_words").isdisjoint(found) and words("restart_verbs").isdisjoint(found))


def mediation_trigger(tok: Token) -> bool:
    lemma, lower = tok.lemma_.lower(), tok.lower_
    lemmas, lowers = _mediation_words()
    if _envoy_to_a_process(tok):
        return True
    if lemma not in lemmas and lower not in lowers:
        return False
    if lemma in {"mediate", "broker", "facilitate"} or lower in {"brokered", "mediated", "mediating", "brokering"}:
        return True
    if mediation_noun(tok):
        return True
    # "Egypt and Qatar have been shuttling between the two sides"
    if tok.pos_ == "VERB" and lemma in diplomacy_words("shuttle_verbs") and any(
            c.dep_ == "prep" and c.lower_ == "between" for c in tok.children):
        return True
    # "US-led diplomacy", "the Kenyan-led mediation", "Qatari-led efforts"
    if lower in diplomacy_words("peace_effort_nouns") and _hyphen_led(tok) is not None:
        return True
    # "diplomacy led by the United States", "efforts spearheaded by Qatar"
    if lemma in diplomacy_words("lead_verbs") and tok.dep_ == "acl" and any(c.dep_ == "agent" for c in tok.children) \
            and tok.head.lower_ in diplomacy_words("peace_effort_nouns"):
        return True
    # "under the auspices of the AU", "with the facilitation of Qatar", "under Angolan facilitation"
    if lower in diplomacy_words("auspices_nouns") and any(
            c.dep_ == "prep" and c.lower_ == "of" or c.dep_ in {"amod", "compound", "poss"} and c.ent_type_ in {"NORP", "GPE", "ORG"}
            for c in tok.children):
        return True
    # "an agreement negotiated with the help of X": help towards an agreement or talks
    if lower in diplomacy_words("help_nouns") and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        verb = clause_head(tok)
        told = [verb, *verb.children, *(verb.head.children if verb.dep_ == "acl" else ()), verb.head]
        return any(t.lemma_.lower() in diplomacy_words("goal_nouns") | words("meeting_nouns")
                   | diplomacy_words("negotiate_verbs") for t in told if t != tok)
    # "Saudi-hosted talks", "a US-drafted peace plan"
    if tok.i >= 2 and tok.doc[tok.i - 1].text in {"-", "–"} and (
            (lemma in diplomacy_words("sponsor_verbs") and tok.head.lemma_.lower() in words("meeting_nouns"))
            or (lemma in diplomacy_words("draft_verbs") and tok.head.lemma_.lower() in diplomacy_words("plan_nouns"))):
        return True
    # "Hosted by Turkey, the talks ..."
    if lemma in diplomacy_words("sponsor_verbs") and tok.tag_ == "VBN" and tok.dep_ == "advcl" \
            and any(c.dep_ == "agent" for c in tok.children):
        return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in words("meeting_nouns") for c in tok.head.children)
    # "talks hosted by X", "negotiations sponsored by X", "talks were convened by X"
    if lemma in diplomacy_words("sponsor_verbs") and tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children):
        return (tok.dep_ == "acl" and tok.head.lemma_.lower() in words("meeting_nouns")) or any(
            c.dep_ == "nsubjpass" and c.lemma_.lower() in words("meeting_nouns") for c in tok.children)
    if lemma in {"forge", "secure", "negotiate"} and tok.head.lemma_.lower() in words("mediation_effort_nouns"):
        return True
    # "efforts to reduce tensions between A and B", "a push to end the war": an effort to
    # settle a conflict or reach an agreement
    if lemma in diplomacy_words("settle_verbs") and tok.head.lemma_.lower() in words("mediation_effort_nouns"):
        return any(c.dep_ == "dobj" and c.lemma_.lower() in diplomacy_words("conflict_nouns") | diplomacy_words("goal_nouns")
                   for c in tok.children)
    return False


def _hyphen_led(noun: Token) -> Token | None:
    """The name before "-led" modifying ``noun`` ("US-led talks" -> US)."""
    doc = noun.doc
    for c in noun.children:
        if c.dep_ in {"amod", "compound"} and c.lemma_.lower() in diplomacy_words("lead_verbs") - {"broker"} and c.i >= 2 \
                and doc[c.i - 1].text in {"-", "–"}:
            return doc[c.i - 2]
    return None


def hyphen_leader(noun: Token) -> Token | None:
    return _hyphen_led(noun)


def _envoy_to_a_process(tok: Token) -> bool:
    """"its envoy to the peace process between A and B", "a special envoy for the talks between A
    and B": an envoy sent to others' process mediates it."""
    if tok.pos_ != "NOUN" or tok.lower_ not in diplomacy_words("envoy_words"):
        return False
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in {"to", "for"}:
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in diplomacy_words("peace_effort_nouns") | words("meeting_nouns") \
                        and any(x.dep_ == "prep" and x.lower_ == "between" for x in p.children):
                    return True
    return False


def denied_mediation(tok: Token) -> bool:
    """A mediation said not to be: "without any mediation by the US", "will never accept mediation",
    "there was no mediator", "at no point ... any proposal for a mediation" (an offer turned down is
    still the offerer's effort)."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return True
    head = clause_head(tok)
    for anc in tok.ancestors:
        if anc.lower_ == "without":
            return True
        if anc == head:
            break
    if any(c.dep_ == "neg" for c in head.children):
        return True
    return any(c.dep_ == "prep" and any(d.lower_ == "no" for p in c.children for d in p.children if d.dep_ == "det")
               for c in head.children)  # "at no point was there ..."


def mediation_noun(tok: Token) -> bool:
    """"mediator(s)", "guarantors", "a go-between" (which the tokenizer splits), "shuttle diplomacy"."""
    if tok.pos_ in {"NOUN", "PROPN"} and any(w in words("mediation_nouns") or w in diplomacy_words("mediator_nouns")
                                             for w in (tok.lemma_.lower(), tok.lower_)):
        return True
    if tok.lemma_.lower() == "diplomacy" and any(c.dep_ in {"compound", "amod"} and c.lower_ == "shuttle" for c in tok.children):
        return True
    doc = tok.doc
    return tok.lower_ == "between" and tok.dep_ != "prep" and tok.i >= 2 and doc[tok.i - 2].lower_ == "go" \
        and doc[tok.i - 1].text in {"-", "–"}


def restart_trigger(tok: Token) -> bool:
    """"trying to relaunch negotiations", "to revive the talks": a third party's effort."""
    return tok.lemma_.lower() in words("restart_verbs") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in words("meeting_nouns") for c in tok.children)


def talks_goal(noun: Token) -> str | None:
    """What talks are for: "talks seeking to end the war", "talks aimed at a truce",
    "discussions on a truce and the return of detainees"."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in words("topic_preps"):
            objs = [p for p in c.children if p.dep_ == "pobj" and p.ent_type_ not in {"DATE", "TIME"}]  # "a call on Sunday"
            if objs:
                return phrase(objs[0])
        if c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB":
            for x in c.children:
                if x.dep_ in {"xcomp", "prep"} and x.lower_ != "by":
                    text = clause_text(x).removeprefix("to ").removeprefix("at ")
                    if len(text.split()) >= 2:
                        return text
    return None


def topic_of(inner: Token, outer: Token) -> bool:
    """"negotiations on a second summit": ``inner`` is what ``outer`` is about."""
    prep = inner.head
    return (inner.dep_ == "pobj" and prep.lower_ in words("topic_preps")
            and prep.head in (outer, outer.head, clause_head(outer)))
