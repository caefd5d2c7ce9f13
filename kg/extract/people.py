"""Roles and affiliations of people, read from the words around their names.

Forms read (titles from ``kg/data/titles.json``):

* a title before the name: "German Foreign Minister Annalena Baerbock",
  "Chad's army chief Abakar Abdelkerim Daoud", "UN envoy Martin Griffiths";
* an apposition: "Antonio Guterres, the UN secretary-general,",
  "Ben Wallace, Britain's defence secretary,";
* a reversed apposition: "Spain's foreign minister, José Manuel Albares,";
* an envoy's post: "US Ambassador to Kenya X" (the United States' ambassador);
* a counterpart: "X met his Algerian counterpart Y" (Y holds X's title, for Algeria).

A style of honour between title and name ("Prime Minister Datuk Seri X") is passed over; a
military rank ("Colonel X") gives way to an office the text gives ("Colonel X, the
transitional president,").

The affiliation is the country (by name, demonym or possessive) or the
organization that the title names; failing that, an organization the role is
"of"/"for", or the organization a possessive pronoun points to ("the agency said
its safety adviser X"). A person named with a bare title ("President X") acts
for the country or organization ``kg/data/officeholders.tsv`` gives, when the
article names it, as does a bare surname of such an officeholder ("Pashinyan
said"); a local official ("Regional Governor X") for the country of the places
named around them.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from kg.extract.actors import formerly, modifies_agent
from kg.extract.context import DocContext, words
from kg.lexicon import read_tsv, title_words, word_set
from kg.resolve.names import officeholder_surnames
from kg.records import COUNTRY, ORGANIZATION, PERSON


def _title_word(tok: Token) -> bool:
    titles = title_words()
    low = tok.lower_.rstrip(".")
    return low in titles.heads or low in titles.modifiers or _plural_head(tok)


def _plural_head(tok: Token) -> bool:
    """"envoys", "ministers" before names: each name holds the singular title."""
    return tok.tag_ in {"NNS", "NNPS", "NNP", "VBZ"} and title_words().plural_head(tok.lower_)


def _role_before(ctx: DocContext, span: Span) -> tuple[str | None, str | None]:
    """Title words immediately before a name, and the affiliation they name."""
    doc = span.doc
    heads, connectors = title_words().heads, title_words().connectors
    i = _before_honours(doc, span.start, span.sent.start) - 1  # "Prime Minister Datuk Seri X"
    role_toks: list[Token] = []
    affiliation: str | None = None
    post: set[int] = set()
    while i >= span.sent.start:
        tok = doc[i]
        posted = _posted_to(doc, i, span.sent.start) if not role_toks else None
        if posted is not None:  # "Ambassador to Kenya X": the post's country is where, not whom, it serves
            role_toks = list(doc[posted : i + 1])
            post = {t.i for t in role_toks[2:]}
            i = posted - 1
            continue
        if _title_word(tok) or (tok.lower_ in connectors and role_toks and i > span.sent.start and _title_word(doc[i - 1])):
            role_toks.insert(0, tok)
            i -= 1
            continue
        if tok.lower_ in connectors and role_toks and i > span.sent.start and doc[i - 1].ent_type_ in {"ORG", "GPE"} and tok.lower_ == "of":
            role_toks.insert(0, tok)
            i -= 1
            continue
        if tok.text in {"'s", "’s"} and i > span.sent.start:
            i -= 1
            continue
        if role_toks and tok.dep_ in {"compound", "amod"} and tok.head in role_toks and not tok.ent_type_ \
                and tok.pos_ in {"NOUN", "ADJ", "PROPN"} and tok.is_alpha:
            # the portfolio of a title: "Information Minister", "energy minister", "water minister"
            role_toks.insert(0, tok)
            i -= 1
            continue
        if tok.lower_ in {"its", "their"} and role_toks:
            affiliation = _owner_of_pronoun(ctx, tok)
            break
        ent = ctx.agent(tok)
        if ent is None and tok.pos_ == "NOUN" and role_toks:
            # "the Taliban government's spokesman": the name that qualifies the owner noun
            ent = next((e for c in tok.children if c.dep_ in {"compound", "amod", "poss"}
                        and (e := ctx.agent(c)) is not None and e.kind in {COUNTRY, ORGANIZATION}), None)
        if ent is not None and ent.kind in {COUNTRY, ORGANIZATION} and role_toks:
            affiliation = None if formerly(tok) else ent.key  # "former Kenyan president X": no longer acts for Kenya
        elif tok.ent_type_ in {"ORG"} and role_toks:
            # an organization of the title ("Hamas leader", "CIA director")
            ent = ctx.entity(tok)
            affiliation = ent.key if ent is not None else None
        break
    # drop leading connectors and strip a leading "of the ORG" tail into the affiliation
    while role_toks and role_toks[0].lower_ in connectors:
        role_toks.pop(0)
    if not role_toks or not any(t.lower_.rstrip(".") in heads or _plural_head(t) for t in role_toks):
        return None, affiliation
    for t in role_toks:
        ent = ctx.agent(t) if t.i not in post else None
        if ent is not None and ent.kind in {COUNTRY, ORGANIZATION} and affiliation is None:
            affiliation = ent.key
    role = doc[role_toks[0].i : role_toks[-1].i + 1].text
    if _plural_head(role_toks[-1]):
        role = role[:-1]  # "envoys A and B": each an envoy
    if _held_before(doc, role_toks, span.sent.start) and role.split()[0].lower() not in words("former_markers"):
        role = f"former {role}"  # "former Nigerian President X": a former President
    return role, affiliation


def _held_before(doc, role_toks: list[Token], floor: int) -> bool:
    """Whether a title is one held before: "former" (or "ex-", "onetime") before it or before the
    country or body that qualifies it ("former Kenyan President", "ex-army chief")."""
    markers = words("former_markers")
    i = role_toks[0].i - 1
    while i >= floor and (doc[i].text in {"-", "–"} or doc[i].ent_type_ in {"NORP", "GPE", "ORG"} or doc[i].lower_ == "the"):
        i -= 1  # "former South African Deputy President", "ex-"
    return i >= floor and doc[i].lower_ in markers or any(c.lower_ in markers for t in role_toks for c in t.children)


def _title_before(doc, start: int, floor: int) -> set[int]:
    """The title words right before a name, after token ``floor`` ("Colonel" of ", Colonel X")."""
    ranks = word_set("titles.json", "ranks") | word_set("titles.json", "honorifics")
    found: set[int] = set()
    i = start - 1
    while i > floor and (_title_word(doc[i]) or doc[i].lower_.rstrip(".") in ranks or doc[i].text == "."):
        found.add(i)
        i -= 1
    return found


def _rank_only(role: str) -> bool:
    """A military rank with no office: "General", "Lt. Col."."""
    ranks = word_set("titles.json", "ranks")
    words_ = role.lower().replace(".", " ").split()
    return bool(words_) and (" ".join(words_) in ranks or all(w in ranks for w in words_))


def _before_honours(doc, start: int, floor: int) -> int:
    """Where the words before a name start once a style of honour between title and name is
    passed over ("Prime Minister Tan Sri X": the title ends before "Tan Sri")."""
    phrases = word_set("titles.json", "honorific_phrases")
    for size in (2, 1):
        if start - size >= floor and doc[start - size : start].text.lower() in phrases:
            return start - size
    return start


def _posted_to(doc, i: int, floor: int) -> int | None:
    """The start of "ambassador/envoy to X" ending at token ``i`` (X a place name), else None."""
    j = i
    while j > floor and doc[j].ent_type_ in {"GPE", "LOC"}:
        j -= 1
    if j == i or j <= floor or doc[j].lower_ != "to" or doc[j - 1].lemma_.lower() not in words("posted_titles"):
        return None
    return j - 1


def _shared_title(ctx: DocContext, span: Span) -> tuple[str | None, str | None]:
    """"Washington envoys A and B": the second name shares the plural title of the first."""
    doc = span.doc
    i = span.start - 1
    if i <= span.sent.start or doc[i].lower_ not in {"and", ","}:
        return None, None
    first = next((e for e in doc.ents if e.end == i and e.label_ == "PERSON"), None)
    if first is None:
        return None, None
    role, affiliation = _role_before(ctx, first)
    start = first.start - 1
    while start >= span.sent.start and not _plural_head(doc[start]) and _title_word(doc[start]):
        start -= 1
    if role is None or start < span.sent.start or not _plural_head(doc[start]):
        return None, None
    return role, affiliation


def _owner_of_pronoun(ctx: DocContext, pron: Token) -> str | None:
    """"The agency said its adviser ...": the organization or country subject of the
    clause that governs a possessive pronoun."""
    for verb in pron.ancestors:
        for c in verb.children:
            if c.dep_ in {"nsubj", "nsubjpass"} and c.i < pron.i:
                ent = ctx.agent(c)
                if ent is not None and ent.kind in {COUNTRY, ORGANIZATION}:
                    return ent.key
    return None


def _local_office(role: str) -> bool:
    text = f" {role.casefold()} "
    return any(f" {w} " in text for w in word_set("titles.json", "local_offices"))


def _local_country(ctx: DocContext, span: Span) -> str | None:
    """A local official ("Regional Governor X") serves the country of the places around
    them: a place named in their sentence, else the article's leading country."""
    for t in span.sent:
        place = ctx.place(t)
        if place is not None and place.country_key in ctx.entities.entities:
            return place.country_key
    key = f"country:{ctx.countries[0]}" if ctx.countries else None
    return key if key in ctx.entities.entities else None


@lru_cache(maxsize=1)
def officeholders() -> dict[str, str]:
    """Every spelling of a known officeholder's name -> the ISO code or organization name
    they act for."""
    out: dict[str, str] = {}
    for row in read_tsv("officeholders.tsv"):
        for name in row["name"].split("|"):
            out[name.strip().casefold()] = row["acts_for"].strip()
    return out


def _known_affiliation(ctx: DocContext, person) -> str | None:
    """The country or organization a known officeholder acts for, if the article names it."""
    acts_for = None
    for name in [person.label, *sorted(person.aliases)]:
        acts_for = officeholders().get(name.casefold())
        if acts_for:
            break
    if acts_for is None and len(person.label.split()) == 1:
        acts_for = officeholder_surnames().get(person.label.casefold())  # "Pashinyan said ..."
    if acts_for is None:
        return None
    entities = ctx.entities.entities
    if len(acts_for) == 2 and acts_for.isupper():
        key = f"country:{acts_for}"
        return key if key in entities else None
    wanted = acts_for.casefold()
    for key, ent in entities.items():
        if ent.kind == ORGANIZATION and wanted in {ent.label.casefold(), *(a.casefold() for a in ent.aliases)}:
            return key
    return None


def _role_apposition(ctx: DocContext, span: Span) -> tuple[str | None, str | None]:
    """"NAME, [the] [AFF's] ROLE [of ORG]," and "AFF's ROLE, NAME,"."""
    doc = span.doc
    heads = title_words().heads
    candidates: list[Token] = []
    root = span.root
    candidates += [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        candidates.append(root.head)
        noun = root.head
        for _ in range(3):  # "a spokesman for the group, NAME,", "the head of the UN mission in X, NAME,": hung lower
            if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
                break
            noun = noun.head.head
            candidates.append(noun)
    for head in candidates:
        if head.lower_.rstrip(".") not in heads and head.lemma_.lower() not in heads:
            continue
        # the title's own words, on its side of the name ("sent its X, NAME, to Juba": not where the
        # holder went); not another's title joined to it ("his X, NAME, and the Y, OTHER,")
        others = [c for c in head.children if c.dep_ == "conj"
                  and any(t.ent_type_ == "PERSON" and not span.start <= t.i < span.end for t in c.subtree)]
        apart = {t.i for c in others for t in c.subtree} | {
            c.i for c in head.children if c.dep_ == "cc" and others}
        # a title set off after the name ends at the comma after it ("NAME, the X, in Y")
        stop = next((t.i for t in doc[head.i + 1 : head.sent.end] if t.text == "," and t.head in (head, span.root)),
                    head.sent.end) if head.i >= span.end else span.start
        toks = [t for t in head.subtree if t.i not in apart and t.i < stop and (head.i < span.start or t.i >= span.end)]
        owner = next((t for t in toks if t.dep_ == "poss" and t.pos_ == "PRON" and t.head == head), None)
        toks = [t for t in toks if t.text not in {",", "the", "a", "an"} and t != owner]
        affiliation = _owner_of_pronoun(ctx, owner) if owner is not None else None  # "Kenya sent its minister, X,"
        role_toks = []
        own_title = _title_before(doc, span.start, head.i)  # "..., Colonel X": the name's rank, read with it
        for t in toks:
            if t.i in own_title:
                continue
            ent = ctx.agent(t) if not modifies_agent(ctx, t) else None  # "for Yemen's Houthi rebels": the Houthis
            if ent is not None and ent.kind in {COUNTRY, ORGANIZATION}:
                affiliation = affiliation or ent.key
                if t.i > head.i:
                    role_toks.append(t)
                continue
            if t.text in {"'s", "’s"}:
                continue
            role_toks.append(t)
        if not role_toks:
            continue
        role = doc[role_toks[0].i : role_toks[-1].i + 1].text.strip(" ,-–—(")
        if role.lower().startswith(("the ", "a ", "an ")):
            role = role.split(" ", 1)[1]
        return role, affiliation
    return None, None


_GOING_ON_VERBS = frozenset({"add", "continue"})


def _role_said_before(ctx: DocContext, span: Span) -> tuple[str | None, str | None]:
    """"..., the Kremlin spokesman said. Dmitry Peskov added that ...": a speaker named only by
    role, and a name that goes on speaking in the next sentence, are one person."""
    verb = span.root.head
    if span.root.dep_ != "nsubj" or verb.lemma_.lower() not in _GOING_ON_VERBS or verb.sent.start == 0:
        return None, None
    before = ctx.doc[verb.sent.start - 1].sent
    heads = title_words().heads
    for said in (t for t in before if t.lemma_.lower() in words("speech_verbs")):
        for subj in (c for c in said.children if c.dep_ == "nsubj"):
            if subj.pos_ != "NOUN" or subj.lemma_.lower() not in heads or subj.ent_type_ == "PERSON" \
                    or any(c.dep_ == "appos" for c in subj.children):
                continue
            toks = [t for t in subj.subtree if t.dep_ != "det" and not t.is_punct]
            affiliation = next((e.key for t in toks if (e := ctx.agent(t)) is not None and e.kind in {COUNTRY, ORGANIZATION}), None)
            return " ".join(t.text for t in toks if ctx.agent(t) is None and t.text not in {"'s", "’s"}), affiliation
    return None, None


def read_people(ctx: DocContext) -> None:
    """Fill in ``roles`` and ``affiliation_key`` of the document's Person entities."""
    table = ctx.entities
    for span in ctx.doc.ents:
        if span.label_ != "PERSON":
            continue
        key = table.span_key.get((span.start, span.end))
        ent = table.entities.get(key) if key else None
        if ent is None or ent.kind != PERSON:
            continue
        # the roles this mention gives, an office before a bare military rank ("Colonel X, Mali's
        # transitional president,"; "the army chief said ... General X added")
        role, affiliation = _role_before(ctx, span)
        roles = [role] if role else []
        if not roles or _rank_only(roles[0]):
            office, more = _role_apposition(ctx, span)
            roles, affiliation = ([office] if office else []) + roles, affiliation or more
        if not roles:
            role, affiliation = _shared_title(ctx, span)
            roles = [role] if role else []
        if all(_rank_only(r) for r in roles + ent.roles):
            said, more = _role_said_before(ctx, span)
            roles, affiliation = ([said] if said else []) + roles, affiliation or more
        ent.roles += [r for r in roles if r not in ent.roles]
        ent.roles.sort(key=_rank_only)  # offices first, in the order read; bare ranks after them
        role = roles[0] if roles else None
        if role and affiliation is None and _local_office(role):
            affiliation = _local_country(ctx, span)
        if role and affiliation is None:
            affiliation = _organization_named_before(ctx, role, span.start)
        if affiliation and ent.affiliation_key is None and affiliation != key:
            ent.affiliation_key = affiliation
    for span in ctx.doc.ents:  # after every title is read: a counterpart holds the other's title
        key = table.span_key.get((span.start, span.end)) if span.label_ == "PERSON" else None
        ent = table.entities.get(key) if key else None
        if ent is not None and ent.kind == PERSON:
            _read_counterpart(ctx, span, ent)
    for ent in table.entities.values():
        if ent.kind == PERSON and ent.affiliation_key is None:
            ent.affiliation_key = _known_affiliation(ctx, ent)


@lru_cache(maxsize=1)
def _organization_kinds() -> frozenset[str]:
    """Words that end an organization's name and say what kind it is ("ministry", "agency", "council")."""
    return word_set("references.json", "org_heads") | word_set("references.json", "name_kinds") \
        | word_set("references.json", "authority_institutions")


def _organization_named_before(ctx: DocContext, role: str, before: int) -> str | None:
    """"The Houthi-run health ministry said ... A ministry spokesman, X, said": an organization
    word in a title ("ministry spokesman", "army spokesman") refers back to the last organization
    named before it whose name ends in that word."""
    kinds = set(role.lower().split()) & _organization_kinds()
    if not kinds:
        return None
    table = ctx.entities
    found = [(start, key) for (start, end), key in table.span_key.items() if end <= before
             and (ent := table.entities.get(key)) is not None and ent.kind == ORGANIZATION
             and ent.label.lower().split()[-1] in kinds]
    return max(found)[1] if found else None


def _read_counterpart(ctx: DocContext, span: Span, ent) -> None:
    """"X met his Algerian counterpart Y": Y holds X's title for the country the words before
    "counterpart" name."""
    doc = span.doc
    i = span.start - 1
    if i > span.sent.start and doc[i].text == ",":
        i -= 1
    if i <= span.sent.start or doc[i].lemma_.lower() != "counterpart":
        return
    j = i - 1
    country = None
    while j >= span.sent.start and doc[j].pos_ in {"ADJ", "PROPN", "NOUN"} and doc[j].lower_ not in {"his", "her"}:
        agent = ctx.agent(doc[j])
        if agent is not None and agent.kind in {COUNTRY, ORGANIZATION} and country is None:
            country = agent.key
        j -= 1
    owner = None
    if j >= span.sent.start and doc[j].lower_ in {"his", "her"}:
        people = [e for e in doc.ents if e.label_ == "PERSON" and span.sent.start <= e.start < j]
        key = ctx.entities.span_key.get((people[0].start, people[0].end)) if people else None
        owner = ctx.entities.entities.get(key) if key else None
    if owner is not None and owner.kind == PERSON and owner.roles and not ent.roles:
        ent.roles.append(owner.roles[0])
    if country is not None and ent.affiliation_key is None:
        ent.affiliation_key = country
