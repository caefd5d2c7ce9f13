"""The library API: batches, atomic writes, queries, loading errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kg import api


def test_api_write_atomic_keeps_old_file_on_failure(tmp_path: Path, monkeypatch):
    target = tmp_path / "g.ttl"
    target.write_text("old", encoding="utf-8")

    class Boom(Exception):
        pass

    def bad_replace(*_a, **_k):
        raise Boom()

    monkeypatch.setattr(api.os, "replace", bad_replace)
    with pytest.raises(Boom):
        api.write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["g.ttl"]


def test_api_load_reports_missing_and_broken(tmp_path: Path):
    with pytest.raises(ValueError, match="no such file"):
        api.load(tmp_path / "none.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(ValueError, match="not parseable"):
        api.load(bad)


def test_api_query_text_named_and_file(tmp_path: Path):
    from test_graph import built_graph

    g = built_graph()
    df = api.query(g, "attacks")
    assert df.loc[0, "place"] == "Alpha" and df.loc[0, "killedMin"] == 3
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s a nkg:Demand }", encoding="utf-8")
    assert api.query(g, str(rq)).loc[0, "n"] == 1
    assert bool(api.query(g, "ASK { ?s a nkg:Meeting }").loc[0, "ask"])


@pytest.mark.slow
def test_api_build_graph_collects_failures(tmp_path: Path):
    (tmp_path / "ok.txt").write_text("Shelling killed two people in Kherson on Monday.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    from datetime import date

    graph, failures = api.build_graph([tmp_path], published=date(2024, 6, 12))
    assert len(failures) == 1 and "empty" in failures[0].error
    assert len(api.query(graph, "attacks")) == 1


ORDER_ARTICLES = {
    "a.txt": ("Gunmen killed six villagers near Menaka on Sunday, local officials said.", "2025-03-10"),
    "b.txt": ("Drone strikes killed nine people in El Fasher on Friday, medics said. "
              "The army blamed the Rapid Support Forces.", "2025-03-08"),
    "c.txt": ("Qatar hosted talks between the government and the M23 rebels in Doha on Tuesday.", None),
    # the same text as a.txt with another date: one document, the earliest date, whatever the order
    "d.txt": ("Gunmen killed six villagers near Menaka on Sunday, local officials said.", "2025-03-09"),
}


@pytest.mark.slow
def test_api_same_inputs_in_any_order_give_identical_turtle(tmp_path: Path):
    import itertools

    for name, (text, day) in ORDER_ARTICLES.items():
        (tmp_path / name).write_text(text + "\n", encoding="utf-8")
        if day:
            (tmp_path / name.replace(".txt", ".meta.json")).write_text(f'{{"published": "{day}"}}')
    names = sorted(ORDER_ARTICLES)
    outputs = set()
    for order in itertools.islice(itertools.permutations(names), 0, None, 7):  # 4 of the 24 orders
        graph, failures = api.build_graph([tmp_path / n for n in order])
        assert not failures
        outputs.add(api.serialize(graph))
    graph, _ = api.build_graph([tmp_path])  # the folder itself
    outputs.add(api.serialize(graph))
    assert len(outputs) == 1
    text = outputs.pop()
    assert text.count("a nkg:Document") == 3
    assert '"2025-03-09"^^xsd:date' in text and '"2025-03-10"^^xsd:date' not in text


BATCH_TEXTS = {
    "a.txt": "Gunmen killed four farmers in Wuro Bokki village in northern Cameroon on Sunday.",
    "b.txt": "A drone strike on a market in Kidal killed two children on Monday, officials said.",
    "c.txt": "Envoys of Ethiopia and Somalia will meet in Ankara on Friday for talks mediated by Turkey.",
}


def test_api_batch_build_equals_one_by_one(tmp_path: Path):
    """Articles parsed together through nlp.pipe give the graph each gives on its own."""
    from rdflib.compare import isomorphic

    from kg.read import read_article

    paths = []
    for name, text in BATCH_TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    articles = [(p, read_article(p, published=date(2024, 6, 12))) for p in paths]
    batch = list(api.build_articles(articles))
    assert [r.path for r in batch] == paths and all(r.built for r in batch)
    for (path, article), result in zip(articles, batch):
        assert isomorphic(result.graph, api.build_article(article)), path.name


def test_api_batch_keeps_input_order_around_failures(tmp_path: Path, monkeypatch):
    for name, text in BATCH_TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "b2.txt").write_text("   \n", encoding="utf-8")  # empty: a failure between good ones
    monkeypatch.setattr(api, "PIPE_BATCH", 2)
    results = list(api.build_iter([tmp_path], published=date(2024, 6, 12)))
    names = [Path(r.path).name for r in results if r.built or r.error]
    assert sorted(names) == ["a.txt", "b.txt", "b2.txt", "c.txt"]
    failed = [Path(r.path).name for r in results if r.error]
    assert failed == ["b2.txt"]
    built = [Path(r.path).name for r in results if r.built]
    assert built == ["a.txt", "b.txt", "c.txt"]


def test_api_plan_batches_bounded_however_many_results(tmp_path: Path):
    """A long run of inputs that are not built (copies of one text) is cut into batches of at
    most MAX_BATCH_ENTRIES entries, so it does not gather in memory; the order is kept."""
    for n in range(api.MAX_BATCH_ENTRIES + 100):
        (tmp_path / f"{n:05d}.txt").write_text("Shelling killed two people in Kherson on Monday.", encoding="utf-8")
    totals = []
    batches = list(api.plan_batches([tmp_path], planned=totals.append))
    assert totals == [api.MAX_BATCH_ENTRIES + 100]
    assert len(batches) == 2 and all(len(b) <= api.MAX_BATCH_ENTRIES for b in batches)
    entries = [e for b in batches for e in b]
    labels = [e.path if isinstance(e, api.BuildResult) else e[0] for e in entries]
    assert labels == sorted(tmp_path.iterdir())
    assert sum(not isinstance(e, api.BuildResult) for e in entries) == 1  # the text is built once
