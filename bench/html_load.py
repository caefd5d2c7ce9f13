"""How long the interactive page takes to open: the seed graph against a large one.

Builds three pages and opens each in headless Chromium (``tests/browser.py``):

* ``seed``: the graph of ``seeds/``;
* ``large-reduced``: a synthetic graph of ``--nodes`` nodes (``tests/synthetic.py``)
  with the default ``max_nodes`` (1500), so the page shows the reduced view;
* ``large-full``: the same graph with every node drawn.

For each page it reports the median over ``--repeat`` runs of what the page
measures itself (``firstDrawMs``: from creating the network to its first
drawing, which comes after the layout has stabilised; ``pageMs``: from
navigation to the first drawing) and of the wall-clock time of the whole
browser run, and each as a ratio to the seed page measured in the same run.
The page runs under Chromium's virtual time: script work is timed as it runs,
waits on timers are skipped, so the figures are compute time, and the ratios
are what compares across machines.

Usage: .venv/bin/python bench/html_load.py [--nodes 5000] [--repeat 3] [--out out/bench] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import find_chromium, load_page  # noqa: E402
from synthetic import synthetic_graph  # noqa: E402

from kg import api  # noqa: E402
from kg.export.html import to_html  # noqa: E402

METRICS = ("firstDrawMs", "pageMs", "browserMs")


def measure(path: Path, repeat: int) -> dict[str, float]:
    runs = []
    for _ in range(repeat):
        run = load_page(path, budget_ms=15000, timeout=600)
        if not run.state.get("drawn"):
            raise RuntimeError(f"{path} was not drawn: {run.state}")
        runs.append({"firstDrawMs": run.state["firstDrawMs"], "pageMs": run.state["pageMs"],
                     "browserMs": round(run.seconds * 1000), "nodes": run.state["nodeCount"],
                     "total": run.state["nodesTotal"], "reduced": run.state["reduced"]})
    out = {m: statistics.median(r[m] for r in runs) for m in METRICS}
    out |= {k: runs[0][k] for k in ("nodes", "total", "reduced")}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000, help="size of the synthetic graph")
    parser.add_argument("--repeat", type=int, default=3, help="runs per page (the median is kept)")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "bench", help="where the pages go")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    if find_chromium() is None:
        print("no Chromium binary (install chromium or set NEWSKG_CHROMIUM)", file=sys.stderr)
        return 2

    started = time.perf_counter()
    seed, failures = api.build_graph([ROOT / "seeds"])
    if failures:
        print(f"{len(failures)} seed article(s) failed", file=sys.stderr)
    large = synthetic_graph(args.nodes)
    pages = {
        "seed": to_html(seed, args.out / "seed.html"),
        "large-reduced": to_html(large, args.out / "large-reduced.html"),
        "large-full": to_html(large, args.out / "large-full.html", max_nodes=args.nodes * 10),
    }
    print(f"pages built in {time.perf_counter() - started:.1f} s under {args.out}", file=sys.stderr)

    results = {}
    for name, report in pages.items():
        results[name] = measure(report.path, args.repeat)
        print(f"  {name}: {results[name]}", file=sys.stderr)
    base = results["seed"]
    for r in results.values():
        for m in METRICS:
            r[f"{m}Ratio"] = round(r[m] / base[m], 2) if base[m] else None

    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"{'page':14} {'nodes':>12} {'first draw ms':>14} {'page ms':>9} {'browser ms':>11}"
          f" {'x seed (draw / page / browser)':>32}")
    for name, r in results.items():
        nodes = f"{r['nodes']}/{r['total']}"
        ratios = " / ".join(f"{r[m + 'Ratio']:.1f}" for m in METRICS)
        print(f"{name:14} {nodes:>12} {r['firstDrawMs']:>14.0f} {r['pageMs']:>9.0f} {r['browserMs']:>11.0f}"
              f" {ratios:>32}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
