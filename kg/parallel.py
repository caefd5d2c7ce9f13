"""Building batches of articles in worker processes (``kg build --jobs N``).

Each call sent to a worker builds one batch of :func:`kg.api.plan_batches` (several articles, so that ``nlp.pipe``
still parses them together); a worker sends back plain records, one per article: its error
or its warnings and its triples as N-Triples (written by Oxigraph in the worker, with no
rdflib graph made): the parent
loads them into a store as they are (parsed by Oxigraph, with no rdflib graph made per
article, which cost the parent about 11 ms per article and, on two cores, slowed the workers),
and parses them into rdflib only when it writes a graph file. The results are given
in the order of the inputs, whatever order the workers finish in, so the graph is the same
as with one process. At most two batches per worker are in flight, so memory does not grow
with the number of articles.

Start method. Where the platform has ``fork`` (Linux), the workers are forked from the
process that has already loaded the spaCy pipeline and its lexicons, so each worker starts
at once instead of loading them again (about five seconds each); the initializer only
checks the (cached) pipeline. The pool is forked when the build starts, before the progress
display's thread; the store's own threads may be running, but a worker never touches the
store. Elsewhere (``spawn``) each worker loads the pipeline once, in the initializer.

A failure while building an article is that article's failure, as in one process. A worker
that dies (killed, out of memory) fails no run either: the batches it held are built again
one article per call in a new pool, and an article whose worker dies again is reported as a
failure.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Iterable, Iterator

from kg.api import Batch, BuildResult, build_articles

#: Batches in flight per worker: one being built, one waiting.
IN_FLIGHT = 2

Record = tuple[str | None, tuple[str, ...], bytes | None]  # (error, warnings, N-Triples)


def start_method() -> str:
    """``fork`` on Linux (see the module doc); ``spawn`` elsewhere (macOS's system libraries
    are not safe to use in a forked child)."""
    return "fork" if sys.platform.startswith("linux") else "spawn"


def _start_worker(model: str | None) -> None:
    """A worker's initializer: the pipeline loaded once (inherited when forked), Ctrl-C left
    to the parent, and the worker ended by the kernel if the parent dies (even by SIGKILL)."""
    from kg.api import _nlp
    from kg.sparql import _die_with_parent

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    _nlp(model)


def build_records(articles: list, model: str | None) -> list[Record]:
    """Build ``(label, Article)`` pairs; one plain record each, in their order."""
    return [(r.error, r.warnings, r.ntriples) for r in build_articles(articles, model, as_ntriples=True)]


def _result(label: Path, article, record: Record) -> BuildResult:
    error, warnings, triples = record
    return BuildResult(label, article if error is None else None, None, error, warnings, ntriples=triples)


def _articles(batch: Batch) -> list:
    return [entry for entry in batch if not isinstance(entry, BuildResult)]


def _merge(batch: Batch, records: list[Record]) -> list[BuildResult]:
    """The batch's results in its order: the ready ones and the built ones between them."""
    built = iter(records)
    return [entry if isinstance(entry, BuildResult) else _result(entry[0], entry[1], next(built)) for entry in batch]


class _Pool:
    """A process pool that is made again when a worker dies; ``generation`` counts the pools."""

    def __init__(self, jobs: int, model: str | None):
        self.jobs, self.model = jobs, model
        self.executor: ProcessPoolExecutor | None = None
        self.generation = 0

    def submit(self, articles: list) -> tuple[Future, int]:
        if self.executor is None:
            context = multiprocessing.get_context(start_method())
            self.executor = ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_start_worker,
                                                initargs=(self.model,))
            self.generation += 1
        try:
            return self.executor.submit(build_records, articles, self.model), self.generation
        except BrokenProcessPool:
            self.renew(self.generation)
            return self.submit(articles)

    def renew(self, generation: int) -> None:
        """Drop the pool of ``generation`` (broken) if it is still the current one."""
        if generation == self.generation and self.executor is not None:
            self.close(cancel=True)

    def close(self, cancel: bool) -> None:
        if self.executor is None:
            return
        if cancel:  # stop the workers now rather than after their current batch
            for process in list(getattr(self.executor, "_processes", {}).values()):
                process.terminate()
        self.executor.shutdown(wait=True, cancel_futures=cancel)
        self.executor = None


def _one_by_one(pool: _Pool, articles: list) -> list[Record]:
    """Build each article in a call of its own (after a worker died); an article whose worker
    dies again is a failure."""
    records = []
    for label, article in articles:
        future, generation = pool.submit([(label, article)])
        try:
            records.extend(future.result())
        except BrokenProcessPool:
            pool.renew(generation)
            records.append((f"{label}: the worker process building it ended unexpectedly "
                            f"(out of memory, or killed)", (), None))
    return records


Pending = tuple[Batch, Future | None, int]


def build_batches(batches: Iterable[Batch], model: str | None, jobs: int) -> Iterator[BuildResult]:
    """Build ``batches`` in ``jobs`` worker processes; the results in the order of the batches."""
    pool = _Pool(jobs, model)
    pending: deque[Pending] = deque()
    finished = False
    try:
        pool.submit([])  # start the workers now, before any other thread of this process
        for batch in batches:
            articles = _articles(batch)
            future, generation = pool.submit(articles) if articles else (None, 0)
            pending.append((batch, future, generation))
            while len(pending) >= jobs * IN_FLIGHT or (pending and _done(pending[0][1])):
                yield from _take(pool, pending.popleft())
        while pending:
            yield from _take(pool, pending.popleft())
        finished = True
    finally:
        pool.close(cancel=not finished)


def _done(future: Future | None) -> bool:
    return future is None or future.done()


def _take(pool: _Pool, item: Pending) -> list[BuildResult]:
    batch, future, generation = item
    if future is None:
        return list(batch)
    try:
        records = future.result()
    except BrokenProcessPool:
        pool.renew(generation)
        records = _one_by_one(pool, _articles(batch))
    except Exception as exc:  # noqa: BLE001 - a batch that cannot be sent or returned: one failure per article
        message = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
        records = [(f"{label}: {message}", (), None) for label, _ in _articles(batch)]
    return _merge(batch, records)
