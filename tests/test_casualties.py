"""Casualty counts read from invented sentences in the style of news and conflict monitors' reports."""

from __future__ import annotations

import pytest

from kg.extract.casualties import find_casualties

pytestmark = pytest.mark.slow


def counts(nlp, text: str) -> set[tuple]:
    doc = nlp(text)
    return {(m.record.outcome, m.record.min, m.record.max, m.record.vague, m.record.victims)
            for s in doc.sents for m in find_casualties(s) if not m.superseded}


K, I = "Killed", "Injured"


@pytest.mark.parametrize("text, expected", [
    # stated figures, with their victims
    ("Gunmen killed 14 civilians in a village near Mopti on Monday.", {(K, 14, 14, False, "civilian")}),
    ("At least 34 people were killed in the shelling of Kharkiv.", {(K, 34, None, False, None)}),
    ("Two fatalities were reported after the clash near Jowhar.", {(K, 2, 2, False, None)}),
    ("Militants stormed the checkpoint, killing two and wounding three.", {(K, 2, 2, False, None), (I, 3, 3, False, None)}),
    ("Rebels shot and killed two civilians on the road to Beni.", {(K, 2, 2, False, "civilian")}),
    ("Between 8 and 15 fighters were killed in the strike in Helmand.", {(K, 8, 15, False, "fighter")}),
    # a headline's bare person noun, which the tagger reads as an adjective
    ("Mine kills civilian near Gao.", {(K, 1, 1, False, "civilian")}),
    # "left A dead and B injured": each figure with its own state, never their sum
    ("Two blasts hit a market in Maiduguri, leaving at least 12 people dead and more than 30 others injured.",
     {(K, 12, None, False, None), (I, 31, None, False, None)}),
    ("The car bomb left at least seven people dead and 15 injured in Mogadishu.",
     {(K, 7, None, False, None), (I, 15, 15, False, None)}),
    ("A double blast struck a mosque in Marawi on Friday, leaving at least 12 people dead and more than 30 others "
     "injured, police said.", {(K, 12, None, False, None), (I, 31, None, False, None)}),
    # an age is no count: "the 41-year-old herder" is one victim
    ("The 41-year-old herder died on the spot after the mine exploded near Garissa.", {(K, 1, 1, False, "herder")}),
    ("Gunmen shot dead the 63-year-old imam of a mosque in Kaduna on Friday.", {(K, 1, 1, False, "imam")}),
    ("Three 17-year-old pupils were wounded by the grenade in Bujumbura.", {(I, 3, 3, False, "pupil")}),
    # a killing someone is blamed for, or claims, is that killing, not one referred to
    ("The militia was blamed for the killing of seven herders near Djibo on Tuesday.", {(K, 7, 7, False, "herder")}),
    ("Al-Shabaab claimed responsibility for the killing of five soldiers in Garbaharey.", {(K, 5, 5, False, "soldier")}),
    # the toll of the run the told attack belongs to is not that attack's
    ("A soldier was killed by a roadside bomb in Pattani today, the latest in a string of attacks that claimed "
     "nine lives this month.", {(K, 1, 1, False, "soldier")}),
    ("Two guards died in the raid on the bank in Maiduguri, the latest in a wave of attacks that have killed 30 people "
     "since June.", {(K, 2, 2, False, "guard")}),
    # "among N killed": the N are the whole toll, the subject a part of it
    ("Three women were among 14 people killed when a shell struck a bus in Kadugli.",
     {(K, 3, None, False, "woman"), (K, 14, 14, False, None)}),
    ("Four medics were among the 30 people killed in the shelling of Kadugli.",
     {(K, 4, None, False, "medic"), (K, 30, 30, False, None)}),
    # a number in a phrase told of the victim is not their count
    ("He was the only commander of the unit killed in six weeks of fighting near Bakhmut.",
     {(K, 1, 1, False, "commander")}),
    # a time between the auxiliary and the participle ("were on Friday killed")
    ("At least seven traders were on Sunday killed by bandits near Funtua.", {(K, 7, None, False, "trader")}),
    ("Nine herders of a Borana family were during the night killed when raiders attacked a camp near Takaba.",
     {(K, 9, 9, False, "herder")}),
    ("Four soldiers were on Sunday night killed by militants near Bama.", {(K, 4, 4, False, "soldier")}),
])
def test_casualties_stated_figures(nlp, text, expected):
    assert counts(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("No casualties were reported after the drone fell near Odesa.", {(K, 0, 0, False, None), (I, 0, 0, False, None)}),
    ("The mortar round hit an empty field near Kidal; there were no injuries or fatalities.",
     {(K, 0, 0, False, None), (I, 0, 0, False, None)}),
    # "hurt" and "harmed" say neither killed nor wounded; "injured" says no more than it says
    ("A grenade was thrown at the police post in Bujumbura but no one was hurt.", {(K, 0, 0, False, None), (I, 0, 0, False, None)}),
    ("A drone hit a fuel depot in Kursk overnight; nobody was harmed.", {(K, 0, 0, False, None), (I, 0, 0, False, None)}),
    ("A rocket hit a house in Ashkelon. No one was injured.", {(I, 0, 0, False, None)}),
    ("The convoy was hit by a roadside bomb near Gao, but the soldiers escaped unharmed.",
     {(K, 0, 0, False, "soldier"), (I, 0, 0, False, "soldier")}),
    ("The army said the raid near Tillaberi was carried out without casualties.",
     {(K, 0, 0, False, None), (I, 0, 0, False, None)}),
    ("No civilians were killed in the exchange of fire in Rakhine.", {(K, 0, 0, False, "civilian")}),
    ("Two shells landed near the camp in Tessalit without causing any casualties.", {(K, 0, 0, False, None), (I, 0, 0, False, None)}),
    ("The blast near the barracks in Mandera did not cause casualties, the commissioner said.",
     {(K, 0, 0, False, None), (I, 0, 0, False, None)}),
    ("The navy did not report any casualties after the skiff fired on its patrol boat off Eyl.",
     {(K, 0, 0, False, None), (I, 0, 0, False, None)}),
    # none of one side: that side's
    ("Rebels shelled the camp near Kidal; there were no casualties among the peacekeepers, the mission said.",
     {(K, 0, 0, False, "peacekeeper"), (I, 0, 0, False, "peacekeeper")}),
    ("Troops clashed with the guerrillas near Tame. No casualties were reported on the side of the rebels.",
     {(K, 0, 0, False, "rebel"), (I, 0, 0, False, "rebel")}),
    # "no reports of": as "no casualties were reported"
    ("Mortar rounds hit the camp near Kismayo overnight. There were no reports of casualties.",
     {(K, 0, 0, False, None), (I, 0, 0, False, None)}),
    ("A drone struck a fuel depot in Kursk, with no reports of injuries.", {(I, 0, 0, False, None)}),
    # a harm verb denied of "anyone"; people said to be safe (not a place)
    ("The mine went off under a truck near Kalma but did not injure anyone.", {(I, 0, 0, False, None)}),
    ("A rocket struck a tanker off Mocha on Tuesday; the sailors were reported safe.",
     {(K, 0, 0, False, "sailor"), (I, 0, 0, False, "sailor")}),
    ("Shells landed near the market in Kadugli; officials said the area was safe again.", set()),
])
def test_casualties_stated_none_is_zero(nlp, text, expected):
    assert counts(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Three people were killed in the market blast in Mogadishu and no other casualties were reported.",
    "Four soldiers were wounded near Bakhmut, but there were no serious injuries among civilians.",
    "Rockets hit the outskirts of Sderot, and there were no immediate reports of casualties.",
    # a toll left untold: the speaker did not comment on it, did not acknowledge or disclose it
    "A police spokesman confirmed the raid on the camp near Beni but did not comment on the casualties.",
    "The rebels said they had shelled army positions near Kalay but did not acknowledge any civilian casualties.",
    "The ministry did not disclose casualties from the strike on the depot in Hodeidah.",
])
def test_casualties_none_of_others_is_not_zero(nlp, text):
    assert not any(c[1] == 0 for c in counts(nlp, text))


@pytest.mark.parametrize("text", [
    "Casualties unknown.",
    "Fatalities unknown after the clash between the two militias in Jonglei.",
    "An unknown number of villagers died when gunmen burned the settlement near Kalemie.",
    "An undetermined number of fighters were injured in the fighting near Tal Afar.",
    "The rebels suffered heavy losses in the fighting near Goma.",
    "Local media reported unknown fatalities after the blast in Lashkar Gah.",
    "The army said it had inflicted heavy casualties on the militants in Cabo Delgado.",
    "Dozens of police were killed and injured in the ambush near Galkayo.",
    "A group of herders were killed by gunmen near Marsabit.",
    "A family was killed when the shell hit their house in Lysychansk.",
    "The fighting killed and wounded dozens in the outskirts of Khartoum.",
    # the verb "live", not the noun of "lost their lives"
    "The talks were led by Ali Hassan, the group's chief negotiator, who lives in Doha.",
    "The envoy met Omar Bashir, the movement's spokesman, who lives in exile in Cairo.",
    # a figure a verb of possibility projects
    "The death toll from the raid on the base could hit 30 dead, an officer said.",
    "The death toll could rise to 40, the governor warned.",
])
def test_casualties_unknown_or_joint_counts_give_no_figure(nlp, text):
    assert counts(nlp, text) == set()


@pytest.mark.parametrize("text, expected", [
    ("The ministry said the assault on the outposts near Beledweyne had caused fatalities, but gave no figure.",
     {(K, 1, None, True, None)}),
    ("The drone strike in Marib resulted in deaths, a local official said.", {(K, 1, None, True, None)}),
])
def test_casualties_deaths_without_a_figure_are_at_least_one(nlp, text, expected):
    assert counts(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Gunmen on a motorbike shot dead a trader in Maiduguri.", {(K, 1, 1, False, "trader")}),
    ("Bandits killed a farmer and his son in Zamfara on Sunday.", {(K, 2, 2, False, None)}),
    ("Suspected bandits stopped a bus and killed the conductor and a passenger near Bandiagara.",
     {(K, 2, 2, False, None)}),
    ("Unknown assailants attacked and killed him outside his home in Kismayo.", {(K, 1, 1, False, None)}),
    ("Gunmen abducted the village chief and killed him near Ituri.", {(K, 1, 1, False, "chief")}),
    ("The guard refused an order from his commander and later killed him.", {(K, 1, 1, False, None)}),
    ("Mr. Ahmed Nur, the manager of the farm, died on the spot.", {(K, 1, 1, False, "manager")}),
    ("A child was killed when a shell struck a house in Idlib.", {(K, 1, 1, False, "child")}),
    ("Fighters of the group beheaded a man in a village of Cabo Delgado.", {(K, 1, 1, False, "man")}),
    ("A journalist was beaten to death by a mob in Tegucigalpa.", {(K, 1, 1, False, "journalist")}),
    ("Three men were shot by the gang in Culiacan.", {(I, 3, 3, False, "man")}),
    ("A soldier wounded in the ambush near Kunduz later died of his wounds.", {(K, 1, 1, False, "soldier")}),
    ("The policeman succumbed to his injuries in hospital in Peshawar.", {(K, 1, 1, False, "policeman")}),
    ("The bodies of five men were found near the river in Cauca.", {(K, 5, 5, False, "man")}),
    ("Twelve bodies were recovered from the rubble in Gaza City.", {(K, 12, 12, False, None)}),
    ("The airstrike killed 12 people, including five children, in Saada.",
     {(K, 12, 12, False, None), (K, 5, 5, False, "child")}),
    ("The pastor died instantly together with his driver after gunmen fired at their car in Nakuru.",
     {(K, 2, 2, False, None)}),
    ("A ranger was reported to have been killed that evening near Aguelhok.", {(K, 1, 1, False, "ranger")}),
    # a bare participle after a passive verb of telling: the subject is the victims
    ("At least 18 people, including children, were reported killed in Maghazi.", {(K, 18, None, False, None)}),
    ("Two soldiers were confirmed dead after the ambush near Menaka.", {(K, 2, 2, False, "soldier")}),
    ("Three villagers were reported wounded in the raid on Kauru.", {(I, 3, 3, False, "villager")}),
    # "shot dead two teachers", with "dead" read as the object's adjective: killed, not also wounded
    ("On 3 May, suspected militants shot dead two teachers in Garissa.", {(K, 2, 2, False, "teacher")}),
    # "earlier this month" is when it happened, not an old figure
    ("Airstrikes earlier this month killed dozens in Rafah.", {(K, 24, 99, True, None)}),
    # "killing 13 of them": the ones the verb was done to, not a part of a toll told before
    ("Cartel gunmen ambushed a convoy of state police officers in Michoacan, killing 13 of them.", {(K, 13, 13, False, None)}),
    # "cost the lives of": killed, named by the group after "of"
    ("The ambush near Tillaberi cost the lives of seven policemen.", {(K, 7, 7, False, "policeman")}),
    ("The attack claimed the lives of 23 soldiers in Diffa.", {(K, 23, 23, False, "soldier")}),
    # "members of X": the group says who they were
    ("An airstrike on a house in Taiz killed seven members of one family.", {(K, 7, 7, False, "family")}),
    ("Gunmen killed three members of the security forces in Zamfara state.", {(K, 3, 3, False, "force")}),
])
def test_casualties_victims_without_a_figure(nlp, text, expected):
    assert counts(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The outpost near Bor was attacked: 3 soldiers, 1 policeman and 5 attackers killed, 2 medics wounded.",
     {(K, 9, 9, False, None), (I, 2, 2, False, "medic")}),
    ("Eight soldiers and one national guard were killed in the ambush near Tessit.",
     {(K, 9, 9, False, None)}),
    ("The group claimed to have killed 9 soldiers and 4 others were injured near Afgooye.",
     {(K, 9, 9, False, "soldier"), (I, 4, 4, False, "soldier")}),
    ("Six assailants were killed when troops returned fire in Diffa.", {(K, 6, 6, False, "assailant")}),
    ("The suicide bomber died in the blast at the checkpoint in Kabul.", {(K, 1, 1, False, "bomber")}),
    ("Twelve Fulani and one Dogon were killed in the clashes near Bankass.",
     {(K, 13, 13, False, None)}),
    ("A soldier was killed and another wounded in the clash in Kachin state.",
     {(K, 1, 1, False, "soldier"), (I, 1, 1, False, "soldier")}),
])
def test_casualties_listed_groups_and_attackers(nlp, text, expected):
    assert counts(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # groups listed together are one toll; their children stay a sub-count
    ("Two soldiers and five civilians died when the bomb went off in Mogadishu.", {(K, 7, 7, False, None)}),
    ("A shepherd and three boys were killed when a shell hit the village near Taiz.",
     {(K, 4, 4, False, None), (K, 3, 3, False, "boy")}),
    ("A farmer and four farm workers were killed by a landmine near Mosul.", {(K, 5, 5, False, None)}),
    ("Three policemen and a civilian were wounded in the grenade attack in Bujumbura.", {(I, 4, 4, False, None)}),
    ("A senior commander and 3 of his bodyguards were killed in the drone strike in Jilib.", {(K, 4, 4, False, None)}),
    # parts and alternatives of one figure are not added
    ("Eight herders, including an old man and a child, died in the raid near Tessit.",
     {(K, 8, 8, False, "herder"), (K, 1, 1, False, "child")}),
    ("2 soldiers were killed (4 according to the rebels) near Sake.",
     {(K, 2, 2, False, "soldier"), (K, 4, 4, False, None)}),
])
def test_casualties_listed_groups_are_one_toll(nlp, text, expected):
    assert counts(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the same toll told twice in one sentence is one count
    ("Three policemen were killed when their car hit a mine in Kapisa, officials said, reporting 3 fatalities.",
     {(K, 3, 3, False, "policeman")}),
    # a part that is not children is already in the main count
    ("The militants killed seven people, including a village chief, in Tillaberi.", {(K, 7, 7, False, None)}),
    ("A cameraman was killed and two reporters injured, one of them seriously, during the shelling of a hotel in Stepanakert.",
     {(K, 1, 1, False, "cameraman"), (I, 2, 2, False, "reporter")}),
])
def test_casualties_no_double_counting(nlp, text, expected):
    assert counts(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Russia launched 40 drones and 7 missiles at Lviv overnight, killing three people.", {(K, 3, 3, False, None)}),
    ("The rebels released 1,000 prisoners in a swap brokered by Qatar.", set()),
    ("The shelling destroyed dozens of houses and 200,000 people were displaced in Rakhine.", set()),
    ("Four of her goats were killed when the mortar round hit the farm near Kupwara.", set()),
    ("Soldiers shot down two drones over Belgorod.", set()),
    ("The troops were ordered to shoot an aircraft carrying the delegation to Kismayo.", set()),
    ("In a video shot by a resident of Kidal, bursts of gunfire can be heard.", set()),
    ("Footage shot by residents of Uruapan showed gunmen firing at a crowd.", set()),
    ("The raiders killed six people, torched granaries and huts, and took cattle.", {(K, 6, 6, False, None)}),
])
def test_casualties_things_and_animals_are_not_victims(nlp, text, expected):
    assert counts(nlp, text) == expected


def test_casualties_accident_death_is_still_a_death(nlp):
    # the extractor reads deaths, not their cause: an accident is kept out of attacks by the attack reader
    assert counts(nlp, "A man was killed in a car accident on the road to Kampala.") == {(K, 1, 1, False, "man")}


@pytest.mark.parametrize("text, expected", [
    ("More than 20 militants were killed in the strike near Jilib.", {(K, 21, None, False, "militant")}),
    ("Over 60 people were killed in the attack on the camp in Ituri.", {(K, 61, None, False, None)}),
    ("Nearly 300 people were injured in the blasts.", {(I, 285, 300, True, None)}),
    ("Dozens of civilians were wounded in the shelling of Sumy.", {(I, 24, 99, True, "civilian")}),
    ("Several soldiers were killed near Pokrovsk.", {(K, 3, 9, True, "soldier")}),
    ("A number of fighters were killed in the ambush.", {(K, 2, 20, True, "fighter")}),
])
def test_casualties_qualifiers_keep_their_documented_reading(nlp, text, expected):
    assert counts(nlp, text) == expected


@pytest.mark.parametrize("text, superseded", [
    ("The earlier toll of 85 was revised upwards by the health ministry in Gaza.", True),
    ("Officials had earlier said 20 people were killed in the raid on Kidal.", True),
    ("Hours earlier, a drone strike on a market in Kherson killed five people.", False),
])
def test_casualties_superseded_figure_is_marked_on_the_figure_only(nlp, text, superseded):
    doc = nlp(text)
    marks = [m.superseded for s in doc.sents for m in find_casualties(s)]
    assert marks and all(x == superseded for x in marks)


def test_casualties_another_is_of_the_same_named_group(nlp):
    assert counts(nlp, "One soldier was killed and another was injured when a drone hit a checkpoint near Gao.") == {
        (K, 1, 1, False, "soldier"), (I, 1, 1, False, "soldier")}


@pytest.mark.parametrize("text, settled", [
    ("On 2 May 2021, 4 police officers were killed when a bomb hit their vehicle near Ghazni. Fatalities coded as 0 (an insurgent website reported 4).", 0),
    ("Gunmen raided a hamlet near Gao and left several dead or hurt (fatalities coded as 4).", 4),
])
def test_casualties_monitor_coded_figure_settles_the_toll(nlp, text, settled):
    """A monitor's "fatalities coded as N" is the report's own death count: it revises the others."""
    from datetime import date

    from kg.extract import extract

    doc = nlp(text)
    coded = [m for s in doc.sents for m in find_casualties(s) if m.revision and m.record.outcome == K]
    assert [(m.record.min, m.record.max) for m in coded] == [(settled, settled)]
    attacks = extract(doc, date(2021, 5, 2)).attacks
    killed = [c for a in attacks for c in a.casualties if c.outcome == K and c.victims != "child"]
    assert sum(c.min for c in killed) == settled


@pytest.mark.parametrize("text, expected", [
    # a killing verb shares its victim with the verb it is coordinated with
    ("A trader was abducted and killed by gunmen near Tillaberi.", {(K, 1, 1, False, "trader")}),
    ("Two soldiers were ambushed and killed on the road to Bunia.", {(K, 2, 2, False, "soldier")}),
    ("Bandits killed and robbed a herder outside Zurmi.", {(K, 1, 1, False, "herder")}),
    ("Men armed with machetes killed and mutilated a guard at a farm near Djougou.", {(K, 1, 1, False, "guard")}),
    # a bare plural shared by killing and wounding stays without a figure
    ("The shelling killed and wounded civilians in Marioupol.", set()),
    # "a youth" is one person, "the youth" are many
    ("A youth was killed by a roadside bomb near Ménaka.", {(K, 1, 1, False, "youth")}),
    ("The youth were beaten by soldiers in Ambo.", set()),
])
def test_casualties_coordinated_verbs_and_one_person(nlp, text, expected):
    assert counts(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # what the next clause took, hung on the killing verb by the parser, is nobody killed
    ("Militiamen claimed to have killed two soldiers and seized equipment in the region of Tillia.",
     {(K, 2, 2, False, "soldier")}),
    ("On 4 April, rebels claimed to have killed three policemen and seized equipment in the region of Abala.",
     {(K, 3, 3, False, "policeman")}),
    # a list of people keeps every part
    ("Gunmen killed the chief, his wife and a guard in Oicha.", {(K, 3, 3, False, None)}),
    ("The militia killed two farmers and a herder near Kaya.", {(K, 3, 3, False, None)}),
])
def test_casualties_another_clauses_object_counts_nobody(nlp, text, expected):
    assert counts(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # care for the wounded tells of the injured
    ("Officials said 14 people were killed and 40 admitted to hospital with wounds after the market blast in Maiduguri.",
     {(K, 14, 14, False, None), (I, 40, 40, False, None)}),
    ("Five soldiers were treated for injuries after the ambush near Kismayo.", {(I, 5, 5, False, "soldier")}),
    ("Twenty people were rushed to hospital after the shelling of Kharkiv.", {(I, 20, 20, False, None)}),
    # taking a town, or patients in a hospital, are no injured
    ("The rebels took the town of Kalehe on Tuesday.", set()),
    ("Patients were admitted to the hospital before the strike.", set()),
])
def test_casualties_care_for_the_wounded(nlp, text, expected):
    assert counts(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a killing noun counts the people after its "of"; the displaced are not the dead
    ("The killing of 12 civilians in Ituri on Monday sparked protests.", {(K, 12, 12, False, "civilian")}),
    ("The massacre of 30 villagers near Bunia shocked the region.", {(K, 30, 30, False, "villager")}),
    ("The deaths of five soldiers in the ambush were confirmed on Monday.", {(K, 5, 5, False, "soldier")}),
    ("The killing of a trader in the market angered residents.", {(K, 1, 1, False, "trader")}),
    ("Fighting has killed thousands and displaced millions in Darfur.", {(K, 2000, 9999, True, None)}),
    ("Five villagers lost their lives when gunmen raided the village on Friday night.", {(K, 5, 5, False, "villager")}),
])
def test_casualties_killing_nouns_and_other_verbs_objects(nlp, text, expected):
    assert counts(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Traders held a march in Kidal in response to the killing of two shopkeepers.",
    "The talks resumed after the killing of two negotiators last year.",
])
def test_casualties_killing_referred_to_as_a_cause_is_no_toll(nlp, text):
    assert not any(c[0] == K and c[1] > 0 for c in counts(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two people were killed in the Sumy region and one in the Poltava region.",
         {("Killed", 2, 2, False, None), ("Killed", 1, 1, False, None)}),
        ("Four soldiers were wounded in Gao and three in Menaka.",
         {("Injured", 4, 4, False, "soldier"), ("Injured", 3, 3, False, "soldier")}),
    ],
)
def test_casualties_figure_whose_verb_is_left_out(nlp, text, expected):
    assert expected <= counts(nlp, text)


@pytest.mark.parametrize("text, expected", [
    # some of the casualties: at least so many, and the group as named
    ("Three children were among the dead after a drone hit a school in Sumy.", {(K, 3, None, False, "child")}),
    ("Two journalists were among those killed in the strike on Tyre.", {(K, 2, None, False, "journalist")}),
    ("Among the wounded were four nurses and a doctor.", {(I, 5, None, False, None)}),
    # those who died at once: some of the dead when others die later
    ("Six passengers died at the scene after the bus hit a mine near Bossangoa.", {(K, 6, None, False, "passenger")}),
    ("Four people were killed on the spot when a grenade exploded in a market in Bujumbura.", {(K, 4, None, False, None)}),
    ("The driver died on the spot when a mine hit his truck near Bossangoa.", {(K, 1, 1, False, "driver")}),
])
def test_casualties_some_among_the_dead_are_a_lower_bound(nlp, text, expected):
    assert expected <= counts(nlp, text), counts(nlp, text)


@pytest.mark.parametrize("text, expected", [
    # "at" telling where the victims were shot
    ("Two police officers were shot dead at a checkpoint near Quetta late on Friday.", {(K, 2, 2, False, "officer")}),
    ("Gunmen shot two traders at a market in Gao.", {(I, 2, 2, False, "trader")}),
    # "at" telling what was fired at: no one struck
    ("The convoy was shot at near the border.", set()),
    ("Troops shot at protesters in the square.", set()),
])
def test_casualties_shot_at_a_place_or_shot_at_a_target(nlp, text, expected):
    assert counts(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The number of dead now stands at 27, the governor said.", {(K, 27, 27, False, None)}),
    ("The number of dead is 12, according to the hospital.", {(K, 12, 12, False, None)}),
])
def test_casualties_the_number_of_dead(nlp, text, expected):
    assert expected <= counts(nlp, text), counts(nlp, text)


@pytest.mark.parametrize("text, expected", [
    # "martyred": the press usage of South Asia and the Middle East for those killed
    ("Four policemen were martyred when gunmen opened fire on a checkpoint in Lakki Marwat.",
     {(K, 4, 4, False, "policeman")}),
    ("Two soldiers were martyred in an exchange of fire near the Line of Control.", {(K, 2, 2, False, "soldier")}),
])
def test_casualties_martyred_are_killed(nlp, text, expected):
    assert expected <= counts(nlp, text), counts(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("Nine people were left injured after the grenade went off in the market.", {(I, 9, 9, False, None)}),
    ("Two rangers were killed and four others were left wounded in the ambush.", {(I, 4, 4, False, "ranger")}),
])
def test_casualties_left_injured_in_the_passive(nlp, text, expected):
    assert expected <= counts(nlp, text), counts(nlp, text)


@pytest.mark.parametrize("text, expected", [
    # how the dead were found is no harm of its own
    ("The mutilated bodies of three men were found in a forest near Mambasa.", {(K, 3, 3, False, "man")}),
    ("The burned and mutilated bodies of five traders were found near Djugu.", {(K, 5, 5, False, "trader")}),
])
def test_casualties_the_state_of_bodies_found_is_no_injury(nlp, text, expected):
    assert counts(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # only people, or a count of them, are dead: not an effort, a deal or talks called dead
    ("The president called the year-long peace effort dead and withdrew his invitation to the rebels.", set()),
    ("The mediators declared the truce dead after the shelling resumed.", set()),
    ("The ambush left four soldiers dead near Kidal.", {(K, 4, 4, False, "soldier")}),
])
def test_casualties_what_is_called_dead_is_a_person(nlp, text, expected):
    assert counts(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a multiple of a multiple: "tens of thousands"
    ("The border war killed tens of thousands.", {(K, 20000, 99999, True, None)}),
    ("The famine and the fighting killed hundreds of thousands of people.", {(K, 200000, 999999, True, None)}),
])
def test_casualties_tens_of_thousands(nlp, text, expected):
    assert counts(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a weapon in brackets after the verb is how they died, not who
    ("4 killed (machetes) during communal violence near Jos.", {(K, 4, 4, False, None)}),
    ("Two killed (gunshots) in a cattle raid near Isiolo.", {(K, 2, 2, False, None)}),
])
def test_casualties_a_bracketed_weapon_is_no_victim(nlp, text, expected):
    assert counts(nlp, text) == expected
