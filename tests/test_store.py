"""The graph store (``kg build --store``), on a real Oxigraph store and real articles."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pandas as pd
import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg import api, store
from kg.cli import app

from interrupted import signal_when

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "dev"
SPEC_QUERIES = ROOT.parent / "shared" / "spec" / "queries"
runner = CliRunner()


def _dev_articles(folder: Path, names: list[str]) -> Path:
    """Copy dev articles into ``folder``, each with a sidecar giving its publication date."""
    folder.mkdir(parents=True, exist_ok=True)
    for txt in names:
        src = DEV / txt
        gold = json.loads(src.with_suffix(".gold.json").read_text(encoding="utf-8"))
        (folder / txt).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
        (folder / (src.stem + ".meta.json")).write_text(json.dumps({"published": gold["published"]}), encoding="utf-8")
    return folder


def _dev_names() -> list[str]:
    if not DEV.is_dir():
        pytest.skip("../shared/dev is not beside the project")
    return sorted(p.name for p in DEV.glob("*.txt"))


def _dump(path: Path) -> list[str]:
    """The store's triples as sorted N-Triples lines."""
    dump = store.open_read(path).dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    return sorted(dump.decode("utf-8").splitlines())


def _rows(df: pd.DataFrame) -> list[tuple[str, ...]]:
    """A query's rows as text, sorted (the order of rows is the query's only under ORDER BY)."""
    return sorted(tuple("" if v is None or v is pd.NA else str(v) for v in row) for row in df.itertuples(index=False))


def _cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", *args], capture_output=True,
                          text=True, timeout=600, cwd=cwd, env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """Six dev articles: a store built in two halves (the second with --out: the whole store's
    graph), and the Turtle file of one ordinary build of all six."""
    names = _dev_names()[:6]
    d = tmp_path_factory.mktemp("store")
    first = _dev_articles(d / "first", names[:3])
    second = _dev_articles(d / "second", names[3:])
    folder = d / "graph-store"
    res = runner.invoke(app, ["build", str(first), "--store", str(folder)])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["build", str(second), "--store", str(folder), "--out", str(d / "store.ttl")])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["build", str(first), str(second), "--out", str(d / "plain.ttl")])
    assert res.exit_code == 0, res.output
    return {"store": folder, "store_ttl": d / "store.ttl", "plain_ttl": d / "plain.ttl", "first": first,
            "second": second, "dir": d}


@pytest.mark.slow
def test_store_build_without_out_writes_no_graph_file(tmp_path: Path):
    folder = _dev_articles(tmp_path / "in", _dev_names()[:1])
    res = _cli("build", str(folder), "--store", str(tmp_path / "s"), cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "1 new document(s) -> store" in res.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "s"]  # no out/graph.ttl, no page


@pytest.mark.slow
def test_store_two_builds_give_the_graph_of_one(built):
    """Two builds into the store give the graph one build of all the articles gives (labels that
    the documents disagree on merged across builds as within one)."""
    assert built["store_ttl"].read_bytes() == built["plain_ttl"].read_bytes()
    g = api.store_graph(api.open_store(built["store"]))
    from rdflib.compare import isomorphic

    assert isomorphic(g, api.load(built["plain_ttl"]))


def _shipped_queries() -> list[Path]:
    return sorted(p for p in (ROOT / "kg" / "queries").glob("*.rq")) + sorted(SPEC_QUERIES.glob("*.rq"))


@pytest.mark.slow
@pytest.mark.parametrize("rq", _shipped_queries(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_store_shipped_queries_same_rows_as_turtle(built, rq: Path):
    text = rq.read_text(encoding="utf-8")
    on_store = api.query(api.open_store(built["store"]), text)
    on_file = api.query(api.load(built["store_ttl"]), text)
    assert list(on_store.columns) == list(on_file.columns)
    assert _rows(on_store) == _rows(on_file)


@pytest.mark.slow
def test_store_readding_same_corpus_changes_nothing(built, tmp_path: Path):
    before = _dump(built["store"])
    pointer = (built["store"] / store.POINTER).read_text(encoding="utf-8")
    res = runner.invoke(app, ["build", str(built["first"]), str(built["second"]), "--store", str(built["store"])])
    assert res.exit_code == 0, res.output
    assert res.output.count("already in the store") == 7  # six warnings and the summary
    assert "0 new document(s)" in res.output and "+0 triples" in res.output
    assert _dump(built["store"]) == before
    assert (built["store"] / store.POINTER).read_text(encoding="utf-8") == pointer


@pytest.mark.slow
@pytest.mark.parametrize("command", [
    ["stats", "--json"],
    ["query", "-n", "people", "-f", "csv"],
    ["query", "-n", "attacks", "-f", "json"],
    ["export", "--to", "graphml"],
    ["export", "--to", "json", "--projection", "rdf"],
    ["html"],
])
def test_store_commands_agree_with_turtle(built, tmp_path: Path, command: list[str]):
    outputs = []
    for source in (["--store", str(built["store"])], [str(built["store_ttl"])]):
        args = [*command[:1], *source, *command[1:]]
        written = None
        if command[0] in {"export", "html"}:
            written = tmp_path / f"{len(outputs)}.{'html' if command[0] == 'html' else command[2]}"
            args += ["--output", str(written)]
        res = runner.invoke(app, args)
        assert res.exit_code == 0, res.output
        outputs.append(written.read_bytes() if written else res.stdout)
    assert outputs[0] == outputs[1]


def _sparql_get(port: int, query: str) -> bytes:
    url = f"http://127.0.0.1:{port}/?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()


def _serve(args: list[str], log: Path) -> tuple[subprocess.Popen, int]:
    fh = log.open("w+", encoding="utf-8")
    server = subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", "serve", *args, "--port", "0"],
                              stdout=fh, stderr=subprocess.STDOUT, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    deadline = time.monotonic() + 90
    while "http://127.0.0.1:" not in log.read_text(encoding="utf-8"):
        assert server.poll() is None, f"server exited: {log.read_text(encoding='utf-8')}"
        assert time.monotonic() < deadline, "server did not start within 90 s"
        time.sleep(0.1)
    port = int(log.read_text(encoding="utf-8").split("http://127.0.0.1:")[1].split("/")[0])
    return server, port


@pytest.mark.slow
def test_store_serve_answers_as_the_file(built, tmp_path: Path):
    query = (ROOT / "kg" / "queries" / "people.rq").read_text(encoding="utf-8")
    answers = []
    for n, source in enumerate((["--store", str(built["store"])], [str(built["store_ttl"])])):
        server, port = _serve(source, tmp_path / f"serve{n}.log")
        try:
            answers.append(_sparql_get(port, query))
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=30)
    assert answers[0] == answers[1]
    assert answers[0].count(b"\n") > 5


def test_store_needs_exactly_one_source(tmp_path: Path):
    res = runner.invoke(app, ["stats"])
    assert res.exit_code == 2 and "exactly one" in res.output
    res = runner.invoke(app, ["stats", str(tmp_path / "g.ttl"), "--store", str(tmp_path)])
    assert res.exit_code == 2 and "exactly one" in res.output
    res = runner.invoke(app, ["query", "--store", str(tmp_path / "none"), "-n", "people"])
    assert res.exit_code == 2
    assert res.output.strip().splitlines() == [f"error: --store {tmp_path / 'none'}: no such store "
                                               f"(kg build --store {tmp_path / 'none'} creates it)"]


def test_store_refuses_a_folder_that_is_not_a_store(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    res = runner.invoke(app, ["build", str(tmp_path / "a.txt"), "--store", str(tmp_path)])
    assert res.exit_code == 2
    assert "not a newskg store" in res.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "notes.txt"]


@pytest.mark.slow
def test_store_concurrent_build_refused(built, tmp_path: Path):
    before = _dump(built["store"])
    with store.building(built["store"]):
        res = runner.invoke(app, ["build", str(built["first"]), "--store", str(built["store"])])
    assert res.exit_code == 2
    lines = res.output.strip().splitlines()
    assert lines == [f"error: --store {built['store']}: another build is writing to this store (pid {os.getpid()}); "
                     f"try again when it has ended"]
    assert _dump(built["store"]) == before


@pytest.mark.slow
def test_store_failed_build_leaves_store_as_it_was(built, tmp_path: Path):
    before = _dump(built["store"])
    entries = sorted(p.name for p in built["store"].iterdir())
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    res = runner.invoke(app, ["build", str(tmp_path / "empty.txt"), "--store", str(built["store"])])
    assert res.exit_code == 2
    assert "error: no article could be built; nothing written" in res.output
    assert _dump(built["store"]) == before
    assert sorted(p.name for p in built["store"].iterdir()) == entries


def _feed(path: Path, copies: int) -> Path:
    """A JSON Lines feed of every dev article, ``copies`` times (each copy a different text)."""
    lines = []
    for n in range(copies):
        for txt in _dev_names():
            text = (DEV / txt).read_text(encoding="utf-8")
            if n:
                text += f"\n\n(Copy {n} of this report.)\n"
            lines.append(json.dumps({"id": f"{Path(txt).stem}-{n}", "text": text, "published": "2025-01-01"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
def test_store_build_killed_mid_run_leaves_store_as_it_was(tmp_path: Path):
    """A build stopped (Ctrl-C) or killed (SIGKILL) once it has written documents into its copy
    of the store leaves the store's triples as they were; a re-run completes the work."""
    folder = tmp_path / "s"
    first = _dev_articles(tmp_path / "first", _dev_names()[:2])
    assert _cli("build", str(first), "--store", str(folder)).returncode == 0
    before = _dump(folder)
    feed = _feed(tmp_path / "feed.jsonl", 2)  # 48 articles: two batches
    cmd = [sys.executable, "-c", "from kg.cli import main; main()", "build", str(feed), str(first), "--store", str(folder)]
    for sig in (signal.SIGINT, signal.SIGKILL):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                                env={**os.environ, "PYTHONPATH": str(ROOT)})
        current = store.current_generation(folder).name

        def written() -> bool:  # the copy's write-ahead log holds a first batch
            return any(log.stat().st_size > 0 for gen in folder.glob(store.GENERATION + "*")
                       if gen.name != current for log in gen.glob("*.log"))

        assert signal_when(proc, written, sig, timeout=300, poll=0.01) != 0
        assert _dump(folder) == before
        assert store.current_generation(folder).name == current
        if sig == signal.SIGINT:
            assert "error: interrupted; the store" in proc.stderr.read()
            assert sorted(p.name for p in folder.iterdir()) == sorted([store.LOCK, store.POINTER, current])
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    # the feed's first copies of the two stored articles are the same texts: not built again
    assert "46 new document(s)" in done.stderr and "2 already in the store" in done.stderr
    documents = api.query(api.open_store(folder), "SELECT (COUNT(?d) AS ?n) WHERE { ?d a nkg:Document }")
    assert int(documents.iloc[0, 0]) == 48
    assert len(_dump(folder)) > len(before)
