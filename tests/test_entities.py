"""One node per real thing: demonyms, seats of power, surnames, organizations."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract

pytestmark = pytest.mark.slow


def entities_of(nlp, text):
    return extract(nlp(text), date(2024, 6, 12)).entities


def by_label(ents):
    return {e.label: e for e in ents.values()}


def test_entities_demonym_is_the_country_not_a_place(nlp):
    ents = by_label(entities_of(nlp, "Israeli officials met Egyptian mediators in Cairo. Israel said talks would go on."))
    assert "Israeli" in ents["Israel"].aliases
    assert "Israeli" not in ents
    assert any("demonym" in r for r in ents["Israel"].merge_reasons)


def test_entities_seat_of_power_as_actor_merges_into_country(nlp):
    ents = by_label(entities_of(nlp, "Beijing urged restraint, while the Kremlin rejected the proposal. Russia and China spoke."))
    assert "Beijing" in ents["China"].aliases
    assert "Kremlin" in ents["Russia"].aliases
    assert ents["Russia"].merge_reasons


def test_entities_capital_used_as_place_stays_a_city(nlp):
    ents = by_label(entities_of(nlp, "Delegations arrived in Moscow on Monday for talks."))
    assert ents["Moscow"].kind == "City"
    assert ents["Moscow"].geonames_id == 524901


def test_entities_surname_merges_into_full_name(nlp):
    ents = entities_of(nlp, "Foreign Minister Annalena Baerbock visited Kyiv. Baerbock said more aid would come.")
    people = [e for e in ents.values() if e.kind == "Person"]
    assert len(people) == 1
    assert people[0].label == "Annalena Baerbock"
    assert "Baerbock" in people[0].aliases


def test_entities_known_organization_gets_its_country(nlp):
    ents = by_label(entities_of(nlp, "The Rapid Support Forces shelled the city, the RSF said nothing."))
    org = ents["Rapid Support Forces"]
    assert org.kind == "Organization"
    assert "RSF" in org.aliases
    assert org.country_key == "country:SD"


def test_entities_place_name_tagged_as_person_is_fixed(nlp):
    ents = entities_of(nlp, "Shelling hit Sumy again on Monday.")
    kinds = {e.label: e.kind for e in ents.values()}
    assert kinds.get("Sumy") == "City"
