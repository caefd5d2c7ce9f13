"""Run a notebook top to bottom with nbclient and save it with its outputs.

Usage: python notebooks/execute.py [NOTEBOOK] [OUTPUT]
(default: notebooks/explore.ipynb -> out/explore.ipynb). The kernel is this
Python's ``python3`` (ipykernel), started in the notebook's own folder; a cell
that raises stops the run with a non-zero exit, and what ran so far is saved.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parents[1]


def execute(notebook: Path, output: Path | None = None, timeout: int = 300) -> nbformat.NotebookNode:
    """Execute ``notebook`` in its folder; write the result to ``output`` when given."""
    notebook = Path(notebook).resolve()
    nb = nbformat.read(notebook, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(notebook.parent)}})
    try:
        client.execute()
    finally:
        if output is not None:
            Path(output).parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, output)
    return nb


def main(argv: list[str]) -> int:
    notebook = Path(argv[0]) if argv else ROOT / "notebooks" / "explore.ipynb"
    output = Path(argv[1]) if len(argv) > 1 else ROOT / "out" / notebook.name
    try:
        execute(notebook, output)
    except CellExecutionError as exc:
        print(f"{notebook}: a cell failed; partial output in {output}\n{exc}", file=sys.stderr)
        return 1
    print(f"{notebook} -> {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
