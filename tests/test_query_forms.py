"""The shipped queries, written for speed on large stores, give the rows of their plain
formulations (``tests/fixtures/plain_queries``), on a real store built from the seed, the shared
dev articles and made-up reports that are merged across documents (reconciled casualty figures,
excerpts per document)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from article_folders import DEV, seed_and_dev_articles
from kg import api
from kg.cli import app
from test_paging import _documents

PLAIN = Path(__file__).parent / "fixtures" / "plain_queries"
runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    if not DEV.is_dir():
        pytest.skip("../shared/dev is not beside the project")
    d = tmp_path_factory.mktemp("forms")
    articles = seed_and_dev_articles(d / "articles", dev_articles=24)
    folder = d / "store"
    res = runner.invoke(app, ["build", str(articles), str(_documents(d / "docs.jsonl")), "--store", str(folder),
                              "--no-html"])
    assert res.exit_code == 0, res.output
    st = api.open_store(folder)
    merged = api.query(st, "SELECT (COUNT(*) AS ?n) WHERE { ?figure nkg:reconciled true }")
    assert merged.iloc[0, 0] > 0  # the store has figures reconciled across documents
    return folder


def _sorted_rows(df: pd.DataFrame) -> list[tuple[str, ...]]:
    return sorted(tuple("" if v is None or v is pd.NA else str(v) for v in row) for row in df.itertuples(index=False))


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(p.stem for p in PLAIN.glob("*.rq")))
def test_shipped_query_gives_the_rows_of_its_plain_form(store: Path, name: str):
    st = api.open_store(store)
    shipped, plain = api.query(st, name), api.query(st, str(PLAIN / f"{name}.rq"))
    assert list(shipped.columns) == list(plain.columns)
    assert len(shipped) > 0
    if name == "deadliest":  # the twenty most killed: which of the attacks tied at the twentieth is open
        assert list(shipped["killedAtLeast"]) == list(plain["killedAtLeast"])
        return
    assert _sorted_rows(shipped) == _sorted_rows(plain)
