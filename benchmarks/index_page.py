"""index.html with thousands of documents: page size, time to build it, load time in headless Chromium.

Generates N documents as benchmarks/load.py does (the seeds and ../shared/corpus articles with varied
closing lines), summarises them offline with --no-reposts (every document its own story: the most
rows the people and figures sections can have for N documents), then measures index.html: bytes,
rows, the time to read the two sections from summarise.db and to build the whole page, and DOMContentLoaded and load in
headless Chromium (a copy of the page with a timing script appended; the page itself has none) and
the CPU time of the browser's processes for the whole load (steadier than wall time on a busy
machine; an empty page is measured too, for the browser's own start), median of --loads runs, beside
the same page without the people and figures sections.

    .venv/bin/python benchmarks/index_page.py [--docs 3000] [--loads 5] [--json /tmp/index.json]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))
import load

REPO = Path(__file__).resolve().parents[1]
TIMER = ("<script>addEventListener('load', () => { const n = performance.getEntriesByType('navigation')[0];"
         " document.title = 'T' + JSON.stringify({dcl: n.domContentLoadedEventEnd, load: performance.now()}); });"
         "</script></body>")
CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)


def browser_times(page: Path, runs: int, work: Path) -> dict[str, float]:
    timed = page.with_name(page.stem + "-timed.html")
    timed.write_text(page.read_text("utf-8").replace("</body>", TIMER), "utf-8")
    dcl, loaded, cpu = [], [], []
    for i in range(runs):
        profile = work / f"profile-{page.stem}-{i}"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        out = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                              f"--user-data-dir={profile}", "--dump-dom", timed.as_uri()],
                             capture_output=True, text=True, timeout=300).stdout
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        m = re.search(r"<title>T(\{.*?\})</title>", out)
        if m:
            t = json.loads(m.group(1))
            dcl.append(t["dcl"])
            loaded.append(t["load"])
    return {"dom_content_loaded_ms": round(statistics.median(dcl)), "load_ms": round(statistics.median(loaded)),
            "cpu_s": round(statistics.median(cpu), 2), "runs": len(dcl)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--loads", type=int, default=5)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    sys.path.insert(0, str(REPO))
    from summarise.render.across import collect
    from summarise.run import store
    from summarise.run.runner import notes_in, render_index

    results: dict = {"machine": load.machine(), "docs": args.docs}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        load.make_corpus(work / "in", args.docs, fault_rate=0.0)
        out = work / "out"
        env = {**os.environ, "SUMMARISE_BACKEND": "offline", "SUMMARISE_CACHE_DIR": str(work / "cache")}
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "summarise.cli", "run", str(work / "in"), "--out", str(out),
                        "-f", "html,json", "--no-reposts", "-q"], env=env, check=True, timeout=3600)
        results["run_s"] = round(time.perf_counter() - t, 1)
        page = out / "index.html"
        html = page.read_text("utf-8")
        summary = json.loads((out / "summary.json").read_text("utf-8"))
        t = time.perf_counter()
        across = collect(store.for_dir(out))
        collect_s = time.perf_counter() - t
        t = time.perf_counter()
        with_sections = render_index(out, SimpleNamespace(items=[]), summary)
        render_s = time.perf_counter() - t
        bare = out / "index-without-people-and-figures.html"
        bare.write_text(render_index(out, SimpleNamespace(items=[]), {k: v for k, v in summary.items()
                                                                      if k != "database"}), "utf-8")
        notes = notes_in(out)
        results.update({
            "index_bytes": len(html.encode("utf-8")), "index_bytes_without_sections": bare.stat().st_size,
            "notes": len(notes), "people": len(across.people),
            "appearances": sum(len(p.appearances) for p in across.people), "figures": across.figure_count,
            "collect_s": round(collect_s, 2), "index_s": round(render_s, 2),
            "same_page_rendered": with_sections == html,
        })
        if CHROMIUM:
            empty = work / "empty.html"
            empty.write_text("<!DOCTYPE html><html><body><p>x</p></body></html>", "utf-8")
            results["chromium"] = {"index": browser_times(page, args.loads, work),
                                   "without_sections": browser_times(bare, args.loads, work),
                                   "empty_page": browser_times(empty, args.loads, work)}
        results["load_average_1min"] = os.getloadavg()
    print(json.dumps(results, indent=1, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
