"""The project's pipeline components on real text, with the real model."""

from __future__ import annotations


def test_nlp_line_breaks_end_sentences(nlp):
    doc = nlp("Moscow, Kyiv meet for talks after fresh attacks\n\n- Trump warning to Kyiv -\n"
              "The talks come after two earlier rounds.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Moscow, Kyiv meet for talks after fresh attacks"
    assert sents[-1] == "The talks come after two earlier rounds."
    assert not any("\n" in s for s in sents)  # no sentence runs across a line break


def test_nlp_pipeline_components_in_order(nlp):
    names = nlp.pipe_names
    assert names.index("newskg_line_breaks") < names.index("parser")
    assert names.index("newskg_ruler") < names.index("ner") < names.index("newskg_entity_fixer")


def test_nlp_country_never_heads_a_region(nlp):
    ents = [(e.text, e.label_) for e in nlp("The toll was reported by Myanmar state media and Kenyan state TV.").ents]
    assert ("Myanmar", "GPE") in ents
    assert not any(text.endswith("state") for text, _ in ents)
    assert ("Kherson region", "LOC") in [(e.text, e.label_) for e in nlp("Drones hit the Kherson region.").ents]
