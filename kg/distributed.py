"""Building on a dask.distributed cluster (``kg build --engine dask [--scheduler ADDRESS]``).

The command reads the inputs (as with any engine: copies found, stored texts skipped) and
sends each batch of articles, texts included, to the cluster as one call of the pure function
:func:`batch_ntriples` (a batch of articles -> one record per article: its error, or its
warnings and its triples as N-Triples text). The workers need no access to the inputs.

For each batch, the command writes one N-Quads shard into the shard folder
(``shard-000001.nq``...: every document's triples in a named graph, the document's IRI, so
the folder can be loaded as it is into any SPARQL server), reads it back and merges it into
the graph or the store like any other build; the results keep the order of the inputs, so the
graph is the one ``--jobs 1`` gives. At most two batches per worker are in flight.

Without ``--scheduler``, a LocalCluster of ``--jobs`` worker processes (one thread each) is
started for the build and stopped after it. A call that fails (its worker died) is tried once
more on another worker; a batch that fails again is one failure per article.
"""

from __future__ import annotations

import threading
from collections import deque
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from kg.api import Batch, BuildResult, build_articles

#: Batches in flight per worker thread.
IN_FLIGHT = 2
SHARD = "shard-{:06d}.nq"

Record = tuple[str | None, tuple[str, ...], str | None]  # (error, warnings, N-Triples)

# a worker's threads share one loaded pipeline, which is not made to parse two texts at once
_PIPELINE = threading.Lock()


def batch_ntriples(articles: list, model: str | None) -> list[Record]:
    """The pure function the cluster maps: ``(label, Article)`` pairs -> one record each, in
    their order (the pipeline is loaded once per worker process, on its first batch)."""
    with _PIPELINE:
        results = list(build_articles(articles, model))
    return [(r.error, r.warnings,
             r.graph.serialize(format="nt", encoding="utf-8").decode("utf-8") if r.graph is not None else None)
            for r in results]


def document_quads(ntriples: str, graph_iri: str) -> str:
    """N-Triples text as N-Quads in the named graph ``graph_iri``."""
    lines = []
    for line in ntriples.splitlines():
        line = line.rstrip()
        if line and not line.startswith("#"):
            lines.append(f"{line[:-1].rstrip()} <{graph_iri}> .\n")
    return "".join(lines)


def write_shard(path: Path, quads: str) -> None:
    from kg.api import write_atomic

    write_atomic(path, quads)


def read_shard(path: Path) -> dict[str, list[tuple]]:
    """A shard's triples by graph (document IRI), as rdflib terms."""
    import pyoxigraph as ox

    from kg.store import from_ox

    by_graph: dict[str, list[tuple]] = {}
    for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
        by_graph.setdefault(q.graph_name.value, []).append((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    return by_graph


def _articles(batch: Batch) -> list:
    return [entry for entry in batch if not isinstance(entry, BuildResult)]


def _results(batch: Batch, records: list[Record], shard: Path) -> list[BuildResult]:
    """Write the batch's shard, read it back, and give the batch's results in its order."""
    from kg.graph import document_iri, new_graph

    articles = _articles(batch)
    iris = [str(document_iri(article)) for _, article in articles]
    write_shard(shard, "".join(document_quads(nt, iri) for (_, _, nt), iri in zip(records, iris) if nt is not None))
    triples = read_shard(shard)
    built = iter(zip(articles, iris, records))
    results = []
    for entry in batch:
        if isinstance(entry, BuildResult):
            results.append(entry)
            continue
        (label, article), iri, (error, warnings, nt) = next(built)
        graph = None
        if nt is not None:
            graph = new_graph()
            graph += triples.get(iri, ())
        results.append(BuildResult(label, article if error is None else None, graph, error, warnings))
    return results


@contextmanager
def cluster_client(scheduler: str | None, workers: int):
    """A dask.distributed Client: of the scheduler at ``scheduler``, or of a LocalCluster of
    ``workers`` processes started for the block."""
    import logging

    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler, timeout="15s") as client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def clear_shards(folder: Path) -> None:
    """Remove the shards of an earlier build from ``folder`` (created if missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("shard-*.nq"):
        old.unlink()


def build_batches(batches: Iterable[Batch], model: str | None, client, shards: Path) -> Iterator[BuildResult]:
    """Build ``batches`` on the cluster of ``client``, one shard each in ``shards``; the
    results in the order of the batches."""
    threads = max(1, sum(client.nthreads().values()))
    clear_shards(shards)
    pending: deque = deque()
    index = 0
    for batch in batches:
        articles = _articles(batch)
        index += bool(articles)
        future = client.submit(batch_ntriples, articles, model, pure=False, retries=1) if articles else None
        pending.append((batch, future, shards / SHARD.format(index)))
        while len(pending) >= threads * IN_FLIGHT or (pending and (pending[0][1] is None or pending[0][1].done())):
            yield from _take(pending.popleft())
    while pending:
        yield from _take(pending.popleft())


def _take(item) -> list[BuildResult]:
    batch, future, shard = item
    if future is None:
        return list(batch)
    try:
        records = future.result()
    except Exception as exc:  # noqa: BLE001 - a batch lost on the cluster: one failure per article
        message = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
        records = [(f"{label}: {message}", (), None) for label, _ in _articles(batch)]
    return _results(batch, records, shard)
