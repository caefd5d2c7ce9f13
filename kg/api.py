"""The library API: what the CLI and the notebook call.

>>> from kg import api
>>> graph, failures = api.build_graph(["seeds/"])
>>> api.query(graph, "SELECT ?a WHERE { ?a a nkg:Attack }")   # a pandas DataFrame
>>> api.validate(graph)                                        # (conforms, report_graph, report_text)
>>> api.events(graph)                                          # events with map positions, a DataFrame
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from rdflib import Graph

from kg.read import Article, ArticleError, iter_article_paths, read_article

QUERY_DIR = Path(__file__).parent / "queries"


@dataclass(frozen=True)
class BuildResult:
    """One article's outcome: its triples, or the one-line reason it failed."""

    path: Path
    article: Article | None
    graph: Graph | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def _nlp(model: str | None):
    from kg.nlp import load_nlp

    return load_nlp(model)


def build_article(article: Article, model: str | None = None) -> Graph:
    """The graph of one article."""
    from kg.extract import extract
    from kg.graph import new_graph, record_triples

    nlp = _nlp(model)
    doc = nlp(article.text)
    records = extract(doc, article.published)
    g = new_graph()
    g += record_triples(article, records)
    return g


def build_iter(inputs: Sequence[Path | str], published: date | None = None,
               model: str | None = None) -> Iterator[BuildResult]:
    """Build every article under ``inputs`` (files or folders), one result each; never raises
    for a bad article."""
    _nlp(model)  # a missing model is an error for the whole run, raised here
    for path in iter_article_paths(Path(p) for p in inputs):
        try:
            article = read_article(path, published)
            yield BuildResult(path, article, build_article(article, model))
        except ArticleError as exc:
            yield BuildResult(path, None, None, str(exc))
        except Exception as exc:  # noqa: BLE001 - one article's failure must not stop a batch
            yield BuildResult(path, None, None, f"{path}: {type(exc).__name__}: {exc}")


def merge(results: Iterable[BuildResult]) -> tuple[Graph, list[BuildResult]]:
    from kg.graph import merge_labels, new_graph

    graph, failures = new_graph(), []
    for r in results:
        if r.ok and r.graph is not None:
            graph += r.graph
        else:
            failures.append(r)
    merge_labels(graph)
    return graph, failures


def build_graph(inputs: Sequence[Path | str], published: date | None = None,
                model: str | None = None) -> tuple[Graph, list[BuildResult]]:
    """One graph of all the articles under ``inputs``, and the failures."""
    return merge(build_iter(inputs, published, model))


# -- files -------------------------------------------------------------------

RDF_FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld",
               ".rdf": "xml", ".owl": "xml", ".xml": "xml", ".n3": "n3", ".trig": "trig", ".nq": "nquads"}


def rdf_format(path: Path) -> str:
    return RDF_FORMATS.get(Path(path).suffix.lower(), "turtle")


def serialize(graph: Graph, fmt: str = "turtle") -> str:
    """Deterministic text: Turtle is written sorted, so the same graph gives the same bytes."""
    if fmt == "turtle":
        from kg.graph import new_graph

        ordered = new_graph()
        for t in sorted(graph):
            ordered.add(t)
        return ordered.serialize(format="turtle")
    return graph.serialize(format=fmt)


def write_atomic(path: Path, text: str) -> Path:
    """Write through a temporary file in the same folder, so a failure never leaves half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def save(graph: Graph, path: Path) -> Path:
    return write_atomic(path, serialize(graph, rdf_format(path)))


def load(path: Path | str) -> Graph:
    """Parse a graph file (format from its extension); raises ValueError with a one-line reason."""
    from kg.graph import new_graph

    path = Path(path)
    if not path.exists():
        raise ValueError(f"{path}: no such file")
    g = new_graph()
    try:
        g.parse(path, format=rdf_format(path))
    except Exception as exc:  # noqa: BLE001 - the parser's message, in one line
        msg = " ".join(str(exc).split())
        raise ValueError(f"{path}: not parseable as {rdf_format(path)} ({msg[:200]})") from None
    return g


# -- query, validate, views --------------------------------------------------

def named_queries() -> dict[str, Path]:
    return {p.stem: p for p in sorted(QUERY_DIR.glob("*.rq")) if not p.stem.startswith("view_")}


def query_text(q: str) -> str:
    """A query given as text, as a path to a .rq file, or as the name of a shipped query."""
    named = named_queries()
    if q in named:
        return named[q].read_text(encoding="utf-8")
    p = Path(q)
    if p.suffix == ".rq" and p.exists():
        return p.read_text(encoding="utf-8")
    return q


def query(graph: Graph, q: str):
    """Run SPARQL (text, .rq path or shipped name) with the project's prefixes; a DataFrame.

    Queries run on Oxigraph (pyoxigraph), a standards-complete SPARQL 1.1 engine that is
    also much faster than rdflib's own on large graphs; literals come back as Python values.
    """
    import pandas as pd
    import pyoxigraph as ox

    from kg.vocab import PREFIXES

    store = ox.Store()
    store.load(graph.serialize(format="nt").encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    result = store.query(query_text(q), prefixes={k: str(v) for k, v in PREFIXES.items()})
    if isinstance(result, (bool, ox.QueryBoolean)):
        return pd.DataFrame({"ask": [bool(result)]})
    if isinstance(result, ox.QueryTriples):
        rows = [(_py(t.subject), _py(t.predicate), _py(t.object)) for t in result]
        return pd.DataFrame(rows, columns=["subject", "predicate", "object"])
    cols = [v.value for v in result.variables]
    rows = [[_py(sol[c]) for c in cols] for sol in result]
    return pd.DataFrame(rows, columns=cols)


_XSD = "http://www.w3.org/2001/XMLSchema#"


def _py(term):
    """An Oxigraph term as a plain Python value (IRIs and blank nodes as strings)."""
    import pyoxigraph as ox
    from datetime import date as _date
    from decimal import Decimal

    if term is None:
        return None
    if not isinstance(term, ox.Literal):
        return str(term.value)
    dt = term.datatype.value
    value = term.value
    try:
        if dt in {_XSD + "integer", _XSD + "int", _XSD + "long", _XSD + "nonNegativeInteger"}:
            return int(value)
        if dt in {_XSD + "double", _XSD + "float"}:
            return float(value)
        if dt == _XSD + "decimal":
            return Decimal(value)
        if dt == _XSD + "boolean":
            return value in {"true", "1"}
        if dt == _XSD + "date":
            return _date.fromisoformat(value)
    except ValueError:
        return value
    return value


def validate(graph: Graph) -> tuple[bool, Graph, str]:
    """SHACL validation with the project's shapes: (conforms, report_graph, report_text).
    Warnings (e.g. an attack whose place is unknown) do not break conformance."""
    import pyshacl

    from kg.vocab import ONTOLOGY_FILE, SHAPES_FILE

    shapes = Graph().parse(SHAPES_FILE)
    ont = Graph().parse(ONTOLOGY_FILE)
    conforms, report_graph, report_text = pyshacl.validate(
        graph, shacl_graph=shapes, ont_graph=ont, inference="rdfs", allow_warnings=True, advanced=True,
    )
    return bool(conforms), report_graph, report_text


def to_networkx(graph: Graph, projection: str = "actors-events"):
    from kg.export.network import to_networkx as _to_nx

    return _to_nx(graph, projection=projection)


def events(graph: Graph):
    """Every attack, meeting and mediation with its type, days, killed, attackers and
    position on a map (a DataFrame; see ``kg.export.events``)."""
    from kg.export.events import event_frame

    return event_frame(graph)


def to_html(graph: Graph, path: Path, **options):
    from kg.export.html import to_html as _to_html

    return _to_html(graph, Path(path), **options)


def sparql_app(graph: Graph, public_url: str = "http://127.0.0.1:8000/"):
    """A read-only SPARQL 1.1 endpoint over ``graph`` as an ASGI app (rdflib-endpoint).

    The project's prefixes are predeclared and the shipped queries are its
    examples. Needs the ``serve`` extra; raises ``ImportError`` without it.
    """
    from rdflib_endpoint import SparqlEndpoint

    examples = {name: {"query": path.read_text(encoding="utf-8")} for name, path in named_queries().items()}
    return SparqlEndpoint(
        graph=graph, title="newskg SPARQL endpoint", public_url=public_url,
        description="A knowledge graph of armed conflict and diplomacy read from news articles.",
        example_queries=examples, enable_update=False, cors_enabled=False,
    )


def stats(graph: Graph) -> dict:
    from kg.export.network import stats as _stats

    return _stats(graph)
