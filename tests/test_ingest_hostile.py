"""`run --via batch-file` and `ingest` against hand-edited, damaged or misnamed files: never a
traceback, never an input, results file or manifest written over, a good answer never replaced by
a later line that is not one. Results are built by hand from the requests (no engine needed)."""
from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from hostile import SEED1, invoke
from scripted_server import answer, load_answer

GOOD = load_answer("seed001_good")


@pytest.fixture
def batch(tmp_path: Path) -> dict[str, Path]:
    """A batch file for seed 001 and a results file answering it well."""
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a.txt").write_bytes(SEED1.read_bytes())
    requests = tmp_path / "req.jsonl"
    done = invoke("run", str(inbox), "--via", "batch-file", str(requests), "--model", "m")
    assert done.returncode == 0, done.stderr
    [request] = [json.loads(line) for line in requests.read_text().splitlines()]
    good = {"custom_id": request["custom_id"], "response": {"status_code": 200, "body": answer(GOOD, model="m")}}
    results = tmp_path / "res.jsonl"
    results.write_text(json.dumps(good, ensure_ascii=False) + "\n", "utf-8")
    return {"inbox": inbox, "requests": requests, "manifest": tmp_path / "req.manifest.json", "results": results,
            "good": good}  # type: ignore[dict-item]


def _ingest(tmp: Path, batch: dict, *results: Path, extra: tuple[str, ...] = ()):
    out = tmp / "out"
    done = invoke("ingest", *map(str, results or (batch["results"],)), "--manifest", str(batch["manifest"]),
                     "--out", str(out), *extra)
    summary = json.loads((out / "summary.json").read_text()) if (out / "summary.json").exists() else None
    return done, summary


def _lines(*lines: Any) -> str:
    return "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines)


@pytest.mark.parametrize("bad", [
    {"response": "str"},
    {"response": {"status_code": 200, "body": "str"}},
    {"response": {"status_code": 200, "body": {"choices": "x", "usage": "lots"}}},
    {"response": {"status_code": 200, "body": {"id": "x", "object": "list", "data": []}}},  # 200, not a completion
    {"response": {"status_code": 200, "body": {**answer(GOOD, model="m"), "usage": "lots"}}},
    {"response": {"status_code": 200, "body": {**answer(GOOD, model="m"),
                                               "usage": {"prompt_tokens": "1000", "completion_tokens": None}}}},
    {"response": None, "error": {"message": "engine failed"}},
])
def test_a_malformed_result_line_never_replaces_a_good_answer(tmp_path: Path, batch: dict, bad: dict) -> None:
    line = {"custom_id": batch["good"]["custom_id"], **bad}
    for order in ((batch["good"], line), (line, batch["good"])):
        batch["results"].write_text(_lines(*order), "utf-8")
        done, summary = _ingest(tmp_path, batch)
        assert summary is not None and summary["counts"]["done"] == 1, (order, done.stderr)
        assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("bad", [{"response": "str"}, {"response": {"status_code": 200, "body": {"object": "list"}}},
                                 {"response": {"status_code": 200, "body": {**answer(GOOD, model="m"), "usage": [1]}}}])
def test_a_malformed_result_line_alone_fails_its_document_clearly(tmp_path: Path, batch: dict, bad: dict) -> None:
    batch["results"].write_text(_lines({"custom_id": batch["good"]["custom_id"], **bad}), "utf-8")
    done, summary = _ingest(tmp_path, batch)
    if bad["response"] == "str" or "object" in bad["response"]["body"]:
        assert done.returncode == 1 and summary["counts"]["failed"] == 1
        assert summary["ingest"]["to_resubmit"], summary
    else:  # a usage that is not an object counts no tokens; the answer stands
        assert done.returncode == 0 and summary["counts"]["done"] == 1 and summary["tokens"]["total"] == 0


def _edit(change: Callable[[dict], None]) -> Callable[[Path], None]:
    def apply(manifest: Path) -> None:
        data = json.loads(manifest.read_text())
        change(data)
        manifest.write_text(json.dumps(data, ensure_ascii=False))
    return apply


MANIFEST_EDITS = {
    "no sha256": _edit(lambda d: d["documents"][0].pop("sha256")),
    "no input": _edit(lambda d: d["documents"][0].pop("input")),
    "no path": _edit(lambda d: d["documents"][0].pop("path")),
    "null path": _edit(lambda d: d["documents"][0].update(path=None)),
    "no requests": _edit(lambda d: d["documents"][0].pop("requests")),
    "requests not a list": _edit(lambda d: d["documents"][0].update(requests="x")),
    "documents a string": _edit(lambda d: d.update(documents="all of them")),
    "document a number": _edit(lambda d: d.update(documents=[7])),
    "bad base64": _edit(lambda d: d["documents"][0].update(data_base64="%%% not base64 %%%")),
    "settings a list": _edit(lambda d: d.update(settings=[1, 2])),
    "bad setting": _edit(lambda d: d["settings"].update(temperature="hot")),
    "bad limits": _edit(lambda d: d.update(file_limits={"requests": "many"})),
    "truncated": lambda m: m.write_text(m.read_text()[:200]),
}


@pytest.mark.parametrize("edit", sorted(MANIFEST_EDITS))
def test_a_hand_edited_manifest_is_one_line(tmp_path: Path, batch: dict, edit: str) -> None:
    MANIFEST_EDITS[edit](batch["manifest"])
    done, _ = _ingest(tmp_path, batch)
    assert done.returncode == 2, done.stderr
    assert str(batch["manifest"]) in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_stdin_data_in_the_manifest_round_trips(tmp_path: Path) -> None:
    requests = tmp_path / "req.jsonl"
    done = invoke("run", "-", "--via", "batch-file", str(requests), "--model", "m", stdin=SEED1.read_bytes())
    assert done.returncode == 0, done.stderr
    entry = json.loads((tmp_path / "req.manifest.json").read_text())["documents"][0]
    assert base64.b64decode(entry["data_base64"], validate=True) == SEED1.read_bytes()


def test_batch_file_never_writes_over_an_input(tmp_path: Path, batch: dict) -> None:
    article = batch["inbox"] / "a.txt"
    before = article.read_bytes()
    for target in (article, batch["results"]):
        done = invoke("run", str(batch["inbox"]), "--via", "batch-file", str(target), "--model", "m")
        assert done.returncode == 2 and "refusing to write over" in done.stderr, done.stderr
    assert article.read_bytes() == before
    # a manifest or errors file of that name that is not ours: refused too
    other = tmp_path / "x.jsonl"
    (tmp_path / "x.manifest.json").write_text("my notes")
    done = invoke("run", str(batch["inbox"]), "--via", "batch-file", str(other), "--model", "m")
    assert done.returncode == 2 and "x.manifest.json" in done.stderr and (tmp_path / "x.manifest.json").read_text() == "my notes"
    # its own earlier files are replaced, as a rerun does
    again = invoke("run", str(batch["inbox"]), "--via", "batch-file", str(batch["requests"]), "--model", "m")
    assert again.returncode == 0, again.stderr


def test_resubmit_never_writes_over_results_or_the_manifest(tmp_path: Path, batch: dict) -> None:
    batch["results"].write_text(_lines({"custom_id": batch["good"]["custom_id"], "response": "str"}), "utf-8")
    results, manifest = batch["results"].read_bytes(), batch["manifest"].read_bytes()
    for target in (batch["results"], batch["manifest"], batch["inbox"] / "a.txt"):
        done, _ = _ingest(tmp_path, batch, extra=("--resubmit", str(target)))
        assert done.returncode == 2 and ("write over" in done.stderr or "refusing" in done.stderr), done.stderr
    assert batch["results"].read_bytes() == results and batch["manifest"].read_bytes() == manifest
    done, summary = _ingest(tmp_path, batch, extra=("--resubmit", str(tmp_path / "again.jsonl")))
    assert done.returncode == 1 and (tmp_path / "again.jsonl").is_file() and summary["ingest"]["resubmit_files"]


def test_a_reask_larger_than_a_file_is_listed_not_a_crash(tmp_path: Path, batch: dict) -> None:
    # the batch written with a file limit just above its one request: the re-ask (the request, the
    # answer and the problems) is larger than a file of the same limit may hold
    size = len(batch["requests"].read_bytes())
    done = invoke("run", str(batch["inbox"]), "--via", "batch-file", str(batch["requests"]), "--model", "m",
                     "--file-mb", str((size + 100) / 1e6))
    assert done.returncode == 0, done.stderr
    ungrounded = json.loads(GOOD)
    ungrounded["people"].append({"name": "王大明", "roles": ["attendee"], "evidence": {"quote": "王大明出席会议"}})
    line = {"custom_id": batch["good"]["custom_id"],
            "response": {"status_code": 200, "body": answer(json.dumps(ungrounded, ensure_ascii=False), model="m")}}
    batch["results"].write_text(_lines(line), "utf-8")
    done, summary = _ingest(tmp_path, batch, extra=("--resubmit", str(tmp_path / "again.jsonl")))
    assert summary is not None, done.stderr
    assert summary["ingest"]["not_resubmitted"] == 1 and "too large" in done.stderr + done.stdout
