"""Mediation efforts on invented sentences, with the real model."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract

PUB = date(2024, 6, 12)  # a Wednesday
pytestmark = pytest.mark.slow


def records_of(nlp, text):
    rec = extract(nlp(text), PUB)
    return rec, (lambda k: rec.entities[k].label)


def test_mediation_mediation_between_parties(nlp):
    rec, label = records_of(nlp, "Turkey has offered to mediate a ceasefire between Armenia and Azerbaijan.")
    assert len(rec.mediations) == 1
    med = rec.mediations[0]
    assert [label(k) for k in med.mediators] == ["Turkey"]
    assert {label(k) for k in med.parties} == {"Armenia", "Azerbaijan"}
    assert any("ceasefire" in g for g in med.goals)


def test_mediation_brokered_truce(nlp):
    rec, label = records_of(nlp, "Saudi Arabia brokered a truce between the army and the rebels in May.")
    assert [label(k) for m in rec.mediations for k in m.mediators] == ["Saudi Arabia"]
    assert any("truce" in g for m in rec.mediations for g in m.goals)


def test_mediation_restarting_talks_is_mediation_by_a_third_party(nlp):
    rec, label = records_of(
        nlp, "Egypt and Qatar served as mediators between Israel and Hamas during talks on a truce and the "
             "release of hostages. U.S. Secretary of State Antony Blinken flew to Cairo on Monday, attempting to "
             "restart discussions.")
    by = {label(m.mediators[0]): m for m in rec.mediations}
    assert {"Egypt", "Qatar", "United States"} <= set(by)
    us = by["United States"]
    assert "Antony Blinken" in {label(k) for k in us.mediators}
    assert {label(k) for k in us.parties} == {"Israel", "Hamas"}
    assert any("truce" in g for g in us.goals)  # the goal of the talks the document names


def test_mediation_parties_restarting_their_own_talks_do_not_mediate(nlp):
    rec, _ = records_of(nlp, "Armenia and Azerbaijan agreed on Monday to resume talks on a peace treaty.")
    assert not rec.mediations


def test_mediation_goal_is_what_brokered_talks_seek(nlp):
    rec, _ = records_of(nlp, "Ethiopian and Eritrean envoys will meet in Jeddah for Saudi-brokered talks "
                             "seeking to end the border conflict.")
    goals = [g for m in rec.mediations for g in m.goals]
    assert goals == ["end the border conflict"]


def test_mediation_mediated_talks_goal_and_telling_date(nlp):
    rec, label = records_of(nlp, "Qatar and Egypt are mediating talks between Israel and Hamas on a ceasefire in "
                                 "Gaza, officials said on Monday.")
    assert {label(m.mediators[0]) for m in rec.mediations} == {"Qatar", "Egypt"}
    assert all(m.goals == ("ceasefire in Gaza",) for m in rec.mediations)
    assert all(m.date is None for m in rec.meetings)  # Monday is when it was said


def test_mediation_party_named_by_its_forces_not_twice(nlp):
    rec, label = records_of(nlp, "Saudi Arabia brokered a truce between the Sudanese army and the Rapid Support "
                                 "Forces in Jeddah in May.")
    parties = {label(k) for m in rec.mediations for k in m.parties}
    assert "Rapid Support Forces" in parties and "Sudan" not in parties and len(parties) == 2
