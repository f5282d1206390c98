"""Throughput of extract() against a fixed-latency endpoint, versus concurrency; overhead; cache hits.

Runs the scripted OpenAI-compatible server (tests/scripted_server.py) with a fixed latency per
answer in a child process (so the endpoint's own CPU does not count against the library; pass
--in-process to share the process), and a thread pool over `summarise.extract` (cache off) on the
two seeds.

    /work/venv/bin/python benchmarks/concurrency.py [--latency 0.3] [--levels 1,4,16,32]
    /work/venv/bin/python benchmarks/concurrency.py --cli    # the `summarise run -j N` path
    /work/venv/bin/python benchmarks/concurrency.py --processes 2    # an experiment: two forked processes

--cli measures the batch path (`run_batch`, as `summarise run -j N` runs it: discover → extract →
render md+json → atomic writes → reports) on N distinct input files (the seeds with varying trailing
blank lines, so every input has its own output).

Efficiency = ideal / measured wall time, ideal = N × latency / concurrency. Each level runs 16 rounds
by default (N = 16 × concurrency, ~5 s at 300 ms): throughput in a steady state. `--per-worker 4` is a
short batch, where the first round's start (all documents queueing for the one interpreter at once)
and the last round's end weigh four times as much.
Overhead per document, one worker against a zero-latency endpoint: the wall time (the local round trip
and the endpoint's work included) and the library's CPU time (`time.process_time` of this process
only: the endpoint's work in its child process is excluded).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from scripted_server import ScriptedServer, load_answer  # noqa: E402

from summarise import Settings, extract  # noqa: E402

SEEDS = [REPO / "seeds" / "000_09f2237585b32c6b.txt", REPO / "seeds" / "001_6b39ea2c5599d977.txt"]
SCRIPTS = {
    "bench": {"route": {"小榄": "seed0", "小欖": "seed0", "顺德村级工业园": "seed1"}},
    "seed0": [{"content": load_answer("seed000_good")}],
    "seed1": [{"content": load_answer("seed001_good")}],
}


class ChildServer:
    """The scripted server in a child process; `latency` is fixed for its lifetime."""

    def __init__(self, latency: float):
        self.proc = subprocess.Popen([sys.executable, __file__, "--serve", str(latency)],
                                     stdout=subprocess.PIPE, text=True)
        self.base_url = self.proc.stdout.readline().strip()

    def __enter__(self) -> "ChildServer":
        return self

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        self.proc.wait(5)


def serve(latency: float) -> None:
    with ScriptedServer(SCRIPTS, latency=latency) as server:
        print(server.base_url, flush=True)
        while True:
            time.sleep(3600)


def run(docs: list[bytes], settings: Settings, workers: int, processes: int = 1) -> float:
    started = time.perf_counter()
    if processes > 1:  # forked workers, each with its share of the threads and documents
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(processes) as pool:
            pool.map(_threads, [(docs[:2] * 2, settings, 2)] * processes)  # warm-up of each worker
            started = time.perf_counter()
            kinds = sum(pool.map(_threads, [(docs[k::processes], settings, max(1, workers // processes))
                                            for k in range(processes)]), [])
    else:
        kinds = _threads((docs, settings, workers))
    wall = time.perf_counter() - started
    assert all(kind in ("meeting_report", "policy_lecture") for kind in kinds)
    return wall


def _threads(job: tuple[list[bytes], Settings, int]) -> list[str]:
    docs, settings, workers = job
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return [r.kind for r in pool.map(lambda d: extract(d, settings=settings), docs)]


def run_cli(tmp: Path, base_url: str, latency: float, levels: list[int], per_worker: int,
            echo: bool = True) -> list[dict]:
    """Efficiency of `run_batch` (the `summarise run` path) per concurrency."""
    from summarise.batch import RunOptions, discover, run_batch

    raw = [p.read_bytes() for p in SEEDS]
    settings = Settings(backend="llm", base_url=base_url, model="bench", no_cache=True,
                        cache_dir=tmp / "cache")
    rows = []
    for c in levels:
        n = max(16, per_worker * c)
        inputs = tmp / f"in-{c}"
        inputs.mkdir()
        for i in range(n):
            (inputs / f"doc{i:04d}.txt").write_bytes(raw[i % 2] + b"\n" * (i + 1))
        out = tmp / f"out-{c}"
        options = RunOptions(out=out, formats=("md", "json"), langs=("zh", "en"), jobs=c, settings=settings)
        jobs = discover([str(inputs)])
        started = time.perf_counter()
        summary = run_batch(jobs, options)
        wall = time.perf_counter() - started
        assert summary.done == n and summary.failed == 0, (summary.done, summary.failed)
        ideal = n * latency / c
        row = {"path": "cli", "concurrency": c, "documents": n, "wall_s": round(wall, 3),
               "ideal_s": round(ideal, 3), "docs_per_s": round(n / wall, 2), "efficiency": round(ideal / wall, 3)}
        rows.append(row)
        if echo:
            print(json.dumps(row), flush=True)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--latency", type=float, default=0.3)
    ap.add_argument("--levels", default="1,4,16,32")
    ap.add_argument("--per-worker", type=int, default=16, help="documents per worker (at least 16 in all)")
    ap.add_argument("--json", type=Path, help="also write the results as JSON")
    ap.add_argument("--in-process", action="store_true", help="run the endpoint in this process")
    ap.add_argument("--cli", action="store_true", help="measure the `summarise run -j N` batch path instead")
    ap.add_argument("--processes", type=int, default=1,
                    help="an experiment: split the documents and threads over this many forked processes")
    ap.add_argument("--serve", type=float, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve is not None:
        serve(args.serve)
        return
    if args.cli:
        levels = [int(x) for x in args.levels.split(",")]
        with tempfile.TemporaryDirectory() as tmp, ChildServer(args.latency) as server:
            warm = Path(tmp) / "warm"
            warm.mkdir()
            run_cli(warm, server.base_url, args.latency, [2], 1, echo=False)  # warm-up: imports, first connection, schema
            rows = run_cli(Path(tmp), server.base_url, args.latency, levels, args.per_worker)
        if args.json:
            args.json.write_text(json.dumps({"latency_s": args.latency, "nproc": os.cpu_count(),
                                             "python": platform.python_version(), "cli": rows}, indent=1) + "\n")
        return
    raw = [p.read_bytes() for p in SEEDS]
    levels = [int(x) for x in args.levels.split(",")]
    results: dict = {"processes": args.processes, "latency_s": args.latency, "python": platform.python_version(), "nproc": os.cpu_count(),
                     "endpoint": "in process" if args.in_process else "child process", "levels": []}
    endpoint = ScriptedServer(SCRIPTS, latency=args.latency) if args.in_process else ChildServer(args.latency)
    zero = ScriptedServer(SCRIPTS) if args.in_process else ChildServer(0.0)
    with tempfile.TemporaryDirectory() as tmp, endpoint as server, zero as instant:
        base = dict(backend="llm", base_url=server.base_url, model="bench", cache_dir=Path(tmp) / "cache")
        cold = Settings(**base, no_cache=True)
        run(raw, cold, 2)  # warm-up: imports, first connection, schema
        for c in levels:
            n = max(16, args.per_worker * c)
            docs = [raw[i % 2] for i in range(n)]
            wall = run(docs, cold, c, args.processes)
            ideal = n * args.latency / c
            row = {"concurrency": c, "documents": n, "wall_s": round(wall, 3), "ideal_s": round(ideal, 3),
                   "docs_per_s": round(n / wall, 2), "efficiency": round(ideal / wall, 3)}
            results["levels"].append(row)
            print(json.dumps(row), flush=True)

        # the library's own time per document: zero-latency endpoint, one worker
        cold = cold.model_copy(update={"base_url": instant.base_url})
        extract(raw[0], settings=cold)
        n = 40
        samples = []
        cpu = time.process_time()
        for doc in [raw[i % 2] for i in range(n)]:
            t = time.perf_counter()
            extract(doc, settings=cold)
            samples.append(time.perf_counter() - t)
        cpu = time.process_time() - cpu
        no_cross = cold.model_copy(update={"cross_check": False})
        plain = []
        for doc in [raw[i % 2] for i in range(n)]:
            t = time.perf_counter()
            extract(doc, settings=no_cross)
            plain.append(time.perf_counter() - t)
        results["overhead_ms"] = {
            "median_with_cross_check": round(1000 * statistics.median(samples), 1),
            "cpu_ms_per_doc": round(1000 * cpu / n, 1),
            "median_without_cross_check": round(1000 * statistics.median(plain), 1),
            "note": "one worker, zero-latency scripted endpoint (child process unless --in-process): the "
                    "medians include the local HTTP round trip; cpu_ms_per_doc is this process's CPU time "
                    "(with the cross-check)",
        }
        print(json.dumps(results["overhead_ms"]), flush=True)

        # cache hits: fill, then read back (the endpoint is never called)
        warm = Settings(**{**base, "base_url": instant.base_url})
        for doc in raw:
            extract(doc, settings=warm)
        n = 200
        t = time.perf_counter()
        for i in range(n):
            record = extract(raw[i % 2], settings=warm)
            assert record.provenance.cache_hit and record.provenance.usage.calls == 0
        wall = time.perf_counter() - t
        results["cache_hits"] = {"documents": n, "wall_s": round(wall, 3), "docs_per_s": round(n / wall, 1),
                                 "ms_per_doc": round(1000 * wall / n, 2)}
        print(json.dumps(results["cache_hits"]), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
