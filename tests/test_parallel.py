"""Building in worker processes (``kg build --jobs N``), on real articles and real processes."""

from __future__ import annotations

import json
import os
import shutil
import signal
from pathlib import Path

import psutil
import pytest
from typer.testing import CliRunner

from article_folders import seed_and_dev_articles
from kg import api
from kg.cli import app
from kg.parallel import build_batches

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "dev"
runner = CliRunner()


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    """The bundled seeds and six dev articles, each with its sidecar."""
    if not DEV.is_dir():
        pytest.skip("../shared/dev is not beside the project")
    folder = seed_and_dev_articles(tmp_path_factory.mktemp("parallel"))
    (folder / "empty.txt").write_text("", encoding="utf-8")  # a failure among them
    return folder


def _triples(results) -> list[set]:
    return [set(r.rdf()) if r.built else None for r in results]


@pytest.mark.slow
def test_parallel_jobs_2_turtle_identical_to_jobs_1(articles: Path, tmp_path: Path):
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}.ttl"
        res = runner.invoke(app, ["build", str(articles), "--jobs", jobs, "--out", str(out), "--no-html"])
        assert res.exit_code == 1, res.output  # the empty file is skipped
        assert [l for l in res.output.splitlines() if l.startswith("error:")] == [
            f"error: {articles / 'empty.txt'}: empty article (no text)"]
        assert "7 article(s)" in res.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


@pytest.mark.slow
def test_parallel_results_in_input_order_as_one_process(articles: Path):
    one = list(api.build_iter([articles], jobs=1))
    two = list(api.build_iter([articles], jobs=2))
    assert [(r.path, r.error, r.warnings) for r in two] == [(r.path, r.error, r.warnings) for r in one]
    assert _triples(two) == _triples(one)


@pytest.mark.slow
def test_parallel_killed_worker_fails_no_article(articles: Path):
    """Workers killed during a build: their batches are built again, every article still built."""
    one = list(api.build_iter([articles], jobs=1))
    api._nlp(None)
    batches = api.plan_batches([articles], batch_size=lambda n: 1)
    results = build_batches(batches, None, 2)
    got = [next(results)]
    workers = psutil.Process().children(recursive=True)
    assert workers
    for worker in workers:
        os.kill(worker.pid, signal.SIGKILL)
    got.extend(results)
    assert [(r.path, r.error) for r in got] == [(r.path, r.error) for r in one]
    assert _triples(got) == _triples(one)


def test_parallel_batch_sizes_keep_every_worker_busy():
    assert api.parallel_batch_size(7, 2) == 4
    assert api.parallel_batch_size(40, 2) == 10
    assert api.parallel_batch_size(10_000, 8) == api.PIPE_BATCH


def test_parallel_jobs_must_be_positive(tmp_path: Path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    res = runner.invoke(app, ["build", str(tmp_path / "a.txt"), "--jobs", "0", "--out", str(tmp_path / "g.ttl")])
    assert res.exit_code == 2
    assert res.output.strip() == "error: --jobs 0: give 1 or more worker processes"
