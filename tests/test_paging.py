"""One page of a query's answer (``kg query --limit N --offset K``, ``api.query(limit=, offset=)``),
on a real store built from made-up documents: many attacks on the same days in the same towns,
with the same weapons, so that the listings' orders have ties to break, and meetings."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from kg import api
from kg.cli import app
from kg.sparql import PAGE_MARK, QueryRefused, paged

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()

MEETINGS = [
    "On 3 March 2025, Prime Minister Nikol Pashinyan met President Ilham Aliyev in Prague to discuss a ceasefire.",
    "On 3 March 2025, President Recep Tayyip Erdogan met President William Ruto in Prague.",
    "On 3 March 2025, envoys of Armenia and Azerbaijan met in Tashkent for talks on a prisoner exchange.",
    "On 4 March 2025, President Salva Kiir met President Yoweri Museveni in Kampala.",
]


def _documents(path: Path) -> Path:
    """Made-up reports (``bench/corpus.py``'s template) of attacks on two days in three towns, and
    meetings on the same days."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import corpus
    finally:
        sys.path.remove(str(ROOT / "bench"))
    rng = random.Random(3)
    places, groups = corpus._places(rng)[:3], corpus._groups()
    lines = []
    for i in range(40):
        day = date(2025, 3, 3 + i % 2)
        lines.append({"id": f"r{i}", "text": corpus.report(rng, places, groups, day), "published": day.isoformat(),
                      "url": f"https://example.org/r{i}", "title": f"Report {i}"})
    for i, text in enumerate(MEETINGS):
        lines.append({"id": f"m{i}", "text": text, "published": "2025-03-04", "url": f"https://example.org/m{i}",
                      "title": f"Meeting {i}"})
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def tied_store(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("paging")
    folder = d / "store"
    res = runner.invoke(app, ["build", str(_documents(d / "docs.jsonl")), str(ROOT / "seeds"), "--store", str(folder),
                              "--no-html"])
    assert res.exit_code == 0, res.output
    return folder


def _rows(df: pd.DataFrame) -> list[tuple[str, ...]]:
    return [tuple("" if v is None or v is pd.NA else str(v) for v in row) for row in df.itertuples(index=False)]


def test_paged_puts_the_page_at_the_mark():
    text = api.query_text("attacks")
    assert len(PAGE_MARK.findall(text)) == 1
    page, skip = paged(text, 100, 200)
    assert skip == 0 and not PAGE_MARK.search(page)
    assert page == PAGE_MARK.sub("LIMIT 101 OFFSET 200", text)
    assert paged(text, None, 5) == (PAGE_MARK.sub("OFFSET 5", text), 0)
    assert paged(text) == (text, 0)  # no page asked: the query as it is


def test_paged_skips_rows_of_an_unmarked_query():
    assert paged("SELECT * WHERE { ?s ?p ?o }", 10, 30) == ("SELECT * WHERE { ?s ?p ?o }", 30)


@pytest.mark.parametrize("limit, offset", [(-1, 0), (5, -2)])
def test_paged_refuses_negative_sizes(limit, offset):
    with pytest.raises(QueryRefused, match="--limit and --offset"):
        paged(api.query_text("attacks"), limit, offset)


@pytest.mark.slow
def test_store_has_ties_to_break(tied_store: Path):
    """The fixture does what the tests below need: attacks that share day, place and weapon."""
    attacks = api.query(api.open_store(tied_store), "attacks")
    keys = attacks[["earliest", "place", "latest", "weapon"]].astype(str)
    assert keys.duplicated().sum() >= 3
    assert len(api.query(api.open_store(tied_store), "meetings")) >= 3


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(api.named_queries()))
def test_pages_follow_one_another(tied_store: Path, name: str):
    """Page after page (4 rows each, the marked listings' pages each a query of its own) gives the
    whole answer, row for row, in its order."""
    st = api.open_store(tied_store)
    whole = _rows(api.query(st, name))
    pages, offset = [], 0
    while True:
        page = api.query(st, name, limit=4, offset=offset)
        pages += _rows(page)
        if not page.attrs["truncated"]:
            assert len(page) <= 4
            break
        assert len(page) == 4
        offset += 4
    assert pages == whole
    assert api.query(st, name, limit=4, offset=len(whole)).empty


@pytest.mark.slow
def test_marked_listing_in_its_total_order(tied_store: Path):
    """The listing that pages at its mark is in its ORDER BY order, each row once (no two rows with
    the same keys, so that a page ends at the same row whatever the engine meets first)."""
    marked = [name for name, path in api.named_queries().items() if PAGE_MARK.search(path.read_text(encoding="utf-8"))]
    assert marked == ["attacks"]
    keys = ["earliest", "place", "latest", "weapon", "attack"]
    df = api.query(api.open_store(tied_store), "attacks")
    assert len(df) >= 3
    # SPARQL orders unbound first, then dates, then strings by their text
    sort_keys = [tuple((0, "") if v is None or v is pd.NA else (1, str(v)) for v in row)
                 for row in df[keys].itertuples(index=False)]
    assert sort_keys == sorted(sort_keys)
    assert len(set(sort_keys)) == len(sort_keys)


@pytest.mark.slow
def test_cli_query_page(tied_store: Path):
    whole = json.loads(runner.invoke(app, ["query", "--store", str(tied_store), "-n", "attacks", "-f", "json"]).stdout)
    res = subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", "query", "--store", str(tied_store),
                          "-n", "attacks", "--limit", "5", "--offset", "5", "-f", "json"],
                         capture_output=True, text=True, timeout=300, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout) == whole[5:10]
    assert res.stderr.strip() == "warning: only rows 6 to 10 are shown (--limit); the query has more"


@pytest.mark.slow
def test_cli_query_negative_offset_is_one_line(tied_store: Path):
    res = subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", "query", "--store", str(tied_store),
                          "-n", "attacks", "--offset", "-3"],
                         capture_output=True, text=True, timeout=300, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert res.returncode == 2
    assert res.stderr.strip() == "error: --limit and --offset take a number of rows, 0 or more"
