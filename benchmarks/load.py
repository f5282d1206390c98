"""Load: `summarise run -j 16 --backend llm` over thousands of varied documents with injected faults.

Generates N documents (default 2,000) from the seeds and, when present, ../shared/corpus: each is an
article's cleaned text with a varied closing sentence (numbers, a unit, a template) carrying a tag
such as `LD0042-B03-OK`, so every content hash differs. The scripted OpenAI-compatible server
(tests/scripted_server.py) runs in a child process with a fixed latency and answers each article
with a grounded answer built from the offline extractor's facts for that article; about 5% of the
documents meet a fault (429 with Retry-After, 500, connection reset, an ungrounded answer — all
recoverable — and a persistent 503, which must end in errors.jsonl). The server counts extraction
calls per document tag.

Two phases, each on a fresh output directory:
1. an uninterrupted run: wall time, documents/s, peak RSS of the `summarise` process, calls;
2. a run killed with SIGKILL once about half the documents are finished, then the same command
   again: every input accounted for, and the rerun calls the endpoint only for unfinished inputs.

    /work/venv/bin/python benchmarks/load.py [--docs 2000] [--jobs 16] [--latency 0.075] \
        [--fault-rate 0.05] [--json /tmp/load.json]

tests/test_load.py runs the same code on 60 documents.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
CORPUS = REPO.parent / "shared" / "corpus"
TAG_RE = re.compile(r"LD\d{4,6}-B\d{2}-[A-Z0-9]+")
SETTLE_S = 60.0  # how long counting waits for the server to read all that an ended (or killed) run sent
STATE_DIR = ".summarise"

# fault → (share of the faulty documents, server steps given the good answer, calls expected, outcome)
FAULTS: dict[str, tuple[float, Any, int, str]] = {
    "R429": (0.25, lambda good: [_err(429, {"Retry-After": "1"}), good], 2, "done"),
    "E500": (0.25, lambda good: [_err(500), good], 2, "done"),
    "RESET": (0.20, lambda good: [{"reset": True}, good], 2, "done"),
    "UNGROUNDED": (0.20, lambda bad: [bad], 3, "done"),      # 1 + max_reasks 2, then rejected facts
    "E503": (0.10, lambda good: [_err(503)], 4, "failed"),   # max_attempts 4
}
VARIANTS = (  # closing lines that carry the tag and no fact (no measure word, no name)
    "（本文编号：{tag}）",
    "稿件编号：{tag}",
    "【{tag}】",
    "（编号{tag}，完）",
)


def _err(status: int, headers: dict[str, str] | None = None) -> dict[str, Any]:
    return {"status": status, "headers": headers or {}, "body": {"error": {"message": f"scripted {status}"}}}


# --------------------------------------------------------------------------- documents

@dataclass
class Base:
    """An article the documents are made from, and the grounded answer the server gives for it."""

    name: str
    head: str          # title (+ publication line)
    body: str
    answer: str        # the model's answer: JSON facts
    ungrounded: str    # the same with an invented attendee and a wrong figure


@dataclass
class Doc:
    tag: str
    base: int
    fault: str         # "OK" or a FAULTS key
    path: Path


@dataclass
class Corpus:
    bases: list[Base]
    docs: list[Doc]
    scripts: dict[str, Any] = field(default_factory=dict)

    def expected_calls(self) -> int:
        return sum(1 if d.fault == "OK" else FAULTS[d.fault][2] for d in self.docs)

    def expected_failed(self) -> int:
        return sum(d.fault != "OK" and FAULTS[d.fault][3] == "failed" for d in self.docs)


def base_articles(use_corpus: bool = True) -> list[Base]:
    """Seeds (+ corpus) as cleaned text, each with an answer that grounds in a generated document."""
    sys.path.insert(0, str(REPO))
    from summarise.extract.record import _offline
    from summarise.ground.grounder import Grounder
    from summarise.normalise import normalise
    from summarise.schemas import Facts

    paths = sorted(p for p in SEEDS.iterdir() if p.suffix != ".md")
    if use_corpus and CORPUS.is_dir():
        paths += sorted(p for p in CORPUS.iterdir() if p.suffix != ".md")
    bases = []
    for path in paths:
        doc = normalise(path)
        body = doc.text
        title = doc.title or ""
        if title and body.startswith(title):
            body = body[len(title):].lstrip("\n")
        head = title + (f"\n发布日期：{doc.published}" if doc.published else "")
        for variant in VARIANTS:
            probe = normalise(_compose(head, body, variant.format(tag="LD0000-B00-OK")).encode())
            if "LD0000-B00-OK" not in probe.text:
                raise SystemExit(f"{path.name}: the normaliser drops the closing line {variant!r}")
        facts, rejected = _offline(normalise(_compose(head, body, "").encode()))
        if not (facts.people or facts.figures):
            continue  # nothing to ground: not a useful load document
        answer = facts.model_dump_json()
        again = Grounder(probe.text, probe.published).review(Facts.model_validate_json(answer))[1]
        if rejected or again:
            continue  # the answer would be re-asked for every copy: not the fault mix we want
        bad = json.loads(answer)
        bad["people"].append({"name": "王大明", "roles": ["attendee"], "evidence": {"quote": "王大明出席会议"}})
        bases.append(Base(path.name, head, body, answer, json.dumps(bad, ensure_ascii=False)))
    return bases


def _compose(head: str, body: str, closing: str) -> str:
    return f"{head}\n\n{body.rstrip()}\n{closing}\n"


def make_corpus(directory: Path, n: int, *, fault_rate: float = 0.05, use_corpus: bool = True) -> Corpus:
    """Write n documents into `directory`; faults spread evenly over the batch, by FAULTS shares."""
    bases = base_articles(use_corpus)
    if not bases:
        raise SystemExit("no base articles (seeds missing?)")
    directory.mkdir(parents=True, exist_ok=True)
    n_faulty = round(n * fault_rate)
    kinds: list[str] = []
    for fault, (share, *_rest) in FAULTS.items():
        kinds += [fault] * max(1, round(n_faulty * share)) if n_faulty else []
    step = n / max(1, len(kinds))
    fault_at = {int(k * step + step / 2): f for k, f in enumerate(kinds)}
    width = max(4, len(str(n)))
    docs: list[Doc] = []
    for i in range(n):
        j = i % len(bases)
        fault = fault_at.get(i, "OK")
        tag = f"LD{i:0{width}d}-B{j:02d}-{fault}"
        closing = VARIANTS[(i // len(bases)) % len(VARIANTS)].format(tag=tag)
        path = directory / f"{i:0{width}d}_{bases[j].name.split('_')[0]}_{fault.lower()}.txt"
        path.write_text(_compose(bases[j].head, bases[j].body, closing), "utf-8")
        docs.append(Doc(tag, j, fault, path))
    corpus = Corpus(bases, docs)
    route: dict[str, str] = {}
    scripts: dict[str, Any] = {}
    for d in docs:  # per-document scripts for faults: the server counts steps per script
        if d.fault != "OK":
            b = bases[d.base]
            arg = b.ungrounded if d.fault == "UNGROUNDED" else {"content": b.answer}
            steps = FAULTS[d.fault][1]({"content": arg} if d.fault == "UNGROUNDED" else arg)
            scripts[d.tag] = steps
            route[d.tag] = d.tag
    for j, b in enumerate(bases):
        scripts[f"base{j}"] = [{"content": b.answer}]
        route[f"-B{j:02d}-OK"] = f"base{j}"
    scripts["load"] = {"route": route}
    corpus.scripts = scripts
    return corpus


# --------------------------------------------------------------------------- the endpoint

class ChildServer:
    """The scripted server in a child process; `counts()` returns extraction calls per document tag
    ("?" for a request that carries none), once every request the clients sent has been logged."""

    def __init__(self, scripts: dict[str, Any], latency: float, workdir: Path):
        path = workdir / "scripts.json"
        path.write_text(json.dumps(scripts, ensure_ascii=False), "utf-8")
        self.proc = subprocess.Popen([sys.executable, __file__, "--serve", str(path), str(latency)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        self.base_url = self.proc.stdout.readline().strip()
        self._lock = threading.Lock()

    def counts(self) -> Counter[str]:
        """Calls per tag. The server first settles: a run killed mid-request has requests its handlers
        log only as their connections end, and those belong to the killed run, not to the next one."""
        with self._lock:
            assert self.proc.stdin is not None and self.proc.stdout is not None
            self.proc.stdin.write("dump\n")
            self.proc.stdin.flush()
            answer = json.loads(self.proc.stdout.readline())
        if not answer["settled"]:
            raise RuntimeError(f"the scripted server still held connections after {SETTLE_S} s: "
                               "its counts would miss requests")
        return Counter(answer["calls"])

    def __enter__(self) -> ChildServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def serve(scripts_path: str, latency: float) -> None:
    sys.path.insert(0, str(REPO / "tests"))
    from scripted_server import ScriptedServer

    scripts = json.loads(Path(scripts_path).read_text("utf-8"))
    with ScriptedServer(scripts, latency=latency) as server:
        print(server.base_url, flush=True)
        for line in sys.stdin:
            if line.strip() == "dump":
                settled = server.settle(SETTLE_S)
                per_tag: Counter[str] = Counter()
                for _, _, raw in list(server.log):
                    m = TAG_RE.search(raw.decode("utf-8", "replace"))
                    per_tag[m.group() if m else "?"] += 1
                print(json.dumps({"settled": settled, "calls": per_tag}), flush=True)


# --------------------------------------------------------------------------- the run

@dataclass
class RunResult:
    returncode: int
    wall_s: float
    max_rss_mb: float
    killed: bool
    finished_at_kill: int = 0


def run_cli(inputs: Path, out: Path, base_url: str, *, jobs: int, workdir: Path,
            kill_after: int | None = None, timeout: float = 900, extra: tuple[str, ...] = ()) -> RunResult:
    """`summarise run` in a child process; with `kill_after`, SIGKILL it once that many manifests exist."""
    cmd = command(inputs, out, base_url, jobs) + list(extra)
    env = {**os.environ, "SUMMARISE_CACHE_DIR": str(workdir / "cache"), "SUMMARISE_TIMEOUT": "10"}
    env.pop("SUMMARISE_API_KEY", None)
    env.pop("OPENAI_API_KEY", None)
    log = (workdir / f"run-{out.name}-{int(time.time() * 1000)}.log").open("wb")
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    killed = False
    finished = 0
    if kill_after is not None:
        state = out / STATE_DIR
        deadline = time.monotonic() + timeout
        while proc.poll() is None and time.monotonic() < deadline:
            finished = len(manifests(state)) if state.is_dir() else 0
            if finished >= kill_after:
                proc.send_signal(signal.SIGKILL)
                killed = True
                break
            time.sleep(0.01)
    try:
        _, status, usage = os.wait4(proc.pid, 0)
        returncode = os.waitstatus_to_exitcode(status)
    except ChildProcessError:  # already reaped by poll(): no rusage for it
        returncode, usage = proc.returncode, None
    proc.returncode = returncode
    wall = time.perf_counter() - started
    log.close()
    return RunResult(returncode, wall, usage.ru_maxrss / 1024 if usage else float("nan"), killed, finished)


def command(inputs: Path, out: Path, base_url: str, jobs: int) -> list[str]:
    return [sys.executable, "-m", "summarise.cli", "run", str(inputs), "--out", str(out), "-j", str(jobs),
            "--backend", "llm", "--model", "load", "--base-url", base_url, "--no-cache", "-q",
            "--no-reposts"]  # the documents are copies of a few articles: each must cost its own calls here


def manifests(state: Path) -> list[Path]:
    return [p for p in state.glob("*.json") if not p.name.startswith(".")]


def finished(out: Path) -> dict[str, tuple[str, int]]:
    """Manifest file name → (input file name, manifest mtime in ns) for every input finished so far."""
    result = {}
    for p in manifests(out / STATE_DIR):
        try:
            manifest = json.loads(p.read_text("utf-8"))
        except (OSError, ValueError):
            continue
        result[p.name] = (Path(manifest.get("input", "")).name, p.stat().st_mtime_ns)
    return result


def accounting(out: Path, n: int) -> dict[str, Any]:
    """Every input accounted for: summary counts, errors.jsonl lines, outputs on disk."""
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines() if line]
    c = summary["counts"]
    missing = [i["path"] for i in summary["inputs"] if i["status"] in ("done", "cached")
               and not all((out / name).is_file() for name in i["outputs"].values())]
    return {
        "total": c["total"], "done": c["done"], "skipped_cached": c["skipped_cached"], "failed": c["failed"],
        "not_reached": c["not_reached"], "errors_jsonl_lines": len(errors),
        "errors_with_reason": sum(bool(e.get("reason")) and "Traceback" not in e["reason"] for e in errors),
        "accounted": c["done"] + c["skipped_cached"] + c["failed"] == n == c["total"]
                     and len(errors) == c["failed"] and not missing,
        "outputs_missing": missing[:5],
        "failed_inputs": sorted(Path(e["path"]).name for e in errors),
    }


# --------------------------------------------------------------------------- phases

def phase_full(corpus: Corpus, inputs: Path, server: ChildServer, work: Path, jobs: int) -> dict[str, Any]:
    out = work / "out-full"
    before = server.counts()
    res = run_cli(inputs, out, server.base_url, jobs=jobs, workdir=work)
    calls = server.counts() - before
    n = len(corpus.docs)
    return {
        "returncode": res.returncode, "wall_s": round(res.wall_s, 2), "docs_per_s": round(n / res.wall_s, 2),
        "peak_rss_mb": round(res.max_rss_mb, 1), "calls": sum(calls.values()),
        "calls_expected": corpus.expected_calls(), "failed_expected": corpus.expected_failed(),
        **accounting(out, n),
    }


def phase_kill(corpus: Corpus, inputs: Path, server: ChildServer, work: Path, jobs: int,
               kill_fraction: float = 0.5) -> dict[str, Any]:
    out = work / "out-kill"
    n = len(corpus.docs)
    c0 = server.counts()
    first = run_cli(inputs, out, server.base_url, jobs=jobs, workdir=work, kill_after=max(1, int(n * kill_fraction)))
    c1 = server.counts()
    done_at_kill = finished(out)
    second = run_cli(inputs, out, server.base_url, jobs=jobs, workdir=work)
    c2 = server.counts()
    calls1, calls2 = c1 - c0, c2 - c1
    by_tag = {d.tag: d for d in corpus.docs}
    name_to_tag = {d.path.name: d.tag for d in corpus.docs}
    done_tags = {name_to_tag[name] for name, _ in done_at_kill.values()}
    redone = sorted(t for t in calls2 if t in done_tags)
    # c1: since the server started
    wanted = {t: 0 if t in done_tags else _calls_left(d.fault, c1[t]) for t, d in by_tag.items()}
    expected2 = sum(wanted.values())
    after = finished(out)
    mtimes_kept = all(after.get(m, ("", -1))[1] == mtime for m, (_, mtime) in done_at_kill.items())
    acc = accounting(out, n)
    return {
        "killed": first.killed, "first_returncode": first.returncode, "first_wall_s": round(first.wall_s, 2),
        "finished_at_kill": len(done_at_kill), "calls_before_kill": sum(calls1.values()),
        "rerun_returncode": second.returncode, "rerun_wall_s": round(second.wall_s, 2),
        "rerun_peak_rss_mb": round(second.max_rss_mb, 1),
        "rerun_calls": sum(calls2.values()), "rerun_calls_expected": expected2,
        "rerun_calls_off": {t: [calls2[t], want] for t, want in wanted.items() if calls2[t] != want},  # tag: [made, expected]
        "rerun_calls_for_finished_inputs": len(redone), "redone_examples": redone[:5],
        "rerun_calls_unknown_tag": calls2.get("?", 0),
        "finished_manifests_untouched": mtimes_kept,
        "skipped_cached_equals_finished": acc["skipped_cached"] == len(done_at_kill),
        **acc,
    }


def _calls_left(fault: str, calls_so_far: int) -> int:
    """Calls a document still needs, given the calls the server has seen for it so far (its
    per-document script has moved on: a transient fault already met, in any phase, is not met again)."""
    if fault == "OK":
        return 1
    full = FAULTS[fault][2]
    return 1 if calls_so_far and FAULTS[fault][3] == "done" and fault != "UNGROUNDED" else full


def machine() -> dict[str, Any]:
    info: dict[str, Any] = {"nproc": os.cpu_count(), "python": platform.python_version()}
    try:
        info["lscpu"] = subprocess.run(["lscpu"], capture_output=True, text=True, timeout=10).stdout.splitlines()[:15]
    except (OSError, subprocess.SubprocessError):
        info["lscpu"] = []
    return info


class LoadSampler:
    """Load average every second while the benchmark runs."""

    def __init__(self) -> None:
        self.samples: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(1.0):
            self.samples.append(os.getloadavg()[0])

    def __enter__(self) -> LoadSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def summary(self) -> dict[str, float]:
        s = self.samples or [os.getloadavg()[0]]
        return {"min": round(min(s), 2), "mean": round(sum(s) / len(s), 2), "max": round(max(s), 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--jobs", type=int, default=16)
    ap.add_argument("--latency", type=float, default=0.075)
    ap.add_argument("--fault-rate", type=float, default=0.05)
    ap.add_argument("--kill-fraction", type=float, default=0.5)
    ap.add_argument("--seeds-only", action="store_true", help="do not use ../shared/corpus")
    ap.add_argument("--skip-full", action="store_true", help="only the kill -9 + rerun phase")
    ap.add_argument("--json", type=Path, help="also write the results as JSON")
    ap.add_argument("--keep", type=Path, help="work in this directory and keep it")
    ap.add_argument("--serve", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:
        serve(args.serve[0], float(args.serve[1]))
        return
    results: dict[str, Any] = {"machine": machine(), "docs": args.docs, "jobs": args.jobs,
                               "latency_s": args.latency, "fault_rate": args.fault_rate}
    tmp = tempfile.TemporaryDirectory() if args.keep is None else None
    work = Path(tmp.name) if tmp else args.keep
    work.mkdir(parents=True, exist_ok=True)
    try:
        t = time.perf_counter()
        inputs = work / "in"
        corpus = make_corpus(inputs, args.docs, fault_rate=args.fault_rate, use_corpus=not args.seeds_only)
        results["generate_s"] = round(time.perf_counter() - t, 2)
        results["bases"] = [b.name for b in corpus.bases]
        results["faults"] = dict(Counter(d.fault for d in corpus.docs))
        print(json.dumps({k: results[k] for k in ("bases", "faults", "generate_s")}, ensure_ascii=False), flush=True)
        with ChildServer(corpus.scripts, args.latency, work) as server, LoadSampler() as load:
            results["command"] = " ".join(command(inputs, work / "out", "<scripted-server>/v1", args.jobs))
            if not args.skip_full:
                results["full"] = phase_full(corpus, inputs, server, work, args.jobs)
                print(json.dumps({"full": results["full"]}, ensure_ascii=False), flush=True)
            results["kill"] = phase_kill(corpus, inputs, server, work, args.jobs, args.kill_fraction)
            print(json.dumps({"kill": results["kill"]}, ensure_ascii=False), flush=True)
        results["load_average_1min"] = load.summary()
        print(json.dumps({"load_average_1min": results["load_average_1min"]}), flush=True)
    finally:
        if tmp:
            tmp.cleanup()
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
