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
from typer.testing import CliRunner

from scripted_server import ScriptedServer, load_answer
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


@pytest.mark.parametrize("fault, reason", [
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
    elsewhere = tmp_path / "elsewhere" / "requests.2.jsonl"  # an article that only shares a part's name
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(SEEDS[1].read_bytes() + "\n（另一份）\n".encode())
    base = ["run", str(inputs), str(elsewhere), "--via", "batch-file", str(target), "--model", "m",
            "--base-url", server.base_url, "--no-reposts"]  # the variants are copies of two articles
    whole = runner.invoke(app, base, env=_env(tmp_path))
    assert whole.exit_code == 0, whole.output
    unsplit = requests_in(target)
    result = runner.invoke(app, [*base, "--file-requests", "2"], env=_env(tmp_path))
    assert result.exit_code == 0, result.output
    files = [target, inputs / "requests.2.jsonl", inputs / "requests.3.jsonl"]
    assert "6 inputs: 6 documents → 6 requests in" in result.output and "each of the 3 files" in result.output
    assert [len(requests_in(f)) for f in files] == [2, 2, 2]
    assert [r for f in files for r in requests_in(f)] == unsplit  # the same requests, in order, each once
    manifest = json.loads((inputs / "requests.manifest.json").read_text("utf-8"))
    assert manifest["requests_files"] == [f.name for f in files] and len(manifest["documents"]) == 6
    assert [r["file"] for d in manifest["documents"] for r in d["requests"]] == [f.name for f in files for _ in "ab"]
    results = [run_engine(server, f, tmp_path / f"results{i}.jsonl") for i, f in enumerate(files)]
    # one part's results forgotten: its documents fail, naming the file
    partial = ingest(tmp_path, *results[:2], manifest=inputs / "requests.manifest.json")
    assert partial.exit_code == 1 and "it was in requests.3.jsonl" in partial.output
    assert ingest(tmp_path, *results, manifest=inputs / "requests.manifest.json").exit_code == 0
    assert len(records_in(tmp_path / "out")) == 6
    # a rerun that fits one file leaves no stale parts for a user to submit by mistake
    again = runner.invoke(app, base, env=_env(tmp_path))
    assert again.exit_code == 0 and "6 inputs" in again.output, again.output
    assert requests_in(target) == unsplit and not files[1].exists() and not files[2].exists()


def test_the_byte_limit_splits_between_documents_and_an_oversized_document_is_listed(tmp_path):
    from summarise.run.batch_files import FileLimits, write_requests
    from summarise.run.runner import discover

    paths = _variants(tmp_path / "inbox", 4)
    settings = Settings(backend="llm", model="m", context_chars=500)  # several requests per document
    jobs = discover([str(p) for p in paths])
    probe = write_requests(jobs, settings, "auto", tmp_path / "all.jsonl", reposts=False)
    sizes = {}
    for line in (tmp_path / "all.jsonl").read_bytes().splitlines(keepends=True):
        sha = json.loads(line)["custom_id"].split("-")[0]
        sizes[sha] = sizes.get(sha, 0) + len(line)
    assert probe.documents == 4 and len(sizes) == 4 and len(probe.files) == 1
    limit = max(sizes.values()) - 1  # the largest documents (one seed's two variants) fit no file
    too_big = sum(size > limit for size in sizes.values())
    assert 0 < too_big < 4
    summary = write_requests(jobs, settings, "auto", tmp_path / "req.jsonl", FileLimits(bytes=limit), reposts=False)
    assert summary.documents == 4 - too_big and len(summary.failed) == too_big
    assert all("more than one requests file may hold" in f["reason"] for f in summary.failed)
    assert len(summary.files) == 4 - too_big and all(f.stat().st_size <= limit for f in summary.files)
    per_file = [{json.loads(x)["custom_id"].split("-")[0] for x in f.read_bytes().splitlines()} for f in summary.files]
    assert [len(s) for s in per_file] == [1] * (4 - too_big)  # a file each: two would pass the limit


def test_a_resubmit_is_split_like_the_requests(tmp_path):
    from summarise.run.batch_files import FileLimits, write_resubmit

    pending = [{"custom_id": f"id{i}", "body": {"model": "m", "messages": [{"role": "user", "content": "会议"}]}}
               for i in range(5)]
    files = write_resubmit(pending, tmp_path / "again.jsonl", FileLimits(requests=2))
    assert [f.name for f in files] == ["again.jsonl", "again.2.jsonl", "again.3.jsonl"]
    assert [r["custom_id"] for f in files for r in requests_in(f)] == [p["custom_id"] for p in pending]
    assert write_resubmit(pending[:1], tmp_path / "again.jsonl", FileLimits(requests=2)) == files[:1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["again.jsonl"]  # the stale parts are gone


def _sizes(path: Path) -> list[int]:
    return [len(line) for line in path.read_bytes().splitlines(keepends=True)]


def test_a_file_holds_exactly_its_limit_and_file_mb_counts_megabytes(server, tmp_path):
    from summarise.run.batch_files import FileLimits, write_requests
    from summarise.run.runner import discover

    paths = _variants(tmp_path / "inbox", 4)
    jobs = discover([str(p) for p in paths])
    settings = Settings(backend="llm", model="m")
    write_requests(jobs, settings, "auto", tmp_path / "all.jsonl", reposts=False)
    sizes = _sizes(tmp_path / "all.jsonl")  # one request per document
    two = sizes[0] + sizes[1]
    exact = write_requests(jobs, settings, "auto", tmp_path / "exact.jsonl", FileLimits(bytes=two), reposts=False)
    assert _sizes(exact.files[0]) == sizes[:2]  # exactly at the limit: both fit
    alone = write_requests(jobs[:1], settings, "auto", tmp_path / "one.jsonl", FileLimits(requests=1, bytes=sizes[0]),
                           reposts=False)
    assert alone.documents == 1 and not alone.failed  # a document exactly as big as a file may be
    # --file-mb is 10^6 bytes: one byte under two documents leaves one per file
    result = runner.invoke(app, ["run", *map(str, paths), "--via", "batch-file", str(tmp_path / "mb.jsonl"), "--no-reposts",
                                 "--model", "m", "--file-mb", f"{(two - 1) / 1e6:.6f}"], env=_env(tmp_path))
    assert result.exit_code == 0, result.output
    assert "each of the 4 files" in result.output and len(requests_in(tmp_path / "mb.4.jsonl")) == 1
    no_via = runner.invoke(app, ["run", *map(str, paths), "--file-requests", "2", "--model", "m"], env=_env(tmp_path))
    assert no_via.exit_code == 2 and "give that too" in no_via.output


def test_a_disk_error_replaces_no_requests_file(tmp_path):
    """A full disk (here a file size limit) mid-file: a clear error, the earlier files untouched, no
    torn line shipped, no temp files left."""
    import resource
    import subprocess
    import sys

    paths = _variants(tmp_path / "inbox", 6)
    target = tmp_path / "requests.jsonl"
    earlier = '{"custom_id": "earlier", "method": "POST", "url": "/v1/chat/completions", "body": {}}\n'
    target.write_text(earlier)  # an earlier run's files (only files of their kind may be replaced)
    (tmp_path / "requests.manifest.json").write_text('{"documents": [], "requests_files": []}')

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))  # Python turns SIGXFSZ into EFBIG

    proc = subprocess.run([sys.executable, "-m", "summarise.cli", "run", *map(str, paths), "--via", "batch-file",
                           str(target), "--model", "m", "--no-reposts"], capture_output=True, text=True, preexec_fn=limit,
                          env={**__import__("os").environ, **_env(tmp_path)}, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert "cannot write" in proc.stderr and "no requests file was replaced" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert target.read_text() == earlier
    assert (tmp_path / "requests.manifest.json").read_text() == '{"documents": [], "requests_files": []}'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inbox", "requests.jsonl", "requests.manifest.json"]


@pytest.mark.parametrize("failure", ["interrupt", "write"])
def test_a_write_that_stops_midway_replaces_nothing(tmp_path, monkeypatch, failure):
    """Ctrl-C in the middle, or a write error the file's close does not repeat (space freed in between):
    the earlier files stay as they were, and no torn line is shipped."""
    from summarise.run.batch_files import FileLimits, OutputError, _Parts, write_requests
    from summarise.run.runner import discover

    jobs = discover([str(p) for p in _variants(tmp_path / "inbox", 5)])
    out = tmp_path / "requests.jsonl"
    for path in (out, tmp_path / "requests.2.jsonl", tmp_path / "requests.3.jsonl"):
        path.write_text(f"earlier {path.name}\n")
    real, calls = _Parts.write, []

    def stopping(self, lines):
        calls.append(1)
        if len(calls) == 3:
            if failure == "interrupt":
                raise KeyboardInterrupt
            self._handle.write(lines[0][:100].encode())  # part of a line went out, then the disk filled
            raise OutputError("cannot write requests.2.jsonl: No space left on device")
        return real(self, lines)

    monkeypatch.setattr(_Parts, "write", stopping)
    with pytest.raises(KeyboardInterrupt if failure == "interrupt" else OutputError):
        write_requests(jobs, Settings(backend="llm", model="m"), "auto", out, FileLimits(requests=2), reposts=False)
    assert len(calls) == 3  # it stopped at the failure, not carrying on past a torn line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inbox", "requests.2.jsonl", "requests.3.jsonl",
                                                          "requests.jsonl"]
    assert all(p.read_text() == f"earlier {p.name}\n" for p in tmp_path.glob("requests*"))


def test_the_manifest_is_written_before_the_requests_are_put_in_place(tmp_path):
    """If the manifest cannot be written, the requests stay as they were: a new requests file never
    sits beside an old manifest (whose documents it would not match)."""
    from summarise.run.batch_files import OutputError, write_requests
    from summarise.run.runner import discover

    jobs = discover([str(p) for p in _variants(tmp_path / "inbox", 2)])
    out = tmp_path / "requests.jsonl"
    out.write_text("earlier\n")
    (tmp_path / "requests.manifest.json").mkdir()  # a manifest that cannot be replaced
    with pytest.raises(OutputError, match=r"requests.manifest.json"):
        write_requests(jobs, Settings(backend="llm", model="m"), "auto", out, reposts=False)
    assert out.read_text() == "earlier\n" and not list(tmp_path.glob(".summarise-tmp-*"))


def test_an_interrupted_ingest_keeps_the_complete_resubmit_file(server, tmp_path, monkeypatch):
    from summarise.run.batch_files import Ingest

    requests = write_batch(tmp_path, server, "m-hallucinating")
    results = run_engine(server, requests, tmp_path / "results.jsonl")
    resubmit = tmp_path / "again.jsonl"
    manifest = tmp_path / "requests.manifest.json"
    assert ingest(tmp_path, results, manifest=manifest, extra=("--resubmit", str(resubmit))).exit_code == 0
    complete = resubmit.read_bytes()
    assert len(requests_in(resubmit)) == 1
    real = Ingest.__call__

    def interrupted(self, source, **kw):  # Ctrl-C while the first document is read
        if Path(str(source)) == SEEDS[0]:
            raise KeyboardInterrupt
        return real(self, source, **kw)

    monkeypatch.setattr(Ingest, "__call__", interrupted)
    result = ingest(tmp_path, results, manifest=manifest, extra=("--resubmit", str(resubmit)))
    assert result.exit_code == 130 and "interrupted" in result.output
    assert resubmit.read_bytes() == complete
    summary = json.loads((tmp_path / "out/summary.json").read_text("utf-8"))
    assert summary["interrupted"] and summary["ingest"]["resubmit_files"] == []


def test_the_wrong_file_given_to_ingest_is_named_for_what_it_is(server, tmp_path):
    target = write_batch(tmp_path, server, "good")
    manifest = tmp_path / "requests.manifest.json"
    result = ingest(tmp_path, target, manifest=manifest)  # the requests file instead of the results
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"summarise: error: {target}: line 1 is a request, not a result: give ingest "
                                     "the file the engine wrote back (its output), not the requests file")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    result = ingest(tmp_path, empty, manifest=manifest)
    assert result.exit_code == 2 and f"no result lines in {empty}: it is empty" in result.stderr
    garbage = tmp_path / "garbage.jsonl"
    garbage.write_text("<html>502 Bad Gateway</html>\n{\"id\": 1}\n")
    result = ingest(tmp_path, garbage, manifest=manifest)
    assert result.exit_code == 2 and f"no result lines in {garbage}: none of its lines" in result.stderr
    assert "HTTP None" not in result.output and "grounding" not in result.output
    assert not (tmp_path / "out").exists()
