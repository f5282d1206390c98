"""Batch-API files: `run --via batch-file` writes exactly the live requests; `ingest` reads results the live way.

The scripted server plays both roles: the live endpoint extract() talks to, and the engine that runs
the written requests (each body is POSTed to it, as the Batch API or `vllm run-batch` would).
"""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from scripted_server import ScriptedServer, load_answer
from typer.testing import CliRunner

from summarise import Settings, extract
from summarise.cli import app

runner = CliRunner()
REPO = Path(__file__).resolve().parents[1]
SEEDS = [REPO / "seeds/000_09f2237585b32c6b.txt", REPO / "seeds/001_6b39ea2c5599d977.txt"]
MARKERS = ["小榄全力冲刺", "对标顺德闯出新路"]  # the seeds' titles: each occurs in one seed's request only


def _hallucinated() -> str:
    data = json.loads(load_answer("seed000_good"))
    data["people"][0]["evidence"]["quote"] = "镇党委书记赵锡雄出席会议并作重要讲话"  # not in the article
    return json.dumps(data, ensure_ascii=False)


GOOD = [load_answer("seed000_good"), load_answer("seed001_good")]
SCRIPTS: dict[str, Any] = {
    "good0": [{"content": GOOD[0]}], "good1": [{"content": GOOD[1]}],
    "bad0": [{"content": _hallucinated()}],
    "bad0-then-good": [{"content": _hallucinated()}, {"content": GOOD[0]}],
    "broken1": [{"content": '{"kind": "policy_lecture", "people": ['}],
    "m": {"route": {MARKERS[0]: "good0", MARKERS[1]: "good1"}},
    "m-hallucinating": {"route": {MARKERS[0]: "bad0", MARKERS[1]: "good1"}},
    "m-reasked": {"route": {MARKERS[0]: "bad0-then-good", MARKERS[1]: "good1"}},
    "m-broken": {"route": {MARKERS[0]: "good0", MARKERS[1]: "broken1"}},
}


@pytest.fixture
def server():
    with ScriptedServer(SCRIPTS) as s:
        yield s


def _env(tmp_path: Path) -> dict[str, str]:
    return {"SUMMARISE_CACHE_DIR": str(tmp_path / "cache"), "SUMMARISE_NO_CACHE": "1"}


def _settings(server: ScriptedServer, model: str, tmp_path: Path, **kw: Any) -> Settings:
    return Settings(backend="llm", model=model, base_url=server.base_url, no_cache=True,
                    cache_dir=tmp_path / "cache", **kw)


def write_batch(tmp_path: Path, server: ScriptedServer, model: str, *extra: str) -> Path:
    target = tmp_path / "requests.jsonl"
    result = runner.invoke(app, ["run", *map(str, SEEDS), "--via", "batch-file", str(target), "--model", model,
                                 "--base-url", server.base_url, *extra], env=_env(tmp_path))
    assert result.exit_code == 0, result.output
    return target


def requests_in(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def _post(url: str, body: dict[str, Any]) -> tuple[int, Any]:
    req = urllib.request.Request(url, data=json.dumps(body, ensure_ascii=False).encode(),
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def run_engine(server: ScriptedServer, requests: Path, out: Path) -> Path:
    """What the Batch API / vllm run-batch does: POST every body, write one output line per request."""
    root = server.base_url.removesuffix("/v1")
    lines = []
    for n, req in enumerate(requests_in(requests)):
        assert req["method"] == "POST" and req["url"] == "/v1/chat/completions"
        status, body = _post(root + req["url"], req["body"])
        lines.append({"id": f"batch_req_{n}", "custom_id": req["custom_id"],
                      "response": {"status_code": status, "request_id": f"req_{n}", "body": body}, "error": None})
    out.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), "utf-8")
    return out


def ingest(tmp_path: Path, *results: Path, manifest: Path, extra: tuple[str, ...] = ()) -> Any:
    return runner.invoke(app, ["ingest", *map(str, results), "--manifest", str(manifest), "--out",
                               str(tmp_path / "out"), "-q", *extra], env=_env(tmp_path))


def _comparable(record: dict[str, Any]) -> dict[str, Any]:
    record = json.loads(json.dumps(record))
    record["provenance"].pop("generated_at")
    return record


def records_in(out: Path) -> dict[str, dict[str, Any]]:
    """The records an ingest wrote, by input sha256."""
    found = {}
    for path in out.glob("*.json"):
        if path.name != "summary.json":
            record = json.loads(path.read_text("utf-8"))
            found[record["source"]["name"]] = record
    return found


@pytest.mark.parametrize("context_chars", [12000, 500])
def test_requests_are_exactly_what_extract_sends(server, tmp_path, context_chars, monkeypatch):
    """Every body in the file equals (as JSON) what the scripted server received from a live extract()."""
    monkeypatch.setenv("SUMMARISE_CONTEXT_CHARS", str(context_chars))  # 500: one request per part
    target = write_batch(tmp_path, server, "m")
    written = requests_in(target)
    server.requests.clear()
    for seed in SEEDS:
        extract(seed, settings=_settings(server, "m", tmp_path, context_chars=context_chars))
    assert [w["body"] for w in written] == server.requests
    assert len({w["custom_id"] for w in written}) == len(written)
    manifest = json.loads((tmp_path / (target.stem + ".manifest.json")).read_text("utf-8"))
    parts = [r for d in manifest["documents"] for r in d["requests"]]
    assert [r["custom_id"] for r in parts] == [w["custom_id"] for w in written]
    if context_chars == 500:
        assert len(written) > 2 and all("-p" in w["custom_id"] for w in written)
    for doc, seed in zip(manifest["documents"], SEEDS):
        assert doc["path"] == str(seed) and doc["requests"][0]["custom_id"].startswith(doc["sha256"][:32])
    assert manifest["settings"]["model"] == "m" and "api_key" not in manifest["settings"]


@pytest.mark.parametrize("context_chars", ["12000", "500"])
def test_ingested_records_equal_live_records(server, tmp_path, context_chars, monkeypatch):
    monkeypatch.setenv("SUMMARISE_CONTEXT_CHARS", context_chars)
    requests = write_batch(tmp_path, server, "m")
    results = run_engine(server, requests, tmp_path / "results.jsonl")
    result = ingest(tmp_path, results, manifest=tmp_path / "requests.manifest.json")
    assert result.exit_code == 0, result.output
    ingested = records_in(tmp_path / "out")
    live = {str(s): extract(s, settings=_settings(server, "m", tmp_path, context_chars=int(context_chars)))
            for s in SEEDS}
    assert set(ingested) == set(live)
    for name, record in live.items():
        assert _comparable(ingested[name]) == _comparable(record.model_dump(mode="json"))
        assert record.provenance.usage.calls >= 1 and not record.provenance.rejected
    summary = json.loads((tmp_path / "out/summary.json").read_text("utf-8"))
    assert summary["counts"]["done"] == 2 and summary["ingest"]["to_resubmit"] == []
    assert (tmp_path / "out/index.html").is_file() and len(list((tmp_path / "out").glob("*.md"))) == 2


def test_hallucinated_quote_is_listed_and_reasked(server, tmp_path):
    requests = write_batch(tmp_path, server, "m-hallucinating")
    results = run_engine(server, requests, tmp_path / "results.jsonl")
    resubmit = tmp_path / "again.jsonl"
    result = ingest(tmp_path, results, manifest=tmp_path / "requests.manifest.json", extra=("--resubmit", str(resubmit)))
    assert result.exit_code == 0, result.output  # the record is written, without the ungrounded fact
    record = records_in(tmp_path / "out")[str(SEEDS[0])]
    assert any("does not occur" in r["reason"] for r in record["provenance"]["rejected"])
    summary = json.loads((tmp_path / "out/summary.json").read_text("utf-8"))
    listed = summary["ingest"]["to_resubmit"]
    first = requests_in(requests)[0]
    assert [x["custom_id"] for x in listed] == [first["custom_id"]] and "ungrounded" in listed[0]["problem"]
    assert "cannot be re-asked inside a batch" in summary["ingest"]["note"]
    assert f"resubmit {first['custom_id']}" in result.output and "does not occur" in result.output
    [again] = requests_in(resubmit)
    assert again["custom_id"] == first["custom_id"]
    # the re-ask is exactly what the live path sends after that answer: request + answer + the problems
    server.requests.clear()
    extract(SEEDS[0], settings=_settings(server, "m-reasked", tmp_path))
    assert len(server.requests) == 2 and {**again["body"], "model": "m-reasked"} == server.requests[1]
    assert again["body"]["messages"][:2] == first["body"]["messages"]
    assert again["body"]["messages"][2]["role"] == "assistant" and "does not occur" in again["body"]["messages"][3]["content"]


def test_resubmitted_answers_replace_earlier_ones(server, tmp_path):
    requests = write_batch(tmp_path, server, "m-reasked")
    first = run_engine(server, requests, tmp_path / "results.jsonl")  # seed 0 answered with a hallucination
    resubmit = tmp_path / "again.jsonl"
    assert ingest(tmp_path, first, manifest=tmp_path / "requests.manifest.json",
                  extra=("--resubmit", str(resubmit))).exit_code == 0
    second = run_engine(server, resubmit, tmp_path / "results2.jsonl")  # the re-ask is answered well
    result = ingest(tmp_path, first, second, manifest=tmp_path / "requests.manifest.json")
    assert result.exit_code == 0, result.output
    record = records_in(tmp_path / "out")[str(SEEDS[0])]
    assert record["provenance"]["rejected"] == [] and record["provenance"]["usage"]["calls"] == 2
    summary = json.loads((tmp_path / "out/summary.json").read_text("utf-8"))
    assert summary["ingest"]["to_resubmit"] == []


def _rewrite(path: Path, change) -> Path:
    lines = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in change(lines)), "utf-8")
    return path


@pytest.mark.parametrize(("fault", "reason"), [
    ("missing", "no result line"),
    ("http", "HTTP 500"),
    ("engine", "the engine reported an error"),
])
def test_failed_requests_are_listed_and_resubmitted_as_they_were(server, tmp_path, fault, reason):
    requests = write_batch(tmp_path, server, "m")
    results = run_engine(server, requests, tmp_path / "results.jsonl")

    def damage(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if fault == "missing":
            return lines[:1]
        if fault == "http":
            lines[1]["response"] = {"status_code": 500, "body": {"error": {"message": "server overloaded"}}}
        else:
            lines[1]["response"], lines[1]["error"] = None, {"code": "batch_expired", "message": "not run in time"}
        return lines

    _rewrite(results, damage)
    resubmit = tmp_path / "again.jsonl"
    result = ingest(tmp_path, results, manifest=tmp_path / "requests.manifest.json", extra=("--resubmit", str(resubmit)))
    assert result.exit_code == 1
    errors = [json.loads(x) for x in (tmp_path / "out/errors.jsonl").read_text("utf-8").splitlines()]
    assert [e["path"] for e in errors] == [str(SEEDS[1])] and reason in errors[0]["reason"]
    assert list(records_in(tmp_path / "out")) == [str(SEEDS[0])]
    assert requests_in(resubmit) == requests_in(requests)[1:]  # the original request, unchanged


def test_invalid_answer_fails_the_document_and_is_reasked(server, tmp_path):
    requests = write_batch(tmp_path, server, "m-broken")
    results = run_engine(server, requests, tmp_path / "results.jsonl")
    resubmit = tmp_path / "again.jsonl"
    result = ingest(tmp_path, results, manifest=tmp_path / "requests.manifest.json", extra=("--resubmit", str(resubmit)))
    assert result.exit_code == 1
    errors = [json.loads(x) for x in (tmp_path / "out/errors.jsonl").read_text("utf-8").splitlines()]
    assert [e["path"] for e in errors] == [str(SEEDS[1])] and "invalid answer" in errors[0]["reason"]
    [again] = requests_in(resubmit)
    assert again["body"]["messages"][2] == {"role": "assistant", "content": '{"kind": "policy_lecture", "people": ['}
    assert "Correct your JSON" in again["body"]["messages"][3]["content"]


def test_bad_inputs_and_usage_errors(server, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    target = tmp_path / "req.jsonl"
    result = runner.invoke(app, ["run", str(SEEDS[0]), str(empty), "--via", "batch-file", str(target),
                                 "--model", "m"], env=_env(tmp_path))
    assert result.exit_code == 1
    assert len(requests_in(target)) == 1
    [error] = [json.loads(x) for x in (tmp_path / "req.errors.jsonl").read_text("utf-8").splitlines()]
    assert error["path"] == str(empty) and "empty" in error["reason"]
    for args, message in [
        (["--via", "carrier-pigeon", str(target), "--model", "m"], "bad --via value"),
        (["--via", "batch-file", str(target)], "needs a model"),
        (["--via", "batch-file", str(tmp_path / "no/dir/x.jsonl"), "--model", "m"], "existing directory"),
    ]:
        result = runner.invoke(app, ["run", str(SEEDS[0]), *args], env={**_env(tmp_path), "SUMMARISE_MODEL": ""})
        assert result.exit_code == 2 and message in result.output, result.output
    result = runner.invoke(app, ["ingest", str(target), "--manifest", str(target)], env=_env(tmp_path))
    assert result.exit_code == 2 and "not a summarise batch manifest" in result.output


def test_stdin_input_is_kept_in_the_manifest(server, tmp_path):
    target = tmp_path / "requests.jsonl"
    result = runner.invoke(app, ["run", "-", "--via", "batch-file", str(target), "--model", "m",
                                 "--base-url", server.base_url], input=SEEDS[1].read_bytes(), env=_env(tmp_path))
    assert result.exit_code == 0, result.output
    results = run_engine(server, target, tmp_path / "results.jsonl")
    assert ingest(tmp_path, results, manifest=tmp_path / "requests.manifest.json").exit_code == 0
    [record] = records_in(tmp_path / "out").values()
    assert record["kind"] == "policy_lecture" and record["source"]["sha256"]


def test_same_content_twice_is_asked_once(server, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_bytes(SEEDS[0].read_bytes())
    target = tmp_path / "requests.jsonl"
    result = runner.invoke(app, ["run", str(SEEDS[0]), str(copy), "--via", "batch-file", str(target), "--model", "m",
                                 "--base-url", server.base_url], env=_env(tmp_path))
    assert result.exit_code == 0, result.output
    assert len(requests_in(target)) == 1
    results = run_engine(server, target, tmp_path / "results.jsonl")
    assert ingest(tmp_path, results, manifest=tmp_path / "requests.manifest.json").exit_code == 0
    assert set(records_in(tmp_path / "out")) == {str(SEEDS[0]), str(copy)}


def _variants(folder: Path, n: int) -> list[Path]:
    """n distinct inputs (the seeds with a different trailing line each: every one its own content hash)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"doc{i}.txt"
        path.write_bytes(SEEDS[i % 2].read_bytes() + f"\n\n（第{i}份）\n".encode())
        paths.append(path)
    return paths


def test_a_batch_past_a_file_limit_is_split_and_ingested_whole(server, tmp_path):
    inputs = tmp_path / "inbox"
    _variants(inputs, 5)
    target = inputs / "requests.jsonl"  # inside the input folder: a rerun must not read its own files
    base = ["run", str(inputs), "--via", "batch-file", str(target), "--model", "m", "--base-url", server.base_url]
    whole = runner.invoke(app, base, env=_env(tmp_path))
    assert whole.exit_code == 0, whole.output
    unsplit = requests_in(target)
    result = runner.invoke(app, [*base, "--file-requests", "2"], env=_env(tmp_path))
    assert result.exit_code == 0, result.output
    files = [target, inputs / "requests.2.jsonl", inputs / "requests.3.jsonl"]
    assert "5 inputs: 5 documents → 5 requests in" in result.output and "each of the 3 files" in result.output
    assert [len(requests_in(f)) for f in files] == [2, 2, 1]
    assert [r for f in files for r in requests_in(f)] == unsplit  # the same requests, in order, each once
    manifest = json.loads((inputs / "requests.manifest.json").read_text("utf-8"))
    assert manifest["requests_files"] == [f.name for f in files] and len(manifest["documents"]) == 5
    results = [run_engine(server, f, tmp_path / f"results{i}.jsonl") for i, f in enumerate(files)]
    assert ingest(tmp_path, *results, manifest=inputs / "requests.manifest.json").exit_code == 0
    assert len(records_in(tmp_path / "out")) == 5
    # a rerun that fits one file leaves no stale parts for a user to submit by mistake
    again = runner.invoke(app, base, env=_env(tmp_path))
    assert again.exit_code == 0 and "5 inputs" in again.output, again.output
    assert requests_in(target) == unsplit and not files[1].exists() and not files[2].exists()


def test_the_byte_limit_splits_between_documents_and_an_oversized_document_is_listed(tmp_path):
    from summarise.batch import discover
    from summarise.batchapi import FileLimits, write_requests

    paths = _variants(tmp_path / "inbox", 4)
    settings = Settings(backend="llm", model="m", context_chars=500)  # several requests per document
    jobs = discover([str(p) for p in paths])
    probe = write_requests(jobs, settings, "auto", tmp_path / "all.jsonl")
    sizes = {}
    for line in (tmp_path / "all.jsonl").read_bytes().splitlines(keepends=True):
        sha = json.loads(line)["custom_id"].split("-")[0]
        sizes[sha] = sizes.get(sha, 0) + len(line)
    assert probe.documents == 4 and len(sizes) == 4 and len(probe.files) == 1
    limit = max(sizes.values()) - 1  # the largest documents (one seed's two variants) fit no file
    too_big = sum(size > limit for size in sizes.values())
    assert 0 < too_big < 4
    summary = write_requests(jobs, settings, "auto", tmp_path / "req.jsonl", FileLimits(bytes=limit))
    assert summary.documents == 4 - too_big and len(summary.failed) == too_big
    assert all("more than one requests file may hold" in f["reason"] for f in summary.failed)
    assert len(summary.files) == 4 - too_big and all(f.stat().st_size <= limit for f in summary.files)
    per_file = [{json.loads(x)["custom_id"].split("-")[0] for x in f.read_bytes().splitlines()} for f in summary.files]
    assert [len(s) for s in per_file] == [1] * (4 - too_big)  # a file each: two would pass the limit


def test_a_resubmit_is_split_like_the_requests(tmp_path):
    from summarise.batchapi import FileLimits, write_resubmit

    pending = [{"custom_id": f"id{i}", "body": {"model": "m", "messages": [{"role": "user", "content": "会议"}]}}
               for i in range(5)]
    files = write_resubmit(pending, tmp_path / "again.jsonl", FileLimits(requests=2))
    assert [f.name for f in files] == ["again.jsonl", "again.2.jsonl", "again.3.jsonl"]
    assert [r["custom_id"] for f in files for r in requests_in(f)] == [p["custom_id"] for p in pending]
