"""The trigger patterns of kg/data/attack_triggers.jsonl, one table row or more per pattern, on
invented sentences from many conflicts, with the real model; and the kind each attack gets."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract
from kg.extract.casualties import find_casualties
from kg.extract.triggers import find_triggers, match_triggers, trigger_patterns

PUB = date(2023, 9, 14)

pytestmark = pytest.mark.slow

# sentence, pattern id that must fire, event type of the attack read from the sentence
POSITIVE = [
    ("Two herders dead, three hurt after a roadside bomb near Tessit on Monday.", "device-toll", "RemoteExplosive"),
    ("Three soldiers dead as their truck went over a mine near Kolokani.", "device-toll", "RemoteExplosive"),
    ("Gunmen launched an attack on a police post in Tillaberi region on Tuesday.", "attack-noun", "ArmedClash"),
    ("The massacre in the village left the families of 40 herders without news.", "attack-noun", None),
    ("The offensive on the town killed at least 30 fighters, the army said.", "offensive-noun", "ArmedClash"),
    ("Airstrikes hit a market in Nyala, killing 12 people, residents said.", "air-strike-noun", "AirDroneStrike"),
    ("A drone strike on a wedding party in Shabwa province killed nine guests.", "air-strike-phrase", "AirDroneStrike"),
    ("Overnight shelling of Kherson damaged a hospital and wounded two nurses.", "shelling-noun", "ShellingArtilleryMissile"),
    ("Mortar fire on the camp near Goma killed a woman and her son on Friday.", "weapon-fire-noun", "ShellingArtilleryMissile"),
    ("A bomb explosion at a bus station in Maiduguri killed five passengers.", "bombing-noun", "RemoteExplosive"),
    ("A suicide bomber struck a mosque in Peshawar during Friday prayers, killing 32 worshippers.", "suicide-bombing", "SuicideBomb"),
    ("A grenade attack on a bar in Bujumbura wounded 11 customers on Saturday.", "grenade-attack", "Grenade"),
    ("Clashes between the army and the rebels in Dilling killed seven soldiers.", "clash-noun", "ArmedClash"),
    ("Heavy fighting broke out near Bakhmut on Sunday, Ukrainian officials said.", "clash-noun", "ArmedClash"),
    ("Gunfire in the market of Gao killed two traders on Monday.", "gunfire-noun", None),
    ("An exchange of fire between border guards near the river wounded two officers.", "exchange-of-fire", "ArmedClash"),
    ("The killing of a local chief in Ituri province sparked anger on Wednesday.", "killing-noun", "AttackOnCivilians"),
    ("The slaying of a village chief and his two sons near Tumaco on Sunday sparked outrage.", "killing-noun", "AttackOnCivilians"),
    ("The abduction of 20 schoolgirls from a school in Zamfara on Monday shocked the country.", "abduction-noun", "Abduction"),
    ("Militants attacked an army convoy near Kidal on Thursday.", "attack-verb", "ArmedClash"),
    ("Government troops raided a village in Sagaing region and burned houses.", "attack-verb", None),
    ("Rockets pounded the outskirts of Idlib overnight, wounding four children.", "hit-verb", "ShellingArtilleryMissile"),
    ("An Iranian missile slammed into a residential building in Haifa, killing three people.", "slam-into", "ShellingArtilleryMissile"),
    ("A Russian drone smashed into an apartment block in Odesa on Sunday.", "slam-into", "AirDroneStrike"),
    ("At least seven people died when a mortar shell landed on a crowded market in Kadugli.", "weapon-lands",
     "ShellingArtilleryMissile"),
    ("Two rockets fell near a school in Kiryat Shmona on Monday, wounding three children.", "weapon-lands",
     "ShellingArtilleryMissile"),
    ("Police found the bullet-riddled bodies of five men in a ditch near Culiacan on Sunday.", "bodies-found",
     "AttackOnCivilians"),
    ("The bodies of 14 men were found dumped near a river outside Kosti on Monday, a rights group said.", "bodies-found",
     "AttackOnCivilians"),
    ("Two dismembered bodies were found on a farm outside Kiambu on Sunday.", "bodies-found", "AttackOnCivilians"),
    ("4 killed (machetes) during communal violence near Jos.", "kill-verb", None),
    ("Government forces suffered heavy losses near the town of Ber on Sunday, a local official said.", "suffer-losses",
     "ArmedClash"),
    ("The rebels said the army had sustained heavy casualties around Mweso.", "suffer-losses", "ArmedClash"),
    ("Russian forces hammered the frontline town of Toretsk with glide bombs on Monday.", "hammer-verb", "AirDroneStrike"),
    ("Soldiers fired on protesters in Mandalay, wounding three.", "fire-verb", None),
    ("Warships fired towards the beach of a coastal town on Tuesday.", "fire-verb", None),
    ("The town of Kupiansk came under heavy fire overnight, local officials said.", "come-under-fire", None),
    ("A military convoy came under attack near Gao on Tuesday.", "come-under-fire", None),
    ("Police opened fire on a crowd of villagers in Kasai province.", "open-fire", None),
    ("Clan militia opened heavy gunfire towards a police post near Galkayo on Sunday.", "open-fire", "ArmedClash"),
    ("The two militias exchanged gunfire in the Kismayo area on Friday.", "exchange-fire", "ArmedClash"),
    ("Rebels clashed with government forces near Mweso on Saturday.", "clash-verb", "ArmedClash"),
    ("Rival clan militias fought over grazing land near Beledweyne on Tuesday.", "clash-verb", "ArmedClash"),
    ("Armed conflict erupted between villagers and soldiers in the Kasai hills on Friday.", "conflict-erupts", "ArmedClash"),
    ("Heavy hostilities broke out between the two factions near Malakal on Sunday.", "conflict-erupts", "ArmedClash"),
    ("Gunmen shot dead a trader in the market of Bunia on Monday.", "kill-verb", "AttackOnCivilians"),
    ("Unknown assailants killed a teacher and his wife in Ansongo on Sunday.", "kill-verb", "AttackOnCivilians"),
    ("A farmer was hacked to death by men armed with machetes near Bangassou.", "kill-verb", "AttackOnCivilians"),
    # counted members of an armed group are fighters killed
    ("Troops killed 14 Taliban in Zhari district on Tuesday.", "kill-verb", "ArmedClash"),
    ("The army said it had killed 11 Shabaab near Bulo Burde.", "kill-verb", "ArmedClash"),
    ("Militiamen beat and injured a driver at a checkpoint outside Bentiu.", "harm-verb", "AttackOnCivilians"),
    ("Bandits abducted 15 travellers on the road to Kaduna on Sunday.", "abduct-verb", "Abduction"),
    ("Rebels captured the town of Pinet in Shan state on Sunday after days of fighting.", "take-territory", "TerritoryTaken"),
    ("Al Shabaab militants seized control of the district of Bardere on Friday.", "take-territory", "TerritoryTaken"),
    ("The Arakan Army said it had captured the town of Paletwa after months of fighting.", "take-territory", "TerritoryTaken"),
    # a storming that kills: an attack on the villagers or a battle, not a taking of ground
    ("Bandits stormed the village of Gidan Bawa on Saturday, killing 12 villagers.", "take-territory", "AttackOnCivilians"),
    ("Rebels seized the town of Kitshanga after fighting that killed 12 soldiers.", "take-territory", "ArmedClash"),
    ("Jihadist fighters entered the town of Boulkessi late Tuesday, security sources said.", "enter-town", "TerritoryTaken"),
    ("The rebels entered Kidal on Sunday after two days of fighting.", "enter-town", "TerritoryTaken"),
    ("Houthi fighters entered the port city of Mocha at dawn.", "enter-town", "TerritoryTaken"),
    ("Gunmen took five aid workers hostage in Menaka region on Monday.", "take-hostage", "Abduction"),
    ("Soldiers raped two women in a village near Kalehe, a rights group said.", "rape-verb", "SexualViolence"),
    ("An IED exploded near a patrol in the Dhusamareb area on Wednesday.", "explode-verb", "RemoteExplosive"),
    ("A roadside bomb went off near a convoy in Helmand province, killing three soldiers.", "go-off", "RemoteExplosive"),
    ("An army truck hit a landmine near Mopti, killing four soldiers.", "set-off-mine", "RemoteExplosive"),
    ("A drone dropped two grenades on a house in Lysychansk, damaging it.", "throw-weapon", "AirDroneStrike"),
    ("Insurgents launched rockets at the airport of Kandahar on Friday.", "throw-weapon", "ShellingArtilleryMissile"),
    ("The militia torched dozens of homes in the village of Kumbo, leaving 12 dead.", "arson-verb", "AttackOnCivilians"),
    ("Residents of villages along the Armenian side of the border said heavy Azerbaijani shelling resumed on Sunday.",
     "shelling-mistagged", "ShellingArtilleryMissile"),
]

# the everyday phrasings: one attack each, of this kind
EVERYDAY = [
    # the present perfect of one event: a number or a day makes it one
    ("Gunmen have attacked three villages in Zamfara since Monday.", "AttackOnCivilians"),
    ("Militants have attacked villages near Tillaberi on Friday, killing 20 people.", "AttackOnCivilians"),
    ("Troops fighting the rebels near Goma killed five fighters on Monday.", "ArmedClash"),
    ("The rebel front claims to have killed soldiers using a landmine near Kadugli.", "RemoteExplosive"),
    ("Bandits on motorbikes have abducted many pupils in Zamfara state.", "Abduction"),
    # a fight against someone that killed, or that broke out on a day
    ("The fight against the rebels near Goma killed 12 soldiers on Monday.", "ArmedClash"),
    # an attack with its own place and day, however ranked; fighting that began on a day and killed
    ("The attack on a market in Dikwa on Monday was the deadliest this year, officials said.", "AttackOnCivilians"),
    ("Fighting began in Dikwa on Monday and killed nine people, residents said.", "ArmedClash"),
    # a shell that hits a wall does strike, a storm of shells is no storm, and a vehicle that hits a mine is no accident
    ("A shell hit a wall of the clinic in Horlivka on Monday.", "ShellingArtilleryMissile"),
    ("A storm of shells hit the town of Vuhledar on Monday.", "ShellingArtilleryMissile"),
    ("An army truck hit a landmine near Kadugli on Sunday, killing two soldiers.", "RemoteExplosive"),
    ("A car bomb hit a busy market in Baidoa, killing nine.", "RemoteExplosive"),
    # a strike a union or doctors speak of, when it is an air strike or aimed at something
    ("The teachers' union said the air strike hit a school in Mykolaiv.", "AirDroneStrike"),
    ("Hospital staff said the strike on the clinic in Rafah killed four.", "AttackOnCivilians"),
    ("Government forces fired 120mm mortars at the positions of the militia near Kabo.", "ShellingArtilleryMissile"),
    ("A drone dropped two grenades on a house in Vovchansk, damaging it; there were no casualties.", "AirDroneStrike"),
    ("Gunmen shot dead a trader in Bunia.", "AttackOnCivilians"),
    # police, however called, are combatants
    ("Two cops were martyred when militants attacked their van in Bannu.", "ArmedClash"),
    ("An IED exploded near a patrol in the Hodan area of Mogadishu.", "RemoteExplosive"),
    ("Fighting between the army and the rebels in Kutum killed five.", "ArmedClash"),
    ("Troops opened fire on protesters, wounding three.", "AttackOnCivilians"),
    ("Warships fired towards the beach of Kismayo.", "ShellingArtilleryMissile"),
    ("The air force struck a convoy heading to Tessalit.", "AirDroneStrike"),
    ("An explosion took place at the township office.", "RemoteExplosive"),
    ("Clan militia attack herders at a watering point", "AttackOnCivilians"),
    # a camp or a station of civilians is no military position
    ("An Israeli strike on a tent camp in Mawasi killed 19 people overnight.", "AttackOnCivilians"),
    ("Gunmen attacked a petrol station in Maiduguri on Monday, killing four people.", "AttackOnCivilians"),
    ("Gunmen attacked an army camp in Maiduguri on Monday, killing four people.", "ArmedClash"),
    ("Five people were killed when a shell hit a market in Horlivka.", "ShellingArtilleryMissile"),
    ("On 3 May, an IED detonated in a school in Gossi; the device was reportedly intended to target soldiers.", "RemoteExplosive"),
    # the same told with a comma: the clause after it does not govern the explosion
    ("On 3 May, an IED detonated in a school in the village of Boni, the device reportedly intended to target soldiers.",
     "RemoteExplosive"),
    ("A roadside bomb exploded near a checkpoint in Kandahar, the militants apparently planning to hit a convoy.",
     "RemoteExplosive"),
    # a headline whose verb the tagger took for a plural noun, read when a weapon follows it
    ("Rebel group fires rockets at army base in Bor.", "ShellingArtilleryMissile"),
    ("Militia fires mortars at camp in Beni.", "ShellingArtilleryMissile"),
    ("A grenade was late on Sunday hurled at a church in Kisauni. No injuries were reported.", "Grenade"),
]

NEGATIVE = [
    # strikes of workers, however they are called, and who called them
    "Nurses in Harare announced a warning strike over unpaid salaries.",
    "The doctors' union called an indefinite strike in Nairobi starting on Monday.",
    "Dock workers began a token strike at the port of Durban on Tuesday.",
    # what a force of nature or of the economy hits or strikes
    "An earthquake struck eastern Afghanistan on Tuesday, killing at least 30 people.",
    "Cyclone Idai hit the port city of Beira, killing dozens.",
    "Floods hit several districts of Sindh province on Friday.",
    "Exporters in Ontario, which were also hit by the tariffs, asked for help.",
    # a road accident
    "Nine passengers died when a fuel tanker hit their minibus on the highway near Kano.",
    "A lorry struck a crowd of pilgrims near Karbala, killing four.",
    # any attack, every strike, no attack: none told; what something answered, alone and with no toll
    "Any attack on our ships will be met with force, the navy commander said.",
    "\"Any Israeli targeting of our country will be our target,\" the group's leader said in a televised address.",
    "The rebels have fired drones at ships in the strait since last month in what they claim is a response to the "
    "assault on Gaza.",
    # a raid to arrest, in which no one was hurt; what is executed that is no one; a vehicle that overturned
    "Police in Kaduna on Friday raided a kidnappers' den and arrested four armed suspects.",
    "The ministry said the contracts were executed through fast-track procedures.",
    "One person was killed after a fuel tanker overturned on a highway near Onitsha on Monday.",
    # an explosion told first, its mishap told after
    "An explosion at a scrap yard in Mosul injured five workers on Sunday. The blast happened as old shells "
    "exploded while being melted down.",
    # a purpose, and violence drivers hope to avoid
    "The air force received six helicopters from Russia in order to fight the insurgents.",
    "Motorists drive fast on the road in the hope of avoiding ambushes.",
    # what talks or prices hit or strike is no target
    "Peace talks between the government and the rebels hit a deadlock in Addis Ababa on Friday.",
    "Negotiations in Jeddah hit a snag over the withdrawal of fighters, mediators said.",
    "Fuel prices hit a record high in Juba this week.",
    # a war's start, a run of attacks counted in dozens, the attack told before ranked among others
    "The militia began fighting the army in May 2021 after a dispute over land, and has since taken over most of the north.",
    "If confirmed, the raid would be the latest in a string of dozens of attacks by the militia on farming villages "
    "across the state since it seized the town of Dikwa in March.",
    "The ambush was the deadliest in the province this year, officials in Tillaberi said.",
    # a fight that is a mission, a war's outbreak told as a time, a proxy war
    "Kenya threatened to withdraw troops stationed in the region who were helping fight the militants.",
    "Hundreds of soldiers were deployed to fight the bandits in the forests of Zamfara.",
    "The envoy visited Juba on Monday, more than two years after fighting erupted.",
    "The mediators invited both sides to talks in Geneva, almost three years after fighting erupted between soldiers and the militia.",
    "Over two million people have fled their homes since fighting erupted in March 2023.",
    "Analysts call the conflict one of the proxy battles of regional powers.",
    # a round of talks is no ammunition, set for a day is no mine set off
    "The third round of talks, initially set to take place in Nairobi in March, was cancelled.",
    # what something came after, "following" read as a verb; a people named before a word for them is no place
    "Security was tightened along the border following the killing of Pokot herders in a botched cattle raid.",
    # fighting told of a whole war: for months, during the war
    "The army and the militia have been fighting each other in the north for the past four months.",
    "The militia fought alongside federal troops against the rebels during the war of 2018 to 2020.",
    # a war fought until a truce; what one fights that is no armed side
    "The army fought the rebels until a Norwegian-brokered cease-fire in 2002.",
    "Washington has spent billions in the region to fight drug trafficking.",
    # a run of attacks none of which is told
    "The cartel was blamed in 2019 for a series of raids on police posts in the neighbouring state of Guerrero.",
    # attacks told as what a group does, in the present
    "Delhi asked Islamabad to act against the groups based in Pakistan which are staging raids across the frontier.",
    # losses of no armed side
    "The company suffered heavy losses in the fire at its warehouse in Mombasa.",
    # a side engaged in a whole conflict
    "The army has been engaged in armed conflict against the militia in Sagaing region since last March.",
    "Government troops have fought in the conflict in Cabo Delgado for six years.",
    # a device that harmed no one, beside a death of another cause
    "Police defused a bomb near the market in Kano; two people died in an unrelated road accident.",
    # violence brought to an end: what stopped, not an event
    "Kenya and Somalia signed a friendship and peace agreement in Nairobi on 9 July 2019 putting an end to the two "
    "decades hostility between them.",
    "The deal ended the fighting in Tigray in November 2022.",
    # "the fight against X": a campaign, against arms or anything else, not an event
    "The two leaders held extensive discussions on bilateral ties and the fight against COVID-19 and desert locusts.",
    "The army is leading the fight against Boko Haram in Borno, the governor said.",
    # a battle or a war of something else than arms
    "Kenya's announcement brought to an end the battle of attrition as to who would blink first.",
    "Eritrea and Ethiopia have been locked in a battle of wills over the port since March.",
    # violence talks or discussions are about
    "The ministers held talks about the clashes in Tigray on Monday.",
    "Various matters were discussed, but there were no discussions regarding the fighting between the militia "
    "and the army in Jonglei and Upper Nile states.",
    # attacks under "if", however the clauses are joined
    "If the truce collapses and there are attacks on the camps near Bentiu, aid will stop, the agency said.",
    "If the situation flares up and there are attacks on our posts from their soil, we will respond, the minister said.",
    "Teachers went on strike in Bamako on Monday, demanding higher pay.",
    "The conflict erupted in April 2021 between the army and the rebels.",
    "The minister suffered a heart attack and was taken to hospital.",
    "Air defences shot down two drones over Kyiv overnight.",
    "The army warned it would strike the positions of the rebels if talks failed.",
    "Three people died of cholera in a camp near Kalemie this week.",
    "Five people were killed in a road accident near Mombasa on Tuesday.",
    # a taking of ground said to be without violence in the next sentence
    "Militants overtook Mbuyuni village in Tana River on Saturday night. No violence was reported.",
    # a projectile that lands harming no one, and bodies found with no mark of a killing
    "A shell landed in an empty field near Kupiansk on Monday.",
    "Rescuers recovered the bodies of 12 people from the river after the floods in Beledweyne.",
    "The bodies of three migrants were found in the desert near Agadez, apparently dead of thirst.",
    "Police fired tear gas at protesters in Nairobi on Wednesday.",
    "Rioters torched three shops in the market of Kisumu on Monday.",
    "The two sides signed a cessation of hostilities in Addis Ababa.",
    "Troops held a live-fire drill near the border on Thursday.",
    "Engineers blew up the old bridge over the river on Sunday to make way for a new one.",
    "The company fired 200 workers in Lagos on Friday.",
    "Families fled the valley because of raids by armed bands.",
    "The rebels intend to strike the town soon, residents fear.",
    "Students held a violent demonstration against the closure of the campus in Kampala.",
    "Police arrested 12 suspects in Mogadishu on Tuesday.",
    "Customs officers seized 40 kilograms of cocaine at the port of Mombasa.",
    "Rebels took control of the river port after the garrison left; no fighting was reported.",
    "Soldiers seized weapons and ammunition during a search of the camp on Friday.",
    "Security forces were deployed to quell clashes between two communities.",
    "Rival herders have often fought over wells in the district.",
    # frequency and trend: a run of violence or its change, not one event
    "Insurgents keep up near-daily attacks targeting army posts in the north.",
    "Abductions for ransom have been rising in Katsina since February.",
    "Northern Mozambique has seen an upsurge in raids by insurgents since 2017.",
    "The border district has seen many ambushes and raids since March.",
    "Attacks on aid convoys have increased sharply in North Kivu this year.",
    "The federal army has been fighting the rebels in the north for weeks, diplomats say.",
    "Cameroon has witnessed a surge in separatist attacks in recent weeks.",
    "The mining district has witnessed a number of raids on army convoys.",
    "After a quiet spell, raids on farms resumed and have escalated over the past weeks.",
    # a whole war, not one event: waged as a war or against a government, or for years or since a year
    "Separatist fighters have been engaged in an armed insurgency across the region since 2017.",
    "The separatists have fought successive governments in Yaounde and elsewhere.",
    "For decades the guerrillas battled the government, staging kidnappings and bombings.",
    "A local branch of the group has carried out several attacks in the past in Mozambique.",
    "The rebels have fired drones and missiles at merchant ships in the strait since last month.",
    "Herders and farmers in the plateau are fighting a turf war over grazing land.",
    "Kachin rebels have fought the army in the hills since 2011.",
    "Mediators met the leaders of both sides in Doha on Monday.",
    "Police boss fires deputy",
    "Police fires tear gas at protesters in Nairobi.",
    # seizures, tests and warning shots, accidents
    "The army seized a large cache of weapons, including 20 rifles, in a raid in Borno.",
    "Police recovered 40 kilograms of cannabis in a raid on a warehouse in Mombasa.",
    "North Korea fired a ballistic missile into the sea off its east coast on Thursday.",
    "Soldiers fired into the air to disperse the crowd in Kampala.",
    "A gas explosion at a market in Lagos killed three people on Monday.",
    "A fuel tanker explosion on the highway near Enugu killed 18 people.",
    "Attack helicopter crash near the base",
    "Police arrested 30 suspected militants in a raid in Garissa on Monday.",
    "Soldiers detained two men suspected of planning attacks on churches.",
    "The army recaptured the town after the militants fled without resistance.",
    # entering a place: a movement unless an armed group takes a town by it
    "Government troops entered the town of Malakal on Monday to reinforce the garrison.",
    "Rebel fighters entered the town of Pibor after the army withdrew on Sunday.",
    "Thousands of refugees entered Chad from Darfur last week.",
    "Militants entered Niger from Mali, officials said.",
    "The two sides entered talks in Addis Ababa on Tuesday.",
    "The company said it had captured a larger share of the market in Lagos.",
    "The army took control of the district after the rebels left.",
    # going on again, or fought off, is an event only when told as having happened
    "The army threatened to resume airstrikes on rebel positions in Kachin state.",
    "The army vowed to repel any attack on the capital.",
    "The minister came under fire from lawmakers on Monday over the budget.",
    "A bus crashed into a truck on the highway near Kano on Sunday.",
    "Storms hammered the coast of Mozambique on Monday.",
    "Heavy rains hammered the city of Beira overnight.",
    "A mine went off as fighters were burying it on a track outside Kismayo. Two fighters died.",
    "Two suspected bombers died when the bomb they were assembling went off in a house in Kano.",
    # what an armed actor does, told of the actor; what a group has been doing, in the present perfect
    "The spokesman of the alliance fighting the rebels in North Kivu said talks would resume in Luanda.",
    "An envoy of the coalition battling the insurgents in Cabo Delgado arrived in Maputo on Tuesday.",
    "The militia has also attacked farms in Benue and Plateau as the government prepares a new security plan.",
    "Both armed groups have abducted aid workers and shelled markets across Darfur, the report said.",
]


def _triggers(nlp, text: str):
    doc = nlp(text)
    matches = match_triggers(doc)
    out: list[tuple[tuple[str, ...], str | None]] = []
    for sent in doc.sents:
        casualties = [m for m in find_casualties(sent) if not m.superseded]
        out += [(t.pattern_ids, t.event_type) for t in find_triggers(sent, matches, bool(casualties))]
    return out


def test_triggers_every_pattern_has_a_sentence():
    ids = {p.id for p in trigger_patterns()}
    covered = {row[1] for row in POSITIVE}
    assert ids == covered, f"patterns without a table row: {ids - covered}; rows of unknown patterns: {covered - ids}"


def test_triggers_patterns_have_sources_and_known_conditions():
    from kg.lexicon import load_jsonl

    known = {"scene", "territory", "casualties", "object", "aimed", "sides", "victim", "person", "agent", "context", "armed", "weapon",
             "intentional", "killing_signs"}
    for row in load_jsonl("attack_triggers.jsonl"):
        assert row["source"].strip(), row["id"]
        assert set(row.get("requires", ())) <= known, row["id"]


@pytest.mark.parametrize("text,pattern_id,event_type", POSITIVE, ids=[f"{r[1]}-{n}" for n, r in enumerate(POSITIVE)])
def test_triggers_pattern_fires_and_attack_is_typed(nlp, text, pattern_id, event_type):
    assert pattern_id in [p for ids, _ in _triggers(nlp, text) for p in ids], _triggers(nlp, text)
    attacks = extract(nlp(text), PUB).attacks
    assert len(attacks) == 1, attacks
    if event_type is not None:
        assert attacks[0].event_type == event_type


@pytest.mark.parametrize("text", NEGATIVE)
def test_triggers_not_violence_gives_no_attack(nlp, text):
    assert extract(nlp(text), PUB).attacks == [], _triggers(nlp, text)


@pytest.mark.parametrize("text,event_type", EVERYDAY)
def test_triggers_everyday_phrasings_are_one_typed_attack(nlp, text, event_type):
    attacks = extract(nlp(text), PUB).attacks
    assert [a.event_type for a in attacks] == [event_type]


def test_triggers_word_index_matches_as_spacy_matcher_does(nlp):
    """One-word patterns are looked up by their word; the result is what spaCy's Matcher gives."""
    from spacy.matcher import Matcher

    from kg.extract.triggers import _case_free

    full = Matcher(nlp.vocab)
    by_id = {p.id: p for p in trigger_patterns()}
    for p in trigger_patterns():
        full.add(p.id, _case_free(p.pattern))
    texts = [r[0] for r in POSITIVE + EVERYDAY] + NEGATIVE + ["Clashes broke out near the border. Gunfire was heard all night."]
    for doc in nlp.pipe(texts):
        expected: dict[int, set[str]] = {}
        for match_id, start, end in full(doc):
            p = by_id[nlp.vocab.strings[match_id]]
            expected.setdefault(start + min(p.trigger, end - start - 1), set()).add(p.id)
        got = {i: {p.id for p in ps} for i, ps in match_triggers(doc).items()}
        assert got == expected, doc.text
