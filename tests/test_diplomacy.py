"""Meetings, mediation and demands on invented sentences, with the real model."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract

PUB = date(2024, 6, 12)  # a Wednesday
pytestmark = pytest.mark.slow


def records_of(nlp, text):
    rec = extract(nlp(text), PUB)
    return rec, (lambda k: rec.entities[k].label)


def test_diplomacy_planned_meeting_with_place_and_date(nlp):
    rec, label = records_of(nlp, "Iranian and American negotiators will meet in Muscat on Saturday for indirect talks.")
    assert len(rec.meetings) == 1
    m = rec.meetings[0]
    assert m.status == "planned"
    assert label(m.location) == "Muscat"
    assert m.date is not None and m.date.earliest == date(2024, 6, 15)
    assert {"Iran", "United States"} <= {label(p) for p in m.participants}


def test_diplomacy_held_meeting_past_tense(nlp):
    rec, label = records_of(nlp, "Last week, the Sudanese army chief met with Egypt's president in Cairo.")
    held = [m for m in rec.meetings if m.location and label(m.location) == "Cairo"]
    assert held and held[0].status == "held"
    assert held[0].date is not None and held[0].date.earliest == date(2024, 6, 3)


def test_diplomacy_mediation_between_parties(nlp):
    rec, label = records_of(nlp, "Turkey has offered to mediate a ceasefire between Armenia and Azerbaijan.")
    assert len(rec.mediations) == 1
    med = rec.mediations[0]
    assert [label(k) for k in med.mediators] == ["Turkey"]
    assert {label(k) for k in med.parties} == {"Armenia", "Azerbaijan"}
    assert any("ceasefire" in g for g in med.goals)


def test_diplomacy_brokered_truce(nlp):
    rec, label = records_of(nlp, "Saudi Arabia brokered a truce between the army and the rebels in May.")
    assert [label(k) for m in rec.mediations for k in m.mediators] == ["Saudi Arabia"]
    assert any("truce" in g for m in rec.mediations for g in m.goals)


def test_diplomacy_demand_and_rejection(nlp):
    rec, label = records_of(nlp, "Kyiv insists on the withdrawal of all Russian troops, a condition that Moscow rejects.")
    assert rec.demands
    d = rec.demands[0]
    assert "withdrawal" in d.label
    assert [label(k) for k in d.demanded_by] == ["Ukraine"]
    assert [label(k) for k in d.rejected_by] == ["Russia"]


def test_diplomacy_call_on_someone_to_act(nlp):
    rec, label = records_of(nlp, "Egypt called on Israel to open the border crossings.")
    assert any("open the border crossings" in d.label for d in rec.demands)
    assert any(label(k) == "Egypt" for d in rec.demands for k in d.demanded_by)
