"""The command line, through typer's CliRunner, on real inputs."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()

ARTICLE = (
    "KYIV — Russian forces struck the city of Kharkiv with ballistic missiles on Monday, "
    "killing at least five civilians and injuring 23, regional officials said.\n"
)


@pytest.fixture(scope="module")
def small_graph(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("cli")
    (d / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = d / "g.ttl"
    res = runner.invoke(app, ["build", str(d / "a.txt"), "--published", "2024-06-12", "--out", str(out)])
    assert res.exit_code == 0, res.output
    return out


@pytest.mark.slow
def test_cli_build_batch_continues_past_bad_input(tmp_path: Path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    out = tmp_path / "out.ttl"
    res = runner.invoke(app, ["build", str(tmp_path), "--published", "2024-06-12", "--out", str(out), "--no-html"])
    assert res.exit_code == 1
    errors = [l for l in res.output.splitlines() if l.startswith("error:")]
    assert len(errors) == 2
    assert out.exists() and "nkg:Attack" in out.read_text()


@pytest.mark.slow
def test_cli_build_missing_file_one_line(tmp_path: Path):
    res = runner.invoke(app, ["build", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "x.ttl")])
    assert res.exit_code != 0
    assert "no such file" in res.output


def test_cli_build_bad_date(tmp_path: Path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    res = runner.invoke(app, ["build", str(tmp_path / "a.txt"), "--published", "18 April", "--out", str(tmp_path / "x.ttl")])
    assert res.exit_code == 2
    assert "YYYY-MM-DD" in res.output


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_cli_query_formats(small_graph: Path, fmt: str):
    res = runner.invoke(app, ["query", str(small_graph), "SELECT ?a WHERE { ?a a nkg:Attack }", "--format", fmt])
    assert res.exit_code == 0, res.output
    if fmt == "json":
        rows = json.loads(res.output)
        assert len(rows) == 1 and "a" in rows[0]
    elif fmt == "csv":
        assert res.output.splitlines()[0] == "a"
        assert len(res.output.splitlines()) == 2
    else:
        assert "1 row(s)" in res.output


@pytest.mark.slow
def test_cli_query_by_name_and_file(small_graph: Path):
    res = runner.invoke(app, ["query", str(small_graph), "--name", "attacks", "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert "Kharkiv" in res.output
    from kg.api import named_queries

    res = runner.invoke(app, ["query", str(small_graph), str(named_queries()["killed_by_city"]), "--format", "json"])
    rows = json.loads(res.output)
    assert rows[0]["city"] == "Kharkiv" and rows[0]["killedAtLeast"] == 5


@pytest.mark.slow
def test_cli_query_malformed_gives_parser_message(small_graph: Path):
    res = runner.invoke(app, ["query", str(small_graph), "SELECT ?a WHERE { ?a a }"])
    assert res.exit_code == 2
    assert res.output.startswith("error: bad query")
    assert len(res.output.strip().splitlines()) == 1


def test_cli_unparseable_graph(tmp_path: Path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix : <x> . this is not turtle", encoding="utf-8")
    res = runner.invoke(app, ["validate", str(bad)])
    assert res.exit_code == 2
    assert "not parseable" in res.output


@pytest.mark.slow
def test_cli_validate_stats_export_html(small_graph: Path, tmp_path: Path):
    assert runner.invoke(app, ["validate", str(small_graph)]).exit_code == 0
    res = runner.invoke(app, ["stats", str(small_graph), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["counts"]
    for fmt in ["graphml", "gexf", "json"]:
        target = tmp_path / f"g.{fmt}"
        res = runner.invoke(app, ["export", str(small_graph), "--to", fmt, "-o", str(target)])
        assert res.exit_code == 0, res.output
        assert target.stat().st_size > 0
    page = tmp_path / "p.html"
    res = runner.invoke(app, ["html", str(small_graph), "-o", str(page)])
    assert res.exit_code == 0 and page.exists()


FIXTURE = Path(__file__).parent / "fixtures" / "small.ttl"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _sparql_get(port: int, query: str) -> dict:
    url = f"http://127.0.0.1:{port}/?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Content-Type"].startswith("application/sparql-results+json")
        return json.loads(response.read().decode("utf-8"))


def test_cli_serve_answers_sparql_over_http(tmp_path: Path):
    pytest.importorskip("rdflib_endpoint")
    pytest.importorskip("uvicorn")
    port = _free_port()
    log = (tmp_path / "serve.log").open("w+", encoding="utf-8")
    server = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(FIXTURE), "--port", str(port)],
                              stdout=log, stderr=subprocess.STDOUT)
    try:
        query = ("SELECT ?place (COUNT(?a) AS ?attacks) WHERE { ?a a nkg:Attack ; nkg:location/rdfs:label ?place } "
                 "GROUP BY ?place ORDER BY ?place")
        deadline = time.monotonic() + 60
        while True:
            try:
                answer = _sparql_get(port, query)
                break
            except (urllib.error.URLError, ConnectionError):
                assert server.poll() is None, f"server exited: {log.seek(0) or log.read()}"
                assert time.monotonic() < deadline, "server did not answer within 60 s"
                time.sleep(0.2)
        assert answer["head"]["vars"] == ["place", "attacks"]
        rows = [(b["place"]["value"], int(b["attacks"]["value"])) for b in answer["results"]["bindings"]]
        assert rows == [("Drovny", 1), ("Tarsk", 1), ("Velmora", 1)]

        post = urllib.request.Request(
            f"http://127.0.0.1:{port}/", method="POST",
            data=urllib.parse.urlencode({"query": "ASK { ?d a nkg:Demand }"}).encode(),
            headers={"Accept": "application/sparql-results+json",
                     "Content-Type": "application/x-www-form-urlencoded"})
        with urllib.request.urlopen(post, timeout=10) as response:
            assert json.loads(response.read())["boolean"] is True

        update = urllib.request.Request(
            f"http://127.0.0.1:{port}/", method="POST", data=b"INSERT DATA { <urn:x> <urn:y> <urn:z> }",
            headers={"Content-Type": "application/sparql-update"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(update, timeout=10)
        assert refused.value.code == 403  # read-only
        assert _sparql_get(port, "SELECT * WHERE { <urn:x> ?p ?o }")["results"]["bindings"] == []
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def test_cli_serve_missing_graph(tmp_path: Path):
    res = runner.invoke(app, ["serve", str(tmp_path / "none.ttl"), "--port", "1"])
    assert res.exit_code == 2
    assert "no such file" in res.output
