"""Shared fixtures: paths to the repository's seeds and to ../shared when it is present."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (corpus, eval); skips the test when it is absent, as in a user's fresh clone."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): corpus and eval tests run in CI only")
    return SHARED


# -- recorded HTTP (pytest-recording / vcrpy) ----------------------------------------------------
# Cassettes live in tests/cassettes/<module>/<test>.yaml. The default record mode is "none": a
# request without a cassette fails the test. Re-record with `pytest --record-mode=rewrite …`.

def pytest_recording_configure(config, vcr):  # pytest-recording hook
    import cassette_format

    vcr.register_serializer("yaml", cassette_format)  # replaces the default: same format, readable
    vcr.register_matcher("body", cassette_format.same_body)  # pydantic's docs URL carries its version




@pytest.fixture(scope="module")
def vcr_config() -> dict:
    return {
        "serializer": "yaml",
        # the scripted server listens on a random port, so the port is not part of the match
        "match_on": ["method", "scheme", "host", "path", "query", "body"],
        "filter_headers": ["authorization", "api-key", "x-api-key", "openai-organization", "openai-project"],
        "decode_compressed_response": True,
        "allow_playback_repeats": False,
    }


@pytest.fixture
def fast_backoff(monkeypatch):
    """Scale the jittered transport backoff down so fault tests stay fast; a Retry-After hint stays untouched."""
    from summarise.extract import endpoint

    real = endpoint._wait

    def wait(state):
        hinted = endpoint._retry_after(state.outcome.exception() if state.outcome else None)
        return real(state) if hinted is not None else real(state) * 0.2

    monkeypatch.setattr(endpoint, "_wait", wait)


# -- hostile environments: permissions and small file systems --------------------------------------
# CI (.ci/run) sets SUMMARISE_REQUIRE_FAULTS=1: there these tests must run, never skip.

def _unavailable(reason: str) -> None:
    import os

    if os.environ.get("SUMMARISE_REQUIRE_FAULTS"):
        pytest.fail(f"SUMMARISE_REQUIRE_FAULTS is set but {reason}")
    pytest.skip(reason)


_NO_DAC = ["setpriv", "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search"]


@pytest.fixture(scope="session")
def unprivileged() -> list[str]:
    """A command prefix that runs a program where file permissions apply to it as to an ordinary user.

    Not root: nothing to add. Root: setpriv drops the two capabilities that let root ignore file modes
    (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), so chmod 000 stops it as it stops any user (the
    interpreter under /root stays reachable, which switching to user nobody would not allow)."""
    import os
    import shutil
    import subprocess
    import tempfile

    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        _unavailable("running as root without setpriv (util-linux): file permissions cannot be tested")
    with tempfile.TemporaryDirectory() as tmp:
        locked = Path(tmp) / "locked"
        locked.write_text("x")
        locked.chmod(0)
        probe = subprocess.run([*_NO_DAC, "cat", str(locked)], capture_output=True)
    if probe.returncode == 0:
        _unavailable("setpriv could not drop CAP_DAC_OVERRIDE here: file permissions cannot be tested")
    return list(_NO_DAC)


@pytest.fixture
def small_fs(tmp_path: Path):
    """A factory: small_fs(size_kb, read_only=False) mounts a tmpfs of that size and returns its path
    (a real full or read-only file system); unmounted after the test."""
    import os
    import subprocess

    if os.geteuid() != 0:
        _unavailable("mounting a small tmpfs needs root")
    mounts: list[Path] = []

    def make(size_kb: int, read_only: bool = False) -> Path:
        where = tmp_path / f"fs{len(mounts)}"
        where.mkdir()
        options = f"size={size_kb}k" + (",ro" if read_only else "")
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True, text=True)
        if done.returncode != 0:
            _unavailable(f"cannot mount a tmpfs here: {done.stderr.strip()}")
        mounts.append(where)
        return where

    yield make
    for where in reversed(mounts):
        subprocess.run(["umount", "-l", str(where)], capture_output=True)
