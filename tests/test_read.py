from datetime import date
from pathlib import Path

import pytest

from kg.read import ArticleError, iter_article_paths, parse_date, read_article


def test_read_sidecar_gives_metadata(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Shelling hit the town on Monday.\n", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "2024-03-05", "url": "https://example.org/a", "title": "T"}')
    art = read_article(tmp_path / "a.txt")
    assert art.published == date(2024, 3, 5)
    assert art.source == "https://example.org/a"
    assert art.title == "T"
    assert len(art.sha256) == 64


def test_read_published_argument_overrides_sidecar(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "2024-03-05"}')
    assert read_article(tmp_path / "a.txt", date(2020, 1, 1)).published == date(2020, 1, 1)


@pytest.mark.parametrize("content, message", [
    (b"", "empty article"),
    (b"   \n\n", "empty article"),
    (b"\xff\xfe\x00bad", "not UTF-8"),
    (b"abc\x00def", "binary file"),
])
def test_read_bad_input_is_one_line_error(tmp_path: Path, content: bytes, message: str):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(ArticleError) as exc:
        read_article(p)
    assert message in str(exc.value)
    assert "\n" not in str(exc.value)


def test_read_bad_sidecar_date(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "18/04/2025"}')
    with pytest.raises(ArticleError, match="YYYY-MM-DD"):
        read_article(tmp_path / "a.txt")


def test_read_folder_expands_sorted_text_files(tmp_path: Path):
    for name in ["b.txt", "a.txt", "c.meta.json", ".hidden.txt", "sub/d.txt"]:
        p = tmp_path / name
        p.parent.mkdir(exist_ok=True)
        p.write_text("x")
    paths = [p.relative_to(tmp_path).as_posix() for p in iter_article_paths([tmp_path])]
    assert paths == ["a.txt", "b.txt", "sub/d.txt"]


def test_read_parse_date_rejects_garbage():
    with pytest.raises(ArticleError):
        parse_date("yesterday")
    assert parse_date("2025-04-18") == date(2025, 4, 18)
