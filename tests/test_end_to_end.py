"""The whole product on the seed article: build, re-parse, shipped queries, SHACL, scorer."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg import api
from kg.cli import app

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_c20b6ad0123a7bc7.txt"
runner = CliRunner()

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("e2e") / "seed.ttl"
    result = runner.invoke(app, ["build", str(SEED), "--published", "2025-04-18", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_end_to_end_turtle_parses_back(seed_graph: Path):
    g = Graph().parse(seed_graph, format="turtle")
    assert len(g) > 100


def test_end_to_end_build_is_deterministic(seed_graph: Path, tmp_path: Path):
    again = tmp_path / "again.ttl"
    result = runner.invoke(app, ["build", str(SEED), "--published", "2025-04-18", "--out", str(again), "--no-html"])
    assert result.exit_code == 0, result.output
    assert again.read_bytes() == seed_graph.read_bytes()
    assert isomorphic(Graph().parse(again), Graph().parse(seed_graph))


def test_end_to_end_html_written_beside_graph(seed_graph: Path):
    page = seed_graph.with_suffix(".html")
    text = page.read_text(encoding="utf-8")
    assert "vis-network" in text or "vis.Network" in text
    assert not re.search(r"<script[^>]+src=[\"']https?://", text)
    assert not re.search(r"<link[^>]+href=[\"']https?://", text)


@pytest.mark.parametrize("rq", sorted((ROOT.parent / "shared" / "spec" / "queries").glob("*.rq")), ids=lambda p: p.stem)
def test_end_to_end_shared_queries_run(seed_graph: Path, rq: Path):
    from kg import api

    df = api.query(api.load(seed_graph), rq.read_text(encoding="utf-8"))
    assert len(df) >= 1, f"{rq.name} gave no rows on the seed graph"


def test_end_to_end_attack_answers(seed_graph: Path):
    from kg import api

    df = api.query(api.load(seed_graph), "killed_by_city")
    killed = dict(zip(df["city"], df["killedAtLeast"]))
    assert killed.get("Sumy", 0) >= 34
    assert killed.get("Dnipro") == 3
    assert killed.get("Kharkiv") == 1
    places = set(api.query(api.load(seed_graph), "attacks")["place"].dropna())
    assert not places & {"Paris", "London", "Moscow", "Washington"}


def test_end_to_end_shacl_conforms(seed_graph: Path):
    from kg import api

    conforms, _, text = api.validate(api.load(seed_graph))
    assert conforms, text


def test_end_to_end_score_on_seed_gold(seed_graph: Path, shared_dir: Path, capsys):
    gold = shared_dir / "gold" / "000_c20b6ad0123a7bc7.gold.json"
    proc = subprocess.run([sys.executable, str(shared_dir / "eval" / "score.py"), "--gold", str(gold),
                           "--graph", str(seed_graph)], capture_output=True, text=True, check=True)
    line = [l for l in proc.stdout.splitlines() if l.startswith("fact_f1=")][-1]
    with capsys.disabled():
        print(f"\nseed {line}")
    f1 = float(line.split()[0].split("=")[1])
    assert f1 >= 0.60


def test_end_to_end_every_shipped_query_runs_on_rdflibs_own_engine(seed_graph: Path):
    """The shipped queries are plain SPARQL: rdflib's engine (Graph.query) gives the rows
    api.query gives through Oxigraph, also where an optional part is missing (a person with
    no other name, a mediation with no party)."""
    from kg import api

    graph = Graph().parse(seed_graph, format="turtle")
    for name, path in api.named_queries().items():
        mine = list(graph.query(path.read_text(encoding="utf-8")))
        assert len(mine) == len(api.query(graph, name)), name


def test_end_to_end_every_shipped_query_answers_on_the_seed(seed_graph: Path):
    """Each query in kg/queries runs on the seed graph and gives the answer its comment documents."""
    from kg import api

    graph = api.load(seed_graph)
    results = {name: api.query(graph, name) for name in api.named_queries()}
    assert all(len(df) >= 1 for df in results.values()), [n for n, df in results.items() if not len(df)]
    deadliest = results["deadliest"]
    assert (deadliest.iloc[0]["place"], int(deadliest.iloc[0]["killedAtLeast"])) == ("Sumy", 34)
    weekly = {(r.weapon, r.weekStart): int(r.attacks) for r in results["attacks_by_weapon"].itertuples()}
    assert weekly == {("missile", "2025-04-07"): 1, ("drone", "2025-04-14"): 2, ("cluster munition", "2025-04-14"): 1}
    by_type = results["attacks_by_type"]
    for level in ("event type", "sub-event type"):
        rows = by_type[by_type["level"] == level]
        assert (int(rows["attacks"].sum()), int(rows["killedAtLeast"].sum())) == (4, 39), rows
    assert set(by_type[by_type["level"] == "event type"]["eventType"]) <= {"explosions/remote violence", "unclassified"}
    assert "eventType" in results["attacks"].columns
    pairs = {frozenset((r.a, r.b)) for r in results["who_meets_whom"].itertuples()}
    assert frozenset(("Marco Rubio", "Ukraine")) in pairs and frozenset(("Steve Witkoff", "Vladimir Putin")) in pairs
    rejected = {(r.demand, r.rejectedBy) for r in results["rejected_demands"].itertuples()}
    assert ("Ukraine halting its military mobilization", "Ukraine") in rejected
    med = results["mediation"].iloc[0]
    assert "United States" in med["mediators"] and set(med["parties"].split(", ")) == {"Russia", "Ukraine"}


@pytest.mark.slow
def test_end_to_end_every_dev_article_builds_a_conforming_graph(shared_dir: Path, tmp_path: Path):
    """The graph of every shared article passes SHACL (a violation of one article shows in it too)."""
    articles = sorted((shared_dir / "dev").glob("*.txt"))
    if not articles:
        pytest.skip("no shared articles")
    results = list(api.build_iter(articles))
    assert [r.error for r in results if not r.ok] == []
    graph, _ = api.merge(results)
    out = tmp_path / "dev.ttl"
    api.save_outputs(graph, out)
    conforms, _, text = api.validate(api.load(out))
    assert conforms, text[:2000]
