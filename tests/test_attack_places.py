"""Where attacks happened: places the wording marks, their qualifiers and the places they lie in."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract
from kg.extract.attacks import extract_attacks
from kg.extract.context import DocContext
from kg.extract.place_phrases import read_frames


def attack_places(nlp, text: str) -> list[list[str]]:
    ctx = DocContext.build(nlp(text), None)
    return [[ctx.entities.entities[k].label for k in a.locations] for a in extract_attacks(ctx)]


def all_labels(nlp, text: str) -> set[str]:
    ctx = DocContext.build(nlp(text), None)
    out = set()
    for a in extract_attacks(ctx):
        for k in a.locations:
            ent = ctx.entities.entities[k]
            out |= {ent.label} | ent.aliases
    return out


@pytest.mark.parametrize(
    ("text", "place", "not_places"),
    [
        # the qualifier's district and region are containers, not the place
        ("On 3 May 2024, an IED exploded near Gabadley village (Wanlaweyn, Lower Shabelle), killing two soldiers.",
         "Gabadley", {"Wanlaweyn", "Lower Shabelle"}),
        ("On 12 June 2023, militants attacked a checkpoint in the town of Tinkara (Bourem, Gao), wounding three gendarmes.",
         "Tinkara", {"Bourem", "Gao"}),
        ("On 5 May 2024, the army shelled Bir Hakim village, in Ouaddai province.", "Bir Hakim", {"Ouaddai province"}),
        # a settlement "of" a people is the name after "of"
        ("On 5 June 2021, fighters attacked the Peul hamlet of Tombolia, killing one villager.", "Tombolia", {"Peul"}),
        ("On 7 March 2023, gunmen attacked the Somono village of Siramba (Macina, Segou), killing two.", "Siramba", {"Somono", "Macina"}),
        # a settlement "of" a district keeps its own name
        ("On 2 April 2022, two policemen died when gunmen raided a post in the Deh Kalan village of Guzara district, Herat.",
         "Deh Kalan", {"Herat"}),
        ("On 3 March 2020, militants ambushed and wounded five policemen in Surkhab district, Nangarhar.",
         "Surkhab district", {"Nangarhar"}),
        ("An airstrike hit a market, coded to Idlib (Idlib, Idlib), killing a child.", "Idlib", set()),
        # a settlement noun in apposition after the name: a town, which lies in the place after "in"
        ("The RSF attacked Um Kadada, a town in South Kordofan state, killing 20 civilians.", "Um Kadada", {"South Kordofan"}),
        ("Gunmen raided Tungan Kawo, a remote village in Zamfara state, killing six.", "Tungan Kawo", {"Zamfara state"}),
        ("Shelling hit Nyala Gadid, a small town in the east, on Monday, wounding four.", "Nyala Gadid", set()),
        # a bare name between commas after one named place: its province
        ("Gunmen killed four farmers in the village of Dan Kade, Katsina, on Sunday.", "Dan Kade", {"Katsina"}),
        ("Militants ambushed a patrol near the town of Kunduz Bala, Bamyan, on Monday, killing two police.",
         "Kunduz Bala", {"Bamyan"}),
    ],
)
def test_attack_places_qualified_place_not_its_containers(nlp, text, place, not_places):
    found = attack_places(nlp, text)
    labels = {label for places in found for label in places}
    assert place in labels, found
    assert not labels & not_places, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 2 May 2025, an IED exploded targeting police at a checkpoint in Waraabe area in Bulsho neighborhood in Jowhar town (Jowhar, Middle Shabelle).",
         {"Waraabe", "Bulsho", "Jowhar"}),
        ("On 1 May 2024, drones struck militants in Ceel-Dhuubo village near Gololey town (Jowhar, Middle Shabelle).",
         {"Ceel-Dhuubo", "Gololey"}),
        ("On 11 March 2024, an explosive device went off near a tea stall in Mogadishu - Suuq Xoolaha (Banadir).", {"Suuq Xoolaha", "Mogadishu"}),
        ("On 8 August 2024, militants ambushed a convoy between Garissa and Dadaab, killing four.", {"Garissa", "Dadaab"}),
        ("A lorry driver died after his truck ran over a mine in the Tougoume area near Mopti.", {"Tougoume", "Mopti"}),
    ],
)
def test_attack_places_place_keeps_the_places_it_lies_in(nlp, text, expected):
    found = attack_places(nlp, text)
    assert found and set(found[0]) == expected, found


@pytest.mark.parametrize(
    ("text", "alias"),
    [
        ("On 3 June 2022, soldiers were killed in an ambush in Dand district, Kandahar.", "Dand"),
        ("Two herders were killed in clashes in Marsabit County.", "Marsabit"),
        ("On 9 May 2021, militants ambushed a patrol near Kessa (Kessah, Niono).", "Kessah"),
    ],
)
def test_attack_places_spellings_of_the_text(nlp, text, alias):
    assert alias in all_labels(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The KIA (Kachin Independence Army) seized a border post.",
        "Qatar served as mediator between Israel and Hamas during the talks.",
        "The toll was reported by Myanmar state media.",
        "Islamic State Sahel Province (ISSP) fighters attacked a convoy.",
    ],
)
def test_attack_places_no_frame_on_organizations(nlp, text):
    doc = nlp(text)
    framed = {doc[f.start:f.end].text for f in read_frames(doc) if not f.weak}
    assert not framed & {"KIA", "Hamas", "Myanmar", "Islamic State Sahel", "Islamic State Sahel Province"}, framed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 8 October 2022, a roadside device hit a patrol between Yerewal and Yerewalde (Djenne, Mopti), killing three gendarmes.",
         {"Yerewal", "Yerewalde"}),
        ("One person was injured after militants detonated an explosive in the crowded Majengo district of Mombasa.",
         {"Majengo district", "Mombasa"}),
        ("On 2 February 2022, a shepherd died in the blast of a buried device in the area of Tin-Agoula, 30km from Menaka (Menaka, Menaka).",
         {"Tin-Agoula", "Menaka"}),
        # a bare name near which it happened, located by its distance from a known town: the name first
        ("Bandits shot dead two farmers near Gidan Dawa, about 15 km from Gusau, on Sunday.", {"Gidan Dawa", "Gusau"}),
        ("Militants ambushed a patrol outside Kalama, 40 miles north of Peshawar, killing three soldiers.",
         {"Kalama", "Peshawar"}),
    ],
)
def test_attack_places_between_district_of_and_distance_from(nlp, text, expected):
    found = attack_places(nlp, text)
    assert found and set(found[0]) == expected, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 8 March 2021, shelling hit a house, killing 1 civilian, in Deh Naw of Pul-e Alam district, Logar.",
         {"Deh Naw", "Pul-e Alam district"}),
        ("On 5 May 2021, mortar shells targeting soldiers landed at a base in Kilometre 7 village (Afgooye, Lower Shabelle), wounding two.",
         {"Kilometre 7"}),
        ("On 6 June 2022, militia attacked herders between Qodqod and Harfo villages, near Galinsoor town (Guriceel, Galgaduud), killing nine.",
         {"Qodqod", "Harfo", "Galinsoor"}),
        ("On 4 January 2022, an IED exploded, targeting a minibus in the Hawlwadaag area on the outskirts of Baidoa town (Baidoa, Bay), killing six.",
         {"Hawlwadaag", "Baidoa"}),
        ("On 9 June 2022, militants attacked a convoy near the Al Shabaab-controlled area of Jilib, killing two.", {"Jilib"}),
        # a bracket after a village that reads as no district or region: still the village
        ("On 3 June 2021, armed cattle raiders attacked Kisharo village (Binza). One herder was shot dead.",
         {"Kisharo"}),
    ],
)
def test_attack_places_names_with_hyphens_numbers_and_plural_nouns(nlp, text, expected):
    found = attack_places(nlp, text)
    assert found and set(found[0]) == expected, found


def test_attack_places_valley_name_is_also_its_bare_name(nlp):
    assert "Caddo" in all_labels(nlp, "On 8 July 2025, forces shelled Tooga Caddo village (Qardho, Bari), killing two.")


def test_attack_places_framed_name_is_one_place_everywhere(nlp):
    text = ("Drone strikes on Sunday hit the town of Tessalitou in north Mali, killing 21 people. "
            "The army had carried out airstrikes in and around Tessalitou before.")
    ctx = DocContext.build(nlp(text), None)
    kinds = {e.kind for e in ctx.entities.entities.values() if e.label == "Tessalitou"}
    assert kinds == {"City"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On August 4, suspected militants shelled an army position in Kidira without causing any injuries.", {"Kidira"}),
        ("On January 5, airstrikes hit militants southeast of Timbuktu early in the morning, killing two.", {"Timbuktu"}),
        ("A blue helmet died when mortar rounds hit a UN base in Kidal.", {"Kidal"}),
        # after "between" and "and": the second name is read as the first one is
        ("A roadside bomb struck an army truck between Lodwar and Nadapal on Monday.", {"Lodwar", "Nadapal"}),
        # a verb whose subject is an attack, and a verb joined to a verb of violence
        ("Fighting erupted in Banissa on Sunday between two clans, killing six people.", {"Banissa"}),
        ("Bandits killed a herder and burned houses in Gidan Zaki on Wednesday.", {"Gidan Zaki"}),
        ("Heavy clashes in Bulo Marer killed nine fighters on Friday.", {"Bulo Marer"}),
        # after a verb the attack is the subject of, the parser reading "shelling" as an auxiliary at times
        ("Shelling continued at Gash Barka after the army repulsed an offensive.", {"Gash Barka"}),
        ("Fighting resumed in Bab Amr on Monday.", {"Bab Amr"}),
        # a settlement "of" a unit named with its noun: the settlement's name is before the noun, and
        # it lies in the unit
        ("Jets bombed a school in Nyaung Pin village of Kyaukme township on Tuesday, killing four children.",
         {"Nyaung Pin", "Kyaukme"}),
        # "the district of X" in lower case: X is the district, whatever the model tagged it as
        ("Rebel fighters shelled the mountainous district of Harf Sufyan on Monday, killing two soldiers.", {"Harf Sufyan"}),
        # not "X district of Y", where X is the district and Y the region it lies in
        ("Militants ambushed a patrol in the hilly Doda district of Jammu and Kashmir on Monday, killing two soldiers.",
         {"Doda district", "Jammu and Kashmir"}),
        # ... unless a bracketed note says where the report is coded
        ("On 3 May, gunmen attacked a house in the commune of Kalbouli (coded as Niakongo at geoprecision 2), wounding two.",
         {"Niakongo"}),
    ],
)
def test_attack_places_scene_names_the_model_mistakes(nlp, text, expected):
    found = attack_places(nlp, text)
    assert found and set(found[0]) == expected, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name led by a generic term of Arabic place names, whatever the model tagged it as
        ("Shelling hit Ras al-Ain on Monday, killing two civilians.", {"Ras al-Ain"}),
        ("Clashes erupted in Jisr al-Shughur on Thursday, killing four fighters.", {"Jisr al-Shughur"}),
        ("A car bomb exploded in Tal Afar on Friday, killing four people.", {"Tal Afar"}),
        ("Militants attacked a checkpoint in Wadi Hadramawt on Sunday, killing three soldiers.", {"Wadi Hadramawt"}),
        ("The paramilitaries shelled Jabal Awliya on Monday, killing five civilians.", {"Jabal Awliya"}),
        # the article joined with a hyphen in the form it takes before the next letter
        ("Gunmen attacked a checkpoint of the Kurdish-led forces in Deir ez-Zor on Tuesday, killing three.", {"Deir ez-Zor"}),
        ("A drone hit a car in Maarat an-Numan on Wednesday, killing two men.", {"Maarat an-Numan"}),
        # a name of the article alone, where a place is told
        ("An airstrike hit a tent in al-Mawasi on Saturday, killing nine people.", {"al-Mawasi"}),
        ("Rebels attacked an army post near El-Gedid on Monday, killing six soldiers.", {"El-Gedid"}),
    ],
)
def test_attack_places_arabic_names_led_by_a_generic_term_or_the_article(nlp, text, expected):
    found = attack_places(nlp, text)
    assert found and set(found[0]) == expected, found


@pytest.mark.parametrize(
    ("text", "label", "name"),
    [
        # the term inside a run of names, or a name ending in a kind of organization, is no place
        ("Former prime minister Imran Khan Niazi condemned the bombing in Quetta on Monday.", "PERSON", "Imran Khan Niazi"),
        ("The Deir Hafer Military Council said its fighters repelled the attack.", "ORG", "Deir Hafer Military Council"),
        ("The attack in al-Shabaab's former stronghold killed two.", "ORG", "al-Shabaab"),
    ],
)
def test_attack_places_generic_terms_inside_other_names(nlp, text, label, name):
    ents = [(e.text, e.label_) for e in nlp(text).ents]
    assert any(found == label and name in words for words, found in ents), ents
    assert not any(found == "GPE" and words in name for words, found in ents), ents


@pytest.mark.parametrize(
    ("text", "expected", "alias"),
    [
        ("On July 14, a supply truck was hit by a mine between Dinkoro and Sobane, Cercle of Koro, wounding six drivers.",
         {"Dinkoro", "Sobane"}, None),
        ("On 3 August 2021, an armed drone hit a camp near Ti Ouzzal (Tiouzzal), and killed four fighters.",
         {"Ti Ouzzal"}, "Tiouzzal"),
        ("On 13 April 2020, fighters attacked a gathering in the area of Tiligara, between Souboula (Douentza, Mopti) "
         "and Dangabiri (Douentza, Mopti), killing twelve.", {"Tiligara", "Souboula", "Dangabiri"}, None),
        ("At least 4 people were killed in an attack by suspected fighters on Tinzalam.", {"Tinzalam"}, None),
    ],
)
def test_attack_places_cercle_alternate_spelling_and_between(nlp, text, expected, alias):
    found = attack_places(nlp, text)
    assert found and set(found[0]) == expected, found
    if alias:
        assert alias in all_labels(nlp, text)


def test_attack_places_qualified_place_beats_a_persons_name(nlp):
    text = ("On 19 December 2020, drones struck suspected Katiba Dallol militants in the forest of Dallol "
            "(Douentza, Mopti), killing three.")
    assert attack_places(nlp, text) == [["Dallol"]]


def test_attack_places_listed_neighbourhoods_are_places_at_every_mention(nlp):
    text = ("Fighting spread on Thursday to the mostly Dinka neighbourhoods of Hai Malakal, Munuki and Gudele, "
            "witnesses said. Soldiers later shelled Munuki. Families fled from Hai Malakal's market.")
    ctx = DocContext.build(nlp(text), None)
    kinds = {e.label: e.kind for e in ctx.entities.entities.values()}
    for name in ("Hai Malakal", "Munuki", "Gudele"):
        assert kinds.get(name) in {"City", "Place"}, kinds
    assert "Dinka" not in kinds or kinds["Dinka"] not in {"City", "Place"}


@pytest.mark.parametrize(
    ("text", "name", "country", "region"),
    [
        # the gazetteer's only homonym lies in another country: kept unlinked, in the qualifier's country
        ("On 9 June 2022, gunmen raided Ogodengou village (Dourou commune, Mopti), killing three.", "Ogodengou", "country:ML", "Dourou commune"),
        ("On 5 May 2025, an airstrike hit Hawina village (Afmadow, Lower Juba), killing three.", "Hawina", "country:SO", "Lower Juba"),
    ],
)
def test_attack_places_qualifier_gives_country_and_region(nlp, text, name, country, region):
    ctx = DocContext.build(nlp(text), None)
    ent = next(e for e in ctx.entities.entities.values() if e.label == name)
    assert ent.country_key == country and ent.geonames_id is None
    assert ctx.entities.entities[ent.region_key].label == region


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a facility named after a town the gazetteer knows: the attack lies in that town
        ("Two mortar shells struck the Mopti Airport, which hosts army bases.", "Mopti"),
        ("A grenade went off at the Garissa District Hospital, wounding a nurse.", "Garissa"),
        ("Soldiers beat students at Gondar University on Monday.", "Gondar"),
        ("Gunmen attacked the Kakuma Catholic church, killing two guards.", "Kakuma"),
        ("Rebels fired rockets at the Herat International Airport overnight.", "Herat"),
    ],
)
def test_attack_places_town_in_facility_name(nlp, text, place):
    assert place in all_labels(nlp, text)


@pytest.mark.parametrize(
    ("text", "place", "not_place"),
    [
        # "X, Y": X lies in Y, whichever of them the gazetteer knows
        ("A grenade was hurled at a primary school in Majengo, Garissa, wounding a pupil.", "Majengo", "Garissa"),
        ("Gunmen shot dead a trader in Kawangware, Nairobi.", "Kawangware", "Nairobi"),
        ("An IED struck a bus in Dar Naim, Nouakchott, killing four.", "Dar Naim", "Nouakchott"),
        # "X in Y state": X lies in the state
        ("Gunmen abducted 40 pupils from a school in Kankara in northwest Nigeria's Katsina state.", "Kankara",
         "Katsina state"),
        ("Troops shelled a market in Wetlet in the Sagaing region on Monday, killing six.", "Wetlet", "Sagaing region"),
        # "X (Y)": the bracket holds what X lies in
        ("Soldiers clashed with gunmen in Al-Fara camp (Tubas), killing two.", "Al-Fara camp", "Tubas"),
        ("Troops exchanged fire with rebels in Kibati camp (Goma), wounding a soldier.", "Kibati camp", "Goma"),
    ],
)
def test_attack_places_place_written_within_another_names_the_inner_one(nlp, text, place, not_place):
    found = attack_places(nlp, text)
    assert found and found[0][0] == place, found


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # an unfamiliar town the model reads as a person or an organization, named as where a base lies
        ("The army base in Anefis came under rocket fire this morning.", "Anefis"),
        ("Two soldiers opened fire on each other at the army camp in Tessit, killing one.", "Tessit"),
        ("Raiders stormed a police post in Chemolingot, killing a constable.", "Chemolingot"),
    ],
)
def test_attack_places_name_a_base_lies_in(nlp, text, place):
    assert place in all_labels(nlp, text)


def test_attack_places_bracketed_date_keeps_the_sentence_whole(nlp):
    text = "A hand grenade was lobbed on Friday evening [9 June] in Garissa town, wounding three shoppers."
    assert len(list(nlp(text).sents)) == 1
    assert "Garissa" in all_labels(nlp, text)


def place_country(nlp, text: str, place: str) -> str | None:
    from kg.extract.entities import place_countries_from_text

    ctx = DocContext.build(nlp(text), None)
    list(extract_attacks(ctx))
    place_countries_from_text(ctx.doc, ctx.entities)
    ents = ctx.entities.entities
    ent = next(e for e in ents.values() if e.label == place)
    return ents[ent.country_key].label if ent.country_key else None


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        # a place the gazetteer does not know lies in the country the text puts it in
        ("Nine people were killed when a market in Myanmar was hit by an airstrike in the village of Kyauk Ni Maw.",
         "Kyauk Ni Maw", "Myanmar"),
        ("Gunmen killed four farmers in Wuro Bokki village in northern Cameroon on Sunday.", "Wuro Bokki", "Cameroon"),
        ("A drone struck a wedding in Mali's Tiebala Koro village, killing five.", "Tiebala Koro", "Mali"),
        # a country named as an actor is not where the place lies
        ("Sudanese paramilitaries shelled Um Kadada village, a US envoy said.", "Um Kadada", None),
    ],
)
def test_attack_places_unknown_place_takes_the_country_the_text_names(nlp, text, place, country):
    assert place_country(nlp, text, place) == country


@pytest.mark.parametrize(
    ("text", "border"),
    [
        # the border of two countries is a place of its own, not either country
        ("Heavy mortar fire broke out on Tuesday near old monasteries in the frontier region between southern Armenia and western Azerbaijan.",
         "Armenia-Azerbaijan border"),
        ("Troops clashed on the Kyrgyz-Tajik border on Monday, killing two soldiers.", "Kyrgyzstan-Tajikistan border"),
        ("Shelling along the India-Pakistan border killed three villagers.", "India-Pakistan border"),
        ("Ethiopian and Eritrean troops exchanged artillery fire on the Ethiopia-Eritrea border on Friday.", "Ethiopia-Eritrea border"),
    ],
)
def test_attack_places_border_of_two_countries(nlp, text, border):
    found = attack_places(nlp, text)
    assert found and found[0] == [border], found


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # "on the X side (of the border)": somewhere in that country
        ("The toll has risen on the Sudanese side of the border, where shelling killed four herders on Monday.", "Sudan"),
        ("Artillery fire killed two soldiers on the Azerbaijani side of the frontier overnight.", "Azerbaijan"),
    ],
)
def test_attack_places_side_of_the_border(nlp, text, country):
    assert country in all_labels(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # where the armed men or the victims come from is not where it happened
        ("Armed youths from Rumbek county raided a cattle camp on Tuesday, killing two herders.", set()),
        ("Gunmen from Kauru LGA attacked Kurmin Masara village on Tuesday, killing two herders.", {"Kurmin Masara"}),
        ("Earlier this month 30 peacekeepers from Djibouti were killed in an ambush by the militants.", set()),
        # where the fire came from: the place it hit is still read
        ("Shelling from the ridge killed two people in Marawi on Monday.", {"Marawi"}),
    ],
)
def test_attack_places_where_people_come_from_is_no_place(nlp, text, expected):
    found = attack_places(nlp, text)
    assert found and {label for places in found for label in places} == expected, found


def test_attack_places_speaking_side_is_no_place(nlp):
    assert all_labels(nlp, "The Russian side said its troops shelled positions near Vovchansk, killing five.") == {"Vovchansk"}


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a local who tells of an attack with no place of its own speaks for the place
        ("Separately, the council head in Shlomi said two farm labourers were killed in another incident.", {"Shlomi"}),
        ("Residents of Damazin told reporters that drones struck a fuel depot overnight.", {"Damazin"}),
        # a capital's officials speak for the country; an attack with a place of its own keeps it
        ("Officials in Kyiv said a missile killed three people.", set()),
        ("Residents of Kosti said drones struck a market in Rabak, killing four.", {"Rabak"}),
    ],
)
def test_attack_places_local_speaker(nlp, text, places):
    found = attack_places(nlp, text)
    assert {label for labels in found for label in labels} == places, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a route's two ends, however it is written
        ("A FAMa vehicle hit an IED on the Sevare-Bandiagara road, wounding two soldiers.", {"Sevare", "Bandiagara"}),
        ("On 4 May 2022, a landmine struck a minibus on the axis Douentza-Boni, killing five passengers.",
         {"Douentza", "Boni"}),
        ("An IED targeted a police patrol on the road linking Garowe and Bosaso.", {"Garowe", "Bosaso"}),
        ("Militants ambushed a convoy on the road between Baidoa and Burhakaba, killing three.", {"Baidoa", "Burhakaba"}),
        ("Bandits attacked travellers on the highway from Kaduna to Abuja, abducting 12.", {"Kaduna", "Abuja"}),
        ("A roadside bomb exploded on the Kabul-Jalalabad highway, killing two civilians.", {"Kabul", "Jalalabad"}),
        # and the area it runs through
        ("Two soldiers were killed when their truck hit a mine on the Gedo-Dolow road in Gedo region.",
         {"Gedo", "Dolow", "Gedo region"}),
    ],
)
def test_attack_places_route_ends_are_places_of_the_attack(nlp, text, expected):
    found = attack_places(nlp, text)
    assert found and expected <= set(found[0]), found


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a camp named with what it holds, even when the model takes the name for an organization or a person
        ("An IED exploded in Kakuma refugee camp, injuring two.", "Kakuma refugee camp"),
        ("Shelling hit the Abu Shouk displacement camp near El Fasher, killing 8.", "Abu Shouk displacement camp"),
        ("A drone struck the Bulengo IDP camp on Tuesday.", "Bulengo IDP camp"),
        # a scene the model tagged as an organization
        ("Militiamen killed a shopkeeper and burned houses in Kibirizi.", "Kibirizi"),
        # a gathering the attack hits is where it happened, unlike a meeting of envoys
        ("Police opened fire on students gathering for a rally in Pakokku.", "Pakokku"),
        # a country's possessive without its apostrophe is not part of the place's name
        ("Four people died in communal fighting in southern Ethiopias Guji zone.", "Guji zone"),
    ],
)
def test_attack_places_camps_gatherings_and_names_the_model_mislabels(nlp, text, label):
    assert label in all_labels(nlp, text)


def test_attack_places_possessive_country_is_not_the_place(nlp):
    labels = all_labels(nlp, "At least six people were killed in clashes in northern Kenyas Marsabit County.")
    assert "Marsabit County" in labels or "Marsabit" in labels, labels
    assert not any(label.startswith("Kenyas") for label in labels), labels


def test_attack_places_meeting_place_is_not_the_attack_place(nlp):
    labels = all_labels(nlp, "The strike on the depot came hours after envoys met in Doha.")
    assert "Doha" not in labels


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # the town a facility is named after
        ("Militants fired two mortar shells that struck the Gossi Airport. No casualties were reported.", "Gossi"),
        ("Rebels attacked the Kamina military base on Sunday.", "Kamina"),
        ("Gunmen stormed the Rumbek market, killing four traders.", "Rumbek"),
        ("A drone hit the Goma airport overnight.", "Goma"),
    ],
)
def test_attack_places_town_a_facility_is_named_after(nlp, text, label):
    assert label in all_labels(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # hospitals and embassies are named after people, ideas or countries, not after their towns
        "Tanks shelled the Al-Rahma hospital overnight.",
        "A drone hit the Russian embassy on Monday.",
    ],
)
def test_attack_places_named_building_is_not_a_town(nlp, text):
    labels = all_labels(nlp, text)
    assert not labels & {"Al-Rahma", "Russian", "Russia"}, labels


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a report's route written on its own
        ("Army vehicle struck by IED, axis Douentza-Gossi, 2 wounded.", "Douentza"),
        # of two administrative units, the deeper one
        ("In west Guji zone, Bule Hora woreda, police killed 2 people.", "Bule Hora woreda"),
        # the town the attacked is based in
        ("Gunmen killed the editor of the Garowe-based Dalsan radio.", "Garowe"),
        ("Militants attacked a convoy of a Goma-based aid group, killing two.", "Goma"),
    ],
)
def test_attack_places_standalone_routes_deeper_units_and_bases(nlp, text, label):
    assert label in all_labels(nlp, text)


def test_attack_places_speakers_base_is_not_the_attack_place(nlp):
    labels = all_labels(nlp, "The London-based Syrian Observatory for Human Rights said an airstrike killed 5 in Idlib.")
    assert "Idlib" in labels and "London" not in labels


def test_attack_places_deeper_unit_is_the_place_not_a_container(nlp):
    found = attack_places(nlp, "In west Guji zone, Bule Hora woreda, police killed 2 people.")
    assert found and found[0][0] == "Bule Hora woreda", found


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Warships fired towards the beach of Zinjibar.", "Zinjibar"),
        ("Gunboats shelled the coast of Hodeidah, killing two fishermen.", "Hodeidah"),
    ],
)
def test_attack_places_landmark_of_a_place(nlp, text, label):
    assert label in all_labels(nlp, text)


@pytest.mark.parametrize(
    ("text", "place", "not_place"),
    [
        # after "a", the name before a noun for where a community lives says who lives there
        ("Fulani militiamen attacked a Bozo hamlet in Sangha, killing four.", "Sangha", "Bozo"),
        ("Armed men attacked a Hausa settlement near Jos, killing 12 people.", "Jos", "Hausa"),
        ("Raiders torched a Pokot manyatta near Marigat, killing two herders.", "Marigat", "Pokot"),
    ],
)
def test_attack_places_name_before_a_community_noun_is_who_lives_there(nlp, text, place, not_place):
    labels = {label for places in attack_places(nlp, text) for label in places}
    assert place in labels and not_place not in labels, labels


def test_attack_places_province_before_a_village_is_still_its_place(nlp):
    labels = {label for places in attack_places(nlp, "A roadside bomb killed three policemen in a Helmand village on Monday.")
              for label in places}
    assert any(label.startswith("Helmand") for label in labels), labels


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a capital named after the word "capital", or struck in the passive, is the city
        ("Clashes between rival militias in the Libyan capital Tripoli killed 55 people.", "Tripoli"),
        ("Kyiv was hit by a massive combined attack overnight, killing 23 people.", "Kyiv"),
        ("Khartoum was shelled again on Sunday; four civilians were killed.", "Khartoum"),
        ("Russia attacked Kyiv overnight, killing three people.", "Kyiv"),
        # a place south of a capital is near the city, not its government
        ("Militiamen attacked villages south of Khartoum, killing dozens.", "Khartoum"),
        # a city named with its country's name
        ("A drone strike hit a fuel depot in Port Sudan early Sunday, the army said.", "Port Sudan"),
    ],
)
def test_attack_places_capital_struck_is_the_city_not_the_government(nlp, text, place):
    found = attack_places(nlp, text)
    assert found and found[0] == [place], found


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a named base or airfield "near" a town is where the attack fell, not the town
        ("Iran fired ballistic missiles at the Al Jufra airfield near Sirte, the ministry said.", "Al Jufra airfield"),
        ("A drone hit the Shayrat airbase near Homs, killing two soldiers.", "Shayrat airbase"),
        # one "in" a region or a country is at the town it is named after
        ("Ukrainian drones struck the Morozovsk air base in the Rostov region overnight.", "Morozovsk"),
        # one "in" a town is in that town
        ("Mortars hit the army base in Tessalit, killing two soldiers.", "Tessalit"),
    ],
)
def test_attack_places_named_base_and_the_town_it_is_near_or_in(nlp, text, place):
    found = attack_places(nlp, text)
    assert found and found[0] == [place], found


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # names listed before a plural noun of administrative units are each such a unit
        ("Drones hit the Kharkiv and Sumy regions overnight, killing two people.", {"Kharkiv region", "Sumy region"}),
        ("Militants attacked villages in Katsina and Kano states, killing 20.", {"Katsina state", "Kano state"}),
    ],
)
def test_attack_places_names_listed_before_a_plural_admin_noun(nlp, text, places):
    found = attack_places(nlp, text)
    assert found and set(found[0]) == places, found


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # an attack with no place of its own, told right after forces moved into one place
        ("Israeli tanks pushed deeper into Beit Hanoun, residents said. Medics said at least seven people were "
         "killed by tank shells.", "Beit Hanoun"),
        ("Rebels advanced on the town of Sake on Monday. At least 12 civilians were killed by shelling, the UN said.", "Sake"),
        # or right after forces carried out an operation there ("in the area of X", however far from Y)
        ("Nigerien troops carried out a sweep involving armoured vehicles, helicopters, and special forces in the "
         "area of Gueskerou, some 30 km east of Diffa. Eleven fighters were killed.", "Gueskerou"),
        ("On 9 August, police conducted an operation in Kawangware village near Nairobi. One man was killed.", "Kawangware"),
        ("The army launched an offensive in Idlib province on Monday. Twelve civilians were killed, a monitor said.",
         "Idlib province"),
        ("On 10 June, Colombian troops carried out an operation near Tame. Four dissidents were killed.", "Tame"),
        # "in the south" of the country whose people the sentence names, not the attacker's
        ("Two Lebanese soldiers were killed in an Israeli strike on an army checkpoint in the south, the army said.", "Lebanon"),
        ("Three Ukrainian civilians were killed by Russian shelling in the east of the country.", "Ukraine"),
        # the country whose own emergency, health or police service tells of it (not the attacker's)
        ("Ukrainian emergency services said a glide bomb killed two people at a petrol station.", "Ukraine"),
        ("Lebanon's health ministry said a drone strike killed three paramedics near a clinic.", "Lebanon"),
        ("Sudanese medics said a drone attack killed five civilians at a market.", "Sudan"),
        ("Russian emergency services said a Ukrainian drone killed a woman in a village.", "Russia"),
        # where what was hit was heading
        ("On 3 May, the air force struck a convoy heading to Mellit.", "Mellit"),
        # the place of the local official who tells of it
        ("Kharkiv Mayor Ihor Terekhov said a guided bomb hit an apartment block, injuring 17 people.", "Kharkiv"),
        ("Kherson Governor Oleksandr Prokudin said Russian shelling killed a woman.", "Kherson"),
    ],
)
def test_attack_places_of_an_attack_with_no_place_of_its_own(nlp, text, place):
    found = attack_places(nlp, text)
    assert found and found[0] == [place], found


def test_attack_places_operation_opens_the_scene_of_an_undated_toll(nlp):
    from kg.extract import extract

    records = extract(nlp("On 3 May 2024, French forces conducted an operation in the area of Tin-Hama. "
                          "More than 20 militants were killed."), date(2024, 6, 12))
    (attack,) = records.attacks
    assert (attack.date.earliest, attack.date.latest) == (date(2024, 5, 3), date(2024, 5, 3)), attack
    # an operation that hurt no one is no attack
    assert extract(nlp("On 3 May 2024, police conducted an operation in Kibera. Five suspects were arrested."),
                   date(2024, 6, 12)).attacks == []


def test_attack_places_armed_forces_telling_of_their_strike_place_nothing(nlp):
    found = attack_places(nlp, "The Israeli military said it struck a weapons depot, killing two militants.")
    assert found == [[]], found


def test_attack_places_forces_moving_in_another_paragraph_place_nothing(nlp):
    found = attack_places(nlp, "Rebels advanced on the town of Sake on Monday.\n\nAt least 12 civilians were killed by shelling, the UN said.")
    assert found and found[0] != ["Sake"], found


def test_attack_places_names_joined_by_a_slash_are_each_a_place(nlp):
    found = attack_places(nlp, "Militants attacked a police post in the Kidal/Anefis area on Sunday, killing three officers.")
    assert found and {"Kidal", "Anefis"} <= set(found[0]), found


@pytest.mark.parametrize(("text", "place", "alias"), [
    ("An Israeli airstrike killed a commander in southern Lebanon on Monday.", "southern Lebanon", None),
    ("Suspected jihadists killed 15 soldiers in an ambush in northern Burkina Faso.", "northern Burkina Faso", None),
    ("Rebels shelled villages in eastern Congo on Sunday, killing nine.", "eastern Democratic Republic of the Congo", "eastern Congo"),
])
def test_attack_places_a_part_of_a_country(nlp, text, place, alias):
    ctx = DocContext.build(nlp(text), None)
    (attack,) = extract_attacks(ctx)
    ent = ctx.entities.entities[attack.locations[0]]
    assert ent.label == place and (alias is None or alias in ent.aliases), (ent.label, ent.aliases)


def test_place_frames_kept_on_the_document_survive_pickling_and_bytes(nlp):
    """The frames the entity fixer read are kept on the document for the extractors; a document
    pickled or turned to bytes (as workers and DocBin do) still serializes and gives the same frames
    and the same attack places as one read afresh."""
    import pickle

    from spacy.tokens import Doc, DocBin

    text = "Gunmen attacked Gabadley village in Bay region (Baidoa, Bay) on Monday, killing five people."
    doc = nlp(text)
    frames = read_frames(doc)
    assert {doc[f.start:f.end].text for f in frames} >= {"Gabadley", "Bay"}
    bin_ = DocBin(store_user_data=True)
    bin_.add(doc)
    copies = [
        pickle.loads(pickle.dumps(doc)),
        Doc(nlp.vocab).from_bytes(doc.to_bytes()),
        next(DocBin().from_bytes(bin_.to_bytes()).get_docs(nlp.vocab)),
    ]
    for copy in copies:
        assert read_frames(copy) == frames
        ctx = DocContext.build(copy, None)
        assert [[ctx.entities.entities[k].label for k in a.locations] for a in extract_attacks(ctx)] \
            == attack_places(nlp, text)


@pytest.mark.parametrize(("text", "place", "country"), [
    # the country the text puts a place in chooses among its homonyms
    ("Clashes between rival militias killed six people in Tripoli in northern Lebanon.", "Tripoli", "LB"),
    ("A bomb exploded in Hyderabad in southern Pakistan, killing two.", "Hyderabad", "PK"),
    ("A bomb exploded in Hyderabad, Sindh province, killing two.", "Hyderabad", "PK"),
    # and keeps a place the gazetteer knows only elsewhere in that country
    ("Rebels attacked Paris in northern Mali, killing two herders.", "Paris", "ML"),
])
def test_attack_places_country_the_text_names_chooses_the_homonym(nlp, text, place, country):
    ctx = DocContext.build(nlp(text), None)
    (attack,) = extract_attacks(ctx)
    ents = ctx.entities.entities
    key = next(k for k in attack.locations if ents[k].label == place)
    assert ents[key].country_key == f"country:{country}", ents[key]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list after a plural noun, or joined by "and", is of places each
        ("Shelling hit the villages of Kafr Tal, Abu Rasin, Mabrouka and Tamar on Monday.",
         {"Kafr Tal", "Abu Rasin", "Mabrouka", "Tamar"}),
        ("Drones struck the towns of Kafr Tal, Abu Rasin and Ain Issa overnight.", {"Kafr Tal", "Abu Rasin", "Ain Issa"}),
    ],
)
def test_attack_places_listed_after_a_plural_noun_each_a_place(nlp, text, expected):
    found = attack_places(nlp, text)
    assert found and expected <= set(found[0]), found


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # "the village of X, Y,": the bare name between commas is where X lies, and gives its country
        ("Gunmen killed four farmers in the village of Dan Kade, Katsina, on Sunday.", "Dan Kade", "country:NG"),
        ("Militants ambushed a patrol near the town of Kunduz Bala, Bamyan, on Monday, killing two police.",
         "Kunduz Bala", "country:AF"),
        ("Rebels burned the village of Kasenyi Bala, Kasai, on Friday.", "Kasenyi Bala", "country:CD"),
    ],
)
def test_attack_places_a_bare_name_after_a_named_settlement_is_where_it_lies(nlp, text, name, country):
    ctx = DocContext.build(nlp(text), None)
    ent = next(e for e in ctx.entities.entities.values() if e.label == name)
    assert ent.country_key == country, ent


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the X forest area": a noun of a place after the name's noun keeps the frame
        ("Airstrikes hit militants in the Sambisa forest area on Monday.", {"Sambisa"}),
        # "the X/Y forest area": the name before the slash is framed as the one after it
        ("Jets struck suspected militants in the Kuka/Bama forest area near the border.", {"Kuka", "Bama"}),
    ],
)
def test_attack_places_forest_areas_and_names_joined_by_a_slash(nlp, text, expected):
    found = attack_places(nlp, text)
    assert found and expected <= set(found[0]), found


def test_attack_places_a_name_before_the_area_it_lies_in(nlp):
    found = attack_places(nlp, "Raiders shot dead two herders at Kip-Sam, Kamara area, Kuresoi, on Tuesday.")
    assert found and "Kip-Sam" in found[0] and "Kamara" not in found[0], found


@pytest.mark.parametrize(("text", "name", "country"), [
    # a small town the gazetteer knows only abroad is a namesake there when the sentence puts things in
    # another country: kept unlinked, in that country
    ("Gunmen attacked the village of Cliza in central Mali on Monday, killing 24 people.", "Cliza", "country:ML"),
    # a city of the world keeps its link whatever else the sentence names
    ("Talks in Geneva on the war in Ukraine resumed on Monday.", "Geneva", "country:CH"),
])
def test_attack_places_a_small_foreign_namesake_is_not_the_place(nlp, text, name, country):
    records = extract(nlp(text), None)
    ent = next(e for e in records.entities.values() if e.label == name)
    assert ent.country_key == country, ent
    if country == "country:ML":
        assert ent.geonames_id is None and "country:BO" not in records.entities


@pytest.mark.parametrize(("text", "first", "by"), [
    # "X, south of Y": X is where it happened, by Y, however Y is framed
    ("Three soldiers died on Monday when a bomb exploded on a road in Tuz Khurmatu, south of the city of Kirkuk.",
     "Tuz Khurmatu", "Kirkuk"),
    ("Gunmen killed four farmers in Mubi, north-east of the town of Yola, on Sunday.", "Mubi", "Yola"),
    ("A roadside bomb killed two policemen on a road in Baquba, north-east of the capital Baghdad, on Monday.",
     "Baquba", "Baghdad"),
    ("A suicide bomber killed six people in Gereshk, west of the provincial capital Lashkar Gah, on Friday.",
     "Gereshk", "Lashkar Gah"),
])
def test_attack_places_a_place_south_of_another(nlp, text, first, by):
    found = attack_places(nlp, text)
    assert found and found[0][0] == first and by in found[0], found


@pytest.mark.parametrize("text", [
    # where someone went after the attack is no scene of it
    "The attackers retreated into the Sambisa forest after killing four soldiers in Gwoza.",
    "Bandits raided a farm on Monday and killed two men; the farmer's wife escaped to Kaura town.",
    "Gunmen attacked the village of Kuru on Sunday, killing six; survivors fled to Bokkos.",
])
def test_attack_places_where_someone_went_is_no_scene(nlp, text):
    found = attack_places(nlp, text)
    assert not any(p in {"Sambisa", "Kaura", "Bokkos"} for places in found for p in places), found


def test_attack_places_a_region_named_bare_and_with_its_word_keeps_what_lies_in_it(nlp):
    """"the Kolwe district ... in Kolwe ... the Wanika region of Kolwe": the bare name is the
    district, and what the text puts in it lies in the district (no place is lost on the way)."""
    text = ("Gunmen attacked the village of Tandalo in the Kolwe district of Niassa province on Monday, killing three "
            "civilians.\n\nThe forests along the river in Kolwe are thought to shelter the gunmen.\n\n"
            "On Saturday, the group killed two farmers in the Wanika region of Kolwe, a local newspaper reported.")
    records = extract(nlp(text), date(2022, 8, 16))
    places = [[records.entities[k].label for k in a.locations] for a in records.attacks]
    assert ["Wanika region", "Kolwe district", "Niassa province"] in places, places


@pytest.mark.parametrize(("text", "place"), [
    # the city a part of which was hit, however the capital's name was read
    ("Shelling hit Khartoum's southern suburbs on Monday, killing 12 people.", "Khartoum"),
    ("Airstrikes struck crowded streets in Beirut's central district on Thursday, killing 22 people.", "Beirut"),
    ("Mortar shells fell on Mogadishu's northern outskirts overnight, wounding four.", "Mogadishu"),
])
def test_attack_places_the_city_a_part_of_which_was_hit(nlp, text, place):
    found = attack_places(nlp, text)
    assert found and found[0][0] == place, found


@pytest.mark.parametrize(("text", "place", "not_place"), [
    # a faith word before "area" or "district" says who lives there; the place is the city of the phrase
    ("A car bomb went off outside a bakery in a Shiite area of eastern Kirkuk on Monday, killing 9 people.", "Kirkuk", "Shiite"),
    ("Gunmen opened fire in a Christian quarter of Homs on Friday, killing four.", "Homs", "Christian"),
    # a short word in capitals is an abbreviation, not a town another of whose names it spells
    ("Four policemen who were riding in the SUV were killed on the spot near Sukma on Monday.", "Sukma", "Suva"),
])
def test_attack_places_faith_words_and_abbreviations_name_no_place(nlp, text, place, not_place):
    labels = all_labels(nlp, text)
    assert place in labels and not_place not in labels, labels


@pytest.mark.parametrize(("text", "places"), [
    # "X in the department of Y": X, which lies in Y, whatever the gazetteer knows of either
    ("Rebels attacked a military base near Tres Esquinas in the department of Caqueta on Tuesday.", [["Tres Esquinas"]]),
    ("Gunmen attacked an army post near Kibati in the province of North Kivu on Tuesday.", [["Kibati"]]),
    # not a body or a people: "with the Malian army in the commune of X" is X
    ("A soldier and two jihadists died on Sunday in fighting with the Malian army in the commune of Boni.", [["Boni"]]),
    # an army's numbered division is no place
    ("Rebels attacked a base near Saravena on Tuesday. According to the Army's Eighth Division, 27 soldiers were "
     "injured during the attack.", [["Saravena"]]),
])
def test_attack_places_a_place_in_the_unit_of_another(nlp, text, places):
    assert attack_places(nlp, text) == places
