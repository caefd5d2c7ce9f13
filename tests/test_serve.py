"""The SPARQL endpoint and the query limits, with real HTTP requests to 127.0.0.1."""

from __future__ import annotations

import http.client
import json
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

from kg import api
from kg.serve import EndpointConfig, make_server, negotiate
from kg.sparql import QueryRefused, check_query, make_store
from kg.vocab import PREFIXES

FIXTURE = Path(__file__).parent / "fixtures" / "small.ttl"
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


@pytest.fixture(scope="module")
def endpoint():
    """A server on a free port in this process: (host:port, config)."""
    graph = api.load(FIXTURE)
    store = make_store(graph.serialize(format="nt", encoding="utf-8"))
    server = make_server(store, {k: str(v) for k, v in PREFIXES.items()},
                         EndpointConfig(host="127.0.0.1", port=0, timeout=2.0, workers=2))
    port = server.server_address[1]
    config = EndpointConfig(host="127.0.0.1", port=port, timeout=2.0, workers=2)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    yield f"127.0.0.1:{port}", config
    server.shutdown()
    server.server_close()


def request(address: str, method: str, path: str, body: bytes | None = None,
            headers: dict[str, str] | None = None, timeout: float = 20) -> tuple[int, str, bytes]:
    host, port = address.split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, resp.getheader("Content-Type") or "", resp.read()
    finally:
        conn.close()


def get(address: str, query: str, **headers) -> tuple[int, str, bytes]:
    return request(address, "GET", "/?" + urllib.parse.urlencode({"query": query}),
                   headers={k.replace("_", "-"): v for k, v in headers.items()})


def test_serve_select_ask_construct_in_negotiated_formats(endpoint):
    address, _ = endpoint
    status, media, body = get(address, "SELECT ?p WHERE { ?a a nkg:Attack ; nkg:location/rdfs:label ?p } ORDER BY ?p",
                              Accept="application/sparql-results+json")
    assert status == 200 and media.startswith("application/sparql-results+json")
    assert [b["p"]["value"] for b in json.loads(body)["results"]["bindings"]] == ["Drovny", "Tarsk", "Velmora"]
    status, media, body = get(address, "SELECT ?p WHERE { ?a a nkg:Attack ; nkg:location/rdfs:label ?p } ORDER BY ?p",
                              Accept="text/csv")
    assert media.startswith("text/csv") and body.decode().split() == ["p", "Drovny", "Tarsk", "Velmora"]
    status, _, body = request(address, "POST", "/", b"ASK { ?d a nkg:Demand }",
                              {"Content-Type": "application/sparql-query"})
    assert status == 200 and json.loads(body)["boolean"] is True
    status, media, body = get(address, "CONSTRUCT { ?a a nkg:Attack } WHERE { ?a a nkg:Attack }")
    assert status == 200 and media.startswith("text/turtle") and body.count(b"Attack") == 3


@pytest.mark.parametrize("method, body, headers, code, message", [
    ("POST", b"update=INSERT+DATA+%7B%3Curn%3Aa%3E+%3Curn%3Ab%3E+%3Curn%3Ac%3E%7D",
     {"Content-Type": "application/x-www-form-urlencoded"}, 403, "updates are refused"),
    ("POST", b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", {"Content-Type": "application/sparql-update"},
     403, "updates are refused"),
    ("POST", b"DROP ALL", {"Content-Type": "application/sparql-query"}, 403, "updates are refused"),
    ("POST", b"SELECT * WHERE { SERVICE <http://169.254.169.254/latest/> { ?s ?p ?o } }",
     {"Content-Type": "application/sparql-query"}, 403, "SERVICE http://169.254.169.254/latest/ is refused"),
    ("POST", b"SELECT * WHERE { SERVICE SILENT ?where { ?s ?p ?o } }",
     {"Content-Type": "application/sparql-query"}, 403, "SERVICE a variable is refused"),
    ("POST", b"SELECT ?a WHERE { ?a a }", {"Content-Type": "application/sparql-query"}, 400, "bad query: "),
    ("POST", b"x" * 1_000_001, {"Content-Type": "application/sparql-query"}, 413, "over the limit"),
    ("POST", b"ASK {}", {"Content-Type": "text/plain"}, 415, "application/sparql-query"),
    ("GET", None, {"Host": "attacker.example:80"}, 403, "unknown Host"),
    ("POST", b"query=ASK%7B%7D", {"Content-Type": "application/x-www-form-urlencoded",
                                  "Origin": "http://attacker.example"}, 403, "another web site"),
    ("POST", b"query=ASK%7B%7D", {"Content-Type": "application/x-www-form-urlencoded",
                                  "Sec-Fetch-Site": "cross-site"}, 403, "another web site"),
])
def test_serve_refuses_with_one_line(endpoint, method, body, headers, code, message):
    address, _ = endpoint
    path = "/?query=ASK%7B%7D" if method == "GET" else "/"
    if "Host" not in headers:
        headers = {**headers, "Host": address}
    status, media, answer = request(address, method, path, body, headers)
    assert status == code
    text = answer.decode("utf-8")
    assert message in text and len(text.strip().splitlines()) == 1


def test_serve_accepts_its_own_names_and_origin(endpoint):
    address, config = endpoint
    for host in (address, f"localhost:{config.port}"):
        status, _, body = request(address, "POST", "/", b"query=ASK%7B%7D",
                                  {"Host": host, "Origin": f"http://{host}",
                                   "Content-Type": "application/x-www-form-urlencoded"})
        assert status == 200 and json.loads(body)["boolean"] is True


def test_serve_time_limit_and_concurrent_requests(endpoint):
    address, _ = endpoint
    slow: dict[str, object] = {}

    def run_slow():
        started = time.monotonic()
        slow["answer"] = get(address, CROSS)
        slow["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=run_slow)
    thread.start()
    time.sleep(0.3)
    started = time.monotonic()
    status, _, body = get(address, "ASK { ?a a nkg:Attack }")
    assert status == 200 and json.loads(body)["boolean"] is True
    assert time.monotonic() - started < 1.5  # not queued behind the slow query
    thread.join(30)
    status, _, body = slow["answer"]
    assert status == 503 and b"time limit of 2 s" in body
    assert slow["seconds"] < 10


def test_serve_form_page_escapes_examples():
    from kg.serve import _form_page

    page = _form_page({"x": "SELECT * WHERE { ?s ?p \"</option><script>alert(1)</script>\" }"}).decode()
    assert "<script>alert" not in page


@pytest.mark.parametrize("accept, expected", [
    (None, "application/sparql-results+json"),
    ("text/csv", "text/csv"),
    ("text/html, text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    ("*/*", "application/sparql-results+json"),
])
def test_serve_negotiate(accept, expected):
    from kg.serve import RESULT_TYPES

    assert negotiate(accept, RESULT_TYPES, "application/sparql-results+json")[0] == expected


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_ctrl_c_stops_during_a_long_query(tmp_path: Path):
    port = _free_port()
    log = (tmp_path / "serve.log").open("w+", encoding="utf-8")
    server = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(FIXTURE), "--port", str(port),
                               "--timeout", "600"], stdout=log, stderr=subprocess.STDOUT)
    address = f"127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if get(address, "ASK {}", Host=address)[0] == 200:
                    break
            except OSError:
                assert server.poll() is None, f"server exited: {log.seek(0) or log.read()}"
                assert time.monotonic() < deadline, "server did not answer within 60 s"
                time.sleep(0.2)
        waiting = threading.Thread(target=lambda: _swallow(lambda: get(address, CROSS, Host=address)), daemon=True)
        waiting.start()
        time.sleep(1.0)
        started = time.monotonic()
        server.send_signal(signal.SIGINT)
        server.wait(timeout=10)
        assert time.monotonic() - started < 5
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        log.close()


def _swallow(fn) -> None:
    try:
        fn()
    except OSError:
        pass


# -- kg query: refusals, time limit, row cap -------------------------------------------------

@pytest.mark.parametrize("query, message", [
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "updates are refused"),
    ("PREFIX ex: <http://example.org/> # a comment\nDELETE WHERE { ?s ex:p ?o }", "updates are refused"),
    ("LOAD <http://example.org/data.ttl>", "updates are refused"),
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:8000/> { ?s ?p ?o } }", "SERVICE http://127.0.0.1:8000/ is refused"),
])
def test_serve_check_query_refuses(query, message):
    with pytest.raises(QueryRefused, match=message):
        check_query(query)


@pytest.mark.parametrize("query", [
    "SELECT ?service WHERE { ?service a <http://example.org/SERVICE> }",
    'SELECT ?x WHERE { ?x rdfs:label "INSERT DATA SERVICE" }',
    "# DELETE everything\nSELECT * WHERE { ?s ?p ?o } LIMIT 1",
])
def test_serve_check_query_lets_read_queries_through(query):
    check_query(query)


def test_serve_allowed_service_prefix():
    check_query("SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }",
                allow_service=["https://query.wikidata.org/"])


def test_serve_query_timeout_and_limit():
    graph = api.load(FIXTURE)
    started = time.monotonic()
    with pytest.raises(QueryRefused, match="time limit of 1 s"):
        api.query(graph, CROSS, timeout=1)
    assert time.monotonic() - started < 8
    df = api.query(graph, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", limit=5, timeout=20)
    assert len(df) == 5 and df.attrs["truncated"] is True
    df = api.query(graph, "SELECT ?s WHERE { ?s a nkg:Attack }", limit=5, timeout=20)
    assert len(df) == 3 and df.attrs["truncated"] is False


def test_serve_query_memory_limit(capfd):
    graph = api.load(FIXTURE)
    started = time.monotonic()
    with pytest.raises(QueryRefused, match="memory limit of 200 MB"):
        api.query(graph, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?c ?f ?i ?l",
                  timeout=60, memory_mb=200)
    assert time.monotonic() - started < 30
    assert "memory allocation" not in capfd.readouterr().err  # the engine's own report stays hidden
