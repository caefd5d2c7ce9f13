"""Corpus scale: throughput, memory, store and queries on made-up corpora of 100 to 10,000 documents.

One command, one process tree, one machine. For each corpus size (made by ``bench/corpus.py``,
every document different) it measures, each in a fresh subprocess:

* **bare spaCy** (the baseline): ``nlp.pipe`` over the same texts with the same model, at one
  process and at ``--jobs`` processes (``n_process``);
* **kg build** end to end into a store (``kg build CORPUS --store DIR --jobs J``), at one
  process and at ``--jobs`` processes: documents per second, the ratio to bare spaCy at the
  same number of processes, and the peak memory of the whole process tree (proportional set
  sizes summed, sampled every 0.25 s);
* on the largest store: the time to open it and to bulk-load its triples into a fresh
  Oxigraph store, and the median latency (``--runs``, 5 by default, after one warm-up) of every
  shipped query (``kg/queries/*.rq``), rdflib in memory against Oxigraph: on the store, both the
  whole answer (every row, as ``kg query NAME --store DIR --limit 0`` gives it) and its first page
  of :data:`PAGE` rows (``kg query NAME --store DIR --limit 100``), with the load average of the
  machine over the timing, as other processes on it make the figures noisy;
* the Dask engine on a LocalCluster against ``--jobs`` at the middle size.

The Markdown table goes to ``bench/results/corpus_scale.md`` (and JSON beside it).

Usage: .venv/bin/python bench/corpus_scale.py [--sizes 100 1000 10000] [--jobs N] [--work DIR] [--no-dask] [--no-in-memory] [--runs N]
       .venv/bin/python bench/corpus_scale.py --queries-only STORE [--runs N]   (the query table alone, on an existing store)
       .venv/bin/python bench/corpus_scale.py --queries-only STORE --compare REV   (this tree's queries against REV's, one run)

With ``--compare REV`` the shipped queries of this tree and of another revision (a temporary
``git worktree``, as ``bench/throughput.py --compare`` makes) are timed on the same store in one
run, each query in fresh processes, the two revisions in turn (three times over) for each
query, so that a busy spell of the machine falls on both; the table goes to
``bench/results/query_compare.md`` (and JSON beside it).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
KG = [sys.executable, "-c", "from kg.cli import main; main()"]

SPACY_RUN = """
import json, sys, spacy
from kg.settings import resolve_model
nlp = spacy.load(resolve_model(None))
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
n = int(sys.argv[2])
for _ in nlp.pipe(texts, batch_size=32, n_process=n):
    pass
"""


def _tree_memory(proc: psutil.Process) -> int:
    """The memory of a process tree: the sum of proportional set sizes (PSS), so that pages the
    forked workers share with their parent are counted once, not once per process."""
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += getattr(p.memory_full_info(), "pss", 0) or p.memory_info().rss
        except psutil.Error:
            pass
    return total


def timed(cmd: list[str], env: dict | None = None) -> dict:
    """Run ``cmd`` to its end: wall seconds and the peak memory of its process tree (PSS)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    ps = psutil.Process(proc.pid)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                peak = max(peak, _tree_memory(ps))
            except psutil.Error:
                pass
            done.wait(0.25)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    _, err = proc.communicate()
    done.set()
    t.join()
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd[:6])}... failed ({proc.returncode}): {err.strip()[-500:]}")
    return {"seconds": seconds, "peak_mb": peak / 2**20}


def corpus(size: int, work: Path) -> Path:
    path = work / f"corpus-{size}.jsonl"
    if not path.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py"), str(size), str(path)], check=True)
    return path


def spacy_baseline(path: Path, processes: int) -> dict:
    return timed([sys.executable, "-c", SPACY_RUN, str(path), str(processes)])


def kg_build(path: Path, store: Path, jobs: int, engine: str | None = None) -> dict:
    shutil.rmtree(store, ignore_errors=True)
    cmd = [*KG, "build", str(path), "--store", str(store), "--jobs", str(jobs), "--no-html"]
    if engine:
        cmd += ["--engine", engine]
    return timed(cmd)


#: Rows in the first page of a listing, as an analyst reads it (``kg query NAME --limit 100``).
PAGE = 100


def store_latencies(st, text: str, runs: int) -> dict:
    """The rows of a query's answer on the store, and the median milliseconds of the whole answer
    and of its first page of :data:`PAGE` rows: wall-clock time, and this process's CPU time
    (which other processes on the machine slow down less)."""
    from kg import api

    whole, whole_cpu = _wall_and_cpu_ms(lambda: api.query(st, text), runs)
    page, page_cpu = _wall_and_cpu_ms(lambda: api.query(st, text, limit=PAGE), runs)
    return {"rows": len(api.query(st, text)), "oxigraph_ms": whole, "oxigraph_cpu_ms": whole_cpu,
            "oxigraph_page_ms": page, "oxigraph_page_cpu_ms": page_cpu}


def _wall_and_cpu_ms(run, runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds of ``runs`` calls after one warm-up."""
    run()
    wall, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        run()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return 1000 * statistics.median(wall), 1000 * statistics.median(cpu)


def query_latencies(store_dir: Path, runs: int = 5, in_memory: bool = True) -> tuple[dict, dict]:
    """Median seconds of every shipped query, rdflib in memory vs Oxigraph, and load times;
    without ``in_memory``, on the store alone (the in-memory columns say "not run")."""
    import pyoxigraph as ox

    from kg import api, store as kgstore
    from kg.sparql import run_limited

    t = time.perf_counter()
    st = kgstore.open_read(store_dir)
    opened = time.perf_counter() - t
    if not in_memory:
        loads = {"triples": len(st), "open_store_s": opened, "runs": runs, "load_before": os.getloadavg()[0]}
        out = {name: {"rdflib_ms": "not run", "api_graph_ms": "not run",
                      **store_latencies(st, api.query_text(str(path)), runs)}
               for name, path in sorted(api.named_queries().items())}
        loads["load_after"] = os.getloadavg()[0]
        return loads, out
    t = time.perf_counter()
    graph = kgstore.to_graph(st)
    to_rdflib = time.perf_counter() - t
    nt = store_dir.parent / "dump.nt"
    graph.serialize(nt, format="nt", encoding="utf-8")
    fresh = store_dir.parent / "bulk"
    shutil.rmtree(fresh, ignore_errors=True)
    t = time.perf_counter()
    bulk = ox.Store(str(fresh))
    bulk.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
    bulk.flush()
    bulk_s = time.perf_counter() - t
    loads = {"triples": len(graph), "open_store_s": opened, "store_to_rdflib_s": to_rdflib, "bulk_load_s": bulk_s,
             "runs": runs, "load_before": os.getloadavg()[0]}
    out = {}
    for name, path in sorted(api.named_queries().items()):
        text = api.query_text(str(path))
        out[name] = {"rdflib_ms": _median_ms(lambda: run_limited(lambda: len(list(graph.query(text))), RDFLIB_LIMIT_S),
                                             runs, RDFLIB_LIMIT_S),
                     "api_graph_ms": _median_ms(lambda: api.query(graph, text), runs, SLOW_S),
                     **store_latencies(st, text, runs)}
    loads["load_after"] = os.getloadavg()[0]
    return loads, out


#: rdflib's own SPARQL engine is stopped after this many seconds per query.
RDFLIB_LIMIT_S = 60.0
#: On the in-memory columns, a query slower than this is timed once rather than the median of
#: several runs (the store's columns are always the median of ``runs``).
SLOW_S = 2.0


def _median_ms(run, runs: int, limit: float | None = None) -> float | str:
    """Median milliseconds of ``runs`` calls after one warm-up; the error's name when the engine
    cannot answer (rdflib fails on some aggregates over unbound variables), or "> limit" when
    the warm-up alone ran past ``limit`` seconds. With ``limit``, a warm-up slower than
    :data:`SLOW_S` is the figure (timed once)."""
    times = []
    for i in range(runs + 1):
        t = time.perf_counter()
        try:
            run()
        except Exception as exc:  # noqa: BLE001 - reported in the table
            if limit and time.perf_counter() - t >= limit:
                return f"> {limit:.0f} s"
            return f"fails ({type(exc).__name__})"
        took = time.perf_counter() - t
        if limit and i == 0 and took > SLOW_S:
            return 1000 * took  # a slow query is timed once
        if i:
            times.append(took)
    return 1000 * statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--work", type=Path, default=Path("/tmp/newskg-corpus-scale"))
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--no-in-memory", action="store_true",
                    help="Time the shipped queries on the store alone (not on rdflib or an in-memory graph).")
    ap.add_argument("--runs", type=int, default=5, help="Timed runs of each query (after one warm-up); the median is reported.")
    ap.add_argument("--queries-only", type=Path, metavar="STORE",
                    help="Only time the shipped queries on this existing store (kg build --store), on the store "
                         "alone; the build figures of the last run are kept.")
    ap.add_argument("--compare", metavar="REV",
                    help="With --queries-only: time REV's shipped queries too, in the same run, and write "
                         "bench/results/query_compare.md.")
    ap.add_argument("--time-query", nargs=2, metavar=("NAME", "STORE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.time_query:  # a worker of --compare: one query of the kg on PYTHONPATH
        name, store_dir = args.time_query
        from kg import api, store as kgstore

        print(json.dumps(store_latencies(kgstore.open_read(store_dir), api.query_text(name), args.runs)))
        return
    if args.queries_only and args.compare:
        compare_queries(args.queries_only, args.compare, args.runs)
        return
    if args.queries_only:
        results = json.loads((RESULTS / "corpus_scale.json").read_text(encoding="utf-8"))
        results["store"], results["queries"] = query_latencies(args.queries_only, args.runs, in_memory=False)
        write(results)
        return
    args.work.mkdir(parents=True, exist_ok=True)
    rows, results = [], {"machine": machine(), "jobs": args.jobs, "sizes": {}}
    for size in args.sizes:
        path = corpus(size, args.work)
        r = {}
        for j in sorted({1, args.jobs}):
            base = spacy_baseline(path, j)
            build = kg_build(path, args.work / f"store-{size}-j{j}", j)
            r[j] = {"spacy": base, "kg": build, "spacy_docs_s": size / base["seconds"],
                    "kg_docs_s": size / build["seconds"], "ratio": base["seconds"] / build["seconds"]}
            rows.append((size, j, r[j]))
            print(f"{size:>6} docs, {j} process(es): spaCy {size / base['seconds']:.1f} docs/s, "
                  f"kg build {size / build['seconds']:.1f} docs/s (x{r[j]['ratio']:.2f}), "
                  f"peak {build['peak_mb']:.0f} MB", flush=True)
        results["sizes"][size] = r
    largest = max(args.sizes)
    loads, latencies = query_latencies(args.work / f"store-{largest}-j{args.jobs}", args.runs,
                                       in_memory=not args.no_in_memory)
    results["store"] = loads
    results["queries"] = latencies
    if not args.no_dask:
        mid = sorted(args.sizes)[len(args.sizes) // 2]
        path = corpus(mid, args.work)
        dask = kg_build(path, args.work / f"store-{mid}-dask", args.jobs, engine="dask")
        results["dask"] = {"size": mid, "dask": dask, "jobs": results["sizes"][mid][args.jobs]["kg"]}
    write(results)


#: With ``--compare``, each revision's process for a query is run this many times, the two
#: revisions in turn; the median of its medians is kept.
COMPARE_ROUNDS = 3


def compare_queries(store_dir: Path, rev: str, runs: int) -> None:
    """This tree's shipped queries against ``rev``'s on one store, in one run (see the module
    docstring); the table goes to ``bench/results/query_compare.md``."""
    import tempfile

    load_before = os.getloadavg()[0]
    out: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), rev],
                       check=True, capture_output=True)
        try:
            from kg import api

            names = sorted(set(api.named_queries()) & {p.stem for p in (tree / "kg" / "queries").glob("*.rq")})
            for name in names:
                measured: dict[str, list[dict]] = {rev: [], "this tree": []}
                for _ in range(COMPARE_ROUNDS):
                    for label, root in ((rev, tree), ("this tree", ROOT)):
                        done = subprocess.run(
                            [sys.executable, str(Path(__file__).resolve()), "--time-query", name,
                             str(store_dir.resolve()), "--runs", str(runs)],
                            env={**os.environ, "PYTHONPATH": str(root)}, cwd=tempfile.gettempdir(),
                            capture_output=True, text=True, check=True)
                        measured[label].append(json.loads(done.stdout.strip().splitlines()[-1]))
                out[name] = {label: {key: (rs[0][key] if key == "rows" else statistics.median(r[key] for r in rs))
                                     for key in rs[0]} for label, rs in measured.items()}
                print(f"{name}: {rev} {out[name][rev]['oxigraph_ms']:.0f} ms, "
                      f"this tree {out[name]['this tree']['oxigraph_ms']:.0f} ms", flush=True)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], capture_output=True)
    results = {"machine": machine(), "store": str(store_dir), "rev": rev, "runs": runs,
               "load_before": load_before, "load_after": os.getloadavg()[0], "queries": out}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "query_compare.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    m = results["machine"]
    lines = ["# Shipped queries against another revision\n",
             f"Machine: {m['cpus']} CPUs, {m['memory_gb']} GB, Python {m['python']}. "
             f"`python bench/corpus_scale.py --queries-only STORE --compare {rev}` wrote this: `api.query` on "
             f"the same store, the whole answer and its first page of {PAGE} rows: wall-clock time and, in "
             f"brackets, the CPU time of the process that queries; each figure the median of {COMPARE_ROUNDS} "
             f"processes per revision, run in turn ({rev} first), each the median of {runs} runs after one "
             f"warm-up; the speed-ups compare wall-clock times. "
             f"Load average of the machine when the timing started and ended: {results['load_before']:.2f} "
             f"and {results['load_after']:.2f} (the timing itself counts for about 1).\n",
             f"| shipped query | rows | {rev}, all rows | this tree, all rows | speed-up | "
             f"{rev}, first {PAGE} | this tree, first {PAGE} | speed-up |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, r in out.items():
        a, b = r[rev], r["this tree"]
        rows = f"{b['rows']:,}" if a["rows"] == b["rows"] else f"{a['rows']:,} / {b['rows']:,}"
        lines.append(f"| {name} | {rows} | {a['oxigraph_ms']:.1f} ms (CPU {a['oxigraph_cpu_ms']:.1f}) | "
                     f"{b['oxigraph_ms']:.1f} ms (CPU {b['oxigraph_cpu_ms']:.1f}) | "
                     f"{a['oxigraph_ms'] / b['oxigraph_ms']:.2f}× | "
                     f"{a['oxigraph_page_ms']:.1f} ms (CPU {a['oxigraph_page_cpu_ms']:.1f}) | "
                     f"{b['oxigraph_page_ms']:.1f} ms (CPU {b['oxigraph_page_cpu_ms']:.1f}) | "
                     f"{a['oxigraph_page_ms'] / b['oxigraph_page_ms']:.2f}× |")
    (RESULTS / "query_compare.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def machine() -> dict:
    return {"cpus": os.cpu_count(), "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "python": platform.python_version(), "platform": platform.platform(terse=True),
            "processor": platform.processor() or platform.machine()}


def write(results: dict) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "corpus_scale.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    m = results["machine"]
    lines = [f"# Corpus scale\n",
             f"Machine: {m['cpus']} CPUs, {m['memory_gb']} GB, Python {m['python']}, {m['platform']}. "
             f"Made-up corpora from `bench/corpus.py`; `python bench/corpus_scale.py` wrote this.\n",
             "## Build throughput and memory\n",
             "| documents | processes | bare spaCy docs/s | kg build docs/s | ratio | kg peak memory |",
             "|---:|---:|---:|---:|---:|---:|"]
    for size, r in results["sizes"].items():
        for j, x in sorted(r.items()):
            lines.append(f"| {int(size):,} | {j} | {x['spacy_docs_s']:.1f} | {x['kg_docs_s']:.1f} | "
                         f"{x['ratio']:.2f}× | {x['kg']['peak_mb']:.0f} MB |")
    s = results["store"]
    loading = (f" bulk-load its triples into a fresh store: {s['bulk_load_s']:.1f} s; copy into an rdflib graph: "
               f"{s['store_to_rdflib_s']:.1f} s." if "bulk_load_s" in s else "")
    load = (f" Load average of the machine ({m['cpus']} CPUs) when the timing started and ended: "
            f"{s['load_before']:.2f} and {s['load_after']:.2f} (the timing itself counts for about 1; above "
            f"that, other processes shared the CPUs and the figures are that much noisier)."
            if "load_before" in s else "")
    runs = f"median of {s['runs']} runs after one warm-up" if "runs" in s else "median of 5 runs after one warm-up"
    lines += ["", "## Store\n",
              f"{s['triples']:,} triples. Open the store: {s['open_store_s'] * 1000:.0f} ms;{loading}\n",
              "rdflib's own SPARQL engine on the graph in memory; `api.query` on that graph (the "
              "notebook's way: the graph copied into a scratch Oxigraph store, then queried); and "
              "`api.query` on the store (`kg query --store`): the whole answer (every row), and its "
              f"first page of {PAGE} rows (`kg query NAME --store DIR --limit {PAGE}`; the whole answer "
              f"when it has fewer rows), each as wall-clock time and, in brackets, the CPU time of the "
              f"process that queries. Each figure is the {runs}.{load}\n",
              "| shipped query | rows | rdflib engine, in memory | api.query, in-memory graph | "
              f"Oxigraph store, all rows | Oxigraph store, first {PAGE} rows |",
              "|---|---:|---:|---:|---:|---:|"]
    for name, q in results["queries"].items():
        cells = [f"{v:.1f} ms" if isinstance(v, float) else v
                 for v in (q["rdflib_ms"], q["api_graph_ms"], q["oxigraph_ms"], q.get("oxigraph_page_ms", "not run"))]
        for i, cpu in ((2, "oxigraph_cpu_ms"), (3, "oxigraph_page_cpu_ms")):
            if cpu in q:
                cells[i] += f" (CPU {q[cpu]:.1f})"
        rows = f"{q['rows']:,}" if "rows" in q else ""
        lines.append(f"| {name} | {rows} | {' | '.join(cells)} |")
    if "dask" in results:
        d = results["dask"]
        lines += ["", "## Dask engine (LocalCluster) against --jobs\n",
                  f"{d['size']:,} documents: Dask {d['size'] / d['dask']['seconds']:.1f} docs/s "
                  f"(peak {d['dask']['peak_mb']:.0f} MB), --jobs {results['jobs']} "
                  f"{d['size'] / d['jobs']['seconds']:.1f} docs/s (peak {d['jobs']['peak_mb']:.0f} MB)."]
    (RESULTS / "corpus_scale.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
