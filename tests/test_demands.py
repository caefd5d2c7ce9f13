"""Demands and conditions on invented sentences, with the real model."""

from __future__ import annotations

import pytest

from extracted import records_of

pytestmark = pytest.mark.slow


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
        nlp, "Armenia called on Azerbaijan to withdraw what it described as large numbers of troops and armoured "
             "vehicles, including howitzers, massed along their common border.")
    assert len(rec.demands) == 1
    d = rec.demands[0]
    assert d.label == "Azerbaijan withdraw large numbers of troops and armoured vehicles"
    assert [label(k) for k in d.demanded_by] == ["Armenia"]


def test_demands_do_so_reads_back_the_earlier_verb_phrase(nlp):
    rec, label = records_of(nlp, "Guterres said it was unclear whether the Houthis were ready to release the "
                                 "crew, but urged the movement to do so.")
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
    rec, _ = records_of(nlp, "A displaced farmer spoke to reporters over the telephone. He asked that his name not be used.")
    assert not rec.demands


def test_demands_demand_that_clause_label(nlp):
    rec, label = records_of(nlp, "Russia demands that Ukraine withdraw its troops from four regions, a condition "
                                 "Kyiv has rejected.")
    assert [(d.label, [label(k) for k in d.rejected_by]) for d in rec.demands] == [
        ("Ukraine withdraw its troops from four regions", ["Ukraine"])]


# -- conditions, obligations, addressees ------------------------------------------------


@pytest.mark.parametrize("text, label_words, by, to", [
    ("Kenya and Ethiopia urged al-Shabaab to release the hostages and for Somalia to open the border crossings.",
     ["Somalia", "open the border crossings"], "Kenya", "Somalia"),
    ("Israel warned the Syrian government to keep its forces out of the south.",
     ["keep its forces out of the south"], "Israel", "Syria"),
    ("Colombia called on the National Liberation Army to release all hostages.",
     ["release all hostages"], "Colombia", "National Liberation Army"),
])
def test_demands_directive_with_its_addressee(nlp, text, label_words, by, to):
    rec, label = records_of(nlp, text)
    hits = [d for d in rec.demands if all(w in d.label for w in label_words)]
    assert hits, [d.label for d in rec.demands]
    d = hits[0]
    assert by in {label(k) for k in d.demanded_by}
    assert to in {label(k) for k in d.addressed_to}


def test_demands_conjoined_demands_are_two(nlp):
    rec, _ = records_of(nlp, "Chad urged the RSF to halt its offensive and for Sudan to withdraw its troops from the border.")
    labels = [d.label for d in rec.demands]
    assert len(labels) == 2
    assert not any("withdraw" in l and "halt" in l for l in labels)


@pytest.mark.parametrize("text, label_word, by", [
    ('"All parties must stop shelling the camps," the UN envoy for Yemen, Hans Grundberg, said on Tuesday.',
     "stop shelling the camps", "United Nations"),
    ("Azerbaijani President Ilham Aliyev told Armenian envoy Ruben Rubinyan that any deal must end attacks "
     "from Armenian soil.", "end attacks", "Ilham Aliyev"),
])
def test_demands_obligation_put_on_every_side_or_told_to_another(nlp, text, label_word, by):
    rec, label = records_of(nlp, text)
    hits = [d for d in rec.demands if label_word in d.label]
    assert hits and by in {label(k) for k in hits[0].demanded_by}


def test_demands_speaker_obliging_himself_when_telling_is_no_demand(nlp):
    rec, _ = records_of(nlp, "Ethiopian Prime Minister Abiy Ahmed told Kenyan President William Ruto that he must "
                             "consult his cabinet first.")
    assert not rec.demands


@pytest.mark.parametrize("text, label_word, by", [
    ("The M23 will only withdraw from Goma if Kinshasa agrees to direct talks.", "Kinshasa agrees to direct talks", "M23"),
    ("Azerbaijan said there would be no peace treaty unless Armenia changes its constitution.",
     "Armenia changes its constitution", "Azerbaijan"),
    # "no X until Y", and an agreement tied to a condition
    ("The Sudanese army said there would be no negotiations until the RSF withdrew from civilian areas.",
     "the RSF withdrew from civilian areas", "Sudanese Armed Forces"),
    ("Moscow tied any agreement to Ukraine abandoning its bid to join NATO.",
     "abandoning its bid to join NATO", "Russia"),
    ("Ethiopia has linked any ceasefire to the withdrawal of Eritrean troops.", "the withdrawal of Eritrean troops", "Ethiopia"),
])
def test_demands_conditions_only_if_and_unless(nlp, text, label_word, by):
    rec, label = records_of(nlp, text)
    hits = [d for d in rec.demands if label_word in d.label]
    assert hits, [d.label for d in rec.demands]
    assert by in {label(k) for k in hits[0].demanded_by}


@pytest.mark.parametrize("text, label_text, by, rejecters", [
    # "to direct talks" read as an infinitive: the condition is the talks, not an addressee "any agreement"
    ("The M23 tied any agreement to direct talks with the president, a demand Kinshasa has repeatedly turned down.",
     "direct talks with the president", "M23", {"Democratic Republic of the Congo"}),
    ("The junta linked the release of the prisoners to direct negotiations with the Kachin Independence Army.",
     "direct negotiations with the Kachin Independence Army", "Tatmadaw", set()),
])
def test_demands_tied_to_direct_talks(nlp, text, label_text, by, rejecters):
    rec, label = records_of(nlp, text)
    assert [(d.label, {label(k) for k in d.demanded_by}, {label(k) for k in d.rejected_by}) for d in rec.demands] == [
        (label_text, {by}, rejecters)]
    assert not rec.meetings  # talks named as a condition are not held


@pytest.mark.parametrize("text, rejecter", [
    ("Hamas demanded a full withdrawal from the Philadelphi corridor, which Israel ruled out.", "Israel"),
    ("Bamako demanded the release of its soldiers, a demand Abidjan turned down on Monday.", "Ivory Coast"),
])
def test_demands_rejected_with_a_phrasal_verb(nlp, text, rejecter):
    rec, label = records_of(nlp, text)
    assert rec.demands and rejecter in {label(k) for d in rec.demands for k in d.rejected_by}, \
        [(d.label, d.rejected_by) for d in rec.demands]


@pytest.mark.parametrize("text, by", [
    ("Kenya and Ethiopia have been pressing both sides to return to talks in Juba.", {"Kenya", "Ethiopia"}),
    ("Russia and China demanded that Washington lift the sanctions on Pyongyang.", {"Russia", "China"}),
])
def test_demands_joined_subjects_each_demand(nlp, text, by):
    rec, label = records_of(nlp, text)
    assert [{label(k) for k in d.demanded_by} for d in rec.demands] == [by]


@pytest.mark.parametrize("text, by", [
    # the party a common noun is named as, set off after it: not the party's owner
    ("Kabila's party, the PPRD, said it would not take part in any dialogue until its leader is freed.", "PPRD"),
    ("The separatist movement, the SCNC, said it would not negotiate until the troops withdraw.", "SCNC"),
])
def test_demands_by_the_organization_a_noun_is_named_as(nlp, text, by):
    rec, label = records_of(nlp, text)
    assert [[label(k) for k in d.demanded_by] for d in rec.demands] == [[by]]


@pytest.mark.parametrize("text, not_by", [
    # the place where armed men are is not whom they fight for
    ("Rebels in eastern Chad demanded on Monday that the army withdraw from Tibesti before any talks.", "Chad"),
    ("Militants in northern Mozambique demanded that the government release their commanders.", "Mozambique"),
])
def test_demands_armed_men_are_not_the_place_they_are_in(nlp, text, not_by):
    rec, label = records_of(nlp, text)
    assert not any(not_by in {label(k) for k in d.demanded_by} for d in rec.demands), \
        [(d.label, [label(k) for k in d.demanded_by]) for d in rec.demands]


def test_demands_naming_is_no_call(nlp):
    rec, _ = records_of(nlp, "The junta said its jets struck what it called a workshop for the assembly of drones in Sagaing.")
    assert not rec.demands


def test_demands_rejected_call_without_its_makers(nlp):
    rec, label = records_of(nlp, "The junta in Niger has rejected calls to restore the ousted president.")
    hits = [d for d in rec.demands if "restore the ousted president" in d.label]
    assert hits and not hits[0].demanded_by


def test_demands_insisting_that_another_must_is_one_demand(nlp):
    rec, label = records_of(nlp, "Houthi spokesman Mohammed Abdulsalam insisted that Saudi Arabia must lift the "
                                 "blockade before any talks.")
    assert len(rec.demands) == 1
    d = rec.demands[0]
    assert d.label.startswith("Saudi Arabia must lift the blockade")
    assert "Saudi Arabia" in {label(k) for k in d.addressed_to}


def test_demands_tying_an_agreement_to_conditions(nlp):
    rec, label = records_of(nlp, "Moscow has tied any agreement to Kyiv dropping its bid to join NATO.")
    assert [(d.label, [label(k) for k in d.demanded_by]) for d in rec.demands] == [
        ("Kyiv dropping its bid to join NATO", ["Russia"])]


def test_demands_tying_a_halt_to_a_condition_reads_the_second_to(nlp):
    rec, label = records_of(nlp, "The Polisario Front has tied any halt to its raids to a referendum in Western Sahara.")
    assert [(d.label, [label(k) for k in d.demanded_by]) for d in rec.demands] == [
        ("a referendum in Western Sahara", ["Polisario Front"])]


def test_demands_what_became_of_a_demand_is_not_part_of_it(nlp):
    rec, label = records_of(nlp, "Niger's junta demanded that French troops leave the country within a month, "
                                 "a demand Paris accepted.")
    assert [d.label for d in rec.demands] == ["French troops leave the country within a month"]


def test_demands_bare_junta_is_not_the_country_whose_troops_it_addresses(nlp):
    rec, label = records_of(nlp, "The junta demanded that French troops leave the country within a month.")
    assert not any("France" in label(k) for d in rec.demands for k in d.demanded_by)


def test_demands_request_to_the_speaker_is_no_demand(nlp):
    rec, _ = records_of(nlp, '"Both parties have asked me to try to negotiate a truce," Kazakh President '
                             'Kassym-Jomart Tokayev said.')
    assert not rec.demands


# -- conditions however worded, demands voiced through a spokesman, and who rejects them ---------------


def _demands(rec, label):
    return [(d.label, {label(k) for k in d.demanded_by}, {label(k) for k in d.addressed_to},
             {label(k) for k in d.rejected_by}) for d in rec.demands]


@pytest.mark.parametrize("text, by, to", [
    ("Hamas will only release the remaining hostages if Israel ends the war, a spokesman said.", "Hamas", {"Israel"}),
    ("Russia insists that Ukraine must withdraw its troops from the four regions before any ceasefire.",
     "Russia", {"Ukraine"}),
    ("Tehran insists that Washington must lift sanctions before any new nuclear talks.", "Iran", {"United States"}),
    ("Rwanda tied any agreement to the disarmament of the FDLR militia.", "Rwanda", set()),
    ("The Afghan Taliban have tied any security deal to Pakistan ending its air strikes.", "Taliban", set()),
    ("Ethiopia has made any deal conditional on access to the sea.", "Ethiopia", set()),
    ("Niger's junta said it would release the detained officers on condition that ECOWAS lifts the sanctions.",
     "Niger military", {"ECOWAS"}),
    ("The ELN said it would not return to the negotiating table unless the government suspends military operations.",
     "ELN", set()),
    ("The Taliban demanded that Pakistan stop air strikes inside Afghanistan, spokesman Zabihullah Mujahid said.",
     "Taliban", {"Pakistan"}),
    ("Israel says any ceasefire must include the release of all hostages.", "Israel", set()),
])
def test_demands_conditions_however_worded(nlp, text, by, to):
    rec, label = records_of(nlp, text)
    assert any(by in b and to <= t for _, b, t, _ in _demands(rec, label))


@pytest.mark.parametrize("text, by", [
    ("JNIM spokesman Bina Diarra said the group demands the withdrawal of Russian mercenaries from Mali.", "JNIM"),
    ("M23 spokesman Lawrence Kanyuka said the rebels demand direct talks with Kinshasa.", "M23"),
    ("JNIM, through its spokesman, demanded the departure of foreign forces from Burkina Faso.", "JNIM"),
])
def test_demands_group_speaking_through_a_spokesman(nlp, text, by):
    rec, label = records_of(nlp, text)
    assert any(by in b for _, b, _, _ in _demands(rec, label))


@pytest.mark.parametrize("text, by, rejecter", [
    ("Ukraine rejected Russia's demand that Ukrainian troops leave the Donbas.", "Russia", "Ukraine"),
    ("Venezuela rejected Guyana's demand that it respect the 1899 border award.", "Guyana", "Venezuela"),
    ("The M23 demanded that Kinshasa negotiate directly with the rebels, a demand the Congolese government rejected.",
     "M23", "Democratic Republic of the Congo"),
    # the parser gives the verb two subjects ("demand", "Pristina"): each is read
    ("Serbia has demanded that Kosovo withdraw its police from the north before any talks, a demand Pristina rejected.",
     "Serbia", "Kosovo"),
    ("Niger's junta rejected calls for a swift return to civilian rule.", None, "Niger military"),
    ("The Malian junta rejected calls to hand power to civilians.", None, "Malian Armed Forces"),
])
def test_demands_who_rejects_them(nlp, text, by, rejecter):
    rec, label = records_of(nlp, text)
    assert any((by in b if by else not b) and rejecter in r for _, b, _, r in _demands(rec, label))


@pytest.mark.parametrize("text", [
    "The minister said the talks would continue if the weather allowed.",
    "The governor said the bridge would only reopen if repairs are finished.",
    "Analysts insist that the war will last for years.",
    "The Ukrainian army insists that its troops are still holding the town.",
    "Kyiv insists that Russian forces have suffered heavy losses.",
])
def test_demands_conditions_on_things_and_insisted_claims_are_no_demands(nlp, text):
    rec, _ = records_of(nlp, text)
    assert not rec.demands


@pytest.mark.parametrize("text, by, to", [
    ("The RSF wants the army to accept a ceasefire before any talks, its spokesman said.",
     "Rapid Support Forces", {"Sudanese Armed Forces"}),
    ("Armenia said it was ready to sign the treaty if Azerbaijan withdrew its troops from Armenian territory.",
     "Armenia", {"Azerbaijan"}),
    ("The M23 said any deal would require the government to release political prisoners.", "M23", set()),
])
def test_demands_what_one_side_wants_of_another_and_readiness_on_a_condition(nlp, text, by, to):
    rec, label = records_of(nlp, text)
    assert any(by in b and to <= t for _, b, t, _ in _demands(rec, label))


@pytest.mark.parametrize("text, by", [
    ("Russia will not agree to a ceasefire until Ukraine withdraws from the four regions, Lavrov said.", "Russia"),
    ("Kyiv has said any peace deal must be backed by security guarantees from the West.", "Ukraine"),
])
def test_demands_not_until_and_terms_any_deal_must_meet(nlp, text, by):
    rec, label = records_of(nlp, text)
    assert any(by in b for _, b, _, _ in _demands(rec, label))


def test_demands_rejecting_the_demand_in_the_next_sentence(nlp):
    rec, label = records_of(nlp, "Azerbaijan has tied the final treaty to a change in Armenia's constitution, which "
                                 "Baku says contains territorial claims. Nikol Pashinyan has rejected the demand.")
    assert [(lab, b, r) for lab, b, _, r in _demands(rec, label)] == [
        ("a change in Armenia's constitution", {"Azerbaijan"}, {"Nikol Pashinyan"})]


@pytest.mark.parametrize("text", [
    "The army wants to retake the town before the rainy season.",
    "The Malian army insisted that the drone strike had hit only militants.",
])
def test_demands_wanting_for_oneself_or_insisting_on_a_fact_is_no_demand(nlp, text):
    rec, _ = records_of(nlp, text)
    assert not rec.demands


@pytest.mark.parametrize("text", [
    "Scholz ordered Russian troops to push deeper into the Bryansk region.",
    "Sudan's army chief Omar al-Bashir instructed the army to prepare for a new offensive on Kadugli.",
    "The RSF commander urged his fighters to protect civilians.",
])
def test_demands_orders_to_ones_own_forces_are_no_demand(nlp, text):
    rec, _ = records_of(nlp, text)
    assert not rec.demands


@pytest.mark.parametrize("text, by, to", [
    ("The European Union called on Rwanda to withdraw its troops from eastern Congo.", "European Union", {"Rwanda"}),
    ("Pakistan warned India to stop its military operations along the border.", "Pakistan", {"India"}),
    ("Thailand said Cambodia must first withdraw its troops from the disputed temples.", "Thailand", {"Cambodia"}),
    ("Hezbollah says it will not disarm as long as Israel occupies Lebanese territory.", "Hezbollah", set()),
])
def test_demands_put_to_another_party(nlp, text, by, to):
    rec, label = records_of(nlp, text)
    assert any(by in b and to <= t for _, b, t, _ in _demands(rec, label))


@pytest.mark.parametrize("text, by, to", [
    ("Venezuela demanded that Guyana halt oil exploration in the disputed waters.", "Venezuela", {"Guyana"}),
    ("The Houthis will stop targeting ships only when the war in Gaza ends, their leader said.", "Houthis", set()),
    ("India said talks with Pakistan could resume only if cross-border terrorism stopped.", "India", set()),
    ("Armenia has made the reopening of transport links conditional on respect for its sovereignty.", "Armenia", set()),
])
def test_demands_only_when_conditional_on_and_the_talks_are_no_demander(nlp, text, by, to):
    rec, label = records_of(nlp, text)
    assert any(by in b and to <= t for _, b, t, _ in _demands(rec, label))
    assert not any(b & {"Pakistan"} for _, b, _, _ in _demands(rec, label))


@pytest.mark.parametrize("text", [
    "The army said it will withdraw when the rains come.",
    "Fighting resumed when the truce expired.",
])
def test_demands_when_without_only_is_no_condition(nlp, text):
    rec, _ = records_of(nlp, text)
    assert not rec.demands


def test_demands_owned_demand_for_something_and_who_rejects_it(nlp):
    rec, label = records_of(nlp, "Israel rejected Hezbollah's demand for a full withdrawal from southern Lebanon.")
    (d,) = rec.demands
    assert "full withdrawal" in d.label
    assert [label(k) for k in d.demanded_by] == ["Hezbollah"] and [label(k) for k in d.rejected_by] == ["Israel"]


def test_demands_talks_demanded_are_no_meeting(nlp):
    rec, _ = records_of(nlp, "The M23 demanded direct talks with Kinshasa, which the Congolese government has rejected.")
    assert rec.demands and not rec.meetings


def test_demands_one_demand_whole_with_its_last_clause(nlp):
    rec, label = records_of(nlp, "Azerbaijan insists that Armenia must change its constitution before any peace deal is signed.")
    (demand,) = rec.demands
    assert demand.label.endswith("before any peace deal is signed") and [label(k) for k in demand.demanded_by] == ["Azerbaijan"]


def test_demands_a_noun_demand_stops_before_the_speaker_told_beside_it(nlp):
    rec, _ = records_of(nlp, "The M23 demanded direct talks with Kinshasa, a spokesman for the group said.")
    assert [d.label for d in rec.demands] == ["direct talks with Kinshasa"], rec.demands


@pytest.mark.parametrize("text, label", [
    # the fate aside after a comma the parser hangs on the aside: not part of the demand
    ("The Houthis demanded that Washington halt its strikes on Yemen before any negotiations, a demand the US dismissed.",
     "Washington halt its strikes on Yemen before any negotiations"),
    ("The FARC dissidents demanded that Bogota free their jailed commanders before any talks, a demand the government "
     "dismissed.", "Bogota free their jailed commanders before any talks"),
])
def test_demands_what_became_of_the_demand_is_not_its_wording(nlp, text, label):
    rec, name = records_of(nlp, text)
    assert label in [lab for lab, *_ in _demands(rec, name)], _demands(rec, name)


def test_demands_the_government_of_the_lead_country_rejects(nlp):
    rec, label = records_of(nlp, "JUBA, May 4 (Reuters) - Opposition fighters of the SPLM-IO demanded on Monday that "
                                 "Juba free their detained leader before any talks.\n\nThe government has rejected the "
                                 "demand, a spokesman said.")
    assert any("South Sudan" in {label(k) for k in d.rejected_by} for d in rec.demands), \
        [(d.label, [label(k) for k in d.rejected_by]) for d in rec.demands]


def test_demands_the_government_of_no_one_country_is_left_unread(nlp):
    rec, label = records_of(nlp, "Kenya and Ethiopia demanded on Monday that the rebels free the hostages. The "
                                 "government has rejected the demand.")
    assert not any(d.rejected_by for d in rec.demands), [(d.label, [label(k) for k in d.rejected_by]) for d in rec.demands]


def test_demands_conditions_placed_by_someone_are_theirs(nlp):
    rec, label = records_of(nlp, "The envoy left Tindouf without commenting on the conditions placed by the Polisario "
                                 "Front on resuming talks.")
    assert any("Polisario Front" in {label(k) for k in d.demanded_by} for d in rec.demands), \
        [(d.label, [label(k) for k in d.demanded_by]) for d in rec.demands]
    assert not any("envoy" in " ".join(label(k) for k in d.demanded_by).lower() for d in rec.demands)


def test_demands_who_is_told_a_condition_does_not_set_it(nlp):
    rec, label = records_of(nlp, "Mike Hammer was told the rebels would \"not accept the deal\" unless the salaries of "
                                 "civil servants were paid.")
    assert not any("Mike Hammer" in {label(k) for k in d.demanded_by} for d in rec.demands), \
        [(d.label, [label(k) for k in d.demanded_by]) for d in rec.demands]
