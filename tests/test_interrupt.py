"""SIGTERM during a batch whose requests never get an answer (an endpoint that accepts connections and
stays silent, with SUMMARISE_TIMEOUT far away): the batch must not wait out those requests. The
documents running get a grace period, then every one of them is listed as interrupted, the reports
are written and the command exits 130; in this process's threads and in worker processes. An interrupt
while reposts are being found, before anything runs, lists every input as not reached."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from hostile import SEED1, user_env
from summarise.run.runner import INTERRUPT_GRACE, Job, RunOptions, run_batch
from summarise.run.workers import layout
from summarise.settings import Settings

pytestmark = pytest.mark.slow  # each case runs the command in a subprocess, as a user does


class SilentEndpoint:
    """Accepts every connection, reads nothing and answers nothing (until closed)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(256)
        self.held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/v1"

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)

    def close(self) -> None:
        self.sock.close()
        for conn in self.held:
            conn.close()


@pytest.mark.parametrize("documents, jobs", [(3, 3), (130, 64)], ids=["threads", "worker processes"])
def test_sigterm_does_not_wait_for_requests_that_never_end(documents: int, jobs: int, tmp_path: Path) -> None:
    if layout(jobs, documents)[0] == 1 and documents > 3:
        pytest.skip("one core here: -j runs in threads only")
    inbox = tmp_path / "in"
    inbox.mkdir()
    for i in range(documents):
        (inbox / f"doc{i:03}.txt").write_bytes(SEED1.read_bytes() + f"\n\n（第{i}份）\n".encode())
    out = tmp_path / "out"
    server = SilentEndpoint()
    env = user_env(tmp_path, SUMMARISE_BACKEND="llm", SUMMARISE_MODEL="m", SUMMARISE_BASE_URL=server.base_url,
                   SUMMARISE_API_KEY="sk-test", SUMMARISE_TIMEOUT="600", SUMMARISE_NO_CACHE="1")
    command = [sys.executable, "-c", "from summarise.cli import entry; entry()", "run", str(inbox), "--out", str(out),
               "-j", str(jobs), "--no-reposts"]
    proc = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)  # its own process group: a failing test ends its workers too
    try:
        waiting = time.monotonic() + 120
        while len(server.held) < min(jobs, documents) and time.monotonic() < waiting and proc.poll() is None:
            time.sleep(0.05)
        assert len(server.held) >= min(jobs, documents), "the requests must be in flight for this test to mean anything"
        proc.send_signal(signal.SIGTERM)
        signalled = time.monotonic()
        _, stderr = proc.communicate(timeout=INTERRUPT_GRACE + 60)
        took = time.monotonic() - signalled
    finally:
        if proc.returncode is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
        server.close()
    err = stderr.decode("utf-8", "replace")
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "internal error" not in err, err
    assert took < INTERRUPT_GRACE + 20, f"{took:.1f} s after SIGTERM"
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["interrupted"]
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]
    # every document that was running is listed, as interrupted; the others were not reached
    assert len(errors) >= min(jobs, documents) and all("interrupted while it ran" in e["reason"] for e in errors), errors
    assert summary["counts"]["failed"] == len(errors)
    assert summary["counts"]["failed"] + summary["counts"]["not_reached"] == documents
    assert not [p for p in os.listdir(out) if p.startswith(".summarise-tmp-")]


class _InterruptedWhileRead(Job):
    """An input whose reading is cut by Ctrl-C (as on a big folder while reposts are being found)."""

    def read(self) -> bytes:
        raise KeyboardInterrupt


def test_an_interrupt_while_reposts_are_found_names_every_input(tmp_path: Path) -> None:
    jobs = [Job(label=str(SEED1), path=SEED1), _InterruptedWhileRead(label="second.txt", path=SEED1)]
    options = RunOptions(out=tmp_path / "out", reposts=True,
                         settings=Settings(backend="offline", cache_dir=tmp_path / "c"))
    summary = run_batch(jobs, options)
    assert summary.interrupted and summary.done == 0
    report = json.loads((tmp_path / "out" / "summary.json").read_text("utf-8"))
    assert report["interrupted"] and report["counts"]["not_reached"] == 2
    assert [(i["path"], i["status"]) for i in report["inputs"]] == [(str(SEED1), "not_reached"),
                                                                   ("second.txt", "not_reached")]
    assert all("interrupted" in i["reason"] and "rerun" in i["reason"] for i in report["inputs"])


def _slow(x: int, seconds: float) -> int:
    time.sleep(seconds)
    return x


@pytest.fixture
def lost_interrupt():
    """Sets the CLI's interrupt flag a moment from now without raising KeyboardInterrupt: what is left
    when the interpreter drops the KeyboardInterrupt the signal handler raised (it landed in an import's
    or a finaliser's callback)."""
    from summarise.run.workers import INTERRUPT

    INTERRUPT.clear()
    timer = threading.Timer(0.5, INTERRUPT.set)
    timer.start()
    yield
    timer.cancel()
    INTERRUPT.clear()


def test_an_interrupt_whose_keyboardinterrupt_was_lost_still_stops_the_threads(lost_interrupt) -> None:
    from summarise.run.dispatch import in_threads

    release = threading.Event()
    finished: list[object] = []

    def one(job: Job, role: object = None) -> None:
        release.wait(60)  # a document waiting on an endpoint that never answers

    started = time.monotonic()
    try:
        abandoned = in_threads([(Job(label=f"doc{i}"), None) for i in range(4)], one, finished.append, 2)
    finally:
        release.set()
    assert abandoned == 2  # the two running documents, listed as interrupted after the grace period
    assert time.monotonic() - started < INTERRUPT_GRACE + 10
    assert [type(r).__name__ for r in finished] == ["ItemResult", "ItemResult"]
    assert all("interrupted" in (r.reason or "") for r in finished)  # type: ignore[attr-defined]


def test_an_interrupt_whose_keyboardinterrupt_was_lost_still_stops_the_workers(lost_interrupt) -> None:
    from summarise.run.workers import Pool

    started = time.monotonic()
    with Pool(_slow, (60.0,), processes=1, threads=2) as pool:
        with pytest.raises(KeyboardInterrupt):
            for _ in pool.imap_unordered(range(4)):
                pass
        drained = list(pool.drain(0.5))
    assert sorted(index for index, ok, _ in drained if not ok) == [0, 1]  # the two it held, interrupted
    assert time.monotonic() - started < 30
