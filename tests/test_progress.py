"""The build's progress display: plain lines when stderr is not a terminal."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.progress import BuildProgress

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "dev"
PLAIN = re.compile(r"progress: (\d+)/(\d+) documents, \d+\.\d documents/s, (\d+) failed(, about (\d+s|\d+m \d\ds|\d+h \d\dm) left)?")


def test_progress_plain_lines_every_n_documents():
    out = io.StringIO()
    with BuildProgress(out, terminal=False, every_documents=2, every_seconds=3600) as progress:
        progress.planned(5)
        for failed in (False, True, False, False, False):
            progress.advance(failed=failed)
        progress.line("warning: a.txt: a note")
    lines = out.getvalue().splitlines()
    assert [PLAIN.fullmatch(l).group(1, 2, 3) for l in lines[:2]] == [("2", "5", "1"), ("4", "5", "1")]
    assert "left" in lines[0] and "left" in lines[1]
    assert lines[2:] == ["warning: a.txt: a note"]


def test_progress_plain_line_without_a_total():
    out = io.StringIO()
    progress = BuildProgress(out, terminal=False, every_documents=1)
    progress.advance()
    assert re.fullmatch(r"progress: 1 documents, \d+\.\d documents/s, 0 failed", out.getvalue().strip())


@pytest.mark.slow
def test_progress_build_to_a_pipe_prints_plain_lines(tmp_path: Path):
    """stderr a pipe: progress lines with no control characters, counts rising to the total."""
    if not DEV.is_dir():
        pytest.skip("../shared/dev is not beside the project")
    lines = []
    for n, txt in enumerate(sorted(DEV.glob("*.txt")) * 2):
        text = txt.read_text(encoding="utf-8") + (f"\n\n(Copy {n} of this report.)\n" if n >= 24 else "")
        lines.append(json.dumps({"id": f"{txt.stem}-{n}", "text": text, "published": "2025-01-01"}))
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines[:30]) + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", "build", str(feed),
                           "--out", str(tmp_path / "g.ttl"), "--no-html", "--jobs", "1"],
                          capture_output=True, text=True, timeout=600, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f]", done.stderr)
    progress = [l for l in done.stderr.splitlines() if l.startswith("progress:")]
    assert progress, done.stderr
    counts = []
    for line in progress:
        m = PLAIN.fullmatch(line)
        assert m, line
        assert m.group(2) == "30" and m.group(3) == "0"
        counts.append(int(m.group(1)))
    assert counts == sorted(counts) and counts[-1] <= 30
    assert done.stderr.splitlines()[-1].startswith("30 article(s) -> ")
