"""Read articles: a file, several files or a folder -> :class:`Article` records.

A sidecar ``NAME.meta.json`` next to ``NAME.txt`` gives its metadata
(``{"published": "YYYY-MM-DD", "url": "...", "title": "..."}``); a publication
date given on the command line overrides it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

ARTICLE_SUFFIXES = (".txt", ".md", ".text")


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

    @property
    def doc_id(self) -> str:
        return self.sha256[:16]


def parse_date(value: str, *, what: str = "date") -> date:
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ArticleError(f"{what} {value!r} is not a date in the form YYYY-MM-DD") from None


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.stem + ".meta.json")


def read_meta(path: Path) -> dict:
    meta_file = sidecar_path(path)
    if not meta_file.exists():
        return {}
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ArticleError(f"{meta_file}: unreadable metadata ({exc})") from None
    if not isinstance(meta, dict):
        raise ArticleError(f"{meta_file}: metadata must be a JSON object")
    return meta


def read_article(path: Path, published: date | None = None) -> Article:
    """Read one article file and its sidecar metadata."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ArticleError(f"{path}: not UTF-8 text") from None
    if "\x00" in text:
        raise ArticleError(f"{path}: binary file, not an article")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError(f"{path}: empty article")
    meta = read_meta(path)
    if published is None and meta.get("published"):
        published = parse_date(meta["published"], what=f"{sidecar_path(path)}: published")
    return Article(
        text=text,
        source=meta.get("url") or str(path),
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        published=published,
        title=meta.get("title"),
        url=meta.get("url"),
    )


def iter_article_paths(inputs: Iterable[Path]) -> Iterator[Path]:
    """Expand files and folders (recursively, sorted) into article paths."""
    for item in inputs:
        item = Path(item)
        if item.is_dir():
            for p in sorted(item.rglob("*")):
                if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith("."):
                    yield p
        else:
            yield item
