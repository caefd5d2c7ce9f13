"""How long the interactive page takes to open: the seed graph against large ones.

Builds four pages and opens each in headless Chromium (``tests/browser.py``),
once per view (``#view=network``, ``#view=map``, ``#view=timeline``):

* ``seed``: the graph of ``seeds/``;
* ``large-reduced``: a synthetic graph of ``--nodes`` nodes (``tests/synthetic.py``)
  with the default ``max_nodes`` (1500), so the network shows the reduced view;
* ``large-full``: the same graph with every node drawn;
* ``corpus``: a synthetic corpus graph with ``--events`` attacks, meetings and
  mediations, its places linked to GeoNames and its attacks typed, so that the
  map and the timeline draw every event (the network is reduced).

For each page and view it reports the median over ``--repeat`` runs of what
the page measures itself: the time to the view's first drawing (``draw``: for
the network from creating it to its first drawing, which comes after the
layout has stabilised; for the map and the timeline the whole work of drawing
them), the time from navigation to that drawing (``page``), and the wall-clock
time of the whole browser run; each as a ratio to the seed page measured in the
same run, and the size of each page file. The page runs under Chromium's
virtual time: script work is timed as it runs, waits on timers are skipped, so
the figures are compute time, and the ratios are what compares across machines.

Usage: .venv/bin/python bench/html_load.py [--nodes 5000] [--events 10000] [--repeat 3] [--out out/bench] [--json]
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
from synthetic import corpus_nodes, synthetic_graph  # noqa: E402

from kg import api  # noqa: E402
from kg.export.html import to_html  # noqa: E402

VIEWS = {  # view -> (state key of its drawing time, of the time since navigation, of "drawn")
    "network": ("firstDrawMs", "pageMs", "drawn"),
    "map": ("mapDrawMs", "mapPageMs", "mapDrawn"),
    "timeline": ("timelineDrawMs", "timelinePageMs", "timelineDrawn"),
}
METRICS = ("drawMs", "pageMs", "browserMs")


def measure(path: Path, view: str, repeat: int) -> dict[str, float]:
    draw, page, done = VIEWS[view]
    runs = []
    for _ in range(repeat):
        run = load_page(path, fragment=f"view={view}", budget_ms=15000, timeout=600, wait_for=done)
        if not run.state.get(done):
            raise RuntimeError(f"{path} #view={view} was not drawn: {run.state}")
        runs.append({"drawMs": run.state[draw], "pageMs": run.state[page], "browserMs": round(run.seconds * 1000),
                     "nodes": run.state["nodeCount"], "total": run.state["nodesTotal"],
                     "events": run.state.get("eventsTotal"), "reduced": run.state["reduced"],
                     "drawnItems": run.state.get({"network": "renderedNodes", "map": "mapMarkers",
                                                  "timeline": "timelineEvents"}[view])})
    out = {m: statistics.median(r[m] for r in runs) for m in METRICS}
    out |= {k: runs[0][k] for k in ("nodes", "total", "events", "reduced", "drawnItems")}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000, help="size of the synthetic graph")
    parser.add_argument("--events", type=int, default=10000, help="events of the synthetic corpus graph")
    parser.add_argument("--repeat", type=int, default=3, help="runs per page and view (the median is kept)")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "bench", help="where the pages go")
    parser.add_argument("--pages", default="seed,large-reduced,large-full,corpus",
                        help="which pages to build and open (comma-separated; seed is always one)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    if find_chromium() is None:
        print("no Chromium binary (install chromium or set NEWSKG_CHROMIUM)", file=sys.stderr)
        return 2
    wanted = {"seed", *args.pages.split(",")}

    started = time.perf_counter()
    seed, failures = api.build_graph([ROOT / "seeds"])
    if failures:
        print(f"{len(failures)} seed article(s) failed", file=sys.stderr)
    pages = {"seed": to_html(seed, args.out / "seed.html")}
    if wanted & {"large-reduced", "large-full"}:
        large = synthetic_graph(args.nodes)
        if "large-reduced" in wanted:
            pages["large-reduced"] = to_html(large, args.out / "large-reduced.html")
        if "large-full" in wanted:
            pages["large-full"] = to_html(large, args.out / "large-full.html", max_nodes=args.nodes * 10)
    if "corpus" in wanted:
        corpus = synthetic_graph(corpus_nodes(args.events), geo=True)
        pages["corpus"] = to_html(corpus, args.out / "corpus.html")
    print(f"pages built in {time.perf_counter() - started:.1f} s under {args.out}", file=sys.stderr)

    results: dict[str, dict] = {}
    for name, report in pages.items():
        results[name] = {"sizeMB": round(report.path.stat().st_size / 1e6, 2)}
        for view in VIEWS:
            results[name][view] = measure(report.path, view, args.repeat)
            print(f"  {name} {view}: {results[name][view]}", file=sys.stderr)
    base = results["seed"]
    for r in results.values():
        r["sizeRatio"] = round(r["sizeMB"] / base["sizeMB"], 2)
        for view in VIEWS:
            for m in METRICS:
                b = base[view][m]
                r[view][f"{m}Ratio"] = round(r[view][m] / b, 2) if b else None

    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"{'page':14} {'nodes':>12} {'events':>7} {'size MB':>8} {'view':>9} {'drawn':>7}"
          f" {'draw ms':>8} {'page ms':>8} {'browser ms':>11} {'x seed (size / draw / page)':>29}")
    for name, r in results.items():
        for view in VIEWS:
            v = r[view]
            ratios = f"{r['sizeRatio']:.1f} / {v['drawMsRatio']:.1f} / {v['pageMsRatio']:.1f}"
            print(f"{name:14} {v['nodes']:>5}/{v['total']:<6} {v['events'] or 0:>7} {r['sizeMB']:>8.2f} {view:>9}"
                  f" {v['drawnItems'] or 0:>7} {v['drawMs']:>8.0f} {v['pageMs']:>8.0f} {v['browserMs']:>11.0f}"
                  f" {ratios:>29}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
