"""Read articles: a file, several files or a folder -> :class:`Article` records.

A sidecar ``NAME.meta.json`` next to ``NAME.txt`` gives its metadata
(``{"published": "YYYY-MM-DD", "url": "...", "title": "...", "encoding": "..."}``;
``published`` may also be an ISO date-time, ``2025-04-18T09:30:00Z``); a
publication date given on the command line overrides it.

Text is decoded as: a byte-order mark (UTF-8, UTF-16, UTF-32) if there is one;
else the sidecar's ``encoding``; else UTF-8; else the character set a web page
declares; else Windows-1252 (:data:`FALLBACK_ENCODING`), which decodes any
bytes, with a warning. Web pages (``.html``/``.htm``, or text that starts like
one) are read as their visible text, paragraphs kept (:mod:`kg.markup`).

Every problem is an :class:`ArticleError` whose message is one line naming the
file; problems that do not stop an article (a fallback decoding, a date in the
future) are its :attr:`Article.warnings`.
"""

from __future__ import annotations

import codecs
import errno
import gzip
import hashlib
import io
import zlib
import json
import os
import re
import stat
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Iterable, Iterator

from kg.markup import declared_encoding, html_to_text, looks_like_html

ARTICLE_SUFFIXES = (".txt", ".md", ".text", ".html", ".htm", ".jsonl", ".jsonl.gz")
# a feed: one JSON object per line, {"text": ..., "published": ..., "url": ..., "title": ...}, maybe gzipped
FEED_SUFFIXES = (".jsonl", ".jsonl.gz")
HTML_SUFFIXES = (".html", ".htm")
FALLBACK_ENCODING = "cp1252"
# a document longer than this is refused (characters of text, after decoding and markup)
MAX_ARTICLE_CHARS = 5_000_000
# bytes read at most from a file (a web page's markup may be several times its text)
MAX_FILE_BYTES = 4 * MAX_ARTICLE_CHARS
# a publication date later than today by more than this is reported (time zones differ)
FUTURE_SLACK = timedelta(days=1)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL_OK = frozenset("\t\n\r\f\v")


class ArticleError(ValueError):
    """An input that cannot be read as an article; the message is one line."""


@dataclass(frozen=True)
class Article:
    text: str
    source: str  # path or URL as given
    sha256: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    warnings: tuple[str, ...] = ()  # one line each, naming the file

    @property
    def doc_id(self) -> str:
        return self.sha256[:16]


@dataclass(frozen=True)
class Problem:
    """An input given or found that is not read: a missing path, an unreadable folder, a loop."""

    path: Path
    message: str  # one line, naming the path


_SURROGATES = re.compile("[\ud800-\udfff]")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


#: Typographic variants read as their plain forms, one character for one (offsets keep): the
#: hyphen and non-breaking hyphen ("Qatari\u2011brokered") and the no-break spaces.
_PLAIN_FORMS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u00a0": " ", "\u202f": " ", "\u2007": " "})


def scrub(text: str) -> str:
    """Text safe to store in any RDF syntax and plain to read: lone surrogates (which no UTF encoding
    can carry) become U+FFFD, control characters other than tab and line feed (which XML cannot
    carry) become spaces, a stray byte-order mark is dropped, and typographic hyphens and no-break
    spaces become plain ones."""
    return _CONTROLS.sub(" ", _SURROGATES.sub("\ufffd", text)).replace("\ufeff", "").translate(_PLAIN_FORMS)


def one_line(text: object) -> str:
    return " ".join(str(text).split())


def parse_date(value: object, *, what: str = "date") -> date:
    """``YYYY-MM-DD`` or an ISO date-time (``2025-04-18T09:30:00+02:00``, ``...Z``): the date as written."""
    text = str(value).strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("z", "Z")).date()
    except ValueError:
        pass
    if len(text) >= 10 and text[4:5] == "-" and text[7:8] == "-" and text[:4].isdigit():
        raise ArticleError(f"{what} {one_line(value)[:40]!r} is not a possible date") from None
    raise ArticleError(f"{what} {one_line(value)[:40]!r} is not a date in the form YYYY-MM-DD "
                       f"(or an ISO date-time)") from None


def future_warning(published: date | None, what: str, today: date | None = None) -> str | None:
    """A warning when ``published`` lies in the future: the date is kept, relative dates follow it."""
    today = today or date.today()
    if published is not None and published > today + FUTURE_SLACK:
        return f"{what}: publication date {published.isoformat()} is in the future; kept as given"
    return None


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.stem + ".meta.json")


def read_meta(path: Path) -> dict:
    meta_file = sidecar_path(path)
    try:
        raw = meta_file.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read its metadata {meta_file.name} ({exc.strerror or exc})") from None
    try:
        meta = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ArticleError(f"{path}: its metadata {meta_file.name} is not UTF-8 JSON") from None
    except json.JSONDecodeError as exc:
        raise ArticleError(f"{path}: malformed metadata in {meta_file.name} ({exc.msg}, line {exc.lineno} "
                           f"column {exc.colno})") from None
    if not isinstance(meta, dict):
        raise ArticleError(f"{path}: its metadata {meta_file.name} must be a JSON object")
    for key in ("published", "url", "title", "encoding"):
        if meta.get(key) is not None and not isinstance(meta[key], str):
            raise ArticleError(f"{path}: metadata {key!r} in {meta_file.name} must be a string")
    return {k: scrub(v) if isinstance(v, str) else v for k, v in meta.items()}


def _control_share(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ch < " " and ch not in _CONTROL_OK or ch == "\x7f")
    return bad / len(sample)


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 text without a byte-order mark: most odd or even bytes are zero (Latin-script text)."""
    sample = raw[:4096]
    if len(sample) < 4 or len(raw) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.8 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.8 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode(raw: bytes, path: Path, declared: str | None = None) -> tuple[str, tuple[str, ...]]:
    """Bytes -> text and warnings; see the module docstring for the order tried."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), ()
            except UnicodeDecodeError:
                raise ArticleError(f"{path}: starts with a {codec.upper()} byte-order mark "
                                   f"but is not {codec.upper()} text") from None
    if declared:
        try:
            return raw.decode(declared), ()
        except LookupError:
            raise ArticleError(f"{path}: unknown encoding {declared!r} in its metadata") from None
        except UnicodeDecodeError:
            raise ArticleError(f"{path}: not {declared} text, as its metadata says") from None
    if b"\x00" in raw:
        codec = _utf16_without_bom(raw)
        if codec is None:
            raise ArticleError(f"{path}: binary data, not an article")
        try:
            return raw.decode(codec), ()
        except UnicodeDecodeError:
            raise ArticleError(f"{path}: binary data, not an article") from None
    try:
        return raw.decode("utf-8"), ()
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    page_codec = declared_encoding(raw)
    if page_codec:
        try:
            return raw.decode(page_codec), ()
        except (LookupError, UnicodeDecodeError):
            pass
    text = raw.decode(FALLBACK_ENCODING, errors="replace")
    return text, (f"{path}: not UTF-8 (byte {bad_at}); read as {FALLBACK_ENCODING}",)


def is_feed(path: Path | str) -> bool:
    """Whether ``path`` names a JSON Lines feed (``.jsonl``, or gzipped ``.jsonl.gz``)."""
    return str(path).lower().endswith(FEED_SUFFIXES)


def _check_file(path: Path, limit: int | None = MAX_FILE_BYTES) -> os.stat_result:
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ArticleError(f"{path}: symbolic link loop") from None
        if exc.errno == errno.ENOENT:
            raise ArticleError(f"{path}: no such file or folder") from None
        raise ArticleError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise ArticleError(f"{path}: a folder, not an article")
    if not stat.S_ISREG(st.st_mode):
        raise ArticleError(f"{path}: not a regular file (a pipe, socket or device); not read")
    if limit is not None and st.st_size > limit:
        raise ArticleError(f"{path}: {st.st_size:,} bytes, over the limit of {limit:,}; not read")
    return st


def _read_bytes(path: Path) -> bytes:
    """The bytes of an input file, checked first (kind, size); one line naming it if unreadable."""
    _check_file(path)
    try:
        with open(path, "rb") as fh:
            return fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read ({exc.strerror or exc})") from None


def read_article(path: Path, published: date | None = None, today: date | None = None) -> Article:
    """Read one article file and its sidecar metadata."""
    path = Path(path)
    raw = _read_bytes(path)
    meta = read_meta(path)
    text, warnings = decode(raw, path, meta.get("encoding"))
    if _control_share(text) > 0.02:
        raise ArticleError(f"{path}: binary data, not an article")
    text = scrub(text.replace("\r\n", "\n").replace("\r", "\n"))
    title = meta.get("title")
    if path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text):
        text, page_title = html_to_text(text)
        title = title or page_title
    if not text.strip():
        raise ArticleError(f"{path}: empty article (no text)")
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleError(f"{path}: {len(text):,} characters, over the limit of {MAX_ARTICLE_CHARS:,}; "
                           f"split it into several files")
    if published is None and meta.get("published"):
        published = parse_date(meta["published"], what=f"{path}: published date in {sidecar_path(path).name}")
        late = future_warning(published, str(path), today)  # a date given to the run is checked once
        if late:
            warnings += (late,)
    return Article(
        text=text,
        source=meta.get("url") or str(path),
        sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        published=published,
        title=title,
        url=meta.get("url"),
        warnings=warnings,
    )


def read_jsonl(path: Path, published: date | None = None,
               today: date | None = None) -> Iterator[tuple[str, Article | ArticleError]]:
    """The articles of a JSON Lines feed, one per line, read as they come (a feed of any size
    is never held whole): ``(label, article or error)`` with the label ``PATH:LINE``. A line
    that is not a JSON object with a non-empty ``"text"`` is an error of its own; blank lines
    are skipped. Metadata keys are those of a sidecar. A ``.jsonl.gz`` feed is gunzipped on the
    fly; a feed that breaks off (a truncated or corrupt gzip stream, a read error) ends with one
    error naming the line it broke at, the articles before it kept."""
    path = Path(path)
    _check_file(path, limit=None)
    n, told = 0, False
    try:
        with (gzip.open if str(path).lower().endswith(".gz") else open)(path, "rb") as raw:
            lines, warning = _feed_lines(raw, path)
            for n, line in enumerate(lines, start=1):
                label = f"{path}:{n}"
                if not line.strip():
                    continue
                if len(line) > MAX_FILE_BYTES:
                    yield label, ArticleError(f"{label}: a line of {len(line):,} characters, over the limit of "
                                              f"{MAX_FILE_BYTES:,}")
                    continue
                if isinstance(line, bytes):
                    line, fallback = _feed_line_text(line, label)
                    if fallback and not told:  # told once, with the first line it was needed for
                        warning, told = warning + (fallback,), True
                line = line.rstrip("\r\n")
                try:
                    yield label, _jsonl_article(label, line, published, today, warning)
                except ArticleError as exc:
                    yield label, exc
                warning = ()  # a decoding warning is told once, with the article it was met in
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
        why = "the gzip stream is truncated" if isinstance(exc, EOFError) else str(exc) or type(exc).__name__
        yield f"{path}:{n + 1}", ArticleError(f"{path}: the feed breaks off after line {n} ({one_line(why)}); "
                                              f"the articles before it are read")


def _feed_lines(raw, path: Path) -> tuple[Iterator[bytes | str], tuple[str, ...]]:
    """A feed's lines: bytes (decoded line by line, UTF-8 else Windows-1252), or text when a
    byte-order mark or zero bytes say UTF-16 or UTF-32 (decoded as a stream)."""
    head = raw.peek(4)[:4] if hasattr(raw, "peek") else b""
    for bom, codec in _BOMS:
        if head.startswith(bom):
            if codec == "utf-8-sig":
                raw.read(len(bom))
                return iter(raw), ()
            return iter(io.TextIOWrapper(raw, encoding=codec, newline="")), ()
    sample = raw.peek(4096)[:4096] if hasattr(raw, "peek") else b""
    if b"\x00" in sample:
        codec = _utf16_without_bom(sample if len(sample) % 2 == 0 else sample[:-1])
        if codec is None:
            raise ArticleError(f"{path}: binary data, not a feed")
        return iter(io.TextIOWrapper(raw, encoding=codec, newline="")), ()
    return iter(raw), ()


def _feed_line_text(line: bytes, label: str) -> tuple[str, str | None]:
    """A feed line's text, and a warning when it was not UTF-8 (read as Windows-1252)."""
    try:
        return line.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return (line.decode(FALLBACK_ENCODING, errors="replace"),
                f"{label}: not UTF-8 (byte {exc.start}); read as {FALLBACK_ENCODING} (and so every such line of the feed)")


def _jsonl_article(label: str, line: str, published: date | None, today: date | None,
                   warnings: tuple[str, ...]) -> Article:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ArticleError(f"{label}: malformed JSON line ({exc.msg}, column {exc.colno})") from None
    if not isinstance(rec, dict):
        raise ArticleError(f"{label}: a JSON line must be an object")
    for key in ("text", "published", "url", "title"):
        if rec.get(key) is not None and not isinstance(rec[key], str):
            raise ArticleError(f"{label}: {key!r} must be a string")
    body = rec.get("text")
    if body is None:
        raise ArticleError(f"{label}: no 'text' in this record")
    body = scrub(body.replace("\r\n", "\n").replace("\r", "\n"))
    if looks_like_html(body):
        body, _ = html_to_text(body)
    if not body.strip():
        raise ArticleError(f"{label}: empty article (no text)")
    if len(body) > MAX_ARTICLE_CHARS:
        raise ArticleError(f"{label}: {len(body):,} characters, over the limit of {MAX_ARTICLE_CHARS:,}")
    warns = tuple(warnings)
    if published is None and rec.get("published"):
        published = parse_date(rec["published"], what=f"{label}: published")
        late = future_warning(published, label, today)
        if late:
            warns += (late,)
    return Article(text=body, source=scrub(rec.get("url") or label),
                   sha256=hashlib.sha256(body.encode("utf-8")).hexdigest(), published=published,
                   title=scrub(rec["title"]) if rec.get("title") else None,
                   url=scrub(rec["url"]) if rec.get("url") else None, warnings=warns)


def _is_article_name(name: str) -> bool:
    return not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES) and not name.endswith(".meta.json")


def expand_inputs(inputs: Iterable[Path | str]) -> tuple[list[Path], list[Problem], list[Problem]]:
    """Files and folders (recursively, sorted) -> (article paths, problems, notes).

    Problems are inputs that cannot be read at all (missing, an unreadable subfolder, a
    folder with no articles, a symbolic link loop); notes are harmless (a file given twice
    is read once). Symbolic links to folders are followed, each folder once.
    """
    paths: list[Path] = []
    problems: list[Problem] = []
    notes: list[Problem] = []
    seen: dict[str, Path] = {}

    def add(p: Path) -> None:
        key = os.path.realpath(p)
        if key in seen:
            again = "" if str(seen[key]) == str(p) else f" (as {seen[key]})"
            notes.append(Problem(p, f"{p}: given twice{again}; read once"))
            return
        seen[key] = p
        paths.append(p)

    for item in inputs:
        item = Path(item)
        if os.path.islink(item) and not os.path.exists(item):
            problems.append(Problem(item, f"{item}: {_link_problem(item)}"))
        elif not os.path.lexists(item):
            problems.append(Problem(item, f"{item}: no such file or folder"))
        elif item.is_dir():
            found = list(_walk(item, problems, notes))
            if not found:
                problems.append(Problem(item, f"{item}: no articles ({', '.join(ARTICLE_SUFFIXES)}) in this folder"))
            for p in found:
                add(p)
        else:
            add(item)
    return paths, problems, notes


def _link_problem(p: Path) -> str:
    try:
        os.stat(p)
    except OSError as exc:
        return "symbolic link loop" if exc.errno == errno.ELOOP else "broken symbolic link"
    return "symbolic link"


def _walk(root: Path, problems: list[Problem], notes: list[Problem]) -> Iterator[Path]:
    """Article files under ``root``, sorted, each folder visited once: unreadable folders and
    broken links are reported in ``problems``, a folder met again through a link (a loop) in
    ``notes``, as nothing is lost."""
    visited: set[tuple[int, int]] = set()

    def visit(folder: Path) -> Iterator[Path]:
        try:
            st = os.stat(folder)
        except OSError as exc:
            reason = "symbolic link loop" if exc.errno == errno.ELOOP else f"cannot read ({exc.strerror})"
            problems.append(Problem(folder, f"{folder}: {reason}"))
            return
        if (st.st_dev, st.st_ino) in visited:
            notes.append(Problem(folder, f"{folder}: a folder already read (a symbolic link loop); not followed"))
            return
        visited.add((st.st_dev, st.st_ino))
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            problems.append(Problem(folder, f"{folder}: cannot read folder ({exc.strerror or exc})"))
            return
        for entry in entries:
            p = folder / entry.name
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                yield from visit(p)
            elif _is_article_name(entry.name):
                if entry.is_symlink() and not os.path.exists(p):
                    problems.append(Problem(p, f"{p}: {_link_problem(p)}"))
                    continue
                yield p

    yield from visit(root)


def iter_article_paths(inputs: Iterable[Path]) -> Iterator[Path]:
    """Expand files and folders (recursively, sorted) into article paths; problems are dropped
    (see :func:`expand_inputs` to get them)."""
    yield from expand_inputs(inputs)[0]
