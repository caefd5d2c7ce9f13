"""Demands and conditions on invented sentences, with the real model."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract

PUB = date(2024, 6, 12)  # a Wednesday
pytestmark = pytest.mark.slow


def records_of(nlp, text):
    rec = extract(nlp(text), PUB)
    return rec, (lambda k: rec.entities[k].label)


def test_demands_demand_and_rejection(nlp):
    rec, label = records_of(nlp, "Kyiv insists on the withdrawal of all Russian troops, a condition that Moscow rejects.")
    assert rec.demands
    d = rec.demands[0]
    assert "withdrawal" in d.label
    assert [label(k) for k in d.demanded_by] == ["Ukraine"]
    assert [label(k) for k in d.rejected_by] == ["Russia"]


def test_demands_call_on_someone_to_act(nlp):
    rec, label = records_of(nlp, "Egypt called on Israel to open the border crossings.")
    assert any("open the border crossings" in d.label for d in rec.demands)
    assert any(label(k) == "Egypt" for d in rec.demands for k in d.demanded_by)


def test_demands_call_on_label_drops_asides(nlp):
    rec, label = records_of(
        nlp, "Chad called on Sudan to pull back what it described as large numbers of troops and armoured "
             "vehicles, including tanks, deployed along their common border.")
    assert len(rec.demands) == 1
    d = rec.demands[0]
    assert d.label == "Sudan pull back large numbers of troops and armoured vehicles"
    assert [label(k) for k in d.demanded_by] == ["Chad"]


def test_demands_do_so_reads_back_the_earlier_verb_phrase(nlp):
    rec, label = records_of(nlp, "Guterres said it was unclear whether the Houthis were ready to release the "
                                 "crew, but urged the group to do so.")
    assert [d.label for d in rec.demands] == ["Houthis release the crew"]  # "the group" named


def test_demands_quoted_obligation_is_the_speakers_demand(nlp):
    rec, label = records_of(nlp, '"Venezuela must release all political prisoners," Colombian President '
                                 'Gustavo Petro told reporters.')
    assert len(rec.demands) == 1
    d = rec.demands[0]
    assert "release all political prisoners" in d.label
    assert [label(k) for k in d.demanded_by] == ["Gustavo Petro"]


def test_demands_speaker_obliging_his_own_side_is_no_demand(nlp):
    rec, _ = records_of(nlp, '"Colombia must defend its borders," Colombian President Gustavo Petro said.')
    assert not rec.demands


def test_demands_quoted_imperative_with_pronoun_speaker(nlp):
    rec, label = records_of(
        nlp, "Kenyan President William Ruto spoke in Nairobi on Sunday. “Stop the shelling of Khartoum now,” "
             "he said in a statement.")
    assert [label(k) for d in rec.demands for k in d.demanded_by] == ["William Ruto"]
    assert rec.demands[0].label == "Stop the shelling of Khartoum now"


def test_demands_instead_of_states_what_the_speaker_wants(nlp):
    rec, label = records_of(
        nlp, "Sudan's foreign minister, Ali Youssef, condemned the raid. “Instead of agreeing to a ceasefire "
             "now, the RSF continues to attack civilians,” he said.")
    labels = [d.label for d in rec.demands]
    assert len(labels) == 1 and labels[0].startswith("agreeing to a ceasefire")
    assert [label(k) for k in rec.demands[0].demanded_by] == ["Ali Youssef"]


def test_demands_request_without_a_known_demander_is_dropped(nlp):
    rec, _ = records_of(nlp, "A resident of the camp spoke by phone. He asked that his name not be published.")
    assert not rec.demands


def test_demands_demand_that_clause_label(nlp):
    rec, label = records_of(nlp, "Russia demands that Ukraine withdraw its troops from four regions, a condition "
                                 "Kyiv has rejected.")
    assert [(d.label, [label(k) for k in d.rejected_by]) for d in rec.demands] == [
        ("Ukraine withdraw its troops from four regions", ["Ukraine"])]
