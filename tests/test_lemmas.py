"""The model's lemmatizer with its answers kept: the same lemmas as spaCy's own rule
lemmatizer, on real articles parsed by the real model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from spacy.attrs import LEMMA

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def parsed(nlp):
    """The seed articles and a few sentences of base forms, inflections and exceptions, parsed
    up to the lemmatizer; each twice, so that the second reading comes from the kept answers."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.rglob("*.txt"))]
    texts.append("Gunmen killed 12 villagers and wounded others; the attackers were better armed. "
                 "Children's bodies lay in the houses they had fled.\n\n \t")
    assert len(texts) > 1
    names = nlp.pipe_names
    with nlp.select_pipes(enable=names[: names.index("lemmatizer")]):
        return list(nlp.pipe(texts + texts))


def test_pipeline_keeps_the_lemmatizers_answers(nlp):
    from spacy.pipeline import Lemmatizer

    from kg.lemmas import KeptLemmas

    kept = nlp.get_pipe("lemmatizer")
    assert isinstance(kept, KeptLemmas)
    assert isinstance(kept.lemmatizer, Lemmatizer) and kept.lemmatizer.mode == "rule"


def test_kept_lemmas_are_the_lemmatizers(nlp, parsed):
    kept = nlp.get_pipe("lemmatizer")
    for doc in parsed:
        by_spacy, by_kept = doc.copy(), doc.copy()
        kept.lemmatizer(by_spacy)
        kept(by_kept)
        assert np.array_equal(by_spacy.to_array([LEMMA]), by_kept.to_array([LEMMA]))
        assert [t.lemma_ for t in by_spacy] == [t.lemma_ for t in by_kept]
    lemmas = {t.text: t.lemma_ for t in by_kept}
    assert lemmas["killed"] == "kill" and lemmas["villagers"] == "villager" and lemmas["better"] == "well"
    assert len(kept.kept) > 0  # answers kept for the next documents


def test_rule_lemmas_are_spacys_rules(nlp, parsed):
    from kg.lemmas import rule_lemmas

    spacy_lemmatizer = nlp.get_pipe("lemmatizer").lemmatizer
    known: dict = {}
    tokens = [t for doc in parsed for t in doc]
    for token in tokens:  # every candidate list, not only the first lemma
        assert rule_lemmas(spacy_lemmatizer, token, known) == spacy_lemmatizer.rule_lemmatize(token)
    assert {"noun", "verb"} <= set(known)  # the known lemmas read as sets


def test_kept_lemmas_correct_only_the_listed_words(nlp):
    """"bases" is the plural of "base" in conflict news (spaCy's exception table says "basis");
    the other words keep spaCy's lemma."""
    names = nlp.pipe_names
    with nlp.select_pipes(enable=names[: names.index("lemmatizer")]):
        doc = nlp("Drones struck two air bases and several military positions near the border.")
    kept = nlp.get_pipe("lemmatizer")
    by_spacy, by_kept = doc.copy(), doc.copy()
    kept.lemmatizer(by_spacy)
    kept(by_kept)
    assert {t.text: t.lemma_ for t in by_spacy}["bases"] == "basis"
    assert {t.text: t.lemma_ for t in by_kept}["bases"] == "base"
    assert [t.lemma_ for t in by_spacy if t.text != "bases"] == [t.lemma_ for t in by_kept if t.text != "bases"]


def test_kept_lemmas_hope_is_no_hop(nlp):
    """"hopes", "hoped", "hoping" are forms of "hope" (spaCy's verb rules say "hop")."""
    doc = nlp("Ruto hopes a deal will be signed in Arusha; Museveni hoped for peace, hoping to meet him.")
    assert {t.text: t.lemma_ for t in doc if t.text.startswith("hop")} == {"hopes": "hope", "hoped": "hope", "hoping": "hope"}
