"""Shared fixtures: the real spaCy pipeline, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip("../shared (gold and scorer) is not beside the project")
    return SHARED


# -- the page tests need Chromium: without it they are skipped, and the run says so loudly;
# under CI (CI=true) or with NEWSKG_REQUIRE_CHROMIUM=1 they fail instead.

_NO_CHROMIUM: list[str] = []


def _chromium_required() -> bool:
    import os

    return os.environ.get("CI", "").lower() in {"1", "true", "yes"} or os.environ.get("NEWSKG_REQUIRE_CHROMIUM") == "1"


@pytest.fixture
def chromium(request) -> str:
    """The Chromium binary the page tests drive; skips (or fails under CI) without one."""
    from browser import find_chromium

    binary = find_chromium()
    if binary is None:
        message = "no Chromium binary: install chromium (apt-get install chromium) or set NEWSKG_CHROMIUM"
        if _chromium_required():
            pytest.fail(message)
        _NO_CHROMIUM.append(request.node.nodeid)
        pytest.skip(message)
    return binary


def pytest_terminal_summary(terminalreporter):
    if _NO_CHROMIUM:
        terminalreporter.write_sep("!", f"{len(_NO_CHROMIUM)} page tests NOT RUN: no Chromium binary "
                                        f"(apt-get install chromium, or set NEWSKG_CHROMIUM)", red=True, bold=True)
