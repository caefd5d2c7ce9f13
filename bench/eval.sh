#!/usr/bin/env bash
# Build every article that has a gold file (seed + dev) with its gold publication date,
# then score them all: per-document rows and the micro-averaged fact_f1 line.
# Usage: bash bench/eval.sh [SHARED_DIR] [OUT_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${1:-$here/../shared}"
outdir="${2:-$(mktemp -d)}"
py="${PYTHON:-$here/.venv/bin/python}"
[ -x "$py" ] || py=python3
mkdir -p "$outdir"
"$py" - "$shared" "$outdir" <<'PY'
import json, shutil, sys, time
from pathlib import Path
from kg import api
from kg.read import read_article
shared, outdir = Path(sys.argv[1]), Path(sys.argv[2])
golds = sorted(shared.glob("gold/*.gold.json")) + sorted(shared.glob("dev/*.gold.json"))
for g in golds:
    meta = json.loads(g.read_text())
    txt = g.parent / meta["document"]
    if not txt.exists():
        txt = shared / "seeds" / meta["document"]
    from datetime import date
    t = time.perf_counter()
    article = read_article(txt, date.fromisoformat(meta["published"]))
    graph = api.build_article(article)
    stem = g.name.removesuffix(".gold.json")
    api.save(graph, outdir / f"{stem}.ttl")
    shutil.copy(g, outdir / g.name)
    print(f"built {stem} in {time.perf_counter() - t:.2f}s", file=sys.stderr)
PY
"$py" "$shared/eval/score.py" --gold-dir "$outdir" --graph-dir "$outdir" | sed -n '/^document/,$p'
