"""An endpoint nobody listens on, or one that never answers, stops a batch after a few inputs in a row,
with one message, instead of failing every input the same way after its retries; a rerun resumes."""
from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path

import httpx2 as httpx  # the HTTP library of the openai SDK installed here
import openai
from typer.testing import CliRunner

from summarise.cli import app
from summarise.run.runner import UNREACHABLE_STOP, RunOptions, cannot_connect, discover, run_batch
from summarise.settings import Settings


def _refused_url() -> str:
    """A 127.0.0.1 port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


def _inputs(tmp_path: Path, seeds_dir: Path, n: int, empty_at: int | None = None) -> list[Path]:
    """n different copies of seed 000 (different content: no shared cache entry), in name order."""
    d = tmp_path / "in"
    d.mkdir()
    seed = (seeds_dir / "000_09f2237585b32c6b.txt").read_text("utf-8")
    paths = []
    for i in range(n):
        path = d / f"{i:02d}.txt"
        path.write_text("" if i == empty_at else f"{seed}\n第{i}份", "utf-8")
        paths.append(path)
    return paths


def _options(tmp_path: Path) -> RunOptions:
    settings = Settings(backend="llm", model="x", base_url=_refused_url(), max_attempts=1,
                        cache_dir=tmp_path / "cache")
    return RunOptions(out=tmp_path / "out", jobs=1, settings=settings)


def test_a_refused_endpoint_stops_the_batch(tmp_path: Path, seeds_dir: Path) -> None:
    _inputs(tmp_path, seeds_dir, 10)
    summary = run_batch(discover([str(tmp_path / "in")]), _options(tmp_path))
    assert summary.failed == UNREACHABLE_STOP and summary.done == 0
    assert summary.stopped and "could not connect to the endpoint" in summary.stopped
    tried = [i for i in summary.items if i.status != "not_reached"]
    assert len(tried) == UNREACHABLE_STOP and all(i.unreachable for i in tried)
    report = json.loads((tmp_path / "out" / "summary.json").read_text("utf-8"))
    assert report["counts"]["not_reached"] == 10 - UNREACHABLE_STOP and report["stopped"] == summary.stopped
    # every input is named: those the stop left out with why, and that a rerun does them
    assert sorted(Path(i["path"]).name for i in report["inputs"]) == [f"{i:02d}.txt" for i in range(10)]
    left = [i for i in report["inputs"] if i["status"] == "not_reached"]
    assert len(left) == 10 - UNREACHABLE_STOP
    assert all("stopped" in i["reason"] and "could not connect" in i["reason"] and "rerun" in i["reason"]
               for i in left)
    assert len((tmp_path / "out" / "errors.jsonl").read_text("utf-8").splitlines()) == UNREACHABLE_STOP


def test_an_endpoint_that_never_answers_stops_the_batch(tmp_path: Path, seeds_dir: Path, fast_backoff) -> None:
    _inputs(tmp_path, seeds_dir, 8)
    with socket.socket() as hung:  # accepts connections (the kernel's backlog) and never answers
        hung.bind(("127.0.0.1", 0))
        hung.listen(16)
        port = hung.getsockname()[1]
        env = {"SUMMARISE_BASE_URL": f"http://127.0.0.1:{port}/v1", "SUMMARISE_MODEL": "x", "SUMMARISE_API_KEY": "",
               "SUMMARISE_TIMEOUT": "0.3", "SUMMARISE_MAX_ATTEMPTS": "1",
               "SUMMARISE_CACHE_DIR": str(tmp_path / "cache"), "SUMMARISE_BACKEND": ""}
        out = tmp_path / "out"
        result = CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--out", str(out), "-j", "1"], env=env)
    assert result.exit_code == 1, result.output
    stop_lines = [line for line in result.stderr.splitlines() if line.startswith("summarise: stopped:")]
    assert len(stop_lines) == 1, result.stderr
    assert f"{UNREACHABLE_STOP} inputs in a row got no answer from the endpoint in time" in stop_lines[0]
    assert "SUMMARISE_TIMEOUT" in stop_lines[0]
    assert f"{8 - UNREACHABLE_STOP} inputs not reached" in stop_lines[0]
    report = json.loads((out / "summary.json").read_text("utf-8"))
    assert report["counts"]["failed"] == UNREACHABLE_STOP and report["counts"]["not_reached"] == 8 - UNREACHABLE_STOP


def test_only_failures_in_a_row_stop_it(tmp_path: Path, seeds_dir: Path) -> None:
    # 00 cannot connect, 01 is empty (its own error: the count starts again), 02-04 cannot connect
    _inputs(tmp_path, seeds_dir, 7, empty_at=1)
    summary = run_batch(discover([str(tmp_path / "in")]), _options(tmp_path))
    tried = [i for i in summary.items if i.status != "not_reached"]
    assert [Path(i.path).name for i in tried] == ["00.txt", "01.txt", "02.txt", "03.txt", "04.txt"]
    assert [i.unreachable for i in tried] == [True, False, True, True, True]
    assert [Path(i.path).name for i in summary.items if i.status == "not_reached"] == ["05.txt", "06.txt"]
    assert summary.stopped


def test_what_counts_as_cannot_connect() -> None:
    request = httpx.Request("POST", "http://127.0.0.1:9/v1/chat/completions")
    refused = openai.APIConnectionError(request=request)
    try:
        raise refused from httpx.ConnectError("[Errno 111] Connection refused")
    except openai.APIConnectionError as exc:
        assert cannot_connect(exc)
    try:
        try:
            raise refused
        except openai.APIConnectionError:
            raise ValueError("wrapped, context kept") from None
    except ValueError as wrapped:
        assert cannot_connect(wrapped)  # summarise's own error raised while handling the SDK's
    try:
        raise openai.APIConnectionError(request=request) from httpx.RemoteProtocolError("peer closed")
    except openai.APIConnectionError as exc:
        assert not cannot_connect(exc)  # the server answered, then broke: not a wrong address
    assert not cannot_connect(openai.APITimeoutError(request=request))
    assert not cannot_connect(ValueError("input is empty"))


def test_the_cli_says_what_to_check_and_a_rerun_resumes(tmp_path: Path, seeds_dir: Path, fast_backoff) -> None:
    _inputs(tmp_path, seeds_dir, 8)
    env = {"SUMMARISE_BASE_URL": _refused_url(), "SUMMARISE_MODEL": "x", "SUMMARISE_API_KEY": "",
           "SUMMARISE_CACHE_DIR": str(tmp_path / "cache"), "SUMMARISE_BACKEND": ""}
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--out", str(out), "-j", "1"], env=env)
    assert result.exit_code == 1, result.output
    stop_lines = [line for line in result.stderr.splitlines() if line.startswith("summarise: stopped:")]
    assert len(stop_lines) == 1
    assert "--backend offline" in stop_lines[0] and "SUMMARISE_BASE_URL" in stop_lines[0]
    assert "5 inputs not reached: rerun the same command to resume" in stop_lines[0]
    assert "Traceback" not in result.output
    # the endpoint is fixed (here: offline) and the same command picks up every input
    again = CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--out", str(out), "--backend", "offline"],
                               env=env)
    assert again.exit_code == 0, again.output
    assert json.loads((out / "summary.json").read_text("utf-8"))["counts"]["done"] == 8
    shutil.rmtree(out)
