"""Extractors: a parsed document -> typed records (:class:`kg.records.DocRecords`)."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from kg.records import DocRecords


def extract(doc: Doc, published: date | None) -> DocRecords:
    """Every record of one parsed document: entities, attacks, meetings, mediation, demands."""
    from kg.extract.attacks import extract_attacks
    from kg.extract.context import DocContext
    from kg.extract.demands import extract_demands
    from kg.extract.mediation import extract_mediations
    from kg.extract.meetings import extract_meetings
    from kg.extract.entities import place_countries_from_text, unlink_foreign_towns
    from kg.extract.people import read_people

    ctx = DocContext.build(doc, published)
    unlink_foreign_towns(doc, ctx.entities)  # before the people whose office is in them
    read_people(ctx)
    records = DocRecords(entities=ctx.entities.entities)
    records.attacks = list(extract_attacks(ctx))
    records.meetings = list(extract_meetings(ctx))
    records.mediations = list(extract_mediations(ctx, tuple(records.meetings)))
    records.demands = list(extract_demands(ctx))
    place_countries_from_text(doc, ctx.entities)
    return records
