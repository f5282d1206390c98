"""Where outputs cannot be written: a read-only file system, a directory without write permission,
a path under a file, a full disk. One line naming the cause, never a traceback; on a full disk,
what can be written is written and every input is listed with its reason."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from hostile import SEED1, summarise


@pytest.fixture
def record(tmp_path: Path) -> Path:
    done = summarise("extract", str(SEED1), cwd=tmp_path)
    path = tmp_path / "record.json"
    path.write_text(done.stdout, "utf-8")
    return path


def _outputs_refused(result, where: Path, cause: str) -> None:  # noqa: ANN001
    assert result.returncode == 2, result.stderr
    assert cause in result.stderr and str(where) in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_out_on_a_read_only_file_system(tmp_path: Path, small_fs, record: Path) -> None:  # noqa: ANN001
    ro = small_fs(64, read_only=True)
    for args in (["run", str(SEED1), "--out", str(ro / "out")], ["brief", str(record), "-f", "md,html", "-o", str(ro / "notes")],
                 ["ingest", str(record), "--manifest", str(record), "--out", str(ro / "out")]):
        _outputs_refused(summarise(*args, cwd=tmp_path), ro / ("notes" if args[0] == "brief" else "out"),
                         "read-only file system")
    done = summarise("brief", str(record), "-f", "html", "-o", str(ro / "note.html"), cwd=tmp_path)
    assert done.returncode == 1 and "read-only file system" in done.stderr and str(ro / "note.html") in done.stderr


def test_out_without_write_permission(tmp_path: Path, unprivileged: list[str]) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        for out in (locked, locked / "sub"):
            _outputs_refused(summarise("run", str(SEED1), "--out", str(out), prefix=unprivileged, cwd=tmp_path),
                             out, "permission denied")
    finally:
        locked.chmod(0o755)


def test_out_under_a_file(tmp_path: Path, record: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("x")
    for args in (["run", str(SEED1), "--out", str(afile / "sub")], ["run", str(SEED1), "--out", str(afile)],
                 ["brief", str(record), "-f", "md,html", "-o", str(afile / "sub")],
                 ["ingest", str(record), "--manifest", str(record), "--out", str(afile / "sub")]):
        result = summarise(*args, cwd=tmp_path)
        assert result.returncode == 2 and str(afile) in result.stderr, result.stderr
        assert "not a directory" in result.stderr or "is a file" in result.stderr, result.stderr


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    shutil.copy(SEED1, inbox / "ok.txt")
    with (inbox / "huge.txt").open("wb") as f:  # sparse: 3 GB of size, no disk used
        f.truncate(3 * 2**30)
    # under a 1.5 GB address-space limit: reading the file whole would fail (MemoryError)
    limit = ["prlimit", f"--as={1536 * 2**20}"] if shutil.which("prlimit") else []
    result = summarise("run", str(inbox), "--out", str(tmp_path / "out"), prefix=limit, cwd=tmp_path, timeout=120)
    assert result.returncode == 1, result.stderr
    errors = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert [Path(e["path"]).name for e in errors] == ["huge.txt"] and "3,072 MB" in errors[0]["reason"]
