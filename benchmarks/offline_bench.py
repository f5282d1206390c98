"""Offline extractor: throughput (articles/second on one core) and scores against the gold files.

    python benchmarks/offline_bench.py                 # throughput on the seeds and ../shared/corpus
    python benchmarks/offline_bench.py --eval          # per-file scores on every gold file found
    python benchmarks/offline_bench.py --seconds 10    # measure longer
    python benchmarks/offline_bench.py --cpu           # CPU ms per extract_facts call (process_time)
    python benchmarks/offline_bench.py --gold eval/heldout4/gold … [--cold]   # the same over gold sets' articles
"""
from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from summarise import __version__
from summarise.normalise import normalise
from summarise.offline import bilingual as offline_english
from summarise.offline import extract_facts
from summarise.schemas import RECORD_TYPES, Provenance, Source

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOLD_DIRS = [SHARED / "eval" / "gold", REPO / "eval" / "gold" / "corpus"]


def inputs() -> list[Path]:
    paths = sorted((REPO / "seeds").glob("*.txt"))
    corpus = SHARED / "corpus"
    if corpus.is_dir():
        paths += sorted(p for p in corpus.iterdir() if p.name != "SOURCES.md")
    return paths


def record(doc):
    facts = extract_facts(doc)
    prov = Provenance(backend="offline", summarise_version=__version__,
                      generated_at=datetime.now(UTC).isoformat(timespec="seconds"))
    src = Source(name=doc.name, title=doc.title, publisher=doc.publisher, published=doc.published,
                 script=doc.script)
    return RECORD_TYPES[facts.kind].model_validate(
        {**facts.model_dump(exclude={"kind"}), "source": src, "provenance": prov})


def run_eval() -> None:
    from summarise.evaluate import score_dir

    def run(path):
        doc = normalise(path)
        rec = record(doc)
        return rec.gold_view(), doc.text, rec.model_dump_json()

    for gold_dir in GOLD_DIRS:
        if gold_dir.is_dir():
            print(f"## {gold_dir}")
            print(score_dir(gold_dir, run).table())
            print()


def _rate(docs, seconds: float, cold: bool) -> tuple[int, float]:
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for d in docs:
            if cold:
                offline_english.clear_cache()  # no translation reused across repeats of an article
            extract_facts(d)
        n += len(docs)
    return n, time.perf_counter() - start


def run_bench(seconds: float) -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    docs = [normalise(p) for p in inputs()]
    chars = sum(len(d.text) for d in docs)
    for d in docs:  # warm regex compilation and the glossary load
        extract_facts(d)
    print(f"{len(docs)} distinct articles, mean {chars // len(docs)} chars of clean text; normalisation excluded")
    for cold, label in ((True, "cold (English memo cleared per article)"),
                        (False, "warm (English memo kept, as in a batch)")):
        n, elapsed = _rate(docs, seconds / 3, cold)
        print(f"offline extract_facts, {label}: {n} articles in {elapsed:.2f} s = {n / elapsed:.0f} articles/s")
    real = offline_english._call
    offline_english._call = lambda name, zh: None  # type: ignore[assignment]
    try:
        n, elapsed = _rate(docs, seconds / 3, False)
    finally:
        offline_english._call = real  # type: ignore[assignment]
    print(f"offline extract_facts, rules only (no English): {n} articles in {elapsed:.2f} s = {n / elapsed:.0f} articles/s")
    print(f"machine: {platform.processor() or platform.machine()}, {platform.python_implementation()} "
          f"{platform.python_version()}, {os.cpu_count()} cpus (pinned to one)")


def _cpu_per_call(docs, calls: int) -> float:
    rounds = -(-calls // len(docs))
    start = time.process_time()
    for _ in range(rounds):
        for d in docs:
            extract_facts(d)
    return (time.process_time() - start) / (rounds * len(docs))


def run_cpu(calls: int, runs: int) -> None:
    """CPU time of one extract_facts call on a seed article, and on the seeds plus the corpus:
    the best of `runs` runs of at least `calls` calls each. On a shared machine short runs and the
    best of many are what finds the undisturbed cost; long runs average the neighbours in."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    seeds = [normalise(p) for p in sorted((REPO / "seeds").glob("*.txt"))]
    docs = [normalise(p) for p in inputs()]
    for d in docs:  # warm regex compilation, the glossary and the English memo
        extract_facts(d)
    for label, group in (("seed article", seeds), (f"article of {len(docs)} (seeds + ../shared/corpus)", docs)):
        best = min(_cpu_per_call(group, calls) for _ in range(runs))
        print(f"extract_facts: {best * 1000:.3f} ms CPU per {label} (best of {runs} runs of {calls}+ calls)")


def run_gold_cpu(gold_dirs: list[str], cold: bool, passes: int = 15) -> None:
    """CPU ms per extract_facts call over every article the gold files name (normalised once),
    best of `passes` passes over all of them; `cold` clears the English memo before each article."""
    from summarise.evaluate import iter_gold

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    docs = [normalise(g["_input_path"]) for d in gold_dirs for g in iter_gold(d)]
    for d in docs:
        extract_facts(d)
    best = float("inf")
    for _ in range(passes):
        start = time.process_time()
        for d in docs:
            if cold:
                offline_english.clear_cache()
            extract_facts(d)
        best = min(best, (time.process_time() - start) / len(docs))
    print(f"{len(docs)} gold articles, English memo {'cleared per article' if cold else 'kept'}: "
          f"{best * 1000:.3f} ms CPU per article = {1 / best:.0f} articles/s on one core (best of {passes} passes)")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", action="store_true", help="score against the gold files instead")
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--cpu", action="store_true", help="CPU ms per extract_facts call instead")
    ap.add_argument("--calls", type=int, default=20, help="calls per --cpu run")
    ap.add_argument("--runs", type=int, default=60, help="--cpu runs (the best counts)")
    ap.add_argument("--gold", nargs="+", metavar="DIR", help="CPU ms per article over these gold sets' articles")
    ap.add_argument("--cold", action="store_true", help="with --gold: clear the English memo before each article")
    args = ap.parse_args(argv)
    if args.gold:
        run_gold_cpu(args.gold, args.cold)
    elif args.eval:
        run_eval()
    elif args.cpu:
        run_cpu(args.calls, args.runs)
    else:
        run_bench(args.seconds)


if __name__ == "__main__":
    sys.exit(main())
