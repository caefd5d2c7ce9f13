"""The reporter's dateline: where the story was filed, never where anything happened."""

from __future__ import annotations

import pytest

from kg.datelines import dateline_spans
from kg.extract.attacks import extract_attacks
from kg.extract.context import DocContext


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("KHARTOUM, Sudan (AP) — Gunmen attacked a market.", "KHARTOUM, Sudan (AP) — "),
        ("Geneva (AFP) Feb 17, 2026\nTalks began on Monday.", "Geneva (AFP) Feb 17, 2026"),
        ("KYIV (Reuters) - Russia struck the city overnight.", "KYIV (Reuters) - "),
        ("PARIS — The minister said talks would resume.", "PARIS — "),
        ("BANGKOK: Troops clashed near the border.", "BANGKOK: "),
        ("ADEN, Yemen — Houthi drones struck a military post.", "ADEN, Yemen — "),
        # the day it was filed between the place and the agency; an agency with no dash after it
        ("TRIPOLI, March 3 (Reuters) - Rival brigades clashed overnight.", "TRIPOLI, March 3 (Reuters) - "),
        ("Quetta, Jan 14 (PTI) Two soldiers were killed.", "Quetta, Jan 14 (PTI) "),
        ("Srinagar (IANS) Troops exchanged fire with militants.", "Srinagar (IANS) "),
        # more agencies, and EFE's ".-"
        ("Bogota, Feb 3 (EFE).- The ELN freed two hostages.", "Bogota, Feb 3 (EFE).- "),
        ("ANKARA (AA) - Turkey offered to host the talks.", "ANKARA (AA) - "),
        ("TBILISI (RFE/RL) — The ministers met late on Sunday.", "TBILISI (RFE/RL) — "),
        # the text's first words, the place written as usual before a long dash
        ("Kinshasa — Congo's foreign minister, Ida Mbala, said the talks would resume.", "Kinshasa — "),
        ("Port Sudan – The army said it had repelled a drone attack.", "Port Sudan – "),
        # the day it was filed before a dash, with no agency
        ("JUBA, March 9 — Gunmen killed four traders near Yei.", "JUBA, March 9 — "),
        ("NIAMEY, Niger, Oct. 2 - Jihadists attacked a convoy.", "NIAMEY, Niger, Oct. 2 - "),
    ],
)
def test_datelines_span_ends_where_the_story_starts(text, dateline):
    spans = dateline_spans(text)
    assert [text[a:b] for a, b in spans] == [dateline]


@pytest.mark.parametrize(
    "text",
    [
        "Residents said: the shelling went on all night.",
        "The army - which denies the claim - said it struck a depot.",
        "On Monday, June 3 (local time) troops crossed the river.",
        "Rapid Support Forces (RSF) fighters attacked the town of Babanusa.",
        # a place before a long dash after the text's first line is no dateline
        "Troops moved north.\nGoma — the city the rebels hold — was calm.",
        "The talks — held in Doha — ended without a deal.",
    ],
)
def test_datelines_ordinary_sentences_have_none(text):
    assert dateline_spans(text) == []


@pytest.mark.parametrize(
    ("text", "place", "attacker"),
    [
        ("KHARTOUM, Sudan (AP) — Paramilitary forces shelled a crowded market in the city of Omdurman on Sunday, "
         "killing at least 21 people.", "Omdurman", None),
        ("MOGADISHU — Al-Shabaab militants stormed a hotel in Kismayo late Friday, killing at least nine people.",
         "Kismayo", "al-Shabaab"),
        ("BAMAKO (AFP) - Jihadists attacked an army camp in Boulkessi on Tuesday, killing 12 soldiers.", "Boulkessi", None),
        # the country after the capitals is not who attacked
        ("KYIV, Ukraine — Russian forces shelled the southern city of Kherson on Sunday, killing a man.", "Kherson", "Russia"),
    ],
)
def test_datelines_sentence_after_a_dateline_on_its_line_is_read_whole(nlp, text, place, attacker):
    ctx = DocContext.build(nlp(text), None)
    (attack,) = list(extract_attacks(ctx))
    labels = [ctx.entities.entities[k].label for k in attack.locations]
    assert place in labels
    assert not set(labels) & {"Khartoum", "Mogadishu", "Bamako"}
    if attacker:
        assert [ctx.entities.entities[k].label for k in attack.attackers] == [attacker]


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Quetta, Jan 14 (PTI) At least five soldiers were killed and four others injured when militants "
         "attacked a checkpoint in Turbat on Sunday, officials said.", 5, 4),
        ("GOMA, Nov 2 (Reuters) - Three civilians were killed and seven wounded when shells landed on a market "
         "in Sake on Saturday, a local official said.", 3, 7),
    ],
)
def test_datelines_toll_that_opens_the_story_after_a_dated_dateline(nlp, text, killed, injured):
    ctx = DocContext.build(nlp(text), None)
    (attack,) = list(extract_attacks(ctx))
    counts = {c.outcome: c.min for c in attack.casualties}
    assert counts == {"Killed": killed, "Injured": injured}


@pytest.mark.parametrize(
    ("text", "described"),
    [
        ("MAIDUGURI, Nigeria (AP) — Militants killed nine fishermen on Lake Chad on Friday, officials said.", "militants"),
        ("BUNIA, Congo (Reuters) - Gunmen shot dead four traders near Djugu on Sunday.", "gunmen"),
        ("KABUL (AFP) - Insurgents stormed a police post in Ghazni on Monday, killing three officers.", "insurgents"),
    ],
)
def test_datelines_common_noun_that_opens_the_story_is_who_attacked(nlp, text, described):
    ctx = DocContext.build(nlp(text), None)
    (attack,) = list(extract_attacks(ctx))
    assert [d.lower() for d in attack.attacker_descriptions] == [described]


def test_datelines_name_that_opens_the_story_stays_a_name(nlp):
    doc = nlp("GENEVA (Reuters) - Doctors Without Borders said its clinic in Gaza was shelled.")
    assert ("Doctors Without Borders", "ORG") in [(e.text, e.label_) for e in doc.ents]


def test_datelines_the_day_filed_is_not_the_day_of_the_attack(nlp):
    # the attack is dated by what the text says of it ("said Wednesday": on or before that day)
    from datetime import date

    ctx = DocContext.build(nlp("JUBA, March 9 — An attack on a cattle camp in Jonglei state has left at least 14 "
                               "people dead, an official said Wednesday."), date(2022, 3, 9))
    (attack,) = list(extract_attacks(ctx))
    assert (attack.date.earliest.isoformat(), attack.date.latest.isoformat()) == ("2022-03-08", "2022-03-09")
