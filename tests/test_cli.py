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

from interrupted import signal_when

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


# -- kg build on dirty inputs ------------------------------------------------------------------

OTHER = "Gunmen killed four herders near Menaka on Sunday, local officials said.\n"


def _lines(output: str, prefix: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(prefix)]


@pytest.mark.slow
def test_cli_build_dirty_feed_skips_reports_and_exits_partial(tmp_path: Path):
    import os

    feed = tmp_path / "feed"
    (feed / "day2").mkdir(parents=True)
    (feed / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (feed / "day2" / "good16.txt").write_bytes(OTHER.encode("utf-16"))
    (feed / "empty.txt").write_text("   \n", encoding="utf-8")
    (feed / "bin.txt").write_bytes(bytes(range(256)) * 8)
    (feed / "badmeta.txt").write_text("Clashes erupted in Juba.", encoding="utf-8")
    (feed / "badmeta.meta.json").write_text('{"published": "18/04/2025"}', encoding="utf-8")
    (feed / "loop.txt").symlink_to(feed / "loop.txt")
    os.mkfifo(feed / "pipe.txt")
    report = tmp_path / "failures.jsonl"
    out = tmp_path / "out" / "g.ttl"
    res = runner.invoke(app, ["build", str(feed), str(tmp_path / "gone.txt"), "--out", str(out),
                              "--no-html", "--report", str(report)])
    assert res.exit_code == 1, res.output
    errors = _lines(res.output, "error:")
    assert len(errors) == 6
    assert all(str(tmp_path) in line for line in errors)
    skipped = _lines(res.output, "skipped:")
    assert [s.removeprefix("skipped: ") for s in skipped] == [e.removeprefix("error: ") for e in errors]
    assert _lines(res.output, "summary:") == ["summary: 2 built, 6 skipped, 0 warning(s); skipped:"]
    rows = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert sorted(Path(r["input"]).name for r in rows) == sorted(
        ["gone.txt", "loop.txt", "bin.txt", "badmeta.txt", "empty.txt", "pipe.txt"])
    assert {r["status"] for r in rows} == {"skipped"}
    text = out.read_text(encoding="utf-8")
    assert "Kharkiv" in text and "Menaka" in text


@pytest.mark.slow
@pytest.mark.parametrize("content, message", [
    (b"", "empty article"),
    (b"\x00\x01\x02\x03" * 100, "binary data"),
])
def test_cli_build_single_bad_document_fails(tmp_path: Path, content: bytes, message: str):
    p = tmp_path / "one.txt"
    p.write_bytes(content)
    out = tmp_path / "g.ttl"
    res = runner.invoke(app, ["build", str(p), "--out", str(out)])
    assert res.exit_code == 2
    errors = _lines(res.output, "error:")
    assert errors[0] == f"error: {p}: {message}" or errors[0].startswith(f"error: {p}: {message}")
    assert errors[-1] == "error: no article could be built; nothing written"
    assert not out.exists()


@pytest.mark.slow
def test_cli_build_error_lines_are_not_wrapped(tmp_path: Path):
    deep = tmp_path / ("a-rather-long-folder-name-" * 6) / "missing-article-with-a-long-name.txt"
    res = runner.invoke(app, ["build", str(deep), "--out", str(tmp_path / "g.ttl")], terminal_width=40)
    assert f"error: {deep}: no such file or folder" in res.output.splitlines()


@pytest.mark.parametrize("out, message", [
    ("g.html", "not a graph file"),
    ("graph.txt", "not a graph file"),
    ("g.ttl.html", "not a graph file"),
])
def test_cli_build_out_must_be_a_graph(tmp_path: Path, out: str, message: str):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    res = runner.invoke(app, ["build", str(tmp_path / "a.txt"), "--out", str(tmp_path / out)])
    assert res.exit_code == 2
    assert len(res.output.strip().splitlines()) == 1 and message in res.output
    assert not (tmp_path / out).exists()


@pytest.mark.slow
def test_cli_build_outputs_replaced_together_with_usual_permissions(tmp_path: Path):
    import os
    import stat

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "o" / "g.ttl"
    old = os.umask(0o027)
    try:
        res = runner.invoke(app, ["build", str(tmp_path / "a.txt"), "--out", str(out)])
    finally:
        os.umask(old)
    assert res.exit_code == 0, res.output
    page = out.with_suffix(".html")
    for f in (out, page):
        assert stat.S_IMODE(f.stat().st_mode) == 0o640
    assert sorted(p.name for p in out.parent.iterdir()) == ["g.html", "g.ttl"]  # no temporary left
    # a folder as --out gets graph.ttl and graph.html
    res = runner.invoke(app, ["build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "dir")])
    assert res.exit_code == 0 and (tmp_path / "dir" / "graph.ttl").exists() and (tmp_path / "dir" / "graph.html").exists()


@pytest.mark.slow
def test_cli_build_unwritable_output_keeps_previous(tmp_path: Path, monkeypatch):
    from kg import api

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "g.ttl"
    out.write_text("previous", encoding="utf-8")
    out.with_suffix(".html").write_text("previous page", encoding="utf-8")
    real_replace = api.os.replace

    def full_disk(src, dst):
        if str(dst).endswith(".ttl"):
            raise OSError(28, "No space left on device", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(api.os, "replace", full_disk)
    res = runner.invoke(app, ["build", str(tmp_path / "a.txt"), "--out", str(out), "--no-html"])
    assert res.exit_code == 3
    assert _lines(res.output, "error:") == [f"error: {out}: cannot write (No space left on device); "
                                             f"the previous outputs are left as they were"]
    assert out.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "g.html", "g.ttl"]


@pytest.mark.slow
def test_cli_build_same_text_two_dates_is_one_document(tmp_path: Path):
    for name, day in [("a", "2024-06-12"), ("b", "2024-06-10")]:
        (tmp_path / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
        (tmp_path / f"{name}.meta.json").write_text(f'{{"published": "{day}"}}', encoding="utf-8")
    out = tmp_path / "g.ttl"
    res = runner.invoke(app, ["build", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--out", str(out), "--no-html"])
    assert res.exit_code == 0, res.output
    assert _lines(res.output, "warning:") == [
        f"warning: {tmp_path / 'a.txt'}: same text as {tmp_path / 'b.txt'}; built once, published 2024-06-10"]
    from kg import api

    g = api.load(out)
    assert api.query(g, "SELECT ?d ?p WHERE { ?d a nkg:Document ; nkg:published ?p }").shape[0] == 1
    assert api.validate(g)[0]
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0


@pytest.mark.slow
def test_cli_build_future_published_warns(tmp_path: Path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    res = runner.invoke(app, ["build", str(tmp_path / "a.txt"), "--published", "2199-01-01",
                              "--out", str(tmp_path / "g.ttl"), "--no-html"])
    assert res.exit_code == 0
    assert _lines(res.output, "warning:") == ["warning: --published: publication date 2199-01-01 is in the future; kept as given"]


@pytest.mark.slow
def test_cli_build_killed_while_writing_leaves_previous_outputs(tmp_path: Path):
    """A build stopped (Ctrl-C) or killed while its outputs are being written leaves the previous
    graph and page as they were (after Ctrl-C, no temporary file either); a re-run completes."""
    import os
    import signal

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    graph, page = out_dir / "g.ttl", out_dir / "g.html"
    cmd = [sys.executable, "-m", "kg.cli", "build", str(tmp_path / "a.txt"), "--published", "2024-06-12",
           "--out", str(graph)]

    def writing() -> bool:  # a temporary output file is there
        return any(p.name.endswith(".tmp") for p in out_dir.iterdir())

    for sig in (signal.SIGINT, signal.SIGKILL):
        for _attempt in range(10):  # the signal may come after the last write on a busy machine: again
            graph.write_text("# previous graph\n", encoding="utf-8")
            page.write_text("<p>previous page</p>", encoding="utf-8")
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if signal_when(proc, writing, sig, timeout=120, poll=0.0005) != 0:
                break
        assert proc.returncode != 0
        assert graph.read_text(encoding="utf-8") == "# previous graph\n"
        assert page.read_text(encoding="utf-8") == "<p>previous page</p>"
        if sig == signal.SIGINT:
            assert sorted(p.name for p in out_dir.iterdir()) == ["g.html", "g.ttl"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Kharkiv" in graph.read_text(encoding="utf-8") and "vis-network" in page.read_text(encoding="utf-8")
    assert os.stat(graph).st_mode == os.stat(page).st_mode


GAPS = ('SELECT ?n ?m ?label WHERE { VALUES (?n ?m ?label) '
        '{ (99 UNDEF "a") (UNDEF 2.5 UNDEF) (1000000 3 "c") } }')


@pytest.mark.slow
def test_cli_query_counts_stay_integers_in_csv_and_json(small_graph: Path):
    res = runner.invoke(app, ["query", str(small_graph), GAPS, "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert res.output.splitlines() == ["n,m,label", "99,,a", ",2.5,", "1000000,3,c"]
    res = runner.invoke(app, ["query", str(small_graph), GAPS, "--format", "json"])
    assert json.loads(res.output) == [{"n": 99, "m": None, "label": "a"}, {"n": None, "m": 2.5, "label": None},
                                      {"n": 1000000, "m": 3, "label": "c"}]
    res = runner.invoke(app, ["query", str(small_graph), GAPS])
    assert res.exit_code == 0 and "3 row(s)" in res.output


@pytest.mark.slow
@pytest.mark.parametrize("args, message", [
    (["SELECT ?a WHERE { ?a a }"], "error: bad query: "),
    (["INSERT DATA { <urn:a> <urn:b> <urn:c> }"], "error: updates are refused"),
    (["missing.rq"], "error: missing.rq: no such query file"),
    (["SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"], "error: SERVICE http://example.org/sparql is refused"),
    (["SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }", "--timeout", "1"],
     "error: query stopped after the time limit of 1 s"),
])
def test_cli_query_refusals_are_one_line(small_graph: Path, args: list[str], message: str):
    res = runner.invoke(app, ["query", str(small_graph), *args])
    assert res.exit_code == 2
    lines = res.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(message), res.output


@pytest.mark.slow
def test_cli_query_limit_says_rows_were_left_out(small_graph: Path):
    res = runner.invoke(app, ["query", str(small_graph), "SELECT * WHERE { ?s ?p ?o }", "--limit", "3", "--format", "csv"])
    assert res.exit_code == 0
    warning = "warning: only the first 3 rows are shown (--limit); the query has more"
    assert warning in res.output.splitlines()
    import csv
    import io

    rows = list(csv.reader(io.StringIO(res.output.replace(warning + "\n", ""))))
    assert sorted(rows[0]) == ["o", "p", "s"] and len(rows) == 4


@pytest.mark.parametrize("args, message", [
    (["html", "GRAPH", "-o", "GRAPH"], "the page must be a .html file"),
    (["html", "GRAPH", "-o", "page.txt"], "the page must be a .html file"),
    (["export", "GRAPH", "--to", "graphml", "-o", "GRAPH"], "would overwrite a graph file"),
])
def test_cli_views_never_overwrite_the_graph(tmp_path: Path, args: list[str], message: str):
    graph = tmp_path / "g.ttl"
    graph.write_bytes(FIXTURE.read_bytes())
    res = runner.invoke(app, [str(graph) if a == "GRAPH" else str(tmp_path / a) if "." in a else a for a in args])
    assert res.exit_code == 2 and message in res.output
    assert graph.read_bytes() == FIXTURE.read_bytes()


@pytest.mark.slow
def test_cli_build_out_inside_a_file_is_one_line(tmp_path: Path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "file.txt").write_text("not a folder", encoding="utf-8")
    res = runner.invoke(app, ["build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "file.txt" / "g.ttl")])
    assert res.exit_code == 3
    assert _lines(res.output, "error:") == [f"error: {tmp_path / 'file.txt'}: cannot write (a file, not a folder); "
                                             f"the previous outputs are left as they were"]


def test_cli_unexpected_error_is_one_line(tmp_path: Path, monkeypatch, capsys):
    from kg import api, cli

    def broken(_path):
        raise RuntimeError("disk\nsaid no")

    monkeypatch.setattr(api, "load", broken)
    monkeypatch.setattr(sys, "argv", ["kg", "stats", str(FIXTURE)])
    monkeypatch.delenv("NEWSKG_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exc:
        cli.main()
    assert exc.value.code == 70
    err = capsys.readouterr().err
    assert err.splitlines() == ["error: unexpected RuntimeError: disk said no (a bug: please report it with the "
                                "input; NEWSKG_DEBUG=1 shows the traceback)"]


def test_cli_usage_errors_are_plain_lines(tmp_path: Path):
    res = runner.invoke(app, ["build", "--bogus", "x"], terminal_width=30)
    assert res.exit_code == 2
    assert "Error: No such option: --bogus" in res.output.replace("\n", " ")
    assert "╭" not in res.output
