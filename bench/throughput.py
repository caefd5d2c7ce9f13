"""Build throughput against bare spaCy on the same texts, and against another revision.

Two measurements on the same documents, in one fresh process with both pipelines loaded
and warmed up before the clock starts, one right after the other in each round:

* ``spacy``: the bare pipeline (``nlp.pipe`` over the texts, the model newskg uses);
* ``newskg``: the whole build (``api.build_graph``: reading, the pipeline with the
  project's components, every extractor and the triples);
* ``newskg + Turtle``: the build and the graph written as Turtle (``api.serialize``), what
  ``kg build --out graph.ttl`` does besides the HTML page.

The figure that compares across machines is the ratio ``newskg / spacy`` (documents per
second of the build over those of bare spaCy), taken per round, and the same with the Turtle
written. With ``--compare REV``
the same rounds run on a checkout of another revision (a temporary ``git worktree``),
alternating with this tree's, so a change's cost reads as the change of that ratio and a
slow spell of the machine falls on both. With ``--cpu-time`` each part is timed by the CPU
time of the measuring process instead of the wall clock: on a machine that other work shares,
the ratio then reads what each part costs, not how much of the machine it was given.

Usage: .venv/bin/python bench/throughput.py [INPUT ...] [--repeat 3] [--compare REV] [--cpu-time] [--json]
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


def _worker(paths: list[Path], repeat: int, clock=time.perf_counter) -> dict:
    """Runs inside the measured process: both pipelines loaded and warmed up, then ``repeat``
    rounds that time bare spaCy and the build one after the other (by ``clock``), so that both
    see the same machine; the ratio is taken per round."""
    from kg import api
    from kg.nlp import load_nlp, resolve_model
    import spacy

    texts = [p.read_text(encoding="utf-8") for p in paths]
    bare = spacy.load(resolve_model(None))
    load_nlp()
    list(bare.pipe(texts[:5]))
    api.build_graph(paths[:5])  # warm-up: model, lexicons, gazetteer
    rounds = []
    for _ in range(repeat):
        t = clock()
        list(bare.pipe(texts))
        spacy_s = clock() - t
        t = clock()
        graph, _ = api.build_graph(paths)
        build_s = clock() - t
        api.serialize(graph, "turtle")
        written_s = clock() - t
        rounds.append((spacy_s, build_s, written_s))
    return {"docs": len(texts), "chars": sum(map(len, texts)),
            "spacy_s": statistics.median(r[0] for r in rounds), "build_s": statistics.median(r[1] for r in rounds),
            "written_s": statistics.median(r[2] for r in rounds),
            "ratio": statistics.median(r[0] / r[1] for r in rounds),
            "ratio_written": statistics.median(r[0] / r[2] for r in rounds)}


def _measure(tree: Path, paths: list[Path], repeat: int, cpu_time: bool = False) -> dict:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--worker", "--repeat", str(repeat),
         *(["--cpu-time"] if cpu_time else []), *map(str, paths)],
        env=env, cwd=tempfile.gettempdir(), capture_output=True, text=True, check=True,
    )
    r = json.loads(out.stdout.strip().splitlines()[-1])
    r["spacy_docs_per_s"] = r["docs"] / r["spacy_s"]
    r["newskg_docs_per_s"] = r["docs"] / r["build_s"]
    r["written_docs_per_s"] = r["docs"] / r["written_s"]
    return r


def _compare(trees: dict[str, Path], paths: list[Path], repeat: int, cpu_time: bool = False) -> dict[str, dict]:
    """Each tree measured in turn, ``repeat`` times over, so that a slow spell of the machine
    falls on all of them; the median round of each is kept."""
    runs: dict[str, list[dict]] = {name: [] for name in trees}
    for _ in range(repeat):
        for name, tree in trees.items():
            runs[name].append(_measure(tree, paths, 1, cpu_time))
    out = {}
    for name, rs in runs.items():
        mid = sorted(rs, key=lambda r: r["ratio"])[len(rs) // 2]
        out[name] = mid
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="*")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--compare", metavar="REV", help="also measure this git revision, in the same run")
    ap.add_argument("--cpu-time", action="store_true", help="time by the process's CPU time, not the wall clock")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        clock = time.process_time if args.cpu_time else time.perf_counter
        print(json.dumps(_worker([Path(p) for p in args.inputs], args.repeat, clock)))
        return
    inputs = args.inputs or [str(ROOT.parent / "shared" / "dev"), str(ROOT / "seeds")]
    paths = [p.resolve() for p in _documents(inputs)]
    if not paths:
        sys.exit("no .txt documents in " + ", ".join(inputs))
    if args.compare:
        with tempfile.TemporaryDirectory() as tmp:
            tree = Path(tmp) / "tree"
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), args.compare],
                           check=True, capture_output=True)
            try:
                results = _compare({"this tree": ROOT, args.compare: tree}, paths, args.repeat, args.cpu_time)
            finally:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], capture_output=True)
    else:
        results = _compare({"this tree": ROOT}, paths, args.repeat, args.cpu_time)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    first = next(iter(results.values()))
    print(f"{first['docs']} documents, {first['chars']:,} characters, the median of {args.repeat} rounds"
          + (", timed by CPU time" if args.cpu_time else ""))
    print(f"{'tree':<16} {'spaCy docs/s':>13} {'newskg docs/s':>14} {'newskg/spaCy':>13} "
          f"{'+ Turtle docs/s':>16} {'+ Turtle/spaCy':>15}")
    for name, r in results.items():
        print(f"{name:<16} {r['spacy_docs_per_s']:>13.1f} {r['newskg_docs_per_s']:>14.1f} {r['ratio']:>13.2f} "
              f"{r['written_docs_per_s']:>16.1f} {r['ratio_written']:>15.2f}")
    if args.compare:
        this, base = results["this tree"], results[args.compare]
        print(f"change of the ratio against {args.compare}: {this['ratio'] / base['ratio'] - 1:+.1%} "
              f"(with the Turtle written: {this['ratio_written'] / base['ratio_written'] - 1:+.1%})")


if __name__ == "__main__":
    main()
