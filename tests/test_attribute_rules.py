"""The model's attribute rules looked up by table: the same matches and the same token
attributes as spaCy's own attribute ruler, on real articles parsed by the real model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler

SEEDS = Path(__file__).resolve().parents[1] / "seeds"



@pytest.fixture(scope="module")
def parsed(nlp):
    """The seed articles (and a few sentences with the rarer rules: "ain't", "gonna", "let's"),
    parsed up to the attribute rules."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.rglob("*.txt"))]
    texts.append("They ain't gonna stop, let's see. Y'all know nothin' about it; it was there and I saw it.\n\n \t")
    assert len(texts) > 1
    names = nlp.pipe_names
    with nlp.select_pipes(enable=names[: names.index("attribute_ruler")]):
        return list(nlp.pipe(texts))


@pytest.fixture(scope="module")
def spacy_rules(nlp):
    rules = AttributeRuler(nlp.vocab)
    rules.add_patterns(nlp.get_pipe("attribute_ruler").patterns)
    return rules


def test_pipeline_looks_the_attribute_rules_up(nlp):
    from kg.attribute_rules import TableAttributeRuler

    assert isinstance(nlp.get_pipe("attribute_ruler"), TableAttributeRuler)
    assert len(nlp.get_pipe("attribute_ruler").patterns) > 100  # the model's rules, all kept


def test_table_matches_what_the_matcher_matches(nlp, parsed, spacy_rules):
    table = nlp.get_pipe("attribute_ruler")
    for doc in parsed:
        assert table.match(doc) == spacy_rules.match(doc)


def test_table_sets_the_same_token_attributes(nlp, parsed, spacy_rules):
    table = nlp.get_pipe("attribute_ruler")
    columns = [TAG, POS, MORPH, LEMMA, DEP]
    for doc in parsed:
        by_matcher, by_table = doc.copy(), doc.copy()
        spacy_rules(by_matcher)
        table(by_table)
        assert np.array_equal(by_matcher.to_array(columns), by_table.to_array(columns))
    last = by_table
    assert {t.lemma_ for t in last if t.lower_ == "ai"} == {"be"}  # a rule of two tokens ("ai" + "n't")
    assert any(t.pos_ == "SPACE" for t in last)  # white space gets its own part of speech
