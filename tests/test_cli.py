"""The single-document commands, --help, and usage errors (exit 2, one line, no traceback)."""
from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from sample_records import policy_lecture_001
from summarise.cli import app

runner = CliRunner()
SEED0 = "000_09f2237585b32c6b.txt"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"SUMMARISE_BACKEND": "offline", "SUMMARISE_CACHE_DIR": str(tmp_path / "cache")}


@pytest.mark.parametrize("command", [[], ["run"], ["extract"], ["brief"], ["clean"], ["schema"], ["eval"],
                                     ["cache"], ["cache", "info"], ["cache", "clear"]])
def test_every_command_has_help(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert ("Usage:" in result.output and len(result.output) > 200) or command[:1] == ["cache"]


@pytest.mark.parametrize("args, message", [
    (["run", "seeds", "--format", "pdf"], "bad --format value 'pdf'"),
    (["run", "seeds", "--lang", "fr"], "bad --lang value 'fr'"),
    (["run", "does/not/exist"], "no such file or directory"),
    (["run", "nothing-*.txt"], "no files match"),
    (["run", "seeds", "--backend", "magic"], "bad --backend value"),
    (["run", "seeds", "--backend", "llm"], "needs a model"),
    (["run", "seeds", "--kind", "poem"], "unknown kind 'poem'"),
    (["schema", "poem"], "unknown kind 'poem'"),
    (["extract", "missing.txt"], "no such file"),
    (["extract", "seeds"], "seeds is a directory: `summarise extract` reads one file; `summarise run seeds"),
    (["clean", "seeds/"], "seeds/ is a directory"),
    (["brief", "missing.json"], "no such file"),
    (["clean", "missing.txt"], "no such file"),
    (["eval", "missing-dir"], "no such directory"),
])
def test_usage_errors_exit_2_with_one_line(args: list[str], message: str, env: dict[str, str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    env = {**env, "SUMMARISE_MODEL": "", "OPENAI_MODEL": ""}
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and lines[0].startswith("summarise: error:")
    assert "Traceback" not in result.output


def _socksio_missing() -> bool:
    try:
        import socksio  # noqa: F401
    except ImportError:
        return True
    return False


@pytest.mark.parametrize("proxy, message", [
    pytest.param("socks5://127.0.0.1:1", "pip install socksio", marks=pytest.mark.skipif(
        not _socksio_missing(), reason="socksio is installed here, so the SOCKS proxy works")),
    ("socks4://127.0.0.1:1", "cannot build the HTTP client"),  # a scheme the client does not know
])
@pytest.mark.parametrize("command", ["run", "extract"])
def test_a_proxy_the_client_cannot_use_is_a_usage_error(command: str, proxy: str, message: str, env: dict[str, str],
                                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One line naming the fix, before any work (not a traceback, not a failure per document)."""
    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    target = "seeds" if command == "run" else f"seeds/{SEED0}"
    # a base URL of its own: clients are cached per base URL, key and timeout
    env = {**env, "SUMMARISE_BACKEND": "llm", "SUMMARISE_MODEL": "m", "ALL_PROXY": proxy,
           "SUMMARISE_BASE_URL": f"http://127.0.0.1:2/{command}-{proxy[:6]}/v1"}
    args = [command, target, *(["--out", str(tmp_path / "out")] if command == "run" else [])]
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and lines[0].startswith("summarise: error:")
    assert not (tmp_path / "out").exists() and "Traceback" not in result.output


@pytest.mark.parametrize("args", [["cache", "info"], ["run", "seeds", "--dry-run"],
                                  ["run", "seeds", "--via", "batch-file", "{tmp}/requests.jsonl"]])
def test_commands_that_send_nothing_ignore_the_proxy(args: list[str], env: dict[str, str], tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    env = {**env, "SUMMARISE_BACKEND": "llm", "SUMMARISE_MODEL": "m", "ALL_PROXY": "socks4://127.0.0.1:1",
           "SUMMARISE_BASE_URL": "http://127.0.0.1:2/nothing-sent/v1"}
    result = runner.invoke(app, [a.format(tmp=tmp_path) for a in args], env=env)
    assert result.exit_code == 0, result.output


def test_schema_prints_json_schema() -> None:
    result = runner.invoke(app, ["schema", "policy_lecture"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert "provenance" in schema["properties"] and "figures" in schema["properties"]


def test_extract_prints_a_record(seeds_dir: Path, env: dict[str, str]) -> None:
    result = runner.invoke(app, ["extract", str(seeds_dir / SEED0)], env=env)
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["kind"] == "meeting_report" and record["provenance"]["backend"] == "offline"


def test_extract_bad_input_exits_1_with_reason(tmp_path: Path, env: dict[str, str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["extract", str(empty)], env=env)
    assert result.exit_code == 1
    assert result.stderr == f"summarise: error: {empty}: input is empty\n"  # the path once
    binary = tmp_path / "blob.dat"
    binary.write_bytes(b"\x00\x01" * 100)
    result = runner.invoke(app, ["extract", str(binary)], env=env)
    assert result.stderr == f"summarise: error: {binary}: looks like binary data (NUL bytes), not text\n"
    png = tmp_path / "picture.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    assert "looks like a PNG image, not text" in runner.invoke(app, ["extract", str(png)], env=env).stderr


def test_brief_refuses_a_file_name_for_several_formats(tmp_path: Path) -> None:
    record_file = tmp_path / "note.json"
    record_file.write_text(policy_lecture_001().model_dump_json(), "utf-8")
    result = runner.invoke(app, ["brief", str(record_file), "-f", "md,html", "-o", str(tmp_path / "x.md")])
    assert result.exit_code == 2 and "names a file, but 2 formats were asked for" in result.stderr
    assert not (tmp_path / "x.md").exists()
    bad = tmp_path / "bad.json"
    bad.write_text("{}", "utf-8")
    result = runner.invoke(app, ["brief", str(bad)])
    assert result.exit_code == 1 and "is not a summarise record (record: no 'kind' field saying what it is)" in result.stderr


def test_brief_renders_a_saved_record(tmp_path: Path) -> None:
    record_file = tmp_path / "note.json"
    record_file.write_text(policy_lecture_001().model_dump_json(), "utf-8")
    md = runner.invoke(app, ["brief", str(record_file)])
    assert md.exit_code == 0 and "## English" in md.stdout and "## 中文" in md.stdout
    zh_only = runner.invoke(app, ["brief", str(record_file), "--lang", "zh", "-f", "html"])
    assert zh_only.exit_code == 0 and "<!DOCTYPE html>" in zh_only.stdout
    assert "Benchmarking Shunde" not in zh_only.stdout
    target = tmp_path / "brief.docx"
    out = runner.invoke(app, ["brief", str(record_file), "-f", "docx", "--out", str(target)])
    assert out.exit_code == 0, out.output
    assert docx.Document(io.BytesIO(target.read_bytes())).paragraphs
    several = runner.invoke(app, ["brief", str(record_file), "-f", "md,html", "--out", str(tmp_path / "notes")])
    assert several.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "notes").iterdir()) == ["note.html", "note.md"]
    not_a_record = tmp_path / "other.json"
    not_a_record.write_text('{"hello": 1}', "utf-8")
    bad = runner.invoke(app, ["brief", str(not_a_record)])
    assert bad.exit_code == 1 and "not a summarise record" in bad.stderr


def test_clean_prints_text_and_explains(seeds_dir: Path) -> None:
    result = runner.invoke(app, ["clean", str(seeds_dir / SEED0), "--explain"])
    assert result.exit_code == 0, result.output
    assert "小榄全力冲刺" in result.stdout and "(dāng)" not in result.stdout
    assert "pinyin" in result.stderr and "removed" in result.stderr


def test_eval_scores_a_gold_directory(tmp_path: Path, seeds_dir: Path, env: dict[str, str],
                                      shared_dir: Path) -> None:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    gold = json.loads((shared_dir / "eval" / "gold" / "000_09f2237585b32c6b.json").read_text("utf-8"))
    gold["input"] = str(seeds_dir / SEED0)
    (gold_dir / "000.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    table = runner.invoke(app, ["eval", str(gold_dir)], env=env)
    assert table.exit_code == 0, table.output
    assert "TOTAL" in table.stdout
    as_json = runner.invoke(app, ["eval", str(gold_dir), "--json"], env=env)
    report = json.loads(as_json.stdout)
    assert report["totals"]["files"] == 1 and report["totals"]["errors"] == 0
    assert report["files"][0]["name"] == "000"


def test_eval_scores_saved_records_without_extracting(tmp_path: Path, seeds_dir: Path, env: dict[str, str],
                                                     shared_dir: Path) -> None:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    for seed in sorted(seeds_dir.glob("*.txt")):
        gold = json.loads((shared_dir / "eval" / "gold" / f"{seed.stem}.json").read_text("utf-8"))
        gold["input"] = str(seed)
        (gold_dir / f"{seed.stem}.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    out = tmp_path / "out"
    (tmp_path / "in").mkdir()
    for seed in sorted(seeds_dir.glob("*.txt")):
        shutil.copy(seed, tmp_path / "in" / seed.name)
    # only seed 000 is run: seed 001's input is here but has no record, so it is scored as a failure
    assert runner.invoke(app, ["run", str(tmp_path / "in" / SEED0), "--out", str(out)], env=env).exit_code == 0
    # the gold points at the original seeds: the records match by the article, not by the path it had
    result = runner.invoke(app, ["eval", str(gold_dir), "--records", str(out), "--json"], env=env)
    assert result.exit_code == 1, result.output  # one gold file has no record
    files = {f["name"]: f for f in json.loads(result.stdout)["files"]}
    assert files[SEED0.removesuffix(".txt")]["perfect"] and not files[SEED0.removesuffix(".txt")]["errors"]
    assert "no record of this article" in " ".join(files["001_6b39ea2c5599d977"]["errors"])
    both = runner.invoke(app, ["eval", str(gold_dir), "--records", str(out), "--backend", "offline"], env=env)
    assert both.exit_code == 2 and "do not apply" in both.stderr


def test_eval_with_no_input_here_says_so(tmp_path: Path, env: dict[str, str]) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "x.json").write_text(json.dumps({"input": "../../shared/corpus/x.txt", "kind": "other"}), "utf-8")
    result = runner.invoke(app, ["eval", str(gold)], env=env)
    assert result.exit_code == 2
    assert "the gold file in" in result.stderr and "has no input here" in result.stderr and "../../shared/corpus/x.txt" in result.stderr
    assert "ERROR" not in result.output


def test_cache_info_and_clear(env: dict[str, str]) -> None:
    info = runner.invoke(app, ["cache", "info"], env=env)
    assert info.exit_code == 0 and "entries:" in info.stdout and env["SUMMARISE_CACHE_DIR"] in info.stdout
    cleared = runner.invoke(app, ["cache", "clear", "--yes"], env=env)
    assert cleared.exit_code == 0 and "removed 0 entries" in cleared.stdout


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("summarise ")
