"""Finding inputs in hostile trees: link loops, links back up the tree, unreadable subdirectories.

Every file is found once, every walk ends, and what cannot be read is listed with its reason
(errors.jsonl), never skipped unseen. Permission cases run where file modes apply (the
`unprivileged` fixture: as root, setpriv drops the capabilities that ignore them)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from hostile import SEED1, summarise, user_env
from summarise.errors import InputError
from summarise.run.runner import UsageError, discover


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """d/a/f.txt, d/b.txt; d/a/up -> .. (a cycle); d/loop1 <-> d/loop2; d/ext -> ../ext (a directory link)."""
    d = tmp_path / "d"
    (d / "a").mkdir(parents=True)
    shutil.copy(SEED1, d / "a" / "f.txt")
    shutil.copy(SEED1, d / "b.txt")
    (d / "a" / "up").symlink_to("..")
    (d / "loop1").symlink_to("loop2")
    (d / "loop2").symlink_to("loop1")
    (tmp_path / "ext").mkdir()
    (tmp_path / "ext" / "g.txt").write_text("镇召开会议。", "utf-8")
    (d / "ext").symlink_to("../ext")
    return d


def test_a_directory_lists_link_loops_with_their_reason(tree: Path) -> None:
    jobs = {Path(j.label).relative_to(tree).as_posix(): j for j in discover([str(tree)])}
    assert sorted(jobs) == ["a/f.txt", "b.txt", "loop1", "loop2"]
    assert "loop" in (jobs["loop1"].problem or "") and "loop" in (jobs["loop2"].problem or "")
    with pytest.raises(InputError, match="loop"):
        jobs["loop1"].read()
    assert jobs["b.txt"].problem is None and jobs["b.txt"].read() == SEED1.read_bytes()


def test_a_glob_through_a_link_cycle_ends_and_finds_each_file_once(tree: Path) -> None:
    found = [Path(j.label).relative_to(tree).as_posix() for j in discover([str(tree / "**" / "*.txt")])]
    assert found == ["a/f.txt", "b.txt", "ext/g.txt"]  # a glob follows directory links, as the shell does
    assert [Path(j.label).name for j in discover([str(tree / "*")])] == ["b.txt", "loop1", "loop2"]


def test_a_glob_matches_like_the_shell(tmp_path: Path) -> None:
    for name in ("x/1.txt", "x/y/2.txt", "x/y/z/3.html", "x/.hidden/4.txt", "x/.5.txt", "w/6.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("会议", "utf-8")

    def names(pattern: str) -> list[str]:
        return [Path(j.label).relative_to(tmp_path).as_posix() for j in discover([str(tmp_path / pattern)])]

    assert names("x/**/*.txt") == ["x/1.txt", "x/y/2.txt"]
    assert names("x/**") == ["x/1.txt", "x/y/2.txt", "x/y/z/3.html"]
    assert names("*/*.txt") == ["w/6.txt", "x/1.txt"]
    assert names("x/.*.txt") == ["x/.5.txt"]
    assert names("x/?/*.txt") == ["x/y/2.txt"]
    with pytest.raises(UsageError, match="no files match"):
        discover([str(tmp_path / "x/*.pdf")])


def test_run_over_an_unreadable_subdirectory_lists_it(tree: Path, unprivileged: list[str]) -> None:
    locked = tree / "locked"
    locked.mkdir()
    shutil.copy(SEED1, locked / "inside.txt")
    locked.chmod(0)
    try:
        out = tree.parent / "out"
        result = summarise("run", str(tree), "--out", str(out), prefix=unprivileged, cwd=tree.parent, timeout=120)
        errors = {Path(e["path"]).name: e["reason"] for e in map(json.loads, (out / "errors.jsonl").read_text().splitlines())}
        summary = json.loads((out / "summary.json").read_text())
    finally:
        locked.chmod(0o755)
    assert result.returncode == 1, result.stderr
    assert "permission denied" in errors["locked"].lower() and "not summarised" in errors["locked"]
    assert "loop" in errors["loop1"] and "loop" in errors["loop2"]
    assert summary["counts"] == {**summary["counts"], "total": 5, "done": 2, "failed": 3}
    assert "locked" in result.stderr
    kinds = {Path(e["path"]).name: e["error"] for e in map(json.loads, (out / "errors.jsonl").read_text().splitlines())}
    assert kinds == {"locked": "InputError", "loop1": "InputError", "loop2": "InputError"}  # README's kinds


@pytest.mark.parametrize("command", ["run", "extract", "clean", "brief"])
def test_a_path_inside_an_unreadable_directory_is_one_line(command: str, tmp_path: Path,
                                                           unprivileged: list[str]) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    shutil.copy(SEED1, locked / "a.txt")
    locked.chmod(0)
    try:
        args = [command, str(locked / "a.txt")] + (["--out", str(tmp_path / "out")] if command == "run" else [])
        result = summarise(*args, prefix=unprivileged, cwd=tmp_path)
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2, result.stderr
    assert "permission denied" in result.stderr and str(locked / "a.txt") in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_glob_over_a_link_cycle_in_run_returns(tree: Path) -> None:
    out = tree.parent / "out"
    result = summarise("run", str(tree / "**" / "*.txt"), "--out", str(out), cwd=tree.parent,
                       env=user_env(tree.parent), timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads((out / "summary.json").read_text())["counts"]["done"] == 3  # a/f.txt, b.txt, ext/g.txt


def test_an_earlier_runs_output_inside_the_inputs_is_not_an_input(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SEED1, inbox / "a.txt")
    first = summarise("run", str(inbox), "--out", str(inbox / "briefings"), "-f", "md,html,json", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert len(list((inbox / "briefings").glob("*.md"))) == 1
    assert [Path(j.label).name for j in discover([str(inbox)])] == ["a.txt"]
    assert [Path(j.label).name for j in discover([str(inbox / "**" / "*")])] == ["a.txt"]
    second = summarise("run", str(inbox), "--out", str(tmp_path / "elsewhere"), cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert json.loads((tmp_path / "elsewhere" / "summary.json").read_text())["counts"]["total"] == 1
    # a directory that merely contains notes, not an earlier run's state, is walked as before
    (inbox / "notes").mkdir()
    shutil.copy(SEED1, inbox / "notes" / "b.txt")
    assert sorted(Path(j.label).name for j in discover([str(inbox)])) == ["a.txt", "b.txt"]


def test_a_mistyped_path_beside_good_ones_is_listed_and_the_rest_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = summarise("run", str(SEED1), str(tmp_path / "nope.txt"), str(tmp_path / "*.pdf"), "--out", str(out),
                       cwd=tmp_path)
    assert result.returncode == 1, result.stderr  # something failed, but the batch ran
    report = json.loads((out / "summary.json").read_text("utf-8"))
    assert report["counts"]["done"] == 1 and report["counts"]["failed"] == 2
    reasons = sorted(json.loads(line)["reason"] for line in (out / "errors.jsonl").read_text("utf-8").splitlines())
    assert reasons[0].startswith("no files match") and reasons[1].startswith("no such file or directory")


def test_only_unreadable_paths_named_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file or directory"):
        discover([str(tmp_path / "nope.txt"), str(tmp_path / "also-not.txt")])
    assert [j.problem for j in discover([str(SEED1), str(tmp_path / "nope.txt")])] == [
        None, f"no such file or directory: {tmp_path / 'nope.txt'}"]
