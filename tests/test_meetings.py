"""Meetings (talks, summits, visits, calls) on invented sentences, with the real model."""

from __future__ import annotations

from datetime import date

import pytest

from extracted import records_of

pytestmark = pytest.mark.slow


def test_meetings_planned_meeting_with_place_and_date(nlp):
    rec, label = records_of(nlp, "Iranian and American negotiators will meet in Muscat on Saturday for indirect talks.")
    assert len(rec.meetings) == 1
    m = rec.meetings[0]
    assert m.status == "planned"
    assert label(m.location) == "Muscat"
    assert m.date is not None and m.date.earliest == date(2024, 6, 15)
    assert {"Iran", "United States"} <= {label(p) for p in m.participants}


def test_meetings_held_meeting_past_tense(nlp):
    rec, label = records_of(nlp, "Last week, the Sudanese army chief met with Egypt's president in Cairo.")
    held = [m for m in rec.meetings if m.location and label(m.location) == "Cairo"]
    assert held and held[0].status == "held"
    assert held[0].date is not None and held[0].date.earliest == date(2024, 6, 3)


def test_meetings_talks_about_a_summit_are_a_planned_meeting(nlp):
    rec, label = records_of(nlp, "Petro said talks were continuing with Brazil and Mexico on a regional summit for peace.")
    assert len(rec.meetings) == 1
    m = rec.meetings[0]
    assert m.status == "planned" and m.location is None
    parts = {label(p) for p in m.participants}
    assert {"Brazil", "Mexico"} <= parts


def test_meetings_speaker_is_a_side_of_talks_with(nlp):
    rec, label = records_of(
        nlp, "Malian junta leader Assimi Goita said negotiations were continuing with Algeria and Turkey "
             "on a new round of talks.")
    parts = {label(p) for m in rec.meetings for p in m.participants}
    assert {"Mali", "Algeria", "Turkey"} <= parts
    assert "Assimi Goita" not in parts  # the speaker counts as the side he speaks for


def test_meetings_topic_place_is_not_the_venue(nlp):
    rec, label = records_of(nlp, "Kenyan President William Ruto will attend a summit in Addis Ababa on Monday "
                                 "on the crisis in Sudan.")
    assert [label(m.location) for m in rec.meetings] == ["Addis Ababa"]


def test_meetings_reporting_source_is_not_a_participant(nlp):
    rec, label = records_of(nlp, "Turkish officials confirmed that another meeting would take place in Baku next week.")
    assert len(rec.meetings) == 1
    assert "Turkey" not in {label(p) for p in rec.meetings[0].participants}


@pytest.mark.parametrize("agency", ["Xinhua", "TASS", "Anadolu Agency"])
def test_meetings_news_agency_before_the_story_is_not_a_participant(nlp, agency):
    rec, label = records_of(nlp, f"BAKU | {agency} | Delegations of Armenia and Azerbaijan concluded their meeting "
                                 "in Baku on Friday, agreeing to meet again.")
    parts = {label(p) for m in rec.meetings for p in m.participants}
    assert {"Armenia", "Azerbaijan"} <= parts and agency not in parts, parts


def test_meetings_foreign_leader_present_in_a_city_is_a_visit(nlp):
    rec, label = records_of(
        nlp, "Ethiopian Prime Minister Abiy Ahmed said on Tuesday. Abiy said he had told Kenya's President "
             "William Ruto, who was in Addis Ababa, that he would back the plan.")
    visits = [m for m in rec.meetings if m.location and label(m.location) == "Addis Ababa"]
    assert len(visits) == 1
    v = visits[0]
    assert v.status == "held"
    assert {"William Ruto", "Kenya", "Abiy Ahmed", "Ethiopia"} <= {label(p) for p in v.participants}


def test_meetings_people_travelling_to_the_venue_join_the_meeting(nlp):
    rec, label = records_of(
        nlp, "Saudi and Iranian negotiators will meet in Baghdad next week to revive talks on restoring ties. "
             "Saudi Foreign Minister Faisal bin Farhan will travel to Baghdad on Monday, and Iranian Foreign "
             "Minister Hossein Amir-Abdollahian will also be there for talks.")
    baghdad = [m for m in rec.meetings if m.location and label(m.location) == "Baghdad"]
    assert len(baghdad) == 1 and baghdad[0].status == "planned"
    parts = {label(p) for p in baghdad[0].participants}
    assert {"Faisal bin Farhan", "Saudi Arabia", "Iran"} <= parts
    assert len(baghdad[0].evidence) == 2


def test_meetings_multi_day_meeting_window(nlp):
    rec, _ = records_of(nlp, "Leaders of Mali and Niger will join a three-day summit due to begin in Abuja on Friday.")
    assert len(rec.meetings) == 1
    d = rec.meetings[0].date
    assert (d.earliest, d.latest) == (date(2024, 6, 14), date(2024, 6, 16))


def test_meetings_placeless_mention_folds_into_the_placed_meeting(nlp):
    rec, label = records_of(
        nlp, "Malian President Assimi Goita and Nigerien President Abdourahamane Tchiani will attend a summit on "
             "Saturday on the security crisis in the Sahel. Goita and Tchiani will join a two-day summit due to "
             "begin in Abuja on Friday, officials said.")
    assert len(rec.meetings) == 1
    m = rec.meetings[0]
    assert label(m.location) == "Abuja" and m.status == "planned"
    assert (m.date.earliest, m.date.latest) == (date(2024, 6, 14), date(2024, 6, 15))
    assert {"Mali", "Niger"} <= {label(p) for p in m.participants}
    assert len(m.evidence) == 2


def test_meetings_discussion_with_officials_is_a_meeting(nlp):
    rec, label = records_of(nlp, "A Houthi delegation discussed proposals related to a Red Sea truce with Omani "
                                 "officials in Muscat on Monday.")
    muscat = [m for m in rec.meetings if m.location and label(m.location) == "Muscat"]
    assert muscat and muscat[0].status == "held"
    assert muscat[0].date.earliest == date(2024, 6, 10)
    assert "Oman" in {label(p) for p in muscat[0].participants}


def test_meetings_earlier_rounds_of_the_same_negotiation(nlp):
    rec, label = records_of(
        nlp, "Saudi and Houthi negotiators will meet on Thursday in Muscat for fresh talks.\n\n"
             "The talks, which Riyadh said will take place behind closed doors, come after two previous rounds held "
             "this year in Amman.")
    by_place = {label(m.location): m for m in rec.meetings if m.location}
    assert set(by_place) == {"Muscat", "Amman"}
    assert by_place["Muscat"].status == "planned" and by_place["Amman"].status == "held"
    assert {label(p) for p in by_place["Amman"].participants} == {label(p) for p in by_place["Muscat"].participants}


def test_meetings_round_of_shelling_is_no_meeting(nlp):
    rec, _ = records_of(nlp, "A fresh round of shelling hit the outskirts of Kharkiv on Tuesday.")
    assert not rec.meetings


# -- calls, modality, status ---------------------------------------------------------


@pytest.mark.parametrize("text, modality, people", [
    ("Somali President Hassan Sheikh Mohamud held a phone call with Kenyan President William Ruto on Tuesday.",
     "phone", {"Hassan Sheikh Mohamud", "William Ruto"}),
    ("Armenian Prime Minister Nikol Pashinyan spoke by phone with Azerbaijani President Ilham Aliyev on Monday.",
     "phone", {"Nikol Pashinyan", "Ilham Aliyev"}),
    ("Serbian President Aleksandar Vucic and Kosovo's Prime Minister Albin Kurti met face to face in Brussels on Friday.",
     "in person", {"Aleksandar Vucic", "Albin Kurti"}),
    ("Colombian President Gustavo Petro held a video call with Venezuelan President Nicolas Maduro on Sunday.",
     "video", {"Gustavo Petro", "Nicolas Maduro"}),
    # what the call is for is no second meeting with those it is about
    ("Kenyan President William Ruto held a phone call with Somali President Hassan Sheikh Mohamud on Monday "
     "to discuss a possible prisoner exchange with Ethiopia.", "phone", {"William Ruto", "Hassan Sheikh Mohamud"}),
    ("Chilean President Gabriel Boric held a video call with Peruvian President Dina Boluarte to discuss talks with Bolivia.",
     "video", {"Gabriel Boric", "Dina Boluarte"}),
])
def test_meetings_calls_and_their_modality(nlp, text, modality, people):
    rec, label = records_of(nlp, text)
    assert len(rec.meetings) == 1
    m = rec.meetings[0]
    assert m.modality == modality and m.status == "held"
    assert people <= {label(p) for p in m.participants}


@pytest.mark.parametrize("text, status", [
    ("Talks between Ethiopia and Eritrea in Nairobi were derailed on Monday by a border clash.", "cancelled"),
    ("Chad cancelled a summit with Sudan in N'Djamena planned for next week.", "cancelled"),
    ("A meeting of Pakistani and Afghan officials in Doha was postponed on Tuesday.", "postponed"),
    ("Leaders of Mali and Burkina Faso could eventually meet in Niamey.", "planned"),
    ("Qatar offered to host talks between Israel and Hamas in Doha.", "planned"),
    ("Nairobi was prepared to host the next round of talks between the army and the RSF.", "planned"),
    ("Addis Ababa is ready to host a new round of negotiations between Mogadishu and Hargeisa.", "planned"),
    ("The Ethiopian government ruled out talks with the Oromo Liberation Army.", None),
])
def test_meetings_status_beyond_held(nlp, text, status):
    rec, label = records_of(nlp, text)
    assert [m.status for m in rec.meetings] == ([status] if status else [])


def test_meetings_refused_talks_are_no_meeting(nlp):
    rec, _ = records_of(nlp, "Houthi leaders are rejecting talks with the Yemeni government in Muscat.")
    assert not rec.meetings


def test_meetings_purpose_clause_place_is_not_the_venue(nlp):
    rec, label = records_of(nlp, "Colombian President Gustavo Petro met visiting Cuban officials on Thursday to "
                                 "discuss a deal to end the war with the ELN in Arauca.")
    assert len(rec.meetings) == 1
    m = rec.meetings[0]
    assert label(m.location) == "Colombia"  # the host's country
    assert {"Gustavo Petro", "Cuba"} <= {label(p) for p in m.participants}
    assert "ELN" not in {label(p) for p in m.participants}  # a side of the war, not at the table


def test_meetings_separate_meeting_stays_apart(nlp):
    rec, label = records_of(
        nlp, "Somali President Hassan Sheikh Mohamud met Turkish envoys in Mogadishu on Monday. Somali Defence "
             "Minister Abdulkadir Mohamed Nur also met the Turkish envoys for a separate discussion.")
    assert len(rec.meetings) == 2
    assert all(label(m.location) == "Mogadishu" for m in rec.meetings)
    assert {"Abdulkadir Mohamed Nur"} <= {label(p) for p in rec.meetings[1].participants}


# -- signings, speakers at the table, people of no known side ----------------------------


def test_meetings_signing_by_two_sides_is_a_meeting(nlp):
    rec, label = records_of(nlp, "Sudan and South Sudan signed an oil accord in Juba on Monday.")
    assert len(rec.meetings) == 1
    m = rec.meetings[0]
    assert label(m.location) == "Juba" and m.status == "held"
    assert {"Sudan", "South Sudan"} <= {label(p) for p in m.participants}


def test_meetings_signing_alone_is_no_meeting(nlp):
    rec, _ = records_of(nlp, "Colombia signed a decree on Monday.")
    assert not rec.meetings


def test_meetings_people_speaking_right_after_the_meeting_were_at_it(nlp):
    rec, label = records_of(
        nlp, "Sudanese Foreign Minister Ali Youssef met visiting Egyptian officials on Sunday to discuss a deal "
             "to end the war between the Sudanese army and the Rapid Support Forces. Youssef told Egyptian envoys "
             "Hani Salah and Karim Adel that any deal must respect Sudan's sovereignty.")
    assert len(rec.meetings) == 1
    parts = {label(p) for p in rec.meetings[0].participants}
    assert {"Ali Youssef", "Hani Salah", "Egypt"} <= parts


def test_meetings_person_of_no_known_side_does_not_split_a_meeting(nlp):
    rec, label = records_of(
        nlp, "Armenia and Azerbaijan's leaders will meet in Abu Dhabi for peace talks on Monday. Officials said "
             "caretaker premier Tigran Avetisyan and Azerbaijan's President Ilham Aliyev will meet for talks.")
    assert len(rec.meetings) == 1
    assert {"Tigran Avetisyan", "Ilham Aliyev"} <= {label(p) for p in rec.meetings[0].participants}


# -- who meets, and whether it happened ---------------------------------------------------------------


def _meetings(rec, label):
    return [({label(k) for k in m.participants}, m.status, m.modality, label(m.location) if m.location else None)
            for m in rec.meetings]


@pytest.mark.parametrize("text, people", [
    ("U.S. envoy Robert Malley met Russian envoy Kirill Dmitriev in Miami on Saturday.",
     {"Robert Malley", "Kirill Dmitriev"}),
    ("Azerbaijani President Ilham Aliyev and Armenian Prime Minister Nikol Pashinyan met in Dubai on Thursday.",
     {"Ilham Aliyev", "Nikol Pashinyan"}),
    ("Kenyan President Uhuru Kenyatta travelled to Kampala to meet Ugandan President Yoweri Museveni.",
     {"Uhuru Kenyatta", "Yoweri Museveni"}),
    ("Abiy Ahmed and Isaias Afwerki held talks in Asmara on Wednesday.", {"Abiy Ahmed", "Isaias Afwerki"}),
    ("Sudan's army chief Omar al-Bashir received Egypt's foreign minister in Port Sudan on Sunday.",
     {"Omar al-Bashir", "Egypt"}),
    ("Turkish President Recep Tayyip Erdogan hosted Meloni in Ankara on Wednesday.", {"Recep Tayyip Erdogan", "Meloni"}),
    ("Israel and Lebanon are expected to hold talks in Naqoura next month.", {"Israel", "Lebanon"}),
    ("Joseph Kabila and Yoweri Museveni are due to meet in Washington next week to sign the agreement.",
     {"Joseph Kabila", "Yoweri Museveni"}),
    ("Envoys from Mali, Burkina Faso and Niger gathered in Niamey on Monday to discuss the joint force.",
     {"Mali", "Burkina Faso", "Niger"}),
    # the sides after the time the parser hangs them on
    ("The talks are scheduled for March 3-5 between the Colombian government and the National Liberation Army.",
     {"Colombia", "National Liberation Army"}),
])
def test_meetings_participants_from_subjects_objects_and_governing_verbs(nlp, text, people):
    rec, label = records_of(nlp, text)
    assert any(people <= parts for parts, *_ in _meetings(rec, label))


@pytest.mark.parametrize("text, party, place", [
    ("A Russian delegation arrived in Istanbul on Sunday.", "Russia", "Istanbul"),
    ("A Sudanese army delegation travelled to Jeddah on Monday for talks with the Rapid Support Forces.",
     "Rapid Support Forces", "Jeddah"),
    ("A delegation of the Syrian Democratic Forces travelled to Damascus on Sunday for talks with the government.",
     "Syrian Democratic Forces", "Damascus"),
    ("Pakistan's foreign minister Ishaq Dar flew to Kabul on Saturday for talks with Taliban officials.",
     "Taliban", "Kabul"),
    # the city in apposition to "the X capital"
    ("Delegations from Serbia and Kosovo met in the Belgian capital Brussels for two days of talks.", "Serbia", "Brussels"),
    ("Envoys of Eritrea and Djibouti met in the Ethiopian capital Addis Ababa on Sunday.", "Djibouti", "Addis Ababa"),
])
def test_meetings_place_travelled_to_or_named_after_the_word_capital(nlp, text, party, place):
    rec, label = records_of(nlp, text)
    assert any(party in parts and where == place for parts, _, _, where in _meetings(rec, label))


@pytest.mark.parametrize("text, people", [
    ("Nikol Pashinyan and Ilham Aliyev spoke by phone on Monday about the peace treaty.",
     {"Nikol Pashinyan", "Ilham Aliyev"}),
    ("Colombian President Gustavo Petro telephoned Venezuelan President Nicolas Maduro on Friday.",
     {"Gustavo Petro", "Nicolas Maduro"}),
    ("Giorgia Meloni and Barack Obama discussed air defence in a phone call on Wednesday.",
     {"Giorgia Meloni", "Barack Obama"}),
    # each leader named with a title and a country, in apposition rather than in a list
    ("Armenia's prime minister Nikol Pashinyan and Azerbaijan's president Ilham Aliyev spoke by phone on Monday.",
     {"Nikol Pashinyan", "Ilham Aliyev"}),
    # "X called Y": the caller takes part, and a call is by phone
    ("Recep Tayyip Erdogan called Olaf Scholz on Thursday, the presidency said.", {"Recep Tayyip Erdogan", "Olaf Scholz"}),
])
def test_meetings_phone_calls_between_leaders(nlp, text, people):
    rec, label = records_of(nlp, text)
    assert any(people <= parts and modality == "phone" for parts, _, modality, _ in _meetings(rec, label))


def test_meetings_a_call_is_held_at_no_place_and_its_topic_takes_no_part(nlp):
    rec, label = records_of(nlp, "Kazakh President Kassym-Jomart Tokayev and Uzbek President Shavkat Mirziyoyev "
                                 "discussed the situation in Afghanistan in a phone call on Tuesday.")
    (m,) = rec.meetings
    assert m.location is None and m.modality == "phone", m
    assert "Afghanistan" not in {label(p) for p in m.participants}


@pytest.mark.parametrize("text, status", [
    ("Olaf Scholz could eventually meet Giorgia Meloni once a deal is ready, Berlin said.", "planned"),
    ("Turkey offered to host a meeting between Scholz and Meloni in Istanbul.", "planned"),
    ("Israel had offered to hold talks with Lebanon in Cyprus.", "planned"),
    ("The two leaders could eventually meet in Alaska, a Kremlin aide said.", "planned"),
    ("Rwandan President Yoweri Museveni and Congolese President Joseph Kabila are scheduled to sign the accord at "
     "the White House.", "planned"),
    ("Talks between the Colombian government and the ELN were derailed by a car bombing in Arauca.", "cancelled"),
    ("Russia called off the talks with Ukraine scheduled for Monday.", "cancelled"),
    ("Negotiations between Sudan's army and the RSF in Jeddah were suspended in December.", "cancelled"),
    ("The planned meeting between the Sudanese army and the Rapid Support Forces was postponed.", "postponed"),
    ("Ethiopia postponed the meeting with Egypt on the dam, citing scheduling problems.", "postponed"),
    ("The planned talks between Ethiopia and Egypt in Khartoum were put on hold after the clashes.", "postponed"),
    ("The summit between the presidents of Congo and Rwanda in Luanda was shelved at the last minute.", "postponed"),
    # talks someone tries or seeks to start have not been held
    ("The envoy is trying to start talks between Serbia and Kosovo.", "planned"),
    ("Qatar has been shuttling between the capitals in an effort to arrange talks between Eritrea and Djibouti.",
     "planned"),
    # talks opened have begun; only the adjective ("open to talks") is a possibility
    ("The warring sides opened peace talks in Addis Ababa on Tuesday, the mediators said.", "held"),
    ("The rebels said they were open to talks with the government in Nairobi.", "planned"),
])
def test_meetings_offers_and_possibilities_are_planned_called_off_is_not_held(nlp, text, status):
    rec, label = records_of(nlp, text)
    assert [s for _, s, _, _ in _meetings(rec, label)] == [status]


@pytest.mark.parametrize("text", [
    "The defence minister visited a drone factory in Poltava on Monday.",
    "The president visited wounded soldiers at a hospital in Kyiv.",
    "The Sudanese prime minister visited a displacement camp near Port Sudan on Friday.",
    "Protesters met with tear gas and rubber bullets in Khartoum on Tuesday.",
    "Colombian troops met fierce resistance from ELN fighters in Cauca.",
    "The Russian foreign ministry met the accusations with scorn.",
    "Residents met the news of the ceasefire with relief.",
    "The army chief called on the rebels to lay down their arms.",
])
def test_meetings_visiting_a_site_or_meeting_resistance_is_no_meeting(nlp, text):
    rec, _ = records_of(nlp, text)
    assert not rec.meetings


@pytest.mark.parametrize("text", [
    "Meloni told a news conference in Kyiv that Russia was preparing a new offensive.",
    "Speaking at a press conference in Khartoum, the army spokesman denied the reports.",
    "The Pakistani cabinet held an emergency meeting in Islamabad on Sunday.",
    "During a visit to the front line in Luhansk, Meloni awarded medals to soldiers.",
    "The Somali army said it would meet any attack by al-Shabaab with force.",
])
def test_meetings_news_conferences_cabinet_sessions_and_front_line_visits_are_no_meeting(nlp, text):
    rec, _ = records_of(nlp, text)
    assert not rec.meetings


@pytest.mark.parametrize("text, party, place", [
    ("Iran's foreign minister Javad Zarif met his Omani counterpart in Muscat on Sunday.", "Javad Zarif", "Muscat"),
    ("The Houthis' chief negotiator Mohammed Abdulsalam held talks with Omani officials in Muscat.",
     "Mohammed Abdulsalam", "Muscat"),
    ("Vance and Meloni met briefly in Rome on Sunday, the White House said.", "Meloni", "Rome"),
])
def test_meetings_envoys_and_ministers_meeting_their_counterparts(nlp, text, party, place):
    rec, label = records_of(nlp, text)
    assert any(party in parts and where == place for parts, _, _, where in _meetings(rec, label))


@pytest.mark.parametrize("text, people", [
    ("Giorgia Meloni, who met Barack Obama in Brussels on Saturday, said the talks had been productive.",
     {"Giorgia Meloni", "Barack Obama"}),
    ("After meeting Erdogan in Ankara, Olaf Scholz said Germany was ready for talks.", {"Erdogan", "Olaf Scholz"}),
    ("Erdogan told Olaf Scholz in a phone call on Sunday that Turkey was ready to host talks.", {"Erdogan", "Olaf Scholz"}),
    ("Pedro Sanchez hosted Giorgia Meloni and Keir Starmer in Madrid on Friday.", {"Pedro Sanchez", "Giorgia Meloni"}),
])
def test_meetings_participants_from_relative_clauses_adverbials_and_told_calls(nlp, text, people):
    rec, label = records_of(nlp, text)
    assert any(people <= parts for parts, *_ in _meetings(rec, label))


@pytest.mark.parametrize("text, status", [
    ("Talks between Israel and Hamas scheduled for Thursday were pushed back to next week.", "postponed"),
    ("Russia and Ukraine are set to hold a new round of talks in Istanbul on Wednesday.", "planned"),
    ("The talks between Thailand and Cambodia in Kuala Lumpur ended without agreement on Friday.", "held"),
])
def test_meetings_status_of_rescheduled_set_and_ended_talks(nlp, text, status):
    rec, label = records_of(nlp, text)
    assert [s for _, s, _, _ in _meetings(rec, label)] == [status]


@pytest.mark.parametrize("text", [
    "Scholz has refused to meet Meloni.",
    "The rebels of the M23 called on Kinshasa to negotiate directly with them.",
    "The fighters met little resistance as they entered the town of Bunagana.",
    # talks a third party asks for, named as a noun
    "Kenya and Ethiopia have been pressing both sides to return to talks in Juba.",
    "The African Union urged the two parties to resume negotiations in Addis Ababa.",
    # talks said to be none
    "No other meetings in Tripoli have been scheduled for the envoy at this time.",
    "The presidents of Sudan and Chad did not meet in N'Djamena on Sunday, officials said.",
    "No talks were held in Khartoum on Monday, a diplomat said.",
])
def test_meetings_refused_or_demanded_talks_are_no_meeting(nlp, text):
    rec, _ = records_of(nlp, text)
    assert not rec.meetings


def test_meetings_agreed_talks_are_planned_and_the_two_leaders_are_the_negotiations_sides(nlp):
    rec, label = records_of(nlp, "Sudan's army and the Rapid Support Forces have agreed to send delegations to Jeddah "
                                 "for a new round of talks. The two leaders last met in Manama in January.")
    got = _meetings(rec, label)
    assert [(s, where) for _, s, _, where in got] == [("planned", "Jeddah"), ("held", "Manama")]
    assert got[1][0] == {"Sudanese Armed Forces", "Rapid Support Forces"}


@pytest.mark.parametrize("text, people", [
    ("Leaders of Thailand and Cambodia are meeting in Kuala Terengganu for ceasefire talks hosted by Malaysia.",
     {"Thailand", "Cambodia"}),
    ("Delegations from Ethiopia and Eritrea are holding talks in Jeddah, Saudi officials said on Wednesday.",
     {"Ethiopia", "Eritrea"}),
    ("Somalia and Ethiopia signed the accord in Ankara after months of tension.", {"Somalia", "Ethiopia"}),
])
def test_meetings_under_way_or_signed_are_held(nlp, text, people):
    rec, label = records_of(nlp, text)
    assert any(people <= parts and s == "held" for parts, s, _, _ in _meetings(rec, label))


def test_meetings_sides_hung_on_the_venue_take_part(nlp):
    rec, label = records_of(nlp, "The talks in Tashkent between Kyrgyzstan and Tajikistan on the border dispute ended "
                                 "on Friday.")
    assert _meetings(rec, label) == [({"Kyrgyzstan", "Tajikistan"}, "held", None, "Tashkent")]


@pytest.mark.parametrize("text, people, modality", [
    ("Rwandan and Congolese foreign ministers spoke by video link on Thursday.",
     {"Rwanda", "Democratic Republic of the Congo"}, "video"),
    ("Hamas negotiators met Egyptian and Qatari mediators in Cairo on Saturday.", {"Hamas", "Egypt"}, None),
])
def test_meetings_ministers_and_mediators_named_by_their_countries(nlp, text, people, modality):
    rec, label = records_of(nlp, text)
    assert any(people <= parts and mo == modality for parts, _, mo, _ in _meetings(rec, label))


def test_meetings_meeting_an_advance_with_fire_is_no_meeting(nlp):
    rec, _ = records_of(nlp, "Sudan's army met the RSF advance with heavy artillery fire.")
    assert not rec.meetings


def test_meetings_that_did_not_take_place_are_cancelled(nlp):
    rec, label = records_of(nlp, "The meeting between the Sudanese army and the RSF in Geneva did not take place after "
                                 "the army stayed away.")
    assert [s for _, s, _, _ in _meetings(rec, label)] == ["cancelled"]


def test_meetings_leader_speaking_with_another_is_a_meeting_held(nlp):
    rec, label = records_of(nlp, "Giorgia Meloni spoke with Algerian President Abdelmadjid Tebboune on Wednesday about the gas talks.")
    (m,) = rec.meetings
    assert m.status == "held" and {"Giorgia Meloni", "Abdelmadjid Tebboune"} <= {label(p) for p in m.participants}
    assert m.date is not None and m.date.earliest == date(2024, 6, 12)


def test_meetings_one_call_with_each_leader_called(nlp):
    rec, label = records_of(nlp, "Last week, Cyril Ramaphosa called Kenyan President William Ruto and Ugandan President "
                                 "Yoweri Museveni to urge calm in the region.")
    calls = sorted(sorted(label(p) for p in m.participants if label(p) in {"Cyril Ramaphosa", "William Ruto", "Yoweri Museveni"})
                   for m in rec.meetings)
    assert calls == [["Cyril Ramaphosa", "William Ruto"], ["Cyril Ramaphosa", "Yoweri Museveni"]], calls


def test_meetings_day_told_with_a_past_verb_is_past_whatever_the_status(nlp):
    rec, label = records_of(nlp, "A planned meeting between the presidents of Kenya and Somalia in Nairobi was "
                                 "cancelled at the last minute on Sunday, officials said.")
    (m,) = rec.meetings
    assert m.status == "cancelled" and m.date is not None and m.date.earliest == date(2024, 6, 9)


def test_meetings_a_call_joined_to_a_meeting_is_a_meeting_of_its_own(nlp):
    rec, label = records_of(nlp, "Egypt's foreign minister met Hamas leaders in Cairo on Sunday and later spoke by phone "
                                 "with Israeli officials, a diplomat said.")
    by_modality = {m.modality: (m.status, {label(p) for p in m.participants}, m.location and label(m.location)) for m in rec.meetings}
    assert by_modality[None] == ("held", {"Egypt", "Hamas"}, "Cairo"), by_modality
    assert by_modality["phone"][0] == "held" and "Israel" in by_modality["phone"][1], by_modality


def test_meetings_city_visited_is_the_venue(nlp):
    rec, label = records_of(nlp, "Kenyan President William Ruto is due to visit Mogadishu on Thursday for talks with "
                                 "Somalia's president.")
    (m,) = rec.meetings
    assert m.status == "planned" and label(m.location) == "Mogadishu"


@pytest.mark.parametrize(("text", "host"), [
    ("Kenya's President William Ruto will host a summit of regional leaders in Nairobi next week.", "Kenya"),
    ("Leaders of Armenia and Azerbaijan will hold talks in Prague next month at a summit hosted by the European Union.",
     "European Union"),
    ("Ghana offered to host talks between the junta and ECOWAS.", "Ghana"),
    ("Nairobi was prepared to host the next round of talks between the army and the RSF.", "Kenya"),
    # the infinitive after a time, which the parser hangs as an adverbial clause
    ("Algeria offered on Sunday to host talks between the Malian government and the rebels in Algiers.", "Algeria"),
])
def test_meetings_host_is_who_hosts_it(nlp, text, host):
    rec, label = records_of(nlp, text)
    assert host in {label(m.host) for m in rec.meetings if m.host}, [(m.participants, m.host) for m in rec.meetings]


@pytest.mark.parametrize("text", [
    "Algeria offered on Sunday to host talks between the Malian government and the rebels in Algiers.",
    "The Vatican proposed on Tuesday to host a meeting of the Colombian government and the ELN.",
])
def test_meetings_offered_is_planned_and_not_dated_by_the_offer(nlp, text):
    rec, _ = records_of(nlp, text)
    (m,) = rec.meetings
    assert m.status == "planned" and m.date is None, m


def test_meetings_offer_joined_to_a_dated_call_is_not_dated_by_it(nlp):
    # the day of what the offer is joined to, not of the meeting offered
    rec, _ = records_of(nlp, "Kenya's president on Friday held a phone call with Salva Kiir and offered to host talks "
                             "with the rebels in Nairobi.")
    planned = [m for m in rec.meetings if m.status == "planned"]
    assert planned and all(m.date is None for m in planned), rec.meetings


def test_meetings_converging_officials_do_not_host_their_own_meeting(nlp):
    rec, _ = records_of(nlp, "Sudanese and Chadian officials convened in N'Djamena on Monday for border talks.")
    assert rec.meetings and not any(m.host for m in rec.meetings)


def test_meetings_call_held_and_talks_offered_in_one_sentence_are_two(nlp):
    rec, label = records_of(nlp, "Turkish President Recep Tayyip Erdogan spoke by phone with Azerbaijani President Ilham "
                                 "Aliyev on Sunday and offered to host new talks between Baku and Yerevan.")
    by_modality = {m.modality: m for m in rec.meetings}
    call, talks = by_modality["phone"], by_modality[None]
    assert call.status == "held" and "Armenia" not in {label(p) for p in call.participants}
    assert talks.status == "planned" and label(talks.host) == "Turkey"
    assert {"Azerbaijan", "Armenia"} <= {label(p) for p in talks.participants}


@pytest.mark.parametrize(("text", "place", "sides"), [
    ("Sudan and South Sudan agreed in Juba on Wednesday to reopen their border, in a deal brokered by Egypt.",
     "Juba", {"Sudan", "South Sudan"}),
    ("Serbia and Kosovo reached a deal in Brussels on Sunday after talks on car number plates.", "Brussels",
     {"Serbia", "Kosovo"}),
])
def test_meetings_sides_agreeing_at_a_place_met_there(nlp, text, place, sides):
    rec, label = records_of(nlp, text)
    held = [m for m in rec.meetings if m.location and label(m.location) == place]
    assert held and held[0].status == "held" and sides <= {label(p) for p in held[0].participants}, rec.meetings


def test_meetings_a_former_officeholders_country_is_no_side(nlp):
    rec, label = records_of(nlp, "The AU's special envoy for the Sahel, a former Guinean prime minister, met the junta's "
                                 "leaders in Niamey on Monday.")
    assert rec.meetings and not any("Guinea" in {label(p) for p in m.participants} for m in rec.meetings), rec.meetings


def test_meetings_talks_held_later_in_a_joined_clause_are_another_meeting_held(nlp):
    rec, label = records_of(nlp, "Oman's foreign minister met Houthi negotiators in Muscat on Monday and later held talks "
                                 "with a Saudi delegation.")
    assert len(rec.meetings) == 2 and all(m.status == "held" for m in rec.meetings), rec.meetings
    sides = [{label(p) for p in m.participants} for m in rec.meetings]
    assert any("Houthis" in s and "Saudi Arabia" not in s for s in sides), sides
    assert any("Saudi Arabia" in s and "Houthis" not in s for s in sides), sides


def test_meetings_place_of_those_who_travel_there_to_meet(nlp):
    rec, label = records_of(nlp, "The two envoys flew to Ankara on Tuesday to meet Turkish officials about the plan.")
    assert rec.meetings and label(rec.meetings[0].location) == "Ankara", rec.meetings


@pytest.mark.parametrize(("text", "place", "sides", "status"), [
    ("Saudi Arabia's foreign minister will travel to Tehran next week, state media reported.", "Tehran",
     {"Saudi Arabia", "Iran"}, "planned"),
    ("Kenya's foreign minister flew to Mogadishu on Monday.", "Mogadishu", {"Kenya", "Somalia"}, "held"),
    ("Turkish Foreign Minister Hakan Fidan visited Damascus on Monday.", "Damascus", {"Turkey", "Syria"}, "held"),
    ("Egypt's foreign minister will visit Addis Ababa next week.", "Addis Ababa", {"Egypt", "Ethiopia"}, "planned"),
])
def test_meetings_an_officeholder_going_to_another_countrys_capital_visits_it(nlp, text, place, sides, status):
    rec, label = records_of(nlp, text)
    (m,) = rec.meetings
    assert label(m.location) == place and sides <= {label(p) for p in m.participants} and m.status == status


@pytest.mark.parametrize("text", [
    # agreeing with no place or deal named
    "Analysts agreed that the truce in Gaza was fragile.",
    "The two ministers agreed to keep talking.",
    # an officeholder travelling at home
    "Ukraine's foreign minister travelled to Lviv on Monday.",
    "Nigeria's defence minister flew to Maiduguri after the attack.",
])
def test_meetings_agreeing_without_a_place_or_travelling_at_home_meets_no_one(nlp, text):
    rec, _ = records_of(nlp, text)
    assert not rec.meetings, rec.meetings


def test_meetings_the_leaders_of_two_sides_due_to_sign_will_meet(nlp):
    rec, label = records_of(nlp, "The leaders of Armenia and Azerbaijan are due to sign a peace agreement in Abu Dhabi "
                                 "next week.")
    (m,) = rec.meetings
    assert m.status == "planned" and label(m.location) == "Abu Dhabi" and {"Armenia", "Azerbaijan"} <= {
        label(p) for p in m.participants}


@pytest.mark.parametrize("text, status, earliest", [
    # going on since a past month, told in the perfect progressive, with the purpose after it
    ("Saudi Arabia and the United States have been hosting talks between the army and the RSF in Riyadh since May, "
     "aiming to secure a ceasefire.", "held", date(2024, 5, 1)),
    ("Norway has been hosting talks between the government and the ELN in Oslo since February, hoping to reach a truce.",
     "held", date(2024, 2, 1)),
    # a plan stays a plan with its purpose told after it
    ("The two sides will hold talks in Doha next week, aiming to secure a truce.", "planned", date(2024, 6, 17)),
])
def test_meetings_purpose_after_the_talks_does_not_make_them_planned(nlp, text, status, earliest):
    rec, label = records_of(nlp, text)
    (m,) = rec.meetings
    assert m.status == status and m.date is not None and m.date.earliest == earliest, m


@pytest.mark.parametrize("text", [
    "The rebels said they would not withdraw from Bossangoa unless Bangui opened direct talks with the group.",
    "The junta said it would free the prisoners in Niamey if ECOWAS held talks with it in Abuja.",
])
def test_meetings_talks_as_a_condition_are_no_meeting(nlp, text):
    rec, label = records_of(nlp, text)
    assert rec.meetings == [], [(m.status, [label(p) for p in m.participants]) for m in rec.meetings]


@pytest.mark.parametrize("text, participants", [
    # visits to a capital are visits to its government
    ("The US envoy made repeated visits to Kyiv to agree a framework with the government.", {"United States", "Ukraine"}),
    ("During a visit to Nairobi, the Sudanese army chief met Kenyan officials.", {"Kenya", "Sudanese Armed Forces"}),
    # the one a leader sends takes part, for the leader's side, not the leader in person
    ("Colombian President Alvaro Mendez's envoy Carlos Ruiz met Venezuelan officials in Caracas.",
     {"Carlos Ruiz", "Venezuela", "Colombia"}),
    ("Russian President Boris Orlov sent his envoy to Washington. Orlov's envoy met Daniel Hart in Miami "
     "on Saturday.", {"Russia", "Daniel Hart"}),
])
def test_meetings_participants_of_visits_and_envoys(nlp, text, participants):
    rec, label = records_of(nlp, text)
    found = {label(p) for m in rec.meetings for p in m.participants}
    assert participants <= found, found
    assert "Alvaro Mendez" not in found and "Boris Orlov" not in found, found


def test_meetings_the_country_of_an_envoy_s_post_takes_no_part(nlp):
    rec, label = records_of(nlp, "The UN envoy to Libya met rebel commanders in Tunis on Sunday.")
    assert rec.meetings and all("Libya" not in {label(p) for p in m.participants} for m in rec.meetings), rec.meetings


@pytest.mark.parametrize("text, place", [
    # talks on the sidelines of a gathering are held where it is
    ("The leaders of Armenia and Azerbaijan held talks on the sidelines of the summit in Prague on Thursday.", "Prague"),
    ("Kenya and Ethiopia held talks on the sidelines of the AU summit in Addis Ababa on Sunday.", "Addis Ababa"),
    # the city a visit went to, named beside the noun for it
    ("On Monday the AU envoy to Sudan ended a visit to the Chadian capital, N'Djamena, where he met rebel leaders.",
     "N'Djamena"),
])
def test_meetings_talks_on_the_sidelines_are_at_the_gatherings_place(nlp, text, place):
    rec, label = records_of(nlp, text)
    assert place in [label(m.location) for m in rec.meetings if m.location], _meetings(rec, label)


@pytest.mark.parametrize("text, earliest", [
    # a meeting agreed, decided or promised is still to come: its month is the next one of that name
    ("Ethiopia and Somalia agreed to hold technical talks in Ankara in February under Turkish mediation.", date(2025, 2, 1)),
    ("The two rebel groups decided to meet again in Arusha in March.", date(2025, 3, 1)),
])
def test_meetings_agreed_talks_are_planned(nlp, text, earliest):
    rec, label = records_of(nlp, text)
    (m,) = rec.meetings
    assert m.status == "planned" and m.date is not None and m.date.earliest == earliest, _meetings(rec, label)


def test_meetings_subject_up_a_chain_of_clauses_takes_part(nlp):
    rec, label = records_of(nlp, "Daniel Hart, the US special envoy, is leading the effort to end the war and met Russian "
                                 "officials in Moscow on Monday.")
    (m,) = rec.meetings
    assert {"Daniel Hart", "United States", "Russia"} <= {label(p) for p in m.participants}, _meetings(rec, label)


def test_meetings_a_proposed_summit_is_not_the_dated_talks(nlp):
    rec, label = records_of(nlp, "Armenian and Azerbaijani delegations will meet in Tbilisi on Monday for a new "
                                 "round of talks, officials said. Pashinyan has proposed a direct meeting with Aliyev, "
                                 "an offer Baku has dismissed as premature.")
    assert len(rec.meetings) == 2, [(m.participants, m.location) for m in rec.meetings]
    dated = [m for m in rec.meetings if m.location is not None]
    assert [label(m.location) for m in dated] == ["Tbilisi"]
    assert not any(label(p) in {"Pashinyan", "Aliyev"} for p in dated[0].participants)


def test_meetings_talks_a_side_holds_out_for_are_no_meeting(nlp):
    rec, _ = records_of(nlp, "The Polisario Front has said it will not lay down its arms until Rabat opens direct "
                             "talks with the movement.")
    assert not rec.meetings


def test_meetings_place_of_the_attack_that_ended_the_talks_is_not_theirs(nlp):
    rec, label = records_of(nlp, "The Philippine government suspended peace talks with the New People's Army on Friday "
                                 "after the rebels attacked a military base in the province of Samar.")
    assert [m.location for m in rec.meetings] == [None], [(m.location, m.status) for m in rec.meetings]


@pytest.mark.parametrize(("text", "status", "day"), [
    # a weekday told with the simple present, as a timetable tells it: the coming one (published on a Wednesday)
    ("The peace conference opens in Lausanne on Saturday with delegations from 40 countries.", "planned", date(2024, 6, 15)),
    ("The two delegations meet in Jeddah on Sunday for a second round.", "planned", date(2024, 6, 16)),
    # the same day with a past verb is the last one
    ("The two delegations met in Jeddah on Sunday for a second round.", "held", date(2024, 6, 9)),
])
def test_meetings_weekday_with_a_present_verb_is_the_coming_one(nlp, text, status, day):
    rec, label = records_of(nlp, text)
    (m,) = rec.meetings
    assert (m.status, m.date.earliest if m.date else None) == (status, day)


@pytest.mark.parametrize(("text", "places"), [
    # talks told as coming before or after the meeting are a meeting of their own
    ("The envoy met Chad's foreign minister in N'Djamena on Wednesday, one day after holding meetings in "
     "Khartoum with Sudanese generals.", {"N'Djamena", "Khartoum"}),
    ("The US envoy met the Sudanese army chief in Port Sudan, two days after talks in Nairobi with RSF leaders.",
     {"Port Sudan", "Nairobi"}),
])
def test_meetings_talks_before_or_after_a_meeting_are_another_meeting(nlp, text, places):
    rec, label = records_of(nlp, text)
    assert {label(m.location) for m in rec.meetings if m.location} == places, [(m.location, m.participants) for m in rec.meetings]
    assert len(rec.meetings) == 2


@pytest.mark.parametrize("text", [
    "Delegations of the two sides held talks in Doha, the first such talks since the truce collapsed in 2021.",
    "Sudanese and South Sudanese officials met in Juba, their first meeting since 2019.",
])
def test_meetings_since_a_time_does_not_date_the_meeting(nlp, text):
    rec, _ = records_of(nlp, text)
    assert rec.meetings and all(m.date is None or m.date.earliest.year == 2024 for m in rec.meetings), \
        [(m.date) for m in rec.meetings]


@pytest.mark.parametrize(("text", "status", "day"), [
    # what a meeting is "aimed at" is its purpose, not a sign that it is still to come
    ("Shelling has gone on despite an appeal for calm and a regional summit in Luanda on February 9 aimed at "
     "easing tensions.", "held", date(2024, 2, 9)),
    ("Fighting resumed weeks after a regional summit in Nairobi on April 2 aimed at ending the war.", "held",
     date(2024, 4, 2)),
    # a meeting to come stays planned
    ("A summit in Addis Ababa on July 3 aimed at ending the war will bring the two leaders together.", "planned",
     date(2024, 7, 3)),
])
def test_meetings_what_a_meeting_is_aimed_at_is_no_sign_of_the_future(nlp, text, status, day):
    rec, label = records_of(nlp, text)
    (m,) = rec.meetings
    assert (m.status, m.date.earliest if m.date else None) == (status, day)


def test_meetings_who_will_not_attend_takes_no_part(nlp):
    rec, label = records_of(nlp, "The summit in Geneva, which Iran will not attend, begins on Monday with delegations "
                                 "from Qatar and Egypt.")
    assert rec.meetings and all("Iran" not in {label(p) for p in m.participants} for m in rec.meetings)


def test_meetings_talks_told_in_a_relative_clause_on_another_day_are_their_own(nlp):
    rec, label = records_of(nlp, "The Turkish envoy arrived in Khartoum on Monday to push a truce, which the RSF "
                                 "accepted last week in talks with Egypt.")
    by_place = {label(m.location) if m.location else None: m for m in rec.meetings}
    assert set(by_place) == {"Khartoum", None}, rec.meetings
    assert "Egypt" not in {label(p) for p in by_place["Khartoum"].participants}
    assert {"Egypt", "Rapid Support Forces"} <= {label(p) for p in by_place[None].participants}


def test_meetings_a_place_told_of_an_event_the_meeting_comes_after_is_not_its_own(nlp):
    rec, label = records_of(nlp, "The visit of the Kenyan envoy comes a month after the collapse of the truce in Malakal.")
    assert "Malakal" not in [label(m.location) for m in rec.meetings if m.location], rec.meetings


def test_meetings_who_met_a_day_after_other_talks_takes_no_part_in_them(nlp):
    # "a day" hung by the parser on the name before it: the talks after it are still another meeting
    rec, label = records_of(nlp, "The envoy met with Libyan Parliament Speaker Aguila Saleh, a day after holding talks "
                                 "in Cairo with Egyptian President Abdel Fattah al-Sisi.")
    by_place = {label(m.location) if m.location else None: {label(p) for p in m.participants} for m in rec.meetings}
    assert "Cairo" in by_place and "Aguila Saleh" not in by_place["Cairo"], by_place
    assert not any("Abdel Fattah al-Sisi" in parts for place, parts in by_place.items() if place != "Cairo"), by_place


@pytest.mark.parametrize("text, call_people", [
    ("Delegations of the Colombian government and the ELN resumed talks in Havana with Cuba and Norway as "
     "guarantors, a news site reported on Tuesday. Earlier, Colombian Foreign Minister Luis Murillo thanked Cuba in a "
     "phone call with Cuban President Miguel Diaz-Canel.", {"Luis Murillo", "Miguel Diaz-Canel"}),
    ("Envoys of the Sudanese army and the paramilitary RSF resumed indirect talks in Jeddah hosted by Saudi Arabia, "
     "state media said. Earlier, army chief Shams al-Din Kabbashi held a phone call with Faisal bin Farhan, the Saudi "
     "foreign minister, about the talks.", {"Shams al-Din Kabbashi", "Faisal bin Farhan"}),
])
def test_meetings_a_call_told_beside_talks_held_elsewhere_is_its_own_meeting(nlp, text, call_people):
    rec, label = records_of(nlp, text)
    calls = [m for m in rec.meetings if m.modality == "phone"]
    assert len(calls) == 1 and calls[0].location is None, rec.meetings
    assert call_people <= {label(p) for p in calls[0].participants}
    talks = [m for m in rec.meetings if m.location is not None]
    assert len(talks) == 1 and talks[0].modality is None
    assert not call_people & {label(p) for p in talks[0].participants}


@pytest.mark.parametrize("text, place", [
    ("Qatar has been hosting talks between the Afghan government and the Taliban in Doha since May.", "Doha"),
    ("Norway and Cuba have been hosting negotiations between Bogota and the ELN rebels in Havana since April.", "Havana"),
])
def test_meetings_talks_going_on_since_a_month_run_to_the_telling(nlp, text, place):
    rec, label = records_of(nlp, text)
    (m,) = rec.meetings
    assert label(m.location) == place and m.status == "held"
    assert m.date.earliest.month in {4, 5} and m.date.earliest.day == 1 and m.date.latest == date(2024, 6, 12)


@pytest.mark.parametrize("text, window", [
    ("Talks between Bogota and the FARC, which has waged an insurgency since 1964, were suspended "
     "after the election.", None),
    ("Talks between Kenya and Somalia, which signed a deal on Monday, will resume in Nairobi next week.",
     (date(2024, 6, 17), date(2024, 6, 23))),
])
def test_meetings_a_date_told_of_a_side_in_a_relative_clause_does_not_date_the_talks(nlp, text, window):
    rec, _ = records_of(nlp, text)
    (m,) = rec.meetings
    assert (m.date.earliest, m.date.latest) == window if window else m.date is None, m.date


@pytest.mark.parametrize("text, place, day", [
    # "is to host", "are to meet": an arrangement to come
    ("Kenya is to host a meeting of army chiefs on the war in Somalia in Mombasa on Saturday.", "Mombasa", date(2024, 6, 15)),
    ("The two leaders are to meet in Luanda on Friday.", "Luanda", date(2024, 6, 14)),
    # the second "in" on the topic's noun is the venue
    ("Leaders will hold a summit on the crisis in Sudan in Addis Ababa on Friday.", "Addis Ababa", date(2024, 6, 14)),
])
def test_meetings_an_arrangement_to_come_and_the_venue_after_the_topics_place(nlp, text, place, day):
    rec, label = records_of(nlp, text)
    (m,) = rec.meetings
    assert m.status == "planned" and label(m.location) == place, m
    assert m.date.earliest == day


def test_meetings_they_who_said_they_accepted_talks_take_part(nlp):
    rec, label = records_of(nlp, "Sudan's government and the rebel SPLM-N announced on Tuesday that they had "
                                 "accepted an invitation to talks in Juba.")
    (m,) = rec.meetings
    assert m.status == "planned" and label(m.location) == "Juba"
    assert {"Sudan", "SPLM-N"} <= {label(p) for p in m.participants}, m


@pytest.mark.parametrize("text", [
    # a meeting asked for and turned down is none, nor is what it governs
    "The army rejected a request by the UN envoy to meet with jailed opposition leader Kizza Besigye during her visit "
    "to Uganda.",
    "The rebels rejected an offer of talks in Nairobi.",
    "His request for a meeting with the president in Kampala was denied.",
])
def test_meetings_a_meeting_asked_for_and_turned_down_is_none(nlp, text):
    rec, _ = records_of(nlp, text)
    assert not rec.meetings, rec.meetings


def test_meetings_a_meeting_the_next_act_came_after_is_its_own_and_held(nlp):
    rec, label = records_of(nlp, "After a meeting with army chief Mamady Doumbouya on Monday, the ECOWAS envoy had been "
                                 "scheduled to meet opposition leader Cellou Dalein Diallo.")
    found = {frozenset(label(p) for p in m.participants): m.status for m in rec.meetings}
    held = [ps for ps, st in found.items() if "Mamady Doumbouya" in ps]
    assert held and found[held[0]] == "held" and "Cellou Dalein Diallo" not in held[0], found
    assert any("Cellou Dalein Diallo" in ps and st == "planned" for ps, st in found.items()), found


@pytest.mark.parametrize("text, place, people", [
    # the parser takes "signed" for a clause on the last name, or on the agreement's last noun
    ("Sudanese President Omar al-Bashir and the leader of the rebel movement, John Garang, signed in Arusha on "
     "Sunday a comprehensive peace agreement.", "Arusha", {"Omar al-Bashir", "John Garang"}),
    ("The deal follows the pact on an end of hostilities that Omar al-Bashir and John Garang signed in "
     "the town of Entebbe last Thursday.", "Entebbe", {"Omar al-Bashir"}),
])
def test_meetings_a_signing_however_parsed_is_a_meeting_of_the_signatories(nlp, text, place, people):
    rec, label = records_of(nlp, text)
    assert any(label(m.location) == place and m.status == "held" and people <= {label(p) for p in m.participants}
               for m in rec.meetings if m.location), rec.meetings


def test_meetings_a_headline_tells_the_meeting_told_below(nlp):
    # the headline's meeting is the one the text tells, and what it says of it (called off) holds
    rec, label = records_of(nlp, "Petro suspends Colombia peace talks after bombing, cancels secret summit\n\n"
                                 "President Gustavo Petro said Saturday he canceled a secret summit with ELN commanders "
                                 "and is suspending peace negotiations after the rebels bombed a base.")
    assert [m.status for m in rec.meetings] == ["cancelled"], rec.meetings



@pytest.mark.parametrize("text, day", [
    # a meeting called off was still to come: its day is the next one of that name
    ("Kenya's President William Ruto on Monday called off the June 30 summit with Uganda's Yoweri Museveni in Kampala.",
     "2024-06-30"),
    ("Sudan's army chief on Sunday cancelled the June 20 meeting with RSF commanders in Jeddah.", "2024-06-20"),
    # one held on such a day was held
    ("The rebels walked out of the May 2 talks with the government in Addis Ababa.", "2024-05-02"),
])
def test_meetings_the_day_of_a_meeting_called_off(nlp, text, day):
    rec, label = records_of(nlp, text)
    assert [m.date.earliest.isoformat() for m in rec.meetings if m.date] == [day], rec.meetings


@pytest.mark.parametrize("text", [
    # two mentions of talks called off, one placed and dated to come, one not: one meeting
    "Ethiopia tonight called off the Ethiopia-Eritrea border talks. The Ethiopian and Eritrean advisers were "
    "scheduled to meet in Nairobi on Monday, but the meeting has been cancelled.",
    # a headline and the text telling the same talks called off
    "Ethiopia calls off talks with Eritrea\n\nEnding the suspense, Ethiopia on Saturday called off the Ethiopia-Eritrea "
    "border talks, hours after Eritrea made it clear that the disputed town would not be discussed.",
])
def test_meetings_talks_called_off_told_twice_are_one(nlp, text):
    rec, label = records_of(nlp, text)
    assert [m.status for m in rec.meetings if {"Ethiopia", "Eritrea"} <= {label(k) for k in m.participants}] \
        == ["cancelled"], rec.meetings


def test_meetings_a_place_in_a_clause_on_a_side_is_not_the_venue(nlp):
    # "... backing the rebels, who have captured X in Y": where the rebels are, not where the leaders met
    rec, label = records_of(nlp, "President Ruto and President Museveni met in Mombasa on Tuesday. The meeting came "
                                 "amid a deepening crisis between the two neighbours, with Kenya accusing Uganda of "
                                 "backing the rebels, who have recently captured the towns of Moroto and Kotido in Karamoja.")
    assert [label(m.location) for m in rec.meetings] == ["Mombasa"], rec.meetings


@pytest.mark.parametrize("text", [
    # a headline's infinitive tells what is to come
    "AU officials to meet with Kiir at around 4 pm",
    "Ruto, Museveni to meet in Kampala",
])
def test_meetings_a_headline_infinitive_is_planned(nlp, text):
    rec, _ = records_of(nlp, text)
    assert [m.status for m in rec.meetings] == ["planned"], rec.meetings


def test_meetings_a_weekday_with_its_day_of_the_month(nlp):
    # "on Thursday, the 14th", told apart by the model: one date, the Thursday that is the 14th
    rec, label = records_of(nlp, "The presidents of Chad and Sudan met in N'Djamena on Thursday, the 14th, "
                                 "officials said.", date(2023, 12, 27))
    assert [m.date.earliest.isoformat() for m in rec.meetings] == ["2023-12-14"], rec.meetings


def test_meetings_a_summit_a_leader_hopes_for_is_to_come(nlp):
    rec, label = records_of(nlp, "Ruto hopes peace deal signed at EAC summit in Arusha")
    assert [m.status for m in rec.meetings] == ["planned"], rec.meetings


def test_meetings_a_meeting_told_as_past_beside_talks_to_come_is_its_own(nlp):
    # "... talks ... to carry out agreements made last month when A met B": the past meeting is another
    rec, label = records_of(nlp, "The two countries planned to send five officials each to talks at the border town of "
                                 "Namanga to carry out agreements made last month when Ruto met with Museveni.")
    assert sorted(m.status for m in rec.meetings) == ["held", "planned"], rec.meetings


@pytest.mark.parametrize("text", [
    # talks terminated, or told as the subject of their suspension or termination: called off
    "Petro formally terminates peace talks with the ELN",
    "Colombia announced the suspension of talks with the ELN in Havana on Friday.",
])
def test_meetings_talks_terminated_or_suspended_are_cancelled(nlp, text):
    rec, _ = records_of(nlp, text)
    assert [m.status for m in rec.meetings] == ["cancelled"], rec.meetings


@pytest.mark.parametrize(("text", "earliest"), [
    # talks scheduled for a day, told with "..., X said Monday" the parser makes their verb
    ("Haiti's government and opposition will restart their dialogue, brokered by Jamaica, with talks scheduled for "
     "Thursday in Kingston, Jamaica's embassy in Washington said Monday.", date(2024, 6, 13)),
    ("Somalia's government and opposition will restart their dialogue, brokered by Kenya, with talks scheduled for "
     "Thursday in Nairobi, Kenya's embassy in Addis Ababa said Monday.", date(2024, 6, 13)),
])
def test_meetings_talks_scheduled_for_a_day_are_planned(nlp, text, earliest):
    rec, label = records_of(nlp, text)
    assert [(m.status, m.date.earliest if m.date else None) for m in rec.meetings] == [("planned", earliest)], rec.meetings


def test_meetings_a_headline_infinitive_hung_on_its_subject_is_to_come(nlp):
    text = ("Sudan army and RSF to resume talks in Jeddah, mediators say\n\n"
            "The two sides will meet again next week, Saudi officials said.")
    rec, label = records_of(nlp, text)
    assert rec.meetings and all(m.status == "planned" for m in rec.meetings), rec.meetings


@pytest.mark.parametrize(("text", "status"), [
    # talks with no place or sides of their own, called off or put off: the talks told before
    ("The negotiations were due to be held in Kampala. The peace talks planned for next weekend have been "
     "put off for practical reasons, two diplomats said.", "postponed"),
    ("The summit was due to take place in Lome on Saturday. The summit has been cancelled, officials said.",
     "cancelled"),
    # a meeting held stays held: further talks put off are others
    ("The two delegations met in Kampala on Monday. Further talks have been postponed, sources said.", "held"),
])
def test_meetings_a_fate_told_alone_is_the_last_meetings(nlp, text, status):
    rec, label = records_of(nlp, text)
    assert [m.status for m in rec.meetings] == [status], rec.meetings


@pytest.mark.parametrize("text", [
    # "is to be held", "was to take place": an arrangement, still to come when told
    "The summit is to be held in Lome on Saturday.",
    "The summit was to take place in Accra on Saturday.",
])
def test_meetings_to_be_held_is_planned(nlp, text):
    rec, label = records_of(nlp, text)
    assert [(m.status, m.date.earliest) for m in rec.meetings] == [("planned", date(2024, 6, 15))], rec.meetings


def test_meetings_a_headline_calling_a_summit_off_is_no_meeting_held(nlp):
    text = ("Burundi, Tanzania border summit cancelled\n\n"
            "Talks planned for Sunday between the leaders of Burundi and Tanzania on the border dispute were called off, "
            "officials said. Uganda's president was meeting alone with the Burundian leader instead.")
    rec, label = records_of(nlp, text)
    statuses = sorted(m.status for m in rec.meetings)
    assert statuses == ["cancelled", "held"], rec.meetings


def test_meetings_a_place_in_another_clause_is_no_venue(nlp):
    text = "The Chadian leader had been awaited at the meeting, but it was unclear whether he was in Niamey."
    rec, label = records_of(nlp, text)
    assert not any(m.location and label(m.location) == "Niamey" for m in rec.meetings), rec.meetings


@pytest.mark.parametrize(("text", "published", "earliest"), [
    # a plan made on a day the sentence tells: the first day of that name after it
    ("At a summit on November 20, the bloc's leaders agreed to organize a meeting between Burundi and Rwanda "
     "on December 28.", date(2025, 1, 10), date(2024, 12, 28)),
    # a plan told now is still to come
    ("Burundi and Rwanda will meet in Addis Ababa on December 28.", date(2025, 1, 10), date(2025, 12, 28)),
])
def test_meetings_a_plan_told_in_the_past_is_dated_nearest(nlp, text, published, earliest):
    rec, label = records_of(nlp, text, published=published)
    assert [m.date.earliest for m in rec.meetings if m.date] == [earliest], rec.meetings


@pytest.mark.parametrize(("text", "place"), [
    # the meeting named back, with no sides of its own, at a place in the first or unknown
    ("On Sunday, General Abdi met with the UN envoy in Garowe to discuss the roadmap. The meeting, held at the "
     "general's headquarters in Laag, was joined by his deputy.", "Garowe"),
])
def test_meetings_the_meeting_named_back_is_the_one_told(nlp, text, place):
    rec, label = records_of(nlp, text)
    assert [label(m.location) for m in rec.meetings] == [place], rec.meetings


def test_meetings_a_headline_in_a_country_tells_the_talks_in_its_city(nlp):
    text = ("Sudan Negotiator Meets with SPLM-N Delegates in Ethiopia\n\n"
            "Sudan and the SPLM-N rebels held direct talks in Addis Ababa on Monday, officials said Tuesday. "
            "The last official meeting between the two sides took place in late 2016.")
    rec, label = records_of(nlp, text)
    placed = [(label(m.location) if m.location else None, m.date.text if m.date else None) for m in rec.meetings]
    assert ("Addis Ababa", "Monday") in placed and ("Ethiopia", "late 2016") not in placed, placed


@pytest.mark.parametrize("text", [
    # "schedules talks": talks to come
    "African Union schedules peace talks between Sudan and South Sudan in Addis Ababa\n\nThe talks will start on Sunday.",
    "The regional bloc has scheduled talks between the two sides in Djibouti for next week.",
])
def test_meetings_scheduled_talks_are_planned(nlp, text):
    rec, label = records_of(nlp, text)
    assert rec.meetings and all(m.status == "planned" for m in rec.meetings), rec.meetings


@pytest.mark.parametrize(("text", "published", "status", "earliest"), [
    # the next meeting set for a day is still to come, however the verb is tensed
    ("The two sides set their next meeting for March 3 in Nairobi.", date(2024, 6, 12), "planned", date(2025, 3, 3)),
    # a deadline's day is no meeting's
    ("The government and the rebels have been negotiating in Oslo and face an April 30 deadline "
     "for a final accord.", date(2024, 2, 24), "held", None),
    # a headline's "cancels", read as a plural noun, still calls the summit off
    ("Erdogan cancels July 12 Azerbaijan summit in Ankara\n\nThe Turkish president on Thursday canceled an "
     "upcoming July 12 summit with the Azerbaijani leader in Ankara.", date(2024, 6, 13), "cancelled", date(2024, 7, 12)),
])
def test_meetings_next_deadline_and_a_headlines_cancels(nlp, text, published, status, earliest):
    rec, label = records_of(nlp, text, published=published)
    got = [(m.status, m.date.earliest if m.date else None) for m in rec.meetings]
    assert got == [(status, earliest)], got


@pytest.mark.parametrize("text", [
    # a telephone or video conversation between leaders is a call
    "Kenyan President William Ruto had a telephone conversation with Ethiopian Prime Minister Abiy Ahmed on Tuesday.",
    "Egyptian President Abdel Fattah al-Sisi held a video conversation with Sudanese leader Abdel Fattah al-Burhan.",
])
def test_meetings_a_telephone_conversation_is_a_call(nlp, text):
    rec, label = records_of(nlp, text)
    assert [(m.status, m.modality) for m in rec.meetings] in ([("held", "phone")], [("held", "video")]), rec.meetings


def test_meetings_one_call_told_twice_is_one(nlp):
    text = ("Kenya's foreign minister had a telephone conversation with his Somali counterpart on the border dispute, "
            "the ministry said. \"On October 5, Kenyan Foreign Minister Musalia Mudavadi had a telephone conversation "
            "with Somali Foreign Minister Abdisalam Abdi Ali about the border,\" it said.")
    rec, label = records_of(nlp, text)
    calls = [m for m in rec.meetings if m.modality == "phone"]
    assert len(calls) == 1, rec.meetings


@pytest.mark.parametrize("text", [
    # the warring parties are several sides, not one party meeting among itself
    "Sudan's rival parties have resumed negotiations in Jeddah.",
    "The parties resumed talks in Addis Ababa on Monday.",
])
def test_meetings_the_parties_resuming_talks_meet(nlp, text):
    rec, label = records_of(nlp, text)
    assert [m.status for m in rec.meetings] == ["held"], rec.meetings


def test_meetings_spoke_by_phone_with_two_leaders_is_two_calls(nlp):
    text = ("Kenyan President William Ruto spoke with Ethiopian Prime Minister Abiy Ahmed and Eritrean President "
            "Isaias Afwerki by phone over the weekend.")
    rec, label = records_of(nlp, text)
    calls = sorted(sorted(label(k) for k in m.participants if label(k) in {"Abiy Ahmed", "Isaias Afwerki", "William Ruto"})
                   for m in rec.meetings)
    assert calls == [["Abiy Ahmed", "William Ruto"], ["Isaias Afwerki", "William Ruto"]], rec.meetings


def test_meetings_the_meeting_described_later_is_the_one_held(nlp):
    """"the meeting with X would be the first of many" says what the meeting held was, not that
    another one is planned (nor on the day the speaker said so)."""
    rec, label = records_of(nlp, "Felix Tshisekedi and Paul Kagame met face to face in Luanda on Sunday for the first "
                                 "time in two years.\n\nIn a broadcast on Monday, Kagame said the meeting with Tshisekedi "
                                 "would be \"the first of many talks\".")
    assert [(m.status, label(m.location)) for m in rec.meetings] == [("held", "Luanda")], rec.meetings
