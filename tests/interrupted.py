"""Signal a running build once it has reached a given point: shared by the tests of builds
stopped (Ctrl-C) or killed mid-way."""

from __future__ import annotations

import subprocess
import time
from typing import Callable


def signal_when(proc: subprocess.Popen, ready: Callable[[], bool], sig: int, *, timeout: float,
                poll: float) -> int:
    """Wait until ``ready()`` holds while ``proc`` runs, send it ``sig`` and wait for it to end;
    the process is killed if it is still running after that. Returns its exit code. Fails if
    the process ends, or ``timeout`` seconds pass, before ``ready()`` holds."""
    try:
        deadline = time.monotonic() + timeout
        while not ready():
            assert proc.poll() is None, "the build ended before the point it was to be stopped at"
            assert time.monotonic() < deadline
            time.sleep(poll)
        proc.send_signal(sig)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return proc.returncode
