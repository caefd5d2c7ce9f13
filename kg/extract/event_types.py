"""The kind of an attack: a concept of ``ontology/event-types.ttl``.

Read in order, following the sub-event types of the ACLED codebook (rules and word
lists in ``kg/data/event_type_rules.json``):

1. a suicide bombing is one, whatever else the sentence says;
2. words of fighting ("clashed", "exchange of fire", "battle") make an armed clash,
   whatever arms were used;
3. the weapon, or who fired it, decides among remote violence: drones and aircraft
   ("the air force struck"), artillery, missiles, rockets and warships, explosive
   devices and mines, grenades;
4. words that name the kind ("abducted", "air raid", "shelling") say it themselves;
5. an attack, shooting or killing whose victims or target are combatants or their
   positions is an armed clash; on anyone else, an attack on civilians;
6. otherwise the kind is unknown: the scheme's top concept, armed violence.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from kg.extract.triggers import violence_words
from kg.lexicon import event_words, load_json
from kg.records import CasualtyRecord

RULES_FILE = "event_type_rules.json"
SUICIDE = "SuicideBomb"
CLASH = "ArmedClash"
CIVILIANS = "AttackOnCivilians"
REMOTE = "RemoteExplosive"
TERRITORY = "TerritoryTaken"


@lru_cache(maxsize=1)
def _rules() -> dict:
    return load_json(RULES_FILE)


def precedence() -> list[str]:
    """The kinds of violence, most specific first (event_type_rules.json)."""
    return _rules()["precedence"]


@lru_cache(maxsize=None)
def _words(key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _rules()[key])


def classify(trigger_types: Iterable[str], weapons: Iterable[str], targets: Iterable[str],
             casualties: Iterable[CasualtyRecord], victims: Iterable[str] = (), actors: Iterable[str] = ()) -> str:
    """The event-type local name of one attack, from what its words, weapons, targets and victims
    say; ``victims`` are the nouns the violent verbs were done to ("shot a trader": trader),
    ``actors`` the words naming who did it ("the air force", "warships")."""
    rules = _rules()
    casualties = list(casualties)
    victims = [c.victims.split()[-1] for c in casualties if c.victims] + [v for v in victims if v]
    told = [t for t in trigger_types if t]
    precedence = rules["precedence"]
    if SUICIDE in told:
        return SUICIDE
    names = [w.rsplit("/", 1)[-1].rsplit("#", 1)[-1] for w in weapons]  # concept IRIs or local names
    by_weapon = sorted({rules["weapon_types"][w] for w in names if w in rules["weapon_types"]}
                       | {rules["actor_types"][a] for a in actors if a in rules["actor_types"]},
                       key=precedence.index)
    remote_told = [t for t in told if t in rules["remote_types"]]
    if CLASH in told:
        return CLASH
    if by_weapon:
        return by_weapon[0]
    if remote_told:
        return sorted(remote_told, key=precedence.index)[0]
    specific = [t for t in told if t not in {CLASH, CIVILIANS}]
    if set(specific) == {TERRITORY} and any(c.min > 0 for c in casualties):
        # "stormed the village, killing 30 people": the dead make it an attack or a battle (ACLED codes
        # a taking of ground with no one harmed as the taking)
        specific = []
    if specific:
        return sorted(specific, key=precedence.index)[0]
    combatants = any(v in _words("combatant_nouns") for v in victims)
    civilians = any(_civilian(v) for v in victims)
    if civilians and not combatants:
        return CIVILIANS
    if combatants or _aimed_at_positions(targets):
        return CLASH
    if CIVILIANS in told or targets:
        return CIVILIANS
    return rules["unknown"]


def set_off(weapon: str) -> bool:
    """Whether a weapon (a concept IRI or local name) goes off where it was left, so that whatever
    hits it sets it off: a mine, a planted or roadside bomb."""
    name = weapon.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return _rules()["weapon_types"].get(name) == REMOTE


def _civilian(head: str) -> bool:
    """Victims named as people who are not combatants: "civilian", "child", "trader"."""
    return head not in _words("combatant_nouns") and (head in violence_words("person_nouns") or head in event_words("child_victims"))


def _aimed_at_positions(targets: Iterable[str]) -> bool:
    """A target that is a military position ("an army base", "the positions of the militia"), not
    a place of civilians with the same noun ("a tent camp", "a petrol station")."""
    civilian, military = _words("civilian_target_modifiers"), _words("military_targets")
    return any((t.split()[-1] in military or _singular(t.split()[-1]) in military)
               and not civilian & set(t.lower().split()[:-1]) for t in targets if t)


def _singular(noun: str) -> str:
    """The singular of a regular English plural ("posts", "checkpoints", "convoys"); other words unchanged."""
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
