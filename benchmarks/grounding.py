"""Grounding on capable-LLM answers: what it refuses, and what it costs per document.

For every answer under eval/llm-answers/<set>/ (written by a capable LLM for the exact request of
that article; see its README) the article is normalised and the answer grounded as `ingest` grounds
it (`ground.read`: lenient validation, then `Grounder.review`). Reported per set: documents, facts
proposed, facts refused (a whole fact removed), parts refused (a title, a role, a speaker, what a
figure measures), documents that would fail. Then the grounding CPU time per document against the
grounding of an earlier commit (`--before`, default c42b4c5: main before the per-claim checks,
loaded from git into this process), on the same answers, interleaved in one run (documents whose
answer the earlier schema cannot read strictly are left out of the timing for both).

    .venv/bin/python benchmarks/grounding.py [--sets seeds,corpus,heldout4] [--before c42b4c5] [-v]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import time
import types
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
ANSWERS = REPO / "eval" / "llm-answers"
ARTICLES = {"seeds": [SHARED / "seeds", REPO / "seeds"], "corpus": [SHARED / "corpus"],
            "heldout4": [REPO / "eval" / "heldout4" / "articles"]}
sys.path.insert(0, str(REPO / "tests"))

from llm_answers import facts_proposed, whole


def article_for(set_name: str, stem: str) -> Path | None:
    for folder in ARTICLES[set_name]:
        for path in sorted(folder.glob(stem + ".*")) if folder.is_dir() else []:
            return path
    return None


def load_before(commit: str) -> types.ModuleType:
    """summarise/ground.py (today summarise/ground/grounder.py) as it was at `commit`, imported beside today's package."""
    source = subprocess.run(["git", "show", f"{commit}:summarise/ground.py"], cwd=REPO, check=True,
                            capture_output=True, text=True).stdout
    spec = importlib.util.spec_from_loader("summarise._ground_before", loader=None)
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "summarise"
    # the earlier code imports its siblings by their flat names (summarise.claims, .dates, .figures)
    for old, new in (("claims", "ground.claims"), ("dates", "parse.dates"), ("figures", "parse.numbers")):
        sys.modules.setdefault(f"summarise.{old}", importlib.import_module(f"summarise.{new}"))
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    exec(compile(source, f"{commit}:summarise/ground.py", "exec"), module.__dict__)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default="seeds,corpus,heldout4")
    parser.add_argument("--before", default="c42b4c5")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    from summarise.ground import grounder as ground
    from summarise.normalise import normalise
    from summarise.schemas import Facts

    before = load_before(args.before)
    rows = []
    times_now: list[float] = []
    times_before: list[float] = []
    for set_name in args.sets.split(","):
        folder = ANSWERS / set_name
        docs = proposed = refused = parts = failed = 0
        for path in sorted(folder.glob("*.answer.json")):
            stem = path.name.removesuffix(".answer.json")
            article = article_for(set_name, stem)
            if article is None:
                print(f"{set_name}/{stem}: article not found, skipped", file=sys.stderr)
                continue
            data = json.loads(path.read_text("utf-8"))
            doc = normalise(article)
            docs += 1
            proposed += facts_proposed(data)
            grounder = ground.Grounder(doc.text, doc.published, doc.title)
            try:
                facts, rejected = ground.read(data, grounder)
            except ValueError as exc:
                failed += 1
                print(f"  FAILED {set_name}/{stem}: {str(exc)[:200]}")
                continue
            why = ground.all_rejected(facts, rejected)
            if why:
                failed += 1
                print(f"  FAILED {set_name}/{stem}: {why[:200]}")
            refused += sum(whole(r) for r in rejected)
            parts += sum(not whole(r) for r in rejected)
            if args.verbose:
                for r in rejected:
                    print(f"  {set_name}/{stem[:40]} {r.field}: {r.reason[:160]}  <- {r.value[:80]}")
            try:  # the earlier grounding reads the answer strictly; time only what it can read
                old_facts = Facts.model_validate(data)
            except ValueError:
                old_facts = None
            if old_facts is None:
                continue
            now_t, before_t = [], []
            for _ in range(args.repeat):  # interleaved: both see the same machine load
                t0 = time.process_time()
                ground.Grounder(doc.text, doc.published, doc.title).review(facts)
                now_t.append(time.process_time() - t0)
                t0 = time.process_time()
                before.Grounder(doc.text, doc.published).review(old_facts)
                before_t.append(time.process_time() - t0)
            times_now.append(min(now_t))
            times_before.append(min(before_t))
        rows.append((set_name, docs, proposed, refused, parts, failed))
    print(f"{'set':10} {'docs':>5} {'facts':>6} {'refused':>8} {'share':>6} {'parts':>6} {'failed':>7}")
    for set_name, docs, proposed, refused, parts, failed in rows:
        print(f"{set_name:10} {docs:5d} {proposed:6d} {refused:8d} {100 * refused / max(proposed, 1):5.1f}% "
              f"{parts:6d} {failed:7d}")
    if times_before:
        now, old = statistics.median(times_now), statistics.median(times_before)
        print(f"grounding CPU per document ({len(times_now)} documents, best of {args.repeat} each): median now "
              f"{now * 1e3:.2f} ms, before ({args.before}) {old * 1e3:.2f} ms, ratio {now / old:.2f}; "
              f"mean now {statistics.fmean(times_now) * 1e3:.2f} ms, before {statistics.fmean(times_before) * 1e3:.2f} ms, "
              f"ratio {sum(times_now) / sum(times_before):.2f}; slowest now {max(times_now) * 1e3:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
