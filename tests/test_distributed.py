"""Building on a dask.distributed cluster (``kg build --engine dask``): a real LocalCluster of
two worker processes, real articles."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib.compare import isomorphic

from article_folders import seed_and_dev_articles
from kg import api
from kg.distributed import document_quads

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "dev"

pytest.importorskip("distributed")


def _cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", *args], capture_output=True,
                          text=True, timeout=900, cwd=cwd, env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.mark.slow
def test_distributed_local_cluster_graph_and_store_as_jobs_1(tmp_path: Path):
    """A LocalCluster of two worker processes (processes=True): the graph written through the
    store is the --jobs 1 graph, and the shards hold every document, in its own named graph."""
    if not DEV.is_dir():
        pytest.skip("../shared/dev is not beside the project")
    folder = seed_and_dev_articles(tmp_path / "in")
    one = _cli("build", str(folder), "--jobs", "1", "--out", str(tmp_path / "one.ttl"), "--no-html")
    assert one.returncode == 0, one.stderr
    done = _cli("build", str(folder), "--engine", "dask", "--jobs", "2", "--store", str(tmp_path / "store"),
                "--out", str(tmp_path / "dask.ttl"), "--no-html")
    assert done.returncode == 0, done.stderr
    assert "7 new document(s)" in done.stderr
    dask_graph, one_graph = api.load(tmp_path / "dask.ttl"), api.load(tmp_path / "one.ttl")
    assert isomorphic(dask_graph, one_graph)
    assert (tmp_path / "dask.ttl").read_bytes() == (tmp_path / "one.ttl").read_bytes()
    shards = sorted((tmp_path / "shards").glob("shard-*.nq"))
    assert [p.name for p in shards] == ["shard-000001.nq", "shard-000002.nq"]  # 7 articles, batches of 4
    loaded = ox.Store()
    for shard in shards:
        loaded.load(path=str(shard), format=ox.RdfFormat.N_QUADS)
    documents = api.query(one_graph, "SELECT ?d WHERE { ?d a nkg:Document }")
    assert {g.value for g in loaded.named_graphs()} == set(documents["d"])


def test_distributed_document_quads_name_the_graph():
    nt = '<urn:a> <urn:p> "x y ." .\n<urn:a> <urn:q> <urn:b> .\n'
    quads = document_quads(nt, "urn:doc")
    assert quads == '<urn:a> <urn:p> "x y ." <urn:doc> .\n<urn:a> <urn:q> <urn:b> <urn:doc> .\n'
    assert len(list(ox.parse(quads.encode("utf-8"), format=ox.RdfFormat.N_QUADS))) == 2


def test_distributed_options_need_the_dask_engine(tmp_path: Path):
    from typer.testing import CliRunner

    from kg.cli import app

    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    res = CliRunner().invoke(app, ["build", str(tmp_path / "a.txt"), "--scheduler", "tcp://127.0.0.1:8786"])
    assert res.exit_code == 2
    assert res.output.strip() == "error: --scheduler and --shards go with --engine dask"


@pytest.mark.slow
def test_distributed_unreachable_scheduler_is_one_line(tmp_path: Path):
    from typer.testing import CliRunner

    from kg.cli import app

    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    res = CliRunner().invoke(app, ["build", str(tmp_path / "a.txt"), "--engine", "dask",
                                   "--scheduler", "tcp://127.0.0.1:9", "--out", str(tmp_path / "g.ttl")])
    assert res.exit_code == 2
    assert res.output.strip().splitlines() == [
        "error: --scheduler tcp://127.0.0.1:9: cannot connect (Timed out trying to connect to tcp://127.0.0.1:9 after 15 s)"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
