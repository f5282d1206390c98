"""Where a document's time goes at a given concurrency: the HTTP call versus the rest of its cycle.

    /work/venv/bin/python benchmarks/phases.py [--latency 0.3] [--workers 16] [--switch-interval S]

Wraps the library's HTTP call (`summarise.llm._post`) and `turns.waiting` with timers, runs
16 × workers documents (the seeds) through `extract()` in a thread pool against the scripted server
in a child process, and prints the cycle per document (wall × workers / documents), the HTTP call's
median and mean, and the mean time to take the turn back after each wait. With turn-aware sockets
(summarise/sockets.py) the waits are inside the HTTP call (each socket read or write that would
block), so the call's time includes taking the turn back; retry sleeps are waits too.
"""
from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import concurrency as bench  # noqa: E402

import summarise.llm as llm  # noqa: E402
from summarise import Settings, extract, turns  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--latency", type=float, default=0.3)
    ap.add_argument("--workers", type=int, default=16)
    ap.add_argument("--switch-interval", type=float, help="sys.setswitchinterval for the run")
    args = ap.parse_args()
    if args.switch_interval:
        sys.setswitchinterval(args.switch_interval)

    http: list[float] = []
    retake: list[float] = []
    post, waiting = llm._post, turns.waiting

    def timed_post(client, kwargs):  # noqa: ANN001, ANN202
        started = time.perf_counter()
        try:
            return post(client, kwargs)
        finally:
            http.append(time.perf_counter() - started)

    @contextlib.contextmanager
    def timed_waiting() -> Iterator[None]:
        with waiting():
            yield
            left = time.perf_counter()
        retake.append(time.perf_counter() - left)

    llm._post, turns.waiting = timed_post, timed_waiting
    raw = [p.read_bytes() for p in bench.SEEDS]
    with bench.ChildServer(args.latency) as server:
        settings = Settings(backend="llm", base_url=server.base_url, model="bench", no_cache=True)
        with ThreadPoolExecutor(args.workers) as pool:  # warm-up
            list(pool.map(lambda d: extract(d, settings=settings), raw * 8))
        http.clear()
        retake.clear()
        n = 16 * args.workers
        cpu, started = time.process_time(), time.perf_counter()
        with ThreadPoolExecutor(args.workers) as pool:
            list(pool.map(lambda d: extract(d, settings=settings), [raw[i % 2] for i in range(n)]))
        wall = time.perf_counter() - started
        cpu = time.process_time() - cpu
    ideal = n * args.latency / args.workers
    print(f"workers {args.workers}, {n} documents: wall {wall:.2f} s, efficiency {ideal / wall:.0%}, "
          f"cycle {1000 * wall * args.workers / n:.1f} ms, CPU {1000 * cpu / n:.1f} ms per document")
    print(f"HTTP call median {1000 * statistics.median(http):.1f} ms, mean {1000 * statistics.mean(http):.1f} ms; "
          f"taking the turn back: mean {1000 * statistics.mean(retake):.1f} ms")


if __name__ == "__main__":
    main()
