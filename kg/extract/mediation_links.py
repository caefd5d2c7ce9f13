"""Which meetings a mediation organizes, and who hosts them: one document's records, linked.

A mediation (a state, an organization or its envoys working between the sides) brings
about talks; the graph says so with ``nkg:organizes`` (mediation -> meeting) and names the
talks' host with ``nkg:host``. Both are read from records already extracted, so they hold
whatever wording the mediation and the meeting were read from:

* A meeting is **organized** by a mediation of the same document when a side of the
  mediation takes part in it and the mediation is present in it: told in the same sentence
  ("Qatar hosted talks between A and B in Doha"), or a mediator is among the participants
  ("the US envoy met A and B"), or the meeting lies in a mediator's country ("talks in
  Doha" when Qatar mediates). A meeting of the mediators alone is not theirs to organize.
* A meeting's **host** is the mediating state it lies in (talks in Doha, mediated by Qatar:
  Qatar), provided that state is not a side.

Sides are compared as states: a person counts for the country or organization they are
affiliated with.
"""

from __future__ import annotations

import dataclasses

from kg.records import COUNTRY, PERSON, DocRecords, Entity, Evidence, MediationRecord, MeetingRecord


def _side(entities: dict[str, Entity], key: str) -> str:
    ent = entities.get(key)
    if ent is not None and ent.kind == PERSON and ent.affiliation_key:
        return ent.affiliation_key
    return key


def _country(entities: dict[str, Entity], key: str | None) -> str | None:
    """The country a meeting's place lies in (the place itself when it is a country)."""
    ent = entities.get(key) if key else None
    if ent is None:
        return None
    return ent.key if ent.kind == COUNTRY else ent.country_key


def _overlap(a: tuple[Evidence, ...], b: tuple[Evidence, ...]) -> bool:
    return any(x.start < y.end and y.start < x.end for x in a for y in b)


def organizes(entities: dict[str, Entity], mediation: MediationRecord, meeting: MeetingRecord) -> bool:
    mediators = {_side(entities, k) for k in mediation.mediators}
    parties = {_side(entities, k) for k in mediation.parties} - mediators
    present = {_side(entities, k) for k in meeting.participants}
    if not present & parties:
        return False
    return _overlap(mediation.evidence, meeting.evidence) or bool(present & mediators) \
        or _country(entities, meeting.location) in mediators


def host(entities: dict[str, Entity], mediations: list[MediationRecord], meeting: MeetingRecord) -> str | None:
    country = _country(entities, meeting.location)
    if country is None:
        return None
    for m in mediations:
        mediators = {_side(entities, k) for k in m.mediators}
        parties = {_side(entities, k) for k in m.parties}
        if country in mediators and country not in parties:
            return country
    return None


def link_meetings(records: DocRecords) -> DocRecords:
    """``records`` with each mediation's organized meetings (indices into ``records.meetings``)
    and each organized meeting's host."""
    if not records.mediations or not records.meetings:
        return records
    ents = records.entities
    mediations = []
    organized: dict[int, list[MediationRecord]] = {}
    for med in records.mediations:
        found = tuple(i for i, meet in enumerate(records.meetings) if organizes(ents, med, meet))
        for i in found:
            organized.setdefault(i, []).append(med)
        mediations.append(dataclasses.replace(med, meetings=found))
    meetings = [dataclasses.replace(meet, host=meet.host or host(ents, organized[i], meet)) if i in organized else meet
                for i, meet in enumerate(records.meetings)]
    return dataclasses.replace(records, meetings=meetings, mediations=mediations)
