"""Briefing-note rendering: CPU per note for each format, in the same run, on the same records.

    python benchmarks/render_bench.py --rounds 7 --json /tmp/r.json

Records: the offline records of every article the clone holds (seeds/ and eval/heldout*/articles/,
sets marked BLIND excepted: they are kept unseen). Each round renders every record in every format, the
formats interleaved so that load on a shared machine falls on all of them alike; the figure per
format is the median over rounds of CPU time per note (time.process_time). "docx (python-docx)" is
the renderer summarise used before it wrote WordprocessingML itself (benchmarks/docx_python_docx.py).
Every format includes building the note's view (build_note), reported on its own as well.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from docx_python_docx import render_docx as render_docx_python_docx
from summarise import extract
from summarise.render import render
from summarise.render.view import build_note


def articles() -> list[Path]:
    found = sorted((REPO / "seeds").glob("*.txt"))
    for held in sorted(REPO.glob("eval/heldout*/articles")):
        if not (held.parent / "BLIND").exists():
            found += sorted(p for p in held.iterdir() if p.is_file())
    return found


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{model or platform.processor()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
            f"load average {os.getloadavg()[0]:.1f} at start")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()

    records = []
    for path in articles():
        try:
            records.append(extract(path))
        except Exception:  # noqa: BLE001 - an article the offline extractor refuses is not a note
            continue
    formats = {
        "note view (build_note)": lambda r: build_note(r),
        "md": lambda r: render(r, "md"),
        "html": lambda r: render(r, "html"),
        "docx": lambda r: render(r, "docx"),
        "docx (python-docx)": lambda r: render_docx_python_docx(build_note(r)),
    }
    for fn in formats.values():  # warm-up: imports, templates, caches
        fn(records[0])
    per_note: dict[str, list[float]] = {name: [] for name in formats}
    sizes = dict.fromkeys(formats, 0)
    for _ in range(args.rounds):
        for name, fn in formats.items():
            t0 = time.process_time()
            for record in records:
                out = fn(record)
            per_note[name].append((time.process_time() - t0) / len(records) * 1000)
            sizes[name] = len(out) if isinstance(out, (str, bytes)) else 0
    medians = {name: statistics.median(v) for name, v in per_note.items()}
    base = medians["md"]
    print(f"{len(records)} records, {args.rounds} rounds; {machine()}")
    print(f"{'format':24} {'ms CPU per note':>16} {'× md':>6} {'min–max over rounds':>22}")
    for name, ms in medians.items():
        lo, hi = min(per_note[name]), max(per_note[name])
        print(f"{name:24} {ms:16.2f} {ms / base:6.2f} {f'{lo:.2f}–{hi:.2f}':>22}")
    if args.json:
        args.json.write_text(json.dumps({"records": len(records), "rounds": args.rounds, "machine": machine(),
                                         "ms_per_note": medians, "rounds_ms": per_note}, indent=2))


if __name__ == "__main__":
    main()
