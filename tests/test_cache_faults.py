"""An unusable LLM cache never costs an answer: a full disk, a damaged cache.db, a read-only or
uncreatable directory. Documents are summarised without it after one warning, and `cache clear`
always works. Live against the scripted server (the run is a subprocess, as a user runs it)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from hostile import SEED1, summarise, user_env
from scripted_server import ScriptedServer, load_answer

pytestmark = pytest.mark.slow  # each case runs the command in a subprocess, as a user does

GOOD = {"content": load_answer("seed001_good")}  # 1,000 prompt + 500 completion tokens per answer
NOT_JSON = {"content": '{"kind": "policy_lecture", "people": ['}


@pytest.fixture(scope="module")
def server():
    with ScriptedServer({"good": [GOOD], "never-valid": [NOT_JSON]}) as s:
        yield s


def _inputs(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):  # distinct contents the one scripted answer grounds in
        (folder / f"doc{i}.txt").write_bytes(SEED1.read_bytes() + f"\n\n（第{i}份）\n".encode())
    return folder


def _env(tmp: Path, server, cache: Path, model: str = "good") -> dict[str, str]:
    return user_env(tmp, SUMMARISE_CACHE_DIR=str(cache), SUMMARISE_BASE_URL=server.base_url,
                    SUMMARISE_MODEL=model, SUMMARISE_API_KEY="sk-test", SUMMARISE_MAX_REASKS="1")


def _run(tmp: Path, env: dict[str, str], n: int = 6):
    out = tmp / "out"
    result = summarise("run", str(_inputs(tmp / "in", n)), "--out", str(out), "-j", "3", "--no-reposts", cwd=tmp, env=env)
    return result, json.loads((out / "summary.json").read_text("utf-8"))


def _warned_once(stderr: str) -> None:
    warnings = [ln for ln in stderr.splitlines() if "warning" in ln]
    assert len(warnings) == 1 and "cache" in warnings[0], stderr


def test_a_full_cache_disk_keeps_every_answer(tmp_path: Path, server, small_fs) -> None:
    cache = small_fs(48) / "cache"
    result, summary = _run(tmp_path, _env(tmp_path, server, cache), n=8)
    assert result.returncode == 0, result.stderr
    assert summary["counts"]["done"] == 8 and summary["tokens"]["total"] == 8 * 1500
    _warned_once(result.stderr)


def test_a_damaged_cache_db(tmp_path: Path, server) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "cache.db").write_bytes(b"this is not an SQLite database\n" * 200)
    env = _env(tmp_path, server, cache)
    result, summary = _run(tmp_path, env)
    assert result.returncode == 0 and summary["counts"]["done"] == 6, result.stderr
    _warned_once(result.stderr)
    done = summarise("extract", str(SEED1), cwd=tmp_path, env=env)
    assert done.returncode == 0 and json.loads(done.stdout)["provenance"]["backend"] == "llm"
    info = summarise("cache", "info", cwd=tmp_path, env=env)
    assert info.returncode == 1 and "cannot be opened" in info.stdout
    cleared = summarise("cache", "clear", "--yes", cwd=tmp_path, env=env)
    assert cleared.returncode == 0 and "damaged" in cleared.stdout
    again = summarise("cache", "info", cwd=tmp_path, env=env)
    assert again.returncode == 0 and "entries:   0" in again.stdout


def test_a_read_only_cache_directory(tmp_path: Path, server, small_fs) -> None:
    result, summary = _run(tmp_path, _env(tmp_path, server, small_fs(64, read_only=True) / "cache"))
    assert result.returncode == 0 and summary["counts"]["done"] == 6, result.stderr
    _warned_once(result.stderr)


def test_an_uncreatable_cache_directory(tmp_path: Path, server) -> None:
    (tmp_path / "afile").write_text("x")
    result, summary = _run(tmp_path, _env(tmp_path, server, tmp_path / "afile" / "cache"))
    assert result.returncode == 0 and summary["counts"]["done"] == 6, result.stderr
    _warned_once(result.stderr)


def test_tokens_of_failed_documents_are_counted(tmp_path: Path, server) -> None:
    result, summary = _run(tmp_path, _env(tmp_path, server, tmp_path / "cache", model="never-valid"), n=3)
    assert result.returncode == 1 and summary["counts"]["failed"] == 3
    # two calls each (one re-ask), every one of them paid for
    assert summary["tokens"] == {"prompt": 3 * 2 * 1000, "completion": 3 * 2 * 500, "total": 3 * 2 * 1500}
    assert all(i["tokens"] == 3000 for i in summary["inputs"])
