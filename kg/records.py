"""Typed records that the extractors yield and the graph mapper turns into triples.

Records hold plain values only (strings, ints, dates, tuples), so they pickle and
compare; entities are referred to by the key of an :class:`Entity` in the
document's :class:`EntityTable`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from kg.resolve.dates import DateWindow

# Entity kinds, named after the ontology classes they map to.
PERSON = "Person"
ORGANIZATION = "Organization"
COUNTRY = "Country"
CITY = "City"
REGION = "Region"
PLACE = "Place"
PLACE_KINDS = frozenset({COUNTRY, CITY, REGION, PLACE})
AGENT_KINDS = frozenset({PERSON, ORGANIZATION, COUNTRY})


@dataclass
class Entity:
    """One real-world thing of a document, with every surface form it had."""

    key: str  # stable, normalised: "country:UA", "person:marco rubio", "city:706483"
    kind: str
    label: str
    aliases: set[str] = field(default_factory=set)
    geonames_id: int | None = None
    country_key: str | None = None  # for places and organizations
    roles: list[str] = field(default_factory=list)
    affiliation_key: str | None = None
    merge_reasons: set[str] = field(default_factory=set)
    region_key: str | None = None  # for places: the region the text says it lies in ("X (District, Region)")


@dataclass(frozen=True)
class Evidence:
    text: str  # the sentence(s), verbatim
    start: int  # character offsets in the article
    end: int


@dataclass(frozen=True)
class CasualtyRecord:
    outcome: str  # "Killed" | "Injured"
    min: int
    max: int | None
    vague: bool
    quote: str
    victims: str | None = None


@dataclass(frozen=True)
class AttackRecord:
    evidence: tuple[Evidence, ...]
    locations: tuple[str, ...] = ()  # entity keys
    date: DateWindow | None = None
    weapons: tuple[str, ...] = ()  # weapon concept local names
    targets: tuple[str, ...] = ()
    attackers: tuple[str, ...] = ()
    attacker_descriptions: tuple[str, ...] = ()  # "unidentified gunmen": who attacked, as told, when unnamed
    attacked: tuple[str, ...] = ()  # the sides the attack was aimed at (entity keys)
    reported_by: tuple[str, ...] = ()
    casualties: tuple[CasualtyRecord, ...] = ()
    aggregate: bool = False
    event_type: str | None = None  # local name of a concept of ontology/event-types.ttl


@dataclass(frozen=True)
class MeetingRecord:
    evidence: tuple[Evidence, ...]
    status: str  # one of kg.vocab.MEETING_STATUSES
    location: str | None = None
    date: DateWindow | None = None
    participants: tuple[str, ...] = ()
    modality: str | None = None  # kg.vocab.IN_PERSON | PHONE | VIDEO, where the text says
    host: str | None = None  # the state or organization hosting it (entity key)


@dataclass(frozen=True)
class MediationRecord:
    evidence: tuple[Evidence, ...]
    mediators: tuple[str, ...]
    parties: tuple[str, ...] = ()
    goals: tuple[str, ...] = ()
    meetings: tuple[int, ...] = ()  # the meetings it organizes: indices into DocRecords.meetings


@dataclass(frozen=True)
class DemandRecord:
    evidence: tuple[Evidence, ...]
    label: str
    demanded_by: tuple[str, ...] = ()
    rejected_by: tuple[str, ...] = ()
    addressed_to: tuple[str, ...] = ()  # whom the demand is put to


@dataclass
class DocRecords:
    """Everything read from one document."""

    entities: dict[str, Entity]
    attacks: list[AttackRecord] = field(default_factory=list)
    meetings: list[MeetingRecord] = field(default_factory=list)
    mediations: list[MediationRecord] = field(default_factory=list)
    demands: list[DemandRecord] = field(default_factory=list)
