"""The records of an invented sentence, with the real model: shared by the sentence-table tests."""

from __future__ import annotations

from datetime import date

from kg.extract import extract

PUB = date(2024, 6, 12)  # a Wednesday


def records_of(nlp, text, published: date = PUB):
    """The document's records and a function from entity key to label."""
    rec = extract(nlp(text), published)
    return rec, (lambda k: rec.entities[k].label)
