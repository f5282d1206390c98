"""Where outputs cannot be written: a read-only file system, a directory without write permission,
a path under a file, a full disk. One line naming the cause, never a traceback; on a full disk,
what can be written is written and every input is listed with its reason."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from hostile import SEED1, make_batch, summarise

pytestmark = pytest.mark.slow  # each case runs the command in a subprocess, as a user does


@pytest.fixture
def record(tmp_path: Path) -> Path:
    done = summarise("extract", str(SEED1), cwd=tmp_path)
    path = tmp_path / "record.json"
    path.write_text(done.stdout, "utf-8")
    return path


def _outputs_refused(result, where: Path, cause: str) -> None:
    assert result.returncode == 2, result.stderr
    assert cause in result.stderr and str(where) in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_out_on_a_read_only_file_system(tmp_path: Path, small_fs, record: Path) -> None:
    ro = small_fs(64, read_only=True)
    results, manifest = make_batch(tmp_path)
    for args in (["run", str(SEED1), "--out", str(ro / "out")], ["brief", str(record), "-f", "md,html", "-o", str(ro / "notes")],
                 ["ingest", str(results), "--manifest", str(manifest), "--out", str(ro / "out")]):
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
    results, manifest = make_batch(tmp_path)
    for args in (["run", str(SEED1), "--out", str(afile / "sub")], ["run", str(SEED1), "--out", str(afile)],
                 ["brief", str(record), "-f", "md,html", "-o", str(afile / "sub")],
                 ["ingest", str(results), "--manifest", str(manifest), "--out", str(afile / "sub")]):
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


def test_out_on_a_full_disk_lists_every_input(tmp_path: Path, small_fs) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    for i in range(12):
        (inbox / f"doc{i:02}.txt").write_bytes(SEED1.read_bytes() + f"\n\n（第{i}份）\n".encode())
    out = small_fs(160) / "out"
    result = summarise("run", str(inbox), "--out", str(out), "-f", "md,html,json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "no space left on the disk" in result.stderr
    assert "cannot read the file" not in result.stderr  # it is a write, and said so
    # every input is on the console with what happened to it, whatever the reports could hold
    lines = result.stderr.splitlines()
    for i in range(12):
        [line] = [ln for ln in lines if f"doc{i:02}.txt" in ln]
        assert " done " in line or "no space left on the disk" in line, line
    assert any("not processed" in ln for ln in lines)  # stopped spending after the first failed write
    if (out / "summary.json").exists():
        summary = json.loads((out / "summary.json").read_text())
        assert summary["counts"]["done"] + summary["counts"]["failed"] == 12 and summary["counts"]["failed"] >= 1
    else:
        assert f"cannot write {out / 'summary.json'}: no space left on the disk" in result.stderr
    if (out / "errors.jsonl").exists():
        errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
        assert errors and all("no space left on the disk" in e["reason"] for e in errors)
    assert not list(out.glob(".summarise-tmp-*")) and not list((out / ".summarise").glob(".summarise-tmp-*"))


def test_a_full_disk_stops_worker_processes_too(tmp_path: Path, small_fs) -> None:
    """-j 2 over 130 inputs spreads the offline backend over two worker processes: the first failed
    write stops the handing out, as in threads; the rest are listed as not processed."""
    from summarise.run.workers import layout

    n = 130
    if layout(2, n, threads_per_process=1)[0] < 2:
        pytest.skip("one core here: -j runs in this process only")
    inbox = tmp_path / "in"
    inbox.mkdir()
    for i in range(n):
        (inbox / f"doc{i:03}.txt").write_bytes(SEED1.read_bytes() + f"\n\n（第{i}份）\n".encode())
    out = small_fs(160) / "out"
    result = summarise("run", str(inbox), "--out", str(out), "-f", "md,html,json", "-j", "2", "--no-reposts",
                       cwd=tmp_path, timeout=300)
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    for i in range(n):  # every input is on the console with what happened to it
        [line] = [ln for ln in lines if f"doc{i:03}.txt" in ln]
        assert " done " in line or "no space left on the disk" in line, line
    not_processed = [ln for ln in lines if "not processed" in ln]
    assert len(not_processed) > n // 2, f"only {len(not_processed)} of {n} inputs were spared once the disk was full"


def test_a_disk_too_full_for_the_reports_says_so(tmp_path: Path, small_fs) -> None:
    out = small_fs(96) / "out"
    out.mkdir()
    (out / "filler").write_bytes(b"x" * (90 * 1024))  # leaves room to create the directory, not for the notes
    result = summarise("run", str(SEED1), "--out", str(out), "-f", "md,html,json", cwd=tmp_path)
    assert result.returncode in (1, 2), result.stderr
    assert "no space left on the disk" in result.stderr and str(out) in result.stderr


def test_clean_up_removes_only_its_own_stale_temp_files(tmp_path: Path) -> None:
    import os
    import time

    out = tmp_path / "out"
    (out / ".summarise").mkdir(parents=True)
    theirs = out / ".tmp-someone-elses.txt"
    mine_dead = out / ".summarise-tmp-999999999-abc.md"  # a process id that cannot be running
    mine_live = out / f".summarise-tmp-{os.getpid()}-def.md"
    for path in (theirs, mine_dead, mine_live):
        path.write_text("x")
        old = time.time() - 3600
        os.utime(path, (old, old))
    assert summarise("run", str(SEED1), "--out", str(out), cwd=tmp_path).returncode == 0
    assert theirs.exists() and mine_live.exists() and not mine_dead.exists()
