"""SPARQL on a graph, safely: read-only, with a time limit and a row cap, no outside calls.

Queries are evaluated by Oxigraph (pyoxigraph), which cannot be interrupted from
Python; a query with a time limit is therefore evaluated in a forked child
process, which is killed when the limit is reached, so a cross product ends with
a clear :class:`QueryRefused` instead of hanging. Updates (``INSERT``, ``LOAD``,
``DROP``...) are refused, and so is ``SERVICE`` (a call from the machine to any
address the query names) unless its IRI starts with an allowed prefix.

>>> check_query("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
Traceback (most recent call last):
...
kg.sparql.QueryRefused: updates are refused: this graph is read-only
"""

from __future__ import annotations

import multiprocessing
import re
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Any, Callable, Iterator, Sequence


class QueryRefused(ValueError):
    """A query that is not run, or was stopped; the message is one line."""


_TOKENS = re.compile(
    r'(?P<str>"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')'
    r'|(?P<iri><[^<>"{}|^`\\\s]*>)'
    r'|(?P<comment>\#[^\n]*)'
    r'|(?P<word>(?<![?$\w:])[A-Za-z]+(?![\w:-]))')
_UPDATE_WORDS = frozenset({"insert", "delete", "load", "clear", "create", "drop", "copy", "move", "add", "with"})
_PROLOGUE_WORDS = frozenset({"prefix", "base"})


def _words(query: str) -> list[tuple[str, str]]:
    """(kind, text) of the query's keywords and IRIs, strings and comments left out."""
    return [(m.lastgroup, m.group()) for m in _TOKENS.finditer(query) if m.lastgroup in {"iri", "word"}]


def check_query(query: str, allow_service: Sequence[str] = ()) -> None:
    """Raise :class:`QueryRefused` for an update, or a ``SERVICE`` call to an IRI that does not
    start with one of ``allow_service`` (or to a variable)."""
    tokens = _words(query)
    # the first keyword after the prologue (PREFIX p: <iri>, BASE <iri>) says what the request is
    i = 0
    while i < len(tokens) and (tokens[i][1].lower() in _PROLOGUE_WORDS or tokens[i][0] == "iri"):
        i += 1
    if i < len(tokens) and tokens[i][1].lower() in _UPDATE_WORDS:
        raise QueryRefused("updates are refused: this graph is read-only")
    for j, (kind, text) in enumerate(tokens):
        if kind != "word" or text.lower() != "service":
            continue
        k = j + 1
        if k < len(tokens) and tokens[k][1].lower() == "silent":
            k += 1
        target = tokens[k][1][1:-1] if k < len(tokens) and tokens[k][0] == "iri" else None
        if target is None or not any(target.startswith(prefix) for prefix in allow_service if prefix):
            shown = target if target is not None else "a variable"
            raise QueryRefused(f"SERVICE {shown} is refused: federated queries to outside addresses are off")


@dataclass(frozen=True)
class Answer:
    """What a query gave: ``kind`` is "select", "ask" or "construct"; rows of Python values."""

    kind: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    truncated: bool = False  # more rows than the cap


def make_store(nt: bytes):
    import pyoxigraph as ox

    store = ox.Store()
    store.load(nt, format=ox.RdfFormat.N_TRIPLES)
    return store


def order_sensitive(query: str) -> bool:
    """Whether the query's answer may depend on the order the engine meets the triples in
    (``GROUP_CONCAT``, ``SAMPLE``), beyond the order of its rows."""
    return _ORDER_SENSITIVE.search(query) is not None


_ORDER_SENSITIVE = re.compile(r"\b(?:group_concat|sample)\s*\(", re.IGNORECASE)


@contextmanager
def scratch_store(nt: bytes, query: str | None = None) -> Iterator[Any]:
    """A store of the N-Triples ``nt`` for the time of the ``with`` block. For a query whose
    answer depends on the order of the triples (:func:`order_sensitive`), or for any query
    (``query`` None: a server's), it is on disk, in a
    temporary folder removed after: on disk, Oxigraph meets the triples in an order that depends
    only on the triples, not on the order they were loaded in (in memory it is the loading order,
    which for a graph read from a file changes from run to run), so ``GROUP_CONCAT`` and
    ``SAMPLE`` give the same answer on a graph file as on a store folder with the same triples.
    Other queries get the faster memory store (opening one on disk takes about 0.1 s)."""
    import shutil
    import tempfile

    import pyoxigraph as ox

    if query is not None and not order_sensitive(query):
        yield make_store(nt)
        return
    folder = tempfile.mkdtemp(prefix="newskg-query-")
    try:
        store = ox.Store(folder)
        store.bulk_load(nt, format=ox.RdfFormat.N_TRIPLES)
        yield store
    finally:
        # no full collection here: the caller's ``with ... as store`` still holds the store, so it
        # closed nothing, and it walked the whole heap (a tenth of a second and more after a build)
        store = None
        shutil.rmtree(folder, ignore_errors=True)


def _die_with_parent() -> None:
    """On Linux, have the kernel kill this process when the thread that forked it ends, so a
    killed server or command leaves no query running."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


# memory a query may take beyond what the process holds when it starts (a sort of a cross product
# would otherwise take the machine's); over it the query's process ends and the query is refused
QUERY_MEMORY_MB = 1024


def _limit_memory(extra_mb: int) -> None:
    try:
        import resource

        with open("/proc/self/status", encoding="ascii") as fh:
            vm_kb = next(int(line.split()[1]) for line in fh if line.startswith("VmSize:"))
        limit = (vm_kb * 1024) + extra_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, resource.getrlimit(resource.RLIMIT_AS)[1]))
    except (OSError, ValueError, StopIteration, ImportError):
        pass


def _child(conn, work: Callable[[], Any], memory_mb: int) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends a running query at once
    _die_with_parent()
    try:  # the engine's own report of a failed allocation must not reach the user's terminal
        import faulthandler
        import os

        faulthandler.disable()

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
    except OSError:
        pass
    if memory_mb:
        _limit_memory(memory_mb)
    try:
        conn.send(("ok", work()))
    except BaseException as exc:  # noqa: BLE001 - the reason goes back to the parent
        conn.send(("error", (type(exc).__name__, " ".join(str(exc).split())[:500])))
    finally:
        conn.close()


def run_limited(work: Callable[[], Any], timeout: float | None, memory_mb: int = QUERY_MEMORY_MB) -> Any:
    """``work()`` in a forked child, killed after ``timeout`` seconds; without a timeout, in this
    process. The child's exception comes back as :class:`QueryRefused` for a parse error, else
    as a RuntimeError, each with a one-line message."""
    if not timeout or timeout <= 0:
        return work()
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, work, memory_mb), daemon=True)
    proc.start()
    send.close()
    try:
        if not receive.poll(timeout):
            raise QueryRefused(f"query stopped after the time limit of {timeout:g} s "
                               f"(a larger --timeout, or a more selective query)")
        try:
            status, value = receive.recv()
        except EOFError:
            raise QueryRefused(f"query stopped: it needed more than the memory limit of {memory_mb} MB "
                               f"(a more selective query)") from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        receive.close()
    if status == "ok":
        return value
    name, message = value
    if name == "MemoryError":
        raise QueryRefused(f"query stopped: it needed more than the memory limit of {memory_mb} MB "
                           f"(a more selective query)")
    if name in {"SyntaxError", "QueryRefused"}:
        raise QueryRefused(message)
    raise RuntimeError(f"{name}: {message}")


#: The line that marks, in a listing query, the subquery that picks and orders its rows (see :func:`paged`).
PAGE_MARK = re.compile(r"^[ \t]*# PAGE[ \t]*$", re.MULTILINE)


def paged(query: str, limit: int | None = None, offset: int = 0) -> tuple[str, int]:
    r"""The text to evaluate for one page of a query's rows (``limit`` rows after the first
    ``offset``), and how many rows of its answer are still to be skipped.

    A listing query can mark with a line ``# PAGE`` (a comment: the query runs as it is) the end
    of the subquery that picks and orders its rows, when every row of that subquery gives one
    row of the answer, in the same order; the page's ``LIMIT`` (one row more than asked, so
    that :func:`evaluate` can tell whether there were more) and ``OFFSET`` go there, so the
    engine looks up the details of the page's rows only. Any other query is evaluated whole
    and its rows skipped as they come (Oxigraph gives them lazily: a query without ``ORDER BY``
    or ``GROUP BY`` is not evaluated past the page).

    >>> paged("SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s\n# PAGE\n} }", 10, 20)[0].split("\n")[1]
    'LIMIT 11 OFFSET 20'
    >>> paged("SELECT ?s WHERE { ?s ?p ?o }", 10, 20)
    ('SELECT ?s WHERE { ?s ?p ?o }', 20)
    """
    if offset < 0 or (limit is not None and limit < 0):
        raise QueryRefused("--limit and --offset take a number of rows, 0 or more")
    if not (limit or offset) or not PAGE_MARK.search(query):
        return query, offset
    slice_ = " ".join(([f"LIMIT {limit + 1}"] if limit else []) + ([f"OFFSET {offset}"] if offset else []))
    return PAGE_MARK.sub(slice_, query, count=1), 0


def evaluate(store, query: str, prefixes: dict[str, str], limit: int | None = None, skip: int = 0) -> Answer:
    """Evaluate on a pyoxigraph store; at most ``limit`` rows (``truncated`` says if there were more)
    after the first ``skip`` ones."""
    import pyoxigraph as ox

    try:
        result = store.query(query, prefixes=prefixes)
    except SyntaxError as exc:
        raise QueryRefused(" ".join(str(exc).split())) from None
    if isinstance(result, (bool, ox.QueryBoolean)):
        return Answer("ask", ("ask",), [(bool(result),)])
    rows: list[tuple[Any, ...]] = []
    truncated = False
    if isinstance(result, ox.QueryTriples):
        columns = ("subject", "predicate", "object")
        for t in islice(result, skip, None):
            if limit and len(rows) >= limit:
                truncated = True
                break
            rows.append((to_python(t.subject), to_python(t.predicate), to_python(t.object)))
        return Answer("construct", columns, rows, truncated)
    columns = tuple(v.value for v in result.variables)
    for sol in islice(result, skip, None):
        if limit and len(rows) >= limit:
            truncated = True
            break
        rows.append(tuple(map(to_python, sol)))
    return Answer("select", columns, rows, truncated)


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                 "positiveInteger", "negativeInteger", "nonPositiveInteger",
                                 "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}


def _boolean(value: str) -> bool:
    return value in {"true", "1"}


def _literal_readers() -> dict[str, Callable[[str], Any]]:
    """Datatype IRI -> the function reading a literal's lexical form as a Python value."""
    from datetime import date
    from decimal import Decimal

    readers: dict[str, Callable[[str], Any]] = {dt: int for dt in _INTEGERS}
    readers.update({_XSD + "double": float, _XSD + "float": float, _XSD + "decimal": Decimal,
                    _XSD + "boolean": _boolean, _XSD + "date": date.fromisoformat})
    return readers


_READERS = _literal_readers()


@lru_cache(maxsize=None)
def _term_readers() -> tuple[type, dict]:
    """pyoxigraph's Literal class and :data:`_READERS` keyed by datatype node (made once)."""
    import pyoxigraph as ox

    return ox.Literal, {ox.NamedNode(dt): read for dt, read in _READERS.items()}


def to_python(term):
    """An Oxigraph term as a plain Python value (IRIs and blank nodes as strings). Called once per
    cell of an answer, so it does the least per call: the datatype node itself is looked up,
    without its IRI being made a string first."""
    if term is None:
        return None
    literal, readers = _term_readers()
    if type(term) is not literal:
        return term.value
    read = readers.get(term.datatype)
    if read is None:
        return term.value
    try:
        return read(term.value)
    except (ValueError, ArithmeticError):
        return term.value
