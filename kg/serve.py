"""A read-only SPARQL 1.1 endpoint over a graph, on the standard library's threading HTTP server.

It follows the SPARQL 1.1 Protocol for queries (``GET ?query=``, ``POST`` as a form
or as ``application/sparql-query``) and answers in the format asked for
(``Accept``: SPARQL results in JSON, XML, CSV or TSV; Turtle, N-Triples, RDF/XML or
JSON-LD for ``CONSTRUCT``/``DESCRIBE``). Opened in a browser it shows a small
query form with the shipped queries as examples.

Safe to leave running on a workstation:

* read-only: updates are answered ``403`` "updates are refused";
* no ``SERVICE`` calls (the server would fetch any address a query names) unless
  the IRI starts with a prefix given with ``allow_service``;
* every query runs in a forked process that is killed after ``timeout`` seconds or
  when it needs more than ``memory_mb`` of memory
  (``503``), at most ``workers`` at a time; other requests are served meanwhile;
* request bodies over :data:`MAX_BODY` bytes are refused (``413``);
* a request whose ``Host`` is not the server's own name (DNS rebinding), or that a
  browser sends from another site (``Origin``, ``Sec-Fetch-Site``), is refused (``403``);
* Ctrl-C stops it at once, running queries included.
"""

from __future__ import annotations

import html
import threading
import urllib.parse
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Sequence

from kg.sparql import QueryRefused, check_query, run_limited

MAX_BODY = 1_000_000  # bytes
RESULT_TYPES = {  # media type -> pyoxigraph QueryResultsFormat name
    "application/sparql-results+json": "JSON", "application/json": "JSON",
    "application/sparql-results+xml": "XML", "application/xml": "XML",
    "text/csv": "CSV", "text/tab-separated-values": "TSV",
}
GRAPH_TYPES = {  # media type -> pyoxigraph RdfFormat name
    "text/turtle": "TURTLE", "application/n-triples": "N_TRIPLES",
    "application/rdf+xml": "RDF_XML", "application/ld+json": "JSON_LD",
}
LOCAL_NAMES = ("127.0.0.1", "localhost", "[::1]", "::1")


@dataclass(frozen=True)
class EndpointConfig:
    host: str = "127.0.0.1"
    port: int = 8000
    timeout: float = 30.0  # seconds per query
    workers: int = 4  # queries evaluated at the same time
    allow_service: tuple[str, ...] = ()  # IRI prefixes SERVICE may call
    allow_hosts: tuple[str, ...] = ()  # further names the server may be reached by
    memory_mb: int = 1024  # memory a query may take
    examples: dict[str, str] = field(default_factory=dict)

    def host_allowed(self, host_header: str | None) -> bool:
        if not host_header:
            return False
        name = host_header.strip().lower()
        if name.startswith("["):
            name = name[: name.find("]") + 1]
        elif name.count(":") == 1:
            name, _, port = name.partition(":")
            if port != str(self.port):
                return False
        names = {*LOCAL_NAMES, self.host.lower(), *(h.lower() for h in self.allow_hosts)}
        return name in names

    def origin_allowed(self, origin: str | None) -> bool:
        if origin is None:
            return True  # not sent by a browser (curl, scripts) or a same-origin GET
        parts = urllib.parse.urlsplit(origin)
        return parts.scheme in {"http", "https"} and self.host_allowed(parts.netloc)


def negotiate(accept: str | None, kinds: dict[str, str], default: str) -> tuple[str, str]:
    """The (media type, format name) to answer in, from an ``Accept`` header."""
    ranked = []
    for n, item in enumerate((accept or "").split(",")):
        media, *params = [p.strip() for p in item.split(";")]
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        ranked.append((-q, n, media.lower()))
    for _, _, media in sorted(ranked):
        if media in kinds:
            return media, kinds[media]
    return default, kinds[default]


def evaluate_serialized(store, query: str, prefixes: dict[str, str], accept: str | None) -> tuple[str, bytes]:
    """(media type, body) of a query's answer in the format ``accept`` asks for."""
    import pyoxigraph as ox

    try:
        result = store.query(query, prefixes=prefixes)
    except SyntaxError as exc:
        raise QueryRefused(" ".join(str(exc).split())) from None
    if isinstance(result, ox.QueryTriples):
        media, name = negotiate(accept, GRAPH_TYPES, "text/turtle")
        return media + "; charset=utf-8", result.serialize(format=getattr(ox.RdfFormat, name))
    media, name = negotiate(accept, RESULT_TYPES, "application/sparql-results+json")
    return media + "; charset=utf-8", result.serialize(format=getattr(ox.QueryResultsFormat, name))


def _form_page(examples: dict[str, str]) -> bytes:
    options = "".join(f'<option value="{html.escape(q, quote=True)}">{html.escape(name)}</option>'
                      for name, q in sorted(examples.items()))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>newskg SPARQL endpoint</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto}}textarea{{width:100%;height:16em;font-family:monospace}}</style>
</head><body><h1>newskg SPARQL endpoint</h1>
<p>Read-only SPARQL 1.1; the project's prefixes (<code>nkg:</code>, <code>rdfs:</code>, <code>skos:</code>...) are predeclared.</p>
<form method="get" action="/"><p><label>Example: <select onchange="this.form.query.value=this.value">
<option value="">(choose)</option>{options}</select></label></p>
<textarea name="query">SELECT ?attack ?place WHERE {{ ?attack a nkg:Attack ; nkg:location/rdfs:label ?place }} LIMIT 20</textarea>
<p><label>Answer as <select name="format"><option>application/sparql-results+json</option><option>text/csv</option>
<option>application/sparql-results+xml</option><option>text/tab-separated-values</option></select></label>
<button>Run</button></p></form></body></html>""".encode("utf-8")


def make_server(store, prefixes: dict[str, str], config: EndpointConfig) -> ThreadingHTTPServer:
    """A server bound to ``config.host:config.port`` (port 0: any free port) over a pyoxigraph
    store; call ``serve_forever()`` on it."""
    slots = threading.BoundedSemaphore(max(1, config.workers))
    page = _form_page(config.examples)

    class Handler(BaseHTTPRequestHandler):
        server_version = "newskg"
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args) -> None:  # noqa: A002 - quiet by default
            pass

        def _send(self, code: int, body: bytes, media: str = "text/plain; charset=utf-8") -> None:
            self.send_response(code)
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _error(self, code: int, message: str) -> None:
            self.close_connection = True
            self._send(code, (" ".join(message.split()) + "\n").encode("utf-8"))

        def _discard(self, size: int) -> None:
            """Read (a bounded part of) a refused body, so the client gets the answer rather than
            a reset connection."""
            import socket

            try:
                self.wfile.flush()
                self.connection.shutdown(socket.SHUT_WR)
                self.connection.settimeout(2)
                left = min(size, 16 * MAX_BODY)
                while left > 0:
                    chunk = self.rfile.read(min(left, 65536))
                    if not chunk:
                        break
                    left -= len(chunk)
            except OSError:
                pass

        def _guard(self) -> bool:
            if not config.host_allowed(self.headers.get("Host")):
                self._error(403, "refused: unknown Host (this endpoint answers only to its own address)")
                return False
            site = (self.headers.get("Sec-Fetch-Site") or "").lower()
            if not config.origin_allowed(self.headers.get("Origin")) or site == "cross-site":
                self._error(403, "refused: a request from another web site")
                return False
            return True

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            if not self._guard():
                return
            url = urllib.parse.urlsplit(self.path)
            params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
            if "update" in params:
                return self._error(403, "updates are refused: this graph is read-only")
            if "query" not in params:
                if url.path in {"/", "/sparql"}:
                    return self._send(200, page, "text/html; charset=utf-8")
                return self._error(404, "not found; the endpoint is at /")
            accept = params["format"][0] if "format" in params else self.headers.get("Accept")
            self._answer(params["query"][0], accept)

        do_HEAD = do_GET

        def do_POST(self) -> None:  # noqa: N802
            if not self._guard():
                return
            length = self.headers.get("Content-Length")
            if length is None:
                return self._error(411, "a POST needs a Content-Length")
            try:
                size = int(length)
            except ValueError:
                return self._error(400, "bad Content-Length")
            if size > MAX_BODY or size < 0:
                self._error(413, f"request body over the limit of {MAX_BODY} bytes")
                return self._discard(size)
            body = self.rfile.read(size)
            media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                return self._error(400, "the request body is not UTF-8")
            if media == "application/sparql-update":
                return self._error(403, "updates are refused: this graph is read-only")
            if media == "application/sparql-query":
                return self._answer(text, self.headers.get("Accept"))
            if media == "application/x-www-form-urlencoded":
                params = urllib.parse.parse_qs(text, keep_blank_values=True)
                if "update" in params:
                    return self._error(403, "updates are refused: this graph is read-only")
                if "query" in params:
                    return self._answer(params["query"][0], self.headers.get("Accept"))
                return self._error(400, "no query in the form")
            return self._error(415, "send the query as application/sparql-query or a form")

        def _answer(self, query: str, accept: str | None) -> None:
            try:
                check_query(query, config.allow_service)
            except QueryRefused as exc:
                code = 403 if str(exc).startswith(("updates", "SERVICE")) else 400
                return self._error(code, str(exc))
            if not slots.acquire(timeout=config.timeout):
                return self._error(503, "busy: too many queries running; try again")
            try:
                kind, body = run_limited(
                    lambda: evaluate_serialized(store, query, prefixes, accept), config.timeout, config.memory_mb)
            except QueryRefused as exc:
                message = str(exc)
                stopped = message.startswith("query stopped")
                return self._error(503 if stopped else 400, message if stopped else "bad query: " + message)
            except RuntimeError as exc:
                return self._error(500, f"query failed: {exc}")
            finally:
                slots.release()
            self._send(200, body, kind)

    class Server(ThreadingHTTPServer):
        daemon_threads = True
        allow_reuse_address = True

    server = Server((config.host, config.port), Handler)
    if config.port == 0:  # any free port: the handler checks Host against the one bound
        config = replace(config, port=server.server_address[1])
    return server


def serve(graph, config: EndpointConfig, ready=None) -> None:
    """Serve ``graph`` (an rdflib Graph, or a pyoxigraph Store such as a store folder's, served
    as it is) until Ctrl-C; ``ready(server)`` is called once listening."""
    import pyoxigraph as ox

    from contextlib import nullcontext

    from kg.sparql import scratch_store
    from kg.vocab import PREFIXES

    with (nullcontext(graph) if isinstance(graph, ox.Store)
          else scratch_store(graph.serialize(format="nt", encoding="utf-8"))) as store:
        server = make_server(store, {k: str(v) for k, v in PREFIXES.items()}, config)
        if ready:
            ready(server)
        try:
            server.serve_forever(poll_interval=0.2)
        finally:
            server.server_close()


def example_queries() -> dict[str, str]:
    from kg.api import named_queries

    return {name: path.read_text(encoding="utf-8") for name, path in named_queries().items()}


def main_config(host: str, port: int, timeout: float, workers: int, allow_service: Sequence[str],
                allow_hosts: Sequence[str], memory_mb: int = 1024) -> EndpointConfig:
    return EndpointConfig(host=host, port=port, timeout=timeout, workers=workers,
                          allow_service=tuple(allow_service), allow_hosts=tuple(allow_hosts),
                          memory_mb=memory_mb, examples=example_queries())

