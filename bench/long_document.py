"""Cost of long documents: one document of 10 KB, 100 KB and 1 MB against the same text as articles.

The text is made of the articles given (their paragraphs in turn, repeated until the size is
reached). For each size, two runs, each in a fresh process so that its peak memory is its own:

* ``one``: the whole text as one document (``api.build_article``);
* ``split``: the same text cut back into the articles it was made of, each built on its own.

Printed per size: seconds, seconds per KB and peak memory (max RSS) of both, and the ratio of
the time per KB (``one / split``). The target is a ratio under 2 and memory under 1 GB at 1 MB.

Usage: .venv/bin/python bench/long_document.py [INPUT ...] [--sizes 10,100,1000] [--json]
INPUT: files or folders of articles (default: seeds/ and the shared articles, if present).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _articles(inputs: list[str]) -> list[str]:
    texts = []
    for name in inputs:
        p = Path(name)
        for f in sorted(p.rglob("*.txt")) if p.is_dir() else [p]:
            texts.append(f.read_text(encoding="utf-8").strip() + "\n")
    if not texts:
        raise SystemExit("no articles found in the inputs")
    return texts


def _pieces(texts: list[str], size_kb: int) -> list[str]:
    """Whole articles in turn until their total reaches ``size_kb`` kilobytes (UTF-8)."""
    pieces, total, i = [], 0, 0
    while total < size_kb * 1000:
        t = texts[i % len(texts)]
        pieces.append(t)
        total += len(t.encode("utf-8"))
        i += 1
    return pieces


def _worker(mode: str, inputs: list[str], size_kb: int) -> dict:
    from datetime import date

    from kg import api
    from kg.read import Article

    pieces = _pieces(_articles(inputs), size_kb)
    api.build_article(Article(text=pieces[0], source="warm-up", sha256="0" * 64, published=date(2025, 1, 1)))
    docs = ["\n".join(pieces)] if mode == "one" else pieces
    started = time.perf_counter()
    triples = 0
    for n, text in enumerate(docs):
        art = Article(text=text, source=f"doc-{n}", sha256=f"{n:064x}", published=date(2025, 1, 1))
        triples += len(api.build_article(art))
    seconds = time.perf_counter() - started
    kb = sum(len(t.encode("utf-8")) for t in docs) / 1000
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mode": mode, "size_kb": size_kb, "kb": round(kb, 1), "documents": len(docs),
            "seconds": round(seconds, 2), "s_per_kb": round(seconds / kb, 4), "peak_mb": round(peak_mb),
            "triples": triples}


def _measure(mode: str, inputs: list[str], size_kb: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--worker", mode, "--sizes", str(size_kb), *inputs],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*")
    parser.add_argument("--sizes", default="10,100,1000", help="sizes in KB, comma-separated")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--worker", choices=["one", "split"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    inputs = args.inputs or [str(ROOT / "seeds")] + [
        str(p) for p in [ROOT.parent / "shared" / "dev"] if p.is_dir()]
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.worker:
        print(json.dumps(_worker(args.worker, inputs, sizes[0])))
        return
    rows = []
    for size in sizes:
        one, split = _measure("one", inputs, size), _measure("split", inputs, size)
        rows.append({"size_kb": size, "one": one, "split": split,
                     "ratio_per_kb": round(one["s_per_kb"] / split["s_per_kb"], 2)})
    if args.json:
        print(json.dumps(rows, indent=1))
        return
    print("| size | one document: s | s/KB | peak MB | as articles: n | s | s/KB | peak MB | ratio s/KB |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        o, s = r["one"], r["split"]
        print(f"| {r['size_kb']} KB | {o['seconds']} | {o['s_per_kb']} | {o['peak_mb']} | {s['documents']} | "
              f"{s['seconds']} | {s['s_per_kb']} | {s['peak_mb']} | {r['ratio_per_kb']} |")


if __name__ == "__main__":
    main()
