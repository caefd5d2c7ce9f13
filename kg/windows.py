"""Long texts in bounded windows, so that the cost of a document is linear in its length.

A text longer than :data:`WINDOW_CHARS` is cut at paragraph breaks (else line
breaks, else sentence ends, else spaces) into windows of at most that size; each
window is parsed and read on its own, and the records of all windows are joined
into one document's records: evidence offsets shifted to the whole text, the
entity tables merged by key. A text that fits one window is read exactly as
before, so ordinary articles are unaffected; a live blog of a megabyte costs what
the same text as separate articles costs.

>>> [(start, len(part)) for start, part in windows("a" * 10 + "\\n\\n" + "b" * 10, limit=15)]
[(0, 12), (12, 10)]
"""

from __future__ import annotations

import dataclasses
import re
from typing import Iterator

from kg.records import DocRecords, Entity, Evidence

WINDOW_CHARS = 20_000
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"'”’)]*\s"), re.compile(r"\s"))


def windows(text: str, limit: int | None = None) -> Iterator[tuple[int, str]]:
    """``(offset, part)`` pairs covering ``text`` in order, each part at most ``limit`` characters
    (default :data:`WINDOW_CHARS`), cut after the last paragraph break (or line break, sentence
    end, space) in the window's second half."""
    limit = limit or WINDOW_CHARS
    start = 0
    n = len(text)
    while n - start > limit:
        chunk = text[start:start + limit]
        cut = 0
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(chunk, limit // 2)]
            if ends:
                cut = ends[-1]
                break
        if cut <= 0:
            cut = limit
        yield start, text[start:start + cut]
        start += cut
    if start < n:
        yield start, text[start:]


def shift_evidence(ev: Evidence, offset: int) -> Evidence:
    return Evidence(ev.text, ev.start + offset, ev.end + offset)


def _shifted(record, offset: int):
    return dataclasses.replace(record, evidence=tuple(shift_evidence(e, offset) for e in record.evidence))


def merge_entity(a: Entity, b: Entity) -> Entity:
    """One entity from the same key read in two windows: every surface form, the longer label."""
    label = max((a.label, b.label), key=lambda s: (len(s), s))
    return dataclasses.replace(
        a, label=label, aliases=a.aliases | b.aliases | {a.label, b.label},
        geonames_id=a.geonames_id or b.geonames_id, country_key=a.country_key or b.country_key,
        roles=a.roles + [r for r in b.roles if r not in a.roles],
        affiliation_key=a.affiliation_key or b.affiliation_key,
        merge_reasons=a.merge_reasons | b.merge_reasons, region_key=a.region_key or b.region_key,
    )


def join_records(parts: list[tuple[int, DocRecords]]) -> DocRecords:
    """The records of one document from the records of its windows (``(offset, records)`` pairs)."""
    if len(parts) == 1 and parts[0][0] == 0:
        return parts[0][1]
    entities: dict[str, Entity] = {}
    joined = DocRecords(entities=entities)
    for offset, rec in parts:
        for key, ent in rec.entities.items():
            entities[key] = merge_entity(entities[key], ent) if key in entities else ent
        joined.attacks += [_shifted(r, offset) for r in rec.attacks]
        joined.meetings += [_shifted(r, offset) for r in rec.meetings]
        joined.mediations += [_shifted(r, offset) for r in rec.mediations]
        joined.demands += [_shifted(r, offset) for r in rec.demands]
    return joined
