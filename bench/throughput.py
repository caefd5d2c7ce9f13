"""Build throughput against bare spaCy on the same texts, and against another revision.

Two measurements on the same documents, each in a fresh process with the model loaded
before the clock starts:

* ``spacy``: the bare pipeline (``nlp.pipe`` over the texts, the model newskg uses);
* ``newskg``: the whole build (``api.build_graph``: reading, the pipeline with the
  project's components, every extractor and the triples).

The figure that compares across machines is the ratio ``newskg / spacy`` (documents per
second of the build over those of bare spaCy). With ``--compare REV`` the same two
measurements run on a checkout of another revision (a temporary ``git worktree``), in the
same run, so a change's cost reads as the change of that ratio.

Usage: .venv/bin/python bench/throughput.py [INPUT ...] [--repeat 3] [--compare REV] [--json]
INPUT: files or folders of articles (default: the shared articles and seeds/).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _documents(inputs: list[str]) -> list[Path]:
    paths: list[Path] = []
    for name in inputs:
        p = Path(name)
        paths += sorted(p.rglob("*.txt")) if p.is_dir() else [p]
    return paths


def _worker(mode: str, paths: list[Path], repeat: int) -> dict:
    """Runs inside the measured process: load, warm up, then time ``repeat`` passes."""
    from kg import api
    from kg.nlp import load_nlp, resolve_model
    import spacy

    texts = [p.read_text(encoding="utf-8") for p in paths]
    if mode == "spacy":
        nlp = spacy.load(resolve_model(None))
        run = lambda docs=texts: list(nlp.pipe(docs))  # noqa: E731
        run(texts[:5])  # warm-up
    else:
        load_nlp()
        run = lambda docs=paths: api.build_graph(docs)  # noqa: E731
        run(paths[:5])  # warm-up: model, lexicons, gazetteer
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        run()
        times.append(time.perf_counter() - t)
    return {"mode": mode, "docs": len(texts), "chars": sum(map(len, texts)), "seconds": statistics.median(times)}


def _measure(tree: Path, mode: str, paths: list[Path], repeat: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--worker", mode, "--repeat", str(repeat), *map(str, paths)],
        env=env, cwd=tempfile.gettempdir(), capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _pair(tree: Path, paths: list[Path], repeat: int) -> dict:
    spacy_run = _measure(tree, "spacy", paths, repeat)
    build_run = _measure(tree, "newskg", paths, repeat)
    docs = spacy_run["docs"]
    return {
        "spacy_docs_per_s": docs / spacy_run["seconds"],
        "newskg_docs_per_s": docs / build_run["seconds"],
        "ratio": spacy_run["seconds"] / build_run["seconds"],
        "docs": docs,
        "chars": spacy_run["chars"],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="*")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--compare", metavar="REV", help="also measure this git revision, in the same run")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--worker", choices=["spacy", "newskg"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(_worker(args.worker, [Path(p) for p in args.inputs], args.repeat)))
        return
    inputs = args.inputs or [str(ROOT.parent / "shared" / "dev"), str(ROOT / "seeds")]
    paths = [p.resolve() for p in _documents(inputs)]
    if not paths:
        sys.exit("no .txt documents in " + ", ".join(inputs))
    results = {"this tree": _pair(ROOT, paths, args.repeat)}
    if args.compare:
        with tempfile.TemporaryDirectory() as tmp:
            tree = Path(tmp) / "tree"
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), args.compare],
                           check=True, capture_output=True)
            try:
                results[args.compare] = _pair(tree, paths, args.repeat)
            finally:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], capture_output=True)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    first = next(iter(results.values()))
    print(f"{first['docs']} documents, {first['chars']:,} characters, median of {args.repeat} passes")
    print(f"{'tree':<16} {'spaCy docs/s':>13} {'newskg docs/s':>14} {'newskg/spaCy':>13}")
    for name, r in results.items():
        print(f"{name:<16} {r['spacy_docs_per_s']:>13.1f} {r['newskg_docs_per_s']:>14.1f} {r['ratio']:>13.2f}")
    if args.compare:
        base = results[args.compare]["ratio"]
        print(f"change of the ratio against {args.compare}: {results['this tree']['ratio'] / base - 1:+.1%}")


if __name__ == "__main__":
    main()
