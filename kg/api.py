"""The library API: what the CLI and the notebook call.

>>> from kg import api
>>> graph, failures = api.build_graph(["seeds/"])
>>> api.query(graph, "SELECT ?a WHERE { ?a a nkg:Attack }")   # a pandas DataFrame
>>> api.validate(graph)                                        # (conforms, report_graph, report_text)
>>> api.events(graph)                                          # events with map positions, a DataFrame
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from rdflib import Graph

from kg.read import Article, ArticleError, read_article

QUERY_DIR = Path(__file__).parent / "queries"


@dataclass(frozen=True)
class BuildResult:
    """One input's outcome: its triples, or the one-line reason it failed. An input skipped
    because its text was already read (the same file or the same text twice) has neither,
    and says so in ``warnings``. The triples come in one of three forms: an rdflib Graph
    (``graph``), N-Triples (``ntriples``) or a tuple of rdflib terms (``triples``);
    :meth:`rdf` gives any of them as a Graph."""

    path: Path
    article: Article | None
    graph: Graph | None
    error: str | None = None
    warnings: tuple[str, ...] = ()
    known: bool = False  # its text is already in the store: not built, nothing changed
    ntriples: bytes | None = None  # its triples as N-Triples, as a worker process sends them (then no graph)
    triples: tuple | None = None  # its triples as rdflib terms, as a build to merge gives them (then no graph)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def built(self) -> bool:
        return self.error is None and any(form is not None for form in (self.graph, self.ntriples, self.triples))

    def rdf(self) -> Graph | None:
        """Its triples as an rdflib Graph (made from its triples or N-Triples if it has no graph)."""
        if self.graph is not None or (self.ntriples is None and self.triples is None):
            return self.graph
        from kg.graph import new_graph

        if self.triples is not None:
            graph = new_graph()
            graph += self.triples
            return graph
        return new_graph().parse(data=self.ntriples, format="nt")


def _nlp(model: str | None):
    from kg.nlp import load_nlp

    return load_nlp(model)


def _windows(text: str, nlp) -> list[tuple[int, str]]:
    """``(offset, part)`` windows of a text, none longer than the pipeline takes (:mod:`kg.windows`)."""
    import kg.windows

    return list(kg.windows.windows(text, min(kg.windows.WINDOW_CHARS, nlp.max_length)))


def _joined(parsed: list[tuple[int, object]], published: date | None):
    """One document's records from its parsed windows (``(offset, Doc)`` pairs)."""
    from kg.extract import extract
    from kg.extract.mediation_links import link_meetings
    from kg.windows import join_records

    return link_meetings(join_records([(offset, extract(doc, published)) for offset, doc in parsed]))


def read_records(article: Article, model: str | None = None):
    """The records of one article, its text parsed in bounded windows (:mod:`kg.windows`)."""
    nlp = _nlp(model)
    return _joined([(offset, nlp(part)) for offset, part in _windows(article.text, nlp)], article.published)


def _scrubbed(article: Article) -> Article:
    from kg.read import scrub

    return replace(article, text=scrub(article.text), source=scrub(article.source),
                   title=scrub(article.title) if article.title else article.title)


def _article_graph(article: Article, records) -> Graph:
    from kg.graph import new_graph, record_triples

    g = new_graph()
    g += record_triples(article, records)
    return g


def _article_ntriples(article: Article, records) -> bytes:
    """The triples of one article as N-Triples, with no rdflib graph made (for a store)."""
    from kg.graph import record_triples
    from kg.store import ntriples

    return ntriples(record_triples(article, records))


def _article_triples(article: Article, records) -> tuple:
    """The triples of one article as a tuple of rdflib terms, with no graph made: a build that
    merges many articles into one graph adds each triple once, not into a graph of its own first."""
    from kg.graph import record_triples

    return tuple(record_triples(article, records))


#: What a build makes of an article's records, by the :class:`BuildResult` field it fills.
_MAKERS = {"graph": _article_graph, "ntriples": _article_ntriples, "triples": _article_triples}


def build_article(article: Article, model: str | None = None) -> Graph:
    """The graph of one article."""
    return _one_article(article, model, _article_graph)


def _one_article(article: Article, model: str | None, make):
    """One article built on its own: ``make(article, records)`` of its scrubbed text."""
    article = _scrubbed(article)
    return make(article, read_records(article, model))


#: Articles parsed together by ``nlp.pipe`` in a batch build (their windows, in order): at most
#: this many, and no more text than :data:`PIPE_BATCH_CHARS` (about 25 news articles, or a few
#: hundred one-paragraph reports: short texts gain most from being parsed together).
PIPE_BATCH = 256
PIPE_BATCH_CHARS = 100_000


def build_articles(batch: Sequence[tuple[Path, Article]], model: str | None = None,
                   as_ntriples: bool = False, as_triples: bool = False) -> Iterator[BuildResult]:
    """Build several articles at once, one result each in their order: their texts (in bounded
    windows) go through ``nlp.pipe`` together, which parses short texts several times faster
    than one call each. An article whose extraction fails is one failure; if the pipeline itself
    fails, each article is built again on its own. With ``as_ntriples`` each result carries its
    triples as N-Triples (``BuildResult.ntriples``) instead of an rdflib graph: what a store
    loads, and what a worker process sends back; with ``as_triples`` as a tuple of rdflib terms
    (``BuildResult.triples``): what :func:`merge` adds to one graph."""
    nlp = _nlp(model)
    form = "ntriples" if as_ntriples else "triples" if as_triples else "graph"
    make = _MAKERS[form]
    articles = [(label, _scrubbed(article)) for label, article in batch]
    parts = [(n, offset, text) for n, (_, article) in enumerate(articles) for offset, text in _windows(article.text, nlp)]
    try:
        docs = list(nlp.pipe(text for _, _, text in parts))
    except Exception:  # noqa: BLE001 - fall back to one article at a time
        for label, article in batch:
            yield _built(label, article, lambda a=article: _one_article(a, model, make), form)
        return
    by_article: dict[int, list] = {}
    for (n, offset, _), doc in zip(parts, docs):
        by_article.setdefault(n, []).append((offset, doc))
    for n, (label, article) in enumerate(articles):
        parsed = by_article.get(n, [])
        yield _built(label, batch[n][1], lambda a=article, p=parsed: make(a, _joined(p, a.published)), form)


def _built(label: Path, article: Article, make, form: str = "graph") -> BuildResult:
    """The result of ``make()``, in the :class:`BuildResult` field ``form`` names."""
    try:
        return BuildResult(label, article, **{"graph": None, form: make()}, warnings=article.warnings)
    except Exception as exc:  # noqa: BLE001 - one article's failure must not stop a batch
        return BuildResult(label, None, None, _one_line(f"{label}: {type(exc).__name__}: {exc}"))


def _keeper(copies: list[tuple[Path, date | None]]) -> tuple[Path, date | None]:
    """Of several files with the same text (``(path, publication date)`` pairs), the one whose
    metadata the graph keeps: the earliest publication date (a dated copy before an undated one),
    then the first path; so the choice does not depend on the order of the inputs."""
    return min(copies, key=lambda pd: (pd[1] is None, pd[1] or date.min, str(pd[0])))


#: At most this many entries in a batch (results included), so that a long run of articles that
#: are not built (already stored, copies) does not gather in memory.
MAX_BATCH_ENTRIES = 1024

#: The articles of a build's first reading are kept for its second while their texts hold at most
#: this many characters (so the files of most builds are read once); past it, every file is read
#: again, so that memory does not grow with the number of articles.
KEEP_READ_CHARS = 20_000_000

#: One batch of a build, in the order of the inputs: articles to build (``(label, Article)``
#: pairs) and the results already known (failures, copies, documents already stored) between them.
Batch = list  # list[BuildResult | tuple[Path, Article]]


def plan_batches(inputs: Sequence[Path | str], published: date | None = None,
                 known: Callable[[str], bool] | None = None,
                 planned: Callable[[int], None] | None = None,
                 batch_size: Callable[[int], int] = lambda articles: PIPE_BATCH) -> Iterator[Batch]:
    """The batches of a build (see :data:`Batch`), each with at most ``batch_size(n)`` articles
    to build (``n``: the articles read; :data:`PIPE_BATCH` by default); building each in turn
    gives the results in the order of the inputs.

    Inputs that cannot be read come first, as failures; then every article is read once to
    find texts met in several files, each built once (see :func:`_keeper`), the other copies
    reported as warnings; ``planned(n)`` is then told how many results the build will give;
    then the articles are read again and batched in turn, so that memory does not grow with
    the number of articles (what the first reading gave is kept for the second instead, while the
    texts read hold at most :data:`KEEP_READ_CHARS` characters). An article whose text
    ``known(sha256)`` says is already stored is not built: its result says so (``BuildResult.known``).
    """
    from kg.read import expand_inputs

    paths, problems, notes = expand_inputs(Path(p) for p in inputs)
    pending: Batch = []
    for p in problems:
        pending.append(BuildResult(p.path, None, None, p.message))
    for p in notes:
        pending.append(BuildResult(p.path, None, None, None, (p.message,)))
    copies: dict[str, list[tuple[Path, date | None]]] = {}
    readable: list[Path] = []  # the files with an article to build
    ok: set[Path] = set()
    broken: set[Path] = set()  # files that could not be read to the end (their failure is told once)
    kept: dict[Path, list] | None = {}  # what reading each file gave, while within KEEP_READ_CHARS
    kept_chars = 0
    for path in paths:
        read: list = []
        for label, article in _read_or_fail(path, published):
            if kept is not None:
                read.append((label, article))
                kept_chars += len(article.text) if isinstance(article, Article) else 0
                if kept_chars > KEEP_READ_CHARS:
                    kept, read = None, []
            if isinstance(article, BuildResult):
                pending.append(article)
                broken.add(path)
                continue
            if isinstance(article, ArticleError):
                pending.append(BuildResult(label, None, None, str(article)))
                continue
            if not readable or readable[-1] != path:
                readable.append(path)
            ok.add(label)
            copies.setdefault(article.sha256, []).append((label, article.published))
        if kept is not None:
            kept[path] = read
    if planned is not None:
        planned(len(pending) + len(ok))
    size = max(1, batch_size(len(ok)))
    waiting = chars = 0  # articles to build in ``pending``, and their length
    for path in readable:
        reading = kept.pop(path) if kept is not None else _read_or_fail(path, published)
        for label, article in reading:
            if len(pending) >= MAX_BATCH_ENTRIES:
                yield pending
                pending, waiting, chars = [], 0, 0
            if isinstance(article, BuildResult):  # unreadable now (or again: told once)
                if path not in broken:
                    pending.append(article)
                continue
            if label not in ok:
                continue
            if isinstance(article, ArticleError):  # changed since it was first read
                pending.append(BuildResult(label, None, None, str(article)))
                continue
            keep_path, keep_date = _keeper(copies.get(article.sha256) or [(label, article.published)])
            if keep_path != label:
                when = keep_date.isoformat() if keep_date else "no date"
                pending.append(BuildResult(label, None, None, None, (
                    f"{label}: same text as {keep_path}; built once, published {when}",)))
                continue
            if known is not None and known(article.sha256):
                pending.append(BuildResult(label, None, None, None, (
                    f"{label}: already in the store (same text); skipped, nothing changed",), known=True))
                continue
            pending.append((label, article))
            waiting += 1
            chars += len(article.text)
            if waiting >= size or chars >= PIPE_BATCH_CHARS:
                yield pending
                pending, waiting, chars = [], 0, 0
    if pending:
        yield pending


def build_batch(batch: Batch, model: str | None = None, as_ntriples: bool = False,
                as_triples: bool = False) -> list[BuildResult]:
    """The results of one batch (see :data:`Batch`), in its order (the triples' form as
    :func:`build_articles` says)."""
    articles = [entry for entry in batch if not isinstance(entry, BuildResult)]
    built = iter(build_articles(articles, model, as_ntriples, as_triples)) if articles else iter(())
    return [entry if isinstance(entry, BuildResult) else next(built) for entry in batch]


def build_iter(inputs: Sequence[Path | str], published: date | None = None,
               model: str | None = None, *, jobs: int = 1,
               known: Callable[[str], bool] | None = None,
               planned: Callable[[int], None] | None = None,
               cluster=None, shards: Path | None = None, as_ntriples: bool = False) -> Iterator[BuildResult]:
    """Build every article under ``inputs`` (files or folders), one result each, in the order
    of the inputs; never raises for a bad article (see :func:`plan_batches`). The results
    carry their triples as a tuple of rdflib terms (``BuildResult.triples``), what
    :func:`merge` adds to one graph, or with ``as_ntriples`` (for a store) as N-Triples;
    results from worker processes always carry N-Triples. ``BuildResult.rdf()`` makes a
    graph of either.

    With ``jobs`` > 1 and more than one batch to build, the batches (smaller ones, so that
    every worker gets some: :func:`parallel_batch_size`) are built in that many worker
    processes (:mod:`kg.parallel`); the results, and so the graph, are the same as with one.
    With ``cluster`` (a dask.distributed Client) they are built on its workers instead, one
    N-Quads shard per batch written into the folder ``shards`` (:mod:`kg.distributed`).
    """
    from itertools import chain

    _nlp(model)  # a missing model is an error for the whole run, raised here
    counted: list[int] = []  # the number of articles read, once known

    if cluster is not None:
        jobs = max(1, sum(cluster.nthreads().values()))

    def size(articles: int) -> int:
        counted.append(articles)
        return PIPE_BATCH if jobs <= 1 else parallel_batch_size(articles, jobs)

    batches = plan_batches(inputs, published, known, planned, size)
    first = next(batches, None)
    if first is None:
        return
    batches = chain([first], batches)
    if cluster is not None:
        from kg.distributed import build_batches

        yield from build_batches(batches, model, cluster, Path(shards or "shards"))
        return
    if jobs > 1 and counted and counted[0] > parallel_batch_size(counted[0], jobs):  # more than one batch
        from kg.parallel import build_batches

        yield from build_batches(batches, model, jobs)
        return
    for batch in batches:
        yield from build_batch(batch, model, as_ntriples, as_triples=not as_ntriples)


#: The fewest articles a worker gets at a time (``nlp.pipe`` gains little beyond a few).
MIN_PARALLEL_BATCH = 4


def parallel_batch_size(articles: int, jobs: int) -> int:
    """Articles per batch with ``jobs`` workers: enough batches to keep every worker busy
    (two each at a time), at most :data:`PIPE_BATCH`, at least :data:`MIN_PARALLEL_BATCH`."""
    from kg.parallel import IN_FLIGHT

    return max(MIN_PARALLEL_BATCH, min(PIPE_BATCH, -(-articles // (jobs * IN_FLIGHT))))


def _read_or_fail(path: Path, published: date | None) -> Iterator[tuple[Path, Article | ArticleError | BuildResult]]:
    """The articles of ``path`` as they are read (see :func:`_read`); if the file cannot be
    read (from the start or partway), last the result saying why, as ``(path, BuildResult)``."""
    try:
        yield from _read(path, published)
    except ArticleError as exc:
        yield path, BuildResult(path, None, None, str(exc))
    except Exception as exc:  # noqa: BLE001 - one article's failure must not stop a batch
        yield path, BuildResult(path, None, None, _one_line(f"{path}: {type(exc).__name__}: {exc}"))


def _read(path: Path, published: date | None) -> Iterator[tuple[Path, Article | ArticleError]]:
    """The articles of one input file, one at a time: one, or one per line of a JSON Lines feed."""
    from kg.read import is_feed, read_jsonl

    if is_feed(path):
        for label, art in read_jsonl(path, published):
            yield Path(label), art
        return
    yield path, read_article(path, published)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())[:500]


def merge(results: Iterable[BuildResult], merge_events: bool = True) -> tuple[Graph, list[BuildResult]]:
    """One graph of the built results, and the failed ones. With ``merge_events`` (the
    default), an event that several documents report becomes one node (:mod:`kg.event_merge`)."""
    from kg.event_merge import merge_events as merge_reported_events
    from kg.graph import merge_labels, new_graph

    graph, failures = new_graph(), []
    # a triple several articles give (a country's name and class, a shared source) goes into the
    # graph's store once: the others are passed over here, not indexed again by the store
    add, added = graph.store.add, set()
    for r in results:
        if r.built and r.triples is not None:
            for triple in r.triples:
                if triple not in added:
                    added.add(triple)
                    add(triple, graph, False)
        elif r.built and r.graph is None:
            graph.parse(data=r.ntriples, format="nt")
        elif r.built:
            graph += r.graph
        elif not r.ok:
            failures.append(r)
    merge_labels(graph)
    if merge_events:
        merge_reported_events(graph)
    return graph, failures


def store_build(path: Path | str):
    """A build into the store in folder ``path``, as a context manager (:func:`kg.store.building`):
    it yields a :class:`kg.store.StoreBuild` whose ``known`` goes to :func:`build_iter`, and the
    new documents become the store's graph when the block ends without an error."""
    from kg.store import building

    return building(path)


def add_to_store(build, results: Iterable[BuildResult], merge_events: bool = True) -> int:
    """Add the built results to a store build (:func:`kg.store.building`), a batch at a time,
    through :func:`kg.store.add_new_documents`; the graphs are not kept. With ``merge_events``
    (the default), an event the new documents report that documents of the store (or other new
    ones) report too becomes one node (:mod:`kg.event_merge`). The number of triples added."""
    from kg.graph import document_iri
    from kg.store import add_new_documents

    def batches():
        batch = []
        for r in results:
            if r.built:
                batch.append((str(document_iri(r.article)), r.ntriples if r.ntriples is not None else r.rdf()))
            if len(batch) >= PIPE_BATCH:
                yield batch
                batch = []
        yield batch

    return add_new_documents(build, batches(), merge_events)


def open_store(path: Path | str):
    """The current graph of the store in folder ``path``, read-only (a pyoxigraph Store);
    :class:`kg.store.StoreError` (a ValueError) if there is none."""
    from kg.store import open_read

    return open_read(path)


def store_graph(store) -> Graph:
    """A store's graph as an rdflib Graph, term by term (for the views and exports)."""
    from kg.store import to_graph

    return to_graph(store)


def build_graph(inputs: Sequence[Path | str], published: date | None = None,
                model: str | None = None, merge_events: bool = True) -> tuple[Graph, list[BuildResult]]:
    """One graph of all the articles under ``inputs``, and the failures; with ``merge_events``,
    one node for each event that several documents report."""
    return merge(build_iter(inputs, published, model), merge_events)


# -- files -------------------------------------------------------------------

RDF_FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld",
               ".rdf": "xml", ".owl": "xml", ".xml": "xml", ".n3": "n3", ".trig": "trig", ".nq": "nquads"}


def rdf_format(path: Path) -> str:
    return RDF_FORMATS.get(Path(path).suffix.lower(), "turtle")


def serialize(graph: Graph, fmt: str = "turtle") -> str:
    """Deterministic text: Turtle is written sorted (by Oxigraph's writer, several times faster
    than rdflib's), so the same graph gives the same bytes."""
    if fmt == "turtle":
        from kg.store import turtle
        from kg.vocab import PREFIXES

        # resource IRIs stay whole (<.../resource/attack/...>): as nkr: names their slashes would be escaped
        return turtle(graph, {name: str(ns) for name, ns in PREFIXES.items() if name != "nkr"}).decode("utf-8")
    return graph.serialize(format=fmt)


def _umask() -> int:
    """The process's file-creation mask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _temp_name(path: Path) -> Path:
    """A fresh hidden name beside ``path`` for a temporary file (not created)."""
    return path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")


def _remove(tmp: Path) -> None:
    try:
        tmp.unlink(missing_ok=True)
    except OSError:
        pass  # never there (its folder is not one); the first error is the one to tell


def _make_temp(tmp: Path) -> None:
    """Create ``tmp`` (empty, new) with the permissions a new file gets in its folder. The name is
    chosen before the file exists, so that a caller interrupted at any point knows what to remove."""
    for folder in [tmp.parent, *tmp.parent.parents]:
        if folder.exists():
            if not folder.is_dir():
                raise NotADirectoryError(20, "a file, not a folder", str(folder))
            break
    tmp.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666 & ~_umask()))
    os.chmod(tmp, 0o666 & ~_umask())


def write_atomic(path: Path, text: str) -> Path:
    """Write through a temporary file in the same folder, so a failure never leaves half a file;
    the file gets the usual permissions of a new file (the umask's), not a temporary file's."""
    path = Path(path)
    tmp = _temp_name(path)
    try:
        _make_temp(tmp)
        with open(tmp, "w", encoding="utf-8", errors="replace") as fh:
            fh.write(text)
        os.replace(tmp, path)
    finally:
        _remove(tmp)
    return path


GRAPH_SUFFIXES = (".ttl", ".nt", ".jsonld", ".json", ".nq", ".trig", ".n3", ".rdf", ".owl", ".xml")


def output_path(out: Path | str) -> Path:
    """The graph file ``--out`` names: a graph file (see :data:`GRAPH_SUFFIXES`), or a folder
    (an existing one, or a name without a suffix) for ``graph.ttl`` in it; anything else is a
    ValueError with a one-line reason. The page goes beside the graph, as ``NAME.html``."""
    out = Path(out)
    if out.is_dir() or (out.suffix == "" and not out.is_file()):
        return out / "graph.ttl"
    if out.suffix.lower() not in GRAPH_SUFFIXES:
        raise ValueError(f"--out {out}: not a graph file; give a folder or a name ending in "
                         f"{', '.join(GRAPH_SUFFIXES)} (the page is written beside the graph as .html)")
    return out


def save_outputs(graph: Graph, path: Path, page: Path | None = None, **page_options):
    """Write the graph and, if ``page`` is given, its HTML page; both are written in full to
    temporary files first and then put in place one right after the other, so a failure
    leaves the previous graph and page as they were. Returns the page report or None."""
    path = Path(path)
    text = serialize(graph, rdf_format(path))
    graph_tmp = _temp_name(path)
    page_tmp = _temp_name(Path(page)) if page is not None else None
    try:
        _make_temp(graph_tmp)
        with open(graph_tmp, "w", encoding="utf-8", errors="replace") as fh:
            fh.write(text)
        report = None
        if page is not None:
            page = Path(page)
            _make_temp(page_tmp)
            report = to_html(graph, page_tmp, **page_options)
            os.chmod(page_tmp, 0o666 & ~_umask())
            report = replace(report, path=page)
            os.replace(page_tmp, page)
        os.replace(graph_tmp, path)
    finally:
        for tmp in (graph_tmp, page_tmp):
            if tmp is not None:
                _remove(tmp)
    return report


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
    """A query given as text, as a path to a .rq file, or as the name of a shipped query.
    A name ending in ``.rq`` that is no file is an error (ValueError), not query text."""
    named = named_queries()
    if q in named:
        return named[q].read_text(encoding="utf-8")
    p = Path(q)
    if p.suffix.lower() == ".rq" and "{" not in q:
        try:
            return p.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ValueError(f"{p}: no such query file") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"{p}: cannot read the query file ({getattr(exc, 'strerror', None) or exc})") from None
    return q


def query(graph, q: str, *, timeout: float | None = None, limit: int | None = None, offset: int = 0,
          allow_service: Sequence[str] = (), memory_mb: int | None = None):
    """Run SPARQL (text, .rq path or shipped name) with the project's prefixes on ``graph``
    (an rdflib Graph, or a pyoxigraph Store such as :func:`open_store` gives); a DataFrame.

    Queries run on Oxigraph (pyoxigraph), a standards-complete SPARQL 1.1 engine that is
    also much faster than rdflib's own on large graphs; literals come back as Python values,
    integer columns as integers even with gaps. Updates and ``SERVICE`` calls are refused
    (:class:`kg.sparql.QueryRefused`, a ValueError); with ``timeout`` (seconds) the query is
    stopped when it runs longer or needs more than ``memory_mb`` (default
    :data:`kg.sparql.QUERY_MEMORY_MB`) of memory; with ``limit`` at most that many rows are
    returned and ``df.attrs["truncated"]`` says whether there were more; with ``offset`` the
    first ``offset`` rows are left out (``limit`` and ``offset`` together: one page of the
    answer, as :func:`kg.sparql.paged` evaluates it).
    """
    import pandas as pd

    from contextlib import nullcontext

    from kg.sparql import QUERY_MEMORY_MB, check_query, evaluate, paged, run_limited, scratch_store
    from kg.vocab import PREFIXES

    text = query_text(q)
    check_query(text, allow_service)
    text, skip = paged(text, limit, offset)
    prefixes = {k: str(v) for k, v in PREFIXES.items()}
    with (scratch_store(graph.serialize(format="nt", encoding="utf-8"), text) if isinstance(graph, Graph)
          else nullcontext(graph)) as store:
        answer = run_limited(lambda: evaluate(store, text, prefixes, limit, skip), timeout,
                             memory_mb or QUERY_MEMORY_MB)
    df = pd.DataFrame(answer.rows, columns=list(answer.columns), dtype=object)
    for col in df.columns:
        values = [v for v in df[col] if v is not None]
        if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            df[col] = pd.array(list(df[col]), dtype="Int64")
        elif values and all(isinstance(v, float) for v in values):
            df[col] = pd.array(list(df[col]), dtype="Float64")
    df.attrs["truncated"] = answer.truncated
    return df


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


def stats(graph: Graph) -> dict:
    from kg.export.network import stats as _stats

    return _stats(graph)
