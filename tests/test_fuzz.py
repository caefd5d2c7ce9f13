"""Property-based tests: random bytes, Unicode text, metadata and numbers of documents through
reading, extraction and serialisation. The output always parses, passes SHACL and accounts
for every document.

Example counts are kept modest so the suite stays fast: reading 300 examples, literals 100,
whole builds 40 (each a spaCy parse and a SHACL validation).
"""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="hypothesis is a dev dependency: pip install -e '.[dev]'")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from rdflib import Graph  # noqa: E402

from kg import api  # noqa: E402
from kg.read import ArticleError, read_article  # noqa: E402

READ_EXAMPLES = 300
LITERAL_EXAMPLES = 100
BUILD_EXAMPLES = 40

# made-up news sentences, so random text also reaches the extractors
FRAGMENTS = [
    "Gunmen killed {n} villagers near Menaka on {day}, local officials said.",
    "A car bomb exploded in Mogadishu on {day}, killing at least {n} people.",
    "Drone strikes hit El Fasher, killing {n} civilians, medics said.",
    "Shelling wounded {n} people in Kherson on {day}, the governor said.",
    "Militants abducted {n} farmers in Beni territory, a local official said.",
    "Qatar hosted talks between the government and the rebels in Doha on {day}.",
    "The army clashed with ELN fighters near Cúcuta, leaving {n} dead.",
    "An airstrike on a market in Sagaing killed dozens, residents said.",
    "The president demanded that the militia withdraw from Goma.",
]
DAYS = ["Monday", "Tuesday", "Friday", "last week", "early next week", "Palm Sunday", "18 April"]


@st.composite
def article_texts(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 5))):
        if draw(st.booleans()):
            parts.append(draw(st.sampled_from(FRAGMENTS)).format(
                n=draw(st.sampled_from(["two", "12", "dozens of", "more than 40", "0", "1,000,000"])),
                day=draw(st.sampled_from(DAYS))))
        else:
            parts.append(draw(st.text(min_size=0, max_size=80)))
    return draw(st.sampled_from(["\n\n", "\n", " "])).join(parts)


metadata = st.fixed_dictionaries({}, optional={
    "published": st.one_of(st.dates(date(1990, 1, 1), date(2030, 12, 31)).map(date.isoformat),
                           st.text(max_size=12)),
    "title": st.text(max_size=40),
    "url": st.text(max_size=40),
})


@settings(max_examples=READ_EXAMPLES, deadline=None, database=None)
@given(raw=st.one_of(st.binary(max_size=400),
                     st.tuples(st.text(max_size=200), st.sampled_from(
                         ["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252", "latin-1", "utf-16-le"]))
                     .map(lambda te: te[0].encode(te[1], errors="replace"))))
def test_fuzz_reading_gives_an_article_or_one_line(raw: bytes):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.txt"
        path.write_bytes(raw)
        try:
            art = read_article(path)
        except ArticleError as exc:
            message = str(exc)
            assert "\n" not in message and str(path) in message
            return
        assert art.text.strip()
        assert not any(0xD800 <= ord(c) <= 0xDFFF for c in art.text)
        assert all(c in "\t\n" or ord(c) >= 32 and not 0x7F <= ord(c) <= 0x9F for c in art.text)
        assert all("\n" not in w for w in art.warnings)


@settings(max_examples=LITERAL_EXAMPLES, deadline=None, database=None)
@given(text=st.text(min_size=1, max_size=60))
def test_fuzz_literals_and_iris_round_trip(text: str):
    from kg.graph import new_graph, record_triples
    from kg.read import scrub
    from test_graph import _hostile_records

    article, rec = _hostile_records(scrub(text))
    g = new_graph()
    g += record_triples(article, rec)
    for fmt in ("turtle", "nt", "json-ld"):
        assert set(Graph().parse(data=api.serialize(g, fmt), format=fmt)) == set(g)


@pytest.mark.slow
@settings(max_examples=BUILD_EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(docs=st.lists(st.tuples(article_texts(), metadata), min_size=1, max_size=4))
def test_fuzz_build_parses_conforms_and_keeps_every_document(docs):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, (text, meta) in enumerate(docs):
            (folder / f"doc{i}.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
            if meta:
                (folder / f"doc{i}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
        results = list(api.build_iter([folder]))
        graph, failures = api.merge(results)
        built = [r for r in results if r.built]
        skipped_copies = [r for r in results if r.ok and not r.built]
        # every document is accounted for: built, failed with a reason, or a copy of a built text
        assert len(built) + len(failures) + len(skipped_copies) == len(docs)
        assert all(r.error and "\n" not in r.error for r in failures)
        assert len({r.article.sha256 for r in built}) == len(built)
        out = folder / "g.ttl"
        if built:
            api.save_outputs(graph, out)
            back = api.load(out)
            assert set(back) == set(graph)
            docs_in_graph = api.query(back, "SELECT ?d WHERE { ?d a nkg:Document }")
            assert len(docs_in_graph) == len(built)
            conforms, _, report = api.validate(back)
            assert conforms, report
