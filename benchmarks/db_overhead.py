"""What summarise.db costs a big run: the load benchmark's uninterrupted run with and without it.

Same documents, same scripted endpoint, same process layout as benchmarks/load.py (2,000 documents,
-j 16, 75 ms per answer, 5% injected faults); each round runs the command once with the database and
once with --no-db (order alternating), each on a fresh output directory. Reports the wall times, the
ratio per round and the median ratio, the CPU time of the `summarise` process (user + system, less
sensitive than wall time to other jobs on a shared machine) and its ratio, the database's size and
row counts.

    .venv/bin/python benchmarks/db_overhead.py [--docs 2000] [--rounds 3] [--json /tmp/db.json]
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import load


def run(cmd: list[str], work: Path) -> dict:
    """One `summarise run`: wall time, CPU time (user + system) and peak RSS of the process."""
    env = {**os.environ, "SUMMARISE_CACHE_DIR": str(work / "cache"), "SUMMARISE_TIMEOUT": "10"}
    env.pop("SUMMARISE_API_KEY", None)
    env.pop("OPENAI_API_KEY", None)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    return {"wall_s": round(time.perf_counter() - started, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
            "returncode": os.waitstatus_to_exitcode(status), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--jobs", type=int, default=16)
    ap.add_argument("--latency", type=float, default=0.075)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    results: dict = {"machine": load.machine(), "docs": args.docs, "jobs": args.jobs, "latency_s": args.latency,
                     "rounds": []}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = load.make_corpus(work / "in", args.docs)
        results["command"] = " ".join(load.command(work / "in", work / "out", "<scripted-server>/v1", args.jobs))
        with load.ChildServer(corpus.scripts, args.latency, work) as server, load.LoadSampler() as sampler:
            for r in range(args.rounds):
                runs = {}
                for variant in (("db", "no-db") if r % 2 == 0 else ("no-db", "db")):
                    out = work / f"out-{r}-{variant}"
                    extra = ("--no-db",) if variant == "no-db" else ()
                    runs[variant] = run(load.command(work / "in", out, server.base_url, args.jobs) + list(extra), work)
                    if variant == "db":
                        conn = sqlite3.connect(out / "summarise.db")
                        runs[variant]["db_bytes"] = (out / "summarise.db").stat().st_size
                        runs[variant]["rows"] = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                                                 for t in ("documents", "people", "figures", "points")}
                        conn.close()
                runs["ratio"] = round(runs["db"]["wall_s"] / runs["no-db"]["wall_s"], 3)
                runs["cpu_ratio"] = round(runs["db"]["cpu_s"] / runs["no-db"]["cpu_s"], 3)
                results["rounds"].append(runs)
                print(json.dumps(runs), flush=True)
        results["median_ratio"] = statistics.median(r["ratio"] for r in results["rounds"])
        results["median_cpu_ratio"] = statistics.median(r["cpu_ratio"] for r in results["rounds"])
        results["load_average_1min"] = sampler.summary()
    print(json.dumps({k: results[k] for k in ("median_ratio", "median_cpu_ratio", "load_average_1min")}))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
