import json
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
    (b"\xff\xfe\x00ba", "not UTF-16 text"),
    (b"abc\x00def", "binary data"),
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


# -- bad and unusual inputs: one line naming the file, or the text read -----------------------

SENTENCE = "Gunmen killed four herders near Menaka on Sunday, local officials said.\n"


@pytest.mark.parametrize("name, content, expected", [
    ("utf8.txt", SENTENCE.encode("utf-8"), SENTENCE),
    ("bom8.txt", b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"), SENTENCE),
    ("bom16.txt", SENTENCE.encode("utf-16"), SENTENCE),
    ("bom16be.txt", b"\xfe\xff" + SENTENCE.encode("utf-16-be"), SENTENCE),
    ("bom32.txt", SENTENCE.encode("utf-32"), SENTENCE),
    ("nobom16.txt", SENTENCE.encode("utf-16-le"), SENTENCE),
    ("crlf.txt", SENTENCE.replace("\n", "\r\n").encode("utf-8"), SENTENCE),
    ("cp1252.txt", "Troops shelled the \u201cgreen zone\u201d in Marib.\n".encode("cp1252"),
     "Troops shelled the \u201cgreen zone\u201d in Marib.\n"),
    ("latin1.txt", "Bombs hit Popay\xe1n on Monday.\n".encode("latin-1"), "Bombs hit Popay\xe1n on Monday.\n"),
])
def test_read_decodes_boms_and_legacy_encodings(tmp_path: Path, name: str, content: bytes, expected: str):
    p = tmp_path / name
    p.write_bytes(content)
    art = read_article(p)
    assert art.text == expected
    legacy = name in {"cp1252.txt", "latin1.txt"}
    assert bool(art.warnings) == legacy
    assert all("\n" not in w and str(p) in w for w in art.warnings)


def test_read_declared_encodings(tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_bytes('<html><head><meta charset="iso-8859-5"></head><body><p>Удар по Харкову.</p></body></html>'
                     .encode("iso-8859-5"))
    assert read_article(page).text == "Удар по Харкову.\n"
    art = tmp_path / "a.txt"
    art.write_bytes("Explosión en Cúcuta.\n".encode("cp850"))
    (tmp_path / "a.meta.json").write_text('{"encoding": "cp850"}')
    assert read_article(art).text == "Explosión en Cúcuta.\n"
    (tmp_path / "a.meta.json").write_text('{"encoding": "no-such-codec"}')
    with pytest.raises(ArticleError, match="unknown encoding"):
        read_article(art)


def test_read_html_page_keeps_paragraphs_not_head_or_scripts(tmp_path: Path):
    page = tmp_path / "saved.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Drone strike kills nine in Kassala</title>"
        "<style>p{color:red}</style><script>var s = 'militants killed 40';</script></head>"
        "<body><nav>World | Africa</nav><article><h1>Shelling in El Obeid</h1>"
        "<p>Shelling killed two &amp; wounded five in El Obeid on Monday,<br>medics said.</p>"
        "<!-- ad: gunmen attacked --><p>The army blamed the paramilitaries.</p></article>"
        "<footer>© News</footer></body></html>", encoding="utf-8")
    art = read_article(page)
    assert art.text == ("Shelling in El Obeid\n\nShelling killed two & wounded five in El Obeid on Monday,\n"
                        "medics said.\n\nThe army blamed the paramilitaries.\n")
    assert art.title == "Drone strike kills nine in Kassala"


def test_read_html_sniffed_in_a_txt_file(tmp_path: Path):
    p = tmp_path / "page.txt"
    p.write_text("  <html><body><p>Clashes in Mogadishu.</p></body></html>", encoding="utf-8")
    assert read_article(p).text == "Clashes in Mogadishu.\n"


@pytest.mark.parametrize("content, message", [
    (b"", "empty article"),
    (b"\n \t\r\n", "empty article"),
    (b"<html><head><title>Only a title</title></head><body> </body></html>", "empty article"),
    (b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 4, "binary data"),
    (bytes(range(1, 32)) * 40, "binary data"),
    (b"\xef\xbb\xbf\xff\xfe broken", "not UTF-8-SIG text"),
])
def test_read_refuses_unusable_content(tmp_path: Path, content: bytes, message: str):
    p = tmp_path / "x.txt"
    p.write_bytes(content)
    with pytest.raises(ArticleError) as exc:
        read_article(p)
    assert message in str(exc.value) and str(p) in str(exc.value)
    assert "\n" not in str(exc.value)


@pytest.mark.parametrize("meta, message", [
    ('{"published": "2024-06-1', "malformed metadata"),
    ("[1, 2]", "must be a JSON object"),
    ('{"published": 20240611}', "'published' in a.meta.json must be a string"),
    ('{"title": ["a"]}', "'title' in a.meta.json must be a string"),
    ('{"published": "18/04/2025"}', "YYYY-MM-DD"),
    ('{"published": "2025-02-30"}', "not a possible date"),
    ('{"published": "yesterday"}', "YYYY-MM-DD"),
])
def test_read_refuses_bad_metadata(tmp_path: Path, meta: str, message: str):
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(meta, encoding="utf-8")
    with pytest.raises(ArticleError) as exc:
        read_article(tmp_path / "a.txt")
    assert message in str(exc.value) and "a.meta.json" in str(exc.value)
    assert str(exc.value).startswith(str(tmp_path / "a.txt") + ": ")  # names the document
    assert "\n" not in str(exc.value)


@pytest.mark.parametrize("value, expected", [
    ("2025-04-18", date(2025, 4, 18)),
    ("2025-04-18T09:30:00Z", date(2025, 4, 18)),
    ("2025-04-18T23:30:00-05:00", date(2025, 4, 18)),
    ("2025-04-18 09:30", date(2025, 4, 18)),
])
def test_read_iso_date_times_in_sidecars(tmp_path: Path, value: str, expected: date):
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(f'{{"published": "{value}"}}', encoding="utf-8")
    assert read_article(tmp_path / "a.txt").published == expected


def test_read_future_date_is_kept_with_a_warning(tmp_path: Path):
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "2031-01-05"}', encoding="utf-8")
    art = read_article(tmp_path / "a.txt", today=date(2026, 1, 1))
    assert art.published == date(2031, 1, 5)
    assert len(art.warnings) == 1 and "in the future" in art.warnings[0]
    assert not read_article(tmp_path / "a.txt", today=date(2031, 1, 4)).warnings  # a day of slack


def test_read_lone_surrogates_in_metadata_are_replaced(tmp_path: Path):
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"title": "bad \\ud800 title"}', encoding="utf-8")
    assert read_article(tmp_path / "a.txt").title == "bad \ufffd title"


def test_read_fifo_is_refused_without_hanging(tmp_path: Path):
    import os

    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    with pytest.raises(ArticleError, match="not a regular file"):
        read_article(fifo)  # would block forever if opened


def test_read_unreadable_file(tmp_path: Path):
    import os

    p = tmp_path / "locked.txt"
    p.write_text(SENTENCE, encoding="utf-8")
    p.chmod(0)
    try:
        if os.access(p, os.R_OK):
            pytest.skip("running with rights that read any file (root)")
        with pytest.raises(ArticleError, match="cannot read"):
            read_article(p)
    finally:
        p.chmod(0o644)


def test_read_size_limit(tmp_path: Path, monkeypatch):
    import kg.read

    monkeypatch.setattr(kg.read, "MAX_ARTICLE_CHARS", 100)
    p = tmp_path / "long.txt"
    p.write_text(SENTENCE * 3, encoding="utf-8")
    with pytest.raises(ArticleError, match="over the limit of 100"):
        read_article(p)


def test_read_expand_inputs_reports_problems(tmp_path: Path):
    import os

    from kg.read import expand_inputs

    (tmp_path / "feed" / "day").mkdir(parents=True)
    (tmp_path / "feed" / "a.txt").write_text(SENTENCE)
    (tmp_path / "feed" / "day" / "b.html").write_text("<p>x</p>")
    (tmp_path / "feed" / "day" / "loop").symlink_to(tmp_path / "feed")
    (tmp_path / "feed" / "self.txt").symlink_to(tmp_path / "feed" / "self.txt")
    (tmp_path / "feed" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "empty").mkdir()
    given = [tmp_path / "feed", tmp_path / "empty", tmp_path / "missing.txt", tmp_path / "feed" / "a.txt"]
    paths, problems, notes = expand_inputs(given)
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == ["feed/a.txt", "feed/day/b.html"]
    messages = sorted(p.message.replace(str(tmp_path) + os.sep, "") for p in problems)
    assert messages == ["empty: no articles (.txt, .md, .text, .html, .htm, .jsonl, .jsonl.gz) in this folder",
                        "feed/gone.txt: broken symbolic link", "feed/self.txt: symbolic link loop",
                        "missing.txt: no such file or folder"]
    assert sorted(n.message.replace(str(tmp_path) + os.sep, "") for n in notes) == [
        "feed/a.txt: given twice; read once",
        "feed/day/loop: a folder already read (a symbolic link loop); not followed"]


def test_read_unreadable_subfolder_is_reported(tmp_path: Path):
    import os

    from kg.read import expand_inputs

    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(SENTENCE)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(SENTENCE)
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running with rights that read any folder (root)")
        paths, problems, _ = expand_inputs([tmp_path])
        assert [p.name for p in paths] == ["a.txt"]
        assert len(problems) == 1 and "cannot read folder" in problems[0].message
    finally:
        locked.chmod(0o755)


def test_read_jsonl_feed_each_line_an_article_or_an_error(tmp_path: Path):
    from kg.read import read_jsonl

    feed = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": SENTENCE, "published": "2025-04-18T06:00:00Z", "url": "https://example.org/1"}),
        "",
        json.dumps({"published": "2025-04-18", "title": "no text"}),
        '{"text": "Clashes in Juba", "published": ',
        json.dumps({"text": "Clashes erupted in Juba.", "published": "18/04/2025"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "   "}),
        json.dumps({"text": "<html><body><p>Shelling hit Kharkiv.</p></body></html>", "title": 5}),
        json.dumps({"text": "<html><body><p>Shelling hit Kharkiv.</p></body></html>"}),
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = list(read_jsonl(feed))
    assert [label.rsplit(":", 1)[1] for label, _ in got] == ["1", "3", "4", "5", "6", "7", "8", "9"]
    first = got[0][1]
    assert first.text == SENTENCE and first.published == date(2025, 4, 18) and first.source == "https://example.org/1"
    errors = [str(a) for _, a in got if isinstance(a, ArticleError)]
    assert [e.split(": ", 1)[1] for e in errors] == [
        "no 'text' in this record", "malformed JSON line (Expecting value, column 42)",
        "published '18/04/2025' is not a date in the form YYYY-MM-DD (or an ISO date-time)",
        "a JSON line must be an object", "empty article (no text)", "'title' must be a string"]
    assert got[-1][1].text == "Shelling hit Kharkiv.\n"


def _feed_records(n: int) -> list[str]:
    return [json.dumps({"text": f"Gunmen attacked a checkpoint near Gao on day {i}.", "published": "2025-04-18"})
            for i in range(n)]


def test_read_jsonl_gz_feed_read_as_it_comes(tmp_path: Path):
    import gzip

    from kg.read import read_jsonl

    feed = tmp_path / "feed.jsonl.gz"
    with gzip.open(feed, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(_feed_records(50)) + "\n")
    got = read_jsonl(feed)
    label, first = next(got)  # a generator: the first article before the rest is read
    assert label.endswith(":1") and "day 0." in first.text
    assert len(list(got)) == 49


def test_read_jsonl_feed_larger_than_the_file_limit(tmp_path: Path, monkeypatch):
    import kg.read as read

    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(_feed_records(200)) + "\n", encoding="utf-8")
    monkeypatch.setattr(read, "MAX_FILE_BYTES", 1000)  # a feed is bounded per line, not as a whole
    got = list(read.read_jsonl(feed))
    assert len(got) == 200 and not any(isinstance(a, read.ArticleError) for _, a in got)


def test_read_jsonl_truncated_gzip_keeps_the_articles_before(tmp_path: Path):
    import gzip

    from kg.read import read_jsonl

    whole = gzip.compress(("\n".join(_feed_records(400)) + "\n").encode("utf-8"))
    feed = tmp_path / "cut.jsonl.gz"
    feed.write_bytes(whole[: len(whole) * 2 // 3])
    got = list(read_jsonl(feed))
    good = [a for _, a in got if not isinstance(a, ArticleError)]
    errors = [str(a) for _, a in got if isinstance(a, ArticleError)]
    assert 0 < len(good) < 400
    assert len(errors) == 1 and "breaks off after line" in errors[0] and str(feed) in errors[0]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "cp1252"])
def test_read_jsonl_feed_encodings(tmp_path: Path, encoding: str):
    from kg.read import read_jsonl

    feed = tmp_path / "feed.jsonl"
    text = json.dumps({"text": "Shelling hit Kharkiv’s centre — two killed.", "published": "2025-04-18"},
                      ensure_ascii=False)
    feed.write_bytes((text + "\n" + text + "\n").encode(encoding))
    got = list(read_jsonl(feed))
    assert [a.text for _, a in got] == ["Shelling hit Kharkiv’s centre — two killed."] * 2
    warned = [w for _, a in got for w in a.warnings]
    assert len(warned) == (1 if encoding == "cp1252" else 0)


def test_read_typographic_hyphens_and_spaces_read_plain(tmp_path):
    """A non-breaking hyphen or space reads as the plain one, one character for one, so the
    extractors see "Qatari-brokered" and the evidence offsets keep."""
    text = "The declaration came after months of Qatari\u2011brokered talks in\u00a0Doha, negotiators said.\n"
    path = tmp_path / "note.txt"
    path.write_text(text, encoding="utf-8")
    article = read_article(path, None)
    assert "Qatari-brokered talks in Doha" in article.text
    assert len(article.text.rstrip("\n")) == len(text.rstrip("\n"))
