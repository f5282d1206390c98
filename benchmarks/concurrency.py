"""Throughput of summarise against a fixed-latency endpoint, beside two baselines in the same run.

The endpoint is the scripted OpenAI-compatible server (tests/scripted_server.py) with a fixed latency
per answer, in a child process (its CPU is not the client's). At each concurrency c, N = per-worker × c
documents (the two seeds, alternating) go through, in turn (paired: the paths alternate within a round,
rounds repeat):

- summarise: `extract()` (LLM backend, cache off, the library's default: no offline cross-check;
  `--cross-check` turns it on) over a pool of c documents in flight, laid out as `summarise run -j c`
  lays them out (`workers.layout`: up to 32 per process, a process per core past that; `--worker
  async` runs `aextract` in each worker process's event loop instead of threads). The worker processes are started and warmed before the clock starts;
  their start-up is reported on its own (`pool_start_s`).
- sync: the plain OpenAI SDK in c threads, `client.chat.completions.create(**body)` with the exact
  request body summarise sends for that seed, and `json.loads` of the answer.
- async: `AsyncOpenAI` + `asyncio.Semaphore(c)`, the same requests.

Efficiency = ideal / wall, ideal = N × latency / c. `ratio` = summarise / the better baseline.
Client CPU per document, one document at a time against a zero-latency endpoint: `time.process_time`
of this process (the endpoint's child excluded), for each path (summarise as the library runs it,
with the cross-check as the CLI runs it, and a cache hit).

    python benchmarks/concurrency.py --latency 0.3 --levels 16,64,128 --rounds 3 --json /tmp/c.json
    python benchmarks/concurrency.py --cli              # the `summarise run -j N` path (files written, cross-check on)
"""
from __future__ import annotations

import argparse
import asyncio
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
from typing import Any, Self

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import openai

from scripted_server import ScriptedServer, load_answer
from summarise import Settings, extract
from summarise.run.workers import Pool, aextract_one, extract_one, layout

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
        assert self.proc.stdout is not None
        self.base_url = self.proc.stdout.readline().strip()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        self.proc.wait(5)


def serve(latency: float) -> None:
    with ScriptedServer(SCRIPTS, latency=latency) as server:
        print(server.base_url, flush=True)
        while True:
            time.sleep(3600)


def request_bodies(raw: list[bytes], tmp: Path) -> list[dict[str, Any]]:
    """The exact JSON body summarise POSTs for each seed (captured from an in-process server)."""
    with ScriptedServer(SCRIPTS) as server:
        settings = Settings(backend="llm", base_url=server.base_url, model="bench", no_cache=True,
                            cache_dir=tmp / "capture")
        bodies = []
        for doc in raw:
            extract(doc, settings=settings)
            bodies.append(json.loads(server.log[-1][2]))
    return bodies


# --------------------------------------------------------------------------- the three paths

class Summarise:
    """summarise at concurrency c: `extract` over c documents in flight, laid out as `run -j c` would."""

    def __init__(self, settings: Settings, c: int, n: int, processes: int | None, worker: str = "threads"):
        self.settings = settings
        self.processes, self.threads = layout(c, n) if processes is None else (processes, -(-c // processes))
        self.worker = worker
        self.pool: Any = None
        self.start_s = 0.0

    def __enter__(self) -> Self:
        if self.processes > 1 or self.worker == "async":
            t = time.perf_counter()
            fn = aextract_one if self.worker == "async" else extract_one
            self.pool = Pool(fn, ("auto", self.settings), processes=self.processes,
                             threads=self.threads).__enter__()
            self.run(SEED_BYTES * self.processes * 2)  # each worker: imports, its client, the schema
            self.start_s = time.perf_counter() - t
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.__exit__(*exc)

    def run(self, docs: list[bytes]) -> list[str]:
        if self.pool is not None:
            results = [value for _, ok, value in self.pool.imap_unordered(docs)]
        else:
            with ThreadPoolExecutor(max_workers=self.threads) as threads:
                results = list(threads.map(lambda d: extract_one(d, "auto", self.settings), docs))
        return [getattr(r, "kind", repr(r)) for r in results]


def sync_baseline(base_url: str, bodies: list[dict[str, Any]], c: int, n: int) -> list[str]:
    client = openai.OpenAI(base_url=base_url, api_key="bench", max_retries=0)

    def one(i: int) -> str:
        answer = client.chat.completions.create(**bodies[i % 2])
        return json.loads(answer.choices[0].message.content or "{}")["kind"]

    with ThreadPoolExecutor(max_workers=c) as threads:
        return list(threads.map(one, range(n)))


def async_baseline(base_url: str, bodies: list[dict[str, Any]], c: int, n: int) -> list[str]:
    async def main() -> list[str]:
        gate = asyncio.Semaphore(c)
        # closed inside the loop that used it (left to the collector, it closes after the loop has)
        async with openai.AsyncOpenAI(base_url=base_url, api_key="bench", max_retries=0) as client:

            async def one(i: int) -> str:
                async with gate:
                    answer = await client.chat.completions.create(**bodies[i % 2])
                return json.loads(answer.choices[0].message.content or "{}")["kind"]

            return await asyncio.gather(*(one(i) for i in range(n)))

    return asyncio.run(main())


SEED_BYTES: list[bytes] = []


def levels_run(args: argparse.Namespace, base_url: str, bodies: list[dict[str, Any]], cold: Settings) -> list[dict]:
    raw = SEED_BYTES
    rows = []
    for c in [int(x) for x in args.levels.split(",")]:
        n = max(16, args.per_worker * c)
        docs = [raw[i % 2] for i in range(n)]
        ideal = n * args.latency / c
        walls: dict[str, list[float]] = {"summarise": [], "sync": [], "async": []}
        with Summarise(cold, c, n, args.processes, args.worker) as lib:
            for _ in range(args.rounds):
                for name, fn in (("summarise", lambda d=docs: lib.run(d)),
                                 ("sync", lambda c=c, n=n: sync_baseline(base_url, bodies, c, n)),
                                 ("async", lambda c=c, n=n: async_baseline(base_url, bodies, c, n))):
                    t = time.perf_counter()
                    kinds = fn()
                    walls[name].append(time.perf_counter() - t)
                    assert set(kinds) <= {"meeting_report", "policy_lecture"}, (name, set(kinds))
        eff = {k: round(ideal / statistics.median(v), 4) for k, v in walls.items()}
        row = {"concurrency": c, "documents": n, "ideal_s": round(ideal, 3),
               "layout": {"processes": lib.processes, "threads": lib.threads, "worker": lib.worker},
               "pool_start_s": round(lib.start_s, 2),
               "wall_s": {k: [round(x, 3) for x in v] for k, v in walls.items()},
               "efficiency": eff, "ratio": round(eff["summarise"] / max(eff["sync"], eff["async"]), 4)}
        rows.append(row)
        print(json.dumps(row), flush=True)
    return rows


def cpu_per_document(base_url: str, bodies: list[dict[str, Any]], tmp: Path, n: int) -> dict[str, float]:
    """Client CPU ms per document, one at a time, against a zero-latency endpoint in a child process."""
    raw = SEED_BYTES
    cold = Settings(backend="llm", base_url=base_url, model="bench", no_cache=True, cache_dir=tmp / "cpu")
    client = openai.OpenAI(base_url=base_url, api_key="bench", max_retries=0)

    async def async_run() -> None:
        async with openai.AsyncOpenAI(base_url=base_url, api_key="bench", max_retries=0) as aclient:
            for i in range(n):
                answer = await aclient.chat.completions.create(**bodies[i % 2])
                json.loads(answer.choices[0].message.content or "{}")

    def measure(fn: Any) -> float:
        fn()  # warm
        t = time.process_time()
        fn()
        return round(1000 * (time.process_time() - t) / n, 3)

    warm = cold.model_copy(update={"no_cache": False, "cache_dir": tmp / "hits"})
    for doc in raw:
        extract(doc, settings=warm)
    return {
        "summarise": measure(lambda: [extract(raw[i % 2], settings=cold) for i in range(n)]),
        "summarise_with_cross_check": measure(
            lambda: [extract(raw[i % 2], settings=cold.model_copy(update={"cross_check": True})) for i in range(n)]),
        "cache_hit": measure(lambda: [extract(raw[i % 2], settings=warm) for i in range(n)]),
        "sync": measure(lambda: [json.loads(client.chat.completions.create(**bodies[i % 2]).choices[0].message.content
                                            or "{}") for i in range(n)]),
        "async": measure(lambda: asyncio.run(async_run())),
    }


def run_cli(tmp: Path, base_url: str, latency: float, levels: list[int], per_worker: int,
            echo: bool = True) -> list[dict]:
    """Efficiency of `run_batch` (the `summarise run -j N` path: files written) per concurrency."""
    from summarise.run.runner import RunOptions, discover, run_batch

    raw = SEED_BYTES
    settings = Settings(backend="llm", base_url=base_url, model="bench", no_cache=True, cache_dir=tmp / "cache",
                        cross_check=True)  # as `summarise run` sets it
    rows = []
    for c in levels:
        n = max(16, per_worker * c)
        inputs = tmp / f"in-{c}"
        inputs.mkdir()
        for i in range(n):
            (inputs / f"doc{i:04d}.txt").write_bytes(raw[i % 2] + b"\n" * (i + 1))
        options = RunOptions(out=tmp / f"out-{c}", formats=("md", "json"), langs=("zh", "en"), jobs=c,
                             settings=settings)
        jobs = discover([str(inputs)])
        started = time.perf_counter()
        summary = run_batch(jobs, options)
        wall = time.perf_counter() - started
        assert summary.done == n and summary.failed == 0, (summary.done, summary.failed)
        ideal = n * latency / c
        row = {"path": "cli", "concurrency": c, "documents": n, "layout": layout(c, n), "wall_s": round(wall, 3),
               "ideal_s": round(ideal, 3), "docs_per_s": round(n / wall, 2), "efficiency": round(ideal / wall, 3)}
        rows.append(row)
        if echo:
            print(json.dumps(row), flush=True)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--latency", type=float, default=0.3)
    ap.add_argument("--levels", default="16,64,128")
    ap.add_argument("--per-worker", type=int, default=16, help="documents per concurrent slot (at least 16 in all)")
    ap.add_argument("--rounds", type=int, default=3, help="paired rounds per level (medians reported)")
    ap.add_argument("--processes", type=int, help="force summarise's process count (default: as `run -j` lays out)")
    ap.add_argument("--worker", choices=("threads", "async"), default="threads",
                    help="summarise's documents in threads (`extract`) or in worker processes' event loops (`aextract`)")
    ap.add_argument("--cross-check", action="store_true",
                    help="summarise's documents with the offline cross-check (as the CLI runs them)")
    ap.add_argument("--cpu-docs", type=int, default=100, help="documents per CPU-time measurement")
    ap.add_argument("--json", type=Path, help="also write the results as JSON")
    ap.add_argument("--cli", action="store_true", help="measure the `summarise run -j N` batch path instead")
    ap.add_argument("--serve", type=float, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve is not None:
        serve(args.serve)
        return
    SEED_BYTES.extend(p.read_bytes() for p in SEEDS)
    machine = {"nproc": os.cpu_count(), "python": platform.python_version(), "cpu": _cpu_name(),
               "loadavg_at_start": os.getloadavg()}
    with tempfile.TemporaryDirectory() as tmp_name, ChildServer(args.latency) as server, ChildServer(0.0) as instant:
        tmp = Path(tmp_name)
        if args.cli:
            warm = tmp / "warm"
            warm.mkdir()
            run_cli(warm, server.base_url, args.latency, [2], 1, echo=False)
            rows = run_cli(tmp, server.base_url, args.latency, [int(x) for x in args.levels.split(",")],
                           args.per_worker)
            results: dict[str, Any] = {"latency_s": args.latency, **machine, "cli": rows}
        else:
            bodies = request_bodies(SEED_BYTES, tmp)
            cold = Settings(backend="llm", base_url=server.base_url, model="bench", no_cache=True,
                            cache_dir=tmp / "cache", cross_check=args.cross_check)
            extract(SEED_BYTES[0], settings=cold)  # warm-up: imports, first connection, schema
            cpu = cpu_per_document(instant.base_url, bodies, tmp, args.cpu_docs)
            print(json.dumps({"cpu_ms_per_document": cpu}), flush=True)
            rows = levels_run(args, server.base_url, bodies, cold)
            results = {"latency_s": args.latency, **machine, "cross_check": args.cross_check, "levels": rows,
                       "cpu_ms_per_document": cpu,
                       "loadavg_at_end": os.getloadavg()}
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n")


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


if __name__ == "__main__":
    main()
