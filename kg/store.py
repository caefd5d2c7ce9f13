"""A persistent graph: an Oxigraph store on disk that each ``kg build --store DIR`` extends.

Layout of ``DIR``::

    DIR/lock             held (``flock``) by the one build writing to the store
    DIR/current          the name of the generation readers open (and, on a second line, the one before)
    DIR/graph-<stamp>/   one generation: a complete Oxigraph (RocksDB) database

How a build stays one transaction. pyoxigraph's ``Store.extend`` and ``Store.load`` are
transactional, but one call holding a whole corpus is not flat in memory, and a series of
calls is a series of transactions: a build killed halfway would leave half its documents in.
So a build never writes to the generation readers see. It takes a copy of it with
``Store.backup`` (a RocksDB checkpoint: on the same file system the immutable table files are
hard-linked, so the copy costs a few file operations whatever the store's size), streams each
batch of new documents into the copy with ``Store.extend`` (memory bounded by one batch), runs
the steps that look across documents (:func:`add_new_documents`), flushes and closes the copy,
and only then points ``current`` at it with one atomic ``os.replace`` of a small file. A
build that fails, is interrupted (Ctrl-C) or killed (SIGKILL) before that rename leaves
``current`` as it was; the copy it left behind is removed by the next build, which starts again
from ``current`` and so completes the work. The generation before is kept until the next build,
so a reader that opened it just before the switch is not cut off.

Every committed generation is compacted (``Store.optimize``: the batches written one after
the other leave many small tables, which every lookup of a query has to visit; compacting a
10,000-document store takes half a second and makes the shipped queries about a quarter
faster) and flushed before it is closed: a read-only Oxigraph store does not
replay data still in the write-ahead log into a backup, so the next build's copy would miss it.

Concurrent builds are refused: the second finds the lock held and stops with one line naming
the process that holds it. The kernel releases the lock when its holder dies, even by SIGKILL.
Readers (``kg query --store`` ...) take no lock: they open the current generation read-only.
"""

from __future__ import annotations

import gc
import os
import secrets
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

POINTER = "current"
LOCK = "lock"
GENERATION = "graph-"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class StoreError(ValueError):
    """A store that cannot be used as asked; the message is one line naming it."""


class StoreBusy(StoreError):
    """Another build holds the store's lock."""


# -- terms ------------------------------------------------------------------

def to_ox(term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype is not None:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def from_ox(term) -> URIRef | BNode | Literal:
    """A pyoxigraph term as an rdflib term (a plain literal stays plain, as rdflib writes it)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == XSD_STRING:
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def quads(triples: Iterable[tuple]) -> Iterator[ox.Quad]:
    """rdflib triples as quads of the default graph."""
    for s, p, o in triples:
        yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.DefaultGraph())


def ntriples(triples: Iterable[tuple]) -> bytes:
    """rdflib triples (a graph, or any iterable of them) as N-Triples, written by Oxigraph
    (the terms as :func:`to_ox` gives them)."""
    return ox.serialize((ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples), format=ox.RdfFormat.N_TRIPLES)


def turtle(triples: Iterable[tuple], prefixes: dict[str, str]) -> bytes:
    """rdflib triples as Turtle, written by Oxigraph: the same triples always give the same
    bytes, whatever their order. The triples are sorted by their N-Triples forms (so each
    subject's triples come together, and each predicate's objects), and the ``@prefix`` lines
    are written in the order of their names (Oxigraph's own order of them is not a promise)."""
    terms = sorted(((to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples), key=lambda t: (str(t[0]), str(t[1]), str(t[2])))
    names = sorted(prefixes)
    body = ox.serialize((ox.Triple(s, p, o) for s, p, o in terms), format=ox.RdfFormat.TURTLE,
                        prefixes={name: prefixes[name] for name in names})
    head = "".join(f"@prefix {name}: <{prefixes[name]}> .\n" for name in names).encode()
    return head + b"".join(line for line in body.splitlines(keepends=True) if not line.startswith(b"@prefix "))


def to_graph(store: ox.Store) -> Graph:
    """The store's default graph as an rdflib Graph (term by term: nothing is parsed)."""
    from kg.graph import new_graph

    g = new_graph()
    g += ((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
          for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    return g


def triple_count(store: ox.Store) -> int:
    return len(store)


def has_document(store: ox.Store, sha256: str) -> bool:
    """Whether a document with this text (``nkg:sha256``) is in the store."""
    from kg.vocab import NKG

    found = store.quads_for_pattern(None, ox.NamedNode(str(NKG.sha256)), ox.Literal(sha256), ox.DefaultGraph())
    return next(iter(found), None) is not None


# -- generations -------------------------------------------------------------

def _pointer(path: Path) -> list[str]:
    """The generation names ``current`` holds: the current one first, then the one before."""
    try:
        return (path / POINTER).read_text(encoding="utf-8").split()
    except FileNotFoundError:
        return []


def current_generation(path: Path | str) -> Path | None:
    names = _pointer(Path(path))
    return Path(path) / names[0] if names else None


def open_read(path: Path | str) -> ox.Store:
    """The store's current graph, opened read-only; :class:`StoreError` if there is none."""
    path = Path(path)
    if not path.is_dir():
        raise StoreError(f"--store {path}: no such store (kg build --store {path} creates it)")
    for _ in range(3):  # a build may switch generations between reading the pointer and opening
        generation = current_generation(path)
        if generation is None:
            raise StoreError(f"--store {path}: no graph in this store yet (kg build INPUT --store {path})")
        try:
            return ox.Store.read_only(str(generation))
        except OSError as exc:
            error = exc
            time.sleep(0.05)
    raise StoreError(f"--store {path}: cannot open {generation.name} ({' '.join(str(error).split())[:200]})")


def _write_pointer(path: Path, names: list[str]) -> None:
    tmp = path / f".{POINTER}.{os.getpid()}-{secrets.token_hex(4)}.tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write("\n".join(names) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path / POINTER)
    finally:
        tmp.unlink(missing_ok=True)
    try:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass


def _remove_leftovers(path: Path, keep: Iterable[str]) -> None:
    """Remove the generations neither current nor the one before (copies of stopped builds)."""
    keep = set(keep)
    for child in path.iterdir():
        if child.is_dir() and child.name.startswith(GENERATION) and child.name not in keep:
            shutil.rmtree(child, ignore_errors=True)
    for child in path.glob(f".{POINTER}.*.tmp"):
        child.unlink(missing_ok=True)


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    import fcntl

    fd = os.open(path / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            raise StoreBusy(f"--store {path}: another build is writing to this store (pid {holder}); "
                            f"try again when it has ended") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        os.close(fd)  # releases the lock


def _check_store_dir(path: Path) -> None:
    if path.exists() and not path.is_dir():
        raise StoreError(f"--store {path}: a file, not a store folder")
    if path.is_dir() and not (path / LOCK).exists() and any(path.iterdir()):
        raise StoreError(f"--store {path}: a folder that is not a newskg store (not empty); give a new or empty folder")


# -- a build ------------------------------------------------------------------

@dataclass
class StoreBuild:
    """A build in progress: ``staging`` is this build's copy of the store, which becomes the
    current graph when the build ends without an error and with new documents."""

    path: Path
    staging: ox.Store
    generation: Path
    base_triples: int
    new_documents: list[str] = field(default_factory=list)

    def known(self, sha256: str) -> bool:
        """Whether a document with this text is already in the store (or was added by this build)."""
        return has_document(self.staging, sha256)


@contextmanager
def building(path: Path | str) -> Iterator[StoreBuild]:
    """Lock the store at ``path`` (created if missing), copy its current graph to a new
    generation and yield the :class:`StoreBuild`; on a normal exit with new documents the copy
    becomes current, on an exception it is removed and the store is left as it was."""
    path = Path(path)
    _check_store_dir(path)
    path.mkdir(parents=True, exist_ok=True)
    with _locked(path):
        names = _pointer(path)
        _remove_leftovers(path, names[:1])
        generation = path / f"{GENERATION}{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{secrets.token_hex(4)}"
        build = None
        try:
            base_triples = 0
            if names:
                base = ox.Store.read_only(str(path / names[0]))
                base_triples = len(base)
                base.backup(str(generation))
                del base
            build = StoreBuild(path, ox.Store(str(generation)), generation, base_triples)
            if len(build.staging) != base_triples:
                raise StoreError(f"--store {path}: the copy of {names[0]} is incomplete; the store is left as it was")
            yield build
            committed = bool(build.new_documents)
            if committed:
                build.staging.optimize()  # one compacted table per index: reads a third faster
                build.staging.flush()
            build.staging = None  # closes the database: this was its last reference
            gc.collect()
            if committed:
                _write_pointer(path, [generation.name, *names[:1]])
            else:
                shutil.rmtree(generation, ignore_errors=True)
        except BaseException:
            if build is not None:
                build.staging = None
            gc.collect()
            shutil.rmtree(generation, ignore_errors=True)
            raise


#: Triples added to a build's copy of the store between two flushes to disk.
FLUSH_EVERY = 100_000


def add_new_documents(build: StoreBuild, batches: Iterable[list[tuple[str, Graph]]],
                      merge_events: bool = True) -> int:
    """The one way a build's new documents enter the store.

    ``batches`` yields lists of ``(document IRI, graph)`` pairs, each graph an rdflib Graph or
    its N-Triples (bytes, as worker processes send them: loaded as they are, no rdflib term
    made); each batch is added to the build's copy of the store as it comes (one ``Store.extend``
    or ``Store.load``), so memory holds one batch;
    every :data:`FLUSH_EVERY` triples the copy is flushed to disk (else RocksDB's write
    buffers, one per index, grow to about a gigabyte before they are written).
    Once all are in, the steps that look across documents run on the copy, with the new
    documents' IRIs in ``build.new_documents``: labels that documents disagree on are merged
    (as :func:`kg.graph.merge_labels` does for a file), then, with ``merge_events``, the events
    that the new documents and those already in the store report alike become one node
    (:func:`kg.event_merge.merge_events`, looking only at events that could match the new
    documents', in date order: memory holds the events of a date window, not all of them).
    Returns the number of triples added (less those merged away)."""
    before = len(build.staging)
    unflushed = 0
    for batch in batches:
        if not batch:
            continue
        graphs = [graph for _, graph in batch if isinstance(graph, Graph)]
        texts = [graph for _, graph in batch if not isinstance(graph, Graph)]
        if graphs:
            build.staging.extend(q for graph in graphs for q in quads(graph))
        if texts:
            build.staging.load(b"".join(texts), format=ox.RdfFormat.N_TRIPLES)
        build.new_documents.extend(doc for doc, _ in batch)
        unflushed += sum(len(graph) for graph in graphs) + sum(text.count(b"\n") for text in texts)
        if unflushed >= FLUSH_EVERY:
            build.staging.flush()
            unflushed = 0
    merge_labels_in_store(build.staging)
    if merge_events and build.new_documents:
        from rdflib import URIRef

        from kg.event_merge import merge_events as merge_reported_events

        merge_reported_events(build.staging, (URIRef(d) for d in build.new_documents))
    return len(build.staging) - before


_LABELLED = """
SELECT DISTINCT ?s WHERE {
  VALUES ?cls { nkg:Person nkg:Organization nkg:Place nkg:City nkg:Region nkg:Country }
  ?s a ?cls .
  { ?s rdfs:label ?a, ?b FILTER(?a != ?b) } UNION { ?s nkg:role ?a, ?b FILTER(?a != ?b) }
}"""


def merge_labels_in_store(store: ox.Store) -> None:
    """:func:`kg.graph.merge_labels` on a store: one rdfs:label per thing (the longest; the
    others become skos:altLabel) and one nkg:role. Applied after every build, it gives what
    merging all the documents at once gives: the longest label of the union is the longest of
    the longest ones."""
    from rdflib.namespace import RDFS, SKOS

    from kg.vocab import NKG, PREFIXES

    label, alt, role = (ox.NamedNode(str(t)) for t in (RDFS.label, SKOS.altLabel, NKG.role))
    prefixes = {k: str(v) for k, v in PREFIXES.items()}
    subjects = [row["s"] for row in store.query(_LABELLED, prefixes=prefixes)]
    graph = ox.DefaultGraph()
    removed, added = [], []
    for s in subjects:
        labels = sorted((q.object for q in store.quads_for_pattern(s, label, None, graph)),
                        key=lambda l: (-len(l.value), l.value))
        for extra in labels[1:]:
            removed.append(ox.Quad(s, label, extra, graph))
            added.append(ox.Quad(s, alt, extra, graph))
        roles = sorted((q.object for q in store.quads_for_pattern(s, role, None, graph)), key=lambda l: l.value)
        removed.extend(ox.Quad(s, role, extra, graph) for extra in roles[1:])
    for q in removed:
        store.remove(q)
    store.extend(added)
