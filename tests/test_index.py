"""index.html and summary.json of an output directory: what a reader opens first after `summarise run`."""
from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path

from typer.testing import CliRunner

from summarise.cli import app

runner = CliRunner()
NOT_A_MEETING = "# 资料来源\n\n本目录收录的文章来自各地政府网站，共150余人参与整理，约10%的页面为转载。\n"


def _run(args: list[str], tmp_path: Path, **env: str):  # type: ignore[no-untyped-def]
    base = {"SUMMARISE_BACKEND": "offline", "SUMMARISE_CACHE_DIR": str(tmp_path / "cache")}
    return runner.invoke(app, ["run", *args], env={**base, **env})


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<style.*?</style>", " ", html, flags=re.S))).split())


def _inputs(tmp_path: Path, seeds_dir: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    for seed in sorted(seeds_dir.glob("*.txt")):
        shutil.copy(seed, d / seed.name)
    (d / "SOURCES.md").write_text(NOT_A_MEETING, "utf-8")
    return d


def test_index_links_html_notes_with_readable_rows(tmp_path: Path, seeds_dir: Path) -> None:
    inputs, out = _inputs(tmp_path, seeds_dir), tmp_path / "out"
    result = _run([str(inputs), "--out", str(out)], tmp_path)
    assert result.exit_code == 0, result.output
    html = (out / "index.html").read_text("utf-8")
    links = re.findall(r'<td class="title"><a href="([^"]+)"', html)
    assert links and all(link.endswith(".html") and (out / link).is_file() for link in links)
    text = _text(html)
    # English title where there is one, kind and dates in words, the out-of-scope reason
    assert "2024 Inefficient Village and Town Industrial Park Renovation and Upgrading Work Promotion Meeting" in text
    assert "Meeting report" in text and "Policy lecture" in text and "meeting_report" not in text
    assert "12 November (year not stated)" in text and "--11-12" not in text
    assert "1 August 2024" in text
    assert "no meeting is reported" in text


def test_counts_after_a_rerun_agree_with_summary_json(tmp_path: Path, seeds_dir: Path) -> None:
    inputs, out = _inputs(tmp_path, seeds_dir), tmp_path / "out"
    assert _run([str(inputs), "--out", str(out)], tmp_path).exit_code == 0
    again = _run([str(inputs / "000_09f2237585b32c6b.txt"), "--out", str(out)], tmp_path)
    assert again.exit_code == 0
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["counts"]["total"] == 1 and summary["counts"]["skipped_cached"] == 1
    assert summary["folder"] == {"notes": 3, "kinds": {"meeting_report": 1, "policy_lecture": 1, "other": 1},
                                 "stories": 3, "reposts": 0}
    text = _text((out / "index.html").read_text("utf-8"))
    assert "3 notes in this folder: 1 meeting report · 1 policy lecture · 1 out of scope" in text
    assert "1 input — 0 summarised, 1 already done (unchanged since an earlier run), 0 failed" in text
    assert "完成" not in text and "跳过" not in text


def test_a_page_that_reports_no_meeting_is_done_and_said_to_be_out_of_scope(tmp_path: Path,
                                                                            seeds_dir: Path) -> None:
    inputs, out = _inputs(tmp_path, seeds_dir), tmp_path / "out"
    result = _run([str(inputs / "SOURCES.md"), "--out", str(out)], tmp_path)
    assert result.exit_code == 0, result.output  # out of scope is an answer, not a failure
    assert "(out of scope: no meeting is reported" in result.output
    assert "1 input: 1 done, 0 already done, 0 failed; 1 out of scope (no meeting reported)" in result.output
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["counts"]["out_of_scope"] == 1 and summary["counts"]["failed"] == 0
    assert summary["inputs"][0]["out_of_scope"].startswith("no meeting is reported")
    md = next(out.glob("SOURCES-*.md")).read_text("utf-8")
    assert "Out of scope: no meeting is reported" in md and "Figures cited" not in md


def test_the_backend_is_named_at_the_start(tmp_path: Path, seeds_dir: Path) -> None:
    seed = str(next(seeds_dir.glob("000_*.txt")))
    plain = _run([seed, "--out", str(tmp_path / "a")], tmp_path)
    assert "backend: offline rules (no model)" in plain.output
    base = {"SUMMARISE_CACHE_DIR": str(tmp_path / "cache"), "SUMMARISE_MODEL": "qwen2.5-7b-instruct",
            "SUMMARISE_BASE_URL": "", "OPENAI_BASE_URL": "", "SUMMARISE_API_KEY": "", "OPENAI_API_KEY": ""}
    surprised = runner.invoke(app, ["run", seed, "--out", str(tmp_path / "b"), "-q"], env=base)
    assert surprised.exit_code == 0, surprised.output
    assert "a model is set (qwen2.5-7b-instruct) but no endpoint" in surprised.output  # even with -q
    assert "SUMMARISE_BASE_URL" in surprised.output
    note = next((tmp_path / "b").glob("*.md")).read_text("utf-8")
    assert "offline rules (no model)" in note.split("\n\n")[2]
    endpoint_only = runner.invoke(app, ["run", seed, "--out", str(tmp_path / "c"), "-q"],
                                  env={**base, "SUMMARISE_MODEL": "", "OPENAI_MODEL": "",
                                       "SUMMARISE_BASE_URL": "http://127.0.0.1:9/v1"})
    assert endpoint_only.exit_code == 0, endpoint_only.output
    assert "an endpoint is set (http://127.0.0.1:9/v1) but no model" in endpoint_only.output  # even with -q
