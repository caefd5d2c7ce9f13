"""Headless Chromium for page tests, driven from the command line only.

``load_page`` runs the page with ``--dump-dom`` under a virtual time budget
and returns the state the page mirrors into ``#newskg-state``; ``screenshot``
writes a PNG. No Python browser package is needed, only a Chromium binary
(``$NEWSKG_CHROMIUM`` or the first of the usual names on ``PATH``).
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import struct
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-quic", "--hide-scrollbars", "--mute-audio",
)
_STATE = re.compile(r'<pre id="newskg-state"[^>]*>(.*?)</pre>', re.S)


def find_chromium() -> str | None:
    """Path of a Chromium-like binary, or ``None`` when there is none."""
    explicit = os.environ.get("NEWSKG_CHROMIUM")
    if explicit and Path(explicit).is_file():
        return explicit
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


@dataclass(frozen=True)
class PageRun:
    state: dict[str, Any]  # window.newskg as the page last published it
    dom: str  # the serialised DOM after the time budget
    seconds: float  # wall-clock time of the whole browser run


def _run(args: list[str], timeout: float) -> tuple[subprocess.CompletedProcess, float]:
    binary = find_chromium()
    if binary is None:
        raise FileNotFoundError("no Chromium binary found")
    with tempfile.TemporaryDirectory(prefix="newskg-chromium-") as profile:
        started = time.perf_counter()
        done = subprocess.run(
            [binary, *_FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=timeout, check=False,
        )
        return done, time.perf_counter() - started


def load_page(html_path: Path, *, fragment: str = "", budget_ms: int = 15000,
              timeout: float = 90, wait_for: str = "drawn", attempts: int = 4) -> PageRun:
    """Open ``html_path#fragment``, let it run ``budget_ms`` of virtual time, read its state.

    A loaded machine can end the virtual time budget before the first animation
    frame; when the state lacks ``wait_for`` the page is opened again with twice
    the budget, up to ``attempts`` runs. The last run is returned either way, so
    a page that never draws still fails the caller's assertion.
    """
    url = Path(html_path).resolve().as_uri() + (f"#{fragment}" if fragment else "")
    for attempt in range(attempts):
        budget = budget_ms * 2 ** attempt
        done, seconds = _run([f"--virtual-time-budget={budget}", "--dump-dom", url], timeout)
        match = _STATE.search(done.stdout)
        if match is None:
            raise RuntimeError(f"page state not found; chromium said: {done.stderr[-2000:]}")
        run = PageRun(state=json.loads(html.unescape(match.group(1))), dom=done.stdout,
                      seconds=seconds)
        if not wait_for or run.state.get(wait_for):
            break
    return run


_DRIVER = """<!DOCTYPE html>
<html><body style="margin:0">
<iframe id="page" src="PAGE" width="WIDTH" height="HEIGHT" style="border:0"></iframe>
<pre id="newskg-state"></pre>
<script>
var frame = document.getElementById("page");
frame.addEventListener("load", function () {
  setTimeout(function () {
    var w = frame.contentWindow, d = w.document, out = {};
    function done() { out.final = w.newskg; out.hash = w.location.hash.slice(1);
      document.getElementById("newskg-state").textContent = JSON.stringify(out); }
    try { (function (w, d, out, done) { SCRIPT })(w, d, out, done); }
    catch (err) { out.error = String(err); done(); }
  }, WAIT);
});
</script></body></html>
"""


def drive_page(html_path: Path, script: str, *, fragment: str = "", wait_ms: int = 4000,
               budget_ms: int = 20000, timeout: float = 120, width: int = 1200, height: int = 800) -> dict[str, Any]:
    """Open the page in a frame of a driver page written beside it and, ``wait_ms`` later,
    run ``script``: JavaScript with the page's window ``w`` and document ``d``, an object
    ``out`` to fill, and ``done()`` to call at the end (it adds the page's last state as
    ``final`` and its address fragment as ``hash``). Returns ``out``. Chromium runs with
    ``--allow-file-access-from-files`` so that the driver may reach into the frame."""
    html_path = Path(html_path).resolve()
    driver = html_path.with_name(f".driver-{html_path.stem}.html")
    page = html.escape(html_path.name + (f"#{fragment}" if fragment else ""), quote=True)
    text = (_DRIVER.replace("PAGE", page).replace("WIDTH", str(width)).replace("HEIGHT", str(height))
            .replace("WAIT", str(wait_ms)).replace("SCRIPT", script))
    driver.write_text(text, encoding="utf-8")
    try:
        done, _ = _run(["--allow-file-access-from-files", f"--window-size={width},{height + 50}",
                        f"--virtual-time-budget={budget_ms}", "--dump-dom", driver.as_uri()], timeout)
    finally:
        driver.unlink(missing_ok=True)
    match = _STATE.search(done.stdout)
    if match is None or not match.group(1).strip():
        raise RuntimeError(f"driver state not found; chromium said: {done.stderr[-2000:]}")
    return json.loads(html.unescape(match.group(1)))


def screenshot(html_path: Path, png_path: Path, width: int = 1400, height: int = 900,
               *, fragment: str = "", budget_ms: int = 5000, timeout: float = 90) -> Path:
    """Write a ``width`` × ``height`` PNG of ``html_path#fragment`` once its layout has settled."""
    url = Path(html_path).resolve().as_uri() + (f"#{fragment}" if fragment else "")
    png_path = Path(png_path).resolve()
    png_path.unlink(missing_ok=True)
    done, _ = _run([f"--virtual-time-budget={budget_ms}", f"--window-size={width},{height}",
                    f"--screenshot={png_path}", url], timeout)
    if not png_path.is_file():
        raise RuntimeError(f"no screenshot written; chromium said: {done.stderr[-2000:]}")
    return png_path


def png_size(png_path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    head = Path(png_path).read_bytes()[:24]
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{png_path} is not a PNG")
    return struct.unpack(">II", head[16:24])
