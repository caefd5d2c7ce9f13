"""What every extractor needs to know about one parsed document."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from kg.datelines import dateline_spans
from kg.extract.entities import EntityTable, place_entity, resolve_entities, salient_countries
from kg.lexicon import event_words as words
from kg.lexicon import word_set
from kg.records import AGENT_KINDS, PLACE_KINDS, Entity, Evidence
from kg.resolve.dates import DateWindow, resolve_date

#: A first line ending so is a sentence of the text, not a headline; nor is one of more words.
HEADLINE_ENDINGS = frozenset('.!?:;"\u201d\u2026')
HEADLINE_MAX_WORDS = 25
#: Lines under the headline that end with no full stop either are its standfirst (at most so many).
STANDFIRST_MAX_LINES = 2
STANDFIRST_MAX_WORDS = 45
#: A headline line whose longer words (after the first) start with a capital at least this often
#: is written in Title Case.
TITLE_CASE_SHARE = 0.7
#: Distinct words of a game's, a film's, computers' or training's vocabulary that make a text one about it.
OTHER_DOMAIN_WORDS = 3


@dataclass
class DocContext:
    doc: Doc
    published: date | None
    entities: EntityTable
    countries: list[str]
    dateline_chars: list[tuple[int, int]] = field(default_factory=list)
    memo: dict[str, object] = field(default_factory=dict)  # what a reader works out once per document

    @classmethod
    def build(cls, doc: Doc, published: date | None) -> "DocContext":
        table = resolve_entities(doc)
        ctx = cls(doc=doc, published=published, entities=table, countries=salient_countries(doc))
        ctx.dateline_chars = dateline_spans(ctx.text)
        return ctx

    @cached_property
    def text(self) -> str:
        """The document's text, joined once (``Doc.text`` joins every token's text at each call)."""
        return self.doc.text

    @cached_property
    def document_words(self) -> frozenset[str]:
        """The lower-case lemmas and forms of the document's words: a reader that asks for a word
        of a list passes over a document without one (``word_list.isdisjoint(ctx.document_words)``)."""
        return frozenset(w for sent in self.sentences for w in sentence_words(sent))

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        """The document's sentences, read once (``Doc.sents`` reads every token's sentence
        start and makes new spans at each call)."""
        return tuple(self.doc.sents)

    @cached_property
    def headline(self) -> Span | None:
        """The document's first line when it is a headline: a line of its own before the text, of
        few words, with no full stop at its end ("Gunmen kill 12 in raid on village")."""
        text = self.text
        end = text.find("\n")
        line = text[:end].strip() if end > 0 else ""
        if not line or not text[end:].strip() or line[-1] in HEADLINE_ENDINGS or len(line.split()) > HEADLINE_MAX_WORDS:
            return None
        # a standfirst under it, also with no full stop ("Blast also injured more than 50 people"), goes with it
        for _ in range(STANDFIRST_MAX_LINES):
            start = len(text) - len(text[end:].lstrip())
            nxt = text.find("\n", start)
            line = text[start:nxt].strip() if nxt > start else ""
            if not line or line[-1] in HEADLINE_ENDINGS or len(line.split()) > STANDFIRST_MAX_WORDS \
                    or not text[nxt:].strip():
                break
            end = nxt
        stop = next((t.i for t in self.doc if t.idx >= end), len(self.doc))
        return self.doc[0:stop] if stop > 0 else None

    @cached_property
    def title_case_headline(self) -> Span | None:
        """The headline's first line when it is written in Title Case ("Roadside Bomb Kills Army
        Ranger"): the model reads its words as names, so what it seems to say is no reading."""
        head = self.headline
        if head is None:
            return None
        stop = next((t.i for t in head if "\n" in t.text), head.end)  # its first line
        words = [t for t in self.doc[head.start:stop] if t.is_alpha and len(t) >= 4][1:]
        if len(words) < 3 or all(t.is_upper for t in words):
            return None
        capitalised = sum(t.text[0].isupper() for t in words)
        return self.doc[head.start:stop] if capitalised >= TITLE_CASE_SHARE * len(words) else None

    @cached_property
    def other_domain_text(self) -> bool:
        """Whether the text is about a game, a film, computers or training: it uses three words of
        one of the sport, screen, cyber or drill lists of violence_words.json ("goalkeeper", "league";
        "box office", "premiere"; "ransomware", "hackers"; "training", "live-fire"), so its strikes,
        shots and attacks are the game's, the trade's, software's or a drill's."""
        lemmas = self.document_words
        text = self.text.lower()
        for key in ("sport_words", "screen_words", "cyber_words", "drill_words"):
            found = {w for w in word_set("violence_words.json", key) if (w in text if " " in w else w in lemmas)}
            if len(found) >= OTHER_DOMAIN_WORDS:
                return True
        return False

    def in_headline(self, span: Span) -> bool:
        head = self.headline
        return head is not None and span.start < head.end

    # -- entities ---------------------------------------------------------
    def entity(self, token: Token) -> Entity | None:
        return self.entities.entity_of(token)

    def agent(self, token: Token) -> Entity | None:
        ent = self.entity(token)
        return ent if ent is not None and ent.kind in AGENT_KINDS else None

    def place(self, token: Token) -> Entity | None:
        ent = self.entity(token)
        if ent is None or ent.kind not in PLACE_KINDS or self.in_dateline(token):
            return None
        if token.i in self.entities.demonym_tokens:
            return None
        return ent

    def place_by_name(self, name: str, kind_hint: str | None = None) -> Entity:
        return place_entity(self.entities, name, self.countries, kind_hint)

    def in_dateline(self, token: Token) -> bool:
        return any(a <= token.idx < b for a, b in self.dateline_chars)

    # -- dates ------------------------------------------------------------
    def date_of(self, span: Span, tense: str = "past") -> DateWindow | None:
        if self.published is None:
            return None
        return resolve_date(span.text, self.published, tense=tense)

    # -- evidence ---------------------------------------------------------
    @staticmethod
    def evidence(*sents: Span) -> tuple[Evidence, ...]:
        seen, out = set(), []
        for s in sents:
            if s.start_char in seen:
                continue
            seen.add(s.start_char)
            out.append(Evidence(s.text.strip(), s.start_char, s.end_char))
        return tuple(sorted(out, key=lambda e: e.start))

    def paragraph_of(self, token: Token) -> int:
        """The index of the paragraph (non-empty line) a token stands in: the number of
        non-empty lines that end before it."""
        line_ends, paragraphs_before = self._paragraph_index
        return paragraphs_before[bisect_left(line_ends, token.idx)]

    @cached_property
    def _paragraph_index(self) -> tuple[list[int], list[int]]:
        """The offsets of the line breaks, and for each count of them the number of non-empty
        lines they end (``[0]`` for none), read once per document for :meth:`paragraph_of`."""
        line_ends = [n for n, char in enumerate(self.text) if char == "\n"]
        paragraphs_before, start = [0], 0
        for end in line_ends:
            paragraphs_before.append(paragraphs_before[-1] + (1 if self.text[start:end].strip() else 0))
            start = end + 1
        return line_ends, paragraphs_before


def sentence_lemmas(sent: Span) -> tuple[str, ...]:
    """The lower-case lemmas of a sentence's words, read once per sentence (kept on the
    document, as plain values so that it still serializes): a reader looking for a word of a
    list passes over a sentence without one (``word_list.isdisjoint(sentence_lemmas(sent))``)."""
    memo = sent.doc.user_data.setdefault(("newskg", "sentence_lemmas"), {})
    key = f"{sent.start}:{sent.end}"
    if key not in memo:
        memo[key] = tuple(t.lemma_.lower() for t in sent)
    return memo[key]


def sentence_words(sent: Span) -> tuple[str, ...]:
    """The lower-case lemmas of a sentence's words, then their lower-case forms, read once per
    sentence and kept like :func:`sentence_lemmas`: a reader that asks for a word of a list by
    its lemma or by its form passes over a sentence without one
    (``word_list.isdisjoint(sentence_words(sent))``)."""
    memo = sent.doc.user_data.setdefault(("newskg", "sentence_words"), {})
    key = f"{sent.start}:{sent.end}"
    if key not in memo:
        memo[key] = sentence_lemmas(sent) + tuple(t.lower_ for t in sent)
    return memo[key]


def subtree_span(token: Token) -> Span:
    return token.doc[token.left_edge.i : token.right_edge.i + 1]


def clause_head(token: Token) -> Token:
    """The verb whose clause holds the token (the token itself if it is a verb)."""
    t = token
    while t.pos_ not in {"VERB", "AUX"} and t.head != t:
        t = t.head
    return t


def subjects(verb: Token) -> list[Token]:
    """The subjects of a verb. A participle the parser hung on a noun as a reduced relative while it
    has an object of its own ("Gunmen on motorcycles killed 22 villagers", read as "gunmen
    [who were] killed") is an active verb whose subject is that noun."""
    found = [c for c in verb.children if c.dep_ == "nsubj"]
    if not found and misread_relative(verb):
        found = [verb.head]
    return found


def shared_subject(verb: Token) -> Token | None:
    """The subject of a verb, else of the verbs it is the complement of or joined to: "X spoke
    with Y and offered to host talks" (who offered to host: X); "X was ready to host talks" (X);
    "X offered on Monday to host talks", the infinitive read as an adverbial (X; not "urged Y
    to ...", whose infinitive is Y's)."""
    t = verb
    for _ in range(4):
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is not None or t.head == t:
            return subj
        if t.dep_ not in {"xcomp", "conj", "acomp"} and not (
                infinitive_of_purpose(t) and not any(c.dep_ == "dobj" for c in t.head.children)):
            return None
        t = t.head
    return None


def takes_to(verb: Token) -> bool:
    """Whether a verb has the infinitive marker "to" ("urged X to withdraw", "tried to revive")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def infinitive_of_purpose(verb: Token) -> bool:
    """"called on X to pull back", "offered on Monday to host talks": an infinitive the parser
    hangs as an adverbial clause rather than as the verb's complement."""
    return verb.dep_ == "advcl" and takes_to(verb)


def rejects(verb: Token) -> bool:
    """A verb of turning something down: "reject", "refuse", or a phrasal one ("turned down",
    "ruled out", "brushed aside")."""
    lemma = verb.lemma_.lower()
    if lemma in words("reject_verbs"):
        return True
    particle = next((c.lower_ for c in verb.children if c.dep_ in {"prt", "advmod"} and c.i > verb.i), None)
    return particle is not None and f"{lemma} {particle}" in words("reject_phrasal_verbs")


def misread_relative(verb: Token) -> bool:
    """A past participle parsed as a noun's reduced relative ("acl") that has a direct object and no
    passive auxiliary: an active verb with that noun as its subject."""
    return verb.dep_ == "acl" and verb.tag_ in {"VBN", "VBD"} and verb.head.pos_ in {"NOUN", "PROPN"} \
        and verb.head.i < verb.i and any(c.dep_ == "dobj" for c in verb.children) \
        and not any(c.dep_ == "auxpass" for c in verb.children)


def counted_in_a_run(noun: Token) -> bool:
    """Whether a noun is counted in a run since a time ("the third kidnapping since March", "their
    first meeting since 2019", "the latest attack since the truce"): an ordinal before it and a
    "since" phrase on it."""
    return any(c.dep_ == "amod" and (c.ent_type_ == "ORDINAL" or c.lower_ in {"first", "last", "latest", "newest"})
               for c in noun.children) and any(c.dep_ == "prep" and c.lower_ == "since" for c in noun.children)


def tree_distance(a: Token, b: Token) -> int:
    """Number of edges between two tokens of one sentence (large if not connected)."""
    path_a = [a] + list(a.ancestors)
    index = {t.i: n for n, t in enumerate(path_a)}
    for n, t in enumerate([b] + list(b.ancestors)):
        if t.i in index:
            return index[t.i] + n
    return 99
