"""Who acts in a diplomatic sentence: the agents a phrase names, the speaker a reported
clause belongs to, and the side (country or movement) a person or body acts for."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.context import DocContext, subtree_span, words
from kg.lexicon import organization_kinds, title_words, word_set
from kg.records import COUNTRY, ORGANIZATION, PERSON


def agents_in(ctx: DocContext, tokens) -> list[str]:
    tokens = list(tokens)
    senders = {k for t in tokens if (k := _sender(ctx, t)) is not None}
    out: list[str] = []
    for t in tokens:
        if modifies_agent(ctx, t):
            continue  # "the Sudanese army": the army, not Sudan besides it
        if formerly(t):
            continue  # "a former Malian prime minister": no longer acting for Mali
        if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lemma_.lower() in words("posted_titles"):
            continue  # "the UN envoy to Yemen": the country of the post, not one who acts
        ent = ctx.agent(t) or reported_speaker(ctx, t)
        if ent is not None and ent.key in senders:
            # "X's son-in-law Y", "X's envoy": the one the person sends, for the person's side
            owner = ent.affiliation_key
            if owner is not None and owner not in out:
                out.append(owner)
            continue
        if ent is not None and ent.key not in out:
            out.append(ent.key)
        elif ent is None:
            state = _government_of_foe(ctx, t)
            if state is not None and state not in out:
                out.append(state)
    return out


def formerly(tok: Token) -> bool:
    """A word that qualifies a title held before ("a former Malian minister", "former South African
    deputy president": also the first word of a name in two words; "the former president of X")."""
    t = tok
    while t.head != t and (t.dep_ in {"amod", "compound", "poss", "nmod"}
                           or t.dep_ == "pobj" and t.head.lower_ == "of"):  # "the former president of X"
        if t.dep_ == "pobj":
            t = t.head
        if any(c.lower_ in words("former_markers") for c in t.head.children if c.i < tok.i):
            return True
        t = t.head
    return False


def _sender(ctx: DocContext, tok: Token) -> str | None:
    """The person whose possessive owns a title or a word for whom a leader sends ("President X's
    envoy", "X's son-in-law and adviser Y"), or another person ("X's Y"): the key of that person."""
    if tok.dep_ != "poss":
        return None
    ent = ctx.agent(tok)
    if ent is None or ent.kind != PERSON:
        return None
    head = tok.head
    if head.pos_ == "NOUN" and (head.lower_ in title_words().heads or head.lemma_.lower() in word_set("titles.json", "sent_by_nouns")):
        return ent.key
    other = ctx.agent(head)
    return ent.key if other is not None and other.kind == PERSON and other.key != ent.key else None


def _government_of_foe(ctx: DocContext, tok: Token) -> str | None:
    """"the government and the TPLF", "between the government and the ELN": a government no word
    names, joined to an armed group of one country, is that country's."""
    if tok.lemma_.lower() != "government" or tok.pos_ != "NOUN" or any(
            c.dep_ in {"poss", "amod", "compound", "nmod"} for c in tok.children):
        return None
    for other in tok.conjuncts:
        ent = ctx.agent(other) or next((e for c in other.children if c.dep_ == "compound"
                                        and (e := ctx.agent(c)) is not None), None)  # "the ELN rebels"
        if ent is not None and ent.kind == ORGANIZATION and ent.country_key in ctx.entities.entities:
            return ent.country_key
    return None


def phrase_tokens(tok: Token) -> list[Token]:
    """A phrase without its relative and participial clauses ("the talks, which the Kremlin
    said ...", "Malaysia's leader, who chairs the bloc of which X and Y are members")."""
    clauses = [t for t in tok.subtree if t.dep_ in {"relcl", "acl"} and t != tok]
    return [t for t in subtree_span(tok) if not any(t in c.subtree for c in clauses)]


def phrase_agents(ctx: DocContext, tok: Token) -> list[str]:
    """The agents a phrase names, leaving out those of its relative clauses."""
    return agents_in(ctx, phrase_tokens(tok))


def modifies_agent(ctx: DocContext, tok: Token) -> bool:
    """A country word that only modifies an organization's name ("the Sudanese army", "Yemen's
    Houthi rebels")."""
    if tok.dep_ not in {"amod", "compound", "poss", "nmod"}:
        return False
    mine = ctx.agent(tok)
    if mine is None:
        return False
    theirs = ctx.agent(tok.head)
    if theirs is None and tok.head.lower_ not in title_words().heads:  # not "Lebanon's Parliament Speaker"
        theirs = next((e for c in tok.head.children if c.dep_ in {"compound", "amod", "nmod"} and c.i > tok.i
                       and (e := ctx.agent(c)) is not None), None)  # "Houthi" of "rebels"
    return (mine is not None and theirs is not None and mine.key != theirs.key
            and theirs.kind == ORGANIZATION and mine.kind == COUNTRY)


def speech_head(tok: Token) -> Token | None:
    """The speech verb whose reported clause holds ``tok`` ("X said [he had told ...]")."""
    v = tok.head if tok.pos_ not in {"VERB", "AUX"} else tok
    while v.dep_ in {"ccomp", "conj", "xcomp", "advcl"} and v.head != v:
        v = v.head
        if v.lemma_.lower() in words("speech_verbs"):
            return v
    return None


def reported_speaker(ctx: DocContext, tok: Token):
    """"Ruto said he had told ...": a personal pronoun subject of a reported clause is
    the speaker, when the speaker is a person."""
    if tok.pos_ != "PRON" or tok.lower_ not in {"he", "she"} or tok.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    verb = speech_head(tok)
    if verb is None:
        return None
    for c in verb.children:
        if c.dep_ == "nsubj":
            ent = ctx.agent(c) or next((ctx.agent(t) for t in subtree_span(c) if ctx.agent(t)), None)
            return ent if ent is not None and ent.kind == PERSON else None
    return None


_NEWS_KINDS = frozenset({"agency", "broadcaster"})


def only_reports(ctx: DocContext, key: str) -> bool:
    """A news agency, broadcaster or platform ("ISTANBUL | Xinhua | Delegations met ..."): it tells
    of a meeting or of talks, it does not sit at one nor stand for a side in them."""
    ent = ctx.entities.entities.get(key)
    kinds = organization_kinds().get(ent.label, frozenset()) if ent is not None else frozenset()
    return "platform" in kinds or "news" in kinds and bool(kinds & _NEWS_KINDS)


def side_of(ctx: DocContext, key: str) -> str:
    """Whom an agent acts for: a person's affiliation, an organization's country."""
    ent = ctx.entities.entities[key]
    if ent.kind == PERSON and ent.affiliation_key:
        key = ent.affiliation_key
        ent = ctx.entities.entities[key]
    if ent.kind == ORGANIZATION and ent.country_key:
        key = ent.country_key
    return key


def sides_of(ctx: DocContext, keys: list[str]) -> set[str]:
    """The distinct parties among participants: a person counts as whom they act for."""
    return {side_of(ctx, k) for k in keys}


def place_country(ctx: DocContext, key: str) -> str:
    ent = ctx.entities.entities[key]
    return ent.country_key or key


def antecedent(ctx: DocContext, pron: Token):
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


def _without_whereabouts(subj: Token) -> list[Token]:
    """A subject's words without the place where armed men it names are ("rebels in northern
    Mali demanded ...": not Mali, whom they fight)."""
    tokens = subtree_span(subj)
    if subj.lemma_.lower() not in word_set("violence_words.json", "armed_actor_nouns"):
        return list(tokens)
    where = {t.i for c in subj.children if c.dep_ == "prep" and c.lower_ in words("locative_preps") - {"of", "against"}
             for t in c.subtree}
    return [t for t in tokens if t.i not in where]


def subject_agent(ctx: DocContext, subj: Token, *, head_first: bool = False) -> list[str]:
    """The agent a subject names, or the person its pronoun refers to; with ``head_first``
    the head's own entity wins ("Colombian President Gustavo Petro": the person)."""
    head = ctx.agent(subj) if head_first else None
    if head is None and subj.pos_ == "NOUN" and ctx.agent(subj) is None:
        # "Machar's party, the SPLM-IO, said": the one the common noun is named as, not its owner
        head = next((e for c in subj.children if c.dep_ == "appos" and (e := ctx.agent(c)) is not None
                     and e.kind != PERSON), None)
    found = [head.key] if head is not None else agents_in(ctx, _without_whereabouts(subj))
    if not found and (ante := antecedent(ctx, subj)) is not None:
        found = [ante.key]
    return found[:1]
