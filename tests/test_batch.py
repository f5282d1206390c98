"""Batch runs: valid inputs summarised, bad ones in errors.jsonl, reruns skip, killed runs resume."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarise.cli import app
from summarise.run.runner import STATE_DIR, RunOptions, discover, output_stem, plan, run_batch, slugify
from summarise.settings import Settings

runner = CliRunner()
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def _offline_env(tmp_path: Path) -> dict[str, str]:
    """Environment for a run that must not reach any endpoint and must not touch the user's cache."""
    return {"SUMMARISE_BACKEND": "offline", "SUMMARISE_CACHE_DIR": str(tmp_path / "cache"),
            "SUMMARISE_API_KEY": "sk-test-secret-never-written"}


def _gb2312_copy(seed: Path) -> bytes:
    """Seed 001's article body (before the related-articles list) encoded as GB2312."""
    text = seed.read_text("utf-8").split("相关文章")[0]
    kept = "".join(ch for ch in text if _encodable(ch))
    return kept.encode("gb2312")


def _encodable(ch: str) -> bool:
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


@pytest.fixture
def inputs(tmp_path: Path, seeds_dir: Path) -> Path:
    """Two seeds, an empty file, a PNG, a GB2312 copy of seed 001, and a hidden file."""
    d = tmp_path / "in"
    (d / "nested").mkdir(parents=True)
    for seed in sorted(seeds_dir.glob("*.txt")):
        shutil.copy(seed, d / seed.name)
    (d / "empty.txt").write_bytes(b"")
    (d / "nested" / "picture.png").write_bytes(PNG + bytes(range(256)) * 4)
    (d / "nested" / "001-gb2312.txt").write_bytes(_gb2312_copy(seeds_dir / "001_6b39ea2c5599d977.txt"))
    (d / ".hidden.txt").write_text("不应处理", "utf-8")
    return d


def _run(args: list[str], tmp_path: Path):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["run", *args], env=_offline_env(tmp_path))


def test_batch_summarises_valid_inputs_and_lists_bad_ones(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _run([str(inputs), "--out", str(out), "-f", "md,html,json"], tmp_path)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output

    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]
    failed = {Path(e["path"]).name for e in errors}
    assert failed == {"empty.txt", "picture.png"}
    for e in errors:
        assert e["error"] and e["reason"] and "Traceback" not in e["reason"] and "traceback" not in e

    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["counts"] == {"total": 5, "done": 3, "failed": 2, "skipped_cached": 0, "not_reached": 0,
                                 "out_of_scope": 0}
    assert summary["backend"]["used"] == {"offline": 3}
    done = [i for i in summary["inputs"] if i["status"] == "done"]
    for item in done:
        for fmt, name in item["outputs"].items():
            assert (out / name).is_file() and name.endswith("." + fmt)
            assert "/" not in name and not name.startswith(".")
    # the GB2312 copy decoded into the same article as the UTF-8 seed
    gb = next(i for i in done if i["path"].endswith("001-gb2312.txt"))
    record = json.loads((out / gb["outputs"]["json"]).read_text("utf-8"))
    assert record["kind"] == "policy_lecture" and "中山" in record["headline"]["zh"]

    index = (out / "index.html").read_text("utf-8")
    for item in done:
        assert f'href="{item["outputs"]["html"]}"' in index
    assert "empty.txt" in index and "picture.png" in index
    everything = "".join(p.read_text("utf-8", "replace") for p in out.rglob("*") if p.is_file())
    assert "sk-test-secret-never-written" not in everything
    assert ".hidden" not in json.dumps(summary)

    # a second run skips everything that is done (the bad inputs fail again, quickly)
    again = _run([str(inputs), "--out", str(out), "-f", "md,html,json"], tmp_path)
    assert again.exit_code == 1
    summary2 = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary2["counts"]["done"] == 0 and summary2["counts"]["skipped_cached"] == 3
    assert summary2["counts"]["failed"] == 2

    # --force redoes them
    forced = _run([str(inputs), "--out", str(out), "-f", "md,html,json", "--force"], tmp_path)
    assert forced.exit_code == 1
    assert json.loads((out / "summary.json").read_text("utf-8"))["counts"]["done"] == 3


def test_all_good_inputs_exit_zero_and_other_formats_rerender(tmp_path: Path, seeds_dir: Path) -> None:
    out = tmp_path / "out"
    first = _run([str(seeds_dir), "--out", str(out)], tmp_path)
    assert first.exit_code == 0, first.output
    assert sorted(p.suffix for p in out.glob("000_*")) == [".html", ".json", ".md"]  # the default
    # asking for more formats re-renders from the saved record instead of extracting again
    second = _run([str(seeds_dir), "--out", str(out), "-f", "docx"], tmp_path)
    assert second.exit_code == 0
    counts = json.loads((out / "summary.json").read_text("utf-8"))["counts"]
    assert counts["done"] == 0 and counts["skipped_cached"] == 2
    assert sorted(p.suffix for p in out.glob("000_*")) == [".docx", ".html", ".json", ".md"]
    index = (out / "index.html").read_text("utf-8")
    assert index.count(".docx") == 2 and index.count(".md\"") == 2  # earlier formats stay listed


def test_corpus_batch(shared_dir: Path, tmp_path: Path, seeds_dir: Path) -> None:
    d = tmp_path / "corpus"
    d.mkdir()
    articles = [p for p in sorted((shared_dir / "corpus").iterdir()) if p.is_file() and p.name != "SOURCES.md"]
    for p in articles + sorted(seeds_dir.glob("*.txt")):
        shutil.copy(p, d / p.name)
    (d / "empty.html").write_bytes(b"")
    (d / "image.png").write_bytes(PNG)
    out = tmp_path / "out"
    result = _run([str(d), "--out", str(out), "-j", "2"], tmp_path)
    assert result.exit_code == 1, result.output
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["counts"]["done"] == len(articles) + 2
    assert summary["counts"]["failed"] == 2
    failed = {Path(json.loads(line)["path"]).name for line in (out / "errors.jsonl").read_text("utf-8").splitlines()}
    assert failed == {"empty.html", "image.png"}


def _manifests(state: Path) -> list[Path]:
    """Finished inputs' manifests (a killed run may leave a hidden .summarise-tmp-* file behind)."""
    return [p for p in state.glob("*.json") if not p.name.startswith(".")]


@pytest.mark.slow  # two subprocess runs over 60 inputs: about 5 s on 2 cores
def test_killed_run_resumes_without_redoing_finished_work(tmp_path: Path, seeds_dir: Path) -> None:
    d = tmp_path / "many"
    d.mkdir()
    seeds = sorted(seeds_dir.glob("*.txt"))
    n = 60
    for i in range(n):
        seed = seeds[i % 2]
        (d / f"{seed.stem}_{i:02d}.txt").write_text(seed.read_text("utf-8") + f"\n\n(第{i}期)\n", "utf-8")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "summarise.cli", "run", str(d), "--out", str(out), "-f", "md,html,json"]
    env = {**os.environ, **_offline_env(tmp_path)}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    state = out / STATE_DIR
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if state.is_dir() and len(_manifests(state)) >= 3:
            break
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    finished = {p.name: p.stat().st_mtime_ns for p in _manifests(state)}
    assert 0 < len(finished) < n, "the run must be killed midway for this test to mean anything"

    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["counts"]["done"] + summary["counts"]["skipped_cached"] == n
    assert summary["counts"]["skipped_cached"] == len(finished)
    for name, mtime in finished.items():  # finished work was not redone
        assert (state / name).stat().st_mtime_ns == mtime
    assert len(_manifests(state)) == n
    assert len([p for p in out.glob("*.html") if p.name != "index.html"]) == n


def test_discover_files_dirs_globs_and_hidden(inputs: Path, tmp_path: Path) -> None:
    jobs = discover([str(inputs)])
    names = sorted(j.path.name for j in jobs if j.path)
    assert ".hidden.txt" not in names and len(names) == 5
    globbed = discover([str(inputs / "*.txt")])
    assert sorted(j.path.name for j in globbed if j.path) == sorted(
        p.name for p in inputs.glob("*.txt") if not p.name.startswith("."))
    # the output directory inside an input directory is never read back as input
    out = inputs / "out"
    out.mkdir()
    (out / "note.md").write_text("x", "utf-8")
    assert all(j.path and "out" not in j.path.parts for j in discover([str(inputs)], exclude=out))
    with pytest.raises(ValueError, match="no such file"):
        discover([str(tmp_path / "missing")])


@pytest.mark.parametrize("stem", ["../../etc/passwd", "a/b\\c", "..", ".hidden", "标题:<script>", "", "  "])
def test_output_names_cannot_escape(stem: str) -> None:
    name = output_stem(stem, "ab" * 32)
    assert "/" not in name and "\\" not in name and ".." not in name and not name.startswith(".")
    assert name.endswith("-" + "ab" * 5)
    assert slugify("小榄 全力/冲刺") == "小榄-全力-冲刺"


def test_stdin_input(tmp_path: Path, seeds_dir: Path) -> None:
    out = tmp_path / "out"
    data = (seeds_dir / "000_09f2237585b32c6b.txt").read_bytes()
    result = runner.invoke(app, ["run", "-", "--out", str(out)], input=data, env=_offline_env(tmp_path))
    assert result.exit_code == 0, result.output
    assert len(list(out.glob("stdin-*.md"))) == 1


def test_run_batch_api_with_failing_extractor(tmp_path: Path, seeds_dir: Path) -> None:
    """An unexpected exception in one document is recorded (with its traceback in errors.jsonl only)."""
    def boom(source: object, **_: object) -> None:
        raise RuntimeError("backend exploded")

    options = RunOptions(out=tmp_path / "out", settings=Settings(backend="offline", cache_dir=tmp_path / "c"))
    summary = run_batch(discover([str(seeds_dir)]), options, extractor=boom)
    assert summary.failed == 2 and summary.exit_code == 1
    line = json.loads((tmp_path / "out" / "errors.jsonl").read_text("utf-8").splitlines()[0])
    assert line["error"] == "RuntimeError" and "backend exploded" in line["reason"]
    assert "Traceback" in line["traceback"]


def test_dry_run_writes_nothing_and_estimates(tmp_path: Path, seeds_dir: Path, inputs: Path) -> None:
    out = tmp_path / "out"
    result = _run([str(inputs), "--out", str(out), "--dry-run"], tmp_path)
    assert result.exit_code == 0, result.output
    assert not out.exists()
    # the GB2312 copy of seed 001 is a repost of it: no call of its own
    assert "2 to process, 1 reposts (no call)" in result.output and "2 would fail" in result.output
    items = plan(discover([str(seeds_dir)]), RunOptions(out=out, settings=Settings(backend="offline")),
                 lambda text: len(text))
    assert all(i.action == "process" and i.tokens == i.chars > 500 for i in items)
