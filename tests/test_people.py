"""Roles and affiliations of people, with the real model."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract
from kg.extract.people import officeholders

pytestmark = pytest.mark.slow


def people_of(nlp, text):
    rec = extract(nlp(text), date(2024, 6, 12))
    ents = rec.entities
    return {e.label: e for e in ents.values() if e.kind == "Person"}, (lambda k: ents[k].label if k else None)


@pytest.mark.parametrize(
    ("text", "name", "role", "affiliation"),
    [
        ("German Foreign Minister Annalena Baerbock arrived in Amman.", "Annalena Baerbock", "Foreign Minister", "Germany"),
        ("Sudan's army chief Abdel Fattah al-Burhan rejected the plan.", "Abdel Fattah al-Burhan", "army chief", "Sudan"),
        ("Yoav Gallant, Israel's defence minister, visited the base.", "Yoav Gallant", "defence minister", "Israel"),
        # the portfolio before a title belongs to the title; the country before it is the affiliation
        ("Mali's Information Minister Abdoulaye Maiga told state TV that rebels had attacked Kidal.",
         "Abdoulaye Maiga", "Information Minister", "Mali"),
        ("Sudan's water minister Daw al-Beit said the dam at Merowe was hit.", "Daw al-Beit", "water minister", "Sudan"),
        # a bare title: the officeholder table says whom the person acts for, when the article names it
        ("President Recep Tayyip Erdogan said Turkey would host the talks.", "Recep Tayyip Erdogan", "President", "Turkey"),
        ("Prime Minister Abiy Ahmed's office said Ethiopia would attend.", "Abiy Ahmed", "Prime Minister", "Ethiopia"),
        # "its": the organization that is the subject of the clause
        ("The Associated Press said its photographer Ahmed Saleh was wounded in Gaza.", "Ahmed Saleh", "photographer",
         "Associated Press"),
    ],
)
def test_people_role_and_affiliation(nlp, text, name, role, affiliation):
    people, label = people_of(nlp, text)
    assert name in people
    assert role in people[name].roles
    assert label(people[name].affiliation_key) == affiliation


def test_people_known_officeholder_needs_the_country_in_the_article(nlp):
    people, label = people_of(nlp, "President Recep Tayyip Erdogan spoke to reporters on Tuesday.")
    assert people["Recep Tayyip Erdogan"].affiliation_key is None  # no Turkey in the text: no new node


def test_people_officeholder_table_spellings():
    table = officeholders()
    assert table["volodymyr zelensky"] == table["volodymyr zelenskyy"] == "UA"
    assert table["antonio guterres"] == "United Nations"
    assert all(v for v in table.values())


def test_people_local_official_serves_the_country_of_the_places_named(nlp):
    people, label = people_of(nlp, "Kharkiv came under attack on Monday, injuring six people, Regional Governor "
                                   "Oleh Syniehubov said.")
    assert label(people["Oleh Syniehubov"].affiliation_key) == "Ukraine"


@pytest.mark.parametrize(
    ("text", "names", "role", "affiliation"),
    [
        ("Abiy told Kenyan envoys Musalia Mudavadi and Monica Juma that the talks must resume.",
         ["Musalia Mudavadi", "Monica Juma"], "envoy", "Kenya"),
        ("Cairo's envoys Hassan Rashad and Ahmed Abdel Khalek met Hamas leaders on Sunday.",
         ["Hassan Rashad", "Ahmed Abdel Khalek"], "envoy", "Egypt"),
    ],
)
def test_people_plural_title_before_conjoined_names(nlp, text, names, role, affiliation):
    people, label = people_of(nlp, text)
    for name in names:
        assert people[name].roles[:1] == [role]
        assert label(people[name].affiliation_key) == affiliation


@pytest.mark.parametrize(("text", "name", "affiliation"), [
    ("State Department spokesman Matthew Miller said the talks in Jeddah would resume.", "Matthew Miller",
     "United States Department of State"),
    ("UN spokesman Stephane Dujarric said aid convoys to El Geneina were blocked.", "Stephane Dujarric", "United Nations"),
])
def test_people_affiliation_from_the_organization_in_the_title(nlp, text, name, affiliation):
    rec = extract(nlp(text), date(2024, 6, 12))
    person = next(e for e in rec.entities.values() if e.label == name)
    assert person.affiliation_key and rec.entities[person.affiliation_key].label == affiliation
