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


# -- meetings: topics, sides, visits, travellers, durations, folded mentions -----------


def test_diplomacy_talks_about_a_summit_are_a_planned_meeting(nlp):
    rec, label = records_of(nlp, "Petro said talks were continuing with Brazil and Mexico on a regional summit for peace.")
    assert len(rec.meetings) == 1
    m = rec.meetings[0]
    assert m.status == "planned" and m.location is None
    parts = {label(p) for p in m.participants}
    assert {"Brazil", "Mexico"} <= parts


def test_diplomacy_speaker_is_a_side_of_talks_with(nlp):
    rec, label = records_of(
        nlp, "Sudanese army chief Abdel Fattah al-Burhan said negotiations were continuing with Egypt and Turkey "
             "on a new round of talks.")
    parts = {label(p) for m in rec.meetings for p in m.participants}
    assert {"Sudan", "Egypt", "Turkey"} <= parts
    assert "Abdel Fattah al-Burhan" not in parts  # the speaker counts as the side he speaks for


def test_diplomacy_topic_place_is_not_the_venue(nlp):
    rec, label = records_of(nlp, "Kenyan President William Ruto will attend a summit in Addis Ababa on Monday "
                                 "on the crisis in Sudan.")
    assert [label(m.location) for m in rec.meetings] == ["Addis Ababa"]


def test_diplomacy_reporting_source_is_not_a_participant(nlp):
    rec, label = records_of(nlp, "Qatari officials confirmed that a follow-up meeting would take place in Nairobi next week.")
    assert len(rec.meetings) == 1
    assert "Qatar" not in {label(p) for p in rec.meetings[0].participants}


def test_diplomacy_foreign_leader_present_in_a_city_is_a_visit(nlp):
    rec, label = records_of(
        nlp, "Ethiopian Prime Minister Abiy Ahmed said on Tuesday. Abiy said he had told Kenya's President "
             "William Ruto, who was in Addis Ababa, that he would back the plan.")
    visits = [m for m in rec.meetings if m.location and label(m.location) == "Addis Ababa"]
    assert len(visits) == 1
    v = visits[0]
    assert v.status == "held"
    assert {"William Ruto", "Kenya", "Abiy Ahmed", "Ethiopia"} <= {label(p) for p in v.participants}


def test_diplomacy_people_travelling_to_the_venue_join_the_meeting(nlp):
    rec, label = records_of(
        nlp, "Saudi and Iranian negotiators will meet in Baghdad next week to revive talks on restoring ties. "
             "Saudi Foreign Minister Faisal bin Farhan will travel to Baghdad on Monday, and Iranian Foreign "
             "Minister Hossein Amir-Abdollahian will be there for the talks.")
    baghdad = [m for m in rec.meetings if m.location and label(m.location) == "Baghdad"]
    assert len(baghdad) == 1 and baghdad[0].status == "planned"
    parts = {label(p) for p in baghdad[0].participants}
    assert {"Faisal bin Farhan", "Saudi Arabia", "Iran"} <= parts
    assert len(baghdad[0].evidence) == 2


def test_diplomacy_multi_day_meeting_window(nlp):
    rec, _ = records_of(nlp, "Leaders of Mali and Niger will join a three-day summit due to begin on Friday in Abuja.")
    assert len(rec.meetings) == 1
    d = rec.meetings[0].date
    assert (d.earliest, d.latest) == (date(2024, 6, 14), date(2024, 6, 16))


def test_diplomacy_placeless_mention_folds_into_the_placed_meeting(nlp):
    rec, label = records_of(
        nlp, "Malian President Assimi Goita and Nigerien President Abdourahamane Tchiani will attend a summit on "
             "Saturday on the security crisis in the Sahel. Goita and Tchiani will join a two-day summit due to "
             "begin on Friday in Abuja, officials said.")
    assert len(rec.meetings) == 1
    m = rec.meetings[0]
    assert label(m.location) == "Abuja" and m.status == "planned"
    assert (m.date.earliest, m.date.latest) == (date(2024, 6, 14), date(2024, 6, 15))
    assert {"Mali", "Niger"} <= {label(p) for p in m.participants}
    assert len(m.evidence) == 2


def test_diplomacy_discussion_with_officials_is_a_meeting(nlp):
    rec, label = records_of(nlp, "A Houthi delegation discussed proposals related to a Red Sea truce with Omani "
                                 "officials in Muscat on Monday.")
    muscat = [m for m in rec.meetings if m.location and label(m.location) == "Muscat"]
    assert muscat and muscat[0].status == "held"
    assert muscat[0].date.earliest == date(2024, 6, 10)
    assert "Oman" in {label(p) for p in muscat[0].participants}


# -- mediation: third parties restarting talks, goals ------------------------------


def test_diplomacy_restarting_talks_is_mediation_by_a_third_party(nlp):
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


def test_diplomacy_parties_restarting_their_own_talks_do_not_mediate(nlp):
    rec, _ = records_of(nlp, "Armenia and Azerbaijan agreed on Monday to resume talks on a peace treaty.")
    assert not rec.mediations


def test_diplomacy_goal_is_what_brokered_talks_seek(nlp):
    rec, _ = records_of(nlp, "Ethiopian and Eritrean envoys will meet in Jeddah for Saudi-brokered talks "
                             "seeking to end the border conflict.")
    goals = [g for m in rec.mediations for g in m.goals]
    assert goals == ["end the border conflict"]


# -- demands: compact labels, read-back, quotations, pronoun speakers --------------


def test_diplomacy_call_on_label_drops_asides(nlp):
    rec, label = records_of(
        nlp, "Chad called on Sudan to pull back what it described as large numbers of troops and armoured "
             "vehicles, including tanks, deployed along their common border.")
    assert len(rec.demands) == 1
    d = rec.demands[0]
    assert d.label == "Sudan pull back large numbers of troops and armoured vehicles"
    assert [label(k) for k in d.demanded_by] == ["Chad"]


def test_diplomacy_do_so_reads_back_the_earlier_verb_phrase(nlp):
    rec, label = records_of(nlp, "Guterres said it was unclear whether the Houthis were ready to release the "
                                 "crew, but urged the group to do so.")
    assert [d.label for d in rec.demands] == ["Houthis release the crew"]  # "the group" named


def test_diplomacy_quoted_obligation_is_the_speakers_demand(nlp):
    rec, label = records_of(nlp, '"Venezuela must release all political prisoners," Colombian President '
                                 'Gustavo Petro told reporters.')
    assert len(rec.demands) == 1
    d = rec.demands[0]
    assert "release all political prisoners" in d.label
    assert [label(k) for k in d.demanded_by] == ["Gustavo Petro"]


def test_diplomacy_speaker_obliging_his_own_side_is_no_demand(nlp):
    rec, _ = records_of(nlp, '"Colombia must defend its borders," Colombian President Gustavo Petro said.')
    assert not rec.demands


def test_diplomacy_quoted_imperative_with_pronoun_speaker(nlp):
    rec, label = records_of(
        nlp, "Kenyan President William Ruto spoke in Nairobi on Sunday. “Stop the shelling of Khartoum now,” "
             "he said in a statement.")
    assert [label(k) for d in rec.demands for k in d.demanded_by] == ["William Ruto"]
    assert rec.demands[0].label == "Stop the shelling of Khartoum now"


def test_diplomacy_instead_of_states_what_the_speaker_wants(nlp):
    rec, label = records_of(
        nlp, "Sudan's foreign minister, Ali Youssef, condemned the raid. “Instead of agreeing to a ceasefire "
             "now, the RSF continues to attack civilians,” he said.")
    labels = [d.label for d in rec.demands]
    assert len(labels) == 1 and labels[0].startswith("agreeing to a ceasefire")
    assert [label(k) for k in rec.demands[0].demanded_by] == ["Ali Youssef"]


def test_diplomacy_request_without_a_known_demander_is_dropped(nlp):
    rec, _ = records_of(nlp, "A resident of the camp spoke by phone. He asked that his name not be published.")
    assert not rec.demands


def test_diplomacy_earlier_rounds_of_the_same_negotiation(nlp):
    rec, label = records_of(
        nlp, "Saudi and Houthi negotiators will meet on Thursday in Muscat for fresh talks.\n\n"
             "The talks, which Riyadh said will be held behind closed doors, come after two earlier rounds held "
             "this year in Amman.")
    by_place = {label(m.location): m for m in rec.meetings if m.location}
    assert set(by_place) == {"Muscat", "Amman"}
    assert by_place["Muscat"].status == "planned" and by_place["Amman"].status == "held"
    assert {label(p) for p in by_place["Amman"].participants} == {label(p) for p in by_place["Muscat"].participants}


def test_diplomacy_round_of_shelling_is_no_meeting(nlp):
    rec, _ = records_of(nlp, "A fresh round of shelling hit the outskirts of Kharkiv on Tuesday.")
    assert not rec.meetings


def test_diplomacy_mediated_talks_goal_and_telling_date(nlp):
    rec, label = records_of(nlp, "Qatar and Egypt are mediating talks between Israel and Hamas on a ceasefire in "
                                 "Gaza, officials said on Monday.")
    assert {label(m.mediators[0]) for m in rec.mediations} == {"Qatar", "Egypt"}
    assert all(m.goals == ("ceasefire in Gaza",) for m in rec.mediations)
    assert all(m.date is None for m in rec.meetings)  # Monday is when it was said


def test_diplomacy_party_named_by_its_forces_not_twice(nlp):
    rec, label = records_of(nlp, "Saudi Arabia brokered a truce between the Sudanese army and the Rapid Support "
                                 "Forces in Jeddah in May.")
    parties = {label(k) for m in rec.mediations for k in m.parties}
    assert "Rapid Support Forces" in parties and "Sudan" not in parties and len(parties) == 2


def test_diplomacy_demand_that_clause_label(nlp):
    rec, label = records_of(nlp, "Russia demands that Ukraine withdraw its troops from four regions, a condition "
                                 "Kyiv has rejected.")
    assert [(d.label, [label(k) for k in d.rejected_by]) for d in rec.demands] == [
        ("Ukraine withdraw its troops from four regions", ["Ukraine"])]
