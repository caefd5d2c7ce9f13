"""How far a build has got, on stderr.

On a terminal, a rich progress bar: documents done out of the total (once the inputs have
been read), documents per second, the time left and the failures so far. Anywhere else
(a log file, a pipe, CI), a plain line every :data:`PLAIN_EVERY_DOCUMENTS` documents or
:data:`PLAIN_EVERY_SECONDS` seconds, whichever comes first, with no control characters::

    progress: 50/192 documents, 3.1 documents/s, 1 failed, about 46s left

Lines printed meanwhile (errors, warnings) go through :meth:`BuildProgress.line`: one
line each, never wrapped, above the bar on a terminal.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeRemainingColumn
from rich.text import Text

PLAIN_EVERY_DOCUMENTS = 25
PLAIN_EVERY_SECONDS = 10.0


class _Rate(ProgressColumn):
    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} docs/s" if speed else "- docs/s")


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m {seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes:02d}m"


class BuildProgress:
    """The progress of one build: :meth:`planned` once the total is known, :meth:`advance` per
    document, :meth:`line` for a message, :meth:`close` at the end (or use ``with``)."""

    def __init__(self, stream: TextIO | None = None, terminal: bool | None = None,
                 every_documents: int = PLAIN_EVERY_DOCUMENTS, every_seconds: float = PLAIN_EVERY_SECONDS):
        self.stream = stream or sys.stderr
        self.terminal = self.stream.isatty() if terminal is None else terminal
        self.every_documents, self.every_seconds = every_documents, every_seconds
        self.total: int | None = None
        self.done = self.failed = 0
        self.started = time.monotonic()
        self._last_line = (self.started, 0)
        self._bar: Progress | None = None
        self._task = None

    def __enter__(self) -> "BuildProgress":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def planned(self, total: int) -> None:
        """The number of documents to expect; the clock starts now (the inputs have been read)."""
        self.total = total
        self.started = time.monotonic()
        self._last_line = (self.started, self.done)
        if self._bar is not None:
            self._bar.update(self._task, total=total)

    def _start_bar(self) -> None:
        console = Console(file=self.stream, force_terminal=True)
        self._bar = Progress(TextColumn("Documents"), BarColumn(), MofNCompleteColumn(), _Rate(),
                             TimeRemainingColumn(), TextColumn("{task.fields[failed]} failed"),
                             console=console, transient=True, redirect_stdout=False, redirect_stderr=False)
        self._task = self._bar.add_task("build", total=self.total, failed=0)
        self._bar.start()

    def advance(self, failed: bool = False) -> None:
        """One more document done (``failed``: skipped with an error)."""
        self.done += 1
        self.failed += failed
        if self.terminal:
            if self._bar is None:
                self._start_bar()
            self._bar.update(self._task, advance=1, failed=self.failed)
            return
        now = time.monotonic()
        since, at = self._last_line
        if self.done - at >= self.every_documents or now - since >= self.every_seconds:
            self._last_line = (now, self.done)
            self.stream.write(self.plain_line(now) + "\n")
            self.stream.flush()

    def plain_line(self, now: float | None = None) -> str:
        elapsed = max((now or time.monotonic()) - self.started, 1e-9)
        rate = self.done / elapsed
        line = f"progress: {self.done}/{self.total}" if self.total else f"progress: {self.done}"
        line += f" documents, {rate:.1f} documents/s, {self.failed} failed"
        if self.total and rate > 0 and self.done < self.total:
            line += f", about {_duration((self.total - self.done) / rate)} left"
        return line

    def line(self, text: str) -> None:
        """One message line, unwrapped (above the bar on a terminal)."""
        if self._bar is not None:
            self._bar.console.print(text, soft_wrap=True, markup=False, highlight=False, emoji=False)
        else:
            print(text, file=self.stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
