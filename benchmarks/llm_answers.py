"""The LLM path scored with answers a capable LLM wrote (eval/llm-answers): ingest, refusals, gold scores.

For each set, as a user would run a batch: `summarise run ARTICLES --via batch-file` writes the
requests of today's code, each answer becomes the Batch-API result line of its article's request,
`summarise ingest` grounds them and writes records, and `summarise eval GOLD --records` scores the
records against gold. Printed per set: documents ingested and failed, facts the answers state,
facts refused (removed whole) and parts refused (a title, a role, a speaker …), and eval's TOTAL line.

    .venv/bin/python benchmarks/llm_answers.py [--sets seeds,corpus,heldout4] [--keep DIR]

    .venv/bin/python benchmarks/llm_answers.py --sets all   # every set with stored answers

heldout5 and heldout7..heldout10 were blind sets, each run once at the end of its round (`--sets heldout10`);
their first runs are in eval/<set>/RESULTS.md. heldout9b holds fresh answers for heldout9's articles.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from llm_answers import FOLDERS, GOLD, cases, facts_proposed, whole
from llm_answers import REPO as _REPO

ANSWERS = REPO / "eval" / "llm-answers"
_SAME_ARTICLES = {"heldout9b": "heldout9"}  # a second set of answers for one set's articles
for _answers in sorted(p for p in ANSWERS.iterdir() if p.is_dir() and p.name not in FOLDERS):
    _set = REPO / "eval" / _SAME_ARTICLES.get(_answers.name, _answers.name)
    if (_set / "articles").is_dir() and not (_set / "BLIND").exists():
        FOLDERS[_answers.name], GOLD[_answers.name] = _set / "articles", _set / "gold"
BIN = Path(sys.executable).parent


def summarise(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "summarise"), *args], capture_output=True, text=True, env=env)


def run_set(set_name: str, work: Path) -> None:
    from summarise.schemas import Rejection

    found = cases(set_name)
    if not found:
        print(f"{set_name}: articles absent, skipped")
        return
    inputs = work / set_name / "in"
    inputs.mkdir(parents=True)
    for case in found:
        (inputs / case.article.name).write_bytes(case.article.read_bytes())
    requests = work / set_name / "requests.jsonl"
    made = summarise("run", str(inputs), "--via", "batch-file", str(requests), "--model", "capable-llm", "--no-reposts")
    if made.returncode:
        raise SystemExit(made.stdout + made.stderr)
    manifest = json.loads(requests.with_name("requests.manifest.json").read_text("utf-8"))
    answers = {case.article.name: case.answer.read_text("utf-8") for case in found}
    results = work / set_name / "results.jsonl"
    with results.open("w", encoding="utf-8") as out:
        for doc in manifest["documents"]:
            for req in doc["requests"]:
                body = {"id": "x", "object": "chat.completion", "created": 0, "model": "capable-llm",
                        "choices": [{"index": 0, "finish_reason": "stop", "message": {
                            "role": "assistant", "content": answers[Path(doc["name"]).name]}}],
                        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}}
                out.write(json.dumps({"custom_id": req["custom_id"], "response": {"status_code": 200, "body": body}},
                                     ensure_ascii=False) + "\n")
    notes = work / set_name / "records"
    env = {**os.environ, "SUMMARISE_CACHE_DIR": str(work / "cache")}
    summarise("ingest", str(results), "--manifest", str(requests.with_name("requests.manifest.json")),
              "--out", str(notes), "-f", "json", "-q", env=env)
    records = [json.loads(p.read_text("utf-8")) for p in notes.glob("*.json") if p.name != "summary.json"]
    failed = len((notes / "errors.jsonl").read_text("utf-8").splitlines()) if (notes / "errors.jsonl").exists() else 0
    rejected = [Rejection.model_validate(r) for rec in records for r in rec["provenance"]["rejected"]]
    proposed = sum(facts_proposed(case.data()) for case in found)
    refused = sum(whole(r) for r in rejected)
    print(f"{set_name}: {len(records)}/{len(found)} documents ingested, {failed} failed; {proposed} facts, "
          f"{refused} refused ({100 * refused / max(proposed, 1):.1f}%), {len(rejected) - refused} parts refused")
    # the count of the earlier baseline: every rejection against the quoted facts kept plus rejected
    kept = sum(len(rec.get(k) or []) for rec in records for k in ("people", "figures", "points", "attendee_groups"))
    print(f"{set_name}: rejections of any kind {len(rejected)} of {kept + len(rejected)} quoted facts and rejections "
          f"({100 * len(rejected) / max(kept + len(rejected), 1):.1f}%)")
    if GOLD[set_name].is_dir():
        scored = summarise("eval", str(GOLD[set_name]), "--records", str(notes))
        print("\n".join(line for line in scored.stdout.splitlines() if line.startswith(("file", "TOTAL"))))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default="seeds,corpus,heldout4", help="comma-separated, or all")
    parser.add_argument("--keep", type=Path, help="write each set's requests, results and records under this "
                        "new directory (kept) instead of a temporary one, to read the rejections")
    args = parser.parse_args()
    assert _REPO == REPO
    if args.keep:
        args.keep.mkdir(parents=True)
    with contextlib.nullcontext(str(args.keep)) if args.keep else tempfile.TemporaryDirectory() as tmp:
        for set_name in FOLDERS if args.sets == "all" else args.sets.split(","):
            run_set(set_name, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
