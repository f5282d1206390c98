"""The Makefile's setup: a too-old Python is refused with the fix, and a .venv made by another Python
is rebuilt instead of reused. Stand-in interpreters (shell scripts that log their calls) play the
Pythons, so nothing is installed."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")

FAKE = """#!/bin/sh
# a stand-in Python {version}: answers the Makefile's version probes, logs everything else
echo "$0 $*" >> "{log}"
case "$*" in
  --version) echo "Python {version}.0" ;;
  *"sys.version_info < (3, 11)"*) [ "{version}" != "3.10" ] || exit 1 ;;
  *"sys.version_info[:2]"*) echo "{version}" ;;
  "-m venv "*) mkdir -p "$3/bin" && cp "$0" "$3/bin/python" ;;
esac
exit 0
"""


def _python(where: Path, version: str, log: Path) -> Path:
    where.mkdir(parents=True, exist_ok=True)
    path = where / f"python{version}"
    path.write_text(FAKE.format(version=version, log=log))
    path.chmod(0o755)
    return path


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "clone"
    project.mkdir()
    shutil.copy(REPO / "Makefile", project)
    shutil.copy(REPO / "pyproject.toml", project)
    return project


def _make(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["make", "-s", "-C", str(project), *args], capture_output=True, text=True, timeout=60)


def test_an_old_python_is_refused_with_the_fix(tmp_path: Path) -> None:
    project, log = _project(tmp_path), tmp_path / "log"
    old = _python(tmp_path / "bin", "3.10", log)
    result = _make(project, "demo", f"PYTHON={old}")
    assert result.returncode != 0
    assert "summarise needs Python 3.11 or later" in result.stderr and "Python 3.10.0" in result.stderr
    assert "make demo PYTHON=python3.11" in result.stderr
    assert not (project / ".venv").exists()  # nothing half-made to trip over next time


def test_a_venv_from_another_python_is_rebuilt(tmp_path: Path) -> None:
    project, log = _project(tmp_path), tmp_path / "log"
    old, new = _python(tmp_path / "old", "3.10", log), _python(tmp_path / "new", "3.12", log)
    venv = project / ".venv"
    (venv / "bin").mkdir(parents=True)
    shutil.copy(old, venv / "bin" / "python")  # what a failed first `make demo` with 3.10 leaves
    (venv / "leftover").write_text("from the old interpreter")
    result = _make(project, "setup", f"PYTHON={new}")
    assert result.returncode == 0, result.stderr
    assert "was not made by Python 3.12" in result.stdout
    assert not (venv / "leftover").exists()
    assert (venv / ".installed-3.12").is_file()
    assert f"{new} -m venv .venv" in log.read_text()
    # set up for 3.12: a second run does nothing; another version sets up again
    log.write_text("")
    assert _make(project, "setup", f"PYTHON={new}").returncode == 0
    assert "-m venv" not in log.read_text()
    other = _python(tmp_path / "other", "3.13", log)
    result = _make(project, "setup", f"PYTHON={other}")
    assert result.returncode == 0 and "was not made by Python 3.13" in result.stdout
    assert sorted(p.name for p in venv.glob(".installed-*")) == [".installed-3.13"]
