"""Where the CPU goes with many documents in flight: each process's CPU per document and share of the cores.

At one concurrency level (default 128, as `summarise run -j 128` lays it out) against the scripted
300 ms endpoint in a child process, the same documents go through summarise (worker processes) and
the two baselines of benchmarks/concurrency.py (plain SDK threads, AsyncOpenAI), paired, `--rounds`
times. For each run it reads, from /proc (Linux), the CPU time of this process, of each worker
process and of the endpoint's process, and reports per document and as cores used (CPU / wall); for
each worker also its busiest thread and the rest (a thread that every request of the process passed
through, such as an event loop serving the others, would stand out there). It also measures, in the
same run, the client CPU per document one at a time (benchmarks/concurrency.py's `cpu_per_document`), so the cost of
concurrency itself shows as the ratio of the two. CPU times are robust on a shared machine; the
efficiencies (ideal / wall) are not, and are reported for the paired ratio only.

    .venv/bin/python benchmarks/inflight_cpu.py --concurrency 128 --rounds 2 [--processes N] [--worker async]
        [--switch-interval S] [--json FILE]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "tests"))

import concurrency as bench
from summarise import Settings
from summarise.run.workers import Pool, aextract_one, extract_one, layout

TICK = os.sysconf("SC_CLK_TCK")
_switch_set = False


def extract_with_switch_interval(source: Any, kind: str, settings: Any, interval: float) -> Any:
    """`extract_one` in a worker whose interpreter switch interval is `interval` seconds."""
    global _switch_set
    if not _switch_set:
        sys.setswitchinterval(interval)
        _switch_set = True
    return extract_one(source, kind, settings)


def _ticks(path: str) -> float:
    fields = Path(path).read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime + stime


def process_cpu(pid: int) -> float:
    """CPU seconds a process has used (all its threads)."""
    try:
        return _ticks(f"/proc/{pid}/stat")
    except OSError:
        return float("nan")


def thread_cpu(pid: int) -> dict[str, float]:
    """CPU seconds of each thread of a process, by thread id."""
    found = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            found[tid] = _ticks(f"/proc/{pid}/task/{tid}/stat")
        except OSError:
            continue
    return found


def measure(name: str, run: Callable[[], Any], pids: dict[str, int], n: int, ideal: float) -> dict[str, Any]:
    before = {k: process_cpu(p) for k, p in pids.items()}
    threads_before = {k: thread_cpu(p) for k, p in pids.items() if k.startswith("worker")}
    load = os.getloadavg()[0]
    started = time.perf_counter()
    run()
    wall = time.perf_counter() - started
    used = {k: process_cpu(p) - before[k] for k, p in pids.items()}
    threads = {}
    for k, first in threads_before.items():
        spent = sorted((v - first.get(tid, 0.0) for tid, v in thread_cpu(pids[k]).items()), reverse=True)
        threads[k] = {"busiest_ms_per_document": round(1000 * spent[0] / n, 3),
                      "rest_ms_per_document": round(1000 * sum(spent[1:]) / n, 3)}
    row = {"path": name, "wall_s": round(wall, 3), "efficiency": round(ideal / wall, 4),
           "cpu_ms_per_document": {k: round(1000 * v / n, 3) for k, v in used.items()},
           "cores_used": {k: round(v / wall, 3) for k, v in used.items()},
           "worker_threads": threads, "load_average": [load, os.getloadavg()[0]]}
    print(json.dumps(row), flush=True)
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--concurrency", type=int, default=128)
    ap.add_argument("--per-worker", type=int, default=16, help="documents per concurrent slot")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--latency", type=float, default=0.3)
    ap.add_argument("--processes", type=int, help="worker processes (default: as `run -j` lays out)")
    ap.add_argument("--worker", choices=("threads", "async"), default="threads")
    ap.add_argument("--switch-interval", type=float, help="sys.setswitchinterval in each worker")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    if not Path("/proc/self/stat").exists():
        sys.exit("needs /proc (Linux) to read each process's CPU time")

    bench.SEED_BYTES[:] = [p.read_bytes() for p in bench.SEEDS]
    c = args.concurrency
    n = max(16, args.per_worker * c)
    ideal = n * args.latency / c
    with bench.ChildServer(args.latency) as server, tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        bodies = bench.request_bodies(bench.SEED_BYTES, tmp)
        with bench.ChildServer(0.0) as zero:
            one_at_a_time = bench.cpu_per_document(zero.base_url, bodies, tmp, 200)
        print(json.dumps({"one_at_a_time_cpu_ms": one_at_a_time}), flush=True)
        settings = Settings(backend="llm", base_url=server.base_url, model="bench", no_cache=True,
                            cache_dir=tmp / "cache")
        processes, threads = layout(c, n) if args.processes is None else (args.processes, -(-c // args.processes))
        fn: Callable[..., Any] = aextract_one if args.worker == "async" else extract_one
        fixed: tuple[Any, ...] = ("auto", settings)
        if args.switch_interval is not None and args.worker == "threads":
            fn, fixed = extract_with_switch_interval, ("auto", settings, args.switch_interval)
        docs = [bench.SEED_BYTES[i % 2] for i in range(n)]
        rows = []
        with Pool(fn, fixed, processes=processes, threads=threads) as pool:
            list(pool.imap_unordered(bench.SEED_BYTES * processes * 2))  # warm: imports, client, schema
            pids = {"this": os.getpid(), "server": server.proc.pid,
                    **{f"worker{i}": w.process.pid for i, w in enumerate(pool.workers)}}
            for _ in range(args.rounds):
                rows.append(measure("summarise", lambda: list(pool.imap_unordered(docs)), pids, n, ideal))
                rows.append(measure("sync", lambda: bench.sync_baseline(server.base_url, bodies, c, n),
                                    pids, n, ideal))
                rows.append(measure("async", lambda: bench.async_baseline(server.base_url, bodies, c, n),
                                    pids, n, ideal))

    def median(path: str, get: Callable[[dict[str, Any]], float]) -> float:
        return round(statistics.median(get(r) for r in rows if r["path"] == path), 3)

    eff = {p: median(p, lambda r: r["efficiency"]) for p in ("summarise", "sync", "async")}
    summary = {
        "concurrency": c, "documents": n, "layout": {"processes": processes, "threads": threads, "worker": args.worker},
        "switch_interval": args.switch_interval, "efficiency": eff,
        "ratio": round(eff["summarise"] / max(eff["sync"], eff["async"]), 3),
        "cpu_ms_per_document_in_flight": {
            "summarise_workers": median("summarise", lambda r: sum(
                v for k, v in r["cpu_ms_per_document"].items() if k.startswith("worker"))),
            "summarise_busiest_thread_per_worker": median("summarise", lambda r: sum(
                t["busiest_ms_per_document"] for t in r["worker_threads"].values())),
            "summarise_this_process": median("summarise", lambda r: r["cpu_ms_per_document"]["this"]),
            "sync_client": median("sync", lambda r: r["cpu_ms_per_document"]["this"]),
            "async_client": median("async", lambda r: r["cpu_ms_per_document"]["this"]),
            "server": median("summarise", lambda r: r["cpu_ms_per_document"]["server"]),
        },
        "one_at_a_time_cpu_ms": one_at_a_time,
        "machine": {"python": sys.version.split()[0], "cpus": os.cpu_count()},
    }
    print(json.dumps(summary), flush=True)
    if args.json:
        args.json.write_text(json.dumps({**summary, "runs": rows}, indent=1))


if __name__ == "__main__":
    main()
