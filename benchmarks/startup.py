"""Start-up: wall time of `import summarise` and `summarise --help`, and what they load.

Each case runs in a fresh interpreter, `--rounds` times, interleaved with a bare `python -c pass`
(the interpreter's own start-up, the baseline of the same run); medians are reported, and the
difference to the baseline is summarise's share. `--before DIR` measures another source tree (for
instance `git archive main | tar -x -C DIR`) in the same rounds, so before and after share the
machine's load.

    .venv/bin/python benchmarks/startup.py --rounds 15 [--before /tmp/summarise-main]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HEAVY = ("pypinyin", "openai", "instructor", "lxml", "opencc", "datasketch", "httpx2", "tenacity",
         "pydantic", "diskcache", "jinja2", "rich", "typer")
CASES = {
    "python -c pass": "pass",
    "import summarise": "import summarise",
    "summarise --help": "import sys; sys.argv = ['summarise', '--help']\nfrom summarise.cli import entry\n"
                        "try:\n    entry()\nexcept SystemExit:\n    pass",
}


def _run(code: str, tree: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, check=True, stdout=subprocess.DEVNULL, cwd=tree)
    return time.perf_counter() - started


def _loaded(code: str, tree: Path) -> list[str]:
    """The HEAVY packages in sys.modules after `code`."""
    probe = code + "\nimport sys, json\nprint(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, cwd=tree)
    top = json.loads(done.stdout.strip().splitlines()[-1])
    return [m for m in HEAVY if m in top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--before", type=Path, help="another source tree to measure in the same rounds")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    trees = {"this tree": REPO, **({"before": args.before.resolve()} if args.before else {})}
    times: dict[tuple[str, str], list[float]] = {(t, c): [] for t in trees for c in CASES}
    for _ in range(args.rounds):
        for tree_name, tree in trees.items():
            for case, code in CASES.items():
                times[(tree_name, case)].append(_run(code, tree))
    load = os.getloadavg()
    print(f"{args.rounds} rounds, medians; machine: {os.cpu_count()} cores, load average {load[0]:.2f} "
          f"{load[1]:.2f} {load[2]:.2f}; Python {sys.version.split()[0]}")
    report: dict[str, dict[str, object]] = {}
    for tree_name, tree in trees.items():
        base = statistics.median(times[(tree_name, "python -c pass")])
        for case, code in CASES.items():
            median = statistics.median(times[(tree_name, case)])
            loaded = _loaded(code, tree) if case != "python -c pass" else []
            report[f"{tree_name}: {case}"] = {"median_s": round(median, 4), "over_python_s": round(median - base, 4),
                                              "loads": loaded}
            print(f"{tree_name:>10} | {case:<17} | {median * 1000:7.1f} ms | +{(median - base) * 1000:7.1f} ms over "
                  f"python | loads {', '.join(loaded) or '-'}")
    if args.before:
        for case in list(CASES)[1:]:
            after = report[f"this tree: {case}"]["over_python_s"]
            before = report[f"before: {case}"]["over_python_s"]
            print(f"{case}: summarise's share {float(before) * 1000:.0f} ms -> {float(after) * 1000:.0f} ms "
                  f"(x{float(after) / float(before):.2f})")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
