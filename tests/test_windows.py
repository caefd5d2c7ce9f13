"""Long texts read in bounded windows: the cuts, and the records joined back."""

from __future__ import annotations

from datetime import date

import pytest

from kg.windows import windows

PARAGRAPHS = [
    "Gunmen killed six villagers near Menaka on Sunday, local officials said.",
    "A car bomb killed four soldiers in Mogadishu on Saturday, police said.",
    "Drone strikes killed nine people in El Fasher on Friday, medics said.",
    "Shelling killed two civilians in Kherson on Thursday, the governor said.",
    "Militants killed five farmers in Beni territory on Wednesday, a local official said.",
    "An airstrike killed seven people in Sagaing on Tuesday, residents said.",
]


@pytest.mark.parametrize("text, limit", [
    ("\n\n".join(PARAGRAPHS), 150),
    ("\n".join(PARAGRAPHS), 100),
    (" ".join(PARAGRAPHS), 120),
    ("x" * 1000, 64),
    ("short text", 100),
    ("", 100),
])
def test_windows_cover_the_text_in_bounded_parts(text: str, limit: int):
    parts = list(windows(text, limit))
    assert "".join(p for _, p in parts) == text
    assert all(len(p) <= limit for _, p in parts)
    offsets = [o for o, _ in parts]
    assert offsets == sorted(offsets) and (not parts or offsets[0] == 0)
    assert all(text[o:o + len(p)] == p for o, p in parts)


def test_windows_cut_at_paragraphs_first():
    text = "\n\n".join(PARAGRAPHS)
    parts = [p for _, p in windows(text, 160)]
    assert all(p.rstrip("\n") in PARAGRAPHS or "\n\n" in p.rstrip("\n") for p in parts)
    assert all(p.endswith("\n\n") for p in parts[:-1])


@pytest.mark.slow
def test_windows_long_document_keeps_every_attack_and_offset(monkeypatch):
    import kg.windows
    from kg import api
    from kg.read import Article

    text = "\n\n".join(PARAGRAPHS) + "\n"
    article = Article(text=text, source="long", sha256="ab" * 32, published=date(2025, 3, 10))
    whole = api.read_records(article)
    monkeypatch.setattr(kg.windows, "WINDOW_CHARS", 160)
    assert len(list(windows(text))) >= 3
    windowed = api.read_records(article)
    assert len(windowed.attacks) == len(whole.attacks) == len(PARAGRAPHS)
    for a in windowed.attacks + whole.attacks:
        ev = a.evidence[0]
        assert text[ev.start:ev.end].strip() == ev.text.strip()
    places = lambda recs: sorted(recs.entities[k].label for a in recs.attacks for k in a.locations)  # noqa: E731
    assert places(windowed) == places(whole)
    graph = api.build_article(article)
    assert api.validate(graph)[0]


@pytest.mark.slow
def test_windows_text_over_spacy_max_length_is_read(monkeypatch):
    """A text longer than spaCy's limit (its E088 error) never reaches spaCy whole: the windows
    are never longer than the pipeline's ``max_length``."""
    from kg import api
    from kg.nlp import load_nlp
    from kg.read import Article

    nlp = load_nlp()
    monkeypatch.setattr(nlp, "max_length", 400)
    filler = "The market reopened and traders returned to the stalls.\n\n" * 20
    text = filler + PARAGRAPHS[0] + "\n"
    assert len(text) > nlp.max_length
    with pytest.raises(ValueError, match="E088"):
        nlp(text)
    records = api.read_records(Article(text=text, source="huge", sha256="cd" * 32, published=date(2025, 3, 10)))
    assert len(records.attacks) == 1
    ev = records.attacks[0].evidence[0]
    assert text[ev.start:ev.end].strip() == ev.text.strip()
