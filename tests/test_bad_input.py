"""Bad input, through `summarise.extract()` and `summarise run`: each produces output or a clear
error naming the file, never a traceback; a batch of all of them accounts for every input.

Inputs are generated in tmp from the seeds: empty, whitespace only, a PNG, one character, UTF-8 cut
inside its last character and inside a character mid-file, the seed article in GB2312, Big5
(OpenCC s2tw) and UTF-16 with a BOM, HTML with no body, a CMS JSON record with HTML inside, a file
name with spaces and Chinese characters, an unreadable file, a dangling symlink, a directory named
like a file, a FIFO; and a 20 MB text file (slow tests at the end).
"""
from __future__ import annotations

import json
import os
import pathlib
import shutil
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarise import ExtractionError, Settings, extract
from summarise.cli import app

REPO = Path(__file__).resolve().parents[1]
SEED1 = REPO / "seeds" / "001_6b39ea2c5599d977.txt"  # policy lecture: lecturer 陈林, chair 周作德
ARTICLE = SEED1.read_text("utf-8")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
runner = CliRunner()


def _cut_last_char(data: bytes) -> bytes:
    """The article cut inside its last multi-byte character (a download that stopped early)."""
    lead = max(i for i, b in enumerate(data) if b >= 0xE0)
    return data[: lead + 2]


def _cut_mid_char(data: bytes) -> bytes:
    """One character in the middle of the file loses its last byte (a damaged copy)."""
    lead = next(i for i in range(len(data) // 2, len(data)) if data[i] >= 0xE0)
    return data[: lead + 2] + data[lead + 3:]


def _legacy(text: str, encoding: str) -> bytes:
    """The article in a legacy codec; no-break spaces become spaces, 昇 (not in GB2312) becomes 升."""
    return text.translate({0xA0: " ", ord("昇"): "升"}).encode(encoding)


def _traditional(text: str) -> str:
    opencc = pytest.importorskip("opencc", reason="OpenCC makes the traditional-script (Big5) copy")
    return opencc.OpenCC("s2tw").convert(text)  # Taiwan forms: all in Big5


def _cms_record(text: str) -> bytes:
    title, _, body = text.partition("\n")
    html = "".join(f"<p>{line.strip()}</p>" for line in body.splitlines() if line.strip())
    return json.dumps({"code": 0, "data": {"id": 8812, "title": title.strip(), "pubDate": "2024-09-27 10:12:00",
                                          "source": "中山产业信息", "content": html}}, ensure_ascii=False).encode()


@dataclass(frozen=True)
class Case:
    name: str                    # file name
    make: Callable[[], bytes]
    expect: str                  # "record": the seed's lecture; "error": a clear error; "either"
    says: str = ""               # a word the error must contain


CASES = [
    Case("empty.txt", lambda: b"", "error", "empty"),
    Case("whitespace.txt", lambda: " \n\t\r\n\u3000\u00a0 \n".encode(), "error", "whitespace"),
    Case("image.png", lambda: PNG, "error", "PNG"),
    Case("one-char.txt", lambda: "会".encode(), "either"),
    Case("one-ascii.txt", lambda: b"x", "either"),
    Case("truncated-end.txt", lambda: _cut_last_char(ARTICLE.encode()), "record"),
    Case("truncated-middle.txt", lambda: _cut_mid_char(ARTICLE.encode()), "either", "decode"),
    Case("gb2312.txt", lambda: _legacy(ARTICLE, "gb2312"), "record"),
    Case("big5.txt", lambda: _legacy(_traditional(ARTICLE), "big5"), "record"),
    Case("utf16-bom.txt", lambda: ARTICLE.encode("utf-16"), "record"),
    Case("no-body.html", lambda: b"<!DOCTYPE html><html><head><meta charset='utf-8'><title></title></head></html>",
         "error", "no article"),
    Case("cms-record.json", lambda: _cms_record(ARTICLE), "record"),
    Case("对标顺德 闯出 新路 (转载).txt", lambda: ARTICLE.encode(), "record"),
]
IDS = [c.name for c in CASES]


@pytest.fixture(scope="module")
def cases_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("cases")
    for case in CASES:
        (d / case.name).write_bytes(case.make())
    return d


@pytest.fixture
def bad_dir(cases_dir: Path, tmp_path: Path) -> Path:
    """A fresh copy of every case file, in a directory whose name has spaces and Chinese characters."""
    return Path(shutil.copytree(cases_dir, tmp_path / "bad inputs 坏输入"))


def _extract(path: Path):
    try:
        return extract(path)
    except ExtractionError as exc:
        return exc


def _check_error(message: str, path: Path, says: str) -> None:
    assert str(path) in message, f"the error does not name the file: {message!r}"
    assert "Traceback" not in message and "\n" not in message.strip()
    assert says.lower() in message.lower(), f"expected {says!r} in {message!r}"


def _check_record(record, case: Case) -> None:
    assert not isinstance(record, Exception), f"{case.name}: expected a record, got {record!r}"
    assert record.kind == "policy_lecture", f"{case.name}: {record.kind}"
    assert record.lecturer is not None and record.lecturer.name == "陈林"
    assert record.chair is not None and record.chair.name == "周作德"
    assert "11.2万亩" in {f.quote for f in record.figures}


# -- through summarise.extract() -----------------------------------------------------------------

@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_extract_gives_a_record_or_a_clear_error_naming_the_file(case: Case, bad_dir: Path) -> None:
    path = bad_dir / case.name
    result = _extract(path)
    if case.expect == "record":
        _check_record(result, case)
    elif case.expect == "error":
        assert isinstance(result, ExtractionError), f"{case.name}: expected an error, got a {result.kind} record"
        _check_error(str(result), path, case.says)
    elif isinstance(result, ExtractionError):
        _check_error(str(result), path, case.says)


def test_encodings_give_the_same_people_as_utf8(bad_dir: Path) -> None:
    utf8 = extract(SEED1)
    want = {p.name for p in utf8.people}
    for name in ("gb2312.txt", "big5.txt", "utf16-bom.txt", "cms-record.json", "truncated-end.txt"):
        assert {p.name for p in extract(bad_dir / name).people} == want, name


def test_one_damaged_character_mid_file_still_gives_the_article(bad_dir: Path) -> None:
    _check_record(_extract(bad_dir / "truncated-middle.txt"), CASES[IDS.index("truncated-middle.txt")])


def _unreadable(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """chmod 000, and where that does not stop reading (root), reads of this path raise EACCES."""
    path.chmod(0)
    if IS_ROOT:
        real = pathlib.Path.read_bytes

        def read_bytes(self: Path) -> bytes:
            if self.name == path.name:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)


@pytest.mark.skipif(IS_ROOT, reason="running as root: chmod 000 does not stop root reading the file "
                    "(test_unreadable_file_simulated covers it)")
def test_unreadable_file_chmod(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(ARTICLE, "utf-8")
    path.chmod(0)
    try:
        _check_error(str(_extract(path)), path, "permission denied")
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(ARTICLE, "utf-8")
    _unreadable(path, monkeypatch)
    result = _extract(path)
    assert isinstance(result, ExtractionError)
    _check_error(str(result), path, "permission denied")


def test_dangling_symlink_and_directory_named_like_a_file(tmp_path: Path) -> None:
    link = tmp_path / "gone.html"
    link.symlink_to(tmp_path / "nowhere.html")
    _check_error(str(_extract(link)), link, "no such file")
    folder = tmp_path / "article.html"
    folder.mkdir()
    _check_error(str(_extract(folder)), folder, "directory")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_is_refused_not_read(tmp_path: Path) -> None:
    """Reading a FIFO with no writer blocks forever; /dev/zero never ends. Both are refused at once."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    box: list[object] = []
    worker = threading.Thread(target=lambda: box.append(_extract(fifo)), daemon=True)
    worker.start()
    worker.join(5)
    if worker.is_alive():  # unblock the reader before failing
        with open(fifo, "wb"):
            pass
        pytest.fail("extract() blocked reading a FIFO")
    _check_error(str(box[0]), fifo, "not a regular file")
    if Path("/dev/zero").exists():
        _check_error(str(_extract(Path("/dev/zero"))), Path("/dev/zero"), "not a regular file")


def test_missing_path_given_as_str_is_an_error(tmp_path: Path) -> None:
    result = _extract(str(tmp_path / "missing.txt"))  # type: ignore[arg-type]
    assert isinstance(result, ExtractionError)


# -- through summarise run -------------------------------------------------------------------------

def _env(tmp_path: Path) -> dict[str, str]:
    return {"SUMMARISE_BACKEND": "offline", "SUMMARISE_CACHE_DIR": str(tmp_path / "cache"),
            "SUMMARISE_MODEL": "", "SUMMARISE_BASE_URL": "", "OPENAI_BASE_URL": "", "OPENAI_API_KEY": "",
            "SUMMARISE_API_KEY": ""}


def _cli(args: list[str], tmp_path: Path):
    result = runner.invoke(app, args, env=_env(tmp_path))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def _accounting(out: Path) -> tuple[dict, list[dict]]:
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]
    return summary, errors


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_run_gives_notes_or_a_clear_error_naming_the_file(case: Case, bad_dir: Path, tmp_path: Path) -> None:
    path = bad_dir / case.name
    out = tmp_path / "out"
    result = _cli(["run", str(path), "--out", str(out), "-f", "md,html,json"], tmp_path)
    assert "Traceback" not in result.output
    summary, errors = _accounting(out)
    assert summary["counts"]["total"] == 1 and summary["counts"]["not_reached"] == 0
    if result.exit_code == 0:
        assert case.expect != "error", f"{case.name} was summarised: {summary['inputs']}"
        item = summary["inputs"][0]
        assert item["status"] == "done" and not errors
        assert all((out / n).is_file() and (out / n).parent == out for n in item["outputs"].values())
        if case.expect == "record":
            record = json.loads((out / item["outputs"]["json"]).read_text("utf-8"))
            assert record["kind"] == "policy_lecture"
            assert {p["name"] for p in record["people"] if "lecturer" in p["roles"]} == {"陈林"}
    else:
        assert result.exit_code == 1 and case.expect != "record", result.output
        assert [e["path"] for e in errors] == [str(path)]
        assert errors[0]["reason"] and "internal error" not in errors[0]["reason"]
        assert case.says.lower() in errors[0]["reason"].lower()
        assert str(path) in result.output  # the console line names the file


def _batch_dir(bad_dir: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """All the regular bad inputs plus an unreadable file, a subdirectory named like a file and a good seed."""
    (bad_dir / "locked.txt").write_text(ARTICLE, "utf-8")
    _unreadable(bad_dir / "locked.txt", monkeypatch)
    (bad_dir / "folder.html").mkdir()
    (bad_dir / "folder.html" / "inside.txt").write_bytes(SEED1.read_bytes())
    return sorted(p for p in bad_dir.rglob("*") if p.is_file())


def test_batch_of_all_bad_inputs_accounts_for_every_input(bad_dir: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    files = _batch_dir(bad_dir, monkeypatch)
    out = tmp_path / "out"
    result = _cli(["run", str(bad_dir), "--out", str(out), "-j", "3", "-f", "md,html,json"], tmp_path)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    summary, errors = _accounting(out)
    status = {i["path"]: i["status"] for i in summary["inputs"]}
    assert sorted(status) == sorted(str(p) for p in files), "an input is missing from summary.json"
    assert summary["counts"]["not_reached"] == 0
    assert summary["counts"]["done"] + summary["counts"]["failed"] == len(files)
    failed = {p for p, s in status.items() if s == "failed"}
    assert {e["path"] for e in errors} == failed and len(errors) == len(failed)
    for e in errors:
        assert e["reason"] and "internal error" not in e["reason"] and "traceback" not in e
        assert e["path"] in result.output
    expected_errors = {str(bad_dir / c.name) for c in CASES if c.expect == "error"} | {str(bad_dir / "locked.txt")}
    assert expected_errors <= failed
    assert not failed & {str(bad_dir / c.name) for c in CASES if c.expect == "record"}
    # a rerun redoes nothing that is done, and reports the same failures
    again = _cli(["run", str(bad_dir), "--out", str(out), "-j", "3", "-f", "md,html,json"], tmp_path)
    summary2, errors2 = _accounting(out)
    assert again.exit_code == 1 and summary2["counts"]["done"] == 0
    assert summary2["counts"]["skipped_cached"] == summary["counts"]["done"]
    assert {e["path"] for e in errors2} == failed


def test_batch_subprocess_console_has_no_traceback(bad_dir: Path, tmp_path: Path) -> None:
    """The real console: stderr of `python -m summarise.cli run` over the bad inputs."""
    out = tmp_path / "out"
    env = {**os.environ, **_env(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "summarise.cli", "run", str(bad_dir), "--out", str(out)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    failed_lines = [line for line in proc.stderr.splitlines() if " failed " in line]
    _, errors = _accounting(out)
    assert len(failed_lines) == len(errors) > 0
    for e in errors:
        assert any(e["path"] in line for line in failed_lines)


def test_batch_reports_special_files_inside_a_directory(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_bytes(SEED1.read_bytes())
    (d / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(d / "pipe.txt")
    out = tmp_path / "out"
    result = _cli(["run", str(d), "--out", str(out)], tmp_path)
    summary, errors = _accounting(out)
    assert summary["counts"]["total"] == 3 and result.exit_code == 1
    assert sorted(Path(e["path"]).name for e in errors) == ["gone.txt", "pipe.txt"]


def test_run_on_a_fifo_says_what_it_is(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = _cli(["run", str(fifo), "--out", str(tmp_path / "out")], tmp_path)
    assert result.exit_code in (1, 2) and str(fifo) in result.output
    assert "no such file" not in result.output.lower()


# -- a file past the input size limit --------------------------------------------------------------

def test_an_input_past_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """Normalising costs ~15-25 bytes of memory per input byte: a huge file is an error naming it,
    not a machine out of memory; the rest of the batch goes on."""
    from summarise.normalise.read import MAX_INPUT

    huge = tmp_path / "整站 dump.html"
    with huge.open("wb") as handle:
        handle.truncate(MAX_INPUT + 1)  # sparse: no disk space, and nothing is read
    _check_error(str(_extract(huge)), huge, "larger than 64 MB")
    result = _extract(b" " * (MAX_INPUT + 1))  # type: ignore[arg-type]
    assert isinstance(result, ExtractionError) and "larger than 64 MB" in str(result)
    out = tmp_path / "out"
    batch = _cli(["run", str(huge), str(SEED1), "--out", str(out)], tmp_path)
    assert batch.exit_code == 1 and "Traceback" not in batch.output
    summary, errors = _accounting(out)
    assert summary["counts"]["done"] == 1 and [e["path"] for e in errors] == [str(huge)]
    assert "split it into its articles" in errors[0]["reason"]


# -- a 20 MB text file ------------------------------------------------------------------------------

def _big_article(size: int) -> bytes:
    """`size` bytes of the seed article's cleaned text, repeated with varied places and dates."""
    from summarise.normalise import normalise

    base = normalise(SEED1).text
    parts, n, i = [], 0, 0
    while n < size:
        part = base.replace("11月12日", f"{i % 12 + 1}月{i % 28 + 1}日").replace("中山市", f"中山市第{i}区")
        parts.append(part)
        n += len(part.encode()) + 2
        i += 1
    return "\n\n".join(parts).encode()[:size]


@pytest.mark.growth
@pytest.mark.slow  # ~2-10 s on 2 cores, ~400 MB of memory
def test_20mb_text_is_normalised_within_a_bounded_time(tmp_path: Path) -> None:
    from summarise.normalise import normalise

    path = tmp_path / "big.txt"
    path.write_bytes(_big_article(20_000_000))
    started = time.perf_counter()
    doc = normalise(path)
    seconds = time.perf_counter() - started
    print(f"normalise 20 MB: {seconds:.1f} s, {len(doc.text):,} characters")
    assert seconds < 60 and len(doc.text) > 5_000_000


@pytest.mark.growth
@pytest.mark.slow
def test_offline_extraction_time_grows_linearly(tmp_path: Path) -> None:
    from growth import cpu_seconds  # CPU time, gc paused, best of two: a busy machine slows both alike

    settings = Settings(backend="offline", max_chars=10_000_000)
    times = []
    for size in (250_000, 1_000_000):
        path = tmp_path / f"big{size}.txt"
        path.write_bytes(_big_article(size))
        times.append(cpu_seconds(lambda p: extract(p, settings=settings), path, repeats=2))
    assert times[1] / times[0] < 10, f"4× the text took {times[1] / times[0]:.1f}× the CPU time ({times})"


@pytest.mark.slow  # ~15 s: the cleaning of 20 MB, then a clear "too long" error (Settings.max_chars)
def test_20mb_file_through_run_gives_output_or_a_clear_error_in_bounded_time(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(_big_article(20_000_000))
    out = tmp_path / "out"
    env = {**os.environ, **_env(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "summarise.cli", "run", str(path), "--out", str(out)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode in (0, 1) and "Traceback" not in proc.stderr
    if proc.returncode == 1:
        assert str(path) in proc.stderr
        assert "more than the limit" in (out / "errors.jsonl").read_text(encoding="utf-8")
