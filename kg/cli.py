"""The ``kg`` command line: build, query, validate, html, export, stats, serve.

A thin client of :mod:`kg.api`: every command parses its arguments, calls the
API and prints. Errors are one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import json
import os
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from kg.progress import BuildProgress

app = typer.Typer(help="newskg: knowledge graphs of armed conflict and diplomacy from news articles.",
                  no_args_is_help=True, add_completion=False, rich_markup_mode=None,
                  pretty_exceptions_enable=False)
out = Console()
err = Console(stderr=True)


class TableFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class NetworkFormat(str, Enum):
    graphml = "graphml"
    gexf = "gexf"
    json = "json"


class Engine(str, Enum):
    processes = "processes"
    dask = "dask"


class Projection(str, Enum):
    actors_events = "actors-events"
    rdf = "rdf"


# exit statuses of every command (docs/robustness.md)
EXIT_OK = 0  # done; warnings may have been printed
EXIT_PARTIAL = 1  # kg build: some inputs were skipped, the graph of the others was written
EXIT_ERROR = 2  # nothing done: a usage error, a bad graph or query, or no input could be built
EXIT_WRITE = 3  # the outputs could not be written; the previous ones are left as they were
# 70: an unexpected error (a bug), one line too; see main()


def say(line: str) -> None:
    """One line on stderr, never wrapped or styled, whatever the terminal's width."""
    print(line, file=sys.stderr, flush=True)


def fail(message: str, code: int = EXIT_ERROR) -> None:
    say("error: " + " ".join(str(message).split()))
    raise typer.Exit(code)


def _missing(value) -> bool:
    import pandas as pd

    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _json_value(value):
    """A cell as JSON: integers stay integers, decimals become numbers, dates ISO text."""
    from datetime import date
    from decimal import Decimal

    if _missing(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and "." not in str(value) else float(value)
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, (int, float, str)):
        return value
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _load(path: Path):
    from kg import api

    try:
        return api.load(path)
    except ValueError as exc:
        fail(str(exc))


def _write_report(path: Path, results) -> None:
    from kg import api

    lines = []
    for r in results:
        if not r.ok:
            lines.append({"input": str(r.path), "status": "skipped", "message": r.error})
        for w in r.warnings:
            lines.append({"input": str(r.path), "status": "warning", "message": w})
    api.write_atomic(path, "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))


@app.command()
def build(
    inputs: Annotated[list[Path], typer.Argument(help="Article files (.txt, .md, .html, .jsonl) or folders of them.")],
    out_path: Annotated[Optional[Path], typer.Option("--out", "-o", help="Output graph (.ttl, .nt, .jsonld...) or a folder (default: out/graph.ttl, or none with --store).")] = None,
    store: Annotated[Optional[Path], typer.Option("--store", help="Add the documents to the graph store in this folder (created if missing); documents already in it are skipped.")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date YYYY-MM-DD (overrides sidecars).")] = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline to load (default: NEWSKG_MODEL or the best installed).")] = None,
    html: Annotated[bool, typer.Option("--html/--no-html", help="Also write the interactive page next to the graph.")] = True,
    report: Annotated[Optional[Path], typer.Option("--report", help="Write the skipped inputs and warnings here (JSON Lines).")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", help="Worker processes building articles (default: one per core).")] = None,
    engine: Annotated[Engine, typer.Option(help="processes: on this machine; dask: on a dask.distributed cluster.")] = Engine.processes,
    scheduler: Annotated[Optional[str], typer.Option(help="With --engine dask: the scheduler's address (default: a local cluster of --jobs workers).")] = None,
    shards: Annotated[Optional[Path], typer.Option(help="With --engine dask: the folder of N-Quads shards, one per batch (default: shards/ beside --out, or DIR-shards beside --store).")] = None,
    merge_events: Annotated[bool, typer.Option("--merge-events/--no-merge-events", help="Make one node of an event that several documents report (default: on).")] = True,
) -> None:
    """Build one graph from INPUTS and write it to --out (and an HTML page beside it), or add it
    to the store in --store (then the graph file is written only if --out is given: the whole
    store's graph).

    Exit status: 0 all built, 1 some inputs skipped (the others built), 2 nothing built or a
    usage error, 3 the outputs could not be written.
    """
    from contextlib import ExitStack

    from kg import api
    from kg.read import ArticleError, future_warning, parse_date
    from kg.settings import ModelNotFound
    from kg.store import StoreError

    try:
        pub = parse_date(published, what="--published") if published else None
    except ArticleError as exc:
        fail(str(exc))
    late = future_warning(pub, "--published")
    if late:
        say("warning: " + late)
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    if jobs < 1:
        fail(f"--jobs {jobs}: give 1 or more worker processes")
    if engine is not Engine.dask and (scheduler or shards):
        fail("--scheduler and --shards go with --engine dask")
    if out_path is None and store is None:
        out_path = Path("out/graph.ttl")
    if out_path is not None:
        try:
            out_path = api.output_path(out_path)
        except ValueError as exc:
            fail(str(exc))
        if report is not None and report.resolve() in {out_path.resolve(), out_path.with_suffix(".html").resolve()}:
            fail(f"--report {report}: would overwrite the outputs")
    started = time.perf_counter()
    tally = {"built": 0, "known": 0, "warned": 0}
    noted: list = []  # the results with an error or a warning (for --report and the summary)

    progress = BuildProgress(sys.stderr)

    def observed(results):
        for r in results:
            if not r.ok:
                progress.line(f"error: {_one_line(r.error)}")
            for w in r.warnings:
                progress.line(f"warning: {_one_line(w)}")
            progress.advance(failed=not r.ok)
            tally["built"] += r.built
            tally["known"] += r.known
            tally["warned"] += len(r.warnings)
            if r.warnings or not r.ok:
                noted.append(api.BuildResult(r.path, None, None, r.error, r.warnings, r.known))
            yield r

    try:
        with ExitStack() as stack:
            building = stack.enter_context(api.store_build(store)) if store is not None else None
            cluster = None
            if engine is Engine.dask:
                shards = shards or (out_path.parent / "shards" if out_path is not None
                                    else store.with_name(store.name + "-shards"))
                cluster = _cluster(stack, scheduler, jobs)
            stack.enter_context(progress)
            try:
                results = api.build_iter(inputs, pub, model, jobs=jobs, known=building.known if building else None,
                                         planned=progress.planned, cluster=cluster, shards=shards,
                                         as_ntriples=building is not None)
                first = next(results, None)
            except ModelNotFound as exc:
                fail(str(exc))
            if first is None:
                fail("nothing to build")
            stream = observed(_chain(first, results))
            if building is not None:
                added = api.add_to_store(building, stream, merge_events)
            else:
                graph, _ = api.merge(stream, merge_events)
            progress.close()
            if building is not None:
                graph = api.store_graph(building.staging) if out_path is not None else None
            failures = [r for r in noted if not r.ok]
            built, known = tally["built"], tally["known"]
            if report is not None:
                try:
                    _write_report(report, noted)
                except OSError as exc:
                    say(f"error: --report {report}: cannot write ({exc.strerror or exc})")
            if not built and not known:
                fail("no article could be built; nothing written")
            if graph is not None and (built or building is not None):
                page = out_path.with_suffix(".html") if html else None
                try:
                    page_report = api.save_outputs(graph, out_path, page)
                except OSError as exc:
                    fail(f"{exc.filename or out_path}: cannot write ({exc.strerror or exc}); "
                         f"the previous outputs are left as they were", EXIT_WRITE)
            elapsed = time.perf_counter() - started
            if building is not None:
                msg = (f"{built} new document(s) -> store {store} (+{added} triples, "
                       f"{building.base_triples + added} in all, {elapsed:.1f}s)")
                if known:
                    msg += f"; {known} already in the store, skipped"
            else:
                msg = f"{built} article(s) -> {out_path} ({len(graph)} triples, {elapsed:.1f}s)"
            if graph is not None and building is not None:
                msg += f"; graph -> {out_path}"
            if graph is not None and html:
                msg += f", {page} ({page_report.nodes_shown} nodes)"
    except StoreError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        say("error: interrupted; " + (f"the store {store} is left as it was" if store is not None
                                      else "nothing written"))
        raise typer.Exit(130) from None
    say(msg)
    if failures:
        say(f"summary: {built} built, {len(failures)} skipped, {tally['warned']} warning(s); skipped:")
        for r in failures:
            say(f"skipped: {r.error}")
        raise typer.Exit(EXIT_PARTIAL)


def _cluster(stack, scheduler: Optional[str], jobs: int):
    """A dask.distributed client for the time of ``stack`` (see :func:`kg.distributed.cluster_client`)."""
    try:
        from kg.distributed import cluster_client
    except ImportError:
        fail("--engine dask needs dask.distributed: pip install 'dask[distributed]'")
    try:
        return stack.enter_context(cluster_client(scheduler, jobs))
    except OSError as exc:
        where = f"--scheduler {scheduler}" if scheduler else "the local dask cluster"
        fail(f"{where}: cannot connect ({' '.join(str(exc).split())[:200]})")


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _chain(first, rest):
    yield first
    yield from rest


def _source(graph: Optional[Path], store: Optional[Path], *, rdflib_graph: bool):
    """The graph a command reads: a graph file or a store folder (exactly one). With
    ``rdflib_graph`` a store is read into an rdflib Graph; else it is given as it is."""
    from kg import api
    from kg.store import StoreError

    if (graph is None) == (store is None):
        fail("give a graph file or --store DIR (exactly one)")
    if graph is not None:
        return _load(graph)
    try:
        opened = api.open_store(store)
    except StoreError as exc:
        fail(str(exc))
    return api.store_graph(opened) if rdflib_graph else opened


GraphArg = Annotated[Optional[Path], typer.Argument(help="Graph file (or give --store).")]
StoreOpt = Annotated[Optional[Path], typer.Option("--store", help="Read the graph of this store folder instead of a file.")]


@app.command()
def query(
    graph: GraphArg = None,
    sparql: Annotated[Optional[str], typer.Argument(help="SPARQL text or a .rq file.")] = None,
    name: Annotated[Optional[str], typer.Option("--name", "-n", help="A shipped query by name (see --list).")] = None,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
    list_: Annotated[bool, typer.Option("--list", help="List the shipped queries.")] = False,
    timeout: Annotated[float, typer.Option(help="Stop the query after this many seconds (0: no limit).")] = 60.0,
    limit: Annotated[int, typer.Option(help="Print at most this many rows (0: all).")] = 100_000,
    offset: Annotated[int, typer.Option(help="Leave out this many rows first; with --limit, one page of the answer.")] = 0,
    memory: Annotated[int, typer.Option(help="Stop a query that needs more memory than this (MB).")] = 1024,
    store: StoreOpt = None,
) -> None:
    """Run a SPARQL query (project prefixes predeclared) and print the answer.

    Read-only: updates and SERVICE calls are refused."""
    from kg import api
    from kg.sparql import QueryRefused

    if list_:
        for qname, path in api.named_queries().items():
            first = path.read_text(encoding="utf-8").splitlines()[0].lstrip("# ")
            out.print(f"{qname:24} {first}", markup=False, highlight=False)
        return
    if store is not None and graph is not None and sparql is None and name is None:
        graph, sparql = None, str(graph)  # kg query --store DIR QUERY: the one argument is the query
    q = name or sparql
    if not q:
        fail("give a query, a .rq file or --name")
    if name and name not in api.named_queries():
        fail(f"no shipped query named {name!r}; see kg query GRAPH --list")
    try:
        text = api.query_text(q)
    except ValueError as exc:
        fail(str(exc))
    g = _source(graph, store, rdflib_graph=False)
    try:
        df = api.query(g, text, timeout=timeout or None, limit=limit or None, offset=offset, memory_mb=memory)
    except QueryRefused as exc:
        message = str(exc)
        fail(message if message.startswith(("updates are refused", "SERVICE", "query stopped", "--limit"))
             else "bad query: " + message[:300])
    except Exception as exc:  # noqa: BLE001 - the engine's message in one line
        fail("query failed: " + " ".join(str(exc).split())[:300])
    if df.attrs.get("truncated"):
        shown = f"rows {offset + 1} to {offset + limit}" if offset else f"the first {limit} rows"
        say(f"warning: only {shown} are shown (--limit); the query has more")
    if fmt is TableFormat.csv:
        sys.stdout.write(df.to_csv(index=False))
    elif fmt is TableFormat.json:
        rows = [{str(k): _json_value(v) for k, v in zip(df.columns, row)} for row in df.itertuples(index=False)]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")
    else:
        table = Table(show_lines=False)
        for col in df.columns:
            table.add_column(str(col), overflow="fold")
        for row in df.itertuples(index=False):
            table.add_row(*["" if _missing(v) else str(v) for v in row])
        out.print(table)
        out.print(f"{len(df)} row(s)", style="dim")


@app.command()
def validate(graph: GraphArg = None, store: StoreOpt = None) -> None:
    """Check a graph against the project's SHACL shapes."""
    from kg import api

    conforms, _, text = api.validate(_source(graph, store, rdflib_graph=True))
    if conforms:
        warnings = text.count("sh:Warning") + text.count("Severity: sh:Warning")
        out.print(f"conforms ({warnings} warning(s))" if "Warning" in text else "conforms", markup=False)
        return
    err.print(text, markup=False, highlight=False)
    raise typer.Exit(1)


@app.command()
def html(
    graph: GraphArg = None,
    output: Annotated[Path, typer.Option("--output", "-o")] = Path("graph.html"),
    max_nodes: Annotated[int, typer.Option(help="Above this many nodes, show a reduced view.")] = 1500,
    store: StoreOpt = None,
) -> None:
    """Write an interactive, self-contained HTML page of the graph."""
    from kg import api

    if output.suffix.lower() not in {".html", ".htm"}:
        fail(f"--output {output}: the page must be a .html file")
    g = _source(graph, store, rdflib_graph=True)
    try:
        report = api.to_html(g, output, max_nodes=max_nodes)
    except OSError as exc:
        fail(f"{exc.filename or output}: cannot write ({exc.strerror or exc})", EXIT_WRITE)
    note = " (reduced view)" if report.reduced else ""
    out.print(f"{output}: {report.nodes_shown} of {report.nodes_total} nodes{note}", markup=False)


@app.command()
def export(
    graph: GraphArg = None,
    to: Annotated[NetworkFormat, typer.Option("--to")] = NetworkFormat.graphml,
    output: Annotated[Path, typer.Option("--output", "-o")] = Path("graph.graphml"),
    projection: Annotated[Projection, typer.Option()] = Projection.actors_events,
    store: StoreOpt = None,
) -> None:
    """Export the NetworkX view for Gephi or D3."""
    from kg import api
    from kg.export.network import write_network

    if (graph is not None and output.resolve() == graph.resolve()) or output.suffix.lower() in {".ttl", ".nt", ".jsonld", ".nq", ".trig", ".n3"}:
        fail(f"--output {output}: would overwrite a graph file; give a .{to.value} name")
    G = api.to_networkx(_source(graph, store, rdflib_graph=True), projection.value)
    try:
        write_network(G, output, to.value)
    except OSError as exc:
        fail(f"{exc.filename or output}: cannot write ({exc.strerror or exc})", EXIT_WRITE)
    out.print(f"{output}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges", markup=False)


@app.command()
def stats(
    graph: GraphArg = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    store: StoreOpt = None,
) -> None:
    """Counts by class and the most central actors."""
    from kg import api

    s = api.stats(_source(graph, store, rdflib_graph=True))
    if as_json:
        sys.stdout.write(json.dumps(s, indent=2, default=str) + "\n")
        return
    table = Table(title="nodes by class")
    table.add_column("class")
    table.add_column("count", justify="right")
    for cls, n in sorted(s["counts"].items(), key=lambda kv: -kv[1]):
        table.add_row(str(cls), str(n))
    out.print(table)
    central = Table(title="most central actors")
    for col in ("actor", "class", "degree", "betweenness"):
        central.add_column(col)
    for row in s["central_actors"]:
        central.add_row(str(row["label"]), str(row["cls"]), str(row["degree"]), f"{float(row['betweenness']):.3f}")
    out.print(central)


@app.command()
def serve(
    graph: GraphArg = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    timeout: Annotated[float, typer.Option(help="Stop a query after this many seconds.")] = 30.0,
    workers: Annotated[int, typer.Option(help="Queries evaluated at the same time.")] = 4,
    memory: Annotated[int, typer.Option(help="Stop a query that needs more memory than this (MB).")] = 1024,
    allow_service: Annotated[list[str], typer.Option(help="An IRI prefix SERVICE may call (repeatable); none by default.")] = [],  # noqa: B006
    allow_host: Annotated[list[str], typer.Option(help="Another name the server is reached by (repeatable).")] = [],  # noqa: B006
    store: StoreOpt = None,
) -> None:
    """Serve the graph as a read-only SPARQL 1.1 endpoint (Ctrl+C stops it)."""
    from kg.serve import main_config, serve as run

    g = _source(graph, store, rdflib_graph=False)
    config = main_config(host, port, timeout, workers, allow_service, allow_host, memory)

    def ready(server) -> None:
        bound_port = server.server_address[1]
        say(f"SPARQL endpoint for {graph if graph is not None else f'store {store}'} on http://{host}:{bound_port}/ (Ctrl+C stops it)")

    try:
        run(g, config, ready)
    except OSError as exc:
        fail(f"cannot listen on {host}:{port} ({exc.strerror or exc})")
    except KeyboardInterrupt:
        say("stopped")


EXIT_BUG = 70  # an unexpected error: a bug (EX_SOFTWARE)


def main() -> None:
    """The ``kg`` command: an unexpected error is one line too (``NEWSKG_DEBUG=1`` shows the traceback)."""
    import os

    try:
        app()
    except Exception as exc:  # noqa: BLE001 - the last line of defence of the one-line promise
        if os.environ.get("NEWSKG_DEBUG") == "1":
            raise
        say(f"error: unexpected {type(exc).__name__}: {' '.join(str(exc).split())[:300]} "
            f"(a bug: please report it with the input; NEWSKG_DEBUG=1 shows the traceback)")
        sys.exit(EXIT_BUG)


if __name__ == "__main__":
    main()
