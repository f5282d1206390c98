"""Worst-case CPU time per input size: the hostile inputs of the reliability suite, through extract().

Each family is a page a hostile run found (or the generated test pinned) repeated to a given size;
the offline backend does the whole pipeline (normalise, extract, ground), so the time is the CPU a
document of that size can cost before any model is asked. Reported: CPU seconds, best of --repeat.

    python benchmarks/worst_case.py --sizes 25000,100000,200000 --repeat 2
"""
from __future__ import annotations

import argparse
import contextlib
import gc
import json
import platform
import time

from summarise import ExtractionError, extract
from summarise.settings import Settings

FAMILIES = {
    "dates in one sentence": ("镇召开会议。", "8月1日，"),
    "unterminated JS string": ('var content = "', '\\"会议强调要切实做好各项工作'),
    "unclosed tags": ("<html><body>", "<font>会议"),
    "bare 亿 amounts": ("镇召开会议。", "召开92.4亿元"),
    "date ranges, no year": ("镇召开会议。", "3月27至28日召开"),
    "names in a list": ("镇召开会议。", "书记张三、"),
    "plain article sentences": ("", "11月12日，中山市召开全市村镇工业集聚区升级改造专题讲座视频会议。"),
}
OFFLINE = Settings(backend="offline", max_chars=10**9)


def cpu(text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        t0 = time.process_time()
        with contextlib.suppress(ExtractionError):
            extract(text.encode("utf-8"), settings=OFFLINE)
        best = min(best, time.process_time() - t0)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="25000,100000,200000", help="characters, comma-separated")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--json", default=None, help="also write the results here")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = {}
    print(f"{'family':28}" + "".join(f"{n:>12,}" for n in sizes) + f"   (CPU s, best of {args.repeat})")
    for name, (head, unit) in FAMILIES.items():
        times = [cpu(head + unit * max(1, (n - len(head)) // len(unit)), args.repeat) for n in sizes]
        rows[name] = dict(zip(map(str, sizes), times))
        print(f"{name:28}" + "".join(f"{t:12.3f}" for t in times), flush=True)
    machine = f"{platform.processor() or platform.machine()}, Python {platform.python_version()}"
    print(f"machine: {machine}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"sizes": sizes, "cpu_seconds": rows, "machine": machine}, f, indent=1)


if __name__ == "__main__":
    main()
